"""A trailer's or teaser's age-rating signage against the production's target categories.

One source: the categories and the rule that a trailer carries the signage of a category
II-V programme (CSA deliberation 2014-17, art. 4) are the rights app's rating table
(``data/rights/release.yaml rating``, drawn from ``development/age_rating.yaml``); the
target category of each channel is the one recorded in the rights register's signage page.
A trailer serves every channel, so it must carry the highest category targeted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tournage.common.findings import Finding, Severity
from tournage.rights.release import RatingFacts
from tournage.rights.rules import RELEASE

SIGNED_KINDS = ("trailer", "teaser")
AGE_WORDS = {"tous publics": "I", "10": "II", "12": "III", "16": "IV", "18": "V"}


def category_choices() -> list[tuple[str, str]]:
    """The youth-protection categories (id, French label) of the one rating table."""
    return [(c.id, f"{c.id} — {c.fr}") for c in RELEASE.load().rating.categories]


def read_category(text: str) -> str | None:
    """The category a free text typed before names (``-12``, ``Tous publics``, ``III``),
    None when it names none or several (data migrations keep such text as a note)."""
    value = text.strip()
    if value in AGE_WORDS.values():
        return value
    lowered = value.lower()
    if "tous publics" in lowered:
        return "I"
    ages = re.findall(r"\d+", lowered)
    return AGE_WORDS.get(ages[0]) if len(ages) == 1 else None


def category_label(category: str) -> str:
    labels = dict(category_choices())
    return labels.get(category, category)


@dataclass(frozen=True)
class Expected:
    category: str  # "" when no channel has a target category
    channels: tuple[str, ...]  # channels that set it
    needs_signage: bool


def expected(ratings: Sequence[RatingFacts]) -> Expected:
    """The highest target category of the channels; whether a trailer must show it."""
    rules = RELEASE.load().rating
    rated = [r for r in ratings if r.category]
    if not rated:
        return Expected("", (), False)
    top = max(rated, key=lambda r: rules.rank(r.category)).category
    channels = tuple(r.channel for r in rated if r.category == top)
    needs = rules.rank(top) >= rules.rank(rules.trailer_signage_from)
    return Expected(top, channels, needs)


@dataclass(frozen=True)
class SignageCheck:
    """``status``: pass, warn or fail (a broken rule; warn while the table is uncertain),
    unknown (no target category recorded: nothing to compare with)."""

    status: str
    message: str
    source: str
    expected: str
    carried: str

    def finding(self, title: str) -> Finding | None:
        if self.status == "pass":
            return None
        severity = Severity.INFO if self.status == "unknown" else Severity(self.status)
        return Finding(
            f"marketing.signage_{self.status}",
            severity,
            self.message,
            source=self.source,
            subject=title,
            evidence={"carried": self.carried, "expected": self.expected},
        )


def check_signage(title: str, carried: str, ratings: Sequence[RatingFacts]) -> SignageCheck:
    """One trailer's signage against the highest target category of the channels."""
    rules = RELEASE.load().rating
    want = expected(ratings)
    if not want.category:
        message = (
            f"{title} : aucune catégorie de signalétique visée n'est enregistrée (registre "
            "des droits, page Signalétique) ; la signalétique ne peut pas être vérifiée."
        )
        return SignageCheck("unknown", message, rules.trailer_source, "", carried)
    if not want.needs_signage:
        ok = carried in ("", want.category)
        wanted_text = "aucune signalétique (tous publics)"
    else:
        ok = carried == want.category
        wanted_text = category_label(want.category)
    if ok:
        message = f"{title} : signalétique conforme ({wanted_text})."
        return SignageCheck("pass", message, rules.trailer_source, want.category, carried)
    shown = category_label(carried) if carried else "aucune"
    message = (
        f"{title} : porte « {shown} », attendu « {wanted_text} » (catégorie visée sur "
        f"{', '.join(want.channels)})."
    )
    status = Severity.for_rule("fail", uncertain=rules.uncertain).value
    return SignageCheck(status, message, rules.trailer_source, want.category, carried)
