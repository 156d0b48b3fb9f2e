import io
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from tournage.budget.compute import compute
from tournage.budget.cost_report import known_account
from tournage.budget.errors import BudgetError
from tournage.budget.expense_import import (
    ImportRejected,
    parse_expenses,
    read_table,
    suggest_mapping,
)

from .helpers import small_budget

TOTALS = compute(small_budget())


def check(code):
    return known_account(TOTALS, code)


CSV = (
    "Date;Compte;Fournisseur;Libellé;Montant TTC;TVA;Statut\n"
    "15/03/2026;7.1;Loueur Caméra;Location semaine 1;1 200,00;20;payé\n"
    "2026-03-20;6.4;Traiteur;Cantine;110,00;10;\n"
).encode("latin-1")


def test_csv_with_french_headers_is_mapped_and_imported():
    table = read_table(CSV, "banque.csv")
    mapping = suggest_mapping(table.headers)
    assert mapping["amount_ttc"] == "Montant TTC" and mapping["vat_rate"] == "TVA"
    expenses = parse_expenses(table, mapping, check)
    assert expenses[0].date == date(2026, 3, 15)
    assert expenses[0].amount_ht == Decimal("1000.00")
    assert expenses[0].payment_status == "paid"
    assert expenses[1].amount_ht == Decimal("100.00") and expenses[1].payment_status == "to_pay"


def test_one_bad_row_rejects_the_whole_file_with_a_report():
    data = CSV + "31/02/2026;99.1;X;Y;abc;20;peut-être\n".encode()
    table = read_table(data, "banque.csv")
    with pytest.raises(ImportRejected) as rejected:
        parse_expenses(table, suggest_mapping(table.headers), check)
    [error] = rejected.value.errors
    assert error.row == 4
    assert len(error.messages) == 4  # date, account, amount, status
    assert "rien n'a été importé" in rejected.value.message


def test_xlsx_export_of_an_accounting_tool():
    book = Workbook()
    sheet = book.active
    sheet.append(["Date pièce", "Code compte", "Montant HT", "Tiers"])
    sheet.append([date(2026, 4, 1), "2.11", 350.5, "Électro"])
    buffer = io.BytesIO()
    book.save(buffer)
    table = read_table(buffer.getvalue(), "compta.xlsx")
    mapping = {
        "date": "Date pièce",
        "account": "Code compte",
        "amount_ht": "Montant HT",
        "supplier": "Tiers",
    }
    [expense] = parse_expenses(table, mapping, check)
    assert expense.amount_ht == Decimal("350.5") and expense.supplier == "Électro"


def test_incomplete_mapping_and_empty_files_are_explained():
    table = read_table(CSV, "x.csv")
    with pytest.raises(BudgetError, match="account"):
        parse_expenses(table, {"date": "Date", "amount_ht": "Montant TTC"}, check)
    with pytest.raises(BudgetError, match="absente"):
        parse_expenses(
            table, {"date": "Date", "account": "Nope", "amount_ht": "Montant TTC"}, check
        )
    with pytest.raises(BudgetError) as error:
        read_table(b"\n\n", "vide.csv")
    assert error.value.code == "EMPTY_FILE"
    with pytest.raises(BudgetError):
        read_table(b"garbage", "x.xlsx")


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_never_crash(data):
    try:
        table = read_table(data, "x.csv")
        parse_expenses(table, suggest_mapping(table.headers), check)
    except BudgetError:
        pass


rows = st.lists(
    st.tuples(
        st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
        st.sampled_from(["2.11", "7.1", "6.4", "5"]),
        st.decimals(min_value=0, max_value=10**7, places=2),
        st.sampled_from([Decimal("0"), Decimal("5.5"), Decimal("10"), Decimal("20")]),
        st.text(alphabet="abcdeéèàç ABC-'", max_size=20).map(str.strip),
    ),
    min_size=1,
    max_size=30,
)


@settings(max_examples=40, deadline=None)
@given(rows)
def test_a_french_bank_export_reads_back_exactly(generated):
    lines = ["Date;Compte;Montant HT;TVA;Fournisseur"]
    lines += [
        f"{d:%d/%m/%Y};{a};{str(v).replace('.', ',')};{str(t).replace('.', ',')};{s}"
        for d, a, v, t, s in generated
    ]
    table = read_table("\n".join(lines).encode("utf-8"), "export.csv")
    expenses = parse_expenses(table, suggest_mapping(table.headers), check)
    assert [(e.date, e.account, e.amount_ht, e.vat_rate, e.supplier) for e in expenses] == [
        (d, a, v, t, s) for d, a, v, t, s in generated
    ]
