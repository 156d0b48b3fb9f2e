"""Shared helpers for the screenplay tests: the sample scripts written for them."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def phare_fountain() -> bytes:
    return (FIXTURES / "le_phare.fountain").read_bytes()


@pytest.fixture
def phare_fdx() -> bytes:
    return (FIXTURES / "le_phare.fdx").read_bytes()
