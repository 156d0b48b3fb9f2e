"""The audit trail: paged, filtered by module, user and dates through the URL."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from tournage.web.productions import audit
from tournage.web.productions.models import Person, Role


def _url(production: Any, query: str = "") -> str:
    return f"/p/{production.pk}/history/{query}"


@pytest.mark.django_db
def test_pages_hold_every_change_once(
    production: Any, make_person: Any, member_client: Any
) -> None:
    for index in range(7):
        make_person(production, last_name=f"Dupont{index}")
    client = member_client(Role.PRODUCER)
    seen: list[str] = []
    for number in (1, 2, 3):
        trail = audit.page(production.pk, audit.Filters(), number, size=3)
        seen += [f"{e._meta.model_name}:{e.history_id}" for e in trail.entries]
    assert trail.total == 9  # the production, seven people and the membership
    assert trail.num_pages == 3 and not trail.has_next
    assert len(seen) == len(set(seen)) == 9
    response = client.get(_url(production, "?page=99"))  # clamped to the last page
    assert response.status_code == 200
    assert response.context["page"].number == 1  # 9 changes fit on one page of 50


@pytest.mark.django_db
def test_filters_by_module_user_and_dates(
    production: Any, make_person: Any, member_client: Any
) -> None:
    client = member_client(Role.PRODUCER)
    person = make_person(production, last_name="Filtré")
    person.phone = "0600000000"
    person._history_user = client.user  # type: ignore[attr-defined]
    person.save()
    by_user = client.get(_url(production, f"?user={client.user.pk}"))
    assert [e.instance.last_name for e in by_user.context["page"].entries] == ["Filtré"]
    system = client.get(_url(production, "?user=system")).context["page"]
    assert system.total == 3  # the production, the membership and the person's creation
    module = client.get(_url(production, "?module=productions")).context["page"]
    assert module.total == 4
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    later = client.get(_url(production, f"?since={tomorrow}")).context["page"]
    assert later.total == 0
    today = timezone.localdate().isoformat()
    assert client.get(_url(production, f"?until={today}")).context["page"].total == 4


@pytest.mark.django_db
def test_pages_keep_the_filters_in_their_links(
    production: Any, make_person: Any, member_client: Any, monkeypatch: Any
) -> None:
    monkeypatch.setattr(audit, "PAGE_SIZE", 2)
    for index in range(4):
        make_person(production, last_name=f"Martin{index}")
    body = member_client(Role.PRODUCER).get(_url(production, "?module=productions")).content
    assert b'href="?module=productions&amp;page=2"' in body


@pytest.mark.django_db
def test_bad_filters_are_named_and_ignored(production: Any, member_client: Any) -> None:
    client = member_client(Role.PRODUCER)
    response = client.get(_url(production, "?since=demain&module=nowhere&user=x&page=-1"))
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"since", "module", "user"}
    assert response.context["page"].total == 2  # the production and the membership
    reversed_range = client.get(_url(production, "?since=2027-02-01&until=2027-01-01"))
    assert "until" in reversed_range.context["form"].errors


@pytest.mark.django_db
def test_roles_unchanged(production: Any, member_client: Any) -> None:
    for role, status in ((Role.ACCOUNTANT, 200), (Role.ECO_REFERENT, 403), (Role.CREW, 403)):
        assert (
            member_client(role).get(_url(production, "?module=productions")).status_code == status
        )


@pytest.mark.django_db
def test_filters_never_show_another_production(
    production: Any, other_production: Any, make_person: Any, member_client: Any
) -> None:
    make_person(other_production, last_name="Ailleurs")
    entries = member_client(Role.PRODUCER).get(_url(production)).context["page"].entries
    assert not [e for e in entries if isinstance(e.instance, Person)]


@pytest.mark.django_db
def test_saving_a_person_unchanged_adds_no_row_to_the_trail(
    production: Any, make_person: Any, member_client: Any
) -> None:
    person = make_person(production, home_latitude=43.93, daily_rate="310.00")
    client = member_client(Role.PRODUCER)
    url = f"/p/{production.pk}/people/{person.pk}/"
    form = client.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields}
    data = {k: "" if v is None else str(v) for k, v in data.items()}
    data["home_latitude"], data["daily_rate"] = "43,93", "310,00"  # as the French page shows
    rows = person.history.count()
    assert client.post(url, data).status_code == 302
    assert person.history.count() == rows
    data["phone"] = "0600000000"
    assert client.post(url, data).status_code == 302
    assert person.history.count() == rows + 1
