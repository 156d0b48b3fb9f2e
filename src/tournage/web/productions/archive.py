"""Whole-production archive: one zip with a manifest, one JSON document per section, files.

Each app registers its section (``register_section``) so that no central exporter knows
every model. Import is atomic: a corrupted, foreign or too-new archive raises
``ArchiveError`` and leaves the database and the file storage as they were.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import PurePosixPath
from typing import IO, Any

from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models import Model, QuerySet

from tournage import __version__

from .models import Production

ARCHIVE_FORMAT = "tournage-production-archive"
SCHEMA_VERSION = 1
MAX_UNCOMPRESSED_BYTES = 20 * 1024**3
MAX_MEMBERS = 200_000
CHUNK = 1024 * 1024


class ArchiveError(ValueError):
    """The archive cannot be read or imported; the message says why, for a producer."""


Row = dict[str, Any]
IdMap = dict[tuple[str, Any], Any]


class FileSink:
    """Writes members into the export zip, keeping the checksum of each."""

    def __init__(self, zip_file: zipfile.ZipFile) -> None:
        self.zip_file = zip_file
        self.checksums: dict[str, str] = {}

    def write(self, name: str, content: bytes) -> None:
        self.zip_file.writestr(name, content)
        self.checksums[name] = hashlib.sha256(content).hexdigest()

    def add(self, section: str, field_file: models.fields.files.FieldFile) -> str:
        name = f"files/{section}/{field_file.name}"
        digest = hashlib.sha256()
        with field_file.open("rb") as source, self.zip_file.open(name, "w") as target:
            for block in iter(lambda: source.read(CHUNK), b""):
                digest.update(block)
                target.write(block)
        self.checksums[name] = digest.hexdigest()
        return name


class FileSource:
    """Reads files from an archive into the storage, remembering them for rollback."""

    def __init__(self, zip_file: zipfile.ZipFile) -> None:
        self.zip_file = zip_file
        self.saved: list[str] = []

    def restore(self, archive_name: str, upload_to_name: str) -> str:
        try:
            with self.zip_file.open(archive_name) as content:
                stored = default_storage.save(upload_to_name, File(content))
        except KeyError as missing:
            raise ArchiveError(f"Fichier manquant dans l'archive : {archive_name}") from missing
        self.saved.append(stored)
        return stored

    def rollback(self) -> None:
        for name in self.saved:
            default_storage.delete(name)


class ArchiveSection:
    """A part of the archive owned by one app."""

    name: str

    def dump(self, production: Production, files: FileSink) -> Any:
        raise NotImplementedError

    def load(self, production: Production, data: Any, files: FileSource, ids: IdMap) -> None:
        raise NotImplementedError

    def models(self) -> list[type[models.Model]]:
        return []


def _label(model: type[models.Model]) -> str:
    return model._meta.label_lower


@dataclass
class ModelSection(ArchiveSection):
    """A section made of model rows, each tied to the production directly or through
    a foreign key to an earlier model of the same section."""

    name: str
    model_list: list[type[models.Model]] = field(default_factory=list)

    def models(self) -> list[type[models.Model]]:
        return list(self.model_list)

    # export -----------------------------------------------------------------
    def queryset(self, model: type[Model], production: Production) -> QuerySet[Any]:
        fields = {f.name: f for f in model._meta.concrete_fields}
        production_fk = fields.get("production")
        if isinstance(production_fk, models.ForeignKey):
            return model._default_manager.filter(production=production).order_by("pk")
        for fk in fields.values():
            if (
                isinstance(fk, models.ForeignKey)
                and fk.related_model in self.model_list[: self.model_list.index(model)]
            ):
                parents = self.queryset(fk.related_model, production)
                return model._default_manager.filter(**{f"{fk.name}__in": parents}).order_by("pk")
        raise TypeError(f"{_label(model)} has no path to its production in section {self.name}")

    def dump(self, production: Production, files: FileSink) -> dict[str, list[Row]]:
        return {
            _label(model): [
                dump_instance(instance, self.name, files)
                for instance in self.queryset(model, production)
            ]
            for model in self.model_list
        }

    # import -----------------------------------------------------------------
    def load(
        self, production: Production, data: dict[str, list[Row]], files: FileSource, ids: IdMap
    ) -> None:
        for model in self.model_list:
            for row in data.get(_label(model), []):
                load_instance(model, row, production, files, ids)


def dump_instance(instance: models.Model, section: str, files: FileSink) -> Row:
    row: Row = {"pk": instance.pk, "fields": {}, "m2m": {}}
    for model_field in instance._meta.concrete_fields:
        if model_field.primary_key:
            continue
        value = getattr(instance, model_field.attname)
        if (
            isinstance(model_field, models.ForeignKey)
            and model_field.related_model is get_user_model()
        ):
            user = getattr(instance, model_field.name)
            value = user.get_username() if user else None
        elif isinstance(model_field, models.FileField):
            field_file = getattr(instance, model_field.name)
            value = (
                {"name": field_file.name, "archive": files.add(section, field_file)}
                if field_file
                else None
            )
        row["fields"][model_field.name] = value
    for m2m in instance._meta.many_to_many:
        row["m2m"][m2m.name] = sorted(getattr(instance, m2m.name).values_list("pk", flat=True))
    return row


def _remap(
    model_field: models.ForeignKey[Any, Any], value: Any, production: Production, ids: IdMap
) -> Any:
    if value is None:
        return None
    related = model_field.related_model
    if related is Production:
        return production.pk
    if related is get_user_model():
        return _user_for(value).pk
    try:
        return ids[(_label(related), value)]
    except KeyError as missing:
        raise ArchiveError(
            f"Référence introuvable dans l'archive : {_label(related)} n°{value}."
        ) from missing


def _user_for(username: str) -> Any:
    user_model = get_user_model()
    lookup: dict[str, Any] = {user_model.USERNAME_FIELD: username}
    user, created = user_model._default_manager.get_or_create(**lookup)
    if created:
        user.set_unusable_password()
        user.save()
    return user


def load_instance(
    model: type[models.Model], row: Row, production: Production, files: FileSource, ids: IdMap
) -> models.Model:
    values: dict[str, Any] = {}
    try:
        for name, value in row["fields"].items():
            model_field = model._meta.get_field(name)
            if isinstance(model_field, models.ForeignKey):
                values[model_field.attname] = _remap(model_field, value, production, ids)
            elif isinstance(model_field, models.FileField):
                values[name] = files.restore(value["archive"], value["name"]) if value else ""
            else:
                values[name] = model_field.to_python(value)  # type: ignore[union-attr]
    except (KeyError, TypeError, AttributeError) as bad:
        raise ArchiveError(f"Ligne illisible pour {_label(model)} : {bad}") from bad
    except FieldDoesNotExist as unknown:
        raise ArchiveError(f"Champ inconnu pour {_label(model)} : {unknown}") from unknown
    instance = model(**values)
    instance.save()
    ids[(_label(model), row["pk"])] = instance.pk
    for name, related_pks in row.get("m2m", {}).items():
        m2m_field = model._meta.get_field(name)
        target = _label(m2m_field.related_model)  # type: ignore[arg-type]
        getattr(instance, name).set([ids[(target, pk)] for pk in related_pks])
    return instance


_sections: list[ArchiveSection] = []


def register_section(section: ArchiveSection) -> None:
    _sections.append(section)


def sections() -> list[ArchiveSection]:
    return list(_sections)


def archived_models() -> list[type[models.Model]]:
    return [model for section in _sections for model in section.models()]


# ---------------------------------------------------------------------------
def export_production(production: Production, target: str | IO[bytes]) -> dict[str, Any]:
    """Write ``production`` to ``target`` (a path or a binary file); return the manifest."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zip_file:
        files = FileSink(zip_file)
        names = []
        for section in _sections:
            document = section.dump(production, files)
            files.write(
                f"sections/{section.name}.json",
                json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1).encode(),
            )
            names.append(section.name)
        manifest = {
            "format": ARCHIVE_FORMAT,
            "schema_version": SCHEMA_VERSION,
            "tournage_version": __version__,
            "exported_at": datetime.now(UTC).isoformat(),
            "production": {"id": production.pk, "title": production.title},
            "sections": names,
            "checksums": files.checksums,
        }
        zip_file.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    return manifest


def _sha256(zip_file: zipfile.ZipFile, name: str) -> str:
    digest = hashlib.sha256()
    with zip_file.open(name) as member:
        for block in iter(lambda: member.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def _open_archive(source: str | IO[bytes]) -> zipfile.ZipFile:
    try:
        zip_file = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError) as bad:
        raise ArchiveError(
            "Ce fichier n'est pas une archive de production tournage (zip illisible)."
        ) from bad
    infos = zip_file.infolist()
    if len(infos) > MAX_MEMBERS or sum(i.file_size for i in infos) > MAX_UNCOMPRESSED_BYTES:
        raise ArchiveError("Archive trop volumineuse une fois décompressée : import refusé.")
    for info in infos:
        path = PurePosixPath(info.filename)
        if path.is_absolute() or ".." in path.parts:
            raise ArchiveError(f"Chemin dangereux dans l'archive : {info.filename}")
    return zip_file


def read_manifest(zip_file: zipfile.ZipFile) -> dict[str, Any]:
    try:
        manifest = json.loads(zip_file.read("manifest.json"))
    except KeyError as missing:
        raise ArchiveError(
            "Archive sans manifest.json : ce n'est pas une archive tournage."
        ) from missing
    except (ValueError, zipfile.BadZipFile) as bad:
        raise ArchiveError("Le manifest de l'archive est illisible.") from bad
    if not isinstance(manifest, dict) or manifest.get("format") != ARCHIVE_FORMAT:
        raise ArchiveError("Ce fichier n'est pas une archive de production tournage.")
    version = manifest.get("schema_version")
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise ArchiveError(
            f"Archive au schéma {version!r}, plus récent que celui de cette installation "
            f"({SCHEMA_VERSION}) : mettez tournage à jour."
        )
    return manifest


def _verify_checksums(zip_file: zipfile.ZipFile, manifest: dict[str, Any]) -> None:
    expected = manifest.get("checksums")
    if not isinstance(expected, dict):
        raise ArchiveError("Le manifest ne contient pas les sommes de contrôle.")
    for name, digest in expected.items():
        try:
            actual = _sha256(zip_file, name)
        except (KeyError, zipfile.BadZipFile, OSError) as bad:
            raise ArchiveError(f"Fichier manquant ou endommagé dans l'archive : {name}") from bad
        if actual != digest:
            raise ArchiveError(
                f"Archive corrompue : {name} ne correspond pas à sa somme de contrôle."
            )


def _section_documents(
    zip_file: zipfile.ZipFile, manifest: dict[str, Any]
) -> Iterator[tuple[ArchiveSection, Any]]:
    known = {section.name: section for section in _sections}
    unknown = [name for name in manifest.get("sections", []) if name not in known]
    if unknown:
        raise ArchiveError(
            "Cette archive contient des données que cette installation ne connaît pas : "
            + ", ".join(unknown)
        )
    for section in _sections:
        if section.name not in manifest.get("sections", []):
            continue  # an older archive, before this app existed
        try:
            yield section, json.loads(zip_file.read(f"sections/{section.name}.json"))
        except (KeyError, ValueError) as bad:
            raise ArchiveError(f"Section {section.name} illisible dans l'archive.") from bad


def import_production(source: str | IO[bytes]) -> Production:
    """Recreate the archived production; all or nothing."""
    zip_file = _open_archive(source)
    with zip_file:
        manifest = read_manifest(zip_file)
        _verify_checksums(zip_file, manifest)
        files = FileSource(zip_file)
        try:
            with transaction.atomic():
                production: Production | None = None
                ids: IdMap = {}
                for section, document in _section_documents(zip_file, manifest):
                    if production is None:
                        production = _root(section).create_production(document)
                    section.load(production, document, files, ids)
                if production is None:
                    raise ArchiveError("L'archive ne contient aucune production.")
        except ArchiveError:
            files.rollback()
            raise
        except Exception as error:
            files.rollback()
            raise ArchiveError(f"Import impossible, rien n'a été modifié : {error}") from error
    return production


def _root(section: ArchiveSection) -> ProductionSection:
    if not isinstance(section, ProductionSection):
        raise ArchiveError("L'archive ne commence pas par la production.")
    return section


class ProductionSection(ModelSection):
    """The root: the production itself, then its members, people and locations."""

    def dump(self, production: Production, files: FileSink) -> dict[str, list[Row]]:
        document = super().dump(production, files)
        document[_label(Production)] = [dump_instance(production, self.name, files)]
        return document

    def create_production(self, document: dict[str, list[Row]]) -> Production:
        rows = document.get(_label(Production))
        if not rows or not isinstance(rows, list):
            raise ArchiveError("L'archive ne contient aucune production.")
        fields = dict(rows[0].get("fields", {}))
        fields.pop("demo_key", None)
        production = Production()
        for name, value in fields.items():
            if name in {"created_at", "updated_at"}:
                continue
            model_field = Production._meta.get_field(name)
            setattr(production, name, model_field.to_python(value))  # type: ignore[union-attr]
        production.save()
        return production


def production_section() -> ProductionSection:
    """The archive's root section (declared by the productions app)."""
    from .models import Location, Membership, Person

    return ProductionSection("productions", [Membership, Person, Location])
