"""The accessibility app: upload (validated, atomic), report page, exports, RGAA, demo."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from .media_synth import tone_bursts, write_programme
from .samples import sample

pytestmark = pytest.mark.django_db


def _url(name, production, **kwargs):
    return reverse(f"accessibility:{name}", kwargs={"production_id": production.pk, **kwargs})


@pytest.fixture
def deliverable(production):
    from tournage.web.delivery.models import Deliverable

    return Deliverable.objects.create(
        production=production,
        name="PAD France",
        kind="broadcast",
        profile="pad-hd-fr",
        channel="fr_pad_hd_file",
    )


def _upload(client, production, name, data, **fields):
    payload = {"file": SimpleUploadedFile(name, data), "kind": "captions", "rules": "fr-csa-2011"}
    payload.update(fields)
    return client.post(_url("index", production), payload)


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


def test_report_page_filters_and_timeline(member_client, production):
    from tournage.web.accessibility.models import SubtitleFile

    client = member_client("producer")
    _upload(client, production, "defauts.srt", sample("defects.srt"))
    item = SubtitleFile.objects.get()
    page = client.get(_url("file", production, file_id=item.pk)).content.decode()
    assert "SME-MAX-LINES" in page and "<svg" in page and "GEN-OVERLAP" in page
    assert "Constats" in page  # French is the default language
    assert re.search(r'<rect x="\d+\.\d" y="10" width="\d+\.\d"', page)  # no decimal comma
    only = client.get(_url("file", production, file_id=item.pk), {"rule": "SME-COLOUR"})
    body = only.content.decode()
    assert "Couleur hors code" in body and "Chevauche" not in body
    warnings = client.get(_url("file", production, file_id=item.pk), {"severity": "warning"})
    assert "Chevauche" not in warnings.content.decode()


def test_corrected_copy_is_a_new_file(member_client, production):
    from tournage.accessibility.readers import read_subtitles
    from tournage.web.accessibility.models import SubtitleFile

    client = member_client("producer")
    _upload(client, production, "defauts.srt", sample("defects.srt"), rules="netflix-fr")
    item = SubtitleFile.objects.get()
    response = client.get(_url("file_export", production, file_id=item.pk, fmt="vtt"))
    assert response.status_code == 200
    assert 'filename="defauts-corrige.vtt"' in response["Content-Disposition"]
    corrected = read_subtitles(response.content)
    assert corrected.cues[1].end_ms == 3420  # overlap removed, 2 frames before cue 3
    assert item.file.open("rb").read() == sample("defects.srt")
    assert (
        client.get(_url("file_export", production, file_id=item.pk, fmt="doc")).status_code == 404
    )


def test_rgaa_checklist_reads_files_and_keeps_answers(member_client, production, deliverable):
    from tournage.web.accessibility.models import RgaaAnswer

    client = member_client("producer")
    _upload(client, production, "sme.srt", sample("clean.srt"), deliverable=deliverable.pk)
    url = _url("rgaa", production, deliverable_id=deliverable.pk)
    page = client.get(url).content.decode()
    assert "4.13" in page and "Livré : fichier de sous-titres SME" in page
    response = client.post(url, {"4.7-status": "met", "4.7-note": "titre visible"})
    assert response.status_code == 302
    answer = RgaaAnswer.objects.get()
    assert (answer.criterion, answer.status, answer.note) == ("4.7", "met", "titre visible")
    assert client.post(url, {"4.7-status": "perhaps"}).status_code == 200
    assert RgaaAnswer.objects.get().status == "met"


def test_dashboard_panel_shows_each_deliverable(member_client, production, deliverable):
    client = member_client("producer")
    _upload(client, production, "sme.srt", sample("clean.srt"), deliverable=deliverable.pk)
    page = client.get(reverse("productions:dashboard", kwargs={"production_id": production.pk}))
    body = page.content.decode()
    assert "PAD France" in body and "badge-ok" in body


def _master(deliverable, tmp_path):
    from django.core.files import File

    from tournage.web.delivery.models import QCRun

    path = write_programme(tmp_path / "master.mkv", 3.0, 1.5, tone_bursts(3.0, [(0.5, 2.5)], 0.3))
    run = QCRun(deliverable=deliverable, source_name=path.name, status="done")
    with path.open("rb") as handle:
        run.media.save(path.name, File(handle), save=True)


def test_demo_step_is_idempotent_and_shows_findings(production, deliverable, tmp_path):
    from tournage.web.accessibility.demo import load_demo_accessibility
    from tournage.web.accessibility.models import SubtitleFile

    _master(deliverable, tmp_path)
    load_demo_accessibility(production)
    load_demo_accessibility(production)
    files = {item.kind: item for item in SubtitleFile.objects.filter(production=production)}
    assert len(files) == 2 and SubtitleFile.objects.count() == 2
    sme_rules = set(files["captions"].findings.values_list("rule", flat=True))
    assert {"SME-READING-TIME", "SME-SOUND-COLOUR", "SME-MAX-LINES", "SME-COLOUR"} == sme_rules
    ad_rules = set(files["ad_script"].findings.values_list("cue", "rule"))
    assert ad_rules == {(3, "AD-OVERLAP"), (0, "AD-TRACK-MISSING")}


def test_media_checks_against_the_deliverable_master(
    member_client, production, deliverable, tmp_path
):
    from tournage.web.accessibility.checking import run_check
    from tournage.web.accessibility.models import SubtitleFile

    _master(deliverable, tmp_path)
    client = member_client("producer")
    _upload(client, production, "sme.srt", sample("clean.srt"), deliverable=deliverable.pk)
    item = SubtitleFile.objects.get()
    run_check(item, with_media=True)
    rules = set(item.findings.values_list("rule", flat=True))
    assert "GEN-PROGRAMME-END" in rules  # the clean file runs 16 s, the master 3 s
    assert item.unknown_rules == []


def test_panel_flags_a_missing_ad_mix_when_the_profile_asks_for_it(production, deliverable):
    from tournage.web.accessibility.status import panel_context
    from tournage.web.delivery.models import Deliverable

    streaming = Deliverable.objects.create(
        production=production, name="Netflix", kind="web", profile="netflix"
    )
    rows = {row["deliverable"].pk: row for row in panel_context(production)["rows"]}
    assert rows[streaming.pk]["ad_required"] and not rows[deliverable.pk]["ad_required"]
    assert rows[streaming.pk]["audio_description"] is None


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
    assert not folder.exists() or not any(folder.iterdir())


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


def test_english_interface_shows_english_messages(member_client, production):
    from tournage.web.accessibility.models import SubtitleFile

    client = member_client("producer")
    _upload(client, production, "defauts.srt", sample("defects.srt"))
    item = SubtitleFile.objects.get()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get(_url("file", production, file_id=item.pk)).content.decode()
    assert "Overlaps cue 3 by 500 ms." in page and "Findings" in page
    assert "Chevauche" not in page


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
