"""Budget pages: roles, devis editing, expense import, exports, demo, archive."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from archive_snapshot import snapshot
from tournage.budget.report import analyse
from tournage.web.budget import adapters, models
from tournage.web.budget.demo import load_demo_budget
from tournage.web.productions.archive import export_production, import_production

pytestmark = pytest.mark.django_db


@pytest.fixture
def budgeted(production: Any, make_person: Any) -> Any:
    make_person(
        production, kind="cast", character="LÉA", daily_rate="420.00", functions="comédienne"
    )
    make_person(production, kind="crew", functions="chef opérateur", daily_rate="480.00")
    production.refresh_from_db()
    load_demo_budget(production)
    return production


def url(name: str, production: Any, **kwargs: Any) -> str:
    return reverse(f"budget:{name}", kwargs={"production_id": production.pk, **kwargs})


def test_demo_budget_fits_the_envelope_and_is_idempotent(budgeted: Any) -> None:
    document = adapters.production_budget(budgeted)
    totals, report, financing = analyse(document)
    envelope = budgeted.budget_envelope
    assert envelope - Decimal("500") < totals.total <= envelope
    assert financing.gap == 0  # the plan balances the devis
    assert report.total.actual > 0 and financing.public_share < financing.ceiling.percent
    counts = (models.BudgetLine.objects.count(), models.Expense.objects.count())
    load_demo_budget(budgeted)
    assert (models.BudgetLine.objects.count(), models.Expense.objects.count()) == counts


def test_pages_render_for_the_producer(budgeted: Any, member_client: Any) -> None:
    client = member_client("producer")
    version = adapters.reference_version(budgeted)
    for name, kwargs in [
        ("index", {}),
        ("devis", {"version_id": version.pk}),
        ("costs", {}),
        ("financing", {}),
        ("compare", {}),
        ("closing", {}),
    ]:
        response = client.get(url(name, budgeted, **kwargs))
        assert response.status_code == 200, name
    costs = client.get(url("costs", budgeted)).content.decode()
    assert costs.count("<svg") == 2
    financing = client.get(url("financing", budgeted)).content.decode()
    assert "region_occitanie" in financing or "Occitanie" in financing
    assert "122-18" in financing  # why the CNC aid needs checking: carbon footprint


def test_crew_sees_chapter_totals_but_no_salaries(budgeted: Any, member_client: Any) -> None:
    crew = member_client("crew")
    assert crew.get(url("index", budgeted)).status_code == 200
    version = adapters.reference_version(budgeted)
    assert crew.get(url("devis", budgeted, version_id=version.pk)).status_code == 403
    assert crew.get(url("costs", budgeted)).status_code == 403
    assert crew.get(url("export", budgeted, fmt="xlsx")).status_code == 403


def test_accountant_records_an_expense_eco_referent_cannot(
    budgeted: Any, member_client: Any
) -> None:
    def data(**changes: str) -> dict[str, Any]:
        return {
            "date": "2027-05-02",
            "account": "7.1",
            "supplier": "Loueur",
            "label": "Solde",
            "amount_ht": "1200.00",
            "vat_rate": "20",
            "payment_status": "to_pay",
            "receipt": SimpleUploadedFile("recu.pdf", b"%PDF-1.4 recu", "application/pdf"),
            **changes,
        }

    assert (
        member_client("eco_referent").post(url("expense_new", budgeted), data()).status_code == 403
    )
    response = member_client("accountant").post(url("expense_new", budgeted), data())
    assert response.status_code == 302
    expense = models.Expense.objects.get(label="Solde")
    assert expense.receipt.name.startswith("budget/receipts/")
    assert expense.history.count() == 1
    bad = data(account="99.9", label="Mauvais")
    response = member_client("accountant").post(url("expense_new", budgeted), bad)
    assert (
        response.status_code == 200 and not models.Expense.objects.filter(label="Mauvais").exists()
    )


def test_changing_a_global_updates_the_devis(budgeted: Any, member_client: Any) -> None:
    client = member_client("production_manager")
    version = adapters.reference_version(budgeted)
    before = analyse(adapters.production_budget(budgeted))[0].total
    shooting = version.globals.get(code="tournage")
    response = client.post(
        url("global_edit", budgeted, version_id=version.pk, global_id=shooting.pk),
        {"code": "tournage", "label": "Jours de tournage", "value": "8", "unit": "j"},
    )
    assert response.status_code == 302
    assert analyse(adapters.production_budget(budgeted))[0].total > before
    assert shooting.history.count() == 2  # audit trail: before and after


def test_user_sets_an_unknown_social_charge_rate(budgeted: Any, member_client: Any) -> None:
    version = adapters.reference_version(budgeted)
    client = member_client("producer")
    key = "technicien_intermittent.general_employer"
    response = client.post(
        url("fringe_set", budgeted, version_id=version.pk), {"key": key, "rate": "0.3"}
    )
    assert response.status_code == 302
    assert version.fringe_overrides.get(key=key).rate == Decimal("0.3")
    assert (
        client.post(
            url("fringe_set", budgeted, version_id=version.pk), {"key": "nope.nope", "rate": "1"}
        ).status_code
        == 404
    )


def test_expense_import_is_all_or_nothing(budgeted: Any, member_client: Any) -> None:
    client = member_client("accountant")
    before = models.Expense.objects.count()
    csv_bad = "Date;Compte;Montant HT\n01/05/2027;7.1;100,00\n02/05/2027;99.1;abc\n"
    client.post(
        url("expense_import", budgeted),
        {"file": SimpleUploadedFile("banque.csv", csv_bad.encode())},
    )
    mapping = {"date": "Date", "account": "Compte", "amount_ht": "Montant HT"}
    response = client.post(url("expense_mapping", budgeted), mapping)
    assert response.status_code == 200
    assert "Compte « 99.1 » inconnu" in response.content.decode()
    assert models.Expense.objects.count() == before
    csv_good = "Date;Compte;Montant HT\n01/05/2027;7.1;100,00\n02/05/2027;6.4;50\n"
    client.post(
        url("expense_import", budgeted),
        {"file": SimpleUploadedFile("banque.csv", csv_good.encode())},
    )
    response = client.post(url("expense_mapping", budgeted), mapping)
    assert response.status_code == 302
    assert models.Expense.objects.count() == before + 2


def test_upload_rejects_wrong_type(budgeted: Any, member_client: Any) -> None:
    response = member_client("accountant").post(
        url("expense_import", budgeted), {"file": SimpleUploadedFile("x.exe", b"MZ")}
    )
    assert response.status_code == 200 and "CSV" in response.content.decode()


def test_xlsx_export_imports_back_as_a_new_version(budgeted: Any, member_client: Any) -> None:
    client = member_client("producer")
    response = client.get(url("export", budgeted, fmt="xlsx"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    response = client.post(
        url("devis_import", budgeted),
        {"name": "v2", "file": SimpleUploadedFile("devis.xlsx", response.content)},
    )
    assert response.status_code == 302
    v1, v2 = budgeted.budget_versions.order_by("pk")
    from tournage.budget.compute import compute

    assert compute(adapters.core_budget(v2)).total == compute(adapters.core_budget(v1)).total
    assert client.get(url("export", budgeted, fmt="pdf")).content.startswith(b"%PDF")
    broken = client.post(
        url("devis_import", budgeted),
        {"name": "v3", "file": SimpleUploadedFile("devis.xlsx", b"PK\x03\x04 broken")},
    )
    assert broken.status_code == 200 and not budgeted.budget_versions.filter(name="v3").exists()


def test_new_version_copies_and_compares(budgeted: Any, member_client: Any) -> None:
    client = member_client("producer")
    response = client.post(
        url("version_new", budgeted),
        {
            "name": "v2",
            "title": "Devis révisé",
            "variant": "cinema",
            "is_reference": "on",
            "frais_generaux_percent": "7",
            "imprevus_percent": "8",
        },
    )
    assert response.status_code == 302
    v1, v2 = budgeted.budget_versions.order_by("pk")
    assert v2.lines.count() == v1.lines.count() and v2.is_reference
    v1.refresh_from_db()
    assert not v1.is_reference
    page = client.get(url("compare", budgeted), {"a": v1.pk, "b": v2.pk}).content.decode()
    assert "Imprévus" in page


def test_archive_round_trip_keeps_the_budget(budgeted: Any) -> None:
    expense = models.Expense.objects.filter(production=budgeted).first()
    expense.receipt = SimpleUploadedFile("recu.pdf", b"%PDF receipt")
    expense.save()
    models.CostStatement.objects.create(
        production=budgeted, version="v1", final=True, document={"total": {"final": "1.00"}}
    )
    buffer = io.BytesIO()
    export_production(budgeted, buffer)
    buffer.seek(0)
    copy = import_production(buffer)
    assert snapshot(copy)["budget"] == snapshot(budgeted)["budget"]
    assert copy.budget_expenses.exclude(receipt="").get().receipt.read() == b"%PDF receipt"
    assert copy.cost_statements.get(final=True).document == {"total": {"final": "1.00"}}


def test_dashboard_panel(budgeted: Any, member_client: Any) -> None:
    page = (
        member_client("producer")
        .get(reverse("productions:dashboard", kwargs={"production_id": budgeted.pk}))
        .content.decode()
    )
    assert "Devis" in page or "devis" in page


def test_schedule_provided_globals_drive_the_devis(
    budgeted: Any, member_client: Any, monkeypatch: Any
) -> None:
    from tournage.web.budget import schedule_link

    before = analyse(adapters.production_budget(budgeted))[0].total
    monkeypatch.setattr(
        schedule_link, "_providers", [lambda p: {"tournage": ("Jours de tournage", Decimal(9))}]
    )
    after = analyse(adapters.production_budget(budgeted))[0].total
    assert after > before  # 9 planned days instead of the 6 stored
    version = adapters.reference_version(budgeted)
    page = member_client("producer").get(url("devis", budgeted, version_id=version.pk))
    assert "(planning)" in page.content.decode()


def test_cli_reads_a_production_from_the_database(budgeted: Any, capsys: Any) -> None:
    import json

    from tournage.cli import main
    from tournage.cli.output import options

    try:
        with pytest.raises(SystemExit) as done:
            main(["--json", "budget", "show", str(budgeted.pk)])
            raise SystemExit(0)
    finally:
        options.json = False
    assert done.value.code == 0
    document = json.loads(capsys.readouterr().out)
    assert Decimal(document["total_ht"]) <= budgeted.budget_envelope
    assert document["financing"]["gap"] == "0.00"


def test_delete_asks_then_deletes(budgeted: Any, member_client: Any) -> None:
    client = member_client("accountant")
    expense = models.Expense.objects.filter(production=budgeted).first()
    page = client.get(url("expense_delete", budgeted, expense_id=expense.pk)).content.decode()
    assert url("costs", budgeted) in page  # cancel goes back to the cost report
    assert client.post(url("expense_delete", budgeted, expense_id=expense.pk)).status_code == 302
    assert not models.Expense.objects.filter(pk=expense.pk).exists()
    assert expense.history.filter(history_type="-").exists()


def test_amounts_can_be_typed_the_french_way(budgeted: Any, member_client: Any) -> None:
    response = member_client("accountant").post(
        url("commitment_new", budgeted),
        {"account": "7.4", "supplier": "Son", "amount": "1200,50", "reference": "BC-9"},
    )
    assert response.status_code == 302
    assert models.Commitment.objects.get(reference="BC-9").amount == Decimal("1200.50")
    page = member_client("producer").get(url("costs", budgeted)).content.decode()
    assert "1\xa0200,50" in page or "1 200,50" in page or "1200,50" in page


def test_final_cost_is_recorded_as_a_statement(budgeted: Any, member_client: Any) -> None:
    assert member_client("production_manager").post(url("closing", budgeted)).status_code == 403
    client = member_client("accountant")
    assert client.post(url("closing", budgeted), {"final": "on"}).status_code == 302
    snapshot = budgeted.cost_statements.get(final=True)
    _totals, report, _ = analyse(adapters.production_budget(budgeted))
    assert Decimal(snapshot.document["total"]["final"]) == report.total.actual
    assert snapshot.history.get().history_user == client.user
    assert snapshot.version in client.get(url("closing", budgeted)).content.decode()
