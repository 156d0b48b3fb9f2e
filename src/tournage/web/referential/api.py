"""What other apps and the CLI may call in the referential app."""

from __future__ import annotations

from tournage.web.referential.exports import build
from tournage.web.referential.services import (
    evaluate_production,
    judgement_documents,
    record_snapshot,
)

__all__ = ["build", "evaluate_production", "judgement_documents", "record_snapshot"]
