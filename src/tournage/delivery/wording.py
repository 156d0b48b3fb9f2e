"""The QC report in words: check names, measured fields and event kinds from
``data/delivery/report_wording.yaml`` (English and French, the one table the web pages
read too); the downloadable report is in French, numbers with a French decimal comma."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tournage.common.formatting import format_number
from tournage.common.rules import RuleTable

DECIMALS = 3  # measured values are rounded to the millisecond / thousandth at most


@dataclass(frozen=True)
class Wording:
    source: str
    checks: dict[str, dict[str, str]]  # id -> language -> name
    fields: dict[str, dict[str, str]]
    events: dict[str, dict[str, str]]


WORDING = RuleTable("delivery/report_wording.yaml", Wording)


def _name(names: dict[str, str] | None, language: str) -> str | None:
    if not names:
        return None
    return names.get(language[:2]) or names.get("en")


def check_name(check_id: str, language: str = "fr") -> str:
    """``head_tail`` -> ``Amorce et fin`` (the id itself when the table lacks it)."""
    return _name(WORDING.load().checks.get(check_id), language) or check_id


def field_name(key: str, language: str = "fr") -> str:
    return _name(WORDING.load().fields.get(key), language) or key.replace("_", " ")


def event_name(kind: str, language: str = "fr") -> str:
    return _name(WORDING.load().events.get(kind), language) or ""


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
