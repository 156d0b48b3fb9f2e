"""Day-out-of-days: one row per actor (or décor, or element), one code per shooting day.

Codes (Movie Magic conventions, see shared/domain/peers.md 6.6): SW start-work, W work,
WF work-finish, SWF start-work-finish (single day), H hold (paid, not filming), WD work
then drop, PW pick-up and work (back after a drop). Days before the start or after the
finish, and dropped days, are empty.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from tournage.scheduling.evaluate import cast_presence
from tournage.scheduling.model import Problem, Scene


@dataclass(frozen=True)
class DoodRow:
    kind: str  # cast, location, element
    key: str
    name: str
    codes: tuple[str, ...]

    @property
    def work_days(self) -> int:
        return sum(1 for code in self.codes if "W" in code)

    @property
    def hold_days(self) -> int:
        return self.codes.count("H")

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "key": self.key,
            "name": self.name,
            "codes": list(self.codes),
            "work_days": self.work_days,
            "hold_days": self.hold_days,
        }


def codes(work: list[int], paid: set[int], length: int) -> tuple[str, ...]:
    """DOOD codes of one element over ``length`` shooting days."""
    working = set(work)
    out = [""] * length
    spells = _spells(sorted(paid | working))
    for number, (first, last) in enumerate(spells):
        for d in range(first, last + 1):
            out[d] = "W" if d in working else "H"
        begin = "S" if number == 0 else "P"
        end = "F" if number == len(spells) - 1 else "D"
        if first == last:
            out[first] = f"{begin}W{end}" if begin == "S" or end == "F" else "PWD"
        else:
            out[first] = f"{begin}W" if begin == "S" else "PW"
            out[last] = f"W{end}"
    return tuple(out)


def _spells(days: list[int]) -> list[tuple[int, int]]:
    spells: list[tuple[int, int]] = []
    for _, run in itertools.groupby(enumerate(days), key=lambda pair: pair[1] - pair[0]):
        block = [day for _, day in run]
        spells.append((block[0], block[-1]))
    return spells


def _work_days(
    problem: Problem,
    assignment: dict[str, date],
    index: dict[date, int],
    keys: Callable[[Scene], Iterable[str]],
) -> dict[str, list[int]]:
    found: dict[str, set[int]] = defaultdict(set)
    for scene in problem.scenes:
        if scene.id in assignment:
            for key in keys(scene):
                found[key].add(index[assignment[scene.id]])
    return {key: sorted(days) for key, days in found.items()}


def day_out_of_days(
    problem: Problem, assignment: dict[str, date]
) -> tuple[list[date], list[DoodRow]]:
    """Shooting days in use and the DOOD rows for cast, décors and breakdown elements."""
    days = sorted(set(assignment.values()))
    index = {day: i for i, day in enumerate(days)}
    cast = _work_days(problem, assignment, index, lambda s: s.cast)
    places = _work_days(problem, assignment, index, lambda s: (s.location,))
    elements = _work_days(problem, assignment, index, lambda s: s.elements)
    rows = []
    for member in problem.cast:
        work = cast.get(member.id, [])
        paid = cast_presence(work, member.drop_min_gap_days)
        rows.append(DoodRow("cast", member.id, member.name, codes(work, paid, len(days))))
    for location in problem.locations:
        work = places.get(location.id, [])
        rows.append(
            DoodRow("location", location.id, location.name, codes(work, set(work), len(days)))
        )
    for element, work in sorted(elements.items()):
        rows.append(DoodRow("element", element, element, codes(work, set(work), len(days))))
    return days, rows
