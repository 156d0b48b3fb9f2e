"""Typed readers of the safety rule tables (``data/safety``, and the teams' OETH rules)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from tournage.common.rules import RuleTable


@dataclass(frozen=True)
class Level:
    value: int
    label: str


@dataclass(frozen=True)
class Priority:
    id: str
    label: str
    min_score: int


@dataclass(frozen=True)
class Scales:
    source: str
    severity: tuple[Level, ...]
    likelihood: tuple[Level, ...]
    priorities: tuple[Priority, ...]
    uncertain: bool = True


@dataclass(frozen=True)
class Cited:
    rule: str
    source: str
    rule_fr: str = ""  # the rule in French, for French pages; the source's wording is `rule`
    reference: str = ""
    as_of: str | None = None
    uncertain: bool = False


@dataclass(frozen=True)
class Duer:
    legal_basis: Cited
    scales: Scales


@dataclass(frozen=True)
class Declaration(Cited):
    hours: int = 0
    skip_sundays: bool = False
    skip_public_holidays: bool = False


@dataclass(frozen=True)
class Accidents:
    employer_declaration: Declaration
    victim_information: Declaration


@dataclass(frozen=True)
class Group:
    label: str
    source: str
    as_of: str | None = None
    uncertain: bool = False


@dataclass(frozen=True)
class Item:
    id: str
    group: str
    label: str
    teams: str | None = None  # field of the teams app's location record holding it


@dataclass(frozen=True)
class Checklist:
    groups: dict[str, Group]
    items: tuple[Item, ...]

    def in_group(self, group: str) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.group == group)


@dataclass(frozen=True)
class Post:
    id: str
    label: str
    points: int


@dataclass(frozen=True)
class ParityBonus:
    name: str
    bonus_percent: int
    reference: str
    source: str
    totals: dict[str, int]
    thresholds: dict[str, int | None]
    threshold_source: str
    grid: tuple[Post, ...]
    uncertain: bool = True


@dataclass(frozen=True)
class HeadsForm:
    name: str
    required_for_aid_prefix: str
    rule: str
    source: str
    posts: tuple[str, ...] | None = None
    posts_note: str = ""
    uncertain: bool = True


@dataclass(frozen=True)
class Parity:
    parity_bonus: ParityBonus
    heads_of_department_form: HeadsForm


@dataclass(frozen=True)
class Referent(Cited):
    threshold_employees: int | None = None


@dataclass(frozen=True)
class Unknown:
    note: str
    source: str
    uncertain: bool = True


@dataclass(frozen=True)
class Inclusion:
    oeth_rule_id: str
    intermittents: Unknown
    referent_handicap: Referent


@dataclass(frozen=True)
class Oeth:
    """The disability employment obligation as the teams' safety data states it."""

    rule: str
    source: str
    rule_fr: str = ""
    rate: Decimal | None = None
    threshold_employees: int | None = None
    as_of: str | None = None
    uncertain: bool = False


def _oeth(document: dict[str, Any]) -> dict[str, Any]:
    rule_id = INCLUSION.load().oeth_rule_id
    rows: list[dict[str, Any]] = document["inclusion_disability"]
    return next(row for row in rows if row["id"] == rule_id)


DUER = RuleTable("safety/duer.yaml", Duer)
ACCIDENTS = RuleTable("safety/accidents.yaml", Accidents)
CHECKLIST = RuleTable("safety/location_checklist.yaml", Checklist)
PARITY = RuleTable("safety/parity.yaml", Parity)
INCLUSION = RuleTable("safety/inclusion.yaml", Inclusion)
OETH = RuleTable("labor/safety.yaml", Oeth, select=_oeth)
