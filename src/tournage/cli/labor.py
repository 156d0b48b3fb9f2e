"""`tournage` sub-commands for labor (thin adapter over tournage.labor)."""

import typer


def register(app: typer.Typer) -> None:
    """Add this domain's commands to the main app."""
