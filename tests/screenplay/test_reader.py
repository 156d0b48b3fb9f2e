from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tournage.screenplay.errors import ScriptError
from tournage.screenplay.reader import detect_format, max_bytes, read_file, read_script


def test_detect_format_by_content_then_name() -> None:
    assert detect_format(b"%PDF-1.7 ...", "script.fountain") == "pdf"
    assert detect_format(b"\xef\xbb\xbf<?xml version='1.0'?>", None) == "fdx"
    assert detect_format(b"INT. A - JOUR", "a.fdx") == "fdx"
    assert detect_format(b"INT. A - JOUR", "a.txt") == "fountain"


@pytest.mark.parametrize("data", [b"", b"  \n\t\n"])
def test_empty_file(data: bytes) -> None:
    with pytest.raises(ScriptError) as error:
        read_script(data)
    assert error.value.code == "empty"


def test_too_large_bytes_and_file(tmp_path: Path) -> None:
    with pytest.raises(ScriptError) as error:
        read_script(b"x" * (max_bytes() + 1))
    assert error.value.code == "too_large"
    big = tmp_path / "big.fountain"
    with big.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50_000_000)
    with pytest.raises(ScriptError) as error:
        read_file(big)
    assert error.value.code == "too_large" and "Mo" in error.value.message


def test_binary_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(ScriptError) as error:
        read_script(b"\x00\x01\x02binary", "x.fountain")
    assert error.value.code == "binary"
    with pytest.raises(ScriptError) as error:
        read_file(tmp_path / "absent.fountain")
    assert error.value.code == "not_found"
    assert error.value.message == f"Fichier introuvable : {tmp_path / 'absent.fountain'}."
    with pytest.raises(ScriptError) as error:
        read_file(tmp_path)
    assert error.value.code == "unreadable"
    assert "dossier" in error.value.message


def test_windows_1252_text_is_decoded() -> None:
    script = read_script("INT. CAFÉ - JOUR\n\nÉlodie entre.\n".encode("cp1252"))
    assert script.scenes[0].location == "CAFÉ"


def test_unknown_format() -> None:
    with pytest.raises(ScriptError) as error:
        read_script(b"INT. A - JOUR", fmt="docx")
    assert error.value.code == "format"


def test_json_shape(phare_fountain: bytes) -> None:
    document = read_script(phare_fountain).to_dict()
    assert set(document) == {"title", "pages", "page_count", "scenes", "characters"}
    scene = document["scenes"][0]
    assert set(scene) == {
        "number",
        "heading",
        "int_ext",
        "location",
        "time",
        "eighths",
        "characters",
        "elements",
        "risks",
    }
    assert scene["int_ext"] in ("INT", "EXT", "INT/EXT", None)
    assert isinstance(document["pages"], float)
    assert set(document["characters"][0]) == {
        "name",
        "speaking",
        "aliases",
        "scenes",
        "eighths",
        "dialogue_lines",
        "evidence",
    }


_fountain_alphabet = st.sampled_from(
    [
        *list("abcXYZ .!@#=~>^<*_/[]()\n\t:"),
        "INT. ",
        "EXT. ",
        "NADIA",
        "\n\n",
        "  \n",
        "===",
        "/*",
        "*/",
        "[[",
        "]]",
        "#1#",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_fountain_alphabet, max_size=80).map("".join))
def test_fuzzed_fountain_never_raises_but_script_error(text: str) -> None:
    try:
        script = read_script(text.encode())
    except ScriptError as error:
        assert error.code in {"empty", "no_scenes"}
        return
    assert all(scene.eighths >= 1 for scene in script.scenes)
    assert script.to_dict()["pages"] >= 0


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_raise_but_script_error(data: bytes) -> None:
    with contextlib.suppress(ScriptError):
        read_script(data, "x.fountain")


def test_a_text_without_scenes_is_refused() -> None:
    with pytest.raises(ScriptError) as error:
        read_script(b"Juste une ligne d'action.\n")
    assert error.value.code == "no_scenes"
    assert "INT. CUISINE - JOUR" in error.value.message
