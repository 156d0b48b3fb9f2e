"""Matching a new 3,000-scene version against the previous one: time and memory.

``PYTHONPATH=src .venv/bin/python tests/bench/screenplay/bench_versions.py [scenes]``
prints the CPU time of ``carry_over`` and the process's peak memory. The scenes carry no
numbers (the costly case: every scene is matched by content), 100 of them are shuffled
and every tenth one is edited.
"""

from __future__ import annotations

import random
import resource
import sys
import time

from tournage.screenplay.reader import read_script
from tournage.screenplay.revisions import ChangeKind, carry_over

WORDS = "le la un chat mer phare porte table nuit jour marc nadia court ouvre ferme regarde"


def version(count: int, seed: int, edited: bool) -> bytes:
    rng = random.Random(seed)
    words = WORDS.split()
    scenes = []
    for number in range(count):
        body = " ".join(rng.choice(words) for _ in range(40))
        if edited and number % 10 == 0:
            body = body.replace("nuit", "aube")
        scenes.append(f"INT. LIEU {number % 50} - JOUR\n\n{body} {number}.\n\nNADIA\nOui.\n")
    if edited:
        head = scenes[:100]
        random.Random(seed + 1).shuffle(head)
        scenes[:100] = head
    return "\n".join(scenes).encode()


def main(count: int) -> None:
    old = read_script(version(count, 1, False))
    new = read_script(version(count, 1, True))
    start = time.process_time()
    changes = carry_over(old, new)
    seconds = time.process_time() - start
    kinds = {kind: sum(1 for c in changes if c.kind is kind) for kind in ChangeKind}
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{count} scenes: carry_over {seconds:.2f} s CPU, process peak {peak:.0f} MiB")
    print(", ".join(f"{kind.value} {n}" for kind, n in kinds.items()))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3000)
