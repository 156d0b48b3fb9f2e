"""The carbon app: footprint page, forms with unit checks, imports, roles, reports, demo."""

import io
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from tournage.web.carbon.models import CarbonActivity, LocationEnergy, PersonTravel, Scenario

pytestmark = pytest.mark.django_db


def url(name: str, production: Any, **kwargs: Any) -> str:
    return reverse(f"carbon:{name}", kwargs={"production_id": production.pk, **kwargs})


@pytest.fixture
def planned(production: Any, make_person: Any, make_location: Any) -> Any:
    """Two people, one generator location shot 2 days."""
    make_person(production, home_city="Paris", home_latitude=48.8566, home_longitude=2.3522)
    make_person(production, home_city="Albi", home_latitude=43.9289, home_longitude=2.1464)
    location = make_location(production, name="Moulin", power_source="generator")
    LocationEnergy.objects.create(
        production=production, location=location, shooting_days=2, fuel_l_per_day=Decimal(30)
    )
    return production


def test_footprint_page_shows_the_derived_forecast_with_charts(
    planned: Any, member_client: Any
) -> None:
    response = member_client("crew").get(url("index", planned))
    body = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in body and "Moulin" in body
    assert "diesel_b7_l_ademe" in body  # 2 days x 30 L on the generator
    assert "homologué" in body


def test_activity_with_the_wrong_unit_is_refused_and_nothing_stored(
    planned: Any, member_client: Any
) -> None:
    client = member_client("eco_referent")
    response = client.post(
        url("activity_create", planned),
        {"phase": "actual", "factor": "diesel_b7_l_ademe", "quantity": "12", "unit": "kWh"},
    )
    assert response.status_code == 200 and "incompatible" in response.content.decode()
    assert not CarbonActivity.objects.exists()
    response = client.post(
        url("activity_create", planned),
        {
            "phase": "actual",
            "factor": "diesel_b7_l_ademe",
            "quantity": "12",
            "unit": "L",
            "evidence": SimpleUploadedFile(
                "ticket.pdf", b"%PDF-1.4 ticket", content_type="application/pdf"
            ),
        },
    )
    assert response.status_code == 302
    assert CarbonActivity.objects.get().evidence.name.endswith(".pdf")


def test_crew_cannot_write(planned: Any, member_client: Any) -> None:
    response = member_client("crew").post(
        url("activity_create", planned),
        {"phase": "actual", "factor": "train_tgv", "quantity": "1", "unit": "km"},
    )
    assert response.status_code == 403 and not CarbonActivity.objects.exists()


def test_import_is_all_or_nothing(planned: Any, member_client: Any) -> None:
    client = member_client("production_manager")
    bad = b"factor,quantity,unit\ntrain_tgv,100,km\ndiesel_b7_l_ademe,5,kWh\n"
    response = client.post(url("import", planned), {"file": SimpleUploadedFile("a.csv", bad)})
    assert "Ligne 3" in response.content.decode() and not CarbonActivity.objects.exists()
    good = (
        b"factor,quantity,unit,label\ntrain_tgv,100,km,Billets\nhotel_night_fr_avg_ademe,3,night,\n"
    )
    response = client.post(url("import", planned), {"file": SimpleUploadedFile("a.csv", good)})
    assert response.status_code == 302
    assert list(CarbonActivity.objects.values_list("phase", flat=True)) == ["actual", "actual"]


def test_scenario_location_energy_and_checklist_forms(planned: Any, member_client: Any) -> None:
    client = member_client("producer")
    response = client.post(
        url("scenario_create", planned),
        {
            "name": "Réseau",
            "levers": ["grid_instead_of_generator", "vegetarian_share"],
            "vegetarian_share": "0.7",
        },
    )
    assert response.status_code == 302
    assert Scenario.objects.get().levers == {
        "grid_instead_of_generator": {},
        "vegetarian_share": {"share": 0.7},
    }
    location = LocationEnergy.objects.get().location
    response = client.post(
        url("location_energy", planned, location_id=location.pk),
        {"shooting_days": 5, "power_source": "grid", "energy_kwh_per_day": "80"},
    )
    assert response.status_code == 302 and LocationEnergy.objects.get().shooting_days == 5
    client.post(url("checklist", planned), {"waste_sorting": "on"})
    body = client.get(url("index", planned)).content.decode()
    assert "Réseau" in body and "1/12" in body


def test_reports_download(planned: Any, member_client: Any) -> None:
    client = member_client("accountant")
    pdf = client.get(url("report_pdf", planned))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    xlsx = client.get(url("report_xlsx", planned))
    workbook = load_workbook(io.BytesIO(xlsx.content))
    assert "Lieux de tournage" in workbook.sheetnames


def test_other_production_is_hidden(
    planned: Any, other_production: Any, member_client: Any
) -> None:
    client = member_client("producer", on=other_production)
    assert client.get(url("index", planned)).status_code == 404


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


def test_plan_inputs_feed_the_forecast(planned: Any, member_client: Any) -> None:
    from tournage.web.carbon.adapters import production_footprints

    client = member_client("eco_referent")
    response = client.post(
        url("plan", planned),
        {
            "vehicle_0": "van_class3_diesel_km_desnz",
            "vehicle_0_count": "2",
            "meal_vegan_ngc": "1",
            "storage_tb": "4",
            "detour_road": "1.25",
            "flights_with_contrails": "no",
        },
    )
    assert response.status_code == 302
    result = production_footprints(planned)
    assert result.derived is not None
    factors = {a.factor for a in result.derived.activities}
    assert {"meal_vegan_ngc", "data_storage_tb_year_impactco2"} <= factors
    assert result.derived.plan.options.get("detour_road") == Decimal("1.25")
    assert result.derived.plan.options.flights_with_contrails is False


def test_override_and_travel_mode(planned: Any, member_client: Any) -> None:
    from tournage.web.carbon.adapters import production_footprints

    client = member_client("producer")
    key = f"energy:{LocationEnergy.objects.get().location_id}:diesel_b7_l_ademe"
    client.post(url("override", planned) + f"?key={key}", {"quantity": "12"})
    line = next(a for a in production_footprints(planned).forecast.lines if a.activity.key == key)
    assert line.quantity == Decimal(12) and "valeur dérivée : 60" in line.activity.derivation
    client.post(url("override", planned) + f"?key={key}", {"remove": "on"})
    line = next(a for a in production_footprints(planned).forecast.lines if a.activity.key == key)
    assert line.quantity == Decimal(60)
    paris = planned.people.get(home_city="Paris")
    client.post(url("travel", planned), {f"person_{paris.pk}": "plane"})
    keys = {line.activity.key for line in production_footprints(planned).forecast.lines}
    assert f"travel:{paris.pk}:plane_short_haul_contrails_ademe" in keys


def test_cost_report_spending_is_listed_not_counted(planned: Any, member_client: Any) -> None:
    from django.apps import apps

    expense = apps.get_model("budget", "Expense")
    expense.objects.create(
        production=planned, date="2027-04-20", account="7.1", amount_ht="1500.00"
    )
    body = member_client("crew").get(url("index", planned)).content.decode()
    assert "monetary_equipment_rental_eur_unknown" in body and "1500" in body.replace("\u202f", "")


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
