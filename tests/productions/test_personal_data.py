"""Personal data of others by role: contacts and age for the producer and the production
manager, pay for the accountant too, nothing for the eco-referent and crew."""

from __future__ import annotations

from typing import Any

import pytest

from tournage.web.productions.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def child(production: Any, make_person: Any) -> Any:
    return make_person(
        production,
        kind="cast",
        first_name="Inès",
        birth_date="2016-09-14",
        daily_rate="250.00",
        phone="06 12 34 56 78",
        email="ines@example.org",
    )


@pytest.mark.parametrize(
    ("role", "sees_contacts", "sees_pay"),
    [
        (Role.PRODUCER, True, True),
        (Role.PRODUCTION_MANAGER, True, True),
        (Role.ACCOUNTANT, False, True),
        (Role.ECO_REFERENT, False, False),
        (Role.CREW, False, False),
    ],
)
def test_person_page_shows_what_the_role_may_see(
    role: str, sees_contacts: bool, sees_pay: bool, member_client: Any, production: Any, child: Any
) -> None:
    page = member_client(role).get(f"/p/{production.pk}/people/{child.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert ("2016-09-14" in html) is sees_contacts
    assert ("06 12 34 56 78" in html) is sees_contacts
    assert ('name="daily_rate"' in html) is sees_pay
    assert (">Enregistrer</button>" in html) is (role in (Role.PRODUCER, Role.PRODUCTION_MANAGER))


@pytest.mark.parametrize("role", [Role.ACCOUNTANT, Role.ECO_REFERENT, Role.CREW])
def test_people_list_hides_contacts_from_who_may_not_see_them(
    role: str, member_client: Any, production: Any, child: Any
) -> None:
    html = member_client(role).get(f"/p/{production.pk}/people/").content.decode()
    assert "Inès" in html
    assert "ines@example.org" not in html
    assert "06 12 34 56 78" not in html


def test_a_reader_cannot_save_a_person(member_client: Any, production: Any, child: Any) -> None:
    response = member_client(Role.ECO_REFERENT).post(
        f"/p/{production.pk}/people/{child.pk}/", {"first_name": "X", "last_name": "Y"}
    )
    assert response.status_code == 403
    child.refresh_from_db()
    assert child.first_name == "Inès"
