"""`tournage subtitles ...` (thin adapter over tournage.accessibility)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from tournage.cli.output import CliError, emit

RulesOption = Annotated[str, typer.Option("--rules", help="Rule set (see `subtitles rules`).")]
FpsOption = Annotated[
    str | None, typer.Option("--fps", help="Frame rate: 23.976, 24, 25, 29.97, 29.97df, 30.")
]


def _render_report(document: dict[str, Any]) -> str:
    count = len(document["findings"])
    lines = [
        f"{document['cues']} sous-titres, règles {document['rules']} "
        f"({document['frame_rate']} i/s) : {count} constat(s)"
    ]
    for finding in document["findings"]:
        where = f"n° {finding['cue']} {finding['start_tc']}" if finding["cue"] else "fichier"
        lines.append(
            f"  [{finding['severity']}] {finding['rule']} ({where}) : {finding['message']}"
        )
    for rule in document["unknown"]:
        lines.append(f"  règle non vérifiée (valeur inconnue) : {rule}")
    return "\n".join(lines)


def _render_ad(document: dict[str, Any]) -> str:
    lines = [f"{document['blocks']} blocs de description : {len(document['findings'])} constat(s)"]
    lines += [
        f"  [{f['severity']}] {f['rule']} (n° {f['cue']}) : {f['message']}"
        for f in document["findings"]
    ]
    return "\n".join(lines)


def register(app: typer.Typer) -> None:
    """Add this domain's commands to the main app."""
    sub = typer.Typer(help="Subtitle (SME) quality control against a charter.")
    app.add_typer(sub, name="subtitles")

    @sub.command("check")
    def check(
        path: Path,
        rules: RulesOption = "fr-csa-2011",
        fps: FpsOption = None,
        media: Annotated[
            Path | None, typer.Option("--media", help="Programme media (duration, shots, speech).")
        ] = None,
        counting: Annotated[
            str | None, typer.Option("--counting", help="all | letters_and_punctuation | ...")
        ] = None,
        live: Annotated[bool, typer.Option("--live", help="Live programme limits.")] = False,
    ) -> None:
        """Check FILE (SRT, WebVTT, ASS/SSA, TTML/EBU-TT-D, EBU-STL) against a rule set."""
        from tournage.accessibility.checks import CheckOptions
        from tournage.accessibility.service import check_file

        options = CheckOptions(rules, _rate(fps), None, counting, live)
        report = _guard(lambda: check_file(path, options, media)[1])
        emit(report.to_dict(), _render_report)

    @sub.command("fix")
    def fix(
        path: Path,
        output: Annotated[Path, typer.Option("--output", help="Corrected copy (.srt/.vtt/.ttml).")],
        rules: RulesOption = "fr-csa-2011",
        fps: FpsOption = None,
    ) -> None:
        """Write a corrected copy with the mechanical fixes applied (FILE is never changed)."""
        from tournage.accessibility.checks import CheckOptions, check_document
        from tournage.accessibility.fixes import apply_fixes
        from tournage.accessibility.service import check_file
        from tournage.accessibility.writers import WRITERS

        fmt = output.suffix.lower().lstrip(".")
        if fmt not in WRITERS:
            raise CliError(
                f"Format de sortie « {output.suffix} » non pris en charge (.srt, .vtt, .ttml)."
            )
        if output.resolve() == path.resolve():
            raise CliError("La copie corrigée ne peut pas remplacer le fichier d'origine.")
        options = CheckOptions(rules, _rate(fps))
        document, report = _guard(lambda: check_file(path, options))
        corrected = apply_fixes(document, report.findings)
        after = check_document(corrected, options)
        output.write_text(WRITERS[fmt](corrected), encoding="utf-8")
        emit(
            {
                "output": str(output),
                "fixes": sum(1 for f in report.findings if f.fix),
                "before": report.summary,
                "after": after.summary,
            },
            lambda doc: (
                f"Copie corrigée : {doc['output']} ({doc['fixes']} correction(s) proposée(s))"
            ),
        )

    @sub.command("ad")
    def audio_description(
        script: Path,
        dialogue: Annotated[
            Path | None, typer.Option("--dialogue", help="Subtitle file giving the dialogue.")
        ] = None,
        media: Annotated[
            Path | None, typer.Option("--media", help="Media with the main and AD mixes.")
        ] = None,
        fps: FpsOption = None,
    ) -> None:
        """Check an audio-description script (timed text) and the media's AD track."""
        from tournage.accessibility.service import check_audio_description, read_file

        rate = _rate(fps)

        def run() -> dict[str, Any]:
            ad_script = read_file(script, rate)
            spoken = read_file(dialogue, rate) if dialogue else None
            findings = check_audio_description(ad_script, spoken, media, rate)
            return {
                "blocks": len(ad_script.cues),
                "findings": [
                    {"cue": f.cue, "rule": f.code, "severity": f.severity, "message": f.message}
                    for f in findings
                ],
            }

        emit(_guard(run), _render_ad)

    @sub.command("rgaa")
    def rgaa(
        captions: Annotated[
            bool, typer.Option("--captions", help="SDH captions delivered.")
        ] = False,
        audio_description: Annotated[
            bool, typer.Option("--ad", help="Audio description delivered.")
        ] = False,
        transcript: Annotated[
            bool, typer.Option("--transcript", help="Text transcript delivered.")
        ] = False,
    ) -> None:
        """RGAA 4.1 theme-4 checklist of a web video from what was delivered."""
        from tournage.accessibility.rgaa import rgaa_checklist

        flags = {
            "captions": captions,
            "audio_description": audio_description,
            "transcript": transcript,
        }
        items = rgaa_checklist({name for name, given in flags.items() if given})
        emit(
            [item.to_dict() for item in items],
            lambda doc: "\n".join(f"{i['criterion']} [{i['status']}] {i['evidence']}" for i in doc),
        )

    @sub.command("rules")
    def rules_list() -> None:
        """List the rule sets and their checks."""
        from tournage.accessibility.rules import load_rule_set, rule_set_names

        sets = [load_rule_set(name) for name in rule_set_names()]
        document = [
            {
                "name": s.name,
                "label": s.label,
                "language": s.language,
                "source": s.source,
                "checks": {name: p["code"] for name, p in s.checks.items()},
            }
            for s in sets
        ]
        emit(document, lambda doc: "\n".join(f"{s['name']}: {s['label']}" for s in doc))


def _rate(fps: str | None) -> Any:
    from tournage.accessibility.timecode import parse_frame_rate

    return _guard(lambda: parse_frame_rate(fps)) if fps else None


def _guard(action: Any) -> Any:
    """Domain errors become CLI errors (message on stderr, exit 1)."""
    from tournage.accessibility.errors import SubtitleFormatError

    try:
        return action()
    except SubtitleFormatError as error:
        raise CliError(error.message) from None
