"""Talent scheduling: the order of scenes that pays the cast the least.

Each actor is paid ``cost`` per day from the first day they film to the last (total
cost C); the idle cost H is the part paid for days without filming (C = H + F, F being
the fixed pay for filming days). Both exact solvers rest on Garcia de la Banda, Stuckey
& Chu (2011): the cost of the next scene depends only on which scenes are already shot,
so a state is a bitmask. Small merged instances are solved outright by the vectorised
subset DP (``talent_dp``). Larger ones go to a double-ended best-first (A*) search whose
admissible bound adds, to the fixed pay still due, the least holding of the actors
already on location (Qin et al. 2016 use a similar pair bound). At any moment the
smallest open f-value is a proven lower bound.
"""

from __future__ import annotations

import heapq
import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from tournage.scheduling.errors import SchedulingError
from tournage.scheduling.talent_dp import estimated_seconds, solve_subsets

ORDER_DP_MAX_ACTORS = 8  # above, the cheaper pair-matching bound is used
SUBSET_DP_MAX_SCENES = 24  # up to 2^24 states (~450 MB, ~10 s): the plain subset DP
WINDOW_SCENES = 12  # windows re-ordered exactly when improving a schedule (~30 ms each)


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
        table = [0] * size
        for value in range(1, size):
            low = (value & -value).bit_length() - 1
            item = chunk[low] if low < len(chunk) else 0
            rest = table[value & (value - 1)]
            table[value] = rest | item if union else rest + item
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
    """Precomputed data of the reduced instance, and the double-ended bound.

    A state places scenes at both ends: ``front`` is shot first, ``back`` last. An actor
    seen at both ends is paid through every remaining scene; one seen at a single end is
    paid from that end to their last remaining scene on the other side.
    """

    masks: list[int]
    durations: list[int]
    actor_cost: Lookup
    scene_days: Lookup
    actor_scenes: list[int]
    costs: list[int]
    fixed: list[int] = field(init=False)
    fixed_of: Lookup = field(init=False)
    actors_of: Lookup = field(init=False)

    def __post_init__(self) -> None:
        self.fixed = [
            d * self.actor_cost(m) for m, d in zip(self.masks, self.durations, strict=True)
        ]
        self.fixed_of = _weights(self.fixed)
        self.actors_of = _weights(self.masks, union=True)
        self.cache: dict[tuple[int, int, int], int] = {}
        self.order_cache: dict[tuple[int, ...], int] = {}

    def bound(self, remaining: int, front_actors: int, back_actors: int) -> int:
        """Admissible lower bound on the cost of shooting ``remaining`` in the middle.

        Fixed pay of the remaining scenes; actors seen at both ends wait through every
        remaining scene without them; among actors seen at one end only, disjoint pairs
        add the holding one of the two must bear (whichever leaves last waits through
        the other's scenes it is not in).
        """
        present = self.actors_of(remaining)
        # one-sided actors without remaining scenes change nothing below: normalise them away
        key = (
            remaining,
            front_actors & (present | back_actors),
            back_actors & (present | front_actors),
        )
        known = self.cache.get(key)
        if known is not None:
            return known
        total = self.fixed_of(remaining)
        days = self.scene_days(remaining)
        for actor in _bits(front_actors & back_actors):
            total += self.costs[actor] * (
                days - self.scene_days(self.actor_scenes[actor] & remaining)
            )
        for side in (front_actors & ~back_actors & present, back_actors & ~front_actors & present):
            total += self._order_holding(remaining, side)
        self.cache[key] = total
        return total

    def _order_holding(self, remaining: int, actors: int) -> int:
        """Least holding of actors held from one end, over every order in which they leave.

        Whoever leaves later waits through the remaining scenes of everyone who left
        earlier; a DP over subsets of these actors (the last to leave is chosen last).
        """
        ids = _bits(actors)
        if len(ids) > ORDER_DP_MAX_ACTORS:
            return self._pair_holding(remaining, actors)
        own = [self.actor_scenes[a] & remaining for a in ids]
        key_exact = (actors, *own)
        known = self.order_cache.get(key_exact)
        if known is not None:
            return known
        size = 1 << len(ids)
        union, best = [0] * size, [0] * size
        for subset in range(1, size):
            low = subset & -subset
            union[subset] = union[subset ^ low] | own[low.bit_length() - 1]
            if subset == low:
                continue
            value, rest_bits = -1, subset
            while rest_bits:
                last = rest_bits & -rest_bits
                rest_bits ^= last
                z = last.bit_length() - 1
                before = subset ^ last
                cost = best[before] + self.costs[ids[z]] * self.scene_days(union[before] & ~own[z])
                if value < 0 or cost < value:
                    value = cost
            best[subset] = value
        self.order_cache[key_exact] = best[size - 1]
        return best[size - 1]

    def _pair_holding(self, remaining: int, actors: int) -> int:
        pairs = []
        for a, b in itertools.combinations(_bits(actors), 2):
            only_a = self.actor_scenes[a] & remaining & ~self.actor_scenes[b]
            only_b = self.actor_scenes[b] & remaining & ~self.actor_scenes[a]
            value = min(
                self.costs[b] * self.scene_days(only_a), self.costs[a] * self.scene_days(only_b)
            )
            if value:
                pairs.append((value, a, b))
        pairs.sort(reverse=True)
        used = holding = 0
        for value, a, b in pairs:
            both = (1 << a) | (1 << b)
            if not used & both:
                used |= both
                holding += value
        return holding


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


@dataclass(frozen=True)
class _Node:
    f: int
    g: int
    front: int
    back: int
    front_order: tuple[int, ...]
    back_order: tuple[int, ...]


def solve_talent(
    instance: TalentInstance,
    time_limit: float = 60.0,
    *,
    subset_dp_max_scenes: int = SUBSET_DP_MAX_SCENES,
) -> TalentResult:
    """Exact talent scheduling; anytime lower bound.

    Up to ``subset_dp_max_scenes`` merged scenes, and when it should finish within the
    time limit, the vectorised subset DP proves the optimum outright; otherwise a
    double-ended best-first search gives the best order found and a lower bound.
    """
    started = time.monotonic()
    reduced = _reduce(instance)
    scenes = len(reduced.masks)
    if scenes <= subset_dp_max_scenes and estimated_seconds(scenes) <= time_limit:
        groups, _ = solve_subsets(reduced.masks, reduced.durations, list(instance.costs))
        return _result(instance, reduced, groups, None, started, 0)
    return _search_talent(instance, reduced, started, time_limit)


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
        lower_bound=cost.total if lower is None else lower,
        optimal=lower is None,
        seconds=time.monotonic() - started,
        expanded=expanded,
    )


def _search_talent(
    instance: TalentInstance, reduced: _Reduced, started: float, time_limit: float
) -> TalentResult:
    """Double-ended best-first search over the scenes left to shoot."""
    deadline = started + time_limit
    n, m = len(reduced.masks), len(instance.costs)
    actor_scenes = [
        sum(1 << s for s, mask in enumerate(reduced.masks) if mask >> a & 1) for a in range(m)
    ]
    search = _Search(
        reduced.masks,
        reduced.durations,
        _weights(list(instance.costs)),
        _weights(reduced.durations),
        actor_scenes,
        list(instance.costs),
    )
    everything = (1 << n) - 1
    incumbent, upper = _improve(
        search, _complete(search, (), ()), started + min(1.0, time_limit / 10)
    )
    incumbent, upper = _reoptimise_windows(
        search, incumbent, upper, started + min(3.0, time_limit / 5)
    )
    best_g: dict[tuple[int, int, int, bool], int] = {}
    root = _Node(search.bound(everything, 0, 0), 0, 0, 0, (), ())
    # ties on f: deeper first (-g), it reaches complete schedules sooner
    heap: list[tuple[int, int, int, _Node]] = [(root.f, 0, 0, root)]
    expanded, lower, finished, pushed = 0, root.f, True, 0
    while heap:
        node = heapq.heappop(heap)[3]
        if node.f >= upper:
            break
        if node.g > best_g.get(_state(search, node, everything), node.g):
            continue
        lower = max(lower, node.f)
        if node.front | node.back == everything:
            upper, incumbent = node.g, list(node.front_order + node.back_order[::-1])
            break
        expanded += 1
        if expanded % 256 == 0 and time.monotonic() > deadline:
            finished = False
            break
        if expanded % 2048 == 0:  # dive: complete the most promising partial schedule
            dive, dive_cost = _improve(
                search,
                _complete(search, node.front_order, node.back_order),
                time.monotonic() + 0.05,
            )
            if dive_cost < upper:
                incumbent, upper = dive, dive_cost
        for child in _children(search, node, everything):
            key = _state(search, child, everything)
            if child.f < upper and child.g < best_g.get(key, upper):
                best_g[key] = child.g
                pushed += 1
                heapq.heappush(heap, (child.f, -child.g, pushed, child))
    return _result(instance, reduced, incumbent, None if finished else lower, started, expanded)


def _state(search: _Search, node: _Node, everything: int) -> tuple[int, int, int, bool]:
    """What the cost of finishing a partial schedule depends on (Qin et al.'s state cache).

    The scenes left, the actors started at each end who still matter (they have scenes
    left, or were seen at the other end), and whether the mirror cut is still to apply.
    Two partial schedules with the same state finish at the same cost: keep the cheaper.
    """
    remaining = everything & ~(node.front | node.back)
    front, back = search.actors_of(node.front), search.actors_of(node.back)
    present = search.actors_of(remaining)
    return (remaining, front & (present | back), back & (present | front), not node.back_order)


def _children(search: _Search, node: _Node, everything: int) -> list[_Node]:
    """Place one more scene, alternately at the front and at the back.

    A scene whose cast is exactly the actors held at that end goes first: it costs only
    people paid anyway and starts nobody early. The first back scene has a larger index
    than the first front scene (a schedule and its mirror cost the same).
    """
    at_front = len(node.front_order) <= len(node.back_order)
    remaining = everything & ~(node.front | node.back)
    front_actors, back_actors = search.actors_of(node.front), search.actors_of(node.back)
    mine, other = (front_actors, back_actors) if at_front else (back_actors, front_actors)
    candidates = _bits(remaining)
    if not at_front and not node.back_order:
        candidates = [s for s in candidates if s > node.front_order[0]] or candidates
    held = mine & (search.actors_of(remaining) | other)
    forced = [s for s in candidates if held and search.masks[s] == held]
    children = []
    for scene in forced[:1] or candidates:
        rest = remaining & ~(1 << scene)
        on_location = search.masks[scene] | (mine & (search.actors_of(rest) | other))
        g = node.g + search.durations[scene] * search.actor_cost(on_location)
        if at_front:
            front, back = node.front | 1 << scene, node.back
            orders = ((*node.front_order, scene), node.back_order)
            actors = (front_actors | search.masks[scene], back_actors)
        else:
            front, back = node.front, node.back | 1 << scene
            orders = (node.front_order, (*node.back_order, scene))
            actors = (front_actors, back_actors | search.masks[scene])
        f = g + search.bound(rest, *actors)
        children.append(_Node(f, g, front, back, *orders))
    return children
