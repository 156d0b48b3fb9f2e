"""Split a scene heading into its *effet*: INT/EXT, place (décor, sub-location), time of day.

The grammar is data (``headings.yaml``, ``times_of_day.yaml``): prefixes, separators
(`` - ``, `` -- ``, `` — ``, `` / ``, a comma before a final time), several time segments
(``NIGHT - CONTINUOUS``), modifiers around a time (``[THE NEXT] MORNING``), brackets,
years, non-breaking spaces, French sequence numbers (``SÉQ. 12 — EXT. FORÊT — NUIT``) and
the *effet* first (``12 INT/JOUR – CUISINE``). This split is a production convention, not
part of Fountain, so it is tolerant: anything it does not recognise stays in the location.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from tournage.screenplay.rules import heading_rules, times_of_day


class Effet(NamedTuple):
    """A heading's *effet* (a named tuple: immutable and cheap, one is made per scene)."""

    int_ext: str | None
    location: str
    set_name: str
    sub_location: str | None
    time: str | None
    day_night: str | None


def _alternatives(spellings: list[str]) -> str:
    return "|".join(re.escape(s) for s in sorted(spellings, key=len, reverse=True))


@cache
def _fountain_prefix() -> re.Pattern[str]:
    body = _alternatives(list(heading_rules().fountain))
    return re.compile(rf"^(?:{body})(?:[.\s/]|$)", re.IGNORECASE)


def is_heading(line: str) -> bool:
    """Whether a Fountain line starts like a heading (``INT.``, ``EXT ``, ``I/E``...)."""
    return _fountain_prefix().match(line) is not None


@cache
def _prefix() -> re.Pattern[str]:
    rules = heading_rules()
    spellings = [spelling for names in rules.prefixes.values() for spelling in names]
    numbers = _alternatives(list(rules.number_words))
    return re.compile(
        rf"^(?:(?:(?:{numbers})\.?\s*)?(?P<number>\d{{1,4}}[A-Z]{{0,2}})\s*[.):\-–—]?\s+)?"
        rf"(?P<prefix>{_alternatives(spellings)})(?=[.\s/]|$)\.?",
        re.IGNORECASE,
    )


@cache
def _canonical_prefix() -> dict[str, str]:
    return {
        spelling.upper().rstrip("."): key
        for key, names in heading_rules().prefixes.items()
        for spelling in names
    }


class Prefix(NamedTuple):
    number: str | None  # a sequence number written in front (``1.``, ``SÉQ. 12``)
    int_ext: str
    rest: str  # what follows the prefix


def heading_prefix(text: str) -> Prefix | None:
    """The number and INT/EXT prefix a heading starts with, or ``None``."""
    match = _prefix().match(text)
    if match is None:
        return None
    key = _canonical_prefix().get(match.group("prefix").upper().rstrip("."), "INT/EXT")
    return Prefix(match.group("number"), key, text[match.end() :])


_SPACES = re.compile(r"[\s\u00a0\u202f\u2007]+")
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_BRACKETS = re.compile(r"[\[\]()]")
_QUALIFIER = re.compile(r"^(?:\(.*\)|\[.*\]|\d{4}s?|\d{1,2}\s*(?:[:H]\s*\d{2})?\s*(?:AM|PM|H)?)$")
_CLOCK = re.compile(r"^\d{1,2}\s*(?:[:H]\s*\d{2})?\s*(?:AM|PM|H)$")
_MAX_TIME_WORDS = 8


@cache
def _segment_splitter() -> re.Pattern[str]:
    dashes = "".join(re.escape(d) for d in heading_rules().dashes)
    return re.compile(rf"\s+(?:[{dashes}]+|/)\s+|\s+[{dashes}]+$|^[{dashes}]+\s+")


@cache
def _time_words() -> dict[str, str]:
    """Upper-case phrase → canonical key (``JOUR`` → ``DAY``)."""
    return {word.upper(): key for key, spec in times_of_day().times.items() for word in spec.words}


@cache
def time_light(day_night: str | None) -> str | None:
    """``day``, ``night`` or ``None`` for a canonical time key."""
    spec = times_of_day().times.get(day_night or "")
    return spec.light if spec else None


@cache
def canonical_time(segment: str) -> str | None:
    """The canonical key of a time segment (``[THE NEXT] MORNING`` → ``MORNING``), or None.

    The longest phrase of the table in the segment wins when every other word is a
    modifier (``A BIT LATER``, ``LE LENDEMAIN MATIN``); a key with a light beats one without.
    """
    words = _time_words()
    unbracketed = _BRACKETED.sub(" ", segment)  # DAY (1985), NUIT (SUITE): the time outside
    if not unbracketed.strip():
        unbracketed = segment
    cleaned = _SPACES.sub(" ", _BRACKETS.sub(" ", unbracketed)).strip(" .,;:").upper()
    if cleaned in words:
        return words[cleaned]
    if _CLOCK.match(cleaned):
        return "CLOCK"
    tokens = cleaned.split(" ")
    if len(tokens) > _MAX_TIME_WORDS:
        return None
    modifiers = times_of_day().modifiers
    found: list[str] = []
    for size in range(len(tokens) - 1, 0, -1):
        for start in range(len(tokens) - size + 1):
            key = words.get(" ".join(tokens[start : start + size]))
            rest = tokens[:start] + tokens[start + size :]
            if key is not None and all(token in modifiers for token in rest):
                found.append(key)
        if found:
            break
    return _preferred(found)


def _preferred(keys: list[str]) -> str | None:
    """The first key that says the light, else the first key."""
    lit = [key for key in keys if time_light(key) is not None]
    return (lit or keys)[0] if keys else None


def _is_qualifier(segment: str) -> bool:
    return _QUALIFIER.match(segment.strip().upper()) is not None


def _trailing_times(segments: list[str], keep: int) -> list[tuple[str, str | None]]:
    """The last segments that are times or qualifiers (years, brackets, hours), when at
    least one is a time; ``keep`` segments stay in front for the place."""
    cut = len(segments)
    while cut > keep and (
        canonical_time(segments[cut - 1]) is not None or _is_qualifier(segments[cut - 1])
    ):
        cut -= 1
    tail = [(segment, canonical_time(segment)) for segment in segments[cut:]]
    return tail if any(key is not None for _, key in tail) else []


def _split_final_comma(segments: list[str]) -> None:
    """``APARTMENT, DAY`` → ``APARTMENT``, ``DAY`` when what follows the comma is a time."""
    head, comma, tail = segments[-1].rpartition(",")
    if comma and head.strip() and canonical_time(tail) is not None:
        segments[-1:] = [head.strip(), tail.strip()]


def split_heading(heading: str) -> Effet:
    """``INT. APPARTEMENT NADIA - CUISINE - JOUR`` → INT, APPARTEMENT NADIA, CUISINE, JOUR."""
    text = _SPACES.sub(" ", heading).strip()
    prefix = heading_prefix(text)
    rest = prefix.rest.strip(" .") if prefix else text
    time_first = rest.startswith("/")  # 12 INT/JOUR – CUISINE
    segments = [part.strip() for part in _segment_splitter().split(rest.lstrip("/ ")) if part]
    segments = [segment for segment in segments if segment]
    if not segments:
        return Effet(prefix.int_ext if prefix else None, "", "", None, None, None)
    _split_final_comma(segments)
    times: list[tuple[str, str | None]] = []  # (segment, key) of the time segments
    first_time = canonical_time(segments[0]) if time_first and len(segments) > 1 else None
    if first_time is not None:
        times.append((segments.pop(0), first_time))
    trailing = _trailing_times(segments, keep=0 if prefix or times else 1)
    del segments[len(segments) - len(trailing) :]
    times.extend(trailing)
    day_night = _preferred([key for _, key in times if key is not None])
    time = " - ".join(segment for segment, _ in times) or None
    location = " - ".join(segments)
    set_name = segments[0] if segments else ""
    sub_location = " - ".join(segments[1:]) or None
    return Effet(
        prefix.int_ext if prefix else None, location, set_name, sub_location, time, day_night
    )
