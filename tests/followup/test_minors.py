"""Children on the call sheet: presence against the daily cap of their age band and the
school period, authorisation, supervision; on the page, the PDF and in what each sees."""

from __future__ import annotations

import io
from datetime import date, datetime, time
from typing import Any

import pytest

from tournage.followup.callsheet import (
    Called,
    DayInput,
    Rest,
    SceneLine,
    build_call_sheet,
    for_recipient,
)
from tournage.followup.minors import Child, minors_section
from tournage.followup.pdf import call_sheet_pdf
from tournage.web.productions.models import Role

D = date(2027, 4, 20)  # a Tuesday
HMC = datetime(2027, 4, 20, 7, 30)
NINE = date(2018, 1, 5)  # 9 years old on D: cap 3 h in school period, 6 h in holidays


def _child(wrap: datetime, **kw: Any) -> Child:
    return Child("Anna Roux", NINE, wrap, **kw)


def test_a_presence_over_the_age_cap_is_flagged_in_school_period_not_in_holidays() -> None:
    child = _child(datetime(2027, 4, 20, 12, 0), authorisation="2027-081", guardian="Mère")
    lines, findings = minors_section([child], HMC, False, [])
    line = lines[0]
    assert (line.age, line.hours, line.cap, line.over_cap) == (9, "4,5", "3,0", True)
    hours = [f for f in findings if f.code == "callsheet.minor_hours"]
    assert len(hours) == 1 and "plafond 3,0 h en période scolaire" in hours[0].message
    assert hours[0].severity == "warn"  # the caps' source is marked uncertain in the data
    lines, findings = minors_section([child], HMC, True, [])
    assert lines[0].cap == "6,0" and not lines[0].over_cap and findings == []


def test_missing_authorisation_blocks_and_missing_supervision_warns() -> None:
    _, findings = minors_section([_child(datetime(2027, 4, 20, 9, 0))], HMC, False, [])
    codes = {f.code: f.severity for f in findings}
    assert codes == {"callsheet.minor_authorisation": "fail", "callsheet.minor_guardian": "warn"}
    _, findings = minors_section(
        [_child(datetime(2027, 4, 20, 9, 0), authorisation="A")], HMC, False, ["Zoé Petit"]
    )
    assert findings == []  # a responsable des enfants called that day supervises


def test_presence_after_twenty_hours_is_night_work() -> None:
    late = _child(datetime(2027, 4, 20, 21, 0), authorisation="A", guardian="Père")
    _, findings = minors_section([late], datetime(2027, 4, 20, 19, 0), True, [])
    assert [f.code for f in findings] == ["callsheet.minor_night"]


def _sheet() -> Any:
    day = DayInput(D, 1, 2, time(9, 0), (SceneLine("3", "INT. CUISINE", 4, ("ANNA",)),))
    people = [
        Called("1", "Anna Roux", "ANNA", cast=True, minor=True),
        Called("2", "Zoé Petit", "Responsable des enfants", False, "Responsable des enfants"),
    ]
    child = _child(datetime(2027, 4, 20, 19, 0), authorisation="2027-081", schooling="CM1")
    return build_call_sheet(day, people, {}, Rest(11, "x"), children=[child])


def test_the_sheet_lists_the_minors_and_recipients_see_no_other_childs_file() -> None:
    sheet = _sheet()
    (line,) = sheet.minors
    assert line.supervisors == ("Zoé Petit",) and line.arrival == "07:30"
    assert line.departure == "19:00" and line.over_cap
    assert not any(f.code == "callsheet.minor_guardian" for f in sheet.findings)
    zoe = for_recipient(sheet.to_dict(), "Zoé Petit")["minors"][0]
    assert (zoe["authorisation"], zoe["schooling"], zoe["cap"]) == ("", "", "3,0")
    anna = for_recipient(sheet.to_dict(), "Anna Roux")["minors"][0]
    assert anna["authorisation"] == "2027-081"
    assert for_recipient({**sheet.to_dict(), "minors": []}, "x")["minors"] == []


def test_the_pdf_has_a_minors_table_and_an_older_sheet_without_one_still_renders() -> None:
    from pdfminer.high_level import extract_text

    document = _sheet().to_dict()
    shown = " ".join(extract_text(io.BytesIO(call_sheet_pdf(document, "Film"))).split())
    assert "Mineurs" in shown and "07:30–19:00 (11,5 h) DÉPASSE" in shown
    assert "2027-081" in shown and "Zoé Petit" in shown
    older = {k: v for k, v in document.items() if k != "minors"}
    older_text = extract_text(io.BytesIO(call_sheet_pdf(older, "Film")))
    assert "Mineurs" not in older_text and "Équipe" in older_text


@pytest.mark.django_db
def test_the_page_shows_the_child_with_the_contract_terms(
    scheduled: Any, cast: dict[str, Any], member_client: Any
) -> None:
    from tournage.web.labor.models import Contract

    production = scheduled.production
    Contract.objects.create(
        production=production,
        person=cast["ANNA"],
        function="Comédienne",
        programme="Essai",
        start=date(2027, 2, 1),
        end=date(2027, 3, 31),
        pay_amount="100.00",
        workplace="Albi",
        minor_authorisation="PREF-81-2027-12",
        minor_guardian="Hélène Roux (mère)",
    )
    manager = member_client(Role.PRODUCTION_MANAGER)
    page = manager.get(f"/p/{production.pk}/followup/call-sheets/2027-03-01/").content.decode()
    assert "PREF-81-2027-12" in page and "Hélène Roux (mère)" in page
    assert "période scolaire" in page
    assert "pas d&#x27;autorisation préfectorale" not in page
