"""Hypothesis strategies of scripts shared by the PDF tests."""

from __future__ import annotations

from hypothesis import strategies as st

from tournage.screenplay.model import Element
from tournage.screenplay.model import ElementKind as K

_word = st.text("abcdeéxyz", min_size=1, max_size=8)
_sentence = st.lists(_word, min_size=1, max_size=80).map(lambda w: " ".join(w).capitalize() + ".")
_speaker = st.sampled_from(["NADIA", "MARC", "LÉA", "JEAN-PAUL", "MME ROUX"])


@st.composite
def numbered_scene(draw: st.DrawFn, number: int) -> list[Element]:
    elements = [Element(K.SCENE_HEADING, f"INT. LIEU {number} - JOUR", scene_number=str(number))]
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(_kinds)
        if kind == "action":
            elements.append(Element(K.ACTION, draw(_sentence)))
        elif kind == "transition":
            elements.append(Element(K.TRANSITION, draw(_transition)))
        elif kind == "dual":
            left, right = draw(st.lists(_speaker, min_size=2, max_size=2, unique=True))
            elements += _speech(left, draw(_short), False, False)
            elements += _speech(right, draw(_short), False, True)
        else:
            elements += _speech(draw(_speaker), draw(_sentence), draw(st.booleans()), False)
    return elements


_kinds = st.sampled_from(["action", "speech", "speech", "transition", "dual"])
_transition = st.sampled_from(["CUT TO:", "FONDU ENCHAÎNÉ :", "SMASH CUT TO:"])
_short = st.lists(_word, min_size=1, max_size=6).map(lambda w: " ".join(w).capitalize() + ".")


def _speech(name: str, line: str, parenthetical: bool, dual: bool) -> list[Element]:
    speech = [Element(K.CHARACTER, name, name, dual=dual)]
    if parenthetical:
        speech.append(Element(K.PARENTHETICAL, "(bas)", name, dual=dual))
    return [*speech, Element(K.DIALOGUE, line, name, dual=dual)]


@st.composite
def numbered_scripts(draw: st.DrawFn) -> list[Element]:
    count = draw(st.integers(1, 15))
    return [e for number in range(1, count + 1) for e in draw(numbered_scene(number))]
