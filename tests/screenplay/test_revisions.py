from __future__ import annotations

from tournage.screenplay.model import BreakdownTag
from tournage.screenplay.reader import read_script
from tournage.screenplay.revisions import ChangeKind, carry_over, compare

V1 = b"""INT. CUISINE - JOUR #1#

Nadia boit un cafe.

EXT. RUE - NUIT #2#

Marc attend sous la pluie avec un parapluie noir.

INT. BUREAU - JOUR #3#

Le patron signe des papiers.
"""

V2 = b"""INT. CUISINE - JOUR #1#

Nadia boit un the.

INT. BUREAU - JOUR #3#

Le patron signe des papiers.

EXT. PLAGE - AUBE #4#

Les vagues.
"""


def test_compare_by_number() -> None:
    changes = compare(read_script(V1), read_script(V2))
    assert [(c.kind, c.key) for c in changes] == [
        (ChangeKind.CHANGED, "1"),
        (ChangeKind.OMITTED, "2"),
        (ChangeKind.UNCHANGED, "3"),
        (ChangeKind.ADDED, "4"),
    ]
    assert "-Nadia boit un cafe." in changes[0].diff and "+Nadia boit un the." in changes[0].diff


def test_match_by_content_when_numbers_are_gone() -> None:
    unnumbered = V2.replace(b" #1#", b"").replace(b" #3#", b"").replace(b" #4#", b"")
    old, new = read_script(V1), read_script(unnumbered)
    changes = carry_over(old, new)
    assert [(c.kind, c.old.key if c.old else None) for c in changes] == [
        (ChangeKind.CHANGED, "1"),
        (ChangeKind.OMITTED, "2"),
        (ChangeKind.UNCHANGED, "3"),
        (ChangeKind.ADDED, None),
    ]
    # numbers locked: kept from the old version, omitted kept, the new scene gets 3A
    assert [(s.number, s.omitted) for s in new.scenes] == [
        ("1", False),
        ("2", True),
        ("3", False),
        ("3A", False),
    ]
    assert [scene["number"] for scene in new.to_dict()["scenes"]] == ["1", "3", "3A"]


def test_manual_tags_carried_over() -> None:
    old, new = read_script(V1), read_script(V2)
    manual = BreakdownTag("props", "tasse ébréchée", "", 1.0, "manual")
    old.scenes[0].tags.append(manual)
    carry_over(old, new)
    assert manual in new.scenes[0].tags
    assert all(t.source != "manual" for t in new.scenes[2].tags)


def test_renumbered_scene_found_by_heading_and_content() -> None:
    old = read_script(V1)
    new = read_script(V1.replace(b"#2#", b"#7#"))
    changes = compare(old, new)
    assert [c.kind for c in changes] == [ChangeKind.UNCHANGED] * 3
    assert changes[1].old is not None and changes[1].old.number == "2"


def test_revision_colours_follow_the_wga_order() -> None:
    from tournage.screenplay.revisions import revision_colour

    assert [revision_colour(n).key for n in (1, 2, 3, 4, 9, 10)] == [
        "white",
        "blue",
        "pink",
        "yellow",
        "cherry",
        "blue",
    ]
    assert revision_colour(10).round == 2 and revision_colour(9).round == 1


def test_matching_compares_each_scene_with_a_bounded_window(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Linear matching: without numbers, 400 scenes cost at most 400 × (2 × window + 1)
    likeness computations (the old pairwise matching made 160,000), and all match."""
    from tournage.screenplay import revisions
    from tournage.screenplay.rules import import_rules

    calls = []
    similarity = revisions._similarity
    monkeypatch.setattr(revisions, "_similarity", lambda a, b: calls.append(1) or similarity(a, b))
    scenes = [
        f"INT. LIEU {n % 7} - JOUR\n\nNadia range la pièce numéro {n}, puis sort.\n\n"
        for n in range(400)
    ]
    old = read_script("".join(scenes).encode())
    scenes[10], scenes[11] = scenes[11], scenes[10]
    scenes[200] = scenes[200].replace("range", "balaie")
    new = read_script("".join(scenes).encode())
    changes = compare(old, new)
    window = import_rules().revisions.window
    assert len(calls) <= 400 * (2 * window + 1)
    assert [c.kind for c in changes].count(ChangeKind.UNCHANGED) == 399
    assert changes[200].kind is ChangeKind.CHANGED and changes[200].old is old.scenes[200]
    assert changes[10].old is old.scenes[11]
