"""`tournage script ...`: thin adapter over tournage.screenplay."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from tournage.cli.output import CliError, emit


def register(app: typer.Typer) -> None:
    """Add ``tournage script parse|export`` to the main app."""
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
    from tournage.screenplay import ScriptError, read_file

    if paper not in ("letter", "a4"):
        raise CliError("Format de page inconnu (letter ou a4).")
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
            lines.append(f"{'':>14}risques: {', '.join(scene['risks'])}")
    lines.append("Personnages :")
    for character in document["characters"]:
        lines.append(
            f"  {character['name']}: {len(character['scenes'])} séq., "
            f"{format_eighths(character['eighths'])} p., {character['dialogue_lines']} répliques"
        )
    return "\n".join(lines)
