"""Foundation commands: demo, serve, worker, productions, export, import.

They need the database, so each one starts Django lazily through
``tournage.web.runtime``; this module itself imports no web framework.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer

from tournage.cli.output import CliError, emit


def _django() -> Any:
    from tournage.web import runtime

    runtime.setup_django()
    runtime.migrate()
    return runtime


def _spawn(args: list[str]) -> subprocess.Popen[bytes]:
    """A server or worker process; its logs go to stderr so stdout keeps only our document."""
    return subprocess.Popen([sys.executable, *args], env=os.environ.copy(), stdout=sys.stderr)


def _gunicorn_args(host: str, port: int, workers: int) -> list[str]:
    return [
        "-m",
        "gunicorn",
        "tournage.web.wsgi",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
        "--threads",
        "4",
        "--access-logfile",
        "-",
    ]


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _supervise(processes: list[subprocess.Popen[bytes]]) -> int:
    """Wait until Ctrl-C or until one process dies; then stop them all."""
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        while all(p.poll() is None for p in processes):
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
    return max((p.returncode or 0) for p in processes)


def register(app: typer.Typer) -> None:
    @app.command()
    def demo(
        port: Annotated[int, typer.Option(help="Port of the web app.")] = 8000,
        host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
        no_serve: Annotated[
            bool, typer.Option("--no-serve", help="Load the demo and exit.")
        ] = False,
    ) -> None:
        """Create/upgrade the local database, load the demo production, start the app and worker."""
        runtime = _django()
        from tournage.web.productions.demo import load_demo

        production, logins = load_demo()
        url = f"http://{host}:{port}/"
        emit(
            {
                "url": url,
                "production": {"id": production.pk, "title": production.title},
                "logins": logins,
            },
            lambda d: "\n".join(
                [
                    f"tournage : démo « {d['production']['title']} » prête sur {d['url']}",
                    "Identifiants de démonstration (un par rôle) :",
                ]
                + [f"  {x['username']:<12} {x['password']:<16} {x['role']}" for x in d["logins"]]
                + ([] if no_serve else ["Ctrl-C pour arrêter."])
            ),
        )
        if no_serve:
            return
        sys.stdout.flush()
        code = _supervise([_spawn(_gunicorn_args(host, port, 2)), _spawn(runtime.worker_args())])
        raise typer.Exit(code)

    @app.command()
    def serve(
        port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
        host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
        workers: Annotated[int, typer.Option(help="Web worker processes.")] = 2,
        with_worker: Annotated[
            bool, typer.Option("--with-worker/--no-worker", help="Also run a task worker.")
        ] = True,
    ) -> None:
        """Production server (gunicorn); configure it with the environment variables."""
        runtime = _django()
        runtime.prepare_static()
        processes = [_spawn(_gunicorn_args(host, port, workers))]
        if with_worker:
            processes.append(_spawn(runtime.worker_args()))
        raise typer.Exit(_supervise(processes))

    @app.command()
    def worker() -> None:
        """Run one background-task worker (database or Redis queue, per TOURNAGE_TASKS)."""
        runtime = _django()
        raise typer.Exit(_supervise([_spawn(runtime.worker_args())]))

    @app.command("productions")
    def list_productions() -> None:
        """List the productions in the database."""
        _django()
        from tournage.web.productions.models import Production

        rows = [{"id": p.pk, "title": p.title} for p in Production.objects.order_by("pk")]
        emit(
            rows,
            lambda r: "\n".join(f"{x['id']:>4}  {x['title']}" for x in r) or "Aucune production.",
        )

    @app.command("export")
    def export(
        production_id: Annotated[
            int, typer.Argument(help="Production id (see `tournage productions`).")
        ],
        output: Annotated[Path, typer.Option("-o", "--output", help="Archive to write (.zip).")],
    ) -> None:
        """Write a whole production (data and files) to one archive."""
        _django()
        from tournage.web.productions.archive import export_production
        from tournage.web.productions.models import Production

        production = Production.objects.filter(pk=production_id).first()
        if production is None:
            raise CliError(f"Aucune production n°{production_id} dans cette base.")
        try:
            with output.open("wb") as target:
                manifest = export_production(production, target)
        except OSError as error:
            raise CliError(f"Impossible d'écrire {output} : {error.strerror}") from error
        document = {
            "archive": str(output),
            "production": manifest["production"],
            "schema_version": manifest["schema_version"],
            "sections": manifest["sections"],
        }
        emit(
            document,
            lambda d: f"Production « {d['production']['title']} » exportée dans {d['archive']}.",
        )

    @app.command("import")
    def import_(
        archive: Annotated[Path, typer.Argument(help="Archive made by `tournage export`.")],
        producer: Annotated[
            str | None,
            typer.Option(help="Existing user who becomes the producer of the import."),
        ] = None,
    ) -> None:
        """Recreate a production from an archive (all or nothing); no account is created."""
        _django()
        from tournage.web.productions.archive import ArchiveError, restore_archive, user_named

        if not archive.is_file():
            raise CliError(f"Fichier introuvable : {archive}")
        importer = None
        if producer is not None:
            importer = user_named(producer)
            if importer is None:
                raise CliError(f"Aucun utilisateur « {producer} » dans cette base.")
        try:
            result = restore_archive(str(archive), importer=importer)
        except ArchiveError as error:
            raise CliError(error.message) from error
        emit(
            {
                "id": result.production.pk,
                "title": result.production.title,
                "invitations": result.invitations,
            },
            lambda d: (
                f"Production « {d['title']} » importée (n°{d['id']})."
                + "".join(
                    f"\n  à inviter : {i['username']} ({i['role']})" for i in d["invitations"]
                )
            ),
        )
