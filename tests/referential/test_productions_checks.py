"""The foundation's checks: an eco-referent among the members, consent on sensitive data."""

from __future__ import annotations

from typing import Any

import pytest

from tournage.referential.registry import Status
from tournage.web.productions.models import Membership, Role

from .conftest import run

pytestmark = pytest.mark.django_db


def test_eco_referent(production: Any, make_user: Any) -> None:
    result = run("eco_referent", production)
    assert result.status is Status.NOT_MET
    assert result.action
    Membership.objects.create(production=production, user=make_user("lea"), role=Role.ECO_REFERENT)
    result = run("eco_referent", production)
    assert result.status is Status.MET
    assert "lea" in result.message


def test_sensitive_data_consent_is_unknown_without_sensitive_records(production: Any) -> None:
    assert run("sensitive_data_consent", production).status is Status.UNKNOWN
