"""The history chart: checks per status over time, as inline SVG (no script, no CDN).

Text is escaped; the chart carries a title and a description for screen readers, and a
table of the same figures sits next to it on the page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from html import escape

from tournage.referential.registry import Status

WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 720, 260, 44, 150, 16, 36
COLOURS = {
    Status.MET: "#1b7f3b",
    Status.PARTLY: "#b26b00",
    Status.NOT_MET: "#b3261e",
    Status.UNKNOWN: "#6b7280",
    Status.NOT_EVALUATED: "#9aa4b2",
}
LABELS = {
    Status.MET: "atteints",
    Status.PARTLY: "partiellement",
    Status.NOT_MET: "non atteints",
    Status.UNKNOWN: "données absentes",
    Status.NOT_EVALUATED: "pas encore évalués",
}


def _x(index: int, count: int) -> float:
    span = WIDTH - LEFT - RIGHT
    return LEFT + (span * index / (count - 1) if count > 1 else span / 2)


def _y(value: int, top: int) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / top)


def history_chart(
    points: Sequence[tuple[date, Mapping[str, int]]],
    title: str = "Contrôles par statut",
    labels: Mapping[Status, str] = LABELS,
) -> str:
    """One line per status over the snapshots' dates; an empty history gives an empty frame."""
    top = max([1, *(sum(counts.values()) for _, counts in points)])
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" '
        f'role="img" aria-labelledby="history-title"><title id="history-title">'
        f"{escape(title)}</title>",
        f'<line x1="{LEFT}" y1="{_y(0, top):.1f}" x2="{WIDTH - RIGHT}" y2="{_y(0, top):.1f}" '
        'stroke="#999"/>',
        f'<text x="{LEFT - 6}" y="{_y(top, top) + 4:.1f}" text-anchor="end" font-size="11">'
        f"{top}</text>",
        f'<text x="{LEFT - 6}" y="{_y(0, top) + 4:.1f}" text-anchor="end" font-size="11">0</text>',
    ]
    if points:
        for position in sorted({0, len(points) - 1}):
            day = points[position][0]
            parts.append(
                f'<text x="{_x(position, len(points)):.1f}" y="{HEIGHT - 12}" font-size="11" '
                f'text-anchor="middle">{day.strftime("%d/%m/%Y")}</text>'
            )
    for rank, status in enumerate(Status):
        values = [counts.get(status.value, 0) for _, counts in points]
        coordinates = " ".join(
            f"{_x(i, len(values)):.1f},{_y(v, top):.1f}" for i, v in enumerate(values)
        )
        if len(values) > 1:
            parts.append(
                f'<polyline fill="none" stroke="{COLOURS[status]}" stroke-width="2" '
                f'points="{coordinates}"/>'
            )
        parts.extend(
            f'<circle cx="{_x(i, len(values)):.1f}" cy="{_y(v, top):.1f}" r="3" '
            f'fill="{COLOURS[status]}"/>'
            for i, v in enumerate(values)
        )
        legend_y = TOP + 18 * rank
        parts.append(
            f'<rect x="{WIDTH - RIGHT + 12}" y="{legend_y}" width="12" height="12" '
            f'fill="{COLOURS[status]}"/><text x="{WIDTH - RIGHT + 30}" y="{legend_y + 10}" '
            f'font-size="11">{escape(labels[status])}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
