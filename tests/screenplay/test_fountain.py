"""Fountain 1.1 parser: one behaviour per test, on small original snippets."""

from __future__ import annotations

import pytest

from tournage.screenplay.fountain import parse_fountain
from tournage.screenplay.model import ElementKind as K


def kinds(text: str) -> list[tuple[K, str]]:
    return [(e.kind, e.text) for e in parse_fountain(text)[1]]


def test_title_page_with_multiline_values_and_unknown_keys() -> None:
    title, elements = parse_fountain(
        "Title: _**LA DIGUE**_\nauthor: Inès Morel\nContact:\n    Prod du Nord\n\tLille\n"
        "Couleur: bleue\n\nINT. BUREAU - JOUR\n"
    )
    assert title.title == "LA DIGUE"
    assert title.get("Author") == "Inès Morel"
    assert title.get("contact") == "Prod du Nord\nLille"
    assert title.entries["Couleur"] == "bleue"
    assert elements[0].kind is K.SCENE_HEADING


def test_fade_in_alone_is_not_a_title_page() -> None:
    title, elements = parse_fountain("FADE IN:\n\nINT. CAVE - NUIT\n")
    assert title.entries == {}
    assert [e.kind for e in elements] == [K.ACTION, K.SCENE_HEADING]


@pytest.mark.parametrize(
    "line",
    [
        "INT. CUISINE - JOUR",
        "EXT. RUE - NUIT",
        "EST. VILLAGE - AUBE",
        "INT./EXT. VOITURE - NUIT",
        "INT/EXT VOITURE - JOUR",
        "I/E CABINE - SOIR",
        "int. salon - jour",
    ],
)
def test_scene_heading_prefixes(line: str) -> None:
    assert kinds(f"\n{line}\n\nAction.\n")[0] == (K.SCENE_HEADING, line)


def test_heading_needs_dot_or_space_after_prefix() -> None:
    assert kinds("\nINTERIEUR DU BUS\n")[0][0] is K.ACTION


def test_forced_heading_and_ellipsis() -> None:
    assert kinds(".SOUVENIR D'ENFANCE\n")[0] == (K.SCENE_HEADING, "SOUVENIR D'ENFANCE")
    assert kinds("...et puis rien.\n")[0][0] is K.ACTION


@pytest.mark.parametrize("number", ["1", "12A", "I-1-A", "110A", "3.1"])
def test_scene_numbers_are_stripped(number: str) -> None:
    heading = parse_fountain(f"INT. GARE - JOUR #{number}#\n")[1][0]
    assert heading.text == "INT. GARE - JOUR"
    assert heading.scene_number == number


def test_character_extension_dual_and_forced() -> None:
    elements = parse_fountain(
        "NADIA (V.O.) (cont'd)\nJe suis là.\n\nMARC ^\nMoi aussi.\n\n@McCoy\n(bas)\nOui.\n"
    )[1]
    cue = elements[0]
    assert (cue.kind, cue.character, cue.extension) == (K.CHARACTER, "NADIA", "(V.O.) (cont'd)")
    assert elements[2].dual and elements[3].dual and elements[3].character == "MARC"
    assert [e.kind for e in elements[4:]] == [K.CHARACTER, K.PARENTHETICAL, K.DIALOGUE]
    assert elements[4].character == "McCoy"


def test_caps_line_without_following_line_is_action() -> None:
    assert kinds("\nBOUM.\n\nLe mur tremble.\n")[0] == (K.ACTION, "BOUM.")


def test_dialogue_keeps_two_space_blank_line() -> None:
    dialogue = parse_fountain("ZOÉ\nPremière ligne.\n  \nAprès le silence.\n")[1][1]
    assert dialogue.kind is K.DIALOGUE
    assert dialogue.text == "Première ligne.\n\nAprès le silence."


def test_forced_action_and_indentation_kept() -> None:
    assert kinds("!MARC\nregarde la mer.\n") == [(K.ACTION, "MARC\nregarde la mer.")]
    assert kinds("\tIl attend.\n")[0] == (K.ACTION, "    Il attend.")


def test_transitions_natural_and_forced_and_centered() -> None:
    assert kinds("\nCUT TO:\n")[0] == (K.TRANSITION, "CUT TO:")
    assert kinds("\n> FONDU AU NOIR.\n")[0] == (K.TRANSITION, "FONDU AU NOIR.")
    assert kinds("\n>FIN<\n")[0] == (K.CENTERED, "FIN")
    assert kinds("Il sort.\n\nCut to:\n")[1][0] is K.ACTION


def test_lyrics_each_line_needs_a_tilde() -> None:
    assert kinds("~La la la\n~Et encore\nParlé\n") == [
        (K.LYRIC, "La la la"),
        (K.LYRIC, "Et encore"),
        (K.ACTION, "Parlé"),
    ]


def test_notes_inline_and_multiline_and_boneyard() -> None:
    text = (
        "Il entre. [[vérifier\n  \nla porte]] Il sort.\n\n/* coupé\n\nMARC\nNon.\n*/\n\n[[seule]]\n"
    )
    assert kinds(text) == [
        (K.ACTION, "Il entre. Il sort."),
        (K.NOTE, "vérifier\n  \nla porte"),
        (K.NOTE, "seule"),
    ]


def test_note_does_not_span_a_truly_empty_line() -> None:
    assert kinds("[[pas\n\nune note]]\n")[0] == (K.ACTION, "[[pas")


def test_sections_synopses_and_page_breaks() -> None:
    elements = parse_fountain("# Acte I\n\n## Séquence\n\n= Résumé.\n\n===\n\n====\n")[1]
    assert [(e.kind, e.text, e.depth) for e in elements] == [
        (K.SECTION, "Acte I", 1),
        (K.SECTION, "Séquence", 2),
        (K.SYNOPSIS, "Résumé.", 0),
        (K.PAGE_BREAK, "", 0),
        (K.PAGE_BREAK, "", 0),
    ]


def test_emphasis_kept_as_markup_and_plain_strips_it() -> None:
    action = parse_fountain("Il *court* **vite** _très_ ***loin*** \\*vraiment\\*.\n")[1][0]
    assert action.plain == "Il court vite très loin *vraiment*."


@pytest.mark.parametrize(
    "raw",
    [
        b"\xef\xbb\xbfINT. SALON - JOUR\r\n\r\nNADIA\r\nBonjour.\r\n",
        b"INT. SALON - JOUR\r\rNADIA\rBonjour.\r",
    ],
)
def test_bom_crlf_and_cr_tolerant(raw: bytes) -> None:
    elements = parse_fountain(raw.decode("utf-8-sig"))[1]
    assert [(e.kind, e.text) for e in elements] == [
        (K.SCENE_HEADING, "INT. SALON - JOUR"),
        (K.CHARACTER, "NADIA"),
        (K.DIALOGUE, "Bonjour."),
    ]


def test_non_latin_cue() -> None:
    elements = parse_fountain("АННА\nПривет.\n\nさくら\nこんにちは。\n")[1]
    assert elements[0].character == "АННА"
    # Japanese has no case: it cannot be a natural cue, only a forced one.
    assert elements[2].kind is K.ACTION


def test_nul_characters_are_dropped_with_or_without_notes() -> None:
    # NUL marks the lifted notes internally: a NUL in the text must not fake one.
    assert kinds("Il\x00 attend.\n") == [(K.ACTION, "Il attend.")]
    assert kinds("Il\x000\x00 attend. [[vraie note]]\n") == [
        (K.ACTION, "Il0 attend."),
        (K.NOTE, "vraie note"),
    ]


def test_whitespace_only_line_ends_a_paragraph_but_two_spaces_do_not() -> None:
    assert [kind for kind, _ in kinds("NADIA\nOui.\n \t\nNon.\n")] == [
        K.CHARACTER,
        K.DIALOGUE,
        K.ACTION,
    ]
    assert kinds("NADIA\nOui.\n  \nNon.\n")[1] == (K.DIALOGUE, "Oui.\n\nNon.")


def test_heading_prefix_with_dotted_capital_i() -> None:
    # re.IGNORECASE folds İ onto i: such a line is a heading like "int." is.
    assert kinds("\nİNT. SALON - JOUR\n")[0] == (K.SCENE_HEADING, "İNT. SALON - JOUR")


def test_a_first_heading_with_a_colon_is_no_title_page() -> None:
    """Found by the fuzz target: an exported heading "INT. GARE - 6:00" read back as a key."""
    title_page, elements = parse_fountain("INT. GARE - 6:00\n\nUn train.\n")
    assert title_page.entries == {}
    assert elements[0].kind is K.SCENE_HEADING
