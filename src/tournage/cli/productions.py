"""Foundation commands: demo, serve, worker, productions, export, import.

They need the database, so each one starts Django lazily through
``tournage.web.runtime``; this module itself imports no web framework.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from tournage.cli.output import CliError, emit


def _django() -> Any:
    from tournage.web import runtime

    runtime.setup_django()
    runtime.migrate()
    return runtime


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
        # Longer than a user's pause between pages: gunicorn's 2 s closed idle keep-alive
        # connections just as clients sent their next request (reset by peer).
        "--keep-alive",
        "10",
        "--access-logfile",
        "-",
    ]


def _serve(runtime: Any, host: str, port: int, workers: int, with_worker: bool) -> int:
    """The web server and the task worker under one supervisor (``tournage.cli.supervisor``)."""
    from tournage.cli.supervisor import Child, Supervisor

    children = [Child("serveur web", _gunicorn_args(host, port, workers), essential=True)]
    if with_worker:
        children.append(Child("worker", runtime.worker_args()))
    return Supervisor(children).run()


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
        raise typer.Exit(_serve(runtime, host, port, 2, with_worker=True))

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
        raise typer.Exit(_serve(runtime, host, port, workers, with_worker))

    @app.command()
    def worker() -> None:
        """Run one background-task worker (database or Redis queue, per TOURNAGE_TASKS)."""
        from tournage.cli.supervisor import Child, Supervisor

        runtime = _django()
        raise typer.Exit(Supervisor([Child("worker", runtime.worker_args())]).run())

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

    @app.command("cleanup")
    def cleanup(
        older_than: Annotated[
            float, typer.Option(help="Only files untouched for this many hours.")
        ] = 24.0,
        dry_run: Annotated[bool, typer.Option("--dry-run", help="List, remove nothing.")] = False,
    ) -> None:
        """Remove uploaded files no row points to (killed imports, abandoned uploads)."""
        _django()
        from tournage.web.productions.storage_cleanup import orphans, remove

        found = orphans(older_than)
        if not dry_run:
            remove(found)
        emit(
            {
                "removed": [] if dry_run else [o.name for o in found],
                "orphans": [o.name for o in found],
                "bytes": sum(o.size for o in found),
            },
            lambda d: (
                f"{len(d['orphans'])} fichier(s) orphelin(s), {d['bytes']} octets"
                + (" (rien supprimé : --dry-run)." if dry_run else " supprimés.")
            ),
        )
