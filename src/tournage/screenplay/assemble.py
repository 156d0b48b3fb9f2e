"""Flat elements → a ``Script``: scenes with their *effet*, pages, eighths, characters."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from tournage.screenplay.heading import Effet, split_heading
from tournage.screenplay.limits import ParseLimits
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
    limits: ParseLimits | None = None,
    pagination: Pagination | None = None,
) -> Script:
    """Cut ``elements`` into scenes, paginate them and list the characters.

    ``limits`` bounds the scenes and cues, counted as they come. ``pagination``: the
    pages as printed (a PDF's), instead of paginating ``elements`` on ``paper``.
    """
    limits = limits or ParseLimits.defaults()
    max_scenes, cues_left = limits.max_scenes, limits.max_cues
    script = Script(title_page=title_page, source_format=source_format)
    scenes = script.scenes
    cues: list[list[Element]] = []  # each scene's cues, kept for the characters
    effets: dict[str, Effet] = {}
    scene: Scene | None = None
    scene_cues: list[Element] = []
    destination = script.preamble  # where the next element goes
    for element in elements:
        kind = element.kind
        if kind is _HEADING:
            if len(scenes) >= max_scenes:
                raise limits.too_many_scenes()
            scene = _scene(element, len(scenes) + 1, effets)
            scenes.append(scene)
            destination, scene_cues = scene.elements, []
            cues.append(scene_cues)
            continue
        destination.append(element)
        if scene is None:
            continue
        if kind is _CHARACTER:
            cues_left -= 1
            if cues_left < 0:
                raise limits.too_many_cues()
            scene_cues.append(element)
            if element.character not in scene.characters:
                scene.characters.append(element.character or "")
        elif kind is _SYNOPSIS and scene.synopsis is None:
            scene.synopsis = element.text
    apply_pagination(script, pagination or paginate(elements, Layout.load(paper)))
    script.characters = _characters(zip(scenes, cues, strict=True))
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


def _scene(heading: Element, index: int, effets: dict[str, Effet]) -> Scene:
    """``effets``: the splits already made in this script (headings repeat, the split is
    the costly part)."""
    text = heading.text.strip()
    plain = heading.plain
    effet = effets.get(plain)
    if effet is None:
        effet = effets[plain] = split_heading(plain)
    # Positional (keywords cost twice as much on this 19-field dataclass): the fields of
    # an ``Effet`` follow ``number`` in ``Scene`` in the same order (tested).
    scene = Scene(index, text, heading.scene_number, *effet)
    if heading.confidence < 1:
        scene.heading_confidence = heading.confidence
    return scene


def apply_aliases(script: Script, aliases: Mapping[str, str]) -> Script:
    """Merge characters as the user asked (``{"NADIA ENFANT": "NADIA"}``): cues and scene
    casts take the merged name before the breakdown reads them; the character list, made
    by the breakdown, then shows the cue as an alias."""
    if not aliases:
        return script
    for scene in script.scenes:
        for element in scene.elements:
            name = element.character
            if name is not None and name in aliases:
                element.character = aliases[name]
        scene.characters = list(dict.fromkeys(aliases.get(n, n) for n in scene.characters))
    return script


def aggregate_characters(scenes: list[Scene]) -> list[Character]:
    """Characters across the script, cue variants (``NADIA (V.O.)``) merged into one name."""
    return _characters(
        (scene, [element for element in scene.elements if element.kind is _CHARACTER])
        for scene in scenes
    )


def _characters(scenes: Iterable[tuple[Scene, list[Element]]]) -> list[Character]:
    """``aggregate_characters`` from each scene and its cues (``build_script`` has them)."""
    found: dict[str, Character] = {}
    spellings: set[tuple[str, str]] = set()  # (name, cue text) pairs already looked at
    appearances: set[tuple[str, str]] = set()  # (name, scene key) pairs already counted
    for scene, cues in scenes:
        if scene.omitted:
            continue
        for element in cues:
            name = element.character
            if not name:
                continue
            character = found.get(name) or found.setdefault(name, Character(name))
            character.speaking = True  # even if an earlier scene only named it
            character.dialogue_count += 1
            text = element.text
            if text != name and (name, text) not in spellings:
                spellings.add((name, text))
                alias = element.plain.strip()
                if alias != name and alias not in character.aliases:
                    character.aliases.append(alias)
        key = scene.key
        for name in [*scene.characters, *scene.non_speaking]:
            character = found.get(name) or found.setdefault(name, Character(name, speaking=False))
            if (name, key) not in appearances:  # a set: ``in character.scenes`` is quadratic
                appearances.add((name, key))
                character.scenes.append(key)
                character.eighths += scene.eighths
    return sorted(found.values(), key=lambda c: (not c.speaking, -c.dialogue_count, c.name))
