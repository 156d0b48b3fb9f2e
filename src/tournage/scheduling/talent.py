"""Talent scheduling: the order of scenes that pays the cast the least.

Each actor is paid ``cost`` per day from the first day they film to the last (total
cost C); the idle cost H is the part paid for days without filming (C = H + F, F being
the fixed pay for filming days). Both exact solvers rest on Garcia de la Banda, Stuckey
& Chu (2011): the cost of the next scene depends only on which scenes are already shot,
so a state is a bitmask. Small merged instances are solved outright by the vectorised
subset DP (``talent_dp``); larger ones by the compiled double-ended branch and bound
(``talent_bb``), started from a greedy schedule and, when a short search does not
finish, from one found by local search and exact re-ordering of windows. When time runs
out, the smallest bound of the open nodes is a proven lower bound.
"""

from __future__ import annotations

import itertools
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from tournage.scheduling.errors import SchedulingError
from tournage.scheduling.talent_bb import BranchAndBound
from tournage.scheduling.talent_dp import estimated_seconds, partition_holding, solve_subsets

SUBSET_DP_MAX_SCENES = 16  # up to 2^16 states: the plain subset DP, in milliseconds
WINDOW_SCENES = 12  # windows re-ordered exactly when improving a schedule (~30 ms each)
NODE_BUDGET = 20_000  # branch-and-bound nodes between two looks at the clock
FIRST_BUDGET = 20_000  # nodes searched from the greedy start before any local search
TABLE_BITS_MAX = 22  # transposition table of the branch and bound: at most 2^22 states
GROUP_ACTORS = 4  # actors per group of the partition bound (at most 15 casts: 2^15 states)
PARTITION_SHARE = 30  # the last 1/30 of the time limit, if the search has not finished


@dataclass(frozen=True)
class TalentInstance:
    """``cast[s]`` lists the actors (0-based) of scene ``s``; durations in days."""

    name: str
    cast: tuple[frozenset[int], ...]
    durations: tuple[int, ...]
    costs: tuple[int, ...]

    def __post_init__(self) -> None:
        if len(self.cast) != len(self.durations):
            raise SchedulingError("talent.shape", "Nombre de scènes et de durées différent.")
        if any(d <= 0 for d in self.durations) or any(c < 0 for c in self.costs):
            raise SchedulingError(
                "talent.values", "Durées strictement positives et coûts positifs attendus."
            )
        if any(a < 0 or a >= len(self.costs) for members in self.cast for a in members):
            raise SchedulingError("talent.actor", "Un acteur cité n'a pas de coût journalier.")

    @property
    def fixed_cost(self) -> int:
        """F: pay for the days each actor actually films, whatever the order."""
        return sum(
            d * sum(self.costs[a] for a in members)
            for members, d in zip(self.cast, self.durations, strict=True)
        )


@dataclass(frozen=True)
class TalentCost:
    total: int
    idle: int


@dataclass
class TalentResult:
    """Best order found, its costs and the proof: ``lower_bound`` on the total cost."""

    order: list[int]
    total_cost: int
    idle_cost: int
    lower_bound: int
    optimal: bool
    seconds: float
    expanded: int = 0

    def to_dict(self) -> dict[str, object]:
        return {
            "total_cost": self.total_cost,
            "idle_cost": self.idle_cost,
            "optimal": self.optimal,
            "lower_bound": self.lower_bound,
            "order": self.order,
            "seconds": round(self.seconds, 4),
        }


def evaluate(instance: TalentInstance, order: list[int]) -> TalentCost:
    """Total and idle cost of shooting the scenes in ``order`` (0-based indices)."""
    if sorted(order) != list(range(len(instance.cast))):
        raise SchedulingError("talent.order", "L'ordre doit citer chaque scène une fois.")
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    day = 0
    for scene in order:
        for actor in instance.cast[scene]:
            first.setdefault(actor, day)
            last[actor] = day + instance.durations[scene]
        day += instance.durations[scene]
    total = sum(instance.costs[a] * (last[a] - first[a]) for a in first)
    return TalentCost(total=total, idle=total - instance.fixed_cost)


@dataclass
class _Reduced:
    """Scenes merged by identical cast; empty scenes set aside (shot first, cost nothing)."""

    masks: list[int]
    durations: list[int]
    members: list[list[int]]
    empty: list[int]


def _reduce(instance: TalentInstance) -> _Reduced:
    groups: dict[int, int] = {}
    reduced = _Reduced([], [], [], [])
    for scene, members in enumerate(instance.cast):
        mask = sum(1 << a for a in members)
        if not mask:
            reduced.empty.append(scene)
        elif mask in groups:
            index = groups[mask]
            reduced.durations[index] += instance.durations[scene]
            reduced.members[index].append(scene)
        else:
            groups[mask] = len(reduced.masks)
            reduced.masks.append(mask)
            reduced.durations.append(instance.durations[scene])
            reduced.members.append([scene])
    return reduced


TABLE_BITS = 12
Lookup = Callable[[int], int]


def _weights(values: list[int], union: bool = False) -> Lookup:
    """Sum (or union) of per-bit values of a bitmask, through 12-bit lookup tables.

    The search calls these millions of times: one or two tables get a specialised lookup.
    """
    size, tables = 1 << TABLE_BITS, []
    for start in range(0, max(len(values), 1), TABLE_BITS):
        chunk = values[start : start + TABLE_BITS]
        table = [0]
        for bit in range(TABLE_BITS):  # doubling: the subsets with this bit added
            item = chunk[bit] if bit < len(chunk) else 0
            table += [rest | item for rest in table] if union else [rest + item for rest in table]
        tables.append(table)
    mask = size - 1
    if len(tables) == 1:
        return tables[0].__getitem__
    if len(tables) == 2:
        low_table, high_table = tables
        if union:
            return lambda bits: low_table[bits & mask] | high_table[bits >> TABLE_BITS]
        return lambda bits: low_table[bits & mask] + high_table[bits >> TABLE_BITS]

    def lookup(bits: int) -> int:
        total = 0
        for table in tables:
            total = total | table[bits & mask] if union else total + table[bits & mask]
            bits >>= TABLE_BITS
        return total

    return lookup


@dataclass
class _Search:
    """Lookups over the reduced instance for the heuristics (bitmask sums and unions)."""

    masks: list[int]
    durations: list[int]
    actor_cost: Lookup
    costs: list[int]
    fixed: list[int] = field(init=False)
    actors_of: Lookup = field(init=False)

    def __post_init__(self) -> None:
        self.fixed = [
            d * self.actor_cost(m) for m, d in zip(self.masks, self.durations, strict=True)
        ]
        self.actors_of = _weights(self.masks, union=True)


def _bits(mask: int) -> list[int]:
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out


def _reduced_cost(search: _Search, order: list[int]) -> int:
    total, started = 0, 0
    remaining = (1 << len(search.masks)) - 1
    for scene in order:
        remaining &= ~(1 << scene)
        held = started & search.actors_of(remaining)
        total += search.durations[scene] * search.actor_cost(search.masks[scene] | held)
        started |= search.masks[scene]
    return total


def _complete(search: _Search, front: tuple[int, ...], back: tuple[int, ...]) -> list[int]:
    """Fill the middle greedily: next the scene that keeps the fewest people waiting."""
    placed = 0
    for scene in front + back:
        placed |= 1 << scene
    remaining = ((1 << len(search.masks)) - 1) & ~placed
    started = search.actors_of(placed & ~sum(1 << s for s in back))
    middle = []

    def extra(scene: int) -> int:
        held = started & search.actors_of(remaining)
        return search.durations[scene] * search.actor_cost(held & ~search.masks[scene])

    while remaining:
        best = min(_bits(remaining), key=lambda s: (extra(s), -search.fixed[s]))
        middle.append(best)
        remaining &= ~(1 << best)
        started |= search.masks[best]
    return [*front, *middle, *back[::-1]]


def _improve(search: _Search, order: list[int], deadline: float) -> tuple[list[int], int]:
    """Best single moves (take a scene out, put it elsewhere) until stuck or out of time."""
    cost = _reduced_cost(search, order)
    improved = True
    while improved and time.monotonic() < deadline:
        improved = False
        for i, j in itertools.permutations(range(len(order)), 2):
            candidate = order[:i] + order[i + 1 :]
            candidate.insert(j, order[i])
            candidate_cost = _reduced_cost(search, candidate)
            if candidate_cost < cost:
                order, cost, improved = candidate, candidate_cost, True
                break
    return order, cost


def _reoptimise_windows(
    search: _Search, order: list[int], cost: int, deadline: float
) -> tuple[list[int], int]:
    """Large-neighbourhood descent: re-order windows of consecutive scenes exactly.

    Each window is solved by the subset DP, knowing who filmed before it and who films
    after it; windows overlap by three quarters. Repeats while a pass improves, until the deadline.
    """
    width = min(WINDOW_SCENES, len(order))
    improved = True
    while improved and time.monotonic() < deadline:
        improved = False
        last = len(order) - width
        for start in sorted({*range(0, last + 1, max(width // 4, 1)), last}):
            window = order[start : start + width]
            local, _ = solve_subsets(
                [search.masks[s] for s in window],
                [search.durations[s] for s in window],
                search.costs,
                started=search.actors_of(sum(1 << s for s in order[:start])),
                needed=search.actors_of(sum(1 << s for s in order[start + width :])),
            )
            candidate = order[:start] + [window[i] for i in local] + order[start + width :]
            candidate_cost = _reduced_cost(search, candidate)
            if candidate_cost < cost:
                order, cost, improved = candidate, candidate_cost, True
    return order, cost


def solve_talent(
    instance: TalentInstance,
    time_limit: float = 60.0,
    *,
    subset_dp_max_scenes: int = SUBSET_DP_MAX_SCENES,
) -> TalentResult:
    """Exact talent scheduling; a proven lower bound when the time runs out.

    Up to ``subset_dp_max_scenes`` merged scenes the vectorised subset DP proves the
    optimum outright; beyond, the branch and bound starts from the best heuristic order.
    """
    started = time.monotonic()
    reduced = _reduce(instance)
    scenes = len(reduced.masks)
    if scenes <= subset_dp_max_scenes and estimated_seconds(scenes) <= time_limit:
        groups, _ = solve_subsets(reduced.masks, reduced.durations, list(instance.costs))
        return _result(instance, reduced, groups, None, started, 0)
    return _branch_and_bound(instance, reduced, started, time_limit)


def _result(
    instance: TalentInstance,
    reduced: _Reduced,
    groups: list[int],
    lower: int | None,
    started: float,
    expanded: int,
) -> TalentResult:
    """Expand merged scenes back; ``lower`` is None when the order is proved optimal."""
    order = reduced.empty + [scene for group in groups for scene in reduced.members[group]]
    cost = evaluate(instance, order)
    return TalentResult(
        order=order,
        total_cost=cost.total,
        idle_cost=cost.idle,
        lower_bound=cost.total if lower is None else min(lower, cost.total),
        optimal=lower is None or lower >= cost.total,
        seconds=time.monotonic() - started,
        expanded=expanded,
    )


def heuristic_order(reduced: _Reduced, costs: list[int], deadline: float) -> tuple[list[int], int]:
    """A good first order: greedy, best single moves, then exact windows (to ``deadline``)."""
    search = _Search(reduced.masks, reduced.durations, _weights(costs), costs)
    now = time.monotonic()
    order, cost = _improve(search, _complete(search, (), ()), now + (deadline - now) / 3)
    return _reoptimise_windows(search, order, cost, deadline)


def _branch_and_bound(
    instance: TalentInstance, reduced: _Reduced, started: float, time_limit: float
) -> TalentResult:
    """Greedy start, a first short search (enough for the classic instances), then, if
    the search goes on, a better start from local search before carrying on."""
    if not reduced.masks:
        return _result(instance, reduced, [], None, started, 0)
    costs = list(instance.costs)
    search_lookups = _Search(reduced.masks, reduced.durations, _weights(costs), costs)
    order = _complete(search_lookups, (), ())
    search = BranchAndBound(
        reduced.masks,
        reduced.durations,
        costs,
        upper=_reduced_cost(search_lookups, order) + 1,  # the start is a solution to find again
        order=order,
        table_slots=1 << min(TABLE_BITS_MAX, max(12, len(reduced.masks) - 4)),
    )
    deadline = started + time_limit
    search_deadline = deadline - time_limit / PARTITION_SHARE  # the rest: partition bound
    if not search.run(FIRST_BUDGET) and time.monotonic() < search_deadline:
        heuristic_seconds = min(10.0, time_limit / 6)
        better, upper = heuristic_order(reduced, costs, time.monotonic() + heuristic_seconds)
        search.offer(better, upper)
        while not search.run(NODE_BUDGET) and time.monotonic() < search_deadline:
            pass
    if search.finished:
        return _result(instance, reduced, search.best_order(), None, started, search.nodes)
    floor = instance.fixed_cost + partition_bound(reduced, costs, deadline)
    lower = max(search.lower_bound(), floor)
    return _result(instance, reduced, search.best_order(), lower, started, search.nodes)


def partition_bound(reduced: _Reduced, costs: list[int], deadline: float) -> int:
    """Least holding of any order, from partitions of the actors into groups of four,
    each group's holding minimised alone (``talent_dp.partition_holding``); the best of
    seeded random partitions tried until ``deadline``. Reported when the search is cut
    short: the open nodes of a depth-first search keep the weak bounds of shallow nodes."""
    actors = [a for a in range(len(costs)) if sum(m >> a & 1 for m in reduced.masks) >= 2]
    rng, best = random.Random(0), 0  # noqa: S311 (varied partitions, not secrets)
    while True:
        groups = [
            sum(1 << a for a in actors[i : i + GROUP_ACTORS])
            for i in range(0, len(actors), GROUP_ACTORS)
        ]
        best = max(best, partition_holding(reduced.masks, reduced.durations, costs, groups))
        if time.monotonic() >= deadline or len(actors) <= GROUP_ACTORS:
            return best
        rng.shuffle(actors)
