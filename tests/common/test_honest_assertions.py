"""No assertion in the suite passes when either of two things holds: ``assert a or b``
stays green whichever of them the code does, so it pins no behaviour."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def _either(test: ast.expr) -> bool:
    if isinstance(test, ast.BoolOp):
        return isinstance(test.op, ast.Or) or any(_either(value) for value in test.values)
    return False


def _or_assertions(source: str, name: str) -> list[str]:
    tree = ast.parse(source, name)
    return [
        f"{name}:{node.lineno}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Assert) and _either(node.test)
    ]


def test_no_assertion_is_chained_with_or() -> None:
    found = [
        where
        for path in sorted(TESTS.rglob("*.py"))
        for where in _or_assertions(path.read_text(encoding="utf-8"), str(path.relative_to(TESTS)))
    ]
    assert found == []


def test_the_scan_sees_an_or_at_the_top_and_inside_an_and() -> None:
    assert _or_assertions("assert a or b\nassert c and (d or e)\n", "x.py") == ["x.py:1", "x.py:2"]
    assert _or_assertions("assert (a or b) == c\nassert not (a or b)\n", "x.py") == []
