"""Demo step: a few judgements recorded by the producer, and today's snapshot."""

from __future__ import annotations

from datetime import date

from tournage.referential.framework import FRAMEWORK
from tournage.web.productions.models import Production

from .models import Judgement, Verdict
from .services import evaluate_production, record_snapshot

DEMO_JUDGEMENTS = (
    ("c2_3", 0, Verdict.MET, "Train et covoiturage retenus pour l'équipe venant de Toulouse."),
    ("crit_b2_location_accessibility", 0, Verdict.TO_REVIEW, "Rampe à prévoir au moulin."),
)


def load_demo_referential(production: Production) -> None:
    """Idempotent: judgements are keyed by row and item; the snapshot by day."""
    rows = {row.id: row for row in FRAMEWORK.load().rows}
    for row_id, item, verdict, comment in DEMO_JUDGEMENTS:
        Judgement.objects.get_or_create(
            production=production,
            row=row_id,
            item=item,
            defaults={
                "text": rows[row_id].judgement_items()[item][:300],
                "verdict": verdict,
                "comment": comment,
                "decided_on": date(2027, 3, 29),
            },
        )
    record_snapshot(production, evaluate_production(production))
