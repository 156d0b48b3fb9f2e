"""Each lower bound of the talent branch and bound against brute force on small nodes.

A node of the double-ended search has scenes shot at the front, scenes shot at the back
and a middle left to order. Every bound must stay at or below the cheapest order of the
middle, found here by trying all its permutations (at most 7 scenes)."""

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tournage.scheduling.talent_bb import (
    BranchAndBound,
    _bound,
    _cheap_bound,
    _cut_bound,
    _dominated,
    _leaders,
    _pair_bound,
    _side_bound,
    _union,
)
from tournage.scheduling.talent_dp import group_holding, partition_holding

NODES = st.integers(3, 8).flatmap(
    lambda n: st.tuples(
        st.lists(st.integers(1, 31), min_size=n, max_size=n),  # casts over 5 actors
        st.lists(st.integers(1, 3), min_size=n, max_size=n),
        st.lists(st.integers(1, 9), min_size=5, max_size=5),
        st.lists(st.sampled_from("fbm"), min_size=n, max_size=n),  # front, back or middle
    )
)


def middle_cost(masks: list[int], durations: list[int], costs: list[int], order, front, back):
    """Cost of the middle scenes in ``order``, the front and back actors being started."""
    total, started = 0, front
    for i, scene in enumerate(order):
        later = back
        for other in order[i + 1 :]:
            later |= masks[other]
        held = started & later
        total += durations[scene] * sum(
            c for a, c in enumerate(costs) if (masks[scene] | held) >> a & 1
        )
        started |= masks[scene]
    return total


def cheapest_middle(masks, durations, costs, middle, front, back) -> int:
    return min(
        middle_cost(masks, durations, costs, order, front, back)
        for order in itertools.permutations(middle)
    )


def node(data):
    masks, durations, costs, sides = data
    search = BranchAndBound(masks, durations, costs, upper=10**9, order=[], table_slots=16)
    _, arrays_masks, _, tables, actor_scenes, cost_array = search.arrays
    middle = [s for s, side in enumerate(sides) if side == "m"]
    front = back = 0
    for scene, side in enumerate(sides):
        if side == "f":
            front |= masks[scene]
        elif side == "b":
            back |= masks[scene]
    remaining = np.int64(sum(1 << s for s in middle))
    present = int(_union(tables[2], remaining)) if middle else 0
    key1 = np.int64(front & (present | back))
    key2 = np.int64(back & (present | front))
    truth = cheapest_middle(masks, durations, costs, middle, front, back) if middle else 0
    return search, (remaining, key1, key2, arrays_masks, tables, actor_scenes, cost_array), truth


@settings(max_examples=150, deadline=None)
@given(NODES)
def test_every_bound_is_at_most_the_cheapest_middle(data) -> None:
    search, (remaining, key1, key2, masks, tables, actor_scenes, costs), truth = node(data)
    if not remaining:
        return
    work = search.work
    days = tables[1]
    base = _cheap_bound(remaining, key1, key2, tables, actor_scenes, costs)
    present = _union(tables[2], remaining)
    front_only, back_only = key1 & ~key2 & present, key2 & ~key1 & present
    front_side, back_side = (
        _side_bound(ends, remaining, actor_scenes, costs, days, *work[:4], work[7])
        for ends in (front_only, back_only)
    )
    sides = front_side + back_side
    pairs = _pair_bound(front_only, back_only, remaining, actor_scenes, costs, days, work)
    cuts, pure, no_front, no_back = _cut_bound(
        remaining, front_only, back_only, key1 | key2, masks, tables, actor_scenes, costs, work
    )
    assert base + sides <= truth
    assert base + pairs <= truth
    assert base + cuts <= truth
    assert base + sides + pure <= truth
    assert base + front_side + no_front <= truth
    assert base + back_side + no_back <= truth
    everything = _bound(
        remaining, key1, key2, masks, tables, actor_scenes, costs, work, np.int64(2**62)
    )
    assert everything <= truth


def test_a_front_and_a_back_actor_sharing_a_scene_make_the_middle_wait() -> None:
    # actor 0 (cost 5) shot at the front, actor 1 (cost 3) at the back; both in scene 2;
    # scene 3 (actor 2 only, 4 days) falls before actor 0 leaves or after actor 1 arrives
    data = ([0b001, 0b010, 0b011, 0b100], [1, 1, 1, 4], [5, 3, 1, 1, 1], list("fbmm"))
    search, (remaining, key1, key2, masks, tables, actor_scenes, costs), truth = node(data)
    days = tables[1]
    front_only, back_only = key1 & ~key2, key2 & ~key1
    pairs = _pair_bound(front_only, back_only, remaining, actor_scenes, costs, days, search.work)
    cuts, *_ = _cut_bound(
        remaining,
        front_only,
        back_only,
        key1 | key2,
        masks,
        tables,
        actor_scenes,
        costs,
        search.work,
    )
    assert pairs == cuts == 3 * 4  # the cheaper of the two waits through the 4 days
    base = _cheap_bound(remaining, key1, key2, tables, actor_scenes, costs)
    assert base + cuts == truth == (5 + 3) * 1 + 1 * 4 + 3 * 4


def test_a_chain_through_an_actor_not_yet_started_makes_the_middle_wait() -> None:
    # front actor 0 and back actor 1 share no scene, but actor 2 (not started) plays with
    # each of them: the three spans cover the middle, scene 4 (actor 3) waits for one
    data = (
        [0b0001, 0b0010, 0b0101, 0b0110, 0b1000],
        [1, 1, 1, 1, 2],
        [7, 6, 4, 1, 1],
        list("fbmmm"),
    )
    search, (remaining, key1, key2, masks, tables, actor_scenes, costs), truth = node(data)
    front_only, back_only = key1 & ~key2, key2 & ~key1
    pairs = _pair_bound(
        front_only, back_only, remaining, actor_scenes, costs, tables[1], search.work
    )
    cuts, *_ = _cut_bound(
        remaining,
        front_only,
        back_only,
        key1 | key2,
        masks,
        tables,
        actor_scenes,
        costs,
        search.work,
    )
    assert pairs == 0  # no front and back actor share a scene
    assert cuts == 4 * 2  # the cheapest of the chain (actor 2) waits through scene 4
    base = _cheap_bound(remaining, key1, key2, tables, actor_scenes, costs)
    assert base + cuts <= truth


def least_holding(masks: list[int], durations: list[int], costs: list[int]) -> int:
    everything = range(len(masks))
    fixed = sum(
        d * sum(c for a, c in enumerate(costs) if m >> a & 1)
        for m, d in zip(masks, durations, strict=True)
    )
    return cheapest_middle(masks, durations, costs, list(everything), 0, 0) - fixed


@settings(max_examples=60, deadline=None)
@given(NODES, st.lists(st.integers(0, 2), min_size=5, max_size=5))
def test_partition_holding_is_at_most_the_least_holding(data, group_of) -> None:
    masks, durations, costs, _ = data
    groups = [sum(1 << a for a, g in enumerate(group_of) if g == k) for k in range(3)]
    bound = partition_holding(masks, durations, costs, groups)
    assert 0 <= bound <= least_holding(masks, durations, costs)


def test_three_actors_meeting_two_by_two_cannot_all_avoid_waiting() -> None:
    # scenes ab, bc, ca (2 days each): whichever is shot between the other two holds the
    # actor missing from it, the cheapest (cost 1) at best
    masks, durations, costs = [0b011, 0b110, 0b101], [2, 2, 2], [1, 5, 7]
    assert group_holding(masks, durations, costs, 0b111) == 2 * 1
    assert least_holding(masks, durations, costs) == 2
    assert group_holding(masks, durations, costs, 0b011) == 0  # two actors never wait


def test_a_scene_holding_everyone_waiting_and_starting_fewer_actors_goes_first() -> None:
    # actor 0 waits at the front (started, still needed); scene 0 holds them and starts
    # actor 1 only; scene 1 starts actors 1 and 2 and leaves actor 0 waiting: cut.
    # Scene 2 starts actor 2, which scene 0 does not: kept.
    masks = np.array([0b011, 0b110, 0b101, 0b111], dtype=np.int64)
    remaining, waiting, mine, relevant = np.int64(0b111), np.int64(0b001), np.int64(1), 0b111
    dominant = np.zeros(16, dtype=np.int64)
    leaders = _leaders(remaining, waiting, mine, np.int64(relevant), masks, dominant)
    assert leaders == 2  # scenes 0 and 2 hold actor 0
    cut = [
        _dominated(s, waiting, mine, np.int64(relevant), masks, dominant, leaders)
        for s in (0, 1, 2)
    ]
    assert cut == [False, True, False]
