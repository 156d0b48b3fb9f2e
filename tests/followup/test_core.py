"""Call sheet, progress, backups and project plan cores, on small hand-made inputs."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from tournage.followup.backups import Card, Copy, folder_checksum, unsafe_cards
from tournage.followup.callsheet import (
    Called,
    DayInput,
    Place,
    Rest,
    SceneLine,
    build_call_sheet,
    complete,
    for_recipient,
)
from tournage.followup.errors import FollowupError
from tournage.followup.plan import (
    Milestone,
    PostVersion,
    default_after,
    gantt_svg,
    ics,
    late,
    order_violations,
    pad_not_final,
    proposed,
)
from tournage.followup.progress import DayReport, ShotScene, consistency, elapsed_days, progress

D1, D2, D3 = date(2027, 4, 19), date(2027, 4, 20), date(2027, 4, 21)
REST = Rest(11, "Code du travail L.3131-1")


def _day(**kw: object) -> DayInput:
    values: dict[str, object] = {
        "date": D2,
        "day_number": 2,
        "total_days": 3,
        "unit_call": time(8, 0),
        "scenes": (SceneLine("3", "INT. CUISINE - JOUR", 12, ("ANNA",), ("vélo",)),),
        "places": (Place("Maison Roussel", "2 rue des Lilas 81000 Albi"),),
        "weather": "Soleil",
        "hospital": "CH d'Albi",
        "safety": ("Câbles au sol",),
        "contacts": ("Régie : 06 00 00 00 00",),
    }
    values.update(kw)
    return DayInput(**values)  # type: ignore[arg-type]


ANNA = Called("1", "Anna Roux", "ANNA", cast=True, minor=True, accommodations=("Fauteuil",))
LEO = Called("2", "Léo Blanc", "Chef opérateur", cast=False, department="image", phone="0601")


def test_calls_are_computed_from_the_unit_call() -> None:
    sheet = build_call_sheet(_day(), [ANNA, LEO], {}, REST, version=2)
    anna = sheet.cast[0]
    assert (anna.pickup, anna.makeup, anna.on_set, anna.minor) == ("06:00", "06:30", "08:00", True)
    assert sheet.crew[0].call == "08:00" and sheet.version == 2
    assert sheet.accessibility == ("Anna Roux : Fauteuil",)
    assert [n.number for n in sheet.emergency][:3] == ["15", "17", "18"]
    assert sheet.elements == ("vélo",)
    assert complete(sheet.to_dict())


def test_short_rest_since_the_last_wrap_is_a_finding() -> None:
    wraps = {"2": datetime(2027, 4, 19, 23, 0), "1": datetime(2027, 4, 19, 18, 0)}
    sheet = build_call_sheet(_day(), [ANNA, LEO], wraps, REST)
    rest = [f for f in sheet.findings if f.code == "callsheet.rest"]
    assert [f.subject for f in rest] == ["Léo Blanc"]  # 9 h; Anna has 12 h 30 before HMC
    assert rest[0].severity == "fail" and "9,0 h" in rest[0].message


def test_uncertain_rest_only_warns() -> None:
    wraps = {"2": datetime(2027, 4, 19, 23, 0)}
    sheet = build_call_sheet(_day(), [LEO], wraps, Rest(11, "x", uncertain=True))
    assert [f.severity for f in sheet.findings if f.code == "callsheet.rest"] == ["warn"]


def test_missing_required_fields_are_listed_and_recipients_see_no_personal_data() -> None:
    sheet = build_call_sheet(_day(weather="", hospital="", places=()), [ANNA, LEO], {}, REST)
    missing = {f.subject for f in sheet.findings if f.code == "callsheet.required"}
    assert missing == {"weather", "nearest_hospital", "address"}
    mine = for_recipient(sheet.to_dict(), "Léo Blanc")
    assert mine["accessibility"] == [] and mine["crew"][0]["phone"] == ""
    assert mine["personal_call"] == "08:00"
    anna = for_recipient(sheet.to_dict(), "Anna Roux")
    assert anna["accessibility"] == ["Anna Roux : Fauteuil"]
    assert anna["personal_call"] == "ramassage 06:00, HMC 06:30, plateau 08:00"
    assert not complete({**sheet.to_dict(), "safety": []})


PLAN = {"1": D1, "2": D1, "3": D2, "4": D3}
EIGHTHS = {"1": 8, "2": 8, "3": 16, "4": 16}


def test_progress_counts_eighths_and_days_behind() -> None:
    reports = [
        DayReport(D1, (ShotScene("1", 8), ShotScene("2", 8))),
        DayReport(D2, (ShotScene("3", 8, complete=False),)),
    ]
    result = progress(PLAN, EIGHTHS, reports)
    assert (result.days_shot, result.scenes_shot, result.eighths_shot) == (2, 2, 24)
    assert result.eighths_planned_to_date == 32 and result.eighths_planned == 48
    assert result.days_ahead == Decimal("-0.5")  # 8 eighths behind at 16 a day
    assert [f.code for f in result.findings] == ["progress.behind"]
    assert result.to_dict()["days_ahead"] == "-0.5"


def test_progress_on_time_has_no_finding() -> None:
    result = progress(PLAN, EIGHTHS, [DayReport(D1, (ShotScene("1", 8), ShotScene("2", 8)))])
    assert result.days_ahead == 0 and not result.findings


def test_consistency_flags_unknown_and_twice_completed_scenes() -> None:
    reports = [
        DayReport(D1, (ShotScene("1", 8), ShotScene("9", 8))),
        DayReport(D2, (ShotScene("1", 2),)),
    ]
    messages = [f.message for f in consistency(PLAN, reports)]
    assert len(messages) == 2
    assert "9 absente du plan" in messages[0] and "déjà terminée le 19/04" in messages[1]
    assert consistency(PLAN, [DayReport(D1, (ShotScene("1", 8),))]) == []


def test_elapsed_days_are_past_or_reported() -> None:
    reports = [DayReport(D2, ())]
    assert elapsed_days([D1, D2, D3], date(2027, 1, 1), reports) == [D1, D2]
    assert elapsed_days([D1, D2, D3], date(2027, 4, 21), []) == [D1, D2]


def test_cards_need_two_copies_verified_with_the_card_checksum() -> None:
    good = Card("A001", "abc", (Copy("ssd", "abc", True), Copy("nas", "abc", True)))
    unverified = Card("A002", "abc", (Copy("ssd", "abc", True), Copy("nas", "abc", False)))
    corrupt = Card("A003", "abc", (Copy("ssd", "abc", True), Copy("nas", "abd", True)))
    assert unsafe_cards([good, unverified, corrupt]) == ["A002", "A003"]


def test_folder_checksum_is_the_same_for_the_same_card(tmp_path: Path) -> None:
    for copy in ("one", "two"):
        (tmp_path / copy / "CLIPS").mkdir(parents=True)
        (tmp_path / copy / "CLIPS" / "A001C001.mov").write_bytes(b"image")
    assert folder_checksum(tmp_path / "one") == folder_checksum(tmp_path / "two")
    (tmp_path / "two" / "CLIPS" / "A001C001.mov").write_bytes(b"imagf")
    assert folder_checksum(tmp_path / "one") != folder_checksum(tmp_path / "two")
    with pytest.raises(FollowupError):
        folder_checksum(tmp_path / "absent")
    with pytest.raises(FollowupError):
        folder_checksum(tmp_path / "one", "rot13")


def _m(
    key: str, start: int, end: int, *after: str, actual: tuple[int, int] | None = None
) -> Milestone:
    day = date(2027, 6, 1)

    a = (day + timedelta(actual[0]), day + timedelta(actual[1])) if actual else (None, None)
    return Milestone(key, key.upper(), day + timedelta(start), day + timedelta(end), *a, after)


def test_late_milestones_and_order() -> None:
    mix = _m("mix", 0, 10, actual=(0, 12))
    qc = _m("qc", 11, 12, "mix")
    assert [f.subject for f in late([mix, qc], date(2027, 6, 5))] == ["mix"]
    assert [f.subject for f in order_violations([mix, qc])] == ["qc"]  # mix ended on the 13th
    assert order_violations([_m("mix", 0, 10), qc]) == []
    assert default_after()["qc"] == ("grading", "mix", "subtitles_ad")


def test_proposed_phases_follow_their_predecessors() -> None:
    plan = {m.key: m for m in proposed(date(2027, 4, 19), date(2027, 5, 28))}
    assert plan["prep"].planned_end == date(2027, 4, 18)
    assert plan["shoot"].planned_start == date(2027, 4, 19)
    assert plan["edit"].planned_start == date(2027, 5, 29)
    assert plan["grading"].planned_start == plan["mix"].planned_start  # both after the edit
    assert plan["qc"].planned_start > max(plan[k].planned_end for k in ("grading", "subtitles_ad"))
    assert order_violations(list(plan.values())) == []


def test_cycles_are_refused() -> None:
    with pytest.raises(FollowupError) as error:
        order_violations([_m("a", 0, 1, "b"), _m("b", 2, 3, "a")])
    assert error.value.code == "plan.cycle"


def test_gantt_and_ics() -> None:
    milestones = [_m("prep<", 0, 10, actual=(0, 12)), _m("shoot", 13, 30, "prep<")]
    svg = gantt_svg(milestones, date(2027, 6, 20))
    assert svg.count("<rect") == 3 and "PREP&lt;" in svg and "late" in svg
    assert gantt_svg([], date(2027, 6, 1)) == ""
    feed = ics(milestones, "Avant, la crue", datetime(2027, 1, 1, 12))
    assert feed.count("BEGIN:VEVENT") == 2 and "DTSTART;VALUE=DATE:20270601" in feed
    assert "Avant\\, la crue" in feed and feed.endswith("END:VCALENDAR\r\n")


def test_pad_uses_the_latest_approved_grade_and_mix() -> None:
    versions = [
        PostVersion("grade", 1, True, False),
        PostVersion("grade", 2, True, True),
        PostVersion("mix", 1, True, True),
        PostVersion("mix", 2, True, False),
    ]
    assert pad_not_final(versions, ("grade", "mix")) == ["mix"]
    assert pad_not_final(versions[:3], ("grade", "mix")) == []
