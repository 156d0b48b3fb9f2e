"""Every bound is a lower bound: on random small problems, each term's bound is at most
the least value CP-SAT can give that term, and the LP relaxation's bound at most the
optimum of the whole objective (the models solved to optimality without any cut)."""

import random
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from ortools.sat.python import cp_model

from scheduling.builders import MONDAY, make_problem
from tournage.scheduling.bounds import term_bounds
from tournage.scheduling.cpmodel import MINUTES_PER_HOUR, Builder
from tournage.scheduling.lpbound import lp_bound
from tournage.scheduling.model import CastMember, Constraints, Location, Problem, Scene, Unit

PLACES = [
    Location("studio", "Studio", 48.85, 2.35),
    Location("gare", "Gare", 48.88, 2.36, windows=((MONDAY, MONDAY + timedelta(days=2)),)),
    Location("port", "Port", 43.30, 5.37),
]


def random_problem(rng: random.Random) -> Problem:
    days = [MONDAY + timedelta(days=i) for i in range(7)]
    cast = [
        CastMember(name, name.title(), Decimal(rng.choice((100, 300, 700))), unavailable=off)
        for name in ("ana", "bob", "eve")
        for off in [frozenset(rng.sample(days, rng.randint(0, 2)))]
    ]
    scenes = [
        Scene(
            str(i),
            rng.choice(PLACES).id,
            minutes=rng.choice((60, 200, 300, 500)),
            day_night=rng.choice(("JOUR", "JOUR", "NUIT")),
            cast=tuple(rng.sample(["ana", "bob", "eve"], rng.randint(1, 2))),
            unit=rng.choice("mmmb"),
        )
        for i in range(rng.randint(3, 6))
    ]
    fixed = {"0": rng.choice(days[:5])} if rng.random() < 0.5 else {}
    return make_problem(
        scenes,
        cast=cast,
        locations=PLACES,
        max_days=5,
        units=(Unit("m", "Principale"), Unit("b", "Deuxième", day_cost=600, span=False)),
        constraints=Constraints(fixed=fixed, precedences=(("1", "2"),)),
    )


def least(problem: Problem, terms: tuple[str, ...]) -> Decimal | None:
    """The least value of the sum of ``terms`` (all terms: ``()``) over every schedule the
    model allows, in euros; None when the problem has no schedule."""
    builder = Builder(problem, symmetry=False)
    builder.build()
    exprs = builder.term_exprs()
    builder.model.minimize(sum(exprs.get(t, 0) for t in terms) if terms else sum(exprs.values()))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 30
    status = solver.solve(builder.model)
    if status == cp_model.INFEASIBLE:
        return None
    assert status == cp_model.OPTIMAL
    return Decimal(round(solver.objective_value)) / MINUTES_PER_HOUR


def bounds_of(problem: Problem) -> tuple[Decimal, Decimal, Decimal, Decimal | None]:
    builder = Builder(problem)
    bounds = term_bounds(problem, builder.rules, builder.days, builder.allowed)
    relaxed = lp_bound(problem, builder.rules, builder.days, builder.allowed, builder.minutes, 20)
    return Decimal(bounds.holding), bounds.crew, Decimal(bounds.moves), relaxed


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10**6))
def test_every_bound_is_at_most_the_least_value_of_its_terms(seed: int) -> None:
    problem = random_problem(random.Random(seed))
    optimum = least(problem, ())
    if optimum is None:
        return
    holding, crew, moves, relaxed = bounds_of(problem)
    assert holding <= least(problem, ("holding",))  # type: ignore[operator]
    assert crew <= least(problem, ("crew", "overtime"))  # type: ignore[operator]
    assert moves <= least(problem, ("moves",))  # type: ignore[operator]
    assert relaxed is not None
    assert relaxed + moves <= optimum


def test_held_days_forced_by_availability_are_bound_and_paid() -> None:
    # Ana films Monday and Wednesday (the décor's days) and is free on Tuesday only for
    # holding: every schedule pays her Tuesday, and the bound says so
    wed = MONDAY + timedelta(days=2)
    problem = make_problem(
        [Scene("1", "studio", minutes=300, cast=("ana",)), Scene("2", "gare", cast=("ana",))],
        cast=[CastMember("ana", "Ana", Decimal(400))],
        locations=[
            Location("studio", "Studio", 48.85, 2.35, windows=((MONDAY, MONDAY),)),
            Location("gare", "Gare", 48.88, 2.36, windows=((wed, wed + timedelta(days=1)),)),
        ],
    )
    holding, _, _, relaxed = bounds_of(problem)
    assert holding == 400 == least(problem, ("holding",))
    # the crew is engaged to Wednesday at least, Ana paid Monday to Wednesday (less the
    # margin kept for the LP solver's tolerance)
    assert relaxed is not None and Decimal("3399.9") <= relaxed <= least(problem, ())


def test_held_days_of_an_actor_needed_on_several_days() -> None:
    # Bob's two night scenes and two day scenes need two days; he is unavailable on
    # Tuesday and Thursday, and the day scenes are locked on Monday and Friday
    tue, thu, fri = (MONDAY + timedelta(days=i) for i in (1, 3, 4))
    scenes = [
        Scene("d1", "studio", minutes=300, cast=("bob",)),
        Scene("d2", "studio", minutes=300, cast=("bob",)),
        Scene("n1", "studio", minutes=300, cast=("bob",), day_night="NUIT"),
    ]
    problem = make_problem(
        scenes,
        cast=[CastMember("bob", "Bob", Decimal(300), unavailable=frozenset({tue, thu}))],
        constraints=Constraints(fixed={"d1": MONDAY, "d2": fri}),
    )
    holding, *_ = bounds_of(problem)
    assert holding == 2 * 300 == least(problem, ("holding",))


def test_drop_allowed_gives_no_holding_bound() -> None:
    wed = MONDAY + timedelta(days=2)
    problem = make_problem(
        [Scene("1", "studio", cast=("ana",)), Scene("2", "studio", cast=("ana",))],
        cast=[CastMember("ana", "Ana", Decimal(400), drop_min_gap_days=1)],
        constraints=Constraints(fixed={"1": MONDAY, "2": wed}),
    )
    assert bounds_of(problem)[0] == 0 == least(problem, ("holding",))


def test_lp_relaxation_sees_the_crew_span_of_a_late_scene() -> None:
    problem = replace(
        make_problem(
            [Scene("1", "studio", minutes=60)],
            constraints=Constraints(fixed={"1": date(2027, 3, 5)}),
        )
    )
    *_, relaxed = bounds_of(problem)
    assert relaxed is not None and relaxed >= Decimal("4999.9")  # engaged Monday to Friday
