"""Hand-made production archives, as an attacker would write them: every checksum right
unless a test says otherwise, so that only the import's own rules can refuse them."""

from __future__ import annotations

import hashlib
import io
import json
import struct
import zipfile
from typing import Any

from tournage.web.productions.archive import ARCHIVE_FORMAT, SCHEMA_VERSION


def production_row(pk: int = 1, **fields: Any) -> dict[str, Any]:
    return {"pk": pk, "fields": {"title": "Volé", "format": "short", **fields}, "m2m": {}}


def person_row(pk: int, **fields: Any) -> dict[str, Any]:
    values = {"production": 1, "first_name": "Eve", "last_name": "Pirate", "kind": "crew"}
    return {"pk": pk, "fields": {**values, **fields}, "m2m": {}}


def build(
    sections: dict[str, dict[str, list[Any]]] | None = None,
    *,
    members: dict[str, bytes] | None = None,
    manifest: dict[str, Any] | None = None,
    unlisted: tuple[str, ...] = (),
    phantom: tuple[str, ...] = (),
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """An archive whose ``productions`` section holds one production unless given;
    ``members`` are extra files; ``unlisted`` members get no checksum entry, ``phantom``
    names get one without being in the zip."""
    documents = sections or {"productions": {"productions.production": [production_row()]}}
    contents = {
        f"sections/{name}.json": json.dumps(doc).encode() for name, doc in documents.items()
    }
    contents.update(members or {})
    document = {
        "format": ARCHIVE_FORMAT,
        "schema_version": SCHEMA_VERSION,
        "sections": list(documents),
        "checksums": {
            name: hashlib.sha256(data).hexdigest()
            for name, data in contents.items()
            if name not in unlisted
        }
        | {name: "0" * 64 for name in phantom},
        **(manifest or {}),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, data in contents.items():
            archive.writestr(name, data)
        archive.writestr("manifest.json", json.dumps(document))
    return buffer.getvalue()


def understate_size(data: bytes, member: str, declared: int) -> bytes:
    """The same zip whose directory claims ``member`` is only ``declared`` bytes long."""
    patched = bytearray(data)
    name = member.encode()
    local = patched.find(b"PK\x03\x04")
    while local != -1:
        name_length = struct.unpack_from("<H", patched, local + 26)[0]
        if patched[local + 30 : local + 30 + name_length] == name:
            struct.pack_into("<I", patched, local + 22, declared)
        local = patched.find(b"PK\x03\x04", local + 4)
    central = patched.find(b"PK\x01\x02")
    while central != -1:
        name_length = struct.unpack_from("<H", patched, central + 28)[0]
        if patched[central + 46 : central + 46 + name_length] == name:
            struct.pack_into("<I", patched, central + 24, declared)
        central = patched.find(b"PK\x01\x02", central + 4)
    return bytes(patched)


def damage(
    data: bytes,
    member: str,
    *,
    method: int | None = None,
    encrypted: bool = False,
    first_byte: int | None = None,
    version: int | None = None,
) -> bytes:
    """The same zip with ``member`` given another compression ``method``, flagged as
    ``encrypted``, its compressed data starting with ``first_byte``, or needing zip
    ``version`` (tenths: 63 is 6.3) to be read."""
    patched = bytearray(data)
    name = member.encode()
    local = patched.find(b"PK\x03\x04")
    while local != -1:
        name_length, extra_length = struct.unpack_from("<HH", patched, local + 26)
        if patched[local + 30 : local + 30 + name_length] == name:
            _patch_header(patched, local + 6, method, encrypted)
            if first_byte is not None:
                patched[local + 30 + name_length + extra_length] = first_byte
        local = patched.find(b"PK\x03\x04", local + 4)
    central = patched.find(b"PK\x01\x02")
    while central != -1:
        name_length = struct.unpack_from("<H", patched, central + 28)[0]
        if patched[central + 46 : central + 46 + name_length] == name:
            _patch_header(patched, central + 8, method, encrypted)
            if version is not None:
                struct.pack_into("<H", patched, central + 6, version)
        central = patched.find(b"PK\x01\x02", central + 4)
    return bytes(patched)


def _patch_header(patched: bytearray, flags: int, method: int | None, encrypted: bool) -> None:
    """``flags``: where the general purpose flags are, the method follows them."""
    if encrypted:
        patched[flags] |= 1
    if method is not None:
        struct.pack_into("<H", patched, flags + 2, method)
