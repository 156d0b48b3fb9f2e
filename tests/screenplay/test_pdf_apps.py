"""The committed PDF corpus: one original script printed in the layouts of Final Draft
(US Letter, A4 French), Fade In, WriterDuet, Celtx and Highland (``app_layouts.py``),
read back to the source's scenes, headings, speeches and pages."""

from __future__ import annotations

from functools import cache

import pypdfium2
import pytest

from tournage.screenplay.model import ElementKind, Script
from tournage.screenplay.reader import read_script

from .app_layouts import APP_LAYOUTS, SOURCE, pdf_path
from .print_layouts import PrintLayout, french_numbers, printed

SPEECH = {ElementKind.DIALOGUE, ElementKind.PARENTHETICAL, ElementKind.LYRIC}
NAMES = [spec.name for spec in APP_LAYOUTS]


@cache
def _case(name: str) -> tuple[PrintLayout, Script, Script, int, list[int]]:
    spec = next(spec for spec in APP_LAYOUTS if spec.name == name)
    source, _, pagination = printed(SOURCE.read_text(encoding="utf-8"), spec)
    parsed = read_script(pdf_path(spec).read_bytes(), pdf_path(spec).name)
    return spec, source, parsed, pagination.page_count, pagination.scene_pages


def _speeches(script: Script) -> list[list[tuple[str | None, bool, str]]]:
    """Per scene: each speech as (speaker, dual, its words), (CONT'D) joins aside."""
    scenes = []
    for scene in script.scenes:
        speeches: list[tuple[str | None, bool, str]] = []
        for element in scene.elements:
            if element.kind is ElementKind.CHARACTER:
                speeches.append((element.character, element.dual, ""))
            elif element.kind in SPEECH and speeches:
                speaker, dual, words = speeches[-1]
                speeches[-1] = (speaker, dual, " ".join([*words.split(), *element.plain.split()]))
        scenes.append(speeches)
    return scenes


def _page_text(spec: PrintLayout) -> str:
    document = pypdfium2.PdfDocument(pdf_path(spec).read_bytes())
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


@pytest.mark.parametrize("name", NAMES)
def test_every_scene_and_heading_comes_out_right(name: str) -> None:
    spec, source, parsed, _, _ = _case(name)
    assert parsed.title == source.title == "LA NAVETTE"
    printed_numbers = spec.numbers != "none" or spec.headings is french_numbers
    assert [(s.number, s.heading, s.int_ext, s.location, s.time) for s in parsed.scenes] == [
        (s.number if printed_numbers else None, s.heading, s.int_ext, s.location, s.time)
        for s in source.scenes
    ]
    assert len(parsed.scenes) == 4
    assert all(scene.heading_confidence == 1 for scene in parsed.scenes)


@pytest.mark.parametrize("name", NAMES)
def test_every_speech_comes_out_right(name: str) -> None:
    _, source, parsed, _, _ = _case(name)
    assert _speeches(parsed) == _speeches(source)
    assert [s.characters for s in parsed.scenes] == [s.characters for s in source.scenes]
    assert any(dual for speeches in _speeches(parsed) for _, dual, _ in speeches)


@pytest.mark.parametrize("name", NAMES)
def test_the_paper_pages_are_kept(name: str) -> None:
    _, _, parsed, page_count, scene_pages = _case(name)
    assert parsed.page_count == page_count >= 3
    assert [scene.page_start for scene in parsed.scenes] == scene_pages


@pytest.mark.parametrize("name", NAMES)
def test_the_pdf_prints_what_applications_print(name: str) -> None:
    """The corpus exercises the marks the reader must drop or join."""
    spec = _case(name)[0]
    text = _page_text(spec)
    assert spec.more in text and spec.contd in text  # the monologue crosses a page
    assert "\n2.\r\n" in text  # page 2's number, a line of its own
    assert "\nL'AUTOMNE - JOUR" in text  # a heading wrapped on two rows
    if spec.numbers == "both":
        assert text.count("4") >= 2
