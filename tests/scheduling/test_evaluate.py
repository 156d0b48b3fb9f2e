from datetime import date, time
from decimal import Decimal

from scheduling.builders import MONDAY, make_problem, weights
from tournage.scheduling.evaluate import cast_presence, evaluate
from tournage.scheduling.model import CastMember, Location, Problem, Scene

TUE, WED, THU = date(2027, 3, 2), date(2027, 3, 3), date(2027, 3, 4)


def codes(problem: Problem, assignment: dict[str, date]) -> set[str]:
    return {finding.code for finding in evaluate(problem, assignment).findings}


def test_holding_days_are_paid_between_first_and_last_work_day(small: Problem) -> None:
    # Ana works Monday, Tuesday and Thursday: held Wednesday (400 EUR);
    # Bob works Tuesday and Wednesday: never held
    result = evaluate(small, {"1": MONDAY, "2": TUE, "3": WED, "4": THU})
    assert result.terms["holding_days"] == {"ana": 1, "bob": 0}
    assert result.terms["holding_cost_eur"] == "400"
    assert result.terms["shooting_days"] == 4


def test_drop_and_pick_up_removes_long_gaps() -> None:
    assert cast_presence([0, 5], None) == {0, 1, 2, 3, 4, 5}
    assert cast_presence([0, 5], 4) == {0, 5}
    assert cast_presence([0, 2], 4) == {0, 1, 2}


def test_company_moves_count_new_decors_with_km_and_carbon(small: Problem) -> None:
    result = evaluate(small, {"1": MONDAY, "2": MONDAY, "3": TUE, "4": TUE})
    assert result.terms["company_moves"] == 1
    move = result.days[1].moves[0]
    assert (move.origin, move.destination) == ("studio", "gare")
    assert 3 < (move.km or 0) < 4  # two Paris points about 3.4 km apart
    assert move.kgco2e is not None and move.kgco2e > 0


def test_objective_adds_the_weighted_terms(small: Problem) -> None:
    result = evaluate(small, {"1": MONDAY, "2": MONDAY, "3": TUE, "4": TUE})
    km = round(result.days[1].moves[0].km or 0, 1)
    # 2 days, no holding, one move (200 + km), no overtime (360 min < 420), no switch
    assert result.objective == Decimal(2 * 1000 + 200 + round(km))


def test_overtime_counts_minutes_beyond_the_normal_day(small: Problem) -> None:
    result = evaluate(small, {"1": MONDAY, "2": MONDAY, "3": MONDAY, "4": TUE})
    assert result.terms["overtime_minutes"] == 540 - 420


def test_night_to_day_switch_and_short_rest_are_reported() -> None:
    problem = make_problem(
        [Scene("1", "studio", minutes=600, day_night="NUIT"), Scene("2", "studio", minutes=60)]
    )
    result = evaluate(problem, {"1": MONDAY, "2": TUE})
    assert result.terms["night_to_day_switches"] == 1
    assert "rest.daily" in {f.code for f in result.findings}  # 18:00 + 10 h -> 04:00, call 08:00


def test_rule_violations_have_stable_codes() -> None:
    problem = make_problem(
        [
            Scene("1", "studio", minutes=800, cast=("kid",)),
            Scene("2", "gare", minutes=60, day_night="NUIT", cast=("kid",)),
        ],
        cast=[CastMember("kid", "Léo", age=10, unavailable=frozenset({TUE}))],
        locations=[Location("studio", "Studio", windows=((WED, THU),)), Location("gare", "Gare")],
    )
    found = codes(problem, {"1": MONDAY, "2": TUE})
    assert {
        "day.too_long",
        "cast.unavailable",
        "location.unavailable",
        "minor.daily_cap",
        "minor.night",
    } <= found


def test_constraints_are_checked(small: Problem) -> None:
    from dataclasses import replace

    from tournage.scheduling.model import Constraints

    constrained = replace(
        small,
        constraints=Constraints(
            fixed={"1": TUE}, precedences=(("4", "3"),), same_day=(("1", "2"),)
        ),
    )
    found = codes(constrained, {"1": MONDAY, "2": TUE, "3": MONDAY, "4": TUE})
    assert {"constraint.fixed", "constraint.precedence", "constraint.same_day"} <= found


def test_changes_against_a_previous_version(small: Problem) -> None:
    from dataclasses import replace

    before = {"1": MONDAY, "2": MONDAY, "3": TUE, "4": TUE}
    replanned = replace(small, previous=before, weights=weights(change=50))
    result = evaluate(replanned, {**before, "4": WED})
    assert result.terms["changes"] == 1


def test_night_call_time_is_used_for_night_days() -> None:
    problem = make_problem(
        [Scene("1", "studio", minutes=60, day_night="NUIT")], night_call=time(19, 0)
    )
    assert evaluate(problem, {"1": MONDAY}).days[0].call == time(19, 0)


def test_a_day_entering_at_a_decor_of_the_day_before_moves_once(small: Problem) -> None:
    # Monday at the studio only; Tuesday the studio again, then the gare (a lower id than
    # the studio's): one move, within Tuesday
    result = evaluate(small, {"1": MONDAY, "2": TUE, "3": TUE, "4": TUE})
    assert [(m.origin, m.destination) for m in result.days[1].moves] == [("studio", "gare")]
    assert result.terms["company_moves"] == 1
