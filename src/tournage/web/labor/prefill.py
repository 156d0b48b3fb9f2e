"""A new contract pre-filled from what the production already knows: the agreement from
the production's format, the function and the daily rate from the person's card, the
dates, working days and workplace from the accepted plan de travail. Each value says where
it came from; the user may change any of them before saving."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.utils.translation import gettext as _

from tournage.labor.agreements import agreement_for_format, daily_basis, suggest_function
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
    basis = daily_basis(person.kind)
    if person.daily_rate and basis:
        initial.update(pay_amount=person.daily_rate, pay_basis=basis)
        origins.append(_("Pay: %(person)s's daily rate.") % {"person": person})
    return origins


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
