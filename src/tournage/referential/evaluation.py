"""Evaluate every check of the framework on one subject (a production), through the registry.

Each check gets an outcome: the evaluator's result, or ``not_evaluated`` when no domain
has registered one (its owner domain named from check_domains.yaml), or ``unknown`` when
the evaluator itself failed (logged; never a silent pass). Rows roll up their checks: a
row is met when all its blocking checks pass; non-blocking results are shown as warnings.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from tournage.common.findings import Severity
from tournage.referential.framework import (
    CHECK_DOMAINS,
    FRAMEWORK,
    CheckDomains,
    CheckSpec,
    Framework,
    Row,
)
from tournage.referential.registry import (
    CheckResult,
    Evaluator,
    Status,
    evaluation_scope,
    evaluator_for,
)

log = logging.getLogger(__name__)

STATUSES = tuple(Status)
DECIDED = (Status.MET, Status.PARTLY, Status.NOT_MET)
# What a row shows when several of its deciding checks disagree: the worst first.
ROLL_UP_ORDER = (Status.NOT_MET, Status.PARTLY, Status.UNKNOWN, Status.NOT_EVALUATED, Status.MET)
# Failing first on the dashboard.
DISPLAY_ORDER = {status: rank for rank, status in enumerate(ROLL_UP_ORDER)}


@dataclass(frozen=True)
class CheckOutcome:
    row_id: str
    spec: CheckSpec
    result: CheckResult
    domain: str | None

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def status(self) -> Status:
        return self.result.status

    @property
    def severity(self) -> Severity:
        """The rule's level; a rule resting on an uncertain value only warns."""
        return Severity.for_rule(self.spec.level, uncertain=self.result.uncertain)

    @property
    def blocking(self) -> bool:
        return self.severity is Severity.FAIL

    @property
    def falls_short(self) -> bool:
        return self.status in (Status.NOT_MET, Status.PARTLY)


@dataclass(frozen=True)
class RowOutcome:
    row: Row
    checks: tuple[CheckOutcome, ...]

    @property
    def id(self) -> str:
        return self.row.id

    @property
    def deciding(self) -> tuple[CheckOutcome, ...]:
        """The checks that decide the row: its blocking ones, else its warnings, else all."""
        for keep in (
            lambda c: c.blocking,
            lambda c: c.severity is Severity.WARN,
            lambda c: True,
        ):
            chosen = tuple(c for c in self.checks if keep(c))
            if chosen:
                return chosen
        return ()

    @property
    def status(self) -> Status | None:
        """``None``: the row has no automatic check (human judgement only)."""
        return roll_up(c.status for c in self.deciding) if self.checks else None

    @property
    def warnings(self) -> tuple[CheckOutcome, ...]:
        """Checks outside the decision that fall short: shown with their reason."""
        deciding = {c.id for c in self.deciding}
        return tuple(c for c in self.checks if c.id not in deciding and c.falls_short)

    def counts(self) -> dict[str, int]:
        return count_statuses(c.status for c in self.checks)

    def ordered_checks(self) -> list[CheckOutcome]:
        """Failing checks first, then unknown, not evaluated, met."""
        return sorted(self.checks, key=lambda c: (DISPLAY_ORDER[c.status], not c.blocking))


@dataclass(frozen=True)
class Evaluation:
    framework: Framework
    rows: tuple[RowOutcome, ...]
    checks: tuple[CheckOutcome, ...] = field(default=())

    def summary(self) -> dict[str, int]:
        return count_statuses(c.status for c in self.checks)

    @property
    def decided(self) -> int:
        """Checks met, partly met or not met on the production's data."""
        return sum(1 for c in self.checks if c.status in DECIDED)

    def block_rows(self, block: int) -> tuple[RowOutcome, ...]:
        return tuple(r for r in self.rows if r.row.block == block)

    def block_counts(self, block: int) -> dict[str, int]:
        return count_statuses(c.status for r in self.block_rows(block) for c in r.checks)

    def check(self, check_id: str) -> CheckOutcome | None:
        return next((c for c in self.checks if c.id == check_id), None)

    def failing(self) -> list[CheckOutcome]:
        return sorted(
            (c for c in self.checks if c.falls_short),
            key=lambda c: (DISPLAY_ORDER[c.status], not c.blocking),
        )


def count_statuses(statuses: Iterable[Status]) -> dict[str, int]:
    counter = Counter(statuses)
    return {status.value: counter.get(status, 0) for status in STATUSES}


def roll_up(statuses: Iterable[Status]) -> Status:
    present = set(statuses)
    return next((s for s in ROLL_UP_ORDER if s in present), Status.MET)


def not_evaluated(check_id: str, domains: CheckDomains) -> CheckResult:
    domain = domains.owner(check_id)
    if domain is None:
        message = "Pas encore évalué : aucun domaine n'est chargé de ce contrôle."
    else:
        label = domains.label(domain)
        message = f"Pas encore évalué : le domaine « {label} » n'est pas encore construit."
    return CheckResult(Status.NOT_EVALUATED, message, source=domains.source)


def _run(evaluator: Evaluator, subject: Any, check_id: str) -> CheckResult:
    try:
        return evaluator(subject)
    except Exception:
        # One broken evaluator must not hide the other 150 checks; it is logged, and
        # reported as unknown (never as a pass).
        log.exception("Referential evaluator %s failed", check_id)
        return CheckResult(
            Status.UNKNOWN, "L'évaluation de ce contrôle a échoué (erreur interne, journalisée)."
        )


def evaluate(
    subject: Any,
    only: Callable[[str], bool] | None = None,
    framework: Framework | None = None,
    domains: CheckDomains | None = None,
) -> Evaluation:
    """Every live check of the framework on ``subject`` (``only``: a subset of check ids)."""
    framework = framework or FRAMEWORK.load()
    domains = domains or CHECK_DOMAINS.load()
    with evaluation_scope():
        rows = _evaluate_rows(subject, only, framework, domains)
    checks = tuple(c for r in rows for c in r.checks)
    return Evaluation(framework, tuple(rows), checks)


def _evaluate_rows(
    subject: Any,
    only: Callable[[str], bool] | None,
    framework: Framework,
    domains: CheckDomains,
) -> list[RowOutcome]:
    rows: list[RowOutcome] = []
    for row in framework.rows:
        if row.retired:
            continue
        outcomes = []
        for spec in row.checks:
            if only is not None and not only(spec.id):
                continue
            evaluator = evaluator_for(spec.id)
            result = (
                not_evaluated(spec.id, domains)
                if evaluator is None
                else _run(evaluator, subject, spec.id)
            )
            outcomes.append(CheckOutcome(row.id, spec, result, domains.owner(spec.id)))
        rows.append(RowOutcome(row, tuple(outcomes)))
    return rows
