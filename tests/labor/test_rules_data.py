"""Both agreements read through one schema and one loader, falling back to the baseline."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tournage.labor.agreements import agreements, default_agreement, functions
from tournage.labor.errors import LaborError
from tournage.labor.rules import rules_for


@pytest.mark.parametrize("idcc", sorted(agreements()))
def test_every_agreement_has_every_rule_the_checker_reads(idcc: int) -> None:
    rules = rules_for(idcc)
    assert rules.max_daily.known and rules.daily_rest.known and rules.weekly_rest.known
    assert rules.overtime[0].first_hour == 36  # the 36th hour of a 35 h week
    assert rules.rest_day == 7  # Sunday, ISO weekday, from the data
    assert len(rules.holidays) == 11
    assert functions(idcc)


def test_a_rule_the_agreement_does_not_set_falls_back_to_the_baseline() -> None:
    cinema, audiovisual = rules_for(3097), rules_for(2642)
    assert cinema.max_daily.value == Decimal(10)  # Code du travail, not stated by IDCC 3097
    assert audiovisual.max_daily.value == Decimal(12)  # IDCC 2642 VI.3.1.1
    assert "art. VI.3.1.1" in audiovisual.max_daily.source


def test_unknown_values_stay_unknown_and_say_why() -> None:
    cinema = rules_for(3097)
    assert cinema.night_premium.value is None and cinema.night_premium.uncertain
    assert "NOT found" in cinema.night_premium.source
    assert cinema.sunday_premium.value is None
    assert {worked.multiplier for worked in cinema.holidays} == {None}
    assert cinema.overtime_uncertain


def test_overtime_tiers_count_from_the_normal_week_of_the_data() -> None:
    tiers = rules_for(3097).overtime
    assert [(t.first_hour, t.last_hour, t.premium) for t in tiers] == [
        (36, 43, Decimal("0.25")),
        (44, 48, Decimal("0.50")),
        (49, None, Decimal("0.75")),
    ]


def test_an_unknown_agreement_is_refused_with_a_code() -> None:
    with pytest.raises(LaborError) as refused:
        rules_for(1234)
    assert refused.value.code == "labor.agreement_unknown"
    assert default_agreement() in agreements()
