"""Write cues back as SRT, WebVTT or TTML (EBU-TT-D style), colours and italics kept."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

from tournage.accessibility.colours import colour_name
from tournage.accessibility.cues import Cue, Line, SubtitleDocument
from tournage.accessibility.readers.markup import ALIGNMENTS
from tournage.accessibility.readers.ttml import TT, TTS, XML

WEBVTT_CLASSES = {"white", "lime", "cyan", "red", "yellow", "magenta", "blue", "black"}


def _clock(ms: int, separator: str) -> str:
    ms = max(ms, 0)
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{separator}{millis:03d}"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _tagged(line: Line, colour_tags: Callable[[str], tuple[str, str] | None]) -> str:
    """Escaped text with italics and, for a colour other than white, the format's tags."""
    parts = []
    for span in line:
        text = _escape(span.text)
        if span.italic:
            text = f"<i>{text}</i>"
        tags = colour_tags(span.colour) if span.colour else None
        if tags and colour_name(span.colour) != "white":
            text = f"{tags[0]}{text}{tags[1]}"
        parts.append(text)
    return "".join(parts)


def _srt_colour(colour: str) -> tuple[str, str]:
    return f'<font color="{colour}">', "</font>"


def _vtt_colour(colour: str) -> tuple[str, str] | None:
    """WebVTT has class names for the teletext primaries only (green is ``lime``)."""
    name = colour_name(colour).replace("green", "lime")
    return (f"<c.{name}>", "</c>") if name in WEBVTT_CLASSES else None


def _srt_position(cue: Cue) -> str:
    """The ASS-style ``{\\anN}`` tag most players honour in SRT (none for bottom centre)."""
    number = next(n for n, place in ALIGNMENTS.items() if place == (cue.vertical, cue.align))
    return "" if number == 2 else f"{{\\an{number}}}"


def to_srt(document: SubtitleDocument) -> str:
    blocks = [
        f"{number}\n{_clock(cue.start_ms, ',')} --> {_clock(cue.end_ms, ',')}\n"
        + _srt_position(cue)
        + "\n".join(_tagged(line, _srt_colour) for line in cue.lines)
        for number, cue in enumerate(document.cues, start=1)
    ]
    return "\n\n".join(blocks) + "\n"


def _vtt_settings(cue: Cue) -> str:
    settings = {"top": " line:0", "middle": " line:50%"}.get(cue.vertical, "")
    return settings + ("" if cue.align == "center" else f" align:{cue.align}")


def to_vtt(document: SubtitleDocument) -> str:
    blocks = [
        f"{_clock(cue.start_ms, '.')} --> {_clock(cue.end_ms, '.')}{_vtt_settings(cue)}\n"
        + "\n".join(_tagged(line, _vtt_colour) for line in cue.lines)
        for cue in document.cues
    ]
    return "WEBVTT\n\n" + "\n\n".join(blocks) + "\n"


_REGIONS = {
    "top": ("10% 5%", "80% 20%"),
    "middle": ("10% 40%", "80% 20%"),
    "bottom": ("10% 75%", "80% 20%"),
}


def to_ttml(document: SubtitleDocument) -> str:
    """EBU-TT-D-shaped TTML: media time base, hex colours, xml:id on each paragraph."""
    ET.register_namespace("", TT)
    ET.register_namespace("tts", TTS)
    root = ET.Element(f"{{{TT}}}tt", {f"{{{XML}}}lang": document.language or "fr"})
    layout = ET.SubElement(ET.SubElement(root, f"{{{TT}}}head"), f"{{{TT}}}layout")
    for name, (origin, extent) in _REGIONS.items():
        ET.SubElement(
            layout,
            f"{{{TT}}}region",
            {f"{{{XML}}}id": name, f"{{{TTS}}}origin": origin, f"{{{TTS}}}extent": extent},
        )
    div = ET.SubElement(ET.SubElement(root, f"{{{TT}}}body"), f"{{{TT}}}div")
    for number, cue in enumerate(document.cues, start=1):
        paragraph = ET.SubElement(
            div,
            f"{{{TT}}}p",
            {
                f"{{{XML}}}id": f"sub{number}",
                "begin": _clock(cue.start_ms, "."),
                "end": _clock(cue.end_ms, "."),
                "region": cue.vertical,
                f"{{{TTS}}}textAlign": cue.align,
            },
        )
        for line_number, line in enumerate(cue.lines):
            if line_number:
                ET.SubElement(paragraph, f"{{{TT}}}br")
            for span in line:
                attributes = {f"{{{TTS}}}color": span.colour or "#FFFFFF"}
                if span.italic:
                    attributes[f"{{{TTS}}}fontStyle"] = "italic"
                ET.SubElement(paragraph, f"{{{TT}}}span", attributes).text = span.text
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


WRITERS: dict[str, Callable[[SubtitleDocument], str]] = {
    "srt": to_srt,
    "vtt": to_vtt,
    "ttml": to_ttml,
}
