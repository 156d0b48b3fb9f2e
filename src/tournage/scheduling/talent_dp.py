"""Exact talent scheduling by the subset dynamic programme, vectorised with numpy.

``f(T)`` is the least cost of shooting the set ``T`` of scenes first, in any order:
``f(T) = min over s in T of f(T - s) + d(s) * cost(cast(s) | held)``, where ``held`` is
everyone started in ``T - s`` with a scene outside ``T`` (Garcia de la Banda, Stuckey &
Chu 2011). All 2^n states are computed layer by layer (by number of scenes shot), each
layer in a few numpy operations per scene, so this suits small merged instances only.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.signedinteger[Any]]
TABLE_BITS = 12  # actor-cost lookup tables hold 2^12 entries each
SECONDS_PER_STEP = 3e-8  # one scene tried in one state, on this machine when loaded


def estimated_seconds(scenes: int) -> float:
    """Rough running time of ``solve_subsets`` (n scenes tried in 2^n states)."""
    return SECONDS_PER_STEP * scenes * (1 << scenes)


def _word(actors: int, largest: int) -> type[np.signedinteger[Any]]:
    """32-bit arrays when actor masks and costs fit (half the memory, faster gathers)."""
    return np.int32 if actors <= 30 and largest < 1 << 30 else np.int64


def _cost_tables(costs: list[int], word: type[np.signedinteger[Any]]) -> list[Array]:
    """Per 12-actor chunk, the summed daily cost of every subset of that chunk."""
    tables = []
    for start in range(0, max(len(costs), 1), TABLE_BITS):
        chunk = costs[start : start + TABLE_BITS]
        table = np.zeros(1 << len(chunk), dtype=word)
        for bit, cost in enumerate(chunk):
            table[1 << bit : 2 << bit] = table[: 1 << bit] + cost
        tables.append(table)
    return tables


def _actor_cost(tables: list[Array], actors: Array) -> Array:
    low = (1 << TABLE_BITS) - 1
    total: Array = tables[0][actors & low]
    for index, table in enumerate(tables[1:], start=1):
        total = total + table[(actors >> (index * TABLE_BITS)) & low]
    return total


def _subset_unions(
    masks: list[int], word: type[np.signedinteger[Any]]
) -> tuple[Array, npt.NDArray[np.int8]]:
    """Union of casts and number of scenes of every subset, built by doubling."""
    size = 1 << len(masks)
    union = np.zeros(size, dtype=word)
    count = np.zeros(size, dtype=np.int8)
    for scene, mask in enumerate(masks):
        union[1 << scene : 2 << scene] = union[: 1 << scene] | mask
        count[1 << scene : 2 << scene] = count[: 1 << scene] + 1
    return union, count


def holding_actors(masks: list[int], extra: int = 0) -> tuple[list[int], list[int]]:
    """Actors who can be held: in two scenes or more, or in ``extra``; renumbered densely.

    Returns the scene masks over them and the original index of each.
    """
    seen = once = 0
    for mask in masks:
        once |= seen & mask
        seen |= mask
    once |= extra
    ids = [a for a in range(once.bit_length()) if once >> a & 1]
    return [_densify(mask, ids) for mask in masks], ids


def _densify(mask: int, ids: list[int]) -> int:
    return sum(1 << i for i, a in enumerate(ids) if mask >> a & 1)


def _held(prefix: Array, suffix: Array, cast: int, started: int, needed: int) -> Array:
    """Actors waiting through a scene: started (before it, or before the window) and
    needed later (after it, or after the window), minus the scene's own cast."""
    return (prefix | started) & (suffix | needed) & ~cast


def solve_subsets(
    masks: list[int],
    durations: list[int],
    costs: list[int],
    started: int = 0,
    needed: int = 0,
) -> tuple[list[int], int]:
    """Optimal order of the (merged) scenes and its holding cost (no fixed pay).

    ``masks`` are the scenes' casts as bitmasks over actors ``costs``. For a window of a
    longer schedule, ``started`` are the actors who filmed before it and ``needed`` those
    who film after it.
    """
    dense, ids = holding_actors(masks, started | needed)
    worst = sum(costs[a] for a in ids) * sum(durations)  # above any holding cost
    word = _word(len(ids), 2 * worst)
    tables = _cost_tables([costs[a] for a in ids], word)
    started, needed = _densify(started, ids), _densify(needed, ids)
    n = len(dense)
    union, count = _subset_unions(dense, word)
    outside = union[::-1]  # union of full ^ T, indexed by T
    by_layer = np.argsort(count, kind="stable").astype(word)
    starts = np.searchsorted(count[by_layer], np.arange(n + 2))
    f = np.full(1 << n, worst, dtype=word)
    f[0] = 0
    for k in range(1, n + 1):
        layer = by_layer[starts[k] : starts[k + 1]]
        best = np.full(len(layer), worst, dtype=word)
        after = outside[layer]
        for scene in range(n):
            has = (layer >> scene) & 1 == 1
            before = layer[has] ^ (1 << scene)
            held = _held(union[before], after[has], dense[scene], started, needed)
            cost = f[before] + durations[scene] * _actor_cost(tables, held)
            best[has] = np.minimum(best[has], cost)
        f[layer] = best
    order: list[int] = []
    shot = (1 << n) - 1
    while shot:  # backtrack: the last scene of each prefix set that attains f
        for scene in (s for s in range(n) if shot >> s & 1):
            rest = shot ^ (1 << scene)
            held = _held(
                union[rest : rest + 1], outside[shot : shot + 1], dense[scene], started, needed
            )
            if f[rest] + durations[scene] * _actor_cost(tables, held)[0] == f[shot]:
                order.append(scene)
                shot = rest
                break
    return order[::-1], int(f[-1])


def group_holding(masks: list[int], durations: list[int], costs: list[int], group: int) -> int:
    """Least holding of the actors of ``group`` (a bitmask) counted alone.

    Scenes are reduced to their actors of the group (equal reductions merged, as scenes of
    identical cast are shot together); scenes with none of them are left out, which can
    only lower the holding. Two kinds of scene or fewer never hold anyone."""
    merged: dict[int, int] = {}
    for mask, days in zip(masks, durations, strict=True):
        if mask & group:
            merged[mask & group] = merged.get(mask & group, 0) + days
    if len(merged) < 3:
        return 0
    _, holding = solve_subsets(list(merged), list(merged.values()), costs)
    return holding


def partition_holding(
    masks: list[int], durations: list[int], costs: list[int], groups: list[int]
) -> int:
    """Holding every order pays at least: each actor's holding counts in one group only,
    and no order can do better on every group at once than each group's own optimum."""
    return sum(group_holding(masks, durations, costs, group) for group in groups)
