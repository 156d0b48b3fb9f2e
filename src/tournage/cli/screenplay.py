"""`tournage script ...`: thin adapter over tournage.screenplay.

``script parse`` is the command a producer runs most, so ``fast_parse`` serves it without
building the typer application (whose import alone costs more than the parse); typer
handles everything else, ``--help`` included, with the same options.
"""

# No ``from __future__ import annotations``: typer reads the options' annotations, which
# name ``typer`` imported inside ``register`` (the module must not import it at load time).
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from tournage.cli.output import CliError, emit

if TYPE_CHECKING:
    import typer

PAPERS = ("letter", "a4")


def fast_parse(args: list[str]) -> bool:
    """``script parse PATH [--format F] [--paper P]`` without typer; ``False`` for anything
    else (``--help``, an unknown option), which typer then reads."""
    values: dict[str, str] = {}
    paths: list[str] = []
    position = 0
    while position < len(args):
        arg = args[position]
        name, equals, value = arg.partition("=")
        if name in ("--format", "--paper"):
            if not equals:
                position += 1
                if position >= len(args):
                    return False
                value = args[position]
            values[name] = value
        elif arg.startswith("-"):
            return False
        else:
            paths.append(arg)
        position += 1
    if len(paths) != 1:
        return False
    script = _read(Path(paths[0]), values.get("--format"), values.get("--paper", "letter"))
    emit(script.to_dict(), _render)
    return True


def register(app: "typer.Typer") -> None:
    """Add ``tournage script parse|diff|export`` to the main app."""
    import typer

    sub = typer.Typer(
        help="Screenplay: import, breakdown (dépouillement), export.", no_args_is_help=True
    )
    app.add_typer(sub, name="script")

    @sub.command("parse")
    def parse(
        path: Annotated[Path, typer.Argument(help="Fountain, FDX or PDF file.")],
        fmt: Annotated[
            str | None, typer.Option("--format", help="fountain, fdx or pdf (default: detected).")
        ] = None,
        paper: Annotated[str, typer.Option(help="letter or a4 (page model).")] = "letter",
    ) -> None:
        """Scenes, characters, pages (in eighths) and breakdown of a script."""
        script = _read(path, fmt, paper)
        emit(script.to_dict(), _render)

    @sub.command("diff")
    def diff(
        old: Annotated[Path, typer.Argument(help="Previous version (Fountain, FDX or PDF).")],
        new: Annotated[Path, typer.Argument(help="New version.")],
    ) -> None:
        """Scenes added, omitted and changed between two versions of a script."""
        from tournage.screenplay.revisions import compare

        changes = compare(_read(old, None, "letter"), _read(new, None, "letter"))
        emit([_change(change) for change in changes], _render_changes)

    @sub.command("export")
    def export(
        path: Annotated[Path, typer.Argument(help="Fountain, FDX or PDF file.")],
        output: Annotated[Path, typer.Option("--output", "-o", help=".fountain or .pdf file.")],
        fmt: Annotated[str | None, typer.Option("--format", help="Input format.")] = None,
    ) -> None:
        """Convert a script to Fountain text or to a screenplay-formatted PDF."""
        script = _read(path, fmt, "letter")
        if output.suffix.lower() == ".pdf":
            from tournage.screenplay.pdf_export import render_pdf

            output.write_bytes(render_pdf(script))
        else:
            from tournage.screenplay.fountain_export import to_fountain

            output.write_text(to_fountain(script), encoding="utf-8")
        emit(
            {"output": str(output), "scenes": len(script.scenes)},
            lambda d: f"Écrit : {d['output']}",
        )


def _read(path: Path, fmt: str | None, paper: str) -> Any:
    from tournage.screenplay.errors import ScriptError
    from tournage.screenplay.reader import read_file

    if paper not in PAPERS:
        raise CliError(f"Format de page inconnu « {paper} » (letter ou a4).")
    try:
        return read_file(path, fmt, paper=paper)
    except ScriptError as error:
        raise CliError(error.message) from error


def _change(change: Any) -> dict[str, Any]:
    return {
        "kind": str(change.kind),
        "old": change.old.key if change.old else None,
        "new": change.new.key if change.new else None,
        "heading": (change.new or change.old).heading,
        "similarity": round(change.similarity, 2),
        "diff": change.diff,
    }


def _render_changes(changes: list[dict[str, Any]]) -> str:
    lines = []
    for change in changes:
        if change["kind"] == "unchanged":
            continue
        lines.append(
            f"{change['kind']:>9}  {change['new'] or change['old']:>5}  {change['heading']}"
        )
        lines.extend(f"{'':>17}{line}" for line in change["diff"][2:])
    return "\n".join(lines) or "Aucun changement."


def _render(document: dict[str, Any]) -> str:
    from tournage.screenplay.model import format_eighths

    lines = [f"{document['title'] or '(sans titre)'} — {document['pages']:g} pages"]
    for scene in document["scenes"]:
        number = scene["number"] or "-"
        cast = ", ".join(scene["characters"])
        length = format_eighths(scene["eighths"])
        if scene.get("fdx_eighths") not in (None, scene["eighths"]):
            length += f" (FD {format_eighths(scene['fdx_eighths'])})"
        lines.append(f"{number:>5}  {length:>6}  {scene['heading']}  [{cast}]")
        for category, names in scene["elements"].items():
            if category != "cast":
                lines.append(f"{'':>14}{category}: {', '.join(names)}")
        if scene["risks"]:
            risks = ", ".join(f"{risk['code']} ({risk['trigger']})" for risk in scene["risks"])
            lines.append(f"{'':>14}risques : {risks}")
    lines.append("Personnages :")
    for character in document["characters"]:
        speech = f"{character['dialogue_lines']} répliques" if character["speaking"] else "muet"
        lines.append(
            f"  {character['name']} : {len(character['scenes'])} séq., "
            f"{format_eighths(character['eighths'])} p., {speech}"
        )
    return "\n".join(lines)
