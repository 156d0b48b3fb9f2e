import pytest

from tournage.accessibility.colours import colour_name
from tournage.accessibility.cues import Cue, Span, make_lines
from tournage.accessibility.errors import SubtitleFormatError
from tournage.accessibility.readers import read_subtitles
from tournage.accessibility.timecode import parse_frame_rate
from tournage.accessibility.writers import to_srt

from .samples import sample
from .stl_writer import gsi, tti, write_stl

YELLOW, RED, BLUE = "#FFFF00", "#FF0000", "#0000FF"


def test_srt_colours_italics_position():
    document = read_subtitles(sample("clean.srt"))
    assert document.format == "srt"
    assert len(document.cues) == 5
    first, second, _, fourth, fifth = document.cues
    assert (first.start_ms, first.end_ms) == (1000, 3400)
    assert first.lines == ((Span("(PORTE QUI CLAQUE)", RED),),)
    assert second.text_lines == ("- Tu es rentrée tard hier soir.", "- Je sais, pardon.")
    assert second.lines[1][0].colour == YELLOW
    assert (fourth.vertical, fourth.align) == ("top", "center")
    assert all(span.italic for line in fifth.lines for span in line)


def test_webvtt_classes_speaker_and_settings():
    document = read_subtitles(sample("sample.vtt"))
    first, second, third = document.cues
    assert first.lines[0][0].colour == RED
    assert second.speaker == "Marie"
    assert second.lines[0][0] == Span("Tu m'entends ?", YELLOW)
    assert (second.vertical, second.align) == ("top", "left")
    assert third.lines[0][0].colour == BLUE


def test_ass_styles_comments_and_overrides():
    document = read_subtitles(sample("sample.ass"))
    assert document.format == "ass"
    assert len(document.cues) == 2  # the Comment line is not a subtitle
    off_screen, second = document.cues
    assert off_screen.lines[0][0] == Span("On t'attend en bas.", YELLOW, italic=True)
    assert off_screen.vertical == "top"  # style alignment 8
    assert second.lines[0][0].colour == RED  # {\c&H0000FF&} is BGR
    assert second.text_lines[1:] == ("Une ligne", "et une troisième")


def test_ttml_timing_styles_and_regions():
    document = read_subtitles(sample("sample.ttml"))
    assert document.format == "ttml"
    s1, s2, s3 = document.cues
    assert (s1.start_ms, s1.end_ms) == (10_000, 12_000)  # div offset + frames at 25 fps
    assert s1.lines[0][0].colour == YELLOW  # style chain base -> off
    assert (s2.start_ms, s2.end_ms, s2.vertical) == (12_500, 12_900, "top")
    assert s3.vertical == "bottom"
    assert s3.text_lines == ("(SILENCE)", "Enfin seuls.")
    assert s3.lines[1][0] == Span("Enfin", None, italic=True)  # no style: default colour


def _stl_cues():
    return [
        Cue(1, 1000, 3000, ((Span("Élise arrive", YELLOW),),)),
        Cue(
            2,
            4000,
            6040,
            ((Span("(BRUIT DE PAS)", RED),), (Span("Où es-tu ?", italic=True),)),
            vertical="top",
        ),
        Cue(
            3, 7000, 9000, make_lines([("Une réplique très longue " * 6).strip()])
        ),  # extension blocks
    ]


@pytest.mark.parametrize(("rate_name", "code"), [("25", "STL25.01"), ("29.97df", "STL30.01")])
def test_stl_round_trip_through_srt(rate_name, code):
    rate = parse_frame_rate(rate_name)
    data = write_stl(_stl_cues(), rate, code)
    document = read_subtitles(data, rate if rate.drop_frame else None)
    assert document.format == "stl"
    assert document.title == "Essai"
    assert [c.text_lines for c in document.cues] == [c.text_lines for c in _stl_cues()]
    for read, written in zip(document.cues, _stl_cues(), strict=True):
        assert abs(read.start_ms - written.start_ms) <= 1000 / float(rate.fps)
    assert _styled(document.cues) == _styled(_stl_cues())
    assert document.cues[1].lines[1][0].italic
    assert document.cues[1].vertical == "top"
    again = read_subtitles(to_srt(document).encode())
    assert [c.text_lines for c in again.cues] == [c.text_lines for c in document.cues]
    assert _styled(again.cues) == _styled(document.cues)


def _styled(cues):
    """Text, colour name and italics of every span (white may be explicit or default)."""
    return [
        [[(s.text, colour_name(s.colour), s.italic) for s in line] for line in cue.lines]
        for cue in cues
    ]


def test_stl_comment_blocks_and_other_code_table():
    rate = parse_frame_rate("25")
    cue = Cue(1, 0, 2000, make_lines(["x"]))
    greek = b"\x07" + "Καλημέρα".encode("iso8859_7")
    data = (
        gsi(blocks=2, start="00000000", table="03")
        + tti(1, cue, rate, 0, b"\x07note", comment=1)
        + tti(2, cue, rate, 0, greek)
    )
    document = read_subtitles(data)
    assert [c.text for c in document.cues] == ["Καλημέρα"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "vide"),
        (b"   \n\n", "vide"),
        (b"\x00\x01\x02binary", "binaire"),
        (b"hello world", "non reconnu"),
        (b"WEBVTT\n\nno cue here\n", "Aucun sous-titre"),
        (b"<tt><body><p begin='x'>a</p></body></tt>", "illisible"),
        (b"<html/>", "TTML"),
        (b"<tt", "XML"),
        # found by atheris: expat raises LookupError on an unknown declared encoding
        (b'<?xml version="1.0" encoding="UTF-9"?><tt/>', "encodage"),
        (b"850STL25.01" + b" " * 20, "GSI"),
        (gsi() + b"\x00" * 100, "tronqué"),
        (gsi(table="09"), "Table"),
        (gsi(rate_code="STL99.01"), "format STL"),
    ],
)
def test_malformed_inputs_give_french_errors(data, message):
    with pytest.raises(SubtitleFormatError, match=message):
        read_subtitles(data)


def test_xml_entity_bomb_is_refused():
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE tt [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<tt xmlns="http://www.w3.org/ns/ttml"><body><div><p begin="0s" end="1s">&b;</p>'
        b"</div></body></tt>"
    )
    with pytest.raises(SubtitleFormatError, match="dangereux"):
        read_subtitles(bomb)


def test_stl_bad_timecode_names_the_block():
    rate = parse_frame_rate("25")
    block = bytearray(tti(1, Cue(1, 0, 1000, make_lines(["a"])), rate, 0, b"a"))
    block[8] = 40  # 40 frames at 25 fps
    with pytest.raises(SubtitleFormatError, match="TTI n° 1"):
        read_subtitles(gsi(blocks=1, start="00000000") + bytes(block))


def test_windows_1252_is_decoded_with_a_note():
    document = read_subtitles("1\n00:00:01,000 --> 00:00:02,000\nCafé\n".encode("cp1252"))
    assert document.cues[0].text == "Café"
    assert document.notes


def test_huge_file_is_refused_before_parsing():
    with pytest.raises(SubtitleFormatError, match="trop gros"):
        read_subtitles(b"1\n" + b"x" * (21 * 1024 * 1024))


def test_ttml_smpte_drop_frame_labels():
    data = (
        b'<tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttp="http://www.w3.org/ns/ttml#parameter"'
        b' ttp:timeBase="smpte" ttp:frameRate="30" ttp:frameRateMultiplier="1000 1001"'
        b' ttp:dropMode="dropNTSC"><body><div>'
        b'<p begin="00:10:00:00" end="00:10:02:00">Dix minutes</p>'
        b"</div></body></tt>"
    )
    cue = read_subtitles(data).cues[0]
    # 00:10:00;00 is frame 17,982 at 29.97 DF: 599.9994 s of media time
    assert cue.start_ms == round(17982 * 1001 / 30)
    assert cue.end_ms - cue.start_ms == round(60 * 1001 / 30)


def test_stl_extension_blocks_padded_with_filler_are_joined():
    rate = parse_frame_rate("25")
    cue = Cue(1, 0, 2000, make_lines(["x"]))
    first = tti(1, cue, rate, 0, b"\x07Une phrase coup", extension=0)  # padded with 0x8F
    second = tti(1, cue, rate, 0, b"ee en deux blocs")
    document = read_subtitles(gsi(blocks=2, start="00000000") + first + second)
    assert [c.text for c in document.cues] == ["Une phrase coupee en deux blocs"]
