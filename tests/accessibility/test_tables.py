"""Accessibility's tables refuse a malformed file with a message naming the file and key."""

import pytest

from malformed_tables import refusal
from tournage.accessibility.tables import AUDIO_DESCRIPTION, FUNCTION_WORDS, RULE_SETS


def test_a_missing_key_is_named_with_its_file(monkeypatch: pytest.MonkeyPatch) -> None:
    message = refusal(monkeypatch, AUDIO_DESCRIPTION, lambda doc: doc["track"].pop("code_silent"))
    assert "accessibility/audio_description.yaml" in message
    assert "code_silent" in message
    assert "$.track" in message


def test_a_value_of_the_wrong_type_is_named_with_its_file(monkeypatch: pytest.MonkeyPatch) -> None:
    def damage(doc: dict) -> None:
        doc["rule_sets"]["generic"]["checks"]["overlap"]["severity"] = "fatal"

    message = refusal(monkeypatch, RULE_SETS, damage)
    assert "accessibility/rule_sets.yaml" in message
    assert "$.rule_sets.generic.checks.overlap.severity" in message


def test_a_yaml_boolean_among_words_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # unquoted `on` is a YAML 1.1 boolean: the word list would silently lose the word
    message = refusal(
        monkeypatch, FUNCTION_WORDS, lambda doc: doc["fr"]["subject_pronouns"].append(True)
    )
    assert "accessibility/function_words.yaml" in message
    assert "Expected `str`, got `bool`" in message
