"""A linear relaxation of the day assignment, solved with GLOP: one lower bound on crew
days, overtime and cast holding together (the terms that trade off against each other).

Every variable below is 0 or 1 in a schedule (overtime and hold days are counts); each
constraint holds for every lawful schedule with the variables read from it, so the
relaxation's optimum is no more than the cost of any schedule.

- ``x[s, d]``: scene s on day d (its allowed days only), one day per scene; precedences
  and same-day groups as in the CP-SAT model;
- per unit and day: ``used`` (some scene), its load at most the longest day when used,
  overtime beyond a normal day, at most ``max_locations_per_day`` décors in use, day and
  night scenes apart unless split days are allowed, at most 6 days in 7; a span unit is
  ``open`` from the calendar's first day to its last shooting day, so on day d at least
  the share of each of its scenes shot on d or later;
- per actor without drops: ``work[a, d]`` (one of their scenes that day, their minutes
  within one day's maximum), ``first[a, d]`` and ``last[a, d]`` their first and last
  work day (one each; by day d the actor has started once any of their scenes is shot,
  and finished only once all are), and the hold days
  ``held[a] >= sum(d * last) - sum(d * first) + 1 - sum(work)``.

Moves, children's excess and re-planning changes are left out: their own bounds
(``bounds``) are added to the relaxation's value.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from decimal import ROUND_FLOOR, Decimal
from typing import Any

from ortools.linear_solver import pywraplp

from tournage.scheduling.evaluate import euros
from tournage.scheduling.model import CastMember, Problem, Scene, Unit
from tournage.scheduling.rules import WorkRules

Allowed = Callable[[Scene], list[int]]
SAFETY = Decimal("0.000001")  # relative margin for the LP solver's tolerances


class _Relaxation:
    """The relaxation's variables and constraints, built on one GLOP solver."""

    def __init__(
        self,
        problem: Problem,
        rules: WorkRules,
        days: list[date],
        allowed: Allowed,
        minutes: dict[str, int],
    ) -> None:
        self.problem, self.rules, self.days, self.minutes = problem, rules, days, minutes
        solver = pywraplp.Solver.CreateSolver("GLOP")
        if solver is None:  # pragma: no cover - GLOP ships with OR-Tools
            raise RuntimeError("GLOP unavailable")
        self.lp = solver
        self.x: dict[tuple[str, int], Any] = {}
        self.on: dict[int, list[tuple[Scene, Any]]] = defaultdict(list)
        self.cost: list[Any] = []
        n = len(days)
        for scene in problem.scenes:
            options = allowed(scene)
            for d in options:
                var = solver.NumVar(0, 1, "")
                self.x[scene.id, d] = var
                self.on[d].append((scene, var))
            solver.Add(sum(self.x[scene.id, d] for d in options) == 1)
        self.by: dict[str, list[Any]] = {}  # scene -> share shot by day d (prefix sums)
        for scene in problem.scenes:
            self.by[scene.id] = self._prefix([self.x.get((scene.id, d), 0) for d in range(n)])

    def _prefix(self, values: list[Any]) -> list[Any]:
        """Variables equal to the running sums of ``values`` (sparse, unlike the sums)."""
        out: list[Any] = []
        for value in values:
            total = self.lp.NumVar(0, 1, "")
            self.lp.Add(total == (out[-1] if out else 0) + value)
            out.append(total)
        return out

    def units(self) -> None:
        for unit in self.problem.units:
            used = [self._unit_day(unit, d) for d in range(len(self.days))]
            self._weekly(used)
            day_cost = self.problem.unit_day_cost(unit)
            if not unit.span:
                self.cost += [day_cost * u for u in used]
                continue
            opened = [self.lp.NumVar(0, 1, "") for _ in self.days]
            mine = [s for s in self.problem.scenes if s.unit == unit.id]
            for d, is_open in enumerate(opened):
                self.lp.Add(is_open >= used[d])
                if d:
                    self.lp.Add(is_open <= opened[d - 1])
                    for scene in mine:  # engaged on day d if the scene is shot d or later
                        self.lp.Add(is_open >= 1 - self.by[scene.id][d - 1])
            self.cost += [day_cost * o for o in opened]

    def _unit_day(self, unit: Unit, d: int) -> Any:
        lp, rules, problem = self.lp, self.rules, self.problem
        todays = [(s, v) for s, v in self.on[d] if s.unit == unit.id]
        used = lp.NumVar(0, 1, "")
        load = sum(self.minutes[s.id] * v for s, v in todays)
        lp.Add(load <= rules.max_daily_minutes * used)
        overtime = lp.NumVar(0, lp.infinity(), "")
        lp.Add(overtime >= load - rules.normal_day_minutes * used)
        self.cost.append(problem.weights.overtime_hour / 60 * overtime)
        places: dict[str, Any] = {}
        for scene, var in todays:
            lp.Add(used >= var)
            if scene.location not in places:
                places[scene.location] = lp.NumVar(0, 1, "")
            lp.Add(places[scene.location] >= var)
        lp.Add(sum(places.values()) <= problem.max_locations_per_day * used)
        if problem.split_call is None:  # a day shoots day scenes or night scenes
            night = lp.NumVar(0, 1, "")
            for scene, var in todays:
                lp.Add(var <= night if scene.night else var <= used - night)
        return used

    def _weekly(self, present: list[Any]) -> None:
        limit = self.rules.max_consecutive_days
        for d in range(len(self.days) - limit):
            if (self.days[d + limit] - self.days[d]).days == limit:
                self.lp.Add(sum(present[d : d + limit + 1]) <= limit)

    def cast(self) -> None:
        for member in self.problem.cast:
            mine = [s for s in self.problem.scenes if member.id in s.cast]
            if len(mine) >= 2 and member.drop_min_gap_days is None:
                self._held(member, {s.id for s in mine}, len(mine))

    def _held(self, member: CastMember, mine: set[str], count: int) -> None:
        lp, n = self.lp, len(self.days)
        work, first, last = [], [], []
        for d in range(n):
            todays = [(s, v) for s, v in self.on[d] if s.id in mine]
            w = lp.NumVar(0, 1 if todays else 0, "")
            for _, var in todays:
                lp.Add(w >= var)
            lp.Add(
                sum(self.minutes[s.id] * v for s, v in todays) <= self.rules.max_daily_minutes * w
            )
            work.append(w)
            first.append(lp.NumVar(0, 1, ""))
            last.append(lp.NumVar(0, 1, ""))
            lp.Add(first[d] <= w)
            lp.Add(last[d] <= w)
        lp.Add(sum(work) <= count)
        started, finished = self._prefix(first), self._prefix(last)
        lp.Add(started[-1] == 1)
        lp.Add(finished[-1] == 1)
        for d in range(n):
            # started by day d once any scene is shot by then; finished only when all are
            lp.Add(work[d] <= started[d])
            lp.Add(work[d] <= 1 - (finished[d - 1] if d else 0))
            for scene_id in mine:
                lp.Add(started[d] >= self.by[scene_id][d])
                lp.Add(finished[d] <= self.by[scene_id][d])
        held = lp.NumVar(0, lp.infinity(), "")
        span = sum(d * v for d, v in enumerate(last)) - sum(d * v for d, v in enumerate(first))
        lp.Add(held >= span + 1 - sum(work))
        self.cost.append(euros(member.daily_cost) * self.problem.weights.holding * held)

    def constraints(self) -> None:
        constraints = self.problem.constraints
        for before, after in constraints.precedences:
            self.lp.Add(self._day_of(before) <= self._day_of(after))
        for group in constraints.same_day:
            for a, b in itertools.pairwise(group):
                for d in range(len(self.days)):
                    va, vb = self.x.get((a, d)), self.x.get((b, d))
                    if va is not None or vb is not None:
                        self.lp.Add((va or 0) == (vb or 0))

    def _day_of(self, scene_id: str) -> Any:
        return sum(d * v for (s, d), v in self.x.items() if s == scene_id)


def lp_bound(
    problem: Problem,
    rules: WorkRules,
    days: list[date],
    allowed: Allowed,
    minutes: dict[str, int],
    seconds: float,
) -> Decimal | None:
    """The relaxation's optimum in euros (rounded down), or None when GLOP does not prove
    it within ``seconds`` (no bound is better than a wrong one)."""
    relaxation = _Relaxation(problem, rules, days, allowed, minutes)
    relaxation.units()
    relaxation.cast()
    relaxation.constraints()
    lp = relaxation.lp
    lp.Minimize(sum(relaxation.cost))
    lp.SetTimeLimit(max(1, int(seconds * 1000)))
    if lp.Solve() != pywraplp.Solver.OPTIMAL:
        return None
    value = Decimal(repr(lp.Objective().Value()))
    value -= abs(value) * SAFETY + Decimal("0.01")
    return max(Decimal(0), value.quantize(Decimal("0.01"), rounding=ROUND_FLOOR))
