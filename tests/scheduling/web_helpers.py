"""Helpers shared by the web tests of this folder (pages, uploads)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

SCRIPT = b"""Title: Essai

INT. CUISINE - JOUR

ANNA pose une tasse.

ANNA
Bonjour.

EXT. JARDIN - NUIT

BRUNO fume.

BRUNO
Il fait froid.

INT. CUISINE - JOUR

ANNA
Tu rentres ?

BRUNO
Oui.
"""


def url(name: str, production: Any, **kwargs: Any) -> str:
    return reverse(f"scheduling:{name}", kwargs={"production_id": production.pk, **kwargs})
