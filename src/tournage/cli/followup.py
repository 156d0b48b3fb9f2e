"""`tournage callsheet`, `tournage report daily|progress`, `tournage takes import` (thin
adapters over tournage.web.followup.api: they read the production's database)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from tournage.cli.output import CliError, emit

MAX_READ = 10_000_001  # one byte more than the import bound: the core names the limit


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise CliError(f"Date attendue au format AAAA-MM-JJ : {text}.") from error


def _api(call: Callable[[Any], dict[str, Any]]) -> dict[str, Any]:
    """Run ``call(api)`` with Django set up; follow-up errors become CLI errors."""
    from tournage.web.runtime import setup_django

    setup_django()
    from tournage.common.errors import DomainError
    from tournage.web.followup import api

    try:
        return call(api)
    except DomainError as error:
        raise CliError(error.message) from error


def _findings(document: dict[str, Any]) -> list[str]:
    return [f"[{f['severity']}] {f['message']}" for f in document.get("findings", [])]


def render_sheet(doc: dict[str, Any]) -> str:
    lines = [f"Feuille de service du {doc['date']} (v{doc['version']}) — PAT {doc['unit_call']}"]
    lines += [f"  Décor : {p['name']} {p['address']}" for p in doc["locations"]]
    lines += [f"  Scène {s['id']} ({s['eighths']}/8) {s['label']}" for s in doc["scenes"]]
    lines += [
        f"  {c['name']} ({c['role']}) : ramassage {c['pickup']}, HMC {c['makeup']}, "
        f"plateau {c['on_set']}"
        for c in doc["cast"]
    ]
    lines += [f"  {c['department']} — {c['name']} : {c['call']}" for c in doc["crew"]]
    lines += [
        f"  Mineur {m['name']} ({m['age']} ans) : {m['arrival']}–{m['departure']} "
        f"({m['hours']} h), plafond {m['cap'] + ' h' if m['cap'] else 'inconnu'} en {m['period']}"
        for m in doc.get("minors", [])
    ]
    return "\n".join(lines + _findings(doc))


def render_progress(doc: dict[str, Any]) -> str:
    return "\n".join(
        [
            f"{doc['days_shot']}/{doc['days_planned']} jours, {doc['scenes_shot']}/"
            f"{doc['scenes_planned']} scènes, {doc['eighths_shot']}/{doc['eighths_planned']} "
            f"huitièmes ; avance {doc['days_ahead']} jour(s)",
            *_findings(doc),
        ]
    )


def render_report(doc: dict[str, Any]) -> str:
    shot = ", ".join(s["scene"] + ("" if s["complete"] else " (partielle)") for s in doc["scenes"])
    planned = ", ".join(doc["scenes_planned"])
    return (
        f"Rapport du {doc['date']} : PAT {doc['call']}, fin {doc['wrap']}\n"
        f"  Prévu : {planned}\n  Tourné : {shot or '—'}"
    )


def render_takes(doc: dict[str, Any]) -> str:
    return "\n".join(
        [
            f"{doc['takes']} prises, {doc['scenes']} séquences, {doc['selected']} retenues",
            *_findings(doc),
        ]
    )


def render_offload(doc: dict[str, Any]) -> str:
    lines = [f"Carte {doc['card']} : {doc['files']} fichiers, {doc['algorithm']} {doc['checksum']}"]
    for c in doc["copies"]:
        state = (
            "vérifiée"
            if c["verified"]
            else (
                f"NON vérifiée ({c['missing']['count']} manquants, {c['extra']['count']} en trop, "
                f"{c['different']['count']} différents)"
            )
        )
        lines.append(f"  Copie {c['destination']} : {state}")
    return "\n".join(lines)


def register(app: typer.Typer) -> None:
    """Add `callsheet`, `report daily|progress` and `takes import`."""
    report = typer.Typer(help="Daily production reports and progress.", no_args_is_help=True)
    takes = typer.Typer(help="Rushes and takes log.", no_args_is_help=True)
    app.add_typer(report, name="report")
    app.add_typer(takes, name="takes")

    @app.command("callsheet")
    def callsheet(
        production: Annotated[int, typer.Argument(help="Production id.")],
        day: Annotated[str, typer.Option("--date", help="Shooting day, YYYY-MM-DD.")],
        output: Annotated[
            Path | None, typer.Option("-o", "--output", help="Write the call sheet as PDF.")
        ] = None,
    ) -> None:
        """The call sheet (feuille de service) of one shooting day."""
        when = _day(day)
        document = _api(lambda api: api.call_sheet(production, when))
        if output is not None:
            pdf = _api(lambda api: {"pdf": api.call_sheet_pdf(production, when)})
            output.write_bytes(pdf["pdf"])
        emit(document, render_sheet)

    @report.command("daily")
    def daily(
        production: Annotated[int, typer.Argument(help="Production id.")],
        day: Annotated[str, typer.Option("--date", help="Shooting day, YYYY-MM-DD.")],
    ) -> None:
        """The daily production report of one day."""
        when = _day(day)
        emit(_api(lambda api: api.daily_report(production, when)), render_report)

    @report.command("progress")
    def progress(production: Annotated[int, typer.Argument(help="Production id.")]) -> None:
        """Progress against the accepted plan de travail."""
        emit(_api(lambda api: api.progress(production)), render_progress)

    @takes.command("import")
    def import_(
        production: Annotated[int, typer.Argument(help="Production id.")],
        path: Annotated[Path, typer.Argument(help="Log: .ale, .csv (Resolve), .edl or .otio.")],
    ) -> None:
        """Import a takes log into the production (a bad file changes nothing)."""
        try:
            with path.open("rb") as stream:
                content = stream.read(MAX_READ)
        except OSError as error:
            raise CliError(f"Fichier illisible : {path}.") from error
        emit(_api(lambda api: api.import_takes(production, content, path.name)), render_takes)

    @takes.command("offload")
    def offload(
        production: Annotated[int, typer.Argument(help="Production id.")],
        source: Annotated[Path, typer.Argument(help="The camera card's folder.")],
        copies: Annotated[list[Path], typer.Argument(help="Each backup copy's folder.")],
        card: Annotated[str, typer.Option("--card", help="Card or roll label, e.g. A001.")],
        algorithm: Annotated[str, typer.Option(help="sha256, or xxh64/xxh128 with xxhash.")] = (
            "sha256"
        ),
        day: Annotated[str | None, typer.Option("--date", help="Shooting day, YYYY-MM-DD.")] = None,
    ) -> None:
        """Hash a card offload and verify each copy file by file (records the card)."""
        when = _day(day) if day else None
        emit(
            _api(lambda api: api.offload_card(production, card, source, copies, algorithm, when)),
            render_offload,
        )
