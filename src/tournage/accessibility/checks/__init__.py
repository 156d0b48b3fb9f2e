"""Run a rule set over a subtitle document."""

from __future__ import annotations

from dataclasses import dataclass

from tournage.accessibility.checks import generic, layout, style, timing
from tournage.accessibility.checks.context import Check, Context
from tournage.accessibility.cues import SubtitleDocument
from tournage.accessibility.findings import CheckReport
from tournage.accessibility.rules import load_rule_set
from tournage.accessibility.tables import RULE_SETS
from tournage.accessibility.timecode import FrameRate, parse_frame_rate

CHECKS: dict[str, Check] = {
    "empty_cue": generic.empty_cue,
    "bad_duration": generic.bad_duration,
    "overlap": generic.overlap,
    "encoding": generic.encoding,
    "characters": generic.characters,
    "programme_end": generic.programme_end,
    "min_duration": timing.min_duration,
    "max_duration": timing.max_duration,
    "min_gap": timing.min_gap,
    "chaining": timing.chaining,
    "reading_speed": timing.reading_speed,
    "reading_time": timing.reading_time,
    "max_lines": layout.max_lines,
    "chars_per_line": layout.chars_per_line,
    "one_line": layout.one_line,
    "line_break": layout.line_break,
    "colour_code": style.colour_code,
    "speaker_dash": style.speaker_dash,
    "sound_colour": style.sound_colour,
    "sound_information": style.sound_information,
    "dialogue_dash": style.dialogue_dash,
    "ellipsis": style.ellipsis,
    "alignment": style.alignment,
}


@dataclass(frozen=True)
class CheckOptions:
    rules: str = "fr-csa-2011"
    frame_rate: FrameRate | None = None
    programme_ms: int | None = None
    counting: str | None = None
    live: bool = False


def default_frame_rate() -> FrameRate:
    return parse_frame_rate(RULE_SETS.load().default_frame_rate.value)


def check_document(document: SubtitleDocument, options: CheckOptions) -> CheckReport:
    """Findings of every check of the rule set, sorted by cue then rule code."""
    rule_set = load_rule_set(options.rules)
    rate = options.frame_rate or document.frame_rate or default_frame_rate()
    context = Context(
        document.cues,
        rate,
        rule_set.checks,
        document.notes,
        rule_set.language,
        options.programme_ms,
        options.counting,
        options.live,
    )
    report = CheckReport(rule_set.name, len(document.cues), rate, document.format)
    for name, params in rule_set.checks.items():
        report.findings.extend(CHECKS[name](context, params))
    report.findings.sort(key=lambda f: (f.cue, f.code))
    return report
