"""Server-side SVG bar charts (no JavaScript): sections, forecast vs final, scenarios."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from xml.sax.saxutils import escape

PALETTE = ("#2f6f4f", "#d08c2b", "#4a6fa5", "#8c4a6f")
ROW, LABEL_WIDTH, BAR_WIDTH = 22, 210, 330


def bar_chart(
    rows: Sequence[tuple[str, Mapping[str, float]]],
    series: Sequence[str],
    title: str,
    unit: str = "tCO2e",
) -> str:
    """Horizontal grouped bars: one row per label, one bar per series name."""
    peak = max((v for _, values in rows for v in values.values()), default=0.0) or 1.0
    band = ROW * max(1, len(series))
    height = 40 + band * len(rows) + 20 * len(series)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{LABEL_WIDTH + BAR_WIDTH + 90}"'
        f' height="{height}" aria-label="{escape(title)}" class="carbon-chart">',
        f"<title>{escape(title)}</title>",
    ]
    for index, (label, values) in enumerate(rows):
        top = 30 + index * band
        parts.append(f'<text x="0" y="{top + 15}" font-size="12">{escape(label)}</text>')
        for n, name in enumerate(series):
            colour = PALETTE[n % len(PALETTE)]
            value = values.get(name, 0.0)
            width = BAR_WIDTH * value / peak
            y = top + n * ROW
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{width:.1f}" height="{ROW - 6}"'
                f' fill="{colour}"><title>{escape(name)} : {value:.3f} {unit}</title></rect>'
            )
            parts.append(
                f'<text x="{LABEL_WIDTH + width + 4:.1f}" y="{y + 15}" font-size="11">'
                f"{value:.2f}</text>"
            )
    legend_top = 30 + band * len(rows) + 5
    for n, name in enumerate(series):
        colour = PALETTE[n % len(PALETTE)]
        y = legend_top + n * 20
        parts.append(f'<rect x="{LABEL_WIDTH}" y="{y}" width="12" height="12" fill="{colour}"/>')
        parts.append(
            f'<text x="{LABEL_WIDTH + 18}" y="{y + 11}" font-size="12">'
            f"{escape(name)} ({unit})</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def section_chart(report: Mapping[str, object], series_labels: Mapping[str, str]) -> str:
    """Carbon'Clap sections, forecast and/or final, from a report document."""
    labels = report["section_labels"]
    assert isinstance(labels, Mapping)
    phases = {name: report.get(phase) for phase, name in series_labels.items() if report.get(phase)}
    rows = []
    for section, label in labels.items():
        values = {}
        for name, phase in phases.items():
            assert isinstance(phase, Mapping)
            kg = next(s["kgco2e"] for s in phase["sections"] if s["id"] == section)
            values[name] = kg / 1000
        rows.append((str(label), values))
    return bar_chart(rows, list(phases), "Émissions par section Carbon'Clap")
