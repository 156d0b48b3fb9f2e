"""The ``tournage`` command.

Each domain contributes its sub-commands from ``tournage.cli.<domain>`` through a
``register(app)`` function, so this module knows no domain. Start-up is measured: this
module imports nothing heavy, ``--version`` answers at once and a domain may offer a
fast path for a frequent command (``script parse``) that runs without building the typer
application; anything else, ``--help`` included, goes through typer.
"""

# No ``from __future__ import annotations``: typer reads the root options' annotations,
# which name ``typer`` imported inside ``build_app`` (not at load time: start-up is timed).
import sys
from typing import TYPE_CHECKING, Annotated

from tournage.cli.output import CliError, options

if TYPE_CHECKING:
    import typer

DOMAIN_MODULES = (
    "productions",
    "development",
    "screenplay",
    "scheduling",
    "budget",
    "carbon",
    "labor",
    "delivery",
    "accessibility",
    "referential",
    "security",
    "closing",
    "safety",
    "followup",
    "rights",
)
_GLOBAL_FLAGS = ("--json", "--debug")


def build_app() -> "typer.Typer":
    """The typer application with every domain's commands."""
    import importlib

    import typer

    app = typer.Typer(
        name="tournage",
        help="tournage: responsible audiovisual production, from brief to PAD.",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        add_completion=False,
    )

    def _version(value: bool) -> None:
        if value:
            typer.echo(_version_text())
            raise typer.Exit()

    @app.callback()
    def root(
        json_output: Annotated[
            bool, typer.Option("--json", help="Print one JSON document.")
        ] = False,
        debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
        version: Annotated[
            bool,
            typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
        ] = False,
    ) -> None:
        options.json = json_output
        options.debug = debug

    for name in DOMAIN_MODULES:
        importlib.import_module(f"tournage.cli.{name}").register(app)
    return app


def _version_text() -> str:
    from tournage import __version__

    return f"tournage {__version__}"


def _global_json_flag(argv: list[str]) -> list[str]:
    """Accept ``--json``/``--debug`` anywhere on the line, as the CLI contract says."""
    flags = [a for a in argv if a in _GLOBAL_FLAGS]
    rest = [a for a in argv if a not in _GLOBAL_FLAGS]
    return flags + rest


def _fast_path(args: list[str]) -> bool:
    """Run a command that needs no typer application; ``False`` when there is none."""
    if args == ["--version"]:
        sys.stdout.write(_version_text() + "\n")
        return True
    rest = [a for a in args if a not in _GLOBAL_FLAGS]
    if rest[:2] == ["script", "parse"]:
        from tournage.cli.screenplay import fast_parse

        options.json, options.debug = "--json" in args, "--debug" in args
        return fast_parse(rest[2:])
    return False


def main(argv: list[str] | None = None) -> None:
    args = _global_json_flag(list(sys.argv[1:] if argv is None else argv))
    try:
        if not _fast_path(args):
            build_app()(args=args, prog_name="tournage", standalone_mode=False)
    except CliError as error:
        if options.debug:
            raise
        sys.stderr.write(f"Erreur : {error}\n")
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # last resort: never a traceback to a producer
        _last_resort(error)


def _last_resort(error: Exception) -> None:
    import click
    import typer

    if isinstance(error, typer.Exit):
        sys.exit(error.exit_code)
    if isinstance(error, click.exceptions.ClickException):
        error.show()
        sys.exit(error.exit_code)
    if isinstance(error, click.exceptions.Abort):
        sys.exit(1)
    if options.debug:
        raise error
    sys.stderr.write(
        f"Erreur inattendue : {error.__class__.__name__}: {error}\n"
        "Relancez avec --debug pour le détail technique.\n"
    )
    sys.exit(1)
