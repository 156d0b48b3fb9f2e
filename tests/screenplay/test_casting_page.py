"""Casting characters to people."""

from __future__ import annotations

from typing import Any

import pytest

from tournage.web.screenplay.models import Character, ScriptVersion

from .web_helpers import FIXTURES, upload, url

pytestmark = pytest.mark.django_db


def test_casting(imported: ScriptVersion, producer: Any, production: Any, make_person: Any) -> None:
    actress = make_person(production, kind="cast", first_name="Inès", last_name="Marty")
    nadia = Character.objects.get(version=imported, name="NADIA")
    response = producer.post(url("characters", production), {f"person-{nadia.pk}": str(actress.pk)})
    assert response.status_code == 302
    nadia.refresh_from_db()
    assert nadia.person == actress


def test_characters_linked_by_person_character_on_import(
    producer: Any, production: Any, make_person: Any
) -> None:
    marc = make_person(production, kind="cast", character="Marc")
    upload(producer, production, "p.fountain", (FIXTURES / "le_phare.fountain").read_bytes())
    assert Character.objects.get(name="MARC").person == marc
