"""Evaluators of the framework's checks, contributed by each domain.

A domain registers one evaluator per check it can answer, from its web app's
``checks`` module (imported by ``DomainAppConfig.ready``)::

    from tournage.referential.registry import CheckResult, Evidence, Status, register_check

    @register_check("c2_2.working_time_rules")      # or just "working_time_rules"
    def working_time_rules(production) -> CheckResult:
        ...
        return CheckResult(Status.NOT_MET, "2 dépassements de la durée quotidienne",
                           evidence=(Evidence("Rapport de conformité", url),), value=2,
                           source="Code du travail L3121-18")

The subject (a production) is opaque here: the core imports no web framework.
An evaluator answers ``UNKNOWN`` when the data it needs is absent — never a
silent pass — and sets ``uncertain`` when its rule rests on an uncertain value,
so that the dashboard shows a warning rather than a failure.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

T = TypeVar("T")


class Status(StrEnum):
    MET = "met"
    PARTLY = "partly"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"  # the data the check needs is absent
    NOT_EVALUATED = "not_evaluated"  # no evaluator yet (its domain is not built)


@dataclass(frozen=True)
class Evidence:
    """What shows the result: a page (``url``) and/or a stored document (``file``, the
    storage name of an uploaded file, copied into the portfolio's zip)."""

    label: str
    url: str = ""
    file: str = ""


@dataclass(frozen=True)
class CheckResult:
    status: Status
    message: str
    evidence: tuple[Evidence, ...] = ()
    value: Any = None
    source: str = ""
    uncertain: bool = False
    action: str = ""  # the next action, when the evaluator knows better than the rule text


Evaluator = Callable[[Any], CheckResult]

_evaluators: dict[str, Evaluator] = {}


def check_key(check_id: str) -> str:
    """``"c2_2.working_time_rules"`` and ``"working_time_rules"`` name the same check."""
    return check_id.rsplit(".", 1)[-1]


def register_check(check_id: str) -> Callable[[Evaluator], Evaluator]:
    """Decorator: ``evaluator`` answers the framework check ``check_id``."""

    def register(evaluator: Evaluator) -> Evaluator:
        key = check_key(check_id)
        if key in _evaluators and _evaluators[key] is not evaluator:
            raise ValueError(f"Two evaluators for the check {key!r}.")
        _evaluators[key] = evaluator
        return evaluator

    return register


def evaluator_for(check_id: str) -> Evaluator | None:
    return _evaluators.get(check_key(check_id))


def registered_checks() -> frozenset[str]:
    return frozenset(_evaluators)


_shared: ContextVar[dict[Hashable, Any] | None] = ContextVar("referential_shared", default=None)


@contextmanager
def evaluation_scope() -> Iterator[None]:
    """Within one evaluation, ``shared`` computes each costly input once (a devis, a
    footprint, contract findings) for all the evaluators that read it."""
    token = _shared.set({})
    try:
        yield
    finally:
        _shared.reset(token)


def shared(key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, once per evaluation for ``key`` (every time outside an evaluation)."""
    cache = _shared.get()
    if cache is None:
        return compute()
    if key not in cache:
        cache[key] = compute()
    value: T = cache[key]
    return value
