"""Development pages: forms, benchmark import, attached pieces, exports, CLI."""

from __future__ import annotations

import io
import json
from typing import Any

import pikepdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from reportlab.pdfgen import canvas

from tournage.web.development.models import (
    AttachedPiece,
    BenchmarkRow,
    Brief,
    Dossier,
    Objective,
)

pytestmark = pytest.mark.django_db


def url(name: str, production: Any, **kwargs: Any) -> str:
    return reverse(f"development:{name}", kwargs={"production_id": production.pk, **kwargs})


def pdf_bytes(pages: int = 1) -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    for _ in range(pages):
        page.drawString(72, 720, "CV")
        page.showPage()
    page.save()
    return buffer.getvalue()


@pytest.fixture
def producer(production: Any, member_client: Any) -> Any:
    return member_client("producer")


def test_every_page_opens_on_an_empty_production(production: Any, producer: Any) -> None:
    for name in ("index", "benchmark", "notes", "distribution", "cdc", "approvals", "dossiers"):
        assert producer.get(url(name, production)).status_code == 200, name


def test_brief_form_saves_then_resubmits_unchanged(production: Any, producer: Any) -> None:
    data = {"client": "France 3", "audiences": "Familles", "deadline": "2027-09-30"}
    response = producer.post(url("brief_edit", production), data)
    assert response.status_code == 302
    brief = Brief.objects.get(production=production)
    assert brief.deadline.isoformat() == "2027-09-30"
    producer.post(url("brief_edit", production), data)
    assert Brief.objects.filter(production=production).count() == 1


def test_objective_create_edit_delete(production: Any, producer: Any) -> None:
    producer.post(url("objective_create", production), {"text": "Émouvoir", "order": "0"})
    item = Objective.objects.get(production=production)
    producer.post(
        url("objective_edit", production, objective_id=item.pk), {"text": "Informer", "order": "1"}
    )
    item.refresh_from_db()
    assert item.text == "Informer"
    producer.post(url("objective_delete", production, objective_id=item.pk))
    assert not Objective.objects.exists()


def test_objects_of_another_production_are_404(
    production: Any, other_production: Any, producer: Any
) -> None:
    item = Objective.objects.create(production=other_production, text="Autre")
    assert producer.get(url("objective_edit", production, objective_id=item.pk)).status_code == 404


def test_benchmark_import_writes_every_row_or_none(production: Any, producer: Any) -> None:
    good = b"titre;canal;budget\nA;tv;1 000\nB;cinema;inconnu\n"
    bad = b"titre;canal;budget\nC;tv;1 000\nD;tv;beaucoup\n"
    producer.post(url("benchmark_import", production), {"file": SimpleUploadedFile("b.csv", good)})
    assert BenchmarkRow.objects.filter(production=production).count() == 2
    response = producer.post(
        url("benchmark_import", production), {"file": SimpleUploadedFile("b.csv", bad)}, follow=True
    )
    assert "beaucoup" in response.content.decode()
    assert BenchmarkRow.objects.filter(production=production).count() == 2


@pytest.mark.parametrize(
    "data",
    [b"", b"not a pdf", b"%PDF-1.7\n garbage", b"%PDF-" + b"\x00" * 5000],
)
def test_bad_pieces_are_refused_and_nothing_is_stored(
    production: Any, producer: Any, data: bytes
) -> None:
    dossier = Dossier.objects.create(production=production, scheme="cnc_cm_avant_realisation")
    response = producer.post(
        url("piece_upload", production, dossier_id=dossier.pk),
        {"piece": "cv", "file": SimpleUploadedFile("cv.pdf", data)},
        follow=True,
    )
    assert response.status_code == 200
    assert not AttachedPiece.objects.exists()


def test_a_pdf_piece_is_attached_with_its_pages(production: Any, producer: Any) -> None:
    dossier = Dossier.objects.create(production=production, scheme="cnc_cm_avant_realisation")
    producer.post(
        url("piece_upload", production, dossier_id=dossier.pk),
        {"piece": "cv", "file": SimpleUploadedFile("../../cv.pdf", pdf_bytes(2))},
    )
    piece = AttachedPiece.objects.get()
    assert piece.pages == 2 and piece.source_name == "cv.pdf"
    page = producer.get(url("dossiers", production)).content.decode()
    assert "Attestation de non-commencement" in page


def test_exports(production: Any, producer: Any) -> None:
    Dossier.objects.create(production=production, scheme="framework_block_1")
    pdf = producer.get(url("cdc_export", production, fmt="pdf"))
    assert pdf["Content-Type"] == "application/pdf"
    with pikepdf.open(io.BytesIO(pdf.content)) as document:
        assert str(document.Root.Lang) == "fr-FR"
        tags = [str(kid.S) for kid in document.Root.StructTreeRoot.K.K]
        assert tags[:2] == ["/H1", "/H2"] and tags.count("/H2") == 8
    docx = producer.get(url("cdc_export", production, fmt="docx"))
    assert docx.content.startswith(b"PK")
    assert producer.get(url("cdc_export", production, fmt="exe")).status_code == 404
    dossier = producer.get(url("dossier_pdf", production, dossier_id=Dossier.objects.get().pk))
    assert dossier.content.startswith(b"%PDF-")


def test_cdc_version_kept(production: Any, producer: Any) -> None:
    producer.post(url("cdc_freeze", production))
    producer.post(url("cdc_freeze", production))
    assert list(production.cdc_versions.values_list("number", flat=True)) == [2, 1]


def test_crew_cannot_post(production: Any, member_client: Any) -> None:
    crew = member_client("crew")
    assert crew.post(url("brief_edit", production), {"client": "X"}).status_code == 403
    assert not Brief.objects.exists()


def cli(*args: str) -> int:
    from tournage.cli import main
    from tournage.cli.output import options

    try:
        with pytest.raises(SystemExit) as done:
            main(list(args))
            raise SystemExit(0)
    finally:
        options.json = False
    return int(done.value.code or 0)


def test_cli_show_json(production: Any, capsys: Any) -> None:
    Brief.objects.create(production=production, client="Client")
    assert cli("--json", "development", "show", str(production.pk)) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["brief"]["client"] == "Client"
    assert {d["dimension"] for d in document["feasibility"]} >= {"duration", "budget"}
    assert len(document["cahier_des_charges"]["sections"]) == 8


def test_cli_writes_the_cdc_and_refuses_an_unknown_scheme(
    production: Any, tmp_path: Any, capsys: Any
) -> None:
    target = tmp_path / "cdc.docx"
    assert cli("development", "cdc", str(production.pk), "-o", str(target)) == 0
    assert target.read_bytes().startswith(b"PK")
    out = str(tmp_path / "d.pdf")
    assert cli("development", "dossier", str(production.pk), "--scheme", "nope", "-o", out) == 1
    assert "Dispositif inconnu" in capsys.readouterr().err
    assert (
        cli(
            "development", "dossier", str(production.pk), "--scheme", "framework_block_1", "-o", out
        )
        == 0
    )


def test_the_dossier_pdf_holds_the_attached_pages_in_the_scheme_order(
    production: Any, producer: Any
) -> None:
    dossier = Dossier.objects.create(production=production, scheme="cnc_cm_avant_realisation")
    producer.post(
        url("piece_upload", production, dossier_id=dossier.pk),
        {"piece": "cv", "file": SimpleUploadedFile("cv.pdf", pdf_bytes(3))},
    )
    response = producer.get(url("dossier_pdf", production, dossier_id=dossier.pk))
    with pikepdf.open(io.BytesIO(response.content)) as document:
        pieces = 8  # cnc_cm_avant_realisation lists eight pieces
        assert len(document.pages) == 1 + pieces + 3
        assert str(document.Root.Lang) == "fr-FR"


@pytest.mark.slow
def test_cli_in_its_own_process_sets_django_up_first(tmp_path: Any) -> None:
    """Outside the test settings the app may only be imported after Django's set-up."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "TOURNAGE_DATA_DIR": str(tmp_path)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("DATABASE_URL", None)  # its own SQLite database, not the suite's server
    done = subprocess.run(
        [sys.executable, "-m", "tournage", "development", "show", "999"],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    assert done.returncode == 1
    assert "Aucune production n°999" in done.stderr


def test_a_channel_of_the_distribution_plan_becomes_a_deliverable_once(
    production: Any, producer: Any
) -> None:
    from tournage.web.delivery.models import Deliverable

    production.channels = []
    production.save()
    data = {"channel": "fr_pad_arte", "versions": "VF", "slot": "20:50"}
    producer.post(url("channel_plan_create", production), data)
    plan = production.channel_plans.get()
    producer.post(url("channel_plan_edit", production, channel_plan_id=plan.pk), data)
    production.refresh_from_db()
    assert production.channels == ["fr_pad_arte"]
    assert Deliverable.objects.filter(production=production).count() == 1
