"""The breakdown on the annotated corpus: targets per category (docs/screenplay.md)."""

from __future__ import annotations

from screenplay.corpus import evaluate, generate
from tournage.screenplay.reader import read_script


def test_corpus_files_are_what_the_generator_writes() -> None:
    for name, (text, _) in generate.corpus().items():
        assert (generate.HERE / name).read_text(encoding="utf-8") == text, name


def test_french_and_english_scripts_are_60_pages_or_more() -> None:
    for name in ("fr_la_digue.fountain", "en_low_water.fountain"):
        assert read_script((generate.HERE / name).read_bytes(), name).page_count >= 60


def test_precision_and_recall_per_category_meet_the_targets() -> None:
    counts, noise = evaluate.measure()
    for category, (right, wrong, missed) in counts.items():
        assert right / (right + wrong) >= 0.9, category
        assert right / (right + missed) >= 0.8, category
    for name, (wrong, total) in noise.items():
        assert wrong <= 0.1 * total, name
