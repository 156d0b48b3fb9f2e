"""Fuzz the archive import: arbitrary bytes, and archives with valid checksums whose
manifest and rows are drawn from the real models' field names and hostile values. Only
ArchiveError may escape, and a refused archive leaves the database as it was."""

from __future__ import annotations

import io
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crafted_archives import build, production_row
from fuzz.conftest import fuzz_settings
from fuzz.hostile import survives
from tournage.web.productions.archive import restore_archive
from tournage.web.productions.models import Person, Production

pytestmark = pytest.mark.django_db

SCALAR = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(),
    st.text(max_size=40),
    st.sampled_from(
        [
            "2026-02-30",
            "2026-01-01T25:00:00",
            "1e999",
            "NaN",
            "cast",
            "producer",
            "fr_pad_hd_file",
            "../../etc/passwd",
            "manifest.json",
            "files/productions/x",
        ]
    ),
)
JSON = st.recursive(
    SCALAR,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)
PERSON_FIELDS = [
    "production",
    "first_name",
    "last_name",
    "kind",
    "home_latitude",
    "birth_date",
    "daily_rate",
    "id",
    "pk",
    "email",
    "key",
    "functions",
]
LOCATION_FIELDS = [
    "production",
    "name",
    "sets",
    "latitude",
    "available_from",
    "kind",
    "power_source",
]


def _rows(fields: list[str]) -> st.SearchStrategy[list[Any]]:
    row = st.fixed_dictionaries(
        {
            "pk": st.one_of(st.integers(0, 5), SCALAR),
            "fields": st.dictionaries(st.sampled_from(fields), JSON, max_size=6),
        },
        optional={"m2m": JSON},
    )
    return st.lists(st.one_of(row, JSON), max_size=4)


SECTIONS = st.fixed_dictionaries(
    {"productions.production": st.one_of(st.just([production_row()]), st.lists(JSON, max_size=2))},
    optional={
        "productions.person": _rows(PERSON_FIELDS),
        "productions.location": _rows(LOCATION_FIELDS),
        "productions.membership": _rows(["production", "user", "role"]),
        "productions.unknown": JSON,
    },
)
MANIFEST = st.dictionaries(
    st.sampled_from(["format", "schema_version", "sections", "checksums", "production"]),
    JSON,
    max_size=2,
)


@fuzz_settings()
@given(
    sections=SECTIONS,
    manifest=MANIFEST,
    files=st.dictionaries(
        st.sampled_from(["files/productions/a", "files/x/../b", "sections/screenplay.json"]),
        st.binary(max_size=64),
        max_size=2,
    ),
)
def test_crafted_archives(
    sections: dict[str, Any], manifest: dict[str, Any], files: dict[str, bytes]
) -> None:
    data = build({"productions": sections}, members=files, manifest=manifest)
    before = Production.objects.count(), Person.objects.count()
    if not survives(lambda: restore_archive(io.BytesIO(data))):
        assert (Production.objects.count(), Person.objects.count()) == before


LEGACY = st.fixed_dictionaries(
    {"productions.production": st.just([production_row(channels=["fr_pad_hd_file"])])},
    optional={
        "productions.person": _rows(PERSON_FIELDS),
        "labor.incident": _rows(["production", "day", "description", "action"]),
        "development.headofdepartment": _rows(["production", "department", "person"]),
        "development.channelplan": _rows(["production", "channel", "slot", "age_category"]),
        "rights.channelrating": _rows(["production", "channel", "category", "slot", "reason"]),
    },
)


@fuzz_settings()
@given(rows=LEGACY)
def test_crafted_legacy_archives(rows: dict[str, Any]) -> None:
    """Schema 1 archives whose moved data (plugins.Legacy) carries hostile values."""
    sections: dict[str, dict[str, Any]] = {}
    for label, found in rows.items():
        sections.setdefault(label.split(".")[0], {})[label] = found
    data = build(sections, manifest={"schema_version": 1})
    before = Production.objects.count(), Person.objects.count()
    if not survives(lambda: restore_archive(io.BytesIO(data))):
        assert (Production.objects.count(), Person.objects.count()) == before


@fuzz_settings()
@given(data=st.binary(max_size=4096))
def test_arbitrary_bytes(data: bytes, db: None) -> None:
    survives(lambda: restore_archive(io.BytesIO(data)))
