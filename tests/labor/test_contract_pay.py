"""A new contract's pay: the person's rate, else the function's minimum from the agreement's
data (with its source), else "unknown"; the person's own function matched to the list."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.utils import translation

from tournage.labor.agreements import find_function
from tournage.labor.contracts import applicable_minimum
from tournage.web.labor.models import Contract
from tournage.web.labor.prefill import contract_initial

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english() -> Any:
    """The sentences are asserted in the source language."""
    with translation.override("en"):
        yield


def _url(production: Any, contract: Any = None) -> str:
    tail = f"contracts/{contract.pk}/" if contract else "contracts/new/"
    return f"/p/{production.pk}/teams/{tail}"


def test_no_rate_on_the_card_gives_the_function_minimum_with_its_source(
    production: Any, make_person: Any
) -> None:
    production.format = "documentary"  # IDCC 2642
    electrician = make_person(production, kind="crew", functions="chef électricien")
    initial, origins = contract_initial(production, electrician)
    minimum = applicable_minimum(find_function(2642, "Chef électricien"), "daily_8h", None)
    assert minimum is not None and minimum.amount is not None
    assert (initial["pay_amount"], initial["pay_basis"]) == (minimum.amount, "daily_8h")
    pay = next(o for o in origins if o.startswith("Pay"))
    assert minimum.grid in pay and minimum.source in pay and "uncertain" in pay


def test_a_function_without_a_minimum_in_the_data_says_unknown(
    production: Any, make_person: Any
) -> None:
    operator = make_person(production, kind="crew", functions="Chef opérateur")  # short: 3097
    initial, origins = contract_initial(production, operator)
    assert initial["function"] == "Directeur de la photographie"  # from the aliases data
    assert "pay_amount" not in initial
    assert any("unknown" in o and "Directeur de la photographie" in o for o in origins)


def test_the_card_s_rate_wins_over_the_minimum(production: Any, make_person: Any) -> None:
    production.format = "documentary"
    paid = make_person(
        production, kind="crew", functions="chef électricien", daily_rate=Decimal("300.00")
    )
    initial, _ = contract_initial(production, paid)
    assert initial["pay_amount"] == Decimal("300.00")


def test_a_function_outside_the_list_is_named(production: Any, make_person: Any) -> None:
    plumber = make_person(production, kind="crew", functions="Plombier")
    initial, origins = contract_initial(production, plumber)
    assert "function" not in initial and "pay_amount" not in initial
    assert any("Plombier" in o for o in origins)


def _form(production: Any, person: Any, function: str) -> dict[str, str]:
    return {
        "person": str(person.pk),
        "idcc": "3097",
        "function": function,
        "programme": production.title,
        "start": "2027-03-01",
        "end": "2027-03-05",
        "pay_amount": "1 500,50",
        "pay_basis": "weekly_39h",
        "workplace": "Albi",
        "reference_hours": "39 heures par semaine",
        "trial_days": "0",
        "status": "draft",
        "working_days_text": "2027-03-01, 2027-03-02",
    }


def test_the_form_matches_an_everyday_function_and_refuses_an_unknown_one(
    production: Any, make_person: Any, member_client: Any
) -> None:
    person = make_person(production, kind="crew")
    client = member_client("producer")
    page = client.get(_url(production)).content.decode()
    assert 'list="agreement-functions"' in page
    assert '<option value="Directeur de la photographie">' in page
    refused = client.post(_url(production), _form(production, person, "Plombier"))
    assert refused.status_code == 200 and not Contract.objects.exists()
    assert (
        client.post(_url(production), _form(production, person, "chef opérateur")).status_code
        == 302
    )
    contract = Contract.objects.get()
    assert contract.function == "Directeur de la photographie"
    assert contract.pay_amount == Decimal("1500.50")


def test_saving_a_contract_unchanged_records_no_change(
    production: Any, make_person: Any, member_client: Any
) -> None:
    person = make_person(production, kind="crew")
    client = member_client("producer")
    client.post(_url(production), _form(production, person, "Directeur de la photographie"))
    contract = Contract.objects.get()
    rows = contract.history.count()
    shown = client.get(_url(production, contract)).context["form"]
    data = {name: shown[name].value() for name in shown.fields}
    data = {k: ("" if v is None else str(v)) for k, v in data.items() if v is not False}
    assert client.post(_url(production, contract), data).status_code == 302
    assert contract.history.count() == rows
