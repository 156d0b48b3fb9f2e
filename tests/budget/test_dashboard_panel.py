"""The budget panel of the production dashboard."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_dashboard_panel(budgeted: Any, member_client: Any) -> None:
    page = (
        member_client("producer")
        .get(reverse("productions:dashboard", kwargs={"production_id": budgeted.pk}))
        .content.decode()
    )
    assert "Devis" in page
    assert "variance-title" not in page  # the chart is the cost report's, not the panel's
