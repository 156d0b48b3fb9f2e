"""The QC report in French words: check names and measured fields from
``data/delivery/report_wording.yaml``, numbers with a French decimal comma."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tournage.common.formatting import format_number
from tournage.common.rules import RuleTable

DECIMALS = 3  # measured values are rounded to the millisecond / thousandth at most


@dataclass(frozen=True)
class Wording:
    source: str
    checks: dict[str, str]
    fields: dict[str, str]


WORDING = RuleTable("delivery/report_wording.yaml", Wording)


def check_name(check_id: str) -> str:
    """``head_tail`` -> ``Amorce et fin`` (the id itself when the table lacks it)."""
    return WORDING.load().checks.get(check_id, check_id)


def field_name(key: str) -> str:
    return WORDING.load().fields.get(key, key.replace("_", " "))


def words(value: Any) -> str:
    """A measured or expected structure in words: ``noir en tête (s) = 0,5 ; …``, never a
    Python repr; None as a dash, booleans as oui / non."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, float):
        text = format_number(value, DECIMALS, "fr").rstrip("0")
        return text.rstrip(",")
    if isinstance(value, dict):
        return " ; ".join(f"{field_name(key)} = {words(item)}" for key, item in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(f"({words(v)})" if isinstance(v, dict) else words(v) for v in value)
    return str(value)
