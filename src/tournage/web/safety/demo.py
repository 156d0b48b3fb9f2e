"""Demo step: the demo production's DUER, briefings, checklists, incidents and heads."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from importlib.resources import files
from typing import Any

import yaml
from django.utils import timezone

from tournage.web.labor import api as labor_api
from tournage.web.productions.models import Location, Person, Production

from . import services
from .models import Briefing, Hazard, HeadOfDepartment, Incident, LocationCheck, SafetyFile


def _data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(
        files(__package__).joinpath("demo_safety.yaml").read_text(encoding="utf-8")
    )
    return data


def _aware(value: str) -> datetime:
    return timezone.make_aware(datetime.fromisoformat(value))


def _maybe(value: str | None) -> datetime | None:
    return _aware(value) if value else None


def load_demo_safety(production: Production) -> None:
    data = _data()
    people = _people(production)
    SafetyFile.objects.update_or_create(
        production=production,
        defaults={
            **{k: v for k, v in data["file"].items() if k != "disability_referent"},
            "disability_referent": people.get(data["file"]["disability_referent"]),
        },
    )
    _duer(production, data)
    _briefings(production, data, people)
    _checklists(production, data)
    _incidents(production, data, people)
    for post, (key, sex) in data["heads"].items():
        person = people.get(key)
        HeadOfDepartment.objects.update_or_create(
            production=production,
            post=post,
            defaults={"person": person, "name": "" if person else key, "sex": sex},
        )


def _people(production: Production) -> dict[str, Person]:
    return {p.key: p for p in production.people.all()}


def _shoot_start(production: Production) -> date:
    return production.shoot_start or timezone.localdate()


def _duer(production: Production, data: dict[str, Any]) -> None:
    services.sync_hazards(production)
    due = _shoot_start(production) - timedelta(days=data["due_days_before_shoot"])
    for hazard in Hazard.objects.filter(production=production).exclude(scene=""):
        if hazard.severity is None:
            severity, likelihood = data["ratings"].get(hazard.code, data["default_rating"])
            hazard.severity, hazard.likelihood, hazard.due = severity, likelihood, due
            hazard.save()
    for row in data["general_hazards"]:
        Hazard.objects.get_or_create(
            production=production, scene="", label=row["label"], defaults={**row, "due": due}
        )


def _briefings(production: Production, data: dict[str, Any], people: dict[str, Person]) -> None:
    spec = data["briefing"]
    days = {r.scene: r.day for r in labor_api.risk_entries(production)}
    for scene, day in sorted(days.items()):
        when = datetime.combine(day or _shoot_start(production), time.fromisoformat(spec["time"]))
        briefing, new = Briefing.objects.get_or_create(
            production=production,
            scene=scene,
            defaults={
                "held_at": timezone.make_aware(when),
                "given_by": spec["given_by"],
                "notes": spec["notes"],
            },
        )
        if new:
            briefing.attendees.set([people[k] for k in spec["attendees"] if k in people])


def _checklists(production: Production, data: dict[str, Any]) -> None:
    today = _shoot_start(production) - timedelta(days=7)
    for location in Location.objects.filter(production=production):
        LocationCheck.objects.update_or_create(
            location=location,
            defaults={
                "production": production,
                "answers": data["checklist"],
                "checked_on": today,
                "checked_by": data["checked_by"],
            },
        )


def _incidents(production: Production, data: dict[str, Any], people: dict[str, Person]) -> None:
    places = {p.key: p for p in production.locations.all()}
    for row in data["incidents"]:
        Incident.objects.update_or_create(
            production=production,
            occurred_at=_aware(row["occurred_at"]),
            defaults={
                "description": row["description"],
                "location": places.get(row["location"]),
                "accident": row.get("accident", False),
                "victim": people.get(row.get("victim", "")),
                "known_at": _maybe(row.get("known_at")),
                "declared_at": _maybe(row.get("declared_at")),
                "action": row["action"],
                "closed_on": row["closed_on"],
            },
        )
