"""A new contract pre-filled from what the production already knows: the agreement from
the production's format, the function and the daily rate from the person's card (or, with
no rate on the card, the function's minimum in the agreement's data), the dates, working
days and workplace from the accepted plan de travail. Each value says where it came from;
the user may change any of them before saving."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.utils.translation import gettext as _

from tournage.labor.agreements import (
    JobFunction,
    agreement_for_format,
    daily_basis,
    find_function,
    suggest_function,
)
from tournage.labor.contracts import applicable_minimum
from tournage.labor.errors import LaborError
from tournage.web.productions.models import Person, Production
from tournage.web.scheduling.api import current_schedule

from .services import schedule_calls


def contract_initial(
    production: Production, person: Person | None
) -> tuple[dict[str, Any], list[str]]:
    """Initial form values and the sentences naming their origin."""
    idcc = agreement_for_format(production.format)
    initial: dict[str, Any] = {"idcc": idcc, "programme": production.title}
    origins = [
        _("Agreement: from the production's format (%(format)s).")
        % {"format": production.get_format_display()}
    ]
    if person is None:
        return initial, origins
    initial["person"] = person.pk
    origins += _from_card(person, idcc, initial)
    origins += _from_schedule(production, person, initial)
    return initial, origins


def _from_card(person: Person, idcc: int, initial: dict[str, Any]) -> list[str]:
    origins = []
    function = next(filter(None, (suggest_function(idcc, f) for f in person.function_list())), None)
    if function:
        initial["function"] = function
        origins.append(
            _("Function: from %(person)s's card (%(functions)s).")
            % {"person": person, "functions": person.functions}
        )
    elif person.functions:
        origins.append(
            _("Function: %(functions)s is not in the agreement's list; choose the nearest.")
            % {"functions": person.functions}
        )
    basis = daily_basis(person.kind)
    if person.daily_rate and basis:
        initial.update(pay_amount=person.daily_rate, pay_basis=basis)
        origins.append(_("Pay: %(person)s's daily rate.") % {"person": person})
    elif function:
        origins.append(_pay_from_minimum(idcc, function, basis, initial))
    return origins


def _pay_from_minimum(idcc: int, function: str, basis: str | None, initial: dict[str, Any]) -> str:
    """The function's minimum in the agreement's data, on the person's usual basis if the
    data has one there; "unknown" when the data has none (never a guessed amount)."""
    try:
        job = find_function(idcc, function)
    except LaborError:
        job = None
    rate, chosen = _known_minimum(job, basis) if job else (None, None)
    if rate is None or rate.amount is None:
        return _("Pay: unknown, the agreement's data has no minimum for %(function)s.") % {
            "function": function
        }
    initial.update(pay_amount=rate.amount, pay_basis=chosen)
    caution = _(" (uncertain: check it)") if rate.uncertain or rate.computed else ""
    return _(
        "Pay: the minimum for %(function)s in the agreement (%(grid)s, %(as_of)s)%(caution)s; "
        "source: %(source)s."
    ) % {
        "function": function,
        "grid": rate.grid,
        "as_of": rate.as_of or _("undated"),
        "caution": caution,
        "source": rate.source,
    }


def _known_minimum(job: JobFunction, basis: str | None) -> tuple[Any, str | None]:
    bases = dict.fromkeys(b for b in (basis, *(r.basis for r in job.minima)) if b)
    for candidate in bases:
        rate = applicable_minimum(job, candidate, None)
        if rate is not None:
            return rate, candidate
    return None, None


def _from_schedule(production: Production, person: Person, initial: dict[str, Any]) -> list[str]:
    calls = schedule_calls(production).get(person.pk, [])
    schedule = current_schedule(production)
    if not calls or schedule is None:
        return []
    days = sorted({start.date() for start, _end, _place in calls})
    initial.update(
        start=days[0], end=days[-1], working_days_text=", ".join(d.isoformat() for d in days)
    )
    places = Counter(place for _start, _end, place in calls if place is not None).most_common(1)
    if places:
        place = places[0][0]
        initial["workplace"] = ", ".join(filter(None, (place.name, place.address, place.city)))
    return [
        _("Dates, working days and workplace: from the plan de travail v%(number)s.")
        % {"number": schedule.number}
    ]
