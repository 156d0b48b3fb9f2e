"""What a rule check reports, in one shape for every domain and for the referential.

A finding has a stable ``code``, a ``severity`` (fail, warn, info), a French
``message``, the ``source`` of the rule it applied, the ``subject`` it is about
(a person, a scene, a cue, a file) and the ``evidence`` behind it (measured
values, dates, identifiers).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any


class Severity(StrEnum):
    """``fail`` breaks a rule backed by a primary text; ``warn`` a usage or an uncertain
    value; ``info`` is shown for review, never blocking."""

    FAIL = "fail"
    WARN = "warn"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANK[self]

    def label(self, language: str | None = None) -> str:
        """The word a producer reads: « bloquant », « à vérifier », « info »."""
        english = (language or "fr").startswith("en")
        return _LABELS[self][1 if english else 0]

    @classmethod
    def for_rule(cls, level: str | Severity = "fail", *, uncertain: bool = False) -> Severity:
        """The severity of a broken rule: a rule resting on an uncertain value only warns."""
        severity = cls(level)
        if uncertain and severity is cls.FAIL:
            return cls.WARN
        return severity


_RANK = {Severity.INFO: 0, Severity.WARN: 1, Severity.FAIL: 2}
_LABELS = {
    Severity.FAIL: ("bloquant", "blocking"),
    Severity.WARN: ("à vérifier", "to check"),
    Severity.INFO: ("info", "info"),
}


def _frozen(evidence: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(evidence or {}))


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str
    source: str = ""
    subject: str = ""
    evidence: Mapping[str, Any] = field(default_factory=lambda: _frozen(None))

    def __post_init__(self) -> None:
        object.__setattr__(self, "severity", Severity(self.severity))
        if not isinstance(self.evidence, MappingProxyType):
            object.__setattr__(self, "evidence", _frozen(self.evidence))

    @property
    def is_blocking(self) -> bool:
        return self.severity is Severity.FAIL

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "source": self.source,
            "subject": self.subject,
            "evidence": {key: _jsonable(value) for key, value in self.evidence.items()},
        }


def _jsonable(value: Any) -> Any:
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): _jsonable(item) for key, item in value.items()}
    return str(value)  # dates, decimals, enums: their canonical text


def worst(findings: Iterable[Finding]) -> Severity | None:
    """The most severe level among ``findings``, None when there is none."""
    return max((f.severity for f in findings), key=lambda s: s.rank, default=None)


def source_text(source: object) -> str:
    """A rule's ``source`` as one line, whether the data gives a string or a list."""
    if isinstance(source, list | tuple):
        return "; ".join(str(item) for item in source)
    return "" if source is None else str(source)
