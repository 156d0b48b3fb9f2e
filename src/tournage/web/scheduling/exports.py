"""Exports of a schedule: stripboard CSV and PDF, DOOD XLSX, one ICS calendar per person."""

from __future__ import annotations

import io
from datetime import datetime, timedelta

from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import PatternFill
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import SimpleDocTemplate, TableStyle

from tournage.common import pdf
from tournage.common.exports import SafeCsvWriter, append_row
from tournage.scheduling.dood import day_out_of_days
from tournage.scheduling.evaluate import evaluate
from tournage.scheduling.stripboard import strip_colour

from .models import Schedule
from .services import assignment_of, problem_of

DOOD_FILLS = {
    "SW": "C8E6C9",
    "SWF": "C8E6C9",
    "PW": "C8E6C9",
    "W": "E8F5E9",
    "WF": "FFCDD2",
    "WD": "FFE0B2",
    "H": "FFF9C4",
}


def strip_rows(schedule: Schedule) -> list[list[str]]:
    problem = problem_of(schedule)
    rows = []
    for number, day in enumerate(evaluate(problem, assignment_of(schedule)).days, start=1):
        for scene in day.scenes:
            rows.append(
                [
                    f"J{number}",
                    day.day.isoformat(),
                    day.call.strftime("%H:%M"),
                    scene.id,
                    scene.effect,
                    problem.location(scene.location).name,
                    str(scene.eighths),
                    ", ".join(scene.cast),
                    scene.label,
                ]
            )
    return rows


def stripboard_csv(schedule: Schedule) -> str:
    out = io.StringIO()
    writer = SafeCsvWriter(out)
    writer.writerow(
        [
            _("Day"),
            _("Date"),
            _("Call"),
            _("Scene"),
            _("Effet"),
            _("Set"),
            _("Eighths"),
            _("Cast"),
            _("Heading"),
        ]
    )
    writer.writerows(strip_rows(schedule))
    return out.getvalue()


def dood_xlsx(schedule: Schedule) -> bytes:
    days, rows = day_out_of_days(problem_of(schedule), assignment_of(schedule))
    book = Workbook()
    sheet = book.active
    sheet.title = _("Day out of days")
    append_row(
        sheet, [_("Element"), _("Kind"), *[d.isoformat() for d in days], _("Work"), _("Hold")]
    )
    for row in rows:
        append_row(sheet, [row.name, row.kind, *row.codes, row.work_days, row.hold_days])
        for column, code in enumerate(row.codes, start=3):
            if code in DOOD_FILLS:
                sheet.cell(sheet.max_row, column).fill = PatternFill(
                    "solid", fgColor=DOOD_FILLS[code]
                )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _ics_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def person_ics(schedule: Schedule, cast_id: str) -> str:
    """The work days of one cast member as an iCalendar file (RFC 5545)."""
    problem = problem_of(schedule)
    evaluation = evaluate(problem, assignment_of(schedule))
    stamp = datetime.now().strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//tournage//plan de travail//FR"]
    for day in evaluation.days:
        scenes = [s for s in day.scenes if cast_id in s.cast]
        if not scenes:
            continue
        start = datetime.combine(day.day, day.call)
        end = start + timedelta(minutes=max(day.minutes, 60))
        lines += [
            "BEGIN:VEVENT",
            f"UID:tournage-{schedule.pk}-{day.day.isoformat()}-{slugify(cast_id)}@tournage",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{start.strftime('%Y%m%dT%H%M%S')}",
            f"DTEND:{end.strftime('%Y%m%dT%H%M%S')}",
            "SUMMARY:"
            + _ics_text(f"{schedule.production.title} — " + ", ".join(s.id for s in scenes)),
            "LOCATION:" + _ics_text(problem.location(scenes[0].location).name),
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"


def stripboard_pdf(schedule: Schedule) -> bytes:
    """A printable landscape stripboard: one coloured row per strip, a bar per day."""
    problem = problem_of(schedule)
    buffer = io.BytesIO()
    styles = getSampleStyleSheet()
    header = [_("Day"), _("Scene"), _("Effet"), _("Set"), _("Eighths"), _("Cast")]
    data: list[list[str]] = [header]
    style = [
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
    ]
    end_of_day = _("End of day")
    for number, day in enumerate(evaluate(problem, assignment_of(schedule)).days, start=1):
        for scene in day.scenes:
            data.append(
                [
                    f"J{number} {day.day.isoformat()}",
                    scene.id,
                    scene.effect,
                    problem.location(scene.location).name[:40],
                    str(scene.eighths),
                    ", ".join(scene.cast)[:60],
                ]
            )
            style.append(
                (
                    "BACKGROUND",
                    (0, len(data) - 1),
                    (-1, len(data) - 1),
                    colors.HexColor(strip_colour(scene)),
                )
            )
        data.append([f"{end_of_day} J{number}", "", "", "", str(day.eighths), ""])
        style.append(("BACKGROUND", (0, len(data) - 1), (-1, len(data) - 1), colors.black))
        style.append(("TEXTCOLOR", (0, len(data) - 1), (-1, len(data) - 1), colors.white))
    document = SimpleDocTemplate(buffer, pagesize=landscape(A4), title=str(schedule))
    table = pdf.table(data, repeatRows=1)
    table.setStyle(TableStyle(style))
    document.build([pdf.text(f"{schedule.production.title} — {schedule}", styles["Title"]), table])
    return buffer.getvalue()
