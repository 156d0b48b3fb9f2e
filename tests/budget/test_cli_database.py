"""The budget command reads a production from the database."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

pytestmark = pytest.mark.django_db


def test_cli_reads_a_production_from_the_database(budgeted: Any, capsys: Any) -> None:
    import json

    from tournage.cli import main
    from tournage.cli.output import options

    try:
        with pytest.raises(SystemExit) as done:
            main(["--json", "budget", "show", str(budgeted.pk)])
            raise SystemExit(0)
    finally:
        options.json = False
    assert done.value.code == 0
    document = json.loads(capsys.readouterr().out)
    assert Decimal(document["total_ht"]) <= budgeted.budget_envelope
    assert document["financing"]["gap"] == "0.00"
