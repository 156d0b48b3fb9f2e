"""The production dashboard of the demo, in process: CPU, wall time and queries per view.

Run, after loading the demo once into a data folder (``export TOURNAGE_DATA_DIR=/tmp/demo``):
    .venv/bin/tournage demo --no-serve
    PYTHONPATH=src .venv/bin/python tests/bench/productions/bench_dashboard.py [views]
The first view warms imports and caches; the figures that matter are the next ones.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tournage.web.settings")


def main(views: int) -> None:
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from tournage.web.productions.models import Membership, Role

    member = Membership.objects.filter(role=Role.PRODUCER).first()
    if member is None:
        sys.exit("No production with a producer here: load the demo first (see the docstring).")
    client = Client()
    client.force_login(member.user)
    for view in range(views):
        cpu, wall = time.process_time(), time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            status = client.get(f"/p/{member.production_id}/", HTTP_HOST="127.0.0.1").status_code
        print(
            f"view {view + 1}: HTTP {status}, {time.process_time() - cpu:.2f} s CPU, "
            f"{time.perf_counter() - wall:.2f} s wall, {len(queries)} queries"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
