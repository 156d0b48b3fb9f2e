"""Delivery QC profiles, read from ``data/delivery/qc_profiles.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tournage.data import load_yaml
from tournage.delivery.errors import DeliveryError


@dataclass(frozen=True)
class Profile:
    name: str
    label: str
    rules: dict[str, dict[str, Any]]

    def rule(self, check_id: str) -> dict[str, Any] | None:
        return self.rules.get(check_id)


def _table() -> dict[str, Any]:
    table: dict[str, Any] = load_yaml("delivery/qc_profiles.yaml")
    return table


def profile_names() -> list[str]:
    return list(_table()["profiles"])


def r103_levels() -> dict[str, Any]:
    levels: dict[str, Any] = _table()["r103"]["video_levels_ebu_r103"]
    return levels


def get_profile(name: str) -> Profile:
    table = _table()
    entry = table["profiles"].get(name)
    if entry is None:
        known = ", ".join(profile_names())
        raise DeliveryError(
            "unknown_profile", f"Profil inconnu : « {name} ». Profils disponibles : {known}."
        )
    rules = {key: value for key, value in entry.items() if isinstance(value, dict)}
    for check_id, default in table["defaults"].items():
        rules.setdefault(check_id, default)
    return Profile(name=name, label=entry["label"], rules=rules)


def profile_for_channel(channel: str) -> str | None:
    """The QC profile of a production's target channel (``Production.channels`` codes)."""
    for name, entry in _table()["profiles"].items():
        if entry.get("channel") == channel:
            return str(name)
    return None
