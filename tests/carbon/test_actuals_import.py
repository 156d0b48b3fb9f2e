"""Importing actual activities from a file: all or nothing, with history."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tournage.web.carbon.models import CarbonActivity

from .web_helpers import url

pytestmark = pytest.mark.django_db


def test_import_is_all_or_nothing(planned: Any, member_client: Any) -> None:
    client = member_client("production_manager")
    bad = b"factor,quantity,unit\ntrain_tgv,100,km\ndiesel_b7_l_ademe,5,kWh\n"
    response = client.post(url("import", planned), {"file": SimpleUploadedFile("a.csv", bad)})
    assert "Ligne 3" in response.content.decode() and not CarbonActivity.objects.exists()
    good = (
        b"factor,quantity,unit,label\ntrain_tgv,100,km,Billets\nhotel_night_fr_avg_ademe,3,night,\n"
    )
    response = client.post(url("import", planned), {"file": SimpleUploadedFile("a.csv", good)})
    assert response.status_code == 302
    assert list(CarbonActivity.objects.values_list("phase", flat=True)) == ["actual", "actual"]
