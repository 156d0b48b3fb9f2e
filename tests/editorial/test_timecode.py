"""Timecodes at every accepted rate, drop-frame included."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tournage.editorial import EditorialError, format_timecode, frame_rate, parse_timecode
from tournage.editorial.timecode import rates, seconds


def test_known_values() -> None:
    pal = frame_rate("25")
    assert parse_timecode("01:00:00:00", pal) == 90_000
    assert format_timecode(90_012, pal) == "01:00:00:12"
    ntsc = frame_rate("29.97")
    # 00:01:00;02 is the first frame of minute 1: frames 00 and 01 are skipped.
    assert parse_timecode("00:01:00;02", ntsc) == 1800
    assert format_timecode(1800, ntsc, drop_frame=True) == "00:01:00;02"
    assert format_timecode(17982, ntsc, drop_frame=True) == "00:10:00;00"


def test_a_skipped_drop_frame_number_is_refused() -> None:
    with pytest.raises(EditorialError) as error:
        parse_timecode("00:01:00;00", frame_rate("29.97"))
    assert error.value.code == "editorial.timecode"


@pytest.mark.parametrize("text", ["01:00:00:25", "01:61:00:00", "1:00", "01:00:00:0x", ""])
def test_impossible_timecodes_are_refused(text: str) -> None:
    with pytest.raises(EditorialError):
        parse_timecode(text, frame_rate("25"))


def test_rates_by_label_number_and_fraction() -> None:
    assert frame_rate(25).fps == 25
    assert frame_rate("23,976").fps == Fraction(24000, 1001)
    assert frame_rate(Fraction(30000, 1001)).label == "29.97"
    assert frame_rate(None).label == "25"
    with pytest.raises(EditorialError) as error:
        frame_rate("17")
    assert "17" in error.value.message


def test_seconds() -> None:
    assert str(seconds(37, frame_rate("25"))) == "1.480"


@given(st.sampled_from(sorted(rates())), st.integers(0, 24 * 3600 * 60 - 1), st.booleans())
def test_format_then_parse_gives_the_same_frame(label: str, frames: int, drop: bool) -> None:
    rate = frame_rate(label)
    drop = drop and rate.dropped > 0
    assert parse_timecode(format_timecode(frames, rate, drop), rate, drop) == frames
