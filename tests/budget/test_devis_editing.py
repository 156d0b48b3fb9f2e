"""Editing the devis: globals, social charge rates, globals from the schedule."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from tournage.budget.report import analyse
from tournage.web.budget import adapters

from .web_helpers import url

pytestmark = pytest.mark.django_db


def test_changing_a_global_updates_the_devis(budgeted: Any, member_client: Any) -> None:
    client = member_client("production_manager")
    version = adapters.reference_version(budgeted)
    before = analyse(adapters.production_budget(budgeted))[0].total
    shooting = version.globals.get(code="tournage")
    response = client.post(
        url("global_edit", budgeted, version_id=version.pk, global_id=shooting.pk),
        {"code": "tournage", "label": "Jours de tournage", "value": "8", "unit": "j"},
    )
    assert response.status_code == 302
    assert analyse(adapters.production_budget(budgeted))[0].total > before
    assert shooting.history.count() == 2  # audit trail: before and after


def test_user_sets_an_unknown_social_charge_rate(budgeted: Any, member_client: Any) -> None:
    version = adapters.reference_version(budgeted)
    client = member_client("producer")
    key = "technicien_intermittent.general_employer"
    response = client.post(
        url("fringe_set", budgeted, version_id=version.pk), {"key": key, "rate": "0.3"}
    )
    assert response.status_code == 302
    assert version.fringe_overrides.get(key=key).rate == Decimal("0.3")
    assert (
        client.post(
            url("fringe_set", budgeted, version_id=version.pk), {"key": "nope.nope", "rate": "1"}
        ).status_code
        == 404
    )


def test_schedule_provided_globals_drive_the_devis(
    budgeted: Any, member_client: Any, monkeypatch: Any
) -> None:
    from tournage.web.budget import schedule_link

    before = analyse(adapters.production_budget(budgeted))[0].total
    monkeypatch.setattr(
        schedule_link, "_providers", [lambda p: {"tournage": ("Jours de tournage", Decimal(9))}]
    )
    after = analyse(adapters.production_budget(budgeted))[0].total
    assert after > before  # 9 planned days instead of the 6 stored
    version = adapters.reference_version(budgeted)
    page = member_client("producer").get(url("devis", budgeted, version_id=version.pk))
    assert "(planning)" in page.content.decode()
