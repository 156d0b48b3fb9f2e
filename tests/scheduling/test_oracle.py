"""The oracle: for any schedule, the CP-SAT model's objective equals ``evaluate``'s.

Random small problems with two units (one paid per day), split days, idle days between
shooting days, night scenes, drops, minors and weather cover; the schedule is fixed in the
model and CP-SAT's objective value is compared with the independent evaluation.
"""

import random
from dataclasses import replace
from datetime import date, time, timedelta
from decimal import Decimal

import pytest
from ortools.sat.python import cp_model

from scheduling.builders import MONDAY, make_problem
from tournage.scheduling.cpmodel import MINUTES_PER_HOUR, Builder
from tournage.scheduling.evaluate import evaluate
from tournage.scheduling.model import CastMember, Location, Problem, Scene, Unit, WeatherCover

PLACES = [
    Location("studio", "Studio", 48.85, 2.35),
    Location("gare", "Gare", 48.88, 2.36),
    Location("port", "Port", 43.30, 5.37),
    Location("ferme", "Ferme", 45.76, 4.84),
]


def model_cost(problem: Problem, assignment: dict[str, date]) -> Decimal | None:
    """CP-SAT's objective with the scenes fixed to ``assignment`` (None: the model refuses)."""
    builder = Builder(problem, symmetry=False)  # any order of twin scenes, not only one
    builder.build()
    index = {day: d for d, day in enumerate(builder.days)}
    for (scene, d), var in builder.x.items():
        builder.model.add(var == int(index.get(assignment[scene]) == d))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 20
    if solver.solve(builder.model) != cp_model.OPTIMAL:
        return None
    return (Decimal(round(solver.objective_value)) / MINUTES_PER_HOUR).quantize(Decimal("0.01"))


def random_problem(rng: random.Random) -> Problem:
    cast = [
        CastMember("ana", "Ana", Decimal(rng.choice((200, 400)))),
        CastMember("bob", "Bob", Decimal(300), drop_min_gap_days=rng.choice((None, 2))),
        CastMember("kid", "Léo", Decimal(100), age=10),
    ]
    scenes = []
    for i in range(rng.randint(4, 7)):
        scenes.append(
            Scene(
                str(i),
                rng.choice(PLACES).id,
                minutes=rng.choice((60, 120, 200, 300)),
                int_ext=rng.choice(("INT", "EXT")),
                day_night=rng.choice(("JOUR", "JOUR", "NUIT")),
                cast=tuple(rng.sample(["ana", "bob", "kid"], rng.randint(0, 2))),
                unit=rng.choice("mmb"),
            )
        )
    cover = rng.random() < 0.4
    if cover:  # one interior cover scene per unit
        scenes += [Scene(f"c{u}", "studio", minutes=60, unit=u, weather_cover=True) for u in "mb"]
    return make_problem(
        scenes,
        cast=cast,
        locations=PLACES,
        max_days=6,
        units=(Unit("m", "Principale"), Unit("b", "Deuxième équipe", day_cost=600, span=False)),
        split_call=rng.choice((None, time(14, 0))),
        weather_cover=WeatherCover(enabled=cover),
    )


def random_assignment(problem: Problem, rng: random.Random) -> dict[str, date]:
    days = problem.calendar.days()
    return {scene.id: rng.choice(days) for scene in problem.scenes}


def lawful_schedules(problem: Problem, rng: random.Random, wanted: int) -> list[dict[str, date]]:
    """Random schedules that break no rule (drawn until ``wanted`` are found)."""
    found = []
    for _ in range(400):
        assignment = random_assignment(problem, rng)
        if not evaluate(problem, assignment).breaks_rules:
            found.append(assignment)
            if len(found) == wanted:
                break
    return found


@pytest.mark.parametrize("seed", range(10))
def test_model_objective_equals_evaluation_on_lawful_schedules(seed: int) -> None:
    rng = random.Random(seed)
    problem = random_problem(rng)
    schedules = lawful_schedules(problem, rng, 3)
    assert schedules  # the generator gives each problem lawful schedules
    for assignment in schedules:
        cost = model_cost(problem, assignment)
        if cost is None:
            # the one case the model is stricter than the rules: it times an actor's rest
            # between two units from the units' calls and wraps, not their own
            assert crosses_units_on_consecutive_days(problem, assignment)
            continue
        assert cost == evaluate(problem, assignment).objective


def crosses_units_on_consecutive_days(problem: Problem, assignment: dict[str, date]) -> bool:
    work = {(member, assignment[s.id], s.unit) for s in problem.scenes for member in s.cast}
    return any(
        (member, day + timedelta(days=1), other) in work
        for member, day, unit in work
        for other in {u.id for u in problem.units} - {unit}
    )


def test_a_move_after_an_idle_day_is_charged_by_both() -> None:
    problem = make_problem(
        [Scene("1", "studio", minutes=300), Scene("2", "gare", minutes=300)],
        locations=PLACES[:2],
    )
    idle = {"1": MONDAY, "2": date(2027, 3, 3)}  # Tuesday idle between the two décors
    evaluation = evaluate(problem, idle)
    assert evaluation.terms["company_moves"] == 1
    assert model_cost(problem, idle) == evaluation.objective


def test_split_day_and_second_unit_costs_agree() -> None:
    problem = replace(
        make_problem(
            [
                Scene("d", "studio", minutes=200),
                Scene("n", "studio", minutes=200, day_night="NUIT"),
                Scene("b", "gare", minutes=100, unit="b"),
            ],
            locations=PLACES[:2],
            units=(Unit("main", "Principale"), Unit("b", "Deuxième", day_cost=600, span=False)),
        ),
        split_call=time(14, 0),
    )
    schedule = {"d": MONDAY, "n": MONDAY, "b": date(2027, 3, 3)}
    evaluation = evaluate(problem, schedule)
    assert evaluation.terms["split_days"] == 1
    assert evaluation.terms["units"]["b"]["crew_days"] == 1  # type: ignore[index]
    assert model_cost(problem, schedule) == evaluation.objective
