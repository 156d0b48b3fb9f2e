"""SMPTE timecodes at the frame rates tournage accepts, drop-frame included.

A timeline counts frames; a timecode is how an editor writes a frame number. At 29.97 and
59.94 frames per second a drop-frame timecode skips the first 2 (or 4) frame numbers of
every minute except each tenth, so that its clock stays on real time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import cache

from tournage.editorial.errors import EditorialError
from tournage.editorial.rules import FORMATS

_TIMECODE = re.compile(r"^(\d{1,2})[:;.](\d{2})[:;.](\d{2})([:;.,])(\d{2,3})$")


@dataclass(frozen=True)
class FrameRate:
    label: str
    fps: Fraction
    drop_frame_allowed: bool = False

    @property
    def nominal(self) -> int:
        """Frames counted per second in a timecode (30 at 29.97)."""
        return round(self.fps)

    @property
    def dropped(self) -> int:
        """Frame numbers skipped each minute in drop-frame timecode (2 at 29.97)."""
        return self.nominal // 15 if self.drop_frame_allowed else 0


@cache
def rates() -> dict[str, FrameRate]:
    return {
        r.label: FrameRate(r.label, Fraction(r.fps), r.drop_frame) for r in FORMATS.load().rates
    }


def frame_rate(label: str | float | Fraction | None) -> FrameRate:
    """The accepted rate named ``label`` (``"25"``, ``"29.97"``, 25, 24000/1001...)."""
    if label is None:
        return rates()[FORMATS.load().cmx3600.default_rate]
    text = str(label).strip().replace(",", ".")
    known = rates()
    if text in known:
        return known[text]
    try:
        wanted = Fraction(text) if not isinstance(label, Fraction) else label
    except (ValueError, ZeroDivisionError):
        wanted = None
    for rate in known.values():
        if wanted is not None and abs(float(rate.fps) - float(wanted)) < 0.01:
            return rate
    raise EditorialError(
        "editorial.rate",
        f"Cadence « {str(label)[:20]} » non prise en charge (attendu : "
        + ", ".join(known)
        + " images par seconde).",
        rate=str(label)[:20],
    )


def parse_timecode(text: str, rate: FrameRate, drop_frame: bool = False) -> int:
    """Frame number of ``HH:MM:SS:FF`` (``;`` before the frames marks drop-frame)."""
    match = _TIMECODE.match(text.strip())
    if match is None:
        raise EditorialError("editorial.timecode", f"Code temps « {text[:30]} » illisible.")
    hours, minutes, seconds, separator, frames = match.groups()
    h, m, s, f = int(hours), int(minutes), int(seconds), int(frames)
    drop = (drop_frame or separator in ";,") and rate.dropped > 0
    if m > 59 or s > 59 or f >= rate.nominal:
        raise EditorialError(
            "editorial.timecode",
            f"Code temps « {text} » hors limites à {rate.label} images par seconde.",
        )
    if drop and s == 0 and m % 10 and f < rate.dropped:
        raise EditorialError(
            "editorial.timecode",
            f"Code temps « {text} » inexistant en drop frame (numéro d'image sauté).",
        )
    total_minutes = 60 * h + m
    count = (3600 * h + 60 * m + s) * rate.nominal + f
    if drop:
        count -= rate.dropped * (total_minutes - total_minutes // 10)
    return count


def format_timecode(frames: int, rate: FrameRate, drop_frame: bool = False) -> str:
    """``HH:MM:SS:FF`` of a frame number (``HH:MM:SS;FF`` in drop frame)."""
    sign = "-" if frames < 0 else ""
    count = abs(frames)
    drop = drop_frame and rate.dropped > 0
    if drop:
        per_ten = rate.nominal * 600 - rate.dropped * 9
        per_minute = rate.nominal * 60 - rate.dropped
        tens, rest = divmod(count, per_ten)
        count += rate.dropped * 9 * tens
        if rest > rate.dropped:
            count += rate.dropped * ((rest - rate.dropped) // per_minute)
    seconds, f = divmod(count, rate.nominal)
    minutes, s = divmod(seconds, 60)
    h, m = divmod(minutes, 60)
    return f"{sign}{h:02d}:{m:02d}:{s:02d}{';' if drop else ':'}{f:02d}"


def seconds(frames: int, rate: FrameRate) -> Decimal:
    """Duration of ``frames`` in seconds, to the millisecond."""
    exact = Fraction(frames) / rate.fps
    return (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(Decimal("0.001"))
