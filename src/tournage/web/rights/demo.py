"""Demo step: the rights register, author contracts, permits, release plan and cue sheet
of the demo production (``demo_rights.yaml``). Idempotent: a second run changes nothing."""

from __future__ import annotations

import io
from importlib.resources import files
from typing import Any

import yaml
from django.core.files.base import ContentFile
from django.db import transaction

from tournage.web.productions.models import Person, PersonKind, Production

from . import services
from .models import (
    AuthorContract,
    AuthorRight,
    ChannelRating,
    Clearance,
    Cue,
    DestinationDocument,
    Permit,
    ReleasePlan,
    ReleaseStep,
)


def _data() -> dict[str, Any]:
    text = files(__package__).joinpath("demo_rights.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _document(title: str) -> ContentFile[bytes]:
    """A one-page PDF standing for a signed document of the demo."""
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawString(72, 760, f"{title} (document de démonstration)")
    page.save()
    return ContentFile(out.getvalue(), name="demo.pdf")


@transaction.atomic
def load_demo_rights(production: Production) -> None:
    if ReleasePlan.objects.filter(production=production).exists():
        return
    data = _data()
    ReleasePlan.objects.create(production=production, **data["plan"])
    _authors(production, data["authors"])
    _clearances(production, data["clearances"])
    services.seed_clearances(production)
    _permits(production, data["permits"])
    for step in data["steps"]:
        ReleaseStep.objects.create(production=production, **step)
    for rating in data["ratings"]:  # a rating may exist: moved from the channel plan
        ChannelRating.objects.update_or_create(
            production=production, channel=rating.pop("channel"), defaults=rating
        )
    for document in data["documents"]:
        DestinationDocument.objects.create(production=production, **document)
    _edit(production, data["edit"])


def _person(production: Production, spec: dict[str, Any]) -> Person:
    found = Person.objects.filter(production=production, key=spec["key"]).first()
    if found is not None:
        return found
    return Person.objects.create(
        production=production,
        key=spec["key"],
        first_name=spec["first_name"],
        last_name=spec["last_name"],
        kind=PersonKind.CONTACT,
        functions=spec["functions"],
        home_city=spec.get("city", ""),
    )


def _authors(production: Production, authors: list[dict[str, Any]]) -> None:
    for spec in authors:
        person = _person(production, spec.pop("person"))
        rights = spec.pop("rights")
        contract = AuthorContract(production=production, person=person, author=str(person), **spec)
        contract.document.save(
            "contrat-auteur.pdf", _document(f"Contrat d'auteur, {person}"), save=False
        )
        contract.save()
        for right in rights:
            AuthorRight.objects.create(contract=contract, **right)


def _clearances(production: Production, items: list[dict[str, Any]]) -> None:
    for spec in items:
        with_document = spec.pop("document", False)
        item = Clearance(production=production, **spec)
        if with_document:
            item.document.save("cession.pdf", _document(f"Cession, {item.subject}"), save=False)
        item.save()


def _permits(production: Production, permits: list[dict[str, Any]]) -> None:
    places = {p.key: p for p in production.locations.all()}
    for spec in permits:
        place = places.get(spec.pop("location"))
        if place is None:
            continue
        insured = spec.pop("insurance", False)
        permit = Permit(production=production, location=place, **spec)
        if insured:
            permit.insurance_certificate.save(
                "attestation-rc.pdf", _document("Attestation d'assurance RC"), save=False
            )
        permit.save()


def _edit(production: Production, spec: dict[str, Any]) -> None:
    edit = services.import_edit(production, spec["text"].encode("utf-8"), spec["filename"])
    services.rebuild_sheet(production, edit)
    for cue in Cue.objects.filter(production=production):
        cue.usage = spec["usages"].get(cue.name, "")
        for field, value in spec["works"].get(cue.name, {}).items():
            setattr(cue, field, value)
        cue.save()
