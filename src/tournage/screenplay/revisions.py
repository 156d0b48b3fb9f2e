"""Compare two versions of a script: match scenes, carry manual breakdown over, diff.

Scenes match by number first, then by identical content, then by heading + content
similarity with the nearby unmatched scenes (linear in the number of scenes). Matched scenes keep
their manual tags; scenes gone from the new version stay as OMITTED with their number
(numbers are never reused); when the old version was numbered and the new one is not,
the old numbers are kept and added scenes get letter suffixes (12A, 12B).
"""

from __future__ import annotations

import difflib
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum

from tournage.screenplay.assemble import aggregate_characters
from tournage.screenplay.breakdown import merge_tags
from tournage.screenplay.model import NON_PRINTING, Scene, Script
from tournage.screenplay.rules import import_rules, revision_colour_rules


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
    rules = revision_colour_rules()
    if version <= 1:
        row, laps = rules.first, 0
    else:
        laps, position = divmod(version - 2, len(rules.cycle))
        row = rules.cycle[position]
    return RevisionColour(row.key, row.label_en, row.label_fr, row.hex, round=laps + 1)


def scene_lines(scene: Scene) -> list[str]:
    """The printed content of a scene (notes and synopses do not make it change)."""
    printed = (e for e in scene.elements if e.kind not in NON_PRINTING and e.plain)
    return [scene.heading, *(element.plain for element in printed)]


class _Profile:
    """What matching compares of a scene: its words as multisets, and its exact content."""

    __slots__ = ("body", "body_size", "heading", "heading_size", "lines")

    def __init__(self, scene: Scene) -> None:
        self.lines = scene_lines(scene)
        heading_words = scene.heading.split()
        body_words = " ".join(self.lines[1:]).split()
        self.heading, self.heading_size = Counter(heading_words), len(heading_words)
        self.body, self.body_size = Counter(body_words), len(body_words)


def _dice(a: Counter[str], a_size: int, b: Counter[str], b_size: int) -> float:
    """Shared words over all words (multisets): difflib's ``quick_ratio``, in linear time."""
    if not a_size + b_size:
        return 1.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    shared = sum(min(count, large[word]) for word, count in small.items() if word in large)
    return 2 * shared / (a_size + b_size)


def _similarity(old: _Profile, new: _Profile) -> float:
    """Weighted likeness of heading and body, 0–1."""
    weight = import_rules().revisions.heading_weight
    heading = _dice(old.heading, old.heading_size, new.heading, new.heading_size)
    body = _dice(old.body, old.body_size, new.body, new.body_size)
    return weight * heading + (1 - weight) * body


def match_scenes(old: Script, new: Script) -> dict[int, Scene]:
    """New scene index → matched old scene, in time linear in the number of scenes.

    By number first, then by identical content, then by likeness with the unmatched old
    scenes found within ``window`` positions of where the matched neighbours place it.
    """
    live = [scene for scene in old.scenes if not scene.omitted]
    by_number = {scene.number: scene for scene in live if scene.number}
    matched: dict[int, Scene] = {}
    taken: set[int] = set()  # id() of the old scenes matched
    for scene in new.scenes:
        before = by_number.get(scene.number) if scene.number else None
        if before is not None and id(before) not in taken:
            matched[scene.index] = before
            taken.add(id(before))
    profiles = {id(scene): _Profile(scene) for scene in (*live, *new.scenes)}
    _match_identical(live, new.scenes, profiles, matched, taken)
    _match_nearby(live, new.scenes, profiles, matched, taken)
    return matched


def _match_identical(
    live: list[Scene],
    scenes: list[Scene],
    profiles: dict[int, _Profile],
    matched: dict[int, Scene],
    taken: set[int],
) -> None:
    same: dict[tuple[str, ...], list[Scene]] = {}
    for scene in reversed(live):
        if id(scene) not in taken:
            same.setdefault(tuple(profiles[id(scene)].lines), []).append(scene)
    for scene in scenes:
        if scene.index in matched:
            continue
        candidates = same.get(tuple(profiles[id(scene)].lines))
        if candidates:
            before = candidates.pop()  # the earliest old scene with this content
            matched[scene.index] = before
            taken.add(id(before))


def _match_nearby(
    live: list[Scene],
    scenes: list[Scene],
    profiles: dict[int, _Profile],
    matched: dict[int, Scene],
    taken: set[int],
) -> None:
    rules = import_rules().revisions
    position = {id(scene): index for index, scene in enumerate(live)}
    free = [index for index, scene in enumerate(live) if id(scene) not in taken]
    candidates: list[tuple[float, int, int]] = []  # (score, new index, old position)
    anchor, anchor_at = -1, -1  # old position of the last matched new scene, and its place
    for place, scene in enumerate(scenes):
        before = matched.get(scene.index)
        if before is not None:
            anchor, anchor_at = position[id(before)], place
            continue
        guess = anchor + place - anchor_at
        low = bisect_left(free, guess - rules.window)
        high = bisect_right(free, guess + rules.window)
        profile = profiles[id(scene)]
        for old_position in free[low:high]:
            score = _similarity(profiles[id(live[old_position])], profile)
            if score >= rules.match_threshold:
                candidates.append((score, scene.index, old_position))
    candidates.sort(key=lambda item: (-item[0], item[1], item[2]))
    for _, index, old_position in candidates:
        before = live[old_position]
        if index not in matched and id(before) not in taken:
            matched[index] = before
            taken.add(id(before))


def compare(old: Script, new: Script) -> list[SceneChange]:
    """Changes from ``old`` to ``new`` in the new order, omitted scenes where they were."""
    matched = match_scenes(old, new)
    changes: list[SceneChange] = []
    change_of: dict[int, int] = {}  # id() of an old scene → index of its change
    for scene in new.scenes:
        before = matched.get(scene.index)
        if before is None:
            changes.append(SceneChange(ChangeKind.ADDED, None, scene, 0.0))
            continue
        change_of[id(before)] = len(changes)
        old_lines, new_lines = scene_lines(before), scene_lines(scene)
        if old_lines == new_lines:
            changes.append(SceneChange(ChangeKind.UNCHANGED, before, scene))
        else:
            diff = list(
                difflib.unified_diff(old_lines, new_lines, before.key, scene.key, lineterm="")
            )
            similarity = _similarity(_Profile(before), _Profile(scene))
            changes.append(SceneChange(ChangeKind.CHANGED, before, scene, similarity, diff))
    return _with_omitted(changes, old.scenes, change_of)


def _with_omitted(
    changes: list[SceneChange], old_scenes: list[Scene], change_of: dict[int, int]
) -> list[SceneChange]:
    """Each omitted old scene right after the change of the latest earlier old scene kept."""
    after: dict[int, list[SceneChange]] = {}  # change index → omitted scenes placed after it
    last = -1  # the largest change index among the old scenes read so far
    for scene in old_scenes:
        if id(scene) in change_of:
            last = max(last, change_of[id(scene)])
        else:
            after.setdefault(last, []).append(SceneChange(ChangeKind.OMITTED, scene, None, 0.0))
    result = after.get(-1, [])
    for index, change in enumerate(changes):
        result.append(change)
        result.extend(after.get(index, ()))
    return result


def carry_over(old: Script, new: Script) -> list[SceneChange]:
    """Update ``new`` in place from ``old``: manual tags, locked numbers, OMITTED scenes."""
    changes = compare(old, new)
    lock = any(scene.number for scene in old.scenes) and not any(
        scene.number for scene in new.scenes
    )
    previous_number: str | None = None
    scenes: list[Scene] = []
    taken: set[str | None] = {scene.number for scene in old.scenes}  # numbers never reused
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
            scene.number = _next_letter(previous_number, taken)
            taken.add(scene.number)
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
