"""Bounds on what a script import may cost: bytes, scenes, paragraph length, cues, pages.

Every parser takes a ``ParseLimits`` and checks it while it reads, so a hostile file is
refused early with a French message instead of eating the server. The defaults come from
``data/screenplay/import.yaml``; the web app passes its settings, the CLI the defaults.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from tournage.common.records import Record
from tournage.screenplay.errors import ScriptError


class ParseLimits(Record, frozen=True):
    max_bytes: int
    max_scenes: int
    max_paragraph_chars: int
    max_elements: int
    max_cues: int
    max_pdf_pages: int

    @staticmethod
    def defaults() -> ParseLimits:
        return _defaults()

    def with_overrides(self, **overrides: Any) -> ParseLimits:
        """These limits with some values replaced (``None`` values are ignored)."""
        known = set(self.__fields__)
        values = {k: int(v) for k, v in overrides.items() if k in known and v}
        return self.replace(**values)

    def too_large(self) -> ScriptError:
        return ScriptError(
            "too_large",
            f"Le fichier dépasse la taille maximale de {_count(self.max_bytes // 1_000_000)} Mo.",
            limit=self.max_bytes,
        )

    def paragraph_too_long(self, first_line: str) -> ScriptError:
        return ScriptError(
            "paragraph_too_long",
            f"Un paragraphe dépasse {_count(self.max_paragraph_chars)} caractères "
            f"(il commence par « {first_line[:40]} ») : ce fichier n'a pas la forme d'un "
            "scénario.",
            limit=self.max_paragraph_chars,
        )

    def too_many_elements(self) -> ScriptError:
        return ScriptError(
            "too_many_elements",
            f"Le scénario compte plus de {_count(self.max_elements)} paragraphes : "
            "découpez-le en plusieurs fichiers.",
            limit=self.max_elements,
        )

    def too_many_scenes(self) -> ScriptError:
        return ScriptError(
            "too_many_scenes",
            f"Le scénario compte plus de {_count(self.max_scenes)} séquences : "
            "découpez-le en plusieurs fichiers.",
            limit=self.max_scenes,
        )

    def too_many_cues(self) -> ScriptError:
        return ScriptError(
            "too_many_cues",
            f"Le scénario compte plus de {_count(self.max_cues)} répliques : "
            "découpez-le en plusieurs fichiers.",
            limit=self.max_cues,
        )

    def too_many_pages(self) -> ScriptError:
        return ScriptError(
            "too_many_pages",
            f"Le PDF compte plus de {_count(self.max_pdf_pages)} pages.",
            limit=self.max_pdf_pages,
        )


def _count(value: int) -> str:
    from tournage.common.formatting import format_number  # Babel: only on this error path

    return format_number(value, 0, "fr")


@cache
def _defaults() -> ParseLimits:
    from tournage.screenplay.rules import import_rules

    return import_rules().limits
