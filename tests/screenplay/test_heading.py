"""The heading grammar (data): separators, several time segments, modifiers, French forms."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tournage.screenplay.heading import heading_prefix, is_heading, split_heading, time_light

CASES = [
    # heading, int_ext, location, time, canonical key
    ("INT. SAN FRANCISCO APARTMENT, DAY", "INT", "SAN FRANCISCO APARTMENT", "DAY", "DAY"),
    (
        "EXT. BY THE RIVER - NIGHT - CONTINUOUS",
        "EXT",
        "BY THE RIVER",
        "NIGHT - CONTINUOUS",
        "NIGHT",
    ),
    ("EXT. DESERT - PRE-DAWN", "EXT", "DESERT", "PRE-DAWN", "PRE_DAWN"),
    ("EXT. BEACH - MAGIC HOUR", "EXT", "BEACH", "MAGIC HOUR", "MAGIC_HOUR"),
    ("INT. HOUSE - ANOTHER DAY", "INT", "HOUSE", "ANOTHER DAY", "DAY"),
    ("EXT. CITY - PRESENT DAY", "EXT", "CITY", "PRESENT DAY", "PRESENT_DAY"),
    ("INT. KITCHEN - [THE NEXT] MORNING", "INT", "KITCHEN", "[THE NEXT] MORNING", "MORNING"),
    ("INT. CAR - DRIVING -- A BIT LATER", "INT", "CAR - DRIVING", "A BIT LATER", "LATER"),
    ("INT.\u00a0CUISINE\u00a0-\u00a0JOUR", "INT", "CUISINE", "JOUR", "DAY"),
    ("1. INT. CUISINE - JOUR", "INT", "CUISINE", "JOUR", "DAY"),
    ("SÉQ. 12 — EXT. FORÊT — NUIT", "EXT", "FORÊT", "NUIT", "NIGHT"),
    ("12 INT/JOUR – CUISINE", "INT", "CUISINE", "JOUR", "DAY"),
    ("EXT. PARK - DAY (1985)", "EXT", "PARK", "DAY (1985)", "DAY"),
    ("EXT. PARK - DAY - 1985", "EXT", "PARK", "DAY - 1985", "DAY"),
    ("INT. BAR - LE LENDEMAIN MATIN", "INT", "BAR", "LE LENDEMAIN MATIN", "MORNING"),
    ("INT. HÔPITAL - COULOIR - NUIT (SUITE)", "INT", "HÔPITAL - COULOIR", "NUIT (SUITE)", "NIGHT"),
    ("EXT. RUE - FIN DE JOURNÉE", "EXT", "RUE", "FIN DE JOURNÉE", "DUSK"),
    ("I/E VOITURE - JOUR", "INT/EXT", "VOITURE", "JOUR", "DAY"),
    ("INT./EXT. VOITURE - NUIT", "INT/EXT", "VOITURE", "NUIT", "NIGHT"),
    ("INT. ROOM 12 - 3:00 AM", "INT", "ROOM 12", "3:00 AM", "CLOCK"),
    ("INT. KITCHEN", "INT", "KITCHEN", None, None),
    ("FLASHBACK", None, "FLASHBACK", None, None),
    ("EXT. LAKE - GLOAMING", "EXT", "LAKE", "GLOAMING", "DUSK"),
    ("INT. SALON - SOIR", "INT", "SALON", "SOIR", "EVENING"),
    ("INT. SALON – PLUS TARD", "INT", "SALON", "PLUS TARD", "LATER"),
]


@pytest.mark.parametrize(("heading", "int_ext", "location", "time", "key"), CASES)
def test_heading_grammar(
    heading: str, int_ext: str | None, location: str, time: str | None, key: str | None
) -> None:
    effet = split_heading(heading)
    assert (effet.int_ext, effet.location, effet.time, effet.day_night) == (
        int_ext,
        location,
        time,
        key,
    )


def test_light_of_the_times() -> None:
    assert [time_light(k) for k in ("NIGHT", "PRE_DAWN", "MAGIC_HOUR", "CONTINUOUS", None)] == [
        "night",
        "night",
        "day",
        None,
        None,
    ]


def test_sub_location_and_french_number() -> None:
    effet = split_heading("INT. APPARTEMENT NADIA - CUISINE - JOUR")
    assert (effet.set_name, effet.sub_location) == ("APPARTEMENT NADIA", "CUISINE")
    prefix = heading_prefix("SÉQ. 12 — EXT. FORÊT — NUIT")
    assert prefix is not None and (prefix.number, prefix.int_ext) == ("12", "EXT")


def test_fountain_headings_need_the_spec_prefixes() -> None:
    assert is_heading("INT. CUISINE - JOUR") and is_heading("ext rue") and is_heading("I/E CAR")
    assert not is_heading("INTÉRIEUR CUISINE") and not is_heading("Estelle entre.")


@given(st.text(max_size=120))
def test_any_heading_splits_without_error(text: str) -> None:
    effet = split_heading(text)
    assert effet.location.strip() == effet.location
