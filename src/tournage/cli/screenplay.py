"""`tournage` sub-commands for screenplay (thin adapter over tournage.screenplay)."""

import typer


def register(app: typer.Typer) -> None:
    """Add this domain's commands to the main app."""
