"""Headings guessed from a PDF's layout: shown for review, corrected by the user, and the
correction kept by the next import of the same file."""

from __future__ import annotations

from typing import Any

import pytest

from tournage.screenplay.pdf_export import render_pdf
from tournage.screenplay.reader import read_script
from tournage.web.screenplay.models import Scene, ScriptVersion

from .web_helpers import upload, url

pytestmark = pytest.mark.django_db
FLASHBACK = "FLASHBACK - LE PHARE EN 1998"  # a forced heading without INT/EXT


@pytest.fixture
def phare_pdf(phare_fountain: bytes) -> bytes:
    return render_pdf(read_script(phare_fountain, "le_phare.fountain"))


def _guessed(production: Any) -> Scene:
    version = ScriptVersion.objects.filter(production=production).order_by("-number").first()
    assert version is not None
    return version.scenes.get(heading__startswith="FLASHBACK")


def test_a_guessed_heading_is_highlighted_then_corrected_and_kept(
    producer: Any, production: Any, phare_pdf: bytes
) -> None:
    assert upload(producer, production, "le_phare.pdf", phare_pdf).status_code == 302
    scene = _guessed(production)
    assert scene.heading_confidence == 0.6 and scene.heading_to_review
    assert "heading-review" in producer.get(url("index", production)).content.decode()
    page = producer.get(url("scene", production, scene_id=scene.pk)).content.decode()
    assert 'class="heading-review"' in page and "0,6" in page  # French by default
    response = producer.post(
        url("heading", production, scene_id=scene.pk), {"heading": "EXT.  PHARE - NUIT"}
    )
    assert response.status_code == 302
    scene.refresh_from_db()
    assert (scene.heading, scene.int_ext, scene.location, scene.day_night) == (
        "EXT. PHARE - NUIT",
        "EXT",
        "PHARE",
        "NIGHT",
    )
    assert (scene.heading_confidence, scene.heading_as_read) == (1.0, FLASHBACK)
    assert not scene.heading_to_review

    assert upload(producer, production, "le_phare.pdf", phare_pdf).status_code == 302
    again = ScriptVersion.objects.get(production=production, number=2).scenes.get(index=scene.index)
    assert (again.heading, again.day_night, again.heading_confidence) == (
        "EXT. PHARE - NUIT",
        "NIGHT",
        1.0,
    )
    assert again.heading_as_read == FLASHBACK


def test_confirming_keeps_the_text_and_a_second_save_changes_nothing(
    producer: Any, production: Any, phare_pdf: bytes
) -> None:
    upload(producer, production, "le_phare.pdf", phare_pdf)
    scene = _guessed(production)
    target = url("heading", production, scene_id=scene.pk)
    first = producer.post(target, {"heading": FLASHBACK}, follow=True)
    assert 'class="messages"' in first.content.decode()
    scene.refresh_from_db()
    assert (scene.heading, scene.heading_confidence) == (FLASHBACK, 1.0)
    response = producer.post(target, {"heading": FLASHBACK}, follow=True)
    assert 'class="messages"' not in response.content.decode()  # nothing to save


def test_a_changed_heading_in_the_file_wins_over_the_old_review(
    producer: Any, production: Any, phare_fountain: bytes, phare_pdf: bytes
) -> None:
    upload(producer, production, "le_phare.pdf", phare_pdf)
    scene = _guessed(production)
    producer.post(url("heading", production, scene_id=scene.pk), {"heading": "INT. PHARE - NUIT"})
    edited = phare_fountain.replace(b".FLASHBACK", b".SOUVENIR")
    pdf = render_pdf(read_script(edited, "le_phare.fountain"))
    upload(producer, production, "le_phare.pdf", pdf)
    newest = ScriptVersion.objects.get(production=production, number=2)
    assert newest.scenes.filter(
        heading="SOUVENIR - LE PHARE EN 1998", heading_confidence=0.6
    ).exists()


def test_an_empty_or_foreign_heading_is_refused(
    producer: Any, production: Any, phare_pdf: bytes, member_client: Any
) -> None:
    upload(producer, production, "le_phare.pdf", phare_pdf)
    scene = _guessed(production)
    target = url("heading", production, scene_id=scene.pk)
    assert producer.post(target, {"heading": "  "}).status_code == 400
    assert member_client("crew").post(target, {"heading": "X"}).status_code == 403
    scene.refresh_from_db()
    assert (scene.heading, scene.heading_confidence) == (FLASHBACK, 0.6)
