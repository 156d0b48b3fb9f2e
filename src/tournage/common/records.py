"""Typed records that cost next to nothing to define: the command line's start-up is timed.

``class Piece(Record, frozen=True): column: int; text: str`` gives a slotted class with
an ``__init__`` (positional or keyword arguments, defaults, ``field(default_factory=…)``),
equality, a ``repr`` and, when frozen, immutability and a hash — what a dataclass or a
msgspec Struct gives, without their imports (``dataclasses`` pulls in ``inspect``,
msgspec ``typing_extensions``, ``uuid``, ``decimal``: 40–50 ms of a 120 ms command) and
without a dataclass's cost per class. Each class's ``__init__`` is compiled once from a
few lines of source, like a dataclass's.

``convert(document, shape)`` reads a parsed JSON/YAML document into a record type,
checking each value against the field's annotation (``int``, ``str | None``,
``tuple[X, ...]``, ``frozenset[X]``, ``dict[str, X]``, nested records); a mismatch raises
``RecordError`` with the path of the bad value.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from typing import Any, ClassVar, TypeVar, dataclass_transform

_MISSING: Any = object()
_R = TypeVar("_R", bound="Record")


class _Field:
    __slots__ = ("default", "default_factory")

    def __init__(self, default: Any, default_factory: Callable[[], Any] | None) -> None:
        self.default, self.default_factory = default, default_factory


def field(*, default: Any = _MISSING, default_factory: Callable[[], Any] | None = None) -> Any:
    """A field's default made fresh for each record (``field(default_factory=list)``)."""
    return _Field(default, default_factory)


class RecordError(ValueError):
    """A document does not have the shape of the record it is read into."""


class _RecordMeta(type):
    def __new__(
        mcls,
        name: str,
        bases: tuple[type, ...],
        namespace: dict[str, Any],
        frozen: bool = False,
        **options: Any,
    ) -> _RecordMeta:
        own = [
            key
            for key, hint in namespace.get("__annotations__", {}).items()
            if not str(hint).startswith(("ClassVar", "typing.ClassVar"))
        ]
        inherited = [getattr(base, "__fields__", ()) for base in bases]
        defaults = {
            key: _defaults(namespace.pop(key))
            for key in own
            if key in namespace  # a class attribute would clash with its slot
        }
        namespace["__slots__"] = tuple(own)
        cls = super().__new__(mcls, name, bases, namespace)
        fields = tuple(key for group in inherited for key in group) + tuple(own)
        all_defaults = {**getattr(cls, "__defaults__", {}), **defaults}
        cls.__fields__ = fields  # type: ignore[attr-defined]
        cls.__defaults__ = all_defaults  # type: ignore[attr-defined]
        if namespace.get("__annotations__") is not None or fields:
            cls.__init__ = _make_init(cls, fields, all_defaults, frozen)  # type: ignore[misc]
        if frozen:
            cls.__setattr__ = _frozen_setattr  # type: ignore[assignment]
            cls.__hash__ = _hash  # type: ignore[assignment]
        return cls


def _defaults(value: Any) -> tuple[Any, Callable[[], Any] | None]:
    """(default, factory) of a field; an empty list or dict default is made per record."""
    if isinstance(value, _Field):
        return value.default, value.default_factory
    if isinstance(value, list | dict | set) and not value:
        return _MISSING, type(value)
    return value, None


def _make_init(
    cls: type,
    fields: tuple[str, ...],
    defaults: dict[str, tuple[Any, Callable[[], Any] | None]],
    frozen: bool,
) -> Callable[..., None]:
    scope: dict[str, Any] = {"_set": object.__setattr__, "_MISSING": _MISSING}
    params, body = [], []
    for name in fields:
        default, factory = defaults.get(name, (_MISSING, None))
        if factory is not None:
            scope[f"_f_{name}"] = factory
            params.append(f"{name}=_MISSING")
            value = f"_f_{name}() if {name} is _MISSING else {name}"
        elif default is not _MISSING:
            scope[f"_d_{name}"] = default
            params.append(f"{name}=_d_{name}")
            value = name
        else:
            if any("=" in param for param in params):
                raise TypeError(f"{cls.__name__}.{name}: a field without default after defaults")
            params.append(name)
            value = name
        body.append(
            f"    _set(self, {name!r}, {value})" if frozen else f"    self.{name} = {value}"
        )
    source = f"def __init__(self, {', '.join(params)}):\n" + ("\n".join(body) or "    pass")
    exec(source, scope)  # noqa: S102 — our own field names, checked identifiers
    init: Callable[..., None] = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _frozen_setattr(self: Any, name: str, value: Any) -> None:
    raise AttributeError(f"{type(self).__name__} is immutable: {name} cannot change")


def _hash(self: Any) -> int:
    return hash((type(self), *(getattr(self, name) for name in self.__fields__)))


@dataclass_transform(field_specifiers=(field,))
class Record(metaclass=_RecordMeta):
    """Base of the records (see the module's docstring)."""

    __slots__ = ()
    __fields__: ClassVar[tuple[str, ...]] = ()

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self.__fields__)

    def __repr__(self) -> str:
        values = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__fields__)
        return f"{type(self).__name__}({values})"

    def __reduce__(self) -> tuple[Any, ...]:  # pickled by its fields (frozen ones too)
        return type(self), tuple(getattr(self, name) for name in self.__fields__)

    def replace(self: _R, **changes: Any) -> _R:
        """A copy with some fields changed."""
        values = {name: getattr(self, name) for name in self.__fields__}
        return type(self)(**{**values, **changes})


def convert(document: Any, shape: Any, path: str = "$") -> Any:
    """``document`` (parsed JSON/YAML) read as ``shape`` (see the module's docstring)."""
    origin = typing.get_origin(shape)
    if isinstance(shape, type) and issubclass(shape, Record):
        return _record(document, shape, path)
    if origin in (typing.Union, types.UnionType):
        return _union(document, typing.get_args(shape), path)
    if origin is tuple or origin is frozenset or origin is list:
        item = typing.get_args(shape)[0]
        _expect(isinstance(document, list), document, "an array", path)
        if item is str and all(type(value) is str for value in document):
            return origin(document)  # word lists: the bulk of the tables, checked at once
        items = [convert(value, item, f"{path}[{i}]") for i, value in enumerate(document)]
        return origin(items)
    if origin is dict:
        key_shape, value_shape = typing.get_args(shape)
        _expect(isinstance(document, dict), document, "an object", path)
        return {
            convert(key, key_shape, path): convert(value, value_shape, f"{path}.{key}")
            for key, value in document.items()
        }
    return _scalar(document, shape, path)


def _record(document: Any, shape: type[Record], path: str) -> Any:
    _expect(isinstance(document, dict), document, "an object", path)
    hints = _hints(shape)
    values = {}
    for name in shape.__fields__:
        if name in document:
            values[name] = convert(document[name], hints[name], f"{path}.{name}")
        elif name not in shape.__defaults__:  # type: ignore[attr-defined]
            raise RecordError(f"Object missing required field `{name}` - at `{path}`")
    return shape(**values)


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(shape: type) -> dict[str, Any]:
    if shape not in _HINTS:  # each class's annotations read in its own module
        _HINTS[shape] = typing.get_type_hints(shape)
    return _HINTS[shape]


def _union(document: Any, options: tuple[Any, ...], path: str) -> Any:
    if document is None and type(None) in options:
        return None
    for option in options:
        if option is type(None):
            continue
        try:
            return convert(document, option, path)
        except RecordError:
            continue
    raise RecordError(f"Expected `{' | '.join(map(_name, options))}` - at `{path}`")


def _scalar(document: Any, shape: Any, path: str) -> Any:
    if shape is Any:
        return document
    if shape is float:
        _expect(
            isinstance(document, int | float) and not isinstance(document, bool),
            document,
            "a number",
            path,
        )
        return float(document)
    if shape is int:
        _expect(
            isinstance(document, int) and not isinstance(document, bool), document, "an int", path
        )
        return document
    if shape in (str, bool):
        _expect(isinstance(document, shape), document, _name(shape), path)
        return document
    if shape is type(None):
        _expect(document is None, document, "null", path)
        return None
    raise RecordError(f"Unsupported type {shape!r} - at `{path}`")


def _expect(ok: bool, document: Any, what: str, path: str) -> None:
    if not ok:
        raise RecordError(f"Expected {what}, got `{type(document).__name__}` - at `{path}`")


def _name(shape: Any) -> str:
    return getattr(shape, "__name__", str(shape))
