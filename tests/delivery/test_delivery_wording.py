"""The QC names live in one table, in English and French: the web pages and the French
report read the same words."""

from __future__ import annotations

import pytest

from tournage.delivery.wording import WORDING, check_name, event_name, field_name


def test_every_name_is_given_in_both_languages() -> None:
    table = WORDING.load()
    for names in (*table.checks.values(), *table.fields.values(), *table.events.values()):
        assert set(names) == {"en", "fr"} and all(name.strip() for name in names.values())


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", ("Amorce et fin", "noir en tête (s)", "flashs rouges")),
        ("en-gb", ("Head and tail", "black at the head (s)", "red flashes")),
        ("de", ("Head and tail", "black at the head (s)", "red flashes")),
    ],
)
def test_names_in_the_page_s_language(language: str, expected: tuple[str, str, str]) -> None:
    found = (
        check_name("head_tail", language),
        field_name("head_black_s", language),
        event_name("red_flash", language),
    )
    assert found == expected


def test_unknown_keys_read_as_themselves() -> None:
    assert (check_name("new_check"), field_name("new_field"), event_name("x")) == (
        "new_check",
        "new field",
        "",
    )
