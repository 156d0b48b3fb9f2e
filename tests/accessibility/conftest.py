"""Fixtures shared by the web tests of this folder."""

from __future__ import annotations

import pytest


@pytest.fixture
def deliverable(production):
    from tournage.web.delivery.models import Deliverable

    return Deliverable.objects.create(
        production=production,
        name="PAD France",
        kind="broadcast",
        profile="pad-hd-fr",
        channel="fr_pad_hd_file",
    )
