"""Arbitrary and hostile bytes never crash the readers nor the checks."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tournage.accessibility.checks import CheckOptions, check_document
from tournage.accessibility.errors import SubtitleFormatError
from tournage.accessibility.readers import read_subtitles
from tournage.accessibility.rules import rule_set_names

from .stl_writer import gsi

PREFIXES = [
    b"",
    b"WEBVTT\n\n",
    b"1\n00:00:01,000 --> ",
    b"[Script Info]\n[Events]\nFormat: Layer, Start, End, Style, Text\nDialogue: ",
    b'<tt xmlns="http://www.w3.org/ns/ttml"><body><div><p begin="',
    gsi(),
    gsi()[:1024] + bytes(16),
]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read_and_check(data: bytes) -> None:
    try:
        document = read_subtitles(data)
    except SubtitleFormatError as error:
        assert str(error)
        return
    for name in rule_set_names():
        report = check_document(document, CheckOptions(name, programme_ms=60_000))
        assert report.to_dict()["cues"] == len(document.cues)


@SETTINGS
@given(st.sampled_from(PREFIXES), st.binary(max_size=2000))
def test_arbitrary_bytes_after_a_format_header(prefix, tail):
    _read_and_check(prefix + tail)


@SETTINGS
@given(st.sampled_from(PREFIXES), st.text(max_size=800))
def test_arbitrary_text_after_a_format_header(prefix, tail):
    _read_and_check(prefix + tail.encode("utf-8"))


@settings(max_examples=60, deadline=None)
@given(st.binary(min_size=128, max_size=128 * 4))
def test_random_tti_blocks(blocks):
    _read_and_check(gsi(start="00000000") + blocks[: len(blocks) // 128 * 128])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 10**7), st.integers(-5000, 20000), st.text(max_size=60)),
        max_size=30,
    )
)
def test_generated_srt_files(events):
    def clock(ms: int) -> str:
        ms = max(ms, 0)
        return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"

    text = "\n\n".join(
        f"{n}\n{clock(start)} --> {clock(start + length)}\n{body}"
        for n, (start, length, body) in enumerate(events, 1)
    )
    _read_and_check(text.encode("utf-8"))


def test_deeply_nested_ttml():
    depth = 5000
    data = (
        b'<tt xmlns="http://www.w3.org/ns/ttml"><body>'
        + b"<div>" * depth
        + b'<p begin="0s" end="1s">a</p>'
        + b"</div>" * depth
        + b"</body></tt>"
    )
    _read_and_check(data)


def test_huge_but_valid_file_is_read():
    cue = "{n}\n00:{m:02d}:{s:02d},000 --> 00:{m:02d}:{s:02d},900\nLigne {n}\n"
    text = "\n".join(cue.format(n=n, m=n // 60 % 60, s=n % 60) for n in range(1, 20001))
    document = read_subtitles(text.encode())
    assert len(document.cues) == 20000
