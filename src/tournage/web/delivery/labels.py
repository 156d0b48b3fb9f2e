"""Names of the QC checks and event kinds as a producer reads them (translated)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

CHECK_LABELS = {
    "container": _("Container"),
    "video_codec": _("Video codec"),
    "video_bit_rate": _("Video bit rate"),
    "gop": _("GOP structure"),
    "resolution": _("Resolution"),
    "frame_rate": _("Frame rate"),
    "scan": _("Scan and field order"),
    "aspect_ratio": _("Aspect ratio"),
    "chroma": _("Chroma subsampling"),
    "video_bit_depth": _("Video bit depth"),
    "colour": _("Colour primaries"),
    "audio_codec": _("Audio codec"),
    "audio_layout": _("Audio layout"),
    "sample_rate": _("Sample rate"),
    "bit_depth": _("Audio bit depth"),
    "duration": _("Duration"),
    "start_timecode": _("Start timecode"),
    "integrated_loudness": _("Integrated loudness"),
    "true_peak": _("True peak"),
    "loudness_range": _("Loudness range"),
    "max_short_term": _("Maximum short-term loudness"),
    "video_levels": _("Video levels (EBU R 103)"),
    "black_frames": _("Black frames"),
    "freeze_frames": _("Frozen frames"),
    "silence": _("Silences"),
    "silent_track": _("Silent tracks"),
    "clipping": _("Clipping"),
    "phase": _("Phase"),
    "flashes": _("Flashes (photosensitive epilepsy)"),
    "av_duration": _("Sound and picture in step"),
    "head_tail": _("Head and tail"),
    "captions_kind": _("Captions for the deaf and hard of hearing"),
    "package": _("IMF / DCP package"),
    "channel_order": _("Channel order"),
}
# Keys of the measured and expected structures (tournage.delivery.checks); the French
# report downloaded reads the same names from data/delivery/report_wording.yaml.
FIELD_LABELS = {
    "value": _("value"),
    "tolerance": _("tolerance"),
    "tolerance_wide": _("widest tolerance"),
    "min": _("minimum"),
    "max": _("maximum"),
    "min_wide": _("widest minimum"),
    "max_wide": _("widest maximum"),
    "n": _("N (distance between I pictures)"),
    "m": _("M (distance between anchor pictures)"),
    "tracks": _("tracks"),
    "track": _("track"),
    "channels": _("channels"),
    "track_count": _("number of tracks"),
    "channels_per_track": _("channels per track"),
    "max_channels": _("channels at most"),
    "video_s": _("picture duration (s)"),
    "offset_s": _("offset (s)"),
    "difference_s": _("duration difference (s)"),
    "tolerance_frames": _("tolerance (frames)"),
    "subtitle_streams": _("subtitle tracks"),
    "flagged": _("flagged tracks"),
    "disposition": _("expected flag"),
    "max_flashes_per_second": _("flashes per second (maximum)"),
    "max_red_flashes_per_second": _("red flashes per second (maximum)"),
    "events": _("events"),
    "mandatory": _("mandatory test"),
    "head_black_s": _("black at the head (s)"),
    "tail_black_s": _("black at the tail (s)"),
    "head_silence_s": _("silence at the head (s)"),
    "tail_silence_s": _("silence at the tail (s)"),
    "luma_out_percent": _("luma out of range (%)"),
    "rgb_out_percent": _("RGB out of gamut (%)"),
    "min_correlation": _("minimum correlation"),
    "kind": _("kind"),
    "assets": _("assets"),
    "packing_lists": _("packing lists (PKL)"),
    "compositions": _("compositions (CPL)"),
    "problems": _("problems"),
}
EVENT_LABELS = {
    "flash": _("flashes"),
    "red_flash": _("red flashes"),
    "pattern": _("regular pattern"),
}


def named_fields(value: Any) -> Any:
    """``value`` with the keys of its structures as readable names (for ``plain``)."""
    if isinstance(value, dict):
        return {str(FIELD_LABELS.get(k, k)): named_fields(item) for k, item in value.items()}
    if isinstance(value, list | tuple):
        return [named_fields(item) for item in value]
    return value


def labelled(checks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The report's checks with a readable name, readable field names in their measured and
    expected values, and a readable kind on their events."""
    return [
        check
        | {
            "label": CHECK_LABELS.get(check["id"], check["id"]),
            "measured": named_fields(check["measured"]),
            "expected": named_fields(check["expected"]),
            "events": [
                event | {"kind_label": EVENT_LABELS.get(event.get("kind", ""), "")}
                for event in check["events"]
            ],
        }
        for check in checks
    ]
