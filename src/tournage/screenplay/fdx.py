"""Final Draft FDX (XML) → script model.

Parsed with defusedxml with DTDs forbidden: no entity expansion (billion laughs), no
external entity, no network. Styled ``<Text>`` runs become Fountain emphasis markup,
``SceneProperties Length`` is kept beside our own pagination (``Scene.fdx_eighths``).
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element as XmlElement
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree as SafeTree
from defusedxml import DefusedXmlException

from tournage.screenplay.assemble import build_script
from tournage.screenplay.errors import ScriptError
from tournage.screenplay.limits import ParseLimits
from tournage.screenplay.model import Element, ElementKind, Script, TitlePage, parse_eighths

_KINDS = {
    "scene heading": ElementKind.SCENE_HEADING,
    "action": ElementKind.ACTION,
    "general": ElementKind.ACTION,
    "shot": ElementKind.ACTION,
    "cast list": ElementKind.ACTION,
    "character": ElementKind.CHARACTER,
    "parenthetical": ElementKind.PARENTHETICAL,
    "dialogue": ElementKind.DIALOGUE,
    "transition": ElementKind.TRANSITION,
    "lyrics": ElementKind.LYRIC,
    "new act": ElementKind.SECTION,
    "end of act": ElementKind.SECTION,
}
_SPEECH = (ElementKind.PARENTHETICAL, ElementKind.DIALOGUE, ElementKind.LYRIC)
_CREDIT_WORDS = {"by", "written by", "écrit par", "de", "scénario de", "un film de"}


def parse_fdx(data: bytes, paper: str = "letter", limits: ParseLimits | None = None) -> Script:
    limits = limits or ParseLimits.defaults()
    root = _root(data)
    reader = _Reader(limits)
    content = root.find("Content")
    for paragraph in content.findall("Paragraph") if content is not None else []:
        reader.paragraph(paragraph)
        if len(reader.elements) > limits.max_elements:
            raise limits.too_many_elements()
    seen = {id(note) for note in reader.seen_notes}
    for note in root.iter("ScriptNote"):
        if id(note) not in seen:
            reader.elements.append(Element(ElementKind.NOTE, _plain_text(note)))
    script = build_script(_title_page(root), reader.elements, "fdx", paper, limits)
    for scene, length in zip(script.scenes, reader.lengths, strict=True):
        scene.fdx_eighths = length
    return script


def _root(data: bytes) -> XmlElement:
    try:
        root: XmlElement = SafeTree.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as error:
        raise ScriptError(
            "fdx_unsafe",
            "Fichier FDX refusé : il déclare des entités XML (DTD), interdites par sécurité.",
        ) from error
    except ParseError as error:
        raise ScriptError(
            "fdx_invalid", f"Fichier FDX illisible (XML invalide : {error})."
        ) from error
    except (LookupError, ValueError) as error:  # expat: a declared encoding it cannot read
        raise ScriptError(
            "fdx_invalid", "Fichier FDX illisible : encodage de caractères non pris en charge."
        ) from error
    if root.tag != "FinalDraft":
        raise ScriptError(
            "fdx_not_final_draft", "Ce fichier XML n'est pas un document Final Draft."
        )
    return root


class _Reader:
    """Walks ``<Paragraph>``s, remembering the current speaker and scene lengths."""

    def __init__(self, limits: ParseLimits) -> None:
        self.limits = limits
        self.elements: list[Element] = []
        self.lengths: list[int | None] = []
        self.seen_notes: list[XmlElement] = []
        self.speaker: str | None = None

    def paragraph(self, paragraph: XmlElement) -> None:
        dual_block = paragraph.find("DualDialogue")
        if dual_block is not None:
            self._dual(dual_block)
        else:
            self._plain_paragraph(paragraph)

    def _plain_paragraph(self, paragraph: XmlElement, dual: bool = False) -> None:
        """One paragraph (inside a dual dialogue too: nested dual blocks are not followed)."""
        kind = _kind(paragraph)
        text = _styled_text(paragraph)
        if len(text) > self.limits.max_paragraph_chars:
            raise self.limits.paragraph_too_long(text)
        if kind is ElementKind.SCENE_HEADING:
            self._heading(paragraph, text)
        elif kind is ElementKind.CHARACTER:
            name, _, extension = text.partition("(")
            self.speaker = name.strip() or None
            extension_text = f"({extension.strip()}" if extension else None
            self.elements.append(Element(kind, text.strip(), self.speaker, extension_text, dual))
        elif kind in _SPEECH and self.speaker is not None:
            self.elements.append(Element(kind, text, self.speaker, dual=dual))
        else:
            self.speaker = None
            if text or kind is not ElementKind.ACTION:
                self.elements.append(
                    Element(kind, text, depth=1 if kind is ElementKind.SECTION else 0)
                )
        self._notes(paragraph)

    def _dual(self, block: XmlElement) -> None:
        self.speaker = None
        second = False
        for paragraph in block.findall("Paragraph"):
            second = second or (
                _kind(paragraph) is ElementKind.CHARACTER and self.speaker is not None
            )
            self._plain_paragraph(paragraph, dual=second)
        self.speaker = None

    def _heading(self, paragraph: XmlElement, text: str) -> None:
        self.speaker = None
        number = (paragraph.get("Number") or "").strip() or None
        self.elements.append(Element(ElementKind.SCENE_HEADING, text.strip(), scene_number=number))
        properties = paragraph.find("SceneProperties")
        length = properties.get("Length") if properties is not None else None
        self.lengths.append(parse_eighths(length) if length else None)
        summary = properties.find("Summary") if properties is not None else None
        if summary is not None and _plain_text(summary):
            self.elements.append(Element(ElementKind.SYNOPSIS, _plain_text(summary)))

    def _notes(self, paragraph: XmlElement) -> None:
        for note in paragraph.iter("ScriptNote"):
            self.seen_notes.append(note)
            self.elements.append(Element(ElementKind.NOTE, _plain_text(note)))


def _kind(paragraph: XmlElement) -> ElementKind:
    if (
        paragraph.get("Alignment", "").lower() == "center"
        and paragraph.get("Type") != "Scene Heading"
    ):
        return ElementKind.CENTERED
    name = (paragraph.get("Type") or "Action").strip().lower()
    if name.startswith("outline"):
        return ElementKind.SECTION
    return _KINDS.get(name, ElementKind.ACTION)


def _styled_text(paragraph: XmlElement) -> str:
    """The paragraph's own ``<Text>`` runs with their styles as Fountain markup."""
    return "".join(_styled_run(run) for run in paragraph.findall("Text")).strip()


def _styled_run(run: XmlElement) -> str:
    text = re.sub(r"([*_\\])", r"\\\1", run.text or "")
    styles = {style.strip().lower() for style in (run.get("Style") or "").split("+")}
    core = text.strip()
    if not core:
        return text
    marks = ("*" if "italic" in styles else "") + ("**" if "bold" in styles else "")
    styled = f"{marks}{core}{marks[::-1]}"
    if "underline" in styles:
        styled = f"_{styled}_"
    return text[: len(text) - len(text.lstrip())] + styled + text[len(text.rstrip()) :]


def _plain_text(node: XmlElement) -> str:
    lines = ["".join(run.text or "" for run in p.iter("Text")) for p in node.iter("Paragraph")]
    if not lines:
        lines = ["".join(run.text or "" for run in node.iter("Text"))]
    return "\n".join(line.strip() for line in lines if line.strip())


def _title_page(root: XmlElement) -> TitlePage:
    page = root.find("TitlePage")
    texts = [
        _styled_text(paragraph)
        for paragraph in (page.iter("Paragraph") if page is not None else [])
        if _styled_text(paragraph)
    ]
    entries: dict[str, str] = {}
    key_after_credit = False
    for text in texts:
        if "Title" not in entries:
            entries["Title"] = text
        elif text.strip().lower() in _CREDIT_WORDS:
            entries["Credit"], key_after_credit = text, True
        elif key_after_credit and "Author" not in entries:
            entries["Author"] = text
        else:
            entries["Notes"] = "\n".join(filter(None, (entries.get("Notes"), text)))
    return TitlePage(entries)
