"""Start Django from the CLI: settings, migrations, the processes of ``tournage demo``."""

from __future__ import annotations

import os

import django


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tournage.web.settings")
    django.setup()


def migrate(verbosity: int = 0) -> None:
    """Create or upgrade the database (commands apply pending migrations first)."""
    from django.conf import settings
    from django.core.management import call_command

    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    call_command("migrate", interactive=False, verbosity=verbosity)


def worker_args() -> list[str]:
    """The command line (after ``python``) of one background-task worker."""
    from django.conf import settings

    if settings.TASK_BACKEND_NAME == "rq":
        return ["-m", "django", "rqworker", "default", "--job-class", "django_tasks_rq.Job"]
    return ["-m", "django", "tournage_worker", "--no-startup-delay"]


def prepare_static() -> None:
    """Production mode serves collected, compressed static files; collect them first."""
    from django.conf import settings
    from django.core.management import call_command

    if settings.PRODUCTION_MODE:
        call_command("collectstatic", interactive=False, verbosity=0)


def configure_limits() -> None:
    """Hand the parsers' limits from the settings to the framework-free core (once)."""
    from django.conf import settings

    from tournage.common import spreadsheets

    spreadsheets.configure(**settings.TOURNAGE_SPREADSHEET_LIMITS)
