"""The delivery register: each element owed to a destination, decided against its due
date, the file actually delivered and the QC run of that very file.

A delivered file is tied to QC by its SHA-256: the run that counts is the latest finished
run of the same deliverable whose checksum equals the delivered file's. When runs exist
but none has that checksum, the file was changed after QC.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tournage.closing.rules import is_technical, rules
from tournage.common.findings import Finding, Severity

SOURCE = "data/closing/release_documents.yaml (by_destination, checks)"


@dataclass(frozen=True)
class QCRunRef:
    """A finished QC run of a deliverable, as the delivery app records it."""

    run_id: int
    sha256: str
    verdict: str  # pass | warn | fail
    checks: dict[str, str] = field(default_factory=dict)  # check id -> status
    duration_s: float | None = None


@dataclass(frozen=True)
class Item:
    id: int
    destination: str
    kind: str
    label: str
    due: date | None
    file_sha256: str = ""
    delivered: date | None = None
    accepted: date | None = None
    acceptance_duration_s: float | None = None
    profile: str = ""  # QC profile of the linked deliverable ("" when none)
    runs: tuple[QCRunRef, ...] = ()  # the runs of the linked deliverable, latest first


@dataclass(frozen=True)
class ItemStatus:
    item: Item
    run: QCRunRef | None
    findings: tuple[Finding, ...]

    @property
    def late(self) -> bool:
        return any(f.code in ("item.late", "item.overdue") for f in self.findings)

    @property
    def modified_after_qc(self) -> bool:
        return any(f.code == "item.modified_after_qc" for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        item = self.item
        return {
            "id": item.id,
            "kind": item.kind,
            "label": item.label,
            "due": item.due.isoformat() if item.due else None,
            "file_sha256": item.file_sha256 or None,
            "qc_run": self.run.run_id if self.run else None,
            "qc_verdict": self.run.verdict if self.run else None,
            "delivered": item.delivered.isoformat() if item.delivered else None,
            "accepted": item.accepted.isoformat() if item.accepted else None,
            "findings": [f.to_dict() for f in self.findings],
        }


def matching_run(item: Item) -> QCRunRef | None:
    """The latest QC run made on the very file delivered (same SHA-256)."""
    if not item.file_sha256:
        return None
    return next((r for r in item.runs if r.sha256 == item.file_sha256), None)


def evaluate(item: Item, today: date) -> ItemStatus:
    run = matching_run(item)
    findings = [*_timing(item, today), *_qc(item, run)]
    return ItemStatus(item, run, tuple(findings))


def _finding(code: str, severity: Severity, message: str, item: Item, **evidence: Any) -> Finding:
    return Finding(code, severity, message, SOURCE, item.label, evidence)


def _timing(item: Item, today: date) -> list[Finding]:
    if item.delivered is None:
        if item.due is not None and item.due < today:
            days = (today - item.due).days
            return [
                _finding(
                    "item.overdue",
                    Severity.FAIL,
                    f"Non livré, échéance dépassée de {days} jour(s).",
                    item,
                    due=item.due.isoformat(),
                )
            ]
        return [_finding("item.missing", Severity.WARN, "Pas encore livré.", item)]
    if item.due is not None and item.delivered > item.due:
        days = (item.delivered - item.due).days
        return [
            _finding(
                "item.late",
                Severity.FAIL,
                f"Livré avec {days} jour(s) de retard.",
                item,
                due=item.due.isoformat(),
                delivered=item.delivered.isoformat(),
            )
        ]
    return []


def _qc(item: Item, run: QCRunRef | None) -> list[Finding]:
    if item.delivered is None or not is_technical(item.kind):
        return []
    if not item.file_sha256:
        return [_finding("item.no_file", Severity.FAIL, "Livré sans empreinte du fichier.", item)]
    if run is None and item.runs:
        return [
            _finding(
                "item.modified_after_qc",
                Severity.FAIL,
                "Le fichier livré n'est pas celui qui a été contrôlé "
                "(empreinte SHA-256 différente de tous les contrôles) : modifié après le QC.",
                item,
                delivered_sha256=item.file_sha256,
                checked_sha256=[r.sha256 for r in item.runs],
            )
        ]
    if run is None:
        return [
            _finding("item.no_qc", Severity.FAIL, "Aucun contrôle qualité de ce fichier.", item)
        ]
    if run.verdict == "fail":
        failing = [check for check, status in run.checks.items() if status == "fail"]
        reason = f" : {', '.join(failing)}" if failing else "."
        return [
            _finding(
                "item.qc_failed",
                Severity.FAIL,
                f"Le contrôle de ce fichier échoue{reason}",
                item,
                failing_checks=failing,
            )
        ]
    return []


@dataclass(frozen=True)
class DestinationStatus:
    name: str
    kind: str
    items: tuple[ItemStatus, ...]
    missing_kinds: tuple[str, ...]  # expected by the destination's list, absent from the register

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "items": [s.to_dict() for s in self.items],
            "missing_kinds": list(self.missing_kinds),
        }


def expected_kinds(destination_kind: str) -> tuple[str, ...]:
    destination = rules().destinations.get(destination_kind)
    return destination.expects if destination else ()


def evaluate_destination(
    name: str, kind: str, items: Sequence[Item], today: date
) -> DestinationStatus:
    present = {i.kind for i in items}
    missing = tuple(k for k in expected_kinds(kind) if k not in present)
    return DestinationStatus(name, kind, tuple(evaluate(i, today) for i in items), missing)


def all_items(destinations: Iterable[DestinationStatus]) -> list[ItemStatus]:
    return [status for destination in destinations for status in destination.items]
