"""The foundation's commands, run as a user runs them: a separate process, a scratch database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tournage.web.productions.archive import SCHEMA_VERSION

pytestmark = pytest.mark.slow


def tournage(
    *args: str, data_dir: Path, database: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TOURNAGE_DATA_DIR": str(data_dir), "TOURNAGE_TASKS": "immediate"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("DATABASE_URL", None)
    if database is not None:
        env["DATABASE_URL"] = f"sqlite:///{database}"
    return subprocess.run(
        [sys.executable, "-m", "tournage", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def as_json(result: subprocess.CompletedProcess[str]) -> Any:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tournage", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.startswith("tournage ")


def test_demo_export_import_into_a_brand_new_database(tmp_path: Path) -> None:
    first = as_json(tournage("--json", "demo", "--no-serve", data_dir=tmp_path / "a"))
    again = as_json(tournage("demo", "--no-serve", "--json", data_dir=tmp_path / "a"))
    assert first["production"] == again["production"]
    assert {login["role"] for login in first["logins"]} == {
        "producer",
        "production_manager",
        "accountant",
        "eco_referent",
        "crew",
    }
    listed = as_json(tournage("productions", "--json", data_dir=tmp_path / "a"))
    assert listed == [first["production"]]  # loading twice duplicated nothing

    archive = tmp_path / "demo.zip"
    exported = as_json(
        tournage(
            "--json",
            "export",
            str(first["production"]["id"]),
            "-o",
            str(archive),
            data_dir=tmp_path / "a",
        )
    )
    assert exported["schema_version"] == SCHEMA_VERSION and archive.stat().st_size > 0

    fresh = tmp_path / "fresh.sqlite3"
    imported = as_json(
        tournage("--json", "import", str(archive), data_dir=tmp_path / "b", database=fresh)
    )
    assert imported["title"] == first["production"]["title"]
    assert {(i["username"], i["role"]) for i in imported["invitations"]} == {
        (login["username"], login["role"]) for login in first["logins"]
    }
    assert as_json(tournage("--json", "productions", data_dir=tmp_path / "b", database=fresh)) == [
        {"id": imported["id"], "title": imported["title"]}
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("export", "999", "-o", "out.zip"), "Aucune production n°999"),
        (("import", "missing.zip"), "Fichier introuvable"),
        (("import", "garbage.zip"), "pas une archive"),
        (("import", "garbage.zip", "--producer", "personne"), "Aucun utilisateur « personne »"),
    ],
)
def test_errors_are_messages_not_tracebacks(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    (tmp_path / "garbage.zip").write_bytes(b"not a zip at all")
    os.chdir(tmp_path)
    result = tournage("--json", *args, data_dir=tmp_path / "data")
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_cleanup_removes_orphan_uploads(tmp_path: Path) -> None:
    orphan = tmp_path / "data" / "media" / "budget" / "imports" / "abandonne.csv"
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(b"date;compte\n")
    listed = as_json(
        tournage("--json", "cleanup", "--older-than", "0", "--dry-run", data_dir=tmp_path / "data")
    )
    assert listed == {"removed": [], "orphans": ["budget/imports/abandonne.csv"], "bytes": 12}
    assert orphan.exists()
    removed = as_json(
        tournage("cleanup", "--older-than", "0", "--json", data_dir=tmp_path / "data")
    )
    assert removed["removed"] == ["budget/imports/abandonne.csv"]
    assert not orphan.exists()
