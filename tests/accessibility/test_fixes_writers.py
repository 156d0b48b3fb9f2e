import pytest

from tournage.accessibility.checks import CheckOptions, check_document
from tournage.accessibility.fixes import apply_fixes
from tournage.accessibility.readers import read_subtitles
from tournage.accessibility.writers import WRITERS

from .samples import sample

FIXED_BY_SUGGESTIONS = {
    "NFX-CHAINING",
    "GEN-OVERLAP",
    "NFX-LINE-LENGTH",
    "NFX-MAX-DURATION",
    "NFX-ONE-LINE",
    "NFX-MAX-LINES",
    "NFX-LINE-BREAK",
}


def test_fixes_remove_the_mechanical_findings_and_leave_the_original():
    original = read_subtitles(sample("defects.srt"))
    before = check_document(original, CheckOptions("netflix-fr"))
    fixed = apply_fixes(original, before.findings)
    after = check_document(fixed, CheckOptions("netflix-fr"))
    remaining = {f.code for f in after.findings}
    assert not remaining & FIXED_BY_SUGGESTIONS
    assert {"NFX-DASH", "NFX-ELLIPSIS", "GEN-ENCODING"} <= remaining  # not mechanical
    assert original == read_subtitles(sample("defects.srt"))
    assert fixed.cues[7].end_ms == fixed.cues[7].start_ms + 7000
    assert fixed.cues[1].end_ms == fixed.cues[2].start_ms - 80  # 2 frames at 25 fps


def test_reading_time_fix_extends_into_the_gap():
    original = read_subtitles(
        b"1\n00:00:01,000 --> 00:00:01,500\nJe reviens tout de suite.\n\n"
        b"2\n00:00:09,000 --> 00:00:10,000\nBien.\n"
    )
    report = check_document(original, CheckOptions("fr-csa-2011"))
    fixed = apply_fixes(original, report.findings)
    assert fixed.cues[0].end_ms > 1500
    codes = {f.code for f in check_document(fixed, CheckOptions("fr-csa-2011")).findings}
    assert "SME-READING-TIME" not in codes


@pytest.mark.parametrize("format_", sorted(WRITERS))
@pytest.mark.parametrize("name", ["clean.srt", "sample.ttml", "sample.vtt"])
def test_writers_round_trip(name, format_):
    document = read_subtitles(sample(name))
    again = read_subtitles(WRITERS[format_](document).encode("utf-8"))
    assert again.format == format_
    assert [(c.start_ms, c.end_ms, c.text_lines) for c in again.cues] == [
        (c.start_ms, c.end_ms, c.text_lines) for c in document.cues
    ]
    assert [c.vertical for c in again.cues] == [c.vertical for c in document.cues]
    assert [c.align for c in again.cues] == [c.align for c in document.cues]
