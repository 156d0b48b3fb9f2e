"""Files the CLI reads: a production export archive (zip), or a JSON/YAML document with
``activities`` and/or a production plan. Read without Django.

The archive is the foundation's: ``manifest.json`` plus ``sections/<name>.json``, each a
mapping ``"app.model" -> [{"pk", "fields", "m2m"}]``.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from tournage.carbon.activities import Activity, parse_activities
from tournage.carbon.errors import CarbonError
from tournage.carbon.plan import ProductionPlan, parse_plan
from tournage.common.errors import DomainError
from tournage.scheduling import problem_io
from tournage.scheduling.planned import PlannedDay, planned_days

ARCHIVE_FORMAT = "tournage-production-archive"
MAX_FILE_BYTES = 50 * 1024**2
MAX_MEMBER_BYTES = 200 * 1024**2
PLAN_KEYS = ("people", "locations", "days", "production")
SECTIONS = ("productions", "carbon", "scheduling", "screenplay")  # what the forecast reads
PROFILE_KEYS = ("vehicles", "post_production", "distribution", "options", "overrides")


@dataclass(frozen=True)
class Source:
    title: str
    plan: ProductionPlan | None
    activities: tuple[Activity, ...]
    checklist: dict[str, bool]


def _rows(section: dict[str, Any], label: str) -> list[dict[str, Any]]:
    rows = section.get(label) or []
    return [
        {**(row.get("fields") or {}), "id": row.get("pk")}
        for row in rows
        if isinstance(row, dict) and isinstance(row.get("fields", {}), dict)
    ]


def plan_document(
    production: Mapping[str, Any],
    people: Iterable[Mapping[str, Any]],
    locations: Iterable[Mapping[str, Any]],
    profile: Mapping[str, Any],
    modes: Mapping[Any, str | None],
    energy: Mapping[Any, Mapping[str, Any]],
) -> dict[str, Any]:
    """The plan document (see plan.parse_plan) of a production stored as rows: the
    foundation's Production/Person/Location fields plus the carbon app's settings."""
    plan_locations, days = [], []
    for row in locations:
        extra = energy.get(row["id"], {})
        plan_locations.append(
            {
                "id": str(row["id"]),
                "name": row.get("name"),
                "city": row.get("city"),
                "lat": row.get("latitude"),
                "lon": row.get("longitude"),
                "power_source": extra.get("power_source") or row.get("power_source"),
                "energy_kwh_per_day": extra.get("energy_kwh_per_day"),
                "fuel_l_per_day": extra.get("fuel_l_per_day"),
            }
        )
        if extra.get("shooting_days"):
            days.append({"location": str(row["id"]), "count": extra["shooting_days"]})
    plan_people = [
        {
            "id": str(row["id"]),
            "name": f"{row.get('first_name', '')} {row.get('last_name', '')}".strip(),
            "home_city": row.get("home_city"),
            "lat": row.get("home_latitude"),
            "lon": row.get("home_longitude"),
            "mode": modes.get(row["id"]),
        }
        for row in people
    ]
    return {
        "production": {
            "title": production.get("title"),
            "format": production.get("format"),
            "duration_minutes": production.get("target_duration_minutes"),
            "country": production.get("country"),
        },
        "people": plan_people,
        "locations": plan_locations,
        "days": days,
        **{key: profile.get(key) for key in PROFILE_KEYS},
        "catering": {
            "menu": profile.get("menu") or None,
            "extra_meals_per_day": profile.get("extra_meals_per_day"),
        },
    }


def scheduled_days(days: Iterable[PlannedDay], crew: Iterable[Any]) -> list[dict[str, Any]]:
    """Plan days from a plan de travail (instead of days typed per location): date and
    location, its company moves, the crew every day and the cast on the days of their
    scenes. Days and moves of a décor placed at no location are left out (the web page
    lists them)."""
    crew_ids = [str(pk) for pk in crew]
    return [
        {
            "location": str(day.location_id),
            "date": day.day.isoformat(),
            "people": crew_ids + [str(pk) for pk in day.cast_ids],
            "moves": [
                {"from": str(move.origin_id), "to": str(move.destination_id)}
                for move in day.moves
                if move.origin_id is not None and move.destination_id is not None
            ],
        }
        for day in days
        if day.location_id is not None
    ]


def _archive_plan(sections: Mapping[str, dict[str, Any]]) -> dict[str, Any]:
    productions, carbon = sections["productions"], sections["carbon"]
    people = _rows(productions, "productions.person")
    document = plan_document(
        production=(_rows(productions, "productions.production") or [{}])[0],
        people=people,
        locations=_rows(productions, "productions.location"),
        profile=(_rows(carbon, "carbon.carbonprofile") or [{}])[0],
        modes={row["person"]: row.get("mode") for row in _rows(carbon, "carbon.persontravel")},
        energy={row["location"]: row for row in _rows(carbon, "carbon.locationenergy")},
    )
    days = _archive_schedule(sections)
    if days is not None:
        crew = [row["id"] for row in people if row.get("kind") == "crew"]
        document["days"] = scheduled_days(days, crew)
    return document


def _archive_schedule(sections: Mapping[str, dict[str, Any]]) -> tuple[PlannedDay, ...] | None:
    """The archived current plan de travail's days, as the web app reads them."""
    scheduling, screenplay = sections["scheduling"], sections["screenplay"]
    current = [r for r in _rows(scheduling, "scheduling.schedule") if r.get("status") == "current"]
    if not current:
        return None
    schedule = current[0]["id"]
    try:
        dates = {
            row["id"]: date.fromisoformat(row["date"])
            for row in _rows(scheduling, "scheduling.shootingday")
            if row.get("schedule") == schedule
        }
        assignment = {
            str(row["scene_key"]): dates[row["day"]]
            for row in _rows(scheduling, "scheduling.sceneassignment")
            if row.get("schedule") == schedule and row.get("day") is not None
        }
        problem = problem_io.from_dict(current[0]["problem"])
        places = {
            row["id"]: [str(row.get("name") or ""), *(row.get("sets") or [])]
            for row in _rows(sections["productions"], "productions.location")
        }
        return planned_days(problem, assignment, places, _archive_cast(screenplay))
    except (DomainError, KeyError, TypeError, ValueError) as bad:
        raise CarbonError("archive.schedule", "Plan de travail illisible dans l'archive.") from bad


def _archive_cast(screenplay: dict[str, Any]) -> dict[str, Any]:
    """Character -> person: the latest script version's casting wins (as in the app)."""
    numbers = {r["id"]: r.get("number") or 0 for r in _rows(screenplay, "screenplay.scriptversion")}
    rows = sorted(
        _rows(screenplay, "screenplay.character"), key=lambda r: numbers.get(r.get("version"), 0)
    )
    return {str(row.get("name")): row["person"] for row in rows if row.get("person")}


def _read_member(archive: zipfile.ZipFile, name: str) -> Any:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_MEMBER_BYTES:
        raise CarbonError("archive.too_large", f"{name} est trop volumineux.")
    try:
        return json.loads(archive.read(info))
    except (ValueError, zipfile.BadZipFile, OSError) as bad:
        raise CarbonError("archive.unreadable", f"{name} est illisible dans l'archive.") from bad


def read_archive(path: Path) -> Source:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as bad:
        raise CarbonError("archive.unreadable", "Archive zip illisible.") from bad
    with archive:
        for info in archive.infolist():
            member = PurePosixPath(info.filename)
            if member.is_absolute() or ".." in member.parts:
                raise CarbonError(
                    "archive.unsafe", f"Chemin dangereux dans l'archive : {info.filename}"
                )
        manifest = _read_member(archive, "manifest.json")
        if not isinstance(manifest, dict) or manifest.get("format") != ARCHIVE_FORMAT:
            raise CarbonError(
                "archive.format", "Ce zip n'est pas une archive de production tournage."
            )
        sections = {name: _read_member(archive, f"sections/{name}.json") or {} for name in SECTIONS}
    if not all(isinstance(section, dict) for section in sections.values()):
        raise CarbonError("archive.format", "Sections de l'archive mal formées.")
    carbon = sections["carbon"]
    activities = parse_activities(
        {
            "activities": [
                {
                    **row,
                    "evidence": (row.get("evidence") or {}).get("name", "")
                    if isinstance(row.get("evidence"), dict)
                    else row.get("evidence"),
                }
                for row in _rows(carbon, "carbon.carbonactivity")
            ]
        }
    )
    plan = parse_plan(_archive_plan(sections))
    profile = (_rows(carbon, "carbon.carbonprofile") or [{}])[0]
    return Source(
        title=plan.title,
        plan=plan,
        activities=tuple(activities),
        checklist=_checklist(profile.get("checklist")),
    )


def _checklist(raw: Any) -> dict[str, bool]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise CarbonError("file.shape", "« checklist » doit associer chaque action à vrai ou faux.")
    return {str(key): bool(value) for key, value in raw.items()}


def read_document(path: Path) -> Source:
    text = path.read_text(encoding="utf-8", errors="strict")
    try:
        document = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError) as bad:
        raise CarbonError(
            "file.syntax", f"Fichier illisible ({path.name}) : syntaxe JSON/YAML invalide."
        ) from bad
    if not isinstance(document, dict):
        raise CarbonError("file.shape", "Le fichier doit contenir un objet JSON/YAML.")
    has_plan = any(key in document for key in PLAN_KEYS)
    if "activities" not in document and not has_plan:
        raise CarbonError(
            "file.shape", "Le fichier ne contient ni « activities » ni plan de production."
        )
    activities = parse_activities(document) if "activities" in document else []
    plan = parse_plan(document) if has_plan else None
    return Source(
        title=plan.title if plan else path.stem,
        plan=plan,
        activities=tuple(activities),
        checklist=_checklist(document.get("checklist")),
    )


def load_source(path: Path) -> Source:
    """Archive or document, with a French error for anything unreadable."""
    try:
        size = path.stat().st_size
    except OSError as missing:
        raise CarbonError("file.missing", f"Fichier introuvable : {path}") from missing
    if size > MAX_FILE_BYTES and not zipfile.is_zipfile(path):
        raise CarbonError("file.too_large", "Fichier trop volumineux.")
    if zipfile.is_zipfile(path):
        return read_archive(path)
    try:
        return read_document(path)
    except UnicodeDecodeError as bad:
        raise CarbonError("file.encoding", "Le fichier n'est pas un texte UTF-8.") from bad
