"""Shared helpers for the screenplay tests: the sample scripts written for them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tournage.web.screenplay.models import ScriptVersion

from .web_helpers import upload

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def phare_fountain() -> bytes:
    return (FIXTURES / "le_phare.fountain").read_bytes()


@pytest.fixture
def phare_fdx() -> bytes:
    return (FIXTURES / "le_phare.fdx").read_bytes()


@pytest.fixture
def producer(member_client: Any) -> Any:
    return member_client("producer")


@pytest.fixture
def imported(producer: Any, production: Any) -> ScriptVersion:
    response = upload(
        producer, production, "le_phare.fountain", (FIXTURES / "le_phare.fountain").read_bytes()
    )
    assert response.status_code == 302
    return ScriptVersion.objects.get(production=production)
