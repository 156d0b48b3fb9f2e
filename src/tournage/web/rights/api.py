"""What other apps may call in the rights app (closing, follow-up, scheduling, safety).

Every function takes a production and returns plain data (dataclasses, dicts, dates):
callers never see this app's models.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from tournage.rights import authors as core_authors
from tournage.rights import clearances as core_clearances
from tournage.rights import release as core_release

from . import services
from .models import AuthorContract, ChannelRating, Clearance

AGE_CATEGORY_PAGE = "rights:release"  # where the categories are typed (Signalétique)


@dataclass(frozen=True)
class RegisterEntry:
    """One line of the rights register (chain of title, closing file)."""

    id: int
    type: str
    subject: str
    status: str
    rights_holder: str
    channels: tuple[str, ...]
    territories: tuple[str, ...]
    starts: date | None
    ends: date | None
    fee: Decimal | None
    document: str  # storage name of the grant document, "" when none


def register(production: Any) -> list[RegisterEntry]:
    return [
        RegisterEntry(
            item.pk,
            item.type,
            item.subject,
            item.status,
            item.rights_holder,
            tuple(item.channels),
            services.codes(item.territories),
            item.starts,
            item.ends,
            item.fee,
            item.document.name or "",
        )
        for item in Clearance.objects.filter(production=production)
    ]


def expiring_rights(production: Any, within_days: int | None = None) -> list[RegisterEntry]:
    """Granted rights ending within ``within_days`` (the data's warning window by default)."""
    rows = services.clearance_rows(production)
    ending = core_clearances.expiring([f for _, f in rows], services.today(), within_days)
    ids = {item.pk for item, facts in rows if facts in ending}
    return [entry for entry in register(production) if entry.id in ids]


def age_categories(production: Any) -> dict[str, str]:
    """Channel -> target youth-protection category (I-V), the one record of it (the
    signage page, ``AGE_CATEGORY_PAGE``); channels without a category are absent."""
    rows = ChannelRating.objects.filter(production=production).exclude(category="")
    return dict(rows.values_list("channel", "category"))


def slot_breaches(production: Any) -> list[str]:
    """Planned slots the channel's target category does not allow (the signage rules: the
    channel kind, a children's programme, the hour), one message each."""
    visa_ban = services.plan_of(production).visa_ban
    return [
        finding.message
        for facts in services.rating_facts(production)
        for finding in core_release.rating_findings(facts, visa_ban)
        if finding.code == "RATE-SLOT"
    ]


@dataclass(frozen=True)
class StatementDue:
    author: str
    role: str
    due: date | None  # None: no schedule recorded


def author_statements_due(production: Any, within_days: int = 0) -> list[StatementDue]:
    """Signed author contracts whose yearly statement of receipts (CPI L132-28) is due by
    today + ``within_days``, or not scheduled at all."""
    limit = services.today() + timedelta(days=within_days)
    due = []
    for contract in AuthorContract.objects.filter(production=production, signed_on__isnull=False):
        when = core_authors.next_statement(services.author_facts(contract))
        if when is None or when <= limit:
            due.append(StatementDue(contract.author, contract.role, when))
    return due


@dataclass(frozen=True)
class CreditLine:
    author: str
    role: str  # co-author role id (authors.yaml)
    role_label: str
    signed: bool


def credits(production: Any) -> list[CreditLine]:
    """Authors of the work for the credits: every author contract, signed or not."""
    return [
        CreditLine(c.author, c.role, core_authors.role_label(c.role), c.signed_on is not None)
        for c in AuthorContract.objects.filter(production=production)
    ]


def days_without_permit(production: Any, schedule: Any = None) -> dict[date, list[str]]:
    """Shoot day → locations shot that day without a granted permit (stripboard, safety),
    in ``schedule`` (a version of the plan de travail; the accepted one by default)."""
    return services.uncovered_days(production, schedule)


def report(production: Any) -> dict[str, Any]:
    """The whole rights picture as one JSON-ready document (``tournage rights check``)."""
    clearances: list[dict[str, Any]] = [
        {
            "id": item.pk,
            "type": item.type,
            "subject": item.subject,
            "scenes": list(item.scenes),
            "status": item.status,
            "scope": {
                "channels": list(item.channels),
                "territories": list(services.codes(item.territories)),
                "starts": item.starts,
                "ends": item.ends,
            },
            "findings": [f.to_dict() for f in found],
        }
        for item, found in services.clearance_findings(production)
    ]
    authors: list[dict[str, Any]] = [
        {
            "id": contract.pk,
            "author": contract.author,
            "role": contract.role,
            "signed_on": contract.signed_on,
            "findings": [f.to_dict() for f in found],
        }
        for contract, found in services.author_findings(production)
    ]
    permits: list[dict[str, Any]] = [
        {
            "location": permit.location.name,
            "date": report.facts.first_day,
            "dates": list(report.facts.shoot_days),
            "authority": permit.authority,
            "deadline": report.deadline,
            "status": permit.status,
            "findings": [f.to_dict() for f in report.findings],
        }
        for permit, report in services.permit_reports(production)
    ]
    steps: list[dict[str, Any]] = [
        {
            "step": row.rule.id,
            "status": row.row.status if row.row else None,
            "due": row.due,
            "documents": [row.row.document.name] if row.row and row.row.document else [],
            "findings": [f.to_dict() for f in row.findings],
        }
        for row in services.step_rows(production)
    ]
    everything = [
        f for entry in (*clearances, *authors, *permits, *steps) for f in entry["findings"]
    ]
    return {
        "clearances": clearances,
        "authors": authors,
        "permits": permits,
        "release": steps,
        "findings": [
            {key: f[key] for key in ("code", "severity", "message", "source")} for f in everything
        ],
    }


def cuesheet(production: Any, content: bytes, filename: str, fmt: str) -> tuple[int, bytes]:
    """Import an edit, make the cue sheet follow it, return (cues, file in ``fmt``)."""
    edit = services.import_edit(production, content, filename)
    count = services.rebuild_sheet(production, edit)
    return count, services.sheet_file(production, fmt)


def rating_facts(production: Any) -> list[core_release.RatingFacts]:
    """The target signage of each TV / on-demand channel of the plan (the one age-rating
    record of a production: the closing app checks the trailer's signage against it)."""
    return services.rating_facts(production)
