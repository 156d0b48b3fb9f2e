import contextlib
import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scheduling.builders import make_problem
from tournage.scheduling.errors import SchedulingError
from tournage.scheduling.model import CastMember, Constraints, Location, Problem, Scene
from tournage.scheduling.problem_io import from_dict, loads, to_dict


def sample() -> Problem:
    return make_problem(
        [
            Scene("1", "studio", eighths=12, cast=("ana",), elements=("props: lampe",)),
            Scene("2", "gare", minutes=90, int_ext="EXT", day_night="NUIT", extras=20),
        ],
        cast=[
            CastMember(
                "ana",
                "Ana",
                available_from=date(2027, 3, 2),
                age=12,
                unavailable=frozenset({date(2027, 3, 4)}),
                drop_min_gap_days=5,
            )
        ],
        locations=[
            Location(
                "studio", "Studio", 48.8, 2.3, windows=((date(2027, 3, 1), date(2027, 3, 9)),)
            ),
            Location("gare", "Gare"),
        ],
        constraints=Constraints(fixed={"2": date(2027, 3, 3)}, precedences=(("1", "2"),)),
        distances_km={("studio", "gare"): 12.5},
        convoy={"car_ice": 3},
    )


def test_round_trip_keeps_everything() -> None:
    problem = sample()
    assert loads(json.dumps(to_dict(problem))) == problem


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "problem.json"),
        ("[]", "problem.json"),
        ("{}", "problem.field"),
        ('{"calendar": {"start": "demain"}, "scenes": [], "locations": []}', "problem.field"),
        (
            '{"calendar": {"start": "2027-03-01", "max_days": 100000},'
            ' "scenes": [], "locations": []}',
            "problem.field",
        ),
        (
            '{"calendar": {"start": "2027-03-01"}, "scenes": [{"id": "1", "location": "x"}],'
            ' "locations": []}',
            "problem.unknown_location",
        ),
        (
            '{"calendar": {"start": "2027-03-01"}, "scenes": [], "locations": [],'
            ' "weights": {"bribe": 3}}',
            "problem.field",
        ),
        ("[" * 100_000, "problem.json"),
    ],
)
def test_bad_documents_give_clear_errors(text: str, code: str) -> None:
    with pytest.raises(SchedulingError) as error:
        loads(text)
    assert error.value.code == code


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)


@settings(max_examples=80, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "calendar",
                "scenes",
                "cast",
                "locations",
                "weights",
                "constraints",
                "distances_km",
                "pages_per_day",
            ]
        ),
        json_values,
    )
)
def test_any_document_parses_or_fails_cleanly(data: dict[str, object]) -> None:
    base = to_dict(sample())
    with contextlib.suppress(SchedulingError):
        from_dict({**base, **data})
