"""What pages derive from the data (the dashboard's panels) is cached under a revision of
the data that every committed write changes, so a page is never stale after a save.

The one place every write goes through is the database connection: an execute wrapper
sees each INSERT, UPDATE and DELETE on a tournage table — a model ``save()``, a queryset
``update()``, a ``bulk_create``, a cascade, from a page, the task worker or the CLI —
and once the write is committed sets a new revision token in the shared cache
(``CACHES["derived"]``, a folder of the data directory by default, so every process of
the instance sees it; a per-process cache such as local memory would not). The revision
is one for the instance, not one per production: a write's production is not known at
that level, and recomputing every dashboard after any write costs less than a missed one.

Writes that change nothing a page derives are not counted: sessions, login attempts,
the task queue and the workers' heartbeats.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Callable, Hashable, Iterable
from functools import cache as once
from pathlib import Path
from typing import Any, TypeVar

from django.apps import apps
from django.core.cache import caches
from django.db import connection, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.signals import connection_created
from django.utils import timezone, translation

import tournage
from tournage.referential.registry import shared

# Django writes the table name first, quoted (``INSERT INTO "t"``, ``UPDATE "t"``, ...).
_WRITE = re.compile(r'\s*(INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE)\s+"?(\w+)', re.I)
_UNTRACKED_MODELS = {"productions.WorkerHeartbeat"}
T = TypeVar("T")
DERIVED_TIMEOUT = 3600  # seconds; bounds what a write from outside the ORM could leave stale


def connect() -> None:
    """Track writes on every database connection (an ``AppConfig`` hook)."""
    connection_created.connect(_install, weak=False, dispatch_uid="tournage-revision")
    for opened in connections.all(initialized_only=True):
        _install(None, opened)


def _install(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    if _track_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(_track_writes)


def _track_writes(
    execute: Callable[..., Any], sql: str, params: Any, many: bool, context: dict[str, Any]
) -> Any:
    result = execute(sql, params, many, context)
    written = _WRITE.match(sql)
    # TRUNCATE names several tables (a test database's flush): always a new revision.
    if written is not None and (
        written.group(1).upper() == "TRUNCATE" or written.group(2) in _tracked_tables()
    ):
        _written(context["connection"])
    return result


def _written(database: BaseDatabaseWrapper) -> None:
    if not database.in_atomic_block:
        bump()  # autocommit: the write is committed already
    elif not _uncommitted(database):
        database.on_commit(bump)


def _uncommitted(database: BaseDatabaseWrapper) -> bool:
    """The transaction under way wrote a tracked table (its bump waits for the commit)."""
    return any(entry[1] is bump for entry in database.run_on_commit)


@once
def _tracked_tables() -> frozenset[str]:
    return frozenset(
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model.__module__.startswith("tournage.") and model._meta.label not in _UNTRACKED_MODELS
    )


def bump() -> None:
    """A new revision: everything cached under the previous one is no longer read."""
    caches["derived"].set(_revision_key(), uuid.uuid4().hex, None)


def revision() -> str:
    key, cache = _revision_key(), caches["derived"]
    token = cache.get(key)
    if token is None:  # never set, or evicted: a new one (add: a concurrent bump wins)
        cache.add(key, uuid.uuid4().hex, None)
        token = cache.get(key) or ""
    return str(token)


def cached(parts: Iterable[object], compute: Callable[[], T]) -> T:
    """``compute()``, cached under ``parts`` for the current data revision, language and
    day (pages say "today", "late") and the code that computed it. Inside a transaction
    that has written, computed afresh: the cache holds what was before the write."""
    if _uncommitted(connection):
        return compute()
    key = ":".join(
        [
            "tournage:derived",
            _database(),
            _code(),
            revision(),
            translation.get_language() or "",
            timezone.localdate().isoformat(),
            *map(str, parts),
        ]
    )
    value: T | None = caches["derived"].get(key)
    if value is None:
        value = compute()
        caches["derived"].set(key, value, DERIVED_TIMEOUT)
    return value


def derived(key: tuple[Hashable, ...], compute: Callable[[], T]) -> T:
    """A value derived from the whole production (a devis, a footprint): computed once
    per page (``shared``) and kept across pages until the data changes (``cached``).
    ``compute`` must read nothing but the database, and its callers must not change it."""
    return shared(key, lambda: cached(key, compute))


def _revision_key() -> str:
    return f"tournage:revision:{_database()}"


def _database() -> str:
    """Which database the data is in: two instances (or two test runs) may share a cache."""
    settings = connection.settings_dict
    where = f"{connection.vendor}:{settings['HOST']}:{settings['PORT']}:{settings['NAME']}"
    return hashlib.sha256(where.encode()).hexdigest()[:16]


@once
def _code() -> str:
    """The installed code and templates: an upgrade must not read what the old code cached."""
    root = Path(tournage.__file__).parent
    stamps = sorted(
        f"{path}:{path.stat().st_mtime_ns}"
        for pattern in ("*.py", "*.html", "*.mo", "*.yaml")
        for path in root.rglob(pattern)
    )
    return hashlib.sha256("\n".join([tournage.__version__, *stamps]).encode()).hexdigest()[:16]
