"""Deleting a person or a location works (it answered 500 before: issue 14, item 7)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tournage.web.productions.models import Location, Person

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("factory", "url_name", "kwarg", "model"),
    [
        ("make_person", "productions:person_delete", "person_id", Person),
        ("make_location", "productions:location_delete", "location_id", Location),
    ],
)
def test_delete_confirms_then_deletes(
    request: pytest.FixtureRequest,
    production: Any,
    member_client: Any,
    factory: str,
    url_name: str,
    kwarg: str,
    model: Any,
) -> None:
    item = request.getfixturevalue(factory)(production)
    url = reverse(url_name, kwargs={"production_id": production.pk, kwarg: item.pk})
    client = member_client("production_manager")
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 302
    assert not model.objects.filter(pk=item.pk).exists()
