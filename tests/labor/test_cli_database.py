"""The labor command checks a production in the database."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.django_db


def test_cli_checks_a_production_in_the_database(demo: Any, capsys: Any) -> None:
    import json

    from tournage.cli import main

    main(["--json", "labor", "check", str(demo.pk)])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert {"LAB-REST-DAILY", "LAB-DELIVERY-LATE"} <= {f["code"] for f in findings}
    with pytest.raises(SystemExit):
        main(["labor", "check", "999999"])
    assert "introuvable" in capsys.readouterr().err
