"""Split a scene heading into its *effet*: INT/EXT, place (décor, sub-location), time of day.

This split is a production convention, not part of Fountain, so it is tolerant:
anything it does not recognise stays in the location.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from tournage.data import load_yaml

#: Prefixes that make a line a scene heading (followed by a dot or a space).
HEADING_PREFIX = re.compile(
    r"^(INT\.?\s?/\s?EXT|EXT\.?\s?/\s?INT|I\.?/E|E\.?/I|INT|EXT|EST)(?:\.|\s|$)",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"\s+[-–—]+\s+|\s+[-–—]+$|^[-–—]+\s+")
# The same separators for a text that does not start with a dash: opening on a character
# class lets the regex engine skip ahead, about three times faster.
_INNER_SEPARATOR = re.compile(r"\s\s*[-–—]+(?:\s+|$)")
_DASHES = "-–—"
_PARENTHESES = re.compile(r"\s*\(.*?\)\s*")


class Effet(NamedTuple):
    """A heading's *effet* (a named tuple: immutable and cheap, one is made per scene)."""

    int_ext: str | None
    location: str
    set_name: str
    sub_location: str | None
    time: str | None
    day_night: str | None


@cache
def _time_words() -> dict[str, str]:
    """Upper-case word → canonical key (``JOUR`` → ``DAY``)."""
    table = load_yaml("screenplay/times_of_day.yaml")["times"]
    return {word.upper(): key for key, spec in table.items() for word in spec["words"]}


@cache
def time_light(day_night: str | None) -> str | None:
    """``day``, ``night`` or ``None`` for a canonical time key."""
    if day_night is None:
        return None
    light: str | None = load_yaml("screenplay/times_of_day.yaml")["times"][day_night]["light"]
    return light


@cache  # a handful of spellings (``INT.``, ``int``, ``I/E``...) in any script
def _int_ext(prefix: str) -> str:
    letters = re.sub(r"[^A-Z/]", "", prefix.upper())
    if letters == "INT":
        return "INT"
    if letters in ("EXT", "EST"):
        return "EXT"
    return "INT/EXT"


def _canonical_time(segment: str) -> str | None:
    words = _time_words()
    cleaned = _PARENTHESES.sub(" ", segment) if "(" in segment else segment
    cleaned = cleaned.strip().upper().rstrip(".")
    if cleaned in words:
        return words[cleaned]
    first = cleaned.split(" ", 1)[0]
    return words.get(first) if first in words and " " in cleaned else None


def split_heading(heading: str) -> Effet:
    """``INT. APPARTEMENT NADIA - CUISINE - JOUR`` → INT, APPARTEMENT NADIA, CUISINE, JOUR."""
    text = heading.strip()
    match = HEADING_PREFIX.match(text)
    int_ext = _int_ext(match.group(1)) if match else None
    rest = text[match.end() :].strip(" .") if match else text
    separator = _SEPARATOR if rest[:1] in _DASHES else _INNER_SEPARATOR
    segments = [part.strip() for part in separator.split(rest) if part.strip()]
    time = day_night = None
    for position in range(len(segments) - 1, -1, -1):
        key = _canonical_time(segments[position])
        if key is not None and (len(segments) > 1 or match):
            time, day_night = segments.pop(position), key
            break
    location = " - ".join(segments)
    set_name = segments[0] if segments else ""
    sub_location = " - ".join(segments[1:]) or None
    return Effet(int_ext, location, set_name, sub_location, time, day_night)
