"""The rights core: lead times, permits, clearances, author contracts, release, cue sheet."""

from __future__ import annotations

import csv
import io
from datetime import date, time
from pathlib import Path

import pytest

from tournage.common.findings import Severity
from tournage.editorial import read_timeline
from tournage.rights import authors, clearances, cuesheet, permits, release
from tournage.rights.calendar import deadline, months_before, working_days_before
from tournage.rights.errors import RightsError
from tournage.rights.rules import LeadTime

SAMPLE = Path(__file__).parent.parent / "editorial" / "samples" / "final_cut.edl"


# --- lead times -------------------------------------------------------------------------


def test_working_days_skip_weekends_and_public_holidays() -> None:
    # Monday 19 April 2027; Easter Monday 29 March 2027 is a public holiday
    assert working_days_before(date(2027, 4, 19), 15) == date(2027, 3, 26)
    assert working_days_before(date(2027, 4, 19), 1) == date(2027, 4, 16)  # the Friday


def test_months_before_keeps_the_day_or_takes_the_months_last() -> None:
    assert months_before(date(2027, 4, 19), 4) == date(2026, 12, 19)
    assert months_before(date(2027, 3, 31), 1) == date(2027, 2, 28)
    assert months_before(date(2027, 1, 31), -1) == date(2027, 2, 28)


def test_unknown_lead_time_unit_is_a_domain_error() -> None:
    with pytest.raises(RightsError):
        deadline(date(2027, 4, 19), LeadTime(3, "fortnights"))


# --- permits ----------------------------------------------------------------------------

DAYS = (date(2027, 4, 20), date(2027, 4, 21))


def _permit(**fields: object) -> permits.PermitFacts:
    values: dict[str, object] = {
        "location": "Place des Arcades",
        "authority": "paris_film",
        "status": "to_request",
        "shoot_days": DAYS,
    }
    values.update(fields)
    return permits.PermitFacts(**values)


def codes(found: object) -> set[str]:
    return {f.code for f in found}  # type: ignore[attr-defined]


def test_deadline_passed_fails_and_near_warns() -> None:
    report = permits.evaluate(_permit(), today=date(2027, 4, 1))
    assert report.deadline == date(2027, 3, 30)  # 15 working days before 20 April
    assert "PERMIT-DEADLINE-PASSED" in codes(report.findings)
    near = permits.evaluate(_permit(), today=date(2027, 3, 25))
    assert {f.severity for f in near.findings if f.code == "PERMIT-DEADLINE-NEAR"} == {
        Severity.WARN
    }
    early = permits.evaluate(_permit(), today=date(2027, 1, 4))
    assert not codes(early.findings) & {"PERMIT-DEADLINE-NEAR", "PERMIT-DEADLINE-PASSED"}


def test_an_uncertain_lead_time_only_warns() -> None:
    report = permits.evaluate(_permit(authority="mairie"), today=date(2027, 4, 10))
    passed = [f for f in report.findings if f.code == "PERMIT-DEADLINE-PASSED"]
    assert report.uncertain and [f.severity for f in passed] == [Severity.WARN]


def test_a_late_request_and_a_granted_permit() -> None:
    late = permits.evaluate(
        _permit(status="requested", requested_on=date(2027, 4, 5), insurance_on_file=True),
        today=date(2027, 4, 6),
    )
    assert "PERMIT-LATE" in codes(late.findings)
    granted = _permit(
        status="granted",
        requested_on=date(2027, 3, 1),
        granted_on=date(2027, 3, 20),
        insurance_on_file=True,
    )
    assert permits.evaluate(granted, today=date(2027, 4, 30)).findings == ()
    assert granted.covers(date(2027, 4, 20))
    short = _permit(status="granted", granted_on=date(2027, 3, 20), valid_to=date(2027, 4, 20))
    assert permits.evaluate(short, date(2027, 3, 21)).uncovered_days == (date(2027, 4, 21),)


def test_not_needed_needs_a_reason_and_a_request_needs_insurance() -> None:
    assert "PERMIT-REASON" in codes(
        permits.evaluate(_permit(status="not_needed"), DAYS[0]).findings
    )
    assert (
        permits.evaluate(_permit(status="not_needed", reason="lieu privé"), DAYS[0]).findings == ()
    )
    requested = permits.evaluate(
        _permit(status="requested", requested_on=date(2027, 1, 4)), date(2027, 1, 5)
    )
    assert "PERMIT-INSURANCE" in codes(requested.findings)


# --- clearances -------------------------------------------------------------------------


def test_references_come_from_mapped_tags_and_risks_once_per_subject() -> None:
    scenes = [
        clearances.SceneTags("1", (("music", "Valse"), ("props", "Tasse")), ()),
        clearances.SceneTags("2", (("music", "valse "),), (("minor", "NINA"),)),
    ]
    refs = clearances.references(scenes)
    assert {(r.type, r.subject, r.scenes) for r in refs} == {
        ("music_work_sync", "Valse", ("1", "2")),
        ("minor_image", "NINA", ("2",)),
    }
    item = clearances.ClearanceFacts("music_work_sync", "VALSE", "needed")
    assert clearances.uncovered(refs, [item]) == [refs[1]]


def test_clearance_findings() -> None:
    today = date(2027, 4, 25)
    undecided = clearances.ClearanceFacts(
        "music_work_sync", "Valse", "needed", due=date(2027, 4, 20)
    )
    assert codes(clearances.findings(undecided, today)) == {"CLR-UNDECIDED"}
    cut = clearances.ClearanceFacts("artwork_in_set", "Affiche", "cut")
    assert codes(clearances.findings(cut, today)) == {"CLR-REASON"}
    granted = clearances.ClearanceFacts(
        "music_work_sync",
        "Valse",
        "granted",
        channels=("dcp_cinema",),
        territories=("FR",),
        ends=date(2027, 5, 1),
        fee=None,
        has_document=True,
    )
    found = clearances.findings(granted, today, ["dcp_cinema", "youtube_upload"], ["FR", "BE"])
    assert codes(found) == {"CLR-SCOPE", "CLR-EXPIRING"}
    assert "canal youtube_upload" in found[0].evidence["gaps"]
    assert clearances.expiring([granted], today) == [granted]


def test_an_uncertain_type_only_warns() -> None:
    item = clearances.ClearanceFacts("architecture_public_art", "Pont", "refused")
    assert {f.severity for f in clearances.findings(item, date(2027, 1, 1))} == {Severity.WARN}


# --- authors ----------------------------------------------------------------------------


def test_author_fields_and_remuneration() -> None:
    full = authors.RightFacts("reproduction", "TV", "monde", "30 ans", "proportional")
    gap = authors.RightFacts("adaptation", "TV", "", "30 ans", "")
    contract = authors.AuthorContractFacts("Ana", "screenplay", date(2026, 1, 1), (full, gap))
    (finding,) = authors.field_findings(contract)
    assert finding.code == "AUTH-FIELD" and finding.evidence["missing"] == [
        "territory",
        "remuneration",
    ]
    lump = authors.AuthorContractFacts(
        "Léo",
        "music",
        date(2026, 1, 1),
        (authors.RightFacts("sync", "TV", "FR", "10 ans", "lump_sum"),),
    )
    assert [f.severity for f in authors.field_findings(lump)] == [Severity.WARN]
    empty = authors.AuthorContractFacts("Zoé", "director", None)
    assert codes(authors.field_findings(empty)) == {"AUTH-NO-RIGHT"}


def test_statements_are_yearly_from_the_start_or_the_last_one() -> None:
    contract = authors.AuthorContractFacts(
        "Ana", "screenplay", date(2026, 1, 1), statements_from=date(2027, 9, 10)
    )
    assert authors.next_statement(contract) == date(2028, 9, 10)
    assert authors.statement_findings(contract, date(2028, 9, 11))[0].code == "AUTH-STATEMENT-LATE"
    unsigned = authors.AuthorContractFacts("Ana", "screenplay", None)
    assert authors.statement_findings(unsigned, date(2030, 1, 1)) == []


def test_credits_from_functions_and_their_coverage() -> None:
    credits = authors.credited_roles(
        [("Ana", "Scénariste"), ("Léo", "monteur"), ("Zoé", "réalisatrice")]
    )
    assert credits == [authors.Credit("Ana", "screenplay"), authors.Credit("Zoé", "director")]
    signed = authors.AuthorContractFacts("Ana", "screenplay", date(2026, 1, 1))
    assert authors.uncovered_credits(credits, [signed]) == [authors.Credit("Zoé", "director")]


# --- release ----------------------------------------------------------------------------


def test_regime_and_applicable_steps() -> None:
    assert release.regime("short", ["dcp_cinema"]) == "cinema_cm"
    assert release.regime("feature", ["fr_pad_hd_file"]) == "audiovisuel"
    ids = [s.id for s in release.applicable_steps("cinema_lm", ["dcp_cinema"], aided=False)]
    assert (
        "rca_immatriculation" in ids and "isan" not in ids and "broadcaster_acceptance" not in ids
    )
    tv = [s.id for s in release.applicable_steps("audiovisuel", ["fr_pad_hd_file"], aided=True)]
    assert {"isan", "broadcaster_acceptance"} <= set(tv) and "visa_exploitation" not in tv


def test_slots_and_categories() -> None:
    assert release.slot_max(time(21, 0), cinema_channel=False) == "II"
    assert release.slot_max(time(22, 10), cinema_channel=False) == "III"
    assert release.slot_max(time(20, 45), cinema_channel=True) == "IV"
    assert release.slot_max(time(1, 0), cinema_channel=False) == "V"
    kids = release.RatingFacts("fr_pad_hd_file", "II", time(8, 0), children_programme=True)
    assert codes(release.rating_findings(kids)) == {"RATE-SLOT"}
    assert codes(release.rating_findings(release.RatingFacts("x", ""))) == {"RATE-MISSING"}
    assert release.trailer_needs_signage(release.RatingFacts("x", "II"))
    assert not release.trailer_needs_signage(release.RatingFacts("x", "I"))


# --- cue sheet --------------------------------------------------------------------------


def test_cues_from_the_sample_edit() -> None:
    timeline = read_timeline(SAMPLE.read_bytes(), "final_cut.edl")
    (score,) = cuesheet.cues_from(timeline)  # MUS01 on A1+A2 is one cue
    assert (score.name, score.track) == ("LE TARN LA NUIT (L. ARNAL) V2", "A1+A2")
    assert timeline.timecode(score.record_in) == "01:00:04:00"
    with_radio = cuesheet.cues_from(timeline, ["A3"])
    assert "CHANSON RADIO ATELIER" in {c.name for c in with_radio}


def test_an_edit_without_music_is_refused() -> None:
    edl = b"TITLE: X\n\n001  A001 V     C        00:00:00:00 00:00:01:00 01:00:00:00 01:00:01:00\n"
    with pytest.raises(RightsError) as error:
        cuesheet.cues_from(read_timeline(edl, "x.edl"))
    assert error.value.code == "rights.no_cue"


def test_clearances_against_the_edit_and_the_sheet() -> None:
    cue = cuesheet.Cue(1, "LE TARN LA NUIT (L. ARNAL) V2", "A1", 100, 550)
    licence = clearances.ClearanceFacts("commissioned_score", "Le Tarn la nuit", "granted")
    other = clearances.ClearanceFacts("music_work_sync", "Autre chanson", "granted")
    assert cuesheet.uncleared([cue], [licence]) == []
    assert cuesheet.uncleared([cue], [other]) == [cue]
    assert cuesheet.absent_from_edit([cue], [licence, other]) == [other]
    typed = cuesheet.merged([cue], [cuesheet.Cue(9, cue.name, "A1", 0, 10, work="Le Tarn la nuit")])
    assert typed[0].work == "Le Tarn la nuit" and typed[0].record_in == 100
    assert codes(cuesheet.sheet_findings(typed, [cue])) == {"CUE-FIELDS"}
    assert codes(cuesheet.sheet_findings([], [cue])) == {"CUE-MISSING"}


def test_exports_neutralise_formulas() -> None:
    from tournage.editorial import frame_rate

    cue = cuesheet.Cue(1, "=HYPERLINK(1)", "A1", 0, 250, work="=1+1", authors="@x")
    table = cuesheet.rows([cue], frame_rate("25"))
    assert table[1][-1] and table[1][6] == "00:00:00:00"
    text = cuesheet.to_csv(table).decode("utf-8-sig")
    row = list(csv.reader(io.StringIO(text), delimiter=";"))[1]
    assert row[1] == "'=1+1" and row[2] == "'@x"
    assert cuesheet.to_xlsx(table, "Film").startswith(b"PK")
    assert cuesheet.to_pdf(table, "<b>Film</b>").startswith(b"%PDF")
