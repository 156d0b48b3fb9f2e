"""Rule sets read from data/accessibility/rule_sets.yaml (inheritance resolved)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from tournage.accessibility.errors import SubtitleFormatError
from tournage.accessibility.tables import READING_LIMITS, RULE_SETS, ReadingLimits


@dataclass(frozen=True)
class RuleSet:
    name: str
    label: str
    language: str | None
    source: str | None
    checks: dict[str, dict[str, Any]]


def rule_set_names() -> list[str]:
    return list(RULE_SETS.load().rule_sets)


def load_rule_set(name: str) -> RuleSet:
    sets = RULE_SETS.load().rule_sets
    if name not in sets:
        raise SubtitleFormatError(
            "subtitles.unknown_rules",
            f"Jeu de règles « {name} » inconnu (choix : {', '.join(rule_set_names())}).",
        )
    entry = sets[name]
    parent = load_rule_set(entry.inherits).checks if entry.inherits else {}
    own = {key: check.params for key, check in entry.checks.items()}
    return RuleSet(name, entry.label, entry.language, entry.source, {**parent, **own})


def reading_limits() -> ReadingLimits:
    """How large and deep one subtitle file may be (data/accessibility/reading_limits.yaml)."""
    return READING_LIMITS.load().limits


def media_rules() -> dict[str, dict[str, Any]]:
    """Parameters of each media check, as the check functions read them."""
    return {key: check.params for key, check in RULE_SETS.load().media.items()}


def count_chars(text: str, convention: str) -> int:
    """Characters of ``text`` under a counting convention of the data file."""
    rule = RULE_SETS.load().counting[convention]
    if rule.spaces and rule.punctuation:
        return len(text)
    return sum(
        1
        for char in text
        if (rule.spaces or not char.isspace())
        and (rule.punctuation or not unicodedata.category(char).startswith("P"))
    )


def counting_conventions() -> list[str]:
    return list(RULE_SETS.load().counting)
