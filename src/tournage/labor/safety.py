"""Risk register seeded from the breakdown, and accessibility of locations against needs."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from tournage.common.findings import Finding, Severity
from tournage.labor.findings import labor_finding
from tournage.labor.tables import ACCESSIBILITY_CHECKLIST, RISK_MEASURES


@dataclass(frozen=True)
class SceneRisk:
    """A risk flag of one scene, as the script breakdown raises it."""

    scene: str
    code: str
    evidence: str = ""
    day: date | None = None


@dataclass(frozen=True)
class RiskEntry:
    scene: str
    code: str
    label: str
    measures: tuple[str, ...]
    owner: str
    source: str
    uncertain: bool
    evidence: str = ""
    day: date | None = None
    status: str = "open"


def risk_register(flags: Iterable[SceneRisk]) -> list[RiskEntry]:
    """One register line per scene and risk, with the data's prevention measures.

    A risk code the data does not know still gets a line (no measure) so nothing is lost.
    """
    table = RISK_MEASURES.load().risks
    entries = []
    for flag in flags:
        row = table.get(flag.code)
        entries.append(
            RiskEntry(
                scene=flag.scene,
                code=flag.code,
                label=row.label if row else flag.code,
                measures=row.measures if row else (),
                owner=row.owner if row else "",
                source=row.source if row else "mesures non renseignées",
                uncertain=row.uncertain if row else True,
                evidence=flag.evidence,
                day=flag.day,
            )
        )
    return sorted(entries, key=lambda e: (e.day or date.max, e.scene, e.code))


@dataclass(frozen=True)
class Call:
    """A person called to a location on a day."""

    person: str
    location: str
    day: date | None = None


def accessibility_findings(
    locations: Mapping[str, Mapping[str, Any]],
    calls: Iterable[Call],
    needs: Mapping[str, Iterable[str]],
) -> list[Finding]:
    """Flag each call where a declared need is not met (or not known to be met).

    ``locations`` maps a name to its checklist (``True``/``False``/``None`` per item, a
    distance in metres for ``public_transport_m``); ``needs`` maps a person to need codes.
    """
    checklist = ACCESSIBILITY_CHECKLIST.load()
    source = checklist.source
    out = []
    for call in calls:
        location = locations.get(call.location, {})
        for need in needs.get(call.person, ()):
            rule = checklist.needs.get(need)
            if rule is None:
                continue
            for item in rule.requires:
                value = location.get(item)
                label = checklist.items[item].label
                if value is None:
                    out.append(
                        labor_finding(
                            "LAB-ACCESS-UNKNOWN",
                            Severity.WARN,
                            f"{call.location} : « {label} » non renseigné, besoin déclaré "
                            f"« {rule.label} ».",
                            rule=label,
                            source=source,
                            person=call.person,
                            day=call.day,
                        )
                    )
                elif value is False:
                    out.append(
                        labor_finding(
                            "LAB-ACCESS-UNMET",
                            Severity.FAIL,
                            f"{call.location} : « {label} » absent alors que la personne a déclaré "
                            f"« {rule.label} ».",
                            rule=label,
                            source=source,
                            person=call.person,
                            day=call.day,
                        )
                    )
    return out
