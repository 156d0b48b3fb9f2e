from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tournage.screenplay.heading import split_heading
from tournage.screenplay.model import format_eighths, parse_eighths, strip_emphasis


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
