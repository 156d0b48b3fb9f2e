"""Stripboard data: days with their strips, colours by effet, totals and move banners.

Each company move is priced as the evaluation prices it (a fixed cost per move, plus its
kilometres and carbon); a move whose origin décor is shot the same day is a move *within
the day* (two décors on one day), shown apart so the producer sees what the day costs."""

from __future__ import annotations

from datetime import date
from typing import Any

from tournage.scheduling.evaluate import DayPlan, Evaluation, Move, evaluate, move_euros
from tournage.scheduling.model import Problem, Scene
from tournage.scheduling.tables import STRIP_COLOURS


def strip_colour(scene: Scene) -> str:
    colours = STRIP_COLOURS.load().colours
    return colours.get(scene.effect, colours["INT/JOUR"]).background


def move_cost(problem: Problem, move: Move) -> int:
    """Euros of one company move in the objective: its fixed weight plus km and carbon."""
    return problem.weights.company_move + move_euros(problem, move.km)


def _within_day(day: DayPlan, move: Move) -> bool:
    return any(scene.location == move.origin for scene in day.scenes)


def _moves(problem: Problem, day: DayPlan) -> list[dict[str, object]]:
    return [
        {
            **move.to_dict(),
            "within_day": _within_day(day, move),
            "cost_eur": move_cost(problem, move),
        }
        for move in day.moves
    ]


def move_summary(problem: Problem, evaluation: Evaluation) -> dict[str, int]:
    """How many moves, how many within a day, and what they cost (EUR, as evaluated)."""
    pairs = [(day, move) for day in evaluation.days for move in day.moves]
    return {
        "count": len(pairs),
        "within_day": sum(1 for day, move in pairs if _within_day(day, move)),
        "cost_eur": sum(move_cost(problem, move) for _day, move in pairs),
    }


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
                "moves": _moves(problem, day),
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
        "moves": move_summary(problem, evaluation),
        "objective_eur": str(evaluation.objective),
        "findings": [f.to_dict() for f in evaluation.findings],
    }
