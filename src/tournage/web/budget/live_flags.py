"""Funding conditions read from the production's live data rather than ticked by hand.

The aid matcher's facts ``broadcaster_commitment``, ``carbon_footprint_forecast`` and
``accessibility_files_planned`` follow the financing plan, the carbon forecast and the
accessibility files as soon as those say something; the manual answer stays for the
facts no data tells (or while the data is absent).
"""

from __future__ import annotations

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from tournage.web.productions.models import Production

BROADCASTER_KINDS = ("broadcaster_presale",)
LABELS = {
    "broadcaster_commitment": _("A broadcaster is committed (confirmed pre-sale)"),
    "carbon_footprint_forecast": _("Forecast carbon footprint computed"),
    "accessibility_files_planned": _("SME subtitles and audio description for every deliverable"),
}
COMMITTED = ("confirmed", "received")


def live_flags(production: Production) -> dict[str, bool]:
    flags: dict[str, bool] = {}
    if production.financing_sources.filter(
        kind__in=BROADCASTER_KINDS, status__in=COMMITTED
    ).exists():
        flags["broadcaster_commitment"] = True
    if apps.is_installed("tournage.web.carbon"):
        from tournage.web.carbon.api import forecast_exists

        forecast = forecast_exists(production)
        if forecast is not None:
            flags["carbon_footprint_forecast"] = forecast
    if apps.is_installed("tournage.web.accessibility"):
        from tournage.web.accessibility.api import files_planned

        planned = files_planned(production)
        if planned is not None:
            flags["accessibility_files_planned"] = planned
    return flags


def live_facts(production: Production) -> list[tuple[str, bool]]:
    """The facts the funding screen shows as read from the data, with their answer."""
    return [(str(LABELS[name]), value) for name, value in live_flags(production).items()]
