"""No legal age, threshold or rate is written in the core: a comparison of a rule-named value
(``age``, ``idcc``, ``threshold``, ``rate``...) against a number must read the number from data.

0, 1, 2 and 100 pass (emptiness, unit, a pair, a percentage scale); the allowed comparisons
below are layout heuristics of file formats, not rules.
"""

import ast
import re
from pathlib import Path

import tournage

CORE = Path(tournage.__file__).parent
OUTSIDE_CORE = ("web", "cli", "data")
RULE_NAME = re.compile(
    r"(^|_)(age|idcc|rate|threshold|percent|hours|limit|minimum|maximum|ceiling|cap|quota"
    r"|headcount|employees)(_|$)",
    re.IGNORECASE,
)
NEUTRAL = {0, 1, 2, 100}
ALLOWED = {
    # WebVTT `line:NN%`: where a positioned cue sits (top, middle, bottom third)
    ("accessibility/readers/text.py", "percent < 40"),
    ("accessibility/readers/text.py", "percent > 60"),
}


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _number(node: ast.expr) -> bool:
    value = node.value if isinstance(node, ast.Constant) else None
    return isinstance(value, int | float) and not isinstance(value, bool) and value not in NEUTRAL


def _suspicious(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Compare):
            continue
        sides = [node.left, *node.comparators]
        if any(RULE_NAME.search(_name(side)) for side in sides) and any(map(_number, sides)):
            found.append(ast.unparse(node))
    return found


def test_no_rule_figure_is_compared_as_a_literal_in_the_core() -> None:
    modules = [p for p in CORE.rglob("*.py") if p.relative_to(CORE).parts[0] not in OUTSIDE_CORE]
    found = {
        (path.relative_to(CORE).as_posix(), text) for path in modules for text in _suspicious(path)
    }
    assert found - ALLOWED == set()


def test_the_check_sees_a_hard_coded_age(tmp_path: Path) -> None:
    module = tmp_path / "rules.py"
    module.write_text("def minor(age):\n    return age < 16\n", encoding="utf-8")
    assert _suspicious(module) == ["age < 16"]
