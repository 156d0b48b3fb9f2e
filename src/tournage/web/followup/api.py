"""What other apps and the CLI may call in the shoot follow-up app."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path
from typing import Any

from tournage.followup.backups import card_files, check_distinct, new_hash
from tournage.followup.errors import FollowupError
from tournage.followup.takes import read_takes
from tournage.web.productions.models import Production
from tournage.web.safety.api import incidents_on

from . import services
from .forms import DailyReportForm
from .models import DailyReport, PostVersion
from .offload import create, execute

__all__ = [
    "call_sheet",
    "call_sheet_pdf",
    "daily_report",
    "import_takes",
    "offload_card",
    "progress",
    "record_post_version",
]


def _production(production_id: int) -> Production:
    production = Production.objects.filter(pk=production_id).first()
    if production is None:
        raise FollowupError("followup.production", f"Production {production_id} introuvable.")
    return production


def call_sheet(production_id: int, day: date) -> dict[str, Any]:
    """The call sheet of ``day`` as it would be issued now (next version number)."""
    return services.build_sheet(_production(production_id), day).to_dict()


def call_sheet_pdf(production_id: int, day: date) -> bytes:
    """The issued call sheet of ``day`` as PDF (the draft when not issued yet)."""
    return services.sheet_pdf(_production(production_id), day)


def progress(production_id: int) -> dict[str, Any]:
    return services.production_progress(_production(production_id)).to_dict()


def daily_report(production_id: int, day: date) -> dict[str, Any]:
    production = _production(production_id)
    report = DailyReport.objects.filter(production=production, date=day).first()
    if report is None:
        raise FollowupError("report.absent", f"Aucun rapport de production le {day:%d/%m/%Y}.")
    plan = services.require_plan(production)
    fields = [name for name in DailyReportForm.Meta.fields if name not in ("notes", "media_used")]
    return {
        "date": day,
        **{name: _plain(getattr(report, name)) for name in fields},
        "scenes_planned": [s.id for s in plan.scenes_on(day)],
        "scenes": [
            {"scene": s.scene, "eighths": s.eighths, "complete": s.complete}
            for s in report.scenes.all()
        ],
        "incidents": incidents_on(production, day),  # the safety file's register
        "departments": [
            {"department": d.department, "call": _plain(d.call), "wrap": _plain(d.wrap)}
            for d in report.departments.all()
        ],
    }


def _plain(value: Any) -> Any:
    """Times as ``HH:MM`` (JSON has no time type); other values as they are."""
    return value.strftime("%H:%M") if isinstance(value, time) else value


def import_takes(production_id: int, content: bytes, filename: str) -> dict[str, Any]:
    """Read a log (ALE, Resolve CSV, EDL, OTIO) and store its takes; a bad file stores nothing."""
    production = _production(production_id)
    log = read_takes(content, filename)
    services.store_takes(production, log.takes, filename)
    summary = log.summary()
    summary["findings"] = [
        {"code": "takes.warning", "severity": "warn", "message": w} for w in log.warnings
    ]
    return summary


def record_post_version(
    production: Production,
    kind: str,
    number: int,
    approved_by: str = "",
    approved_on: date | None = None,
    for_pad: bool = False,
) -> None:
    """A version of the edit, grade or mix in the post versions log, as the page records it;
    a version already logged is left as it is (demo steps run again)."""
    PostVersion.objects.get_or_create(
        production=production,
        kind=kind,
        number=number,
        defaults={"approved_by": approved_by, "approved_on": approved_on, "for_pad": for_pad},
    )


def offload_card(
    production_id: int,
    label: str,
    source: Path,
    copies: list[Path],
    algorithm: str,
    shot_on: date | None = None,
) -> dict[str, Any]:
    """Hash a card folder and its copies now (the command line waits; the web page runs
    the same in the background) and record the card and each copy's verification."""
    production = _production(production_id)
    if not copies:
        raise FollowupError("backup.copies", "Indiquez au moins un dossier de copie.")
    check_distinct([source, *copies])
    new_hash(algorithm)
    for folder in (source, *copies):
        card_files(folder)  # a missing folder is refused before anything is stored
    item = execute(
        create(
            production, label, source.resolve(), [c.resolve() for c in copies], algorithm, shot_on
        )
    )
    if item.error:
        raise FollowupError("backup.offload", item.error)
    assert item.result is not None  # a finished offload has its result
    return {
        "card": label,
        "algorithm": algorithm,
        "checksum": item.result["checksum"],
        "files": len(item.result["files"]),
        "copies": item.result["copies"],
    }
