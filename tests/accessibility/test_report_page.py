"""A file's report: filters, timeline, corrected copy, English interface."""

from __future__ import annotations

import re

import pytest

from .samples import sample
from .web_helpers import _upload, _url

pytestmark = pytest.mark.django_db


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
    warnings = client.get(_url("file", production, file_id=item.pk), {"severity": "warn"})
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


def test_english_interface_shows_english_messages(member_client, production):
    from tournage.web.accessibility.models import SubtitleFile

    client = member_client("producer")
    _upload(client, production, "defauts.srt", sample("defects.srt"))
    item = SubtitleFile.objects.get()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get(_url("file", production, file_id=item.pk)).content.decode()
    assert "Overlaps cue 3 by 500 ms." in page and "Findings" in page
    assert "Chevauche" not in page
