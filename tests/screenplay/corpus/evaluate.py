"""Precision and recall of the breakdown per category on the annotated corpus.

``PYTHONPATH=src .venv/bin/python tests/screenplay/corpus/evaluate.py`` prints the table
of docs/screenplay.md. A tag counts as right when its category and name (lower case,
plural aside) match the truth of its scene; cast counts cues and mentions.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tournage.screenplay.reader import read_script

HERE = Path(__file__).parent
CATEGORIES = ("cast", "silhouettes", "extras", "props", "vehicles", "animals", "weapons", "sound")


def _key(name: str) -> str:
    name = name.lower()
    return name[:-1] if name.endswith(("s", "x")) and len(name) > 3 else name


def measure() -> tuple[dict[str, list[int]], dict[str, tuple[int, int]]]:
    """(tp, fp, fn) per category over every script; (noise, total) of the non-speaking
    character list per script."""
    truth = json.loads((HERE / "truth.json").read_text(encoding="utf-8"))
    counts = {category: [0, 0, 0] for category in CATEGORIES}
    noise: dict[str, tuple[int, int]] = {}
    for name, scenes in truth.items():
        script = read_script((HERE / name).read_bytes(), name)
        silhouettes: set[str] = set()  # and cast that is only named, never heard
        speaking = {n for expected in scenes for n in expected["speaking"]}
        for scene, expected in zip(script.scenes, scenes, strict=True):
            found = scene.elements_by_category()
            for category in CATEGORIES:
                got = {_key(n) for n in found.get(category, [])}
                want = {_key(n) for n in expected["tags"].get(category, [])}
                counts[category][0] += len(got & want)
                counts[category][1] += len(got - want)
                counts[category][2] += len(want - got)
            silhouettes.update(_key(n) for n in expected["tags"].get("silhouettes", []))
            named = expected["tags"].get("cast", [])
            silhouettes.update(_key(n) for n in named if n not in speaking)
        silent = [c for c in script.characters if not c.speaking]
        wrong = [c for c in silent if _key(c.name) not in silhouettes]
        noise[name] = (len(wrong), len(silent))
    return counts, noise


def _ratio(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "—"


def main() -> None:
    counts, noise = measure()
    print("| category | tags right | wrong | missed | precision | recall |")
    print("|---|---|---|---|---|---|")
    for category, (tp, fp, fn) in counts.items():
        print(
            f"| {category} | {tp} | {fp} | {fn} | {_ratio(tp, tp + fp)} | {_ratio(tp, tp + fn)} |"
        )
    for name, (wrong, total) in noise.items():
        print(f"non-speaking list of {name}: {wrong} noise of {total} ({_ratio(wrong, total)})")


if __name__ == "__main__":
    sys.exit(main())
