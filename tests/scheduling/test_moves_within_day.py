"""Two décors on one day: the move between them is counted, priced as the objective prices
it, and told apart from a move between days on the stripboard and in the stored terms."""

from __future__ import annotations

from datetime import date

from tournage.scheduling.evaluate import evaluate
from tournage.scheduling.model import Problem
from tournage.scheduling.planned import PlannedMove, planned_days
from tournage.scheduling.stripboard import move_cost, move_summary, stripboard

from .builders import MONDAY

TUE = date(2027, 3, 2)


def test_a_second_decor_on_the_day_is_a_priced_move_within_the_day(small: Problem) -> None:
    together = {"1": MONDAY, "2": MONDAY, "3": MONDAY, "4": MONDAY}  # studio and gare
    evaluation = evaluate(small, together)
    summary = move_summary(small, evaluation)
    (move,) = evaluation.days[0].moves
    assert summary == {"count": 1, "within_day": 1, "cost_eur": move_cost(small, move)}
    assert summary["cost_eur"] == 200 + round(move.km or 0)  # the fixed weight, then km
    board = stripboard(small, together)
    assert board["days"][0]["moves"][0]["within_day"] is True
    assert board["moves"]["within_day"] == 1


def test_a_move_to_the_next_day_is_not_within_a_day(small: Problem) -> None:
    apart = {"1": MONDAY, "2": MONDAY, "3": TUE, "4": TUE}
    summary = move_summary(small, evaluate(small, apart))
    assert (summary["count"], summary["within_day"]) == (1, 0)


def test_other_modules_read_the_day_s_moves_with_their_locations(small: Problem) -> None:
    together = {"1": MONDAY, "2": MONDAY, "3": MONDAY, "4": MONDAY}
    (move,) = evaluate(small, together).days[0].moves
    (day,) = planned_days(small, together, {7: ["studio"]}, {})
    ids = {"studio": 7, "gare": None}  # the gare is not placed yet
    names = {"studio": "Studio", "gare": "Gare"}
    a, b = move.origin, move.destination
    assert day.moves == (PlannedMove(names[a], names[b], ids[a], ids[b]),)
