"""The JSON document of an evaluation (``tournage referential check ID --json``, the
portfolio's ``referential.json``): every check id of the framework appears exactly once.

Shape::

    {"framework": {"title", "as_of"},
     "summary": {"met", "partly", "not_met", "unknown", "not_evaluated"},
     "blocks": [{"block", "criteria": [{"id", "status", "checks": [
         {"id", "level", "status", "evidence": [{"label", "url", "file"}], "value",
          "source", "message"}]}]}],
     "judgements": [{"row", "item", "text", "verdict", "comment", "date", "by"}]}

A row's ``status`` is ``null`` when it has no automatic check (human judgement only).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from tournage.referential.evaluation import CheckOutcome, Evaluation, RowOutcome


def jsonable(value: Any) -> Any:
    """Values as JSON: decimals as strings (money is never a float), dates in ISO."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Enum):
        return jsonable(value.value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(item) for item in value]
    return str(value)


def check_document(outcome: CheckOutcome) -> dict[str, Any]:
    result = outcome.result
    return {
        "id": outcome.id,
        "level": outcome.severity.value,
        "status": outcome.status.value,
        "evidence": [{"label": e.label, "url": e.url, "file": e.file} for e in result.evidence],
        "value": jsonable(result.value),
        "source": result.source,
        "message": result.message,
    }


def row_document(outcome: RowOutcome) -> dict[str, Any]:
    status = outcome.status
    return {
        "id": outcome.id,
        "status": None if status is None else status.value,
        "checks": [check_document(c) for c in outcome.checks],
    }


def evaluation_document(
    evaluation: Evaluation, judgements: Sequence[Mapping[str, Any]] = ()
) -> dict[str, Any]:
    framework = evaluation.framework
    return {
        "framework": {"title": framework.meta.title, "as_of": framework.meta.as_of},
        "summary": evaluation.summary(),
        "blocks": [
            {
                "block": block.block,
                "criteria": [row_document(r) for r in evaluation.block_rows(block.block)],
            }
            for block in framework.blocks
        ],
        "judgements": [jsonable(dict(j)) for j in judgements],
    }
