"""The screenplay domain's rule tables, typed: each read once through ``RuleTable``.

The shapes are frozen records (``tournage.common.records``): the same typed, immutable,
validated reading as the frozen dataclasses of ``tournage.common.rules``, without the
imports of dataclasses or msgspec and with a class created far faster than a dataclass,
which the timed start-up of the command line needs.

The YAML files of ``data/screenplay/`` are the source of truth. The command line reads
them from ``tables.json``, a snapshot of the same documents (PyYAML alone takes longer to
import than a script takes to parse); ``python -m tournage.screenplay.rules`` rewrites it
and a test checks that it equals the YAML.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from tournage.common.records import Record
from tournage.common.rules import RuleTable
from tournage.screenplay.limits import ParseLimits

SNAPSHOT = "screenplay/tables.json"


class RevisionMatching(Record, frozen=True):
    match_threshold: float
    heading_weight: float
    window: int


class ImportRules(Record, frozen=True):
    source: str
    date: str
    limits: ParseLimits
    revisions: RevisionMatching


class TimeOfDay(Record, frozen=True):
    light: str | None
    kind: str
    words: tuple[str, ...]


class TimesOfDay(Record, frozen=True):
    source: str
    date: str
    times: dict[str, TimeOfDay]
    modifiers: frozenset[str]


class HeadingRules(Record, frozen=True):
    source: str
    date: str
    prefixes: dict[str, tuple[str, ...]]
    fountain: tuple[str, ...]
    number_words: tuple[str, ...]
    dashes: tuple[str, ...]


class ElementStyle(Record, frozen=True):
    indent: int
    width: int
    space_before: int
    align: str = "left"


class Paper(Record, frozen=True):
    width_in: float
    height_in: float
    lines_per_page: int
    top_margin_in: float


class LayoutRules(Record, frozen=True):
    font: str
    font_size: int
    lines_per_inch: int
    min_scene_eighths: int
    min_split_rows: int
    heading_keep_rows: int
    papers: dict[str, Paper]
    left_margin_in: float
    elements: dict[str, ElementStyle]


class LexiconCategory(Record, frozen=True):
    confidence: float
    noun: bool = False  # element words read as nouns only (props, vehicles, animals...)
    fr: tuple[str, ...] = ()
    en: tuple[str, ...] = ()


class Lexicon(Record, frozen=True):
    source: str
    date: str
    language_markers: dict[str, frozenset[str]]
    nlp_models: dict[str, str]
    nlp_confidence_factor: float
    nlp_person_confidence: float
    heuristic_confidence: dict[str, float]
    categories: dict[str, LexiconCategory]


class ByLanguage(Record, frozen=True):
    en: frozenset[str] = frozenset()
    fr: frozenset[str] = frozenset()

    def of(self, language: str | None) -> frozenset[str]:
        if language == "en":
            return self.en
        if language == "fr":
            return self.fr
        return self.en | self.fr


class PeopleRules(Record, frozen=True):
    source: str
    date: str
    not_people: ByLanguage
    sound_effects: ByLanguage
    person_nouns: ByLanguage
    articles: tuple[str, ...]
    noun_window: int
    determiners: ByLanguage
    prepositions: ByLanguage
    verb_markers: ByLanguage
    compound_heads: ByLanguage


class Effet(Record, frozen=True):
    int_ext: tuple[str, ...]
    light: str


class RiskRule(Record, frozen=True):
    label_fr: str
    label_en: str
    effet: Effet | None = None
    categories: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    ages_below: int | None = None


class RiskRules(Record, frozen=True):
    source: str
    date: str
    min_category_confidence: float
    risks: dict[str, RiskRule]


class Category(Record, frozen=True):
    key: str
    label_en: str
    label_fr: str
    colour: str
    mark: str | None
    convention: str


class Categories(Record, frozen=True):
    source: str
    date: str
    categories: tuple[Category, ...]


class RevisionColourRow(Record, frozen=True):
    key: str
    label_en: str
    label_fr: str
    hex: str


class RevisionColours(Record, frozen=True):
    source: str
    date: str
    first: RevisionColourRow
    cycle: tuple[RevisionColourRow, ...] = ()


def _table(name: str, shape: type[Any]) -> RuleTable[Any]:
    return RuleTable(f"screenplay/{name}", shape, snapshot=SNAPSHOT)


IMPORT = _table("import.yaml", ImportRules)
TIMES = _table("times_of_day.yaml", TimesOfDay)
HEADINGS = _table("headings.yaml", HeadingRules)
LAYOUT = _table("layout.yaml", LayoutRules)
LEXICON = _table("lexicon.yaml", Lexicon)
PEOPLE = _table("people.yaml", PeopleRules)
RISKS = _table("risks.yaml", RiskRules)
CATEGORIES = _table("categories.yaml", Categories)
REVISION_COLOURS = _table("revision_colours.yaml", RevisionColours)
TABLES = (
    IMPORT,
    TIMES,
    HEADINGS,
    LAYOUT,
    LEXICON,
    PEOPLE,
    RISKS,
    CATEGORIES,
    REVISION_COLOURS,
)


@cache
def import_rules() -> ImportRules:
    value: ImportRules = IMPORT.load()
    return value


@cache
def times_of_day() -> TimesOfDay:
    value: TimesOfDay = TIMES.load()
    return value


@cache
def heading_rules() -> HeadingRules:
    value: HeadingRules = HEADINGS.load()
    return value


@cache
def layout_rules() -> LayoutRules:
    value: LayoutRules = LAYOUT.load()
    return value


@cache
def lexicon_rules() -> Lexicon:
    value: Lexicon = LEXICON.load()
    return value


@cache
def people_rules() -> PeopleRules:
    value: PeopleRules = PEOPLE.load()
    return value


@cache
def risk_rules() -> RiskRules:
    value: RiskRules = RISKS.load()
    return value


@cache
def category_rules() -> Categories:
    value: Categories = CATEGORIES.load()
    return value


@cache
def revision_colour_rules() -> RevisionColours:
    value: RevisionColours = REVISION_COLOURS.load()
    return value


def yaml_documents() -> dict[str, Any]:
    """The YAML sources of the snapshot, parsed (dates as ISO text, as JSON keeps them)."""
    from tournage.data import load_yaml

    def plain(value: Any) -> Any:
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, dict):
            return {key: plain(item) for key, item in value.items()}
        if isinstance(value, list):
            return [plain(item) for item in value]
        return value

    return {table.path: plain(load_yaml(table.path)) for table in TABLES}


def write_snapshot() -> Path:
    import tournage.data

    path = Path(tournage.data.__file__).parent / SNAPSHOT
    text = json.dumps(yaml_documents(), ensure_ascii=False, indent=1, sort_keys=True)
    path.write_text(text + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    print(f"written: {write_snapshot()}")
