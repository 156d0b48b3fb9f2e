"""What other apps may call in the safety app (the follow-up's daily report, call sheet)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone

from tournage.safety.duer import priority
from tournage.safety.incidents import declaration_deadline
from tournage.safety.inclusion import oeth, referent_required
from tournage.web.labor import api as labor_api
from tournage.web.productions.models import Production

from . import services


def incident_register(production: Production) -> list[dict[str, Any]]:
    """Every incident and accident of the safety file, in order (the teams app's risk
    page and observation report read them here)."""
    return [
        {
            "date": timezone.localtime(row.occurred_at).date(),
            "description": row.description,
            "action": row.action,
            "accident": row.accident,
            "closed_on": row.closed_on,
        }
        for row in production.safety_incidents.all()
    ]


def incidents_on(production: Production, day: date) -> list[dict[str, Any]]:
    """Incidents and accidents of ``day`` (local date) with their closure and declaration."""
    rows = [
        row
        for row in production.safety_incidents.select_related("location")
        if timezone.localtime(row.occurred_at).date() == day
    ]
    out = []
    for row in rows:
        core = services.core_incident(row)
        out.append(
            {
                "occurred_at": row.occurred_at,
                "location": str(row.location or ""),
                "description": row.description,
                "accident": row.accident,
                "action": row.action,
                "closed_on": row.closed_on,
                "closed": core.is_closed,
                "declared_at": row.declared_at,
                "declaration_deadline": (
                    declaration_deadline(core.known or core.occurred) if row.accident else None
                ),
            }
        )
    return out


def heads_of_department(production: Production) -> dict[str, str]:
    """Post of the parity grid → its holder, or the date by which one will be hired (the
    cahier des charges' human section reads the chefs de poste here)."""
    shown = {}
    for head in production.safety_heads.select_related("person"):
        if head.holder:
            shown[head.post] = head.holder
        elif head.planned_by is not None:
            shown[head.post] = f"à recruter avant le {head.planned_by.isoformat()}"
    return shown


def briefing_status(production: Production) -> dict[str, dict[str, Any]]:
    """Per risky scene: its risks, the latest briefing and what is still missing."""
    return {
        scene.scene: {
            "risks": list(scene.risks),
            "briefed_at": scene.briefed,
            "attendees": scene.attendees,
            "missing": list(scene.missing()),
        }
        for scene in services.risky_scenes(production)
    }


def _hazard(hazard: Any) -> dict[str, Any]:
    band = priority(hazard.score)
    return {
        "scene": hazard.scene,
        "label": hazard.label,
        "severity": hazard.severity,
        "likelihood": hazard.likelihood,
        "score": hazard.score,
        "priority": band.id if band else None,
        "measures": list(hazard.measures),
        "owner": hazard.owner,
        "due": hazard.due,
        "done": hazard.done,
    }


def _location(production: Production, place: Any, used: set[int]) -> dict[str, Any]:
    status = services.checklist_status(production, place)
    return {
        "location": str(place),
        "used": place.pk in used,
        "complete": status.complete,
        "no": [item.id for item in status.failing],
        "unchecked": [item.id for item in status.unanswered],
    }


def safety_document(production: Production) -> dict[str, Any]:
    """The whole file as one JSON-ready document (``tournage safety ID --json``)."""
    report = services.duer_report(production)
    file = services.safety_file(production)
    used = {place.pk for place in labor_api.locations_used(production)}
    parity = services.parity(production)
    quota = oeth(file.company_headcount, file.oeth_beneficiaries)
    return {
        "production": production.title,
        "duer": {
            "established": report.established,
            "hazards": [_hazard(h) for h in report.hazards],
            "findings": [f.to_dict() for f in report.findings],
        },
        "briefings": briefing_status(production),
        "locations": [_location(production, p, used) for p in production.locations.all()],
        "incidents": [
            row
            for day in sorted(
                {
                    timezone.localtime(i.occurred_at).date()
                    for i in production.safety_incidents.all()
                }
            )
            for row in incidents_on(production, day)
        ],
        "incident_findings": [f.to_dict() for f in services.incident_findings(production)],
        "inclusion": {
            "company_headcount": file.company_headcount,
            "oeth_required": quota.required,
            "oeth_subject": quota.subject,
            "oeth_declared": quota.declared,
            "referent": str(file.disability_referent or "") or None,
            "referent_required": referent_required(file.company_headcount),
            "parity": {
                "kind": parity.kind,
                "women_points": parity.women_points,
                "total": parity.total if parity.grid else None,
                "stated_total": parity.stated_total,
                "threshold": parity.threshold,
                "unknown_posts": [post.id for post in parity.unknown_posts],
            },
            "heads_form_required": services.heads_form_required(production),
        },
    }


__all__ = [
    "briefing_status",
    "heads_of_department",
    "incident_register",
    "incidents_on",
    "safety_document",
]
