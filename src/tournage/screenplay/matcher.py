"""One multi-pattern matcher (Aho-Corasick) for every dictionary, name and trigger word.

A scene is read once whatever the number of words looked for; a match counts only on
word boundaries. Patterns are given lower-cased (``case_sensitive=False``, the text is
lower-cased with its offsets kept) or as written (names).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

import ahocorasick

V = TypeVar("V")


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def lower_same_length(text: str) -> str:
    """``text.lower()`` with the same offsets (the few characters whose lower case is
    longer, like ``İ``, are kept as they are)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)


class Matcher(Generic[V]):
    """Patterns → values; ``find`` yields ``(start, end, pattern, value)`` on word bounds."""

    def __init__(self, patterns: Iterable[tuple[str, V]], *, case_sensitive: bool) -> None:
        self.case_sensitive = case_sensitive
        self._automaton = ahocorasick.Automaton()
        self._values: dict[str, list[V]] = {}
        for pattern, value in patterns:
            if pattern:
                self._values.setdefault(pattern, []).append(value)
        for pattern, values in self._values.items():
            self._automaton.add_word(pattern, (pattern, values))
        self.empty = not self._values
        if not self.empty:
            self._automaton.make_automaton()

    def find(self, text: str) -> Iterator[tuple[int, int, str, V]]:
        if self.empty:
            return
        haystack = text if self.case_sensitive else lower_same_length(text)
        size = len(text)
        for last, (pattern, values) in self._automaton.iter(haystack):
            start, end = last - len(pattern) + 1, last + 1
            if start > 0 and _is_word_char(text[start - 1]):
                continue
            if end < size and _is_word_char(text[end]):
                continue
            for value in values:
                yield start, end, pattern, value
