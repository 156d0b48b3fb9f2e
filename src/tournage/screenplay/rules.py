"""The screenplay domain's rule tables, typed: read once through ``RuleTable``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from tournage.common.rules import RuleTable
from tournage.screenplay.limits import ParseLimits


@dataclass(frozen=True)
class RevisionMatching:
    match_threshold: float
    heading_weight: float
    window: int


@dataclass(frozen=True)
class ImportRules:
    source: str
    date: str
    limits: ParseLimits
    caps_stopwords: frozenset[str]
    caps_articles: tuple[str, ...]
    revisions: RevisionMatching


IMPORT = RuleTable("screenplay/import.yaml", ImportRules)


@cache
def import_rules() -> ImportRules:
    return IMPORT.load()


@dataclass(frozen=True)
class TimeOfDay:
    light: str | None
    kind: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class TimesOfDay:
    source: str
    date: str
    times: dict[str, TimeOfDay]
    modifiers: frozenset[str]


@dataclass(frozen=True)
class HeadingRules:
    source: str
    date: str
    prefixes: dict[str, tuple[str, ...]]
    fountain: tuple[str, ...]
    number_words: tuple[str, ...]
    dashes: tuple[str, ...]


TIMES = RuleTable("screenplay/times_of_day.yaml", TimesOfDay)
HEADINGS = RuleTable("screenplay/headings.yaml", HeadingRules)


@cache
def times_of_day() -> TimesOfDay:
    return TIMES.load()


@cache
def heading_rules() -> HeadingRules:
    return HEADINGS.load()
