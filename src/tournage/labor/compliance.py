"""Working-time compliance of a schedule or of timesheets, person by person.

Pure functions over ``Worker`` and ``Shift``; every finding names its rule and source.
A broken limit fails; a rule flagged uncertain in the data only warns (``Severity.for_rule``);
a situation the rule allows under conditions (a reduced rest, a derogation) warns.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from itertools import pairwise

from tournage.common.findings import Finding, Severity
from tournage.common.formatting import format_percent
from tournage.labor.calendar import age_on, hours_in_window, parse_window, week_start
from tournage.labor.child_actors import CHILD_ACTORS, ChildRule
from tournage.labor.findings import finding_day, labor_finding
from tournage.labor.rules import Rule, RuleRow, WorkingTimeRules, rules_for
from tournage.labor.timesheet import Shift, Worker


def _h(value: float) -> str:
    hours, minutes = divmod(round(value * 60), 60)
    return f"{hours} h {minutes:02d}" if minutes else f"{hours} h"


def _finding(
    code: str,
    level: Severity,
    message: str,
    rule: Rule | ChildRule | RuleRow,
    label: str,
    worker: Worker,
    day: date | None,
) -> Finding:
    return labor_finding(
        code,
        level,
        message,
        rule=label,
        source=rule.source,
        person=worker.name,
        day=day,
        uncertain=rule.uncertain,
    )


def _limit_finding(
    code: str, message: str, rule: Rule, worker: Worker, day: date | None
) -> Finding:
    """A broken limit: fails, or warns when the limit is uncertain."""
    return _finding(code, Severity.FAIL, message, rule, rule.label, worker, day)


def _limit(rule: Rule) -> float:
    assert rule.value is not None
    return float(rule.value)


def check_worker(worker: Worker, shifts: Iterable[Shift]) -> list[Finding]:
    """All working-time findings for one person, in date order."""
    mine = sorted((s for s in shifts if s.person == worker.name), key=lambda s: s.start)
    if not mine:
        return []
    rules = rules_for(worker.idcc)
    findings = [
        *_daily(worker, mine, rules),
        *_daily_rest(worker, mine, rules),
        *_weekly(worker, mine, rules),
        *_weekly_rest(worker, mine, rules),
        *_consecutive_days(worker, mine, rules),
        *_minors(worker, mine, rules),
    ]
    return sorted(findings, key=lambda f: (finding_day(f) or date.min, f.code))


def check_team(workers: Iterable[Worker], shifts: Iterable[Shift]) -> list[Finding]:
    shifts = list(shifts)
    return [f for worker in workers for f in check_worker(worker, shifts)]


def _hours_by_day(shifts: list[Shift]) -> dict[date, float]:
    days: dict[date, float] = defaultdict(float)
    for shift in shifts:
        days[shift.day] += shift.work_hours
    return days


def _daily(worker: Worker, shifts: list[Shift], rules: WorkingTimeRules) -> list[Finding]:
    out = []
    for day, hours in _hours_by_day(shifts).items():
        if hours > _limit(rules.max_daily):
            out.append(
                _limit_finding(
                    "LAB-DAY-MAX",
                    f"{_h(hours)} de travail effectif le {day:%d/%m/%Y} : le maximum est de "
                    f"{_h(_limit(rules.max_daily))}.",
                    rules.max_daily,
                    worker,
                    day,
                )
            )
    for shift in shifts:
        if shift.work_hours >= _limit(rules.pause_after_hours) and shift.break_minutes < _limit(
            rules.pause_minutes
        ):
            out.append(
                _limit_finding(
                    "LAB-PAUSE",
                    f"{_h(shift.work_hours)} de travail avec {shift.break_minutes} min de pause : "
                    f"une pause de {_limit(rules.pause_minutes):.0f} min est due avant "
                    f"{_h(_limit(rules.pause_after_hours))} de travail.",
                    rules.pause_minutes,
                    worker,
                    shift.day,
                )
            )
    return out


def _daily_rest(worker: Worker, shifts: list[Shift], rules: WorkingTimeRules) -> list[Finding]:
    out: list[Finding] = []
    reductions: dict[date, int] = defaultdict(int)
    rest = rules.daily_rest
    for before, after in pairwise(shifts):
        if after.day == before.day:
            continue  # split shift, not a daily rest
        gap = (after.start - before.end).total_seconds() / 3600
        if gap >= _limit(rest):
            continue
        week = week_start(after.day)
        reduced = rules.reduced_daily_rest
        if worker.reduced_rest_allowed and reduced.known and gap >= _limit(reduced):
            reductions[week] += 1
            if reductions[week] <= rules.max_reductions_per_week:
                out.append(
                    _finding(
                        "LAB-REST-DAILY-REDUCED",
                        Severity.WARN,
                        f"Repos de {_h(gap)} avant le service du {after.day:%d/%m/%Y} : réduction "
                        f"admise ({reductions[week]}/{rules.max_reductions_per_week} "
                        f"cette semaine), {_compensation(rules.reduced_rest_compensation)}.",
                        reduced,
                        reduced.label,
                        worker,
                        after.day,
                    )
                )
                continue
        out.append(
            _limit_finding(
                "LAB-REST-DAILY",
                f"Repos de {_h(gap)} seulement entre la fin de service du "
                f"{before.end:%d/%m/%Y à %H:%M} et la reprise du {after.start:%d/%m/%Y à %H:%M} "
                f"(minimum {_h(_limit(rest))}).",
                rest,
                worker,
                after.day,
            )
        )
    return out


def _weeks(shifts: list[Shift]) -> dict[date, list[Shift]]:
    weeks: dict[date, list[Shift]] = defaultdict(list)
    for shift in shifts:
        weeks[week_start(shift.day)].append(shift)
    return weeks


def _weekly(worker: Worker, shifts: list[Shift], rules: WorkingTimeRules) -> list[Finding]:
    out = []
    limit = _limit(rules.max_weekly)
    for monday, week in _weeks(shifts).items():
        hours = sum(s.work_hours for s in week)
        if hours <= limit:
            continue
        derogation = worker.weekly_derogation_hours
        if derogation in rules.derogation_hours and derogation is not None and hours <= derogation:
            out.append(
                _finding(
                    "LAB-WEEK-DEROGATION",
                    Severity.WARN,
                    f"{_h(hours)} la semaine du {monday:%d/%m/%Y} : au-delà de {_h(limit)}, "
                    f"admis seulement avec la dérogation administrative de {derogation} h.",
                    rules.max_weekly,
                    rules.max_weekly.label,
                    worker,
                    monday,
                )
            )
            continue
        out.append(
            _limit_finding(
                "LAB-WEEK-MAX",
                f"{_h(hours)} la semaine du {monday:%d/%m/%Y} : le maximum est de {_h(limit)}.",
                rules.max_weekly,
                worker,
                monday,
            )
        )
    return out


def _weekly_rest(worker: Worker, shifts: list[Shift], rules: WorkingTimeRules) -> list[Finding]:
    """Each civil week with work must touch one rest of at least 24 h + the daily rest."""
    need = timedelta(hours=_limit(rules.weekly_rest))
    far = timedelta(days=3650)
    gaps = [(a.end, b.start) for a, b in pairwise(shifts)]
    gaps += [(shifts[0].start - far, shifts[0].start), (shifts[-1].end, shifts[-1].end + far)]
    out = []
    for monday in _weeks(shifts):
        w_start = datetime.combine(monday, datetime.min.time())
        w_end = w_start + timedelta(days=7)
        longest = max((b - a for a, b in gaps if a < w_end and b > w_start), default=far)
        if longest < need:
            out.append(
                _limit_finding(
                    "LAB-REST-WEEKLY",
                    f"Semaine du {monday:%d/%m/%Y} : le plus long repos est de "
                    f"{_h(longest.total_seconds() / 3600)} "
                    f"(il faut {_h(_limit(rules.weekly_rest))} "
                    "consécutives).",
                    rules.weekly_rest,
                    worker,
                    monday,
                )
            )
    return out


def _consecutive_days(
    worker: Worker, shifts: list[Shift], rules: WorkingTimeRules
) -> list[Finding]:
    rule = rules.max_consecutive_days
    if not rule.known:
        return []
    out, run, previous = [], 0, None
    for day in sorted({s.day for s in shifts}):
        run = run + 1 if previous and day - previous == timedelta(days=1) else 1
        previous = day
        if run == _limit(rule) + 1:
            out.append(
                _limit_finding(
                    "LAB-DAYS-CONSECUTIVE",
                    f"{run} jours travaillés d'affilée au {day:%d/%m/%Y} (maximum "
                    f"{_limit(rule):.0f}).",
                    rule,
                    worker,
                    day,
                )
            )
    return out


def _compensation(rule: Rule) -> str:
    if rule.value is None:
        return "compensation à vérifier dans la convention"
    return f"chaque heure manquante est compensée à +{format_percent(rule.value * 100, 0)}"


def _minors(worker: Worker, shifts: list[Shift], rules: WorkingTimeRules) -> list[Finding]:
    if worker.birth_date is None:
        return []
    child = CHILD_ACTORS.load().rule("working_time_limits", "other_restrictions")
    night_rules: list[tuple[ChildRule | RuleRow, str | None]] = [
        (child, child.night_window),
        (rules.minors_night, rules.minors_night.window),
    ]
    ages = [rules.minors_sunday.value, child.under_age, rules.minors_night.under_age]
    majority = max(int(age) for age in ages if age is not None)
    out = []
    for shift in shifts:
        age = age_on(worker.birth_date, shift.day)
        if age >= majority:
            continue
        out += _minor_sunday(worker, shift, age, rules, child)
        out += _minor_night(worker, shift, age, night_rules)
        out += _minor_daily_cap(worker, shift, age)
    return out


def _minor_sunday(
    worker: Worker, shift: Shift, age: int, rules: WorkingTimeRules, child: ChildRule
) -> list[Finding]:
    """The agreement's own rule on minors' Sundays first, else the child performers' one."""
    if shift.day.isoweekday() != rules.rest_day:
        return []
    candidates: list[tuple[Rule | ChildRule | RuleRow, int | None]] = [
        (
            rules.minors_sunday,
            None if rules.minors_sunday.value is None else int(rules.minors_sunday.value),
        ),
        (child, child.under_age),
    ]
    rule = next((r for r, under in candidates if under is not None and age < under), None)
    if rule is None:
        return []
    return [
        _finding(
            "LAB-MINOR-SUNDAY",
            Severity.FAIL,
            f"Mineur ({age} ans) appelé un dimanche ({shift.day:%d/%m/%Y}).",
            rule,
            "travail du dimanche des mineurs",
            worker,
            shift.day,
        )
    ]


def _minor_night(
    worker: Worker,
    shift: Shift,
    age: int,
    night_rules: list[tuple[ChildRule | RuleRow, str | None]],
) -> list[Finding]:
    for rule, window in night_rules:
        if window is None or rule.under_age is None or age >= rule.under_age:
            continue
        hours = hours_in_window(shift.start, shift.end, parse_window(window))
        if hours > 0:
            return [
                _finding(
                    "LAB-MINOR-NIGHT",
                    Severity.FAIL,
                    f"Mineur ({age} ans) au travail {_h(hours)} dans la plage {window} le "
                    f"{shift.day:%d/%m/%Y}" + (" (règle à confirmer)." if rule.uncertain else "."),
                    rule,
                    "travail de nuit des mineurs",
                    worker,
                    shift.day,
                )
            ]
    return []


def _minor_daily_cap(worker: Worker, shift: Shift, age: int) -> list[Finding]:
    limits = CHILD_ACTORS.load()
    rule = limits.rule(
        "working_time_limits",
        "daily_max_school_holidays" if shift.school_holiday else "daily_max_school_period",
    )
    cap = rule.cap_for(age)
    if cap is None or shift.work_hours <= cap:
        return []
    period = "vacances scolaires" if shift.school_holiday else "période scolaire"
    return [
        _finding(
            "LAB-MINOR-DAILY-MAX",
            Severity.FAIL,
            f"Enfant de {age} ans : {_h(shift.work_hours)} de travail le {shift.day:%d/%m/%Y}, "
            f"plafond indicatif {cap} h en {period} (source secondaire, à confirmer auprès de la "
            "commission des enfants du spectacle).",
            rule,
            "plafond journalier des enfants",
            worker,
            shift.day,
        )
    ]
