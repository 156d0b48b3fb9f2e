"""The générique: blocks in the order of ``data/closing/credits.yaml``, filled from the
authors of the rights register and the employment contracts, and the mentions it must carry.

The order is a reading of the customs of the trade (uncertain in the data); an order agreed
in a contract overrides it and is not known here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from tournage.common.rules import RuleTable


@dataclass(frozen=True)
class Block:
    id: str
    label_fr: str
    label_en: str
    source: Any
    authors: tuple[str, ...] = ()
    functions: tuple[str, ...] = ()
    rest: bool = False
    uncertain: bool = False


@dataclass(frozen=True)
class Mention:
    id: str
    fr: str
    en: str
    when: Any
    filled_by: Any
    source: Any
    uncertain: bool = False
    note: str = ""


@dataclass(frozen=True)
class CreditsRules:
    blocks: tuple[Block, ...]
    mentions: tuple[Mention, ...]


CREDITS = RuleTable("closing/credits.yaml", CreditsRules)


@dataclass(frozen=True)
class Author:
    name: str
    role: str  # a co-author role id of ../rights/authors.yaml
    signed: bool


@dataclass(frozen=True)
class Contract:
    name: str
    function: str


@dataclass(frozen=True)
class Line:
    name: str
    function: str  # as the contract or the author role names it
    from_contract: bool  # False: an author contract of the rights register


@dataclass
class CreditBlock:
    id: str
    label_fr: str
    label_en: str
    source: Any
    uncertain: bool
    lines: list[Line] = field(default_factory=list)


@dataclass(frozen=True)
class MentionStatus:
    id: str
    fr: str
    en: str
    status: str  # "built" (from the data), "manual" (to add by hand), "missing" (no data)
    source: Any
    uncertain: bool
    note: str = ""


@dataclass(frozen=True)
class Generique:
    blocks: tuple[CreditBlock, ...]
    mentions: tuple[MentionStatus, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "blocks": [
                {
                    "id": b.id,
                    "label_fr": b.label_fr,
                    "label_en": b.label_en,
                    "source": b.source,
                    "uncertain": b.uncertain,
                    "lines": [{"name": ln.name, "function": ln.function} for ln in b.lines],
                }
                for b in self.blocks
            ],
            "mentions": [m.__dict__ for m in self.mentions],
        }


def _matches(function: str, word: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(word), function) is not None


def block_of(function: str, blocks: Sequence[Block]) -> Block | None:
    """The block whose longest matching word is the longest (None: no block matches)."""
    text = function.strip().lower()
    best: tuple[int, Block] | None = None
    for block in blocks:
        for word in block.functions:
            if _matches(text, word) and (best is None or len(word) > best[0]):
                best = (len(word), block)
    return best[1] if best else None


def build(
    authors: Sequence[Author],
    contracts: Sequence[Contract],
    role_labels: dict[str, str],
    financing: Sequence[str] = (),
    production_format: str = "",
) -> Generique:
    """The générique of a production; ``role_labels``: author role id -> its label."""
    rules = CREDITS.load()
    blocks = {
        b.id: CreditBlock(b.id, b.label_fr, b.label_en, b.source, b.uncertain) for b in rules.blocks
    }
    rest = next((b.id for b in rules.blocks if b.rest), None)
    for author in authors:
        target = next((b for b in rules.blocks if author.role in b.authors), None)
        if target is not None:
            _add(blocks[target.id], Line(author.name, role_labels.get(author.role, ""), False))
    for contract in contracts:
        target = block_of(contract.function, rules.blocks)
        block_id = target.id if target is not None else rest
        if block_id is not None:
            _add(blocks[block_id], Line(contract.name, contract.function, True))
    filled = {b.id for b in blocks.values() if b.lines}
    mentions = tuple(
        _mention_status(m, filled)
        for m in rules.mentions
        if _applies(m.when, set(financing), production_format)
    )
    return Generique(tuple(blocks.values()), mentions)


def _add(block: CreditBlock, line: Line) -> None:
    """A person once per block: an author contract first, then the employment contract."""
    if all(existing.name != line.name for existing in block.lines):
        block.lines.append(line)


def _applies(when: Any, financing: set[str], production_format: str) -> bool:
    if when == "always":
        return True
    if isinstance(when, dict):
        return bool(financing & set(when.get("financing", ()))) or production_format in set(
            when.get("formats", ())
        )
    return False


def _mention_status(mention: Mention, filled: set[str]) -> MentionStatus:
    if mention.filled_by == "manual":
        status = "manual"
    else:
        status = "built" if filled & set(mention.filled_by) else "missing"
    return MentionStatus(
        mention.id,
        mention.fr,
        mention.en,
        status,
        mention.source,
        mention.uncertain,
        mention.note,
    )
