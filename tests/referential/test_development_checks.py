"""Development checks (block 1): a passing and a failing case for each evaluator."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from tournage.development import specification
from tournage.development.channels import Capture, ChannelPlan
from tournage.referential.registry import Status
from tournage.web.development import adapters
from tournage.web.development.models import (
    Approval,
    BenchmarkRow,
    Brief,
    Dossier,
    Milestone,
    Note,
    NoteKind,
    NoteReference,
    Objective,
    ObjectiveTrace,
    Specification,
)
from tournage.web.development.models import (
    ChannelPlan as PlanRow,
)
from tournage.web.safety.models import HeadOfDepartment

from .conftest import run

pytestmark = pytest.mark.django_db
DAY = date(2026, 11, 1)


def brief(production: Any, **fields: Any) -> Brief:
    values = {"audiences": "Familles", "deadline": date(2027, 9, 30)}
    return Brief.objects.create(production=production, **{**values, **fields})


def objective(production: Any, text: str = "Émouvoir", trace: str = "") -> Objective:
    item = Objective.objects.create(production=production, text=text)
    if trace:
        ObjectiveTrace.objects.create(objective=item, kind="scene", reference=trace)
    return item


def row(production: Any, title: str, kind: str = "cinema", **fields: Any) -> BenchmarkRow:
    values: dict[str, Any] = {
        "budget": Decimal(100000),
        "budget_source": "CNC",
        "budget_date": DAY,
        "audience_unknown": True,
        "positioning": "Plus intime",
    }
    values.update(fields)
    return BenchmarkRow.objects.create(
        production=production, title=title, channel_kind=kind, **values
    )


def plan(production: Any, channel: str = "dcp_cinema", **fields: Any) -> PlanRow:
    values: dict[str, Any] = {
        "versions": "VF",
        "sme_versions": "VF",
        "ad": True,
        "viewing_hours": Decimal(100),
        "g_per_hour": Decimal(30),
        "carbon_source": "Arcom 2024",
    }
    values.update(fields)
    return PlanRow.objects.create(production=production, channel=channel, **values)


def test_everything_is_unknown_or_not_met_on_an_empty_production(production: Any) -> None:
    for check in ("brief_fields_complete", "benchmark_figures_sourced", "ad_planned"):
        assert run(check, production).status is Status.UNKNOWN
    assert run("note_links_brief", production).status is Status.NOT_MET


def test_brief_fields_complete(production: Any) -> None:
    brief(production, deadline=None)
    objective(production)
    result = run("brief_fields_complete", production)
    assert result.status is Status.PARTLY and "deadline" in result.message
    Brief.objects.filter(production=production).update(deadline=DAY)
    assert run("brief_fields_complete", production).status is Status.MET


def test_note_links_brief_and_references(production: Any) -> None:
    brief(production)
    first, second = objective(production, "A"), objective(production, "B")
    note = Note.objects.create(production=production, kind=NoteKind.OPPORTUNITY, body="…")
    note.objectives.set([first])
    assert run("note_links_brief", production).status is Status.PARTLY
    note.objectives.set([first, second])
    note.cites_audiences = True
    note.save()
    assert run("note_links_brief", production).status is Status.MET
    assert run("note_references_dated", production).status is Status.UNKNOWN
    reference = NoteReference.objects.create(note=note, label="Étude", source="INSEE")
    assert run("note_references_dated", production).status is Status.NOT_MET
    reference.date = DAY
    reference.save()
    assert run("note_references_dated", production).status is Status.MET


def test_benchmark_rows_mix_and_positioning(production: Any) -> None:
    production.channels = ["dcp_cinema", "youtube_upload"]
    production.save()
    assert run("benchmark_min_rows", production).status is Status.NOT_MET
    row(production, "Un", positioning="")
    assert run("benchmark_channel_mix", production).status is Status.PARTLY
    assert run("positioning_column_filled", production).status is Status.NOT_MET
    brief(production, benchmark_min_rows=2)
    row(production, "Deux", kind="digital")
    assert run("benchmark_min_rows", production).status is Status.MET
    assert run("benchmark_channel_mix", production).status is Status.MET
    assert run("positioning_column_filled", production).status is Status.PARTLY


def test_benchmark_figures_sourced_and_dated(production: Any) -> None:
    row(production, "Sourcé")
    assert run("benchmark_figures_sourced", production).status is Status.MET
    assert run("benchmark_sources", production).status is Status.MET
    row(production, "Vide", budget=None, budget_source="", budget_date=None, audience_unknown=False)
    assert run("benchmark_figures_sourced", production).status is Status.PARTLY
    row(production, "Sans date", budget_date=None)
    result = run("benchmark_sources", production)
    assert result.status is Status.PARTLY and "Sans date" in result.message


def test_accessibility_files_per_channel(production: Any) -> None:
    item = plan(production, ad=False)
    result = run("accessibility_deliverables_listed", production)
    assert result.status is Status.PARTLY and "AD" in result.message
    assert run("ad_planned", production).status is Status.NOT_MET
    item.ad = True
    item.save()
    assert run("accessibility_deliverables_listed", production).status is Status.MET
    assert run("ad_planned", production).status is Status.MET


def test_sme_every_version(production: Any) -> None:
    plan(production, versions="VF, VOSTA", sme_versions="VF")
    assert run("sme_every_version", production).status is Status.PARTLY
    PlanRow.objects.update(sme_versions="VF, VOSTA")
    assert run("sme_every_version", production).status is Status.MET


def test_windows_respected(production: Any) -> None:
    plan(production, release=date(2027, 1, 10))
    tv = plan(production, channel="fr_pad_hd_file", release=date(2027, 6, 1))
    result = run("windows_respected", production)
    assert result.status is Status.NOT_MET and "2028-11-10" in result.message
    tv.release = date(2028, 11, 10)
    tv.save()
    assert run("windows_respected", production).status is Status.MET


def test_windows_unknown_without_a_theatrical_date(production: Any) -> None:
    plan(production)
    assert run("windows_respected", production).status is Status.UNKNOWN


def test_distribution_carbon_present(production: Any) -> None:
    plan(production)
    assert run("distribution_carbon_present", production).status is Status.MET
    plan(production, channel="youtube_upload", g_per_hour=None)
    assert run("distribution_carbon_present", production).status is Status.PARTLY


def test_script_checks(scripted: Any) -> None:
    assert run("client_approval_recorded", scripted).status is Status.NOT_MET
    Approval.objects.create(
        production=scripted,
        milestone=Milestone.SCRIPT,
        script_version=1,
        approved_by="Client",
        approved_on=DAY,
    )
    assert run("client_approval_recorded", scripted).status is Status.MET
    objective(scripted, "A", trace="2")
    objective(scripted, "B", trace="99")  # no scene 99 in the script
    assert run("brief_objectives_traced", scripted).status is Status.PARTLY
    ObjectiveTrace.objects.filter(reference="99").update(reference="3")
    assert run("brief_objectives_traced", scripted).status is Status.MET


def test_duration_vs_brief(scripted: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    scripted.target_duration_minutes = 30
    scripted.save()
    result = run("duration_vs_brief", scripted)
    assert result.status is Status.NOT_MET and result.uncertain
    facts = adapters.script_facts(scripted)
    assert facts is not None
    longer = adapters.ScriptFacts(facts.version, 29.0, facts.scenes, 0, 0)
    monkeypatch.setattr(adapters, "script_facts", lambda production: longer)
    assert run("duration_vs_brief", scripted).status is Status.MET


def test_approvals_at_milestones(scripted: Any) -> None:
    brief(scripted)
    Approval.objects.create(
        production=scripted, milestone=Milestone.BRIEF, approved_by="C", approved_on=DAY
    )
    assert run("approvals_at_milestones", scripted).status is Status.PARTLY
    Approval.objects.create(
        production=scripted, milestone=Milestone.SCRIPT, approved_by="C", approved_on=DAY
    )
    assert run("approvals_at_milestones", scripted).status is Status.MET


def test_dossier_pieces(scripted: Any) -> None:
    assert run("dossier_pieces_present", scripted).status is Status.NOT_MET
    assert run("scheme_pieces_present", scripted).status is Status.UNKNOWN
    Dossier.objects.create(production=scripted, scheme="framework_block_1")
    assert run("scheme_pieces_present", scripted).status is Status.NOT_MET
    row(scripted, "Un")
    Note.objects.create(production=scripted, kind=NoteKind.OPPORTUNITY, body="…")
    scripted.cdc_versions.create(number=1, created_on=DAY, document={})
    plan(scripted)
    assert run("dossier_pieces_present", scripted).status is Status.MET
    assert run("scheme_pieces_present", scripted).status is Status.MET


def test_piece_length_limits(production: Any) -> None:
    Dossier.objects.create(production=production, scheme="cnc_cm_avant_realisation")
    production.logline = "Une phrase courte."
    production.save()
    assert run("piece_length_limits", production).status is Status.MET
    production.logline = "\n".join(["Une ligne."] * 4)
    production.save()
    result = run("piece_length_limits", production)
    assert result.status is Status.NOT_MET and "4 lignes" in result.message


def test_cdc_economic(production: Any) -> None:
    from tournage.web.budget.models import BudgetLine, BudgetVersion, FinancingSource

    production.refresh_from_db()  # the envelope as a Decimal
    version = BudgetVersion.objects.create(production=production, name="v1", is_reference=True)
    BudgetLine.objects.create(budget=version, account="3.1", label="Rôles", rate="5000")
    result = run("cdc_economic", production)
    assert result.status is Status.NOT_MET and "plan de financement" in result.message
    total = adapters.economy(production).devis_total
    assert total is not None
    FinancingSource.objects.create(production=production, kind="own_funds", label="A", amount=total)
    assert run("cdc_economic", production).status is Status.MET


POSTS = ("director", "cinematographer", "sound_mixer", "editor", "production_designer")


def test_cdc_human(production: Any, make_person: Any) -> None:
    """The heads of department are the safety file's CNC form rows: one record."""
    assert run("cdc_human", production).status is Status.NOT_MET
    Specification.objects.create(production=production, agreement="IDCC 3097")
    for post in POSTS:
        HeadOfDepartment.objects.create(
            production=production, post=post, person=make_person(production)
        )
    HeadOfDepartment.objects.create(production=production, post="costume_designer", name="Ana")
    result = run("cdc_human", production)
    assert result.status is Status.PARTLY and "Directeur·rice de production" in result.message
    HeadOfDepartment.objects.create(
        production=production, post="production_manager", planned_by=DAY
    )
    assert run("cdc_human", production).status is Status.MET
    lines = dict(adapters.head_lines(production))
    assert lines["Directeur·rice de production"] == "à recruter avant le 2026-11-01"


def test_profile_and_technical(production: Any) -> None:
    from tournage.web.delivery.api import Deliverable

    assert run("profile_per_channel", production).status is Status.MET
    assert run("cdc_technical", production).status is Status.NOT_MET
    plan(production)
    Deliverable.objects.create(
        production=production, name="DCP", kind="festival", channel="dcp_cinema", profile="dcp"
    )
    assert run("cdc_technical", production).status is Status.MET
    production.channels = ["dcp_cinema", "vhs_tape"]
    production.save()
    assert run("profile_per_channel", production).status is Status.PARTLY


def test_shooting_format_compatible(production: Any) -> None:
    assert run("shooting_format_compatible", production).status is Status.UNKNOWN
    spec = Specification.objects.create(
        production=production,
        capture_width=1920,
        capture_height=1080,
        capture_frame_rate="30",
        capture_aspect="16:9",
    )
    result = run("shooting_format_compatible", production)
    assert result.status is Status.NOT_MET and "1998" in result.message
    spec.capture_width, spec.capture_height, spec.capture_frame_rate = 4096, 2160, "24"
    spec.save()
    assert run("shooting_format_compatible", production).status is Status.MET


def _complete_inputs() -> specification.Inputs:
    return specification.Inputs(
        economy=specification.Economy(Decimal(10), Decimal(9), Decimal(9), Decimal("0.5")),
        channels=[ChannelPlan("dcp_cinema", ("VF",), ("VF",), ad=True, age_category="I")],
        capture=Capture(4096, 2160, "24", "1.85:1"),
        target_minutes=12,
        human=specification.Human(
            "IDCC 3097",
            {d: "X" for d in (*POSTS, "costume_designer", "production_manager")},
            "Parité",
        ),
        rights="Contrat d'auteur",
        carbon_forecast_kg=Decimal(1500),
        reduction_measures=2,
        eco_referent="Sonia",
        universal_design="Décors accessibles",
        shoot_start=DAY,
        deadline=date(2027, 1, 1),
    )


def test_cdc_sections_present(production: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    result = run("cdc_sections_present", production)
    assert result.status is Status.NOT_MET and result.uncertain
    monkeypatch.setattr(adapters, "cdc_inputs", lambda p: _complete_inputs())
    assert run("cdc_sections_present", production).status is Status.MET
