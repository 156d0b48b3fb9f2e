"""The ``tournage`` command.

Each domain contributes its sub-commands from ``tournage.cli.<domain>`` through a
``register(app)`` function, so this module knows no domain.
"""

from __future__ import annotations

import importlib
import sys
from typing import Annotated

import typer

from tournage import __version__
from tournage.cli.output import CliError, options

app = typer.Typer(
    name="tournage",
    help="tournage: responsible audiovisual production, from brief to PAD.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

DOMAIN_MODULES = (
    "productions",
    "screenplay",
    "scheduling",
    "budget",
    "carbon",
    "labor",
    "delivery",
    "accessibility",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tournage {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    json_output: Annotated[bool, typer.Option("--json", help="Print one JSON document.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    options.json = json_output
    options.debug = debug


for _name in DOMAIN_MODULES:
    importlib.import_module(f"tournage.cli.{_name}").register(app)


def _global_json_flag(argv: list[str]) -> list[str]:
    """Accept ``--json``/``--debug`` anywhere on the line, as the CLI contract says."""
    flags = [a for a in argv if a in ("--json", "--debug")]
    rest = [a for a in argv if a not in ("--json", "--debug")]
    return flags + rest


def main(argv: list[str] | None = None) -> None:
    args = _global_json_flag(list(sys.argv[1:] if argv is None else argv))
    try:
        app(args=args, prog_name="tournage", standalone_mode=False)
    except CliError as error:
        if options.debug:
            raise
        typer.echo(f"Erreur : {error}", err=True)
        sys.exit(error.exit_code)
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # last resort: never a traceback to a producer
        import click

        if isinstance(error, click.exceptions.ClickException):
            error.show()
            sys.exit(error.exit_code)
        if isinstance(error, click.exceptions.Abort):
            sys.exit(1)
        if options.debug:
            raise
        typer.echo(
            f"Erreur inattendue : {error.__class__.__name__}: {error}\n"
            "Relancez avec --debug pour le détail technique.",
            err=True,
        )
        sys.exit(1)
