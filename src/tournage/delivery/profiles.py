"""Delivery QC profiles, read from ``data/delivery/qc_profiles.yaml`` as a typed rule table.

Each check of a profile is a mapping of the limits its channel states (``allowed``,
``value`` and ``tolerance``, ``min``/``max``...), the shape ``checks.py`` compares a
measure with. The table is validated when it is loaded: a rule that states a limit must
name its ``source`` (or say it is a ``project_choice``), so no value reaches a report
without where it comes from; a rule without a limit is an unknown, reported as such.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tournage.common.rules import RuleTable
from tournage.delivery.errors import DeliveryError

Rule = dict[str, Any]  # one check's limits as the profile states them, with their source
_ABOUT = {"source", "project_choice", "uncertain", "wide_uncertain", "note", "note_fr"}
_ENTRY = ("label", "channel", "basis")


@dataclass(frozen=True)
class Bounds:
    min: float
    max: float
    source: str


@dataclass(frozen=True)
class Percent:
    value: float
    source: str


@dataclass(frozen=True)
class LumaCoefficients:
    kr: float
    kb: float
    source: str


@dataclass(frozen=True)
class R103Levels:
    """EBU R 103's tolerated video levels, shared by every profile's ``video_levels``."""

    tolerated_8bit: Bounds
    tolerated_10bit: Bounds
    area_allowance_percent: Percent
    matrix_bt709: LumaCoefficients


@dataclass(frozen=True)
class R103:
    video_levels_ebu_r103: R103Levels


@dataclass(frozen=True)
class ProfileEntry:
    label: str
    channel: str | None = None  # the ``Production.channels`` code it serves
    basis: str | None = None
    rules: dict[str, Rule] = field(default_factory=dict)


@dataclass(frozen=True)
class QcProfiles:
    defaults: dict[str, Rule]
    r103: R103
    profiles: dict[str, ProfileEntry]

    def __post_init__(self) -> None:
        rules = [("defaults", check, rule) for check, rule in self.defaults.items()]
        rules += [(name, c, r) for name, e in self.profiles.items() for c, r in e.rules.items()]
        for where, check, rule in rules:
            if _states_a_limit(rule) and not (rule.get("source") or rule.get("project_choice")):
                raise ValueError(f"{where}.{check} : limite sans source")


def _states_a_limit(rule: Rule) -> bool:
    return any(value is not None for key, value in rule.items() if key not in _ABOUT)


def _with_rules(document: Any) -> Any:
    """Each profile's checks under ``rules``, beside its label, channel and basis."""
    profiles = {
        name: {
            **{key: entry[key] for key in _ENTRY if key in entry},
            "rules": {key: value for key, value in entry.items() if isinstance(value, dict)},
        }
        for name, entry in document["profiles"].items()
    }
    return {**document, "profiles": profiles}


QC_PROFILES = RuleTable("delivery/qc_profiles.yaml", QcProfiles, select=_with_rules)


@dataclass(frozen=True)
class Profile:
    name: str
    label: str
    rules: dict[str, Rule]

    def rule(self, check_id: str) -> Rule | None:
        return self.rules.get(check_id)


def profile_names() -> list[str]:
    return list(QC_PROFILES.load().profiles)


def r103_levels() -> R103Levels:
    return QC_PROFILES.load().r103.video_levels_ebu_r103


def get_profile(name: str) -> Profile:
    table = QC_PROFILES.load()
    entry = table.profiles.get(name)
    if entry is None:
        known = ", ".join(profile_names())
        raise DeliveryError(
            "unknown_profile", f"Profil inconnu : « {name} ». Profils disponibles : {known}."
        )
    rules = dict(entry.rules)
    for check_id, default in table.defaults.items():
        rules.setdefault(check_id, default)
    return Profile(name=name, label=entry.label, rules=rules)


def profile_for_channel(channel: str) -> str | None:
    """The QC profile of a production's target channel (``Production.channels`` codes)."""
    for name, entry in QC_PROFILES.load().profiles.items():
        if entry.channel == channel:
            return name
    return None
