"""The closing page records the final cost."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from tournage.budget.report import analyse
from tournage.web.budget import adapters

from .web_helpers import url

pytestmark = pytest.mark.django_db


def test_final_cost_is_recorded_as_a_statement(budgeted: Any, member_client: Any) -> None:
    assert member_client("production_manager").post(url("closing", budgeted)).status_code == 403
    client = member_client("accountant")
    assert client.post(url("closing", budgeted), {"final": "on"}).status_code == 302
    snapshot = budgeted.cost_statements.get(final=True)
    _totals, report, _ = analyse(adapters.production_budget(budgeted))
    assert Decimal(snapshot.document["total"]["final"]) == report.total.actual
    assert snapshot.history.get().history_user == client.user
    assert snapshot.version in client.get(url("closing", budgeted)).content.decode()
