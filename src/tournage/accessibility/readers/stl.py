"""EBU-STL (EBU Tech 3264): a 1024-byte GSI block then 128-byte TTI blocks.

Hand-written: no maintained Python library reads STL with its teletext colours.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from tournage.accessibility.colours import palette
from tournage.accessibility.cues import Cue, Line, Span, trim_line
from tournage.accessibility.errors import SubtitleFormatError
from tournage.accessibility.tables import TELETEXT
from tournage.accessibility.timecode import FrameRate, hmsf_to_frames, parse_frame_rate


def looks_like_stl(data: bytes) -> bool:
    return len(data) >= 11 and data[3:6] == b"STL" and data[8:11] == b".01"


@dataclass(frozen=True)
class StlHeader:
    """The GSI fields the checks use."""

    frame_rate: FrameRate
    character_table: str
    title: str
    language: str
    declared_blocks: int
    start_of_programme: int  # frames


def read_stl(data: bytes, frame_rate: FrameRate | None = None) -> tuple[StlHeader, tuple[Cue, ...]]:
    stl = TELETEXT.load().stl
    gsi_size, tti_size = stl.gsi_bytes, stl.tti_bytes
    if len(data) < gsi_size or not looks_like_stl(data):
        raise SubtitleFormatError(
            "subtitles.stl_gsi", "Fichier EBU-STL invalide : bloc GSI absent ou tronqué."
        )
    if (len(data) - gsi_size) % tti_size:
        raise SubtitleFormatError(
            "subtitles.stl_truncated",
            f"Fichier EBU-STL tronqué : {len(data) - gsi_size} octets après le GSI, "
            f"pas un multiple de {tti_size}.",
        )
    header = _header(data[:gsi_size], frame_rate)
    blocks = [data[at : at + tti_size] for at in range(gsi_size, len(data), tti_size)]
    return header, _cues(blocks, header)


def _gsi_text(gsi: bytes, start: int, end: int, codec: str) -> str:
    return gsi[start:end].decode(codec, errors="replace").strip()


def _header(gsi: bytes, override: FrameRate | None) -> StlHeader:
    stl = TELETEXT.load().stl
    codec = stl.code_pages.get(gsi[0:3].decode("ascii", "replace"), "cp850")
    disk_format = gsi[3:11].decode("ascii", "replace")
    if disk_format not in stl.disk_format_codes and override is None:
        raise SubtitleFormatError(
            "subtitles.stl_format",
            f"Code de format STL « {disk_format} » inconnu ; précisez --fps.",
        )
    rate = override or parse_frame_rate(stl.disk_format_codes[disk_format])
    table = gsi[12:14].decode("ascii", "replace")
    if table not in stl.character_code_tables:
        raise SubtitleFormatError(
            "subtitles.stl_charset", f"Table de caractères STL « {table} » inconnue."
        )
    declared = _gsi_text(gsi, 238, 243, "ascii")
    start = _gsi_text(gsi, 256, 264, "ascii")
    return StlHeader(
        rate,
        table,
        _gsi_text(gsi, 16, 48, codec),
        _gsi_text(gsi, 14, 16, "ascii"),
        int(declared) if declared.isdigit() else -1,
        _start_frames(start, rate),
    )


def _start_frames(text: str, rate: FrameRate) -> int:
    """Time code of the start of programme (TCP, HHMMSSFF), 0 when absent or invalid."""
    if len(text) != 8 or not text.isdigit():
        return 0
    try:
        return hmsf_to_frames(int(text[0:2]), int(text[2:4]), int(text[4:6]), int(text[6:8]), rate)
    except SubtitleFormatError:
        return 0


def _block_time(block: bytes, at: int, rate: FrameRate, number: int) -> int:
    hh, mm, ss, ff = block[at : at + 4]
    try:
        return hmsf_to_frames(hh, mm, ss, ff, rate)
    except SubtitleFormatError as error:
        raise SubtitleFormatError(
            "subtitles.stl_block", f"Bloc TTI n° {number} : {error.message}"
        ) from None


def _cues(blocks: list[bytes], header: StlHeader) -> tuple[Cue, ...]:
    control = TELETEXT.load().stl.control
    last_block, filler = control.last_extension_block, bytes([control.filler])
    rate = header.frame_rate
    groups: list[tuple[bytes, bytes, int, int]] = []  # header bytes, text field, in, out
    for number, block in enumerate(blocks, start=1):
        if block[15] == 1:  # comment flag: not subtitle text
            continue
        previous = groups[-1][0] if groups else b""
        if previous[1:3] == block[1:3] and previous[3:4] != bytes([last_block]):
            _, text, start, end = groups[-1]  # an extension block continues the text
            groups[-1] = (block[:16], text.rstrip(filler) + block[16:], start, end)
            continue
        start, end = _block_time(block, 5, rate, number), _block_time(block, 9, rate, number)
        groups.append((block[:16], block[16:], start, end))
    # TCI/TCO are absolute; they count from the start of programme when it precedes them
    origin = header.start_of_programme
    if any(start < origin for _, _, start, _ in groups):
        origin = 0
    return tuple(
        Cue(
            index,
            rate.frames_to_ms(start - origin),
            rate.frames_to_ms(end - origin),
            decode_text_field(text, header.character_table),
            "top" if first[13] < 12 else "bottom",
            {1: "left", 3: "right"}.get(first[14], "center"),
        )
        for index, (first, text, start, end) in enumerate(groups, 1)
    )


def decode_text_field(field: bytes, table: str) -> tuple[Line, ...]:
    """Teletext text field: colour codes (0x00-0x07), italics, 0x8A line breaks, 0x8F filler."""
    control = TELETEXT.load().stl.control
    colours = _teletext_colours()
    lines: list[list[Span]] = [[]]
    colour: str | None = None
    italic = False
    chunk = bytearray()

    def flush() -> None:
        if chunk:
            lines[-1].append(Span(_decode_chars(bytes(chunk), table), colour, italic))
            chunk.clear()

    for byte in field:
        if byte == control.filler:
            break
        if byte == control.newline:
            flush()
            lines.append([])
        elif byte in (control.italics_on, control.italics_off):
            flush()
            italic = byte == control.italics_on
        elif byte < 0x20:  # teletext spacing attribute: shows as a space
            flush()
            colour = colours.get(byte, colour)
            chunk.append(0x20)
        elif 0x80 <= byte < 0xA0:  # other control codes (underline, boxing): no glyph
            flush()
        else:
            chunk.append(byte)
    flush()
    return tuple(trimmed for line in lines if (trimmed := trim_line(line)))


@cache
def _teletext_colours() -> dict[int, str]:
    """Teletext alpha colour code → ``#RRGGBB``."""
    return {entry.code: palette()[name] for name, entry in TELETEXT.load().colours.palette.items()}


def _decode_chars(raw: bytes, table: str) -> str:
    codec = TELETEXT.load().stl.character_code_tables[table]
    if codec != "iso6937":
        return raw.decode(codec, errors="replace")
    return decode_iso6937(raw)


def decode_iso6937(raw: bytes) -> str:
    """ISO 6937: ASCII, extra spacing characters, and diacritics placed before the letter."""
    iso = TELETEXT.load().iso6937
    out: list[str] = []
    pending = ""
    for byte in raw:
        if byte in iso.diacritics:
            pending = iso.diacritics[byte]
            continue
        char = iso.spacing.get(byte) or (chr(byte) if byte < 0x7F else "\ufffd")
        out.append(unicodedata.normalize("NFC", char + pending) if pending else char)
        pending = ""
    return "".join(out)
