"""Security commands: lift a login lockout."""

from __future__ import annotations

from typing import Annotated

import typer

from tournage.cli.output import CliError, emit


def register(app: typer.Typer) -> None:
    @app.command("unlock")
    def unlock(
        username: Annotated[str | None, typer.Argument(help="Account to unlock.")] = None,
        ip: Annotated[str | None, typer.Option(help="Address to unlock.")] = None,
    ) -> None:
        """Let a locked-out account or address log in again (after too many wrong passwords)."""
        if not username and not ip:
            raise CliError("Donnez un nom d’utilisateur ou --ip ADRESSE.", exit_code=2)
        from tournage.web import runtime

        runtime.setup_django()
        runtime.migrate()
        from tournage.web.security.lockout import unlock as lift

        removed = lift(username, ip)
        emit(
            {"username": username, "ip": ip, "attempts_removed": removed},
            lambda d: f"Déverrouillé : {d['attempts_removed']} tentative(s) oubliée(s).",
        )
