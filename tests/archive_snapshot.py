"""Compare two copies of a production through their archives, whatever their ids."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model

from tournage.web.productions.archive import export_production, sections
from tournage.web.productions.models import Production

VOLATILE = {"updated_at", "demo_key"}
# An import never creates memberships nor speaks for another user: members are listed
# for the producer to invite, user references become empty (tests/productions/test_archive.py).
NOT_IMPORTED = {"productions.membership"}


def snapshot(production: Production) -> dict[str, Any]:
    """Every archived row of ``production`` with primary and foreign keys replaced by
    ranks, so two copies of one production compare equal whatever their ids."""
    buffer = io.BytesIO()
    export_production(production, buffer)
    with zipfile.ZipFile(buffer) as archive:
        documents = {
            s.name: json.loads(archive.read(f"sections/{s.name}.json")) for s in sections()
        }
        files = {n: archive.read(n) for n in archive.namelist() if n.startswith("files/")}
    ranks = {
        (label, row["pk"]): rank
        for document in documents.values()
        for label, rows in document.items()
        for rank, row in enumerate(rows)
    }
    for document in documents.values():
        for label in NOT_IMPORTED & document.keys():
            del document[label]
        for label, rows in document.items():
            model = apps.get_model(label)
            for row in rows:
                _normalise(model, row, ranks, files)
    return documents


def _normalise(
    model: Any, row: dict[str, Any], ranks: dict[Any, int], files: dict[str, bytes]
) -> None:
    row["pk"] = None
    for name in VOLATILE:
        row["fields"].pop(name, None)
    for name, value in row["fields"].items():
        field = model._meta.get_field(name)
        if field.is_relation and field.related_model is get_user_model():
            row["fields"][name] = None
        elif field.is_relation and value is not None:
            row["fields"][name] = ranks.get((field.related_model._meta.label_lower, value), "root")
        elif isinstance(value, dict) and "archive" in value:
            row["fields"][name] = files[value["archive"]].hex()
    for name, pks in row["m2m"].items():
        target = model._meta.get_field(name).related_model._meta.label_lower
        row["m2m"][name] = sorted(ranks[(target, pk)] for pk in pks)
