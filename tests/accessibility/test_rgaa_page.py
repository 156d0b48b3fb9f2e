"""The RGAA checklist of a deliverable."""

from __future__ import annotations

import pytest

from .samples import sample
from .web_helpers import _upload, _url

pytestmark = pytest.mark.django_db


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
