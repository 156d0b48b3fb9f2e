"""The framework-free development core: feasibility, channels, dossier, text measure."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tournage.common.findings import Severity
from tournage.development import brief, channels, dossier, feasibility, text
from tournage.development.channels import Capture, ChannelPlan
from tournage.development.errors import DevelopmentError
from tournage.development.feasibility import Inputs, Verdict
from tournage.development.rules import RULES, SCHEMES


def test_rule_tables_load_and_every_scheme_piece_is_defined() -> None:
    pieces = SCHEMES.load().pieces
    for scheme in SCHEMES.load().schemes:
        assert all(item.id in pieces for item in scheme.pieces), scheme.id
    assert RULES.load().minutes_per_page.uncertain


def test_budget_verdicts_against_the_envelope() -> None:
    def verdict(estimate: int) -> Verdict:
        inputs = Inputs(budget_estimate=Decimal(estimate), budget_envelope=Decimal(100))
        return feasibility.budget(inputs).verdict

    assert verdict(85) is Verdict.FITS
    assert verdict(95) is Verdict.TIGHT
    assert verdict(120) is Verdict.DOES_NOT_FIT
    assert feasibility.budget(Inputs()).verdict is Verdict.UNKNOWN


def test_schedule_counts_days_at_the_pace_against_the_deadline() -> None:
    inputs = Inputs(
        script_pages=15.0,
        pace_pages_per_day=Decimal(3),
        shoot_start=date(2027, 4, 1),
        deadline=date(2027, 4, 4),
    )
    result = feasibility.schedule(inputs)
    assert result.verdict is Verdict.DOES_NOT_FIT and "5 jours" in result.reasons[0]


def test_labour_is_tight_with_children_or_nights() -> None:
    assert feasibility.labour(Inputs()).verdict is Verdict.FITS
    assert feasibility.labour(Inputs(minors=1)).verdict is Verdict.TIGHT


def test_missing_brief_fields_are_named() -> None:
    empty = brief.Brief((), " ", (), None, None)
    assert brief.missing_fields(empty) == [
        "objectives",
        "audiences",
        "channels",
        "budget_envelope",
        "deadline",
    ]


def test_due_milestones_follow_the_production() -> None:
    assert brief.due_milestones(has_brief=True, has_script=False, in_post=False) == ["brief"]
    assert len(brief.due_milestones(has_brief=True, has_script=True, in_post=True)) == 4


def test_capture_problems_name_the_rule() -> None:
    hd = Capture(1920, 1080, "25", "16:9")
    assert channels.capture_problems(hd, "fr_pad_hd_file") == []
    problems = channels.capture_problems(hd, "dcp_cinema")
    assert problems == ["largeur 1920 < 1998"]
    assert channels.capture_problems(Capture(1920, 1080, "24", "16:9"), "fr_pad_hd_file")


def test_windows_add_months_from_the_theatrical_release() -> None:
    assert channels.add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    plans = [
        ChannelPlan("dcp_cinema", release=date(2027, 1, 31)),
        ChannelPlan("netflix_imf_delivery", release=date(2028, 4, 1)),
    ]
    result = channels.windows(plans)
    assert result.breaches == ["netflix_imf_delivery avant le 2028-04-30"]
    assert result.uncertain  # the Netflix window comes from press reports


def test_dossier_statuses_and_findings() -> None:
    built = dossier.assemble(
        "cnc_cm_avant_realisation",
        provided={"logline", "script", "note:intention"},
        attached={"cv": 2},
        texts={"resume_court": "mot " * 100},
    )
    statuses = {p.id: p.status for p in built.pieces}
    assert statuses["scenario"] is dossier.PieceStatus.GENERATED
    assert statuses["cv"] is dossier.PieceStatus.ATTACHED
    assert statuses["note_production"] is dossier.PieceStatus.MISSING
    resume = next(p for p in built.pieces if p.id == "resume_court")
    assert [f.code for f in resume.findings] == ["dossier.too_long"]
    assert resume.findings[0].severity is Severity.WARN
    assert built.to_dict()["pieces"][0]["status"] == "generated"


def test_unknown_scheme_is_a_clear_error() -> None:
    with pytest.raises(DevelopmentError) as error:
        dossier.assemble("nope", provided=set(), attached={}, texts={})
    assert error.value.code == "dossier.unknown_scheme"


@settings(max_examples=50)
@given(st.text(max_size=2000))
def test_text_measure_never_fails(value: str) -> None:
    assert text.lines(value) >= 0
    assert text.pages(value) >= 0


def test_aid_eligibility_dimension() -> None:
    assert feasibility.aids(Inputs()).verdict is Verdict.UNKNOWN
    fits = Inputs(aids=(("CNC", "eligible"),))
    assert feasibility.aids(fits).verdict is Verdict.FITS
    mixed = Inputs(aids=(("CNC", "eligible"), ("Région", "to_check")))
    assert feasibility.aids(mixed).verdict is Verdict.TIGHT
    refused = Inputs(aids=(("CNC", "not_eligible"),))
    assert "CNC" in feasibility.aids(refused).reasons[0]


def test_an_attached_pdf_is_measured_by_its_pages() -> None:
    built = dossier.assemble(
        "cnc_cm_avant_realisation",
        provided={"note:intention"},
        attached={"note_intention": 5},
        texts={"note_intention": "court"},
    )
    note = next(p for p in built.pieces if p.id == "note_intention")
    assert note.status is dossier.PieceStatus.ATTACHED
    assert [f.evidence["measured"] for f in note.findings] == [5]
