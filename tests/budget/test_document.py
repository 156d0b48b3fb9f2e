import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tournage.budget.document import parse_text
from tournage.budget.errors import BudgetError
from tournage.budget.report import show_document

from .helpers import SAMPLE, sample


def test_sample_file_is_read():
    document = sample()
    assert document.profile.format == "long_metrage"
    assert document.budget.globals["tournage"].value == 24
    assert len(document.budget.lines) == 8
    assert document.expenses[1].amount_ht.as_tuple().exponent == -2


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("", "fichier"),
        ("- a\n- b", "fichier"),
        ("budget: 3", "budget"),
        ("budget: {lines: [{label: x}]}", "account"),
        ("budget: {lines: [{account: '2.1', rate: douze}]}", "rate"),
        ("budget: {lines: []}\nexpenses: [{account: '7.1', amount_ht: 1}]", "date"),
        (
            "budget: {lines: []}\nproduction: {flags: {french_language: peut-être}}",
            "french_language",
        ),
        ("budget: {lines: []}\nfinancing: [{kind: loterie, amount: 1}]", "loterie"),
        ("budget: [unclosed", "illisible"),
        ("budget: &a [*a]", ""),
    ],
)
def test_malformed_files_name_the_faulty_field(text, where):
    with pytest.raises(BudgetError) as error:
        parse_text(text)
    assert where in error.value.message


def test_huge_file_is_refused_before_parsing():
    with pytest.raises(BudgetError) as error:
        parse_text("#" * (21 * 1024 * 1024))
    assert error.value.code == "FILE_TOO_LARGE"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_text_gives_a_document_or_a_budget_error(text):
    with contextlib.suppress(BudgetError):
        show_document(parse_text(text))


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=0, max_value=len(SAMPLE.read_text(encoding="utf-8")) - 1),
    st.text(max_size=5),
)
def test_corrupted_sample_gives_a_document_or_a_budget_error(position, noise):
    text = SAMPLE.read_text(encoding="utf-8")
    with contextlib.suppress(BudgetError):
        show_document(parse_text(text[:position] + noise + text[position + len(noise) :]))
