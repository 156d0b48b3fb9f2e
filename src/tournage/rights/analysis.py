"""The analysis of an uploaded author contract: which mentions of the Code de la propriété
intellectuelle its text carries (beside the CDDU analysis of ``tournage.labor``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tournage.common.findings import Finding, Severity
from tournage.common.rules import RuleTable
from tournage.labor.analysis import extract_text
from tournage.rights.clearances import normalise


@dataclass(frozen=True)
class Mention:
    id: str
    label: str
    rule: str
    patterns: tuple[str, ...]


@dataclass(frozen=True)
class MentionTable:
    source: str
    mentions: tuple[Mention, ...]


MENTIONS = RuleTable("rights/author_mentions.yaml", MentionTable)


@dataclass(frozen=True)
class AuthorAnalysis:
    mentions: tuple[tuple[Mention, bool], ...]
    findings: tuple[Finding, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "author",
            "mentions": [
                {"id": m.id, "label": m.label, "rule": m.rule, "present": present}
                for m, present in self.mentions
            ],
            "findings": [f.to_dict() for f in self.findings],
        }


def analyse_text(text: str) -> AuthorAnalysis:
    plain = normalise(text)
    table = MENTIONS.load()
    found = tuple((m, any(re.search(p, plain) for p in m.patterns)) for m in table.mentions)
    findings = tuple(
        Finding(
            "AUTH-MENTION",
            # a missing word is a hint to check, not a proof that the clause is missing
            Severity.WARN,
            f"Mention introuvable : {m.label} ({m.rule}).",
            table.source,
            m.id,
        )
        for m, present in found
        if not present
    )
    return AuthorAnalysis(found, findings)


def analyse_file(content: bytes, filename: str = "") -> AuthorAnalysis:
    """Text of a DOCX, PDF or text file (``LaborError`` on a bad file), analysed."""
    return analyse_text(extract_text(content, filename))
