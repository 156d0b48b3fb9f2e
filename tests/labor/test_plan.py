"""Team files: hostile and malformed input gives a LaborError, never a traceback."""

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tournage.labor.errors import LaborError
from tournage.labor.plan import check_plan, load_plan

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.text(max_size=12), st.floats(allow_nan=True)
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
person = st.fixed_dictionaries(
    {"name": st.text(max_size=8)},
    optional={
        "function": st.sampled_from(["Machiniste", "Scripte spécialisé", "x", ""]),
        "idcc": st.sampled_from([2642, 3097, 1, "a"]),
        "birth_date": st.sampled_from(["2016-01-01", "bad", None]),
        "contract": st.dictionaries(
            st.sampled_from(
                [
                    "start",
                    "end",
                    "pay_amount",
                    "pay_basis",
                    "working_days",
                    "rights_remuneration",
                    "trial_days",
                    "status",
                ]
            ),
            values,
            max_size=5,
        ),
    },
)


@settings(max_examples=80, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["people", "shifts", "employer", "idcc"]),
        st.one_of(values, st.lists(person, max_size=3)),
        max_size=4,
    )
)
def test_random_plans_parse_or_fail_cleanly(data):
    try:
        plan = load_plan(yaml.safe_dump(data, allow_unicode=True).encode())
        check_plan(plan)
    except LaborError as error:
        assert str(error)


@pytest.mark.parametrize(
    "content,message",
    [
        (b"\xff\xfe", "illisible"),
        (b"people: [", "illisible"),
        (b"- a\n- b\n", "objet"),
        (b"people:\n  - {function: Machiniste}\n", "nom"),
        (
            b"people: [{name: A}]\n"
            b"shifts: [{person: B, start: '2026-01-01T08:00', end: '2026-01-01T09:00'}]",
            "inconnue",
        ),
        (b"x" * (6 * 1024 * 1024), "volumineux"),
    ],
)
def test_malformed_plans(content, message):
    with pytest.raises(LaborError, match=message):
        load_plan(content)
