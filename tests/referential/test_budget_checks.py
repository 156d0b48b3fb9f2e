"""Budget checks: devis vs breakdown and envelope, financing, cost report, receipts."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from tournage.referential.registry import Status
from tournage.web.budget.models import (
    BudgetLine,
    BudgetVersion,
    Commitment,
    Expense,
    FinancingSource,
    FundingProfile,
)

from .conftest import run

pytestmark = pytest.mark.django_db


def fresh(production: Any) -> Any:
    production.refresh_from_db()
    return production


def line(version: BudgetVersion, account: str, rate: str, label: str = "ligne") -> BudgetLine:
    return BudgetLine.objects.create(budget=version, account=account, label=label, rate=rate)


@pytest.fixture
def devis(production: Any) -> BudgetVersion:
    version = BudgetVersion.objects.create(
        production=production, name="v1", title="Devis", is_reference=True
    )
    line(version, "3.1", "5000", "Rôles principaux")
    line(version, "5.4", "800", "Accessoires")
    line(version, "8.8", "1200", "Sous-titrage SME et audiodescription")
    return version


def source(production: Any, kind: str, amount: str, **fields: Any) -> FinancingSource:
    return FinancingSource.objects.create(
        production=production, kind=kind, label=kind, amount=Decimal(amount), **fields
    )


def test_checks_are_unknown_without_a_devis(production: Any) -> None:
    for check in ("budget_within_envelope", "plan_balanced", "overrun_alert"):
        assert run(check, production).status is Status.UNKNOWN


def test_devis_balanced_with_breakdown(scripted: Any, devis: Any) -> None:
    from tournage.web.screenplay.models import BreakdownTag

    scene = scripted.script_versions.first().scenes.first()
    BreakdownTag.objects.create(
        production=scripted, scene=scene, category="props", name="tasse", status="accepted"
    )
    assert run("devis_balanced_with_breakdown", scripted).status is Status.MET
    BreakdownTag.objects.create(
        production=scripted, scene=scene, category="vfx", name="pluie", status="accepted"
    )
    result = run("devis_balanced_with_breakdown", scripted)
    assert result.status is Status.PARTLY
    assert "vfx" in result.message


def test_budget_within_envelope(devis: Any) -> None:
    production = fresh(devis.production)
    assert run("budget_within_envelope", production).status is Status.MET
    production.budget_envelope = Decimal("1000")
    production.save()
    assert run("budget_within_envelope", production).status is Status.NOT_MET


def test_plan_balanced(devis: Any) -> None:
    production = fresh(devis.production)
    source(production, "own_funds", "7000")
    assert run("plan_balanced", production).status is Status.MET
    source(production, "regional", "500")
    assert run("plan_balanced", production).status is Status.NOT_MET


def test_aid_intensity(devis: Any) -> None:
    production = fresh(devis.production)
    source(production, "own_funds", "6000")
    source(production, "regional", "1000")
    assert run("aid_intensity", production).status is Status.MET
    FinancingSource.objects.filter(kind="own_funds").update(kind="cnc_selective")
    assert run("aid_intensity", production).status is Status.NOT_MET


def test_eligibility_screen(devis: Any) -> None:
    production = fresh(devis.production)
    assert run("eligibility_screen", production).status is Status.UNKNOWN
    source(production, "regional", "3000", aid_id="cnc_images_diversite")
    FundingProfile.objects.update_or_create(
        production=production, defaults={"work_format": "court_metrage", "genre": "fiction"}
    )
    assert run("eligibility_screen", production).status is Status.MET
    FundingProfile.objects.filter(production=production).update(genre="magazine")
    result = run("eligibility_screen", production)
    assert result.status is Status.NOT_MET
    assert "non éligibles" in result.message


def test_tax_credit_estimate_needs_a_covered_format(devis: Any) -> None:
    production = fresh(devis.production)
    FundingProfile.objects.update_or_create(
        production=production, defaults={"work_format": "long_metrage", "genre": "fiction"}
    )
    assert run("tax_credit_estimate", production).status is Status.MET
    FundingProfile.objects.filter(production=production).update(work_format="plateformes_sociales")
    assert run("tax_credit_estimate", production).status is Status.UNKNOWN


def test_expense_has_receipt(devis: Any) -> None:
    production = fresh(devis.production)
    assert run("expense_has_receipt", production).status is Status.UNKNOWN
    expense = Expense.objects.create(
        production=production, date=date(2027, 4, 20), account="5.4", amount_ht=Decimal(90)
    )
    expense.receipt.save("ticket.pdf", ContentFile(b"%PDF-1.4 ticket"))
    result = run("expense_has_receipt", production)
    assert result.status is Status.MET
    assert [e.file for e in result.evidence if e.file] == [expense.receipt.name]
    Expense.objects.create(
        production=production, date=date(2027, 4, 21), account="9.9", amount_ht=Decimal(10)
    )
    result = run("expense_has_receipt", production)
    assert result.status is Status.PARTLY
    assert "justificatif, ligne du devis" in result.message


def test_overrun_alert(devis: Any) -> None:
    production = fresh(devis.production)
    assert run("overrun_alert", production).status is Status.MET
    Expense.objects.create(
        production=production, date=date(2027, 4, 20), account="5.4", amount_ht=Decimal(5000)
    )
    assert run("overrun_alert", production).status is Status.NOT_MET


def test_public_and_broadcaster_sources(devis: Any) -> None:
    production = fresh(devis.production)
    source(production, "regional", "1000")
    assert run("at_least_one_public_and_broadcaster", production).status is Status.PARTLY
    source(production, "broadcaster_presale", "2000")
    assert run("at_least_one_public_and_broadcaster", production).status is Status.MET


def test_conditions_met_follow_the_live_data(devis: Any) -> None:
    production = fresh(devis.production)
    source(production, "cnc_selective", "3000", aid_id="cnc_court_metrage_avant")
    FundingProfile.objects.update_or_create(
        production=production,
        defaults={
            "work_format": "court_metrage",
            "genre": "fiction",
            "flags": {"carbon_footprint_forecast": True},  # a manual tick the data overrides
        },
    )
    # no carbon plan at all: the forecast has no line, whatever the manual flag says
    result = run("conditions_met", production)
    assert result.status is Status.NOT_MET
    assert "Bilan carbone prévisionnel" in result.message


def test_conditions_met_when_the_forecast_exists(devis: Any) -> None:
    production = fresh(devis.production)
    source(production, "cnc_selective", "3000", aid_id="cnc_court_metrage_avant")
    FundingProfile.objects.update_or_create(
        production=production, defaults={"work_format": "court_metrage", "genre": "fiction"}
    )
    from tournage.web.budget.live_flags import live_flags
    from tournage.web.carbon.models import CarbonActivity

    CarbonActivity.objects.create(
        production=production, phase="forecast", factor="train_tgv", quantity=500, unit="km"
    )

    assert live_flags(production)["carbon_footprint_forecast"] is True
    assert run("conditions_met", production).status is Status.MET


def test_cost_report_freshness(devis: Any) -> None:
    production = fresh(devis.production)
    production.shoot_start = timezone.localdate() - timedelta(days=30)
    production.save()
    expense = Expense.objects.create(
        production=production, date=date(2027, 4, 20), account="5.4", amount_ht=Decimal(90)
    )
    assert run("cost_report_freshness", production).status is Status.MET
    expense.history.update(history_date=timezone.now() - timedelta(days=20))
    result = run("cost_report_freshness", production)
    assert result.status is Status.NOT_MET
    assert result.uncertain  # weekly usage, no text sets it: only warns


def test_cost_report_reconciles(devis: Any) -> None:
    production = fresh(devis.production)
    Expense.objects.create(
        production=production, date=date(2027, 4, 20), account="5.4", amount_ht=Decimal(90)
    )
    Commitment.objects.create(production=production, account="3.1", amount=Decimal(4000))
    assert run("cost_report_reconciles", production).status is Status.MET
    Expense.objects.create(
        production=production, date=date(2027, 4, 21), account="42", amount_ht=Decimal(10)
    )
    assert run("cost_report_reconciles", production).status is Status.NOT_MET


def test_export_available_links_both_formats(devis: Any, production: Any) -> None:
    result = run("export_available", production)
    assert result.status is Status.MET
    assert [e.label for e in result.evidence] == ["Export XLSX", "Export PDF"]


def test_accessibility_budgeted(devis: Any) -> None:
    production = fresh(devis.production)
    assert run("accessibility_budgeted", production).status is Status.MET
    devis.lines.filter(account="8.8").delete()
    assert run("accessibility_budgeted", production).status is Status.NOT_MET


def test_the_funding_screen_shows_the_live_facts_and_the_broadcasters(
    devis: Any, member_client: Any
) -> None:
    from django.urls import reverse

    production = fresh(devis.production)
    source(production, "broadcaster_presale", "2000", status="confirmed")
    page = member_client("producer").get(
        reverse("budget:financing", kwargs={"production_id": production.pk})
    )
    text = page.content.decode()
    assert "Faits lus dans les données" in text
    assert "Un diffuseur est engagé (préachat confirmé)" in text
    assert "broadcaster_presale — " in text  # the source's label in the broadcasters list
