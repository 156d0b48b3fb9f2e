"""Rule tables shipped with tournage, each value with its source and date.

Read them through these helpers so the package works from a wheel as well as
from a source tree. PyYAML and importlib.resources are imported on first use: the
command line's start-up is timed, and a command that reads a JSON snapshot of its
tables (``load_json``) needs neither.
"""

from __future__ import annotations

import csv
import io
import json
from functools import cache
from pathlib import Path
from typing import Any


def data_text(relative_path: str) -> str:
    """Text of a shipped data file, e.g. ``data_text("labor/working_time.yaml")``."""
    from importlib.resources import files

    return files(__name__).joinpath(relative_path).read_text(encoding="utf-8")


@cache
def load_yaml(relative_path: str) -> Any:
    """Parsed YAML data file (cached: the tables are read-only)."""
    import yaml

    # libyaml's parser when the wheel has it: ten times faster on the larger tables
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(data_text(relative_path), Loader=loader)  # noqa: S506 - a safe loader


@cache
def load_json(relative_path: str) -> Any:
    """Parsed JSON data file (a snapshot of YAML tables, for start-up time), cached."""
    return json.loads((Path(__file__).parent / relative_path).read_text(encoding="utf-8"))


@cache
def load_csv(relative_path: str) -> tuple[dict[str, str], ...]:
    """Rows of a shipped CSV file as dicts (cached, immutable tuple)."""
    return tuple(csv.DictReader(io.StringIO(data_text(relative_path))))
