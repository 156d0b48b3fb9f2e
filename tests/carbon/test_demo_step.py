"""The carbon demo step, its dashboard panel and the export archive the core reads."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tournage.web.carbon.models import LocationEnergy, PersonTravel, Scenario

pytestmark = pytest.mark.django_db


def test_demo_step_is_idempotent_and_explains_the_forecast() -> None:
    from tournage.web.carbon.adapters import production_footprints
    from tournage.web.productions.demo import load_demo

    production, _ = load_demo()
    load_demo()
    assert LocationEnergy.objects.filter(production=production).count() == 9
    assert PersonTravel.objects.filter(production=production).count() == 2
    assert Scenario.objects.filter(production=production).count() == 1
    result = production_footprints(production)
    assert result.derived is not None
    keys = {a.key.split(":")[0] for a in result.derived.activities}
    assert {"travel", "hotel", "meals", "energy", "moves", "post"} <= keys
    assert all(a.derivation for a in result.derived.activities)
    assert result.forecast.total_kgco2e > 0


def test_dashboard_panel_shows_the_forecast(planned: Any, member_client: Any) -> None:
    response = member_client("crew").get(
        reverse("productions:dashboard", kwargs={"production_id": planned.pk})
    )
    assert response.status_code == 200 and "tCO2e" in response.content.decode()


def test_core_reads_the_foundation_export_archive(tmp_path: Any) -> None:
    """The CLI path (no Django) gives the same forecast as the web app."""
    from tournage.carbon.estimate import footprints
    from tournage.carbon.sources import load_source
    from tournage.web.carbon.adapters import production_footprints
    from tournage.web.productions.archive import export_production
    from tournage.web.productions.demo import load_demo

    production, _ = load_demo()
    path = tmp_path / "demo.zip"
    export_production(production, str(path))
    source = load_source(path)
    from_archive = footprints(source.plan, source.activities)
    from_database = production_footprints(production)
    assert from_archive.forecast.total_kgco2e == from_database.forecast.total_kgco2e > 0
    assert source.checklist["eco_referent_named"] is True
