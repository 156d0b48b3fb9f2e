"""Uploading subtitles and transcripts: checks, bad and oversized files, who may upload."""

from __future__ import annotations

from pathlib import Path

import pytest

from .samples import sample
from .web_helpers import _master, _upload, _url

pytestmark = pytest.mark.django_db


def test_upload_checks_and_stores_the_file_untouched(member_client, production, deliverable):
    from tournage.web.accessibility.models import SubtitleFile

    client = member_client("producer")
    response = _upload(
        client, production, "defauts.srt", sample("defects.srt"), deliverable=deliverable.pk
    )
    item = SubtitleFile.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/files/{item.pk}/")
    assert item.file.read() == sample("defects.srt")
    found = set(item.findings.values_list("cue", "rule"))
    assert {(2, "GEN-OVERLAP"), (6, "SME-DASH"), (0, "SME-SOUND-INFO")} <= found
    assert item.error_count == 3 and item.warning_count == 6
    assert item.cue_count == 13 and item.format == "srt" and item.frame_rate == "25"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("vide.srt", b"", "vide"),
        ("bruit.srt", b"\x00\x01binary", "binaire"),
        ("film.mp4", b"1\n00:00:01,000 --> 00:00:02,000\nA\n", "non pris en charge"),
        ("faux.ttml", b"<tt", "XML"),
        ("bombe.ttml", b'<!DOCTYPE tt [<!ENTITY a "aaaa">]><tt>&a;</tt>', "dangereux"),
        ("coupe.stl", b"850STL25.01" + b" " * 1013 + b"\x00" * 100, "tronqué"),
    ],
)
def test_bad_uploads_change_nothing(member_client, production, settings, name, data, message):
    from tournage.web.accessibility.models import SubtitleFile

    response = _upload(member_client("producer"), production, name, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SubtitleFile.objects.exists()
    assert not (Path(settings.MEDIA_ROOT) / "accessibility").exists()


def test_crew_reads_but_cannot_upload_and_strangers_see_nothing(
    member_client, production, other_production
):
    crew = member_client("crew")
    assert crew.get(_url("index", production)).status_code == 200
    assert _upload(crew, production, "a.srt", sample("clean.srt")).status_code == 403
    stranger = member_client("producer", on=other_production)
    assert stranger.get(_url("index", production)).status_code == 404


def test_a_failing_check_leaves_neither_row_nor_file(
    member_client, production, settings, monkeypatch
):
    from tournage.web.accessibility import views
    from tournage.web.accessibility.models import SubtitleFile

    def broken(item, with_media=False):
        raise RuntimeError("disk full")

    monkeypatch.setattr(views, "run_check", broken)
    with pytest.raises(RuntimeError):
        _upload(member_client("producer"), production, "sme.srt", sample("clean.srt"))
    assert not SubtitleFile.objects.exists()
    folder = Path(settings.MEDIA_ROOT) / "accessibility"
    assert list(folder.rglob("*")) == []  # empty or absent


def test_an_oversized_upload_is_refused_before_reading(member_client, production, monkeypatch):
    from tournage.web.accessibility import forms
    from tournage.web.accessibility.models import SubtitleFile

    monkeypatch.setattr(forms, "MAX_BYTES", 1_048_576)  # the real limit is 20 MB
    huge = b"1\n00:00:01,000 --> 00:00:02,000\n" + b"x" * 1_100_000 + b"\n"
    response = _upload(member_client("producer"), production, "enorme.srt", huge)
    assert response.status_code == 200 and "1 Mo" in response.content.decode()
    assert not SubtitleFile.objects.exists()


def test_upload_with_media_runs_the_programme_checks_in_a_task(
    member_client, production, deliverable, tmp_path, django_capture_on_commit_callbacks
):
    from tournage.web.accessibility.models import SubtitleFile

    _master(deliverable, tmp_path)
    client = member_client("producer")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        _upload(client, production, "sme.srt", sample("clean.srt"), deliverable=deliverable.pk,
                with_media="on")  # fmt: skip
    assert len(callbacks) == 1
    item = SubtitleFile.objects.get()
    assert "GEN-PROGRAMME-END" in set(item.findings.values_list("rule", flat=True))


def test_transcript_is_stored_and_counts_for_rgaa(member_client, production, deliverable):
    from tournage.web.accessibility.models import SubtitleFile

    client = member_client("producer")
    text = b"Transcription : Nina et Marcel au bord du Tarn.\n"
    response = _upload(
        client, production, "transcription.txt", text, kind="transcript", deliverable=deliverable.pk
    )
    item = SubtitleFile.objects.get()
    assert response.status_code == 302 and item.kind == "transcript"
    assert client.get(_url("file", production, file_id=item.pk)).status_code == 200
    assert client.post(_url("file_recheck", production, file_id=item.pk)).status_code == 404
    page = client.get(_url("rgaa", production, deliverable_id=deliverable.pk)).content.decode()
    assert "Livré : transcription textuelle" in page
