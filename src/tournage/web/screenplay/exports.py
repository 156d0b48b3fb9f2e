"""Element lists (XLSX, PDF) and printable breakdown sheets (PDF) of a script version."""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Mapping

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import StyleSheet1, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from tournage.common import pdf
from tournage.common.exports import append_row
from tournage.screenplay.breakdown import categories
from tournage.screenplay.model import format_eighths
from tournage.screenplay.rules import Category

from .models import BreakdownTag, Scene, ScriptVersion, TagStatus


def element_lists(version: ScriptVersion) -> dict[str, dict[str, list[str]]]:
    """Category → element → scene keys, without rejected tags, in category order."""
    found: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    tags = BreakdownTag.objects.filter(scene__version=version, scene__omitted=False).exclude(
        status=TagStatus.REJECTED
    )
    for tag in tags.select_related("scene").order_by("scene__index", "name"):
        scenes = found[tag.category][tag.name]
        if tag.scene.key not in scenes:
            scenes.append(tag.scene.key)
    return {key: dict(sorted(found[key].items())) for key in categories() if key in found}


def elements_xlsx(version: ScriptVersion) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Elements")[:31]
    append_row(sheet, [_("Category"), _("Element"), _("Scenes")])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    labels = categories()
    for key, elements in element_lists(version).items():
        fill = PatternFill("solid", fgColor=labels[key].colour.lstrip("#"))
        for name, scenes in elements.items():
            append_row(sheet, [labels[key].label_fr, name, ", ".join(scenes)])
            sheet.cell(sheet.max_row, 1).fill = fill
    for column, width in zip("ABC", (28, 36, 40), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _document(title: str) -> tuple[io.BytesIO, SimpleDocTemplate]:
    buffer = io.BytesIO()
    margin = 1.5 * cm
    document = SimpleDocTemplate(
        buffer, pagesize=A4, title=title, leftMargin=margin, rightMargin=margin, topMargin=margin
    )
    return buffer, document


def _category_table(rows: list[list[str]], keys: list[str]) -> Table:
    table = pdf.table(rows, colWidths=[5 * cm, 12 * cm])
    style = [("GRID", (0, 0), (-1, -1), 0.3, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    for row, key in enumerate(keys):
        colour = colors.HexColor(categories()[key].colour)
        style.append(("BACKGROUND", (0, row), (0, row), colour))
        style.append(("TEXTCOLOR", (0, row), (0, row), colors.white))
    table.setStyle(TableStyle(style))
    return table


def elements_pdf(version: ScriptVersion) -> bytes:
    styles = getSampleStyleSheet()
    buffer, document = _document(_("Breakdown elements"))
    story = [pdf.text(f"{version} — {_('Breakdown elements')}", styles["Title"])]
    labels = categories()
    lists = element_lists(version)
    rows = [
        [
            labels[key].label_fr,
            pdf.text(", ".join(f"{n} ({', '.join(s)})" for n, s in elements.items())),
        ]
        for key, elements in lists.items()
    ]
    if rows:
        story.append(_category_table(rows, list(lists)))
    document.build(story)
    return buffer.getvalue()


def sheets_pdf(version: ScriptVersion) -> bytes:
    """One breakdown sheet per scene (dépouillement), in script order."""
    styles = getSampleStyleSheet()
    buffer, document = _document(_("Breakdown sheets"))
    story: list[object] = []
    labels = categories()
    scenes = version.scenes.filter(omitted=False).prefetch_related("tags")
    for scene in scenes:
        story.extend(_sheet(scene, styles, labels))
        story.append(PageBreak())
    if not story:
        story.append(Paragraph(_("No scenes."), styles["Normal"]))
    document.build(story)
    return buffer.getvalue()


def _sheet(scene: Scene, sample: StyleSheet1, labels: Mapping[str, Category]) -> list[object]:
    effet = " / ".join(filter(None, [scene.int_ext, scene.time]))
    header = [
        pdf.text(f"{_('Scene')} {scene.key} — {scene.heading}", sample["Heading2"]),
        pdf.text(
            f"{_('Set')}: {scene.set_name} · {_('Effet')}: {effet} · {_('Pages')}: "
            f"{format_eighths(scene.eighths)} · {_('Page')} {scene.page_start}",
            sample["Normal"],
        ),
    ]
    if scene.synopsis:
        header.append(pdf.text(scene.synopsis, sample["Italic"]))
    grouped: dict[str, list[str]] = defaultdict(list)
    for tag in scene.tags.all():
        if tag.status != TagStatus.REJECTED and tag.name not in grouped[tag.category]:
            grouped[tag.category].append(tag.name)
    keys = [key for key in labels if key in grouped]
    rows = [[labels[key].label_fr, pdf.text(", ".join(grouped[key]))] for key in keys]
    risks = ", ".join(risk["code"] for risk in scene.risks)
    story: list[object] = [*header, Spacer(1, 0.3 * cm)]
    if rows:
        story.append(_category_table(rows, keys))
    if risks:
        story.append(pdf.text(f"{_('Risks')}: {risks}", sample["Normal"]))
    return story
