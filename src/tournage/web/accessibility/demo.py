"""Demo step: SME subtitles and an AD script for the PAD deliverable of the demo film."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.files import File

from tournage.web.delivery.api import Deliverable

from .checking import run_check
from .models import FileKind, RgaaAnswer, RgaaStatus, SubtitleFile

DEMO_FOLDER = Path(__file__).parent / "demo"
DEMO_FILES = (
    ("avant-la-crue-sme.srt", FileKind.CAPTIONS, False),
    ("avant-la-crue-ad.srt", FileKind.AD_SCRIPT, True),  # AD track of the master checked too
)
PAD_CHANNEL = "fr_pad_hd_file"
WEB_CHANNEL = "youtube_upload"


def load_demo_accessibility(production: Any) -> None:
    """Idempotent: files are keyed by production and name."""
    pad = Deliverable.objects.filter(production=production, channel=PAD_CHANNEL).first()
    for name, kind, with_media in DEMO_FILES:
        if SubtitleFile.objects.filter(production=production, source_name=name).exists():
            continue
        with (DEMO_FOLDER / name).open("rb") as handle:
            item = SubtitleFile(
                production=production,
                deliverable=pad,
                kind=kind,
                source_name=name,
                format="srt",
                rules="fr-csa-2011",
            )
            item.file.save(name, File(handle), save=True)
        run_check(item, with_media=with_media)
    web = Deliverable.objects.filter(production=production, channel=WEB_CHANNEL).first()
    if web is not None:
        RgaaAnswer.objects.get_or_create(
            production=production,
            deliverable=web,
            criterion="4.7",
            defaults={"status": RgaaStatus.MET, "note": "Titre du film au-dessus du lecteur."},
        )
