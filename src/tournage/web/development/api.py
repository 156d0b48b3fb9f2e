"""What other apps may read of the development app: what the cahier des charges fixes
per channel (versions, accessibility files, broadcast slot, release date) and the
shooting format, so that deliverables, QC targets and signage follow one source."""

from __future__ import annotations

from datetime import time
from typing import Any

from tournage.development.channels import Capture, ChannelPlan
from tournage.development.dossier import scheme as known_scheme

from .adapters import capture, channel_plans
from .document import document
from .exports import cdc_document
from .exports import dossier_pdf as _dossier_pdf
from .models import ChannelPlan as ChannelPlanRow
from .models import Dossier

DISTRIBUTION_PAGE = "development:distribution"  # where the broadcast slots are typed

__all__ = [
    "DISTRIBUTION_PAGE",
    "Capture",
    "ChannelPlan",
    "broadcast_slots",
    "cdc_document",
    "channel_plans",
    "document",
    "dossier_pdf",
    "shooting_format",
    "target_minutes",
]


def shooting_format(production: Any) -> Capture:
    """The capture format fixed by the cahier des charges (empty fields when not fixed)."""
    return capture(production)


def broadcast_slots(production: Any) -> dict[str, time]:
    """Channel -> start of its planned broadcast slot, the one record of it (the
    distribution plan, ``DISTRIBUTION_PAGE``); channels without a slot are absent."""
    rows = ChannelPlanRow.objects.filter(production=production)
    return {
        channel: slot for channel, slot in rows.values_list("channel", "slot") if slot is not None
    }


def target_minutes(production: Any) -> int | None:
    """The duration the brief asks for (kept on the production, typed once)."""
    value: int | None = production.target_duration_minutes
    return value


def dossier_pdf(production: Any, scheme: str) -> bytes:
    """The dossier of ``scheme`` as one PDF; ``DevelopmentError`` for an unknown scheme.
    Targeting the scheme is not recorded: the command line only reads."""
    known_scheme(scheme)
    record = Dossier.objects.filter(production=production, scheme=scheme).first()
    return _dossier_pdf(production, record or Dossier(production=production, scheme=scheme))
