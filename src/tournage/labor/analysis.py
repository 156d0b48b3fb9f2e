"""Critical analysis of an existing contract: mentions present or missing, pay vs minimum.

Text comes from DOCX (python-docx), PDF with a text layer (pdfplumber) or plain text.
Any unreadable input raises ``LaborError`` with a French message, never a traceback.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from tournage.common.findings import Finding, Severity
from tournage.labor.agreements import BASES, JobFunction, functions, normalise
from tournage.labor.contracts import check_pay_amount
from tournage.labor.errors import LaborError
from tournage.labor.findings import labor_finding
from tournage.labor.tables import CDDU_MENTIONS, MENTION_PATTERNS

MAX_BYTES = 10 * 1024 * 1024
MAX_CHARS = 400_000
MONTHS = (
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
)


@dataclass
class Analysis:
    mentions: list[dict[str, Any]]
    extracted: dict[str, Any]
    findings: list[Finding] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "mentions": self.mentions,
            "extracted": self.extracted,
            "findings": [f.to_dict() for f in self.findings],
        }


def extract_text(content: bytes, filename: str = "") -> str:
    """Text of a DOCX, PDF or UTF-8 text file."""
    if not content:
        raise LaborError("labor.file_empty", "Le fichier est vide.")
    if len(content) > MAX_BYTES:
        raise LaborError(
            "labor.file_too_large",
            f"Fichier trop volumineux (limite {MAX_BYTES // 1024 // 1024} Mo).",
        )
    if content.startswith(b"%PDF"):
        return _pdf_text(content)
    if content.startswith(b"PK"):
        return _docx_text(content)
    if filename.lower().endswith((".pdf", ".docx")):
        raise LaborError(
            "labor.file_type", "Le fichier ne correspond pas à son extension (PDF ou DOCX attendu)."
        )
    try:
        return content.decode("utf-8")[:MAX_CHARS]
    except UnicodeDecodeError as error:
        raise LaborError(
            "labor.file_format", "Format non reconnu : fournissez un DOCX, un PDF texte ou un .txt."
        ) from error


def _docx_text(content: bytes) -> str:
    from docx import Document

    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            if sum(i.file_size for i in archive.infolist()) > 20 * MAX_BYTES:
                raise LaborError(
                    "labor.docx_too_large",
                    "Document DOCX anormalement volumineux une fois décompressé.",
                )
        document = Document(io.BytesIO(content))
    except LaborError:
        raise
    except Exception as error:  # python-docx raises many types on corrupt files
        raise LaborError("labor.docx_unreadable", "Document DOCX illisible ou corrompu.") from error
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)[:MAX_CHARS]


def _pdf_text(content: bytes) -> str:
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(content)) as pdf:
            pages = [page.extract_text() or "" for page in pdf.pages[:50]]
    except Exception as error:  # pdfminer raises many types on corrupt files
        raise LaborError("labor.pdf_unreadable", "PDF illisible ou corrompu.") from error
    text = "\n".join(pages)
    if not text.strip():
        raise LaborError(
            "labor.pdf_no_text",
            "Ce PDF n'a pas de couche texte (document scanné ?) : impossible de l'analyser.",
        )
    return text[:MAX_CHARS]


def mentions_found(text: str) -> list[dict[str, Any]]:
    """Each mandatory mention with ``present`` true or false."""
    plain = normalise(text)
    patterns = MENTION_PATTERNS.load().patterns
    mentions = CDDU_MENTIONS.load().mandatory_mentions
    return [
        {
            "id": m.id,
            "label": m.label,
            "present": any(re.search(p, plain) for p in patterns[m.id]),
        }
        for m in mentions
    ]


def _amount(text: str) -> Decimal | None:
    match = re.search(r"(\d{1,3}(?:[ .]\d{3})*|\d+)(?:,(\d{2}))?\s*eur\b", text)
    if not match:
        return None
    whole = re.sub(r"[ .]", "", match.group(1))
    try:
        return Decimal(f"{whole}.{match.group(2) or '00'}")
    except InvalidOperation:
        return None


def _dates(plain: str) -> list[date]:
    found: list[tuple[int, date]] = []
    for m in re.finditer(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", plain):
        found += _safe_date(m.start(), int(m.group(3)), int(m.group(2)), int(m.group(1)))
    months = "|".join(MONTHS)
    for m in re.finditer(rf"\b(\d{{1,2}})(?:er)? ({months}) (\d{{4}})\b", plain):
        found += _safe_date(
            m.start(), int(m.group(3)), MONTHS.index(m.group(2)) + 1, int(m.group(1))
        )
    return [d for _, d in sorted(found)]


def _safe_date(position: int, year: int, month: int, day: int) -> list[tuple[int, date]]:
    try:
        return [(position, date(year, month, day))]
    except ValueError:
        return []


def _agreement(plain: str) -> int | None:
    if "3097" in plain or "production cinematographique" in plain:
        return 3097
    if "2642" in plain or "production audiovisuelle" in plain:
        return 2642
    return None


def _function(plain: str, idcc: int) -> JobFunction | None:
    """The agreement's function whose full label appears, the longest first."""
    for job in sorted(functions(idcc), key=lambda j: -len(j.label)):
        if re.search(rf"(?<![a-z]){re.escape(normalise(job.label))}(?![a-z])", plain):
            return job
    return None


def _basis(plain: str) -> str | None:
    if re.search(r"par cachet|cachet de", plain):
        return "cachet"
    hours = "8h" if re.search(r"\b8 ?h(eures)? par jour", plain) else "7h"
    if re.search(r"par (jour|journee)", plain):
        return f"daily_{hours}"
    if re.search(r"par semaine", plain):
        return "weekly_39h" if re.search(r"\b39 ?h", plain) else "weekly_35h"
    return None


def extract_fields(text: str) -> dict[str, Any]:
    plain = normalise(text.replace("€", " eur "))
    pay_at = re.search(r"remuneration|salaire brut|cachet", plain)
    idcc = _agreement(plain)
    job = _function(plain, idcc) if idcc else None
    dates = _dates(plain)
    return {
        "idcc": idcc,
        "function": job.label if job else None,
        "pay_amount": _amount(plain[pay_at.start() :]) if pay_at else None,
        "pay_basis": _basis(plain),
        "start": dates[0] if dates else None,
        "end": dates[1] if len(dates) > 1 else None,
    }


def analyse_text(text: str) -> Analysis:
    """Mentions, extracted fields and findings for a contract's text."""
    mentions = mentions_found(text)
    extracted = extract_fields(text)
    sources = {m.id: m for m in CDDU_MENTIONS.load().mandatory_mentions}
    findings = [
        labor_finding(
            "LAB-MENTION-MISSING",
            Severity.FAIL,
            f"Mention obligatoire absente : {m['label']}.",
            rule=f"mention « {m['id']} »",
            source=f"{', '.join(sources[m['id']].basis)} — {sources[m['id']].source}",
            uncertain=sources[m["id"]].uncertain,
        )
        for m in mentions
        if not m["present"]
    ]
    if (
        extracted["idcc"]
        and extracted["function"]
        and extracted["pay_amount"] is not None
        and extracted["pay_basis"] in BASES
    ):
        findings += check_pay_amount(
            extracted["idcc"],
            extracted["function"],
            extracted["pay_amount"],
            extracted["pay_basis"],
            None,
        )
    else:
        findings.append(
            labor_finding(
                "LAB-PAY-NOT-EXTRACTED",
                Severity.INFO,
                "Convention, fonction, montant ou base de rémunération non reconnus : comparaison "
                "au minimum conventionnel impossible.",
                rule="salaire minimum conventionnel",
                source="",
            )
        )
    return Analysis(mentions, extracted, findings)


def analyse_file(content: bytes, filename: str = "") -> Analysis:
    return analyse_text(extract_text(content, filename))
