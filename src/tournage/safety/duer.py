"""The DUER: hazards rated severity x likelihood, ranked, with a dated action plan.

The hazards come from the teams' risk register (one per risky scene and risk) and from
general hazards the employer adds; the rating scales and priority bands are data
(``safety/duer.yaml``), tournage's proposal rather than a legal scale.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from tournage.common.findings import Finding, Severity
from tournage.safety.errors import SafetyError
from tournage.safety.rules import DUER, Priority


@dataclass(frozen=True)
class Hazard:
    label: str
    severity: int | None = None
    likelihood: int | None = None
    measures: tuple[str, ...] = ()
    owner: str = ""
    due: date | None = None  # when the action plan's measures must be in place
    done: date | None = None
    scene: str = ""  # set when the hazard comes from the risk register
    ref: int | None = None  # the caller's identifier of the record (opaque here)

    @property
    def score(self) -> int | None:
        if self.severity is None or self.likelihood is None:
            return None
        return self.severity * self.likelihood

    @property
    def subject(self) -> str:
        return f"{self.scene} — {self.label}" if self.scene else self.label


def check_rating(kind: str, value: int | None) -> None:
    """Refuse a severity or likelihood off the data's scale (``None`` = not rated yet)."""
    scales = DUER.load().scales
    levels = scales.severity if kind == "severity" else scales.likelihood
    if value is not None and value not in {level.value for level in levels}:
        allowed = ", ".join(str(level.value) for level in levels)
        raise SafetyError(
            "safety.rating_off_scale",
            f"Cotation {value} hors de l'échelle ({allowed}).",
            kind=kind,
            value=value,
        )


def priority(score: int | None) -> Priority | None:
    if score is None:
        return None
    bands = sorted(DUER.load().scales.priorities, key=lambda band: -band.min_score)
    return next((band for band in bands if score >= band.min_score), None)


@dataclass(frozen=True)
class DuerReport:
    established: date | None
    hazards: tuple[Hazard, ...]  # highest rating first, unrated last
    findings: tuple[Finding, ...]

    @property
    def has_action_plan(self) -> bool:
        """Every hazard has measures and a due date (and there is at least one)."""
        return bool(self.hazards) and all(h.measures and h.due for h in self.hazards)


def _finding(code: str, severity: Severity, message: str, subject: str = "") -> Finding:
    return Finding(code, severity, message, source=DUER.load().legal_basis.source, subject=subject)


def _hazard_findings(hazard: Hazard, today: date) -> list[Finding]:
    out = []
    if hazard.score is None:
        out.append(_finding("SAF-DUER-UNRATED", Severity.WARN, "Risque non coté.", hazard.subject))
    if not hazard.measures or hazard.due is None:
        out.append(
            _finding(
                "SAF-DUER-NO-ACTION",
                Severity.WARN,
                "Plan d'action incomplet (mesure ou échéance manquante).",
                hazard.subject,
            )
        )
    elif hazard.done is None and hazard.due < today:
        out.append(
            _finding(
                "SAF-DUER-OVERDUE",
                Severity.WARN,
                f"Échéance dépassée ({hazard.due.isoformat()}) sans mesure réalisée.",
                hazard.subject,
            )
        )
    return out


def evaluate(established: date | None, hazards: Iterable[Hazard], today: date) -> DuerReport:
    ranked = tuple(sorted(hazards, key=lambda h: (-(h.score or 0), h.scene, h.label)))
    findings = [f for hazard in ranked for f in _hazard_findings(hazard, today)]
    if established is None:
        legal = DUER.load().legal_basis
        findings.insert(
            0,
            _finding(
                "SAF-DUER-MISSING",
                Severity.for_rule("fail", uncertain=legal.uncertain),
                "Aucun DUER établi pour cette production.",
            ),
        )
    return DuerReport(established, ranked, tuple(findings))
