import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tournage.accessibility.errors import SubtitleFormatError
from tournage.accessibility.timecode import (
    SUPPORTED_RATES,
    frames_to_tc,
    parse_frame_rate,
    tc_to_frames,
)

DF = parse_frame_rate("29.97df")


@pytest.mark.parametrize(
    ("frames", "label"),
    [
        (0, "00:00:00;00"),
        (1799, "00:00:59;29"),
        (1800, "00:01:00;02"),  # ;00 and ;01 are skipped at every minute...
        (17981, "00:09:59;29"),
        (17982, "00:10:00;00"),  # ...except every tenth minute
        (107892, "01:00:00;00"),  # one hour of 29.97 DF is 107,892 frames
    ],
)
def test_drop_frame_labels(frames, label):
    assert frames_to_tc(frames, DF) == label
    assert tc_to_frames(label, DF) == frames


def test_non_drop_rates():
    assert frames_to_tc(90000, parse_frame_rate("25")) == "01:00:00:00"
    assert frames_to_tc(86400, parse_frame_rate("23.976")) == "01:00:00:00"
    assert frames_to_tc(108000, parse_frame_rate("29.97")) == "01:00:00:00"
    assert parse_frame_rate("23.976").ms_to_frames(1001) == 24


def test_dropped_label_does_not_exist():
    with pytest.raises(SubtitleFormatError, match="drop-frame"):
        tc_to_frames("00:01:00;01", DF)


@pytest.mark.parametrize("bad", ["31", "25df", "abc", ""])
def test_bad_rates(bad):
    with pytest.raises(SubtitleFormatError):
        parse_frame_rate(bad)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 24 * 107892 - 1), st.sampled_from([*SUPPORTED_RATES, "29.97df", "59.94df"]))
def test_frames_round_trip(frames, rate_name):
    rate = parse_frame_rate(rate_name)
    assert tc_to_frames(frames_to_tc(frames, rate), rate) == frames


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10**8), st.sampled_from(SUPPORTED_RATES))
def test_ms_to_frames_is_within_half_a_frame(ms, rate_name):
    rate = parse_frame_rate(rate_name)
    back = rate.frames_to_ms(rate.ms_to_frames(ms))
    assert abs(back - ms) <= 500 / float(rate.fps) + 1
