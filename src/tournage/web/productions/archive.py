"""Whole-production archive: one zip with a manifest, one JSON document per section, files.

Each app registers its section (``register_section``) so that no central exporter knows
every model. An archive is untrusted input (any user may upload one): the reader
(``archive_reader``) checks its sizes and checksums before anything is written; rows
become fresh objects whose references are remapped inside the archive — never an id
from the file — and no account or membership is created: the importer becomes the
producer and the archive's other members are listed for them to invite. Import is
atomic: a bad archive raises ``ArchiveError`` naming the row and the field, and leaves
the database and the file storage as they were.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import PurePosixPath
from typing import IO, Any, Generic, TypeVar

from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, models, transaction
from django.db.models import Model, QuerySet
from django.utils.module_loading import import_string

from tournage import __version__
from tournage.web.plugins import Legacy

from .archive_reader import CHUNK, ArchiveError, ArchiveReader, SectionDocument
from .models import Membership, Production, Role

__all__ = ["ArchiveError", "ArchiveSection", "ModelSection", "export_production"]

ARCHIVE_FORMAT = "tournage-production-archive"
# 2: the broadcast slot moved to the distribution plan; version 1 archives may also hold
# labour incidents, development's heads of department and the plan's age categories, all
# read through the owning domain's ``Legacy`` declarations.
SCHEMA_VERSION = 2
# Fields exported but never imported: the demo's own marker (it would make an import
# pass for the demo production).
NEVER_IMPORTED = frozenset({"demo_key"})
# Field validation errors an import refuses: what the database and the pages rely on.
ENFORCED = frozenset(
    {"invalid_choice", "max_length", "max_digits", "max_decimal_places", "max_whole_digits"}
)

Row = dict[str, Any]
IdMap = dict[tuple[str, Any], Any]


class ArchiveEncoder(DjangoJSONEncoder):
    """Django's encoder, but datetimes keep their microseconds (an import keeps them)."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime):
            return o.isoformat()
        return super().default(o)


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


@dataclass
class ImportContext:
    """What one import carries from row to row."""

    reader: ArchiveReader
    production: Production
    importer: Any = None  # the user who imports: the only account a row may refer to
    ids: IdMap = field(default_factory=dict)
    saved_files: list[str] = field(default_factory=list)
    invitations: list[dict[str, str]] = field(default_factory=list)
    schema_version: int = SCHEMA_VERSION
    legacy_rows: dict[str, list[Row]] = field(default_factory=dict)

    def rollback_files(self) -> None:
        for name in self.saved_files:
            default_storage.delete(name)

    def legacy(self, label: str) -> Legacy | None:
        """How an older archive's ``label`` is read now; None for a current archive."""
        return _legacy.get(label) if self.schema_version < SCHEMA_VERSION else None

    def keep_legacy(self, label: str, row: Any) -> None:
        if not isinstance(row, dict) or not isinstance(row.get("fields"), dict):
            raise ArchiveError(
                "bad_row", f"Archive refusée : {label} : ligne illisible.", model=label
            )
        self.legacy_rows.setdefault(label, []).append(row)
        if sum(map(len, self.legacy_rows.values())) > self.reader.limits.max_rows:
            raise ArchiveError(
                "too_many_rows", "Archive trop volumineuse (nombre de lignes) : import refusé."
            )

    def apply_legacy(self) -> None:
        """Older archives' data, put where it lives now (after every section is in)."""
        for label, rows in self.legacy_rows.items():
            apply = import_string(_legacy[label].apply)
            apply(self.production, rows, lambda model, pk: self.ids.get((model, pk)))


class ArchiveSection:
    """A part of the archive owned by one app."""

    name: str

    def dump(self, production: Production, files: FileSink) -> Any:
        raise NotImplementedError

    def load(self, document: SectionDocument, context: ImportContext) -> None:
        raise NotImplementedError

    def models(self) -> list[type[Model]]:
        return []


def _label(model: type[Model]) -> str:
    return model._meta.label_lower


@dataclass
class ModelSection(ArchiveSection):
    """A section made of model rows, each tied to the production directly or through
    a foreign key to an earlier model of the same section."""

    name: str
    model_list: list[type[Model]] = field(default_factory=list)

    def models(self) -> list[type[Model]]:
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
    def load(self, document: SectionDocument, context: ImportContext) -> None:
        by_label = {_label(model): model for model in self.loaded_models()}
        labels = document.labels()
        gone = [label for label in labels if label not in by_label and context.legacy(label)]
        unknown = [label for label in labels if label not in by_label and label not in gone]
        if unknown:
            raise ArchiveError(
                "unknown_model",
                f"Section {self.name} : données inconnues ({', '.join(unknown)}).",
                section=self.name,
            )
        for label in gone:
            for row in document.rows(label):
                context.keep_legacy(label, row)
        for label, model in by_label.items():
            legacy = context.legacy(label)
            for row in document.rows(label):
                if legacy is not None and isinstance(row, dict):
                    row = _without_legacy_fields(row, legacy, context)
                self.load_row(model, row, context)

    def loaded_models(self) -> list[type[Model]]:
        return self.model_list

    def load_row(self, model: type[Model], row: Any, context: ImportContext) -> None:
        load_instance(model, row, self.name, context)


def _without_legacy_fields(row: Row, legacy: Legacy, context: ImportContext) -> Row:
    """The row without the fields its model no longer has; those are kept (with the row's
    other fields, which say where they belong) for the legacy step."""
    fields = row.get("fields")
    if not isinstance(fields, dict) or not any(name in fields for name in legacy.fields):
        return row
    context.keep_legacy(legacy.label, row)
    current = {name: value for name, value in fields.items() if name not in legacy.fields}
    return {**row, "fields": current}


def dump_instance(instance: Model, section: str, files: FileSink) -> Row:
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


# import of one row ------------------------------------------------------------------
M = TypeVar("M", bound=Model)


class RowLoader(Generic[M]):
    """Turns one archive row into a fresh, unsaved instance: every value is checked,
    every reference remapped to a row of this import, no primary key taken from the file."""

    def __init__(self, model: type[M], row: Any, section: str, context: ImportContext):
        self.model, self.section, self.context = model, section, context
        self.label = _label(model)
        self.pk = row.get("pk") if isinstance(row, dict) else None
        if (
            not isinstance(row, dict)
            or not isinstance(self.pk, int | str)
            or isinstance(self.pk, bool)
            or not isinstance(row.get("fields"), dict)
            or not isinstance(row.get("m2m", {}), dict)
        ):
            raise self.error("bad_row", "ligne illisible (pk, fields, m2m attendus)")
        if (self.label, self.pk) in context.ids:
            raise self.error("duplicate_row", "ligne en double")
        self.row: Row = row
        self.created: dict[str, Any] = {}  # auto_now_add values, written back after save

    def error(self, code: str, reason: str, name: str | None = None) -> ArchiveError:
        where = f"{self.label} n°{self.pk}" + (f", champ « {name} »" if name else "")
        return ArchiveError(
            code,
            f"Archive refusée : {where} : {reason}.",
            model=self.label,
            row=self.pk,
            field=name,
        )

    def field(self, name: Any) -> models.Field[Any, Any]:
        try:
            model_field = self.model._meta.get_field(name)
        except (FieldDoesNotExist, TypeError) as unknown:
            raise self.error("unknown_field", "champ inconnu", str(name)) from unknown
        if (
            not isinstance(model_field, models.Field)
            or not model_field.concrete
            or model_field.primary_key
            or model_field.auto_created
            or model_field.many_to_many
        ):
            raise self.error("forbidden_field", "champ interdit dans une archive", name)
        return model_field

    def instance(self) -> M:
        values: dict[str, Any] = {}
        files: dict[str, tuple[models.FileField, Any]] = {}
        for name, value in self.row["fields"].items():
            model_field = self.field(name)
            if name in NEVER_IMPORTED:
                continue
            if isinstance(model_field, models.FileField):
                files[name] = (model_field, value)
            elif isinstance(model_field, models.ForeignKey):
                values[model_field.attname] = self.reference(model_field, value)
            elif getattr(model_field, "auto_now", False):
                continue  # "last modified" is the import's own time
            else:
                values[name] = self.python_value(model_field, value)
                if getattr(model_field, "auto_now_add", False) and value is not None:
                    self.created[name] = values[name]
        instance = self.model(**values)
        self.validate(instance)
        for name, (file_field, value) in files.items():
            setattr(instance, name, self.restore_file(file_field, instance, value))
        return instance

    def python_value(self, model_field: models.Field[Any, Any], value: Any) -> Any:
        try:
            return model_field.to_python(value)
        except (ValidationError, TypeError, ValueError, ArithmeticError) as bad:
            raise self.error(
                "bad_value", f"valeur invalide {value!r:.80}", model_field.name
            ) from bad

    def validate(self, instance: Model) -> None:
        """The limits the database and the pages rely on (lengths, digits, choices), as a
        form would check them; other validators are the domain's and not re-run here."""
        exclude = [
            f.name
            for f in self.model._meta.concrete_fields
            if f.is_relation or isinstance(f, models.FileField) or f.name not in self.row["fields"]
        ]
        try:
            instance.clean_fields(exclude=exclude)
        except ValidationError as invalid:
            for name, errors in invalid.error_dict.items():
                for error in errors:
                    if error.code in ENFORCED:
                        reason = " ".join(error.messages).rstrip(".")
                        raise self.error("invalid_value", reason, name) from invalid

    def reference(self, model_field: models.ForeignKey[Any, Any], value: Any) -> Any:
        if value is None:
            return None
        related = model_field.related_model
        if related is Production:
            return self.context.production.pk
        if related is get_user_model():
            return self.user(model_field, value)
        try:
            return self.context.ids[(_label(related), value)]
        except (KeyError, TypeError) as missing:
            raise self.error(
                "missing_reference",
                f"référence introuvable dans l'archive ({_label(related)} n°{value!r:.40})",
                model_field.name,
            ) from missing

    def user(self, model_field: models.ForeignKey[Any, Any], username: Any) -> Any:
        """Only the importer may be named (their own export); anyone else becomes empty —
        an archive never creates an account nor speaks for another user."""
        importer = self.context.importer
        if importer is not None and username == importer.get_username():
            return importer.pk
        if model_field.null:
            return None
        raise self.error("user_reference", "utilisateur non importable", model_field.name)

    def restore_file(self, model_field: models.FileField, instance: Model, value: Any) -> str:
        if value is None or value == "":
            return ""
        member = value.get("archive") if isinstance(value, dict) else None
        name = value.get("name") if isinstance(value, dict) else None
        if (
            not isinstance(member, str)
            or not isinstance(name, str)
            or not member.startswith(f"files/{self.section}/")
            or member not in self.context.reader.names
        ):
            raise self.error("bad_file", f"fichier hors de files/{self.section}/", model_field.name)
        basename = PurePosixPath(name).name or PurePosixPath(member).name
        target = model_field.generate_filename(instance, basename)
        with self.context.reader.open(member) as content:
            stored = default_storage.save(target, File(content))
        self.context.saved_files.append(stored)
        return stored

    def save(self, instance: Model) -> None:
        try:
            instance.save(force_insert=True)
        except DatabaseError as refused:
            raise self.error("refused_row", f"refusée par la base ({refused})") from refused
        if self.created:  # auto_now_add ignores a given value on insert: keep the original
            self.model._default_manager.filter(pk=instance.pk).update(**self.created)
            for name, value in self.created.items():
                setattr(instance, name, value)
        self.context.ids[(self.label, self.pk)] = instance.pk
        if len(self.context.ids) > self.context.reader.limits.max_rows:
            raise ArchiveError(
                "too_many_rows", "Archive trop volumineuse (nombre de lignes) : import refusé."
            )

    def set_m2m(self, instance: Model) -> None:
        for name, related_pks in self.row.get("m2m", {}).items():
            try:
                m2m_field = self.model._meta.get_field(name)
            except FieldDoesNotExist as unknown:
                raise self.error("unknown_field", "champ inconnu", name) from unknown
            if not isinstance(m2m_field, models.ManyToManyField) or not isinstance(
                related_pks, list
            ):
                raise self.error("bad_value", "liste attendue", name)
            target = _label(m2m_field.related_model)
            try:
                getattr(instance, name).set([self.context.ids[(target, pk)] for pk in related_pks])
            except (KeyError, TypeError) as missing:
                raise self.error(
                    "missing_reference", "référence introuvable dans l'archive", name
                ) from missing


def load_instance(model: type[Model], row: Any, section: str, context: ImportContext) -> Model:
    loader = RowLoader(model, row, section, context)
    instance = loader.instance()
    loader.save(instance)
    loader.set_m2m(instance)
    return instance


_sections: list[ArchiveSection] = []


def register_section(section: ArchiveSection) -> None:
    _sections.append(section)


_legacy: dict[str, Legacy] = {}


def register_legacy(legacy: Legacy) -> None:
    _legacy[legacy.label] = legacy


def sections() -> list[ArchiveSection]:
    return list(_sections)


def archived_models() -> list[type[Model]]:
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
                json.dumps(document, cls=ArchiveEncoder, ensure_ascii=False, indent=1).encode(),
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


def check_manifest(manifest: dict[str, Any]) -> list[str]:
    """The format and the schema version; returns the section names, all known here."""
    if manifest.get("format") != ARCHIVE_FORMAT:
        raise ArchiveError(
            "foreign_archive", "Ce fichier n'est pas une archive de production tournage."
        )
    version = manifest.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ArchiveError(
            "bad_schema", f"Version de schéma invalide dans l'archive : {version!r:.40}."
        )
    if version > SCHEMA_VERSION:
        raise ArchiveError(
            "newer_schema",
            f"Archive au schéma {version}, plus récent que celui de cette installation "
            f"({SCHEMA_VERSION}) : mettez tournage à jour.",
        )
    names = manifest.get("sections")
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        raise ArchiveError("bad_manifest", "Le manifest de l'archive est illisible.")
    known = {section.name for section in _sections}
    unknown = [name for name in names if name not in known]
    if unknown:
        raise ArchiveError(
            "unknown_section",
            "Cette archive contient des données que cette installation ne connaît pas : "
            + ", ".join(unknown),
        )
    return names


@dataclass(frozen=True)
class ImportResult:
    production: Production
    invitations: list[dict[str, str]]  # the archive's members, for the producer to invite


def restore_archive(source: str | IO[bytes], importer: Any = None) -> ImportResult:
    """Recreate the archived production, all or nothing; ``importer`` becomes its producer."""
    with ArchiveReader(source) as reader:
        manifest = reader.manifest()
        names = check_manifest(manifest)
        reader.verify_checksums(manifest)
        if not names or names[0] != _sections[0].name:
            raise ArchiveError("no_production", "L'archive ne contient aucune production.")
        context: ImportContext | None = None
        try:
            with transaction.atomic():
                root = _root(_sections[0])
                context = root.create(reader, importer)
                context.schema_version = manifest["schema_version"]
                for section in _sections:
                    if section.name in names:  # else an older archive, before this app
                        section.load(reader.section(section.name), context)
                context.apply_legacy()
        except Exception as error:
            if context is not None:
                context.rollback_files()
            if isinstance(error, ArchiveError):
                raise
            raise ArchiveError(
                "import_failed", f"Import impossible, rien n'a été modifié : {error}"
            ) from error
    return ImportResult(context.production, context.invitations)


def user_named(username: str) -> Any:
    """An existing account (the CLI's ``--producer``), or None: an import creates none."""
    user_model = get_user_model()
    return user_model._default_manager.filter(**{user_model.USERNAME_FIELD: username}).first()


def import_production(source: str | IO[bytes], importer: Any = None) -> Production:
    return restore_archive(source, importer).production


def _root(section: ArchiveSection) -> ProductionSection:
    if not isinstance(section, ProductionSection):
        raise ArchiveError("no_production", "L'archive ne commence pas par la production.")
    return section


class ProductionSection(ModelSection):
    """The root: the production itself, then its members, people and locations.

    Memberships are listed, never created: an archive cannot grant anyone access."""

    def dump(self, production: Production, files: FileSink) -> dict[str, list[Row]]:
        document = super().dump(production, files)
        document[_label(Production)] = [dump_instance(production, self.name, files)]
        return document

    def create(self, reader: ArchiveReader, importer: Any) -> ImportContext:
        rows = list(reader.section(self.name).rows(_label(Production)))
        if len(rows) != 1:
            raise ArchiveError("no_production", "L'archive doit contenir une seule production.")
        context = ImportContext(reader, Production(), importer)
        loader = RowLoader(Production, rows[0], self.name, context)
        context.production = loader.instance()
        loader.save(context.production)
        if importer is not None:
            Membership.objects.create(
                production=context.production, user=importer, role=Role.PRODUCER
            )
        return context

    def loaded_models(self) -> list[type[Model]]:
        return [Production, *self.model_list]

    def load_row(self, model: type[Model], row: Any, context: ImportContext) -> None:
        if model is Production:
            return  # created first, by ``create``
        if model is Membership:
            context.invitations.append(_invitation(row))
            return
        super().load_row(model, row, context)


def _invitation(row: Any) -> dict[str, str]:
    fields = row.get("fields") if isinstance(row, dict) else None
    username = fields.get("user") if isinstance(fields, dict) else None
    role = fields.get("role") if isinstance(fields, dict) else None
    if not isinstance(username, str) or role not in Role.values:
        raise ArchiveError(
            "bad_row", "Archive refusée : un membre est illisible (utilisateur, rôle)."
        )
    return {"username": username[:150], "role": str(role)}


def production_section() -> ProductionSection:
    """The archive's root section (declared by the productions app)."""
    from .models import Location, Person

    return ProductionSection("productions", [Membership, Person, Location])
