"""Readers for the talent-scheduling benchmark files.

Three formats (see ``shared/data/talent-scheduling/README.md``): Stuckey's token stream
(name, n, m, m rows of n 0/1 values plus the daily cost, n durations), MiniZinc ``.dzn``
for ``talent_scheduling.mzn`` (``numScenes``, ``numActors``, ``ia``, ``c``, ``d``) and the
CSPLib rehearsal ``.dzn`` (``num_pieces``, ``num_players``, ``duration``, ``rehearsal``;
every player costs 1).
"""

from __future__ import annotations

import re
from pathlib import Path

from tournage.scheduling.errors import SchedulingError
from tournage.scheduling.talent import TalentInstance

MAX_BYTES = 2_000_000
MAX_SCENES = 200
MAX_ACTORS = 200

_COMMENT = re.compile(r"%[^\n]*")
_ASSIGNMENT = re.compile(r"([A-Za-z_]\w*)\s*=\s*(.*?);", re.DOTALL)
_INTEGER = re.compile(r"-?\d+")


def read_instance(path: Path) -> TalentInstance:
    """Read a benchmark file of any of the three formats, guessing from its content."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SchedulingError("talent.unreadable", f"Fichier illisible : {path.name}.") from error
    if len(raw) > MAX_BYTES:
        raise SchedulingError("talent.too_big", "Fichier trop volumineux pour une instance.")
    text = raw.decode("utf-8", errors="replace")
    name = path.stem
    return parse_dzn(text, name) if "=" in text else parse_stuckey(text)


def parse_stuckey(text: str) -> TalentInstance:
    tokens = text.split()
    if len(tokens) < 3:
        raise SchedulingError("talent.empty", "Instance vide ou tronquée.")
    name, numbers = tokens[0], _integers(tokens[1:])
    n, m = _sizes(numbers[0], numbers[1])
    expected = 2 + m * (n + 1) + n
    if len(numbers) < expected:
        raise SchedulingError(
            "talent.truncated",
            f"Instance tronquée : {expected} nombres attendus, {len(numbers)} lus.",
        )
    rows = [numbers[2 + a * (n + 1) : 2 + (a + 1) * (n + 1)] for a in range(m)]
    durations = numbers[2 + m * (n + 1) : expected]
    matrix = [row[:n] for row in rows]
    return _instance(name, matrix, [row[n] for row in rows], durations)


def parse_dzn(text: str, name: str) -> TalentInstance:
    fields = {key: value for key, value in _ASSIGNMENT.findall(_COMMENT.sub("", text))}
    if "numScenes" in fields:
        n, m = _sizes(_scalar(fields, "numScenes"), _scalar(fields, "numActors"))
        matrix, costs, durations = _array(fields, "ia"), _array(fields, "c"), _array(fields, "d")
    elif "num_pieces" in fields:
        n, m = _sizes(_scalar(fields, "num_pieces"), _scalar(fields, "num_players"))
        body = fields["rehearsal"].split("[", 1)[-1] if "rehearsal" in fields else ""
        matrix, costs = _integers(_INTEGER.findall(body)), [1] * m
        durations = _array(fields, "duration")
    else:
        raise SchedulingError("talent.format", "Format .dzn non reconnu (numScenes ou num_pieces).")
    if len(matrix) != n * m or len(costs) != m or len(durations) != n:
        raise SchedulingError("talent.shape", "Tailles incohérentes dans le fichier .dzn.")
    rows = [matrix[a * n : (a + 1) * n] for a in range(m)]
    return _instance(name, rows, costs, durations)


def _instance(
    name: str, rows: list[list[int]], costs: list[int], durations: list[int]
) -> TalentInstance:
    if any(value not in (0, 1) for row in rows for value in row):
        raise SchedulingError("talent.matrix", "La matrice acteurs × scènes doit être en 0/1.")
    n = len(durations)
    cast = tuple(frozenset(a for a, row in enumerate(rows) if row[s]) for s in range(n))
    return TalentInstance(name=name, cast=cast, durations=tuple(durations), costs=tuple(costs))


def _sizes(n: int, m: int) -> tuple[int, int]:
    if not (1 <= n <= MAX_SCENES and 1 <= m <= MAX_ACTORS):
        raise SchedulingError(
            "talent.size",
            f"Taille hors limites ({n} scènes, {m} acteurs ; au plus {MAX_SCENES} × {MAX_ACTORS}).",
        )
    return n, m


def _integers(tokens: list[str]) -> list[int]:
    try:
        return [int(token) for token in tokens]
    except ValueError as error:
        raise SchedulingError("talent.number", "Valeur non entière dans l'instance.") from error


def _scalar(fields: dict[str, str], key: str) -> int:
    values = _array(fields, key)
    if len(values) != 1:
        raise SchedulingError("talent.field", f"Champ « {key} » invalide.")
    return values[0]


def _array(fields: dict[str, str], key: str) -> list[int]:
    if key not in fields:
        raise SchedulingError("talent.field", f"Champ « {key} » absent du fichier .dzn.")
    return _integers(_INTEGER.findall(fields[key]))
