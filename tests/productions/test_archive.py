"""Whole-production archive: lossless round trip, and damaged archives change nothing."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive_snapshot import snapshot
from tournage.web.productions.archive import ArchiveError, export_production, import_production
from tournage.web.productions.models import Membership, Production

pytestmark = pytest.mark.django_db


@pytest.fixture
def rich_production(production: Any, make_person: Any, make_location: Any, make_user: Any) -> Any:
    Membership.objects.create(production=production, user=make_user("prod"), role="producer")
    Membership.objects.create(production=production, user=make_user("compta"), role="accountant")
    make_person(
        production,
        kind="cast",
        character="LÉA",
        birth_date="2016-05-02",
        daily_rate="250.00",
        home_city="Albi",
        home_latitude=43.9,
        home_longitude=2.1,
    )
    make_person(production, kind="crew", functions="chef opérateur, cadreur", email="a@example.org")
    make_location(production, name="Moulin", sets=["MOULIN - SALLE"], power_source="generator")
    production.channels = ["fr_pad_hd_file", "dcp_cinema"]
    production.shoot_start = "2027-04-12"
    production.save()
    return production


def test_round_trip_is_lossless(rich_production: Production, tmp_path: Any) -> None:
    path = tmp_path / "archive.zip"
    export_production(rich_production, str(path))
    copy = import_production(str(path))
    assert copy.pk != rich_production.pk
    assert snapshot(copy) == snapshot(rich_production)
    assert Production.objects.get(pk=copy.pk).created_at == rich_production.created_at
    assert (
        copy.people.get(character="LÉA").daily_rate
        == rich_production.people.get(character="LÉA").daily_rate
    )


def _archive_bytes(production: Production) -> bytes:
    buffer = io.BytesIO()
    export_production(production, buffer)
    return buffer.getvalue()


def _counts() -> tuple[int, int]:
    return Production.objects.count(), Membership.objects.count()


def test_not_a_zip_is_refused_clearly(rich_production: Production) -> None:
    before = _counts()
    with pytest.raises(ArchiveError, match="pas une archive"):
        import_production(io.BytesIO(b"%PDF-1.4 not an archive"))
    assert _counts() == before


def test_foreign_zip_is_refused(rich_production: Production) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as other:
        other.writestr("manifest.json", json.dumps({"format": "something-else"}))
    with pytest.raises(ArchiveError, match="pas une archive de production"):
        import_production(buffer)


def test_newer_schema_is_refused(rich_production: Production) -> None:
    data = _rewrite(
        _archive_bytes(rich_production), "manifest.json", lambda m: {**m, "schema_version": 999}
    )
    with pytest.raises(ArchiveError, match="mettez tournage à jour"):
        import_production(io.BytesIO(data))


def test_tampered_section_is_detected_and_nothing_changes(rich_production: Production) -> None:
    before = _counts()
    data = _rewrite(
        _archive_bytes(rich_production),
        "sections/productions.json",
        lambda doc: {**doc, "productions.person": []},
    )
    with pytest.raises(ArchiveError, match="corrompue"):
        import_production(io.BytesIO(data))
    assert _counts() == before


def test_failure_midway_rolls_back_everything(rich_production: Production) -> None:
    """A section that cannot be loaded after the production row was created."""
    before = _counts()
    archive = _rewrite(
        _archive_bytes(rich_production),
        "sections/productions.json",
        lambda doc: {**doc, "productions.membership": [{"pk": 1, "fields": {"nope": 1}}]},
        keep_checksums=False,
    )
    with pytest.raises(ArchiveError):
        import_production(io.BytesIO(archive))
    assert _counts() == before


def test_unknown_field_is_named_in_the_archive_error(rich_production: Production) -> None:
    before = _counts()
    archive = _rewrite(
        _archive_bytes(rich_production),
        "sections/productions.json",
        lambda doc: {**doc, "productions.person": [{"pk": 1, "fields": {"nope": 1}}]},
        keep_checksums=False,
    )
    with pytest.raises(
        ArchiveError, match=r"productions\.person n°1, champ « nope » : champ inconnu"
    ):
        import_production(io.BytesIO(archive))
    assert _counts() == before


def test_path_traversal_is_refused(rich_production: Production) -> None:
    buffer = io.BytesIO(_archive_bytes(rich_production))
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("../../etc/evil", b"x")
    with pytest.raises(ArchiveError, match="dangereux"):
        import_production(io.BytesIO(buffer.getvalue()))


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(garbage=st.binary(max_size=4096))
def test_random_bytes_never_crash(garbage: bytes, db: None) -> None:
    before = _counts()
    with pytest.raises(ArchiveError):
        import_production(io.BytesIO(garbage))
    assert _counts() == before


def _rewrite(data: bytes, member: str, change: Any, keep_checksums: bool = True) -> bytes:
    """Copy of the archive with one JSON member changed; the manifest keeps the old
    checksums (so the tampering shows) unless ``keep_checksums`` is false."""
    source = zipfile.ZipFile(io.BytesIO(data))
    manifest = json.loads(source.read("manifest.json"))
    target_buffer = io.BytesIO()
    with zipfile.ZipFile(target_buffer, "w") as target:
        for name in source.namelist():
            if name == "manifest.json":
                continue
            content = source.read(name)
            if name == member:
                content = json.dumps(change(json.loads(content))).encode()
                if not keep_checksums:
                    manifest["checksums"][name] = hashlib.sha256(content).hexdigest()
            target.writestr(name, content)
        if member == "manifest.json":
            manifest = change(manifest)
        target.writestr("manifest.json", json.dumps(manifest))
    return target_buffer.getvalue()
