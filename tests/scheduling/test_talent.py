import contextlib
import itertools
import operator
import random
from functools import reduce
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tournage.scheduling.errors import SchedulingError
from tournage.scheduling.talent import TalentInstance, evaluate, solve_talent
from tournage.scheduling.talent_dp import holding_actors, solve_subsets
from tournage.scheduling.talent_io import parse_dzn, parse_stuckey, read_instance

DATA = Path("/work/shared/data/talent-scheduling")
TINY = "tiny 4 3\n1 0 1 0 1\n1 1 0 1 2\n0 1 1 0 3\n1 2 3 1\n"


SMALL_INSTANCES = st.integers(1, 7).flatmap(
    lambda n: st.tuples(
        st.lists(st.sets(st.integers(0, 3), max_size=4), min_size=n, max_size=n),
        st.lists(st.integers(1, 3), min_size=n, max_size=n),
        st.lists(st.integers(0, 9), min_size=4, max_size=4),
    )
)


def instance(cast: list[set[int]], durations: list[int], costs: list[int]) -> TalentInstance:
    return TalentInstance("t", tuple(frozenset(c) for c in cast), tuple(durations), tuple(costs))


def test_costs_of_a_hand_worked_order() -> None:
    # actor 0 (cost 1) in scenes 0, 2; actor 1 (cost 2) in 0, 1, 3; actor 2 (cost 3) in 1, 2
    tiny = parse_stuckey(TINY)
    # order 0,1,2,3 (durations 1,2,3,1): s0 [0,1) s1 [1,3) s2 [3,6) s3 [6,7)
    # actor 0 paid days 0..6 -> 6; actor 1 days 0..7 -> 14; actor 2 days 1..6 -> 15
    cost = evaluate(tiny, [0, 1, 2, 3])
    assert cost.total == 6 + 14 + 15
    assert tiny.fixed_cost == 1 * 4 + 2 * 4 + 3 * 5
    assert cost.idle == 35 - 27


def test_known_optimum_of_tiny_is_proved() -> None:
    result = solve_talent(parse_stuckey(TINY))
    assert (result.total_cost, result.idle_cost, result.optimal) == (29, 2, True)
    assert result.lower_bound == 29


@pytest.mark.parametrize(
    ("name", "total", "idle"),
    [
        ("stuckey-format/concert", 111, 17),
        ("stuckey-format/film-10", 352, 28),
        ("stuckey-format/small2", 56, 8),
        ("csplib/rehearsal_smith.dzn", 109, 17),
        ("derived-from-csplib/csplib_film2.txt", 818, 87),
    ],
)
def test_benchmark_optima_are_reached_and_proved(name: str, total: int, idle: int) -> None:
    result = solve_talent(read_instance(DATA / name), time_limit=30)
    assert (result.total_cost, result.idle_cost, result.optimal) == (total, idle, True)
    assert sorted(result.order) == list(range(len(result.order)))


def test_minizinc_and_stuckey_files_hold_the_same_instance() -> None:
    a = read_instance(DATA / "minizinc" / "film105.dzn")
    b = read_instance(DATA / "stuckey-format" / "film105.dat")
    assert (a.cast, a.durations, a.costs) == (b.cast, b.durations, b.costs)


SEARCH_ONLY = {"subset_dp_max_scenes": 0}  # force the best-first search


@pytest.mark.parametrize("options", [{}, SEARCH_ONLY])
def test_classic_instance_is_proved_by_both_solvers(options: dict[str, int]) -> None:
    result = solve_talent(read_instance(DATA / "minizinc" / "film105.dzn"), **options)
    assert (result.total_cost, result.idle_cost, result.optimal) == (849, 110, True)
    assert evaluate(read_instance(DATA / "minizinc" / "film105.dzn"), result.order).total == 849


def test_subset_dp_keeps_merged_and_empty_scenes_in_the_order() -> None:
    # scenes 0 and 2 share a cast (merged), scene 3 has nobody (set aside)
    problem = instance([{0, 1}, {1, 2}, {0, 1}, set(), {2}], [1, 2, 1, 1, 3], [5, 1, 4])
    result = solve_talent(problem)
    assert sorted(result.order) == [0, 1, 2, 3, 4]
    assert result.optimal and result.total_cost == brute_force(problem)
    position = {scene: i for i, scene in enumerate(result.order)}
    assert abs(position[0] - position[2]) == 1


@pytest.mark.parametrize("seed", range(3))
def test_both_exact_solvers_agree_beyond_brute_force_sizes(seed: int) -> None:
    rng = random.Random(seed)
    cast = [{a for a in range(6) if rng.random() < 0.35} for _ in range(11)]
    problem = instance(
        cast, [rng.randint(1, 4) for _ in cast], [rng.randint(1, 20) for _ in range(6)]
    )
    by_dp = solve_talent(problem)
    by_search = solve_talent(problem, time_limit=30, **SEARCH_ONLY)
    assert by_dp.optimal and by_search.optimal
    assert by_dp.total_cost == by_search.total_cost == evaluate(problem, by_dp.order).total


@settings(max_examples=20, deadline=None)
@given(SMALL_INSTANCES.filter(lambda data: len(data[0]) >= 4), st.integers(0, 3))
def test_window_of_a_schedule_is_reordered_optimally(
    data: tuple[list[set[int]], list[int], list[int]], start: int
) -> None:
    problem = instance(*data)
    n = len(problem.cast)
    start = min(start, n - 3)
    window = list(range(start, min(start + 4, n)))
    masks = [sum(1 << a for a in cast) for cast in problem.cast]
    local, _ = solve_subsets(
        [masks[s] for s in window],
        [problem.durations[s] for s in window],
        list(problem.costs),
        started=reduce(operator.or_, masks[:start], 0),
        needed=reduce(operator.or_, masks[window[-1] + 1 :], 0),
    )
    head, tail = list(range(start)), list(range(window[-1] + 1, n))
    best = min(
        evaluate(problem, head + list(order) + tail).total
        for order in itertools.permutations(window)
    )
    assert evaluate(problem, head + [window[i] for i in local] + tail).total == best


def test_only_actors_in_two_scenes_or_more_can_be_held() -> None:
    # actor 0 in scenes 0 and 1, actor 1 in scene 1 only, actor 3 in scenes 1 and 2
    dense, ids = holding_actors([0b0001, 0b1011, 0b1000])
    assert ids == [0, 3]
    assert dense == [0b01, 0b11, 0b10]


def test_timeout_gives_a_valid_bound_not_a_false_proof() -> None:
    film = read_instance(DATA / "minizinc" / "film116.dzn")
    result = solve_talent(film, time_limit=0.05, **SEARCH_ONLY)
    assert result.lower_bound <= 541 <= result.total_cost
    assert result.optimal == (result.total_cost == result.lower_bound == 541)


def brute_force(problem: TalentInstance) -> int:
    return min(
        evaluate(problem, list(order)).total
        for order in itertools.permutations(range(len(problem.cast)))
    )


@settings(max_examples=25, deadline=None)
@given(SMALL_INSTANCES)
def test_subset_dp_equals_brute_force(data: tuple[list[set[int]], list[int], list[int]]) -> None:
    problem = instance(*data)
    result = solve_talent(problem, time_limit=30)
    assert result.optimal
    assert result.total_cost == brute_force(problem) == result.lower_bound
    assert evaluate(problem, result.order).total == result.total_cost


@settings(max_examples=25, deadline=None)
@given(SMALL_INSTANCES)
def test_exact_search_equals_brute_force(data: tuple[list[set[int]], list[int], list[int]]) -> None:
    problem = instance(*data)
    result = solve_talent(problem, time_limit=30, **SEARCH_ONLY)
    assert result.optimal
    assert result.total_cost == brute_force(problem) == result.lower_bound


MEDIUM_INSTANCES = st.integers(5, 10).flatmap(
    lambda n: st.tuples(
        st.lists(st.sets(st.integers(0, 6), max_size=5), min_size=n, max_size=n),
        st.lists(st.integers(1, 4), min_size=n, max_size=n),
        st.lists(st.integers(0, 30), min_size=7, max_size=7),
    )
)


@settings(max_examples=120, deadline=None)
@given(MEDIUM_INSTANCES)
def test_branch_and_bound_equals_the_exhaustive_subset_dp_up_to_ten_scenes(
    data: tuple[list[set[int]], list[int], list[int]],
) -> None:
    # the subset DP tries every set of scenes shot first: exhaustive over all orders,
    # sharing no bound, dominance rule or table with the branch and bound
    problem = instance(*data)
    exhaustive = solve_talent(problem, time_limit=60)
    searched = solve_talent(problem, time_limit=60, **SEARCH_ONLY)
    assert exhaustive.optimal and searched.optimal
    assert searched.total_cost == exhaustive.total_cost == searched.lower_bound
    assert evaluate(problem, searched.order).total == searched.total_cost


def test_the_first_scene_cut_and_the_mirror_cut_leave_an_optimum() -> None:
    # as first scene, the leaders cut scenes 0 and 2 (scene 3 starts fewer actors); with
    # a plain mirror cut on top (first back scene after the first front one in index)
    # every optimum is lost: that variant gave 68, not 60, against the subset DP
    problem = instance([{1, 3}, set(), {0, 1, 2}, {1}, {2, 3}], [2, 2, 2, 1, 3], [0, 0, 4, 8])
    result = solve_talent(problem, time_limit=30, **SEARCH_ONLY)
    assert result.optimal and result.total_cost == 60 == brute_force(problem)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "x",
        "name 3",
        "name 2 1 1 0",
        "n 2 2 1 0 5 0 1 3 1",
        "n 2 1 1 2 5 1 1",
        "n 999999 1",
        "n 1 1 1 -4 1",
        "n 1 1 1 x 1",
    ],
)
def test_malformed_stuckey_text_is_a_clear_error(text: str) -> None:
    with pytest.raises(SchedulingError) as error:
        parse_stuckey(text)
    assert error.value.code.startswith("talent.")


@pytest.mark.parametrize(
    "text",
    [
        "numScenes = 2;",
        "a = 1;",
        "numScenes = 2; numActors = 1; ia = [|1,0|]; c = [1]; d = [1];",
        "numScenes = 1; numActors = 1; ia = [|2|]; c = [1]; d = [1];",
        "num_pieces = 2; num_players = 1; duration = [1,1];",
    ],
)
def test_malformed_dzn_is_a_clear_error(text: str) -> None:
    with pytest.raises(SchedulingError):
        parse_dzn(text, "x")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_any_text_either_parses_or_fails_cleanly(text: str) -> None:
    for parse in (parse_stuckey, lambda t: parse_dzn(t, "x")):
        with contextlib.suppress(SchedulingError):
            parse(text)


def test_huge_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge"
    path.write_text("x " * 1_500_000)
    with pytest.raises(SchedulingError, match="volumineux"):
        read_instance(path)
