"""A minimal EBU-STL writer for the tests (GSI + TTI blocks, teletext colours, ISO 6937)."""

from __future__ import annotations

import unicodedata

from tournage.accessibility.colours import colour_name
from tournage.accessibility.cues import Cue
from tournage.accessibility.timecode import FrameRate, frames_to_tc, hmsf_to_frames
from tournage.data import load_yaml

TABLES = load_yaml("accessibility/teletext.yaml")
CODES = {name: entry["code"] for name, entry in TABLES["colours"]["palette"].items()}
SPACING = {char: code for code, char in TABLES["iso6937"]["spacing"].items() if code != 0xA8}
DIACRITICS = {mark: code for code, mark in TABLES["iso6937"]["diacritics"].items()}


def encode_iso6937(text: str) -> bytes:
    out = bytearray()
    for char in text:
        if char in SPACING:
            out.append(SPACING[char])
        elif 0x20 <= ord(char) < 0x7F:
            out.append(ord(char))
        else:
            base, *marks = unicodedata.normalize("NFD", char)
            out.extend(DIACRITICS[mark] for mark in marks)
            out.append(ord(base))
    return bytes(out)


def gsi(
    rate_code: str = "STL25.01",
    blocks: int = 0,
    start: str = "10000000",
    table: str = "00",
    title: str = "Essai",
) -> bytes:
    block = bytearray(b" " * 1024)
    block[0:3] = b"850"
    block[3:11] = rate_code.encode()
    block[11:12] = b"1"
    block[12:14] = table.encode()
    block[14:16] = b"0F"
    block[16 : 16 + len(title)] = title.encode("cp850")
    block[238:243] = f"{blocks:05d}".encode()
    block[255:256] = b"1"
    block[256:264] = start.encode()
    return bytes(block)


def _tc(frames: int, rate: FrameRate) -> bytes:
    hh, mm, ss, ff = (int(part) for part in frames_to_tc(frames, rate).replace(";", ":").split(":"))
    return bytes([hh, mm, ss, ff])


def text_field(cue: Cue) -> bytes:
    field = bytearray()
    for number, line in enumerate(cue.lines):
        if number:
            field.append(0x8A)
        for position, span in enumerate(line):
            if position and field.endswith(b" "):
                field.pop()  # the colour code takes the place of the space
            field.append(CODES[colour_name(span.colour)])
            if span.italic:
                field.append(0x80)
            field.extend(encode_iso6937(span.text))
            if span.italic:
                field.append(0x81)
    return bytes(field)


def tti(
    number: int,
    cue: Cue,
    rate: FrameRate,
    origin: int,
    field: bytes,
    extension: int = 0xFF,
    comment: int = 0,
) -> bytes:
    block = bytearray(128)
    block[0] = 0
    block[1:3] = number.to_bytes(2, "little")
    block[3] = extension
    block[5:9] = _tc(origin + rate.ms_to_frames(cue.start_ms), rate)
    block[9:13] = _tc(origin + rate.ms_to_frames(cue.end_ms), rate)
    block[13] = 2 if cue.vertical == "top" else 20
    block[14] = {"left": 1, "right": 3}.get(cue.align, 2)
    block[15] = comment
    block[16:] = field[:112].ljust(112, b"\x8f")
    return bytes(block)


def write_stl(
    cues: list[Cue], rate: FrameRate, rate_code: str = "STL25.01", start: str = "10000000"
) -> bytes:
    """STL bytes; text longer than one text field spills into extension blocks."""
    origin = hmsf_to_frames(*(int(start[at : at + 2]) for at in range(0, 8, 2)), rate)
    blocks = []
    for number, cue in enumerate(cues, start=1):
        field = text_field(cue)
        chunks = [field[at : at + 112] for at in range(0, max(len(field), 1), 112)]
        for position, chunk in enumerate(chunks):
            last = position == len(chunks) - 1
            blocks.append(tti(number, cue, rate, origin, chunk, 0xFF if last else position))
    return gsi(rate_code, len(blocks), start) + b"".join(blocks)
