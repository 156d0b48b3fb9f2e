"""The author-contract analysis: mentions found in the text, bad files refused in French."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from referential.test_cli import cli
from tournage.common.errors import DomainError
from tournage.rights.analysis import analyse_file, analyse_text

FULL = (
    "L'Auteur cède au Producteur le droit de reproduction et le droit de représentation "
    "de son scénario, pour le monde entier, pour une durée de 30 ans à compter de la "
    "signature. Modes d'exploitation : télédiffusion, exploitation en salles. "
    "Rémunération : 2 % des recettes nettes part producteur, proportionnelle. Le Producteur "
    "adresse à l'Auteur un relevé des recettes une fois par an."
)


def test_a_complete_contract_carries_every_mention() -> None:
    result = analyse_text(FULL)
    assert all(present for _, present in result.mentions) and result.findings == ()


def test_missing_mentions_are_named_as_warnings() -> None:
    result = analyse_text("Le droit de reproduction est cédé pour le monde entier.")
    missing = {f.subject for f in result.findings}
    assert {"duration", "remuneration_per_mode", "statements"} <= missing
    assert "territory" not in missing
    assert {f.severity.value for f in result.findings} == {"warn"}


def test_a_docx_contract_is_read() -> None:
    from docx import Document

    document = Document()
    document.add_paragraph(FULL)
    out = io.BytesIO()
    document.save(out)
    assert analyse_file(out.getvalue(), "contrat.docx").findings == ()


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"", "vide.pdf"),
        (b"%PDF-1.4 garbage", "casse.pdf"),
        (b"PK\x03\x04x", "casse.docx"),
        (b"\xff\xfe\x00binaire", "x.bin"),
    ],
)
def test_bad_files_are_refused_in_french(content: bytes, name: str) -> None:
    with pytest.raises(DomainError) as error:
        analyse_file(content, name)
    assert error.value.message


def test_the_command_line(tmp_path: Path, capsys: Any) -> None:
    contract = tmp_path / "contrat.txt"
    contract.write_text(FULL, encoding="utf-8")
    assert cli("--json", "contract", "analyse", str(contract), "--kind", "author") == 0
    document = json.loads(capsys.readouterr().out)
    assert document["kind"] == "author" and all(m["present"] for m in document["mentions"])
    assert cli("contract", "analyse", str(contract), "--kind", "lease") == 1


def test_a_written_contract_reads_back_with_every_mention() -> None:
    from datetime import date

    from tournage.rights.authors import AuthorContractFacts, RightFacts
    from tournage.rights.contracts import contract_docx, contract_pdf, sections

    right = RightFacts(
        "reproduction",
        "télédiffusion, exploitation en salles",
        "monde entier",
        "30 ans",
        "proportional",
        "2 % des recettes nettes",
    )
    contract = AuthorContractFacts(
        "Ana Lopez", "screenplay", date(2026, 1, 1), (right,), statements_from=date(2027, 9, 10)
    )
    written = contract_docx(contract, "Avant la crue Productions", "Avant la crue", "SACD")
    assert analyse_file(written, "contrat.docx").findings == ()
    assert contract_pdf(contract, "<b>Prod</b>", "Film").startswith(b"%PDF")
    gap = AuthorContractFacts("Léo", "music", None, (RightFacts("synchronisation"),))
    text = " ".join(t for _, t in sections(gap, "", "Film"))
    assert text.count("[À COMPLÉTER]") >= 4  # producer, mode, territory, duration…
