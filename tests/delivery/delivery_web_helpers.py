"""Helpers shared by the web tests of this folder (pages, uploads)."""

from __future__ import annotations

from django.urls import reverse


def url(name: str, production, **kwargs) -> str:
    return reverse(f"delivery:{name}", kwargs={"production_id": production.pk, **kwargs})
