"""Data migrations tested on rows written in an older schema."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.apps.registry import Apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


@contextmanager
def migrated_back(targets: list[tuple[str, str]]) -> Iterator[Apps]:
    """The database at ``targets`` and that state's models to write rows with; on leaving,
    the latest migrations again, so the data migrations between run on those rows."""
    executor = MigrationExecutor(connection)
    try:
        executor.migrate(targets)
        yield executor.loader.project_state(targets).apps
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
