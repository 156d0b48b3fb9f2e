"""The demo production: an original French short film, its people, places and plan.

Plain data files, read without any web framework so the CLI and tests can use them.
"""

from __future__ import annotations

from importlib.resources import files
from typing import Any

import yaml

DEMO_KEY = "demo-court-metrage"
DEMO_PASSWORD = "tournage-demo"  # noqa: S105 - published demo logins, local use only


def demo_file(name: str) -> str:
    return files(__name__).joinpath(name).read_text(encoding="utf-8")


def production_data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(demo_file("production.yaml"))
    return data


def script_text() -> str:
    return demo_file("script.fountain")
