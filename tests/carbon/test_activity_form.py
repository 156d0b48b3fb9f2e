"""Adding an activity by hand: a wrong unit is refused and nothing stored."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tournage.web.carbon.models import CarbonActivity

from .web_helpers import url

pytestmark = pytest.mark.django_db


def test_activity_with_the_wrong_unit_is_refused_and_nothing_stored(
    planned: Any, member_client: Any
) -> None:
    client = member_client("eco_referent")
    response = client.post(
        url("activity_create", planned),
        {"phase": "actual", "factor": "diesel_b7_l_ademe", "quantity": "12", "unit": "kWh"},
    )
    assert response.status_code == 200 and "incompatible" in response.content.decode()
    assert not CarbonActivity.objects.exists()
    response = client.post(
        url("activity_create", planned),
        {
            "phase": "actual",
            "factor": "diesel_b7_l_ademe",
            "quantity": "12",
            "unit": "L",
            "evidence": SimpleUploadedFile(
                "ticket.pdf", b"%PDF-1.4 ticket", content_type="application/pdf"
            ),
        },
    )
    assert response.status_code == 302
    assert CarbonActivity.objects.get().evidence.name.endswith(".pdf")
