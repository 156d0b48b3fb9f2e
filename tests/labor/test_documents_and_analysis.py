"""Generated contracts carry every mandatory mention; uploaded contracts are analysed."""

import io
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st

from tournage.data import load_yaml
from tournage.labor.analysis import analyse_file, analyse_text, extract_text
from tournage.labor.documents import contract_docx, contract_pdf
from tournage.labor.errors import LaborError

MENTION_IDS = [m["id"] for m in load_yaml("labor/cddu_mentions.yaml")["mandatory_mentions"]]


def docx_text(content: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)


def test_template_covers_every_mandatory_mention():
    template = load_yaml("labor/cddu_template.yaml")
    covered = {m for article in template["articles"] for m in article["mentions"]}
    assert covered == set(MENTION_IDS)


def test_generated_docx_contains_every_mandatory_mention(contract):
    content = contract_docx(contract, today=date(2026, 2, 20))
    analysis = analyse_file(content, "contrat.docx")
    missing = [m["id"] for m in analysis.mentions if not m["present"]]
    assert missing == []
    text = docx_text(content)
    assert "Nadia Benali" in text and "Machiniste" in text and "850,00\xa0€" in text
    assert "721,54\xa0€" not in text  # the applicable minimum is the highest known one
    assert "746,99\xa0€" in text  # computed 1 Jan 2023 grid
    assert analysis.extracted["function"] == "Machiniste"
    assert analysis.extracted["pay_amount"] == Decimal("850.00")
    assert analysis.extracted["start"] == date(2026, 3, 2)
    assert analysis.extracted["idcc"] == 2642


def test_generated_pdf_is_analysable_and_complete(make_contract):
    actor = make_contract(
        function="Artiste-interprète",
        pay_basis="cachet",
        birth_date=date(2016, 6, 1),
        minor_authorisation="Préf. 75-2026-17",
        rights_remuneration={"télévision": Decimal("120")},
    )
    content = contract_pdf(actor, today=date(2026, 2, 20))
    assert content.startswith(b"%PDF")
    analysis = analyse_file(content, "contrat.pdf")
    assert all(m["present"] for m in analysis.mentions)
    text = extract_text(content)
    assert "Préf. 75-2026-17" in text and "L.212-4" in text and "annexe 10" in text


PLANTED = """CONTRAT DE TRAVAIL
Entre les soussignés : Studio Nord, ci-après dénommé « l'employeur », d'une part, et Paul Roy,
d'autre part. Contrat à durée déterminée d'usage (article L.1242-2 3° du Code du travail).
Objet du contrat : tournage du téléfilm « La Digue ».
Le contrat prend effet le 02/03/2026 et prendra fin le 06/03/2026.
Paul Roy est engagé en qualité de Chef machiniste, statut non-cadre.
Lieu de travail : Dunkerque. Durée de référence : 8 heures par jour.
Rémunération brute : 180,00 € par jour.
Convention collective nationale de la production audiovisuelle (IDCC 2642).
Caisse des Congés Spectacles, numéro 55-1. Retraite complémentaire : Audiens.
"""


def test_planted_omissions_are_found():
    analysis = analyse_text(PLANTED)
    missing = {m["id"] for m in analysis.mentions if not m["present"]}
    # not written in PLANTED: trial period, internal rules, occupational health, DPAE, credit,
    # applicable minimum, end-of-contract indemnity, unemployment annex
    assert missing == {
        "trial_period",
        "internal_rules",
        "medical_fitness",
        "dpae_place",
        "credit",
        "minimum_wage_applicable",
        "end_of_contract_indemnity",
        "unemployment_annex",
    }
    codes = [f.code for f in analysis.findings]
    assert codes.count("LAB-MENTION-MISSING") == 8
    # 180 EUR per 8 h day < chef machiniste daily_8h minimum 223.35 (2012 grid)
    below = [f for f in analysis.findings if f.code == "LAB-PAY-BELOW-MIN"]
    assert below and "223,35\xa0€" in below[0].message
    assert analysis.extracted == {
        "idcc": 2642,
        "function": "Chef machiniste",
        "pay_amount": Decimal("180.00"),
        "pay_basis": "daily_8h",
        "start": date(2026, 3, 2),
        "end": date(2026, 3, 6),
    }


def test_unrecognised_pay_is_said_so():
    analysis = analyse_text("Un texte sans rapport avec un contrat.")
    assert "LAB-PAY-NOT-EXTRACTED" in [f.code for f in analysis.findings]
    assert all(not m["present"] for m in analysis.mentions)


@pytest.mark.parametrize(
    "content,name,message",
    [
        (b"", "c.docx", "vide"),
        (b"%PDF-1.4 garbage", "c.pdf", "PDF illisible"),
        (b"PK\x03\x04 not a zip", "c.docx", "DOCX illisible"),
        (b"\xff\xfe\x00binary", "c.bin", "Format non reconnu"),
        (b"hello", "c.pdf", "extension"),
    ],
)
def test_bad_files_give_clear_messages(content, name, message):
    with pytest.raises(LaborError, match=message):
        analyse_file(content, name)


def test_zip_bomb_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"0" * (250 * 1024 * 1024))
    with pytest.raises(LaborError, match="volumineux"):
        analyse_file(buffer.getvalue(), "bomb.docx")


def test_pdf_without_text_layer(tmp_path):
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.rect(10, 10, 100, 100)
    pdf.save()
    with pytest.raises(LaborError, match="couche texte"):
        analyse_file(buffer.getvalue(), "scan.pdf")


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_give_an_analysis_or_a_labor_error(content):
    try:
        result = analyse_file(content, "upload")
    except LaborError:
        return
    assert len(result.mentions) == len(MENTION_IDS)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=3000))
def test_any_text_is_analysed(text):
    result = analyse_text(text)
    assert {m["id"] for m in result.mentions} == set(MENTION_IDS)


def test_director_contract_carries_the_author_article(make_contract):
    director = make_contract(
        idcc=3097,
        function="Réalisateur",
        pay_basis="weekly_39h",
        pay_amount=Decimal("2500"),
        author_share_percent=Decimal("2.5"),
    )
    text = docx_text(contract_docx(director, today=date(2026, 2, 20)))
    assert "Droits d'auteur" in text and "2,5 % des recettes" in text
    assert "Droits d'auteur" not in docx_text(contract_docx(make_contract()))
