"""`tournage safety ID`: the production's health, safety and inclusion file (adapter over
tournage.safety and the web app's models)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from tournage.cli.output import database_production, emit


def register(app: typer.Typer) -> None:
    @app.command("safety")
    def safety(
        production_id: Annotated[int, typer.Argument(help="Production id (tournage productions).")],
    ) -> None:
        """DUER, briefings, location checklists, incidents, inclusion of a production."""
        production = database_production(production_id)
        from tournage.web.safety.api import safety_document

        emit(safety_document(production), render)


def render(document: dict[str, Any]) -> str:
    duer = document["duer"]
    lines = [
        f"{document['production']} — santé, sécurité et inclusion",
        f"DUER : {duer['established'] or 'non établi'}, {len(duer['hazards'])} risques, "
        f"{len(duer['findings'])} points à traiter",
    ]
    for scene, row in document["briefings"].items():
        if row["missing"]:
            lines.append(f"  séquence {scene} : manque {', '.join(row['missing'])}")
    lines += [
        f"  lieu {row['location']} : check-list incomplète"
        for row in document["locations"]
        if row["used"] and not row["complete"]
    ]
    lines += [f"  {f['subject']} : {f['message']}" for f in document["incident_findings"]]
    return "\n".join(lines)
