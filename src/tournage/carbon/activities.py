"""Activity records: what was (or will be) consumed, in which unit, against which factor."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from tournage.carbon.errors import CarbonError

PHASES = ("forecast", "actual")
MAX_ACTIVITIES = 200_000
MAX_QUANTITY = Decimal("1e12")


@dataclass(frozen=True)
class Activity:
    factor: str
    quantity: Decimal
    unit: str
    phase: str = "forecast"
    category: str | None = None  # None: the factor's category
    section: str | None = None  # None: the category's Carbon'Clap section
    label: str = ""
    key: str = ""  # stable id of a derived line, used by overrides
    derivation: str = ""  # how a derived quantity was computed, in French
    evidence: str = ""
    note: str = ""

    def with_phase(self, phase: str) -> Activity:
        return replace(self, phase=phase)


def parse_quantity(raw: Any, where: str) -> Decimal:
    """A finite, non-negative, not absurdly large number."""
    if isinstance(raw, bool) or not isinstance(raw, int | float | str | Decimal):
        raise CarbonError("quantity.invalid", f"{where} : la quantité doit être un nombre.")
    try:
        value = Decimal(str(raw).strip().replace(",", "."))
    except InvalidOperation:
        raise CarbonError("quantity.invalid", f"{where} : quantité illisible « {raw} ».") from None
    if not value.is_finite() or value < 0:
        raise CarbonError("quantity.invalid", f"{where} : la quantité doit être positive ou nulle.")
    if value > MAX_QUANTITY:
        raise CarbonError("quantity.too_large", f"{where} : quantité démesurée ({raw}).")
    return value


def _text(raw: dict[str, Any], name: str, where: str, *, required: bool = False) -> str:
    value = raw.get(name, "")
    if value is None:
        value = ""
    if not isinstance(value, str | int):
        raise CarbonError("activity.invalid", f"{where} : le champ « {name} » doit être un texte.")
    text = str(value).strip()
    if required and not text:
        raise CarbonError("activity.invalid", f"{where} : le champ « {name} » est obligatoire.")
    return text[:2000]


def parse_activity(raw: Any, where: str) -> Activity:
    if not isinstance(raw, dict):
        raise CarbonError("activity.invalid", f"{where} : une activité doit être un objet.")
    phase = _text(raw, "phase", where) or "forecast"
    if phase not in PHASES:
        raise CarbonError(
            "activity.phase", f"{where} : phase « {phase} » inconnue (forecast ou actual)."
        )
    return Activity(
        factor=_text(raw, "factor", where, required=True),
        quantity=parse_quantity(raw.get("quantity"), where),
        unit=_text(raw, "unit", where, required=True),
        phase=phase,
        category=_text(raw, "category", where) or None,
        section=_text(raw, "section", where) or None,
        label=_text(raw, "label", where),
        key=_text(raw, "key", where),
        evidence=_text(raw, "evidence", where),
        note=_text(raw, "note", where),
    )


def parse_activities(document: Any) -> list[Activity]:
    """``{"activities": [{factor, quantity, unit, phase}, ...]}`` -> activities."""
    if not isinstance(document, dict) or not isinstance(document.get("activities"), list):
        raise CarbonError(
            "activities.missing", "Le fichier doit contenir une liste « activities »."
        )
    rows = document["activities"]
    if len(rows) > MAX_ACTIVITIES:
        raise CarbonError("activities.too_many", f"Trop d'activités ({len(rows)}).")
    return [parse_activity(raw, f"Activité n°{index}") for index, raw in enumerate(rows, 1)]
