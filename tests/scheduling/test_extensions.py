"""Second unit, weather cover, split days, individual calls and meal breaks, rest per
person, warm starts and the search improving on its start."""

from dataclasses import replace
from datetime import date, datetime, time
from decimal import Decimal

from scheduling.builders import MONDAY, make_problem
from tournage.scheduling.evaluate import evaluate
from tournage.scheduling.model import CastMember, Location, Problem, Scene, Unit, WeatherCover
from tournage.scheduling.problem_io import from_dict, to_dict
from tournage.scheduling.solver import SolveOptions, solve

TUE, WED, THU = date(2027, 3, 2), date(2027, 3, 3), date(2027, 3, 4)
FAST = SolveOptions(time_limit=5)
UNITS = (Unit("main", "Principale"), Unit("b", "Deuxième équipe", day_cost=400, span=False))


def codes(problem: Problem, assignment: dict[str, date]) -> set[str]:
    return {f.code for f in evaluate(problem, assignment).findings}


def test_second_unit_shoots_the_same_day_and_is_paid_per_day() -> None:
    problem = make_problem(
        [
            Scene("1", "studio", minutes=400, cast=("ana",)),
            Scene("2", "gare", minutes=400, cast=("bob",), unit="b"),
        ],
        units=UNITS,
    )
    solution = solve(problem, FAST)
    assert solution.status == "optimal"
    assert solution.assignment["1"] == solution.assignment["2"] == MONDAY
    units = solution.evaluation.terms["units"]  # type: ignore[union-attr]
    assert units["b"] == {"shooting_days": 1, "crew_days": 1, "crew_cost_eur": "400"}


def test_an_actor_is_never_in_two_units_the_same_day() -> None:
    problem = make_problem(
        [
            Scene("1", "studio", minutes=300, cast=("ana",)),
            Scene("2", "gare", minutes=300, cast=("ana",), unit="b"),
        ],
        units=UNITS,
    )
    assert "cast.two_units" in codes(problem, {"1": MONDAY, "2": MONDAY})
    solution = solve(problem, FAST)
    assert solution.assignment["1"] != solution.assignment["2"]
    assert not solution.evaluation.breaks_rules  # type: ignore[union-attr]


def test_rest_is_counted_from_each_persons_own_wrap_and_call() -> None:
    # Ana wraps a second-unit night at 23:00; next morning her first scene on the main unit
    # starts after a 3-hour scene without her: called at 11:00, 12 h later, which is fine;
    # Bob, in the first scene, is called at 08:00, 9 h after his wrap: too short
    problem = make_problem(
        [
            Scene("n", "gare", minutes=300, day_night="NUIT", cast=("ana", "bob"), unit="b"),
            Scene("a", "studio", minutes=180, cast=("bob",)),
            Scene("c", "studio", minutes=60, cast=("ana",)),
        ],
        units=UNITS,
    )
    evaluation = evaluate(problem, {"n": MONDAY, "a": TUE, "c": TUE})
    calls = evaluation.calls["main", TUE]
    assert calls["ana"].call == datetime(2027, 3, 2, 11, 0)
    assert calls["bob"].call == datetime(2027, 3, 2, 8, 0)
    rests = [f.subject for f in evaluation.findings if f.code == "rest.daily"]
    assert rests == ["bob"]


def test_meal_break_comes_before_six_hours_of_work_and_moves_the_wrap() -> None:
    problem = make_problem(
        [Scene("1", "studio", minutes=240), Scene("2", "studio", minutes=240, cast=("ana",))]
    )
    day = evaluate(problem, {"1": MONDAY, "2": MONDAY}).days[0]
    assert day.to_dict()["meal"] == {"at": "12:00", "minutes": 60}
    assert day.wrap == datetime(2027, 3, 1, 17, 0)  # 8 h of work + 1 h meal from 08:00


def test_split_days_only_when_the_production_allows_them() -> None:
    scenes = [
        Scene("d", "studio", minutes=240),
        Scene("n", "studio", minutes=240, day_night="NUIT"),
    ]
    strict = make_problem(scenes, max_days=3)
    assert "day.mixed_effect" in codes(strict, {"d": MONDAY, "n": MONDAY})
    split = replace(strict, split_call=time(14, 0))
    day = evaluate(split, {"d": MONDAY, "n": MONDAY}).days[0]
    assert (day.split, day.call, [s.id for s in day.scenes]) == (True, time(14, 0), ["d", "n"])
    expensive_days = replace(split, weights=replace(split.weights, shooting_day=5000))
    solution = solve(expensive_days, FAST)
    assert solution.assignment["d"] == solution.assignment["n"]
    assert solution.evaluation.terms["split_days"] == 1  # type: ignore[union-attr]


def weather_problem() -> Problem:
    return make_problem(
        [
            Scene("e1", "gare", minutes=300, int_ext="EXT"),
            Scene("e2", "gare", minutes=300, int_ext="EXT"),
            Scene("c1", "studio", minutes=300, weather_cover=True),
            Scene("c2", "studio", minutes=300, weather_cover=True),
        ],
        weather_cover=WeatherCover(enabled=True),
    )


def test_each_exterior_day_keeps_a_cover_scene_for_later() -> None:
    problem = weather_problem()
    early = {"e1": TUE, "e2": WED, "c1": MONDAY, "c2": MONDAY}
    assert "weather.no_cover" in codes(problem, early)
    solution = solve(problem, FAST)
    last_exterior = max(solution.assignment["e1"], solution.assignment["e2"])
    assert max(solution.assignment["c1"], solution.assignment["c2"]) > last_exterior
    assert not solution.evaluation.breaks_rules  # type: ignore[union-attr]


def test_a_day_lost_to_rain_shoots_the_cover_scene() -> None:
    problem = weather_problem()
    first = solve(problem, FAST).assignment
    rained = min(first.values())
    replanned = replace(
        problem,
        previous=first,
        replan_from=rained,
        weather_cover=WeatherCover(enabled=True, lost_days=frozenset({rained})),
    )
    second = solve(replanned, FAST)
    assert rained in {second.assignment["c1"], second.assignment["c2"]}  # interior instead
    assert all(second.assignment[s] != rained for s in ("e1", "e2"))


def test_units_weather_cover_and_split_call_round_trip_through_json() -> None:
    problem = replace(
        weather_problem(),
        units=UNITS,
        split_call=time(14, 30),
        weather_cover=WeatherCover(enabled=True, lost_days=frozenset({TUE})),
    )
    assert from_dict(to_dict(problem)) == problem


def planted() -> Problem:
    """Three décors a kilometre apart, two scenes of a day each; Ana plays in A and B, Bob
    in B and C, Eve in C and A. Shot décor by décor (any tour of whole décors), one of them
    waits through a whole décor; going back to a décor a second time (C, A, B, C) costs one
    more move and holds no one: the planted cheaper schedule, which no start reaches."""
    places = [Location(p, f"Décor {p}", 45.0, 1.0 + 0.013 * i) for i, p in enumerate("ABC")]
    plays = {"ana": "AB", "bob": "BC", "eve": "CA"}
    scenes = [
        Scene(f"{place}{actor}", place, minutes=400, cast=(actor,))
        for actor, places_of in plays.items()
        for place in places_of
    ]
    cast = [CastMember(actor, actor.title(), Decimal(5000)) for actor in plays]
    return make_problem(scenes, cast=cast, locations=places, max_days=8)


def test_the_search_improves_on_its_start_when_a_cheaper_schedule_exists() -> None:
    problem = planted()
    days = problem.calendar.days()
    order = ["Ceve", "Aeve", "Aana", "Bana", "Bbob", "Cbob"]
    plays = ("ana", "bob", "eve")
    cheaper = evaluate(problem, {scene: days[d] for d, scene in enumerate(order)})
    assert not cheaper.breaks_rules and cheaper.terms["holding_days"] == dict.fromkeys(plays, 0)
    solution = solve(problem, SolveOptions(time_limit=10))
    assert solution.start_objective is not None and solution.start_objective > cheaper.objective
    assert solution.objective is not None and solution.objective <= cheaper.objective


def test_a_warm_start_is_used_when_it_is_cheaper() -> None:
    problem = planted()
    best = solve(problem, SolveOptions(time_limit=10)).assignment
    again = solve(problem, SolveOptions(time_limit=1, warm_start=best))
    assert again.start_objective == evaluate(problem, best).objective
