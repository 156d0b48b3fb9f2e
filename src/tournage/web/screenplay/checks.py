"""Referential checks answered by the breakdown: scenes broken down, minors flagged."""

from __future__ import annotations

from datetime import date

from tournage.labor.calendar import needs_child_authorisation
from tournage.referential.registry import CheckResult, Evidence, register_check
from tournage.referential.verdicts import coverage, present, unknown
from tournage.web.productions.api import production_url
from tournage.web.productions.models import Production

from .services import current_version

NO_SCRIPT = "Aucun scénario importé : le dépouillement n'existe pas encore."


def _breakdown(production: Production) -> Evidence:
    return Evidence("Dépouillement", production_url("screenplay:index", production))


@register_check("c1_2_2.every_scene_broken_down")
def every_scene_broken_down(production: Production) -> CheckResult:
    version = current_version(production)
    if version is None:
        return unknown(NO_SCRIPT)
    scenes = list(version.scenes.filter(omitted=False).prefetch_related("tags"))
    missing = []
    for scene in scenes:
        gaps = [
            label
            for label, ok in (
                ("décor", scene.set_name or scene.location),
                ("jour/nuit", scene.day_night),
                ("personnages", scene.characters or scene.non_speaking or scene.tags.exists()),
                ("longueur", scene.eighths),
            )
            if not ok
        ]
        if gaps:
            missing.append(f"{scene.key} ({', '.join(gaps)})")
    return coverage(
        len(scenes),
        missing,
        met=f"Les {len(scenes)} scènes ont décor, effet, personnages et longueur.",
        not_met="Scènes incomplètes",
        empty="Le scénario importé n'a aucune scène.",
        source="Dépouillement du scénario (version courante)",
        evidence=(_breakdown(production),),
    )


@register_check("c1_2_2.minors_flagged")
def minors_flagged(production: Production) -> CheckResult:
    version = current_version(production)
    if version is None:
        return unknown(NO_SCRIPT)
    cast = list(version.characters.filter(person__isnull=False).select_related("person"))
    if not cast:
        return unknown("Aucun personnage n'est relié à un interprète : âges inconnus.")
    day = production.shoot_start or date.today()
    minors = {
        c.name
        for c in cast
        if c.person is not None and needs_child_authorisation(c.person.birth_date, day)
    }
    scenes = [
        s for s in version.scenes.filter(omitted=False) if minors & {*s.characters, *s.non_speaking}
    ]
    unflagged = [s.key for s in scenes if "minor" not in s.risk_codes]
    if not minors:
        return present(
            True,
            met="Aucun interprète de moins de 16 ans dans la distribution reliée.",
            not_met="",
            source="Code du travail L.7124-1 (data/labor/child_actors.yaml)",
        )
    return coverage(
        len(scenes),
        unflagged,
        met=f"{len(scenes)} scène(s) avec un enfant ({', '.join(sorted(minors))}), "
        "toutes signalées.",
        not_met="Scènes avec un enfant non signalées",
        empty="Les enfants de la distribution n'apparaissent dans aucune scène.",
        source="Code du travail L.7124-1 (data/labor/child_actors.yaml)",
        evidence=(_breakdown(production),),
        action="Ajouter le risque « Mineur sur le plateau » aux scènes concernées.",
    )
