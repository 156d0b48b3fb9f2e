"""The screenplay rule tables: the JSON snapshot the command line reads equals the YAML."""

from __future__ import annotations

import json

from tournage.data import load_json
from tournage.screenplay.rules import SNAPSHOT, TABLES, yaml_documents


def test_snapshot_equals_the_yaml_sources() -> None:
    """Rewrite it with ``python -m tournage.screenplay.rules`` after editing a YAML file."""
    snapshot = load_json(SNAPSHOT)
    assert json.loads(json.dumps(yaml_documents())) == snapshot


def test_every_table_names_its_source_and_date() -> None:
    for table in TABLES:
        document = table.raw()
        assert document["source"].strip(), table.path
        assert str(document["date"]).startswith("2026"), table.path
