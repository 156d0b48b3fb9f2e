"""Automatic breakdown (dépouillement): cast, silhouettes, figuration, elements, risks.

What a first assistant director can trust, each tag with the words it came from:

- **cast** from the cues, by their exact name; a speaking character named in the action
  of another scene is matched on word bounds and case (``NADIA`` or ``Nadia``, never the
  verb "will" for ``WILL``: a name that is also a lower-case word of the script counts
  only in capitals or mid-sentence);
- **silhouettes**: people introduced in capitals in the action (a person noun, an age, or
  a name used again), never camera directions, transitions or sound effects (data lists);
- **extras** from crowd words; **sound** from sound effects in capitals;
- **elements** from the dictionaries, with props, vehicles, animals and weapons read as
  nouns only (a determiner before, no subject pronoun, no "horse costume");
- **risks** with the word that triggered them.

Every dictionary, name and trigger is found by one Aho-Corasick matcher per table, so a
scene is read once. Manual tags (``source == "manual"``) survive a new breakdown.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from functools import cache

from tournage.common.records import Record
from tournage.screenplay.assemble import aggregate_characters
from tournage.screenplay.heading import time_light
from tournage.screenplay.matcher import Matcher, lower_same_length
from tournage.screenplay.model import (
    BreakdownTag,
    ElementKind,
    RiskFlag,
    Scene,
    Script,
)
from tournage.screenplay.rules import (
    Category,
    PeopleRules,
    RiskRule,
    category_rules,
    lexicon_rules,
    people_rules,
)
from tournage.screenplay.rules import (
    risk_rules as _risk_table,
)

LANGUAGES = ("fr", "en")
IGNORED = "ignored"  # lexicon phrases that hide an element word ("license plate")
_PLURALS = ("s", "x", "es")
_WORD = re.compile(r"[^\W\d_](?:[\w'’.-]*\w)?")
_TOKEN = re.compile(r"[\w'’-]+")
_GAP = 60  # characters read before an element word
_CLAUSE_BREAKS = ".,;:!?\n"
_SENTENCE_END = re.compile(r"[.!?\n]")
_LETTERS = re.compile(r"[^\W\d_]+")
# Candidates for runs of capitals: letters that are not lower-case Latin (checked after).
_CAPS = re.compile(r"(?<![\w'’])[^\W\d_a-zß-ÿ](?:[^\W_a-zß-ÿ]|['’.-](?=[^\W_a-zß-ÿ]))*(?![\w])")
_EVIDENCE_CHARS = 160
# An age after a person introduced in capitals: "(8 ans)", "(30)", "(30s)", "(la trentaine)".
_AGE = re.compile(
    r"\((?:(\d{1,2})(?:\s*(?:ans|an|years?(?: old)?|yo|s))?\s*[,)]"
    r"|(?:(?:early|mid|late)[- ]?)?\d0s\)"
    r"|\s*(?:la |une )?(?:vingtaine|trentaine|quarantaine|cinquantaine|soixantaine))",
    re.IGNORECASE,
)


@cache
def categories() -> dict[str, Category]:
    """Breakdown categories in display order, from ``categories.yaml``."""
    return {row.key: row for row in category_rules().categories}


def risk_rules() -> dict[str, RiskRule]:
    """Risk flags by code, with their labels and triggers (``risks.yaml``)."""
    return _risk_table().risks


class Term(Record, frozen=True):
    name: str
    category: str
    confidence: float
    noun: bool = False


class Lexicon:
    """Every dictionary word of a language (and its plurals) in one matcher."""

    def __init__(self, terms: dict[str, Term]) -> None:
        self.terms = terms
        patterns = [
            (variant, term)
            for word, term in terms.items()
            for variant in (word, *(word + plural for plural in _PLURALS))
        ]
        self.matcher: Matcher[Term] = Matcher(patterns, case_sensitive=False)

    def find(self, text: str) -> list[tuple[Term, int, int]]:
        """Longest term at each place (``sac à main`` over ``sac``)."""
        found = sorted(
            ((term, start, end) for start, end, _, term in self.matcher.find(text)),
            key=lambda hit: (hit[1], -hit[2]),
        )
        kept: list[tuple[Term, int, int]] = []
        covered = -1
        for term, start, end in found:
            if start >= covered:
                kept.append((term, start, end))
                covered = end
        return kept

    def lookup(self, words: str) -> Term | None:
        """The term a whole phrase is (singular or plural), for words found in capitals."""
        key = words.lower()
        for plural in ("", *_PLURALS):
            if plural and key.endswith(plural) and key[: -len(plural)] in self.terms:
                return self.terms[key[: -len(plural)]]
            if not plural and key in self.terms:
                return self.terms[key]
        return None


@cache
def lexicon(language: str | None = None) -> Lexicon:
    """Dictionary of one language (``fr``, ``en``), or of both when ``None``."""
    terms: dict[str, Term] = {}
    for category, spec in lexicon_rules().categories.items():
        for code in (language,) if language else LANGUAGES:
            for entry in spec.fr if code == "fr" else spec.en:
                word, _, confidence = str(entry).partition("|")
                value = float(confidence) if confidence else spec.confidence
                terms.setdefault(word.lower(), Term(word.lower(), category, value, spec.noun))
    return Lexicon(terms)


def _confidence(heuristic: str) -> float:
    return lexicon_rules().heuristic_confidence[heuristic]


def detect_language(text: str) -> str | None:
    """``fr`` or ``en`` from the most frequent marker words; ``None`` if undecided."""
    markers = lexicon_rules().language_markers
    words = Counter(_LETTERS.findall(text.lower()))
    counts = {code: sum(words[marker] for marker in markers[code]) for code in LANGUAGES}
    best = max(counts, key=lambda code: counts[code])
    others = [counts[code] for code in LANGUAGES if code != best]
    return best if counts[best] > max(others, default=0) else None


@cache
def _risk_matcher() -> Matcher[str]:
    return Matcher(
        ((word.lower(), code) for code, rule in risk_rules().items() for word in rule.words),
        case_sensitive=False,
    )


def evidence(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]``, trimmed (linear: searches outwards)."""
    before = max(text.rfind(mark, 0, start) for mark in ".!?\n") + 1
    ending = _SENTENCE_END.search(text, end)
    after = ending.end() if ending else len(text)
    sentence = text[before:after].strip()
    return sentence if len(sentence) <= _EVIDENCE_CHARS else sentence[: _EVIDENCE_CHARS - 1] + "…"


def scene_text(scene: Scene) -> str:
    """What the breakdown reads: the place and the action."""
    parts = [scene.location]
    parts.extend(element.plain for element in scene.elements if element.kind is ElementKind.ACTION)
    return "\n".join(parts)


class _Cast:
    """The speaking characters of a script and where their names are read in action."""

    def __init__(self, script: Script, texts: list[str]) -> None:
        self.speaking = {name for scene in script.scenes for name in scene.characters if name}
        titled = {name: name.title() for name in self.speaking}
        common = _lower_words_of(script, texts, [t.lower() for t in titled.values()])
        patterns: list[tuple[str, tuple[str, bool]]] = []
        for name in self.speaking:
            patterns.append((name, (name, False)))
            if titled[name] != name:
                patterns.append((titled[name], (name, titled[name].lower() in common)))
        self.matcher: Matcher[tuple[str, bool]] = Matcher(patterns, case_sensitive=True)

    def mentions(self, text: str) -> dict[str, tuple[int, int]]:
        """Speaking names read in ``text`` → where first (an ambiguous title-case name,
        one that is also a lower-case word, counts only mid-sentence)."""
        found: dict[str, tuple[int, int]] = {}
        for start, end, _, (name, ambiguous) in self.matcher.find(text):
            if name in found or (
                ambiguous and _sentence_start(text, start) and not _acts(text, end)
            ):
                continue
            found[name] = (start, end)
        return found

    def introduces(self, group: str) -> bool:
        """``NINA ROUSSEL`` introduces the speaking ``NINA``."""
        return group in self.speaking or any(
            group.startswith(f"{speaker} ") for speaker in self.speaking
        )


def _lower_words_of(script: Script, texts: list[str], names: list[str]) -> set[str]:
    """The names that the script also writes in lower case, as words (action or
    dialogue): such a name ("will", "rose") is ambiguous in title case."""
    matcher: Matcher[str] = Matcher(((name, name) for name in names), case_sensitive=True)
    dialogue = (
        element.plain
        for scene in script.scenes
        for element in scene.elements
        if element.kind is ElementKind.DIALOGUE
    )
    return {pattern for text in (*texts, *dialogue) for _, _, pattern, _ in matcher.find(text)}


_ACTS = re.compile(r"(?:'s|’s|[,.;:!?]| \w+(?:s|ed)\b)")


def _acts(text: str, end: int) -> bool:
    """A title-case name at a sentence start followed by a verb in -s or -ed, a
    possessive or a punctuation mark is the name, not the word ("Will sets the table")."""
    return _ACTS.match(text, end) is not None


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'«“—-")
    return not before or before[-1] in ".!?:\n"


def break_down(script: Script) -> Script:
    """Tag every scene of ``script`` in place (manual tags kept) and list characters."""
    texts = [scene_text(scene) for scene in script.scenes]
    language = detect_language("\n".join(texts))
    words = lexicon(language)
    cast = _Cast(script, texts)
    reader = _SceneReader(language, words, cast, texts)
    for scene, text in zip(script.scenes, texts, strict=True):
        automatic = reader.tags(scene, text)
        manual = [tag for tag in scene.tags if tag.source == "manual"]
        scene.tags = merge_tags(manual, automatic)
        scene.risks = scene_risks(scene, text)
    script.characters = aggregate_characters(script.scenes)
    for character in script.characters:
        character.evidence = _character_evidence(script, character.name, character.speaking)
    return script


def _character_evidence(script: Script, name: str, speaking: bool) -> str:
    """Where a character shows: its first cue, else the first tag naming it."""
    for scene in script.scenes:
        for element in scene.elements:
            if speaking and element.kind is ElementKind.CHARACTER and element.character == name:
                return f"{scene.key}: {element.plain}"
        if not speaking and name in scene.non_speaking:
            tag = next((t for t in scene.tags if t.name == name), None)
            return f"{scene.key}: {tag.evidence if tag else name}"
    return ""


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


class _SceneReader:
    def __init__(self, language: str | None, words: Lexicon, cast: _Cast, texts: list[str]):
        self.people = people_rules()
        self.language = language
        self.words = words
        self.cast = cast
        self.not_people = self.people.not_people.of(language) | self.people.not_people.of(None)
        self.sounds = self.people.sound_effects.of(None)
        self.person_nouns = self.people.person_nouns.of(language)
        self.texts = texts
        self._titled: set[str] | None = None
        self.determiners = self.people.determiners.of(language)
        self.prepositions = self.people.prepositions.of(language)
        self.verb_markers = self.people.verb_markers.of(language)
        self.compound_heads = self.people.compound_heads.of(language)

    def tags(self, scene: Scene, text: str) -> list[BreakdownTag]:
        scene.non_speaking = []
        action = text[len(scene.location) + 1 :]
        return [
            *self._cast_tags(scene, text),
            *self._caps_tags(scene, action),
            *self._dictionary_tags(text),
        ]

    def _cast_tags(self, scene: Scene, text: str) -> list[BreakdownTag]:
        tags = [
            BreakdownTag("cast", element.character, element.plain, 1.0, "cue")
            for element in scene.elements
            if element.kind is ElementKind.CHARACTER and element.character
        ]
        present = set(scene.characters)
        action = text[len(scene.location) + 1 :]  # "INT. ANNA'S CAR": Anna may be elsewhere
        for name, (start, end) in sorted(self.cast.mentions(action).items()):
            if name in present:
                continue
            scene.non_speaking.append(name)
            quote = evidence(action, start, end)
            tags.append(BreakdownTag("cast", name, quote, _confidence("mention"), "mention"))
        return tags

    def _caps_tags(self, scene: Scene, action: str) -> list[BreakdownTag]:
        """Runs of capitals in action: a person, a crowd, a sound or an element."""
        tags = []
        for group, start, end in _caps_groups(action):
            name = _strip_article(group.removesuffix("'S").removesuffix("’S"), self.people)
            if not name or self.cast.introduces(name):
                continue
            quote = evidence(action, start, end)
            tag = self._caps_tag(name, quote, action, end)
            if tag is None:
                continue
            if tag.category == "silhouettes" and name not in scene.non_speaking:
                scene.non_speaking.append(name)
            tags.append(tag)
        return tags

    def _caps_tag(self, name: str, quote: str, action: str, end: int) -> BreakdownTag | None:
        words = name.split()
        if name in self.not_people or all(word in self.not_people for word in words):
            return None
        if name in self.sounds or words[0] in self.sounds or action[end : end + 1] == "!":
            return BreakdownTag("sound", name, quote, _confidence("caps"), "caps")
        term = self.words.lookup(name)
        if term is not None:
            return BreakdownTag(term.category, term.name, quote, term.confidence, "caps")
        if any(self.words.lookup(word) is not None for word in words[-1:]):
            head = self.words.lookup(words[-1])
            assert head is not None
            if head.category == "extras":  # "DES DIZAINES DE PASSANTS"
                return BreakdownTag("extras", name, quote, head.confidence, "caps")
        if _age_after(action, end):
            return BreakdownTag("silhouettes", name, quote, _confidence("caps_with_age"), "caps")
        if any(word in self.person_nouns for word in words):
            return BreakdownTag("silhouettes", name, quote, _confidence("person_noun"), "caps")
        if not any(ch.isdigit() for ch in name) and name.title() in self._titled_again():
            return BreakdownTag("silhouettes", name, quote, _confidence("named_again"), "caps")
        return None

    def _titled_again(self) -> set[str]:
        """Title-case words and pairs of the script (read once, when first needed)."""
        if self._titled is None:
            self._titled = _titled_words("\n".join(self.texts))
        return self._titled

    def _dictionary_tags(self, text: str) -> list[BreakdownTag]:
        tags = []
        seen: set[str] = set()  # one tag per term and scene: its first reading as a noun
        lowered = lower_same_length(text)
        for term, start, end in self.words.find(text):
            if term.category == IGNORED or term.name in seen:
                continue
            if term.noun and not self._is_noun(lowered, start, end, term.category == "extras"):
                continue
            seen.add(term.name)
            if text[start:end].isupper() and len(text[start:end]) > 1:
                continue  # capitals were read by the caps rule (a person, a sound...)
            quote = evidence(text, start, end)
            tags.append(BreakdownTag(term.category, term.name, quote, term.confidence))
        return tags

    def _is_noun(self, lowered: str, start: int, end: int, plural: bool = False) -> bool:
        """Lexical reading when no tagger runs: a determiner (or number, preposition)
        within ``noun_window`` words before and in the same clause, no element word in
        between ("the cat watches"), no subject pronoun or modal right before ("he
        ducks"), no compound head right after ("a horse costume", "snake-like"). A plural
        (or a crowd word, ``plural``) may open a sentence with no determiner."""
        after = lowered[end : end + 1]
        if after == "-":
            return False
        following = _TOKEN.match(lowered, end + 1) if after == " " else None
        if following is not None and following.group() in self.compound_heads:
            return False
        gap = lowered[max(0, start - _GAP) : start]
        cut = max(gap.rfind(mark) for mark in _CLAUSE_BREAKS)
        before = _TOKEN.findall(gap[cut + 1 :])
        if not before:  # a sentence opens on it: "Passersby stop", "Customers chat"
            return _sentence_start(lowered, start) and (plural or lowered[end - 1 : end] in "sx")
        if before[-1] in self.verb_markers:
            return False
        for word in reversed(before[-self.people.noun_window :]):
            if word in self.determiners or word.isdigit():
                return True
            if word in self.prepositions:
                return True
            if word in self.words.terms:
                return False
        return False


def _age_after(text: str, end: int) -> bool:
    """An age right after a name in capitals, a space or two apart: "LÉA (8 ans)"."""
    while text[end : end + 1] == " " and end < len(text):
        end += 1
    return _AGE.match(text, end) is not None


def _titled_words(text: str) -> set[str]:
    """Title-case words and pairs written in the script (a name used again)."""
    words = _WORD.findall(text)
    found = {word for word in words if word.istitle()}
    found.update(f"{a} {b}" for a, b in itertools.pairwise(words) if a.istitle())
    return found


def _caps_groups(text: str) -> list[tuple[str, int, int]]:
    """Runs of upper-case words (a character introduced in capitals, a sound...).

    A one-letter capital ("À", "A") joins a run but never starts one.
    """
    groups: list[tuple[str, int, int]] = []
    for match in _CAPS.finditer(text):
        word = match.group()
        if not word.isupper():
            continue
        if groups and text[groups[-1][2] : match.start()].strip(" ") == "":
            name, start, _ = groups[-1]
            groups[-1] = (f"{name} {word}", start, match.end())
        elif len(word) > 1:
            groups.append((word, match.start(), match.end()))
    return groups


def _strip_article(name: str, people: PeopleRules) -> str:
    for article in people.articles:
        if name.startswith(article + " ") or (article.endswith("'") and name.startswith(article)):
            return name[len(article) :].strip()
    return name


def scene_risks(scene: Scene, text: str) -> list[RiskFlag]:
    """Risk flags from the effet, the tags' categories, ages and trigger words."""
    flags = []
    words: dict[str, tuple[int, int, str]] = {}
    for start, end, pattern, code in _risk_matcher().find(text):
        words.setdefault(code, (start, end, pattern))
    for code, rule in risk_rules().items():
        flag = (
            _effet_risk(code, scene, rule)
            or _category_risk(code, scene, rule)
            or _age_risk(code, rule, text)
        )
        if flag is None and code in words:
            start, end, pattern = words[code]
            flag = RiskFlag(code, evidence(text, start, end), trigger=text[start:end])
        if flag is not None:
            flags.append(flag)
    return flags


def _effet_risk(code: str, scene: Scene, rule: RiskRule) -> RiskFlag | None:
    effet = rule.effet
    if effet and scene.int_ext in effet.int_ext and time_light(scene.day_night) == effet.light:
        return RiskFlag(code, scene.heading, trigger=f"{scene.int_ext} {scene.time}")
    return None


def _category_risk(code: str, scene: Scene, rule: RiskRule) -> RiskFlag | None:
    sure = _risk_table().min_category_confidence
    tag = next(
        (t for t in scene.tags if t.category in rule.categories and t.confidence >= sure), None
    )
    return RiskFlag(code, tag.evidence, trigger=tag.name) if tag else None


def _age_risk(code: str, rule: RiskRule, text: str) -> RiskFlag | None:
    if rule.ages_below is None:
        return None
    for age in _AGE.finditer(text):
        if age.group(1) and int(age.group(1)) < rule.ages_below:
            return RiskFlag(
                code, evidence(text, age.start(), age.end()), trigger=age.group().strip()
            )
    return None
