"""How long a typed text is, measured against a scheme's limit (``rules.yaml text_measure``)."""

from __future__ import annotations

import math

from .rules import RULES


def lines(text: str) -> int:
    """Printed lines: each paragraph takes at least one line of ``characters_per_line``."""
    width = RULES.load().text_measure.characters_per_line
    return sum(max(1, math.ceil(len(p.strip()) / width)) for p in text.splitlines() if p.strip())


def pages(text: str) -> float:
    return len(text.split()) / RULES.load().text_measure.words_per_page
