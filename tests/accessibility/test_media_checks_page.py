"""Checks against the deliverable's master."""

from __future__ import annotations

import pytest

from .samples import sample
from .web_helpers import _master, _upload

pytestmark = pytest.mark.django_db


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
