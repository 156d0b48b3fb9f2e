from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tournage.screenplay.heading import Effet, split_heading
from tournage.screenplay.model import Scene, format_eighths, parse_eighths, strip_emphasis


@pytest.mark.parametrize(
    ("eighths", "text"), [(1, "1/8"), (4, "4/8"), (8, "1"), (12, "1 4/8"), (15, "1 7/8"), (0, "0")]
)
def test_eighths_notation(eighths: int, text: str) -> None:
    assert format_eighths(eighths) == text
    assert parse_eighths(text) == eighths


@given(st.integers(min_value=0, max_value=10_000))
def test_eighths_round_trip(eighths: int) -> None:
    assert parse_eighths(format_eighths(eighths)) == eighths


@pytest.mark.parametrize("text", ["", "abc", "1/2", "3/"])
def test_unreadable_eighths(text: str) -> None:
    assert parse_eighths(text) is None


def test_strip_nested_emphasis() -> None:
    assert strip_emphasis("_**gras souligné**_ et ***tout***") == "gras souligné et tout"
    assert strip_emphasis("2 * 3 * 4") == "2 * 3 * 4"


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("INT. CUISINE - JOUR", ("INT", "CUISINE", "CUISINE", None, "JOUR", "DAY")),
        ("EXT. RUE - NUIT", ("EXT", "RUE", "RUE", None, "NUIT", "NIGHT")),
        ("EST. VILLAGE - AUBE", ("EXT", "VILLAGE", "VILLAGE", None, "AUBE", "DAWN")),
        (
            "INT./EXT. APPARTEMENT NADIA - CUISINE - CRÉPUSCULE",
            (
                "INT/EXT",
                "APPARTEMENT NADIA - CUISINE",
                "APPARTEMENT NADIA",
                "CUISINE",
                "CRÉPUSCULE",
                "DUSK",
            ),
        ),
        ("I/E VOITURE - CONTINU", ("INT/EXT", "VOITURE", "VOITURE", None, "CONTINU", "CONTINUOUS")),
        ("INT. BAR - PLUS TARD", ("INT", "BAR", "BAR", None, "PLUS TARD", "LATER")),
        (
            "EXT. PARKING - NIGHT (RAIN)",
            ("EXT", "PARKING", "PARKING", None, "NIGHT (RAIN)", "NIGHT"),
        ),
        ("INT. MAISON - SALON", ("INT", "MAISON - SALON", "MAISON", "SALON", None, None)),
        ("FLASHBACK", (None, "FLASHBACK", "FLASHBACK", None, None, None)),
        # Separators: only dashes between spaces split (leading, trailing, em dash too).
        (
            "EXT. SAINT-MALO - QUAI - AUBE",
            ("EXT", "SAINT-MALO - QUAI", "SAINT-MALO", "QUAI", "AUBE", "DAWN"),
        ),
        ("INT. - GARE - NUIT", ("INT", "GARE", "GARE", None, "NUIT", "NIGHT")),
        ("INT. CAVE -", ("INT", "CAVE", "CAVE", None, None, None)),
        ("INT. GARE — QUAI 2 – NUIT", ("INT", "GARE - QUAI 2", "GARE", "QUAI 2", "NUIT", "NIGHT")),
        ("INT. A - - B", ("INT", "A - - B", "A", "- B", None, None)),
    ],
)
def test_split_heading_into_effet(heading: str, expected: tuple[object, ...]) -> None:
    effet = split_heading(heading)
    assert (
        effet.int_ext,
        effet.location,
        effet.set_name,
        effet.sub_location,
        effet.time,
        effet.day_night,
    ) == expected


def test_effet_fields_follow_the_scene_number_in_scene() -> None:
    # assemble builds a Scene positionally from (index, heading, number, *effet).
    names = list(Scene.__fields__)
    assert names[:3] == ["index", "heading", "number"]
    assert tuple(names[3 : 3 + len(Effet._fields)]) == Effet._fields
