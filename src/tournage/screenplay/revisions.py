"""Compare two versions of a script: match scenes, carry manual breakdown over, diff.

Scenes match by number first, then by heading + content similarity. Matched scenes keep
their manual tags; scenes gone from the new version stay as OMITTED with their number
(numbers are never reused); when the old version was numbered and the new one is not,
the old numbers are kept and added scenes get letter suffixes (12A, 12B).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache

from tournage.data import load_yaml
from tournage.screenplay.assemble import aggregate_characters
from tournage.screenplay.breakdown import merge_tags
from tournage.screenplay.model import NON_PRINTING, Scene, Script


class ChangeKind(StrEnum):
    UNCHANGED = "unchanged"
    CHANGED = "changed"
    ADDED = "added"
    OMITTED = "omitted"


@dataclass
class SceneChange:
    kind: ChangeKind
    old: Scene | None
    new: Scene | None
    similarity: float = 1.0
    diff: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        scene = self.new or self.old
        return scene.key if scene else ""


@dataclass(frozen=True)
class RevisionColour:
    key: str
    label_en: str
    label_fr: str
    hex: str
    round: int  # 1 for the first cycle, 2 for "second blue"...


def revision_colour(version: int) -> RevisionColour:
    """Colour of the ``version``-th version (1 = white original, 2 = blue...)."""
    data = load_yaml("screenplay/revision_colours.yaml")
    if version <= 1:
        return RevisionColour(**data["first"], round=1)
    cycle = data["cycle"]
    laps, position = divmod(version - 2, len(cycle))
    return RevisionColour(**cycle[position], round=laps + 1)


@cache
def _settings() -> tuple[float, float]:
    data = load_yaml("screenplay/import.yaml")["revisions"]
    return float(data["match_threshold"]), float(data["heading_weight"])


def scene_lines(scene: Scene) -> list[str]:
    """The printed content of a scene (notes and synopses do not make it change)."""
    printed = (e for e in scene.elements if e.kind not in NON_PRINTING and e.plain)
    return [scene.heading, *(element.plain for element in printed)]


def _similarity(old: Scene, new: Scene, floor: float = 0.0) -> float:
    """Weighted heading and body likeness, on words; below ``floor`` a cheap upper bound."""
    _, heading_weight = _settings()
    heading = difflib.SequenceMatcher(None, old.heading.split(), new.heading.split()).ratio()
    body = difflib.SequenceMatcher(None, _words(old), _words(new), autojunk=False)
    upper_bound = heading_weight * heading + (1 - heading_weight) * body.quick_ratio()
    if upper_bound < floor:
        return upper_bound
    return heading_weight * heading + (1 - heading_weight) * body.ratio()


def _words(scene: Scene) -> list[str]:
    return " ".join(scene_lines(scene)[1:]).split()


def match_scenes(old: Script, new: Script) -> dict[int, Scene]:
    """New scene index → matched old scene."""
    live = [scene for scene in old.scenes if not scene.omitted]
    by_number = {scene.number: scene for scene in live if scene.number}
    matched: dict[int, Scene] = {}
    for scene in new.scenes:
        if scene.number and scene.number in by_number:
            matched[scene.index] = by_number[scene.number]
    threshold, _ = _settings()
    free = [scene for scene in live if scene not in matched.values()]
    candidates = sorted(
        (
            (_similarity(before, after, threshold), after.index, id(before), before)
            for after in new.scenes
            if after.index not in matched
            for before in free
        ),
        key=lambda item: (-item[0], item[1]),
    )
    for score, index, _, before in candidates:
        if score >= threshold and index not in matched and before not in matched.values():
            matched[index] = before
    return matched


def compare(old: Script, new: Script) -> list[SceneChange]:
    """Changes from ``old`` to ``new`` in the new order, omitted scenes where they were."""
    matched = match_scenes(old, new)
    changes: list[SceneChange] = []
    for scene in new.scenes:
        before = matched.get(scene.index)
        if before is None:
            changes.append(SceneChange(ChangeKind.ADDED, None, scene, 0.0))
            continue
        old_lines, new_lines = scene_lines(before), scene_lines(scene)
        if old_lines == new_lines:
            changes.append(SceneChange(ChangeKind.UNCHANGED, before, scene))
        else:
            diff = list(
                difflib.unified_diff(old_lines, new_lines, before.key, scene.key, lineterm="")
            )
            changes.append(
                SceneChange(ChangeKind.CHANGED, before, scene, _similarity(before, scene), diff)
            )
    kept = {id(scene) for scene in matched.values()}
    for position, scene in enumerate(old.scenes):
        if id(scene) not in kept:
            changes.insert(
                _omitted_position(changes, old.scenes[:position]),
                SceneChange(ChangeKind.OMITTED, scene, None, 0.0),
            )
    return changes


def _omitted_position(changes: list[SceneChange], earlier: list[Scene]) -> int:
    """Right after the change holding the last earlier old scene still present."""
    earlier_ids = {id(scene) for scene in earlier}
    positions = [
        i
        for i, change in enumerate(changes)
        if change.old is not None and id(change.old) in earlier_ids
    ]
    return positions[-1] + 1 if positions else 0


def carry_over(old: Script, new: Script) -> list[SceneChange]:
    """Update ``new`` in place from ``old``: manual tags, locked numbers, OMITTED scenes."""
    changes = compare(old, new)
    lock = any(scene.number for scene in old.scenes) and not any(
        scene.number for scene in new.scenes
    )
    previous_number: str | None = None
    scenes: list[Scene] = []
    for change in changes:
        if change.kind is ChangeKind.OMITTED and change.old is not None:
            scenes.append(_omitted_copy(change.old))
            previous_number = change.old.number or previous_number
            continue
        scene = change.new
        assert scene is not None
        if change.old is not None:
            manual = [tag for tag in change.old.tags if tag.source == "manual"]
            scene.tags = merge_tags(manual, scene.tags)
            if lock:
                scene.number = change.old.number
        elif lock:
            scene.number = _next_letter(
                previous_number, {s.number for s in old.scenes} | {s.number for s in scenes}
            )
        previous_number = scene.number or previous_number
        scenes.append(scene)
    for index, scene in enumerate(scenes, start=1):
        scene.index = index
    new.scenes = scenes
    new.characters = aggregate_characters(scenes)
    return changes


def _omitted_copy(scene: Scene) -> Scene:
    return Scene(
        index=0,
        heading=scene.heading,
        number=scene.number,
        omitted=True,
        int_ext=scene.int_ext,
        location=scene.location,
        set_name=scene.set_name,
    )


def _next_letter(previous: str | None, taken: set[str | None]) -> str:
    base = previous.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") if previous else "0"
    for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        if f"{base}{letter}" not in taken:
            return f"{base}{letter}"
    return f"{base}Z{len(taken)}"
