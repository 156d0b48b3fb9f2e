"""Typed readers of the development rule tables (``data/development``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from tournage.common.rules import RuleTable


@dataclass(frozen=True)
class Sourced:
    value: float
    source: str
    uncertain: bool = False


@dataclass(frozen=True)
class SourcedList:
    source: str
    items: list[str]
    uncertain: bool = False


@dataclass(frozen=True)
class Milestone:
    id: str
    due: str  # brief | script | post: what makes the milestone due


@dataclass(frozen=True)
class Milestones:
    source: str
    items: list[Milestone]


@dataclass(frozen=True)
class Requirement:
    required: bool
    source: str
    uncertain: bool = False


@dataclass(frozen=True)
class ChannelRule:
    kind: str
    frame_rates: list[str]
    min_width: int
    aspects: list[str]
    sme: Requirement
    ad: Requirement
    window: str | None
    format_source: str
    viewing: str
    frame_rates_uncertain: bool = False


@dataclass(frozen=True)
class Window:
    value: int
    source: str
    uncertain: bool = False


@dataclass(frozen=True)
class ReleaseWindows:
    source: str
    months: dict[str, Window]


@dataclass(frozen=True)
class ViewingCarbon:
    source: str
    g_per_hour_low: float
    g_per_hour_high: float
    uncertain: bool = False


@dataclass(frozen=True)
class TextMeasure:
    source: str
    characters_per_line: int
    words_per_page: int
    uncertain: bool = False


@dataclass(frozen=True)
class BriefFields:
    source: str
    fields: list[str]


@dataclass(frozen=True)
class Rules:
    minutes_per_page: Sourced
    feasibility_margin: Sourced
    benchmark_min_rows: Sourced
    brief_fields: BriefFields
    milestones: Milestones
    cdc_sections: SourcedList
    heads_of_department: SourcedList
    channel_kinds: SourcedList
    channels: dict[str, ChannelRule]
    release_windows: ReleaseWindows
    viewing_carbon: ViewingCarbon
    text_measure: TextMeasure


@dataclass(frozen=True)
class PieceDef:
    name_fr: str
    provided_by: str


@dataclass(frozen=True)
class SchemePiece:
    id: str
    max_lines: int | None = None
    max_pages: int | None = None
    limit_source: str = ""
    uncertain: bool = False


@dataclass(frozen=True)
class Scheme:
    id: str
    name: str
    source: str
    pieces: list[SchemePiece]
    date: str = ""
    uncertain: bool = False


@dataclass(frozen=True)
class Schemes:
    pieces: dict[str, PieceDef]
    schemes: list[Scheme] = field(default_factory=list)

    def scheme(self, scheme_id: str) -> Scheme | None:
        return next((s for s in self.schemes if s.id == scheme_id), None)


RULES = RuleTable("development/rules.yaml", Rules)
SCHEMES = RuleTable("development/schemes.yaml", Schemes)
