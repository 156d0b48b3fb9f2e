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
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from tournage.carbon.activities import Activity, parse_activities
from tournage.carbon.errors import CarbonError
from tournage.carbon.plan import ProductionPlan, parse_plan

ARCHIVE_FORMAT = "tournage-production-archive"
MAX_FILE_BYTES = 50 * 1024**2
MAX_MEMBER_BYTES = 200 * 1024**2
PLAN_KEYS = ("people", "locations", "days", "production")
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


def _archive_plan(productions: dict[str, Any], carbon: dict[str, Any]) -> dict[str, Any]:
    return plan_document(
        production=(_rows(productions, "productions.production") or [{}])[0],
        people=_rows(productions, "productions.person"),
        locations=_rows(productions, "productions.location"),
        profile=(_rows(carbon, "carbon.carbonprofile") or [{}])[0],
        modes={row["person"]: row.get("mode") for row in _rows(carbon, "carbon.persontravel")},
        energy={row["location"]: row for row in _rows(carbon, "carbon.locationenergy")},
    )


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
        productions = _read_member(archive, "sections/productions.json") or {}
        carbon = _read_member(archive, "sections/carbon.json") or {}
    if not isinstance(productions, dict) or not isinstance(carbon, dict):
        raise CarbonError("archive.format", "Sections de l'archive mal formées.")
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
    plan = parse_plan(_archive_plan(productions, carbon))
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
