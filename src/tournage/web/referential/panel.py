"""The "responsible production" summary on the production's main dashboard.

Each topic reads the results of a few framework checks (evaluated now, through the
registry); a topic whose checks no domain evaluates yet says "not yet available".
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from tournage.referential.registry import Status
from tournage.web.productions.models import Production

from .models import Snapshot
from .presentation import counts_view, status_view
from .services import domain_label, evaluate_production

TOPICS = (
    (_("Carbon: forecast, actual, benchmark"), ("forecast_footprint", "running_footprint")),
    (_("Accessibility delivered"), ("sme_every_version", "subtitles_rules", "rgaa_4_1_4_3_4_5")),
    (_("Inclusion"), ("parity_indicator", "needs_matched", "sensitive_data_consent")),
    (_("Labour compliance"), ("all_contracts_validated", "working_time_compliance")),
    (_("Rights and permits"), ("permit_status", "music_cleared")),
)


def panel_context(production: Production) -> dict[str, Any]:
    wanted = {check for _, checks in TOPICS for check in checks}
    evaluation = evaluate_production(production, only=wanted.__contains__)
    topics = []
    for title, ids in TOPICS:
        outcomes = [c for c in (evaluation.check(i) for i in ids) if c is not None]
        shown = [c for c in outcomes if c.status is not Status.NOT_EVALUATED]
        topics.append(
            {
                "title": title,
                "available": bool(shown),
                "domain": domain_label(outcomes[0].domain if outcomes else None),
                "checks": [
                    {"status": status_view(c.status), "message": c.result.message} for c in shown
                ],
            }
        )
    latest = Snapshot.objects.filter(production=production).order_by("-taken_on").first()
    return {"topics": topics, "summary": counts_view(latest.counts) if latest else []}
