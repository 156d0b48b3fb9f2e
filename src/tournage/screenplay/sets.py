"""Which location a script set (décor) is shot at: the key both sides share, and a
suggestion when the names only look alike.

A set and a location match when their keys are equal (the scheduler's décor id, a slug of
the name); otherwise the location whose name shares the most words with the set is
*suggested*, never chosen silently: the user confirms it on the mapping screen.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Hashable, Iterable, Mapping
from difflib import SequenceMatcher
from typing import TypeVar

K = TypeVar("K", bound=Hashable)

# A heuristic of this screen, not a rule of the trade: below half of the shorter name's
# words in common (or half the letters in order), two names are not worth suggesting.
SUGGESTION_SCORE = 0.5
MIN_WORD = 4  # shorter words are mostly articles and prepositions (de, la, des, sur)


def set_key(name: str) -> str:
    """The décor id the scheduler gives a set (lowercase ASCII words joined by dashes)."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "decor"


def _words(name: str) -> set[str]:
    return {word for word in set_key(name).split("-") if len(word) >= MIN_WORD}


def similarity(a: str, b: str) -> float:
    """0..1: shared words over the shorter name's words, or the letters' ratio if higher."""
    words_a, words_b = _words(a), _words(b)
    shared = len(words_a & words_b) / min(len(words_a), len(words_b)) if words_a and words_b else 0
    return max(shared, SequenceMatcher(None, set_key(a), set_key(b)).ratio())


def matched(set_name: str, places: Mapping[K, Iterable[str]]) -> K | None:
    """The place one of whose names (its own, or the sets mapped to it) has the set's key."""
    key = set_key(set_name)
    for place, names in places.items():
        if any(set_key(name) == key for name in names):
            return place
    return None


def suggest(set_name: str, places: Mapping[K, Iterable[str]]) -> K | None:
    """The most similar place from ``SUGGESTION_SCORE`` up; ties go to the first place."""
    scored = [
        (max((similarity(set_name, name) for name in names), default=0.0), place)
        for place, names in places.items()
    ]
    candidates = [(score, place) for score, place in scored if score >= SUGGESTION_SCORE]
    return max(candidates, key=lambda candidate: candidate[0])[1] if candidates else None
