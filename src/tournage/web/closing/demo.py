"""Demo step: the register, the marketing set and the closing file of the demo production
(``demo_closing.yaml``). Idempotent: rows are keyed by their names; figures are frozen once.
"""

from __future__ import annotations

import hashlib
import io
from datetime import date, timedelta
from decimal import Decimal
from importlib.resources import files
from typing import Any

import yaml
from django.core.files.base import ContentFile
from django.utils import timezone
from reportlab.pdfgen import canvas

from tournage.web.carbon import api as carbon_api
from tournage.web.delivery import api as delivery_api
from tournage.web.followup import api as followup_api
from tournage.web.labor import api as labor_api
from tournage.web.productions.models import Production

from . import services
from .models import ClosingFile, ContractClosure, Destination, MarketingPiece, RegisterItem


def demo_data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(
        files(__package__).joinpath("demo_closing.yaml").read_text("utf-8")
    )
    return data


def demo_pdf(title: str) -> bytes:
    """A one-page PDF standing for a signed document of the demo."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 760, title)
    page.drawString(72, 740, "Document de démonstration (fictif) — tournage")
    page.save()
    return buffer.getvalue()


def load_demo_closing(production: Production) -> None:
    data = demo_data()
    for entry in data["carbon_actuals"]:
        carbon_api.record_activity(
            production,
            phase="actual",
            factor=entry["factor"],
            quantity=Decimal(entry["quantity"]),
            unit=entry["unit"],
            label=entry["label"],
        )
    for extra in data["extra_deliverables"]:
        _extra_deliverable(production, extra)
    for destination in data["destinations"]:
        _destination(production, destination)
    _post_versions(production, data["post_versions"])
    for piece in data["marketing"]:
        MarketingPiece.objects.get_or_create(
            production=production,
            kind=piece["kind"],
            language=piece.get("language", ""),
            defaults={k: v for k, v in piece.items() if k not in ("kind", "language")},
        )
    _closing_file(production, data["closing_file"])


def _post_versions(production: Production, versions: list[dict[str, Any]]) -> None:
    """The grade and mix versions in the post log, approved the days before the QC run of the
    PAD file delivered (the demo's runs are made the day it is built)."""
    checked = [pad.checked_on for pad in services.pad_files(production) if pad.checked_on]
    qc_day = min(checked, default=timezone.localdate())
    for raw in versions:
        followup_api.record_post_version(
            production,
            raw["kind"],
            raw["number"],
            approved_by=raw["approved_by"],
            approved_on=qc_day - timedelta(days=raw["days_before_qc"]),
            for_pad=raw.get("for_pad", False),
        )


def _extra_deliverable(production: Production, raw: dict[str, str]) -> None:
    deliverable, _created = delivery_api.Deliverable.objects.get_or_create(
        production=production,
        name=raw["name"],
        defaults={"profile": raw["profile"], "kind": raw["kind"]},
    )
    if not delivery_api.finished_runs(deliverable.pk):
        delivery_api.demo_run(deliverable)


def _deliverable(production: Production, entry: dict[str, Any]) -> Any:
    found = delivery_api.Deliverable.objects.filter(production=production)
    if entry.get("deliverable_channel"):
        return found.filter(channel=entry["deliverable_channel"]).first()
    if entry.get("deliverable_name"):
        return found.filter(name=entry["deliverable_name"]).first()
    return None


def _destination(production: Production, raw: dict[str, Any]) -> None:
    destination, _created = Destination.objects.get_or_create(
        production=production,
        name=raw["name"],
        defaults={"kind": raw["kind"], "contact": raw.get("contact", "")},
    )
    for entry in raw["items"]:
        if destination.items.filter(label=entry["label"]).exists():
            continue
        deliverable = _deliverable(production, entry)
        item = RegisterItem(
            destination=destination,
            kind=entry["kind"],
            label=entry["label"],
            due=entry.get("due"),
            delivered_on=entry.get("delivered"),
            deliverable=deliverable,
        )
        _delivered_file(item, entry)
        if entry.get("accepted"):
            _accept(item, entry["accepted"])
        item.save()


def _delivered_file(item: RegisterItem, entry: dict[str, Any]) -> None:
    """The checksum of the very file QC checked, or of a file re-exported after QC."""
    if item.deliverable is None or item.delivered_on is None:
        return
    runs = delivery_api.finished_runs(item.deliverable.pk)
    if entry.get("checked_file") and runs:
        item.file_sha256 = runs[0].sha256
    else:
        item.file_sha256 = hashlib.sha256(f"{item.label} ré-exporté".encode()).hexdigest()
    item.file_name = f"{item.label}.mxf"


def _accept(item: RegisterItem, day: date) -> None:
    item.accepted_on = day
    runs = delivery_api.finished_runs(item.deliverable.pk) if item.deliverable else []
    item.acceptance_duration_s = runs[0].duration_s if runs else None
    item.acceptance_file.save(
        "attestation-acceptation.pdf",
        ContentFile(demo_pdf(f"Attestation d'acceptation — {item.label}")),
        save=False,
    )


def _closing_file(production: Production, raw: dict[str, Any]) -> None:
    record, created = ClosingFile.objects.get_or_create(production=production)
    if not created:
        return
    for field in (
        "completion_date",
        "visa_date",
        "auditor",
        "certified_on",
        "ecoprod_targeted",
        "ecoprod_mandatory_met",
        "insurance_closed",
        "conservation",
        "carbon_comments",
        "levers_applied",
    ):
        setattr(record, field, raw[field])
    record.ecoprod_score = Decimal(raw["ecoprod_score"])
    record.certificate.save(
        "certificat-cout-definitif.pdf",
        ContentFile(demo_pdf(f"Certificat du coût définitif — {production.title}")),
        save=False,
    )
    data = services.closing_input(production, raw["frozen_on"])
    record.frozen_on = raw["frozen_on"]
    if data.financial.report is not None:
        record.frozen_cost_total = data.financial.report.total.actual
    record.frozen_carbon_kg = data.carbon.actual_total
    record.save()
    first = labor_api.contract_summaries(production)[:1]
    for contract in first:  # one contract's pay settled; its status is still the labor app's
        ContractClosure.objects.create(
            closing_file=record,
            contract_id=contract.id,
            final_pay_on=raw["completion_date"],
            documents_handed=True,
        )
