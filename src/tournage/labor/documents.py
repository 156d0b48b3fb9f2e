"""Generate a CDDU contract as DOCX (python-docx) or PDF (reportlab) from the data template."""

from __future__ import annotations

import io
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from docx import Document
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from tournage.common.formatting import format_exact, format_money
from tournage.labor.agreements import BASES, agreement_label
from tournage.labor.contracts import Contract, applicable_minimum, is_author
from tournage.labor.tables import CDDU_TEMPLATE


def _values(contract: Contract, today: date) -> dict[str, str]:
    job = contract.job
    minimum = applicable_minimum(job, contract.pay_basis, contract.genre)
    employer = contract.employer
    share = contract.author_share_percent
    days = ", ".join(f"{d:%d/%m/%Y}" for d in contract.working_days) or "selon le plan de travail"
    rights = "; ".join(
        f"{mode} : {format_money(amount)}" for mode, amount in contract.rights_remuneration.items()
    )
    trial = (
        f"Le contrat comporte une période d'essai de {contract.trial_days} jour(s) travaillé(s)."
        if contract.trial_days
        else "Le contrat ne comporte pas de période d'essai."
    )
    return {
        "employer_name": employer.name,
        "employer_address": employer.address or "adresse à compléter",
        "employer_siret": employer.siret or "à compléter",
        "employee": contract.employee,
        "employee_address": contract.employee_address or "adresse à compléter",
        "programme": contract.programme,
        "numero_objet_text": f", numéro d'objet {contract.numero_objet}"
        if contract.numero_objet
        else "",
        "start": f"{contract.start:%d/%m/%Y}",
        "end": f"{contract.end:%d/%m/%Y}",
        "working_days": days,
        "function": job.label,
        "status": "cadre" if contract.cadre else "non-cadre",
        "workplace": contract.workplace,
        "reference_hours": contract.reference_hours,
        "pay_amount": format_money(contract.pay_amount),
        "pay_basis": BASES[contract.pay_basis],
        "minimum": f"{format_money(minimum.amount)} par {BASES[minimum.basis]} ({minimum.grid})"
        if minimum and minimum.amount is not None
        else "non connu à la date du contrat",
        "trial_text": trial,
        "agreement": agreement_label(contract.idcc),
        "internal_rules": employer.internal_rules,
        "conges_spectacles_number": contract.conges_spectacles_number or "à communiquer",
        "pension_body": employer.pension_body,
        "dpae_place": employer.dpae_place,
        "unemployment_annex": "10" if job.category == "artist" else "8",
        "credit": contract.credit,
        "rights": rights,
        "minor_authorisation": contract.minor_authorisation or "en attente",
        "author_share": format_exact(share) if share else "à définir",
        "place": contract.workplace,
        "today": f"{today:%d/%m/%Y}",
    }


def contract_sections(contract: Contract, today: date | None = None) -> list[tuple[str, str]]:
    """(heading, paragraph) pairs of the contract, in order."""
    template = CDDU_TEMPLATE.load()
    values = _values(contract, today or date.today())
    articles = list(template.articles)
    if contract.job.category == "artist":
        articles.append(template.artist_article)
    if contract.minor_authorisation:
        articles.append(template.minor_article)
    if is_author(contract.job):
        articles.append(template.author_article)
    sections = [(a.heading, a.text.format_map(values).strip()) for a in articles]
    sections.append(("", template.signatures.format_map(values)))
    return sections


def contract_docx(contract: Contract, today: date | None = None) -> bytes:
    return sections_docx(CDDU_TEMPLATE.load().title, contract_sections(contract, today))


def contract_pdf(contract: Contract, today: date | None = None) -> bytes:
    return sections_pdf(CDDU_TEMPLATE.load().title, contract_sections(contract, today))


def sections_docx(title: str, sections: list[tuple[str, str]]) -> bytes:
    """A contract as DOCX: its title, then each (heading, paragraph); also author contracts."""
    document = Document()
    document.add_heading(title, level=1)
    for heading, text in sections:
        if heading:
            document.add_heading(heading, level=2)
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def sections_pdf(title: str, sections: list[tuple[str, str]]) -> bytes:
    """The same as PDF (user text escaped before reportlab's markup)."""
    styles = getSampleStyleSheet()
    story: list[Any] = [Paragraph(escape(title), styles["Title"])]
    for heading, text in sections:
        if heading:
            story.append(Paragraph(escape(heading), styles["Heading3"]))
        story += [Paragraph(escape(text), styles["BodyText"]), Spacer(1, 4)]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title=title).build(story)
    return buffer.getvalue()
