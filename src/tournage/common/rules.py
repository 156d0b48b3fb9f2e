"""Rule tables read into frozen dataclasses, validated when they are loaded.

A domain declares the shape of each of its data files once::

    @dataclass(frozen=True)
    class WorkingTime:
        source: str
        daily_max_hours: Decimal | None
        ...

    WORKING_TIME = RuleTable("labor/working_time.yaml", WorkingTime)
    rules = WORKING_TIME.load()          # cached, typed, validated

A file that does not match its shape (a missing field, a string where a number
is expected) raises ``RuleTableError`` naming the file and the path of the bad
value, at load time rather than deep inside a computation. Fields the shape does
not declare are ignored, so a table can carry notes and sources freely.
``RuleTable.all()`` lists every declared table: a test loads each of them.

A domain whose tables are read on a timed start-up path (the command line) may give a
``snapshot``: a JSON file holding the parsed YAML documents by path, generated from the
YAML (the source of truth) and checked equal to it by the domain's tests, and may declare
its shapes as ``tournage.common.records`` records, read without msgspec. msgspec is
imported on first load of another shape, not with this module.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import cached_property
from typing import Any, Generic, TypeVar

from tournage.common.errors import DomainError
from tournage.data import load_csv, load_json, load_yaml

T = TypeVar("T")
_AT = re.compile(r"- at `(\$[^`]*)`")
V = TypeVar("V")


def iso_dates(document: Any) -> Any:
    """``document`` with its YAML dates as ISO text: a ``select`` for the tables whose
    date-like fields mix dates, years and words (``as_of: 2025-09-30``, ``2023``, ``unknown``)."""
    if isinstance(document, date):
        return document.isoformat()
    if isinstance(document, dict):
        return {key: iso_dates(value) for key, value in document.items()}
    if isinstance(document, list):
        return [iso_dates(value) for value in document]
    return document


class RuleTableError(DomainError):
    """A shipped rule table does not have the shape its domain declares."""


_tables: dict[str, RuleTable[Any]] = {}


class RuleTable(Generic[T]):
    """One data file under ``src/tournage/data`` and the type it is read into.

    ``select`` picks the part of the document to convert (e.g. one agreement of a
    file that holds several); by default the whole document. (A plain class, not a
    dataclass: ``dataclasses`` imports ``inspect``, which the timed command line avoids.)
    """

    def __init__(
        self,
        path: str,
        shape: type[T],
        select: Callable[[Any], Any] | None = None,
        snapshot: str | None = None,
    ) -> None:
        self.path, self.shape, self.select, self.snapshot = path, shape, select, snapshot
        self._key = path if select is None else f"{path}#{shape.__name__}"
        _tables.setdefault(self._key, self)

    def __repr__(self) -> str:
        return f"RuleTable({self.path!r}, {self.shape.__name__})"

    def raw(self) -> Any:
        if self.snapshot is not None:
            return load_json(self.snapshot)[self.path]
        if self.path.endswith(".csv"):
            return [dict(row) for row in load_csv(self.path)]
        return load_yaml(self.path)

    def load(self) -> T:
        return self._value

    def require(self, value: V | None, key: str) -> V:
        """``value`` where the shape allows none but the caller needs one; refused naming
        the file and the key, like a malformed table."""
        if value is None:
            raise RuleTableError(
                "rules.shape",
                f"Table de règles {self.path} mal formée : {key} est requis ici.",
                path=self.path,
            )
        return value

    @cached_property
    def _value(self) -> T:
        document = self.raw()
        if self.select is not None:
            document = self.select(document)
        from tournage.common import records

        if isinstance(self.shape, type) and issubclass(self.shape, records.Record):
            try:  # the command line's tables: read without importing msgspec
                value: T = records.convert(document, self.shape)
            except records.RecordError as error:
                raise self._malformed(error) from error
            return value
        import msgspec

        try:
            return msgspec.convert(document, self.shape, strict=False)
        except msgspec.ValidationError as error:
            from tournage.common.rule_paths import named_path  # imports dataclasses: here only

            message = _AT.sub(
                lambda at: f"- at `{named_path(document, self.shape, at.group(1))}`", str(error)
            )
            raise self._malformed(message) from error

    def _malformed(self, detail: object) -> RuleTableError:
        return RuleTableError(
            "rules.shape", f"Table de règles {self.path} mal formée : {detail}.", path=self.path
        )

    @staticmethod
    def all() -> list[RuleTable[Any]]:
        return list(_tables.values())
