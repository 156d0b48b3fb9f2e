"""Referential checks answered by the carbon footprint (forecast, actuals, measures)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal

from django.db.models import Max
from django.utils import timezone

from tournage.carbon.errors import CarbonError
from tournage.carbon.estimate import Footprints
from tournage.carbon.measures import MEASURES, measures_by_category, mode_share
from tournage.carbon.tables import BENCHMARKS
from tournage.common.formatting import format_date, format_percent, format_quantity
from tournage.referential.registry import (
    CheckResult,
    Evidence,
    Status,
    register_check,
)
from tournage.referential.verdicts import coverage, present, unknown
from tournage.web.productions.api import production_url
from tournage.web.productions.models import PowerSource as LocationPower
from tournage.web.productions.models import Production

from .adapters import production_footprints
from .models import CarbonActivity, CarbonProfile, LocationEnergy, PowerSource, Scenario

FACTORS = "data/carbon/emission_factors.csv (ADEME Base Carbone / Base Empreinte, DESNZ)"
GENERATORS = (PowerSource.GENERATOR, PowerSource.GENERATOR_HVO)


def _page(production: Production, label: str = "Bilan carbone") -> Evidence:
    return Evidence(label, production_url("carbon:index", production))


def _tonnes(kg: Decimal) -> str:
    return format_quantity(kg / 1000, "tCO2e", 2)


def _with_footprints(
    check: Callable[[Production, Footprints], CheckResult],
) -> Callable[[Production], CheckResult]:
    def run(production: Production) -> CheckResult:
        try:
            result = production_footprints(production)
        except CarbonError as error:
            return CheckResult(Status.NOT_MET, f"Le bilan ne se calcule pas : {error.message}")
        return check(production, result)

    run.__name__ = check.__name__
    return run


def _last_change(production: Production) -> datetime | None:
    dates = [
        model.history.filter(production_id=production.pk).aggregate(d=Max("history_date"))["d"]
        for model in (CarbonProfile, LocationEnergy, CarbonActivity, Scenario)
    ]
    known = [d for d in dates if d is not None]
    return max(known) if known else None


def _benchmark(production: Production) -> tuple[str, Decimal] | None:
    table = BENCHMARKS.load()
    genre = table.format_to_genre.get(production.format)
    if genre is None:
        return None
    row = table.genres[genre]
    return row.label_fr, Decimal(str(row.mean_tco2e))


@register_check("c1_2_2.forecast_footprint_exists")
@_with_footprints
def forecast_footprint_exists(production: Production, result: Footprints) -> CheckResult:
    forecast = result.forecast
    return present(
        bool(forecast.lines),
        met=f"Bilan prévisionnel calculé : {_tonnes(forecast.total_kgco2e)} "
        f"({len(forecast.lines)} lignes).",
        not_met="Aucun bilan prévisionnel : ni plan (lieux, jours, équipe) ni saisie.",
        source="RGA du CNC art. 122-18 (bilan prévisionnel avec le devis), funding_sources.yaml",
        evidence=(_page(production),),
        value=forecast.total_kgco2e,
        action="Renseigner les lieux, les jours de tournage et l'équipe dans le bilan carbone.",
    )


@register_check("crit_b1_ecoproduction.forecast_footprint")
@_with_footprints
def forecast_footprint(production: Production, result: Footprints) -> CheckResult:
    forecast = result.forecast
    if not forecast.lines:
        return CheckResult(Status.NOT_MET, "Aucun bilan prévisionnel.", (_page(production),))
    changed = _last_change(production)
    benchmark = _benchmark(production)
    message = f"Prévisionnel {_tonnes(forecast.total_kgco2e)}"
    if changed is not None:
        message += f", mis à jour le {format_date(timezone.localdate(changed))}"
    if benchmark is not None:
        message += f" ; repère Ecoprod « {benchmark[0]} » : {format_quantity(benchmark[1], 't')}"
    return CheckResult(
        Status.MET,
        message + ".",
        (
            _page(production),
            Evidence("Rapport (PDF)", production_url("carbon:report_pdf", production)),
        ),
        {
            "forecast_kgco2e": forecast.total_kgco2e,
            "updated": changed,
            "benchmark_tco2e": benchmark[1] if benchmark else None,
        },
        "benchmarks.yaml (Ecoprod, statistiques Carbon'Clap 2025)",
    )


@register_check("crit_b1_ecoproduction.reduction_measures")
def reduction_measures(production: Production) -> CheckResult:
    profile = CarbonProfile.objects.filter(production=production).first()
    levers = [k for s in Scenario.objects.filter(production=production) for k in s.levers]
    ticked = [k for k, done in (profile.checklist if profile else {}).items() if done]
    measures = measures_by_category(levers, ticked)
    names = MEASURES.load().major_categories
    return coverage(
        len(measures),
        [names[category] for category, labels in measures.items() if not labels],
        met="Au moins une mesure de réduction par grande catégorie : "
        + " ; ".join(f"{names[c]} : {labels[0]}" for c, labels in measures.items() if labels),
        not_met="Catégories sans mesure de réduction",
        empty="",
        source=MEASURES.load().source,
        evidence=(
            _page(production, "Scénarios de réduction"),
            Evidence("Liste éco-production", production_url("carbon:checklist", production)),
        ),
        action="Ajouter un scénario (levier) ou cocher une pratique pour chaque catégorie.",
    )


@register_check("c2_1_2.travel_carbon")
@_with_footprints
def travel_carbon(production: Production, result: Footprints) -> CheckResult:
    travel = [line for line in result.forecast.lines if line.category == "transport_people"]
    if not travel:
        return unknown("Aucun trajet estimé : villes de l'équipe ou lieux de tournage absents.")
    unsourced = [line.factor.id for line in travel if not line.factor.source]
    kg = sum((line.kgco2e or Decimal(0) for line in travel), Decimal(0))
    return coverage(
        len(travel),
        unsourced,
        met=f"Trajets de l'équipe : {_tonnes(kg)} sur {len(travel)} lignes, facteurs sourcés.",
        not_met="Facteurs de trajet sans source",
        empty="",
        source=FACTORS,
        evidence=(_page(production),),
    )


@register_check("c2_3.generator_vs_grid")
def generator_vs_grid(production: Production) -> CheckResult:
    rows = list(LocationEnergy.objects.filter(production=production).select_related("location"))
    if not rows:
        return unknown("Aucune consommation d'énergie par lieu saisie.")
    flagged = [
        str(row.location)
        for row in rows
        if row.power_source in GENERATORS and row.location.power_source == LocationPower.GRID
    ]
    return coverage(
        len(rows),
        flagged,
        met="Aucun groupe électrogène là où le lieu est raccordé au réseau.",
        not_met="Groupe électrogène prévu sur un lieu raccordé au réseau",
        empty="",
        source=FACTORS,
        evidence=(_page(production, "Énergie par lieu"),),
        action="Se raccorder au réseau sur ces lieux (levier « raccordement au réseau »).",
    )


@register_check("c2_3.running_footprint")
@_with_footprints
def running_footprint(production: Production, result: Footprints) -> CheckResult:
    actual, forecast = result.actual, result.forecast
    if not actual.lines:
        return unknown("Aucune donnée réelle saisie : le bilan en cours n'existe pas encore.")
    return CheckResult(
        Status.MET,
        f"Réel {_tonnes(actual.total_kgco2e)} pour un prévisionnel de "
        f"{_tonnes(forecast.total_kgco2e)}.",
        (_page(production),),
        {
            "actual_kgco2e": actual.total_kgco2e,
            "forecast_kgco2e": forecast.total_kgco2e,
            "by_category": {
                c: {"actual": v, "forecast": forecast.by_category().get(c)}
                for c, v in actual.by_category().items()
            },
        },
        FACTORS,
    )


@register_check("crit_b2_env_logistics.low_carbon_mode_share")
@_with_footprints
def low_carbon_mode_share(production: Production, result: Footprints) -> CheckResult:
    share = mode_share(result.forecast.lines)
    if share.share is None:
        return unknown("Aucun trajet de personnes estimé en kilomètres.")
    message = f"{format_percent(share.share)} des kilomètres en train ou transport en commun"
    if share.flights:
        message += f" ; vols à justifier : {', '.join(share.flights)}"
    return CheckResult(
        Status.PARTLY if share.flights else Status.MET,
        message + ".",
        (_page(production, "Trajets de l'équipe"),),
        {"share_percent": share.share, "km": share.total_km, "flights": list(share.flights)},
        MEASURES.load().source,
    )


@register_check("c4_2_2.factors_sourced")
@_with_footprints
def factors_sourced(production: Production, result: Footprints) -> CheckResult:
    lines = [*result.forecast.lines, *result.actual.lines]
    factors = {line.factor.id: line.factor for line in lines}
    return coverage(
        len(factors),
        sorted(f for f, factor in factors.items() if not (factor.source and factor.source_year)),
        met=f"Les {len(factors)} facteurs utilisés ont une source et un millésime "
        f"({result.forecast.vintage}).",
        not_met="Facteurs sans source ou millésime",
        empty="Aucun facteur utilisé : le bilan est vide.",
        source=FACTORS,
        evidence=(_page(production),),
    )
