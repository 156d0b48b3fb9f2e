"""The générique built in the order of the data, and a trailer's signage against the one
age-rating record (the rights register's target categories)."""

from __future__ import annotations

from datetime import time

from tournage.closing.credits import CREDITS, Author, Contract, block_of, build
from tournage.closing.signage import check_signage, expected
from tournage.rights.release import RatingFacts

LABELS = {"director": "Réalisatrice", "screenplay": "Scénario", "music": "Musique"}


def _ids(generique: object) -> list[str]:
    return [b.id for b in generique.blocks if b.lines]  # type: ignore[attr-defined]


def test_the_blocks_follow_the_data_order_whatever_the_order_of_the_contracts() -> None:
    contracts = [
        Contract("Zoé Monteil", "Chef monteur"),
        Contract("Paul Son", "Chef opérateur du son"),
        Contract("Léa Image", "Directeur de la photographie"),
        Contract("Ana Actrice", "Artiste-interprète"),
        Contract("Max Divers", "Chauffeur"),
    ]
    authors = [Author("Inès Auteur", "screenplay", True), Author("Nora Real", "director", True)]
    generique = build(authors, contracts, LABELS)
    order = [b.id for b in CREDITS.load().blocks]
    ids = _ids(generique)
    assert ids == sorted(ids, key=order.index)
    assert ids == ["direction", "writing", "cast", "camera", "sound", "editing", "crew_other"]
    sound = next(b for b in generique.blocks if b.id == "sound")
    assert [line.name for line in sound.lines] == ["Paul Son"]  # not camera: longest word wins


def test_a_person_is_credited_once_per_block_the_author_contract_first() -> None:
    authors = [Author("Nora Real", "director", True)]
    contracts = [Contract("Nora Real", "Réalisatrice"), Contract("Tom Bis", "Réalisateur")]
    direction = build(authors, contracts, LABELS).blocks[0]
    assert [(line.name, line.function) for line in direction.lines] == [
        ("Nora Real", "Réalisatrice"),
        ("Tom Bis", "Réalisateur"),
    ]
    assert direction.lines[0].from_contract is False


def test_words_match_at_the_start_of_a_word_only() -> None:
    blocks = CREDITS.load().blocks
    assert block_of("Responsable de la sécurité", blocks) is None  # "son" inside a word
    assert block_of("1er assistant réalisateur cinéma", blocks).id == "assistant_direction"  # type: ignore[union-attr]


def test_mentions_depend_on_the_financing_and_the_format() -> None:
    plain = {m.id: m.status for m in build([], [], LABELS, [], "documentary").mentions}
    assert plain == {
        "authors_named": "missing",
        "performers_named": "missing",
        "technicians_named": "missing",
    }
    aided = build(
        [Author("A", "director", True)], [], LABELS, ["cnc_selective", "regional"], "feature"
    )
    statuses = {m.id: m.status for m in aided.mentions}
    assert statuses["authors_named"] == "built"
    assert statuses["cnc_support"] == statuses["regional_support"] == "manual"
    assert statuses["visa_number"] == "manual"
    uncertain = {m.id for m in aided.mentions if m.uncertain}
    assert "cnc_support" in uncertain and "authors_named" not in uncertain


def _rating(channel: str, category: str) -> RatingFacts:
    return RatingFacts(channel, category, time(21, 0))


def test_the_trailer_must_carry_the_highest_category_targeted() -> None:
    ratings = [_rating("fr_pad_hd_file", "II"), _rating("netflix_imf_delivery", "III")]
    assert expected(ratings).category == "III"
    assert check_signage("BA", "III", ratings).status == "pass"
    wrong = check_signage("BA", "II", ratings)
    assert wrong.status in ("fail", "warn") and "netflix_imf_delivery" in wrong.message
    assert wrong.finding("BA") is not None
    assert check_signage("BA", "", ratings).status == wrong.status


def test_an_all_audiences_work_needs_no_signage_and_no_category_is_unknown() -> None:
    assert check_signage("BA", "", [_rating("fr_pad_hd_file", "I")]).status == "pass"
    assert check_signage("BA", "II", [_rating("fr_pad_hd_file", "I")]).status != "pass"
    unknown = check_signage("BA", "II", [_rating("fr_pad_hd_file", "")])
    assert unknown.status == "unknown" and "Signalétique" in unknown.message
    assert unknown.finding("BA").severity.value == "info"  # type: ignore[union-attr]


def test_signage_typed_before_is_read_into_its_category() -> None:
    from importlib import import_module

    migration = import_module("tournage.web.closing.migrations.0002_rating_signage_category")
    read = migration._category
    assert read("Tous publics") == "I" and read("III") == "III"
    assert read("Déconseillé aux moins de 12 ans") == "III" and read("-16") == "IV"
    assert read("carton noir 3 s") is None and read("-10 puis -12") is None
