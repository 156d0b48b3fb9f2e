"""Exact talent scheduling by double-ended branch and bound, compiled with numba.

After Qin, Zhang, Lim & Liang (2016) and Garcia de la Banda, Stuckey & Chu (2011), in our
own implementation: a depth-first search fills the schedule alternately from the front
and from the back; a node is pruned when its cost so far plus a lower bound on the middle
reaches the best schedule known. The lower bound adds

- the fixed pay of the scenes left;
- for every actor seen at both ends, every remaining day without them (they wait through
  the whole middle);
- for the actors seen at one end only, the least holding over the orders in which they
  can leave (exact over up to ``ORDER_DP_ACTORS`` actors, else the pairs of a greedy
  matching, each pair counted once: whoever of the two leaves later waits through the
  other's scenes without them).

A transposition table keeps, per state (the scenes left, and the actors started at each
end who still matter), the cheapest cost so far and a lower bound on the rest, raised to
the value of the state's subtree once it is searched: a second path to the same state is
cut when its cost is no lower, or when its cost plus that bound reaches the best schedule.
A scene whose cast is exactly the actors held at the current end goes first (it costs only
people paid anyway); more generally a scene is cut when another one holding every actor
waiting at that end starts no actor it does not start (``_dominated``). The first back
scene has a larger index than the first front scene (mirror schedules cost the same).

Set arithmetic on up to 62 scenes and 62 actors is done on int64 bitmasks; sums over sets
of scenes go through byte lookup tables. All search state lives in numpy arrays so that the
compiled loop can stop after a node budget and resume: the Python caller checks the clock
between calls and, when out of time, reads a proven lower bound off the open nodes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from numba import njit

I64 = npt.NDArray[np.int64]
MAX_BITS = 62
ORDER_DP_ACTORS = 7
TABLE_SLOTS = 1 << 22  # transposition table entries (5 int64 each: 160 MiB)
PROBES = 4
BYTE = 256

# scalars of the search, kept in one array between calls
DEPTH, UPPER, NODES, DONE = range(4)
# columns of a node: scenes placed at the front and back, actors started at each end, cost
# so far, side of its children, last front and back levels, least bound of its subtree
FRONT_SCENES, BACK_SCENES, FRONT, BACK, COST, SIDE, LAST_FRONT, LAST_BACK, LOW = range(9)
NO_BOUND = np.int64(1) << 62


@njit(cache=True, inline="always")
def _sum(table: I64, bits: np.int64) -> np.int64:
    """Sum over the set bits of ``bits`` of per-bit values, via 8 byte tables."""
    total = np.int64(0)
    k = 0
    while bits:
        total += table[k, bits & 255]
        bits >>= 8
        k += 1
    return total


@njit(cache=True, inline="always")
def _union(table: I64, bits: np.int64) -> np.int64:
    out = np.int64(0)
    k = 0
    while bits:
        out |= table[k, bits & 255]
        bits >>= 8
        k += 1
    return out


def _byte_tables(values: list[int], union: bool) -> I64:
    """Per byte k of a bitmask, the sum (or union) of ``values[8k:8k+8]`` over every byte
    value, built by doubling."""
    tables = np.zeros((8, BYTE), dtype=np.int64)
    for k in range(8):
        for bit in range(8):
            index = 8 * k + bit
            item = values[index] if index < len(values) else 0
            low = tables[k, : 1 << bit]
            tables[k, 1 << bit : 2 << bit] = (low | item) if union else low + item
    return tables


@njit(cache=True)
def _side_bound(
    actors: np.int64,
    remaining: np.int64,
    actor_scenes: I64,
    costs: I64,
    days: I64,
    ids: I64,
    own: I64,
    best: I64,
    cover: I64,
    weight: I64,
) -> np.int64:
    """Least holding of the actors held from one end until their last remaining scene."""
    k = 0
    a = 0
    bits = actors
    while bits:
        if bits & 1:
            ids[k] = a
            own[k] = actor_scenes[a] & remaining
            k += 1
        bits >>= 1
        a += 1
    if k < 2:
        return np.int64(0)
    if k <= ORDER_DP_ACTORS:
        size = 1 << k
        best[0] = 0
        cover[0] = 0
        for subset in range(1, size):
            low = subset & -subset
            z0 = 0
            while (low >> z0) != 1:
                z0 += 1
            cover[subset] = cover[subset ^ low] | own[z0]
            if subset == low:
                best[subset] = 0
                continue
            value = np.int64(-1)
            rest = subset
            z = 0
            while rest:
                if rest & 1:
                    before = subset ^ (1 << z)
                    cost = best[before] + costs[ids[z]] * _sum(days, cover[before] & ~own[z])
                    if value < 0 or cost < value:
                        value = cost
                rest >>= 1
                z += 1
            best[subset] = value
        return np.int64(best[size - 1])
    # greedy matching of pairs: whoever of the two leaves later waits through the other's scenes
    for i in range(k):
        for j in range(i + 1, k):
            left = costs[ids[j]] * _sum(days, own[i] & ~own[j])
            right = costs[ids[i]] * _sum(days, own[j] & ~own[i])
            weight[i * k + j] = left if left < right else right
    return _greedy_matching(weight, k)


@njit(cache=True)
def _greedy_matching(weight: I64, k: int) -> np.int64:
    """Sum of the pairs picked heaviest first, each of the ``k`` actors in one pair at most
    (``weight[i * k + j]``, i < j, the pair's least holding)."""
    used = np.int64(0)
    total = np.int64(0)
    while True:
        pick = np.int64(0)
        pi = -1
        pj = -1
        for i in range(k):
            if used >> i & 1:
                continue
            for j in range(i + 1, k):
                if used >> j & 1:
                    continue
                if weight[i * k + j] > pick:
                    pick, pi, pj = weight[i * k + j], i, j
        if pi < 0:
            return total
        total += pick
        used |= (np.int64(1) << pi) | (np.int64(1) << pj)


@njit(cache=True)
def _cheap_bound(
    remaining: np.int64, front: np.int64, back: np.int64, tables: I64, actor_scenes: I64, costs: I64
) -> np.int64:
    """Fixed pay of the scenes left, plus the actors seen at both ends waiting through them."""
    days = tables[1]
    total = _sum(tables[0], remaining)
    span = _sum(days, remaining)
    a = 0
    bits = front & back
    while bits:
        if bits & 1:
            total += costs[a] * (span - _sum(days, actor_scenes[a] & remaining))
        bits >>= 1
        a += 1
    return total


@njit(cache=True)
def _bound(
    remaining: np.int64,
    front: np.int64,
    back: np.int64,
    masks: I64,
    tables: I64,
    actor_scenes: I64,
    costs: I64,
    work: I64,
    enough: np.int64,
) -> np.int64:
    """Admissible lower bound on the cost of shooting ``remaining`` in the middle.

    The cheaper terms come first: once the bound reaches ``enough`` (the node is cut
    anyway), the flows are not computed."""
    days = tables[1]
    present = _union(tables[2], remaining)
    total = _cheap_bound(remaining, front, back, tables, actor_scenes, costs)
    ids, own, best, cover = work[0], work[1], work[2], work[3]
    front_only = front & ~back & present
    back_only = back & ~front & present
    weight = work[7]  # the pair bound's scratch, free until it runs
    front_side = _side_bound(
        front_only, remaining, actor_scenes, costs, days, ids, own, best, cover, weight
    )
    back_side = _side_bound(
        back_only, remaining, actor_scenes, costs, days, ids, own, best, cover, weight
    )
    sides = front_side + back_side
    pairs = _pair_bound(front_only, back_only, remaining, actor_scenes, costs, days, work)
    if total + max(sides, pairs) >= enough:
        return total + max(sides, pairs)
    cuts, pure, no_front, no_back = _cut_bound(
        remaining, front_only, back_only, front | back, masks, tables, actor_scenes, costs, work
    )
    return total + max(sides + pure, front_side + no_front, back_side + no_back, pairs, cuts)


@njit(cache=True)
def _cut_bound(
    remaining: np.int64,
    front_only: np.int64,
    back_only: np.int64,
    started: np.int64,
    masks: I64,
    tables: I64,
    actor_scenes: I64,
    costs: I64,
    work: I64,
) -> tuple[np.int64, np.int64, np.int64, np.int64]:
    """Per remaining scene, a flow of paid actors that must wait through it; the sums over
    all scenes, over the scenes without any actor seen at one end only, over those
    without any front-only actor and over those without any back-only actor.

    Chain a front actor, actors who share a remaining scene two by two, and a back actor:
    their spans cover the whole middle, so every scene with none of them falls inside one
    of their spans and that one waits. The actors waiting through a scene therefore cut
    every such chain; a flow from the front actors to the back ones (capacity: daily
    cost) is a lower bound on their daily cost (max-flow min-cut, flow found greedily).
    The other sums can be added to ``_side_bound`` of both ends, of the front, of the
    back: it charges an end's actors only through scenes with one of them.
    """
    days, casts = tables[1], tables[2]
    adj, layers, residual = work[8], work[9], work[10]
    # actors that can wait: started at one end, or not started with two scenes left
    seen = np.int64(0)
    multi = np.int64(0)
    bits, s = remaining, 0
    while bits:
        if bits & 1:
            multi |= seen & masks[s]
            seen |= masks[s]
        bits >>= 1
        s += 1
    nodes = front_only | back_only | (multi & ~started)
    zero = np.int64(0)
    if not front_only or not back_only:
        return zero, zero, zero, zero
    bits, a = nodes, 0
    while bits:
        if bits & 1:
            adj[a] = _union(casts, actor_scenes[a] & remaining) & nodes & ~(np.int64(1) << a)
        bits >>= 1
        a += 1
    total, pure, no_front, no_back = zero, zero, zero, zero
    bits, s = remaining, 0
    while bits:
        if bits & 1:
            value = _sum(days, np.int64(1) << s) * _scene_flow(
                nodes & ~masks[s], front_only, back_only, adj, layers, residual, costs
            )
            total += value
            if not masks[s] & front_only:
                no_front += value
            if not masks[s] & back_only:
                no_back += value
            if not masks[s] & (front_only | back_only):
                pure += value
        bits >>= 1
        s += 1
    return total, pure, no_front, no_back


@njit(cache=True)
def _scene_flow(
    alive: np.int64,
    sources: np.int64,
    sinks: np.int64,
    adj: I64,
    layers: I64,
    residual: I64,
    costs: I64,
) -> np.int64:
    """Greedy vertex-capacitated flow from ``sources`` to ``sinks`` within ``alive``."""
    bits, a = alive, 0
    while bits:
        if bits & 1:
            residual[a] = costs[a]
        bits >>= 1
        a += 1
    flow = np.int64(0)
    while True:
        frontier = sources & alive
        if not frontier or not (sinks & alive):
            return flow
        visited = frontier
        depth = 0
        layers[0] = frontier
        hit = frontier & sinks
        while not hit:
            nxt = np.int64(0)
            bits, a = frontier, 0
            while bits:
                if bits & 1:
                    nxt |= adj[a]
                bits >>= 1
                a += 1
            nxt &= alive & ~visited
            if not nxt:
                return flow
            depth += 1
            layers[depth] = nxt
            visited |= nxt
            frontier = nxt
            hit = nxt & sinks
        # walk back from one sink hit to a source, one vertex per layer
        v = 0
        while not (hit >> v & 1):
            v += 1
        bottleneck = residual[v]
        path = np.int64(1) << v
        current = v
        for level in range(depth - 1, -1, -1):
            candidates = layers[level] & adj[current]
            u = 0
            while not (candidates >> u & 1):
                u += 1
            current = u
            path |= np.int64(1) << u
            if residual[u] < bottleneck:
                bottleneck = residual[u]
        flow += bottleneck
        bits, a = path, 0
        while bits:
            if bits & 1:
                residual[a] -= bottleneck
                if residual[a] == 0:
                    alive &= ~(np.int64(1) << a)
            bits >>= 1
            a += 1


@njit(cache=True)
def _pair_bound(
    front_only: np.int64,
    back_only: np.int64,
    remaining: np.int64,
    actor_scenes: I64,
    costs: I64,
    days: I64,
    work: I64,
) -> np.int64:
    """Greedy matching over pairs of actors seen at one end only, each pair counted once.

    Two actors of the same end: whoever leaves (or arrives) second waits through the
    other's scenes without them. One of each end who share a scene left: every remaining
    scene with neither of them falls before the first one leaves or after the second one
    arrives, so one of the two waits through it.
    """
    ids, own, side, weight = work[4], work[5], work[6], work[7]
    k = 0
    a = 0
    bits = front_only | back_only
    while bits:
        if bits & 1:
            ids[k] = a
            own[k] = actor_scenes[a] & remaining
            side[k] = 0 if front_only >> a & 1 else 1
            k += 1
        bits >>= 1
        a += 1
    if k < 2:
        return np.int64(0)
    for i in range(k):
        ci = costs[ids[i]]
        for j in range(i + 1, k):
            cj = costs[ids[j]]
            if side[i] == side[j]:
                left = cj * _sum(days, own[i] & ~own[j])
                right = ci * _sum(days, own[j] & ~own[i])
                value = left if left < right else right
            elif own[i] & own[j]:
                value = (ci if ci < cj else cj) * _sum(days, remaining & ~(own[i] | own[j]))
            else:
                value = np.int64(0)
            weight[i * k + j] = value
    return _greedy_matching(weight, k)


@njit(cache=True, inline="always")
def _hash(a: np.int64, b: np.int64, c: np.int64, mask: int) -> int:
    h = (a * np.int64(0x9E3779B97F4A7C1)) ^ (b * np.int64(0x7F4A7C159E3779B)) ^ c
    h ^= h >> 29
    h *= np.int64(0xBF58476D1CE4E5B)
    h ^= h >> 32
    return int(h & mask)


@njit(cache=True)
def _find(table: I64, key0: np.int64, key1: np.int64, key2: np.int64) -> tuple[int, int]:
    """The entry of a state if stored, else -1; and the entry to take for it (a free one
    of the probes, or the first)."""
    mask = table.shape[0] - 1
    slot = _hash(key0, key1, key2, mask)
    free = -1
    for probe in range(PROBES):
        i = (slot + probe) & mask
        if table[i, 3] < 0:
            if free < 0:
                free = i
            continue
        if table[i, 0] == key0 and table[i, 1] == key1 and table[i, 2] == key2:
            return i, i
    return -1, free if free >= 0 else slot


@njit(cache=True)
def _slot(table: I64, key0: np.int64, key1: np.int64, key2: np.int64) -> int:
    """The entry of a state: its own if stored (``table[i, 3]`` >= 0), else a new one
    (overwriting a free or the oldest-placed entry; losing it only loses a cut)."""
    found, i = _find(table, key0, key1, key2)
    if found >= 0:
        return found
    table[i, 0] = key0
    table[i, 1] = key1
    table[i, 2] = key2
    table[i, 3] = -1
    return i


@njit(cache=True)
def _raise_value(table: I64, key0: np.int64, key1: np.int64, key2: np.int64, h: np.int64) -> None:
    """Record that the rest of a state, its subtree searched, costs at least ``h``."""
    i, _ = _find(table, key0, key1, key2)
    if i >= 0 and h > table[i, 4]:
        table[i, 4] = h


@njit(cache=True)
def _relevant(remaining: np.int64, front: np.int64, back: np.int64, masks: I64) -> np.int64:
    """Actors whose place in the order still matters: seen at one end only with scenes
    left, or not started with two scenes left or more (the others cost the same anyway)."""
    seen = np.int64(0)
    multi = np.int64(0)
    bits, s = remaining, 0
    while bits:
        if bits & 1:
            multi |= seen & masks[s]
            seen |= masks[s]
        bits >>= 1
        s += 1
    return ((front ^ back) & seen) | (multi & ~(front | back))


@njit(cache=True)
def _allowed(
    scene: int, remaining: np.int64, key: np.int64, relevant: np.int64, masks: I64, at_front: bool
) -> bool:
    """Twins (same cast among the relevant actors) are interchangeable: they are shot in
    index order, so the front takes the lowest and the back the highest of them."""
    bits, s = remaining, 0
    while bits:
        if bits & 1 and s != scene and masks[s] & relevant == key and (s < scene) == at_front:
            return False
        bits >>= 1
        s += 1
    return True


@njit(cache=True)
def _swap_gains(
    s: int,
    t: int,
    mine: np.int64,
    later: np.int64,
    masks: I64,
    durations: I64,
    actor_cost: I64,
) -> bool:
    """True if shooting ``s`` then ``t`` (next to each other, from one end) costs strictly
    less than ``t`` then ``s``: ``mine`` are the actors already started at that end and
    ``later`` those needed after both (adjacent pairwise interchange)."""
    a_s, a_t = masks[s], masks[t]
    t_alone = _sum(actor_cost, a_t | (mine & (a_s | later)))
    s_after = _sum(actor_cost, a_s | ((mine | a_t) & later))
    s_alone = _sum(actor_cost, a_s | (mine & (a_t | later)))
    t_after = _sum(actor_cost, a_t | ((mine | a_s) & later))
    t_first = durations[t] * t_alone + durations[s] * s_after
    s_first = durations[s] * s_alone + durations[t] * t_after
    return bool(s_first < t_first)


@njit(cache=True)
def _leaders(
    remaining: np.int64,
    waiting: np.int64,
    mine: np.int64,
    relevant: np.int64,
    masks: I64,
    dominant: I64,
) -> int:
    """The scenes that can go next at this end at no extra waiting: those with every
    actor held at this end (``waiting``); ``dominant`` gets, for each, its index and the
    relevant actors it would start. Returns how many."""
    count = 0
    bits, s = remaining, 0
    while bits:
        if bits & 1 and masks[s] & waiting == waiting:
            dominant[2 * count] = s
            dominant[2 * count + 1] = masks[s] & relevant & ~mine
            count += 1
        bits >>= 1
        s += 1
    return count


@njit(cache=True)
def _dominated(
    scene: int,
    waiting: np.int64,
    mine: np.int64,
    relevant: np.int64,
    masks: I64,
    dominant: I64,
    leaders: int,
) -> bool:
    """True if a leader starts no relevant actor that ``scene`` does not start too.

    Moving such a leader from anywhere later to just before ``scene`` costs nothing: it
    then holds only people paid anyway (the actors waiting at this end are in it, those
    seen at both ends wait through the whole middle), it starts nobody earlier than
    ``scene`` would, and every scene it jumps over keeps the same actors or fewer on
    location. Leaders starting exactly the same actors are twins, left to ``_allowed``."""
    new = masks[scene] & relevant & ~mine
    leader = masks[scene] & waiting == waiting
    for k in range(leaders):
        other = dominant[2 * k + 1]
        if dominant[2 * k] == scene or other & ~new:
            continue
        if other != new or not leader:
            return True
    return False


@njit(cache=True)
def _first_choice(scene: int, relevant: np.int64, masks: I64, dominant: I64, leaders: int) -> bool:
    """True if ``scene`` is searched as the first scene of the schedule (not cut by a
    leader nor by a twin of lower index). Mirror schedules cost the same, so the first
    back scene can be limited to those after the first front scene only among these;
    any other one, whatever its index, stays (its reverse order is not searched)."""
    key = masks[scene] & relevant
    if _dominated(scene, np.int64(0), np.int64(0), relevant, masks, dominant, leaders):
        return False
    everything = np.int64(0)
    for s in range(masks.shape[0]):
        everything |= np.int64(1) << s
    return _allowed(scene, everything, key, relevant, masks, True)


@njit(cache=True)
def _children(
    level: int,
    at_front: bool,
    everything: np.int64,
    masks: I64,
    durations: I64,
    tables: I64,
    actor_scenes: I64,
    costs: I64,
    state: I64,
    path: I64,
    out: I64,
    upper: np.int64,
    dominant: I64,
) -> int:
    """Children of the node at ``level`` placing one scene at one end, sorted by a cheap
    f (the full bound of a child is computed only when the child is visited). The node's
    value starts at the least f of the children cut here."""
    casts = tables[2]
    state[level, LOW] = NO_BOUND
    placed_front, placed_back = state[level, 0], state[level, 1]
    front, back, g = state[level, 2], state[level, 3], state[level, 4]
    remaining = everything & ~(placed_front | placed_back)
    mine = front if at_front else back
    other = back if at_front else front
    present = _union(casts, remaining)
    relevant = _relevant(remaining, front, back, masks)
    waiting = mine & ~other & present & relevant
    forced = -1
    if waiting:
        bits, s = remaining, 0
        while bits:
            if bits & 1 and masks[s] & relevant == waiting:
                forced = s
                if at_front:
                    break  # the lowest twin at the front, the highest at the back
            bits >>= 1
            s += 1
    first_back = not at_front and placed_back == 0
    root_relevant = (
        _relevant(everything, np.int64(0), np.int64(0), masks) if first_back else np.int64(0)
    )
    previous = int(state[level, 6 if at_front else 7])
    leaders = 0
    if forced < 0 and ((placed_front and placed_back) or level == 0):
        leaders = _leaders(remaining, waiting, mine, relevant, masks, dominant)
    elif first_back:
        leaders = _leaders(everything, np.int64(0), np.int64(0), root_relevant, masks, dominant)
    count = 0
    bits, s = remaining, 0
    while bits:
        take = bits & 1
        bits >>= 1
        scene = s
        s += 1
        if not take or (forced >= 0 and scene != forced):
            continue
        if first_back:
            if scene <= path[0] and _first_choice(scene, root_relevant, masks, dominant, leaders):
                continue  # mirror cut: the reverse order is searched from the front
        elif leaders and _dominated(scene, waiting, mine, relevant, masks, dominant, leaders):
            continue
        key = masks[scene] & relevant
        if forced < 0 and not _allowed(scene, remaining, key, relevant, masks, at_front):
            continue
        rest = remaining & ~(np.int64(1) << scene)
        later = _union(casts, rest) | other
        # the previous scene of this end is followed directly by this one: skip the pair
        # when the other order is strictly cheaper (a cut that depends on the path, so
        # the child's bound still counts in the node's value below)
        swapped = (
            previous >= 0
            and forced < 0
            and _swap_gains(
                scene,
                int(path[previous]),
                state[previous, 2 if at_front else 3],
                later,
                masks,
                durations,
                tables[3],
            )
        )
        on_location = masks[scene] | (mine & later)
        child_g = g + durations[scene] * _sum(tables[3], on_location)
        if at_front:
            new_front, new_back = front | masks[scene], back
        else:
            new_front, new_back = front, back | masks[scene]
        f = child_g
        if rest:
            rest_present = _union(casts, rest)
            key1 = new_front & (rest_present | new_back)
            key2 = new_back & (rest_present | new_front)
            f += _cheap_bound(rest, key1, key2, tables, actor_scenes, costs)
        if swapped or f >= upper:
            if f < state[level, LOW]:
                state[level, LOW] = f
            continue
        i = count
        while i > 0 and out[i - 1, 0] > f:
            out[i, 0] = out[i - 1, 0]
            out[i, 1] = out[i - 1, 1]
            out[i, 2] = out[i - 1, 2]
            i -= 1
        out[i, 0] = f
        out[i, 1] = scene
        out[i, 2] = child_g
        count += 1
    return count


@njit(cache=True)
def _expand(
    level: int,
    everything: np.int64,
    masks: I64,
    durations: I64,
    tables: I64,
    actor_scenes: I64,
    costs: I64,
    state: I64,
    kids: I64,
    counts: I64,
    cursor: I64,
    path: I64,
    upper: np.int64,
    work: I64,
) -> None:
    """Branch alternately at the front and at the back (the first scene goes in front)."""
    args = (everything, masks, durations, tables, actor_scenes, costs, state, path)
    side = level % 2
    count = _children(level, side == 0, *args, kids[level], upper, work[11])
    state[level, 5] = side
    counts[level] = count
    cursor[level] = 0


@njit(cache=True)
def _visit(
    rest: np.int64,
    key1: np.int64,
    key2: np.int64,
    g: np.int64,
    stored: bool,
    masks: I64,
    tables: I64,
    actor_scenes: I64,
    costs: I64,
    work: I64,
    table: I64,
    upper: np.int64,
) -> tuple[np.int64, bool]:
    """A node's lower bound on the whole cost, and whether it is cut.

    Once a back scene is placed (after the mirror cut), states go in the table with the
    least cost so far that reached them and a lower bound on their rest: the bound,
    raised to the value of their subtree once searched (dynamic programming with
    bounds). A state reached again at no lower cost is cut, and so is one whose stored
    bound cuts it."""
    if not stored:
        full = g + _bound(rest, key1, key2, masks, tables, actor_scenes, costs, work, upper - g)
        return full, bool(full >= upper)
    i = _slot(table, rest, key1, key2)
    if table[i, 3] >= 0:
        full = g + table[i, 4]
        if table[i, 3] <= g or full >= upper:
            return full, True
        table[i, 3] = g  # the stored bound may have stopped early: compute it in full
        h = _bound(rest, key1, key2, masks, tables, actor_scenes, costs, work, upper - g)
        if h > table[i, 4]:
            table[i, 4] = h
        return g + table[i, 4], bool(g + table[i, 4] >= upper)
    h = _bound(rest, key1, key2, masks, tables, actor_scenes, costs, work, upper - g)
    table[i, 3] = g
    table[i, 4] = h
    return g + h, bool(g + h >= upper)


@njit(cache=True)
def _search(
    budget: int,
    everything: np.int64,
    masks: I64,
    durations: I64,
    tables: I64,
    actor_scenes: I64,
    costs: I64,
    state: I64,
    kids: I64,
    counts: I64,
    cursor: I64,
    path: I64,
    best_path: I64,
    work: I64,
    table: I64,
    scalars: I64,
) -> None:
    """Run at most ``budget`` node expansions from the saved search state."""
    depth = int(scalars[DEPTH])
    upper = scalars[UPPER]
    casts = tables[2]
    expanded = 0
    while depth >= 0 and expanded < budget:
        i = cursor[depth]
        if i >= counts[depth] or kids[depth, i, 0] >= upper:
            # the subtree is searched: every completion costs at least its value
            value = state[depth, LOW]
            if i < counts[depth] and kids[depth, i, 0] < value:
                value = kids[depth, i, 0]  # the children left, sorted by their bound
            if state[depth, BACK_SCENES]:
                rest = everything & ~(state[depth, FRONT_SCENES] | state[depth, BACK_SCENES])
                present = _union(casts, rest)
                key1 = state[depth, FRONT] & (present | state[depth, BACK])
                key2 = state[depth, BACK] & (present | state[depth, FRONT])
                _raise_value(table, rest, key1, key2, value - state[depth, COST])
            depth -= 1
            if depth >= 0 and value < state[depth, LOW]:
                state[depth, LOW] = value
            continue
        cursor[depth] = i + 1
        scene, child_g = kids[depth, i, 1], kids[depth, i, 2]
        path[depth] = scene
        nxt = depth + 1
        bit = np.int64(1) << scene
        front_side = state[depth, 5] == 0
        state[nxt, 0] = state[depth, 0] | (bit if front_side else 0)
        state[nxt, 1] = state[depth, 1] | (0 if front_side else bit)
        state[nxt, 2] = state[depth, 2] | (masks[scene] if front_side else 0)
        state[nxt, 3] = state[depth, 3] | (0 if front_side else masks[scene])
        state[nxt, 4] = child_g
        state[nxt, 6] = depth if front_side else state[depth, 6]
        state[nxt, 7] = state[depth, 7] if front_side else depth
        rest = everything & ~(state[nxt, 0] | state[nxt, 1])
        if not rest:
            upper = child_g
            state[depth, LOW] = min(state[depth, LOW], child_g)
            best_path[:nxt, 0] = path[:nxt]
            best_path[:nxt, 1] = state[:nxt, 5]
            best_path[nxt:, 0] = -1
            continue
        present = _union(casts, rest)
        key1 = state[nxt, 2] & (present | state[nxt, 3])
        key2 = state[nxt, 3] & (present | state[nxt, 2])
        full, cut = _visit(
            rest,
            key1,
            key2,
            child_g,
            state[nxt, 1] != 0,
            masks,
            tables,
            actor_scenes,
            costs,
            work,
            table,
            upper,
        )
        if cut:
            state[depth, LOW] = min(state[depth, LOW], full)
            continue
        expanded += 1
        _expand(
            nxt,
            everything,
            masks,
            durations,
            tables,
            actor_scenes,
            costs,
            state,
            kids,
            counts,
            cursor,
            path,
            upper,
            work,
        )
        depth = nxt
    scalars[DEPTH] = depth
    scalars[UPPER] = upper
    scalars[NODES] += expanded
    scalars[DONE] = 1 if depth < 0 else 0


@njit(cache=True)
def _open_bound(
    everything: np.int64,
    masks: I64,
    tables: I64,
    actor_scenes: I64,
    costs: I64,
    state: I64,
    kids: I64,
    counts: I64,
    cursor: I64,
    work: I64,
    depth: int,
    upper: np.int64,
) -> np.int64:
    """Smallest full bound among the children not yet explored: a proven lower bound."""
    low = upper
    for level in range(depth + 1):
        front_side = state[level, 5] == 0
        for i in range(cursor[level], counts[level]):
            if kids[level, i, 0] >= low:
                break
            scene = kids[level, i, 1]
            bit = np.int64(1) << scene
            placed = state[level, 0] | state[level, 1] | bit
            front = state[level, 2] | (masks[scene] if front_side else 0)
            back = state[level, 3] | (0 if front_side else masks[scene])
            rest = everything & ~placed
            present = _union(tables[2], rest)
            key1 = front & (present | back)
            key2 = back & (present | front)
            f = kids[level, i, 2] + _bound(
                rest, key1, key2, masks, tables, actor_scenes, costs, work, low - kids[level, i, 2]
            )
            if f < low:
                low = f
    return low


@dataclass
class BranchAndBound:
    """A resumable search over one (merged) instance; ``run`` for a node budget at a time."""

    masks: list[int]
    durations: list[int]
    costs: list[int]
    upper: int
    order: list[int]
    table_slots: int = TABLE_SLOTS

    def __post_init__(self) -> None:
        n, m = len(self.masks), len(self.costs)
        if n > MAX_BITS or m > MAX_BITS:
            raise ValueError("at most 62 scenes and 62 actors")
        fixed = [
            d * sum(self.costs[a] for a in _bits(mask))
            for mask, d in zip(self.masks, self.durations, strict=True)
        ]
        self.tables = np.stack(
            [
                _byte_tables(fixed, union=False),
                _byte_tables(self.durations, union=False),
                _byte_tables(self.masks, union=True),
                _byte_tables(self.costs, union=False),
            ]
        )
        padding = [0] * (MAX_BITS - m)
        self.arrays = (
            np.int64((1 << n) - 1),
            np.array(self.masks, dtype=np.int64),
            np.array(self.durations, dtype=np.int64),
            self.tables,
            np.array(
                [
                    sum(1 << s for s, mask in enumerate(self.masks) if mask >> a & 1)
                    for a in range(m)
                ]
                + padding,
                dtype=np.int64,
            ),
            np.array(self.costs + padding, dtype=np.int64),
        )
        self.state = np.zeros((n + 2, 9), dtype=np.int64)
        self.state[0, LAST_FRONT : LAST_BACK + 1] = -1
        self.kids = np.zeros((n + 2, n + 1, 3), dtype=np.int64)
        self.counts = np.zeros(n + 2, dtype=np.int64)
        self.cursor = np.zeros(n + 2, dtype=np.int64)
        self.path = np.full(n + 1, -1, dtype=np.int64)
        self.best_path = np.full((n + 1, 2), -1, dtype=np.int64)
        self.work = np.zeros((12, MAX_BITS * MAX_BITS), dtype=np.int64)
        self.table = np.full((self.table_slots, 5), -1, dtype=np.int64)
        self.scalars = np.zeros(4, dtype=np.int64)
        self.scalars[UPPER] = self.upper
        everything, masks, durations, tables, actor_scenes, costs = self.arrays
        _expand(
            0,
            everything,
            masks,
            durations,
            tables,
            actor_scenes,
            costs,
            self.state,
            self.kids,
            self.counts,
            self.cursor,
            self.path,
            np.int64(self.upper),
            self.work,
        )
        root = _bound(
            everything,
            np.int64(0),
            np.int64(0),
            masks,
            tables,
            actor_scenes,
            costs,
            self.work,
            np.int64(self.upper),
        )
        self.root_bound = min(int(root), self.upper)

    def run(self, budget: int) -> bool:
        """Expand up to ``budget`` nodes; True when the search is complete."""
        _search(
            budget,
            *self.arrays,
            self.state,
            self.kids,
            self.counts,
            self.cursor,
            self.path,
            self.best_path,
            self.work,
            self.table,
            self.scalars,
        )
        return self.finished

    def offer(self, order: list[int], cost: int) -> None:
        """Take a cheaper schedule found elsewhere as the one to beat (searched again)."""
        if cost < self.best and not self.finished:
            self.scalars[UPPER] = cost + 1
            self.best_path[:] = -1
            self.order = list(order)

    @property
    def finished(self) -> bool:
        return bool(self.scalars[DONE])

    @property
    def best(self) -> int:
        return int(self.scalars[UPPER])

    @property
    def nodes(self) -> int:
        return int(self.scalars[NODES])

    def lower_bound(self) -> int:
        """Proven: no schedule costs less (the best one when the search is complete)."""
        if self.finished:
            return self.best
        everything, masks, _, tables, actor_scenes, costs = self.arrays
        low = _open_bound(
            everything,
            masks,
            tables,
            actor_scenes,
            costs,
            self.state,
            self.kids,
            self.counts,
            self.cursor,
            self.work,
            int(self.scalars[DEPTH]),
            self.scalars[UPPER],
        )
        return min(max(int(low), self.root_bound), self.best)

    def best_order(self) -> list[int]:
        """The best schedule: front scenes in order, then back scenes reversed."""
        if self.best_path[0, 0] < 0:
            return list(self.order)
        placed = [(int(s), int(side)) for s, side in self.best_path if s >= 0]
        front = [s for s, side in placed if side == 0]
        back = [s for s, side in placed if side == 1]
        return front + back[::-1]


def _bits(mask: int) -> list[int]:
    return [i for i in range(mask.bit_length()) if mask >> i & 1]


def warm_up() -> Any:
    """Compile once (numba caches the machine code on disk for later processes)."""
    search = BranchAndBound(
        [0b01, 0b11, 0b10], [1, 1, 1], [1, 1], upper=10, order=[0, 1, 2], table_slots=16
    )
    search.run(1000)
    return search.lower_bound()
