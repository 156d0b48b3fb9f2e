"""The project plan from preparation to closing: milestones with planned and actual
dates, their dependencies (followup.yaml phases), slips, a Gantt chart in SVG and an ICS
feed; and the post versions log (edit, grade, mix) the PAD is built from."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from html import escape

from tournage.common.findings import Finding, Severity
from tournage.followup.errors import FollowupError
from tournage.followup.tables import FOLLOWUP


@dataclass(frozen=True)
class Milestone:
    key: str
    name: str
    planned_start: date
    planned_end: date
    actual_start: date | None = None
    actual_end: date | None = None
    after: tuple[str, ...] = ()

    @property
    def start(self) -> date:
        return self.actual_start or self.planned_start

    @property
    def end(self) -> date:
        return self.actual_end or self.planned_end

    def slip(self, today: date) -> int:
        """Days late at its end: actual end after the planned one, or not done and past."""
        if self.actual_end is not None:
            return (self.actual_end - self.planned_end).days
        return max(0, (today - self.planned_end).days)


def default_after() -> dict[str, tuple[str, ...]]:
    """Predecessors of each phase, from the data."""
    return {phase.key: phase.after for phase in FOLLOWUP.load().phases}


def proposed(shoot_start: date, shoot_end: date) -> list[Milestone]:
    """The data's phases laid out around the shoot: preparation ends the day before it,
    each later phase starts the day after its last predecessor ends."""
    phases = FOLLOWUP.load().phases
    ends: dict[str, date] = {}
    out = []
    for phase in phases:  # the data lists each phase after its predecessors
        if phase.days is None:
            start, end = shoot_start, shoot_end
        elif not phase.after:
            end = shoot_start - timedelta(days=1)
            start = end - timedelta(days=phase.days - 1)
        else:
            start = max(ends[key] for key in phase.after) + timedelta(days=1)
            end = start + timedelta(days=phase.days - 1)
        ends[phase.key] = end
        out.append(Milestone(phase.key, phase.fr, start, end, after=phase.after))
    return out


def late(milestones: Sequence[Milestone], today: date) -> list[Finding]:
    return [
        Finding(
            "plan.late",
            Severity.WARN,
            f"« {m.name} » : {m.slip(today)} jour(s) de retard sur le "
            f"{m.planned_end:%d/%m/%Y} prévu.",
            source="projet : dates prévues et réelles",
            subject=m.key,
            evidence={"slip_days": m.slip(today)},
        )
        for m in milestones
        if m.slip(today) > 0
    ]


def order_violations(milestones: Sequence[Milestone]) -> list[Finding]:
    """A task that starts before one of its predecessors ends (actual dates win)."""
    by_key = {m.key: m for m in milestones}
    _check_acyclic(by_key)
    findings = []
    for m in milestones:
        for key in m.after:
            before = by_key.get(key)
            if before is not None and m.start < before.end:
                findings.append(
                    Finding(
                        "plan.order",
                        Severity.FAIL,
                        f"« {m.name} » commence le {m.start:%d/%m/%Y}, avant la fin de "
                        f"« {before.name} » ({before.end:%d/%m/%Y}).",
                        source=FOLLOWUP.load().phases_source,
                        subject=m.key,
                    )
                )
    return findings


def _check_acyclic(by_key: Mapping[str, Milestone]) -> None:
    state: dict[str, int] = {}

    def visit(key: str, path: tuple[str, ...]) -> None:
        if state.get(key) == 2 or key not in by_key:
            return
        if state.get(key) == 1:
            raise FollowupError(
                "plan.cycle", "Dépendances circulaires : " + " → ".join((*path, key)) + "."
            )
        state[key] = 1
        for before in by_key[key].after:
            visit(before, (*path, key))
        state[key] = 2

    for key in by_key:
        visit(key, ())


# Gantt geometry (pixels)
LABEL_W, ROW_H, BAR_H, DAY_W_MAX, WIDTH = 190, 26, 9, 12.0, 900


def gantt_svg(milestones: Sequence[Milestone], today: date) -> str:
    """Planned (light) and actual (dark) bars per milestone, late ones marked, a today line."""
    if not milestones:
        return ""
    first = min(min(m.planned_start, m.start) for m in milestones)
    last = max(max(m.planned_end, m.end) for m in milestones)
    span = max((last - first).days + 1, 1)
    scale = min(DAY_W_MAX, (WIDTH - LABEL_W - 10) / span)

    def x(day: date) -> float:
        return LABEL_W + (day - first).days * scale

    height = ROW_H * (len(milestones) + 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="gantt" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}">',
        f"<title>{escape('Planning du projet')}</title>",
    ]
    for row, m in enumerate(milestones):
        y = ROW_H * row + 6
        late_class = " late" if m.slip(today) > 0 else ""
        parts.append(f'<text x="4" y="{y + 12}" class="gantt-label">{escape(m.name)}</text>')
        parts.append(_bar("gantt-planned", x(m.planned_start), y, x(m.planned_end), scale))
        if m.actual_start is not None:
            end = m.actual_end or max(today, m.actual_start)
            parts.append(
                _bar("gantt-actual" + late_class, x(m.actual_start), y + BAR_H + 1, x(end), scale)
            )
    if first <= today <= last:
        tx = x(today)
        parts.append(
            f'<line class="gantt-today" x1="{tx:.1f}" x2="{tx:.1f}" y1="0" y2="{height}"/>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _bar(css: str, left: float, y: float, right: float, scale: float) -> str:
    width = max(right - left + scale, 2.0)
    return f'<rect class="{css}" x="{left:.1f}" y="{y}" width="{width:.1f}" height="{BAR_H}"/>'


def ics(milestones: Sequence[Milestone], title: str, stamp: datetime) -> str:
    """An iCalendar feed (RFC 5545): one all-day event per milestone, at its current dates."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//tournage//projet//FR"]
    for m in milestones:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_ics_text(m.key)}-{_ics_text(title)}@tournage",
            f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
            f"DTSTART;VALUE=DATE:{m.start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{m.end + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_ics_text(f'{title} — {m.name}')}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"


def _ics_text(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r", " ")
        .replace("\n", "\\n")
    )


@dataclass(frozen=True)
class PostVersion:
    kind: str  # edit | grade | mix
    number: int
    approved: bool
    for_pad: bool


def pad_not_final(versions: Sequence[PostVersion], kinds: Sequence[str]) -> list[str]:
    """Kinds whose version used for the PAD is not the latest approved one (or is missing)."""
    problems = []
    for kind in kinds:
        approved = [v.number for v in versions if v.kind == kind and v.approved]
        used = [v.number for v in versions if v.kind == kind and v.for_pad]
        if not approved or used != [max(approved)]:
            problems.append(kind)
    return problems
