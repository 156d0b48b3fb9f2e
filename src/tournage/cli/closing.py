"""`tournage delivery register ID` and `tournage closing report ID [-o FILE.pdf|.xlsx]`: the
delivery register and the closing file of a production of the database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from tournage.cli.output import CliError, database_production, emit

REPORT_FORMATS = (".pdf", ".xlsx")


def _api(production_id: int) -> tuple[Any, Any]:
    """The closing app's api and the production, in a migrated database."""
    production = database_production(production_id)
    from tournage.web.closing import api

    return api, production


def render_register(document: dict[str, Any]) -> str:
    lines = []
    for destination in document["destinations"]:
        lines.append(f"{destination['name']} ({destination['kind']})")
        for item in destination["items"]:
            notes = "; ".join(f["message"] for f in item["findings"]) or "conforme"
            lines.append(f"  {item['label']} — échéance {item['due'] or '—'} — {notes}")
        if destination["missing_kinds"]:
            lines.append("  attendus absents : " + ", ".join(destination["missing_kinds"]))
    return "\n".join(lines) or "Registre de livraison vide."


def render_report(document: dict[str, Any]) -> str:
    lines = [
        f"Dossier de clôture — {document['title']}",
        f"Chiffres rapprochés : {'oui' if document['reconciled'] else 'non'}",
        "",
    ]
    lines += [f"{c['id']:28s} {c['status']:8s} {c['message']}" for c in document["checks"]]
    return "\n".join(lines)


def register_command(delivery: typer.Typer) -> None:
    @delivery.command("register")
    def delivery_register(
        production_id: Annotated[int, typer.Argument(help="Production id (tournage productions).")],
    ) -> None:
        """The delivery register: each element per destination, late, missing, changed after
        QC."""
        api, production = _api(production_id)
        emit(api.delivery_register(production), render_register)


def register(app: typer.Typer) -> None:
    sub = typer.Typer(help="Closing file: financial, legal, environmental, accessibility.")
    app.add_typer(sub, name="closing")

    @sub.command("report")
    def report(
        production_id: Annotated[int, typer.Argument(help="Production id (tournage productions).")],
        output: Annotated[
            Path | None, typer.Option("-o", "--output", help="Also write a .pdf or .xlsx.")
        ] = None,
    ) -> None:
        """The closing report and its checks (JSON with --json)."""
        if output is not None and output.suffix.lower() not in REPORT_FORMATS:
            raise CliError(f"Format inconnu « {output.suffix} » : .pdf ou .xlsx.")
        api, production = _api(production_id)
        document = api.closing_report(production)
        if output is not None:
            _write(document, output)
        emit(document, render_report)


def _write(document: dict[str, Any], output: Path) -> None:
    from tournage.closing.documents import report_pdf, report_xlsx

    data = report_pdf(document) if output.suffix.lower() == ".pdf" else report_xlsx(document)
    try:
        output.write_bytes(data)
    except OSError as error:
        raise CliError(f"Impossible d'écrire {output} : {error.strerror}") from error
