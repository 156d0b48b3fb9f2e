"""Fuzz targets: run by `make fuzz` (TOURNAGE_FUZZ=1), never by `make test`.

Each parser has a module ``test_fuzz_<parser>.py`` whose hypothesis tests take their
example count from ``fuzz_settings()`` (``FUZZ_EXAMPLES``, 100,000 by default) and
fail on any exception that is not the product's own ``DomainError``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

if not os.environ.get("TOURNAGE_FUZZ"):
    collect_ignore_glob = ["test_*.py"]


def fuzz_settings() -> settings:
    return settings(
        max_examples=int(os.environ.get("FUZZ_EXAMPLES", "100000")),
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
