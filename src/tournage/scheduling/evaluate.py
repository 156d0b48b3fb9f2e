"""Cost and rule check of a schedule (scene → date), term by term.

This is the single definition of the objective: the solver optimises the same terms, and
every schedule shown to a user (solved or dragged by hand) is reported through here.

- A unit's day: its scenes (day scenes before night scenes, then by décor), a call (day,
  night, or split call when day and night scenes share it), the meal break once the work
  reaches the legal threshold, and the wrap. Each cast member has their own call (their
  first scene) and wrap (their last scene).
- Company moves, per unit, every shooting day: the day starts at one of its décors (its
  entry) and each other décor of the day is one move within the day, reached from the
  entry or from a lower-id décor of the day (no loop between two décors shot daily goes
  unpaid). The entry is free when it was in use on the unit's previous shooting day
  (however many idle days lie between) or on the unit's first day; otherwise it is one
  move from the nearest décor of that previous day. The cheapest entry is taken.
- Crew: a unit engaged over a span pays every working day from the calendar's start to
  its last shooting day; another unit pays its shooting days.
- Cast holding: paid from first to last work day (any unit), except gaps of at least
  ``drop_min_gap_days`` when drop/pick-up is allowed.
- Rest: 11 h between one wrap and the next call, for each unit's crew and for each cast
  member with their own call and wrap.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from tournage.common.findings import Finding, Severity
from tournage.scheduling.model import Problem, Scene, Unit
from tournage.scheduling.moves import convoy, distance_km
from tournage.scheduling.rules import (
    WorkRules,
    minor_caps,
    minor_daily_cap_minutes,
    minor_restricted,
    minor_rule,
    work_rules,
)
from tournage.scheduling.tables import DEFAULTS

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
    unit: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "date": self.day.isoformat(),
            "unit": self.unit,
            "from": self.origin,
            "to": self.destination,
            "km": None if self.km is None else round(self.km, 1),
            "kgco2e": None if self.kgco2e is None else str(self.kgco2e),
        }


@dataclass(frozen=True)
class Call:
    """One person's day: call and wrap (date and time)."""

    call: datetime
    wrap: datetime

    def to_dict(self) -> dict[str, str]:
        return {
            "call": self.call.isoformat(timespec="minutes"),
            "wrap": self.wrap.isoformat(timespec="minutes"),
        }


@dataclass
class DayPlan:
    """One unit's shooting day."""

    day: date
    scenes: list[Scene]
    night: bool
    call: time
    minutes: int
    unit: str = ""
    split: bool = False
    meal_minutes: int = 0
    meal_after: int = 0  # minutes of work before the meal break
    moves: list[Move] = field(default_factory=list)
    offsets: list[int] = field(default_factory=list)  # start of each scene, in work minutes

    @property
    def start(self) -> datetime:
        return datetime.combine(self.day, self.call)

    @property
    def wrap(self) -> datetime:
        return self.clock(self.minutes, end=True)

    @property
    def eighths(self) -> int:
        return sum(scene.eighths for scene in self.scenes)

    def clock(self, worked: int, end: bool = False) -> datetime:
        """When ``worked`` minutes of work start (or, ``end``, are done): the meal comes
        between the scene that ends at ``meal_after`` and the next one."""
        after_meal = worked > self.meal_after if end else worked >= self.meal_after
        meal = self.meal_minutes if self.meal_minutes and after_meal else 0
        return self.start + timedelta(minutes=worked + meal)

    def calls(self, minutes: dict[str, int]) -> dict[str, Call]:
        """Each cast member's call (their first scene) and wrap (end of their last)."""
        out: dict[str, Call] = {}
        for scene, offset in zip(self.scenes, self.offsets, strict=True):
            done = self.clock(offset + minutes[scene.id], end=True)
            for member in scene.cast:
                begin = out[member].call if member in out else self.clock(offset)
                out[member] = Call(begin, done)
        return out

    def to_dict(self) -> dict[str, object]:
        return {
            "date": self.day.isoformat(),
            "unit": self.unit,
            "call": self.call.strftime("%H:%M"),
            "wrap": self.wrap.isoformat(timespec="minutes"),
            "minutes": self.minutes,
            "meal": (
                None
                if not self.meal_minutes
                else {
                    "at": self.clock(self.meal_after, end=True).strftime("%H:%M"),
                    "minutes": self.meal_minutes,
                }
            ),
            "eighths": self.eighths,
            "night": self.night,
            "split": self.split,
            "scenes": [scene.id for scene in self.scenes],
            "moves": [move.to_dict() for move in self.moves],
        }


@dataclass
class Evaluation:
    days: list[DayPlan]
    terms: dict[str, object]
    objective: Decimal
    findings: list[Finding]
    calls: dict[tuple[str, date], dict[str, Call]] = field(default_factory=dict)

    @property
    def breaks_rules(self) -> bool:
        return any(finding.is_blocking for finding in self.findings)

    def to_dict(self) -> dict[str, object]:
        return {
            "objective_eur": str(self.objective),
            "terms": self.terms,
            "days": [
                {
                    **day.to_dict(),
                    "calls": {
                        member: call.to_dict()
                        for member, call in self.calls.get((day.unit, day.day), {}).items()
                    },
                }
                for day in self.days
            ],
            "findings": [finding.to_dict() for finding in self.findings],
        }


def scene_minutes(problem: Problem, scene: Scene, rules: WorkRules) -> int:
    """Explicit minutes, else eighths at the production's pace over a normal day."""
    if scene.minutes is not None:
        return scene.minutes
    per_eighth = Decimal(rules.normal_day_minutes) / (problem.pages_per_day * 8)
    return int((per_eighth * scene.eighths).to_integral_value(ROUND_HALF_UP))


def meal_minutes(rules: WorkRules) -> int:
    """The unit's meal break: the production default, never below the legal break."""
    return max(DEFAULTS.load().meal_break_minutes, rules.break_minutes)


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


def move_euros(problem: Problem, km: float | None) -> int:
    """Euros of one move's distance and carbon (rounded per move, as in the solver)."""
    if km is None:
        return 0
    per_km = convoy(problem.convoy).kgco2e_per_km
    weights = problem.weights
    return euros(Decimal(str(round(km, 1))) * (weights.km + weights.kgco2e * per_km))


def evaluate(problem: Problem, assignment: dict[str, date]) -> Evaluation:
    rules = work_rules(problem.convention)
    calendar = problem.calendar.days()
    index = {day: i for i, day in enumerate(calendar)}
    minutes = {scene.id: scene_minutes(problem, scene, rules) for scene in problem.scenes}
    findings: list[Finding] = []
    by_day: dict[tuple[str, date], list[Scene]] = defaultdict(list)
    for scene in problem.scenes:
        when = assignment.get(scene.id)
        if when is None:
            findings.append(_finding("scene.unscheduled", f"Scène {scene.id} non planifiée."))
        elif when not in index:
            findings.append(
                _finding(
                    "scene.off_day",
                    f"Scène {scene.id} : {when} n'est pas un jour de tournage du calendrier.",
                    subject=scene.id,
                )
            )
        else:
            by_day[scene.unit, when].append(scene)
    order = {unit.id: i for i, unit in enumerate(problem.units)}
    days = [
        _day_plan(problem, rules, unit, when, by_day[unit, when], minutes)
        for unit, when in sorted(by_day, key=lambda key: (key[1], order[key[0]]))
    ]
    calls = {(day.unit, day.day): day.calls(minutes) for day in days}
    moves = [move for unit in problem.units for move in _moves(problem, _of(days, unit))]
    findings += _check(problem, rules, days, calls, assignment, index)
    terms, objective = _terms(problem, rules, days, moves, assignment, index, minutes)
    return Evaluation(days, terms, objective, findings, calls)


def _of(days: list[DayPlan], unit: Unit) -> list[DayPlan]:
    return [day for day in days if day.unit == unit.id]


def _day_plan(
    problem: Problem,
    rules: WorkRules,
    unit: str,
    when: date,
    scenes: list[Scene],
    minutes: dict[str, int],
) -> DayPlan:
    night = any(scene.night for scene in scenes)
    split = night and any(not scene.night for scene in scenes) and problem.split_call is not None
    ordered = sorted(scenes, key=lambda s: (s.night, s.location, _natural(s.id)))
    offsets = list(itertools.accumulate((minutes[s.id] for s in ordered[:-1]), initial=0))
    total = sum(minutes[s.id] for s in scenes)
    meal, meal_after = 0, 0
    if total >= rules.break_after_minutes:
        meal = meal_minutes(rules)
        # the break comes at the last scene boundary before the threshold is reached
        within = [o for o in offsets if 0 < o <= rules.break_after_minutes]
        meal_after = within[-1] if within else minutes[ordered[0].id]
    call = problem.night_call if night else problem.day_call
    if split and problem.split_call is not None:
        call = problem.split_call
    return DayPlan(
        day=when,
        scenes=ordered,
        night=night,
        call=call,
        minutes=total,
        unit=unit,
        split=split,
        meal_minutes=meal,
        meal_after=meal_after,
        offsets=offsets,
    )


def _natural(text: str) -> tuple[int, str]:
    digits = "".join(ch for ch in text if ch.isdigit())
    return (int(digits) if digits else 0, text)


def _locations(day: DayPlan) -> list[str]:
    return sorted({scene.location for scene in day.scenes})


def _moves(problem: Problem, days: list[DayPlan]) -> list[Move]:
    per_km = convoy(problem.convoy).kgco2e_per_km
    moves: list[Move] = []
    before: list[str] = []
    for day in days:
        here = _locations(day)
        pairs = min(
            (_day_moves(problem, before, here, entry) for entry in here),
            key=lambda option: (sum(_price(problem, a, b) for a, b in option), option),
        )
        for origin, destination in pairs:
            km = distance_km(problem, origin, destination)
            kg = (
                None
                if km is None
                else (per_km * Decimal(str(round(km, 1)))).quantize(Decimal("0.1"))
            )
            move = Move(day.day, origin, destination, km, kg, day.unit)
            day.moves.append(move)
            moves.append(move)
        before = here
    return moves


def _day_moves(
    problem: Problem, before: list[str], here: list[str], entry: str
) -> list[tuple[str, str]]:
    """The day's moves when it starts at ``entry``: reaching it from the previous day's
    décors (none when it was in use, or on the first day), then each other décor from the
    nearest of the entry and the lower-id décors (``here`` is sorted)."""
    pairs = [] if not before or entry in before else [(_nearest(problem, before, entry), entry)]
    for i, place in enumerate(here):
        if place != entry:
            origins = [entry, *(o for o in here[:i] if o != entry)]
            pairs.append((_nearest(problem, origins, place), place))
    return pairs


def _price(problem: Problem, origin: str, destination: str) -> int:
    km = distance_km(problem, origin, destination)
    return problem.weights.company_move + move_euros(problem, km)


def _nearest(problem: Problem, options: list[str], place: str) -> str:
    if not options:
        return place
    return min(options, key=lambda o: (distance_km(problem, o, place) or 0.0, o))


def crew_days(problem: Problem, days: list[DayPlan], index: dict[date, int]) -> dict[str, int]:
    """Days each unit's crew is paid: its span from the calendar's start, or its days."""
    out = {}
    for unit in problem.units:
        mine = _of(days, unit)
        if unit.span:
            out[unit.id] = index[mine[-1].day] + 1 if mine else 0
        else:
            out[unit.id] = len(mine)
    return out


def _terms(
    problem: Problem,
    rules: WorkRules,
    days: list[DayPlan],
    moves: list[Move],
    assignment: dict[str, date],
    index: dict[date, int],
    minutes: dict[str, int],
) -> tuple[dict[str, object], Decimal]:
    weights = problem.weights
    holding_days = _holding(problem, assignment, index)
    holding_cost = sum(
        (problem.member(m).daily_cost * n for m, n in holding_days.items()), Decimal(0)
    )
    km = sum(move.km or 0.0 for move in moves)
    kg = sum((move.kgco2e or Decimal(0) for move in moves), Decimal(0))
    overtime = sum(max(0, day.minutes - rules.normal_day_minutes) for day in days)
    minor_excess = sum(_minor_excess(problem, day, minutes) for day in days)
    switches = sum(
        1
        for unit in problem.units
        for a, b in itertools.pairwise(_of(days, unit))
        if a.night and not b.night
    )
    splits = sum(1 for day in days if day.split)
    changes = sum(
        1 for scene_id, when in problem.previous.items() if assignment.get(scene_id) != when
    )
    crew = crew_days(problem, days, index)
    main = problem.units[0]
    terms: dict[str, object] = {
        "shooting_days": len(days),
        "calendar_days": crew[main.id],
        "units": {
            unit.id: {
                "shooting_days": len(_of(days, unit)),
                "crew_days": crew[unit.id],
                "crew_cost_eur": str(problem.unit_day_cost(unit) * crew[unit.id]),
            }
            for unit in problem.units
        },
        "holding_days": holding_days,
        "holding_cost_eur": str(holding_cost),
        "company_moves": len(moves),
        "move_km": round(km, 1),
        "move_kgco2e": str(kg),
        "overtime_minutes": overtime,
        "minor_excess_minutes": minor_excess,
        "night_to_day_switches": switches,
        "split_days": splits,
        "changes": changes,
    }
    holding = sum(euros(problem.member(m).daily_cost) * n for m, n in holding_days.items())
    whole = (
        sum(problem.unit_day_cost(unit) * crew[unit.id] for unit in problem.units)
        + weights.holding * holding
        + weights.company_move * len(moves)
        + sum(move_euros(problem, move.km) for move in moves)
        + weights.night_to_day * switches
        + weights.split_day * splits
        + weights.change * changes
    )
    per_minute = weights.overtime_hour * overtime + weights.minor_excess_hour * minor_excess
    objective = whole + Decimal(per_minute) / 60
    return terms, objective.quantize(Decimal("0.01"))


def _minor_excess(problem: Problem, day: DayPlan, minutes: dict[str, int]) -> int:
    """Minutes children work beyond their daily cap on ``day``."""
    total = 0
    for member in problem.cast:
        cap = minor_daily_cap_minutes(member.age, day.day, problem.calendar.school_holidays)
        if cap is not None:
            worked = sum(minutes[s.id] for s in day.scenes if member.id in s.cast)
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
    calls: dict[tuple[str, date], dict[str, Call]],
    assignment: dict[str, date],
    index: dict[date, int],
) -> list[Finding]:
    findings: list[Finding] = []
    calendar = problem.calendar.days()
    for day in days:
        findings += _check_day(problem, rules, day)
    for unit in problem.units:
        mine = _of(days, unit)
        for before, after in itertools.pairwise(mine):
            findings += _rest(rules, before.wrap, after.start, after.day, unit.name, unit.id)
        findings += _check_consecutive(
            rules, sorted(index[day.day] for day in mine), calendar, unit.name
        )
    findings += _check_people(problem, rules, days, calls, index, calendar)
    findings += _check_constraints(problem, assignment)
    findings += _check_weather(problem, days, assignment)
    return findings


def _rest(
    rules: WorkRules, wrap: datetime, call: datetime, day: date, who: str, subject: str
) -> list[Finding]:
    rest = call - wrap
    if rest >= timedelta(hours=rules.daily_rest_hours):
        return []
    return [
        _finding(
            "rest.daily",
            f"{day} : {who}, repos de {rest} depuis la fin de la veille, "
            f"moins de {rules.daily_rest_hours} h.",
            rules.daily_rest.severity(),
            source=rules.daily_rest.source,
            subject=subject,
        )
    ]


def _check_people(
    problem: Problem,
    rules: WorkRules,
    days: list[DayPlan],
    calls: dict[tuple[str, date], dict[str, Call]],
    index: dict[date, int],
    calendar: list[date],
) -> list[Finding]:
    """Per cast member: one unit a day, 11 h rest with their own call and wrap, and the
    consecutive-days limit when they work in more than one unit."""
    findings: list[Finding] = []
    for member in problem.cast:
        worked = sorted(
            (
                (call, day.day, day.unit)
                for day in days
                if (call := calls[day.unit, day.day].get(member.id)) is not None
            ),
            key=lambda row: row[0].call,
        )
        dates = [when for _, when, _ in worked]
        for when in sorted({d for d in dates if dates.count(d) > 1}):
            findings.append(
                _finding(
                    "cast.two_units",
                    f"{when} : {member.name} dans deux équipes le même jour.",
                    subject=member.id,
                )
            )
        for (first, _, _), (second, when, _) in itertools.pairwise(worked):
            findings += _rest(rules, first.wrap, second.call, when, member.name, member.id)
        if len({unit for _, _, unit in worked}) > 1:
            findings += _check_consecutive(
                rules, sorted({index[d] for d in dates}), calendar, member.name
            )
    return findings


def _check_constraints(problem: Problem, assignment: dict[str, date]) -> list[Finding]:
    findings: list[Finding] = []
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
    return findings


def cover_available(problem: Problem, cover: Scene, when: date) -> bool:
    """A cover scene can replace exteriors on ``when``: its décor and cast are free."""
    return problem.location(cover.location).available_on(when) and all(
        problem.member(member).available_on(when) for member in cover.cast
    )


def rained_out(problem: Problem, unit: str, calendar: list[date]) -> list[int]:
    """Indices of the lost days on which the previous version had ``unit`` shooting."""
    planned = {
        problem.previous[s.id]
        for s in problem.scenes
        if s.unit == unit and s.id in problem.previous
    }
    lost = problem.weather_cover.lost_days & planned
    return [d for d, day in enumerate(calendar) if day in lost]


def _check_weather(
    problem: Problem, days: list[DayPlan], assignment: dict[str, date]
) -> list[Finding]:
    """Exteriors never on a day lost to the weather; with weather cover on, each exterior
    day keeps a cover scene of its unit not yet shot and shootable that day."""
    findings: list[Finding] = []
    cover = problem.weather_cover
    covers = [scene for scene in problem.scenes if scene.weather_cover]
    if cover.enabled:
        calendar = problem.calendar.days()
        for unit in problem.units:
            for d in rained_out(problem, unit.id, calendar):
                shot = {
                    s.id
                    for s in covers
                    if s.unit == unit.id and assignment.get(s.id) == calendar[d]
                }
                if not shot:
                    findings.append(
                        _finding(
                            "weather.cover_unused",
                            f"{calendar[d]} : journée perdue sans scène de repli tournée.",
                            subject=unit.id,
                        )
                    )
    for day in days:
        exterior = any(scene.int_ext == "EXT" for scene in day.scenes)
        if exterior and day.day in cover.lost_days:
            findings.append(
                _finding("weather.lost_day", f"{day.day} : extérieurs un jour perdu (météo).")
            )
        if not (cover.enabled and exterior) or day.day in cover.lost_days:
            continue
        kept = [
            scene
            for scene in covers
            if scene.unit == day.unit
            and assignment.get(scene.id, date.max) > day.day
            and cover_available(problem, scene, day.day)
        ]
        if not kept:  # a re-plan uses the covers left: then it is only a warning
            findings.append(
                _finding(
                    "weather.no_cover",
                    f"{day.day} : aucune scène de repli (intérieur) disponible en cas de pluie.",
                    Severity.WARN if problem.previous else FAIL,
                    subject=day.unit,
                )
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
    if day.night and not day.split and any(not scene.night for scene in day.scenes):
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
        findings.append(
            _finding(
                "cast.unavailable", f"{day.day} : {member.name} indisponible.", subject=member.id
            )
        )
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
    if minor_restricted(member.age, "no_night_work") and any(s.night for s in scenes):
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


def _check_consecutive(
    rules: WorkRules, used: list[int], calendar: list[date], who: str
) -> list[Finding]:
    run, findings = 1, []
    for a, b in itertools.pairwise(used):
        consecutive = b == a + 1 and (calendar[b] - calendar[a]).days == 1
        run = run + 1 if consecutive else 1
        if run > rules.max_consecutive_days:
            findings.append(
                _finding(
                    "rest.weekly",
                    f"{calendar[b]} : {who}, plus de "
                    f"{rules.max_consecutive_days} jours de travail d'affilée.",
                    rules.max_consecutive.severity(),
                    source=rules.max_consecutive.source,
                )
            )
    return findings
