"""What other apps may read of the development app: what the cahier des charges fixes
per channel (versions, accessibility files, age category, release date) and the
shooting format, so that deliverables and QC targets follow one source."""

from __future__ import annotations

from typing import Any

from tournage.development.channels import Capture, ChannelPlan
from tournage.development.dossier import scheme as known_scheme

from .adapters import capture, channel_plans
from .document import document
from .exports import cdc_document
from .exports import dossier_pdf as _dossier_pdf
from .models import Dossier

__all__ = [
    "Capture",
    "ChannelPlan",
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
