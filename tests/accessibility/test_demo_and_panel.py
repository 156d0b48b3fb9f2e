"""The accessibility demo step and dashboard panel."""

from __future__ import annotations

import pytest
from django.urls import reverse

from .samples import sample
from .web_helpers import _master, _upload

pytestmark = pytest.mark.django_db


def test_dashboard_panel_shows_each_deliverable(member_client, production, deliverable):
    client = member_client("producer")
    _upload(client, production, "sme.srt", sample("clean.srt"), deliverable=deliverable.pk)
    page = client.get(reverse("productions:dashboard", kwargs={"production_id": production.pk}))
    body = page.content.decode()
    assert "PAD France" in body and "badge-ok" in body


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


def test_panel_flags_a_missing_ad_mix_when_the_profile_asks_for_it(production, deliverable):
    from tournage.web.accessibility.status import panel_context
    from tournage.web.delivery.models import Deliverable

    streaming = Deliverable.objects.create(
        production=production, name="Netflix", kind="web", profile="netflix"
    )
    rows = {row["deliverable"].pk: row for row in panel_context(production)["rows"]}
    assert rows[streaming.pk]["ad_required"] and not rows[deliverable.pk]["ad_required"]
    assert rows[streaming.pk]["audio_description"] is None
