"""Accessibility checks read the subtitle and AD files' findings and the RGAA answers."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.base import ContentFile

from tournage.referential.registry import Status
from tournage.web.accessibility.models import RgaaAnswer, SubtitleFile, SubtitleFinding
from tournage.web.delivery.models import Deliverable

from .conftest import run

pytestmark = pytest.mark.django_db


def upload(production: Any, kind: str, deliverable: Any = None, **finding: Any) -> SubtitleFile:
    item = SubtitleFile(
        production=production,
        deliverable=deliverable,
        kind=kind,
        source_name=f"{kind}.srt",
        format="srt",
        frame_rate="25",
        error_count=int(finding.get("severity") == "error"),
    )
    item.file.save(f"{kind}.srt", ContentFile(b"1\n00:00:01,000 --> 00:00:02,000\nBonjour\n"))
    if finding:
        SubtitleFinding.objects.create(subtitle_file=item, cue=1, message="trop bref", **finding)
    return item


def test_file_checks_are_unknown_without_files(production: Any) -> None:
    for check in ("subtitles_rules", "ad_no_overlap", "onscreen_text_duration"):
        assert run(check, production).status is Status.UNKNOWN


def test_subtitles_rules(production: Any) -> None:
    upload(production, "captions")
    result = run("subtitles_rules", production)
    assert result.status is Status.MET
    assert result.evidence[0].file.startswith("accessibility/")
    SubtitleFile.objects.all().delete()
    upload(production, "captions", rule="SME-COLOUR", severity="error")
    assert run("subtitles_rules", production).status is Status.NOT_MET


def test_ad_no_overlap_warns_on_an_overlap(production: Any) -> None:
    upload(production, "ad_script")
    assert run("ad_no_overlap", production).status is Status.MET
    SubtitleFile.objects.all().delete()
    upload(production, "ad_script", rule="AD-OVERLAP", severity="warning")
    result = run("ad_no_overlap", production)
    assert result.status is Status.NOT_MET
    assert result.uncertain


def test_onscreen_text_duration(production: Any) -> None:
    upload(production, "captions", rule="SME-COLOUR", severity="warning")
    assert run("onscreen_text_duration", production).status is Status.MET
    upload(production, "captions", rule="SME-READING-TIME", severity="error")
    # two unattached files, one too brief
    assert run("onscreen_text_duration", production).status is Status.PARTLY


def test_rgaa_for_web_media(production: Any) -> None:
    assert run("rgaa_4_1_4_3_4_5", production).status is Status.UNKNOWN
    web = Deliverable.objects.create(
        production=production, name="YouTube", kind="web", profile="youtube"
    )
    upload(production, "captions", web)
    result = run("rgaa_4_1_4_3_4_5", production)
    assert result.status is Status.NOT_MET
    assert "4.5 audiodescription" in result.message
    RgaaAnswer.objects.create(
        production=production, deliverable=web, criterion="4.5", status="not_applicable"
    )
    RgaaAnswer.objects.create(
        production=production, deliverable=web, criterion="4.1", status="not_applicable"
    )
    assert run("rgaa_4_1_4_3_4_5", production).status is Status.MET
