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


def test_web_demo_masters_take_the_picture_size_their_profile_asks() -> None:
    from tournage.web.delivery.demo import DEMO_PICTURE, picture_size

    assert picture_size("social-vertical") == (1080, 1920)  # qc_profiles.yaml resolution
    assert picture_size("youtube") == DEMO_PICTURE  # the profile asks no size
