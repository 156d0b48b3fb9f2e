"""Daily production reports consolidated against the plan de travail.

Progress (avancement): scenes and eighths shot against those planned up to the last
reported day, and the days ahead or behind at the schedule's average pace. Consistency:
what the reports say was shot against what the schedule holds.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from tournage.common.findings import Finding, Severity
from tournage.common.formatting import format_number

SOURCE = "production_report.yaml: consolidation (avancement)"


@dataclass(frozen=True)
class ShotScene:
    scene: str
    eighths: int
    complete: bool = True


@dataclass(frozen=True)
class DayReport:
    """What one daily report says was shot."""

    date: date
    scenes: tuple[ShotScene, ...]
    signed: bool = False


@dataclass(frozen=True)
class Progress:
    days_planned: int
    days_shot: int
    scenes_planned: int
    scenes_shot: int
    eighths_planned: int
    eighths_planned_to_date: int
    eighths_shot: int
    days_ahead: Decimal
    findings: tuple[Finding, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "days_planned": self.days_planned,
            "days_shot": self.days_shot,
            "scenes_planned": self.scenes_planned,
            "scenes_shot": self.scenes_shot,
            "eighths_planned": self.eighths_planned,
            "eighths_planned_to_date": self.eighths_planned_to_date,
            "eighths_shot": self.eighths_shot,
            "days_ahead": str(self.days_ahead),
            "findings": [f.to_dict() for f in self.findings],
        }


def progress(
    plan: Mapping[str, date], eighths: Mapping[str, int], reports: Sequence[DayReport]
) -> Progress:
    """``plan`` maps each scheduled scene to its day, ``eighths`` each scene to its length."""
    days = sorted(set(plan.values()))
    last = max((r.date for r in reports), default=None)
    to_date = [s for s, d in plan.items() if last is not None and d <= last]
    done = {s.scene for r in reports for s in r.scenes if s.complete}
    shot_eighths = sum(s.eighths for r in reports for s in r.scenes)
    planned_to_date = sum(eighths.get(s, 0) for s in to_date)
    total = sum(eighths.get(s, 0) for s in plan)
    pace = Decimal(total) / len(days) if days else Decimal(0)
    ahead = (
        ((shot_eighths - planned_to_date) / pace).quantize(Decimal("0.1"), ROUND_HALF_UP)
        if pace
        else Decimal(0)
    )
    findings = []
    if ahead < 0:
        behind = sorted(set(to_date) - done, key=_natural)
        findings.append(
            Finding(
                "progress.behind",
                Severity.WARN,
                f"Retard de {format_number(-ahead, 1)} jour(s) sur le plan de travail : "
                f"{planned_to_date - shot_eighths} huitièmes à rattraper "
                f"(scènes {', '.join(behind[:8])}).",
                source=SOURCE,
                evidence={"eighths_shot": shot_eighths, "eighths_planned": planned_to_date},
            )
        )
    return Progress(
        days_planned=len(days),
        days_shot=len({r.date for r in reports}),
        scenes_planned=len(plan),
        scenes_shot=len(done & set(plan)),
        eighths_planned=total,
        eighths_planned_to_date=planned_to_date,
        eighths_shot=shot_eighths,
        days_ahead=ahead,
        findings=tuple(findings),
    )


def _natural(key: str) -> tuple[int, str]:
    digits = "".join(ch for ch in key if ch.isdigit())
    return (int(digits) if digits else 0, key)


def consistency(plan: Mapping[str, date], reports: Sequence[DayReport]) -> list[Finding]:
    """Scenes reported shot that the schedule does not hold, or reported complete twice."""
    findings = []
    complete_on: dict[str, date] = {}
    for report in sorted(reports, key=lambda r: r.date):
        for shot in report.scenes:
            if shot.scene not in plan:
                findings.append(
                    _inconsistent(shot.scene, report.date, "absente du plan de travail")
                )
            elif shot.complete and shot.scene in complete_on:
                earlier = complete_on[shot.scene]
                findings.append(
                    _inconsistent(shot.scene, report.date, f"déjà terminée le {earlier:%d/%m}")
                )
            if shot.complete:
                complete_on.setdefault(shot.scene, report.date)
    return findings


def _inconsistent(scene: str, day: date, why: str) -> Finding:
    return Finding(
        "report.inconsistent",
        Severity.WARN,
        f"Rapport du {day:%d/%m/%Y} : scène {scene} {why}.",
        source=SOURCE,
        subject=scene,
    )


def elapsed_days(days: Sequence[date], today: date, reports: Sequence[DayReport]) -> list[date]:
    """Shooting days already past: before ``today`` or up to the last reported day."""
    last = max((r.date for r in reports), default=None)
    return [d for d in days if d < today or (last is not None and d <= last)]
