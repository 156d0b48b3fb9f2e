"""`tournage labor ...` and `tournage contract ...` (thin adapter over tournage.labor)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from tournage.cli.output import CliError, emit


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise CliError(f"Impossible de lire {path} : {error.strerror}.") from error


def _findings_text(document: dict[str, Any]) -> str:
    findings = document["findings"]
    if not findings:
        return "Aucun constat."
    return "\n".join(
        f"[{f['severity']}] {f['subject'] or '-'} {f['evidence'].get('date') or ''} "
        f"{f['code']} : {f['message']}"
        for f in findings
    )


def _team_from_database(production_id: int) -> Any:
    from tournage.web.runtime import setup_django

    setup_django()
    from tournage.web.labor.api import team_plan

    return team_plan(production_id)


def register(app: typer.Typer) -> None:
    """Add ``tournage labor check|functions|minimum`` and ``tournage contract ...``."""
    labor = typer.Typer(help="Teams: agreements, working time, contracts.", no_args_is_help=True)
    contract = typer.Typer(help="CDDU contracts: analyse, generate.", no_args_is_help=True)
    app.add_typer(labor, name="labor")
    app.add_typer(contract, name="contract")

    @labor.command("check")
    def check(
        production: Annotated[
            str,
            typer.Argument(help="Team file (YAML/JSON) or the id of a production in the database."),
        ],
        with_premiums: Annotated[
            bool,
            typer.Option("--premiums", help="Also list overtime/night/Sunday/holiday increases."),
        ] = False,
    ) -> None:
        """Check contracts and working time against the collective agreement."""
        from tournage.labor.errors import LaborError
        from tournage.labor.plan import check_plan, load_plan, plan_premiums

        try:
            plan = (
                _team_from_database(int(production))
                if production.isdigit()
                else load_plan(_read(Path(production)))
            )
            document: dict[str, Any] = {"findings": [f.to_dict() for f in check_plan(plan)]}
            if with_premiums:
                document["premiums"] = plan_premiums(plan)
        except LaborError as error:
            raise CliError(error.message) from error
        emit(document, _findings_text)

    @labor.command("functions")
    def list_functions(
        idcc: Annotated[int, typer.Option(help="2642 (audiovisuel) or 3097 (cinéma).")] = 2642,
    ) -> None:
        """Functions of an agreement with their known minima."""
        from tournage.labor.agreements import functions
        from tournage.labor.errors import LaborError

        try:
            jobs = functions(idcc)
        except LaborError as error:
            raise CliError(error.message) from error
        emit(
            {
                "idcc": idcc,
                "functions": [
                    {
                        "id": j.id,
                        "label": j.label,
                        "level": j.level,
                        "category": j.category,
                        "minima": [
                            {
                                "basis": r.basis,
                                "amount": r.amount,
                                "grid": r.grid,
                                "as_of": r.as_of,
                                "uncertain": r.uncertain,
                                "computed": r.computed,
                            }
                            for r in j.minima
                        ],
                    }
                    for j in jobs
                ],
            },
            lambda d: "\n".join(f"{f['id']:45} {f['label']}" for f in d["functions"]),
        )

    @contract.command("analyse")
    def analyse(
        path: Annotated[Path, typer.Argument(help="Contract: DOCX, PDF or text.")],
        kind: Annotated[
            str, typer.Option("--kind", help="cddu (employment) or author (CPI mentions).")
        ] = "cddu",
    ) -> None:
        """Mandatory mentions present or missing (and, for a CDDU, pay against the minimum)."""
        from tournage.common.errors import DomainError

        if kind not in ("cddu", "author"):
            raise CliError(f"Type de contrat inconnu « {kind} » : cddu ou author.")
        if kind == "author":
            from tournage.rights.analysis import analyse_file as analyse_author

            try:
                emit(analyse_author(_read(path), path.name).to_dict(), _author_text)
            except DomainError as error:
                raise CliError(error.message) from error
            return
        from tournage.labor.analysis import analyse_file
        from tournage.labor.errors import LaborError

        try:
            result = analyse_file(_read(path), path.name)
        except LaborError as error:
            raise CliError(error.message) from error
        emit(result.to_dict(), _analysis_text)

    @contract.command("generate")
    def generate(
        team: Annotated[Path, typer.Argument(help="Team file (YAML/JSON).")],
        person: Annotated[str, typer.Option(help="Name of the person in the team file.")],
        output: Annotated[Path, typer.Option("--output", "-o", help=".docx or .pdf file.")],
    ) -> None:
        """Write one person's CDDU contract (after the checks)."""
        from tournage.labor.contracts import check_contract
        from tournage.labor.documents import contract_docx, contract_pdf
        from tournage.labor.errors import LaborError
        from tournage.labor.plan import load_plan

        try:
            plan = load_plan(_read(team))
            found = next((c for c in plan.contracts if c.employee == person), None)
            if found is None:
                raise CliError(f"Aucun contrat pour « {person} » dans {team}.")
            render = contract_pdf if output.suffix.lower() == ".pdf" else contract_docx
            output.write_bytes(render(found))
            findings = [f.to_dict() for f in check_contract(found)]
        except LaborError as error:
            raise CliError(error.message) from error
        emit(
            {"output": str(output), "findings": findings},
            lambda d: f"Écrit : {d['output']}\n{_findings_text(d)}",
        )


def _analysis_text(document: dict[str, Any]) -> str:
    lines = [f"{'✓' if m['present'] else '✗'} {m['id']}" for m in document["mentions"]]
    lines.append(f"Extrait : {document['extracted']}")
    return "\n".join(lines) + "\n" + _findings_text(document)


def _author_text(document: dict[str, Any]) -> str:
    return "\n".join(
        f"{'✓' if m['present'] else '✗'} {m['label']} ({m['rule']})" for m in document["mentions"]
    )
