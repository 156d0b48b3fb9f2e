"""One cue model for every subtitle format: timing, lines of styled spans, position."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property

from tournage.accessibility.timecode import FrameRate


@dataclass(frozen=True)
class Span:
    """A run of text with one style; ``colour`` is ``#RRGGBB`` or None (default white)."""

    text: str
    colour: str | None = None
    italic: bool = False


Line = tuple[Span, ...]


@dataclass(frozen=True)
class Cue:
    """One subtitle event. ``index`` is its 1-based rank in the file as read."""

    index: int
    start_ms: int
    end_ms: int
    lines: tuple[Line, ...]
    vertical: str = "bottom"  # top | middle | bottom
    align: str = "center"  # left | center | right
    speaker: str | None = None

    @property
    def duration_ms(self) -> int:
        return self.end_ms - self.start_ms

    @cached_property
    def text_lines(self) -> tuple[str, ...]:
        return tuple("".join(span.text for span in line) for line in self.lines)

    @cached_property
    def text(self) -> str:
        return "\n".join(self.text_lines)

    def line_colours(self, number: int) -> set[str | None]:
        """Colours of the visible text of one line (None = default)."""
        return {span.colour for span in self.lines[number] if span.text.strip()}

    def with_times(self, start_ms: int, end_ms: int) -> Cue:
        return replace(self, start_ms=start_ms, end_ms=end_ms)


@dataclass(frozen=True)
class SubtitleDocument:
    """Cues in file order plus what the reader learnt about the file."""

    format: str
    cues: tuple[Cue, ...]
    frame_rate: FrameRate | None = None
    notes: tuple[str, ...] = field(default=())  # French reader notes (encoding guesses...)
    language: str | None = None
    title: str | None = None


def make_lines(texts: list[str] | tuple[str, ...], colour: str | None = None) -> tuple[Line, ...]:
    """Plain lines of one colour (used by writers of corrected copies and by tests)."""
    return tuple((Span(text, colour),) for text in texts)


def trim_line(spans: list[Span]) -> Line:
    """Spans of one displayed line without the blank space at its ends."""
    start, end = 0, len(spans)
    while start < end and not spans[start].text.strip():
        start += 1
    while end > start and not spans[end - 1].text.strip():
        end -= 1
    kept = spans[start:end]
    if kept and kept[0].text[:1].isspace():
        span = kept[0]
        kept[0] = Span(span.text.lstrip(), span.colour, span.italic)
    if kept and kept[-1].text[-1:].isspace():
        span = kept[-1]
        kept[-1] = Span(span.text.rstrip(), span.colour, span.italic)
    return tuple(kept)
