"""Financial, legal and environmental rules of the closing file, on plain inputs."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tournage.budget.cost_report import CostReport, CostRow
from tournage.closing import environmental, financial, legal
from tournage.closing.environmental import CarbonInput
from tournage.closing.financial import Certificate, FinancialInput, add_months
from tournage.closing.legal import ContractLine, LegalInput
from tournage.closing.report import ClosingInput, build, closing_numbers_reconcile
from tournage.referential.registry import Status


def _row(code: str, budget: str, actual: str) -> CostRow:
    return CostRow(
        code, f"Chapitre {code}", Decimal(budget), Decimal(0), Decimal(actual), Decimal(0), False
    )


def _report(*rows: CostRow) -> CostReport:
    total = CostRow(
        "total",
        "Total",
        sum((r.budget for r in rows), Decimal(0)),
        Decimal(0),
        sum((r.actual for r in rows), Decimal(0)),
        Decimal(0),
        False,
    )
    return CostReport(rows, rows, total, ())


REPORT = _report(_row("1", "1000", "900"), _row("8", "500", "600"))


def _financial(**changes: object) -> FinancialInput:
    base: dict[str, object] = {
        "report": REPORT,
        "financing": (("own_funds", Decimal("1500")),),
        "ledger_total": Decimal("1500"),
        "format": "documentary",
        "completion": date(2027, 8, 31),
        "frozen_total": Decimal("1500"),
    }
    base.update(changes)
    return FinancialInput(**base)  # type: ignore[arg-type]


def test_add_months_keeps_the_day_or_the_last_of_a_shorter_month() -> None:
    assert add_months(date(2027, 8, 31), 6) == date(2028, 2, 29)
    assert add_months(date(2027, 1, 15), 12) == date(2028, 1, 15)


def test_production_account_is_due_six_months_after_completion_or_eight_after_the_visa() -> None:
    assert financial.account_deadline(_financial()) == date(2028, 2, 29)
    cinema = _financial(format="feature", visa=date(2027, 3, 1))
    assert financial.account_deadline(cinema) == date(2027, 11, 1)


def test_fsa_aid_of_50000_or_more_needs_a_certificate() -> None:
    aided = _financial(financing=(("cnc_selective", Decimal("50000")),))
    assert [t.rule for t in financial.certification_triggers(aided)] == ["fsa_final_award"]
    assert financial.certification_needed(aided).status is Status.NOT_MET
    certified = _financial(
        financing=(("cnc_selective", Decimal("50000")),),
        certificate=Certificate("Cabinet", date(2027, 9, 1), True),
    )
    assert financial.certification_needed(certified).status is Status.MET


def test_aid_below_the_threshold_or_own_funds_need_no_certificate() -> None:
    small = _financial(financing=(("cnc_selective", Decimal("49999.99")),))
    assert financial.certification_triggers(small) == []
    assert financial.certification_needed(_financial()).status is Status.MET


def test_financial_checks_name_what_fails() -> None:
    assert financial.financial_checks(_financial()).status is Status.MET
    unbalanced = financial.financial_checks(_financial(ledger_total=Decimal("1400")))
    assert unbalanced.status is Status.PARTLY and "écritures" in unbalanced.message


def test_final_above_the_devis_needs_a_documented_overrun() -> None:
    over = _financial(report=_report(_row("1", "1000", "1200")))
    assert financial.final_vs_budget(over).status is Status.NOT_MET
    documented = _financial(report=_report(_row("1", "1000", "1200")), overrun_note="Avenant 2")
    assert financial.final_vs_budget(documented).status is Status.MET


def test_post_production_chapter_over_its_budget() -> None:
    assert financial.post_budget(_financial()).status is Status.NOT_MET
    under = _financial(report=_report(_row("8", "500", "400")))
    assert financial.post_budget(under).status is Status.MET


def _carbon(**changes: object) -> CarbonInput:
    base: dict[str, object] = {
        "forecast": {"energy": Decimal("100"), "catering": Decimal("200")},
        "actual": {"energy": Decimal("150"), "catering": Decimal("210")},
        "actual_total": Decimal("360"),
        "frozen_on": date(2027, 9, 1),
        "frozen_kg": Decimal("360"),
    }
    base.update(changes)
    return CarbonInput(**base)  # type: ignore[arg-type]


def test_a_large_gap_needs_an_explanation() -> None:
    assert environmental.forecast_final_delta(_carbon()).status is Status.NOT_MET
    explained = _carbon(comments={"energy": "groupe électrogène la nuit de crue"})
    assert environmental.forecast_final_delta(explained).status is Status.MET


def test_an_unforecast_category_names_its_actual_kilograms() -> None:
    actual = {"energy": Decimal("100"), "catering": Decimal("200"), "waste": Decimal("42")}
    comments = {"energy": "ok", "catering": "ok"}
    result = environmental.forecast_final_delta(_carbon(actual=actual, comments=comments))
    assert result.status is Status.NOT_MET
    assert "waste (non prévu : 42 kgCO2e)" in result.message
    assert "None" not in result.message


def test_final_footprint_must_be_frozen() -> None:
    assert environmental.final_footprint_present(_carbon()).status is Status.MET
    assert environmental.final_footprint_present(_carbon(frozen_on=None)).status is Status.NOT_MET
    assert environmental.final_footprint_present(CarbonInput(available=False)).status is (
        Status.UNKNOWN
    )


def test_ecoprod_score_against_the_65_percent_threshold() -> None:
    targeted = {"ecoprod_targeted": True, "ecoprod_mandatory_met": True}
    passing = _carbon(ecoprod_score=Decimal("65"), **targeted)
    failing = _carbon(ecoprod_score=Decimal("64.9"), **targeted)
    assert environmental.ecoprod_score(passing).status is Status.MET
    assert environmental.ecoprod_score(failing).status is Status.NOT_MET


def _contract(**changes: object) -> ContractLine:
    base: dict[str, object] = {
        "id": 1,
        "person": "A. B.",
        "function": "chef op",
        "status": "ended",
        "status_label": "Terminé",
        "end": date(2027, 5, 1),
        "final_pay_settled": True,
        "documents_handed": True,
    }
    base.update(changes)
    return ContractLine(**base)  # type: ignore[arg-type]


def test_contracts_closed_needs_status_pay_and_documents() -> None:
    assert legal.contracts_closed(LegalInput((_contract(),))).status is Status.MET
    signed = _contract(id=2, status="signed", status_label="Signé")
    open_one = legal.contracts_closed(LegalInput((_contract(), signed)))
    assert open_one.status is Status.PARTLY and "Signé" in open_one.message


def _closing(**changes: object) -> ClosingInput:
    base: dict[str, object] = {
        "title": "Essai",
        "today": date(2027, 10, 1),
        "financial": _financial(),
        "legal": LegalInput((_contract(),)),
        "carbon": _carbon(),
    }
    base.update(changes)
    return ClosingInput(**base)  # type: ignore[arg-type]


def test_numbers_reconcile_when_frozen_figures_equal_the_live_ones() -> None:
    assert closing_numbers_reconcile(_closing()).status is Status.MET
    later = _closing(carbon=_carbon(actual_total=Decimal("361")))
    result = closing_numbers_reconcile(later)
    assert result.status is Status.NOT_MET and "activités réelles" in result.message
    assert build(later)["reconciled"] is False


def test_the_report_has_its_sections_and_the_checks_of_both_sides() -> None:
    document = build(_closing())
    assert {"financial", "legal", "environmental", "accessibility", "checks"} <= set(document)
    ids = {c["id"] for c in document["checks"]}
    assert {"closing_numbers_reconcile", "delivered_by_deadline", "post_budget"} <= ids
    assert document["legal"]["rights_available"] is False


def test_the_spreadsheet_holds_numbers_and_the_pdf_formatted_text() -> None:
    import io

    from openpyxl import load_workbook

    from tournage.closing.documents import report_pdf, report_xlsx

    document = build(_closing())
    book = load_workbook(io.BytesIO(report_xlsx(document)))
    chapters = list(book["Financier"].iter_rows(min_row=2, values_only=True))
    assert chapters[0][2] == 1000 and chapters[1][3] == 600  # devis, final: numbers that sum
    carbon = list(book["Environnemental"].iter_rows(min_row=2, values_only=True))
    assert carbon[0][0] == "catering" and carbon[0][2] == 210
    assert report_pdf(document).startswith(b"%PDF-")


def test_a_devis_that_does_not_compute_fails_instead_of_being_unknown() -> None:
    broken = _financial(report=None, report_error="la variable globale « jours:x » n'existe pas.")
    for check in (financial.financial_checks, financial.final_vs_budget, financial.post_budget):
        result = check(broken)
        assert result.status is Status.NOT_MET
        assert "jours:x" in result.message
    assert financial.final_vs_budget(_financial(report=None)).status is Status.UNKNOWN
