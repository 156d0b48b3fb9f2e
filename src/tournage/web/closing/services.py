"""Gather what the closing core needs from this app and, through their ``api`` modules,
from budget, labor, carbon, delivery and (when installed) rights."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from importlib import import_module
from typing import Any

from django.apps import apps

from tournage.budget.errors import BudgetError
from tournage.budget.report import analyse
from tournage.closing import credits as credits_core
from tournage.closing import marketing as marketing_core
from tournage.closing import register
from tournage.closing.environmental import CarbonInput, Measure
from tournage.closing.financial import Certificate, FinancialInput
from tournage.closing.legal import ContractLine, LegalInput, RightLine
from tournage.closing.pad_lineage import PadFile
from tournage.closing.register import DestinationStatus, Item, QCRunRef
from tournage.closing.report import ClosingInput
from tournage.closing.signage import SIGNED_KINDS, SignageCheck, check_signage
from tournage.referential.registry import shared
from tournage.web.budget import api as budget_api
from tournage.web.carbon import api as carbon_api
from tournage.web.delivery import api as delivery_api
from tournage.web.labor import api as labor_api
from tournage.web.productions.models import Production

from .models import ClosingFile, Destination, MarketingPiece, RegisterItem


def closing_file(production: Production) -> ClosingFile:
    """The production's closing file (an empty one, unsaved, when none is recorded)."""
    found = ClosingFile.objects.filter(production=production).first()
    return found or ClosingFile(production=production)


def _runs(deliverable_id: int | None) -> tuple[QCRunRef, ...]:
    if deliverable_id is None:
        return ()
    return tuple(
        QCRunRef(r.run_id, r.sha256, r.verdict, r.checks, r.duration_s)
        for r in delivery_api.finished_runs(deliverable_id)
    )


def core_item(item: RegisterItem) -> Item:
    return Item(
        id=item.pk,
        destination=item.destination.name,
        kind=item.kind,
        label=item.label,
        due=item.due,
        file_sha256=item.file_sha256,
        delivered=item.delivered_on,
        accepted=item.accepted_on if item.acceptance_file else None,
        acceptance_duration_s=item.acceptance_duration_s,
        profile=item.deliverable.profile if item.deliverable else "",
        runs=_runs(item.deliverable_id),
    )


def status_of(destination: Destination, today: date) -> DestinationStatus:
    items = [core_item(i) for i in destination.items.all()]
    return register.evaluate_destination(destination.name, destination.kind, items, today)


def destination_statuses(production: Production, today: date) -> list[DestinationStatus]:
    destinations = Destination.objects.filter(production=production).prefetch_related(
        "items__deliverable"
    )
    return [status_of(d, today) for d in destinations]


def pad_files(production: Production) -> list[PadFile]:
    items = RegisterItem.objects.filter(destination__production=production, kind="pad")
    pads = []
    for item in items.exclude(file_sha256="").order_by("pk"):
        runs = delivery_api.finished_runs(item.deliverable_id) if item.deliverable_id else []
        days = [r.checked_on for r in runs if r.sha256 == item.file_sha256 and r.checked_on]
        pads.append(
            PadFile(item.label, item.file_sha256, min(days, default=None), item.delivered_on)
        )
    return pads


def contract_ids(production: Production) -> set[int]:
    return {c.id for c in labor_api.contract_summaries(production)}


def shared_statuses(production: Production, today: date) -> list[DestinationStatus]:
    """Within one referential evaluation, the register is decided once."""
    return shared(
        ("closing.register", production.pk, today), lambda: destination_statuses(production, today)
    )


def marketing_pieces(production: Production) -> list[marketing_core.Piece]:
    pieces = MarketingPiece.objects.filter(production=production).select_related("deliverable")
    return [marketing_core.Piece(p.kind, p.language, _verdict(p)) for p in pieces]


def _verdict(piece: MarketingPiece) -> str:
    if piece.deliverable_id is None:
        return ""
    runs = delivery_api.finished_runs(piece.deliverable_id)
    return runs[0].verdict if runs else ""


def marketing_status(production: Production) -> list[marketing_core.DestinationSet]:
    destinations = Destination.objects.filter(production=production).values_list("name", "kind")
    return marketing_core.evaluate(list(destinations), marketing_pieces(production))


def financial_input(production: Production, record: ClosingFile) -> FinancialInput:
    document = budget_api.production_budget_by_id(production.pk)
    expenses = budget_api.expense_amounts(production)
    ledger = sum((amount for _account, amount in expenses), Decimal(0))
    certificate = None
    if record.auditor or record.certificate:
        certificate = Certificate(record.auditor, record.certified_on, bool(record.certificate))
    report, report_error = None, ""
    try:
        report = analyse(document)[1] if document else None
    except BudgetError as error:  # the page and the checks say why, not a server error
        report_error = error.message
    return FinancialInput(
        report=report,
        report_error=report_error,
        financing=tuple((s.kind, s.amount) for s in document.financing.sources) if document else (),
        ledger_total=ledger if expenses else None,
        format=production.format,
        completion=record.completion_date,
        visa=record.visa_date,
        frozen_total=record.frozen_cost_total,
        certificate=certificate,
        overrun_note=record.overrun_note,
    )


def _closures(record: ClosingFile) -> dict[int, Any]:
    if record.pk is None:
        return {}
    return {c.contract_id: c for c in record.contract_closures.all()}


def legal_input(production: Production, record: ClosingFile) -> LegalInput:
    closures = _closures(record)
    contracts = []
    for summary in labor_api.contract_summaries(production):
        closure = closures.get(summary.id)
        contracts.append(
            ContractLine(
                summary.id,
                summary.person,
                summary.function,
                summary.status,
                summary.status_label,
                summary.end,
                final_pay_settled=closure is not None and closure.final_pay_on is not None,
                documents_handed=closure is not None and closure.documents_handed,
            )
        )
    return LegalInput(
        tuple(contracts),
        rights_lines(production),
        record.insurance_closed,
        record.conservation,
        statements_due(production),
    )


def _rights_api() -> Any:
    """The rights app's api, or ``None`` when it is not installed (its sections then say
    "not available", never pass)."""
    if not apps.is_installed("tournage.web.rights"):
        return None
    return import_module("tournage.web.rights.api")


def rights_lines(production: Production) -> tuple[RightLine, ...] | None:
    """The rights register with each right's end (``rights.api.register``)."""
    rights = _rights_api()
    if rights is None:
        return None
    return tuple(RightLine(f"{e.subject} ({e.type})", e.ends) for e in rights.register(production))


def statements_due(production: Production) -> tuple[tuple[str, date | None], ...] | None:
    """Authors whose yearly statement of receipts is due or not scheduled (CPI L132-28)."""
    rights = _rights_api()
    if rights is None:
        return None
    return tuple((s.author, s.due) for s in rights.author_statements_due(production))


def credits(production: Production) -> credits_core.Generique | None:
    """The générique in the order of ``credits.yaml``: the authors of the rights register
    and every contract of the team, with the mentions it must carry (None without the
    rights app: the authors are unknown)."""
    rights = _rights_api()
    if rights is None:
        return None
    lines = rights.credits(production)
    authors = [credits_core.Author(line.author, line.role, line.signed) for line in lines]
    labels = {line.role: line.role_label for line in lines}
    contracts = [
        credits_core.Contract(c.person, c.function)
        for c in labor_api.contract_summaries(production)
    ]
    document = budget_api.production_budget_by_id(production.pk)
    financing = [s.kind for s in document.financing.sources] if document else []
    return credits_core.build(authors, contracts, labels, financing, production.format)


def signage_checks(production: Production) -> list[tuple[MarketingPiece, SignageCheck]] | None:
    """Each trailer and teaser with its signage checked against the rights register's
    target categories (None without the rights app)."""
    rights = _rights_api()
    if rights is None:
        return None
    ratings = rights.rating_facts(production)
    pieces = MarketingPiece.objects.filter(production=production, kind__in=SIGNED_KINDS)
    return [(p, check_signage(p.title, p.rating_signage, ratings)) for p in pieces]


def _by_category(lines: Iterable[Any]) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = {}
    for line in lines:
        if line.kgco2e is not None:
            totals[line.category] = totals.get(line.category, Decimal(0)) + line.kgco2e
    return totals


def measures(production: Production, record: ClosingFile) -> tuple[Measure, ...]:
    """The reduction measures planned in the carbon app, each applied or not at closing."""
    applied = set(record.levers_applied or [])
    planned = dict.fromkeys(carbon_api.reduction_measures(production))  # once per measure
    return tuple(Measure(label, label in applied) for label in planned)


def carbon_input(production: Production, record: ClosingFile) -> CarbonInput:
    footprints = carbon_api.footprints(production)
    if footprints is None:
        return CarbonInput(available=False)
    actual = footprints.actual
    return CarbonInput(
        forecast=_by_category(footprints.forecast.lines),
        actual=_by_category(actual.lines),
        actual_total=actual.total_kgco2e,
        frozen_on=record.frozen_on,
        frozen_kg=record.frozen_carbon_kg,
        comments={str(k): str(v) for k, v in (record.carbon_comments or {}).items()},
        measures=measures(production, record),
        ecoprod_targeted=record.ecoprod_targeted,
        ecoprod_score=record.ecoprod_score,
        ecoprod_mandatory_met=record.ecoprod_mandatory_met,
    )


def closing_input(production: Production, today: date) -> ClosingInput:
    record = closing_file(production)
    return ClosingInput(
        title=production.title,
        today=today,
        financial=financial_input(production, record),
        legal=legal_input(production, record),
        carbon=carbon_input(production, record),
        destinations=tuple(shared_statuses(production, today)),
        closed_on=record.closed_at.date() if record.closed_at else None,
    )


def shared_input(production: Production, today: date) -> ClosingInput:
    return shared(("closing.input", production.pk, today), lambda: closing_input(production, today))
