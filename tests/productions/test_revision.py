"""The data revision that derived pages are cached under: every committed write to a
tournage table changes it, however the write is made; bookkeeping writes do not."""

from __future__ import annotations

from itertools import count

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.db import transaction

from tournage.web.productions.models import Person, Production
from tournage.web.productions.revision import cached, revision
from tournage.web.productions.task_recovery import beat


def _person(production: Production, name: str = "Anna") -> Person:
    return Person.objects.create(production=production, first_name=name, last_name="Roy")


@pytest.mark.django_db(transaction=True)
def test_every_kind_of_committed_write_changes_the_revision() -> None:
    production = Production.objects.create(title="Film", format="short")
    writes = {
        "save": lambda: _person(production),
        "queryset update": lambda: Person.objects.update(last_name="Gal"),
        "bulk create": lambda: Person.objects.bulk_create(
            [Person(production=production, first_name="Léa", last_name="Vo")]
        ),
        "delete": lambda: Person.objects.filter(first_name="Léa").delete(),
        "cascade": production.delete,
    }
    for name, write in writes.items():
        before = revision()
        write()
        assert revision() != before, name


@pytest.mark.django_db(transaction=True)
def test_a_revision_read_inside_a_transaction_changes_when_it_commits() -> None:
    """What a concurrent request cached while the write was not yet visible is dropped."""
    production = Production.objects.create(title="Film", format="short")
    with transaction.atomic():
        _person(production)
        inside = revision()  # a page computed now would still see the old data elsewhere
    assert revision() != inside


@pytest.mark.django_db(transaction=True)
def test_sessions_and_worker_heartbeats_keep_the_revision() -> None:
    before = revision()
    SessionStore().save()
    beat("worker-1")
    assert revision() == before


@pytest.mark.django_db(transaction=True)
def test_a_cached_value_is_computed_again_after_a_write() -> None:
    production = Production.objects.create(title="Film", format="short")
    compute = count().__next__
    assert cached(("test", production.pk), compute) == 0
    assert cached(("test", production.pk), compute) == 0
    _person(production)
    assert cached(("test", production.pk), compute) == 1


@pytest.mark.django_db
def test_a_transaction_that_wrote_reads_nothing_cached(production: Production) -> None:
    """The production's creation is not committed yet (the test's transaction)."""
    compute = count().__next__
    assert [cached(("test", production.pk), compute) for _ in range(2)] == [0, 1]
