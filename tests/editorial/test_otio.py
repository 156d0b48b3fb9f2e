"""OpenTimelineIO files: tracks, gaps, nested stacks, metadata; hostile documents."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tournage.editorial import EditorialError, TrackKind, read_timeline

from .otio_files import timeline_json


def test_a_final_cut_timeline() -> None:
    timeline = read_timeline(timeline_json(), "final.otio")
    assert timeline.format == "otio"
    assert timeline.rate.label == "25"
    assert timeline.title == "Avant la crue - final"
    picture = [c for c in timeline.clips if c.kind is TrackKind.VIDEO]
    assert [timeline.timecode(c.record_in) for c in picture] == ["01:00:00:00", "01:00:08:00"]
    assert picture[0].source_file == "file:///rushes/A003C012.mov"
    cue = next(c for c in timeline.clips if c.kind is TrackKind.AUDIO)
    assert (cue.track, cue.reel, cue.name) == ("A1", "MUS01", "Le Tarn la nuit")
    assert timeline.timecode(cue.record_in) == "01:00:04:00"
    assert timeline.timecode(cue.record_out) == "01:00:22:00"
    assert cue.metadata["compositeur"] == "Lise Arnal"


def test_a_clip_inside_a_nested_stack_keeps_its_place() -> None:
    timeline = read_timeline(timeline_json(nested=True), "final.otio")
    cue = next(c for c in timeline.clips if c.name == "Le Tarn la nuit")
    assert timeline.timecode(cue.record_in) == "01:00:04:00"


def test_the_rate_comes_from_the_document() -> None:
    timeline = read_timeline(timeline_json(rate=24000 / 1001), "final.otio")
    assert timeline.rate.label == "23.976"


def test_detected_without_extension() -> None:
    assert read_timeline(timeline_json(), "").format == "otio"


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"{", "editorial.otio_json"),
        (b"[1, 2]", "editorial.otio_invalid"),
        (b'{"OTIO_SCHEMA": "Nothing.1"}', "editorial.otio_no_timeline"),
        (b'{"OTIO_SCHEMA": "Clip.2", "name": "seul"}', "editorial.otio_invalid"),
        (b'{"OTIO_SCHEMA": "Clip.1", "name": "seul"}', "editorial.otio_no_timeline"),
        (b"[" * 5000 + b"]" * 5000, "editorial.otio_depth"),
        (b'{"a":' * 200 + b"1" + b"}" * 200, "editorial.otio_depth"),
        (b"", "editorial.empty"),
    ],
)
def test_hostile_documents_are_refused(content: bytes, code: str) -> None:
    with pytest.raises(EditorialError) as error:
        read_timeline(content, "x.otio")
    assert error.value.code == code
    assert error.value.message


def test_a_clip_without_range_is_refused_cleanly() -> None:
    document = json.loads(timeline_json())
    clip = document["tracks"]["children"][0]["children"][0]
    clip["source_range"] = None
    clip["media_reference"] = None
    with pytest.raises(EditorialError) as error:
        read_timeline(json.dumps(document).encode(), "x.otio")
    assert error.value.code == "editorial.otio_invalid"


def test_a_rate_of_zero_is_refused_cleanly() -> None:
    document = json.loads(timeline_json())
    document["global_start_time"]["rate"] = 0
    with pytest.raises(EditorialError):
        read_timeline(json.dumps(document).encode(), "x.otio")


@pytest.mark.parametrize(("old", "new"), [('"Clip.2"', '"Clip.0"'), ('"Clip.2"', '"Clip.1"')])
def test_schema_versions_that_crashed_the_library_are_refused(old: str, new: str) -> None:
    """Found by atheris: ``Clip.0``, or a ``Clip.1`` with ``Clip.2``'s media references,
    made OpenTimelineIO's upgrade code end the process (segmentation fault). Read in a
    child process, so that a regression fails this test instead of ending the run."""
    content = timeline_json().decode().replace(old, new, 1)
    script = (
        "import sys\n"
        "from tournage.editorial import EditorialError, read_timeline\n"
        "try:\n"
        "    read_timeline(sys.stdin.buffer.read(), 'x.otio')\n"
        "except EditorialError as error:\n"
        "    print(error.code)\n"
    )
    child = subprocess.run(
        [sys.executable, "-c", script],
        input=content.encode(),
        capture_output=True,
        timeout=120,
        env={k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
    )
    assert child.returncode == 0, child.stderr[-500:]
    assert child.stdout.decode().strip() == "editorial.otio_invalid"


@pytest.mark.parametrize(
    "content",
    [
        # our own sample, cut by atheris: "rate" twice in one object
        (Path(__file__).parent / "samples" / "library_crash.otio").read_bytes(),
        # found by the in-process atheris target: a clip with two media_references
        timeline_json().replace(
            b'"media_references": {',
            b'"media_references": {}, "media_references": {',
            1,
        ),
    ],
)
def test_repeated_keys_that_end_the_library_are_refused_before_it(content: bytes) -> None:
    """Valid JSON on which OpenTimelineIO's reader ends its process with a segmentation
    fault: a name repeated in one object. Refused by the JSON check, before the library."""
    with pytest.raises(EditorialError) as refused:
        read_timeline(content, "montage.otio")
    assert refused.value.code == "editorial.otio_json"
    assert "deux fois" in refused.value.message


def test_a_library_that_ends_its_process_is_a_refusal(monkeypatch: pytest.MonkeyPatch) -> None:
    """The library runs in a child process: a child that dies is a refusal with a message,
    and the server process goes on."""
    monkeypatch.setattr(sys, "executable", "/bin/false")
    with pytest.raises(EditorialError) as refused:
        read_timeline(timeline_json(), "montage.otio")
    assert refused.value.code == "editorial.otio_invalid"
    assert "s'est arrêtée" in refused.value.message
