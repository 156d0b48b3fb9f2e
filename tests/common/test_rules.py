"""Every declared rule table loads into its shape; a malformed one names file and path."""

import importlib
import pkgutil
from dataclasses import dataclass

import pytest

import tournage
from tournage.common.rules import RuleTable, RuleTableError


def _import_core() -> None:
    for module in pkgutil.walk_packages(tournage.__path__, "tournage."):
        if not module.name.startswith(("tournage.web", "tournage.cli", "tournage.__main__")):
            importlib.import_module(module.name)


_import_core()


@pytest.mark.parametrize("table", RuleTable.all(), ids=lambda table: table.path)
def test_every_declared_rule_table_loads(table: RuleTable[object]) -> None:
    assert table.load() is not None


def test_a_table_of_the_wrong_shape_is_refused_with_its_path() -> None:
    @dataclass(frozen=True)
    class Wrong:
        max_days: str

    with pytest.raises(RuleTableError) as error:
        RuleTable("scheduling/defaults.yaml", Wrong, select=lambda d: d).load()
    assert "scheduling/defaults.yaml" in error.value.message
    assert "max_days" in error.value.message
