"""The report document: totals, Carbon'Clap sections, ratios, comparison, benchmark.

Plain data (JSON-ready) consumed by the CLI, the web page and the PDF/XLSX writers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from tournage.carbon.calculator import Footprint
from tournage.carbon.checklist import completion
from tournage.carbon.compare import compare
from tournage.carbon.scenarios import ScenarioResult
from tournage.carbon.tables import BENCHMARKS
from tournage.carbon.taxonomy import taxonomy

FILING_NOTICE = (
    "Ce rapport prépare la saisie : le bilan carbone déposé auprès du CNC (prévisionnel et "
    "définitif) doit être établi avec un calculateur homologué par le CNC (Carbon'Clap, "
    "SeCO2 ou Carbon Stage). Les facteurs de tournage ne sont pas ceux de ces outils."
)


PHASE_NAMES = (("forecast", "Prévisionnel"), ("actual", "Définitif"))
SUMMARY_ROWS = (
    ("Total (tCO2e)", "total_tco2e"),
    ("Périmètre CNC (tCO2e)", "cnc_perimeter_tco2e"),
    ("Par jour de tournage (tCO2e)", "per_shooting_day_tco2e"),
    ("Par minute produite (tCO2e)", "per_minute_tco2e"),
    ("Millésime des facteurs", "factor_vintage"),
)


def summary_table(report: dict[str, Any]) -> list[list[Any]]:
    """Header + one row per headline indicator, one column per phase present."""
    phases = [(name, report[key]) for key, name in PHASE_NAMES if report[key]]
    rows: list[list[Any]] = [["Indicateur", *[name for name, _ in phases]]]
    rows += [[label, *[phase[key] for _, phase in phases]] for label, key in SUMMARY_ROWS]
    return rows


@dataclass(frozen=True)
class ReportInput:
    title: str
    format: str = ""
    duration_minutes: Decimal | None = None
    shooting_days: int = 0
    forecast: Footprint | None = None
    actual: Footprint | None = None
    checklist: Mapping[str, bool] = field(default_factory=dict)
    assumptions: Sequence[Mapping[str, str]] = ()
    warnings: Sequence[Mapping[str, str]] = ()
    scenarios: Sequence[ScenarioResult] = ()


def _tonnes(kg: Decimal) -> float:
    return float((kg / 1000).quantize(Decimal("0.001")))


def _phase(footprint: Footprint, data: ReportInput) -> dict[str, Any]:
    names = taxonomy()
    by_section = footprint.by_section()
    in_scope = sum(
        (kg for section, kg in by_section.items() if section not in names.out_of_cnc_scope),
        Decimal(0),
    )
    sections = []
    for section, label in names.sections.items():
        lines = [line.to_dict() for line in footprint.lines if line.section == section]
        sections.append(
            {
                "id": section,
                "label": label,
                "kgco2e": float(by_section.get(section, Decimal(0))),
                "lines": lines,
            }
        )
    return {
        "total_kgco2e": float(footprint.total_kgco2e),
        "total_tco2e": _tonnes(footprint.total_kgco2e),
        "cnc_perimeter_tco2e": _tonnes(in_scope),
        "per_shooting_day_tco2e": _tonnes(in_scope / data.shooting_days)
        if data.shooting_days
        else None,
        "per_minute_tco2e": _tonnes(in_scope / data.duration_minutes)
        if data.duration_minutes
        else None,
        "by_category": {k: float(v) for k, v in footprint.by_category().items()},
        "by_albert_group": {k: float(v) for k, v in footprint.by_albert_group().items()},
        "sections": sections,
        "unknown_lines": len(footprint.unknown),
        "factor_vintage": footprint.vintage,
        "notes": list(footprint.notes),
    }


def _benchmark(production_format: str) -> dict[str, Any] | None:
    data = BENCHMARKS.load()
    genre = data.format_to_genre.get(production_format)
    if genre is None:
        return None
    row = data.genres[genre]
    return {
        "label_fr": row.label_fr,
        "mean_tco2e": row.mean_tco2e,
        "tco2e_per_hour": row.tco2e_per_hour,
        "genre": genre,
        "source": data.source,
    }


def build_report(data: ReportInput) -> dict[str, Any]:
    document: dict[str, Any] = {
        "title": data.title,
        "notice": FILING_NOTICE,
        "shooting_days": data.shooting_days,
        "duration_minutes": None if data.duration_minutes is None else float(data.duration_minutes),
        "forecast": _phase(data.forecast, data) if data.forecast else None,
        "actual": _phase(data.actual, data) if data.actual else None,
        "comparison": compare(data.forecast, data.actual)
        if data.forecast and data.actual
        else None,
        "benchmark": _benchmark(data.format),
        "checklist": completion(data.checklist),
        "assumptions": [dict(a) for a in data.assumptions],
        "warnings": [dict(w) for w in data.warnings],
        "scenarios": [s.to_dict() for s in data.scenarios],
        "section_labels": dict(taxonomy().sections),
    }
    return document
