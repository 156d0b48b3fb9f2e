"""The scheduling defaults are written once (defaults.yaml) and errors/findings share the
project's vocabulary."""

from datetime import date

import pytest

from scheduling.builders import MONDAY, make_problem
from tournage.common.errors import DomainError
from tournage.common.findings import Severity
from tournage.scheduling.errors import SchedulingError
from tournage.scheduling.evaluate import evaluate
from tournage.scheduling.model import Calendar, CastMember, Problem, Scene
from tournage.scheduling.problem_io import from_dict
from tournage.scheduling.tables import DEFAULTS


def test_problem_and_reader_take_the_same_defaults_from_the_table() -> None:
    table = DEFAULTS.load()
    built = Problem(scenes=(), cast=(), locations=(), calendar=Calendar(start=MONDAY))
    read = from_dict({"calendar": {"start": "2027-03-01"}, "scenes": [], "locations": []})
    for problem in (built, read):
        assert problem.pages_per_day == table.pages_per_day
        assert problem.day_call == table.day_call_time
        assert problem.max_locations_per_day == table.max_locations_per_day
        assert problem.calendar.max_days == table.max_days
        assert problem.weights == table.weights_eur
        assert sorted(problem.calendar.working_weekdays) == table.working_weekdays


def test_scheduling_errors_are_domain_errors_with_a_code() -> None:
    with pytest.raises(DomainError) as error:
        from_dict({"calendar": {"start": "not a date"}, "scenes": [], "locations": []})
    assert isinstance(error.value, SchedulingError)
    assert error.value.code == "problem.field"


def test_findings_carry_a_severity_and_the_rule_source() -> None:
    problem = make_problem(
        [Scene("1", "studio", minutes=800, day_night="NUIT", cast=("kid",))],
        cast=[CastMember("kid", "Léo", age=10)],
    )
    findings = {f.code: f for f in evaluate(problem, {"1": MONDAY}).findings}
    assert findings["day.too_long"].severity is Severity.FAIL
    assert "VI.3.1.1" in findings["day.too_long"].source
    assert findings["minor.daily_cap"].severity is Severity.WARN  # uncertain data only warns
    assert findings["minor.daily_cap"].subject == "kid"
    assert findings["minor.night"].severity is Severity.WARN


def test_an_unknown_limit_falls_back_to_the_legal_baseline_and_only_warns() -> None:
    problem = make_problem([Scene("1", "studio", minutes=660)], convention="idcc_3097")
    findings = {f.code: f for f in evaluate(problem, {"1": date(2027, 3, 1)}).findings}
    assert findings["day.too_long"].severity is Severity.WARN  # 10 h from the Code du travail
