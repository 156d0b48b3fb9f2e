"""The development file of a production as one JSON document (``tournage development
show ID --json``)."""

from __future__ import annotations

from typing import Any

from tournage.development import benchmark as bench
from tournage.web.productions.models import Production

from . import adapters, models


def _date(value: Any) -> str | None:
    return None if value is None else value.isoformat()


def _brief(production: Production) -> dict[str, Any]:
    row = models.Brief.objects.filter(production=production).first()
    return {
        "client": row.client if row else "",
        "author": row.author if row else "",
        "audiences": row.audiences if row else "",
        "deadline": _date(row.deadline) if row else None,
        "constraints": row.constraints if row else "",
        "objectives": [
            {
                "text": o.text,
                "traces": [{"kind": t.kind, "reference": t.reference} for t in o.traces.all()],
            }
            for o in production.objectives.prefetch_related("traces")
        ],
        "channels": list(production.channels),
        "duration_minutes": production.target_duration_minutes,
        "budget_envelope": None
        if production.budget_envelope is None
        else str(production.budget_envelope),
    }


def _benchmark(production: Production) -> dict[str, Any]:
    rows = adapters.benchmark_rows(production)
    fields = (
        "title",
        "year",
        "work_format",
        "channel_kind",
        "budget",
        "budget_unknown",
        "budget_source",
        "budget_date",
        "audience",
        "audience_unit",
        "audience_unknown",
        "audience_source",
        "audience_date",
        "positioning",
    )
    stored = models.BenchmarkRow.objects.filter(production=production).values(*fields)
    findings = [
        {"code": "blank_or_unsourced", "subject": s} for s in bench.blank_or_unsourced(rows)
    ]
    findings += [{"code": "no_positioning", "subject": s} for s in bench.without_positioning(rows)]
    return {"rows": [{k: _plain(v) for k, v in r.items()} for r in stored], "findings": findings}


def _plain(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if value is not None and not isinstance(value, str | int | bool):
        return str(value)
    return value


def _distribution(production: Production) -> list[dict[str, Any]]:
    return [
        {
            "channel": p.channel,
            "versions": list(p.versions),
            "sme_versions": list(p.sme_versions),
            "ad": p.ad,
            "lsf": p.lsf,
            "age_category": p.age_category,
            "slot": p.slot,
            "release": _date(p.release),
            "territories": p.territories,
            "viewing_kgco2e": None if p.viewing_kg is None else str(p.viewing_kg),
            "carbon_source": p.carbon_source,
        }
        for p in adapters.channel_plans(production)
    ]


def document(production: Production, scheme: str | None = None) -> dict[str, Any]:
    latest = production.cdc_versions.order_by("-number").first()
    records = list(production.dossiers.all())
    chosen = next((r for r in records if r.scheme == scheme), records[0] if records else None)
    return {
        "brief": _brief(production),
        "approvals": [
            {
                "milestone": a.milestone,
                "script_version": a.script_version,
                "approved_by": a.approved_by,
                "approved_on": _date(a.approved_on),
                "what": a.what,
            }
            for a in models.Approval.objects.filter(production=production)
        ],
        "feasibility": [d.to_dict() for d in adapters.feasibility_of(production)],
        "benchmark": _benchmark(production),
        "notes": [
            {
                "kind": n.kind,
                "text": n.body,
                "objectives": [o.text for o in n.objectives.all()],
                "references": [
                    {"label": r.label, "source": r.source, "date": _date(r.date)}
                    for r in n.references.all()
                ],
            }
            for n in production.dev_notes.prefetch_related("objectives", "references")
        ],
        "cahier_des_charges": {
            "version": latest.number if latest else None,
            "sections": [
                {"id": s.id, "title": s.title, "complete": s.complete}
                for s in adapters.cdc_sections(production)
            ],
        },
        "distribution": _distribution(production),
        "dossier": None if chosen is None else adapters.assemble(production, chosen).to_dict(),
    }
