"""`tournage` sub-commands for scheduling (thin adapter over tournage.scheduling)."""

import typer


def register(app: typer.Typer) -> None:
    """Add this domain's commands to the main app."""
