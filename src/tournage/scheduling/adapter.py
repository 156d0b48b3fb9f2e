"""From the script breakdown (``tournage.screenplay.model``) to a scheduling problem.

One décor per set name, one cast member per character (daily costs from the caller),
JOUR/NUIT from the time-of-day ``light`` of ``data/screenplay/times_of_day.yaml``
(dawn and dusk count as day; a heading without a time of day is shot by day).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from tournage.scheduling.model import Calendar, CastMember, Location, Problem, Scene
from tournage.screenplay.model import Scene as ScriptScene
from tournage.screenplay.model import Script
from tournage.screenplay.rules import times_of_day
from tournage.screenplay.sets import set_key

EXTRAS_CATEGORIES = ("extras", "silhouettes")


slug = set_key  # a décor's id: one definition, shared with the set ↔ location mapping


def _night(scene: ScriptScene) -> bool:
    if scene.day_night is None:
        return False
    time = times_of_day().times.get(scene.day_night)
    return time is not None and time.light == "night"


def _scene(scene: ScriptScene) -> Scene:
    categories: dict[str, list[str]] = scene.elements_by_category()
    extras = sum(len(categories.get(key, [])) for key in EXTRAS_CATEGORIES)
    elements = tuple(
        f"{key}: {name}"
        for key, names in sorted(categories.items())
        if key not in ("cast", *EXTRAS_CATEGORIES)
        for name in names
    )
    return Scene(
        id=scene.key,
        label=scene.heading,
        location=slug(scene.set_name or scene.location),
        eighths=max(scene.eighths, 1),
        int_ext="EXT" if scene.int_ext == "EXT" else "INT",
        day_night="NUIT" if _night(scene) else "JOUR",
        cast=tuple(dict.fromkeys(scene.characters)),
        extras=extras,
        elements=elements,
    )


def problem_from_script(
    script: Script,
    calendar: Calendar,
    daily_costs: dict[str, Decimal] | None = None,
    **settings: Any,
) -> Problem:
    """A problem with every non-omitted scene; ``settings`` go to ``Problem`` as is."""
    scenes = [_scene(scene) for scene in script.scenes if not scene.omitted]
    names = dict.fromkeys(name for scene in scenes for name in scene.cast)
    costs = daily_costs or {}
    cast = tuple(
        CastMember(id=name, name=name, daily_cost=costs.get(name, Decimal(0))) for name in names
    )
    places: dict[str, str] = {}
    for source, scene in zip((s for s in script.scenes if not s.omitted), scenes, strict=True):
        places.setdefault(scene.location, source.set_name or source.location or scene.location)
    locations = tuple(Location(id=key, name=name) for key, name in places.items())
    return Problem(
        scenes=tuple(scenes),
        cast=cast,
        locations=locations,
        calendar=calendar,
        title=script.title or "",
        **settings,
    )


def with_locations(problem: Problem, details: dict[str, Location]) -> Problem:
    """The same problem with décors replaced by fuller records (coordinates, windows)."""
    return replace(problem, locations=tuple(details.get(loc.id, loc) for loc in problem.locations))
