"""Downloads of the safety file: the DUER (PDF) and the heads-of-department form (CSV)."""

from __future__ import annotations

import io

from django.utils import timezone

from tournage.common.exports import SafeCsvWriter
from tournage.safety import documents
from tournage.safety.rules import PARITY
from tournage.web.labor import api as labor_api
from tournage.web.productions.models import Production

from . import services


def duer_pdf(production: Production) -> bytes:
    employer = labor_api.employer(production).name
    report = services.duer_report(production)
    return documents.duer_pdf(production.title, employer, report, timezone.localdate())


def heads_csv(production: Production) -> str:
    """One line per post of the grid: post, points, holder, sex (empty when unknown)."""
    heads = services.heads(production)
    stream = io.StringIO()
    writer = SafeCsvWriter(stream, delimiter=";")
    writer.writerow(["poste", "points", "nom", "sexe"])
    for post in PARITY.load().parity_bonus.grid:
        head = heads.get(post.id)
        writer.writerow(
            [post.label, post.points, head.name if head else "", head.sex if head else ""]
        )
    return stream.getvalue()
