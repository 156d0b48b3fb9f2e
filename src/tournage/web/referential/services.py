"""Evaluate a production through the registry, keep the day's snapshot, read judgements.

The referential app knows no other domain: the checks come from the evaluators each
domain registers (``<app>/checks.py``), the links from the domains' own URL names.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from tournage.referential.document import evaluation_document
from tournage.referential.evaluation import CheckOutcome, Evaluation, evaluate
from tournage.referential.framework import FRAMEWORK, Row
from tournage.referential.registry import Status
from tournage.web.plugins import domain_configs
from tournage.web.productions.models import Production

from .models import Judgement, Snapshot


def evaluate_production(
    production: Production, only: Callable[[str], bool] | None = None
) -> Evaluation:
    return evaluate(production, only=only)


@transaction.atomic
def record_snapshot(production: Production, evaluation: Evaluation) -> Snapshot:
    """Today's snapshot: one per day, the last full evaluation of the day wins."""
    now = timezone.now()
    snapshot, _ = Snapshot.objects.update_or_create(
        production=production,
        taken_on=timezone.localdate(now),
        defaults={
            "taken_at": now,
            "counts": evaluation.summary(),
            "statuses": {c.id: c.status.value for c in evaluation.checks},
        },
    )
    return snapshot


def judgement_documents(production: Production) -> list[dict[str, Any]]:
    return [
        {
            "row": j.row,
            "item": j.item,
            "text": j.text,
            "verdict": j.verdict,
            "comment": j.comment,
            "date": j.decided_on,
            "by": j.decided_by.get_username() if j.decided_by else None,
        }
        for j in Judgement.objects.filter(production=production).select_related("decided_by")
    ]


def production_document(production: Production) -> dict[str, Any]:
    evaluation = evaluate_production(production)
    return evaluation_document(evaluation, judgement_documents(production))


def english() -> bool:
    return (get_language() or "fr").startswith("en")


def row_text(row: Row) -> str:
    return row.summary_en if english() else row.text_fr


def row_code(row: Row) -> str:
    """C1.1.1 for a competence, "Critère 2.4" otherwise."""
    label = FRAMEWORK.load().label(row)
    return label if row.code or not english() else label.replace("Critère", "Criterion")


def domain_link(production: Production, domain: str | None) -> str:
    """The owning domain's page, when that domain has pages."""
    if domain is None:
        return ""
    for config in domain_configs():
        if config.label == domain:
            try:
                return reverse(f"{domain}:index", kwargs={"production_id": production.pk})
            except NoReverseMatch:
                return ""
    return ""


def next_action(outcome: CheckOutcome) -> str:
    if outcome.result.action:
        return outcome.result.action
    templates = {
        Status.NOT_MET: _("Bring it into line: {message}"),
        Status.PARTLY: _("Complete what is missing: {message}"),
        Status.UNKNOWN: _("Enter the missing data in the {domain} pages."),
        Status.NOT_EVALUATED: _("Nothing to do yet: the {domain} domain is being built."),
        Status.MET: "",
    }
    return templates[outcome.status].format(
        message=outcome.result.message, domain=domain_label(outcome.domain)
    )


def domain_label(domain: str | None) -> str:
    if domain is None:
        return _("unassigned")
    return str(DOMAIN_LABELS.get(domain, domain))


DOMAIN_LABELS = {
    "development": gettext_lazy("development"),
    "rights": gettext_lazy("rights and permits"),
    "followup": gettext_lazy("shoot follow-up"),
    "closing": gettext_lazy("delivery and closing"),
    "screenplay": gettext_lazy("screenplay"),
    "scheduling": gettext_lazy("scheduling"),
    "budget": gettext_lazy("budget"),
    "carbon": gettext_lazy("carbon"),
    "productions": gettext_lazy("production"),
    "labor": gettext_lazy("teams"),
    "delivery": gettext_lazy("delivery"),
    "accessibility": gettext_lazy("accessibility"),
}
