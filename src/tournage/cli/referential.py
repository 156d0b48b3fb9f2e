"""`tournage referential check ID` and `tournage referential portfolio ID -o FILE`: the
reference framework evaluated on a production of the database (adapter over
tournage.referential and the web app's evaluators).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from tournage.cli.output import CliError, database_production, emit

STATUS_TEXT = {
    "met": "atteint",
    "partly": "partiellement atteint",
    "not_met": "non atteint",
    "unknown": "données absentes",
    "not_evaluated": "pas encore évalué",
}
PORTFOLIO_FORMATS = (".pdf", ".zip", ".json")


def register(app: typer.Typer) -> None:
    sub = typer.Typer(help="Référentiel du producteur responsable : contrôles et portefeuille.")
    app.add_typer(sub, name="referential")

    @sub.command("check")
    def check(
        production_id: Annotated[int, typer.Argument(help="Production id (tournage productions).")],
    ) -> None:
        """Every check of the framework on the production's data (records today's snapshot)."""
        production = database_production(production_id)
        from tournage.referential.document import evaluation_document
        from tournage.web.referential.api import (
            evaluate_production,
            judgement_documents,
            record_snapshot,
        )

        evaluation = evaluate_production(production)
        record_snapshot(production, evaluation)
        emit(evaluation_document(evaluation, judgement_documents(production)), render_check)

    @sub.command("portfolio")
    def portfolio(
        production_id: Annotated[int, typer.Argument(help="Production id (tournage productions).")],
        output: Annotated[
            Path, typer.Option("-o", "--output", help="File to write: .pdf, .zip or .json.")
        ],
    ) -> None:
        """The portfolio: accessible PDF, zip with the evidence documents, or JSON."""
        suffix = output.suffix.lower()
        if suffix not in PORTFOLIO_FORMATS:
            raise CliError(f"Format de portefeuille inconnu « {suffix} » : .pdf, .zip ou .json.")
        production = database_production(production_id)
        from tournage.web.referential.api import build

        data = build(production, suffix.lstrip("."))
        try:
            output.write_bytes(data)
        except OSError as error:
            raise CliError(f"Impossible d'écrire {output} : {error.strerror}") from error
        emit({"written": str(output), "bytes": len(data)}, lambda d: f"Écrit : {d['written']}")


def render_check(document: dict[str, Any]) -> str:
    summary = document["summary"]
    lines = [
        document["framework"]["title"],
        ", ".join(f"{STATUS_TEXT[k]} : {v}" for k, v in summary.items()),
        "",
    ]
    for block in document["blocks"]:
        lines.append(f"Bloc {block['block']}")
        for row in block["criteria"]:
            for item in row["checks"]:
                if item["status"] in ("not_met", "partly"):
                    lines.append(f"  {row['id']}.{item['id']} : {item['message']}")
    return "\n".join(lines)
