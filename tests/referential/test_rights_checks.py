"""The rights domain's referential checks, each met and not met on small productions."""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

import pytest
from django.core.files.base import ContentFile

from referential.conftest import run
from tournage.referential.registry import Status
from tournage.web.development.models import ChannelPlan
from tournage.web.rights import services
from tournage.web.rights.models import (
    AuthorContract,
    AuthorRight,
    ChannelRating,
    Clearance,
    Cue,
    DestinationDocument,
    Permit,
    ReleasePlan,
    ReleaseStep,
)

pytestmark = pytest.mark.django_db

FAR = date(2030, 1, 1)
EDL = b"""TITLE: ESSAI
FCM: NON-DROP FRAME

001  MUS01    A     C        00:00:00:00 00:00:10:00 01:00:00:00 01:00:10:00
* FROM CLIP NAME: La Valse lente.wav
"""


def _contract(production: Any, **fields: Any) -> AuthorContract:
    values = {"author": "Ana Lopez", "role": "screenplay", "signed_on": date(2026, 1, 5)}
    values.update(fields)
    return AuthorContract.objects.create(production=production, **values)


def _right(contract: AuthorContract, **fields: Any) -> AuthorRight:
    values = {
        "right": "reproduction",
        "mode": "tout support audiovisuel",
        "territory": "monde",
        "duration": "30 ans",
        "remuneration": "proportional",
    }
    values.update(fields)
    return AuthorRight.objects.create(contract=contract, **values)


# --- clearances -------------------------------------------------------------------------


def test_every_breakdown_reference_gets_an_entry(scripted: Any) -> None:
    from tournage.web.screenplay.models import BreakdownTag, Scene

    scene = Scene.objects.filter(production=scripted).first()
    BreakdownTag.objects.create(
        production=scripted, scene=scene, category="music", name="Valse", status="accepted"
    )
    assert run("rights_for_each_reference", scripted).status is Status.NOT_MET
    assert services.seed_clearances(scripted) == 1
    assert services.seed_clearances(scripted) == 0  # seeding twice adds nothing
    assert run("rights_for_each_reference", scripted).status is Status.MET


@pytest.mark.parametrize("check", ["rights_cover_channels", "rights_cover_channels_b1"])
def test_licences_cover_the_planned_channels(production: Any, check: str) -> None:
    production.channels = ["dcp_cinema", "fr_pad_hd_file"]
    production.save()
    item = Clearance.objects.create(
        production=production,
        type="music_work_sync",
        subject="Valse",
        status="granted",
        channels=["dcp_cinema"],
        territories="WORLD",
    )
    result = run(check, production)
    assert result.status is Status.NOT_MET and "Valse" in result.message
    item.channels = ["dcp_cinema", "fr_pad_hd_file"]
    item.save()
    assert run(check, production).status is Status.MET


def test_a_licence_ending_before_the_planned_exploitation_does_not_cover(production: Any) -> None:
    ReleasePlan.objects.create(production=production, rights_until=FAR)
    Clearance.objects.create(
        production=production,
        type="archive_footage",
        subject="INA 1987",
        status="granted",
        channels=["dcp_cinema"],
        territories="FR",
        ends=FAR - timedelta(days=1),
    )
    assert run("rights_cover_channels", production).status is Status.NOT_MET


# --- authors ----------------------------------------------------------------------------


def test_author_contract_fields(production: Any) -> None:
    right = _right(_contract(production), territory="")
    assert run("author_contract_fields", production).status is Status.NOT_MET
    right.territory = "monde"
    right.save()
    assert run("author_contract_fields", production).status is Status.MET


def test_lump_sum_fails_only_the_remuneration_check_and_only_as_a_warning(production: Any) -> None:
    _right(_contract(production), remuneration="lump_sum")
    assert run("author_contract_fields", production).status is Status.MET
    result = run("author_contract_fields_b3", production)
    assert result.status is Status.NOT_MET and result.uncertain
    AuthorRight.objects.update(remuneration="proportional")
    assert run("author_contract_fields_b3", production).status is Status.MET


def test_co_authors_covered(production: Any, make_person: Any) -> None:
    writer = make_person(production, functions="scénariste")
    assert run("co_authors_covered", production).status is Status.NOT_MET
    _contract(production, person=writer, author=str(writer), role="screenplay")
    assert run("co_authors_covered", production).status is Status.MET


def test_an_unsigned_contract_does_not_cover_its_author(production: Any, make_person: Any) -> None:
    director = make_person(production, functions="réalisatrice")
    _contract(production, person=director, author=str(director), role="director", signed_on=None)
    assert run("co_authors_covered", production).status is Status.NOT_MET


def test_author_statements_scheduled(production: Any) -> None:
    contract = _contract(production)
    assert run("author_statements_scheduled", production).status is Status.NOT_MET
    contract.statements_from = services.today() + timedelta(days=30)
    contract.save()
    assert run("author_statements_scheduled", production).status is Status.MET
    contract.statements_from = services.today() - timedelta(days=400)
    contract.save()
    assert run("author_statements_scheduled", production).status is Status.NOT_MET


# --- permits ----------------------------------------------------------------------------


@pytest.fixture
def shot(scheduled: Any, make_location: Any) -> dict[str, Any]:
    """The essai script's two sets as locations of the accepted plan de travail."""
    return {
        "CUISINE": make_location(scheduled.production, name="Cuisine", sets=["CUISINE"]),
        "JARDIN": make_location(scheduled.production, name="Jardin", sets=["JARDIN"]),
    }


def _permit(location: Any, **fields: Any) -> Permit:
    values = {"authority": "private_owner", "status": "granted", "granted_on": date(2026, 1, 2)}
    values.update(fields)
    return Permit.objects.create(production=location.production, location=location, **values)


def test_permit_status(shot: dict[str, Any]) -> None:
    production = shot["CUISINE"].production
    _permit(shot["CUISINE"])
    result = run("permit_status", production)
    assert result.status is Status.PARTLY and "Jardin" in result.message
    _permit(shot["JARDIN"], status="not_needed", reason="jardin privé du producteur")
    assert run("permit_status", production).status is Status.MET


def test_a_permit_requested_after_its_lead_time_fails(shot: dict[str, Any]) -> None:
    production = shot["CUISINE"].production
    first = min(services.location_days(production)[shot["CUISINE"].pk])
    _permit(
        shot["CUISINE"],
        authority="mairie",
        status="requested",
        granted_on=None,
        requested_on=first - timedelta(days=2),
    )
    _permit(shot["JARDIN"])
    result = run("permit_status", production)
    assert result.status is Status.PARTLY and "Cuisine" in result.message
    assert result.uncertain  # the communes' 15 working days rest on an uncertain source


def test_permit_before_shoot_day(shot: dict[str, Any]) -> None:
    production = shot["CUISINE"].production
    assert run("permit_before_shoot_day", production).status is Status.NOT_MET
    for place in shot.values():
        _permit(place)
    assert run("permit_before_shoot_day", production).status is Status.MET


def test_permits_need_the_plan_de_travail(production: Any) -> None:
    assert run("permit_status", production).status is Status.UNKNOWN
    assert run("permit_before_shoot_day", production).status is Status.UNKNOWN


def test_insurance_certificate_for_permits(shot: dict[str, Any]) -> None:
    production = shot["CUISINE"].production
    permit = _permit(shot["CUISINE"], status="requested")
    assert run("insurance_certificate_for_permits", production).status is Status.NOT_MET
    permit.insurance_certificate.save("rc.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    assert run("insurance_certificate_for_permits", production).status is Status.MET


# --- music ------------------------------------------------------------------------------


def test_music_cleared(production: Any) -> None:
    assert run("music_cleared", production).status is Status.UNKNOWN
    services.import_edit(production, EDL, "essai.edl")
    assert run("music_cleared", production).status is Status.NOT_MET
    Clearance.objects.create(
        production=production, type="music_work_sync", subject="La valse lente", status="granted"
    )
    assert run("music_cleared", production).status is Status.MET


def test_cue_sheet_matches_edit(production: Any) -> None:
    edit = services.import_edit(production, EDL, "essai.edl")
    assert run("cue_sheet_matches_edit", production).status is Status.NOT_MET  # no sheet yet
    services.rebuild_sheet(production, edit)
    Cue.objects.update(work="La Valse lente", authors="A. Compositeur", usage="background")
    assert run("cue_sheet_matches_edit", production).status is Status.MET
    Cue.objects.update(record_out=Cue.objects.get().record_out + 50)  # retimed by hand
    assert run("cue_sheet_matches_edit", production).status is Status.NOT_MET


# --- release ----------------------------------------------------------------------------


@pytest.fixture
def cinema(production: Any) -> Any:
    """A CNC-aided short for cinema, shot in the future, first screened later still."""
    production.shoot_start = services.today() + timedelta(days=120)
    production.save()
    ReleasePlan.objects.create(
        production=production,
        cnc_aided=True,
        first_screening=services.today() + timedelta(days=400),
        delivery=services.today() + timedelta(days=300),
    )
    return production


def _steps(production: Any, **overrides: dict[str, Any]) -> None:
    for rule in [row.rule.id for row in services.step_rows(production)]:
        values = {"status": "planned", **overrides.get(rule, {})}
        ReleaseStep.objects.create(production=production, step=rule, **values)


def test_national_steps_planned(cinema: Any) -> None:
    assert run("national_steps_planned", cinema).status is Status.NOT_MET
    _steps(cinema, isan={"status": "done", "reference": "0000-0001-0000-0000-X"})
    assert run("national_steps_planned", cinema).status is Status.MET


def test_release_steps_status(cinema: Any) -> None:
    ReleaseStep.objects.create(production=cinema, step="rca_immatriculation")
    assert run("release_steps_status", cinema).status is Status.PARTLY
    ReleaseStep.objects.all().delete()
    _steps(cinema, isan={"status": "done", "reference": "0000-0001-0000-0000-X"})
    assert run("release_steps_status", cinema).status is Status.MET


def test_regulatory_milestones(cinema: Any) -> None:
    late = cinema.shoot_start + timedelta(days=3)
    _steps(cinema, rca_immatriculation={"status": "done", "done_on": late, "reference": "RCA 1"})
    result = run("regulatory_milestones", cinema)
    assert result.status is Status.PARTLY and "RCA" in result.message
    ReleaseStep.objects.filter(step="rca_immatriculation").update(
        done_on=cinema.shoot_start - timedelta(days=10)
    )
    assert run("regulatory_milestones", cinema).status is Status.MET


def test_isan_present(cinema: Any) -> None:
    ReleaseStep.objects.create(production=cinema, step="isan", status="done")
    assert run("isan_present", cinema).status is Status.NOT_MET  # done without its number
    ReleaseStep.objects.update(reference="0000-0001-0000-0000-X")
    assert run("isan_present", cinema).status is Status.MET


def test_isan_is_not_asked_of_a_work_without_cnc_aid(production: Any) -> None:
    assert run("isan_present", production).status is Status.UNKNOWN
    ReleasePlan.objects.create(production=production, cnc_aided=False)
    assert run("isan_present", production).status is Status.MET


def test_authorisations_per_destination(cinema: Any) -> None:
    _steps(cinema)
    result = run("authorisations_per_destination", cinema)
    assert result.status is Status.NOT_MET and "Visa" in result.message
    ReleaseStep.objects.filter(
        step__in=["visa_exploitation", "rca_immatriculation", "depot_legal"]
    ).update(status="done", reference="n°")
    assert run("authorisations_per_destination", cinema).status is Status.MET


def test_sales_docs_present(cinema: Any) -> None:
    assert run("sales_docs_present", cinema).status is Status.MET  # no sales agreement
    ReleasePlan.objects.update(sales_agreement=True)
    assert run("sales_docs_present", cinema).status is Status.NOT_MET
    ReleaseStep.objects.create(production=cinema, step="music_rights_and_cue_sheet", status="done")
    for item in ("chain_of_title", "errors_and_omissions", "m_and_e", "lab_access_letter"):
        DestinationDocument.objects.create(
            production=cinema, item=f"international_sales.{item}", received_on=date(2027, 1, 1)
        )
    assert run("sales_docs_present", cinema).status is Status.MET


# --- signage ----------------------------------------------------------------------------


@pytest.fixture
def on_tv(production: Any) -> Any:
    production.channels = ["fr_pad_hd_file"]
    production.save()
    return production


def plan_slot(production: Any, slot: time) -> None:
    """The slot's one record: the development app's distribution plan."""
    ChannelPlan.objects.update_or_create(
        production=production, channel="fr_pad_hd_file", defaults={"slot": slot}
    )


def test_age_category_per_channel(on_tv: Any) -> None:
    assert run("age_category_per_channel", on_tv).status is Status.NOT_MET
    plan_slot(on_tv, time(21, 0))
    ChannelRating.objects.create(production=on_tv, channel="fr_pad_hd_file", category="II")
    assert run("age_category_per_channel", on_tv).status is Status.MET


def test_slot_vs_category(on_tv: Any) -> None:
    plan_slot(on_tv, time(21, 0))
    ChannelRating.objects.create(production=on_tv, channel="fr_pad_hd_file", category="IV")
    result = run("slot_vs_category", on_tv)
    assert result.status is Status.NOT_MET and result.uncertain
    plan_slot(on_tv, time(22, 45))  # moved in the distribution plan: the signage follows
    assert run("slot_vs_category", on_tv).status is Status.MET


def test_a_cinema_ban_sets_a_floor_on_the_tv_category(on_tv: Any) -> None:
    ReleasePlan.objects.create(production=on_tv, visa_ban="16")
    plan_slot(on_tv, time(22, 45))
    ChannelRating.objects.create(production=on_tv, channel="fr_pad_hd_file", category="III")
    assert run("slot_vs_category", on_tv).status is Status.NOT_MET


def test_trailer_rating(on_tv: Any) -> None:
    assert run("trailer_rating", on_tv).status is Status.UNKNOWN
    plan_slot(on_tv, time(22, 15))
    rating = ChannelRating.objects.create(
        production=on_tv, channel="fr_pad_hd_file", category="III"
    )
    assert run("trailer_rating", on_tv).status is Status.NOT_MET
    rating.trailer_signage = True
    rating.save()
    assert run("trailer_rating", on_tv).status is Status.MET
