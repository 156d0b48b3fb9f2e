"""Feed a rule table a damaged copy of its own YAML and return the refusal's message."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from tournage.common import rules
from tournage.common.rules import RuleTable, RuleTableError
from tournage.data import load_yaml


def refusal(
    monkeypatch: pytest.MonkeyPatch, table: RuleTable[Any], damage: Callable[[Any], None]
) -> str:
    """The message of the error raised when ``table`` reads its file damaged by ``damage``.

    A fresh ``RuleTable`` of the same file and shape is loaded, so the shipped table's
    cached value is left alone.
    """
    document = copy.deepcopy(load_yaml(table.path))
    damage(document)
    monkeypatch.setattr(rules, "load_yaml", lambda path: document)
    with pytest.raises(RuleTableError) as error:
        RuleTable(table.path, table.shape, table.select).load()
    return error.value.message
