"""atheris targets of the archive import, which needs Django and a database.

``setup`` starts Django with the test settings on an in-memory SQLite database, migrates
it and exports a small production (people, a location, members) as the seed. Each input
is imported by ``restore_archive`` inside a transaction rolled back afterwards, so every
input meets the same database. ``archive`` fuzzes the zip itself; ``archive_rows`` the
``productions`` section's JSON, wrapped in a zip whose checksums are right (what an
attacker would write), so that the row loader and not the checksum check answers.

A refusal must be the import's own ``ArchiveError`` naming what is wrong: its catch-all
``import_failed`` (an unexpected exception while loading, reported with the exception's
text) counts as a crash here.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import atheris

# the import's own modules: instrumenting every app Django loads costs minutes at start
_INSTRUMENTED = [
    "tournage.common",
    "tournage.web.productions.archive",
    "tournage.web.productions.archive_reader",
]
_MEDIA = Path(tempfile.mkdtemp(prefix="fuzz-archive-media-"))


def setup() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "tournage_test_settings"
    os.environ["DATABASE_URL"] = "sqlite://:memory:"
    import django
    from django.conf import settings

    settings.MIGRATION_MODULES = _NoMigrations()  # tables from the models: seconds, not minutes
    django.setup()
    settings.MEDIA_ROOT = _MEDIA
    from django.core.management import call_command

    call_command("migrate", run_syncdb=True, verbosity=0, interactive=False)


class _NoMigrations(dict[str, None]):
    def __contains__(self, app: object) -> bool:
        return True

    def __getitem__(self, app: str) -> None:
        return None


def _restore(data: bytes) -> None:
    from django.db import transaction

    from tournage.web.productions.archive import restore_archive
    from tournage.web.productions.archive_reader import ArchiveError

    try:
        with transaction.atomic():
            transaction.set_rollback(True)
            restore_archive(io.BytesIO(data))
    except ArchiveError as refusal:
        if refusal.code == "import_failed":
            raise AssertionError(f"unexpected error behind a refusal: {refusal}") from refusal
        raise
    finally:
        if any(_MEDIA.iterdir()):
            shutil.rmtree(_MEDIA)
            _MEDIA.mkdir()


def _rows(data: bytes) -> None:
    from crafted_archives import build

    _restore(build(members={"sections/productions.json": data}))


def _exported() -> bytes:
    """A production with members, people (cast and crew) and a location, exported."""
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from tournage.web.productions.archive import export_production
    from tournage.web.productions.models import Location, Membership, Person, Production

    buffer = io.BytesIO()
    with transaction.atomic():
        production = Production.objects.create(
            title="La Traversée", format="short", budget_envelope="120000.00"
        )
        user = get_user_model().objects.create_user("prod", password="x")
        Membership.objects.create(production=production, user=user, role="producer")
        Person.objects.create(
            production=production,
            kind="cast",
            first_name="Léa",
            character="LÉA",
            birth_date="2016-05-02",
            daily_rate="250.00",
        )
        Person.objects.create(production=production, kind="crew", first_name="Ana")
        Location.objects.create(production=production, name="Moulin", sets=["MOULIN - SALLE"])
        export_production(production, buffer)
        transaction.set_rollback(True)
    return buffer.getvalue()


def _section(archive: bytes) -> bytes:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        return opened.read("sections/productions.json")


def target(name: str, target_class: Any) -> Any:
    """The ``Target`` of ``fuzz.atheris_targets`` for ``archive`` or ``archive_rows``."""
    with atheris.instrument_imports(include=_INSTRUMENTED):
        setup()

    seed = _exported()
    if name == "archive":
        return target_class(_restore, lambda: [seed], 8192)
    return target_class(_rows, lambda: [_section(seed)], 8192)
