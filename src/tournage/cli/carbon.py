"""`tournage carbon ...`: thin adapter over tournage.carbon."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from tournage.cli.output import CliError, emit


def _source(path: Path) -> Any:
    from tournage.carbon.errors import CarbonError
    from tournage.carbon.estimate import footprints
    from tournage.carbon.sources import load_source

    try:
        source = load_source(path)
        return source, footprints(source.plan, source.activities)
    except CarbonError as error:
        raise CliError(error.message) from None


def _render_footprint(document: dict[str, Any]) -> str:
    lines = [
        f"Total : {document['total_kgco2e'] / 1000:.3f} tCO2e "
        f"({document.get('phase', '')}, facteurs {document['factor_vintage']})",
        "Par section :",
    ]
    lines += [
        f"  {section:<22} {kg / 1000:10.3f} t" for section, kg in document["by_section"].items()
    ]
    lines += [
        f"Non chiffré : {line['factor']} ({line['quantity']:g} {line['unit']})"
        for line in document.get("unknown", [])
    ]
    lines += [f"Alerte : {w['message']}" for w in document.get("warnings", [])]
    return "\n".join(lines)


def _render_lines(document: dict[str, Any]) -> str:
    rows = [
        f"{line['kgco2e']:>10.3f} kg  {line['label']}\n             {line['derivation']}"
        for line in document["lines"]
    ]
    return "\n".join([*rows, _render_footprint(document)])


def _render_report(document: dict[str, Any]) -> str:
    lines = [document["title"], document["notice"]]
    for key, name in (("forecast", "Prévisionnel"), ("actual", "Définitif")):
        phase = document[key]
        if phase:
            lines.append(f"{name} : {phase['total_tco2e']:.3f} tCO2e")
            lines += [f"  {s['label']:<40} {s['kgco2e'] / 1000:10.3f} t" for s in phase["sections"]]
    return "\n".join(lines)


def register(app: typer.Typer) -> None:
    """Add this domain's commands to the main app."""
    sub = typer.Typer(
        help="Bilan carbone : facteurs, prévisionnel, définitif, scénarios, rapport.",
        no_args_is_help=True,
    )
    app.add_typer(sub, name="carbon")

    @sub.command("estimate")
    def estimate(
        path: Annotated[
            Path, typer.Argument(help="Archive de production (.zip) ou fichier JSON/YAML.")
        ],
        phase: Annotated[
            str | None, typer.Option(help="forecast ou actual (défaut : actual s'il y en a).")
        ] = None,
    ) -> None:
        """Empreinte carbone d'une production ou d'une liste d'activités."""
        from tournage.carbon.errors import CarbonError
        from tournage.carbon.estimate import estimate_document

        _, result = _source(path)
        try:
            emit(estimate_document(result, phase), _render_footprint)
        except CarbonError as error:
            raise CliError(error.message) from None

    @sub.command("forecast")
    def forecast_command(
        path: Annotated[Path, typer.Argument(help="Plan de production (JSON/YAML) ou archive.")],
    ) -> None:
        """Prévisionnel dérivé du plan, expliqué ligne par ligne."""
        _, result = _source(path)
        if result.derived is None:
            raise CliError("Le fichier ne contient pas de plan de production.")
        emit(result.derived.to_dict(), _render_lines)

    @sub.command("scenarios")
    def scenarios(
        path: Annotated[Path, typer.Argument(help="Plan de production (JSON/YAML) ou archive.")],
    ) -> None:
        """Chaque levier de réduction appliqué seul au prévisionnel, le plus efficace d'abord."""
        from tournage.carbon.scenarios import rank_levers

        _, result = _source(path)
        if result.derived is None:
            raise CliError("Le fichier ne contient pas de plan de production.")
        ranked = [r.to_dict() for r in rank_levers(result.derived.plan, result.derived)]
        emit(
            {"baseline_kgco2e": float(result.derived.footprint.total_kgco2e), "levers": ranked},
            lambda doc: "\n".join(
                f"{r['delta_kgco2e']:>12.1f} kg ({r['delta_pct']} %)  {r['name']}"
                for r in doc["levers"]
            ),
        )

    @sub.command("report")
    def report(
        path: Annotated[
            Path, typer.Argument(help="Archive de production (.zip) ou fichier JSON/YAML.")
        ],
        pdf: Annotated[Path | None, typer.Option(help="Écrire le rapport PDF ici.")] = None,
        xlsx: Annotated[Path | None, typer.Option(help="Écrire le classeur XLSX ici.")] = None,
    ) -> None:
        """Rapport prêt à transcrire dans un calculateur homologué (JSON, PDF, XLSX)."""
        from tournage.carbon.pdf_report import report_pdf
        from tournage.carbon.report import build_report
        from tournage.carbon.scenarios import rank_levers
        from tournage.carbon.xlsx_report import report_xlsx

        source, result = _source(path)
        levers = (
            tuple(rank_levers(result.derived.plan, result.derived)[:3]) if result.derived else ()
        )
        document = build_report(result.report_input(source.title, source.checklist, levers))
        for target, writer in ((pdf, report_pdf), (xlsx, report_xlsx)):
            if target is not None:
                try:
                    target.write_bytes(writer(document))
                except OSError as error:
                    raise CliError(f"Impossible d'écrire {target} : {error.strerror}") from None
        emit(document, _render_report)

    @sub.command("factors")
    def factors(
        category: Annotated[str | None, typer.Option(help="Ne lister qu'une catégorie.")] = None,
    ) -> None:
        """La table des facteurs d'émission (id, valeur, unité, source, millésime)."""
        from tournage.carbon.factors import factor_table

        table = factor_table()
        rows = [f.to_dict() for f in table.factors.values() if category in (None, f.category)]
        emit(
            {"factor_vintage": table.vintage, "factors": rows},
            lambda doc: "\n".join(
                f"{r['id']:<48} {'inconnu' if r['value'] is None else r['value']:>12}"
                f" {r['unit']:<22} {r['source_year']}"
                for r in doc["factors"]
            ),
        )
