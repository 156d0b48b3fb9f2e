"""Shared shapes of a verdict, so that every domain words its results the same way.

Most checks of the framework say "every X has Y": ``coverage`` turns the count of X and
the list of those lacking Y into a result — unknown when there is no X at all (the data
is absent), met when none lacks Y, partly met when some do, not met when all do.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tournage.referential.registry import CheckResult, Evidence, Status

SHOWN = 5  # names listed in a message before "…"


def listing(names: Sequence[str], shown: int = SHOWN) -> str:
    head = ", ".join(names[:shown])
    return head + (f" … (+{len(names) - shown})" if len(names) > shown else "")


def coverage(
    total: int,
    missing: Sequence[str],
    *,
    met: str,
    not_met: str,
    empty: str,
    source: str = "",
    evidence: Sequence[Evidence] = (),
    uncertain: bool = False,
    all_or_nothing: bool = False,
    action: str = "",
) -> CheckResult:
    """``total`` items, ``missing`` the names of those that fail the rule."""
    value: dict[str, Any] = {"total": total, "failing": len(missing)}
    if total == 0:
        return CheckResult(Status.UNKNOWN, empty, tuple(evidence), value, source, uncertain)
    if not missing:
        return CheckResult(Status.MET, met, tuple(evidence), value, source, uncertain)
    status = Status.NOT_MET if all_or_nothing or len(missing) >= total else Status.PARTLY
    message = f"{not_met} ({len(missing)}/{total}) : {listing(list(missing))}"
    return CheckResult(status, message, tuple(evidence), value, source, uncertain, action)


def present(
    found: bool,
    *,
    met: str,
    not_met: str,
    source: str = "",
    evidence: Sequence[Evidence] = (),
    value: Any = None,
    uncertain: bool = False,
    action: str = "",
) -> CheckResult:
    """A yes/no fact read from the data (an artefact exists, a figure is within bounds)."""
    if found:
        return CheckResult(Status.MET, met, tuple(evidence), value, source, uncertain)
    return CheckResult(Status.NOT_MET, not_met, tuple(evidence), value, source, uncertain, action)


def unknown(message: str, *, source: str = "", evidence: Sequence[Evidence] = ()) -> CheckResult:
    """The data the check needs is absent."""
    return CheckResult(Status.UNKNOWN, message, tuple(evidence), None, source)
