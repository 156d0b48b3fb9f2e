"""Adapters: the app's rows and the other apps' data (breakdown, plan de travail, people,
channels, commitments) turned into the core's facts, and the core's findings back."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, time
from pathlib import PurePath
from typing import Any

from django.apps import apps
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from tournage.common.findings import Finding
from tournage.editorial import frame_rate, read_timeline
from tournage.referential.registry import shared
from tournage.rights import authors as core_authors
from tournage.rights import clearances as core_clearances
from tournage.rights import permits as core_permits
from tournage.rights import release as core_release
from tournage.rights.cuesheet import Cue as CoreCue
from tournage.rights.cuesheet import cues_from, merged, to_csv, to_pdf, to_xlsx
from tournage.rights.cuesheet import rows as sheet_rows
from tournage.rights.rules import RELEASE
from tournage.screenplay.sets import matched
from tournage.web.budget import api as budget_api
from tournage.web.productions.revision import derived
from tournage.web.scheduling import api as scheduling_api
from tournage.web.screenplay import api as screenplay_api

from .models import (
    AuthorContract,
    ChannelRating,
    Clearance,
    ClearanceStatus,
    Cue,
    DestinationDocument,
    EditImport,
    Permit,
    ReleasePlan,
    ReleaseStep,
    StepStatus,
)


def today() -> date:
    return timezone.localdate()


def plan_of(production: Any) -> ReleasePlan:
    """The release plan (an unsaved blank one when none is recorded yet)."""
    plan = ReleasePlan.objects.filter(production=production).first()
    return plan or ReleasePlan(production=production)


def codes(text: str) -> tuple[str, ...]:
    return tuple(part.strip().upper() for part in text.split(",") if part.strip())


# --- the plan de travail ------------------------------------------------------------


def scene_days(production: Any) -> dict[str, date]:
    """Scene key → shoot day in the accepted plan de travail (empty without one)."""
    schedule = scheduling_api.current_schedule(production)
    return scheduling_api.assignment_of(schedule) if schedule is not None else {}


def location_days(production: Any, schedule: Any = None) -> dict[int, tuple[date, ...]]:
    """Location id → its shoot days in ``schedule`` (the accepted plan de travail by default,
    read once per referential evaluation). Every scene counts, a move within a day included."""
    if schedule is not None:
        return _location_days(production, schedule)
    return derived(
        ("rights.location_days", production.pk),
        lambda: _location_days(production, scheduling_api.current_schedule(production)),
    )


def _location_days(production: Any, schedule: Any) -> dict[int, tuple[date, ...]]:
    if schedule is None:
        return {}
    assignment = scheduling_api.assignment_of(schedule)
    places = screenplay_api.set_places(production)
    days: dict[int, set[date]] = defaultdict(set)
    for scene in scheduling_api.problem_of(schedule).scenes:
        when = assignment.get(scene.id)
        place = matched(scene.location, places)
        if when is not None and place is not None:
            days[place.pk].add(when)
    return {pk: tuple(sorted(found)) for pk, found in days.items()}


# --- clearances -----------------------------------------------------------------------


def references(production: Any) -> list[core_clearances.Reference]:
    """The breakdown's third-party elements (empty without a script)."""
    version = screenplay_api.current_version(production)
    if version is None:
        return []
    script = screenplay_api.core_script(version)
    scenes = [
        core_clearances.SceneTags(
            scene.key,
            tuple((t.category, t.name) for t in scene.tags),
            tuple((r.code, r.evidence) for r in scene.risks),
        )
        for scene in script.scenes
        if not scene.omitted
    ]
    return core_clearances.references(scenes)


def seed_clearances(production: Any) -> int:
    """Add an item to decide for every breakdown reference not yet in the register."""
    refs = core_clearances.uncovered(references(production), clearance_facts(production))
    for ref in refs:
        Clearance.objects.create(
            production=production, type=ref.type, subject=ref.subject[:200], scenes=list(ref.scenes)
        )
    return len(refs)


def clearance_facts(production: Any) -> list[core_clearances.ClearanceFacts]:
    return [fact for _, fact in clearance_rows(production)]


def clearance_rows(production: Any) -> list[tuple[Clearance, core_clearances.ClearanceFacts]]:
    days = scene_days(production)
    plan = plan_of(production)
    committed = budget_api.commitment_references(production)
    rows = []
    for item in Clearance.objects.filter(production=production):
        due = plan.picture_lock if item.post else core_clearances.due_dates(item.scenes, days)
        rows.append((item, _facts(item, due, committed)))
    return rows


def commitment_reference(item: Clearance) -> str:
    return f"droits-{item.pk}"


def _facts(
    item: Clearance, due: date | None, committed: set[str]
) -> core_clearances.ClearanceFacts:
    return core_clearances.ClearanceFacts(
        type=item.type,
        subject=item.subject,
        status=item.status,
        scenes=tuple(str(s) for s in item.scenes),
        reason=item.reason,
        channels=tuple(item.channels),
        territories=codes(item.territories),
        starts=item.starts,
        ends=item.ends,
        fee=item.fee,
        committed=commitment_reference(item) in committed,
        has_document=bool(item.document),
        due=due,
    )


def clearance_findings(production: Any) -> list[tuple[Clearance, list[Finding]]]:
    plan = plan_of(production)
    channels = list(production.channels or [])
    territories = codes(plan.territories)
    return [
        (item, core_clearances.findings(facts, today(), channels, territories, plan.rights_until))
        for item, facts in clearance_rows(production)
    ]


def commit_fee(item: Clearance) -> bool:
    """A granted item with a fee and a budget account books a commitment (cost report)."""
    if item.status != ClearanceStatus.GRANTED or not item.fee or not item.budget_account:
        return False
    return budget_api.commit_amount(
        item.production,
        reference=commitment_reference(item),
        account=item.budget_account,
        supplier=item.rights_holder or item.subject,
        label=f"Droits : {item.subject}",
        amount=item.fee,
        day=item.starts or today(),
    )


# --- authors ----------------------------------------------------------------------------


def author_facts(contract: AuthorContract) -> core_authors.AuthorContractFacts:
    return core_authors.AuthorContractFacts(
        author=contract.author,
        role=contract.role,
        signed_on=contract.signed_on,
        rights=tuple(
            core_authors.RightFacts(
                r.right, r.mode, r.territory, r.duration, r.remuneration, r.terms
            )
            for r in contract.rights.all()
        ),
        statements_from=contract.statements_from,
        last_statement_on=contract.last_statement_on,
    )


def author_findings(production: Any) -> list[tuple[AuthorContract, list[Finding]]]:
    rows = []
    for contract in AuthorContract.objects.filter(production=production).prefetch_related("rights"):
        facts = author_facts(contract)
        findings = core_authors.field_findings(facts)
        findings += core_authors.statement_findings(facts, today())
        rows.append((contract, findings))
    return rows


def credits(production: Any) -> list[core_authors.Credit]:
    """Co-author roles held by the people of the production (from their functions)."""
    pairs = [
        (str(person), function.strip())
        for person in production.people.all()
        for function in (person.functions or "").split(",")
    ]
    return core_authors.credited_roles(pairs)


def uncovered_credits(production: Any) -> list[core_authors.Credit]:
    contracts = [
        core_authors.AuthorContractFacts(
            str(c.person) if c.person else c.author, c.role, c.signed_on
        )
        for c in AuthorContract.objects.filter(production=production).select_related("person")
    ]
    return core_authors.uncovered_credits(credits(production), contracts)


# --- permits ----------------------------------------------------------------------------


def permit_reports(production: Any) -> list[tuple[Permit, core_permits.PermitReport]]:
    return shared(("rights.permits", production.pk), lambda: _permit_reports(production))


def _permit_reports(production: Any) -> list[tuple[Permit, core_permits.PermitReport]]:
    days = location_days(production)
    rows = []
    for permit in Permit.objects.filter(production=production).select_related("location"):
        facts = core_permits.PermitFacts(
            location=permit.location.name,
            authority=permit.authority,
            status=permit.status,
            shoot_days=days.get(permit.location_id, ()),
            requested_on=permit.requested_on,
            granted_on=permit.granted_on,
            valid_from=permit.valid_from,
            valid_to=permit.valid_to,
            reason=permit.reason,
            insurance_on_file=bool(permit.insurance_certificate),
        )
        rows.append((permit, core_permits.evaluate(facts, today())))
    return rows


def shot_without_permit(production: Any) -> list[str]:
    """Locations of the accepted plan with no permit entry at all."""
    days = location_days(production)
    with_permit = set(
        Permit.objects.filter(production=production).values_list("location_id", flat=True)
    )
    return sorted(
        place.name
        for place in production.locations.all()
        if days.get(place.pk) and place.pk not in with_permit
    )


def uncovered_days(production: Any, schedule: Any = None) -> dict[date, list[str]]:
    """Shoot day → locations shot that day without a granted permit covering it (for the
    stripboard and the safety findings). A location with several authorities needs each."""
    days = location_days(production, schedule)
    reports = permit_reports(production)
    out: dict[date, list[str]] = defaultdict(list)
    names = {p.pk: p.name for p in production.locations.all()}
    for location_id, shoot_days in days.items():
        mine = [r for p, r in reports if p.location_id == location_id]
        for day in shoot_days:
            if not mine or not all(r.facts.covers(day) for r in mine):
                out[day].append(names[location_id])
    return dict(out)


# --- release ----------------------------------------------------------------------------


@dataclass(frozen=True)
class StepRow:
    rule: Any
    row: ReleaseStep | None
    due: date | None
    findings: list[Finding]


def anchors(production: Any, plan: ReleasePlan) -> dict[str, date | None]:
    return {
        "shoot_start": production.shoot_start,
        "first_screening": plan.first_screening,
        "delivery": plan.delivery,
    }


def regime_of(production: Any) -> str:
    return core_release.regime(production.format, list(production.channels or []))


def step_rows(production: Any) -> list[StepRow]:
    plan = plan_of(production)
    stored = {s.step: s for s in ReleaseStep.objects.filter(production=production)}
    dates = anchors(production, plan)
    rows = []
    steps = core_release.applicable_steps(
        regime_of(production), list(production.channels or []), plan.cnc_aided
    )
    for rule in steps:
        row = stored.get(rule.id)
        facts = None
        if row is not None:
            facts = core_release.StepFacts(
                row.step, row.status, row.due, row.done_on, row.reference, bool(row.document)
            )
        due = core_release.due_date(rule, dates) or (row.due if row else None)
        rows.append(
            StepRow(rule, row, due, core_release.step_findings(rule, facts, dates, today()))
        )
    return rows


def slots_page(production: Any) -> str | None:
    """Where the broadcast slots are typed (the distribution plan); None without that app."""
    if not apps.is_installed("tournage.web.development"):
        return None
    from tournage.web.development.api import DISTRIBUTION_PAGE

    return reverse(DISTRIBUTION_PAGE, kwargs={"production_id": production.pk})


def broadcast_slots(production: Any) -> dict[str, time]:
    """Channel -> planned slot start: typed once, on the development app's distribution
    plan (``development_api.DISTRIBUTION_PAGE``); none without that app."""
    if not apps.is_installed("tournage.web.development"):
        return {}
    from tournage.web.development.api import broadcast_slots as planned

    return planned(production)


def rating_facts(production: Any) -> list[core_release.RatingFacts]:
    """One per TV / on-demand channel of the plan (blank when no rating is recorded), its
    slot from the distribution plan."""
    wanted = [c for c in production.channels or [] if c in RELEASE.load().rating.channels]
    stored = {r.channel: r for r in ChannelRating.objects.filter(production=production)}
    slots = broadcast_slots(production)
    facts = []
    for channel in wanted:
        row = stored.get(channel)
        if row is None:
            facts.append(core_release.RatingFacts(channel, "", slots.get(channel)))
            continue
        facts.append(
            core_release.RatingFacts(
                channel,
                row.category,
                slots.get(channel),
                row.catalogue,
                row.cinema_channel,
                row.children_programme,
                row.trailer_signage,
            )
        )
    return facts


@dataclass(frozen=True)
class ItemRow:
    destination: Any
    item: Any
    present: bool


def destination_items(production: Any) -> list[ItemRow]:
    plan = plan_of(production)
    done = {
        s.step for s in ReleaseStep.objects.filter(production=production, status=StepStatus.DONE)
    }
    on_file = set(
        DestinationDocument.objects.filter(production=production)
        .exclude(document="", received_on=None)
        .values_list("item", flat=True)
    )
    rated = {f.channel for f in rating_facts(production) if f.category}
    rows = []
    for destination in core_release.destinations(
        list(production.channels or []), plan.sales_agreement
    ):
        for item in destination.items:
            if item.step:
                present = item.step in done
            elif item.rating:
                present = bool(rated & set(destination.channels)) or not destination.channels
            else:
                present = f"{destination.id}.{item.id}" in on_file
            rows.append(ItemRow(destination, item, present))
    return rows


# --- cue sheet --------------------------------------------------------------------------


def latest_edit(production: Any) -> EditImport | None:
    return EditImport.objects.filter(production=production).first()


def edit_cues(edit: EditImport) -> list[CoreCue]:
    return [
        CoreCue(i + 1, c["name"], c["track"], int(c["record_in"]), int(c["record_out"]))
        for i, c in enumerate(edit.cues)
    ]


def sheet_cues(production: Any) -> list[CoreCue]:
    return [
        CoreCue(
            c.number,
            c.name,
            c.track,
            c.record_in,
            c.record_out,
            c.work,
            c.authors,
            c.publishers,
            c.recording,
            c.usage,
        )
        for c in Cue.objects.filter(production=production)
    ]


def import_edit(
    production: Any, content: bytes, filename: str, rate: str | None = None, tracks: str = ""
) -> EditImport:
    """Read an EDL / OTIO file and store it with its music cues; nothing is stored when
    the file is refused (``EditorialError`` or ``RightsError``, with a French message)."""
    timeline = read_timeline(content, filename, rate)
    cues = cues_from(timeline, codes(tracks))
    name = PurePath(filename).name[:200] or "montage.edl"
    with transaction.atomic():
        edit = EditImport(
            production=production,
            filename=name,
            rate=timeline.rate.label,
            drop_frame=timeline.drop_frame,
            tracks=tracks[:100],
            cues=[
                {
                    "name": c.name,
                    "track": c.track,
                    "record_in": c.record_in,
                    "record_out": c.record_out,
                }
                for c in cues
            ],
        )
        edit.file.save(name, ContentFile(content), save=False)
        edit.save()
    return edit


def rebuild_sheet(production: Any, edit: EditImport) -> int:
    """The cue sheet follows ``edit``: its cues, keeping what was typed for each music."""
    cues = merged(edit_cues(edit), sheet_cues(production))
    with transaction.atomic():
        Cue.objects.filter(production=production).delete()
        Cue.objects.bulk_create(
            Cue(
                production=production,
                number=c.number,
                name=c.name[:200],
                track=c.track[:10],
                record_in=c.record_in,
                record_out=c.record_out,
                work=c.work,
                authors=c.authors,
                publishers=c.publishers,
                recording=c.recording,
                usage=c.usage,
            )
            for c in cues
        )
    return len(cues)


def sheet_table(production: Any) -> list[list[str]]:
    """The cue sheet as text rows (header first), timecodes at the latest edit's rate."""
    edit = latest_edit(production)
    rate = frame_rate(edit.rate if edit else None)
    return sheet_rows(sheet_cues(production), rate, bool(edit and edit.drop_frame))


def sheet_file(production: Any, fmt: str) -> bytes:
    """The cue sheet as ``csv``, ``xlsx`` or ``pdf`` (the formats the societies take)."""
    table = sheet_table(production)
    if fmt == "csv":
        return to_csv(table)
    if fmt == "xlsx":
        return to_xlsx(table, production.title)
    return to_pdf(table, production.title)
