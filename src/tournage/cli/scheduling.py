"""`tournage schedule ...`: thin adapter over tournage.scheduling."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from tournage.cli.output import CliError, emit


def register(app: typer.Typer) -> None:
    """Add ``tournage schedule solve`` to the main app."""
    sub = typer.Typer(help="Plan de travail: optimise the shooting schedule.", no_args_is_help=True)
    app.add_typer(sub, name="schedule")

    @sub.command("solve")
    def solve(
        path: Annotated[
            Path,
            typer.Argument(
                help="Production export (.json) or talent-scheduling instance (.dzn, Stuckey text)."
            ),
        ],
        time_limit: Annotated[
            float, typer.Option("--time-limit", min=0.1, max=3600, help="Seconds.")
        ] = 10.0,
        seed: Annotated[int, typer.Option(help="Random seed of the solver.")] = 0,
    ) -> None:
        """Solve a schedule and print it with its cost and the proof of quality (bound)."""
        from tournage.scheduling.errors import SchedulingError

        try:
            if _is_production(path):
                emit(_solve_production(path, time_limit, seed), _render_production)
            else:
                emit(_solve_talent(path, time_limit), _render_talent)
        except SchedulingError as error:
            raise CliError(error.message) from error


def _is_production(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(64).lstrip()
    except OSError as error:
        raise CliError(f"Fichier illisible : {path}.") from error
    return path.suffix.lower() == ".json" or head.startswith(b"{")


def _solve_talent(path: Path, time_limit: float) -> dict[str, Any]:
    from tournage.scheduling.talent import solve_talent
    from tournage.scheduling.talent_io import read_instance

    return solve_talent(read_instance(path), time_limit=time_limit).to_dict()


def _solve_production(path: Path, time_limit: float, seed: int) -> dict[str, Any]:
    from tournage.scheduling.dood import day_out_of_days
    from tournage.scheduling.problem_io import loads
    from tournage.scheduling.solver import SolveOptions, solve

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CliError(f"Fichier illisible : {path}.") from error
    problem = loads(text)
    solution = solve(problem, SolveOptions(time_limit=time_limit, seed=seed))
    document = solution.to_dict()
    days, rows = day_out_of_days(problem, solution.assignment)
    document["dood"] = {
        "days": [day.isoformat() for day in days],
        "rows": [row.to_dict() for row in rows],
    }
    return document


def _render_talent(document: dict[str, Any]) -> str:
    proof = (
        "optimal (prouvé)"
        if document["optimal"]
        else (f"borne inférieure {document['lower_bound']}")
    )
    return (
        f"Coût total : {document['total_cost']} (attente : {document['idle_cost']}) — "
        f"{proof} — {document['seconds']} s\nOrdre : {document['order']}"
    )


def _render_production(document: dict[str, Any]) -> str:
    if document["schedule"] is None:
        lines = [f"Statut : {document['status']}"]
        lines += [f"  - {conflict['message']}" for conflict in document["conflicts"]]
        return "\n".join(lines + document["notes"])
    schedule = document["schedule"]
    lines = [
        f"Statut : {document['status']} — coût {document['objective_eur']} € — "
        f"borne {document['bound_eur']} € — écart {document['gap']} — "
        f"planning de départ {document['start_objective_eur']} €",
        "Borne par terme : "
        + ", ".join(f"{key} {value} €" for key, value in document["bound_terms"].items()),
        "Preuve par terme (payé / borne / non prouvé) : "
        + ", ".join(
            f"{key} {term['paid']} / {term['bound']} / {term['open']} €"
            for key, term in document["proof"].items()
        ),
    ]
    for key, value in schedule["terms"].items():
        lines.append(f"  {key} : {value}")
    for day in schedule["days"]:
        lines.append(
            f"{day['date']} {day['unit']} {day['call']} ({day['eighths']}/8) : "
            + ", ".join(day["scenes"])
        )
    lines += [f"! {finding['message']}" for finding in schedule["findings"]]
    return "\n".join(lines)
