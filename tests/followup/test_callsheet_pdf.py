"""The call sheet PDF is tagged: structure tree with headings and tables, language set;
the day's sunrise and sunset are on the sheet from the location's coordinates."""

from __future__ import annotations

import io
from typing import Any

import pikepdf
import pytest

from tournage.followup.pdf import call_sheet_pdf

pytestmark = pytest.mark.django_db

SHEET: dict[str, Any] = {
    "date": "2027-06-21",
    "version": 2,
    "day_number": 1,
    "total_days": 3,
    "unit_call": "08:00",
    "weather": "",
    "locations": [
        {"name": "Quai", "address": "1 quai", "access": "", "sunrise": "05:46", "sunset": "21:58"},
        {"name": "Cave", "address": "", "access": "", "sunrise": "", "sunset": ""},
    ],
    "scenes": [{"id": "12", "label": "EXT. QUAI", "eighths": 9, "cast": ["ANNA"]}],
    "cast": [
        {"name": "Anna", "role": "ANNA", "pickup": "06:00", "makeup": "06:30", "on_set": "08:00"}
        | {"minor": True}
    ],
    "crew": [{"department": "Image", "name": "Luc", "call": "08:00", "phone": ""}],
    "safety": ["<b>Câbles</b> au sol"],
    "hospital": "",
    "emergency": [{"number": "15", "service": "SAMU"}],
    "contacts": [],
    "accessibility": [],
    "advance": ["22/06 : 13"],
}


def _tree(data: bytes) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(data))


def _tags(node: Any) -> list[str]:
    kids = node.get("/K")
    if not isinstance(kids, pikepdf.Array):
        return []
    found = []
    for kid in kids:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            found += [str(kid.S), *_tags(kid)]
    return found


def test_the_call_sheet_pdf_has_a_structure_tree_and_a_language() -> None:
    pdf = _tree(call_sheet_pdf(SHEET, "Avant la crue"))
    assert str(pdf.Root.Lang) == "fr-FR"
    assert pdf.Root.MarkInfo.Marked is True
    tags = _tags(pdf.Root.StructTreeRoot.K)
    assert tags[0] == "/H1" and tags.count("/Table") == 4
    assert tags.count("/TH") == 4 + 4 + 5 + 4  # one header row per table
    assert "/TD" in tags and tags.count("/TR") == 3 + 2 + 2 + 2  # headers and rows
    header = next(
        kid
        for table in pdf.Root.StructTreeRoot.K.K
        if str(table.S) == "/Table"
        for kid in table.K[0].K
    )
    assert str(header.A.Scope) == "/Column"


def test_every_marked_cell_is_reachable_from_the_parent_tree() -> None:
    pdf = _tree(call_sheet_pdf(SHEET, "Avant la crue"))
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    for index, page in enumerate(pdf.pages):
        mcids = [
            op.operands[1].MCID
            for op in pikepdf.parse_content_stream(page)
            if str(op.operator) == "BDC"
        ]
        assert mcids == list(range(len(nums[2 * index + 1])))


def test_user_text_is_shown_not_interpreted_and_a_long_sheet_breaks_across_pages() -> None:
    long = dict(SHEET, scenes=[dict(SHEET["scenes"][0], id=str(n)) for n in range(120)])
    pdf = _tree(call_sheet_pdf(long, "Avant la crue"))
    assert len(pdf.pages) > 1
    from pdfminer.high_level import extract_text

    shown = " ".join(extract_text(io.BytesIO(call_sheet_pdf(SHEET, "Avant la crue"))).split())
    assert "<b>Câbles</b> au sol" in shown
    assert "05:46 / 21:58" in shown and "inconnus (décor sans" in shown
    assert "Anna (mineur)" in shown


def test_the_sheet_gives_sunrise_and_sunset_of_each_location_with_coordinates(
    scheduled: Any, cast: Any, make_location: Any, member_client: Any
) -> None:
    from tournage.followup.sun import sun_times
    from tournage.web.followup.services import build_sheet, current_plan
    from tournage.web.productions.models import Role

    production = scheduled.production
    make_location(production, name="Cuisine", latitude=48.8566, longitude=2.3522)
    make_location(production, name="Jardin", latitude=None, longitude=None)
    plan = current_plan(production)
    assert plan is not None
    places = {p.name: p for day in plan.days for p in build_sheet(production, day).locations}
    kitchen_day = next(
        d for d in plan.days if "Cuisine" in [p.name for p in build_sheet(production, d).locations]
    )
    expected = sun_times(kitchen_day, 48.8566, 2.3522, "Europe/Paris")
    assert expected.sunrise is not None
    assert places["Cuisine"].sunrise == expected.sunrise.strftime("%H:%M")
    assert places["Jardin"].sunrise == "" and places["Jardin"].polar == ""
    manager = member_client(Role.PRODUCTION_MANAGER)
    page = manager.get(f"/p/{production.pk}/followup/call-sheets/{kitchen_day}/").content.decode()
    assert f"lever du soleil {places['Cuisine'].sunrise}" in page
