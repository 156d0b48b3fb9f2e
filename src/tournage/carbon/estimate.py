"""Forecast and final footprints of a production, from its plan and its activities.

forecast = lines derived from the plan + activities entered with phase "forecast";
final    = activities entered with phase "actual".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tournage.carbon.activities import Activity
from tournage.carbon.calculator import Footprint, compute
from tournage.carbon.errors import CarbonError
from tournage.carbon.forecast import Forecast, forecast
from tournage.carbon.plan import ProductionPlan
from tournage.carbon.report import ReportInput
from tournage.carbon.scenarios import ScenarioResult


@dataclass(frozen=True)
class Footprints:
    derived: Forecast | None
    forecast: Footprint
    actual: Footprint

    def phase(self, name: str) -> Footprint:
        if name not in ("forecast", "actual"):
            raise CarbonError("activity.phase", f"Phase « {name} » inconnue (forecast ou actual).")
        return self.forecast if name == "forecast" else self.actual

    def default_phase(self) -> str:
        """The final footprint once actuals exist, the forecast before."""
        return "actual" if self.actual.lines else "forecast"

    def report_input(
        self, title: str, checklist: dict[str, bool], scenarios: tuple[ScenarioResult, ...] = ()
    ) -> ReportInput:
        plan = self.derived.plan if self.derived else None
        return ReportInput(
            title=title,
            format=plan.format if plan else "",
            duration_minutes=plan.duration_minutes if plan else None,
            shooting_days=self.derived.shooting_days if self.derived else 0,
            forecast=self.forecast if self.forecast.lines else None,
            actual=self.actual if self.actual.lines else None,
            checklist=checklist,
            assumptions=[a.to_dict() for a in self.derived.assumptions] if self.derived else [],
            warnings=list(self.derived.warnings) if self.derived else [],
            scenarios=scenarios,
        )


def footprints(plan: ProductionPlan | None, activities: tuple[Activity, ...]) -> Footprints:
    derived = forecast(plan) if plan is not None else None
    entered = [a for a in activities if a.phase == "forecast"]
    planned = list(derived.activities if derived else ()) + entered
    return Footprints(
        derived=derived,
        forecast=compute(planned),
        actual=compute(a for a in activities if a.phase == "actual"),
    )


def estimate_document(result: Footprints, phase: str | None = None) -> dict[str, Any]:
    """The CLI's ``estimate`` JSON: one phase's footprint, plus both phases' totals."""
    chosen = phase or result.default_phase()
    document = result.phase(chosen).to_dict()
    document["phase"] = chosen
    document["phases"] = {
        name: {
            "total_kgco2e": float(result.phase(name).total_kgco2e),
            "lines": len(result.phase(name).lines),
        }
        for name in ("forecast", "actual")
    }
    if result.derived is not None:
        document["assumptions"] = [a.to_dict() for a in result.derived.assumptions]
        document["warnings"] = list(result.derived.warnings)
    return document
