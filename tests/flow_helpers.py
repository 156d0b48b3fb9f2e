"""A small production carried through the flow: a script of two sets, a cast member, a
crew member with their card, one set placed at a location, an accepted plan de travail."""

from __future__ import annotations

from datetime import date
from typing import Any

from scheduling.web_helpers import SCRIPT  # two sets, CUISINE and JARDIN; ANNA and BRUNO


def plan_production(production: Any, make_person: Any) -> dict[str, Any]:
    """The production above, with ``schedule`` accepted; returns the rows made."""
    from tournage.web.productions.models import Location
    from tournage.web.scheduling import services as scheduling
    from tournage.web.screenplay.models import Character
    from tournage.web.screenplay.services import import_script

    production.shoot_start = date(2027, 3, 1)
    production.save()
    import_script(production, SCRIPT, "essai.fountain")
    anna = make_person(
        production,
        kind="cast",
        first_name="Anna",
        home_city="Paris",
        home_latitude=48.85,
        home_longitude=2.35,
    )
    Character.objects.filter(production=production, name="ANNA").update(person=anna)
    crew = make_person(
        production,
        kind="crew",
        functions="Chef opérateur",
        daily_rate="310.00",
        home_city="Toulouse",
        home_latitude=43.6,
        home_longitude=1.44,
    )
    make_person(
        production, kind="contact", home_city="Lille", home_latitude=50.63, home_longitude=3.06
    )
    maison = Location.objects.create(
        production=production,
        name="Maison Roussel",
        sets=["CUISINE"],
        city="Rabastens",
        latitude=43.88,
        longitude=1.79,
    )
    schedule = scheduling.optimise(production, seconds=2)
    assert schedule is not None
    scheduling.accept(schedule)
    return {"anna": anna, "crew": crew, "maison": maison, "schedule": schedule}
