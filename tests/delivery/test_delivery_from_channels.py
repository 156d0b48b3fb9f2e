"""Channels chosen for the production become deliverables: typed once, then editable."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tournage.web.delivery.models import Deliverable
from tournage.web.productions.models import Production

pytestmark = pytest.mark.django_db

FIELDS = {
    "title": "Le Passeur",
    "format": "short",
    "country": "FR",
    "currency": "EUR",
    "phase": "develop",
}


def _create(make_user: Any, channels: list[str]) -> tuple[Client, Production]:
    client = Client()
    client.force_login(make_user())
    response = client.post(reverse("productions:create"), {**FIELDS, "channels": channels})
    assert response.status_code == 302
    return client, Production.objects.get(title="Le Passeur")


def _edit(client: Client, production: Production, channels: list[str]) -> None:
    url = reverse("productions:edit", kwargs={"production_id": production.pk})
    assert client.post(url, {**FIELDS, "channels": channels}).status_code == 302


def test_creation_with_two_channels_makes_their_deliverables(make_user: Any) -> None:
    client, production = _create(make_user, ["fr_pad_hd_file", "dcp_cinema"])
    made = {d.channel: d for d in Deliverable.objects.filter(production=production)}
    assert set(made) == {"fr_pad_hd_file", "dcp_cinema"}
    assert made["dcp_cinema"].profile == "dcp" and made["dcp_cinema"].kind == "festival"
    assert made["fr_pad_hd_file"].profile == "pad-hd-fr"
    page = client.get(reverse("delivery:index", kwargs={"production_id": production.pk}))
    assert "d’après le canal « Cinéma / festivals (DCP) » choisi pour la production" in (
        page.content.decode()
    )


def test_an_added_channel_adds_one_deliverable_and_a_deleted_one_stays_deleted(
    make_user: Any,
) -> None:
    client, production = _create(make_user, ["dcp_cinema"])
    Deliverable.objects.filter(production=production, channel="dcp_cinema").delete()
    _edit(client, production, ["dcp_cinema", "youtube_upload"])
    assert list(
        Deliverable.objects.filter(production=production).values_list("channel", flat=True)
    ) == ["youtube_upload"]
    _edit(client, production, ["dcp_cinema", "youtube_upload"])  # saved unchanged
    assert Deliverable.objects.filter(production=production).count() == 1


def test_a_renamed_deliverable_is_kept_when_its_channel_is_chosen_again(make_user: Any) -> None:
    client, production = _create(make_user, ["podcast_audio"])
    Deliverable.objects.filter(production=production).update(name="Podcast France Culture")
    _edit(client, production, [])
    _edit(client, production, ["podcast_audio"])
    assert list(
        Deliverable.objects.filter(production=production).values_list("name", flat=True)
    ) == ["Podcast France Culture"]
