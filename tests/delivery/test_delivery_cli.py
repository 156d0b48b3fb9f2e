"""`tournage loudness` and `tournage qc`: JSON shapes, text output and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from delivery_helpers import LOUDNESS_KEYS, tone

from tournage.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        main(list(args))
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_loudness_json(media, capsys) -> None:
    path = media("tone.wav", [tone(4.0, -20.0)])
    code, out, _ = run(capsys, "loudness", str(path), "--json")
    document = json.loads(out)
    assert code == 0
    assert document["integrated_lufs"] == pytest.approx(-20.0, abs=0.1)
    assert set(document) >= LOUDNESS_KEYS
    assert (document["channels"], document["sample_rate"], document["duration_s"]) == (
        2,
        48000,
        4.0,
    )


def test_loudness_text(media, capsys) -> None:
    code, out, _ = run(capsys, "loudness", str(media("tone.wav", [tone(1.0)])))
    assert code == 0 and "Loudness intégrée" in out and "LUFS" in out


def test_qc_json_and_report(master, capsys, tmp_path: Path) -> None:
    report = tmp_path / "qc.html"
    path = master("m.mxf", duration_s=1.0, tracks=2, container_format="mxf")
    code, out, _ = run(
        capsys, "--json", "qc", str(path), "--profile", "pad-hd-fr", "--report", str(report)
    )
    document = json.loads(out)
    assert code == 0 and document["profile"] == "pad-hd-fr" and document["verdict"] == "fail"
    assert all(
        set(c) >= {"id", "status", "measured", "expected", "events"} for c in document["checks"]
    )
    assert "<svg" in report.read_text(encoding="utf-8")


def test_qc_list_profiles(capsys) -> None:
    code, out, _ = run(capsys, "qc", "--list-profiles", "--json")
    assert code == 0 and "pad-hd-fr" in [p["name"] for p in json.loads(out)]


@pytest.mark.parametrize(
    "args",
    [
        ("qc", "{path}", "--profile", "nope"),
        ("qc", "{path}"),
        ("loudness", "{missing}"),
        ("loudness", "{path}", "--tracks", "a,b"),
        ("qc", "{path}", "--profile", "ebu-r128", "--report", "{tmp}/r.txt"),
    ],
)
def test_user_errors_exit_1_with_a_french_message(
    media, capsys, tmp_path: Path, args: tuple[str, ...]
) -> None:
    path = media("tone.wav", [tone(0.5)])
    filled = [a.format(path=path, missing=tmp_path / "x.wav", tmp=tmp_path) for a in args]
    code, out, err = run(capsys, *filled)
    assert code == 1 and err.startswith("Erreur") and "Traceback" not in err and out == ""
