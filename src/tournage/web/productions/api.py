"""What other apps may call in the productions app (the foundation's public services)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SensitiveRecords:
    """Records of individual sensitive data an app keeps (needs, inclusion answers)."""

    label: str
    total: int
    without_consent: int


SensitiveProvider = Callable[[Any], SensitiveRecords]
_sensitive: list[SensitiveProvider] = []


def register_sensitive_data(provider: SensitiveProvider) -> None:
    """An app that stores individual sensitive data declares it, with its consent count, so
    that the referential check ``sensitive_data_consent`` sees every such table."""
    if provider not in _sensitive:
        _sensitive.append(provider)


def sensitive_records(production: Any) -> list[SensitiveRecords]:
    return [provider(production) for provider in _sensitive]


ChannelListener = Callable[[Any, list[str]], object]
_channel_listeners: list[ChannelListener] = []


def register_channel_listener(listener: ChannelListener) -> None:
    """``listener(production, added_codes)`` runs when channels are chosen for a production
    (at creation, or added later), inside the saving transaction: the delivery app turns
    them into deliverables, so a channel is typed once."""
    if listener not in _channel_listeners:
        _channel_listeners.append(listener)


def channels_chosen(production: Any, codes: list[str]) -> None:
    if codes:
        for listener in _channel_listeners:
            listener(production, codes)


def production_url(name: str, production: Any, **kwargs: Any) -> str:
    """A page of the production (for evidence links of referential checks)."""
    from django.urls import reverse

    return reverse(name, kwargs={"production_id": production.pk, **kwargs})
