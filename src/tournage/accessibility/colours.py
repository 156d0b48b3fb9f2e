"""Colour values from any subtitle format, normalised to ``#RRGGBB`` and named."""

from __future__ import annotations

import re
from functools import cache

from tournage.accessibility.tables import TELETEXT

_HEX = re.compile(r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")
_RGB = re.compile(r"^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})")
_ASS = re.compile(r"^&?H([0-9a-fA-F]{1,8})&?$")


@cache
def palette() -> dict[str, str]:
    """Teletext primaries by name (``{"yellow": "#FFFF00", ...}``)."""
    table = TELETEXT.load().colours
    names = {name: entry.hex for name, entry in table.palette.items()}
    names.update({alias: names[target] for alias, target in table.aliases.items()})
    return names


def normalise(value: str | None) -> str | None:
    """``#FF0``, ``#FFFF00AA``, ``rgb(255,255,0)``, ``yellow``, ASS ``&H00FFFF&`` → ``#FFFF00``."""
    if not value:
        return None
    text = value.strip()
    if match := _HEX.match(text):
        digits = match.group(1)
        if len(digits) == 3:
            digits = "".join(ch * 2 for ch in digits)
        return "#" + digits[:6].upper()
    if match := _RGB.match(text):
        channels = [min(int(group), 255) for group in match.groups()]
        return "#" + "".join(f"{c:02X}" for c in channels)
    if match := _ASS.match(text):
        return ass_to_hex(int(match.group(1), 16))
    return palette().get(text.lower())


def ass_to_hex(value: int) -> str:
    """ASS colours are &HAABBGGRR (blue first)."""
    red, green, blue = value & 0xFF, (value >> 8) & 0xFF, (value >> 16) & 0xFF
    return f"#{red:02X}{green:02X}{blue:02X}"


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16)


@cache
def colour_name(hex_colour: str | None) -> str:
    """Nearest teletext primary (``None`` is the default white)."""
    if hex_colour is None:
        return "white"
    target = _rgb(hex_colour)
    primaries = TELETEXT.load().colours.palette
    return min(
        primaries,
        key=lambda name: sum(
            (a - b) ** 2 for a, b in zip(_rgb(primaries[name].hex), target, strict=True)
        ),
    )


def french_name(name: str | None) -> str:
    """French name of a palette colour, for messages (``None``: mixed colours)."""
    if name is None:
        return "plusieurs couleurs"
    entry = TELETEXT.load().colours.palette.get(name)
    return name if entry is None else entry.fr
