"""Stripboard data: days with their strips, colours by effet, totals and move banners."""

from __future__ import annotations

from datetime import date
from typing import Any

from tournage.scheduling.evaluate import Evaluation, evaluate
from tournage.scheduling.model import Problem, Scene
from tournage.scheduling.tables import STRIP_COLOURS


def strip_colour(scene: Scene) -> str:
    colours = STRIP_COLOURS.load().colours
    return colours.get(scene.effect, colours["INT/JOUR"]).background


def stripboard(
    problem: Problem, assignment: dict[str, date], evaluation: Evaluation | None = None
) -> dict[str, Any]:
    """The board as a JSON-ready document (also what the web page renders)."""
    evaluation = evaluation or evaluate(problem, assignment)
    days = []
    for number, day in enumerate(evaluation.days, start=1):
        days.append(
            {
                **day.to_dict(),
                "number": number,
                "unit_name": problem.unit(day.unit).name,
                "strips": [
                    {
                        "id": s.id,
                        "label": s.label,
                        "effect": s.effect,
                        "location": s.location,
                        "location_name": problem.location(s.location).name,
                        "eighths": s.eighths,
                        "cast": list(s.cast),
                        "extras": s.extras,
                        "colour": strip_colour(s),
                    }
                    for s in day.scenes
                ],
            }
        )
    unscheduled = [s.id for s in problem.scenes if s.id not in assignment]
    return {
        "units": [{"id": unit.id, "name": unit.name} for unit in problem.units],
        "days": days,
        "unscheduled": unscheduled,
        "terms": evaluation.terms,
        "objective_eur": str(evaluation.objective),
        "findings": [f.to_dict() for f in evaluation.findings],
    }
