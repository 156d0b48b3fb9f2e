"""From the production's rows to the core's plain inputs, and back to the core's results."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from tournage.carbon.activities import Activity
from tournage.carbon.calculator import compute
from tournage.carbon.errors import CarbonError
from tournage.carbon.estimate import Footprints, footprints
from tournage.carbon.monetary import expense_activities
from tournage.carbon.plan import ProductionPlan, parse_plan
from tournage.carbon.report import build_report
from tournage.carbon.scenarios import ScenarioResult, rank_levers, run_scenario
from tournage.carbon.sources import plan_document, scheduled_days
from tournage.web.budget import api as budget_api
from tournage.web.productions.models import Location, Person, Production
from tournage.web.productions.revision import derived
from tournage.web.scheduling import api as scheduling_api

from .models import CarbonActivity, CarbonProfile, LocationEnergy, PersonTravel, Scenario


def profile_for(production: Production) -> CarbonProfile:
    """The production's carbon inputs; unsaved defaults until someone saves them (viewing a
    page writes nothing)."""
    stored = CarbonProfile.objects.filter(production=production).first()
    return CarbonProfile(production=production) if stored is None else stored


def _decimal(value: Any) -> Any:
    return str(value) if isinstance(value, Decimal) else value


def production_plan(
    production: Production, accepted: scheduling_api.AcceptedPlan | None = None
) -> ProductionPlan:
    profile: dict[str, Any] = dict(
        CarbonProfile.objects.filter(production=production).values().first() or {}
    )
    energy = {
        row["location_id"]: {k: _decimal(v) for k, v in row.items()}
        for row in LocationEnergy.objects.filter(production=production).values()
    }
    document = plan_document(
        production={
            "title": production.title,
            "format": production.format,
            "target_duration_minutes": production.target_duration_minutes,
            "country": production.country,
        },
        people=Person.objects.filter(production=production).order_by("pk").values(),
        locations=Location.objects.filter(production=production).order_by("pk").values(),
        profile={k: _decimal(v) for k, v in profile.items()},
        modes=dict(
            PersonTravel.objects.filter(production=production).values_list("person_id", "mode")
        ),
        energy=energy,
    )
    accepted = accepted or scheduling_api.accepted_plan(production)
    if accepted is not None:
        crew = production.people.filter(kind="crew").values_list("pk", flat=True)
        document["days"] = scheduled_days(accepted.days, crew)
    return parse_plan(document)


def activities(production: Production) -> tuple[Activity, ...]:
    return tuple(
        Activity(
            factor=row.factor,
            quantity=row.quantity,
            unit=row.unit,
            phase=row.phase,
            category=row.category or None,
            section=row.section or None,
            label=row.label,
            key=f"activity:{row.pk}",
            note=row.note,
            evidence=row.evidence.name or "",
        )
        for row in CarbonActivity.objects.filter(production=production)
    )


def expense_lines(production: Production) -> list[dict[str, Any]]:
    """Cost-report spending that only a monetary ratio could price (shown, not summed)."""
    footprint = compute(expense_activities(budget_api.expense_amounts(production)))
    return [line.to_dict() for line in footprint.lines]


def production_footprints(
    production: Production, accepted: scheduling_api.AcceptedPlan | None = None
) -> Footprints:
    """Forecast and actuals; from the accepted plan, once per evaluation or dashboard."""
    if accepted is not None:
        return footprints(production_plan(production, accepted), activities(production))
    return derived(
        ("carbon", production.pk),
        lambda: footprints(production_plan(production, None), activities(production)),
    )


def scenario_results(
    production: Production, result: Footprints
) -> list[tuple[Scenario, ScenarioResult]]:
    assert result.derived is not None
    return [
        (
            scenario,
            run_scenario(result.derived.plan, scenario.name, scenario.levers, result.derived),
        )
        for scenario in Scenario.objects.filter(production=production)
    ]


def report_document(production: Production) -> dict[str, Any]:
    result = production_footprints(production)
    scenarios = tuple(s for _, s in scenario_results(production, result))
    checklist = profile_for(production).checklist
    return build_report(result.report_input(production.title, checklist, scenarios))


def page_data(production: Production) -> dict[str, Any]:
    """Everything the footprint page shows; a bad stored value becomes a message."""
    accepted = scheduling_api.accepted_plan(production)
    try:
        result = production_footprints(production, accepted)
        assert result.derived is not None
        scenarios = scenario_results(production, result)
        ranked = rank_levers(result.derived.plan, result.derived)
    except CarbonError as error:
        return {"error": error.message}
    checklist = profile_for(production).checklist
    report = build_report(
        result.report_input(production.title, checklist, tuple(s for _, s in scenarios))
    )
    return {
        "plan": accepted,
        "result": result,
        "report": report,
        "scenarios": scenarios,
        "ranked": ranked,
        "expenses": expense_lines(production),
    }
