"""Closing checks: the register, the marketing set, the closing file and the QC outcomes a
broadcaster signs — a passing and a failing case each."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from tournage.referential.registry import Status
from tournage.web.budget.models import BudgetLine, BudgetVersion, Expense, FinancingSource
from tournage.web.carbon.models import CarbonActivity
from tournage.web.closing.models import (
    ClosingFile,
    ContractClosure,
    Destination,
    MarketingPiece,
    RegisterItem,
)
from tournage.web.delivery.models import Deliverable, QCRun
from tournage.web.labor.models import Contract

from .conftest import run

pytestmark = pytest.mark.django_db

SHA = "a" * 64
TODAY = timezone.localdate()


def qc(
    production: Any,
    checks: dict[str, str],
    profile: str = "pad-hd-fr",
    sha: str = SHA,
    duration: float = 600.0,
) -> Deliverable:
    deliverable = Deliverable.objects.create(
        production=production, name=f"Master {profile}", kind="broadcast", profile=profile
    )
    verdict = "fail" if "fail" in checks.values() else "pass"
    QCRun.objects.create(
        deliverable=deliverable,
        source_name="master.mxf",
        status="done",
        verdict=verdict,
        sha256=sha,
        report={
            "verdict": verdict,
            "media": {"duration_s": duration},
            "checks": [{"id": c, "status": s, "message": f"{c} {s}"} for c, s in checks.items()],
        },
    )
    return deliverable


def destination(production: Any, kind: str = "broadcaster", name: str = "Chaîne") -> Destination:
    return Destination.objects.create(production=production, name=name, kind=kind)


def item(target: Destination, kind: str = "pad", **fields: Any) -> RegisterItem:
    fields.setdefault("label", kind)
    return RegisterItem.objects.create(destination=target, kind=kind, **fields)


@pytest.fixture
def pad(production: Any) -> RegisterItem:
    """A PAD delivered on time, the very file QC passed."""
    deliverable = qc(production, {"duration": "pass", "container": "pass"})
    return item(
        destination(production),
        deliverable=deliverable,
        file_sha256=SHA,
        due=TODAY,
        delivered_on=TODAY - timedelta(days=1),
    )


def status(check: str, production: Any) -> Status:
    return run(check, production).status


# --- the register -------------------------------------------------------------------------


def test_register_checks_are_unknown_without_a_register(production: Any) -> None:
    for check in (
        "qc_pass_all_deliverables",
        "delivery_list_complete",
        "delivered_by_deadline",
        "acceptance_stored",
        "qc_international",
        "outlet_specs",
    ):
        assert status(check, production) is Status.UNKNOWN, check


def test_qc_pass_all_deliverables(pad: RegisterItem) -> None:
    production = pad.destination.production
    assert status("qc_pass_all_deliverables", production) is Status.MET
    pad.file_sha256 = "b" * 64  # the file was re-exported after QC
    pad.save()
    result = run("qc_pass_all_deliverables", production)
    assert result.status is Status.NOT_MET and "modifié après le QC" in result.message


def test_spec_vs_cdc(pad: RegisterItem) -> None:
    production = pad.destination.production
    target = pad.destination
    target.kind = "archive"  # expects no accessibility file
    target.save()
    assert status("spec_vs_cdc", production) is Status.MET
    run_ = pad.deliverable.qc_runs.get()  # type: ignore[union-attr]
    run_.report["checks"][0]["status"] = "fail"
    run_.save()
    assert "duration" in run("spec_vs_cdc", production).message


def test_acceptance_stored(pad: RegisterItem) -> None:
    production = pad.destination.production
    assert status("acceptance_stored", production) is Status.NOT_MET
    pad.accepted_on, pad.acceptance_duration_s = TODAY, 600.4
    pad.acceptance_file.name = "closing/acceptance/attestation.pdf"
    pad.save()
    assert status("acceptance_stored", production) is Status.MET
    pad.acceptance_duration_s = 540.0
    pad.save()
    assert "durée" in run("acceptance_stored", production).message


def test_delivered_by_deadline(pad: RegisterItem) -> None:
    production = pad.destination.production
    assert status("delivered_by_deadline", production) is Status.MET
    item(pad.destination, "sme", due=TODAY - timedelta(days=10), delivered_on=TODAY)
    assert status("delivered_by_deadline", production) is Status.PARTLY


def test_delivery_list_complete(production: Any) -> None:
    target = destination(production, "archive")
    version = item(target, "version", delivered_on=TODAY)
    assert status("delivery_list_complete", production) is Status.MET
    version.delivered_on = None
    version.save()
    assert status("delivery_list_complete", production) is Status.NOT_MET


def test_qc_international(production: Any) -> None:
    deliverable = qc(production, {"package": "pass"}, profile="dcp")
    entry = item(
        destination(production, "distributor"),
        "dcp",
        deliverable=deliverable,
        file_sha256=SHA,
        delivered_on=TODAY,
    )
    assert status("qc_international", production) is Status.MET
    entry.file_sha256 = "c" * 64
    entry.save()
    assert status("qc_international", production) is Status.NOT_MET


def test_outlet_specs(production: Any) -> None:
    good = qc(production, {"container": "pass"}, profile="youtube")
    item(
        destination(production, "web"),
        "web_master",
        deliverable=good,
        file_sha256=SHA,
        delivered_on=TODAY,
    )
    assert status("outlet_specs", production) is Status.MET
    bad = qc(production, {"container": "fail"}, profile="social-vertical", sha="d" * 64)
    item(
        destination(production, "web", "Réseaux"),
        "web_master",
        deliverable=bad,
        file_sha256="d" * 64,
        delivered_on=TODAY,
    )
    assert status("outlet_specs", production) is Status.PARTLY


# --- QC outcomes read through delivery's api ------------------------------------------------


@pytest.mark.parametrize(
    ("check", "qc_id"),
    [
        ("av_same_duration", "av_duration"),
        ("captions_kind", "captions_kind"),
        ("flashes", "flashes"),
        ("duration_within_tolerance", "duration"),
        ("format_matches_brief", "resolution"),
    ],
)
def test_qc_outcome_checks(production: Any, other_production: Any, check: str, qc_id: str) -> None:
    assert status(check, production) is Status.UNKNOWN
    qc(production, {qc_id: "pass"})
    assert status(check, production) is Status.MET
    qc(other_production, {qc_id: "fail"})
    assert status(check, other_production) is Status.NOT_MET


# --- the marketing set ----------------------------------------------------------------------


def test_marketing_set_complete(production: Any) -> None:
    destination(production, "distributor")
    for kind in ("trailer", "key_art", "stills"):
        MarketingPiece.objects.create(production=production, kind=kind, title=kind)
    result = run("marketing_set_complete", production)
    assert result.status is Status.NOT_MET and "press_kit" in result.message
    MarketingPiece.objects.create(production=production, kind="press_kit", title="DP")
    assert status("marketing_set_complete", production) is Status.MET


# --- the closing file -----------------------------------------------------------------------


@pytest.fixture
def closed_books(production: Any) -> Any:
    """A devis of 10 000 € fully spent, financed, a carbon forecast and actuals, one contract."""
    version = BudgetVersion.objects.create(
        production=production,
        name="v1",
        title="Devis",
        is_reference=True,
        frais_generaux_percent=0,
        imprevus_percent=0,
    )
    BudgetLine.objects.create(budget=version, account="8.3", label="Étalonnage", rate="4000")
    BudgetLine.objects.create(budget=version, account="7.1", label="Caméra", rate="6000")
    for account, amount in (("8.3", "4000"), ("7.1", "6000")):
        Expense.objects.create(
            production=production,
            account=account,
            amount_ht=Decimal(amount),
            date=date(2027, 5, 1),
            supplier="F",
            label="L",
            vat_rate=0,
        )
    FinancingSource.objects.create(
        production=production, kind="own_funds", label="Apport", amount=Decimal("10000")
    )
    for phase, quantity in (("forecast", "100"), ("actual", "110")):
        CarbonActivity.objects.create(
            production=production,
            phase=phase,
            factor="meal_vegetarian_ngc",
            quantity=Decimal(quantity),
            unit="meal",
            label=f"Repas {phase}",
        )
    ClosingFile.objects.create(
        production=production,
        completion_date=date(2027, 6, 30),
        visa_date=date(2027, 7, 15),
        frozen_on=date(2027, 7, 1),
        frozen_cost_total=Decimal("10000"),
        frozen_carbon_kg=Decimal("93.5"),
    )
    return production


def test_closing_numbers_reconcile(closed_books: Any) -> None:
    assert status("closing_numbers_reconcile", closed_books) is Status.MET
    Expense.objects.create(
        production=closed_books,
        account="7.1",
        amount_ht=Decimal("50"),
        date=date(2027, 8, 1),
        supplier="F",
        label="oubli",
        vat_rate=0,
    )
    result = run("closing_numbers_reconcile", closed_books)
    assert result.status is Status.NOT_MET and "figé" in result.message


def test_closing_financial_checks(closed_books: Any) -> None:
    assert status("closing_financial_checks", closed_books) is Status.MET
    FinancingSource.objects.filter(production=closed_books).update(amount=Decimal("9000"))
    assert status("closing_financial_checks", closed_books) is Status.PARTLY


def test_certification_needed(closed_books: Any) -> None:
    assert status("certification_needed", closed_books) is Status.MET
    FinancingSource.objects.create(
        production=closed_books, kind="tax_credit", label="CI", amount=Decimal("2000")
    )
    assert status("certification_needed", closed_books) is Status.NOT_MET


def test_final_vs_budget_and_post_budget(closed_books: Any) -> None:
    assert status("final_vs_budget", closed_books) is Status.MET
    assert status("post_budget", closed_books) is Status.MET
    Expense.objects.create(
        production=closed_books,
        account="8.3",
        amount_ht=Decimal("900"),
        date=date(2027, 8, 1),
        supplier="F",
        label="reprise",
        vat_rate=0,
    )
    assert status("final_vs_budget", closed_books) is Status.NOT_MET
    assert status("post_budget", closed_books) is Status.NOT_MET


def test_final_footprint_present(closed_books: Any) -> None:
    assert status("final_footprint_present", closed_books) is Status.MET
    ClosingFile.objects.filter(production=closed_books).update(frozen_on=None)
    assert status("final_footprint_present", closed_books) is Status.NOT_MET


def test_forecast_final_delta(closed_books: Any) -> None:
    assert status("forecast_final_delta", closed_books) is Status.MET  # +10 %: no comment needed
    CarbonActivity.objects.filter(production=closed_books, phase="actual").update(
        quantity=Decimal("300")
    )
    assert status("forecast_final_delta", closed_books) is Status.NOT_MET


def test_ecoprod_score(closed_books: Any) -> None:
    ClosingFile.objects.filter(production=closed_books).update(
        ecoprod_targeted=True, ecoprod_score=Decimal("70"), ecoprod_mandatory_met=True
    )
    assert status("ecoprod_score", closed_books) is Status.MET
    ClosingFile.objects.filter(production=closed_books).update(ecoprod_score=Decimal("60"))
    assert status("ecoprod_score", closed_books) is Status.NOT_MET


def test_contracts_closed_and_sections_present(closed_books: Any, make_person: Any) -> None:
    assert status("contracts_closed", closed_books) is Status.UNKNOWN
    assert status("closing_sections_present", closed_books) is Status.NOT_MET
    contract = Contract.objects.create(
        production=closed_books,
        person=make_person(closed_books),
        idcc=2642,
        function="Machiniste",
        programme="Court métrage",
        start=date(2027, 4, 1),
        end=date(2027, 4, 30),
        pay_amount=Decimal("2000"),
        pay_basis="weekly_35h",
        workplace="Albi",
        status="ended",
    )
    assert status("closing_sections_present", closed_books) is Status.MET
    assert status("contracts_closed", closed_books) is Status.NOT_MET  # pay not settled yet
    ContractClosure.objects.create(
        closing_file=closed_books.closing_file,
        contract=contract,
        final_pay_on=date(2027, 5, 5),
        documents_handed=True,
    )
    assert status("contracts_closed", closed_books) is Status.MET
