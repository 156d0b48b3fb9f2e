"""TTML / EBU-TT-D (safe XML via defusedxml): timing, styles, colours and regions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from io import BytesIO
from xml.etree.ElementTree import Element, ParseError

import defusedxml
from defusedxml.ElementTree import iterparse

from tournage.accessibility.colours import normalise
from tournage.accessibility.cues import Cue, Span, trim_line
from tournage.accessibility.errors import SubtitleFormatError
from tournage.accessibility.rules import reading_limits
from tournage.accessibility.timecode import FrameRate, hmsf_to_frames

TT = "http://www.w3.org/ns/ttml"
TTS = "http://www.w3.org/ns/ttml#styling"
XML = "http://www.w3.org/XML/1998/namespace"

_CLOCK = re.compile(r"^(\d+):(\d{2}):(\d{2})(?:(\.\d+)|:(\d+)(?:\.(\d+))?)?$")
_WHITESPACE = re.compile(r"\s+")
_OFFSET = re.compile(r"^(\d+(?:\.\d+)?)(h|m|s|ms|f|t)$")


@dataclass(frozen=True)
class _Timing:
    frame_rate: Fraction
    tick_rate: Fraction
    smpte: FrameRate | None = None  # timeBase="smpte": clock times are timecode labels

    def parse(self, text: str) -> Fraction:
        value = text.strip()
        if match := _CLOCK.match(value):
            hours, minutes, seconds, fraction, frames, _sub = match.groups()
            if self.smpte is not None and frames:
                label = (int(hours), int(minutes), int(seconds), int(frames))
                return hmsf_to_frames(*label, self.smpte) / self.frame_rate
            total = Fraction(int(hours) * 3600 + int(minutes) * 60 + int(seconds))
            if fraction:
                total += Fraction(fraction)
            if frames:
                total += Fraction(int(frames)) / self.frame_rate
            return total
        if match := _OFFSET.match(value):
            number, unit = Fraction(match.group(1)), match.group(2)
            scale = {
                "h": Fraction(3600),
                "m": Fraction(60),
                "s": Fraction(1),
                "ms": Fraction(1, 1000),
                "f": 1 / self.frame_rate,
                "t": 1 / self.tick_rate,
            }[unit]
            return number * scale
        raise SubtitleFormatError("subtitles.ttml_time", f"Temps TTML « {text[:40]} » illisible.")


def _tag(element: Element) -> str:
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


def _attribute(element: Element, kind: str, name: str) -> str | None:
    """``tts:``/``ttp:`` attribute whatever the TTML namespace version (2006 DFXP, TTML1)."""
    for key, value in element.attrib.items():
        namespace, _, local = key[1:].partition("}")
        if local == name and namespace.endswith(kind):
            return value
    return None


def _children(element: Element, tag: str) -> list[Element]:
    return [child for child in element.iter() if _tag(child) == tag]


def _rate(root: Element, name: str, default: str) -> Fraction:
    try:
        rate = Fraction(_attribute(root, "#parameter", name) or default)
    except (ValueError, ZeroDivisionError):
        raise SubtitleFormatError(
            "subtitles.ttml_parameter", f"Paramètre ttp:{name} invalide."
        ) from None
    if rate <= 0:
        raise SubtitleFormatError("subtitles.ttml_parameter", f"Paramètre ttp:{name} invalide.")
    return rate


def _frame_rate(root: Element) -> Fraction:
    rate = _rate(root, "frameRate", "30")
    multiplier = _attribute(root, "#parameter", "frameRateMultiplier")
    if multiplier:
        parts = multiplier.split()
        if len(parts) != 2 or not all(part.isdigit() and int(part) for part in parts):
            raise SubtitleFormatError(
                "subtitles.ttml_parameter", "Paramètre ttp:frameRateMultiplier invalide."
            )
        rate *= Fraction(int(parts[0]), int(parts[1]))
    return rate


class _Styles:
    """Resolved ``tts:*`` attributes of named styles and regions (chained references)."""

    def __init__(self, root: Element) -> None:
        self.styles = {s.get(f"{{{XML}}}id", ""): s for s in _children(root, "style")}
        self.regions = {r.get(f"{{{XML}}}id", ""): r for r in _children(root, "region")}
        self._region_cache: dict[str | None, dict[str, str]] = {}

    def region_attributes(self, region_id: str | None) -> dict[str, str]:
        if region_id not in self._region_cache:
            region = self.regions.get(region_id or "")
            self._region_cache[region_id] = {} if region is None else self.attributes(region)
        return self._region_cache[region_id]

    def attributes(self, element: Element, depth: int = 0) -> dict[str, str]:
        """Style attributes of an element: referenced styles first, its own on top."""
        found: dict[str, str] = {}
        if depth < 8:  # reference loops in hostile files stop here
            for name in element.get("style", "").split():
                if name in self.styles:
                    found.update(self.attributes(self.styles[name], depth + 1))
        for key, value in element.attrib.items():
            namespace, _, local = key[1:].partition("}")
            if namespace.endswith("#styling"):
                found[local] = value
        for child in element:
            if _tag(child) == "style" and _tag(element) != "styling":
                found.update(self.attributes(child, depth + 1))
        return found


def read_ttml(data: bytes) -> tuple[Cue, ...]:
    try:
        root = _parse(data)
    except SubtitleFormatError:  # the reading limits' own refusal (a ValueError too)
        raise
    except (ParseError, defusedxml.DefusedXmlException) as error:
        raise SubtitleFormatError(
            "subtitles.bad_xml", f"XML TTML invalide ou dangereux : {error}."
        ) from None
    except (LookupError, ValueError):  # expat: a declared encoding unknown or multi-byte
        raise SubtitleFormatError(
            "subtitles.bad_xml", "XML TTML illisible : encodage déclaré non pris en charge."
        ) from None
    if _tag(root) != "tt":
        raise SubtitleFormatError(
            "subtitles.not_ttml", "Ce fichier XML n'est pas du TTML (élément racine <tt> absent)."
        )
    frame_rate = _frame_rate(root)
    smpte = None
    if _attribute(root, "#parameter", "timeBase") == "smpte":
        drop = _attribute(root, "#parameter", "dropMode") in ("dropNTSC", "dropPAL")
        smpte = FrameRate(frame_rate, drop and frame_rate.denominator == 1001)
    timing = _Timing(frame_rate, _rate(root, "tickRate", "1"), smpte)
    styles = _Styles(root)
    body = next((child for child in root if _tag(child) == "body"), None)
    cues: list[Cue] = []
    if body is not None:
        _walk(body, Fraction(0), {}, None, timing, styles, cues)
    return tuple(cues)


def _parse(data: bytes) -> Element:
    """The document tree, refused while it is read once it nests or grows beyond
    data/accessibility/reading_limits.yaml (so the recursive walks below stay shallow)."""
    limits = reading_limits()
    depth = elements = paragraphs = 0
    root: Element | None = None
    for event, element in iterparse(BytesIO(data), events=("start", "end")):
        if event == "end":
            depth -= 1
            continue
        root = element if root is None else root
        depth, elements = depth + 1, elements + 1
        paragraphs += _tag(element) == "p"
        if depth > limits.max_depth or elements > limits.max_elements:
            raise SubtitleFormatError(
                "subtitles.too_deep",
                f"TTML de plus de {limits.max_depth} niveaux ou {limits.max_elements} "
                "éléments : ce fichier n'a pas la forme de sous-titres.",
            )
        if paragraphs > limits.max_cues:
            raise SubtitleFormatError(
                "subtitles.too_many_cues",
                f"Plus de {limits.max_cues} sous-titres dans un seul fichier : découpez-le.",
            )
    if root is None:
        raise ParseError("no element")
    return root


def _walk(
    element: Element,
    offset: Fraction,
    inherited: dict[str, str],
    region: str | None,
    timing: _Timing,
    styles: _Styles,
    cues: list[Cue],
) -> None:
    begin = offset + timing.parse(element.get("begin", "0s"))
    attributes = {**inherited, **styles.attributes(element)}
    region = element.get("region", region)
    for child in element:
        if _tag(child) == "div":
            _walk(child, begin, attributes, region, timing, styles, cues)
        elif _tag(child) == "p":
            cues.append(_cue(child, begin, attributes, region, timing, styles, len(cues) + 1))


def _cue(
    p: Element,
    offset: Fraction,
    inherited: dict[str, str],
    region_id: str | None,
    timing: _Timing,
    styles: _Styles,
    index: int,
) -> Cue:
    start = offset + timing.parse(p.get("begin", "0s"))
    if p.get("end") is not None:
        end = offset + timing.parse(p.get("end", "0s"))
    else:
        end = start + timing.parse(p.get("dur", "0s"))
    region_id = p.get("region", region_id)
    region_style = styles.region_attributes(region_id)
    attributes = {**region_style, **inherited, **styles.attributes(p)}
    lines: list[list[Span]] = [[]]
    _spans(p, attributes, styles, lines)
    vertical = _vertical(region_style)
    align = {"left": "left", "start": "left", "right": "right", "end": "right"}.get(
        attributes.get("textAlign", ""), "center"
    )
    kept = tuple(trimmed for line in lines if (trimmed := trim_line(line)))
    return Cue(index, round(start * 1000), round(end * 1000), kept, vertical, align)


def _spans(
    element: Element, attributes: dict[str, str], styles: _Styles, lines: list[list[Span]]
) -> None:
    def add(text: str | None, style: dict[str, str]) -> None:
        if text:
            colour = normalise(style.get("color"))
            italic = style.get("fontStyle") in ("italic", "oblique")
            lines[-1].append(Span(_WHITESPACE.sub(" ", text), colour, italic))

    add(element.text, attributes)
    for child in element:
        if _tag(child) == "br":
            lines.append([])
        elif _tag(child) == "span":
            _spans(child, {**attributes, **styles.attributes(child)}, styles, lines)
        add(child.tail, attributes)


def _vertical(region: dict[str, str]) -> str:
    """Top / middle / bottom from the region's origin and extent (percent)."""
    origin, extent = region.get("origin", ""), region.get("extent", "")
    try:
        top = float(origin.split()[1].rstrip("%"))
        height = float(extent.split()[1].rstrip("%")) if extent else 0.0
    except (IndexError, ValueError):
        return "top" if region.get("displayAlign") == "before" else "bottom"
    centre = top + height / 2
    return "top" if centre < 40 else "bottom" if centre > 60 else "middle"
