"""Lower bounds on each term of the objective, computed without the solver's search.

Each term of ``evaluate``'s objective is bounded on its own, so the proof says which term
is uncertain; their sum bounds the whole cost, and each is also given to CP-SAT as a
constraint on that term (a cut its own relaxation does not find).

- crew and overtime, per unit: its scenes need at least as many days as the capacity,
  the day/night separation and the décors per day allow, and a span unit pays at least
  up to the earliest day its latest-starting scene can be shot; the cheapest mix of days
  and overtime for its total shooting time is paid;
- company moves, per unit: the moves connect every décor the unit uses (each new décor is
  reached from one in use), so they cost at least a minimum spanning tree of the décors
  under the per-move price;
- holding, per actor: the least paid span given the days their scenes may use (their
  availability, the décors' windows) and the days their scenes need at least (capacity,
  night apart, décors a day): every day of the span they cannot film is held;
- children's excess minutes: a scene longer than the child's largest cap over its
  allowed days;
- re-planning changes: scenes whose previous date is no longer allowed.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tournage.scheduling.evaluate import Evaluation, euros, move_euros, scene_minutes
from tournage.scheduling.model import CastMember, Problem, Scene, Unit
from tournage.scheduling.moves import distance_km
from tournage.scheduling.rules import WorkRules, minor_daily_cap_minutes

Allowed = Callable[[Scene], list[int]]  # indices of the calendar days a scene may use


@dataclass(frozen=True)
class TermBounds:
    """Lower bounds in euros per term (overtime goes with crew: they trade off)."""

    crew: Decimal
    moves: int
    holding: int
    minor_excess: Decimal
    changes: int

    @property
    def total(self) -> Decimal:
        return self.crew + self.moves + self.holding + self.minor_excess + self.changes

    def to_dict(self) -> dict[str, str]:
        return {
            "crew_and_overtime": str(self.crew.quantize(Decimal("0.01"))),
            "company_moves": str(self.moves),
            "holding": str(self.holding),
            "minor_excess": str(self.minor_excess.quantize(Decimal("0.01"))),
            "changes": str(self.changes),
            "total": str(self.total.quantize(Decimal("0.01"))),
        }


def term_bounds(
    problem: Problem, rules: WorkRules, days: list[date], allowed: Allowed
) -> TermBounds:
    minutes = {s.id: scene_minutes(problem, s, rules) for s in problem.scenes}
    return TermBounds(
        crew=sum(
            (crew_bound(problem, rules, unit, allowed, minutes) for unit in problem.units),
            Decimal(0),
        ),
        moves=sum(move_bound(problem, unit) for unit in problem.units),
        holding=holding_bound(problem, rules, allowed, minutes),
        minor_excess=minor_bound(problem, days, allowed, minutes),
        changes=change_bound(problem, days, allowed),
    )


def _scenes(problem: Problem, unit: Unit) -> list[Scene]:
    return [scene for scene in problem.scenes if scene.unit == unit.id]


def fewest_days(problem: Problem, rules: WorkRules, unit: Unit, minutes: dict[str, int]) -> int:
    """Days the unit needs at least: capacity (split days allowed or not), décors a day."""
    return days_for(problem, rules, _scenes(problem, unit), minutes)


def days_for(
    problem: Problem, rules: WorkRules, scenes: list[Scene], minutes: dict[str, int]
) -> int:
    """Days a set of scenes of one unit needs at least (capacity, night apart, décors)."""
    if not scenes:
        return 0
    cap = rules.max_daily_minutes
    night = sum(minutes[s.id] for s in scenes if s.night)
    light = sum(minutes[s.id] for s in scenes if not s.night)
    by_capacity = -(-(night + light) // cap)
    if problem.split_call is None:
        by_capacity = -(-night // cap) + -(-light // cap)
    decors = len({s.location for s in scenes})
    return max(by_capacity, -(-decors // problem.max_locations_per_day))


def crew_bound(
    problem: Problem, rules: WorkRules, unit: Unit, allowed: Allowed, minutes: dict[str, int]
) -> Decimal:
    """Cheapest crew days plus overtime for the unit's shooting time."""
    mine = _scenes(problem, unit)
    if not mine:
        return Decimal(0)
    total = sum(minutes[s.id] for s in mine)
    fewest = fewest_days(problem, rules, unit, minutes)
    most = max(fewest, -(-total // rules.normal_day_minutes))
    # a span unit is paid up to its last day: at least until some scene can first be shot
    paid_from = max(min(allowed(s), default=0) for s in mine) + 1 if unit.span else 0
    day_cost, overtime = problem.unit_day_cost(unit), problem.weights.overtime_hour
    return min(
        Decimal(day_cost * max(days, paid_from))
        + Decimal(overtime * max(0, total - rules.normal_day_minutes * days)) / 60
        for days in range(fewest, most + 1)
    )


def move_bound(problem: Problem, unit: Unit) -> int:
    """Minimum spanning tree of the unit's décors, an edge costing one move between them."""
    places = sorted({scene.location for scene in _scenes(problem, unit)})
    if len(places) < 2:
        return 0

    def price(a: str, b: str) -> int:
        return problem.weights.company_move + move_euros(problem, distance_km(problem, a, b))

    tree, cost = {places[0]}, 0
    best = {p: price(places[0], p) for p in places[1:]}
    while best:
        nearest = min(best, key=lambda p: (best[p], p))
        cost += best.pop(nearest)
        tree.add(nearest)
        for place in best:
            best[place] = min(best[place], price(nearest, place))
    return cost


def holding_bound(
    problem: Problem, rules: WorkRules, allowed: Allowed, minutes: dict[str, int]
) -> int:
    """The least paid span of each actor, alone, priced at their daily cost."""
    return sum(
        held_days(problem, rules, member, allowed, minutes)
        * euros(member.daily_cost)
        * problem.weights.holding
        for member in problem.cast
    )


def held_days(
    problem: Problem,
    rules: WorkRules,
    member: CastMember,
    allowed: Allowed,
    minutes: dict[str, int],
) -> int:
    """Hold days of one actor in any schedule, whatever the other actors.

    The actor is paid over [f, l], their first and last work days; they work only on days
    where one of their scenes is allowed (their availability, the décors' windows), on at
    most as many days as they have scenes, and on at least as many as their scenes need
    (``days_for``, per unit: one unit a day). Every scene must have an allowed day inside
    [f, l]. So they are held at least (l - f + 1) - min(workable days in [f, l], scenes)
    days, for the best [f, l] that leaves room for their work.
    """
    mine = [s for s in problem.scenes if member.id in s.cast]
    if len(mine) < 2 or member.drop_min_gap_days is not None:
        return 0  # one scene is never held; drops make the paid span non-contiguous
    windows = [allowed(s) for s in mine]
    if any(not w for w in windows):
        return 0  # an impossible scene: the solver says so, no bound needed
    workable = sorted({d for w in windows for d in w})
    units = {s.unit for s in mine}
    need = sum(days_for(problem, rules, [s for s in mine if s.unit == u], minutes) for u in units)
    best: int | None = None
    for i, first in enumerate(workable):
        for j in range(i, len(workable)):
            last = workable[j]
            if j - i + 1 < need or not all(_meets(w, first, last) for w in windows):
                continue
            held = (last - first + 1) - min(j - i + 1, len(mine))
            best = held if best is None else min(best, held)
            break  # a later last day only adds days to the span
    return best or 0


def _meets(window: list[int], first: int, last: int) -> bool:
    """Some day of the sorted ``window`` lies in [first, last]."""
    at = bisect_left(window, first)
    return at < len(window) and window[at] <= last


def minor_bound(
    problem: Problem, days: list[date], allowed: Allowed, minutes: dict[str, int]
) -> Decimal:
    excess = 0
    for member in problem.cast:
        if member.age is None:
            continue
        for scene in (s for s in problem.scenes if member.id in s.cast):
            caps = [
                minor_daily_cap_minutes(member.age, days[d], problem.calendar.school_holidays)
                for d in allowed(scene)
            ]
            if caps and all(cap is not None for cap in caps):
                excess += max(0, minutes[scene.id] - max(c for c in caps if c is not None))
    return Decimal(problem.weights.minor_excess_hour * excess) / 60


def change_bound(problem: Problem, days: list[date], allowed: Allowed) -> int:
    index = {day: d for d, day in enumerate(days)}
    forced = 0
    for scene in problem.scenes:
        before = problem.previous.get(scene.id)
        if before is not None and index.get(before, -1) not in allowed(scene):
            forced += 1
    return forced * problem.weights.change


def proof(
    problem: Problem, evaluation: Evaluation, bounds: TermBounds
) -> dict[str, dict[str, str]]:
    """Term by term, what the schedule pays and what no schedule can pay less than: the
    difference is the part of the cost the proof leaves open (the gap, where it lies).
    Moves, switches, split days, children's excess and changes go together as ``other``."""
    terms, weights = evaluation.terms, problem.weights
    units = terms["units"]
    overtime = terms["overtime_minutes"]
    held = terms["holding_days"]
    assert isinstance(units, dict) and isinstance(overtime, int) and isinstance(held, dict)
    crew = sum((Decimal(u["crew_cost_eur"]) for u in units.values()), Decimal(0))
    crew += Decimal(weights.overtime_hour * overtime) / 60
    holding = Decimal(
        weights.holding * sum(euros(problem.member(m).daily_cost) * n for m, n in held.items())
    )
    paid = {
        "crew_and_overtime": crew,
        "holding": holding,
        "other": evaluation.objective - crew - holding,
    }
    floor = {
        "crew_and_overtime": bounds.crew,
        "holding": Decimal(bounds.holding),
        "other": bounds.moves + bounds.minor_excess + bounds.changes,
    }
    cents = Decimal("0.01")
    return {
        term: {
            "paid": str(paid[term].quantize(cents)),
            "bound": str(floor[term].quantize(cents)),
            "open": str((paid[term] - floor[term]).quantize(cents)),
        }
        for term in paid
    }
