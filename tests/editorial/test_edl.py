"""CMX 3600 lists: events, channels, comments, transitions, speed changes, warnings."""

from __future__ import annotations

from pathlib import Path

import pytest

from tournage.editorial import EditorialError, TrackKind, read_timeline

SAMPLE = (Path(__file__).parent / "samples" / "final_cut.edl").read_bytes()
EVENT = "001  AX       V     C        00:00:00:00 00:00:05:00 01:00:00:00 01:00:05:00\n"


def test_the_sample_final_cut() -> None:
    timeline = read_timeline(SAMPLE, "final_cut.edl")
    assert timeline.title == "AVANT LA CRUE - MONTAGE FINAL V3"
    assert timeline.format == "edl"
    assert timeline.warnings == ()
    first = timeline.clips[0]
    assert (first.track, first.reel, first.name) == ("V1", "A003C012", "A003C012_SC01_T4")
    assert first.source_file == "/rushes/J01/A003C012_240419_R1AB.mov"
    assert first.metadata["locator"] == "01:00:02:00 YELLOW PONTON"
    assert timeline.timecode(first.record_out) == "01:00:08:12"
    # event 1 plus AUD 3 4: picture and two audio tracks
    assert [c.track for c in timeline.clips if c.number == 1] == ["V1", "A3", "A4"]
    music = [c for c in timeline.clips if c.reel == "MUS01"]
    assert [c.track for c in music] == ["A1", "A2"]
    assert {c.kind for c in music} == {TrackKind.AUDIO}
    assert str(timeline.seconds(music[0].duration)) == "18.000"


def test_dissolve_takes_the_incoming_clip_name_and_keeps_its_frames() -> None:
    timeline = read_timeline(SAMPLE, "final_cut.edl")
    dissolve = next(c for c in timeline.clips if c.transition == "D")
    assert dissolve.name == "A007C010_SC05_T3"
    assert dissolve.transition_frames == 25


def test_speed_change_and_free_comments() -> None:
    timeline = read_timeline(SAMPLE, "final_cut.edl")
    slow = next(c for c in timeline.clips if c.number == 6)
    assert str(slow.speed) == "0.500"
    radio = next(c for c in timeline.clips if c.number == 5)
    assert radio.comments == ("Source : archive sonore a verifier",)


def test_durations_agree_with_the_opentimelineio_cmx_adapter() -> None:
    import opentimelineio as otio

    reference = otio.adapters.read_from_string(SAMPLE.decode(), "cmx_3600", rate=25)
    theirs = {
        (clip.name, clip.range_in_parent().duration.value)
        for track in reference.tracks
        for clip in track.find_clips()
    }
    ours = {(c.name, c.duration) for c in read_timeline(SAMPLE, "x.edl").clips if c.duration}
    assert theirs <= ours


def test_drop_frame_list() -> None:
    content = (
        b"TITLE: NTSC\nFCM: DROP FRAME\n"
        b"001  AX V C 00:00:59;29 00:01:00;02 00:59:59;28 01:00:00;00\n"
    )
    timeline = read_timeline(content, "x.edl", rate="29.97")
    assert timeline.drop_frame
    assert timeline.clips[0].duration == 2
    assert timeline.timecode(timeline.clips[0].record_out) == "01:00:00;00"


def test_overlapping_events_on_one_track_are_named() -> None:
    second = "002  AX V C 00:00:00:00 00:00:05:00 01:00:02:00 01:00:07:00\n"
    content = EVENT + second
    timeline = read_timeline(content.encode(), "x.edl")
    assert len(timeline.warnings) == 1
    assert "chevauche" in timeline.warnings[0]


def test_unknown_lines_are_warnings_not_errors() -> None:
    timeline = read_timeline(
        ("BONJOUR\n" + EVENT + "SPLIT: AUDIO DELAY=00:00:00:05\n").encode(), "x.edl"
    )
    assert len(timeline.clips) == 1
    assert len(timeline.warnings) == 2


def test_windows_1252_comments_are_read() -> None:
    content = (EVENT + "* FROM CLIP NAME: Rivière à l'aube\n").encode("cp1252")
    assert read_timeline(content, "x.edl").clips[0].name == "Rivière à l'aube"


def test_utf16_list_is_read() -> None:
    assert read_timeline(EVENT.encode("utf-16"), "x.edl").clips[0].reel == "AX"


@pytest.mark.parametrize(
    ("content", "code", "words"),
    [
        (b"", "editorial.empty", "vide"),
        (b"   \n\n", "editorial.empty", "vide"),
        (b"TITLE: RIEN\n", "editorial.no_event", "Aucun"),
        (b"\x00\x01\x02PK\x03\x04", "editorial.binary", "binaire"),
        (b"001  AX V C 01:00:00:00\n", "editorial.event", "Ligne 1"),
        (
            b"001  AX V Z 00:00:00:00 00:00:01:00 01:00:00:00 01:00:01:00",
            "editorial.edit_type",
            "Z",
        ),
        (
            b"001  AX Q9 C 00:00:00:00 00:00:01:00 01:00:00:00 01:00:01:00",
            "editorial.channels",
            "Q9",
        ),
        (
            b"001  AX V C 00:00:00:00 00:00:01:30 01:00:00:00 01:00:01:00",
            "editorial.timecode",
            "Ligne 1",
        ),
        (
            b"001  AX V C 00:00:02:00 00:00:01:00 01:00:00:00 01:00:01:00",
            "editorial.negative",
            "sortie",
        ),
        (b"A" * 3000 + b"\n", "editorial.line_too_long", "caract"),
    ],
)
def test_malformed_lists_are_refused_with_a_french_reason(
    content: bytes, code: str, words: str
) -> None:
    with pytest.raises(EditorialError) as error:
        read_timeline(content, "x.edl")
    assert error.value.code == code
    assert words in error.value.message


def test_huge_list_is_refused_before_parsing() -> None:
    with pytest.raises(EditorialError) as error:
        read_timeline(EVENT.encode() * 80_000, "x.edl")
    assert error.value.code == "editorial.too_large"


def test_too_many_events_are_refused() -> None:
    content = "".join(EVENT.replace("001", f"{n:06d}"[-6:], 1) for n in range(1, 20_003)).encode()
    with pytest.raises(EditorialError) as error:
        read_timeline(content, "x.edl")
    assert error.value.code == "editorial.too_many_events"


def test_an_unknown_extension_is_refused() -> None:
    with pytest.raises(EditorialError) as error:
        read_timeline(SAMPLE, "montage.aaf")
    assert ".aaf" in error.value.message


def test_to_dict_gives_timecodes() -> None:
    document = read_timeline(SAMPLE, "x.edl").to_dict()
    assert document["rate"] == "25"
    assert document["clips"][0]["record_in"] == "01:00:00:00"
    assert document["clips"][0]["duration_s"] == "8.480"
