"""Budget pages by role: the producer sees everything, crew only chapter totals."""

from __future__ import annotations

from typing import Any

import pytest

from tournage.web.budget import adapters

from .web_helpers import url

pytestmark = pytest.mark.django_db


def test_pages_render_for_the_producer(budgeted: Any, member_client: Any) -> None:
    client = member_client("producer")
    version = adapters.reference_version(budgeted)
    for name, kwargs in [
        ("index", {}),
        ("devis", {"version_id": version.pk}),
        ("costs", {}),
        ("financing", {}),
        ("compare", {}),
        ("closing", {}),
    ]:
        response = client.get(url(name, budgeted, **kwargs))
        assert response.status_code == 200, name
    costs = client.get(url("costs", budgeted)).content.decode()
    assert costs.count("<svg") == 2
    financing = client.get(url("financing", budgeted)).content.decode()
    assert "Occitanie" in financing  # the aid's name, shown with its verdict
    assert "122-18" in financing  # why the CNC aid needs checking: carbon footprint


def test_crew_reads_no_budget_page(budgeted: Any, member_client: Any) -> None:
    crew = member_client("crew")
    assert crew.get(url("index", budgeted)).status_code == 403
    version = adapters.reference_version(budgeted)
    assert crew.get(url("devis", budgeted, version_id=version.pk)).status_code == 403
    assert crew.get(url("costs", budgeted)).status_code == 403
    assert crew.get(url("export", budgeted, fmt="xlsx")).status_code == 403
