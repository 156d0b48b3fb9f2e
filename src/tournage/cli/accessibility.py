"""`tournage` sub-commands for accessibility (thin adapter over tournage.accessibility)."""

import typer


def register(app: typer.Typer) -> None:
    """Add this domain's commands to the main app."""
