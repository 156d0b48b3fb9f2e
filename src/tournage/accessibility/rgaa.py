"""RGAA 4.1 theme 4 (multimedia) checklist for a web video deliverable."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from tournage.accessibility.tables import ACCESSIBILITY, RGAA_AUTO


@dataclass(frozen=True)
class RgaaItem:
    criterion: str
    title_fr: str
    wcag: tuple[str, ...]
    status: str  # met | not_met | manual
    evidence: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def rgaa_checklist(delivered: set[str]) -> list[RgaaItem]:
    """Criteria 4.1-4.13 with what the delivered files answer (``captions``,
    ``audio_description``, ``transcript``); the rest is left for a human."""
    criteria = ACCESSIBILITY.load().rgaa_4_1_multimedia.criteria
    auto = RGAA_AUTO.load()
    names = auto.deliverables
    items = []
    for criterion in criteria:
        rule = auto.automatic.get(criterion.id)
        if rule is None:
            status, evidence = "manual", "Réponse humaine nécessaire."
        else:
            present = [names[kind] for kind in rule.any_of if kind in delivered]
            wanted = " ou ".join(names[kind] for kind in rule.any_of)
            status = "met" if present else "not_met"
            evidence = f"Livré : {', '.join(present)}." if present else f"Manque : {wanted}."
        items.append(RgaaItem(criterion.id, criterion.title_fr, criterion.wcag, status, evidence))
    return items
