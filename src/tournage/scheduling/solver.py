"""The plan de travail optimiser: CP-SAT on the model of ``cpmodel``, then large
neighbourhood search, with a proof of quality term by term.

1. A starting schedule: the constructive one (``greedy``) or a previous version (warm
   start), whichever is cheaper and breaks no rule; CP-SAT completes it into a hint.
2. Lower bounds per term (``bounds``) and the LP relaxation's (``lpbound``), computed
   without search, are added to the model as cuts and reported in ``bound_terms``.
3. CP-SAT on the whole model for part of the time: a better schedule and its own bound.
4. Large neighbourhood search for the rest: free the scenes of a window of days, of one
   actor or of one décor, keep the others where they are, re-solve; keep improvements.
   The neighbourhoods come from a seeded generator and each step has a deterministic
   budget, so a seed gives one schedule.

Infeasible problems are explained by naming the groups of restrictions that conflict.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from ortools.sat.python import cp_model

from tournage.common.findings import Finding, Severity
from tournage.scheduling.bounds import TermBounds, proof, term_bounds
from tournage.scheduling.construct import greedy
from tournage.scheduling.cpmodel import MINUTES_PER_HOUR, Builder
from tournage.scheduling.evaluate import Evaluation, evaluate, rained_out
from tournage.scheduling.lpbound import lp_bound
from tournage.scheduling.model import Problem
from tournage.scheduling.moves import distance_km
from tournage.scheduling.tours import Toured, along, tour_search, tours

TOUR_SHARE = 0.3  # of the time limit at most for the tour search (décor blocks re-ordered)
FULL_SHARE = 0.3  # of the time limit for CP-SAT on the whole model, the rest for LNS
LARGE = 60  # scenes: above, the whole model gets a tenth of the time (LNS does better)
STEP_WORK = 0.5  # deterministic budget of one neighbourhood (CP-SAT's work units)
WINDOW_DAYS = (6, 10)  # days freed by a window neighbourhood
SCATTERED_DAYS = 4  # days anywhere in the schedule freed together
MIN_SEARCH = 1.0  # seconds left after building the model, at least, to run CP-SAT
LP_SHARE = 0.15  # of the time limit at most for the LP relaxation (no bound if longer)
# above, the relaxation is not tried: at 120 scenes x 48 days (5,760 scene-days) GLOP had
# not finished after 150 s on this machine (load 14), and building it takes seconds more
LP_MAX_SCENE_DAYS = 2000


@dataclass(frozen=True)
class SolveOptions:
    time_limit: float = 10.0
    seed: int = 0
    workers: int = 2
    deterministic: bool = True
    warm_start: dict[str, date] | None = None  # a previous version to start from
    lns: bool = True
    lp: bool = True  # the LP relaxation's bound (GLOP), within LP_SHARE of the time


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
    bound_terms: dict[str, str] = field(default_factory=dict)
    proof: dict[str, dict[str, str]] = field(default_factory=dict)  # per term: paid, bound
    start_objective: Decimal | None = None
    improvements: int = 0
    first_seconds: float | None = None  # when a lawful schedule was first known

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
            "bound_terms": self.bound_terms,
            "proof": self.proof,
            "gap": None if self.gap is None else round(self.gap, 4),
            "start_objective_eur": (
                None if self.start_objective is None else str(self.start_objective)
            ),
            "seconds": round(self.seconds, 3),
            "assignment": {k: v.isoformat() for k, v in sorted(self.assignment.items())},
            "schedule": None if self.evaluation is None else self.evaluation.to_dict(),
            "conflicts": [c.to_dict() for c in self.conflicts],
            "notes": self.notes,
        }


def _parameters(
    solver: cp_model.CpSolver, options: SolveOptions, seconds: float, seed: int | None = None
) -> None:
    solver.parameters.num_workers = options.workers
    solver.parameters.random_seed = options.seed if seed is None else seed
    solver.parameters.max_time_in_seconds = seconds
    if options.deterministic:
        # interleaved workers and a deterministic-time budget give the same answer each run,
        # as long as that budget is reached before the wall-clock limit
        solver.parameters.interleave_search = True
        solver.parameters.max_deterministic_time = seconds


@dataclass
class _Incumbent:
    assignment: dict[str, date]
    evaluation: Evaluation

    @property
    def objective(self) -> Decimal:
        return self.evaluation.objective


def solve(problem: Problem, options: SolveOptions | None = None) -> Solution:
    """Best schedule within the time limit, its bound, or the constraints that conflict."""
    options = options or SolveOptions()
    started = time.monotonic()
    deadline = started + options.time_limit
    builder = Builder(problem)
    # the constructive start needs only the allowed days, not the model: a lawful schedule
    # exists within a second or two, however long the model takes to build
    start, toured = _starting_point(problem, builder, options)
    first = None if start is None else time.monotonic() - started
    current, improvements = start, 0
    if start is not None and toured and options.lns:
        tour_deadline = started + TOUR_SHARE * options.time_limit
        current, improvements = _improve_tour(problem, builder, start, toured, tour_deadline)
    builder.build()
    bounds = term_bounds(problem, builder.rules, builder.days, builder.allowed)
    relaxed = _relaxation(problem, builder, bounds, options)
    _cut(builder, bounds, relaxed)
    solver = cp_model.CpSolver()
    notes = list(builder.rules.notes)
    if current is not None and deadline - time.monotonic() < MIN_SEARCH:
        # the model took the time (a loaded machine): the lawful start is the answer
        status = cp_model.UNKNOWN
        notes.append("Temps imparti épuisé par la construction du modèle : planning de départ.")
    else:
        status = _search(problem, builder, solver, current, options, deadline)
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
    best = current
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        found = _read(builder, solver)
        candidate = _Incumbent(found, evaluate(problem, found))
        if best is None or candidate.objective < best.objective:
            best = candidate
        first = time.monotonic() - started if first is None else first
    if best is None:
        return Solution(
            "unknown",
            {},
            None,
            None,
            None,
            time.monotonic() - started,
            notes=[*notes, "Aucune solution trouvée dans le temps imparti."],
        )
    proven = Decimal(0)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        proven = Decimal(round(solver.best_objective_bound)) / MINUTES_PER_HOUR
    bound = min(max(proven, bounds.total, relaxed or Decimal(0)), best.objective)
    if options.lns and status != cp_model.OPTIMAL and bound < best.objective:
        best, gains = _lns(problem, builder, best, options, deadline)
        improvements += gains
    bound = min(bound, best.objective)
    if start is not None and best.objective >= start.objective:
        notes.append("Le solveur n'a pas amélioré le planning de départ dans le temps imparti.")
    optimal = best.objective == bound
    return Solution(
        "optimal" if optimal else "feasible",
        best.assignment,
        best.evaluation,
        best.objective,
        bound.quantize(Decimal("0.01")),
        time.monotonic() - started,
        notes=notes,
        bound_terms=_bound_terms(bounds, relaxed, proven),
        proof=proof(problem, best.evaluation, bounds),
        start_objective=None if start is None else start.objective,
        improvements=improvements,
        first_seconds=first,
    )


def _search(
    problem: Problem,
    builder: Builder,
    solver: cp_model.CpSolver,
    start: _Incumbent | None,
    options: SolveOptions,
    deadline: float,
) -> Any:
    """CP-SAT on the whole model from the start (or the constructive partial schedule)."""
    if start is not None:
        _hint(builder, start.assignment, seconds=max(0.5, options.time_limit / 10))
    else:  # the scenes the constructive schedule could place, for CP-SAT to repair
        index = {when: d for d, when in enumerate(builder.days)}
        partial = {(s, index[when]) for s, when in greedy(problem, builder).items()}
        for key, var in builder.x.items():
            builder.model.add_hint(var, key in partial)
    remaining = max(0.5, deadline - time.monotonic())
    share = FULL_SHARE if len(problem.scenes) <= LARGE else FULL_SHARE / 3
    if start is None or not options.lns:
        share = 1.0  # nothing to improve yet: the whole model until a first schedule
        solver.parameters.stop_after_first_solution = options.lns
    _parameters(solver, options, remaining * share)
    return solver.solve(builder.model)


def _relaxation(
    problem: Problem, builder: Builder, bounds: TermBounds, options: SolveOptions
) -> Decimal | None:
    """The LP relaxation's bound on crew, overtime and holding together, plus the other
    terms' own bounds; ``None`` when GLOP does not finish in its share of the time."""
    if not options.lp or len(builder.x) > LP_MAX_SCENE_DAYS:
        return None
    seconds = options.time_limit * LP_SHARE
    relaxed = lp_bound(
        problem, builder.rules, builder.days, builder.allowed, builder.minutes, seconds
    )
    if relaxed is None:
        return None
    return relaxed + bounds.moves + bounds.minor_excess + bounds.changes


def _bound_terms(bounds: TermBounds, relaxed: Decimal | None, proven: Decimal) -> dict[str, str]:
    """The bound of each term, then the bounds of the whole: the terms' sum (``total``),
    the LP relaxation with the other terms' bounds, CP-SAT's own (``solver``)."""
    cents = Decimal("0.01")
    terms = bounds.to_dict()
    if relaxed is not None:
        terms["lp_relaxation"] = str(relaxed.quantize(cents))
    terms["solver"] = str(proven.quantize(cents))
    return terms


def _cut(builder: Builder, bounds: TermBounds, relaxed: Decimal | None) -> None:
    """Each term's bound as a constraint on that term, and the relaxation's on the whole
    objective (scaled like the objective: euros per minute of overtime)."""
    terms = builder.term_exprs()
    scale = MINUTES_PER_HOUR
    if relaxed is not None:
        builder.model.add(sum(builder.objective) >= int(relaxed * scale))
    crew: Any = terms.get("crew", 0) + terms.get("overtime", 0)
    builder.model.add(crew >= int(bounds.crew * scale))
    if "moves" in terms:
        builder.model.add(terms["moves"] >= bounds.moves * scale)
    if "holding" in terms:
        builder.model.add(terms["holding"] >= bounds.holding * scale)


def _starting_point(
    problem: Problem, builder: Builder, options: SolveOptions
) -> tuple[_Incumbent | None, list[Toured]]:
    """The cheapest lawful start: greedy along each tour, a re-plan after rain or the warm
    start; with the greedy ones (the tour search starts from them)."""
    normal = builder.rules.normal_day_minutes
    toured = [
        t for t in (along(problem, builder, tr, normal) for tr in tours(problem, builder)) if t
    ]
    candidates = [t.assignment for t in toured] + cover_swaps(problem, builder.days)
    if options.warm_start:
        candidates.append(
            {s: d for s, d in options.warm_start.items() if s in {x.id for x in problem.scenes}}
        )
    best: _Incumbent | None = None
    for assignment in candidates:
        if len(assignment) != len(problem.scenes):
            continue
        evaluation = evaluate(problem, assignment)
        if not evaluation.breaks_rules and (best is None or evaluation.objective < best.objective):
            best = _Incumbent(assignment, evaluation)
    return best, toured


def _improve_tour(
    problem: Problem, builder: Builder, start: _Incumbent, toured: list[Toured], deadline: float
) -> tuple[_Incumbent, int]:
    """The tour search's schedule when it beats the start, with its gains."""
    found, gains = tour_search(problem, builder, toured, deadline)
    if found.evaluation.objective < start.objective:
        return _Incumbent(found.assignment, found.evaluation), gains
    return start, 0


def cover_swaps(problem: Problem, days: list[date]) -> list[dict[str, date]]:
    """Re-plans of a rained-out day: the unit shoots a cover scene planned later, and its
    scenes of the lost day take the cover's place, or a new day after its last one.
    Candidates only: the solver keeps the cheapest that breaks no rule."""
    if not (problem.weather_cover.enabled and problem.previous):
        return []
    previous, candidates = problem.previous, []
    last = max((days.index(day) for day in previous.values() if day in days), default=0)
    for unit in problem.units:
        mine = [s for s in problem.scenes if s.unit == unit.id and s.id in previous]
        for d in rained_out(problem, unit.id, days):
            lost = days[d]
            covers = [s for s in mine if s.weather_cover and previous[s.id] > lost]
            for cover in sorted(covers, key=lambda s: previous[s.id]):
                targets = [previous[cover.id], *days[last + 1 : last + 2]]
                for target in targets:
                    trial = dict(previous)
                    for scene in mine:
                        if previous[scene.id] == lost:
                            trial[scene.id] = target
                    trial[cover.id] = lost
                    candidates.append(trial)
    return candidates


def _read(builder: Builder, solver: cp_model.CpSolver) -> dict[str, date]:
    return {s: builder.days[d] for (s, d), var in builder.x.items() if solver.boolean_value(var)}


def _set(model: cp_model.CpModel, var: cp_model.IntVar, value: int) -> None:
    """Fix a Boolean of a copied model (its domain [0, 1] becomes [value, value])."""
    domain = model.proto.variables[var.index].domain
    domain[0] = value
    domain[1] = value


def _fix(model: cp_model.CpModel, builder: Builder, chosen: set[tuple[str, int]]) -> None:
    """Fix the scene variables to the ``chosen`` (scene, day) pairs in a copy of the model."""
    for key, var in builder.x.items():
        _set(model, var, int(key in chosen))


def _hint(builder: Builder, assignment: dict[str, date], seconds: float) -> None:
    """Start from ``assignment``: fix the scene days in a copy of the model, let CP-SAT
    derive every other variable, and hint the complete solution."""
    index = {when: d for d, when in enumerate(builder.days)}
    chosen = {(s, index[when]) for s, when in assignment.items() if when in index}
    fixed = builder.model.clone()
    _fix(fixed, builder, chosen)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = 1
    if solver.solve(fixed) in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        values = list(solver.response_proto.solution)
        builder.model.clear_hints()  # type: ignore[no-untyped-call]
        for i, value in enumerate(values):
            builder.model.add_hint(builder.model.get_int_var_from_proto_index(i), value)
    else:
        for key, var in builder.x.items():
            builder.model.add_hint(var, key in chosen)


def _neighbourhood(
    problem: Problem, builder: Builder, incumbent: _Incumbent, rng: random.Random
) -> tuple[set[str], set[int] | None]:
    """Scenes to free and, for a window, the days they may use (``None``: any day).

    A window of days (re-order them), a few days anywhere (exchange their scenes), a décor
    with its two nearest (regroup them), or an actor who is held, weighted by their hold
    cost (bring their days together)."""
    assignment = incumbent.assignment
    index = {when: d for d, when in enumerate(builder.days)}
    held = incumbent.evaluation.terms.get("holding_days", {})
    held = {m: n for m, n in held.items() if n} if isinstance(held, dict) else {}
    kind = rng.choice(("window", "days", "decor", "actor" if held else "window"))
    if kind == "actor":
        names = sorted(held)
        weights = [held[m] * float(problem.member(m).daily_cost or 1) for m in names]
        member = rng.choices(names, weights=weights)[0]
        mine = [s.id for s in problem.scenes if member in s.cast]
        centre = sorted(index[assignment[s]] for s in mine)[len(mine) // 2]
        days = set(range(max(0, centre - 4), min(len(builder.days), centre + 5)))
        return set(mine) | {s for s, when in assignment.items() if index[when] in days}, days
    if kind == "decor":
        place = rng.choice(problem.locations).id
        near = sorted(problem.locations, key=lambda loc: distance_km(problem, place, loc.id) or 0.0)
        close = {loc.id for loc in near[:3]}
        return {s.id for s in problem.scenes if s.location in close}, None
    if kind == "days":  # a few days far apart exchange their scenes
        used = sorted({index[when] for when in assignment.values()})
        days = set(rng.sample(used, min(len(used), SCATTERED_DAYS)))
        return {s for s, when in assignment.items() if index[when] in days}, days
    width = rng.randint(*WINDOW_DAYS)
    last = max(index[d] for d in assignment.values())
    first = rng.randint(0, max(0, last - width + 1))
    days = set(range(first, first + width))
    return {s for s, when in assignment.items() if index[when] in days}, days


def _lns(
    problem: Problem,
    builder: Builder,
    incumbent: _Incumbent,
    options: SolveOptions,
    deadline: float,
    steps: int | None = None,
) -> tuple[_Incumbent, int]:
    """Destroy and repair until the deadline (or ``steps`` neighbourhoods); returns the
    best schedule and its gains."""
    rng = random.Random(options.seed)  # noqa: S311 (varied neighbourhoods, not secrets)
    index = {when: d for d, when in enumerate(builder.days)}
    improvements, step = 0, 0
    while time.monotonic() + 0.2 < deadline and (steps is None or step < steps):
        step += 1
        free, days = _neighbourhood(problem, builder, incumbent, rng)
        model = builder.model.clone()
        for (scene, d), var in builder.x.items():
            if scene not in free:
                _set(model, var, int(incumbent.assignment[scene] == builder.days[d]))
            elif days is not None and d not in days:
                _set(model, var, 0)
        model.clear_hints()  # type: ignore[no-untyped-call]
        for (scene, d), var in builder.x.items():
            model.add_hint(var, index[incumbent.assignment[scene]] == d)
        solver = cp_model.CpSolver()
        # one worker on a deterministic budget: each step gives the same answer every run
        solver.parameters.num_workers = 1
        solver.parameters.random_seed = options.seed + step
        solver.parameters.max_deterministic_time = STEP_WORK
        solver.parameters.max_time_in_seconds = max(0.1, deadline - time.monotonic())
        if solver.solve(model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            continue
        found = _read(builder, solver)
        evaluation = evaluate(problem, found)
        if evaluation.objective < incumbent.objective and not evaluation.breaks_rules:
            incumbent = _Incumbent(found, evaluation)
            improvements += 1
    return incumbent, improvements


_GROUP_MESSAGES = {
    "cast": "disponibilités de {name}",
    "location": "fenêtres du décor {name}",
    "fixed": "scène {name} verrouillée à une date",
    "shot": "scène {name} déjà tournée",
    "minor": "règles des mineurs pour {name}",
    "precedence": "ordre imposé {name}",
    "same_day": "scènes {name} le même jour",
    "rules": "règle {name}",
    "weather": "journée perdue (météo) du {name}",
}


def explain(problem: Problem, options: SolveOptions) -> list[Finding]:
    """Name a set of restriction groups that cannot all hold (CP-SAT assumptions core)."""
    builder = Builder(problem, explain=True)
    builder.build()
    solver = cp_model.CpSolver()
    _parameters(solver, options, options.time_limit)
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
    core: list[str], builder: Builder, solver: cp_model.CpSolver, attempts: int = 20
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
