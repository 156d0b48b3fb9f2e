"""Production settings pass Django's deployment checklist, and refuse to start insecurely."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def django_check(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("TOURNAGE_")}
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    environment.update(
        {
            "TOURNAGE_DATA_DIR": str(tmp_path),
            "DJANGO_SETTINGS_MODULE": "tournage.web.settings",
            **env,
        }
    )
    return subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_is_clean_with_production_settings(tmp_path: Path) -> None:
    result = django_check(
        tmp_path,
        TOURNAGE_PRODUCTION="1",
        TOURNAGE_SECRET_KEY="x7" * 30 + "-a-long-random-secret-key-for-the-check",
        TOURNAGE_ALLOWED_HOSTS="tournage.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_mode_without_a_secret_key_refuses_to_start(tmp_path: Path) -> None:
    result = django_check(tmp_path, TOURNAGE_PRODUCTION="1")
    assert result.returncode != 0
    assert "TOURNAGE_SECRET_KEY must be set" in result.stderr
