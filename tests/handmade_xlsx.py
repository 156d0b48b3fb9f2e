"""XLSX files written by hand (zip + XML parts), fast enough for fuzzing and able to say
what openpyxl would never write: lying dimensions, huge shared strings, broken parts."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

PACKAGE = "http://schemas.openxmlformats.org/package/2006"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SPREADSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _content_types(count: int) -> str:
    sheets = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
        f'ContentType="{SPREADSHEET}.worksheet+xml"/>'
        for i in range(1, count + 1)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{PACKAGE}/content-types">'
        f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{SPREADSHEET}.sheet.main+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" '
        f'ContentType="{SPREADSHEET}.sharedStrings+xml"/>{sheets}</Types>'
    )


def _relationships(targets: dict[str, tuple[str, str]]) -> str:
    items = "".join(
        f'<Relationship Id="{rid}" Type="{OFFICE}/{kind}" Target="{target}"/>'
        for rid, (kind, target) in targets.items()
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>'
        f'<Relationships xmlns="{PACKAGE}/relationships">{items}</Relationships>'
    )


def workbook_xml(names: Sequence[str]) -> str:
    sheets = "".join(
        f'<sheet name="{escape(name, {chr(34): "&quot;"})}" sheetId="{i}" r:id="rId{i}"/>'
        for i, name in enumerate(names, start=1)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" '
        f'xmlns:r="{OFFICE}"><sheets>{sheets}</sheets></workbook>'
    )


def shared_strings_xml(strings: Sequence[str]) -> str:
    items = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
    return f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}">{items}</sst>'


def column(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def cell_xml(row: int, col: int, value: Any) -> str:
    ref = f"{column(col)}{row}"
    if value is None:
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value}</v></c>'
    text = str(value)
    if text.startswith("="):
        return f'<c r="{ref}"><f>{escape(text[1:])}</f></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'


def sheet_xml(rows: Sequence[Sequence[Any]], dimension: str | None = None) -> str:
    body = "".join(
        f'<row r="{r}">' + "".join(cell_xml(r, c, v) for c, v in enumerate(row)) + "</row>"
        for r, row in enumerate(rows, start=1)
    )
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">{dim}'
        f"<sheetData>{body}</sheetData></worksheet>"
    )


def xlsx(
    sheet: str,
    *,
    shared: str | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """A one-sheet workbook from the XML of its sheet (and of its shared strings)."""
    return workbook({"Feuille1": sheet}, shared=shared, compression=compression)


def workbook(
    sheets: dict[str, str],
    *,
    shared: str | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """A workbook of named sheets, each given as the XML of its part."""
    targets = {
        f"rId{i}": ("worksheet", f"worksheets/sheet{i}.xml") for i in range(1, len(sheets) + 1)
    }
    targets[f"rId{len(sheets) + 1}"] = ("sharedStrings", "sharedStrings.xml")
    parts = {
        "[Content_Types].xml": _content_types(len(sheets)),
        "_rels/.rels": _relationships({"rId1": ("officeDocument", "xl/workbook.xml")}),
        "xl/workbook.xml": workbook_xml(list(sheets)),
        "xl/_rels/workbook.xml.rels": _relationships(targets),
        "xl/sharedStrings.xml": shared or shared_strings_xml([]),
    }
    for i, xml in enumerate(sheets.values(), start=1):
        parts[f"xl/worksheets/sheet{i}.xml"] = xml
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def rows_xlsx(rows: Sequence[Sequence[Any]], dimension: str | None = None) -> bytes:
    return xlsx(sheet_xml(rows, dimension))
