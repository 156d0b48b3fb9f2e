"""Inline SVG charts rendered on the server: burn rate vs plan, variance by chapter."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tournage.budget.cost_report import BurnPoint, CostRow
from tournage.common.formatting import format_money

WIDTH, HEIGHT, PAD = 640, 240, 48


def _scale(value: Decimal, top: Decimal, span: int) -> float:
    return float(value / top) * span if top else 0.0


def burn_chart(points: Sequence[BurnPoint]) -> SafeString:
    if not points:
        return mark_safe("")
    top = max(max(p.planned_cumulative, p.actual_cumulative) for p in points) or Decimal(1)
    step = (WIDTH - 2 * PAD) / max(len(points) - 1, 1)

    def line(values: list[Decimal]) -> str:
        return " ".join(
            f"{PAD + i * step:.1f},{HEIGHT - PAD - _scale(v, top, HEIGHT - 2 * PAD):.1f}"
            for i, v in enumerate(values)
        )

    labels = format_html_join(
        "",
        '<text x="{}" y="{}" font-size="11" text-anchor="middle">{}</text>',
        ((f"{PAD + i * step:.1f}", HEIGHT - PAD + 16, p.month) for i, p in enumerate(points)),
    )
    title = _("Cumulative spending against the linear plan")
    return format_html(
        '<svg viewBox="0 0 {w} {h}" width="100%" role="img" aria-labelledby="burn-title">'
        '<title id="burn-title">{title}</title>'
        '<line x1="{p}" y1="{base}" x2="{right}" y2="{base}" stroke="#4a5361"/>'
        '<polyline fill="none" stroke="#4a5361" stroke-dasharray="6 4" stroke-width="2" '
        'points="{plan}"/>'
        '<polyline fill="none" stroke="#0b5cad" stroke-width="3" points="{actual}"/>'
        '<text x="{p}" y="16" font-size="12">{top_label}</text>{labels}'
        '<text x="{right}" y="16" font-size="12" text-anchor="end">'
        '<tspan fill="#0b5cad">━ {actual_label}</tspan> '
        '<tspan fill="#4a5361">┅ {plan_label}</tspan></text>'
        "</svg>",
        w=WIDTH,
        h=HEIGHT,
        p=PAD,
        base=HEIGHT - PAD,
        right=WIDTH - PAD,
        title=title,
        plan=line([p.planned_cumulative for p in points]),
        actual=line([p.actual_cumulative for p in points]),
        top_label=format_money(top, language=get_language()),
        labels=labels,
        actual_label=_("actual"),
        plan_label=_("plan"),
    )


BAR, GAP = 18, 6
MIDDLE, HALF = 420, 200  # labels on the left (0-200), bars around x = 420


def _bar(index: int, row: CostRow, top: Decimal) -> dict[str, str | int]:
    width = _scale(abs(row.variance), top, HALF)
    left = MIDDLE if row.variance >= 0 else MIDDLE - width
    return {
        "ty": 24 + index * (BAR + GAP) + 12,
        "label": f"{row.code} {row.label[:28]}",
        "x": f"{left:.1f}",
        "y": 24 + index * (BAR + GAP),
        "w": f"{max(width, 1.0):.1f}",
        "bar": BAR,
        "colour": "#1d6b2f" if row.variance >= 0 else "#a4161a",
        "amount": format_money(row.variance, language=get_language()),
    }


def variance_chart(rows: Sequence[CostRow]) -> SafeString:
    if not rows:
        return mark_safe("")
    top = max(abs(r.variance) for r in rows) or Decimal(1)
    bars = format_html_join(
        "",
        '<text x="8" y="{ty}" font-size="11">{label}</text>'
        '<rect x="{x}" y="{y}" width="{w}" height="{bar}" fill="{colour}">'
        "<title>{label} : {amount}</title></rect>"
        '<text x="636" y="{ty}" font-size="11" text-anchor="end">{amount}</text>',
        (_bar(i, r, top) for i, r in enumerate(rows)),
    )
    return format_html(
        '<svg viewBox="0 0 {w} {h}" width="100%" role="img" aria-labelledby="variance-title">'
        '<title id="variance-title">{title}</title>'
        '<line x1="{m}" y1="16" x2="{m}" y2="{h}" stroke="#4a5361"/>{bars}</svg>',
        w=WIDTH,
        h=len(rows) * (BAR + GAP) + 30,
        m=MIDDLE,
        bars=bars,
        title=_("Variance by chapter (green: under budget, red: overrun)"),
    )
