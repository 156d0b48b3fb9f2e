"""Accessibility's YAML tables (``data/accessibility/*.yaml``), typed and validated when read.

Every figure keeps its source (and ``uncertain`` flag where the data gives one). The
subtitle checks each take their own parameters (``seconds``, ``points``, ``allowed``...):
a check's entry is typed for what every check shares (code, severity, uncertain, source)
and carries the rest as ``params``, the mapping the check function reads. A file that does
not match is refused with a ``RuleTableError`` naming the file and the key.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from tournage.common.findings import Severity
from tournage.common.rules import RuleTable, iso_dates

V = TypeVar("V")
Source = str | tuple[str, ...]  # one source id or several


@dataclass(frozen=True)
class Sourced(Generic[V]):
    value: V
    source: str
    note: str = ""
    uncertain: bool = False


# rule_sets.yaml -------------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    """One check of a rule set: the shared fields, and every parameter in ``params``."""

    code: str
    params: dict[str, Any]
    severity: Severity = Severity.FAIL
    uncertain: bool = False
    source: Source | None = None


@dataclass(frozen=True)
class RuleSetSpec:
    label: str
    checks: dict[str, Check]
    inherits: str | None = None
    language: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Counting:
    spaces: bool
    punctuation: bool


@dataclass(frozen=True)
class RuleSets:
    default_frame_rate: Sourced[str]
    counting: dict[str, Counting]
    rule_sets: dict[str, RuleSetSpec]
    media: dict[str, Check]


def _with_params(document: dict[str, Any]) -> dict[str, Any]:
    """rule_sets.yaml with each check's whole entry also under ``params``."""

    def checks(entries: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        return {name: {**entry, "params": entry} for name, entry in entries.items()}

    sets = {
        name: {**entry, "checks": checks(entry.get("checks") or {})}
        for name, entry in document["rule_sets"].items()
    }
    return {**document, "rule_sets": sets, "media": checks(document["media"])}


@dataclass(frozen=True)
class ReadingLimits:
    max_cues: int
    max_elements: int
    max_depth: int


@dataclass(frozen=True)
class ReadingLimitsFile:
    source: str  # a tournage choice, not a rule of any standard
    limits: ReadingLimits


# function_words.yaml --------------------------------------------------------------------


@dataclass(frozen=True)
class FunctionWords:
    fr: dict[str, tuple[str, ...]]  # word class -> words, lower case
    en: dict[str, tuple[str, ...]]

    def of(self, language: str) -> dict[str, tuple[str, ...]]:
        """The lists of ``language`` (none for a language the file does not cover)."""
        return {"fr": self.fr, "en": self.en}.get(language, {})


# audio_description.yaml -----------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class AdCheck:
    severity: Severity
    uncertain: bool
    source: Source

    def params(self, code: str) -> dict[str, Any]:
        """What ``make_finding`` reads of a check, for the finding ``code``."""
        return {
            "code": code,
            "severity": self.severity,
            "uncertain": self.uncertain,
            "source": self.source,
        }


@dataclass(frozen=True, kw_only=True)
class AdOverlap(AdCheck):
    code: str
    min_overlap_ms: Sourced[int]


@dataclass(frozen=True, kw_only=True)
class AdTrack(AdCheck):
    code_missing: str
    code_silent: str
    disposition: Sourced[str]  # FFmpeg's disposition of an AD stream
    title_keywords: Sourced[tuple[str, ...]]
    silence_dbfs: Sourced[float]


@dataclass(frozen=True, kw_only=True)
class AdLoudness(AdCheck):
    code: str
    target_lufs: Sourced[float]
    tolerance_lu: Sourced[float]


@dataclass(frozen=True)
class AudioDescription:
    required_by_profiles: Sourced[tuple[str, ...]]
    overlap: AdOverlap
    track: AdTrack
    loudness: AdLoudness


# teletext.yaml --------------------------------------------------------------------------


@dataclass(frozen=True)
class PaletteEntry:
    fr: str
    code: int  # teletext alpha colour attribute
    hex: str


@dataclass(frozen=True)
class Colours:
    palette: dict[str, PaletteEntry]
    aliases: dict[str, str]


@dataclass(frozen=True)
class Control:
    italics_on: int
    italics_off: int
    newline: int
    filler: int
    last_extension_block: int


@dataclass(frozen=True)
class Stl:
    gsi_bytes: int
    tti_bytes: int
    disk_format_codes: dict[str, str]  # disk format code -> frame rate
    code_pages: dict[str, str]  # GSI code page -> Python codec
    character_code_tables: dict[str, str]
    control: Control


@dataclass(frozen=True)
class Iso6937:
    spacing: dict[int, str]
    diacritics: dict[int, str]  # non-spacing diacritic, placed before its letter


@dataclass(frozen=True)
class Teletext:
    colours: Colours
    stl: Stl
    iso6937: Iso6937


# accessibility.yaml and rgaa_auto.yaml ----------------------------------------------------


@dataclass(frozen=True)
class Criterion:
    id: str
    title_fr: str
    wcag: tuple[str, ...]


@dataclass(frozen=True)
class RgaaMultimedia:
    source: str
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True)
class Accessibility:
    rgaa_4_1_multimedia: RgaaMultimedia


@dataclass(frozen=True)
class Automatic:
    any_of: tuple[str, ...]  # deliverables, one of which answers the criterion
    source: str


@dataclass(frozen=True)
class RgaaAuto:
    automatic: dict[str, Automatic]
    deliverables: dict[str, str]  # kind -> French name


RULE_SETS = RuleTable("accessibility/rule_sets.yaml", RuleSets, select=_with_params)
READING_LIMITS = RuleTable("accessibility/reading_limits.yaml", ReadingLimitsFile)
FUNCTION_WORDS = RuleTable("accessibility/function_words.yaml", FunctionWords)
AUDIO_DESCRIPTION = RuleTable("accessibility/audio_description.yaml", AudioDescription)
TELETEXT = RuleTable("accessibility/teletext.yaml", Teletext)
ACCESSIBILITY = RuleTable("accessibility/accessibility.yaml", Accessibility, select=iso_dates)
RGAA_AUTO = RuleTable("accessibility/rgaa_auto.yaml", RgaaAuto)
