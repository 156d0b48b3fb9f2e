from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from scheduling.builders import MONDAY, make_problem
from tournage.scheduling.evaluate import evaluate
from tournage.scheduling.model import Calendar, CastMember, Constraints, Location, Problem, Scene
from tournage.scheduling.solver import SolveOptions, solve

TUE, WED, THU = date(2027, 3, 2), date(2027, 3, 3), date(2027, 3, 4)
FAST = SolveOptions(time_limit=5)


def test_optimal_small_schedule_groups_by_decor(small: Problem) -> None:
    solution = solve(small, FAST)
    assert solution.status == "optimal"
    assert solution.objective == solution.bound == solution.evaluation.objective  # type: ignore[union-attr]
    assert solution.gap == 0
    days = {solution.assignment[s] for s in "1234"}
    assert len(days) == 2
    assert solution.assignment["1"] == solution.assignment["2"]


def test_solver_objective_equals_evaluated_terms(small: Problem) -> None:
    solution = solve(replace(small, weights=replace(small.weights, kgco2e=3)), FAST)
    assert solution.evaluation is not None
    assert solution.objective == solution.evaluation.objective
    assert not solution.evaluation.findings


def test_actor_unavailability_is_respected(small: Problem) -> None:
    busy = replace(
        small,
        cast=(
            CastMember("ana", "Ana", Decimal(400), unavailable=frozenset({MONDAY, TUE})),
            small.cast[1],
        ),
    )
    solution = solve(busy, FAST)
    assert all(solution.assignment[s] not in (MONDAY, TUE) for s in ("1", "2", "4"))


def test_location_window_fixed_scene_precedence_and_same_day(small: Problem) -> None:
    problem = replace(
        small,
        locations=(
            small.locations[0],
            Location("gare", "Gare", 48.88, 2.36, windows=((WED, THU),)),
        ),
        constraints=Constraints(
            fixed={"1": TUE}, precedences=(("4", "3"),), same_day=(("1", "2"),)
        ),
    )
    solution = solve(problem, FAST)
    a = solution.assignment
    assert a["3"] >= WED and a["4"] >= WED
    assert a["1"] == a["2"] == TUE
    assert a["4"] <= a["3"]
    assert not solution.evaluation.findings  # type: ignore[union-attr]


def test_minor_daily_cap_splits_scenes_over_days() -> None:
    # a 10-year-old in school term: 3 h a day (data); two 2-hour scenes cannot share a day
    problem = make_problem(
        [
            Scene("1", "studio", minutes=120, cast=("kid",)),
            Scene("2", "studio", minutes=120, cast=("kid",)),
        ],
        cast=[CastMember("kid", "Léo", age=10)],
    )
    solution = solve(problem, FAST)
    assert solution.assignment["1"] != solution.assignment["2"]


def test_night_then_day_needs_the_daily_rest() -> None:
    problem = make_problem(
        [
            Scene("n", "studio", minutes=600, day_night="NUIT"),
            Scene("d", "studio", minutes=60),
            Scene("d2", "studio", minutes=60),
        ],
        constraints=Constraints(precedences=(("n", "d"),)),
        max_days=3,
    )
    solution = solve(problem, FAST)
    a = solution.assignment
    assert a["n"] != a["d"]
    assert not solution.evaluation.findings  # type: ignore[union-attr]
    days = problem.calendar.days()
    assert days.index(a["d"]) > days.index(a["n"])


def test_infeasible_availability_names_the_actor() -> None:
    problem = make_problem(
        [Scene("1", "studio", minutes=60, cast=("ana",))],
        cast=[CastMember("ana", "Ana", available_from=date(2027, 4, 1))],
    )
    solution = solve(problem, FAST)
    assert solution.status == "infeasible"
    assert [c.code for c in solution.conflicts] == ["conflict.cast"]
    assert "Ana" in solution.conflicts[0].message


def test_infeasible_precedence_against_fixed_dates_is_explained() -> None:
    problem = make_problem(
        [Scene("1", "studio", minutes=60), Scene("2", "studio", minutes=60)],
        constraints=Constraints(fixed={"1": WED, "2": MONDAY}, precedences=(("1", "2"),)),
    )
    solution = solve(problem, FAST)
    assert solution.status == "infeasible"
    assert "conflict.precedence" in {c.code for c in solution.conflicts}


def test_calendar_too_short_is_explained() -> None:
    problem = make_problem([Scene(str(i), "studio", minutes=600) for i in range(3)], max_days=2)
    solution = solve(problem, FAST)
    assert solution.status == "infeasible"
    assert solution.conflicts


def test_same_seed_same_schedule(small: Problem) -> None:
    options = SolveOptions(time_limit=2, seed=7)
    assert solve(small, options).assignment == solve(small, options).assignment


def test_replanning_keeps_shot_scenes_and_moves_little(small: Problem) -> None:
    first = solve(small, FAST).assignment
    shot_day = min(first.values())
    lost = sorted(set(first.values()))[1]  # the second shooting day is lost to rain
    replanned = replace(
        small,
        previous=first,
        replan_from=lost,
        calendar=Calendar(start=MONDAY, max_days=5, holidays=frozenset({lost})),
    )
    second = solve(replanned, FAST)
    assert second.status in ("optimal", "feasible")
    for scene, when in first.items():
        if when == shot_day:
            assert second.assignment[scene] == when
    assert lost not in second.assignment.values()
    moved = sum(1 for s in first if first[s] != second.assignment[s])
    assert moved == sum(1 for s in first if first[s] == lost)


def test_drop_allowed_actor_is_not_held_through_the_gap() -> None:
    scenes = [
        Scene("a1", "studio", minutes=400, cast=("ana",)),
        Scene("x1", "studio", minutes=400),
        Scene("x2", "studio", minutes=400),
        Scene("x3", "studio", minutes=400),
        Scene("a2", "studio", minutes=400, cast=("ana",)),
    ]
    fixed = Constraints(fixed={"a1": MONDAY, "a2": date(2027, 3, 5)})
    held = make_problem(scenes, cast=[CastMember("ana", "Ana", Decimal(400))], constraints=fixed)
    dropped = replace(held, cast=(CastMember("ana", "Ana", Decimal(400), drop_min_gap_days=3),))
    assert solve(held, FAST).evaluation.terms["holding_days"] == {"ana": 3}  # type: ignore[union-attr]
    assert solve(dropped, FAST).evaluation.terms["holding_days"] == {"ana": 0}  # type: ignore[union-attr]


@pytest.mark.parametrize("weekdays", [frozenset(range(7))])
def test_weekly_rest_limits_consecutive_days(weekdays: frozenset[int]) -> None:
    scenes = [Scene(str(i), "studio", minutes=400) for i in range(7)]
    problem = make_problem(
        scenes, calendar=Calendar(start=MONDAY, max_days=8, working_weekdays=weekdays)
    )
    solution = solve(problem, FAST)
    assert solution.status in ("optimal", "feasible")
    assert not solution.evaluation.findings  # type: ignore[union-attr]
    assert evaluate(problem, solution.assignment).terms["shooting_days"] >= 7


def test_uncertain_minor_rules_warn_instead_of_blocking() -> None:
    # the night ban and daily caps for children come from secondary sources: shown, not enforced
    problem = make_problem(
        [Scene("n", "studio", minutes=300, day_night="NUIT", cast=("kid",))],
        cast=[CastMember("kid", "Léo", age=10)],
    )
    solution = solve(problem, FAST)
    assert solution.status == "optimal"
    assert solution.evaluation is not None
    warnings = {f.code for f in solution.evaluation.findings if f.severity == "warn"}
    assert warnings == {"minor.night", "minor.daily_cap"}
    assert solution.evaluation.terms["minor_excess_minutes"] == 300 - 180
    assert not solution.evaluation.breaks_rules


def test_minors_never_on_sunday() -> None:
    problem = make_problem(
        [Scene("1", "studio", minutes=60, cast=("kid",))],
        cast=[CastMember("kid", "Léo", age=15)],
        calendar=Calendar(start=date(2027, 3, 7), max_days=2, working_weekdays=frozenset({6, 0})),
    )
    solution = solve(problem, FAST)
    assert solution.assignment["1"] == date(2027, 3, 8)  # the Monday, not Sunday 7 March


@pytest.mark.parametrize("overtime_hour", [0, 100, 2000])
def test_term_bounds_never_exceed_the_optimum(small: Problem, overtime_hour: int) -> None:
    from tournage.scheduling.bounds import term_bounds
    from tournage.scheduling.cpmodel import Builder

    problem = replace(small, weights=replace(small.weights, overtime_hour=overtime_hour))
    solution = solve(problem, FAST)
    builder = Builder(problem)
    bounds = term_bounds(problem, builder.rules, builder.days, builder.allowed)
    assert solution.status == "optimal" and solution.objective is not None
    assert bounds.total <= solution.objective
    assert bounds.crew >= problem.weights.shooting_day  # it is not trivial
    assert bounds.moves >= problem.weights.company_move  # two décors: at least one move


def test_two_decors_shot_every_day_pay_the_move_between_them_every_day() -> None:
    """Ana can only come Monday, Bob only Tuesday, each with a scene in both décors: the
    company goes from one décor to the other on both days, and both moves are paid."""
    problem = make_problem(
        [
            Scene("1", "studio", minutes=120, cast=("ana",)),
            Scene("2", "studio", minutes=120, cast=("bob",)),
            Scene("3", "gare", minutes=120, cast=("ana",)),
            Scene("4", "gare", minutes=120, cast=("bob",)),
        ],
        cast=[
            CastMember("ana", "Ana", Decimal(400), unavailable=frozenset({TUE})),
            CastMember("bob", "Bob", Decimal(300), unavailable=frozenset({MONDAY})),
        ],
        max_days=2,
    )
    solution = solve(problem, FAST)
    assert solution.evaluation is not None
    assert solution.evaluation.terms["company_moves"] == 2
    assert [len(day.moves) for day in solution.evaluation.days] == [1, 1]
    assert solution.objective == solution.evaluation.objective
