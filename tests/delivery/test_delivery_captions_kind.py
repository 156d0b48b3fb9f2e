"""The SME subtitle track signalled as captions for the deaf and hard of hearing."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np

from tournage.delivery.media import probe
from tournage.delivery.qc import run_qc


def master_with_subtitles(tmp_path: Path, flags: list[av.stream.Disposition]) -> Path:
    """A short Matroska file with one SubRip stream per entry of ``flags``."""
    srt = tmp_path / "cues.srt"
    srt.write_text("1\n00:00:00,000 --> 00:00:00,080\n[Porte qui claque]\n", encoding="utf-8")
    path = tmp_path / "master.mkv"
    with av.open(str(srt)) as source, av.open(str(path), "w") as out:
        video = out.add_stream("ffv1", rate=25)
        video.width, video.height, video.pix_fmt = 64, 64, "yuv420p"
        subtitles = []
        for flag in flags:
            stream = out.add_stream_from_template(source.streams.subtitles[0])
            stream.disposition = flag
            subtitles.append(stream)
        for index in range(3):
            frame = av.VideoFrame.from_ndarray(np.full((96, 64), 128, np.uint8), format="yuv420p")
            frame.pts = index
            out.mux(video.encode(frame))
        out.mux(video.encode(None))
        packets = [p for p in source.demux(source.streams.subtitles[0]) if p.dts is not None]
        for stream in subtitles:
            for packet in packets:
                packet.stream = stream
                out.mux(packet)
    return path


def captions(path: Path) -> dict:
    return next(c for c in run_qc(path, "web-rgaa")["checks"] if c["id"] == "captions_kind")


def test_a_track_flagged_for_the_deaf_passes(tmp_path: Path) -> None:
    path = master_with_subtitles(tmp_path, [av.stream.Disposition.hearing_impaired])
    assert probe(path).subtitles[0].for_deaf is True
    assert captions(path)["status"] == "pass"


def test_plain_subtitles_fail_where_the_profile_asks(tmp_path: Path) -> None:
    path = master_with_subtitles(tmp_path, [av.stream.Disposition(0)])
    result = captions(path)
    assert result["status"] == "fail" and result["measured"]["subtitle_streams"] == 1


def test_no_subtitle_stream_fails_and_other_profiles_do_not_ask(tmp_path: Path) -> None:
    path = master_with_subtitles(tmp_path, [])
    assert "aucune piste" in captions(path)["message"]
    assert all(c["id"] != "captions_kind" for c in run_qc(path, "youtube")["checks"])
