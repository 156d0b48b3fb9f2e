import re

import pytest

from tournage.accessibility.audio_description import check_ad_script, check_ad_track
from tournage.accessibility.checks import CheckOptions
from tournage.accessibility.cues import Cue, SubtitleDocument, make_lines
from tournage.accessibility.errors import SubtitleFormatError
from tournage.accessibility.media import scan_programme
from tournage.accessibility.rgaa import rgaa_checklist
from tournage.accessibility.service import check_subtitles
from tournage.accessibility.timecode import parse_frame_rate

from .media_synth import tone_bursts, write_programme

SPEECH = [(1.0, 2.5), (4.0, 7.8)]


@pytest.fixture(scope="module")
def programme(tmp_path_factory):
    path = tmp_path_factory.mktemp("media") / "programme.mkv"
    main = tone_bursts(8.0, SPEECH, 0.3)
    ad = tone_bursts(8.0, [(2.6, 3.9)], 0.01)  # far below -23 LUFS
    return write_programme(path, 8.0, cut_at=3.0, main=main, ad=ad)


def _cues(*times):
    return tuple(Cue(n, s, e, make_lines([f"Réplique {n}"])) for n, (s, e) in enumerate(times, 1))


def test_scan_finds_duration_cut_speech_and_ad_track(programme):
    scan = scan_programme(programme)
    assert 7900 <= scan.duration_ms <= 8100
    assert any(abs(change - 3000) <= 40 for change in scan.shot_changes_ms)
    assert scan.ad_track is not None and scan.main_track is not None
    assert scan.ad_track.index != scan.main_track.index


def test_subtitles_against_the_programme(programme):
    document = SubtitleDocument("srt", _cues((1000, 2000), (2000, 4000), (7600, 9000)))
    report = check_subtitles(document, CheckOptions("generic"), programme)
    found = {(f.cue, f.code) for f in report.findings}
    assert (2, "MED-SHOT-CHANGE") in found  # one second either side of the cut at 3 s
    assert (3, "GEN-PROGRAMME-END") in found
    assert (0, "MED-SPEECH-GAP") in found  # 4.0-7.6 s of speech without a cue
    assert "MED-SHOT-CHANGE-NEAR" not in {code for _, code in found}
    assert report.unknown == []


def test_cue_edges_close_to_a_cut_are_snapped(programme, monkeypatch):
    document = SubtitleDocument("srt", _cues((900, 2600), (3100, 3900)))
    report = check_subtitles(document, CheckOptions("generic"), programme)
    near = {f.cue: f for f in report.findings if f.code == "MED-SHOT-CHANGE-NEAR"}
    assert set(near) == {1, 2}
    assert "Sortie à 10 image(s)" in near[1].message  # 2.6 s is 10 frames before 3.0 s
    assert near[1].fix is not None and near[1].fix.end_ms == 2920  # 2 frames before the cut
    assert "Entrée" in near[2].message and near[2].fix is None
    snapped = SubtitleDocument("srt", _cues((900, 2920), (3000, 3900)))
    codes = {f.code for f in check_subtitles(snapped, CheckOptions("generic"), programme).findings}
    assert "MED-SHOT-CHANGE-NEAR" not in codes and "MED-SHOT-CHANGE" not in codes


def test_an_unknown_value_is_reported_not_guessed(programme, monkeypatch):
    from tournage.accessibility.checks import programme as checks_module
    from tournage.accessibility.rules import media_rules

    rules = {name: dict(params) for name, params in media_rules().items()}
    rules["shot_change"]["near_seconds"] = {"value": None, "source": "none"}
    monkeypatch.setattr(checks_module, "media_rules", lambda: rules)
    document = SubtitleDocument("srt", _cues((900, 2600)))
    report = check_subtitles(document, CheckOptions("generic"), programme)
    assert report.unknown == ["MED-SHOT-CHANGE (near_seconds)"]
    assert "MED-SHOT-CHANGE-NEAR" not in {f.code for f in report.findings}


def test_global_drift_is_estimated(programme):
    late = SubtitleDocument("srt", _cues((2000, 3500), (5000, 8800)))  # one second late
    report = check_subtitles(late, CheckOptions("generic"), programme)
    drift = [f for f in report.findings if f.code == "MED-DRIFT"]
    # speech detection adds the band-pass filter's tail: one 100 ms window of uncertainty
    assert drift and re.search(r"en retard de (900|1000) ms", drift[0].message)
    on_time = SubtitleDocument("srt", _cues((1000, 2500), (4000, 7800)))
    codes = {f.code for f in check_subtitles(on_time, CheckOptions("generic"), programme).findings}
    assert "MED-DRIFT" not in codes and "MED-SPEECH-GAP" not in codes


def test_ad_track_checks(programme, tmp_path):
    assert {f.code for f in check_ad_track(scan_programme(programme, shots=False))} == {
        "AD-LOUDNESS"
    }
    silent = write_programme(
        tmp_path / "silent.mkv",
        2.0,
        1.0,
        tone_bursts(2.0, [(0.5, 1.5)], 0.3),
        ad=tone_bursts(2.0, [], 0.0) * 0,
    )
    assert [f.code for f in check_ad_track(scan_programme(silent, shots=False))] == [
        "AD-TRACK-SILENT"
    ]
    none = write_programme(tmp_path / "none.mkv", 2.0, 1.0, tone_bursts(2.0, [(0.5, 1.5)], 0.3))
    assert [f.code for f in check_ad_track(scan_programme(none, shots=False))] == [
        "AD-TRACK-MISSING"
    ]


def test_ad_blocks_must_sit_in_dialogue_gaps():
    script = SubtitleDocument("srt", _cues((2600, 3900), (3500, 4500)))
    dialogue = [(1000, 2500), (4000, 7800)]
    findings = check_ad_script(script, dialogue, parse_frame_rate("25"))
    assert [(f.cue, f.code) for f in findings] == [(2, "AD-OVERLAP")]
    assert "500 ms" in findings[0].message
    assert findings[0].severity == "warn"


def test_not_media_gives_a_french_error(tmp_path):
    bogus = tmp_path / "film.mkv"
    bogus.write_bytes(b"not a film")
    with pytest.raises(SubtitleFormatError, match="Média illisible"):
        scan_programme(bogus)


def test_rgaa_checklist_answers_what_the_files_show():
    items = {item.criterion: item for item in rgaa_checklist({"captions"})}
    assert len(items) == 13
    assert items["4.3"].status == "met"
    assert items["4.1"].status == "not_met" and items["4.5"].status == "not_met"
    assert items["4.4"].status == "manual"
    full = {i.criterion: i.status for i in rgaa_checklist({"captions", "audio_description"})}
    assert full["4.1"] == full["4.5"] == "met"
