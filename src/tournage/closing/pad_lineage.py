"""Whether the PAD delivered can have been built from the final grade and mix.

The post versions log says which approved version was used for the PAD; the delivery
register says which file was delivered (its SHA-256) and the QC run of that very file says
when it existed. A PAD file checked (or delivered) before the approval of the version it
claims to come from cannot have been built from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from tournage.common.formatting import format_date


@dataclass(frozen=True)
class PadFile:
    label: str
    sha256: str
    checked_on: date | None  # the QC run of this very file (same SHA-256)
    delivered_on: date | None


@dataclass(frozen=True)
class FinalVersion:
    kind: str  # grade | mix
    number: int
    approved_on: date | None


def built_before_approval(pads: Sequence[PadFile], finals: Sequence[FinalVersion]) -> list[str]:
    """PAD files that existed before the approval of a version used for the PAD."""
    problems = []
    for pad in pads:
        when = pad.checked_on or pad.delivered_on
        if when is None:
            continue
        what = "contrôlé" if pad.checked_on else "livré"
        for version in finals:
            if version.approved_on is not None and version.approved_on > when:
                problems.append(
                    f"{pad.label} ({what} le {format_date(when)}) précède la validation de "
                    f"{version.kind} v{version.number} ({format_date(version.approved_on)})"
                )
    return problems


def missing_data(has_versions: bool, pads: Sequence[PadFile] | None) -> str:
    """What to record for the check to be decided (``pads`` None: no delivery register)."""
    missing = []
    if not has_versions:
        missing.append(
            "les versions d'étalonnage et de mixage validées, avec celle utilisée pour le PAD "
            "(suivi, Versions de post-production)"
        )
    if pads is not None and not pads:
        missing.append(
            "le PAD livré avec son empreinte SHA-256 et son contrôle qualité (registre de "
            "livraison)"
        )
    return "Données manquantes : " + " ; ".join(missing) + "."
