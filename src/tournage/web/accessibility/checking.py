"""Run the core checks on a stored file and keep the findings (the file is only read)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.db import transaction

from tournage.accessibility.checks import CheckOptions, default_frame_rate
from tournage.accessibility.cues import SubtitleDocument
from tournage.accessibility.findings import CueFinding, Fix
from tournage.accessibility.readers import read_subtitles
from tournage.accessibility.service import check_audio_description, check_subtitles
from tournage.accessibility.timecode import FrameRate, parse_frame_rate
from tournage.common.findings import Finding, Severity

from .models import FileKind, SubtitleFile, SubtitleFinding


def read_stored(item: SubtitleFile) -> SubtitleDocument:
    with item.file.open("rb") as handle:
        data: bytes = handle.read()
    return read_subtitles(data, _rate(item))


def _rate(item: SubtitleFile) -> FrameRate | None:
    return parse_frame_rate(item.frame_rate) if item.frame_rate else None


def master_path(item: SubtitleFile) -> Path | None:
    """The latest QC'd master of the file's deliverable, if it is on local storage."""
    run = item.deliverable.latest_run() if item.deliverable else None
    if run is None or not run.media:
        return None
    try:
        return Path(run.media.path)
    except NotImplementedError:  # remote storage: no local path to scan
        return None


def dialogue_for(item: SubtitleFile) -> SubtitleDocument | None:
    """The SME subtitles of the same deliverable: they say where the dialogue is."""
    captions = (
        SubtitleFile.objects.filter(
            production=item.production, deliverable=item.deliverable, kind=FileKind.CAPTIONS
        )
        .exclude(pk=item.pk)
        .first()
    )
    return read_stored(captions) if captions else None


def run_check(item: SubtitleFile, with_media: bool = False) -> None:
    """Check the stored file and replace its findings, atomically."""
    document = read_stored(item)
    rate = _rate(item) or document.frame_rate or default_frame_rate()
    media = master_path(item) if with_media else None
    unknown: list[str] = []
    if item.kind == FileKind.AD_SCRIPT:
        findings = check_audio_description(document, dialogue_for(item), media, rate)
    else:
        report = check_subtitles(document, CheckOptions(item.rules, rate), media)
        findings, unknown = report.findings, report.unknown
    with transaction.atomic():
        item.findings.all().delete()
        SubtitleFinding.objects.bulk_create(_rows(item, findings, rate))
        item.format = document.format
        item.frame_rate = rate.label
        item.cue_count = len(document.cues)
        item.error_count = sum(1 for f in findings if f.severity is Severity.FAIL)
        item.warning_count = len(findings) - item.error_count
        item.unknown_rules = unknown
        item.save()


def _rows(item: SubtitleFile, findings: list[CueFinding], rate: FrameRate) -> list[SubtitleFinding]:
    return [
        SubtitleFinding(
            subtitle_file=item,
            cue=finding.cue,
            start_ms=finding.start_ms,
            start_tc=rate.ms_to_tc(finding.start_ms) if finding.start_ms is not None else "",
            rule=finding.code,
            severity=finding.severity.value,
            message=finding.message,
            message_en=finding.message_en,
            source=finding.source[:200],
            fix=finding.fix.to_dict() if finding.fix else None,
        )
        for finding in findings
    ]


def stored_findings(item: SubtitleFile) -> list[CueFinding]:
    """The stored findings back as core findings (to apply their fixes)."""
    result = []
    for row in item.findings.all():
        fix: dict[str, Any] | None = row.fix
        core_fix = None
        if fix:
            lines = tuple(fix["lines"]) if fix.get("lines") is not None else None
            core_fix = Fix(fix.get("description", ""), fix.get("end_ms"), lines)
        result.append(
            CueFinding(
                Finding(row.rule, Severity(row.severity), row.message, source=row.source),
                row.cue,
                row.start_ms,
                row.message_en,
                core_fix,
            )
        )
    return result
