"""`tournage` sub-commands for delivery (thin adapter over tournage.delivery)."""

import typer


def register(app: typer.Typer) -> None:
    """Add this domain's commands to the main app."""
