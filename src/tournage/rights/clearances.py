"""The clearance register: items seeded from the breakdown, decided, scoped, checked.

Every third-party element the breakdown names (music, set-dressing artwork, extras,
minors...) becomes an item to decide before the first shoot day of its scenes (before
picture lock for items added in post): cleared, replaced, cut or not needed with a
reason. A granted item's scope (channels x territories x period) must cover the
distribution plan.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from tournage.common.findings import Finding, Severity
from tournage.common.formatting import format_date
from tournage.rights.rules import CLEARANCES

WORLD = "WORLD"


@dataclass(frozen=True)
class Reference:
    """A third-party element named by the breakdown: to be covered by an item."""

    type: str
    subject: str
    scenes: tuple[str, ...]

    @property
    def key(self) -> tuple[str, str]:
        return self.type, normalise(self.subject)


@dataclass(frozen=True)
class ClearanceFacts:
    type: str
    subject: str
    status: str  # needed | requested | granted | refused | replaced | cut | not_required
    scenes: tuple[str, ...] = ()
    reason: str = ""
    channels: tuple[str, ...] = ()
    territories: tuple[str, ...] = ()
    starts: date | None = None
    ends: date | None = None  # None: for the whole legal term
    fee: Decimal | None = None
    committed: bool = False
    has_document: bool = False
    due: date | None = None  # first shoot day of its scenes, or picture lock

    @property
    def key(self) -> tuple[str, str]:
        return self.type, normalise(self.subject)

    @property
    def decided(self) -> bool:
        rules = CLEARANCES.load().statuses
        if self.status in rules.reason_required and not self.reason.strip():
            return False
        return self.status in rules.decided

    @property
    def usable(self) -> bool:
        """The element may appear in the work (granted, or no right to clear)."""
        return self.status in {"granted", "not_required"} and self.decided


def normalise(text: str) -> str:
    """Case, accents and spacing aside, for matching names across the breakdown and edit."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(folded.replace("-", " ").split())


@dataclass(frozen=True)
class SceneTags:
    """What the seed reads of a scene: its key, tags (category, name) and risk codes."""

    key: str
    tags: tuple[tuple[str, str], ...]
    risks: tuple[tuple[str, str], ...]  # (code, evidence)


def references(scenes: Iterable[SceneTags]) -> list[Reference]:
    """The breakdown's third-party elements, one per (type, subject), with their scenes."""
    seed = CLEARANCES.load().seed
    found: dict[tuple[str, str], tuple[str, list[str]]] = {}
    for scene in scenes:
        pairs = [(seed.categories.get(cat), name) for cat, name in scene.tags if _kept(cat, name)]
        pairs += [(seed.risks.get(code), _who(evidence) or code) for code, evidence in scene.risks]
        for type_id, subject in pairs:
            if type_id is None:
                continue
            key = (type_id, normalise(subject))
            entry = found.setdefault(key, (subject, []))
            if scene.key not in entry[1]:
                entry[1].append(scene.key)
    return [Reference(t, subject, tuple(keys)) for (t, _), (subject, keys) in found.items()]


def _kept(category: str, name: str) -> bool:
    """A tag of a category with keywords (set dressing) counts only when it names a work."""
    words = CLEARANCES.load().seed.keywords.get(category)
    return words is None or any(word in normalise(name).split() for word in words)


def _who(evidence: str) -> str:
    """The person a risk's evidence names: its words before a parenthesis or a comma."""
    return evidence.split("(")[0].split(",")[0].strip()


def uncovered(refs: Sequence[Reference], items: Iterable[ClearanceFacts]) -> list[Reference]:
    """References with no item of the register."""
    keys = {item.key for item in items}
    return [ref for ref in refs if ref.key not in keys]


def scope_gaps(
    item: ClearanceFacts, channels: Sequence[str], territories: Sequence[str], until: date | None
) -> list[str]:
    """What of the distribution plan a granted item does not cover (empty: covered)."""
    if item.status != "granted":
        return []
    gaps = [f"canal {c}" for c in channels if c not in item.channels]
    if WORLD not in item.territories:
        gaps += [f"territoire {t}" for t in territories if t not in item.territories]
    if item.ends is not None and until is not None and item.ends < until:
        gaps.append(f"durée (fin le {format_date(item.ends)})")
    return gaps


@dataclass
class _Collector:
    item: ClearanceFacts
    source: str
    uncertain: bool
    found: list[Finding]

    def add(self, code: str, level: str, message: str, **evidence: object) -> None:
        severity = Severity.for_rule(level, uncertain=self.uncertain)
        self.found.append(
            Finding(code, severity, message, self.source, self.item.subject, evidence)
        )


def findings(
    item: ClearanceFacts,
    today: date,
    channels: Sequence[str] = (),
    territories: Sequence[str] = (),
    until: date | None = None,
) -> list[Finding]:
    """The item's problems: undecided past its day, reasonless, out of scope, expiring."""
    kind = CLEARANCES.load().type(item.type)
    out = _Collector(
        item, kind.source if kind else CLEARANCES.load().source, bool(kind and kind.uncertain), []
    )
    if item.status in CLEARANCES.load().statuses.reason_required and not item.reason.strip():
        out.add("CLR-REASON", "fail", f"{item.subject} : décision « {item.status} » sans motif.")
    if not item.decided and item.due is not None:
        out.add(
            "CLR-UNDECIDED",
            "fail" if today > item.due else "warn",
            f"{item.subject} : à décider avant le {format_date(item.due)}.",
            due=item.due,
        )
    if item.status == "refused":
        out.add("CLR-REFUSED", "fail", f"{item.subject} : refusé, à remplacer ou couper.")
    if item.status == "granted" and not item.has_document:
        out.add("CLR-DOCUMENT", "warn", f"{item.subject} : pas de document de cession joint.")
    gaps = scope_gaps(item, channels, territories, until)
    if gaps:
        out.add(
            "CLR-SCOPE", "fail", f"{item.subject} : ne couvre pas {', '.join(gaps)}.", gaps=gaps
        )
    _expiry(out, today)
    if item.status == "granted" and item.fee and not item.committed:
        out.add("CLR-FEE", "warn", f"{item.subject} : redevance non engagée au suivi des coûts.")
    return out.found


def _expiry(out: _Collector, today: date) -> None:
    item = out.item
    if item.status != "granted" or item.ends is None:
        return
    if item.ends < today:
        out.add(
            "CLR-EXPIRED", "fail", f"{item.subject} : droits expirés le {format_date(item.ends)}."
        )
    elif item.ends <= today + timedelta(days=CLEARANCES.load().expiry_warning_days):
        out.add(
            "CLR-EXPIRING",
            "warn",
            f"{item.subject} : droits expirant le {format_date(item.ends)}.",
            ends=item.ends,
        )


def expiring(
    items: Iterable[ClearanceFacts], today: date, days: int | None = None
) -> list[ClearanceFacts]:
    """Granted items ending within ``days`` (the data's warning window by default)."""
    window = CLEARANCES.load().expiry_warning_days if days is None else days
    limit = today + timedelta(days=window)
    return [i for i in items if i.status == "granted" and i.ends is not None and i.ends <= limit]


def due_dates(scenes: Sequence[str], shoot_days: Mapping[str, date]) -> date | None:
    """The first shoot day among ``scenes`` (None when none is scheduled)."""
    days = [shoot_days[s] for s in scenes if s in shoot_days]
    return min(days, default=None)
