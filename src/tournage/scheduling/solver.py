"""The plan de travail optimiser: a CP-SAT model of scenes assigned to shooting days.

Written in the style of the OR-Tools CP-SAT examples: one Boolean ``x[s, d]`` per scene and
possible day, linear constraints for the rules, one weighted objective whose terms are the
ones ``evaluate`` reports. The solver's best bound gives the proof of quality (gap).

Every restriction belongs to a named group (an actor's availability, a décor's window, a
locked scene...). When the problem is infeasible the model is rebuilt with one assumption
literal per group and CP-SAT names a set of groups that cannot hold together.
"""

from __future__ import annotations

import itertools
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from ortools.sat.python import cp_model

from tournage.common.findings import Finding, Severity
from tournage.scheduling.evaluate import (
    SUNDAY,
    Evaluation,
    euros,
    evaluate,
    scene_minutes,
)
from tournage.scheduling.model import Problem, Scene
from tournage.scheduling.moves import convoy, distance_km
from tournage.scheduling.rules import (
    WorkRules,
    minor_daily_cap_minutes,
    minor_restricted,
    work_rules,
)

MINUTES_PER_HOUR = 60  # the objective is scaled by 60 so overtime counts per minute


@dataclass(frozen=True)
class SolveOptions:
    time_limit: float = 10.0
    seed: int = 0
    workers: int = 2
    deterministic: bool = True


@dataclass
class Solution:
    status: str
    assignment: dict[str, date]
    evaluation: Evaluation | None
    objective: Decimal | None
    bound: Decimal | None
    seconds: float
    conflicts: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def gap(self) -> float | None:
        if self.objective is None or self.bound is None or not self.objective:
            return None
        return float((self.objective - self.bound) / self.objective)

    def to_dict(self) -> dict[str, object]:
        return {
            "status": self.status,
            "objective_eur": None if self.objective is None else str(self.objective),
            "bound_eur": None if self.bound is None else str(self.bound),
            "gap": None if self.gap is None else round(self.gap, 4),
            "seconds": round(self.seconds, 3),
            "assignment": {k: v.isoformat() for k, v in sorted(self.assignment.items())},
            "schedule": None if self.evaluation is None else self.evaluation.to_dict(),
            "conflicts": [c.to_dict() for c in self.conflicts],
            "notes": self.notes,
        }


class _Builder:
    """Builds the model; in ``explain`` mode restrictions hang on assumption literals."""

    def __init__(self, problem: Problem, explain: bool = False) -> None:
        self.problem, self.explain = problem, explain
        self.rules: WorkRules = work_rules(problem.convention)
        self.days = problem.calendar.days()
        self.model = cp_model.CpModel()
        self.groups: dict[str, cp_model.IntVar] = {}
        self.minutes = {s.id: scene_minutes(problem, s, self.rules) for s in problem.scenes}
        self.x: dict[tuple[str, int], cp_model.IntVar] = {}
        self.objective: list[cp_model.LinearExprT] = []

    # -- restriction groups -------------------------------------------------------------
    def group(self, name: str) -> cp_model.IntVar:
        if name not in self.groups:
            self.groups[name] = self.model.new_bool_var(name)
        return self.groups[name]

    def require(self, constraint: cp_model.Constraint, group: str) -> None:
        if self.explain:
            constraint.only_enforce_if(self.group(group))

    def _implies(self, a: cp_model.LinearExprT, b: cp_model.LinearExprT) -> None:
        # written as a <= b so that the LP relaxation (and the bound) sees it
        self.model.add(a <= b)

    def _max_of(self, target: cp_model.IntVar, literals: list[cp_model.IntVar]) -> None:
        for literal in literals:
            self._implies(literal, target)
        self.model.add(target <= sum(literals))

    # -- model ----------------------------------------------------------------------------
    def build(self) -> None:
        self._assign()
        self._days()
        self._effects()
        self._cast()
        self._locations()
        self._constraints()
        self._changes()
        if not self.explain:
            self._symmetry()
            self.model.minimize(sum(self.objective))
        else:
            self.model.add_assumptions(list(self.groups.values()))

    def _forbidden(self, scene: Scene, when: date) -> list[str]:
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
        for member in map(problem.member, scene.cast):
            if not member.available_on(when):
                reasons.append(f"cast:{member.id}")
            if when.weekday() == SUNDAY and minor_restricted(member.age, "no_sunday_work"):
                reasons.append(f"minor:{member.id}")
        return reasons

    def _assign(self) -> None:
        for scene in self.problem.scenes:
            options = []
            for d, when in enumerate(self.days):
                reasons = self._forbidden(scene, when)
                if reasons and not self.explain:
                    continue
                var = self.model.new_bool_var(f"x[{scene.id},{when}]")
                self.x[scene.id, d] = var
                options.append(var)
                for reason in reasons:
                    self.model.add(var == 0).only_enforce_if(self.group(reason))
            self.model.add_exactly_one(options)

    def scenes_on(
        self, d: int, scenes: Iterable[Scene] | None = None
    ) -> list[tuple[Scene, cp_model.IntVar]]:
        pool = self.problem.scenes if scenes is None else scenes
        return [(s, self.x[s.id, d]) for s in pool if (s.id, d) in self.x]

    def _days(self) -> None:
        weights, rules = self.problem.weights, self.rules
        self.used = [self.model.new_bool_var(f"used[{d}]") for d in range(len(self.days))]
        self.load = []
        for d in range(len(self.days)):
            todays = self.scenes_on(d)
            for _, var in todays:
                self._implies(var, self.used[d])
            load = sum(self.minutes[s.id] * var for s, var in todays)
            self.load.append(load)
            self.require(self.model.add(load <= rules.max_daily_minutes), "rules:day_length")
            overtime = self.model.new_int_var(0, 24 * 60, f"overtime[{d}]")
            self.model.add(overtime >= load - rules.normal_day_minutes)
            self.objective.append(weights.overtime_hour * overtime)
        # the crew is engaged from the first working day to the wrap of the last shooting day
        opened = [self.model.new_bool_var(f"open[{d}]") for d in range(len(self.days))]
        for d, is_open in enumerate(opened):
            self._implies(self.used[d], is_open)
            if d:
                self._implies(is_open, opened[d - 1])
            self.objective.append(weights.shooting_day * MINUTES_PER_HOUR * is_open)
        self._consecutive_days()
        # redundant: enough days for the total shooting time (tightens the bound)
        total = sum(self.minutes.values())
        self.model.add(sum(self.used) >= -(-total // rules.max_daily_minutes))
        self.model.add(sum(self.load) == total)

    def _consecutive_days(self) -> None:
        limit = self.rules.max_consecutive_days
        for d in range(len(self.days) - limit):
            window = self.days[d : d + limit + 1]
            if (window[-1] - window[0]).days == limit:
                self.require(
                    self.model.add(sum(self.used[d : d + limit + 1]) <= limit), "rules:weekly_rest"
                )

    def _effects(self) -> None:
        """No day mixes JOUR and NUIT; a night followed by a day needs the daily rest."""
        self.night: list[cp_model.IntVar] = []
        self.light: list[cp_model.IntVar] = []
        for d in range(len(self.days)):
            night = self.model.new_bool_var(f"night[{d}]")
            light = self.model.new_bool_var(f"day[{d}]")
            for scene, var in self.scenes_on(d):
                self._implies(var, night if scene.day_night == "NUIT" else light)
            self.model.add_bool_or([night.negated(), light.negated()])
            self.night.append(night)
            self.light.append(light)
        problem, rest = self.problem, timedelta(hours=self.rules.daily_rest_hours)
        for d in range(len(self.days) - 1):
            call = datetime.combine(self.days[d], problem.night_call)
            next_call = datetime.combine(self.days[d + 1], problem.day_call)
            allowed = int((next_call - rest - call).total_seconds() // 60)
            if allowed < self.rules.max_daily_minutes:
                rest_ok = self.model.add(self.load[d] <= max(allowed, 0))
                rest_ok.only_enforce_if([self.night[d], self.light[d + 1]])
                self.require(rest_ok, "rules:daily_rest")
            switch = self.model.new_bool_var(f"switch[{d}]")
            self.model.add_bool_or([self.night[d].negated(), self.light[d + 1].negated(), switch])
            self.objective.append(problem.weights.night_to_day * MINUTES_PER_HOUR * switch)

    def _cast(self) -> None:
        problem = self.problem
        for member in problem.cast:
            mine = [s for s in problem.scenes if member.id in s.cast]
            self._minor_caps(member.id, member.age, mine)
            if len(mine) < 2:
                continue  # an actor in one scene is never held
            present, held = [], []
            for d in range(len(self.days)):
                todays = [var for _, var in self.scenes_on(d, mine)]
                w = self.model.new_bool_var(f"work[{member.id},{d}]")
                h = self.model.new_bool_var(f"hold[{member.id},{d}]")
                if todays:
                    self._max_of(w, todays)
                else:
                    self.model.add(w == 0)
                self.model.add(w + h <= 1)
                present.append(w + h)  # paid: working or on hold, never both
                held.append(h)
            self._paid_spell(member.id, present, member.drop_min_gap_days)
            cost = euros(member.daily_cost) * problem.weights.holding * MINUTES_PER_HOUR
            self.objective.append(cost * sum(held))

    def _paid_spell(self, name: str, present: list[cp_model.LinearExpr], gap: int | None) -> None:
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
                self.objective.append(weight * excess)

    def _locations(self) -> None:
        problem, weights = self.problem, self.problem.weights
        per_km = convoy(problem.convoy).kgco2e_per_km
        ids = [loc.id for loc in problem.locations]
        loc: dict[tuple[str, int], cp_model.IntVar] = {}
        for d in range(len(self.days)):
            for place in ids:
                todays = [v for s, v in self.scenes_on(d) if s.location == place]
                if todays:
                    loc[place, d] = self.model.new_bool_var(f"loc[{place},{d}]")
                    self._max_of(loc[place, d], todays)
            todays_places = [loc[p, d] for p in ids if (p, d) in loc]
            self.require(
                self.model.add(sum(todays_places) <= problem.max_locations_per_day),
                "rules:locations_per_day",
            )

        def move_cost(a: str, b: str) -> int:
            km = distance_km(problem, a, b)
            extra = (
                0
                if km is None
                else euros(Decimal(str(round(km, 1))) * (weights.km + weights.kgco2e * per_km))
            )
            return (weights.company_move + extra) * MINUTES_PER_HOUR

        for a, b in itertools.combinations(ids, 2):  # first day: a move between its décors
            if (a, 0) in loc and (b, 0) in loc:
                both = self.model.new_bool_var(f"pair[{a},{b}]")
                self.model.add_bool_or([loc[a, 0].negated(), loc[b, 0].negated(), both])
                self.objective.append(move_cost(a, b) * both)
        for (place, d), here in loc.items():
            if d == 0:
                continue
            sources = []
            for origin in ids:
                if origin != place and (origin, d - 1) in loc:
                    move = self.model.new_bool_var(f"move[{origin},{place},{d}]")
                    self._implies(move, loc[origin, d - 1])
                    self.objective.append(move_cost(origin, place) * move)
                    sources.append(move)
            stayed = loc.get((place, d - 1))
            kept = [stayed] if stayed is not None else []
            # after an idle working day the move is not charged here (evaluate charges it)
            idle_before = self.used[d - 1].negated()
            self.model.add_bool_or([here.negated(), *sources, *kept, idle_before])

    def day_of(self, scene_id: str) -> cp_model.LinearExprT:
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
            self.objective.append(penalty * (1 - kept) if kept is not None else penalty)

    def _symmetry(self) -> None:
        """Interchangeable scenes are shot in id order (removes equivalent solutions)."""
        bound = {s for pair in self.problem.constraints.precedences for s in pair}
        bound |= {s for group in self.problem.constraints.same_day for s in group}
        bound |= set(self.problem.constraints.fixed) | set(self.problem.previous)
        classes: dict[tuple[object, ...], list[str]] = defaultdict(list)
        for scene in self.problem.scenes:
            if scene.id not in bound:
                domain = tuple(d for (s, d) in self.x if s == scene.id)
                key = (
                    scene.location,
                    scene.effect,
                    tuple(sorted(scene.cast)),
                    self.minutes[scene.id],
                    domain,
                )
                classes[key].append(scene.id)
        for members in classes.values():
            for a, b in itertools.pairwise(members):
                self.model.add(self.day_of(a) <= self.day_of(b))

    def simple_bound(self) -> Decimal:
        """A bound that needs no search: crew days and overtime for the total shooting time
        (the cheapest split between them), plus one move into every décor but the first."""
        weights, rules = self.problem.weights, self.rules
        total = sum(self.minutes.values())
        fewest = -(-total // rules.max_daily_minutes)
        most = max(fewest, -(-total // rules.normal_day_minutes))
        crew = min(
            Decimal(weights.shooting_day * days)
            + Decimal(weights.overtime_hour * max(0, total - rules.normal_day_minutes * days)) / 60
            for days in range(fewest, most + 1)
        )
        decors = len({scene.location for scene in self.problem.scenes})
        return crew + weights.company_move * max(0, decors - 1)

    def hint(self, assignment: dict[str, date], seconds: float) -> None:
        """Start from ``assignment``: fix the scene days in a copy of the model, let CP-SAT
        derive every other variable, and hint the complete solution."""
        index = {when: d for d, when in enumerate(self.days)}
        chosen = {(s, index[when]) for s, when in assignment.items() if when in index}
        fixed = self.model.clone()
        for key, var in self.x.items():
            fixed.add(fixed.get_bool_var_from_proto_index(var.index) == int(key in chosen))
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = seconds
        solver.parameters.num_workers = 1
        if solver.solve(fixed) in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            values = list(solver.response_proto.solution)
            self.model.clear_hints()  # type: ignore[no-untyped-call]
            for i, value in enumerate(values):
                self.model.add_hint(self.model.get_int_var_from_proto_index(i), value)
        else:
            for key, var in self.x.items():
                self.model.add_hint(var, key in chosen)


def _parameters(solver: cp_model.CpSolver, options: SolveOptions) -> None:
    solver.parameters.num_workers = options.workers
    solver.parameters.random_seed = options.seed
    solver.parameters.max_time_in_seconds = options.time_limit
    if options.deterministic:
        # interleaved workers and a deterministic-time budget give the same answer each run,
        # as long as that budget is reached before the wall-clock limit
        solver.parameters.interleave_search = True
        solver.parameters.max_deterministic_time = options.time_limit


def solve(problem: Problem, options: SolveOptions | None = None) -> Solution:
    """Best schedule within the time limit, its bound, or the constraints that conflict."""
    options = options or SolveOptions()
    started = time.monotonic()
    builder = _Builder(problem)
    builder.build()
    start = greedy(problem)
    builder.hint(start, seconds=max(0.5, options.time_limit / 5))
    solver = cp_model.CpSolver()
    _parameters(solver, options)
    status = solver.solve(builder.model)
    notes = list(builder.rules.notes)
    if status == cp_model.INFEASIBLE:
        return Solution(
            "infeasible",
            {},
            None,
            None,
            None,
            time.monotonic() - started,
            conflicts=explain(problem, options),
            notes=notes,
        )
    candidates = []
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        found = {
            s: builder.days[d] for (s, d), var in builder.x.items() if solver.boolean_value(var)
        }
        candidates.append((evaluate(problem, found), found))
    if len(start) == len(problem.scenes):  # the starting schedule, if it breaks no rule
        evaluation = evaluate(problem, start)
        if not evaluation.breaks_rules:
            candidates.append((evaluation, start))
    if not candidates:
        return Solution(
            "unknown",
            {},
            None,
            None,
            None,
            time.monotonic() - started,
            notes=[*notes, "Aucune solution trouvée dans le temps imparti."],
        )
    evaluation, assignment = min(candidates, key=lambda pair: pair[0].objective)
    if assignment is start and status != cp_model.OPTIMAL:
        notes.append("Le solveur n'a pas amélioré le planning de départ dans le temps imparti.")
    searched = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    proven = Decimal(0)
    if searched:
        proven = Decimal(round(solver.best_objective_bound)) / MINUTES_PER_HOUR
    bound = min(max(proven, builder.simple_bound()), evaluation.objective)
    optimal = status == cp_model.OPTIMAL and evaluation.objective == bound
    return Solution(
        "optimal" if optimal else "feasible",
        assignment,
        evaluation,
        evaluation.objective,
        bound.quantize(Decimal("0.01")),
        time.monotonic() - started,
        notes=notes,
    )


_GROUP_MESSAGES = {
    "cast": "disponibilités de {name}",
    "location": "fenêtres du décor {name}",
    "fixed": "scène {name} verrouillée à une date",
    "shot": "scène {name} déjà tournée",
    "minor": "règles des mineurs pour {name}",
    "precedence": "ordre imposé {name}",
    "same_day": "scènes {name} le même jour",
    "rules": "règle {name}",
}


def explain(problem: Problem, options: SolveOptions) -> list[Finding]:
    """Name a set of restriction groups that cannot all hold (CP-SAT assumptions core)."""
    builder = _Builder(problem, explain=True)
    builder.build()
    solver = cp_model.CpSolver()
    _parameters(solver, options)
    solver.parameters.num_workers = 1  # the assumptions core needs a single worker
    if solver.solve(builder.model) != cp_model.INFEASIBLE:
        return [
            Finding(
                "infeasible.unknown", Severity.FAIL, "Problème impossible, cause non identifiée."
            )
        ]
    names = {var.index: name for name, var in builder.groups.items()}
    core = _minimal(
        [names[i] for i in solver.sufficient_assumptions_for_infeasibility()], builder, solver
    )
    if not core:
        return [
            Finding(
                "infeasible.calendar",
                Severity.FAIL,
                "Le calendrier est trop court pour toutes les scènes.",
            )
        ]
    return [_conflict(problem, name) for name in sorted(core)]


def _minimal(
    core: list[str], builder: _Builder, solver: cp_model.CpSolver, attempts: int = 20
) -> list[str]:
    """Drop groups the conflict does not need (deletion filter, a bounded number of tries)."""
    kept = list(core)
    for name in list(core)[:attempts]:
        trial = [group for group in kept if group != name]
        builder.model.clear_assumptions()
        builder.model.add_assumptions([builder.groups[group] for group in trial])
        if solver.solve(builder.model) == cp_model.INFEASIBLE:
            kept = trial
    return kept


def _conflict(problem: Problem, group: str) -> Finding:
    kind, _, key = group.partition(":")
    name = key
    if kind in ("cast", "minor"):
        name = problem.member(key).name
    elif kind == "location":
        name = problem.location(key).name
    return Finding(
        f"conflict.{kind}", Severity.FAIL, _GROUP_MESSAGES[kind].format(name=name), subject=key
    )


def _tour(problem: Problem) -> list[str]:
    """Décors in nearest-neighbour order from the first one (fewer, shorter moves)."""
    remaining = [loc.id for loc in problem.locations]
    tour = [remaining.pop(0)] if remaining else []
    while remaining:
        here = tour[-1]
        nearest = min(remaining, key=lambda o: (distance_km(problem, here, o) or 0.0, o))
        remaining.remove(nearest)
        tour.append(nearest)
    return tour


def greedy(problem: Problem) -> dict[str, date]:
    """A quick schedule to start from: décor after décor along a short tour, filling days.

    Respects each scene's allowed days, the day length, the no-mixing of day and night
    and the number of décors per day; scenes that fit nowhere stay unassigned.
    """
    builder = _Builder(problem)
    rules, days = builder.rules, builder.days
    load = [0] * len(days)
    night: list[bool | None] = [None] * len(days)
    places: list[set[str]] = [set() for _ in days]
    assignment: dict[str, date] = {}
    rank = {place: i for i, place in enumerate(_tour(problem))}
    ordered = sorted(problem.scenes, key=lambda s: (rank[s.location], s.day_night, s.cast, s.id))
    rest = timedelta(hours=rules.daily_rest_hours)

    def rested(d: int, extra: int, is_night: bool) -> bool:
        """A night on day d followed by a day on d + 1 leaves the daily rest."""

        def ok(n: int, minutes: int) -> bool:
            wrap = datetime.combine(days[n], problem.night_call) + timedelta(minutes=minutes)
            return datetime.combine(days[n + 1], problem.day_call) - wrap >= rest

        if is_night:
            return d + 1 >= len(days) or night[d + 1] is not False or ok(d, load[d] + extra)
        return d == 0 or night[d - 1] is not True or ok(d - 1, load[d - 1])

    cursor = 0
    for scene in ordered:
        minutes, is_night = builder.minutes[scene.id], scene.day_night == "NUIT"
        for d in range(cursor, len(days)):
            fits = (
                (load[d] + minutes <= rules.normal_day_minutes or not load[d])
                and (night[d] in (None, is_night))
                and len(places[d] | {scene.location}) <= (problem.max_locations_per_day)
                and not builder._forbidden(scene, days[d])
                and (rested(d, minutes, is_night))
            )
            if fits:
                load[d] += minutes
                night[d] = is_night
                places[d].add(scene.location)
                assignment[scene.id] = days[d]
                cursor = d if d == cursor or not load[cursor] else cursor
                break
    return assignment
