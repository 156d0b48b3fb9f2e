"""The portfolio PDF is tagged (structure tree, headings, language) and the zip files the
evidence by block, row and check, without trusting stored names."""

from __future__ import annotations

import io
import itertools
import json
import zipfile
from datetime import datetime
from typing import Any

import pikepdf
import pytest

from tournage.referential import registry
from tournage.referential.document import evaluation_document
from tournage.referential.evaluation import evaluate
from tournage.referential.portfolio import portfolio_pdf, portfolio_zip
from tournage.referential.registry import CheckResult, Evidence, Status

WHEN = datetime(2027, 4, 2, 18, 30)


@pytest.fixture
def document(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    evaluators: dict[str, Any] = {}
    monkeypatch.setattr(registry, "_evaluators", evaluators)
    registry.register_check("expense_has_receipt")(
        lambda p: CheckResult(
            Status.NOT_MET,
            "1 dépense sans justificatif <b>gras</b> & co",
            (
                Evidence("Reçu traiteur", file="budget/receipts/../../etc/passwd"),
                Evidence("Facture perdue", file="budget/receipts/gone.pdf"),
                Evidence("Suivi", url="/p/1/budget/costs/"),
            ),
        )
    )
    return evaluation_document(
        evaluate(object()),
        [
            {
                "row": "c2_3",
                "item": 0,
                "text": "mesures",
                "verdict": "met",
                "comment": "ok",
                "date": "2027-03-29",
                "by": "prod",
            }
        ],
    )


def _structure_tags(pdf: pikepdf.Pdf) -> list[str]:
    return [str(kid.S) for kid in pdf.Root.StructTreeRoot.K.K]


def test_the_pdf_is_tagged_with_headings_in_order_and_its_language_set(document: Any) -> None:
    pdf = pikepdf.open(io.BytesIO(portfolio_pdf(document, "Avant la crue", WHEN)))
    assert pdf.Root.MarkInfo.Marked is True
    assert str(pdf.Root.Lang) == "fr-FR"
    assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
    tags = _structure_tags(pdf)
    assert tags[0] == "/H1"
    assert tags.count("/H2") == 4  # one per block
    assert tags.count("/H3") == 56  # one per row (25 competences, 31 criteria)
    levels = [int(t[2]) for t in tags if t.startswith("/H")]
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))


def test_every_marked_sequence_is_reachable_from_the_parent_tree(document: Any) -> None:
    pdf = pikepdf.open(io.BytesIO(portfolio_pdf(document, "Avant la crue", WHEN)))
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    for index, page in enumerate(pdf.pages):
        assert page.obj.StructParents == index
        assert int(nums[2 * index]) == index
        mcids = [
            op.operands[1].MCID
            for op in pikepdf.parse_content_stream(page)
            if str(op.operator) == "BDC"
        ]
        assert mcids == list(range(len(nums[2 * index + 1])))


def test_every_font_is_embedded(document: Any) -> None:
    pdf = pikepdf.open(io.BytesIO(portfolio_pdf(document, "Avant la crue", WHEN)))
    fonts = {
        str(font.BaseFont): font for page in pdf.pages for font in page.obj.Resources.Font.values()
    }
    assert fonts
    for name, font in fonts.items():
        assert "/FontFile2" in font.get("/FontDescriptor", {}), name


def test_user_text_is_printed_not_interpreted(document: Any) -> None:
    import pdfplumber

    data = portfolio_pdf(document, "Film <i>x</i>", WHEN)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert "<b>gras</b> & co" in text
    assert "Film <i>x</i>" in text


def test_the_zip_files_evidence_by_block_row_and_check(document: Any) -> None:
    stored = {"budget/receipts/../../etc/passwd": b"receipt"}
    data = portfolio_zip(document, "Avant la crue", WHEN, stored.get)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        index = archive.read("LISEZMOI.txt").decode()
        assert json.loads(archive.read("referentiel.json"))["summary"]["not_met"] == 1
    assert "bloc-2/c2_3_2/expense_has_receipt/passwd" in names
    assert all(".." not in name and not name.startswith("/") for name in names)
    assert "portefeuille.pdf" in names
    assert "gone.pdf : document introuvable (Facture perdue)" in index
