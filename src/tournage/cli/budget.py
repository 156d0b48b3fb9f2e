"""`tournage budget ...`: devis totals, versions, aid eligibility, exports (adapter over
tournage.budget).

PRODUCTION is a budget file (YAML/JSON, see docs/budget.md) or, once the web app is set up,
the id of a production in the database.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from tournage.cli.output import CliError, emit


def register(app: typer.Typer) -> None:
    """Add this domain's commands to the main app."""
    sub = typer.Typer(help="Devis, plan de financement, aides et suivi budgétaire.")
    app.add_typer(sub, name="budget")

    @sub.command("show")
    def show(production: str) -> None:
        """Totals per chapter (budget, engagé, réalisé, EFC, écart) and the financing plan."""
        from tournage.budget.report import show_document

        emit(_guard(lambda: show_document(_load(production))), render_show)

    @sub.command("eligibility")
    def eligibility(production: str) -> None:
        """Aids the production can claim, cannot claim, and why."""
        from tournage.budget.report import eligibility_document

        emit(_guard(lambda: eligibility_document(_load(production))), render_eligibility)

    @sub.command("compare")
    def compare_versions(before: Path, after: Path) -> None:
        """Compare two devis versions chapter by chapter."""
        from tournage.budget.compare import compare
        from tournage.budget.compute import compute
        from tournage.budget.report import comparison_document

        def run() -> dict[str, Any]:
            first, second = _load(str(before)), _load(str(after))
            return comparison_document(compare(compute(first.budget), compute(second.budget)))

        emit(_guard(run), render_comparison)

    @sub.command("export")
    def export(
        production: str,
        output: Annotated[Path, typer.Option("--output", "-o", help="Fichier .xlsx ou .pdf")],
    ) -> None:
        """Export the devis and the cost report to XLSX (formulas kept) or PDF."""
        from tournage.budget.exports import export_file

        _guard(lambda: export_file(_load(production), output))
        emit({"written": str(output)}, lambda d: f"Écrit : {d['written']}")


def _guard(run: Any) -> Any:
    from tournage.budget.errors import BudgetError

    try:
        return run()
    except BudgetError as error:
        raise CliError(error.message) from None


def _load(production: str) -> Any:
    from tournage.budget.document import parse_text
    from tournage.budget.xlsx import import_production

    path = Path(production)
    if path.suffix.lower() == ".xlsx" and path.is_file():
        return import_production(path.read_bytes())
    if path.is_file():
        try:
            return parse_text(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            raise CliError(f"{production} : fichier texte UTF-8 attendu.") from None
    if production.isdigit():
        return _from_database(int(production))
    raise CliError(f"{production} : fichier introuvable (ni identifiant de production).")


def _from_database(production_id: int) -> Any:
    try:
        from tournage.web.runtime import setup_django
    except ImportError:
        raise CliError("La base de données n'est pas disponible.") from None
    setup_django()
    from tournage.web.budget.api import production_budget_by_id

    document = production_budget_by_id(production_id)
    if document is None:
        raise CliError(f"Production {production_id} introuvable ou sans devis.")
    return document


def render_show(document: dict[str, Any]) -> str:
    lines = [f"{document['title']} — devis {document['version']} : {document['total_ht']} € HT"]
    lines.append(f"{'':4}{'chapitre':40} {'budget':>14} {'réalisé':>14} {'EFC':>14} {'écart':>14}")
    for row in document["chapters"]:
        lines.append(
            f"{row['code']:>3} {row['label'][:40]:40} {row['budget']:>14} {row['actual']:>14} "
            f"{row['efc']:>14} {row['variance']:>14}"
        )
    financing = document["financing"]
    lines.append(
        f"Financement : {financing['total']} € ; part publique {financing['public_share']} % "
        f"(plafond {financing['public_ceiling'] or 'inconnu'} %)"
    )
    lines += [f"! {a['message']}" for a in document["alerts"]]
    lines += [f"- {f['message']}" for f in document["findings"]]
    return "\n".join(lines)


def render_eligibility(verdicts: list[dict[str, Any]]) -> str:
    marks = {"eligible": "✔", "to_check": "?", "not_eligible": "✘"}
    lines = []
    for verdict in verdicts:
        span = f" [{verdict['amount_min'] or '…'} – {verdict['amount_max'] or '…'} €]"
        lines.append(f"{marks[verdict['status']]} {verdict['name']}{span}")
        lines += [f"    {reason}" for reason in verdict["reasons"]]
    return "\n".join(lines)


def render_comparison(document: dict[str, Any]) -> str:
    lines = [f"{document['before']} → {document['after']}"]
    for row in [*document["chapters"], document["total"]]:
        lines.append(
            f"{row['code']:>5} {row['label'][:40]:40} {row['before']:>14} {row['after']:>14} "
            f"{row['difference']:>14}"
        )
    return "\n".join(lines)
