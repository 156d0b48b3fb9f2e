"""The delivery demo step and its dashboard verdict."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tournage.web.delivery.demo import load_demo_delivery
from tournage.web.delivery.models import Deliverable, QCRun

pytestmark = pytest.mark.django_db


def test_demo_step_is_idempotent_and_the_dashboard_shows_the_verdict(
    member_client, production
) -> None:
    production.channels = ["fr_pad_hd_file", "dcp_cinema", "not_a_channel"]
    production.save()
    load_demo_delivery(production)
    load_demo_delivery(production)
    assert sorted(Deliverable.objects.values_list("profile", flat=True)) == ["dcp", "pad-hd-fr"]
    assert QCRun.objects.filter(status="done").count() == 2
    dashboard = member_client("crew").get(
        reverse("productions:dashboard", kwargs={"production_id": production.pk})
    )
    assert "Non conforme" in dashboard.content.decode()  # French is the default language
