from datetime import date
from decimal import Decimal

from scheduling.builders import MONDAY, make_problem
from tournage.scheduling.dood import codes, day_out_of_days
from tournage.scheduling.model import CastMember, Scene


def test_codes_for_work_hold_and_single_day() -> None:
    assert codes([0, 2, 3], {0, 1, 2, 3}, 5) == ("SW", "H", "W", "WF", "")
    assert codes([1], {1}, 3) == ("", "SWF", "")
    assert codes([], set(), 2) == ("", "")


def test_drop_and_pick_up_codes() -> None:
    assert codes([0, 1, 5, 6], {0, 1, 5, 6}, 7) == ("SW", "WD", "", "", "", "PW", "WF")


def test_rows_for_cast_locations_and_elements() -> None:
    problem = make_problem(
        [
            Scene("1", "studio", minutes=60, cast=("ana",), elements=("props: lampe",)),
            Scene("2", "gare", minutes=60, cast=("ana", "bob")),
            Scene("3", "studio", minutes=60, cast=("ana",)),
        ],
        cast=[CastMember("ana", "Ana", Decimal(1)), CastMember("bob", "Bob", Decimal(1))],
    )
    days, rows = day_out_of_days(
        problem, {"1": MONDAY, "2": date(2027, 3, 2), "3": date(2027, 3, 4)}
    )
    assert len(days) == 3
    by_key = {(row.kind, row.key): row for row in rows}
    assert by_key["cast", "ana"].codes == ("SW", "W", "WF")
    assert by_key["cast", "bob"].codes == ("", "SWF", "")
    assert by_key["element", "props: lampe"].codes == ("SWF", "", "")
    assert by_key["location", "studio"].work_days == 2
