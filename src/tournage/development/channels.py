"""The production's channels: capture format, accessibility files, release windows and
viewing carbon (distribution plan and technical section). Age category against slot is
judged by the rights app's signage rules (``tournage.rights.release``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from tournage.delivery.profiles import profile_for_channel

from .rules import RULES, ChannelRule


@dataclass(frozen=True)
class ChannelPlan:
    channel: str
    versions: tuple[str, ...] = ()
    sme_versions: tuple[str, ...] = ()
    ad: bool = False
    lsf: bool = False
    age_category: str = ""
    slot: str = ""  # "HH:MM", the planned start of the broadcast slot
    release: date | None = None
    territories: str = ""
    viewing_hours: Decimal | None = None
    g_per_hour: Decimal | None = None
    carbon_source: str = ""

    @property
    def sme(self) -> bool:
        return bool(self.sme_versions)

    @property
    def viewing_kg(self) -> Decimal | None:
        if self.viewing_hours is None or self.g_per_hour is None:
            return None
        return self.viewing_hours * self.g_per_hour / 1000


@dataclass(frozen=True)
class Capture:
    width: int | None = None
    height: int | None = None
    frame_rate: str = ""
    aspect: str = ""

    @property
    def complete(self) -> bool:
        return bool(self.width and self.height and self.frame_rate and self.aspect)


def frame_rates() -> list[str]:
    """Every capture frame rate a channel of ``rules.yaml`` names, slowest first."""
    rates = {rate for found in RULES.load().channels.values() for rate in found.frame_rates}
    return sorted(rates, key=float)


def rule(channel: str) -> ChannelRule | None:
    return RULES.load().channels.get(channel)


def unknown_profiles(channels: Sequence[str]) -> list[str]:
    """Channels without a delivery QC profile or without a rule here (profile_per_channel)."""
    table = RULES.load().channels
    return [c for c in channels if c not in table or profile_for_channel(c) is None]


def capture_problems(capture: Capture, channel: str) -> list[str]:
    """Why ``capture`` cannot produce ``channel``'s profile (empty: it can)."""
    found = rule(channel)
    if found is None or not found.frame_rates:
        return []
    problems = []
    if capture.frame_rate not in found.frame_rates:
        problems.append(f"{capture.frame_rate} i/s hors de {', '.join(found.frame_rates)}")
    if (capture.width or 0) < found.min_width:
        problems.append(f"largeur {capture.width} < {found.min_width}")
    if found.aspects and capture.aspect not in found.aspects:
        problems.append(f"format {capture.aspect} hors de {', '.join(found.aspects)}")
    return problems


def accessibility_gaps(plans: Sequence[ChannelPlan]) -> tuple[int, list[str], bool]:
    """(required files, those not planned, rests on an uncertain rule) for the channels'
    SME and AD duties (accessibility_deliverables_listed)."""
    required, missing, uncertain = 0, [], False
    for plan in plans:
        found = rule(plan.channel)
        if found is None:
            continue
        for name, requirement, planned in (("SME", found.sme, plan.sme), ("AD", found.ad, plan.ad)):
            if requirement.required:
                required += 1
                uncertain |= requirement.uncertain
                if not planned:
                    missing.append(f"{plan.channel} : {name}")
    return required, missing, uncertain


def versions_without_sme(plans: Sequence[ChannelPlan]) -> tuple[int, list[str]]:
    """(delivered versions, those with no SME subtitles planned) (sme_every_version)."""
    pairs = [(plan, version) for plan in plans for version in plan.versions]
    missing = [f"{p.channel} {v}" for p, v in pairs if v not in p.sme_versions]
    return len(pairs), missing


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


@dataclass
class WindowCheck:
    theatrical: date | None
    checked: list[str] = field(default_factory=list)
    breaches: list[str] = field(default_factory=list)
    uncertain: bool = False


def windows(plans: Sequence[ChannelPlan]) -> WindowCheck:
    """Each channel's planned date against the release window after the theatrical
    release (the cinema plan's date); no theatrical release: nothing to check."""
    theatrical = next(
        (p.release for p in plans if (r := rule(p.channel)) and r.window == "theatrical"), None
    )
    result = WindowCheck(theatrical)
    if theatrical is None:
        return result
    months = RULES.load().release_windows.months
    for plan in plans:
        found = rule(plan.channel)
        window = months.get(found.window or "") if found else None
        if window is None:
            continue
        result.checked.append(plan.channel)
        opens = add_months(theatrical, window.value)
        if plan.release is None or plan.release < opens:
            result.breaches.append(f"{plan.channel} avant le {opens.isoformat()}")
        result.uncertain |= window.uncertain
    return result


def without_viewing_carbon(plans: Sequence[ChannelPlan]) -> list[str]:
    """Channels lacking a viewing estimate with its source (distribution_carbon_present)."""
    return [p.channel for p in plans if p.viewing_kg is None or not p.carbon_source.strip()]
