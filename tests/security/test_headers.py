"""Response headers: CSP without inline code, Permissions-Policy, no caching of personal
pages; production refuses a weak secret key; templates carry no inline script or style."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from productions.test_deploy import django_check
from tournage.web.productions.models import Role

SRC = Path(__file__).resolve().parents[2] / "src" / "tournage"
# style="", <style>, an inline <script> (one without src) and on*="" event handlers
INLINE = re.compile(
    r"""\sstyle\s*=|<style[\s>]|<script(?![^>]*\ssrc=)[^>]*>|\son[a-z]+\s*=""", re.IGNORECASE
)


def _directives(response: Any) -> dict[str, str]:
    policy = response.headers["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())


@pytest.mark.django_db
def test_every_page_gets_a_policy_without_inline_code(client: Client) -> None:
    directives = _directives(client.get("/accounts/login/"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe" not in " ".join(directives.values())


@pytest.mark.django_db
def test_permissions_policy_denies_the_unused_features(client: Client) -> None:
    policy = client.get("/accounts/login/").headers["Permissions-Policy"]
    assert "camera=()" in policy and "geolocation=()" in policy and "microphone=()" in policy


@pytest.mark.django_db
def test_logged_in_pages_are_not_stored(member_client: Any, production: Any) -> None:
    response = member_client(Role.PRODUCER).get(f"/p/{production.pk}/people/")
    assert response.status_code == 200
    cache = response.headers["Cache-Control"]
    assert "private" in cache and "no-store" in cache


def test_no_template_carries_inline_script_style_or_handler() -> None:
    offenders = [
        f"{path.relative_to(SRC)}: {match.group(0)}"
        for path in SRC.rglob("*.html")
        for match in INLINE.finditer(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_inline_pattern_catches_what_it_must() -> None:
    for bad in ('<p style="x">', "<style>", "<script>alert(1)</script>", '<a onclick="x">'):
        assert INLINE.search(bad), bad
    for good in ('<script src="/s.js" defer></script>', '<p class="style">', "<button>"):
        assert not INLINE.search(good), good


@pytest.mark.parametrize("key", ["x", "a" * 60, "django-insecure-" + "k3y" * 20])
def test_production_refuses_a_weak_secret_key(tmp_path: Path, key: str) -> None:
    result = django_check(tmp_path, TOURNAGE_PRODUCTION="1", TOURNAGE_SECRET_KEY=key)
    assert result.returncode != 0
    assert "TOURNAGE_SECRET_KEY is too weak" in result.stderr
