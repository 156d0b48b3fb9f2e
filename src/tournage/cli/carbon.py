"""`tournage` sub-commands for carbon (thin adapter over tournage.carbon)."""

import typer


def register(app: typer.Typer) -> None:
    """Add this domain's commands to the main app."""
