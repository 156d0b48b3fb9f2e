"""What the producer does next, phase by phase, read from the production's own data.

A production goes through six phases of the job (develop, prepare, shoot, post-produce,
deliver, close). Each phase is a short checklist of milestones in the order the job does
them; a milestone looks at the data and says either what is done and where that value
comes from ("from the plan de travail v3"), or what is missing and on which page it is
done. A phase's next step is its first milestone not done.

The milestones read each domain through its app's ``api`` module only, and a member sees
only the milestones whose page their role opens (the budget's are not shown to the crew).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.urls import resolve, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .access import allowed_readers
from .models import Production


class FlowPhase(models.TextChoices):
    DEVELOP = "develop", gettext_lazy("Develop")
    PREPARE = "prepare", gettext_lazy("Prepare")
    SHOOT = "shoot", gettext_lazy("Shoot")
    POST = "post", gettext_lazy("Post-produce")
    DELIVER = "deliver", gettext_lazy("Deliver")
    CLOSE = "close", gettext_lazy("Close")


@dataclass(frozen=True)
class State:
    done: bool
    text: str  # what is done, or what is missing
    url: str  # the page where it is done
    source: str = ""  # where the value comes from


@dataclass(frozen=True)
class Milestone:
    phase: FlowPhase
    url_name: str  # the page where it is done: its readers see the milestone
    evaluate: Callable[[Production, str], State]  # (production, that page's url)


def _url(production: Production, name: str, query: str = "") -> str:
    return reverse(name, kwargs={"production_id": production.pk}) + query


# --- develop -----------------------------------------------------------------------------
def _channels(production: Production, url: str) -> State:
    count = len(production.channels or ())
    if not count:
        return State(False, _("Choose the channels the film is made for."), url)
    return State(
        True,
        ngettext("%(n)d target channel chosen.", "%(n)d target channels chosen.", count)
        % {"n": count},
        url,
        _("from the production's settings"),
    )


# --- prepare -----------------------------------------------------------------------------
def _script(production: Production, url: str) -> State:
    from tournage.web.screenplay.api import current_version

    version = current_version(production)
    if version is None:
        return State(False, _("Import the script (Fountain, Final Draft or PDF)."), url)
    return State(
        True,
        _("Script imported."),
        url,
        _("from the script v%(number)s") % {"number": version.number},
    )


def _sets(production: Production, url: str) -> State:
    from tournage.web.screenplay.api import current_version, unmapped_sets

    version = current_version(production)
    if version is None:
        return State(False, _("Import the script, then place its sets at locations."), url)
    source = _("from the script v%(number)s") % {"number": version.number}
    unplaced = unmapped_sets(production)
    if unplaced:
        text = ngettext(
            "%(n)d set has no location: %(names)s.",
            "%(n)d sets have no location: %(names)s.",
            len(unplaced),
        ) % {"n": len(unplaced), "names": ", ".join(unplaced[:5])}
        return State(False, text, url, source)
    return State(True, _("Every set of the script has a location."), url, source)


def _plan(production: Production, url: str) -> State:
    from tournage.web.scheduling.api import current_schedule

    schedule = current_schedule(production)
    if schedule is None:
        return State(False, _("Optimise the plan de travail and accept a version."), url)
    return State(True, _("Plan de travail accepted."), url, _plan_source(schedule))


def _plan_source(schedule: Any) -> str:
    return _("from the plan de travail v%(number)s") % {"number": schedule.number}


def _devis(production: Production, url: str) -> State:
    from tournage.web.budget.api import devis_status

    status = devis_status(production)
    if status is None:
        return State(False, _("Write the devis or import it."), url)
    if status.off_plan:
        text = ngettext(
            "%(n)d devis quantity no longer matches the plan de travail: %(codes)s.",
            "%(n)d devis quantities no longer match the plan de travail: %(codes)s.",
            len(status.off_plan),
        ) % {"n": len(status.off_plan), "codes": ", ".join(status.off_plan[:5])}
        return State(False, text, status.url, status.source)
    return State(True, _("Devis written."), status.url, status.source)


def _financing(production: Production, url: str) -> State:
    from tournage.web.budget.api import aid_ids, financing_count

    count = financing_count(production)
    if not count:
        return State(False, _("List the financing sources of the plan."), url)
    text = ngettext("%(n)d financing source.", "%(n)d financing sources.", count) % {"n": count}
    aids = len(aid_ids(production))
    source = ngettext(
        "%(n)d of them from the aid schemes' data", "%(n)d of them from the aid schemes' data", aids
    ) % {"n": aids}
    return State(True, text, url, source if aids else "")


def _carbon(production: Production, url: str) -> State:
    from tournage.web.carbon.api import forecast_exists
    from tournage.web.scheduling.api import current_schedule

    exists = forecast_exists(production)
    if exists is None:
        return State(False, _("The carbon forecast cannot be computed: check its data."), url)
    if not exists:
        return State(False, _("Compute the carbon forecast."), url)
    schedule = current_schedule(production)
    source = _plan_source(schedule) if schedule else _("from the activities typed in")
    return State(True, _("Carbon forecast computed."), url, source)


# --- shoot -------------------------------------------------------------------------------
def _contracts(production: Production, url: str) -> State:
    from tournage.web.labor.api import people_without_contract
    from tournage.web.scheduling.api import current_schedule

    schedule = current_schedule(production)
    if schedule is None:
        return State(False, _("Accept a plan de travail: it says who is called and when."), url)
    missing = people_without_contract(production)
    source = _plan_source(schedule)
    if missing:
        text = ngettext(
            "%(n)d person called has no contract: %(names)s.",
            "%(n)d people called have no contract: %(names)s.",
            len(missing),
        ) % {"n": len(missing), "names": ", ".join(str(p) for p in missing[:5])}
        return State(False, text, f"{url}?person={missing[0].pk}", source)
    return State(True, _("Everyone called has a contract."), url, source)


def _signatures(production: Production, url: str) -> State:
    from tournage.web.labor.api import contract_summaries

    unsigned = [c for c in contract_summaries(production) if c.status not in ("signed", "ended")]
    if unsigned:
        text = ngettext(
            "%(n)d contract is not signed yet.",
            "%(n)d contracts are not signed yet.",
            len(unsigned),
        ) % {"n": len(unsigned)}
        return State(False, text, url)
    return State(True, _("Every contract is signed."), url, _("from the contracts' status"))


# --- post-produce and deliver ------------------------------------------------------------
def _deliverables(production: Production, url: str) -> State:
    from tournage.web.delivery.api import Deliverable

    count = Deliverable.objects.filter(production=production).count()
    if not count:
        return State(False, _("Declare the deliverables each channel expects."), url)
    text = ngettext("%(n)d deliverable declared.", "%(n)d deliverables declared.", count)
    return State(True, text % {"n": count}, url, _("from the target channels"))


def _qc(production: Production, url: str) -> State:
    from tournage.web.delivery.api import Deliverable, finished_runs

    deliverables = list(Deliverable.objects.filter(production=production))
    if not deliverables:
        return State(False, _("Declare the deliverables, then check their masters."), url)
    latest = {d.name: next(iter(finished_runs(d.pk)), None) for d in deliverables}
    unchecked = [name for name, run in latest.items() if run is None]
    failing = [name for name, run in latest.items() if run is not None and run.verdict == "fail"]
    if unchecked:
        text = ngettext(
            "%(n)d deliverable has no quality check yet: %(names)s.",
            "%(n)d deliverables have no quality check yet: %(names)s.",
            len(unchecked),
        ) % {"n": len(unchecked), "names": ", ".join(unchecked[:5])}
        return State(False, text, url)
    if failing:
        text = ngettext(
            "%(n)d deliverable fails its quality check: %(names)s.",
            "%(n)d deliverables fail their quality check: %(names)s.",
            len(failing),
        ) % {"n": len(failing), "names": ", ".join(failing[:5])}
        return State(False, text, url, _("from the latest quality-check runs"))
    return State(
        True, _("Every deliverable passes its quality check."), url, _("from the latest runs")
    )


# --- close -------------------------------------------------------------------------------
def _closed(production: Production, url: str) -> State:
    from tournage.web.closing.api import is_closed

    if is_closed(production):
        return State(True, _("Production closed."), url, _("from the closing file"))
    return State(False, _("Write the closing report and close the production."), url)


MILESTONES = (
    Milestone(FlowPhase.DEVELOP, "productions:edit", _channels),
    Milestone(FlowPhase.PREPARE, "screenplay:upload", _script),
    Milestone(FlowPhase.PREPARE, "screenplay:sets", _sets),
    Milestone(FlowPhase.PREPARE, "scheduling:index", _plan),
    Milestone(FlowPhase.PREPARE, "budget:index", _devis),
    Milestone(FlowPhase.PREPARE, "budget:financing", _financing),
    Milestone(FlowPhase.PREPARE, "carbon:index", _carbon),
    Milestone(FlowPhase.SHOOT, "labor:contract_create", _contracts),
    Milestone(FlowPhase.SHOOT, "labor:index", _signatures),
    Milestone(FlowPhase.POST, "delivery:index", _deliverables),
    Milestone(FlowPhase.DELIVER, "delivery:index", _qc),
    Milestone(FlowPhase.CLOSE, "closing:index", _closed),
)


def next_steps(production: Production, role: str) -> list[dict[str, Any]]:
    """Each phase with its next step (``None`` when all is done) and its checklist, only
    with the milestones whose page ``role`` may open."""
    phases = []
    for phase in FlowPhase:
        states = [
            milestone.evaluate(production, url)
            for milestone, url in _visible(production, role)
            if milestone.phase == phase
        ]
        if states:
            following = next((s for s in states if not s.done), None)
            phases.append(
                {"phase": phase, "label": phase.label, "next": following, "states": states}
            )
    return phases


def _visible(production: Production, role: str) -> list[tuple[Milestone, str]]:
    visible = []
    for milestone in MILESTONES:
        url = _url(production, milestone.url_name)
        if role in allowed_readers(resolve(url).func):
            visible.append((milestone, url))
    return visible
