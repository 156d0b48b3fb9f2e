"""What every command prints: one JSON document with --json, a readable text otherwise.

Errors a producer can act on are raised as ``CliError`` and shown on stderr without a
traceback (unless ``--debug``); the command exits non-zero.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any


class CliError(Exception):
    """An error whose message is meant for the user, not a developer."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class OutputOptions:
    """The global flags of the command line (a plain class: no dataclass on start-up)."""

    def __init__(self) -> None:
        self.json = False
        self.debug = False


options = OutputOptions()


def _default(value: Any) -> Any:
    from datetime import date, datetime  # imported when first needed: start-up is timed
    from decimal import Decimal
    from pathlib import Path

    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if hasattr(value, "to_dict"):
        return value.to_dict()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def to_json(document: Any) -> str:
    import json

    return json.dumps(document, ensure_ascii=False, indent=2, default=_default)


def emit(document: Any, render_text: Callable[[Any], str] | None = None) -> None:
    """Print ``document`` as JSON with --json, else as ``render_text(document)``."""
    if options.json or render_text is None:
        sys.stdout.write(to_json(document) + "\n")
    else:
        sys.stdout.write(render_text(document).rstrip("\n") + "\n")


def database_production(production_id: int) -> Any:
    """Production ``production_id`` of the local database (migrated first), or a CliError."""
    from tournage.web import runtime

    runtime.setup_django()
    runtime.migrate()
    from tournage.web.productions.models import Production

    production = Production.objects.filter(pk=production_id).first()
    if production is None:
        raise CliError(f"Aucune production n°{production_id} dans cette base.")
    return production
