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
