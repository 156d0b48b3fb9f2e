"""Demo step (idempotent): the shoot is three days in. Call sheets are issued for every
day of the accepted schedule, the three first days are reported (the second one ends a
scene short), the camera reports of those days arrive as an ALE and the assembly of day 1
as an EDL, each card is backed up (one copy of the last card still unverified), the second camera's
first card is offloaded through tournage itself (small generated clips in the data folder,
hashed by the same code as the offload page) and the project plan shows preparation
finished two days late."""

from __future__ import annotations

import hashlib
import logging
import shutil
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from tournage.followup.tables import FOLLOWUP
from tournage.followup.takes import Take as CoreTake
from tournage.followup.takes import export_ale, read_takes
from tournage.web.labor.api import schedule_calls

from . import offload, services
from .models import (
    BackupCopy,
    CallSheet,
    DailyReport,
    DepartmentTime,
    DroppedScene,
    MediaCard,
    Milestone,
    Offload,
    PersonTime,
    PostKind,
    PostVersion,
    ReportedScene,
    Take,
)

log = logging.getLogger(__name__)
DAYS_REPORTED = 3
HOSPITAL = "Centre hospitalier d'Albi, service des urgences"
SAFETY = "Gilets haute visibilité pour toute intervention en bord de route."
ISSUED_AT = time(19, 0)  # sent the evening before
DEPARTMENTS = (("Régie", 120), ("HMC", 90), ("Image", 30))  # minutes before the unit call
OVERTIME = timedelta(minutes=30)  # the day that ends a scene short also wraps late


def load_demo_followup(production: Any) -> None:
    plan = services.current_plan(production)
    if plan is None:
        log.warning("No accepted schedule: the demo follow-up is empty.")
        return
    shot = plan.days[:DAYS_REPORTED]
    with transaction.atomic():
        _reports(production, plan, shot)
        _call_sheets(production, plan)
        _takes(production, plan, shot)
        _backups(production, shot)
        _milestones(production, plan)
        PostVersion.objects.get_or_create(  # the assembly of day 1, not approved yet
            production=production, kind=PostKind.EDIT, number=1
        )
    _offload(production, shot[0])


def _contacts(production: Any) -> str:
    crew = production.people.filter(kind="crew").exclude(phone="").order_by("pk")[:3]
    return "\n".join(f"{p.functions} : {p} {p.phone}" for p in crew)


def _call_sheets(production: Any, plan: services.Plan) -> None:
    contacts = _contacts(production)
    for day in plan.days:
        sheet, _ = CallSheet.objects.get_or_create(
            production=production,
            date=day,
            defaults={
                "weather": "Ensoleillé, 18 °C (prévision saisie la veille)",
                "hospital": HOSPITAL,
                "safety_notes": SAFETY,
                "contacts": contacts,
                "elements_confirmed": sorted({e for s in plan.scenes_on(day) for e in s.elements}),
            },
        )
        if sheet.issued_at is None:
            built = services.build_sheet(production, day, version=1)
            sheet.version, sheet.content = 1, built.to_dict()
            sheet.issued_at = timezone.make_aware(
                datetime.combine(day - timedelta(days=1), ISSUED_AT)
            )
            sheet.save()


def _reports(production: Any, plan: services.Plan, shot: list[date]) -> None:
    calls = schedule_calls(production)
    for number, day in enumerate(shot, start=1):
        if DailyReport.objects.filter(production=production, date=day).exists():
            continue
        scenes = plan.scenes_on(day)
        behind = number == 2 and len(scenes) > 1  # day 2 ends a scene short
        planned = max(
            end for rows in calls.values() for begin, end, _ in rows if begin.date() == day
        )
        wrap = (timezone.localtime(planned) + (OVERTIME if behind else timedelta(0))).time()
        report = DailyReport.objects.create(
            production=production,
            date=day,
            call=plan.calls[day],
            wrap=wrap,
            setups=6 * len(scenes),
            takes=14 * len(scenes),
            media_used="2 cartes CFexpress 1 To, 1 carte son",
            overtime_minutes=OVERTIME.seconds // 60 if behind else 0,
            transport_km=312 + 40 * number,
            energy_kwh=85,
            meals=38,
            meal_minutes=60,
            waste_kg=21,
            signed_off_by="Scripte",
            notes="Pluie fine en fin de journée : une scène reportée." if behind else "",
        )
        done = scenes[:-1] if behind else scenes
        ReportedScene.objects.bulk_create(
            ReportedScene(report=report, scene=s.id, eighths=s.eighths) for s in done
        )
        if behind:
            DroppedScene.objects.get_or_create(
                production=production,
                scene=scenes[-1].id,
                defaults={
                    "reason": "Non tournée le jour 2, puis coupée : fondue dans la suivante."
                },
            )
        DepartmentTime.objects.bulk_create(
            DepartmentTime(
                report=report,
                department=name,
                call=_shift(day, plan.calls[day], -timedelta(minutes=before)),
                wrap=wrap,
            )
            for name, before in DEPARTMENTS
        )
        present = [pid for pid, rows in calls.items() if any(a.date() == day for a, _, _ in rows)]
        report.people_present.set(present)
        _early_crew(report, present, plan.calls[day])
        services.feed(report)  # timesheets, carbon actuals and cost, as a saved report does


def _early_crew(report: DailyReport, present: list[int], call: time) -> None:
    """The first crew member present opens the set with the régie, before the unit call."""
    crew = report.production.people.filter(pk__in=present, kind="crew").order_by("pk").first()
    if crew is not None:
        before = dict(DEPARTMENTS)["Régie"]
        early = _shift(report.date, call, -timedelta(minutes=before))
        PersonTime.objects.create(report=report, person=crew, call=early, meal_minutes=45)


def _shift(day: date, moment: time, delta: timedelta) -> time:
    return (datetime.combine(day, moment) + delta).time()


def _takes(production: Any, plan: services.Plan, shot: list[date]) -> None:
    """Camera reports as an ALE (take 2 of shot 1 circled), then the assembly of the first
    day as an EDL whose clips name their takes; both go through the importers."""
    if Take.objects.filter(production=production).exists():
        return
    reported = {
        r.scene: r.report.date for r in ReportedScene.objects.filter(report__production=production)
    }
    rows = [
        CoreTake(
            scene=scene,
            shot=str(shot_no),
            take=str(take),
            camera_roll=_card(shot.index(day) + 1),
            clip_name=f"{_card(shot.index(day) + 1)}C{shot_no}{take:02d}",
            tc_in=f"1{shot.index(day)}:{shot_no:02d}:{take * 10:02d}:00",
            tc_out=f"1{shot.index(day)}:{shot_no:02d}:{take * 10 + 8:02d}:00",
            sound_roll=f"S{shot.index(day) + 1:03d}",
            selected=shot_no == 1 and take == 2,
        )
        for scene, day in reported.items()
        for shot_no in (1, 2)
        for take in (1, 2, 3)
    ]
    ale = read_takes(export_ale(rows), "rapports_camera.ale")
    edl = read_takes(_edl(production, plan, shot[0], reported), "assemblage_j1.edl")
    for log_ in (ale, edl):
        services.store_takes(production, log_.takes, log_.format)


def _card(number: int) -> str:
    return f"A{number:03d}"


def _edl(production: Any, plan: services.Plan, day: date, reported: dict[str, date]) -> bytes:
    """CMX 3600: shot 2 take 3 of each scene of the first day, cut end to end."""
    lines = [f"TITLE: {production.title.upper()} ASSEMBLAGE J1", "FCM: NON-DROP FRAME", ""]
    record = 3600 * 25  # 01:00:00:00 at 25 fps
    scenes = [s.id for s in plan.scenes_on(day) if reported.get(s.id) == day]
    for number, scene in enumerate(scenes, start=1):
        source_in, length = (10 * 3600 + 2 * 60 + 30) * 25, 8 * 25
        lines.append(
            f"{number:03d}  {_card(1):<8} V     C        {_tc(source_in)} "
            f"{_tc(source_in + length)} {_tc(record)} {_tc(record + length)}"
        )
        lines.append(f"* FROM CLIP NAME: {scene}-2-3")
        record += length
    return ("\n".join(lines) + "\n").encode("ascii", "replace")


def _tc(frames: int) -> str:
    seconds, frame = divmod(frames, 25)
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}:{frame:02d}"


def _backups(production: Any, shot: list[date]) -> None:
    algorithm = FOLLOWUP.load().backups.algorithms[0]
    for number, day in enumerate(shot, start=1):
        for label in (_card(number), f"S{number:03d}"):
            checksum = hashlib.new(algorithm, f"{production.pk}-{label}".encode()).hexdigest()
            card, created = MediaCard.objects.get_or_create(
                production=production,
                label=label,
                defaults={"shot_on": day, "checksum": checksum, "algorithm": algorithm},
            )
            if not created:
                continue
            last = number == len(shot) and label.startswith("A")
            BackupCopy.objects.bulk_create(
                [
                    BackupCopy(
                        card=card,
                        destination="SSD navette 1",
                        checksum=checksum,
                        verified=True,
                        verified_on=day,
                    ),
                    BackupCopy(
                        card=card,
                        destination="NAS production",
                        checksum=checksum,
                        verified=not last,
                        verified_on=None if last else day,
                    ),
                ]
            )


def _offload(production: Any, day: date) -> None:
    """Camera B's first card and its two copies written to the data folder, then hashed."""
    label = "B001"
    if Offload.objects.filter(production=production, label=label).exists():
        return
    root = Path(settings.DATA_DIR) / "rushes" / f"demo-{production.pk}"
    card = root / "cartes" / label
    card.mkdir(parents=True, exist_ok=True)
    for clip in (1, 2):
        seed = hashlib.sha256(f"{label}C{clip:03d}".encode()).digest()
        (card / f"{label}C{clip:03d}.mov").write_bytes(seed * 4096)  # 128 KiB each
    copies = [root / name / label for name in ("SSD navette 1", "NAS production")]
    for copy in copies:
        shutil.copytree(card, copy, dirs_exist_ok=True)
    algorithm = FOLLOWUP.load().backups.algorithms[0]
    offload.execute(offload.create(production, label, card, copies, algorithm, shot_on=day))


def _milestones(production: Any, plan: services.Plan) -> None:
    """The data's phases around the schedule; preparation ended two days late."""
    services.default_milestones(production)
    start = plan.days[0]
    Milestone.objects.filter(production=production, key="prep", actual_end=None).update(
        planned_end=start - timedelta(days=3),  # two days of margin were planned...
        actual_start=F("planned_start"),
        actual_end=start - timedelta(days=1),  # ...and used up
    )
    Milestone.objects.filter(production=production, key="shoot").update(actual_start=start)
