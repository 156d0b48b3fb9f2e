"""Referential checks answered by the subtitle and audio-description files and RGAA answers."""

from __future__ import annotations

from collections.abc import Callable

from tournage.referential.registry import CheckResult, Evidence, register_check
from tournage.referential.verdicts import coverage, unknown
from tournage.web.productions.api import production_url
from tournage.web.productions.models import Production

from .models import FileKind, RgaaAnswer, RgaaStatus, SubtitleFile, SubtitleFinding

RULES = "data/accessibility/rule_sets.yaml (charte CSA 2011, Netflix)"
WEB_KINDS = ("web",)
WEB_PROFILES = ("youtube", "social-vertical")
READING_SUFFIXES = ("READING-TIME", "READING-SPEED", "MIN-DURATION")
# RGAA 4.1 theme 4 criteria and the files that answer them
RGAA = {
    "4.1": ({FileKind.TRANSCRIPT, FileKind.AD_SCRIPT}, "transcription ou audiodescription"),
    "4.3": ({FileKind.CAPTIONS}, "sous-titres synchronisés"),
    "4.5": ({FileKind.AD_SCRIPT}, "audiodescription"),
}


def _url(production: Production, name: str, **kwargs: int) -> str:
    return production_url(f"accessibility:{name}", production, **kwargs)


def _latest(production: Production, kind: str) -> list[SubtitleFile]:
    """The newest file of ``kind`` per deliverable (and each file not attached to one)."""
    seen, files = set(), []
    for item in SubtitleFile.objects.filter(production=production, kind=kind):
        key = item.deliverable_id or f"file-{item.pk}"
        if key not in seen:
            seen.add(key)
            files.append(item)
    return files


def _evidence(production: Production, files: list[SubtitleFile]) -> tuple[Evidence, ...]:
    return tuple(
        Evidence(
            item.source_name,
            production_url("accessibility:file", production, file_id=item.pk),
            item.file.name or "",
        )
        for item in files
    )


def _findings_check(
    production: Production,
    kind: str,
    matches: Callable[[SubtitleFinding], bool],
    met: str,
    not_met: str,
    empty: str,
    *,
    uncertain: bool = False,
) -> CheckResult:
    files = _latest(production, kind)
    failing = []
    for item in files:
        rows = [f for f in SubtitleFinding.objects.filter(subtitle_file=item) if matches(f)]
        if rows:
            failing.append(f"{item.source_name} ({len(rows)} : {rows[0].message})")
    return coverage(
        len(files),
        failing,
        met=met,
        not_met=not_met,
        empty=empty,
        source=RULES,
        evidence=_evidence(production, files),
        uncertain=uncertain,
    )


@register_check("c4_1_2.subtitles_rules")
def subtitles_rules(production: Production) -> CheckResult:
    return _findings_check(
        production,
        FileKind.CAPTIONS,
        lambda f: f.severity == "error",
        "Les sous-titres SME passent la charte (temps de lecture, couleurs, position).",
        "Sous-titres SME en erreur",
        "Aucun fichier de sous-titres SME déposé.",
    )


@register_check("c4_1_2.ad_no_overlap")
def ad_no_overlap(production: Production) -> CheckResult:
    return _findings_check(
        production,
        FileKind.AD_SCRIPT,
        lambda f: f.rule == "AD-OVERLAP",
        "L'audiodescription ne chevauche pas les dialogues.",
        "Audiodescription chevauchant les dialogues",
        "Aucun script d'audiodescription déposé.",
        uncertain=True,
    )


@register_check("crit_b4_edit_accessibility_rgaa.onscreen_text_duration")
def onscreen_text_duration(production: Production) -> CheckResult:
    return _findings_check(
        production,
        FileKind.CAPTIONS,
        lambda f: f.rule.endswith(READING_SUFFIXES),
        "Chaque sous-titre reste affiché assez longtemps pour être lu.",
        "Sous-titres trop brefs pour être lus",
        "Aucun fichier de sous-titres SME déposé.",
    )


@register_check("crit_b4_edit_accessibility_rgaa.rgaa_4_1_4_3_4_5")
def rgaa_4_1_4_3_4_5(production: Production) -> CheckResult:
    from django.db.models import Q

    web = production.deliverables.filter(Q(kind__in=WEB_KINDS) | Q(profile__in=WEB_PROFILES))
    if not web:
        return unknown("Aucun livrable publié sur le web.")
    failing = []
    for deliverable in web:
        kinds = set(deliverable.subtitle_files.values_list("kind", flat=True))
        exempt = set(
            RgaaAnswer.objects.filter(
                deliverable=deliverable, status=RgaaStatus.NOT_APPLICABLE
            ).values_list("criterion", flat=True)
        )
        missing = [
            f"{criterion} {label}"
            for criterion, (answers, label) in RGAA.items()
            if criterion not in exempt and not kinds & {k.value for k in answers}
        ]
        if missing:
            failing.append(f"{deliverable.name} : {', '.join(missing)}")
    return coverage(
        len(web),
        failing,
        met="Chaque média publié sur le web a sous-titres, transcription et audiodescription "
        "(ou une exception RGAA notée).",
        not_met="Médias web incomplets (RGAA 4.1, 4.3, 4.5)",
        empty="",
        source="RGAA 4.1 thématique 4 (data/accessibility/accessibility.yaml)",
        evidence=tuple(
            Evidence(
                f"RGAA — {d.name}",
                production_url("accessibility:rgaa", production, deliverable_id=d.pk),
            )
            for d in web
        ),
    )
