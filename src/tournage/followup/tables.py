"""The follow-up's rule tables, typed (data/followup/*.yaml, each value with its source)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tournage.common.rules import RuleTable


@dataclass(frozen=True)
class Calls:
    hmc_lead_minutes: int
    pickup_lead_minutes: int
    source: str
    uncertain: bool = False
    note: str = ""


@dataclass(frozen=True)
class Minors:
    supervisor_function: str
    source: str


@dataclass(frozen=True)
class Backups:
    copies_required: int
    algorithms: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Imports:
    max_bytes: int
    max_rows: int
    max_columns: int
    max_cell_chars: int
    source: str


@dataclass(frozen=True)
class PhaseRule:
    key: str
    fr: str
    en: str
    after: tuple[str, ...] = ()
    days: int | None = None  # proposed duration; None: taken from the schedule (shoot)


@dataclass(frozen=True)
class CarbonFeed:
    """A daily report quantity (``field``) counted against a carbon emission factor."""

    field: str
    factor: str
    unit: str
    label: str


@dataclass(frozen=True)
class Followup:
    source: str
    calls: Calls
    minors: Minors
    backups: Backups
    imports: Imports
    clip_name_pattern: str
    clip_name_source: str
    phases: tuple[PhaseRule, ...]
    phases_source: str
    activity_fields: tuple[str, ...]
    activity_source: str
    carbon_feeds: tuple[CarbonFeed, ...]
    carbon_feeds_source: str


FOLLOWUP = RuleTable("followup/followup.yaml", Followup)


@dataclass(frozen=True)
class EmergencyNumber:
    number: str
    service: str


@dataclass(frozen=True)
class SheetField:
    id: str
    fr: str
    en: str = ""
    level: str = "optional"
    when: str = ""
    values: tuple[EmergencyNumber, ...] = ()


@dataclass(frozen=True)
class SheetSection:
    id: str
    fields: tuple[SheetField, ...] = ()
    fr: str = ""
    en: str = ""


@dataclass(frozen=True)
class CallSheetSpec:
    sections: tuple[SheetSection, ...]

    def field(self, section: str, field_id: str) -> SheetField:
        found = next(s for s in self.sections if s.id == section)
        return next(f for f in found.fields if f.id == field_id)


CALL_SHEET = RuleTable("followup/call_sheet.yaml", CallSheetSpec)


_NOTE = re.compile(r"\([^)]*\)")
_ALTERNATIVES = re.compile(r"\s+/\s+|\s+or\s+")
_PROSE = re.compile(r"^(a|an|the)\s", re.IGNORECASE)


@dataclass(frozen=True)
class MappedField:
    field: str
    fr: str
    ale: str | None = None
    resolve_csv: str | None = None
    edl: str | None = None

    def spellings(self, fmt: str) -> tuple[str, ...]:
        """Column names of this field in ``fmt`` (``"ale"``, ``"resolve_csv"``): the data
        writes alternatives as ``"Camroll / reelName"`` or ``"circleTake (camera) or a
        custom column"`` (notes in brackets and prose after an article are left out)."""
        text = _NOTE.sub("", getattr(self, fmt) or "")
        parts = (part.strip() for part in _ALTERNATIVES.split(text))
        return tuple(part for part in parts if part and not _PROSE.match(part))

    def names(self, fmt: str) -> tuple[str, ...]:
        """The spellings in lower case, to match a file's header whatever its case."""
        return tuple(name.lower() for name in self.spellings(fmt))


@dataclass(frozen=True)
class Mapping:
    fields: tuple[MappedField, ...] = field(default=())


@dataclass(frozen=True)
class FormatColumn:
    column: str
    maps_to: str | tuple[str, ...]


@dataclass(frozen=True)
class FormatSpec:
    id: str
    columns: tuple[FormatColumn, ...] = ()


@dataclass(frozen=True)
class TakesSpec:
    mapping: Mapping
    formats: tuple[FormatSpec, ...] = ()

    def spellings(self, fmt: str) -> list[tuple[str, str]]:
        """(column name, canonical field) of ``fmt``: the format's own column list first
        (one field per column), then the cross-format mapping."""
        pairs = [
            (column.column, column.maps_to)
            for spec in self.formats
            if spec.id == fmt
            for column in spec.columns
            if isinstance(column.maps_to, str) and " / " not in column.column
        ]
        pairs += [(name, f.field) for f in self.mapping.fields for name in f.spellings(fmt)]
        return pairs


TAKES = RuleTable("followup/takes_log.yaml", TakesSpec)
