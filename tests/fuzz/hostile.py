"""What every fuzz target asserts: a parser returns, or raises the product's own error."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tournage.common.errors import DomainError


def survives(parse: Callable[[], Any]) -> None:
    """Run ``parse``; a DomainError is a clean refusal, any other exception a crash."""
    try:
        parse()
    except DomainError as refusal:
        assert refusal.message, "a refusal says why"
