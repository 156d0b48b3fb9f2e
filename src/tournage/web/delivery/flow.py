"""Deliverables from the channels chosen for the production: the channel is typed once,
at creation (or when added to the production), and its deliverable follows with the
channel's QC profile. The user may then edit or delete it like any other."""

from __future__ import annotations

from typing import Any

from tournage.delivery.profiles import get_profile, profile_for_channel
from tournage.web.productions import api as productions_api

from .models import Deliverable, DeliverableKind

KIND_BY_PROFILE = {
    "pad-hd-fr": DeliverableKind.BROADCAST,
    "arte": DeliverableKind.BROADCAST,
    "dcp": DeliverableKind.FESTIVAL,
    "podcast": DeliverableKind.PODCAST,
}


def deliverables_for_channels(production: Any, channels: list[str]) -> list[Deliverable]:
    """One deliverable per channel that has a QC profile; an existing one is kept as is."""
    made = []
    for channel in channels:
        profile = profile_for_channel(channel)
        if profile is None:
            continue
        deliverable, _ = Deliverable.objects.get_or_create(
            production=production,
            channel=channel,
            defaults={
                "name": get_profile(profile).label,
                "profile": profile,
                "kind": KIND_BY_PROFILE.get(profile, DeliverableKind.WEB),
            },
        )
        made.append(deliverable)
    return made


def connect() -> None:
    productions_api.register_channel_listener(deliverables_for_channels)
