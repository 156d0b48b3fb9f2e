"""A new script version keeps the decisions and marks the changes."""

from __future__ import annotations

from typing import Any

import pytest

from tournage.web.screenplay.models import BreakdownTag, ScriptVersion

from .web_helpers import upload, url

pytestmark = pytest.mark.django_db


V2 = b"""Title: LE PHARE

EXT. PORT DE L'\xc3\x8eLE - JOUR #1#

NADIA pose sa valise sur le quai. Un chien dort.

NADIA
Dix ans.

EXT. PLAGE - AUBE #5#

Les vagues.
"""


def test_new_version_keeps_decisions_and_marks_changes(
    imported: ScriptVersion, producer: Any, production: Any
) -> None:
    first_scene = imported.scenes.get(number="1")
    BreakdownTag.objects.filter(scene=first_scene, name="chien").update(status="rejected")
    BreakdownTag.objects.create(
        production=production,
        scene=first_scene,
        category="props",
        name="ciré jaune",
        source="manual",
        status="accepted",
    )
    assert upload(producer, production, "v2.fountain", V2).status_code == 302
    version = ScriptVersion.objects.get(production=production, number=2)
    changed = version.scenes.get(number="1")
    assert changed.change == "changed" and "+Dix ans." in changed.diff
    assert version.scenes.get(number="5", omitted=False).change == "added"
    omitted = version.scenes.filter(omitted=True)
    assert {s.number for s in omitted if s.number} == {"2", "3", "4"}
    assert all(s.change == "omitted" for s in omitted)
    tags = {t.name: t for t in changed.tags.all()}
    assert tags["ciré jaune"].source == "manual"
    assert tags["chien"].status == "rejected"
    index = producer.get(url("index", production))
    assert [s.number for s in index.context["scenes"] if s.omitted and s.number] == ["2", "3", "4"]
    page = producer.get(url("version", production, version_id=version.pk))
    assert page.status_code == 200 and "+Dix ans." in page.content.decode()
