"""The framework's blocks, competences, criteria and their automatic checks, typed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tournage.common.rules import RuleTable
from tournage.data import load_yaml


@dataclass(frozen=True)
class CheckSpec:
    id: str
    rule: str
    level: str  # fail | warn | info
    ref: str | list[str] | None = None
    rule_fr: str | None = None

    @property
    def refs(self) -> tuple[str, ...]:
        if self.ref is None:
            return ()
        return (self.ref,) if isinstance(self.ref, str) else tuple(self.ref)


@dataclass(frozen=True)
class Row:
    id: str
    kind: str  # competence | criterion
    block: int
    text_fr: str
    summary_en: str
    code: str | None = None
    activity: str | None = None
    criteria: tuple[str, ...] = ()
    competences: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    checks: tuple[CheckSpec, ...] = ()
    human_judgement: tuple[str, ...] = ()
    human_judgement_fr: tuple[str, ...] = ()
    retired: str | None = None

    def judgement_items(self, french: bool = True) -> tuple[str, ...]:
        """The human-judgement items, in French when the French wording is given."""
        if french and len(self.human_judgement_fr) == len(self.human_judgement):
            return self.human_judgement_fr
        return self.human_judgement


@dataclass(frozen=True)
class Block:
    block: int
    title_fr: str
    title_en: str
    evaluation_fr: str = ""
    evaluation_en: str = ""


@dataclass(frozen=True)
class Meta:
    title: str
    as_of: str


@dataclass(frozen=True)
class Framework:
    meta: Meta
    blocks: tuple[Block, ...]
    rows: tuple[Row, ...]

    def label(self, row: Row) -> str:
        """``C1.1.1`` for a competence, ``Critère 2.4`` (its rank in the block) otherwise."""
        if row.code:
            return row.code
        criteria = [r.id for r in self.rows if r.kind == "criterion" and r.block == row.block]
        return f"Critère {row.block}.{criteria.index(row.id) + 1}"

    def checks(self) -> list[tuple[Row, CheckSpec]]:
        """Every (row, check) pair, in the file's order; check ids are unique."""
        return [(row, check) for row in self.rows if not row.retired for check in row.checks]


@dataclass(frozen=True)
class CheckDomains:
    source: str
    domains: dict[str, tuple[str, ...]]
    labels: dict[str, str] = field(default_factory=dict)  # French names

    def owner(self, check_id: str) -> str | None:
        return next((d for d, ids in self.domains.items() if check_id in ids), None)

    def label(self, domain: str) -> str:
        return self.labels.get(domain, domain)


def _with_french(document: Any) -> Any:
    """criteria.yaml, with the French wording of its checks and judgement items
    (criteria_fr.yaml) merged in; ``as_of`` read as text."""
    document["meta"]["as_of"] = str(document["meta"]["as_of"])
    french = load_yaml("referential/criteria_fr.yaml")
    for row in document["rows"]:
        for check in row.get("checks") or ():
            check.setdefault("rule_fr", french["rules"].get(check["id"]))
        row.setdefault("human_judgement_fr", french["judgements"].get(row["id"], []))
    return document


FRAMEWORK = RuleTable("referential/criteria.yaml", Framework, select=_with_french)
CHECK_DOMAINS = RuleTable("referential/check_domains.yaml", CheckDomains)
