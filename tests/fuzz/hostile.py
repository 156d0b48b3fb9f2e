"""What every fuzz target asserts: a parser returns, or raises the product's own error."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tournage.common.errors import DomainError


def survives(parse: Callable[[], Any]) -> bool:
    """Run ``parse``; a DomainError is a clean refusal (False), any other exception a
    crash; True when the input was accepted."""
    try:
        parse()
    except DomainError as refusal:
        assert refusal.message, "a refusal says why"
        return False
    return True
