"""The demo production decides the development checks of the referential."""

from __future__ import annotations

import pytest

from tournage.referential.framework import CHECK_DOMAINS
from tournage.referential.registry import Status, evaluator_for

pytestmark = pytest.mark.django_db


def test_demo_decides_the_development_checks() -> None:
    from tournage.web.productions.demo import load_demo

    production, _ = load_demo()
    ids = CHECK_DOMAINS.load().domains["development"]
    results = {check: evaluator_for(check)(production) for check in ids}  # type: ignore[misc]
    for check, result in sorted(results.items()):
        print(f"{check:40} {result.status:10} {result.message}")
    undecided = [c for c, r in results.items() if r.status == Status.UNKNOWN]
    assert len(ids) == 26
    assert not undecided
    assert {r.status for r in results.values()} >= {Status.MET, Status.PARTLY}
