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
EVENT_LABELS = {
    "flash": _("flashes"),
    "red_flash": _("red flashes"),
    "pattern": _("regular pattern"),
}


def labelled(checks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The report's checks with a readable name, and a readable kind on their events."""
    return [
        check
        | {
            "label": CHECK_LABELS.get(check["id"], check["id"]),
            "events": [
                event | {"kind_label": EVENT_LABELS.get(event.get("kind", ""), "")}
                for event in check["events"]
            ],
        }
        for check in checks
    ]
