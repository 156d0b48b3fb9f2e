"""Helpers shared by the web tests of this folder (pages, uploads)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse


def url(name: str, production: Any, **kwargs: Any) -> str:
    return reverse(f"budget:{name}", kwargs={"production_id": production.pk, **kwargs})
