"""`tournage rights check ID` and `tournage rights cuesheet ID --edl FILE -o FILE`: the
rights register, author contracts, permits and release steps of a production of the
database; the music cue sheet from the final edit (adapter over tournage.web.rights.api)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from tournage.cli.output import CliError, database_production, emit

CUESHEET_FORMATS = (".csv", ".xlsx", ".pdf")


def register(app: typer.Typer) -> None:
    sub = typer.Typer(help="Droits, autorisations de tournage et sortie.", no_args_is_help=True)
    app.add_typer(sub, name="rights")

    @sub.command("check")
    def check(
        production_id: Annotated[int, typer.Argument(help="Production id (tournage productions).")],
    ) -> None:
        """Clearances, author contracts, permits and release steps with their findings."""
        production = database_production(production_id)
        from tournage.web.rights.api import report

        emit(report(production), render_check)

    @sub.command("cuesheet")
    def cuesheet(
        production_id: Annotated[int, typer.Argument(help="Production id (tournage productions).")],
        edl: Annotated[Path, typer.Option("--edl", help="Final edit: .edl or .otio.")],
        output: Annotated[
            Path, typer.Option("-o", "--output", help="Cue sheet to write: .csv, .xlsx or .pdf.")
        ],
    ) -> None:
        """Read the music cues of the edit into the cue sheet and write it."""
        suffix = output.suffix.lower()
        if suffix not in CUESHEET_FORMATS:
            raise CliError(f"Format inconnu « {suffix} » : .csv, .xlsx ou .pdf.")
        try:
            content = edl.read_bytes()
        except OSError as error:
            raise CliError(f"Impossible de lire {edl} : {error.strerror}") from error
        production = database_production(production_id)
        from tournage.common.errors import DomainError
        from tournage.web.rights.api import cuesheet as make_sheet

        try:
            count, data = make_sheet(production, content, edl.name, suffix.lstrip("."))
        except DomainError as error:
            raise CliError(error.message) from error
        try:
            output.write_bytes(data)
        except OSError as error:
            raise CliError(f"Impossible d'écrire {output} : {error.strerror}") from error
        emit(
            {"written": str(output), "cues": count, "bytes": len(data)},
            lambda d: f"Écrit : {d['written']} ({d['cues']} musiques)",
        )


def render_check(document: dict[str, Any]) -> str:
    lines = [
        f"{len(document['clearances'])} éléments au registre des droits, "
        f"{len(document['authors'])} contrats d'auteur, {len(document['permits'])} autorisations, "
        f"{len(document['release'])} étapes de sortie."
    ]
    lines += [f"[{f['severity']}] {f['message']}" for f in document["findings"]]
    return "\n".join(lines)
