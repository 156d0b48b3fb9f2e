"""The rights domain's data tables, typed (``src/tournage/data/rights``)."""

from __future__ import annotations

from dataclasses import dataclass

from tournage.common.rules import RuleTable


@dataclass(frozen=True)
class ClearanceType:
    id: str
    fr: str
    en: str
    proof: str
    source: str
    uncertain: bool = False
    music: bool = False


@dataclass(frozen=True)
class Seed:
    categories: dict[str, str]
    risks: dict[str, str]
    keywords: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class Statuses:
    decided: tuple[str, ...]
    reason_required: tuple[str, ...]


@dataclass(frozen=True)
class ClearanceTable:
    source: str
    types: tuple[ClearanceType, ...]
    seed: Seed
    statuses: Statuses
    expiry_warning_days: int

    def type(self, type_id: str) -> ClearanceType | None:
        return next((t for t in self.types if t.id == type_id), None)

    @property
    def music_types(self) -> frozenset[str]:
        return frozenset(t.id for t in self.types if t.music)


@dataclass(frozen=True)
class LeadTime:
    min: int
    unit: str  # working_days | calendar_days | weeks | months
    uncertain: bool = False


@dataclass(frozen=True)
class Authority:
    id: str
    name_fr: str
    source: str
    lead_time: LeadTime | None = None
    note: str = ""


@dataclass(frozen=True)
class Insurance:
    rule: str
    source: str
    in_request_uncertain: bool


@dataclass(frozen=True)
class RequestItem:
    item: str
    source: str
    uncertain: bool = False


@dataclass(frozen=True)
class PermitTable:
    source: str
    authorities: tuple[Authority, ...]
    warning_days: int
    insurance_certificate: Insurance
    request_contents: tuple[RequestItem, ...]

    def authority(self, authority_id: str) -> Authority | None:
        return next((a for a in self.authorities if a.id == authority_id), None)


@dataclass(frozen=True)
class CoAuthorRole:
    id: str
    fr: str
    functions: tuple[str, ...] = ()


@dataclass(frozen=True)
class CoAuthors:
    law: str
    source: str
    roles: tuple[CoAuthorRole, ...]


@dataclass(frozen=True)
class RightField:
    id: str
    fr: str


@dataclass(frozen=True)
class RightFields:
    law: str
    source: str
    fields: tuple[RightField, ...]


@dataclass(frozen=True)
class Remuneration:
    proportional: tuple[str, ...]
    lump_sum_needs_review: bool
    source: str


@dataclass(frozen=True)
class Statements:
    every_months: int
    reminder_days: int
    source: str


@dataclass(frozen=True)
class Societies:
    uncertain: bool
    source: str
    by_format: dict[str, str]
    music: str


@dataclass(frozen=True)
class AuthorTable:
    source: str
    co_authors: CoAuthors
    right_fields: RightFields
    remuneration: Remuneration
    statements: Statements
    societies: Societies


@dataclass(frozen=True)
class Regimes:
    cinema_channels: tuple[str, ...]
    cinema_formats: dict[str, str]
    otherwise: str


@dataclass(frozen=True)
class StepRule:
    id: str
    fr: str
    applies_to: tuple[str, ...]
    source: str
    anchor: str | None = None
    offset_days: int = 0
    only_if_aided: bool = False
    needs_channel: tuple[str, ...] = ()
    reference: bool = False
    uncertain: bool = False
    note: str = ""


@dataclass(frozen=True)
class DestinationItem:
    id: str
    fr: str
    source: str
    step: str | None = None
    rating: bool = False
    uncertain: bool = False


@dataclass(frozen=True)
class Destination:
    id: str
    fr: str
    channels: tuple[str, ...]
    regulatory: tuple[str, ...]
    items: tuple[DestinationItem, ...]
    when: str | None = None


@dataclass(frozen=True)
class Category:
    id: str
    fr: str
    min_age: int | None = None


@dataclass(frozen=True)
class Rating:
    channels: tuple[str, ...]
    on_demand: tuple[str, ...]
    categories: tuple[Category, ...]
    source: str
    uncertain: bool
    slots: dict[str, tuple[dict[str, str], ...]]
    children_programme_max: str
    visa_floor: dict[str, str]
    trailer_signage_from: str
    trailer_source: str

    def rank(self, category: str) -> int:
        ids = [c.id for c in self.categories]
        return ids.index(category) if category in ids else -1


@dataclass(frozen=True)
class ReleaseTable:
    source: str
    regimes: Regimes
    steps: tuple[StepRule, ...]
    destinations: tuple[Destination, ...]
    rating: Rating


@dataclass(frozen=True)
class CueColumn:
    id: str
    fr: str


@dataclass(frozen=True)
class CueSheetTable:
    source: str
    uncertain: bool
    columns: tuple[CueColumn, ...]
    required: tuple[str, ...]
    usages: tuple[CueColumn, ...]
    markers: tuple[str, ...]
    tolerance_frames: int
    max_cues: int


CLEARANCES = RuleTable("rights/clearances.yaml", ClearanceTable)
PERMITS = RuleTable("rights/permits.yaml", PermitTable)
AUTHORS = RuleTable("rights/authors.yaml", AuthorTable)
RELEASE = RuleTable("rights/release.yaml", ReleaseTable)
CUESHEET = RuleTable("rights/cuesheet.yaml", CueSheetTable)
