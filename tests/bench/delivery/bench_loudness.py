"""Loudness benchmark: `tournage loudness FILE` vs `ffmpeg -af ebur128=peak=true -f null -`.

Run: PYTHONPATH=src .venv/bin/python tests/bench/delivery/bench_loudness.py [minutes ...]
(default: 10 and 60). Synthesises a stereo 48 kHz 24-bit WAV programme per length (cached in
$TMPDIR), then runs both whole processes in turn (A B A B ..., after one warm-up each) and
prints, for each side, the median of user+system CPU seconds, wall seconds and peak RSS,
with the paired ratios tournage/ffmpeg. The reference ffmpeg binary comes from the
imageio-ffmpeg wheel (dev dependency): nothing to install by hand.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

RATE = 48000
RUNS = 5
FFMPEG_METER = ["-af", "ebur128=peak=true", "-f", "null", "-"]
TOURNAGE = Path(sys.executable).with_name("tournage")


def programme_wav(minutes: float) -> Path:
    """The cached programme, made by a child process: this one stays small (see run_measured)."""
    path = Path(tempfile.gettempdir()) / f"tournage-bench-programme-{minutes:g}min.wav"
    if not path.exists():
        made = os.spawnv(
            os.P_WAIT, sys.executable, [sys.executable, __file__, "--make", str(minutes)]
        )
        if made:
            raise RuntimeError("could not synthesise the programme")
    return path


def make_programme(minutes: float) -> None:
    import av
    import numpy as np

    from tournage.delivery.synth import programme_chunks

    path = Path(tempfile.gettempdir()) / f"tournage-bench-programme-{minutes:g}min.wav"
    with av.open(str(path), "w", format="wav") as container:
        stream = container.add_stream("pcm_s24le", rate=RATE, layout="stereo")
        pts = 0
        for chunk in programme_chunks(minutes * 60, RATE):
            frame = av.AudioFrame.from_ndarray(
                np.ascontiguousarray(chunk), format="fltp", layout="stereo"
            )
            frame.sample_rate, frame.pts = RATE, pts
            pts += chunk.shape[1]
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))


def commands(path: Path) -> dict[str, list[str]]:
    import imageio_ffmpeg

    ffmpeg = imageio_ffmpeg.get_ffmpeg_exe()
    return {
        "tournage": [str(TOURNAGE), "loudness", str(path), "--json"],
        "ffmpeg": [ffmpeg, "-nostats", "-hide_banner", "-i", str(path), *FFMPEG_METER],
    }


def run_measured(command: list[str]) -> dict[str, float | str]:
    """One whole process; CPU and peak RSS are the kernel's accounting of that child.

    A child's peak RSS starts at its parent's size when it is spawned: this script imports
    nothing heavy (numpy, PyAV) so that the figure is the command's own.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        actions = [
            (os.POSIX_SPAWN_DUP2, out.fileno(), 1),
            (os.POSIX_SPAWN_DUP2, err.fileno(), 2),
        ]
        start = time.perf_counter()
        pid = os.posix_spawn(command[0], command, os.environ, file_actions=actions)
        _, status, usage = os.wait4(pid, 0)
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        text = out.read() or err.read()
    if os.waitstatus_to_exitcode(status):
        raise RuntimeError(f"{command[0]} failed: {text[-500:]!r}")
    return {
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "wall_s": wall,
        "rss_mib": usage.ru_maxrss / 1024,
        "output": text.decode(errors="replace"),
    }


def ffmpeg_reading(output: str) -> dict[str, float]:
    """Integrated, LRA and true peak from the ebur128 summary ffmpeg prints last."""
    values: dict[str, float] = {}
    for line in output.splitlines():
        words = line.split()
        for key, name in (("I:", "integrated_lufs"), ("LRA:", "loudness_range_lu")):
            if words[:1] == [key]:
                values[name] = float(words[1])
        if words[:1] == ["Peak:"]:
            values["true_peak_dbtp"] = float(words[1])
    return values


def bench(minutes: float) -> None:
    path = programme_wav(minutes)
    sides = commands(path)
    for command in sides.values():
        run_measured(command)  # warm-up: file cache, shared libraries
    rows: dict[str, list[dict[str, float | str]]] = {name: [] for name in sides}
    for _ in range(RUNS):
        for name, command in sides.items():
            rows[name].append(run_measured(command))
    print(f"\n{minutes:g} min stereo 48 kHz 24-bit WAV, {RUNS} runs each, in turn; medians:")
    for name, command in sides.items():
        runs = rows[name]
        print(
            f"  {name:9s} cpu {statistics.median(float(r['cpu_s']) for r in runs):6.2f} s  "
            f"wall {statistics.median(float(r['wall_s']) for r in runs):6.2f} s  "
            f"peak RSS {statistics.median(float(r['rss_mib']) for r in runs):6.1f} MiB"
            f"   $ {Path(command[0]).name} {' '.join(command[1:])}"
        )
    for measure in ("cpu_s", "wall_s"):
        ratios = [
            float(a[measure]) / float(b[measure])
            for a, b in zip(rows["tournage"], rows["ffmpeg"], strict=True)
        ]
        ratio = statistics.median(ratios)
        print(f"  tournage/ffmpeg {measure[:-2]:4s} ratio, median of pairs: {ratio:.2f}")
    ours = json.loads(str(rows["tournage"][-1]["output"]))
    theirs = ffmpeg_reading(str(rows["ffmpeg"][-1]["output"]))
    print(
        f"  readings: tournage {ours['integrated_lufs']} LUFS, LRA {ours['loudness_range_lu']} LU, "
        f"{ours['true_peak_dbtp']} dBTP; ffmpeg {theirs}"
    )


def main(lengths: list[float]) -> None:
    print(f"load average before: {os.getloadavg()}")
    for minutes in lengths:
        bench(minutes)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--make"]:
        make_programme(float(sys.argv[2]))
    else:
        main([float(a) for a in sys.argv[1:]] or [10.0, 60.0])
