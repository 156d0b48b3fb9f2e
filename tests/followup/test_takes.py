"""Takes log importers, on files written from the formats' descriptions (takes_log.yaml)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tournage.followup.errors import FollowupError
from tournage.followup.takes import Take, export_ale, export_csv, read_takes

# Avid ALE: Heading, Column and Data sections, tab-delimited (OTIO ALE adapter's sample)
ALE = (
    b"Heading\nFIELD_DELIM\tTABS\nVIDEO_FORMAT\t1080\nAUDIO_FORMAT\t48kHz\nFPS\t25\n\n"
    b"Column\nName\tTape\tStart\tEnd\tScene\tSlate\tTake\tCamroll\tSoundroll\tcircleTake\tComments\n\n"
    b"Data\n"
    b"A001C001\tA001C001\t10:00:00:00\t10:00:12:00\t12\t3\t1\tA001\tS001\t\tflou\n"
    b"A001C002\tA001C002\t10:01:00:00\t10:01:20:00\t12\t3\t2\tA001\tS001\ttrue\tbonne\n"
    b"A001C003\tA001C003\t10:02:00:00\t10:02:09:00\t14\t1\t1\tA001\tS001\t\t\n"
)

# DaVinci Resolve metadata CSV (column names of takes_log.yaml's mapping)
CSV = (
    "File Name,Scene,Shot,Take,Roll Card #,Good Take,Comments\n"
    "A002C001.mov,7,1,1,A002,,\n"
    'A002C002.mov,7,1,2,A002,1,"prise bonne, à garder"\n'
).encode()

EDL = b"""TITLE: ASSEMBLAGE
FCM: NON-DROP FRAME

001  A001     V     C        10:01:02:00 10:01:07:00 01:00:00:00 01:00:05:00
* FROM CLIP NAME: 12-3-2
002  A001     V     C        10:02:01:00 10:02:04:00 01:00:05:00 01:00:08:00
* FROM CLIP NAME: 14_1_T1
003  BL       V     C        00:00:00:00 00:00:01:00 01:00:08:00 01:00:09:00
"""


def test_ale_reads_the_canonical_record() -> None:
    log = read_takes(ALE, "jour1.ale")
    assert log.format == "ale"
    assert log.summary() | {"warnings": []} == {
        "format": "ale",
        "takes": 3,
        "scenes": 2,
        "selected": 1,
        "warnings": [],
    }
    good = log.takes[1]
    assert (good.scene, good.shot, good.take, good.camera_roll, good.sound_roll) == (
        "12",
        "3",
        "2",
        "A001",
        "S001",
    )
    assert good.tc_in == "10:01:00:00" and good.selected and good.comments == "bonne"


def test_resolve_csv_reads_good_take_and_roll() -> None:
    takes = read_takes(CSV, "resolve.csv").takes
    assert [(t.scene, t.take, t.camera_roll, t.selected) for t in takes] == [
        ("7", "1", "A002", False),
        ("7", "2", "A002", True),
    ]
    assert takes[1].clip_name == "A002C002.mov" and takes[1].comments == "prise bonne, à garder"


def test_edl_clips_are_selected_takes_and_unnamed_clips_are_listed() -> None:
    log = read_takes(EDL, "montage.edl")
    assert [(t.scene, t.shot, t.take, t.camera_roll, t.selected) for t in log.takes] == [
        ("12", "3", "2", "A001", True),
        ("14", "1", "1", "A001", True),
    ]
    assert log.takes[0].tc_in == "10:01:02:00"
    assert any("BL" in w for w in log.warnings)


def test_otio_clips_give_takes() -> None:
    import opentimelineio as otio

    timeline = otio.schema.Timeline(name="assemblage")
    track = otio.schema.Track(kind=otio.schema.TrackKind.Video)
    rate = 25
    track.append(
        otio.schema.Clip(
            name="S5 P2 T4",
            source_range=otio.opentime.TimeRange(
                otio.opentime.RationalTime(250, rate), otio.opentime.RationalTime(50, rate)
            ),
        )
    )
    timeline.tracks.append(track)
    content = str(otio.adapters.write_to_string(timeline, "otio_json")).encode()
    takes = read_takes(content, "a.otio").takes
    assert [(t.scene, t.shot, t.take, t.selected) for t in takes] == [("5", "2", "4", True)]


@pytest.mark.parametrize(
    ("content", "name", "code"),
    [
        (b"", "a.ale", "takes.empty"),
        (b"   \n", "a.csv", "takes.empty"),
        (b"Heading\nFPS\t25\n", "a.ale", "takes.ale_structure"),
        (b"Heading\nColumn\nData\n", "a.ale", "takes.ale_structure"),
        (b"Heading\n\nColumn\nName\tStart\n\nData\nx\t1\n", "a.ale", "takes.columns_missing"),
        (b"Scene,Take\n", "a.csv", "takes.no_rows"),
        (b"Scene,Take\n,3\n", "a.csv", "takes.row"),
        (b"Scene,Take\n1,\x00\n", "a.csv", "takes.binary"),
        (b'Scene,Take\n"1,2\n', "a.csv", "takes.row"),
        (b"scene,take", "a.docx", "takes.format"),
        (b"TITLE: X\n\n001 zz", "a.edl", "takes.edit"),
        (b"TITLE: X\n", "a.edl", "takes.edit"),
    ],
)
def test_malformed_files_are_refused_with_a_code(content: bytes, name: str, code: str) -> None:
    with pytest.raises(FollowupError) as error:
        read_takes(content, name)
    assert error.value.code == code
    assert error.value.message


def test_huge_files_and_rows_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(FollowupError) as error:
        read_takes(b"x" * 10_000_001, "a.csv")
    assert error.value.code == "takes.too_large"
    rows = "Scene,Take\n" + "1,1\n" * 20_001
    with pytest.raises(FollowupError) as error:
        read_takes(rows.encode(), "a.csv")
    assert error.value.code == "takes.rows"
    with pytest.raises(FollowupError) as error:
        read_takes(("Scene,Take\n1," + "y" * 3000 + "\n").encode(), "a.csv")
    assert error.value.code == "takes.cell"


def test_exports_read_back_identically() -> None:
    takes = read_takes(ALE, "jour1.ale").takes
    assert read_takes(export_ale(takes), "x.ale").takes == takes
    again = read_takes(export_csv(takes), "x.csv").takes
    assert [(t.scene, t.shot, t.take, t.camera_roll, t.selected) for t in again] == [
        (t.scene, t.shot, t.take, t.camera_roll, t.selected) for t in takes
    ]


def test_csv_export_neutralises_formulas() -> None:
    body = export_csv([Take("1", "1", "1", comments="=HYPERLINK(1)")]).decode()
    assert "'=HYPERLINK(1)" in body


@settings(max_examples=60, deadline=None)
@given(
    st.binary(max_size=400),
    st.sampled_from(["a.ale", "a.csv", "a.edl", "a.otio"]),
)
def test_any_bytes_give_takes_or_a_followup_error(content: bytes, name: str) -> None:
    try:
        log = read_takes(content, name)
    except FollowupError as error:
        assert error.message
    else:
        assert all(t.scene and t.take for t in log.takes)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(alphabet="0123456789AB", min_size=1, max_size=4),
            st.text(alphabet="0123456789", min_size=1, max_size=3),
            st.booleans(),
            st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_ale_round_trip_on_generated_logs(rows: list[tuple[str, str, bool, str]]) -> None:
    takes = tuple(
        Take(scene, "1", take, selected=sel, comments=" ".join(text.split()))
        for scene, take, sel, text in rows
    )
    assert read_takes(export_ale(takes), "x.ale").takes == takes
