import json

import pytest

from tournage.cli import main
from tournage.cli.output import options

from .samples import FIXTURES


@pytest.fixture(autouse=True)
def _reset_cli_options():
    yield
    options.json = options.debug = False


def _run(capsys, *args):
    try:
        main(list(args))
        code = 0
    except SystemExit as done:
        code = done.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_check_json_shape(capsys):
    code, out, _ = _run(
        capsys,
        "subtitles",
        "check",
        str(FIXTURES / "defects.srt"),
        "--rules",
        "netflix-fr",
        "--fps",
        "25",
        "--json",
    )
    assert code == 0
    document = json.loads(out)
    assert document["rules"] == "netflix-fr"
    assert document["cues"] == 13
    first = document["findings"][0]
    assert set(first) >= {"cue", "start_tc", "rule", "severity", "message"}
    assert first["severity"] in ("fail", "warn")
    assert document["summary"]["GEN-OVERLAP"] == 1


def test_check_text_output_and_rules_list(capsys):
    _, out, _ = _run(capsys, "subtitles", "check", str(FIXTURES / "clean.srt"))
    assert "0 constat" in out
    _, out, _ = _run(capsys, "--json", "subtitles", "rules")
    names = {entry["name"] for entry in json.loads(out)}
    assert {"fr-csa-2011", "netflix-fr", "netflix-en"} <= names


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["subtitles", "check", "/nonexistent.srt"], "Impossible de lire"),
        (["subtitles", "check", str(FIXTURES / "clean.srt"), "--rules", "bbc"], "inconnu"),
        (["subtitles", "check", str(FIXTURES / "clean.srt"), "--fps", "31"], "Cadence"),
    ],
)
def test_user_errors_are_french_without_traceback(capsys, args, message):
    code, _, err = _run(capsys, *args)
    assert code == 1
    assert err.startswith("Erreur : ") and message in err
    assert "Traceback" not in err


def test_ad_and_rgaa_commands(capsys, tmp_path):
    script = tmp_path / "ad.srt"
    script.write_text("1\n00:00:03,500 --> 00:00:04,500\nIl ouvre la porte.\n", encoding="utf-8")
    code, out, _ = _run(capsys, "--json", "subtitles", "ad", str(script),
                        "--dialogue", str(FIXTURES / "clean.srt"))  # fmt: skip
    document = json.loads(out)
    assert code == 0 and document["blocks"] == 1
    assert [f["rule"] for f in document["findings"]] == ["AD-OVERLAP"]
    _, out, _ = _run(capsys, "--json", "subtitles", "rgaa", "--captions", "--ad")
    statuses = {item["criterion"]: item["status"] for item in json.loads(out)}
    assert statuses["4.1"] == statuses["4.3"] == statuses["4.5"] == "met"


def test_check_with_media(capsys, tmp_path):
    from .media_synth import tone_bursts, write_programme

    media = write_programme(tmp_path / "p.mkv", 3.0, 1.5, tone_bursts(3.0, [(0.5, 2.5)], 0.3))
    code, out, _ = _run(capsys, "--json", "subtitles", "check", str(FIXTURES / "clean.srt"),
                        "--rules", "generic", "--media", str(media))  # fmt: skip
    document = json.loads(out)
    assert code == 0
    assert document["summary"]["GEN-PROGRAMME-END"] == 5  # every cue ends after 3 s
    assert document["unknown"] == []


def test_fix_writes_a_corrected_copy_and_never_the_original(capsys, tmp_path):
    source = tmp_path / "defauts.srt"
    source.write_bytes((FIXTURES / "defects.srt").read_bytes())
    output = tmp_path / "corrige.vtt"
    code, out, _ = _run(capsys, "--json", "subtitles", "fix", str(source), "--rules",
                        "netflix-fr", "--output", str(output))  # fmt: skip
    document = json.loads(out)
    assert code == 0 and output.read_text(encoding="utf-8").startswith("WEBVTT")
    assert "GEN-OVERLAP" in document["before"] and "GEN-OVERLAP" not in document["after"]
    assert source.read_bytes() == (FIXTURES / "defects.srt").read_bytes()
    code, _, err = _run(capsys, "subtitles", "fix", str(source), "--output", str(source))
    assert code == 1 and "origine" in err
