"""The framework's delivery checks, decided on the register and on QC outcomes.

Each function returns a referential ``CheckResult``: the web app only gathers the register
and the QC outcomes and passes them here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from tournage.closing.register import DestinationStatus, ItemStatus, all_items
from tournage.closing.rules import is_technical, rules
from tournage.referential.registry import CheckResult
from tournage.referential.verdicts import coverage, unknown

RELEASE = "data/closing/release_documents.yaml"
PROFILES = "data/delivery/qc_profiles.yaml"
QC_CODES = ("item.no_file", "item.no_qc", "item.modified_after_qc", "item.qc_failed")
NO_REGISTER = "Aucun registre de livraison : ajoutez les destinations et leurs éléments."


def _named(status: ItemStatus, why: str) -> str:
    return f"{status.item.label} ({why})"


def _first(status: ItemStatus, codes: Sequence[str]) -> str | None:
    return next((f.message for f in status.findings if f.code in codes), None)


def _delivered_technical(destinations: Sequence[DestinationStatus]) -> list[ItemStatus]:
    return [s for s in all_items(destinations) if s.item.delivered and is_technical(s.item.kind)]


def qc_pass_all_deliverables(destinations: Sequence[DestinationStatus]) -> CheckResult:
    rows = _delivered_technical(destinations)
    failing = [_named(s, why) for s in rows if (why := _first(s, QC_CODES))]
    return coverage(
        len(rows),
        failing,
        met=f"Les {len(rows)} fichiers livrés ont passé le QC sur le fichier même (SHA-256).",
        not_met="Fichiers livrés sans QC valide sur le fichier livré",
        empty="Aucun fichier technique livré dans le registre.",
        source=f"{RELEASE} checks ; {PROFILES}",
    )


def spec_vs_cdc(destinations: Sequence[DestinationStatus]) -> CheckResult:
    spec = set(rules().spec_checks)
    rows = _delivered_technical(destinations)
    failing = []
    for status in rows:
        if status.run is None:
            failing.append(_named(status, "pas de QC du fichier livré"))
            continue
        bad = sorted(c for c, result in status.run.checks.items() if c in spec and result == "fail")
        if bad:
            failing.append(_named(status, ", ".join(bad)))
    wanted = _accessibility_expected(destinations)
    failing += [f"{name} ({kind} non livré)" for name, kind, delivered in wanted if not delivered]
    return coverage(
        len(rows) + len(wanted),
        failing,
        met="Durée, format, versions et fichiers d'accessibilité livrés conformes au cahier "
        "des charges.",
        not_met="Écarts au cahier des charges",
        empty="Aucun élément technique livré à comparer au cahier des charges.",
        source=f"{RELEASE} by_destination ; {PROFILES}",
        uncertain=True,  # the destination lists are partly uncertain in the data
    )


ACCESSIBLE = ("sme", "audio_description")


def _accessibility_expected(
    destinations: Sequence[DestinationStatus],
) -> list[tuple[str, str, bool]]:
    """(destination, kind, delivered) for each accessibility file a destination expects."""
    rows = []
    for destination in destinations:
        kinds = {s.item.kind for s in destination.items}
        for kind in ACCESSIBLE:
            if kind in _expects(destination.kind) or kind in kinds:
                delivered = any(s.item.kind == kind and s.item.delivered for s in destination.items)
                rows.append((destination.name, kind, delivered))
    return rows


def _expects(kind: str) -> tuple[str, ...]:
    destination = rules().destinations.get(kind)
    return destination.expects if destination else ()


def acceptance_stored(destinations: Sequence[DestinationStatus]) -> CheckResult:
    tolerance = float(rules().acceptance_duration_tolerance_s.value)
    pads = [
        s
        for d in destinations
        if d.kind == "broadcaster"
        for s in d.items
        if s.item.kind == "pad" and s.item.delivered
    ]
    failing = []
    for status in pads:
        item, run = status.item, status.run
        if item.accepted is None or item.acceptance_duration_s is None:
            failing.append(_named(status, "pas d'attestation d'acceptation avec durée"))
        elif run and run.duration_s is not None:
            gap = abs(run.duration_s - item.acceptance_duration_s)
            if gap > tolerance:
                failing.append(_named(status, f"durée acceptée ≠ durée livrée ({gap:.1f} s)"))
    return coverage(
        len(pads),
        failing,
        met="Attestation d'acceptation du diffuseur stockée avec la durée du PAD livré.",
        not_met="Acceptations manquantes ou discordantes",
        empty="Aucun PAD livré à un diffuseur dans le registre.",
        source=f"{RELEASE} steps_additions.broadcaster_acceptance_certificate (CCIA D331-14)",
        uncertain=True,  # the check's level is warn in the framework
    )


def delivered_by_deadline(destinations: Sequence[DestinationStatus]) -> CheckResult:
    rows = [s for s in all_items(destinations) if s.item.due is not None]
    late = [_named(s, why) for s in rows if (why := _first(s, ("item.late", "item.overdue")))]
    return coverage(
        len(rows),
        late,
        met=f"Les {len(rows)} éléments datés sont livrés à l'échéance (ou pas encore dus).",
        not_met="Éléments en retard",
        empty="Aucun élément du registre n'a d'échéance.",
        source="Registre de livraison (échéances contractuelles)",
    )


def delivery_list_complete(destinations: Sequence[DestinationStatus]) -> CheckResult:
    if not destinations:
        return unknown(NO_REGISTER, source=RELEASE)
    expected = [
        *(
            f"{d.name} : {kind} absent de la liste"
            for d in destinations
            for kind in d.missing_kinds
        ),
        *(_named(s, "non livré") for s in all_items(destinations) if s.item.delivered is None),
    ]
    total = sum(len(d.items) + len(d.missing_kinds) for d in destinations)
    return coverage(
        total,
        expected,
        met="Chaque élément attendu par chaque destination est livré.",
        not_met="Éléments attendus non livrés",
        empty=NO_REGISTER,
        source=f"{RELEASE} by_destination",
    )


def _verdicts(
    rows: list[ItemStatus], met: str, not_met: str, empty: str, source: str
) -> CheckResult:
    failing = [
        _named(s, "pas de QC du fichier livré" if s.run is None else f"QC {s.run.verdict}")
        for s in rows
        if s.run is None or s.run.verdict == "fail"
    ]
    return coverage(len(rows), failing, met=met, not_met=not_met, empty=empty, source=source)


def qc_international(destinations: Sequence[DestinationStatus]) -> CheckResult:
    international = {k for k, d in rules().destinations.items() if d.international}
    profiles = set(rules().international_profiles)
    rows = [
        s
        for d in destinations
        for s in d.items
        if s.item.delivered
        and is_technical(s.item.kind)
        and (d.kind in international or s.item.profile in profiles)
    ]
    return _verdicts(
        rows,
        "Chaque version étrangère (IMF, DCP, diffuseur étranger) passe son profil.",
        "Versions étrangères non conformes",
        "Aucune version livrée à un débouché étranger (IMF, DCP, diffuseur étranger).",
        PROFILES,
    )


def outlet_specs(destinations: Sequence[DestinationStatus]) -> CheckResult:
    profiles = set(rules().outlet_profiles)
    rows = [s for s in all_items(destinations) if s.item.delivered and s.item.profile in profiles]
    return _verdicts(
        rows,
        "Chaque version web ou réseau social passe son profil.",
        "Versions web non conformes",
        "Aucune version web ou réseau social livrée.",
        PROFILES,
    )


@dataclass(frozen=True)
class Outcome:
    """One check of a deliverable's latest QC run (``delivery.api.latest_check_outcomes``)."""

    deliverable: str
    status: str  # pass | info | warn | fail
    message: str


def qc_outcomes(
    outcomes: Sequence[Outcome], *, met: str, not_met: str, empty: str, source: str
) -> CheckResult:
    """Every deliverable's latest QC passes the check; a warning alone is uncertain."""
    bad = [o for o in outcomes if o.status in ("warn", "fail")]
    return coverage(
        len(outcomes),
        [f"{o.deliverable} ({o.message})" for o in bad],
        met=met,
        not_met=not_met,
        empty=empty,
        source=source,
        uncertain=bool(bad) and all(o.status == "warn" for o in bad),
    )


RegisterCheck = Callable[[Sequence[DestinationStatus]], CheckResult]
REGISTER_CHECKS: dict[str, RegisterCheck] = {
    "qc_pass_all_deliverables": qc_pass_all_deliverables,
    "spec_vs_cdc": spec_vs_cdc,
    "acceptance_stored": acceptance_stored,
    "delivered_by_deadline": delivered_by_deadline,
    "delivery_list_complete": delivery_list_complete,
    "qc_international": qc_international,
    "outlet_specs": outlet_specs,
}


def register_document(destinations: Sequence[DestinationStatus]) -> dict[str, Any]:
    return {"destinations": [d.to_dict() for d in destinations]}
