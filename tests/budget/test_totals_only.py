"""The eco-referent reads the budget's totals only; crew reads nothing of the budget."""

from __future__ import annotations

from typing import Any

import pytest

from tournage.web.budget.demo import load_demo_budget
from tournage.web.productions import demo as foundation_demo
from tournage.web.productions.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setattr(foundation_demo, "_steps", [])
    production, _ = foundation_demo.load_demo()
    load_demo_budget(production)
    return production


def test_eco_referent_sees_the_total_not_the_chapters(demo: Any, member_client: Any) -> None:
    referent = member_client(Role.ECO_REFERENT, on=demo)
    html = referent.get(f"/p/{demo.pk}/budget/").content.decode()
    assert "Total HT" in html
    assert "Versions" not in html and "Exporter" not in html
    manager = member_client(Role.PRODUCTION_MANAGER, on=demo)
    full = manager.get(f"/p/{demo.pk}/budget/").content.decode()
    assert "Versions" in full
    version = demo.budget_versions.first()
    for path in (f"versions/{version.pk}/", "costs/", "financing/", "export/xlsx/"):
        assert referent.get(f"/p/{demo.pk}/budget/{path}").status_code == 403, path


def test_crew_reads_no_budget(demo: Any, member_client: Any) -> None:
    assert member_client(Role.CREW, on=demo).get(f"/p/{demo.pk}/budget/").status_code == 403
