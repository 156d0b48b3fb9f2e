"""Duplicates removed without loss: the teams app's incidents move into the safety file's
register without doubling a row it already holds (safety 0002, labor 0006); the
development app's heads of department merge into the CNC form (safety 0003,
development 0004)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("labor", "0005_child_guardian_schooling"), ("safety", "0001_initial")]


def _migrate(targets: list[tuple[str, str]] | None = None) -> Any:
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps if targets else None


@pytest.mark.django_db(transaction=True)
def test_labor_incidents_are_copied_into_the_safety_register(production: Any) -> None:
    from tournage.web.safety.models import Incident

    old = _migrate(BEFORE)
    labor, safety = old.get_model("labor", "Incident"), old.get_model("safety", "Incident")
    zone = ZoneInfo(settings.TIME_ZONE)
    safety.objects.create(
        production_id=production.pk,
        occurred_at=datetime(2027, 4, 19, 15, 20, tzinfo=zone),
        description="Glissade sur le ponton.",
        action="Tapis posé.",
    )
    for day, text, action in (
        (date(2027, 4, 19), "Glissade sur le ponton.", "Tapis posé."),  # already there
        (date(2027, 4, 20), "Projecteur tombé, sans blessé.", "Élingue ajoutée."),
        (date(2027, 4, 21), "Câble arraché.", ""),
    ):
        labor.objects.create(production_id=production.pk, day=day, description=text, action=action)
    _migrate()
    rows = [
        (timezone.localtime(i.occurred_at).date(), i.description, i.action)
        for i in Incident.objects.filter(production=production).order_by("occurred_at")
    ]
    assert rows == [
        (date(2027, 4, 19), "Glissade sur le ponton.", "Tapis posé."),
        (date(2027, 4, 20), "Projecteur tombé, sans blessé.", "Élingue ajoutée."),
        (date(2027, 4, 21), "Câble arraché.", ""),
    ]
    assert "labor_incident" not in connection.introspection.table_names()


BEFORE_HEADS = [
    ("development", "0003_age_category_to_rights"),
    ("safety", "0002_incidents_from_labor"),
]


@pytest.mark.django_db(transaction=True)
def test_development_heads_are_merged_into_the_cnc_form(production: Any, make_person: Any) -> None:
    from tournage.web.safety.models import HeadOfDepartment

    named, declared = make_person(production), make_person(production)
    old = _migrate(BEFORE_HEADS)
    dev = old.get_model("development", "HeadOfDepartment")
    form = old.get_model("safety", "HeadOfDepartment")
    form.objects.create(
        production_id=production.pk, post="director", person_id=declared.pk, sex="f"
    )
    for department, person, planned in (
        ("realisation", named.pk, None),  # the form's declared holder stays
        ("image", named.pk, None),  # a post the form did not hold yet
        ("costumes", None, date(2027, 3, 1)),  # only planned
    ):
        dev.objects.create(
            production_id=production.pk, department=department, person_id=person, planned_by=planned
        )
    _migrate()
    heads = {
        h.post: (h.person_id, h.sex, h.planned_by)
        for h in HeadOfDepartment.objects.filter(production=production)
    }
    assert heads == {
        "director": (declared.pk, "f", None),
        "cinematographer": (named.pk, "", None),
        "costume_designer": (None, "", date(2027, 3, 1)),
    }
    assert "development_headofdepartment" not in connection.introspection.table_names()
