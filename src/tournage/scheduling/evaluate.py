"""Cost and rule check of a schedule (scene → date), term by term.

This is the single definition of the objective: the solver optimises the same terms, and
every schedule shown to a user (solved or dragged by hand) is reported through here.
Company moves: a décor set up on a day that was not in use the previous shooting day is one
move, reached from the nearest décor of that previous day (the first day: one move between
its two décors). Cast holding: paid from first to last work day, except gaps of at least
``drop_min_gap_days`` when drop/pick-up is allowed.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from tournage.common.findings import Finding, Severity
from tournage.scheduling.model import Problem, Scene
from tournage.scheduling.moves import convoy, distance_km
from tournage.scheduling.rules import (
    WorkRules,
    minor_caps,
    minor_daily_cap_minutes,
    minor_restricted,
    minor_rule,
    work_rules,
)

SUNDAY = 6
FAIL = Severity.FAIL


def _finding(
    code: str, message: str, severity: Severity = FAIL, source: str = "", subject: str = ""
) -> Finding:
    """A broken rule; rules resting on uncertain data come with ``Severity.WARN``."""
    return Finding(code, severity, message, source=source, subject=subject)


@dataclass(frozen=True)
class Move:
    day: date
    origin: str
    destination: str
    km: float | None
    kgco2e: Decimal | None

    def to_dict(self) -> dict[str, object]:
        return {
            "date": self.day.isoformat(),
            "from": self.origin,
            "to": self.destination,
            "km": None if self.km is None else round(self.km, 1),
            "kgco2e": None if self.kgco2e is None else str(self.kgco2e),
        }


@dataclass
class DayPlan:
    day: date
    scenes: list[Scene]
    night: bool
    call: time
    minutes: int
    moves: list[Move] = field(default_factory=list)

    @property
    def wrap(self) -> datetime:
        return datetime.combine(self.day, self.call) + timedelta(minutes=self.minutes)

    @property
    def eighths(self) -> int:
        return sum(scene.eighths for scene in self.scenes)

    def to_dict(self) -> dict[str, object]:
        return {
            "date": self.day.isoformat(),
            "call": self.call.strftime("%H:%M"),
            "wrap": self.wrap.isoformat(timespec="minutes"),
            "minutes": self.minutes,
            "eighths": self.eighths,
            "night": self.night,
            "scenes": [scene.id for scene in self.scenes],
            "moves": [move.to_dict() for move in self.moves],
        }


@dataclass
class Evaluation:
    days: list[DayPlan]
    terms: dict[str, object]
    objective: Decimal
    findings: list[Finding]

    @property
    def breaks_rules(self) -> bool:
        return any(finding.is_blocking for finding in self.findings)

    def to_dict(self) -> dict[str, object]:
        return {
            "objective_eur": str(self.objective),
            "terms": self.terms,
            "days": [day.to_dict() for day in self.days],
            "findings": [finding.to_dict() for finding in self.findings],
        }


def scene_minutes(problem: Problem, scene: Scene, rules: WorkRules) -> int:
    """Explicit minutes, else eighths at the production's pace over a normal day."""
    if scene.minutes is not None:
        return scene.minutes
    per_eighth = Decimal(rules.normal_day_minutes) / (problem.pages_per_day * 8)
    return int((per_eighth * scene.eighths).to_integral_value(ROUND_HALF_UP))


def cast_presence(work_days: list[int], drop_gap: int | None) -> set[int]:
    """Indices of shooting days an actor is paid: first to last, minus allowed drops."""
    if not work_days:
        return set()
    paid = set(work_days)
    for previous, current in itertools.pairwise(work_days):
        if drop_gap is None or current - previous - 1 < drop_gap:
            paid.update(range(previous, current))
    return paid


def euros(value: Decimal) -> int:
    return int(value.to_integral_value(ROUND_HALF_UP))


def evaluate(problem: Problem, assignment: dict[str, date]) -> Evaluation:
    rules = work_rules(problem.convention)
    calendar = problem.calendar.days()
    index = {day: i for i, day in enumerate(calendar)}
    findings: list[Finding] = []
    by_day: dict[date, list[Scene]] = {}
    for scene in problem.scenes:
        when = assignment.get(scene.id)
        if when is None:
            findings.append(_finding("scene.unscheduled", f"Scène {scene.id} non planifiée."))
        elif when not in index:
            findings.append(
                _finding(
                    "scene.off_day",
                    f"Scène {scene.id} : {when} n'est pas un jour de tournage du calendrier.",
                )
            )
        else:
            by_day.setdefault(when, []).append(scene)
    days = [_day_plan(problem, rules, when, by_day[when]) for when in sorted(by_day)]
    moves = _moves(problem, days)
    findings += _check(problem, rules, days, assignment, index)
    terms, objective = _terms(problem, rules, days, moves, assignment, index)
    return Evaluation(days=days, terms=terms, objective=objective, findings=findings)


def _day_plan(problem: Problem, rules: WorkRules, when: date, scenes: list[Scene]) -> DayPlan:
    night = any(scene.day_night == "NUIT" for scene in scenes)
    ordered = sorted(scenes, key=lambda s: (s.location, s.day_night != "JOUR", _natural(s.id)))
    return DayPlan(
        day=when,
        scenes=ordered,
        night=night,
        call=problem.night_call if night else problem.day_call,
        minutes=sum(scene_minutes(problem, s, rules) for s in scenes),
    )


def _natural(text: str) -> tuple[int, str]:
    digits = "".join(ch for ch in text if ch.isdigit())
    return (int(digits) if digits else 0, text)


def _locations(day: DayPlan) -> list[str]:
    return sorted({scene.location for scene in day.scenes})


def _moves(problem: Problem, days: list[DayPlan]) -> list[Move]:
    per_km = convoy(problem.convoy).kgco2e_per_km
    moves: list[Move] = []
    for position, day in enumerate(days):
        here = _locations(day)
        if position == 0:
            pairs = [(a, b) for i, a in enumerate(here) for b in here[i + 1 :]]
        else:
            before = _locations(days[position - 1])
            pairs = [
                (_nearest(problem, before, place), place) for place in here if place not in before
            ]
        for origin, destination in pairs:
            km = distance_km(problem, origin, destination)
            kg = (
                None
                if km is None
                else (per_km * Decimal(str(round(km, 1)))).quantize(Decimal("0.1"))
            )
            move = Move(day.day, origin, destination, km, kg)
            day.moves.append(move)
            moves.append(move)
    return moves


def _nearest(problem: Problem, options: list[str], place: str) -> str:
    return min(options, key=lambda o: (distance_km(problem, o, place) or 0.0, o))


def _terms(
    problem: Problem,
    rules: WorkRules,
    days: list[DayPlan],
    moves: list[Move],
    assignment: dict[str, date],
    index: dict[date, int],
) -> tuple[dict[str, object], Decimal]:
    weights = problem.weights
    holding_days = _holding(problem, assignment, index)
    holding_cost = sum(
        (problem.member(m).daily_cost * n for m, n in holding_days.items()), Decimal(0)
    )
    km = sum(move.km or 0.0 for move in moves)
    kg = sum((move.kgco2e or Decimal(0) for move in moves), Decimal(0))
    overtime = sum(max(0, day.minutes - rules.normal_day_minutes) for day in days)
    minor_excess = sum(_minor_excess(problem, rules, day) for day in days)
    switches = sum(1 for a, b in itertools.pairwise(days) if a.night and not b.night)
    changes = sum(
        1 for scene_id, when in problem.previous.items() if assignment.get(scene_id) != when
    )
    span = index[days[-1].day] + 1 if days else 0
    terms: dict[str, object] = {
        "shooting_days": len(days),
        "calendar_days": span,
        "holding_days": holding_days,
        "holding_cost_eur": str(holding_cost),
        "company_moves": len(moves),
        "move_km": round(km, 1),
        "move_kgco2e": str(kg),
        "overtime_minutes": overtime,
        "minor_excess_minutes": minor_excess,
        "night_to_day_switches": switches,
        "changes": changes,
    }
    holding = sum(euros(problem.member(m).daily_cost) * n for m, n in holding_days.items())
    whole = (
        weights.shooting_day * span
        + weights.holding * holding
        + weights.company_move * len(moves)
        + sum(_move_weight(problem, move) for move in moves)
        + weights.night_to_day * switches
        + weights.change * changes
    )
    per_minute = weights.overtime_hour * overtime + weights.minor_excess_hour * minor_excess
    objective = whole + Decimal(per_minute) / 60
    return terms, objective.quantize(Decimal("0.01"))


def _move_weight(problem: Problem, move: Move) -> int:
    """Euros of one move's distance and carbon (rounded per move, as in the solver)."""
    if move.km is None:
        return 0
    per_km = convoy(problem.convoy).kgco2e_per_km
    return euros(
        Decimal(str(round(move.km, 1))) * (problem.weights.km + problem.weights.kgco2e * per_km)
    )


def _minor_excess(problem: Problem, rules: WorkRules, day: DayPlan) -> int:
    """Minutes children work beyond their daily cap on ``day``."""
    total = 0
    for member in problem.cast:
        cap = minor_daily_cap_minutes(member.age, day.day, problem.calendar.school_holidays)
        if cap is not None:
            worked = sum(
                scene_minutes(problem, s, rules) for s in day.scenes if member.id in s.cast
            )
            total += max(0, worked - cap)
    return total


def _holding(
    problem: Problem, assignment: dict[str, date], index: dict[date, int]
) -> dict[str, int]:
    """Hold days per actor (paid days without filming)."""
    days: dict[str, int] = {}
    for member in problem.cast:
        work = sorted(
            {
                index[assignment[s.id]]
                for s in problem.scenes
                if member.id in s.cast and assignment.get(s.id) in index
            }
        )
        days[member.id] = len(cast_presence(work, member.drop_min_gap_days)) - len(work)
    return days


def _check(
    problem: Problem,
    rules: WorkRules,
    days: list[DayPlan],
    assignment: dict[str, date],
    index: dict[date, int],
) -> list[Finding]:
    findings: list[Finding] = []
    for day in days:
        findings += _check_day(problem, rules, day)
    for before, after in itertools.pairwise(days):
        rest = datetime.combine(after.day, after.call) - before.wrap
        if rest < timedelta(hours=rules.daily_rest_hours):
            findings.append(
                _finding(
                    "rest.daily",
                    f"{after.day} : repos de {rest} depuis la fin "
                    f"du {before.day}, moins de {rules.daily_rest_hours} h.",
                    rules.daily_rest.severity(),
                    source=rules.daily_rest.source,
                )
            )
    for first, second in problem.constraints.precedences:
        if first in assignment and second in assignment and assignment[first] > assignment[second]:
            findings.append(
                _finding(
                    "constraint.precedence",
                    f"La scène {first} doit être tournée avant la {second}.",
                )
            )
    for group in problem.constraints.same_day:
        if len({assignment.get(scene_id) for scene_id in group}) > 1:
            findings.append(
                _finding(
                    "constraint.same_day", f"Scènes {', '.join(group)} à tourner le même jour."
                )
            )
    for scene_id, when in problem.constraints.fixed.items():
        if assignment.get(scene_id) != when:
            findings.append(
                _finding("constraint.fixed", f"Scène {scene_id} verrouillée au {when}.")
            )
    findings += _check_consecutive(
        rules, sorted(index[day.day] for day in days), problem.calendar.days()
    )
    return findings


def _check_day(problem: Problem, rules: WorkRules, day: DayPlan) -> list[Finding]:
    findings: list[Finding] = []
    if day.minutes > rules.max_daily_minutes:
        findings.append(
            _finding(
                "day.too_long",
                f"{day.day} : {day.minutes} min de tournage, "
                f"plus que le maximum de {rules.max_daily_minutes} min.",
                rules.max_daily.severity(),
                source=rules.max_daily.source,
            )
        )
    if day.night and any(scene.day_night == "JOUR" for scene in day.scenes):
        findings.append(
            _finding("day.mixed_effect", f"{day.day} : scènes de jour et de nuit le même jour.")
        )
    if len(_locations(day)) > problem.max_locations_per_day:
        findings.append(
            _finding(
                "day.locations", f"{day.day} : plus de {problem.max_locations_per_day} décors."
            )
        )
    for location in {scene.location for scene in day.scenes}:
        if not problem.location(location).available_on(day.day):
            findings.append(
                _finding("location.unavailable", f"{day.day} : décor {location} indisponible.")
            )
    for member in problem.cast:
        mine = [s for s in day.scenes if member.id in s.cast]
        if mine:
            findings += _check_member(problem, rules, day, member.id, mine)
    return findings


def _check_member(
    problem: Problem, rules: WorkRules, day: DayPlan, member_id: str, scenes: list[Scene]
) -> list[Finding]:
    member = problem.member(member_id)
    findings = []
    if not member.available_on(day.day):
        findings.append(_finding("cast.unavailable", f"{day.day} : {member.name} indisponible."))
    cap = minor_daily_cap_minutes(member.age, day.day, problem.calendar.school_holidays)
    worked = sum(scene_minutes(problem, s, rules) for s in scenes)
    if cap is not None and worked > cap:
        caps = minor_caps(day.day, problem.calendar.school_holidays)
        findings.append(
            _finding(
                "minor.daily_cap",
                f"{day.day} : {member.name} ({member.age} ans)"
                f" travaille {worked} min, plafond {cap} min.",
                Severity.for_rule(uncertain=caps.uncertain),
                source=caps.source,
                subject=member.id,
            )
        )
    night_rule = minor_rule("no_night_work")
    if minor_restricted(member.age, "no_night_work") and any(s.day_night == "NUIT" for s in scenes):
        findings.append(
            _finding(
                "minor.night",
                f"{day.day} : {member.name} mineur en scène de nuit (dérogation à vérifier).",
                night_rule.severity(),
                source=night_rule.source,
                subject=member.id,
            )
        )
    if minor_restricted(member.age, "no_sunday_work") and day.day.weekday() == SUNDAY:
        sunday = minor_rule("no_sunday_work")
        findings.append(
            _finding(
                "minor.sunday",
                f"{day.day} : {member.name} mineur un dimanche.",
                sunday.severity(),
                source=sunday.source,
                subject=member.id,
            )
        )
    return findings


def _check_consecutive(rules: WorkRules, used: list[int], calendar: list[date]) -> list[Finding]:
    run, findings = 1, []
    for a, b in itertools.pairwise(used):
        consecutive = b == a + 1 and (calendar[b] - calendar[a]).days == 1
        run = run + 1 if consecutive else 1
        if run > rules.max_consecutive_days:
            findings.append(
                _finding(
                    "rest.weekly",
                    f"{calendar[b]} : plus de "
                    f"{rules.max_consecutive_days} jours de travail d'affilée.",
                    rules.max_consecutive.severity(),
                    source=rules.max_consecutive.source,
                )
            )
    return findings
