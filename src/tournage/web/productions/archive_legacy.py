"""Reading the fields of an older archive's rows for a ``plugins.Legacy`` step: the same
clear refusal as any other row (``ArchiveError`` naming the row and the field)."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from .archive_reader import ArchiveError

TEXT_LENGTH = 10_000  # the longest text a legacy field carries over (incidents, notes)


def _refused(row: dict[str, Any], label: str, name: str, reason: str) -> ArchiveError:
    return ArchiveError(
        "bad_value",
        f"Archive refusée : {label} n°{row.get('pk')!r:.20}, champ « {name} » : {reason}.",
        model=label,
        field=name,
    )


def text_field(row: dict[str, Any], label: str, name: str) -> str:
    value = row["fields"].get(name)
    if value is None:
        return ""
    if not isinstance(value, str) or len(value) > TEXT_LENGTH:
        raise _refused(row, label, name, "texte attendu")
    return value


def date_field(row: dict[str, Any], label: str, name: str, required: bool = False) -> date | None:
    value = row["fields"].get(name)
    if value is None and not required:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError) as bad:
        raise _refused(row, label, name, "date attendue (AAAA-MM-JJ)") from bad


def time_field(row: dict[str, Any], label: str, name: str) -> time | None:
    value = row["fields"].get(name)
    if value is None or value == "":
        return None
    try:
        return time.fromisoformat(value)
    except (TypeError, ValueError) as bad:
        raise _refused(row, label, name, "heure attendue (HH:MM)") from bad
