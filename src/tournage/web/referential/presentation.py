"""What the pages show of an evaluation: labels, badges, the next action, ordered rows."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tournage.common.findings import Severity
from tournage.referential.evaluation import CheckOutcome, Evaluation, RowOutcome
from tournage.referential.registry import Status
from tournage.web.productions.models import Production

from .services import domain_label, domain_link, english, next_action, row_code, row_text

STATUS_LABELS = {
    Status.MET: pgettext_lazy("check status", "Met"),
    Status.PARTLY: pgettext_lazy("check status", "Partly met"),
    Status.NOT_MET: pgettext_lazy("check status", "Not met"),
    Status.UNKNOWN: pgettext_lazy("check status", "Data missing"),
    Status.NOT_EVALUATED: pgettext_lazy("check status", "Not evaluated yet"),
}
STATUS_BADGES = {
    Status.MET: "badge-ok",
    Status.PARTLY: "badge-warn",
    Status.NOT_MET: "badge-fail",
    Status.UNKNOWN: "badge",
    Status.NOT_EVALUATED: "badge",
}
LEVEL_LABELS = {
    Severity.FAIL: _("blocking"),
    Severity.WARN: _("warning"),
    Severity.INFO: _("information"),
}


def chart_labels() -> dict[Status, str]:
    return {status: str(label) for status, label in STATUS_LABELS.items()}


def status_view(status: Status | None) -> dict[str, Any]:
    if status is None:
        return {"value": "", "label": _("Human judgement only"), "badge": "badge"}
    return {"value": status.value, "label": STATUS_LABELS[status], "badge": STATUS_BADGES[status]}


def counts_view(counts: dict[str, int]) -> list[dict[str, Any]]:
    return [
        {**status_view(Status(value)), "count": count} for value, count in counts.items() if count
    ]


def check_view(production: Production, outcome: CheckOutcome) -> dict[str, Any]:
    spec, result = outcome.spec, outcome.result
    domain_url = domain_link(production, outcome.domain)
    return {
        "id": outcome.id,
        "row": outcome.row_id,
        "rule": spec.rule if english() else (spec.rule_fr or spec.rule),
        "status": status_view(outcome.status),
        "level": LEVEL_LABELS[outcome.severity],
        "blocking": outcome.blocking,
        "uncertain": result.uncertain,
        "message": result.message,
        "source": result.source,
        "evidence": [e for e in result.evidence if e.url],
        "documents": [e for e in result.evidence if e.file and not e.url],
        "action": next_action(outcome),
        "domain": domain_label(outcome.domain),
        "domain_url": domain_url,
    }


def row_view(production: Production, outcome: RowOutcome) -> dict[str, Any]:
    row = outcome.row
    return {
        "id": row.id,
        "kind": row.kind,
        "code": row_code(row),
        "text": row_text(row),
        "status": status_view(outcome.status),
        "counts": counts_view(outcome.counts()),
        "warnings": len(outcome.warnings),
        "checks": [check_view(production, c) for c in outcome.ordered_checks()],
    }


def blocks_view(production: Production, evaluation: Evaluation) -> list[dict[str, Any]]:
    blocks = []
    for block in evaluation.framework.blocks:
        rows = [row_view(production, r) for r in evaluation.block_rows(block.block)]
        blocks.append(
            {
                "number": block.block,
                "title": block.title_en if english() else block.title_fr,
                "counts": counts_view(evaluation.block_counts(block.block)),
                "competences": [r for r in rows if r["kind"] == "competence"],
                "criteria": [r for r in rows if r["kind"] == "criterion"],
            }
        )
    return blocks
