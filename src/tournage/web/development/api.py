"""What other apps may read of the development app: what the cahier des charges fixes
per channel (versions, accessibility files, age category, release date) and the
shooting format, so that deliverables and QC targets follow one source."""

from __future__ import annotations

from typing import Any

from tournage.development.channels import Capture, ChannelPlan

from .adapters import capture, channel_plans

__all__ = ["Capture", "ChannelPlan", "channel_plans", "shooting_format", "target_minutes"]


def shooting_format(production: Any) -> Capture:
    """The capture format fixed by the cahier des charges (empty fields when not fixed)."""
    return capture(production)


def target_minutes(production: Any) -> int | None:
    """The duration the brief asks for (kept on the production, typed once)."""
    value: int | None = production.target_duration_minutes
    return value
