"""Breakdown checks: every scene broken down, scenes with a child flagged."""

from __future__ import annotations

from typing import Any

import pytest

from tournage.referential.registry import Status
from tournage.web.screenplay.services import current_version

from .conftest import run

pytestmark = pytest.mark.django_db


def test_every_scene_broken_down_passes_on_a_full_breakdown(scripted: Any) -> None:
    assert run("every_scene_broken_down", scripted).status is Status.MET


def test_every_scene_broken_down_fails_on_a_scene_without_effect(scripted: Any) -> None:
    scene = current_version(scripted).scenes.first()
    scene.day_night = ""
    scene.save()
    result = run("every_scene_broken_down", scripted)
    assert result.status is Status.PARTLY
    assert "jour/nuit" in result.message


def test_every_scene_broken_down_is_unknown_without_script(production: Any) -> None:
    assert run("every_scene_broken_down", production).status is Status.UNKNOWN


def test_minors_flagged_passes_when_every_scene_with_the_child_is_flagged(cast: Any) -> None:
    version = current_version(cast["ANNA"].production)
    for scene in version.scenes.all():
        if "ANNA" in scene.characters:
            scene.risks = [*scene.risks, {"code": "minor", "evidence": "ANNA"}]
            scene.save()
    assert run("minors_flagged", version.production).status is Status.MET


def test_minors_flagged_fails_on_an_unflagged_scene_with_a_child(cast: Any) -> None:
    production = cast["ANNA"].production
    result = run("minors_flagged", production)
    assert result.status is Status.NOT_MET
    assert "non signalées" in result.message


def test_minors_flagged_is_unknown_without_linked_cast(scripted: Any) -> None:
    assert run("minors_flagged", scripted).status is Status.UNKNOWN
