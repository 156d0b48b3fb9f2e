"""Build the safety core's plain objects from the models and the teams' register."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from tournage.safety import briefings, checklist, duer, incidents, inclusion
from tournage.safety.rules import CHECKLIST
from tournage.web.budget import api as budget_api
from tournage.web.labor import api as labor_api
from tournage.web.productions.models import Production

from .models import Briefing, Hazard, HeadOfDepartment, Incident, LocationCheck, SafetyFile


def safety_file(production: Production) -> SafetyFile:
    """The production's row, unsaved when nothing was recorded yet."""
    found = SafetyFile.objects.filter(production=production).first()
    return found or SafetyFile(production=production)


@transaction.atomic
def sync_hazards(production: Production) -> int:
    """One DUER line per risk of the teams' register; ratings already given are kept."""
    created = 0
    for risk in labor_api.risk_entries(production):
        _, new = Hazard.objects.get_or_create(
            production=production,
            scene=risk.scene,
            code=risk.code,
            defaults={"label": risk.label},
        )
        created += new
    return created


def hazards(production: Production) -> list[duer.Hazard]:
    """The DUER's hazards: register lines take measures and owner from the register."""
    register = {(r.scene, r.code): r for r in labor_api.risk_entries(production)}
    out = []
    for row in production.safety_hazards.all():
        risk = register.get((row.scene, row.code)) if row.scene else None
        if row.scene and risk is None:
            continue  # the risk left the register: its rating no longer applies
        out.append(
            duer.Hazard(
                label=risk.label if risk else row.label,
                severity=row.severity,
                likelihood=row.likelihood,
                measures=risk.measures if risk else tuple(row.measures.splitlines()),
                owner=risk.owner if risk else row.owner,
                due=row.due,
                done=row.done,
                scene=row.scene,
                ref=row.pk,
            )
        )
    return out


def duer_report(production: Production) -> duer.DuerReport:
    return duer.evaluate(
        safety_file(production).duer_established, hazards(production), timezone.localdate()
    )


def risky_scenes(production: Production) -> list[briefings.RiskyScene]:
    """Each scene of the risk register with its measures, owners and latest briefing."""
    by_scene: dict[str, list[Any]] = defaultdict(list)
    for risk in labor_api.risk_entries(production):
        by_scene[risk.scene].append(risk)
    latest: dict[str, Briefing] = {}
    for row in production.safety_briefings.prefetch_related("attendees"):
        if row.scene not in latest or row.held_at > latest[row.scene].held_at:
            latest[row.scene] = row
    return [
        briefings.RiskyScene(
            scene,
            tuple(r.label for r in risks),
            all(r.measures for r in risks),
            all(r.owner.strip() for r in risks),
            latest[scene].held_at if scene in latest else None,
            latest[scene].attendees.count() if scene in latest else 0,
        )
        for scene, risks in sorted(by_scene.items())
    ]


def answers(production: Production, location: Any) -> dict[str, bool | None]:
    """The location's checklist answers, the teams' accessibility items included."""
    check = LocationCheck.objects.filter(location=location).first()
    typed = dict(check.answers) if check else {}
    teams = labor_api.location_access(production).get(location.pk, {})
    merged: dict[str, bool | None] = {}
    for item in CHECKLIST.load().items:
        value = teams.get(item.teams) if item.teams else typed.get(item.id)
        merged[item.id] = value if isinstance(value, bool) else None
    return merged


def checklist_status(production: Production, location: Any) -> checklist.LocationStatus:
    return checklist.status(str(location), answers(production, location))


def location_statuses(
    production: Production, *, used_only: bool, group: str | None = None
) -> list[checklist.LocationStatus]:
    places = labor_api.locations_used(production) if used_only else production.locations.all()
    return [checklist.status(str(place), answers(production, place), group) for place in places]


def core_incident(row: Incident) -> incidents.Incident:
    return incidents.Incident(
        label=f"{timezone.localtime(row.occurred_at):%d/%m/%Y} {row.description[:60]}",
        occurred=row.occurred_at,
        accident=row.accident,
        action=row.action,
        closed=row.closed_on,
        known=row.known_at,
        declared=row.declared_at,
    )


def incident_findings(production: Production, now: datetime | None = None) -> list[Any]:
    rows = production.safety_incidents.all()
    return incidents.findings((core_incident(r) for r in rows), now or timezone.now())


def heads(production: Production) -> dict[str, inclusion.Head]:
    return {
        row.post: inclusion.Head(row.post, row.holder, row.sex)
        for row in HeadOfDepartment.objects.filter(production=production).select_related("person")
    }


def parity(production: Production) -> inclusion.ParityResult:
    return inclusion.parity(heads(production), safety_file(production).work_kind)


def heads_form_required(production: Production) -> bool:
    return inclusion.form_required(budget_api.aid_ids(production))


def production_headcount(production: Production) -> int:
    """People under contract for this production (shown beside the company headcount)."""
    return len(labor_api.team_plan(production.pk).workers)


def summary(production: Production) -> dict[str, Any]:
    """The figures of the overview and the dashboard panel."""
    report = duer_report(production)
    scenes = risky_scenes(production)
    used = location_statuses(production, used_only=True)
    codes = [f.code for f in incident_findings(production)]
    return {
        "duer_established": report.established,
        "hazards": len(report.hazards),
        "duer_findings": len(report.findings),
        "risky_scenes": len(scenes),
        "scenes_incomplete": sum(1 for s in scenes if s.missing()),
        "open_incidents": codes.count("SAF-INCIDENT-OPEN"),
        "accidents_late": sum(1 for code in codes if code.startswith("SAF-ACCIDENT")),
        "locations_used": len(used),
        "locations_incomplete": sum(1 for s in used if not s.complete),
    }
