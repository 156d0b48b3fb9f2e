"""Forecast vs final: differences by category and section, largest gaps explained."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from tournage.carbon.calculator import Footprint, Line
from tournage.common.formatting import format_number


def _row(key: str, planned: Decimal, actual: Decimal) -> dict[str, Any]:
    delta = actual - planned
    pct = None if not planned else float((100 * delta / planned).quantize(Decimal("0.1")))
    return {
        "id": key,
        "forecast_kgco2e": float(planned),
        "actual_kgco2e": float(actual),
        "delta_kgco2e": float(delta),
        "delta_pct": pct,
    }


def _table(planned: dict[str, Decimal], actual: dict[str, Decimal]) -> list[dict[str, Any]]:
    keys = sorted(
        set(planned) | set(actual), key=lambda k: -max(planned.get(k, 0), actual.get(k, 0))
    )
    return [_row(k, planned.get(k, Decimal(0)), actual.get(k, Decimal(0))) for k in keys]


def _by_factor(lines: tuple[Line, ...]) -> dict[str, tuple[Decimal, Decimal, str]]:
    totals: dict[str, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    units = {}
    for line in lines:
        totals[line.factor.id][0] += line.quantity
        totals[line.factor.id][1] += line.kgco2e or 0
        units[line.factor.id] = line.factor.activity_unit
    return {k: (q, kg, units[k]) for k, (q, kg) in totals.items()}


def _explain(
    factor: str,
    planned: tuple[Decimal, Decimal, str] | None,
    actual: tuple[Decimal, Decimal, str] | None,
) -> str:
    if actual is None:
        return f"{factor} : prévu mais absent du définitif (non réalisé ou non saisi)"
    if planned is None:
        return (
            f"{factor} : absent de la prévision ({format_number(actual[0], 1)} {actual[2]} au réel)"
        )
    if not planned[0]:
        return f"{factor} : quantité prévue nulle"
    ratio = actual[0] / planned[0]
    return (
        f"{factor} : {format_number(actual[0], 1)} {actual[2]} au réel"
        f" contre {format_number(planned[0], 1)} prévus "
        f"(× {format_number(ratio, 2)})"
    )


def compare(planned: Footprint, actual: Footprint, top: int = 5) -> dict[str, Any]:
    plan_f, act_f = _by_factor(planned.quantified), _by_factor(actual.quantified)
    gaps = sorted(
        set(plan_f) | set(act_f),
        key=lambda f: (
            -abs(act_f.get(f, (0, Decimal(0), ""))[1] - plan_f.get(f, (0, Decimal(0), ""))[1])
        ),
    )[:top]
    return {
        "total": _row("total", planned.total_kgco2e, actual.total_kgco2e),
        "by_category": _table(planned.by_category(), actual.by_category()),
        "by_section": _table(planned.by_section(), actual.by_section()),
        "largest_gaps": [
            {
                **_row(
                    f, plan_f.get(f, (0, Decimal(0), ""))[1], act_f.get(f, (0, Decimal(0), ""))[1]
                ),
                "explanation": _explain(f, plan_f.get(f), act_f.get(f)),
            }
            for f in gaps
        ],
    }
