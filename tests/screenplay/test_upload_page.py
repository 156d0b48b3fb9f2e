"""Uploading a script: breakdown, bad and hostile files, who may upload."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from reportlab.pdfgen.canvas import Canvas

from tournage.web.screenplay.models import BreakdownTag, Scene, ScriptVersion

from .web_helpers import FIXTURES, upload, url

pytestmark = pytest.mark.django_db


def test_upload_breaks_the_script_down(
    imported: ScriptVersion, producer: Any, production: Any
) -> None:
    assert imported.number == 1 and imported.title == "LE PHARE"
    assert imported.file.read().startswith(b"Title:")
    scenes = list(imported.scenes.all())
    assert [s.key for s in scenes] == ["1", "2", "3", "4", "5"]
    assert scenes[0].int_ext == "EXT" and scenes[0].time == "JOUR"
    assert scenes[2].risk_codes and "night_exterior" in scenes[2].risk_codes
    cue = BreakdownTag.objects.get(scene=scenes[0], category="cast", name="NADIA")
    assert cue.status == "accepted"  # from a cue: certain
    suggested = BreakdownTag.objects.get(scene=scenes[0], name="valise")
    assert suggested.status == "suggested" and suggested.evidence
    page = producer.get(url("index", production))
    assert page.status_code == 200
    assert "EXT. PORT DE L&#x27;ÎLE - JOUR" in page.content.decode()
    assert "Extérieur nuit" in page.content.decode()  # risk labels in the user's language


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("vide.fountain", b"   \n", "vide"),
        ("photo.jpg", b"\xff\xd8\xff", "Fountain"),
        (
            "bombe.fdx",
            (FIXTURES / "le_phare.fdx")
            .read_bytes()
            .replace(b"<FinalDraft", b'<!DOCTYPE x [<!ENTITY a "b">]>\n<FinalDraft', 1),
            "entités",
        ),
    ],
)
def test_bad_files_store_nothing(
    producer: Any, production: Any, name: str, content: bytes, message: str
) -> None:
    response = upload(producer, production, name, content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ScriptVersion.objects.exists() and not Scene.objects.exists()


def test_scanned_pdf_and_huge_upload_are_refused(producer: Any, production: Any) -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.rect(50, 50, 400, 600, fill=1)
    canvas.showPage()
    canvas.save()
    response = upload(producer, production, "scan.pdf", buffer.getvalue())
    assert response.status_code == 400 and "couche texte" in response.content.decode()
    huge = SimpleUploadedFile("huge.fountain", b"")
    huge.size = 50_000_000  # what the upload handler reports; no need to send 50 MB
    response = producer.post(url("upload", production), {"script": huge})
    assert response.status_code == 400
    assert not ScriptVersion.objects.exists()


def test_fdx_and_pdf_uploads(producer: Any, production: Any) -> None:
    from tournage.screenplay.pdf_export import render_pdf
    from tournage.screenplay.reader import read_script

    fdx = (FIXTURES / "le_phare.fdx").read_bytes()
    assert upload(producer, production, "le_phare.fdx", fdx).status_code == 302
    version = ScriptVersion.objects.get(production=production)
    assert version.source_format == "fdx"
    assert version.scenes.get(number="2A").fdx_eighths == 15
    pdf = render_pdf(read_script(fdx))
    assert upload(producer, production, "le_phare.pdf", pdf).status_code == 302
    second = ScriptVersion.objects.get(production=production, number=2)
    assert second.source_format == "pdf"
    assert [s.number for s in second.scenes.filter(omitted=False)] == ["1", "2A", ""]
    assert second.scenes.get(number="2A").change == "unchanged"


def test_same_script_again_is_unchanged(
    imported: ScriptVersion, producer: Any, production: Any
) -> None:
    upload(producer, production, "le_phare.fountain", (FIXTURES / "le_phare.fountain").read_bytes())
    second = ScriptVersion.objects.get(production=production, number=2)
    assert {s.change for s in second.scenes.all()} == {"unchanged"}
    assert second.scenes.count() == imported.scenes.count()


def test_crew_reads_but_cannot_upload_and_strangers_see_nothing(
    member_client: Any, production: Any, other_production: Any, imported: ScriptVersion
) -> None:
    crew = member_client("crew")
    assert crew.get(url("index", production)).status_code == 200
    assert upload(crew, production, "x.fountain", b"INT. A - JOUR\n").status_code == 403
    stranger = member_client("producer", on=other_production)
    assert stranger.get(url("index", production)).status_code == 404
    scene = imported.scenes.first()
    assert stranger.get(url("scene", production, scene_id=scene.pk)).status_code == 404


def test_a_french_pdf_upload_keeps_its_paper(producer: Any, production: Any) -> None:
    """A PDF in a layout tournage never printed (A4, names centred, ``12. INT.``
    headings, a page header) becomes a version with the paper's pages and every scene."""
    from .print_layouts import LAYOUTS, printed

    source = (FIXTURES.parent / "corpus" / "fr_la_digue.fountain").read_text(encoding="utf-8")
    original, pdf, pagination = printed(source, LAYOUTS[1])
    assert upload(producer, production, "la_digue.pdf", pdf).status_code == 302
    version = ScriptVersion.objects.get(production=production)
    assert version.source_format == "pdf"
    assert version.page_count == pagination.page_count
    headings = list(version.scenes.order_by("index").values_list("heading", flat=True))
    assert headings == [scene.heading for scene in original.scenes]
