"""Archive import as untrusted input: each crafted archive of the probe (issue 14) is
refused or made harmless, and a refused archive changes neither the database nor the files."""

from __future__ import annotations

import io
import json
import os
import tracemalloc
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from crafted_archives import build, damage, person_row, production_row, understate_size
from tournage.web.productions.archive import (
    SCHEMA_VERSION,
    ArchiveError,
    export_production,
    import_production,
    restore_archive,
)
from tournage.web.productions.archive_reader import ArchiveReader
from tournage.web.productions.models import Membership, Person, Production

pytestmark = pytest.mark.django_db


def _state() -> tuple[int, int, int, int]:
    return (
        Production.objects.count(),
        Person.objects.count(),
        Membership.objects.count(),
        get_user_model().objects.count(),
    )


def _refused(data: bytes, match: str, **kwargs: Any) -> ArchiveError:
    before = _state()
    with pytest.raises(ArchiveError, match=match) as caught:
        restore_archive(io.BytesIO(data), **kwargs)
    assert _state() == before
    return caught.value


def _stored_files(settings: Any) -> list[Path]:
    return [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]


def _people(*rows: dict[str, Any]) -> bytes:
    return build(
        {
            "productions": {
                "productions.production": [production_row()],
                "productions.person": list(rows),
            }
        }
    )


# --- ids never travel from the file into save() -------------------------------------
def test_id_takeover_is_refused_and_the_victim_keeps_its_row(
    other_production: Production, make_person: Any
) -> None:
    victim = make_person(other_production, first_name="Victime")
    error = _refused(_people(person_row(1, id=victim.pk)), "champ « id »")
    assert error.code == "forbidden_field"
    assert "productions.person n°1" in error.message
    victim.refresh_from_db()
    assert (victim.production, victim.first_name) == (other_production, "Victime")


def test_a_row_pk_equal_to_an_existing_id_makes_a_fresh_row(
    other_production: Production, make_person: Any
) -> None:
    victim = make_person(other_production, first_name="Victime")
    copy = import_production(io.BytesIO(_people(person_row(victim.pk))))
    victim.refresh_from_db()
    assert victim.production == other_production
    assert copy.people.get().pk != victim.pk


def test_sequence_poisoning_is_refused_and_new_rows_still_insert(production: Production) -> None:
    _refused(_people(person_row(1, id=10**9)), "champ « id »")
    _refused(build({"productions": {"productions.production": [production_row(id=10**9)]}}), "id")
    assert Person.objects.create(production=production, first_name="A", last_name="B", kind="crew")
    assert Production.objects.create(title="Encore", format="short")


def test_the_production_foreign_key_cannot_point_elsewhere(
    other_production: Production,
) -> None:
    copy = import_production(io.BytesIO(_people(person_row(1, production=other_production.pk))))
    assert copy.people.count() == 1
    assert other_production.people.count() == 0


# --- no accounts, no memberships from an archive --------------------------------------
def test_membership_injection_creates_no_account_and_grants_nothing(make_user: Any) -> None:
    victim, importer = make_user("victime"), make_user("importeur")
    rows = [
        {"pk": 1, "fields": {"production": 1, "user": "victime", "role": "producer"}, "m2m": {}},
        {"pk": 2, "fields": {"production": 1, "user": "nouveau", "role": "accountant"}, "m2m": {}},
    ]
    archive = build(
        {
            "productions": {
                "productions.production": [production_row()],
                "productions.membership": rows,
            }
        }
    )
    users_before = get_user_model().objects.count()
    result = restore_archive(io.BytesIO(archive), importer=importer)
    assert get_user_model().objects.count() == users_before
    assert list(result.production.memberships.values_list("user__username", "role")) == [
        ("importeur", "producer")
    ]
    assert not Membership.objects.filter(user=victim).exists()
    assert result.invitations == [
        {"username": "victime", "role": "producer"},
        {"username": "nouveau", "role": "accountant"},
    ]


def test_user_references_name_only_the_importer(
    rich: Production, make_user: Any, tmp_path: Path
) -> None:
    from tournage.web.delivery.models import Deliverable, QCRun

    stranger, importer = make_user("inconnu"), make_user("moi")
    deliverable = Deliverable.objects.create(
        production=rich, name="PAD", kind="broadcast", profile="pad-hd-fr"
    )
    QCRun.objects.create(deliverable=deliverable, source_name="a.mxf", requested_by=stranger)
    QCRun.objects.create(deliverable=deliverable, source_name="b.mxf", requested_by=importer)
    buffer = io.BytesIO()
    export_production(rich, buffer)
    copy = import_production(io.BytesIO(buffer.getvalue()), importer=importer)
    runs = QCRun.objects.filter(deliverable__production=copy).order_by("source_name")
    assert [run.requested_by for run in runs] == [None, importer]


@pytest.fixture
def rich(production: Production, make_person: Any) -> Production:
    make_person(production, first_name="Léa")
    return production


# --- file fields only to members under files/<section>/ -------------------------------
def _with_master(media: Any, members: dict[str, bytes] | None = None) -> bytes:
    deliverable = {
        "pk": 1,
        "fields": {"production": 1, "name": "PAD", "kind": "broadcast", "profile": "pad-hd-fr"},
        "m2m": {},
    }
    run = {
        "pk": 1,
        "fields": {"deliverable": 1, "source_name": "m.mxf", "media": media},
        "m2m": {},
    }
    return build(
        {
            "productions": {"productions.production": [production_row()]},
            "delivery": {"delivery.deliverable": [deliverable], "delivery.qcrun": [run]},
        },
        members=members,
    )


def test_a_file_field_pointing_at_the_manifest_is_refused(settings: Any) -> None:
    archive = _with_master({"archive": "manifest.json", "name": "m.mxf"})
    error = _refused(archive, "files/delivery/")
    assert error.context["field"] == "media"
    assert _stored_files(settings) == []


def test_a_file_of_another_section_is_refused() -> None:
    members = {"files/productions/x.mxf": b"\x00" * 10}
    _refused(_with_master({"archive": "files/productions/x.mxf", "name": "x"}, members), "files/")


def test_a_file_lands_under_its_field_directory_whatever_its_name(settings: Any) -> None:
    members = {"files/delivery/m.mxf": b"MXF"}
    archive = _with_master(
        {"archive": "files/delivery/m.mxf", "name": "../../../etc/cron.d/x"}, members
    )
    copy = import_production(io.BytesIO(archive))
    from tournage.web.delivery.models import QCRun

    run = QCRun.objects.get(deliverable__production=copy)
    assert run.media.name == "delivery/masters/x"
    assert run.media.read() == b"MXF"


def test_a_refused_archive_leaves_no_file_behind(settings: Any) -> None:
    members = {"files/delivery/m.mxf": b"MXF"}
    good = {"archive": "files/delivery/m.mxf", "name": "m.mxf"}
    archive = build(
        {
            "productions": {"productions.production": [production_row()]},
            "delivery": {
                "delivery.deliverable": [
                    {
                        "pk": 1,
                        "fields": {
                            "production": 1,
                            "name": "PAD",
                            "kind": "broadcast",
                            "profile": "pad-hd-fr",
                        },
                        "m2m": {},
                    }
                ],
                "delivery.qcrun": [
                    {"pk": 1, "fields": {"deliverable": 1, "source_name": "m", "media": good}},
                    {"pk": 2, "fields": {"deliverable": 9, "source_name": "m", "media": good}},
                ],
            },
        },
        members=members,
    )
    error = _refused(archive, "référence introuvable")
    assert (error.context["model"], error.context["row"], error.context["field"]) == (
        "delivery.qcrun",
        2,
        "deliverable",
    )
    assert _stored_files(settings) == []


def test_a_member_without_a_name_is_refused() -> None:
    """Found by atheris: zipfile itself fails on a member named "" (IndexError)."""
    buffer = io.BytesIO(build())
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr(zipfile.ZipInfo(""), b"x")
    _refused(buffer.getvalue(), "sans nom")


# --- every member listed, every checksum present ---------------------------------------
def test_a_member_without_checksum_is_refused() -> None:
    archive = build(
        members={"files/productions/extra.bin": b"x"}, unlisted=("files/productions/extra.bin",)
    )
    _refused(archive, "sans somme de contrôle")


def test_a_section_whose_checksum_was_removed_is_refused() -> None:
    _refused(build(unlisted=("sections/productions.json",)), "sans somme de contrôle")


def test_a_checksum_without_member_is_refused() -> None:
    _refused(build(phantom=("files/productions/ghost",)), "manquant")


@pytest.mark.parametrize("version", [-5, 0, True, "1", 1.0, None, [1]])
def test_schema_version_must_be_a_positive_integer(version: Any) -> None:
    _refused(build(manifest={"schema_version": version}), "schéma invalide")


def test_newer_schema_is_refused() -> None:
    _refused(build(manifest={"schema_version": SCHEMA_VERSION + 1}), "mettez tournage à jour")


# --- bombs ----------------------------------------------------------------------------
def test_section_bomb_is_refused_from_the_directory() -> None:
    """A section padded with 64 MB of spaces: ~1000:1, refused before any JSON is read."""
    padded = (
        b'{"productions.production": ['
        + json.dumps(production_row()).encode()
        + b"]"
        + b" " * (64 * 1024**2)
        + b"}"
    )
    archive = build(members={"sections/productions.json": padded})
    assert len(archive) < 200_000
    _refused(archive, "trop volumineuse")


def test_file_bomb_is_refused_before_anything_is_written(settings: Any) -> None:
    zeros = b"\x00" * (64 * 1024**2)
    archive = _with_master(
        {"archive": "files/delivery/m.mxf", "name": "m"}, {"files/delivery/m.mxf": zeros}
    )
    _refused(archive, "trop volumineuse")
    assert _stored_files(settings) == []


def test_absolute_cap_applies_to_incompressible_data(settings: Any) -> None:
    settings.TOURNAGE_ARCHIVE_MAX_UNCOMPRESSED = 1024 * 1024
    noise = os.urandom(2 * 1024 * 1024)
    _refused(build(members={"files/productions/noise": noise}), "trop volumineuse")


def test_a_section_above_its_cap_is_refused(settings: Any) -> None:
    settings.TOURNAGE_ARCHIVE_MAX_SECTION = 100
    _refused(_people(person_row(1), person_row(2)), "trop volumineuse")


def test_a_directory_that_understates_a_member_size_is_caught() -> None:
    big = os.urandom(300_000)
    archive = understate_size(
        build(members={"files/productions/f": big}), "files/productions/f", 10
    )
    _refused(archive, "endommagé|corrompue")


@pytest.mark.parametrize("member", ["manifest.json", "sections/productions.json"])
@pytest.mark.parametrize(
    "how",
    [{"first_byte": 0xFF}, {"method": 99}, {"encrypted": True}, {"version": 107}],
    ids=str,
)
def test_a_member_zipfile_cannot_read_is_refused(member: str, how: Any) -> None:
    """Found by atheris: a corrupt deflate stream (zlib.error), a compression method, an
    encryption or a zip version zipfile does not read (NotImplementedError, RuntimeError)
    escaped as exceptions."""
    _refused(damage(build(), member, **how), "illisible|endommagé")


def test_sections_are_read_row_by_row_in_bounded_memory(tmp_path: Path) -> None:
    """30 MB of rows parsed with a peak far below the section's size."""
    row = json.dumps(person_row(1, notes="x" * 1000))
    document = '{"productions.person": [' + ",".join([row] * 30_000) + "]}"
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("sections/productions.json", document)
    with ArchiveReader(str(path)) as reader:
        section = reader.section("productions")
        tracemalloc.start()
        count = sum(1 for _ in section.rows("productions.person"))
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert count == 30_000
    assert peak < 5 * 1024 * 1024 < len(document)


# --- clear messages naming the row and the field ---------------------------------------
@pytest.mark.parametrize(
    ("fields", "field", "code"),
    [
        ({"home_latitude": "nord"}, "home_latitude", "bad_value"),
        ({"kind": "pirate"}, "kind", "invalid_value"),
        ({"first_name": "x" * 500}, "first_name", "invalid_value"),
        ({"nope": 1}, "nope", "unknown_field"),
        ({"birth_date": "2020-13-45"}, "birth_date", "bad_value"),
    ],
)
def test_a_bad_value_names_its_row_and_field(fields: dict[str, Any], field: str, code: str) -> None:
    error = _refused(_people(person_row(7, **fields)), f"productions.person n°7, champ « {field} »")
    assert error.code == code
    assert "FieldDoesNotExist" not in error.message


def test_only_a_many_to_many_field_takes_a_list_of_references() -> None:
    row = person_row(7)
    row["m2m"] = {"first_name": [1]}
    error = _refused(_people(row), "productions.person n°7, champ « first_name »")
    assert error.code == "bad_value"


@pytest.mark.parametrize(
    "row", [[], "x", {"pk": [1], "fields": {}}, {"pk": 1, "fields": []}, {"pk": True, "fields": {}}]
)
def test_malformed_rows_are_refused(row: Any) -> None:
    _refused(_people(row), "illisible")


def test_duplicate_rows_are_refused() -> None:
    _refused(_people(person_row(1), person_row(1)), "en double")


# --- the web import ------------------------------------------------------------------
def test_any_user_importing_a_crafted_archive_steals_nothing(
    client: Any, make_user: Any, other_production: Production, make_person: Any
) -> None:
    victim = make_person(other_production)
    client.force_login(make_user("intrus"))
    upload = io.BytesIO(_people(person_row(1, id=victim.pk)))
    upload.name = "vol.zip"
    response = client.post(reverse("productions:import"), {"archive": upload})
    assert response.status_code == 200
    assert "champ « id »" in response.content.decode()
    victim.refresh_from_db()
    assert victim.production == other_production


def test_the_importer_becomes_producer_and_sees_whom_to_invite(client: Any, make_user: Any) -> None:
    rows = [{"pk": 1, "fields": {"production": 1, "user": "alice", "role": "accountant"}}]
    archive = build(
        {
            "productions": {
                "productions.production": [production_row()],
                "productions.membership": rows,
            }
        }
    )
    importer = make_user("bob")
    client.force_login(importer)
    upload = io.BytesIO(archive)
    upload.name = "film.zip"
    response = client.post(reverse("productions:import"), {"archive": upload}, follow=True)
    production = Production.objects.get(title="Volé")
    assert production.memberships.get().user == importer
    assert "alice (Administrateur·rice / comptable)" in response.content.decode()
