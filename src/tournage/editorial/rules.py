"""The editorial formats' table (``data/editorial/formats.yaml``), typed."""

from __future__ import annotations

from dataclasses import dataclass

from tournage.common.rules import RuleTable


@dataclass(frozen=True)
class Cmx3600:
    header_statements: tuple[str, ...]
    drop_frame: str
    non_drop_frame: str
    special_sources: tuple[str, ...]
    channels: dict[str, tuple[str, ...]]
    extra_audio_channels: bool
    edit_types: tuple[str, ...]
    wipe_prefix: str
    comments: dict[str, str]
    default_rate: str


@dataclass(frozen=True)
class Rate:
    label: str
    fps: str
    drop_frame: bool = False


@dataclass(frozen=True)
class Limits:
    max_bytes: int
    max_events: int
    max_line_chars: int
    max_json_depth: int
    max_otio_items: int


@dataclass(frozen=True)
class Formats:
    source: str
    retrieved: str
    cmx3600: Cmx3600
    rates: tuple[Rate, ...]
    limits: Limits


FORMATS = RuleTable("editorial/formats.yaml", Formats)
