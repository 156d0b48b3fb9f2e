"""The risk register: script analysis, seeding from the breakdown, risks added by hand."""

from __future__ import annotations

from typing import Any

import pytest

from tournage.web.labor.models import (
    Contract,
    Risk,
)
from tournage.web.productions.models import Role

pytestmark = pytest.mark.django_db


PLANTED = (
    "Contrat à durée déterminée d'usage (L.1242-2). Convention collective de la production "
    "audiovisuelle. Engagé en qualité de Machiniste. Rémunération brute : 600,00 € par "
    "semaine."
).encode()


def test_analyse_upload(production: Any, member_client: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = member_client(Role.ACCOUNTANT)
    url = f"/p/{production.pk}/teams/analyse/"
    page = client.post(url, {"file": SimpleUploadedFile("c.txt", PLANTED)}).content.decode()
    assert "LAB-MENTION-MISSING" in page and "LAB-PAY-BELOW-MIN" in page
    bad = client.post(url, {"file": SimpleUploadedFile("c.pdf", b"%PDF-1.4 broken")})
    assert bad.status_code == 200 and "PDF illisible" in bad.content.decode()
    wrong = client.post(url, {"file": SimpleUploadedFile("c.exe", b"MZ")})
    assert wrong.status_code == 200 and Contract.objects.count() == 0


def test_seed_risks_from_an_uploaded_script(production: Any, member_client: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = member_client(Role.PRODUCER)
    script = b"EXT. PONT SUR LA RIVIERE - NUIT\n\nLa voiture roule vers le fleuve.\n"
    url = f"/p/{production.pk}/teams/risks/seed/"
    client.post(url, {"file": SimpleUploadedFile("s.fountain", script)})
    assert {"night_exterior", "water"} <= set(Risk.objects.values_list("code", flat=True))
    count = Risk.objects.count()
    client.post(url, {"file": SimpleUploadedFile("s.fountain", b"")})
    client.post(url, {"file": SimpleUploadedFile("s.fountain", script)})
    assert Risk.objects.count() == count


def test_seed_risks_from_the_screenplay_apps_current_version(
    production: Any, member_client: Any
) -> None:
    from tournage.web.screenplay.services import import_script

    import_script(
        production, b"EXT. TOIT DE L'IMMEUBLE - NUIT\n\nMarc grimpe sur le toit.\n", "s.fountain"
    )
    client = member_client(Role.PRODUCTION_MANAGER)
    client.post(f"/p/{production.pk}/teams/risks/breakdown/")
    assert {"night_exterior", "height"} <= set(
        Risk.objects.filter(production=production).values_list("code", flat=True)
    )
    assert (
        member_client(Role.CREW).post(f"/p/{production.pk}/teams/risks/breakdown/").status_code
        == 403
    )


def test_risk_added_by_hand_once_per_scene(production: Any, member_client: Any) -> None:
    client = member_client(Role.PRODUCER)
    url = f"/p/{production.pk}/teams/risks/"
    risk = {
        "add_risk": "1",
        "risk-scene": "12",
        "risk-code": "weapon",
        "risk-label": "Arme",
        "risk-status": "open",
    }
    assert client.post(url, risk).status_code == 302
    again = client.post(url, risk)
    assert again.status_code == 200 and "déjà" in again.content.decode()
    assert Risk.objects.filter(production=production).count() == 1
