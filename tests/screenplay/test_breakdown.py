from __future__ import annotations

from tournage.screenplay.breakdown import break_down, categories, detect_language
from tournage.screenplay.model import BreakdownTag
from tournage.screenplay.reader import read_script


def scene(text: str, heading: str = "INT. CUISINE - JOUR") -> object:
    return read_script(f"{heading}\n\n{text}\n".encode()).scenes[0]


def test_categories_come_from_data_with_colours() -> None:
    cats = categories()
    assert cats["cast"].colour.startswith("#") and cats["cast"].mark == "red"
    assert {
        "props",
        "wardrobe",
        "vehicles",
        "animals",
        "weapons",
        "vfx",
        "sfx",
        "music",
        "sound",
        "special_equipment",
        "set_dressing",
        "makeup_hair",
        "stunts",
        "extras",
        "silhouettes",
    } <= set(cats)


def test_dictionary_tags_with_evidence_and_confidence() -> None:
    s = scene("Nadia sort un revolver de son sac. Deux chiens aboient dehors.")
    tags = {(t.category, t.name): t for t in s.tags}
    weapon = tags[("weapons", "revolver")]
    assert weapon.evidence == "Nadia sort un revolver de son sac."
    assert weapon.source == "dictionary" and 0 < weapon.confidence <= 1
    assert ("animals", "chien") in tags  # plural accepted, the tag names the dictionary word
    assert ("props", "sac") in tags


def test_language_detection_avoids_false_friends() -> None:
    french = scene("Il suit la femme dans le car de ramassage.")
    assert not any(t.category == "wardrobe" for t in french.tags)  # "suit" is English
    english = scene("He wears a suit and gets in the car.", "INT. HALL - DAY")
    assert {("wardrobe", "suit"), ("vehicles", "car")} <= {
        (t.category, t.name) for t in english.tags
    }
    assert detect_language("the man and the dog") == "en"
    assert detect_language("12 34") is None


def test_speaking_cast_silhouettes_and_figuration() -> None:
    script = read_script(
        b"INT. BAR - NUIT\n\nUn SERVEUR essuie le comptoir. Des CLIENTS rient. NADIA entre.\n\n"
        b"NADIA\nUn cafe.\n\nINT. RUE - NUIT\n\nNadia attend sous la pluie.\n\nMARC\nTu viens ?\n"
    )
    bar, street = script.scenes
    by_category = bar.elements_by_category()
    assert by_category["cast"] == ["NADIA"]
    assert by_category["silhouettes"] == ["SERVEUR"]
    assert "clients" in [name.lower() for name in by_category["extras"]]
    assert bar.non_speaking == ["SERVEUR"]
    # Nadia is in the street scene without speaking: non-speaking cast, from a mention.
    assert street.non_speaking == ["NADIA"]
    mention = next(t for t in street.tags if t.name == "NADIA")
    assert mention.source == "mention" and mention.confidence < 1
    characters = {c.name: c for c in script.characters}
    assert characters["NADIA"].scenes == ["1", "2"]
    assert characters["SERVEUR"].speaking is False


def test_risks_with_their_evidence() -> None:
    night = scene(
        "LÉA (8 ans) court sur le toit avec un chien. La voiture démarre.", "EXT. IMMEUBLE - NUIT"
    )
    risks = {r.code: r.evidence for r in night.risks}
    assert set(risks) >= {"night_exterior", "height", "animal", "minor", "vehicle_in_motion"}
    assert risks["night_exterior"] == "EXT. IMMEUBLE - NUIT"
    assert "8 ans" in risks["minor"]
    quiet = scene("Elle lit. Adulte (40 ans).")
    assert quiet.risks == []


def test_weak_category_tag_raises_no_risk() -> None:
    s = scene("La neige tombe doucement.")  # "tombe" is a weak stunt hint
    assert any(t.category == "stunts" for t in s.tags)
    assert "stunt" not in {r.code for r in s.risks}


def test_manual_tags_survive_a_new_breakdown() -> None:
    script = read_script(b"INT. SALON - JOUR\n\nIl boit un verre.\n")
    manual = BreakdownTag("props", "verre", "", 1.0, "manual")
    script.scenes[0].tags = [manual, BreakdownTag("props", "cendrier", "", 0.4, "dictionary")]
    break_down(script)
    tags = script.scenes[0].tags
    assert manual in tags
    assert [t.source for t in tags if t.name == "verre"] == ["manual"]
    assert all(t.name != "cendrier" for t in tags)
