"""The pages of the load scenario, in process: CPU, wall time and queries per view.

Run, after loading the demo once into a data folder (``export TOURNAGE_DATA_DIR=/tmp/demo``):
    .venv/bin/tournage demo --no-serve
    PYTHONPATH=src .venv/bin/python tests/bench/load/bench_pages.py [views] [page ...]
Pages: dashboard, stripboard, devis, cost-report (all by default). The first view warms
imports and caches; the figures that matter are the next ones. ``--cold`` clears the
cache before each view (what a view costs right after a write); ``--profile`` prints
the 25 costliest functions of the last view.
"""

from __future__ import annotations

import cProfile
import os
import pstats
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tournage.web.settings")


def _urls(production_id: int) -> dict[str, str]:
    from tournage.web.budget.models import BudgetVersion
    from tournage.web.scheduling.models import Schedule

    base = f"/p/{production_id}/"
    schedule = Schedule.objects.filter(production_id=production_id).first()
    budget = BudgetVersion.objects.filter(production_id=production_id).first()
    return {
        "dashboard": base,
        "stripboard": f"{base}schedule/{schedule.pk if schedule else 0}/",
        "devis": f"{base}budget/versions/{budget.pk if budget else 0}/",
        "cost-report": f"{base}budget/costs/",
    }


def main(views: int, pages: list[str], cold: bool, profile: bool) -> None:
    import django

    django.setup()
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from tournage.web.productions.models import Membership, Role

    member = Membership.objects.filter(role=Role.PRODUCER).first()
    if member is None:
        sys.exit("No production with a producer here: load the demo first (see the docstring).")
    client = Client()
    client.force_login(member.user)
    urls = _urls(member.production_id)
    for page in pages or list(urls):
        profiler = cProfile.Profile()
        for view in range(views):
            if cold:
                caches["derived"].clear()
            cpu, wall = time.process_time(), time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                if profile and view == views - 1:
                    profiler.enable()
                status = client.get(urls[page], HTTP_HOST="127.0.0.1").status_code
                profiler.disable()
            print(
                f"{page} view {view + 1}: HTTP {status}, {time.process_time() - cpu:.3f} s CPU, "
                f"{time.perf_counter() - wall:.3f} s wall, {len(queries)} queries"
            )
        if profile:
            pstats.Stats(profiler).sort_stats("cumulative").print_stats("tournage|template", 30)


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    count = int(arguments[0]) if arguments and arguments[0].isdigit() else 3
    main(
        count,
        [a for a in arguments if not a.isdigit()],
        "--cold" in sys.argv,
        "--profile" in sys.argv,
    )
