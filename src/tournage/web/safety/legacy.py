"""Older archives' data the safety file now holds (``plugins.Legacy``): the teams app's
incidents and development's heads of department, put in the register and on the CNC form
by the very functions of the migrations that moved them (with the models from the app
registry, as a migration takes them)."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

from django.apps import apps

from tournage.web.productions.archive_legacy import date_field, text_field

INCIDENTS = import_module("tournage.web.safety.migrations.0002_incidents_from_labor")
HEADS = import_module("tournage.web.safety.migrations.0003_heads_from_development")

Resolve = Callable[[str, Any], Any]


def incidents(production: Any, rows: list[dict[str, Any]], resolve: Resolve) -> None:
    model = apps.get_model("safety", "Incident")
    for row in rows:
        day = date_field(row, "labor.incident", "day", required=True)
        description = text_field(row, "labor.incident", "description")
        action = text_field(row, "labor.incident", "action")
        INCIDENTS.copy_incident(model, production.pk, day, description, action)


def heads(production: Any, rows: list[dict[str, Any]], resolve: Resolve) -> None:
    model = apps.get_model("safety", "HeadOfDepartment")
    label = "development.headofdepartment"
    for row in rows:
        department = text_field(row, label, "department")
        person = row["fields"].get("person")
        person_id = None if person is None else resolve("productions.person", person)
        planned_by = date_field(row, label, "planned_by")
        HEADS.merge_head(model, production.pk, department, person_id, planned_by)
