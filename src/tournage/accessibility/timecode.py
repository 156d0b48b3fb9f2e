"""Frame rates and SMPTE timecodes, drop-frame aware.

Cue times are kept in integer milliseconds (the precision of SRT/WebVTT); frame
counts are derived at the programme's rate so gaps and durations are frame-accurate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from tournage.accessibility.errors import SubtitleFormatError


@dataclass(frozen=True)
class FrameRate:
    """A video frame rate such as 25 or 30000/1001 (29.97), optionally drop-frame."""

    fps: Fraction
    drop_frame: bool = False

    @property
    def nominal(self) -> int:
        """Frames counted per timecode second (30 for 29.97)."""
        return round(self.fps)

    @property
    def label(self) -> str:
        text = f"{float(self.fps):.3f}".rstrip("0").rstrip(".")
        return text + ("DF" if self.drop_frame else "")

    def ms_to_frames(self, ms: int) -> int:
        return round(Fraction(ms) * self.fps / 1000)

    def frames_to_ms(self, frames: int) -> int:
        return round(Fraction(frames) * 1000 / self.fps)

    def ms_to_tc(self, ms: int) -> str:
        return frames_to_tc(self.ms_to_frames(max(ms, 0)), self)


_RATES = {
    "23.976": Fraction(24000, 1001),
    "24": Fraction(24),
    "25": Fraction(25),
    "29.97": Fraction(30000, 1001),
    "30": Fraction(30),
    "50": Fraction(50),
    "59.94": Fraction(60000, 1001),
    "60": Fraction(60),
}

SUPPORTED_RATES = tuple(_RATES)


def parse_frame_rate(text: str) -> FrameRate:
    """``"25"``, ``"29.97"``, ``"29.97df"`` (drop-frame), ``"23.976"``..."""
    cleaned = text.strip().lower().replace(",", ".")
    drop = cleaned.endswith("df")
    key = cleaned.removesuffix("df").rstrip("-_ ")
    if key not in _RATES:
        raise SubtitleFormatError(
            "subtitles.frame_rate",
            f"Cadence « {text} » non prise en charge (choix : {', '.join(SUPPORTED_RATES)}).",
        )
    fps = _RATES[key]
    if drop and fps.denominator != 1001:
        raise SubtitleFormatError(
            "subtitles.drop_frame", f"Le drop-frame n'existe qu'à 29,97 et 59,94 i/s, pas à {key}."
        )
    return FrameRate(fps, drop)


def _drop_per_minute(rate: FrameRate) -> int:
    return 2 * (rate.nominal // 30) if rate.drop_frame else 0


def frames_to_tc(frames: int, rate: FrameRate) -> str:
    """SMPTE label of a frame count; drop-frame labels use ``;`` before the frames."""
    nominal = rate.nominal
    drop = _drop_per_minute(rate)
    if drop:
        per_ten_minutes = nominal * 600 - 9 * drop
        per_minute = nominal * 60 - drop
        tens, rest = divmod(frames, per_ten_minutes)
        skipped = 9 * drop * tens
        if rest >= drop:
            skipped += drop * ((rest - drop) // per_minute)
        frames += skipped
    ff = frames % nominal
    total_seconds = frames // nominal
    hh, rem = divmod(total_seconds, 3600)
    mm, ss = divmod(rem, 60)
    separator = ";" if drop else ":"
    return f"{hh % 100:02d}:{mm:02d}:{ss:02d}{separator}{ff:02d}"


_TC = re.compile(r"^(\d{1,2}):(\d{2}):(\d{2})[:;.](\d{2})$")


def tc_to_frames(text: str, rate: FrameRate) -> int:
    """Frame count of ``HH:MM:SS:FF`` (or ``;FF`` drop-frame) at ``rate``."""
    match = _TC.match(text.strip())
    if not match:
        raise SubtitleFormatError(
            "subtitles.timecode", f"Timecode « {text} » illisible (attendu HH:MM:SS:FF)."
        )
    hh, mm, ss, ff = (int(group) for group in match.groups())
    return hmsf_to_frames(hh, mm, ss, ff, rate)


def hmsf_to_frames(hh: int, mm: int, ss: int, ff: int, rate: FrameRate) -> int:
    nominal = rate.nominal
    if mm > 59 or ss > 59 or ff >= nominal:
        raise SubtitleFormatError(
            "subtitles.timecode",
            f"Timecode {hh:02d}:{mm:02d}:{ss:02d}:{ff:02d} hors limites à {rate.label} i/s.",
        )
    drop = _drop_per_minute(rate)
    if drop and ss == 0 and ff < drop and mm % 10:
        raise SubtitleFormatError(
            "subtitles.timecode",
            f"Timecode {hh:02d}:{mm:02d}:{ss:02d};{ff:02d} n'existe pas en drop-frame.",
        )
    total_minutes = 60 * hh + mm
    frames = (3600 * hh + 60 * mm + ss) * nominal + ff
    return frames - drop * (total_minutes - total_minutes // 10)
