"""Rule sets read from data/accessibility/rule_sets.yaml (inheritance resolved)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from tournage.accessibility.errors import SubtitleFormatError
from tournage.data import load_yaml

RULES_FILE = "accessibility/rule_sets.yaml"
LIMITS_FILE = "accessibility/reading_limits.yaml"


@dataclass(frozen=True)
class RuleSet:
    name: str
    label: str
    language: str | None
    source: str | None
    checks: dict[str, dict[str, Any]]


def _table() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml(RULES_FILE)
    return data


def rule_set_names() -> list[str]:
    return list(_table()["rule_sets"])


def load_rule_set(name: str) -> RuleSet:
    sets = _table()["rule_sets"]
    if name not in sets:
        raise SubtitleFormatError(
            "subtitles.unknown_rules",
            f"Jeu de règles « {name} » inconnu (choix : {', '.join(rule_set_names())}).",
        )
    entry = sets[name]
    parent = load_rule_set(entry["inherits"]).checks if entry.get("inherits") else {}
    return RuleSet(
        name,
        entry["label"],
        entry.get("language"),
        entry.get("source"),
        {**parent, **entry["checks"]},
    )


def reading_limits() -> dict[str, int]:
    """How large and deep one subtitle file may be (data/accessibility/reading_limits.yaml)."""
    limits: dict[str, int] = load_yaml(LIMITS_FILE)["limits"]
    return limits


def media_rules() -> dict[str, dict[str, Any]]:
    media: dict[str, dict[str, Any]] = _table()["media"]
    return media


def count_chars(text: str, convention: str) -> int:
    """Characters of ``text`` under a counting convention of the data file."""
    rule = _table()["counting"][convention]
    if rule["spaces"] and rule["punctuation"]:
        return len(text)
    return sum(
        1
        for char in text
        if (rule["spaces"] or not char.isspace())
        and (rule["punctuation"] or not unicodedata.category(char).startswith("P"))
    )


def counting_conventions() -> list[str]:
    return list(_table()["counting"])
