import io
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from tournage.budget.compute import compute
from tournage.budget.errors import BudgetError
from tournage.budget.exports import export_bytes
from tournage.budget.model import Budget, BudgetGlobal, BudgetLine
from tournage.budget.xlsx import devis_workbook, import_devis, to_bytes

from .helpers import sample


def roundtrip(budget: Budget) -> Budget:
    return import_devis(to_bytes(devis_workbook(compute(budget))))


def test_sample_devis_roundtrips_and_keeps_formulas():
    budget = sample().budget
    back = roundtrip(budget)
    assert back == budget
    assert compute(back).total == compute(budget).total
    book = load_workbook(io.BytesIO(to_bytes(devis_workbook(compute(budget)))))
    devis = book["Devis"]
    assert devis["J2"].value == "=ROUND(C2*F2*G2,2)"
    assert devis["J2"].data_type == "f" and devis["C3"].data_type == "f"
    assert devis["C3"].value.startswith("=INDEX(Globales!")  # quantity follows the global
    assert book["Synthèse"]["C2"].value.startswith("=SUMIF(Devis!O$2")


def test_full_export_has_cost_report_and_pdf():
    document = sample()
    book = load_workbook(io.BytesIO(export_bytes(document, ".xlsx")))
    assert {"Suivi", "Dépenses"} <= set(book.sheetnames)
    assert book["Suivi"]["G2"].value == "=E2+F2"
    assert book["Suivi"]["G2"].data_type == "f" and book["Synthèse"]["C2"].data_type == "f"
    assert export_bytes(document, ".pdf").startswith(b"%PDF")
    with pytest.raises(BudgetError):
        export_bytes(document, ".doc")


@pytest.mark.parametrize("data", [b"", b"not a zip", b"PK\x03\x04garbage" * 10])
def test_hostile_bytes_give_a_clear_error(data):
    with pytest.raises(BudgetError) as error:
        import_devis(data)
    assert error.value.code == "INVALID_XLSX"


def test_workbook_without_devis_sheet_is_refused():
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Paramètres"
    with pytest.raises(BudgetError, match="Globales"):
        import_devis(to_bytes(book))


def test_a_bad_cell_names_its_row():
    book = devis_workbook(compute(sample().budget))
    book["Devis"]["F4"] = "beaucoup"
    with pytest.raises(BudgetError, match="Devis ligne 4"):
        import_devis(to_bytes(book))


values = st.decimals(min_value=0, max_value=10**7, places=2)
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=20).map(
    str.strip
)


@st.composite
def budgets(draw):
    lines = [
        BudgetLine(
            account=draw(st.sampled_from(["1.2", "2.4", "3.1", "7.1", "9.1"])),
            label=draw(texts),
            quantity=draw(values),
            unit=draw(texts),
            rate=draw(values),
            number=Decimal(draw(st.integers(1, 9))),
            category=draw(st.sampled_from([None, "auteur", "technicien_intermittent"])),
            spent_in_france=draw(st.booleans()),
            tax_credit_eligible=draw(st.sampled_from([None, True, False])),
            note=draw(texts),
        )
        for _ in range(draw(st.integers(0, 12)))
    ]
    return Budget(
        draw(texts) or "Devis",
        version=draw(texts) or "v1",
        lines=lines,
        globals={"j": BudgetGlobal("j", draw(texts), draw(values), draw(texts))},
        overhead_percents={"frais_generaux": draw(st.decimals(0, 20, places=2)), "imprevus": None},
        fringe_overrides={"auteur.author_diffuser": draw(st.decimals(0, 1, places=4))},
    )


@settings(max_examples=25, deadline=None)
@given(budgets())
def test_xlsx_roundtrip_loses_nothing(budget):
    assert roundtrip(budget) == budget


cells = st.one_of(
    st.none(),
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=12),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.lists(cells, min_size=1, max_size=16), max_size=6))
def test_hand_filled_devis_sheet_gives_a_budget_or_a_clear_error(rows):
    book = devis_workbook(compute(Budget("Devis")))
    for row in rows:
        book["Devis"].append(row)
    try:
        budget = import_devis(to_bytes(book))
    except BudgetError as error:
        assert error.message
    else:
        assert all(isinstance(line.rate, Decimal) for line in budget.lines)


def test_control_characters_in_labels_do_not_break_the_export():
    budget = Budget("Devis\x1f", lines=[BudgetLine("7.1", "Caméra\x0b\x00", rate=Decimal(1))])
    back = import_devis(to_bytes(devis_workbook(compute(budget))))
    assert back.title == "Devis" and back.lines[0].label == "Caméra"


def test_pdf_accepts_markup_characters_in_user_text():
    document = sample()
    document.budget.title = "R&D <b>sans fin"
    document.budget.lines[0].label = "Droits <i> & co"
    assert export_bytes(document, ".pdf").startswith(b"%PDF")


def test_user_text_starting_with_equals_is_not_a_formula():
    budget = Budget(
        "Devis", lines=[BudgetLine("7.1", '=HYPERLINK("http://x","clic")', rate=Decimal(1))]
    )
    data = to_bytes(devis_workbook(compute(budget)))
    cell = load_workbook(io.BytesIO(data))["Devis"]["B2"]
    assert cell.data_type == "s"
    assert import_devis(data).lines[0].label == '=HYPERLINK("http://x","clic")'
