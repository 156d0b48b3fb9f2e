"""Disability employment obligation (OETH), disability referent, CNC parity grid.

The obligation is computed for the company headcount the employer gives (how CDDU
intermittents count in it is unknown in the data, so every result here is uncertain);
the parity grid counts the points held by women among the heads of department.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from tournage.safety.rules import INCLUSION, OETH, PARITY, Post


@dataclass(frozen=True)
class OethStatus:
    headcount: int | None
    subject: bool | None  # None: headcount unknown
    required: int | None  # beneficiaries to employ (rounded down)
    declared: Decimal | None  # beneficiary units the employer declares
    rate: Decimal | None
    threshold: int | None

    @property
    def shortfall(self) -> Decimal | None:
        if not self.subject or self.required is None or self.declared is None:
            return None
        return max(Decimal(self.required) - self.declared, Decimal(0))


def oeth(headcount: int | None, declared: Decimal | None = None) -> OethStatus:
    rule = OETH.load()
    if headcount is None or rule.rate is None or rule.threshold_employees is None:
        return OethStatus(headcount, None, None, declared, rule.rate, rule.threshold_employees)
    subject = headcount >= rule.threshold_employees
    required = None
    if subject:
        required = int((rule.rate * headcount).to_integral_value(rounding=ROUND_FLOOR))
    return OethStatus(headcount, subject, required, declared, rule.rate, rule.threshold_employees)


def referent_required(headcount: int | None) -> bool | None:
    threshold = INCLUSION.load().referent_handicap.threshold_employees
    if headcount is None or threshold is None:
        return None
    return headcount >= threshold


@dataclass(frozen=True)
class Head:
    """Who holds a post of the grid, and their sex as declared on the CNC form."""

    post: str
    name: str = ""
    sex: str = ""  # "f", "m" or "" (not given)


@dataclass(frozen=True)
class ParityResult:
    kind: str
    grid: tuple[Post, ...]  # empty: the data has no grid for this kind of work
    # The regulation's stated total; the grid's own points may differ (one source lists
    # one post more): both are shown, the points are counted on the grid.
    stated_total: int | None
    women_points: int
    unknown_posts: tuple[Post, ...]  # no one named, or sex not given
    threshold: int | None  # None: unknown in the data

    @property
    def total(self) -> int:
        return sum(post.points for post in self.grid)

    @property
    def computed(self) -> bool:
        return bool(self.grid) and not self.unknown_posts

    @property
    def bonus_reached(self) -> bool | None:
        if not self.computed or self.threshold is None:
            return None
        return self.women_points >= self.threshold


def _declared(head: Head | None) -> bool:
    return head is not None and bool(head.name) and head.sex in ("f", "m")


def parity(heads: Mapping[str, Head], kind: str = "fiction") -> ParityResult:
    bonus = PARITY.load().parity_bonus
    grid = bonus.grid if kind == "fiction" else ()  # the only grid the data holds
    unknown = tuple(post for post in grid if not _declared(heads.get(post.id)))
    women = sum(post.points for post in grid if post.id in heads and heads[post.id].sex == "f")
    return ParityResult(
        kind, grid, bonus.totals.get(kind), women, unknown, bonus.thresholds.get(kind)
    )


def form_required(aid_ids: set[str]) -> bool:
    """The heads-of-department form goes with FSA requests (aids of the financing plan)."""
    prefix = PARITY.load().heads_of_department_form.required_for_aid_prefix
    return any(aid.startswith(prefix) for aid in aid_ids)
