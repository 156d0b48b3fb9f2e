"""In Chromium: opening an edit form and saving it untouched keeps every stored value.

Dates travel through ``<input type=date>`` (ISO values only) and amounts through the
French number inputs; the rows are compared before and after, field by field.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.forms.models import model_to_dict
from playwright.sync_api import Page, expect

from tournage.web.budget.models import Expense
from tournage.web.productions.models import Location, Person, Production, Role

from .browser import assert_accessible, log_in, user_with_role

pytestmark = pytest.mark.django_db(transaction=True)


def _saved_untouched(page: Page, url: str, instance: Any) -> None:
    before = model_to_dict(type(instance).objects.get(pk=instance.pk))
    page.goto(url)
    assert_accessible(page)
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.locator(".errorlist")).to_have_count(0)
    assert model_to_dict(type(instance).objects.get(pk=instance.pk)) == before


def test_saving_edit_forms_untouched_loses_nothing(page: Page, live_server: Any) -> None:
    production = Production.objects.create(
        title="Les Hautes Eaux",
        format="short",
        budget_envelope=Decimal("95000.00"),
        shoot_start=date(2027, 4, 19),
        pace_pages_per_day=Decimal("2.50"),
        channels=["dcp_cinema"],
    )
    child = Person.objects.create(
        production=production,
        key="ines-marty",
        first_name="Inès",
        last_name="Marty",
        kind="cast",
        birth_date=date(2016, 9, 14),
        daily_rate=Decimal("1500.50"),
        home_latitude=43.9301,
        home_longitude=2.1478,
    )
    lock = Location.objects.create(
        production=production,
        key="ecluse",
        name="Écluse de Lavaur",
        latitude=43.6990,
        longitude=1.8190,
        available_from=date(2027, 4, 19),
        available_to=date(2027, 5, 7),
    )
    expense = Expense.objects.create(
        production=production,
        date=date(2027, 3, 15),
        account="4.1",
        supplier="Loueur",
        amount_ht=Decimal("12345.67"),
        vat_rate=Decimal("20.00"),
    )
    user_with_role("claire", production, Role.PRODUCER)
    log_in(page, live_server.url, "claire")
    base = f"{live_server.url}/p/{production.pk}"

    page.goto(f"{base}/people/{child.pk}/")
    expect(page.get_by_label("Date de naissance")).to_have_value("2016-09-14")
    expect(page.get_by_label("Tarif journalier (brut)")).to_have_value("1\u202f500,50")

    _saved_untouched(page, f"{base}/edit/", production)
    _saved_untouched(page, f"{base}/people/{child.pk}/", child)
    _saved_untouched(page, f"{base}/locations/{lock.pk}/", lock)
    _saved_untouched(page, f"{base}/budget/expenses/{expense.pk}/", expense)

    page.goto(f"{base}/budget/expenses/{expense.pk}/")
    page.get_by_label("Montant HT").fill("1 500,50")
    page.get_by_role("button", name="Enregistrer").click()
    expense.refresh_from_db()
    assert expense.amount_ht == Decimal("1500.50")
    assert expense.date == date(2027, 3, 15)
