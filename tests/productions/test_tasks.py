"""Background tasks: the embedded database worker, and a Redis queue run by another process."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import django_rq.settings
import pytest
from django.core.management import call_command
from django.db import connection
from django_tasks import TaskResultStatus

from tournage.web.productions.models import ArchiveExport
from tournage.web.productions.tasks import export_production_archive

TESTS_DIR = Path(__file__).resolve().parents[1]


@pytest.mark.django_db(transaction=True)
def test_database_backend_worker_runs_the_export(production: Any, settings: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    export = ArchiveExport.objects.create(production=production)
    result = export_production_archive.enqueue(export.pk)
    assert result.status == TaskResultStatus.READY
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    export.refresh_from_db()
    with export.file.open("rb") as archive, zipfile.ZipFile(archive) as zip_file:
        assert "manifest.json" in zip_file.namelist()


def _database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_redis_queue_task_runs_in_a_separate_worker_process(
    production: Any, settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    redis = pytest.importorskip("redis")
    # a Redis database of this run's own: a concurrent run's worker on the shared server
    # must not take this job and run it against its own test database
    url = f"{settings.REDIS_URL.rsplit('/', 1)[0]}/{1 + os.getpid() % 15}"
    try:
        redis.Redis.from_url(url).ping()
    except redis.exceptions.ConnectionError:
        pytest.fail(f"Redis does not answer at {url}: start it (see .ci/run).")
    queues = django_rq.settings.QUEUES
    monkeypatch.setitem(queues, "default", {**queues["default"], "URL": url})
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    export = ArchiveExport.objects.create(production=production)
    result = export_production_archive.enqueue(export.pk)

    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "TOURNAGE_TASKS": "rq",
        "DJANGO_SETTINGS_MODULE": "tournage.web.settings",
        "TOURNAGE_DATA_DIR": str(tmp_path),
        "REDIS_URL": url,
    }
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(TESTS_DIR), env.get("PYTHONPATH")]))
    worker = subprocess.run(
        [
            sys.executable,
            "-m",
            "django",
            "rqworker",
            "default",
            "--burst",
            "--job-class",
            "django_tasks_rq.Job",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert worker.returncode == 0, worker.stderr[-2000:]
    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL, worker.stderr[-2000:]
    assert result.return_value["export_id"] == export.pk
    export.refresh_from_db()
    assert (tmp_path / "media" / export.file.name).is_file()
