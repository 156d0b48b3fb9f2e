"""Fuzz the subtitle readers (SRT, WebVTT, ASS/SSA, TTML, EBU-STL) through read_subtitles,
from a grammar of each format's pieces mixed with arbitrary text and bytes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from fuzz.conftest import fuzz_settings
from fuzz.hostile import survives
from tournage.accessibility.readers import read_subtitles

NUMBER = st.integers(min_value=-(10**12), max_value=10**12).map(str)
TIMES = st.one_of(
    st.builds(
        "{}:{}:{}{}{}".format,
        NUMBER,
        NUMBER,
        NUMBER,
        st.sampled_from([",", ".", ":", ""]),
        NUMBER,
    ),
    st.sampled_from(["00:00:01,000", "00:00:02.500", "99:99:99,999", "0:0:0.0", "-1:00:00,000"]),
    st.text(max_size=12),
)
TEXT = st.one_of(
    st.text(max_size=60),
    st.sampled_from(
        [
            "<i>",
            "</i>",
            "<b>",
            '<font color="#ff0000">',
            "</font>",
            "{\\an8}",
            "{\\i1}",
            "<c.yellow>",
            "</c>",
            "- ",
            "<v Léa>",
            "&amp;",
            "<",
            "\\N",
            "♪",
        ]
    ),
)


def _cue_line() -> st.SearchStrategy[str]:
    timing = st.builds(
        "{} --> {}{}".format,
        TIMES,
        TIMES,
        st.sampled_from(["", " line:0 align:left", " line:50%", " position:10%"]),
    )
    return st.one_of(timing, NUMBER, TEXT, st.just(""))


SRT = st.lists(_cue_line(), max_size=40).map("\n".join)
VTT = st.builds(
    "WEBVTT{}\n\n{}".format,
    st.sampled_from(["", " - titre", "\nX-TIMESTAMP-MAP=LOCAL:00:00:00.000,MPEGTS:0"]),
    st.lists(
        st.one_of(_cue_line(), st.sampled_from(["NOTE x", "STYLE", "REGION"])), max_size=40
    ).map("\n".join),
)
ASS_FIELD = st.one_of(NUMBER, TIMES, TEXT, st.sampled_from(["Default", "&H00FFFFFF", "-1", "0"]))
ASS = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "[Script Info]",
                "ScriptType: v4.00+",
                "PlayResX: 1920",
                "[V4+ Styles]",
                "[V4 Styles]",
                "Format: Name, Fontname, Fontsize, PrimaryColour, Italic, Alignment",
                "[Events]",
                "Format: Layer, Start, End, Style, Text",
                "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text",
            ]
        ),
        st.builds("Style: {}".format, st.lists(ASS_FIELD, max_size=8).map(",".join)),
        st.builds("Dialogue: {}".format, st.lists(ASS_FIELD, max_size=11).map(",".join)),
        st.builds("Comment: {}".format, st.lists(ASS_FIELD, max_size=10).map(",".join)),
        TEXT,
    ),
    max_size=30,
).map(lambda lines: "[Script Info]\n" + "\n".join(lines))

TT_ATTRIBUTES = st.dictionaries(
    st.sampled_from(
        [
            "begin",
            "end",
            "dur",
            "region",
            "style",
            "tts:color",
            "tts:fontStyle",
            "tts:textAlign",
            "tts:origin",
            "tts:extent",
            "ttp:frameRate",
            "ttp:tickRate",
            "ttp:timeBase",
            "ttp:frameRateMultiplier",
            "ttp:dropMode",
            "tts:displayAlign",
            "xml:id",
        ]
    ),
    st.one_of(
        TIMES,
        st.sampled_from(
            [
                "10t",
                "25f",
                "1.5s",
                "00:00:01:12",
                "smpte",
                "1000 1001",
                "10% 80%",
                "italic",
                "#ff000080",
                "r1",
                "s1",
                "dropNTSC",
                "-5ms",
                "1e9h",
            ]
        ),
        NUMBER,
    ),
    max_size=4,
)


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda tag, attributes, inner, tail: (
            f"<{tag} "
            + " ".join(f'{k}="{v.replace(chr(34), "")}"' for k, v in attributes.items())
            + f">{inner}</{tag}>{tail}"
        ),
        st.sampled_from(
            ["div", "p", "span", "br", "body", "styling", "style", "region", "layout", "head"]
        ),
        TT_ATTRIBUTES,
        children,
        st.text(max_size=10).map(lambda t: t.replace("<", "").replace("&", "")),
    )


TT_BODY = st.recursive(
    st.text(max_size=20).map(lambda t: t.replace("<", "").replace("&", "")),
    lambda inner: st.lists(_element(inner), max_size=4).map("".join),
    max_leaves=30,
)
TTML = st.builds(
    lambda attributes, body: (
        '<?xml version="1.0" encoding="UTF-8"?><tt xmlns="http://www.w3.org/ns/ttml" '
        'xmlns:tts="http://www.w3.org/ns/ttml#styling" '
        'xmlns:ttp="http://www.w3.org/ns/ttml#parameter" '
        + " ".join(f'{k}="{v.replace(chr(34), "")}"' for k, v in attributes.items())
        + f"><body>{body}</body></tt>"
    ),
    TT_ATTRIBUTES,
    TT_BODY,
)


def _stl() -> st.SearchStrategy[bytes]:
    gsi = st.builds(
        lambda code_page, dfc, rest, blocks: (
            (code_page + b"STL" + dfc + b".01" + rest)[:1024].ljust(1024, b" ") + blocks
        ),
        st.sampled_from([b"850", b"437", b"860", b"863", b"865", b"xyz"]),
        st.sampled_from([b"25", b"30", b"24", b"xx"]),
        st.binary(max_size=1024),
        st.lists(
            st.builds(
                lambda head, text: (head + text)[:128].ljust(128, b"\x8f"),
                st.binary(min_size=16, max_size=16),
                st.binary(max_size=112),
            ),
            max_size=20,
        ).map(b"".join),
    )
    return gsi


@fuzz_settings()
@given(text=st.one_of(SRT, VTT, ASS, TTML, st.text(max_size=300)))
def test_text_subtitles(text: str) -> None:
    for encoding in ("utf-8", "utf-16", "latin-1"):
        data = text.encode(encoding, errors="replace")
        survives(lambda data=data: read_subtitles(data))


@fuzz_settings()
@given(data=st.one_of(_stl(), st.binary(max_size=4096)))
def test_binary_subtitles(data: bytes) -> None:
    survives(lambda: read_subtitles(data))
