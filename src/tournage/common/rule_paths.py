"""Name the key of a bad value in a rule table, where msgspec only says ``[...]``.

msgspec reports a value inside a mapping as ``$.risks[...].owner``: the error does not
say which entry of ``risks`` is wrong. This module walks the document and the declared
shape along that path and, at each mapping, finds the first entry that does not convert,
so the message reads ``$.risks.water.owner``. Where the walk cannot follow the shape (a
type variable, a union of several shapes) it keeps msgspec's path as it is.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from typing import Any

_SEGMENT = re.compile(r"\.([^.\[]+)|\[(\d+|\.\.\.)\]")


def named_path(document: Any, shape: Any, path: str) -> str:
    """``path`` (msgspec's ``$...``) with each ``[...]`` replaced by the entry's key."""
    named = "$"
    rest = path[1:]
    for match in _SEGMENT.finditer(rest):
        name, index = match.groups()
        try:
            step, document, shape = _step(document, shape, name, index)
        except (KeyError, IndexError, TypeError, ValueError, StopIteration):
            return named + rest[match.start() :]
        named += step
    return named


def _step(document: Any, shape: Any, name: str | None, index: str | None) -> tuple[str, Any, Any]:
    shape = _without_none(shape)
    if name is not None:
        return f".{name}", document[name], _field_type(shape, name)
    if index != "...":
        return f"[{index}]", document[int(str(index))], _item_type(shape)
    value_type = typing.get_args(shape)[1]
    key = next(k for k, v in document.items() if not _converts(v, value_type))
    return f".{key}", document[key], value_type


def _without_none(shape: Any) -> Any:
    if isinstance(shape, types.UnionType) or typing.get_origin(shape) is typing.Union:
        options = [arg for arg in typing.get_args(shape) if arg is not type(None)]
        if len(options) != 1:
            raise TypeError("a union of several shapes")
        return options[0]
    return shape


def _field_type(shape: Any, name: str) -> Any:
    if not dataclasses.is_dataclass(shape):
        raise TypeError("not a dataclass")
    return typing.get_type_hints(shape)[name]


def _item_type(shape: Any) -> Any:
    args = typing.get_args(shape)
    if not args:
        raise TypeError("not a sequence")
    return args[0]


def _converts(value: Any, shape: Any) -> bool:
    import msgspec

    try:
        msgspec.convert(value, shape, strict=False)
    except msgspec.ValidationError:
        return False
    return True
