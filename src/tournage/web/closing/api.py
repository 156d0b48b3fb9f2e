"""What other apps and the CLI may call in the closing app."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from tournage.closing.delivery_checks import register_document
from tournage.closing.pad_lineage import PadFile
from tournage.closing.report import build

from . import services
from .lock import is_closed

__all__ = ["closing_report", "delivery_register", "is_closed", "pad_files"]


def delivery_register(production: Any) -> dict[str, Any]:
    """``{"destinations": [{"name", "items": [...]}]}`` (``tournage delivery register``)."""
    return register_document(services.destination_statuses(production, timezone.localdate()))


def closing_report(production: Any) -> dict[str, Any]:
    """The closing file document (``tournage closing report``)."""
    return build(services.closing_input(production, timezone.localdate()))


def pad_files(production: Any) -> list[PadFile]:
    """Every PAD of the delivery register delivered with its SHA-256, and the day the QC
    run of that very file was made (None when no run has that checksum)."""
    return services.pad_files(production)
