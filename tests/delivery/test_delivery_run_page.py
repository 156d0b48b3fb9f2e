"""The QC report page names the checks and the flash events in French."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tournage.web.delivery.models import Deliverable, QCRun, QCStatus

pytestmark = pytest.mark.django_db

FLASHES = {
    "id": "flashes",
    "status": "fail",
    "measured": {"max_flashes_per_second": 5.0},
    "expected": {"max_flashes_per_second": 3},
    "tolerance": None,
    "message": "Épilepsie photosensible (exigé par le diffuseur) : 1 flash au-delà des seuils.",
    "uncertain": False,
    "source": "photosensitivity.yaml: ofcom_gn1",
    "events": [
        {
            "start_tc": "00:00:00:00",
            "end_tc": "00:00:02:00",
            "start_s": 0.0,
            "end_s": 2.0,
            "kind": "flash",
        }
    ],
}


def test_run_page_shows_the_new_checks_with_french_names(member_client, production) -> None:
    deliverable = Deliverable.objects.create(
        production=production, name="Master UK", kind="broadcast", profile="uk-broadcast"
    )
    run = QCRun.objects.create(
        deliverable=deliverable,
        source_name="m.mxf",
        status=QCStatus.DONE,
        verdict="fail",
        report={"checks": [FLASHES], "graphs": {}, "loudness": None},
    )
    client = member_client("producer")
    page = client.get(
        reverse("delivery:run", kwargs={"production_id": production.pk, "run_id": run.pk})
    ).content.decode()
    assert "Flashs (épilepsie photosensible)" in page
    assert "00:00:00:00 → 00:00:02:00 (flashs)" in page
    assert ">flashes<" not in page


HEAD_TAIL = {
    "id": "head_tail",
    "status": "info",
    "measured": {"head_black_s": 0.5, "tail_black_s": 0.0},
    "expected": None,
    "tolerance": None,
    "message": "Amorce et fin : noir en tête (s) = 0,5 ; noir en fin (s) = 0 — valeur attendue "
    "inconnue.",
    "uncertain": True,
    "source": "",
    "events": [],
}
AV_DURATION = {
    "id": "av_duration",
    "status": "pass",
    "measured": {"video_s": 4.0, "tracks": [{"track": 1, "offset_s": 0.0}]},
    "expected": {"tolerance_frames": 1},
    "tolerance": 0.04,
    "message": "Son et image de même durée et synchrones (à 1 image près).",
    "uncertain": False,
    "source": "",
    "events": [],
}


def test_run_page_names_the_measured_fields_in_french(member_client, production) -> None:
    deliverable = Deliverable.objects.create(
        production=production, name="PAD", kind="broadcast", profile="pad-hd-fr"
    )
    run = QCRun.objects.create(
        deliverable=deliverable,
        source_name="m.mxf",
        status=QCStatus.DONE,
        verdict="pass",
        report={"checks": [HEAD_TAIL, AV_DURATION], "graphs": {}, "loudness": None},
    )
    page = (
        member_client("producer")
        .get(reverse("delivery:run", kwargs={"production_id": production.pk, "run_id": run.pk}))
        .content.decode()
    )
    assert "noir en tête (s) = 0,5" in page
    assert "durée de l&#x27;image (s) = 4" in page and "décalage (s) = 0" in page
    assert "tolérance (images) = 1" in page
    for key in ("head_black_s", "tail_black_s", "video_s", "offset_s", "tolerance_frames"):
        assert key not in page
