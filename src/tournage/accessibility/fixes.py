"""Apply mechanical fix suggestions to produce a corrected copy (the original is untouched)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from tournage.accessibility.cues import Cue, Span, SubtitleDocument
from tournage.accessibility.findings import CueFinding


def apply_fixes(document: SubtitleDocument, findings: Iterable[CueFinding]) -> SubtitleDocument:
    """A new document with every suggested fix applied.

    Out-times: a shortening fix (overlap, gap, maximum duration) wins over an extension,
    so one fix never recreates the problem another removes; extensions already stop
    before the next cue.
    """
    ends: dict[int, list[int]] = defaultdict(list)
    layouts: dict[int, tuple[str, ...]] = {}
    for finding in findings:
        if finding.fix and finding.fix.end_ms is not None:
            ends[finding.cue].append(finding.fix.end_ms)
        if finding.fix and finding.fix.lines is not None:
            layouts.setdefault(finding.cue, finding.fix.lines)
    return replace(document, cues=tuple(_fixed(c, ends[c.index], layouts) for c in document.cues))


def _fixed(cue: Cue, ends: list[int], layouts: dict[int, tuple[str, ...]]) -> Cue:
    shorter = [end for end in ends if cue.start_ms < end < cue.end_ms]
    if shorter:
        cue = replace(cue, end_ms=min(shorter))
    elif ends:
        cue = replace(cue, end_ms=max(cue.end_ms, *ends))
    if cue.index in layouts:
        cue = replace(cue, lines=_relaid(cue, layouts[cue.index]))
    return cue


def _relaid(cue: Cue, lines: tuple[str, ...]) -> tuple[tuple[Span, ...], ...]:
    """New lines keep the cue's first colour and italics (re-breaking mixes spans)."""
    first = next((span for line in cue.lines for span in line), Span(""))
    return tuple((Span(text, first.colour, first.italic),) for text in lines)
