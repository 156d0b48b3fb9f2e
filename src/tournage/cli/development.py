"""`tournage development show ID`, `cdc ID -o FILE.pdf|.docx` and
`dossier ID --scheme NAME -o FILE.pdf`: the development file of a production."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from tournage.cli.output import CliError, emit

Id = Annotated[int, typer.Argument(help="Production id (tournage productions).")]
Output = Annotated[Path, typer.Option("-o", "--output", help="File to write.")]


def register(app: typer.Typer) -> None:
    sub = typer.Typer(
        help="Développement : demande, benchmark, notes, cahier des charges, dossier."
    )
    app.add_typer(sub, name="development")

    @sub.command("show")
    def show(production_id: Id) -> None:
        """Brief, approvals, feasibility, benchmark, notes, cahier des charges, dossier."""
        production = _production(production_id)  # sets Django up before the app is imported
        from tournage.web.development.api import document

        emit(document(production), render_show)

    @sub.command("cdc")
    def cdc(production_id: Id, output: Output) -> None:
        """The cahier des charges as PDF or DOCX."""
        fmt = output.suffix.lower().lstrip(".")
        if fmt not in ("pdf", "docx"):
            raise CliError(f"Format inconnu « .{fmt} » : .pdf ou .docx.")
        production = _production(production_id)
        from tournage.web.development.api import cdc_document

        _write(output, cdc_document(production, fmt)[0])

    @sub.command("dossier")
    def dossier(
        production_id: Id,
        output: Output,
        scheme: Annotated[str, typer.Option("--scheme", help="Funding scheme id.")],
    ) -> None:
        """The dossier of a funding scheme as one PDF (contents first)."""
        production = _production(production_id)
        from tournage.development.errors import DevelopmentError
        from tournage.web.development.api import dossier_pdf

        try:
            data = dossier_pdf(production, scheme)
        except DevelopmentError as error:
            raise CliError(error.message) from error
        _write(output, data)


def _write(output: Path, data: bytes) -> None:
    try:
        output.write_bytes(data)
    except OSError as error:
        raise CliError(f"Impossible d'écrire {output} : {error.strerror}") from error
    emit({"written": str(output), "bytes": len(data)}, lambda d: f"Écrit : {d['written']}")


def _production(production_id: int) -> Any:
    from tournage.web import runtime

    runtime.setup_django()
    runtime.migrate()
    from tournage.web.productions.models import Production

    production = Production.objects.filter(pk=production_id).first()
    if production is None:
        raise CliError(f"Aucune production n°{production_id} dans cette base.")
    return production


def render_show(document: dict[str, Any]) -> str:
    lines = [f"Demande : {document['brief']['client'] or '—'}"]
    lines += [f"  {d['dimension']} : {d['verdict']}" for d in document["feasibility"]]
    cdc = document["cahier_des_charges"]
    done = sum(1 for s in cdc["sections"] if s["complete"])
    lines.append(f"Cahier des charges : {done}/{len(cdc['sections'])} sections complètes")
    if document["dossier"]:
        missing = [p["id"] for p in document["dossier"]["pieces"] if p["status"] == "missing"]
        lines.append(f"Dossier {document['dossier']['scheme']} : manquent {', '.join(missing)}")
    return "\n".join(lines)
