"""The CP-SAT model of the plan de travail: scenes assigned to shooting days.

Written in the style of the OR-Tools CP-SAT examples: one Boolean ``x[s, d]`` per scene
and possible day, linear constraints for the rules, one weighted objective whose terms are
exactly the ones ``evaluate`` reports (the oracle test checks it). Each unit has its own
days: load, day/night/split type, meal, crew cost, moves; cast members are shared.

Every restriction belongs to a named group (an actor's availability, a décor's window, a
locked scene...). In ``explain`` mode each group hangs on an assumption literal, so that
CP-SAT can name a set of groups that cannot hold together.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Any

from ortools.sat.python import cp_model

from tournage.scheduling.evaluate import (
    SUNDAY,
    cover_available,
    euros,
    meal_minutes,
    move_euros,
    rained_out,
    scene_minutes,
)
from tournage.scheduling.model import Problem, Scene, Unit
from tournage.scheduling.moves import distance_km
from tournage.scheduling.rules import (
    WorkRules,
    minor_daily_cap_minutes,
    minor_restricted,
    work_rules,
)

MINUTES_PER_HOUR = 60  # the objective is scaled by 60 so overtime counts per minute
DAY, NIGHT, SPLIT = "day", "night", "split"
Var = cp_model.IntVar
Expr = Any  # a CP-SAT linear expression (its stubs reject sums mixing ints and variables)


class UnitDays:
    """One unit's day variables: in use, load, type, meal, décors in use."""

    def __init__(self, unit: Unit, scenes: list[Scene]) -> None:
        self.unit, self.scenes = unit, scenes
        self.used: list[Var] = []
        self.load: list[Expr] = []
        self.types: dict[str, list[Var]] = {DAY: [], NIGHT: [], SPLIT: []}
        self.long: list[Var] = []  # the day reaches the meal-break threshold
        self.loc: dict[tuple[str, int], Var] = {}


class Builder:
    """Builds the model; in ``explain`` mode restrictions hang on assumption literals."""

    def __init__(self, problem: Problem, explain: bool = False, symmetry: bool = True) -> None:
        self.problem, self.explain, self.symmetry = problem, explain, symmetry
        self.rules: WorkRules = work_rules(problem.convention)
        self.days = problem.calendar.days()
        self.model = cp_model.CpModel()
        self.groups: dict[str, Var] = {}
        self.minutes = {s.id: scene_minutes(problem, s, self.rules) for s in problem.scenes}
        self.meal = meal_minutes(self.rules)
        self.x: dict[tuple[str, int], Var] = {}
        self.objective: list[Expr] = []
        self.terms: dict[str, list[Expr]] = defaultdict(list)
        self.units: dict[str, UnitDays] = {}
        self.move_costs: dict[tuple[str, str], int] = {}
        self._allowed: dict[str, list[int]] = {}  # the problem is frozen: computed once
        self._allows: dict[str, frozenset[int]] = {}

    # -- restriction groups -------------------------------------------------------------
    def group(self, name: str) -> Var:
        if name not in self.groups:
            self.groups[name] = self.model.new_bool_var(name)
        return self.groups[name]

    def require(self, constraint: cp_model.Constraint, group: str) -> None:
        if self.explain:
            constraint.only_enforce_if(self.group(group))

    def _or(self, target: Var, literals: list[Var]) -> None:
        """``target`` is exactly the OR of ``literals`` (linear form: the LP sees it)."""
        for literal in literals:
            self.model.add(literal <= target)
        self.model.add(target <= sum(literals))

    def cost(self, term: str, expression: Expr) -> None:
        self.objective.append(expression)
        self.terms[term].append(expression)

    # -- model ----------------------------------------------------------------------------
    def build(self) -> None:
        self._assign()
        for unit in self.problem.units:
            days = UnitDays(unit, [s for s in self.problem.scenes if s.unit == unit.id])
            self.units[unit.id] = days
            self._unit_days(days)
            self._unit_rest(days)
            self._unit_switches(days)
            self._unit_moves(days)
        self._cast()
        self._constraints()
        self._changes()
        self._weather()
        if not self.explain:
            if self.symmetry:
                self._symmetry()
            self.model.minimize(sum(self.objective))
        else:
            self.model.add_assumptions(list(self.groups.values()))

    def forbidden(self, scene: Scene, when: date) -> list[str]:
        """Groups that forbid ``scene`` on ``when`` (empty: allowed)."""
        problem, reasons = self.problem, []
        fixed = problem.constraints.fixed.get(scene.id)
        if fixed is not None and fixed != when:
            reasons.append(f"fixed:{scene.id}")
        previous = problem.previous.get(scene.id)
        if problem.replan_from and previous and previous < problem.replan_from and previous != when:
            reasons.append(f"shot:{scene.id}")
        if not problem.location(scene.location).available_on(when):
            reasons.append(f"location:{scene.location}")
        if scene.int_ext == "EXT" and when in problem.weather_cover.lost_days:
            reasons.append(f"weather:{when.isoformat()}")
        for member in map(problem.member, scene.cast):
            if not member.available_on(when):
                reasons.append(f"cast:{member.id}")
            if when.weekday() == SUNDAY and minor_restricted(member.age, "no_sunday_work"):
                reasons.append(f"minor:{member.id}")
        return reasons

    def allowed(self, scene: Scene) -> list[int]:
        if scene.id not in self._allowed:
            days = [d for d, when in enumerate(self.days) if not self.forbidden(scene, when)]
            self._allowed[scene.id] = days
            self._allows[scene.id] = frozenset(days)
        return self._allowed[scene.id]

    def allows(self, scene: Scene, d: int) -> bool:
        """Day ``d`` is allowed for ``scene`` (no restriction group forbids it)."""
        self.allowed(scene)
        return d in self._allows[scene.id]

    def _assign(self) -> None:
        for scene in self.problem.scenes:
            options = []
            for d, when in enumerate(self.days):
                reasons = self.forbidden(scene, when)
                if reasons and not self.explain:
                    continue
                var = self.model.new_bool_var(f"x[{scene.id},{when}]")
                self.x[scene.id, d] = var
                options.append(var)
                for reason in reasons:
                    self.model.add(var == 0).only_enforce_if(self.group(reason))
            self.model.add_exactly_one(options)

    def scenes_on(self, d: int, scenes: Iterable[Scene]) -> list[tuple[Scene, Var]]:
        return [(s, self.x[s.id, d]) for s in scenes if (s.id, d) in self.x]

    def _unit_days(self, unit: UnitDays) -> None:
        model, rules, problem = self.model, self.rules, self.problem
        weights, split = problem.weights, problem.split_call is not None
        for d in range(len(self.days)):
            todays = self.scenes_on(d, unit.scenes)
            used = model.new_bool_var(f"used[{unit.unit.id},{d}]")
            self._or(used, [var for _, var in todays])
            load = sum(self.minutes[s.id] * var for s, var in todays)
            self.require(model.add(load <= rules.max_daily_minutes), "rules:day_length")
            overtime = model.new_int_var(0, 24 * 60, f"overtime[{unit.unit.id},{d}]")
            model.add(overtime >= load - rules.normal_day_minutes)
            self.cost("overtime", weights.overtime_hour * overtime)
            types = {kind: model.new_bool_var(f"{kind}[{unit.unit.id},{d}]") for kind in unit.types}
            model.add(sum(types.values()) == used)
            lights = [var for s, var in todays if not s.night]
            nights = [var for s, var in todays if s.night]
            for var in lights:
                model.add(var <= types[DAY] + types[SPLIT])
            for var in nights:
                model.add(var <= types[NIGHT] + types[SPLIT])
            if split:  # a split day has both kinds of scenes
                model.add(types[SPLIT] <= sum(lights))
                model.add(types[SPLIT] <= sum(nights))
                self.cost("split_days", weights.split_day * MINUTES_PER_HOUR * types[SPLIT])
            else:
                model.add(types[SPLIT] == 0)
            long = model.new_bool_var(f"long[{unit.unit.id},{d}]")
            model.add(load >= self.rules.break_after_minutes * long)
            model.add(load <= self.rules.break_after_minutes - 1 + 24 * 60 * long)
            unit.used.append(used)
            unit.load.append(load)
            unit.long.append(long)
            for kind, var in types.items():
                unit.types[kind].append(var)
        self._crew(unit)
        self._consecutive(unit.used, "rules:weekly_rest")

    def _crew(self, unit: UnitDays) -> None:
        """A span unit is engaged from the first working day to its last shooting day."""
        cost = self.problem.unit_day_cost(unit.unit) * MINUTES_PER_HOUR
        if not unit.unit.span:
            self.cost("crew", cost * sum(unit.used))
            return
        opened = [self.model.new_bool_var(f"open[{unit.unit.id},{d}]") for d in self.days]
        for d, is_open in enumerate(opened):
            self.model.add(unit.used[d] <= is_open)
            if d:
                self.model.add(is_open <= opened[d - 1])
        self.cost("crew", cost * sum(opened))

    def _consecutive(self, present: list[Expr], group: str) -> None:
        limit = self.rules.max_consecutive_days
        for d in range(len(self.days) - limit):
            window = self.days[d : d + limit + 1]
            if (window[-1] - window[0]).days == limit:
                self.require(self.model.add(sum(present[d : d + limit + 1]) <= limit), group)

    def calls(self) -> dict[str, time]:
        problem = self.problem
        return {
            DAY: problem.day_call,
            NIGHT: problem.night_call,
            SPLIT: problem.split_call or problem.night_call,
        }

    def rest_pairs(self, d: int) -> Iterable[tuple[str, str, int]]:
        """Day types on days d and d + 1 that leave less than the daily rest for some load,
        with the longest work (meal included) that still leaves it."""
        rest = timedelta(hours=self.rules.daily_rest_hours)
        calls = self.calls()
        for first, second in itertools.product(calls, repeat=2):
            start = datetime.combine(self.days[d], calls[first])
            next_call = datetime.combine(self.days[d + 1], calls[second])
            allowed = int((next_call - rest - start).total_seconds() // 60)
            if allowed < self.rules.max_daily_minutes + self.meal:
                yield first, second, allowed

    def _unit_rest(self, unit: UnitDays) -> None:
        """The crew's 11 h between a wrap and the next call (the wrap counts the meal)."""
        for d in range(len(self.days) - 1):
            for first, second, allowed in self.rest_pairs(d):
                worked = unit.load[d] + self.meal * unit.long[d]
                rest_ok = self.model.add(worked <= max(allowed, 0))
                rest_ok.only_enforce_if([unit.types[first][d], unit.types[second][d + 1]])
                self.require(rest_ok, "rules:daily_rest")

    def _carry(self, name: str, used: list[Var], today: list[Expr]) -> list[Var]:
        """``carry[d]``: the value of ``today`` on the last day in use up to ``d``."""
        out: list[Var] = []
        for d, value in enumerate(today):
            var = self.model.new_bool_var(f"{name}[{d}]")
            before = out[-1] if out else 0
            self.model.add(var >= value + used[d] - 1)
            self.model.add(var <= value + 1 - used[d])
            self.model.add(var >= before - used[d])
            self.model.add(var <= before + used[d])
            out.append(var)
        return out

    def _unit_switches(self, unit: UnitDays) -> None:
        """A night (or split) shooting day followed by a day shoot, idle days between."""
        nightish = [n + s for n, s in zip(unit.types[NIGHT], unit.types[SPLIT], strict=True)]
        last_night = self._carry(f"night_before[{unit.unit.id}]", unit.used, nightish)
        weight = self.problem.weights.night_to_day * MINUTES_PER_HOUR
        for d in range(1, len(self.days)):
            switch = self.model.new_bool_var(f"switch[{unit.unit.id},{d}]")
            self.model.add(switch >= last_night[d - 1] + unit.types[DAY][d] - 1)
            self.cost("night_to_day", weight * switch)

    def move_cost(self, a: str, b: str) -> int:
        if (a, b) not in self.move_costs:
            km = distance_km(self.problem, a, b)
            price = self.problem.weights.company_move + move_euros(self.problem, km)
            self.move_costs[a, b] = price * MINUTES_PER_HOUR
        return self.move_costs[a, b]

    def _unit_moves(self, unit: UnitDays) -> None:
        """Moves as ``evaluate`` counts them: each shooting day has one entry décor, reached
        from the previous day's décors unless in use then; the others, within the day."""
        model, problem = self.model, self.problem
        places = sorted({scene.location for scene in unit.scenes})
        for d in range(len(self.days)):
            here, by_place = [], defaultdict(list)
            for scene, var in self.scenes_on(d, unit.scenes):
                by_place[scene.location].append(var)
            for place, todays in sorted(by_place.items()):
                unit.loc[place, d] = model.new_bool_var(f"loc[{unit.unit.id},{place},{d}]")
                self._or(unit.loc[place, d], todays)
                here.append(unit.loc[place, d])
            self.require(
                model.add(sum(here) <= problem.max_locations_per_day), "rules:locations_per_day"
            )
        held = {
            place: self._carry(
                f"held[{unit.unit.id},{place}]",
                unit.used,
                [unit.loc.get((place, d), 0) for d in range(len(self.days))],
            )
            for place in places
        }
        before = self._carry(f"before[{unit.unit.id}]", unit.used, [1] * len(self.days))
        for d in range(len(self.days)):
            places_today = [place for place in places if (place, d) in unit.loc]
            entries = {
                p: model.new_bool_var(f"entry[{unit.unit.id},{p},{d}]") for p in places_today
            }
            model.add(sum(entries.values()) <= 1)
            for place in places_today:
                self._reach_within(unit, place, d, entries)
                self._reach_entry(unit, place, d, entries[place], held, before, places)

    def _reach_within(self, unit: UnitDays, place: str, d: int, entries: dict[str, Var]) -> None:
        """A décor of the day is its entry, or one move from the entry or a lower-id décor."""
        model = self.model
        sources: list[Var] = [entries[place]]
        for origin, entry in entries.items():
            if origin != place:
                move = model.new_bool_var(f"within[{unit.unit.id},{origin},{place},{d}]")
                model.add(move <= unit.loc[origin, d])
                if origin > place:
                    model.add(move <= entry)
                self.cost("moves", self.move_cost(origin, place) * move)
                sources.append(move)
        model.add(entries[place] <= unit.loc[place, d])
        model.add_bool_or([unit.loc[place, d].negated(), *sources])

    def _reach_entry(
        self,
        unit: UnitDays,
        place: str,
        d: int,
        entry: Var,
        held: dict[str, list[Var]],
        before: list[Var],
        places: list[str],
    ) -> None:
        """The entry was in use on the unit's previous shooting day, or is one move from a
        décor that was, or the day is the unit's first."""
        model = self.model
        free = model.new_bool_var(f"free[{unit.unit.id},{place},{d}]")
        model.add(free <= (1 - before[d - 1] if d else 1))
        sources: list[Var] = [free]
        if d:
            sources.append(held[place][d - 1])
            for origin in places:
                if origin != place:
                    move = model.new_bool_var(f"move[{unit.unit.id},{origin},{place},{d}]")
                    model.add(move <= held[origin][d - 1])
                    self.cost("moves", self.move_cost(origin, place) * move)
                    sources.append(move)
        model.add_bool_or([entry.negated(), *sources])

    def _cast(self) -> None:
        problem = self.problem
        for member in problem.cast:
            mine = [s for s in problem.scenes if member.id in s.cast]
            self._minor_caps(member.id, member.age, mine)
            units = sorted({s.unit for s in mine})
            if len(units) > 1:
                self._shared_member(member.id, mine, units)
            if len(mine) < 2:
                continue  # an actor in one scene is never held
            present, held = [], []
            for d in range(len(self.days)):
                todays = [var for _, var in self.scenes_on(d, mine)]
                w = self.model.new_bool_var(f"work[{member.id},{d}]")
                h = self.model.new_bool_var(f"hold[{member.id},{d}]")
                if todays:
                    self._or(w, todays)
                else:
                    self.model.add(w == 0)
                self.model.add(w + h <= 1)
                present.append(w + h)  # paid: working or on hold, never both
                held.append(h)
            self._paid_spell(member.id, present, member.drop_min_gap_days)
            cost = euros(member.daily_cost) * problem.weights.holding * MINUTES_PER_HOUR
            self.cost("holding", cost * sum(held))

    def _shared_member(self, member_id: str, mine: list[Scene], units: list[str]) -> None:
        """An actor in two units: one unit a day, the weekly limit across units, and the
        rest between a wrap in one unit and a call in the other (unit times: safe side)."""
        work: dict[str, list[Var]] = {}
        for unit in units:
            work[unit] = []
            for d in range(len(self.days)):
                todays = [v for s, v in self.scenes_on(d, mine) if s.unit == unit]
                w = self.model.new_bool_var(f"work[{member_id},{unit},{d}]")
                if todays:
                    self._or(w, todays)
                else:
                    self.model.add(w == 0)
                work[unit].append(w)
        for d in range(len(self.days)):
            self.require(self.model.add(sum(work[u][d] for u in units) <= 1), f"cast:{member_id}")
        self._consecutive(
            [sum(work[u][d] for u in units) for d in range(len(self.days))], "rules:weekly_rest"
        )
        for first, second in itertools.permutations(units, 2):
            a, b = self.units[first], self.units[second]
            for d in range(len(self.days) - 1):
                for kind_a, kind_b, allowed in self.rest_pairs(d):
                    rest_ok = self.model.add(a.load[d] + self.meal * a.long[d] <= max(allowed, 0))
                    rest_ok.only_enforce_if(
                        [
                            work[first][d],
                            work[second][d + 1],
                            a.types[kind_a][d],
                            b.types[kind_b][d + 1],
                        ]
                    )
                    self.require(rest_ok, "rules:daily_rest")

    def _paid_spell(self, name: str, present: list[Expr], gap: int | None) -> None:
        """Paid from first to last work day; with drop/pick-up, gaps of ``gap`` days or more."""
        if gap is None:
            starts = []
            for d, p in enumerate(present):
                start = self.model.new_bool_var(f"start[{name},{d}]")
                self.model.add(start >= p - (present[d - 1] if d else 0))
                starts.append(start)
            self.model.add_at_most_one(starts)
            return
        for d in range(1, len(present)):
            for k in range(1, gap):
                if d + k < len(present):  # after a drop on day d, no return before d + gap
                    self.model.add(present[d + k] <= present[d] + 1 - present[d - 1])

    def _minor_caps(self, member_id: str, age: int | None, mine: list[Scene]) -> None:
        """Children's daily caps come from a secondary source (uncertain): minutes beyond
        them are allowed but heavily weighted, and reported as findings."""
        weight = self.problem.weights.minor_excess_hour
        for d, when in enumerate(self.days):
            cap = minor_daily_cap_minutes(age, when, self.problem.calendar.school_holidays)
            todays = self.scenes_on(d, mine)
            if cap is not None and todays:
                excess = self.model.new_int_var(0, 24 * 60, f"minor_excess[{member_id},{d}]")
                self.model.add(excess >= sum(self.minutes[s.id] * v for s, v in todays) - cap)
                self.cost("minor_excess", weight * excess)

    def day_of(self, scene_id: str) -> Expr:
        return sum(d * var for (s, d), var in self.x.items() if s == scene_id)

    def _constraints(self) -> None:
        constraints = self.problem.constraints
        for first, second in constraints.precedences:
            self.require(
                self.model.add(self.day_of(first) <= self.day_of(second)),
                f"precedence:{first}<{second}",
            )
        for group in constraints.same_day:
            for a, b in itertools.pairwise(group):
                for d in range(len(self.days)):
                    va, vb = self.x.get((a, d), 0), self.x.get((b, d), 0)
                    if not (isinstance(va, int) and isinstance(vb, int)):
                        self.require(self.model.add(va == vb), f"same_day:{'+'.join(group)}")

    def _changes(self) -> None:
        problem = self.problem
        index = {when: d for d, when in enumerate(self.days)}
        for scene_id, when in problem.previous.items():
            kept = self.x.get((scene_id, index.get(when, -1)))
            penalty = problem.weights.change * MINUTES_PER_HOUR
            self.cost("changes", penalty * (1 - kept) if kept is not None else penalty)

    def _weather(self) -> None:
        """Each exterior day of a unit keeps a cover scene of that unit for later, whose
        décor and cast are free that day; a lost day the unit was to shoot, it shoots one."""
        problem = self.problem
        if not problem.weather_cover.enabled:
            return
        covers = [s for s in problem.scenes if s.weather_cover]
        for unit in self.units.values():
            mine = [c for c in covers if c.unit == unit.unit.id]
            for d in rained_out(problem, unit.unit.id, self.days):
                self.require(
                    self.model.add(sum(self.x.get((c.id, d), 0) for c in mine) >= 1),
                    f"weather:{self.days[d].isoformat()}",
                )
            if problem.previous:
                continue  # re-planning uses the covers left, without promising more
            for d, when in enumerate(self.days):
                exteriors = [v for s, v in self.scenes_on(d, unit.scenes) if s.int_ext == "EXT"]
                if not exteriors:
                    continue
                later = [
                    self.x[c.id, k]
                    for c in mine
                    if cover_available(problem, c, when)
                    for k in range(d + 1, len(self.days))
                    if (c.id, k) in self.x
                ]
                exterior = self.model.new_bool_var(f"exterior[{unit.unit.id},{d}]")
                for var in exteriors:
                    self.model.add(var <= exterior)
                self.require(self.model.add(exterior <= sum(later)), "weather:cover")

    def _symmetry(self) -> None:
        """Interchangeable scenes are shot in id order (removes equivalent solutions)."""
        constraints = self.problem.constraints
        bound = {s for pair in constraints.precedences for s in pair}
        bound |= {s for group in constraints.same_day for s in group}
        bound |= set(constraints.fixed) | set(self.problem.previous)
        classes: dict[tuple[object, ...], list[str]] = defaultdict(list)
        for scene in self.problem.scenes:
            if scene.id not in bound:
                domain = tuple(d for (s, d) in self.x if s == scene.id)
                key = (
                    scene.unit,
                    scene.location,
                    scene.effect,
                    scene.weather_cover,
                    tuple(sorted(scene.cast)),
                    self.minutes[scene.id],
                    domain,
                )
                classes[key].append(scene.id)
        for members in classes.values():
            for a, b in itertools.pairwise(members):
                self.model.add(self.day_of(a) <= self.day_of(b))

    def term_exprs(self) -> dict[str, Expr]:
        return {name: sum(parts) for name, parts in self.terms.items()}
