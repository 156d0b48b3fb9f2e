"""A new script version that drops scenes or characters: refused when empty, no 500 after."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tournage.web.productions.demo import load_demo
from tournage.web.screenplay.models import Scene, ScriptVersion

pytestmark = pytest.mark.django_db

EMPTY_FDX = (
    b'<?xml version="1.0"?><FinalDraft DocumentType="Script"><Content></Content></FinalDraft>'
)
SHORT = b"""Title: AVANT LA CRUE

EXT. BERGE DU TARN - JOUR #1#

Une barque glisse sur l'eau.
"""


def _upload(client: Any, production: Any, name: str, content: bytes) -> Any:
    target = reverse("screenplay:upload", kwargs={"production_id": production.pk})
    return client.post(target, {"script": SimpleUploadedFile(name, content)})


def test_an_fdx_without_scenes_is_not_a_new_version(member_client: Any, production: Any) -> None:
    client = member_client("producer")
    assert _upload(client, production, "v1.fountain", SHORT).status_code == 302
    response = _upload(client, production, "vide.fdx", EMPTY_FDX)
    assert response.status_code == 400
    assert "Aucune séquence trouvée" in response.content.decode()
    assert ScriptVersion.objects.filter(production=production).count() == 1
    assert not Scene.objects.filter(production=production, omitted=True).exists()


def test_pages_after_a_version_that_drops_every_character(member_client: Any) -> None:
    production, _ = load_demo()
    client = member_client("producer", on=production)
    assert _upload(client, production, "v2.fountain", SHORT).status_code == 302
    version = ScriptVersion.objects.filter(production=production).order_by("-number").first()
    assert version is not None and not version.characters.filter(speaking=True).exists()
    pages = [
        "screenplay:index",
        "screenplay:characters",
        "screenplay:elements",
        "budget:index",
        "budget:costs",
        "scheduling:index",
    ]
    for name in pages:
        response = client.get(reverse(name, kwargs={"production_id": production.pk}))
        assert response.status_code == 200, name
        assert "n'existe pas" not in response.content.decode(), name  # no global went missing
    importer = reverse("budget:expense_import", kwargs={"production_id": production.pk})
    csv = b"Date;Compte;Montant HT\n01/05/2027;7.1;100,00\n"
    client.post(importer, {"file": SimpleUploadedFile("banque.csv", csv)})
    mapping = reverse("budget:expense_mapping", kwargs={"production_id": production.pk})
    assert client.get(mapping).status_code == 200
    response = client.post(
        mapping, {"date": "Date", "account": "Compte", "amount_ht": "Montant HT"}
    )
    assert response.status_code in (200, 302)


def test_merging_two_characters_carries_to_the_next_version(
    member_client: Any, production: Any
) -> None:
    from tournage.web.screenplay.models import BreakdownTag, Character

    client = member_client("producer")
    v1 = SHORT + b"\nNADIA\nOui.\n\nINT. MAISON - NUIT #2#\n\nNADIA ENFANT\nMaman ?\n"
    assert _upload(client, production, "v1.fountain", v1).status_code == 302
    version = ScriptVersion.objects.get(production=production)
    source = Character.objects.get(version=version, name="NADIA ENFANT")
    target = Character.objects.get(version=version, name="NADIA")
    merge = reverse("screenplay:character_merge", kwargs={"production_id": production.pk})
    assert client.post(merge, {"source": source.pk, "target": target.pk}).status_code == 302
    target.refresh_from_db()
    assert (target.scenes, target.dialogue_count, target.aliases) == (
        ["1", "2"],
        2,
        ["NADIA ENFANT"],
    )
    assert not Character.objects.filter(pk=source.pk).exists()
    assert set(
        BreakdownTag.objects.filter(scene__version=version, category="cast").values_list(
            "name", flat=True
        )
    ) == {"NADIA"}
    assert _upload(client, production, "v2.fountain", v1).status_code == 302
    newest = ScriptVersion.objects.filter(production=production).order_by("-number").first()
    assert newest is not None and newest.aliases == {"NADIA ENFANT": "NADIA"}
    assert list(newest.characters.values_list("name", flat=True)) == ["NADIA"]
    crew = member_client("crew")
    assert crew.post(merge, {"source": target.pk, "target": target.pk}).status_code in (403, 404)
