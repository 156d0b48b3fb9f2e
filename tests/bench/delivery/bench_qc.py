"""Full QC pass vs decode-only time on a PAD-like master (1080i25 MPEG-2 4:2:2, 8 PCM tracks).

Content: a panning legal-range ramp with grain, programme-like noise (level moving every
10 s) on the eight mono tracks. The QC runs every check of the pad-hd-fr profile,
including the flash detector, A/V duration and head/tail.

Run: PYTHONPATH=src .venv/bin/python tests/bench/delivery/bench_qc.py [minutes] [repeats]
Synthesises the MXF once (cached in $TMPDIR), then measures each mode in a fresh
process, alternating decode / QC ``repeats`` times (default ``REPEATS``) and keeping the
fastest of each (the machine is shared): wall time, CPU time, speed x realtime, peak RSS.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import av
import numpy as np

from tournage.delivery.qc import run_qc  # imported up front: module loading is not timed
from tournage.delivery.synth import programme_chunks, write_media

REPEATS = 3


def pad_master(minutes: float) -> Path:
    """The master of ``minutes``; beyond one minute, whole minutes are the one-minute master
    repeated (stream copy): encoding 15,000 MPEG-2 pictures takes hours on a shared machine,
    and decoding and analysing cost the same per picture whatever the picture shows."""
    if minutes > 1 and minutes == int(minutes):
        return repeated(pad_master(1), int(minutes))
    path = Path(tempfile.gettempdir()) / f"tournage-bench-pad-v2-{minutes:g}min.mxf"
    if path.exists():
        return path
    fps, seconds = 25, minutes * 60
    rng = np.random.default_rng(1)
    grain = rng.normal(0, 4, (1080, 1920 + 400))  # legal-range picture with film-like grain
    base = np.linspace(32, 220, 1920 + 400)[None, :] + grain

    def picture(index: int) -> np.ndarray:
        shift = (index * 7) % 400
        return base[:, shift : shift + 1920]

    audio = np.concatenate(list(programme_chunks(seconds, channels=8)), axis=1)  # level moves
    write_media(
        path,
        [audio[i : i + 1] for i in range(8)],
        picture,
        round(seconds * fps),
        fps,
        container_format="mxf",
        pix_fmt="yuv422p",
        interlaced=True,
    )
    return path


def repeated(source: Path, times: int) -> Path:
    """``source`` played ``times`` times in one MXF, packets copied with shifted timestamps."""
    path = source.with_name(source.name.replace("1min", f"{times}min-repeated"))
    if path.exists():
        return path
    partial = path.with_suffix(".partial.mxf")
    with av.open(str(partial), "w", format="mxf") as out:
        with av.open(str(source)) as first:
            streams = {s.index: out.add_stream_from_template(s) for s in first.streams}
        for copy in range(times):
            with av.open(str(source)) as container:
                for packet in container.demux():
                    if packet.size == 0:  # the demuxer's end-of-stream marker
                        continue
                    shift = round(copy * 60 / packet.time_base)  # the source lasts a minute
                    packet.pts = None if packet.pts is None else packet.pts + shift
                    packet.dts = None if packet.dts is None else packet.dts + shift
                    packet.stream = streams[packet.stream.index]
                    out.mux(packet)
    partial.rename(path)
    return path


def decode_only(path: Path) -> dict[str, int]:
    frames = 0
    with av.open(str(path)) as container:
        container.streams.video[0].thread_type = "AUTO"
        for packet in container.demux():
            for frame in packet.decode():
                frame.to_ndarray() if frame.__class__ is av.AudioFrame else None
                frames += 1
    return {"frames": frames}


def full_qc(path: Path) -> dict[str, str]:
    return {"verdict": run_qc(path, "pad-hd-fr")["verdict"]}


def child(mode: str, path: Path) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF)
    cpu_before = before.ru_utime + before.ru_stime
    start = time.perf_counter()
    result = (decode_only if mode == "decode" else full_qc)(path)
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime - cpu_before
    rss = usage.ru_maxrss / 1024
    row = {"mode": mode, "wall_s": wall, "cpu_s": cpu, "max_rss_mib": rss, "result": result}
    print(json.dumps(row))


def main(minutes: float, repeats: int) -> None:
    path = pad_master(minutes)
    seconds = minutes * 60
    rows: dict[str, dict[str, Any]] = {}
    for _ in range(repeats):
        for mode in ("decode", "qc"):
            command = [sys.executable, __file__, "--child", mode, str(path)]
            out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
            row = json.loads(out.strip().splitlines()[-1])
            if mode not in rows or row["wall_s"] < rows[mode]["wall_s"]:
                rows[mode] = row
    for mode, row in rows.items():
        print(
            f"{mode:7s} {row['wall_s']:7.2f} s  {seconds / row['wall_s']:6.2f}x realtime  "
            f"CPU {row['cpu_s']:7.2f} s  max RSS {row['max_rss_mib']:6.0f} MiB  {row['result']}"
        )
    for measure in ("wall_s", "cpu_s"):
        ratio = rows["qc"][measure] / rows["decode"][measure]
        print(f"full QC / decode-only {measure[:-2]} time: {ratio:.2f}")
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], Path(sys.argv[3]))
    else:
        minutes = float(sys.argv[1]) if len(sys.argv) > 1 else 2.0
        main(minutes, int(sys.argv[2]) if len(sys.argv) > 2 else REPEATS)
