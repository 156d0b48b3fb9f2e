"""Automatic breakdown (dépouillement): cast, silhouettes, figuration, elements, risks.

Every tag says where it came from (the words of the scene) and how sure we are. The
dictionaries, categories and risk triggers are data files in ``data/screenplay/``.
Manual tags (``source == "manual"``) survive a new automatic breakdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from tournage.data import load_yaml
from tournage.screenplay.assemble import aggregate_characters
from tournage.screenplay.heading import time_light
from tournage.screenplay.model import BreakdownTag, ElementKind, RiskFlag, Scene, Script

_PLURAL = r"(?:s|x|es)?"
_WORD = re.compile(r"[^\W\d_](?:[\w'’.-]*\w)?")
_SENTENCE_END = re.compile(r"[.!?\n]")
_EVIDENCE_CHARS = 160
_AGE = re.compile(r"\((\d{1,2})(?:\s*(?:ans|an|years?(?: old)?|yo))?\s*[,)]", re.IGNORECASE)


@dataclass(frozen=True)
class Category:
    key: str
    label_en: str
    label_fr: str
    colour: str
    mark: str | None
    convention: str


@cache
def categories() -> dict[str, Category]:
    """Breakdown categories in display order, from ``categories.yaml``."""
    rows = load_yaml("screenplay/categories.yaml")["categories"]
    return {row["key"]: Category(**row) for row in rows}


@dataclass(frozen=True)
class Term:
    name: str
    category: str
    confidence: float


class Lexicon:
    """One regular expression over every dictionary word, with its category."""

    def __init__(self, terms: dict[str, Term]) -> None:
        self.terms = terms
        alternatives = sorted(terms, key=len, reverse=True)
        body = "|".join(re.escape(term) for term in alternatives) or r"(?!)"
        self.pattern = re.compile(rf"(?<!\w)({body}){_PLURAL}(?!\w)", re.IGNORECASE)

    def find(self, text: str) -> list[tuple[Term, re.Match[str]]]:
        return [
            (self.terms[match.group(1).lower()], match) for match in self.pattern.finditer(text)
        ]


LANGUAGES = ("fr", "en")


@cache
def lexicon(language: str | None = None) -> Lexicon:
    """Dictionary of one language (``fr``, ``en``), or of both when ``None``."""
    terms: dict[str, Term] = {}
    for category, spec in load_yaml("screenplay/lexicon.yaml")["categories"].items():
        for code in (language,) if language else LANGUAGES:
            for entry in spec.get(code, []):
                word, _, confidence = str(entry).partition("|")
                value = float(confidence) if confidence else float(spec["confidence"])
                terms.setdefault(word.lower(), Term(word.lower(), category, value))
    return Lexicon(terms)


def _confidence(heuristic: str) -> float:
    return float(load_yaml("screenplay/lexicon.yaml")["heuristic_confidence"][heuristic])


def detect_language(text: str) -> str | None:
    """``fr`` or ``en`` from the most frequent marker words; ``None`` if undecided."""
    markers = load_yaml("screenplay/lexicon.yaml")["language_markers"]
    words = re.findall(r"[^\W\d_]+", text.lower())
    counts = {code: sum(1 for word in words if word in set(markers[code])) for code in LANGUAGES}
    best = max(counts, key=lambda code: counts[code])
    others = [counts[code] for code in LANGUAGES if code != best]
    return best if counts[best] > max(others, default=0) else None


@cache
def risk_rules() -> dict[str, dict[str, Any]]:
    """Risk flags by code, with their labels and triggers (``risks.yaml``)."""
    rules: dict[str, dict[str, Any]] = load_yaml("screenplay/risks.yaml")["risks"]
    return rules


def _min_category_confidence() -> float:
    return float(load_yaml("screenplay/risks.yaml")["min_category_confidence"])


@cache
def _risk_words() -> dict[str, re.Pattern[str]]:
    return {
        code: re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(word) for word in rule["words"]) + r")(?!\w)",
            re.IGNORECASE,
        )
        for code, rule in risk_rules().items()
        if rule.get("words")
    }


@cache
def _caps_lists() -> tuple[frozenset[str], tuple[str, ...]]:
    data = load_yaml("screenplay/import.yaml")
    return frozenset(data["caps_stopwords"]), tuple(data["caps_articles"])


def evidence(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]``, trimmed."""
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    sentence = text[before[-1] if before else 0 : after.end() if after else len(text)].strip()
    return sentence if len(sentence) <= _EVIDENCE_CHARS else sentence[: _EVIDENCE_CHARS - 1] + "…"


def scene_text(scene: Scene) -> str:
    """What the breakdown reads: the place and the action."""
    parts = [scene.location]
    parts.extend(element.plain for element in scene.elements if element.kind is ElementKind.ACTION)
    return "\n".join(parts)


def break_down(script: Script) -> Script:
    """Tag every scene of ``script`` in place (manual tags kept) and list characters."""
    speaking = {name for scene in script.scenes for name in scene.characters}
    texts = [scene_text(scene) for scene in script.scenes]
    words = lexicon(detect_language("\n".join(texts)))
    for scene, text in zip(script.scenes, texts, strict=True):
        scene.non_speaking = []
        automatic = [
            *_cast_tags(scene, text, speaking),
            *_caps_tags(scene, text, speaking, words),
            *_dictionary_tags(text, words),
        ]
        manual = [tag for tag in scene.tags if tag.source == "manual"]
        scene.tags = merge_tags(manual, automatic)
        scene.risks = scene_risks(scene, text)
    script.characters = aggregate_characters(script.scenes)
    return script


def merge_tags(kept: list[BreakdownTag], found: list[BreakdownTag]) -> list[BreakdownTag]:
    """``kept`` first, then each (category, name) of ``found`` once, most confident wins."""
    best: dict[tuple[str, str], BreakdownTag] = {(t.category, t.name.lower()): t for t in kept}
    for tag in found:
        key = (tag.category, tag.name.lower())
        if key not in best or (
            best[key].source != "manual" and tag.confidence > best[key].confidence
        ):
            best[key] = tag
    return list(best.values())


def _cast_tags(scene: Scene, text: str, speaking: set[str]) -> list[BreakdownTag]:
    tags = []
    for element in scene.elements:
        if element.kind is ElementKind.CHARACTER and element.character:
            tags.append(BreakdownTag("cast", element.character, element.plain, 1.0, "cue"))
    for name in sorted(speaking - set(scene.characters)):
        match = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE)
        if match:
            scene.non_speaking.append(name)
            quote = evidence(text, match.start(), match.end())
            tags.append(BreakdownTag("cast", name, quote, _confidence("mention"), "mention"))
    return tags


def _caps_groups(text: str) -> list[tuple[str, int, int]]:
    """Runs of upper-case words (a character introduced in capitals, a sound...).

    A one-letter capital ("À", "A") joins a run but never starts one.
    """
    groups: list[tuple[str, int, int]] = []
    for match in _WORD.finditer(text):
        word = match.group()
        if not word.isupper():
            continue
        if groups and text[groups[-1][2] : match.start()].strip(" ") == "":
            name, start, _ = groups[-1]
            groups[-1] = (f"{name} {word}", start, match.end())
        elif len(word) > 1:
            groups.append((word, match.start(), match.end()))
    return groups


def _caps_tags(scene: Scene, text: str, speaking: set[str], words: Lexicon) -> list[BreakdownTag]:
    """Capitals in action: a known word gives its category, else a person (silhouette).

    A person introduced with an age ("LÉA (8 ans)") is surely one: higher confidence.
    """
    stopwords, articles = _caps_lists()
    tags = []
    action = text[len(scene.location) + 1 :]
    for group, start, end in _caps_groups(action):
        name = _strip_article(group.removesuffix("'S").removesuffix("’S"), articles)
        if not name or name in stopwords or _is_speaker(name, speaking):
            continue
        quote = evidence(action, start, end)
        known = words.find(name)
        if known:
            term = known[0][0]
            tags.append(BreakdownTag(term.category, term.name, quote, term.confidence, "caps"))
            continue
        aged = _AGE.match(action, end + 1) is not None or _AGE.match(action, end) is not None
        if name not in scene.non_speaking:
            scene.non_speaking.append(name)
        confidence = _confidence("caps_with_age" if aged else "caps")
        tags.append(BreakdownTag("silhouettes", name, quote, confidence, "caps"))
    return tags


def _is_speaker(name: str, speaking: set[str]) -> bool:
    """``NINA ROUSSEL`` introduces the speaking ``NINA``."""
    return name in speaking or any(name.startswith(f"{speaker} ") for speaker in speaking)


def _strip_article(name: str, articles: tuple[str, ...]) -> str:
    for article in articles:
        if name.startswith(article + " ") or (article.endswith("'") and name.startswith(article)):
            return name[len(article) :].strip()
    return name


def _dictionary_tags(text: str, words: Lexicon) -> list[BreakdownTag]:
    return [
        BreakdownTag(term.category, term.name, evidence(text, m.start(), m.end()), term.confidence)
        for term, m in words.find(text)
    ]


def scene_risks(scene: Scene, text: str) -> list[RiskFlag]:
    """Risk flags from the effet, the tags' categories, ages and trigger words."""
    flags = []
    for code, rule in risk_rules().items():
        found = (
            _effet_risk(scene, rule) or _category_risk(scene, rule) or _text_risk(code, rule, text)
        )
        if found is not None:
            flags.append(RiskFlag(code, found))
    return flags


def _effet_risk(scene: Scene, rule: dict[str, Any]) -> str | None:
    effet = rule.get("effet")
    if (
        effet
        and scene.int_ext in effet["int_ext"]
        and time_light(scene.day_night) == effet["light"]
    ):
        return scene.heading
    return None


def _category_risk(scene: Scene, rule: dict[str, Any]) -> str | None:
    wanted = set(rule.get("categories", []))
    sure = _min_category_confidence()
    tag = next((t for t in scene.tags if t.category in wanted and t.confidence >= sure), None)
    return tag.evidence if tag else None


def _text_risk(code: str, rule: dict[str, Any], text: str) -> str | None:
    if "ages_below" in rule:
        for age in _AGE.finditer(text):
            if int(age.group(1)) < rule["ages_below"]:
                return evidence(text, age.start(), age.end())
    pattern = _risk_words().get(code)
    match = pattern.search(text) if pattern else None
    return evidence(text, match.start(), match.end()) if match else None
