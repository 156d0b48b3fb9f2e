"""Positions of cues and findings on a server-rendered SVG timeline."""

from __future__ import annotations

from typing import Any

from tournage.accessibility.cues import SubtitleDocument

WIDTH = 1000


def _svg(value: float) -> str:
    """SVG coordinates are written with a point whatever the page's language."""
    return f"{value:.1f}"


def timeline(document: SubtitleDocument, findings: list[Any]) -> dict[str, Any]:
    """Cue bars and finding marks scaled to ``WIDTH`` pixels over the file's duration."""
    end = max((cue.end_ms for cue in document.cues), default=0) or 1
    scale = WIDTH / end
    flagged = {finding.cue: finding.severity for finding in findings if finding.cue}
    bars = [
        {
            "x": _svg(max(cue.start_ms, 0) * scale),
            "width": _svg(max(cue.duration_ms * scale, 1.0)),
            "severity": flagged.get(cue.index, "ok"),
            "label": f"{cue.index}: {cue.text[:60]}",
        }
        for cue in document.cues
    ]
    ticks = [
        {"x": _svg(ms * scale), "label": f"{ms // 60000:02d}:{ms // 1000 % 60:02d}"}
        for ms in range(0, end + 1, max(1000, end // 10 // 1000 * 1000))
    ]
    return {"width": WIDTH, "bars": bars, "ticks": ticks}
