"""`tournage loudness` and `tournage qc` (thin adapter over tournage.delivery)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from tournage.cli.closing import register_command
from tournage.cli.output import CliError, emit, options


def _tracks(text: str | None) -> list[int] | None:
    if not text:
        return None
    try:
        return [int(part) for part in text.split(",")]
    except ValueError as error:
        raise CliError(
            f"--tracks attend des numéros de pistes séparés par des virgules : {text}"
        ) from error


@contextmanager
def _progress(label: str) -> Iterator[Callable[[float], None] | None]:
    """A progress bar on stderr when it is a terminal and the output is not JSON."""
    if options.json or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task(label, total=1.0)
        yield lambda done: bar.update(task, completed=done)


def _fmt(value: Any, unit: str) -> str:
    return "−∞ (aucun bloc au-dessus du seuil)" if value is None else f"{value:.1f} {unit}"


def render_loudness(doc: dict[str, Any]) -> str:
    return "\n".join(
        [
            f"Loudness intégrée      {_fmt(doc['integrated_lufs'], 'LUFS')}",
            f"Loudness range (LRA)   {_fmt(doc['loudness_range_lu'], 'LU')}",
            f"True peak              {_fmt(doc['true_peak_dbtp'], 'dBTP')}",
            f"Momentané max          {_fmt(doc['max_momentary_lufs'], 'LUFS')}",
            f"Court terme max        {_fmt(doc['max_short_term_lufs'], 'LUFS')}",
            f"{doc['channels']} canaux, {doc['sample_rate']} Hz, {doc['duration_s']:.1f} s",
            *(f"Attention : {finding['message']}" for finding in doc["findings"]),
        ]
    )


STATUS_TEXT = {"pass": "OK", "warn": "ATTENTION", "fail": "ÉCHEC", "info": "INFO"}
EVENT_TEXT = {"flash": "flashs", "red_flash": "flashs rouges", "pattern": "motif régulier"}


def render_qc(doc: dict[str, Any]) -> str:
    lines = [f"Profil {doc['profile']} — verdict : {STATUS_TEXT[doc['verdict']]}", ""]
    for check in doc["checks"]:
        lines.append(f"[{STATUS_TEXT[check['status']]:9s}] {check['id']:20s} {check['message']}")
        lines.extend(
            f"{'':33s}{e['start_tc']} → {e['end_tc']} {EVENT_TEXT.get(e.get('kind', ''), '')}"
            for e in check["events"][:10]
        )
    return "\n".join(lines)


def register(app: typer.Typer) -> None:
    """Add `loudness`, `qc` and the `delivery` group (`delivery register`) to the main app."""
    delivery = typer.Typer(help="Delivery register of a production (per destination).")
    app.add_typer(delivery, name="delivery")
    register_command(delivery)

    @app.command("loudness")
    def loudness(
        path: Annotated[Path, typer.Argument(help="Audio or video file.")],
        tracks: Annotated[
            str | None, typer.Option(help="Audio tracks measured together, e.g. 1,2.")
        ] = None,
    ) -> None:
        """ITU-R BS.1770 / EBU R 128 loudness of a file."""
        from tournage.delivery.errors import DeliveryError
        from tournage.delivery.programme import assumed_order_finding, measure_file

        try:
            with _progress("Mesure de la loudness") as progress:
                result, selection = measure_file(path, _tracks(tracks), progress)
        except DeliveryError as error:
            raise CliError(error.message) from error
        findings = [f.to_dict() for f in [assumed_order_finding(selection)] if f is not None]
        emit(result.to_dict() | {"tracks": selection.tracks, "findings": findings}, render_loudness)

    @app.command("qc")
    def qc(
        path: Annotated[Path | None, typer.Argument(help="Master to check.")] = None,
        profile: Annotated[
            str | None, typer.Option(help="Delivery profile, see --list-profiles.")
        ] = None,
        list_profiles: Annotated[
            bool, typer.Option("--list-profiles", help="List the profiles.")
        ] = False,
        duration: Annotated[
            float | None, typer.Option(help="Duration asked by the brief, seconds.")
        ] = None,
        duration_tolerance: Annotated[float, typer.Option(help="Accepted gap, seconds.")] = 0.0,
        tracks: Annotated[
            str | None, typer.Option(help="Audio tracks of the programme, e.g. 1,2.")
        ] = None,
        report: Annotated[
            Path | None, typer.Option(help="Also write an HTML or PDF report.")
        ] = None,
    ) -> None:
        """Check a master against a delivery profile."""
        from tournage.delivery.checks import Target
        from tournage.delivery.errors import DeliveryError
        from tournage.delivery.profiles import get_profile, profile_names
        from tournage.delivery.qc import run_qc
        from tournage.delivery.report import write_report

        if list_profiles:
            names = profile_names()
            emit(
                [{"name": n, "label": get_profile(n).label} for n in names],
                lambda doc: "\n".join(f"{p['name']:18s} {p['label']}" for p in doc),
            )
            return
        if path is None or profile is None:
            raise CliError("Indiquez un fichier et --profile NOM (ou --list-profiles).")
        try:
            with _progress("Contrôle qualité") as progress:
                document = run_qc(
                    path, profile, Target(duration, duration_tolerance), _tracks(tracks), progress
                )
            if report is not None:
                write_report(document, report)
        except DeliveryError as error:
            raise CliError(error.message) from error
        emit(document, render_qc)
