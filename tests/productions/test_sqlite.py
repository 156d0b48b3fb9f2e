"""The embedded SQLite database is shared by the web server and the worker: WAL (readers
never wait for the writer) and a busy timeout (a writer waits instead of failing)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROBE = (
    "import django; django.setup()\n"
    "from django.db import connection\n"
    "with connection.cursor() as cursor:\n"
    "    cursor.execute('PRAGMA journal_mode'); print(cursor.fetchone()[0])\n"
    "    cursor.execute('PRAGMA busy_timeout'); print(cursor.fetchone()[0])\n"
)


def test_the_embedded_database_runs_in_wal_mode_with_a_busy_timeout(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "TOURNAGE_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "tournage.web.settings",
    }
    env.pop("DATABASE_URL", None)
    tmp_path.mkdir(exist_ok=True)
    result = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["wal", "20000"]
