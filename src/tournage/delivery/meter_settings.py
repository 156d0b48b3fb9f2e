"""The meter's settings (``data/delivery/meter.yaml``) and the BS.1770 / Tech 3341 /
Tech 3342 constants (``data/delivery/bs1770.yaml``), typed and validated when read.

Each meter setting keeps its value with where it comes from: a source, or
``project_choice`` where no norm gives one (the YAML's notes say why).
"""

from __future__ import annotations

from dataclasses import dataclass

from tournage.common.rules import RuleTable


@dataclass(frozen=True)
class Number:
    value: float
    source: str = ""
    project_choice: bool = False


@dataclass(frozen=True)
class Count:
    value: int
    source: str = ""
    project_choice: bool = False


@dataclass(frozen=True)
class Names:
    value: tuple[str, ...]
    source: str = ""


@dataclass(frozen=True)
class Loudness:
    fine_hop_s: Number
    series_step_s: Number
    histogram_step_lu: Number
    histogram_top_lufs: Number


@dataclass(frozen=True)
class TruePeak:
    oversampling: Count
    taps_per_phase: Count
    kaiser_beta: Number


@dataclass(frozen=True)
class Black:
    pixel_threshold: Number
    picture_ratio: Number
    min_duration_s: Number


@dataclass(frozen=True)
class Freeze:
    noise: Number
    min_duration_s: Number


@dataclass(frozen=True)
class Silence:
    level_dbfs: Number
    min_duration_s: Number


@dataclass(frozen=True)
class Clipping:
    consecutive_full_scale_samples: Count


@dataclass(frozen=True)
class Phase:
    min_correlation: Number


@dataclass(frozen=True)
class Detectors:
    black: Black
    freeze: Freeze
    silence: Silence
    clipping: Clipping
    phase: Phase


@dataclass(frozen=True)
class VideoAnalysis:
    luma_grid_step: Count
    gamut_grid_step: Count


@dataclass(frozen=True)
class AudioAnalysis:
    block_s: Number
    clipping_level: Number
    phase_min_duration_s: Number


@dataclass(frozen=True)
class ChannelOrder:
    wav: Names


@dataclass(frozen=True)
class AvSync:
    tolerance_frames: Count


@dataclass(frozen=True)
class Packages:
    max_xml_bytes: Count
    max_assets: Count


@dataclass(frozen=True)
class Meter:
    loudness: Loudness
    true_peak: TruePeak
    detectors: Detectors
    video_analysis: VideoAnalysis
    audio_analysis: AudioAnalysis
    channel_order: ChannelOrder
    av_sync: AvSync
    packages: Packages


@dataclass(frozen=True)
class Biquad:
    b: tuple[float, float, float]
    a: tuple[float, float, float]


@dataclass(frozen=True)
class KWeighting48k:
    stage1_shelf: Biquad
    stage2_highpass: Biquad


@dataclass(frozen=True)
class SurroundWeight:
    Ls: float


@dataclass(frozen=True)
class Gating:
    block_duration_s: float
    block_step_s: float
    absolute_threshold_lkfs: float
    relative_threshold_lu: float


@dataclass(frozen=True)
class Bs1770Loudness:
    k_weighting_48k: KWeighting48k
    channel_weights_5ch: SurroundWeight
    gating: Gating


@dataclass(frozen=True)
class Window:
    window_s: float


@dataclass(frozen=True)
class EbuMode:
    short_term: Window


@dataclass(frozen=True)
class Percentiles:
    low: float
    high: float


@dataclass(frozen=True)
class LoudnessRange:
    absolute_gate_lufs: float
    relative_gate_lu: float
    percentiles: Percentiles


@dataclass(frozen=True)
class Algorithm:
    bs1770_loudness: Bs1770Loudness
    tech3341_ebu_mode: EbuMode
    tech3342_lra: LoudnessRange


METER = RuleTable("delivery/meter.yaml", Meter)
BS1770 = RuleTable("delivery/bs1770.yaml", Algorithm, select=lambda document: document["algorithm"])


def meter() -> Meter:
    return METER.load()


def bs1770() -> Algorithm:
    return BS1770.load()
