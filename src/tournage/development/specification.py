"""The cahier des charges: one section per ``rules.yaml cdc_sections`` item, each built
from the brief, the feasibility, the channels and the other domains' figures, and
complete when every fact it needs is known."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from tournage.common.formatting import format_money, format_percent, format_quantity
from tournage.safety.rules import PARITY

from .channels import (
    Capture,
    ChannelPlan,
    accessibility_gaps,
    capture_problems,
    rule,
)
from .rules import RULES

TITLES = {
    "economic": "Économique",
    "technical": "Technique",
    "human": "Humain",
    "rights": "Juridique : droits",
    "age_rating": "Juridique : signalétique",
    "eco_production": "Écoproduction",
    "accessibility": "Accessibilité",
    "schedule": "Calendrier",
}


@dataclass(frozen=True)
class Economy:
    envelope: Decimal | None = None
    devis_total: Decimal | None = None
    financing_total: Decimal | None = None
    public_share: Decimal | None = None  # of the financing, 0..1


@dataclass(frozen=True)
class Human:
    agreement: str = ""  # the IDCC chosen
    heads: Mapping[str, str] = field(default_factory=dict)  # department -> who or when
    inclusion: str = ""


@dataclass(frozen=True)
class Inputs:
    economy: Economy
    channels: Sequence[ChannelPlan]
    capture: Capture
    target_minutes: int | None
    human: Human
    rights: str = ""
    carbon_forecast_kg: Decimal | None = None
    reduction_measures: int = 0
    eco_referent: str = ""
    universal_design: str = ""
    shoot_start: date | None = None
    deadline: date | None = None
    slot_breaches: Sequence[str] = ()  # planned slots the signage rules refuse, as messages


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    lines: tuple[str, ...]
    missing: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return not self.missing

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "complete": self.complete,
            "lines": list(self.lines),
            "missing": list(self.missing),
        }


def _section(section_id: str, facts: Sequence[tuple[str, str | None]]) -> Section:
    """``facts``: (label, shown value or None when unknown)."""
    lines = tuple(f"{label} : {value}" for label, value in facts if value)
    missing = tuple(label for label, value in facts if not value)
    return Section(section_id, TITLES[section_id], lines, missing)


def economy_problems(economy: Economy) -> list[str]:
    """Why the economic section is not consistent (cdc_economic)."""
    problems = []
    devis, envelope, financing = economy.devis_total, economy.envelope, economy.financing_total
    if envelope is not None and devis is not None and devis > envelope:
        problems.append("devis au-delà de l'enveloppe")
    if devis is not None and financing is not None and financing != devis:
        problems.append("plan de financement différent du devis")
    return problems


def _money(value: Decimal | None) -> str | None:
    return None if value is None else format_money(value)


def economic(inputs: Inputs) -> Section:
    e = inputs.economy
    share = None if e.public_share is None else format_percent(e.public_share)
    return _section(
        "economic",
        [
            ("Enveloppe", _money(e.envelope)),
            ("Devis", _money(e.devis_total)),
            ("Plan de financement", _money(e.financing_total)),
            ("Part des aides publiques", share),
        ],
    )


def _channel_line(plan: ChannelPlan, inputs: Inputs) -> str:
    found = rule(plan.channel)
    parts = [
        f"versions {', '.join(plan.versions) or '—'}",
        f"SME {', '.join(plan.sme_versions) or 'non'}",
        f"AD {'oui' if plan.ad else 'non'}",
    ]
    problems = capture_problems(inputs.capture, plan.channel)
    if problems:
        parts.append("tournage incompatible : " + "; ".join(problems))
    profile = found.format_source if found else "profil inconnu"
    return f"{plan.channel} ({profile}) — " + ", ".join(parts)


def technical(inputs: Inputs) -> Section:
    c = inputs.capture
    capture = f"{c.width}×{c.height}, {c.frame_rate} i/s, {c.aspect}" if c.complete else None
    duration = f"{inputs.target_minutes} min" if inputs.target_minutes else None
    facts: list[tuple[str, str | None]] = [
        ("Format de tournage", capture),
        ("Durée", duration),
        ("Canaux", "; ".join(_channel_line(p, inputs) for p in inputs.channels) or None),
    ]
    return _section("technical", facts)


def post_labels() -> dict[str, str]:
    """Posts of the CNC parity grid by id: the chefs de poste the human section names."""
    return {post.id: post.label for post in PARITY.load().parity_bonus.grid}


def human(inputs: Inputs) -> Section:
    h = inputs.human
    labels = post_labels()
    wanted = RULES.load().heads_of_department.items
    heads = [(labels.get(d, d), h.heads.get(d) or None) for d in wanted]
    return _section(
        "human",
        [
            ("Convention collective", h.agreement or None),
            *heads,
            ("Inclusion", h.inclusion or None),
        ],
    )


def age_rating(inputs: Inputs) -> Section:
    rated = [f"{p.channel} : {p.age_category}" for p in inputs.channels if p.age_category]
    unrated = [p.channel for p in inputs.channels if not p.age_category]
    label = "Catégorie par canal (relevée sur la page Signalétique des droits)"
    facts: list[tuple[str, str | None]] = [(label, "; ".join(rated) or None)]
    facts += [(f"Catégorie {channel}", None) for channel in unrated]
    facts += [(breach, None) for breach in inputs.slot_breaches]
    return _section("age_rating", facts)


def eco_production(inputs: Inputs) -> Section:
    kg = inputs.carbon_forecast_kg
    forecast = None if kg is None else format_quantity(kg / 1000, "t CO2e")
    measures = str(inputs.reduction_measures) if inputs.reduction_measures else None
    return _section(
        "eco_production",
        [
            ("Bilan prévisionnel", forecast),
            ("Mesures de réduction", measures),
            ("Référent écoproduction", inputs.eco_referent or None),
        ],
    )


def accessibility(inputs: Inputs) -> Section:
    _required, missing, _uncertain = accessibility_gaps(inputs.channels)
    planned = [
        f"{p.channel} : SME {', '.join(p.sme_versions) or 'non'}, AD {'oui' if p.ad else 'non'}"
        for p in inputs.channels
    ]
    facts: list[tuple[str, str | None]] = [
        ("Fichiers accessibles", "; ".join(planned) or None),
        ("Conception universelle", inputs.universal_design or None),
    ]
    facts += [(f"Manquant ({m})", None) for m in missing]
    return _section("accessibility", facts)


def schedule(inputs: Inputs) -> Section:
    start = inputs.shoot_start.isoformat() if inputs.shoot_start else None
    end = inputs.deadline.isoformat() if inputs.deadline else None
    return _section("schedule", [("Premier jour de tournage", start), ("Échéance", end)])


def build(inputs: Inputs) -> list[Section]:
    makers = {
        "economic": economic,
        "technical": technical,
        "human": human,
        "rights": lambda i: _section("rights", [("Droits à acquérir", i.rights or None)]),
        "age_rating": age_rating,
        "eco_production": eco_production,
        "accessibility": accessibility,
        "schedule": schedule,
    }
    return [makers[section](inputs) for section in RULES.load().cdc_sections.items]
