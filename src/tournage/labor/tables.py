"""Labor's contract, inclusion and safety tables (``data/labor/*.yaml``), typed when read.

The working-time and agreement tables have their own modules (``rules``, ``agreements``);
these are the CDDU mentions and template, the mention patterns, the inclusion settings,
the risk measures and the location accessibility checklist. Each rule keeps its source,
date and ``uncertain`` flag. A file that does not match is refused with a
``RuleTableError`` naming the file and the key.
"""

from __future__ import annotations

from dataclasses import dataclass

from tournage.common.rules import RuleTable

# cddu_mentions.yaml ---------------------------------------------------------------------


@dataclass(frozen=True)
class TrialLimits:
    days_per_week: int
    max_days_up_to_6_months: int
    max_days_beyond: int
    none_under_days: int


@dataclass(frozen=True)
class Mention:
    """One item of a section: a mandatory mention, a form rule, a risk... Fields other than
    ``id``, ``source`` and ``as_of`` depend on the section (and the item)."""

    id: str
    source: str
    as_of: str | None
    uncertain: bool = False
    note: str = ""
    label: str = ""
    basis: tuple[str, ...] = ()
    rule: str = ""
    risk: str = ""
    rule_pav: str = ""
    sanction: str = ""
    working_days: int | None = None
    trial_limits: TrialLimits | None = None
    author_functions: tuple[str, ...] = ()


@dataclass(frozen=True)
class CdduMentions:
    form_rules: tuple[Mention, ...]
    mandatory_mentions: tuple[Mention, ...]
    requalification_risks: tuple[Mention, ...]
    actor_contracts: tuple[Mention, ...]
    author_contracts: tuple[Mention, ...]

    def item(self, section: str, item_id: str) -> Mention:
        """The item ``item_id`` of ``section`` (e.g. ``form_rules``), which the code needs."""
        items: tuple[Mention, ...] = getattr(self, section)
        found = next((item for item in items if item.id == item_id), None)
        return CDDU_MENTIONS.require(found, f"{section} > {item_id}")


# cddu_template.yaml and mention_patterns.yaml ---------------------------------------------


@dataclass(frozen=True)
class Article:
    heading: str
    text: str
    mentions: tuple[str, ...] = ()


@dataclass(frozen=True)
class CdduTemplate:
    source: str
    title: str
    articles: tuple[Article, ...]
    artist_article: Article
    minor_article: Article
    author_article: Article
    signatures: str


@dataclass(frozen=True)
class MentionPatterns:
    source: str
    patterns: dict[str, tuple[str, ...]]  # mention id -> regular expressions (normalised text)


# inclusion.yaml -------------------------------------------------------------------------


@dataclass(frozen=True)
class UnknownCriteria:
    """A rule whose criteria were not found: shown as unknown."""

    criteria: str | None
    note: str
    source: str
    as_of: str | None


@dataclass(frozen=True)
class InclusionSettings:
    min_count: int  # small-count suppression: a tournage choice, not a legal figure
    min_count_source: str
    oeth_rule_id: str
    cnc_parity_bonus: UnknownCriteria


# risk_measures.yaml and accessibility_checklist.yaml --------------------------------------


@dataclass(frozen=True)
class RiskMeasures:
    label: str
    owner: str
    measures: tuple[str, ...]
    source: str
    uncertain: bool = True  # a measure is a reading, not a rule, unless the data says so


@dataclass(frozen=True)
class RiskTable:
    risks: dict[str, RiskMeasures]


@dataclass(frozen=True)
class ChecklistItem:
    label: str
    threshold_m: int | None = None
    note: str = ""


@dataclass(frozen=True)
class Need:
    label: str
    requires: tuple[str, ...]  # checklist items


@dataclass(frozen=True)
class AccessibilityChecklist:
    source: str
    items: dict[str, ChecklistItem]
    needs: dict[str, Need]


CDDU_MENTIONS = RuleTable("labor/cddu_mentions.yaml", CdduMentions)
CDDU_TEMPLATE = RuleTable("labor/cddu_template.yaml", CdduTemplate)
MENTION_PATTERNS = RuleTable("labor/mention_patterns.yaml", MentionPatterns)
INCLUSION = RuleTable("labor/inclusion.yaml", InclusionSettings)
RISK_MEASURES = RuleTable("labor/risk_measures.yaml", RiskTable)
ACCESSIBILITY_CHECKLIST = RuleTable("labor/accessibility_checklist.yaml", AccessibilityChecklist)
