from __future__ import annotations

import json
from pathlib import Path

import pytest

from tournage.cli import main

FIXTURES = Path(__file__).parent / "fixtures"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        main(args)
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["script", "parse", str(FIXTURES / "le_phare.fountain"), "--json"], capsys)
    document = json.loads(out)
    assert code == 0
    assert document["title"] == "LE PHARE"
    assert document["scenes"][0]["number"] == "1"
    assert document["scenes"][0]["int_ext"] == "EXT"
    assert "mouette" in document["scenes"][0]["elements"]["animals"]
    assert document["characters"][0]["name"] == "NADIA"


def test_parse_text_and_format_option(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        ["script", "parse", str(FIXTURES / "le_phare.fdx"), "--format", "fdx"], capsys
    )
    assert code == 0
    assert out.startswith("LE PHARE")
    assert "EXT. FALAISE - NUIT" in out and "Personnages" in out
    assert "(FD 1 7/8)" in out  # Final Draft's length beside ours when they differ


def test_errors_go_to_stderr(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    empty = tmp_path / "vide.fountain"
    empty.write_text("")
    code, out, err = run(["script", "parse", str(empty)], capsys)
    assert code == 1 and out == ""
    assert err.startswith("Erreur : Le fichier est vide.")


def test_export_fountain_and_pdf(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    fountain = tmp_path / "phare.fountain"
    pdf = tmp_path / "phare.pdf"
    assert (
        run(["script", "export", str(FIXTURES / "le_phare.fdx"), "-o", str(fountain)], capsys)[0]
        == 0
    )
    assert "EXT. FALAISE - NUIT #2A#" in fountain.read_text()
    assert run(["script", "export", str(fountain), "-o", str(pdf), "--json"], capsys)[0] == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_diff(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    new = tmp_path / "v2.fountain"
    text = (FIXTURES / "le_phare.fountain").read_text()
    new.write_text(
        text.replace("Dix ans. Rien n'a changé.", "Dix ans.").replace("#2#", "#2#\n\nOMIS")
    )
    code, out, _ = run(
        ["script", "diff", str(FIXTURES / "le_phare.fountain"), str(new), "--json"], capsys
    )
    changes = json.loads(out)
    assert code == 0
    assert [c["kind"] for c in changes] == [
        "changed",
        "changed",
        "unchanged",
        "unchanged",
        "unchanged",
    ]
    assert "+Dix ans." in changes[0]["diff"]
    code, out, _ = run(["script", "diff", str(FIXTURES / "le_phare.fountain"), str(new)], capsys)
    assert "changed" in out and "-Dix ans. Rien n'a changé." in out


def test_messages_are_french(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "absent.fountain"
    code, out, err = run(["script", "parse", str(missing)], capsys)
    assert (code, out) == (1, "")
    assert err == f"Erreur : Fichier introuvable : {missing}.\n"
    fountain = str(FIXTURES / "le_phare.fountain")
    code, _, err = run(["script", "parse", fountain, "--format", "pdf"], capsys)
    assert code == 1
    assert err.startswith("Erreur : Ce fichier est un texte Fountain, pas un PDF :")
    code, _, err = run(["script", "parse", fountain, "--paper=a5"], capsys)
    assert err == "Erreur : Format de page inconnu « a5 » (letter ou a4).\n"


def test_script_parse_and_version_start_without_typer_or_yaml() -> None:
    """The start-up path is lazy: ``script parse`` and ``--version`` import neither typer
    nor PyYAML (each costs more than the parse itself)."""
    import subprocess
    import sys

    fountain = str(FIXTURES / "le_phare.fountain")
    for args in (["--debug", "script", "parse", fountain, "--json"], ["--version"]):
        result = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "tournage", *args],
            capture_output=True,
            text=True,
            check=True,
        )
        imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines()}
        assert not {"typer", "yaml", "django"} & imported, args


def test_options_only_typer_knows_fall_back_to_it(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["script", "parse", "--help"], capsys)
    assert code == 0
    assert "--format" in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from tournage import __version__

    assert run(["--version"], capsys) == (0, f"tournage {__version__}\n", "")
