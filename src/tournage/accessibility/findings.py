"""Findings of a subtitle check: the common finding, placed on a cue, with a fix."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from tournage.accessibility.timecode import FrameRate
from tournage.common.findings import Finding, Severity, source_text


@dataclass(frozen=True)
class Fix:
    """A mechanical correction: new out-time, or new line text (joined/re-broken lines)."""

    description: str
    end_ms: int | None = None
    lines: tuple[str, ...] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "description": self.description,
            "end_ms": self.end_ms,
            "lines": list(self.lines) if self.lines is not None else None,
        }


@dataclass(frozen=True)
class CueFinding:
    """A finding in the common shape, placed on a cue, with its English text and its fix."""

    finding: Finding
    cue: int  # 1-based cue number; 0 = the whole file
    start_ms: int | None
    message_en: str
    fix: Fix | None = None

    @property
    def code(self) -> str:
        return self.finding.code

    @property
    def severity(self) -> Severity:
        return self.finding.severity

    @property
    def message(self) -> str:
        return self.finding.message

    @property
    def source(self) -> str:
        return self.finding.source


def make_finding(
    params: dict[str, Any],
    cue: int,
    start_ms: int | None,
    message: str,
    message_en: str,
    fix: Fix | None = None,
) -> CueFinding:
    """A finding of the check described by ``params`` (uncertain rules only warn)."""
    severity = Severity.for_rule(
        params.get("severity", "fail"), uncertain=bool(params.get("uncertain"))
    )
    finding = Finding(
        params["code"],
        severity,
        message,
        source=source_text(params.get("source")),
        subject=f"sous-titre {cue}" if cue else "fichier",
        evidence={"cue": cue, "start_ms": start_ms},
    )
    return CueFinding(finding, cue, start_ms, message_en, fix)


@dataclass
class CheckReport:
    rules: str
    cues: int
    frame_rate: FrameRate
    format: str
    findings: list[CueFinding] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)  # rules skipped: value unknown

    @property
    def summary(self) -> dict[str, int]:
        return dict(sorted(Counter(f.code for f in self.findings).items()))

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.FAIL)

    def to_dict(self) -> dict[str, Any]:
        rate = self.frame_rate
        return {
            "rules": self.rules,
            "format": self.format,
            "frame_rate": rate.label,
            "cues": self.cues,
            "findings": [
                {
                    "cue": f.cue,
                    "start_tc": rate.ms_to_tc(f.start_ms) if f.start_ms is not None else None,
                    "rule": f.code,
                    "severity": f.severity.value,
                    "message": f.message,
                    "message_en": f.message_en,
                    "source": f.source,
                    "fix": f.fix.to_dict() if f.fix else None,
                }
                for f in self.findings
            ],
            "summary": self.summary,
            "unknown": self.unknown,
        }
