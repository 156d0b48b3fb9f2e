"""Words shown for the core's identifiers (feasibility dimensions, verdicts, next steps)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from tournage.development.feasibility import Dimension

DIMENSIONS = {
    "duration": _("Duration"),
    "budget": _("Budget"),
    "schedule": _("Schedule"),
    "labour": _("Labour"),
    "aids": _("Aid eligibility"),
    "carbon": _("Carbon"),
}
VERDICTS = {
    "fits": (_("fits"), "badge-ok"),
    "tight": (_("tight"), "badge-warn"),
    "does_not_fit": (_("does not fit"), "badge-fail"),
    "unknown": (_("unknown"), "badge-warn"),
}
NEXT_STEPS = {
    "brief": (_("write the brief"), "development:brief_edit"),
    "benchmark": (_("add comparable works"), "development:benchmark"),
    "notes": (_("write the notes"), "development:notes"),
    "cdc": (_("complete the cahier des charges"), "development:cdc"),
    "dossiers": (_("assemble the dossiers"), "development:dossiers"),
}


def shown(dimensions: list[Dimension]) -> list[dict[str, Any]]:
    rows = []
    for dimension in dimensions:
        label, badge = VERDICTS[str(dimension.verdict)]
        rows.append(
            {
                "dimension": DIMENSIONS.get(dimension.dimension, dimension.dimension),
                "verdict": label,
                "badge": badge,
                "reasons": " ".join(dimension.reasons),
            }
        )
    return rows
