"""Script sets (décors) ↔ the production's locations: the mapping screen and its services.

The mapping lives where the locations are (``Location.sets``, several sets per location);
the schedule's moves, the carbon forecast's travel and the call sheets all read it, so a
set is placed once, here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tournage.screenplay.sets import matched, set_key, suggest
from tournage.web.productions.access import ProductionRequest
from tournage.web.productions.models import Location

from .services import current_version


@dataclass(frozen=True)
class SetRow:
    name: str
    location: Location | None
    suggestion: Location | None

    @property
    def field(self) -> str:
        return f"set-{set_key(self.name)}"


def script_sets(production: Any) -> list[str]:
    """The current script's sets (one name per décor id), in order of first appearance."""
    version = current_version(production)
    if version is None:
        return []
    first: dict[str, str] = {}
    for scene in version.scenes.filter(omitted=False):
        name = scene.set_name or scene.location
        if name:
            first.setdefault(set_key(name), name)
    return list(first.values())


def set_places(production: Any) -> dict[Location, list[str]]:
    """Each location with the names a set is matched to it by: its own and the sets placed
    there on this screen. Every app reads a set's location as
    ``tournage.screenplay.sets.matched(set_name, set_places(production))``."""
    return {place: [place.name, *(place.sets or [])] for place in production.locations.all()}


def set_rows(production: Any) -> list[SetRow]:
    places = set_places(production)
    rows = []
    for name in script_sets(production):
        location = matched(name, places)
        rows.append(SetRow(name, location, None if location else suggest(name, places)))
    return rows


def unmapped_sets(production: Any) -> list[str]:
    return [row.name for row in set_rows(production) if row.location is None]


@transaction.atomic
def save_mapping(production: Any, chosen: dict[str, Location | None]) -> None:
    """Each location keeps the sets given to it here and those of no current set; a set
    named like its location needs no entry (the names already match)."""
    chosen_keys = {set_key(name) for name in chosen}
    for place in production.locations.all():
        old = list(place.sets or [])
        given = [
            name
            for name, target in chosen.items()
            if target == place and set_key(name) != set_key(place.name)
        ]
        given_keys = {set_key(name) for name in given}
        old_keys = {set_key(name) for name in old}
        sets = [s for s in old if set_key(s) not in chosen_keys or set_key(s) in given_keys]
        sets += [name for name in given if set_key(name) not in old_keys]
        if sets != old:
            place.sets = sets
            place.save(update_fields=["sets"])


class SetMappingForm(forms.Form):
    def __init__(self, *args: Any, rows: list[SetRow], production: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            self.fields[row.field] = forms.ModelChoiceField(
                label=row.name,
                queryset=production.locations.all(),
                required=False,
                empty_label=gettext_lazy("— not placed yet —"),
                initial=row.location.pk if row.location else None,
            )

    def chosen(self) -> dict[str, Location | None]:
        return {row.name: self.cleaned_data.get(row.field) for row in self.rows}


def mapping(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    rows = set_rows(production)
    form = SetMappingForm(request.POST or None, rows=rows, production=production)
    if request.method == "POST":
        if "suggestions" in request.POST:
            save_mapping(production, {row.name: row.location or row.suggestion for row in rows})
        elif form.is_valid():
            save_mapping(production, form.chosen())
        else:
            return _page(request, form, status=400)
        messages.success(request, _("Sets placed."))
        return redirect("screenplay:sets", production_id=production_id)
    return _page(request, form)


def _page(request: ProductionRequest, form: SetMappingForm, status: int = 200) -> HttpResponse:
    rows = [(row, form[row.field]) for row in form.rows]
    context = {"rows": rows, "suggested": any(r.suggestion for r in form.rows)}
    return render(request, "screenplay/sets.html", context, status=status)
