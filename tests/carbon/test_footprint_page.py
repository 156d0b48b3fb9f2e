"""The footprint page: derived forecast, charts, spending listed apart, who sees and writes."""

from __future__ import annotations

from typing import Any

import pytest

from tournage.web.carbon.models import CarbonActivity

from .web_helpers import url

pytestmark = pytest.mark.django_db


def test_footprint_page_shows_the_derived_forecast_with_charts(
    planned: Any, member_client: Any
) -> None:
    response = member_client("crew").get(url("index", planned))
    body = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in body and "Moulin" in body
    assert "diesel_b7_l_ademe" in body  # 2 days x 30 L on the generator
    assert "homologué" in body


def test_cost_report_spending_is_listed_not_counted(planned: Any, member_client: Any) -> None:
    from django.apps import apps

    expense = apps.get_model("budget", "Expense")
    expense.objects.create(
        production=planned, date="2027-04-20", account="7.1", amount_ht="1500.00"
    )
    body = member_client("crew").get(url("index", planned)).content.decode()
    assert "monetary_equipment_rental_eur_unknown" in body and "1500" in body.replace("\u202f", "")


def test_other_production_is_hidden(
    planned: Any, other_production: Any, member_client: Any
) -> None:
    client = member_client("producer", on=other_production)
    assert client.get(url("index", planned)).status_code == 404


def test_crew_cannot_write(planned: Any, member_client: Any) -> None:
    response = member_client("crew").post(
        url("activity_create", planned),
        {"phase": "actual", "factor": "train_tgv", "quantity": "1", "unit": "km"},
    )
    assert response.status_code == 403 and not CarbonActivity.objects.exists()
