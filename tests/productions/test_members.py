"""Members: invited by e-mail with a set-password link, removed after a confirmation."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from tournage.web.productions.models import Membership, Role

pytestmark = pytest.mark.django_db


def test_inviting_a_new_address_creates_the_account_and_mails_a_password_link(
    member_client: Any, production: Any, make_person: Any
) -> None:
    grip = make_person(production, first_name="Nadia")
    producer = member_client(Role.PRODUCER)
    response = producer.post(
        f"/p/{production.pk}/members/",
        {"email": "Nadia@Example.org", "role": Role.CREW, "person": grip.pk},
    )
    assert response.status_code == 302
    membership = Membership.objects.get(production=production, user__email="nadia@example.org")
    assert membership.role == Role.CREW and membership.person == grip
    assert not membership.user.has_usable_password()
    (message,) = mail.outbox
    assert message.to == ["nadia@example.org"]
    assert "La Traversée" in message.subject
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", message.body)
    assert link is not None

    newcomer = Client()
    form_page = newcomer.get(link.group(1), follow=True)
    assert form_page.status_code == 200
    set_url = form_page.redirect_chain[-1][0]
    newcomer.post(
        set_url, {"new_password1": "Un-mot-de-passe-long", "new_password2": "Un-mot-de-passe-long"}
    )
    login = {"username": "nadia@example.org", "password": "Un-mot-de-passe-long"}
    assert newcomer.post("/accounts/login/", login).status_code == 302
    assert newcomer.get(f"/p/{production.pk}/").status_code == 200


def test_inviting_an_existing_account_adds_it_without_a_password_link(
    member_client: Any, production: Any, make_user: Any
) -> None:
    known = make_user("claire")
    known.email = "claire@example.org"
    known.save()
    member_client(Role.PRODUCER).post(
        f"/p/{production.pk}/members/", {"email": "claire@example.org", "role": Role.ACCOUNTANT}
    )
    assert production.memberships.get(user=known).role == Role.ACCOUNTANT
    assert "/accounts/reset/" not in mail.outbox[0].body
    assert get_user_model().objects.filter(email="claire@example.org").count() == 1


def test_inviting_a_member_twice_is_refused(member_client: Any, production: Any) -> None:
    producer = member_client(Role.PRODUCER)
    url = f"/p/{production.pk}/members/"
    producer.post(url, {"email": "a@example.org", "role": Role.CREW})
    again = producer.post(url, {"email": "A@example.org", "role": Role.CREW})
    assert again.status_code == 200
    assert "déjà membre" in again.content.decode()


def test_removal_asks_first_then_removes(member_client: Any, production: Any) -> None:
    producer = member_client(Role.PRODUCER)
    crew = member_client(Role.CREW)
    membership = production.memberships.get(user=crew.user)
    url = f"/p/{production.pk}/members/{membership.pk}/remove/"
    page = producer.get(url)
    assert page.status_code == 200
    assert "Retirer" in page.content.decode()
    assert production.memberships.filter(pk=membership.pk).exists()
    assert producer.post(url).status_code == 302
    assert not production.memberships.filter(pk=membership.pk).exists()


def test_the_last_producer_stays(member_client: Any, production: Any) -> None:
    producer = member_client(Role.PRODUCER)
    membership = production.memberships.get(user=producer.user)
    producer.post(f"/p/{production.pk}/members/{membership.pk}/remove/")
    assert production.memberships.filter(pk=membership.pk).exists()
