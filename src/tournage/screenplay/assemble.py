"""Flat elements → a ``Script``: scenes with their *effet*, pages, eighths, characters."""

from __future__ import annotations

from tournage.screenplay.heading import split_heading
from tournage.screenplay.model import (
    Character,
    Element,
    ElementKind,
    Scene,
    Script,
    TitlePage,
)
from tournage.screenplay.pagination import Layout, Pagination, paginate


def build_script(
    title_page: TitlePage,
    elements: list[Element],
    source_format: str,
    paper: str = "letter",
) -> Script:
    """Cut ``elements`` into scenes, paginate them and list the characters."""
    script = Script(title_page=title_page, source_format=source_format)
    scene: Scene | None = None
    for element in elements:
        kind = element.kind
        if kind is _HEADING:
            scene = _scene(element, len(script.scenes) + 1)
            script.scenes.append(scene)
        elif scene is None:
            script.preamble.append(element)
        else:
            scene.elements.append(element)
            if kind is _CHARACTER and element.character not in scene.characters:
                scene.characters.append(element.character or "")
            elif kind is _SYNOPSIS and scene.synopsis is None:
                scene.synopsis = element.text
    apply_pagination(script, paginate(elements, Layout.load(paper)))
    script.characters = aggregate_characters(script.scenes)
    return script


_HEADING, _CHARACTER = ElementKind.SCENE_HEADING, ElementKind.CHARACTER
_SYNOPSIS = ElementKind.SYNOPSIS


def all_elements(script: Script) -> list[Element]:
    """Every element in reading order, headings included."""
    elements = list(script.preamble)
    for scene in script.scenes:
        elements.append(heading_element(scene))
        elements.extend(scene.elements)
    return elements


def heading_element(scene: Scene) -> Element:
    return Element(ElementKind.SCENE_HEADING, scene.heading, scene_number=scene.number)


def apply_pagination(script: Script, pagination: Pagination) -> None:
    script.page_count = pagination.page_count
    for scene, eighths, page in zip(
        script.scenes, pagination.scene_eighths, pagination.scene_pages, strict=True
    ):
        scene.eighths, scene.page_start = eighths, page


def _scene(heading: Element, index: int) -> Scene:
    text = heading.text.strip()
    effet = split_heading(heading.plain)
    return Scene(
        index=index,
        heading=text,
        number=heading.scene_number,
        int_ext=effet.int_ext,
        location=effet.location,
        set_name=effet.set_name,
        sub_location=effet.sub_location,
        time=effet.time,
        day_night=effet.day_night,
    )


def aggregate_characters(scenes: list[Scene]) -> list[Character]:
    """Characters across the script, cue variants (``NADIA (V.O.)``) merged into one name."""
    found: dict[str, Character] = {}
    for scene in scenes:
        if scene.omitted:
            continue
        for element in scene.elements:
            name = element.character
            if element.kind is not _CHARACTER or not name:
                continue
            character = found.get(name) or found.setdefault(name, Character(name))
            character.dialogue_count += 1
            if element.text != name:
                alias = element.plain.strip()
                if alias != name and alias not in character.aliases:
                    character.aliases.append(alias)
        key = scene.key
        for name in [*scene.characters, *scene.non_speaking]:
            character = found.get(name) or found.setdefault(name, Character(name, speaking=False))
            if key not in character.scenes:
                character.scenes.append(key)
                character.eighths += scene.eighths
    return sorted(found.values(), key=lambda c: (not c.speaking, -c.dialogue_count, c.name))
