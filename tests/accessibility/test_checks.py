import pytest

from tournage.accessibility.checks import CheckOptions, check_document
from tournage.accessibility.checks.layout import rebreak
from tournage.accessibility.checks.timing import charter_minimum_ms
from tournage.accessibility.cues import Cue, SubtitleDocument, make_lines
from tournage.accessibility.readers import read_subtitles
from tournage.accessibility.rules import count_chars, load_rule_set
from tournage.data import load_yaml

from .samples import sample

CSA_DEFECTS = {
    (0, "SME-SOUND-INFO"),
    (2, "GEN-OVERLAP"),
    (2, "SME-READING-TIME"),
    (3, "SME-MAX-LINES"),
    (4, "GEN-DURATION"),
    (5, "SME-COLOUR"),
    (6, "SME-DASH"),
    (7, "SME-SOUND-COLOUR"),
    (12, "GEN-ENCODING"),
}
NETFLIX_FR_DEFECTS = {
    (1, "NFX-GAP"),
    (1, "NFX-MIN-DURATION"),
    (2, "GEN-OVERLAP"),
    (2, "NFX-LINE-LENGTH"),
    (2, "NFX-READING-SPEED"),
    (3, "NFX-MAX-LINES"),
    (3, "NFX-ONE-LINE"),
    (4, "GEN-DURATION"),
    (6, "NFX-ONE-LINE"),
    (8, "NFX-MAX-DURATION"),
    (9, "NFX-LINE-BREAK"),
    (10, "NFX-DASH"),
    (11, "NFX-ELLIPSIS"),
    (12, "GEN-ENCODING"),
    (13, "NFX-POSITION"),
    (9, "NFX-CHAINING"),  # 0.5 s before cue 10: close the gap
}
# English rules: '-Oui.' is the right dash style, 'le' is not an English function word
NETFLIX_EN_DEFECTS = NETFLIX_FR_DEFECTS - {(10, "NFX-DASH"), (9, "NFX-LINE-BREAK")}


def _found(document, rules, **options):
    report = check_document(document, CheckOptions(rules, **options))
    return {(f.cue, f.code) for f in report.findings}


@pytest.mark.parametrize(
    ("rules", "expected"),
    [
        ("fr-csa-2011", CSA_DEFECTS),
        ("netflix-fr", NETFLIX_FR_DEFECTS),
        ("netflix-en", NETFLIX_EN_DEFECTS),
    ],
)
def test_planted_defects_are_found_with_cue_and_rule(rules, expected):
    assert _found(read_subtitles(sample("defects.srt")), rules) == expected


@pytest.mark.parametrize("rules", ["fr-csa-2011", "netflix-fr", "generic"])
def test_clean_file_gives_no_finding(rules):
    assert _found(read_subtitles(sample("clean.srt")), rules) == set()


@pytest.mark.parametrize(
    ("name", "rules", "expected"),
    [
        ("sample.vtt", "fr-csa-2011", {(3, "SME-COLOUR")}),
        ("sample.vtt", "netflix-fr", {(2, "NFX-POSITION")}),
        ("sample.ass", "fr-csa-2011", {(2, "SME-MAX-LINES")}),
        ("sample.ttml", "fr-csa-2011", {(2, "SME-COLOUR"), (2, "SME-READING-TIME")}),
        (
            "sample.ttml",
            "netflix-fr",
            {
                (1, "NFX-CHAINING"),
                (2, "NFX-MIN-DURATION"),
                (2, "NFX-READING-SPEED"),
                (3, "NFX-ONE-LINE"),
            },
        ),
    ],
)
def test_planted_defects_in_other_formats(name, rules, expected):
    assert _found(read_subtitles(sample(name)), rules) == expected


def test_findings_carry_severity_source_timecode_and_french_message():
    report = check_document(read_subtitles(sample("defects.srt")), CheckOptions("netflix-fr"))
    document = report.to_dict()
    gap = next(f for f in document["findings"] if f["rule"] == "NFX-GAP")
    assert gap == {
        **gap,
        "cue": 1,
        "start_tc": "00:00:01:00",
        "severity": "fail",
        "source": "netflix_ttsg_general",
    }
    assert "image" in gap["message"]
    speed = next(f for f in document["findings"] if f["rule"] == "NFX-READING-SPEED")
    assert speed["severity"] == "warn"  # third-party value: uncertain, so only a warning
    assert document["summary"]["NFX-ONE-LINE"] == 2


def test_programme_end_and_live_line_limit():
    cues = (Cue(1, 0, 2000, make_lines(["a", "b", "c"])), Cue(2, 59_000, 61_000, make_lines(["z"])))
    document = SubtitleDocument("srt", cues)
    assert (2, "GEN-PROGRAMME-END") in _found(document, "generic", programme_ms=60_000)
    assert (1, "SME-MAX-LINES") in _found(document, "fr-csa-2011")
    assert (1, "SME-MAX-LINES") not in _found(document, "fr-csa-2011", live=True)


def test_gap_is_counted_in_frames_at_the_programme_rate():
    from tournage.accessibility.timecode import parse_frame_rate

    cues = (Cue(1, 0, 1000, make_lines(["Oui."])), Cue(2, 1060, 2000, make_lines(["Non."])))
    document = SubtitleDocument("srt", cues)
    # 60 ms is 1.5 frames at 25 fps (one frame once both times are on frames), 1.8 at 29.97
    assert (1, "NFX-GAP") in _found(document, "netflix-fr", frame_rate=parse_frame_rate("25"))
    assert (1, "NFX-GAP") not in _found(
        document, "netflix-fr", frame_rate=parse_frame_rate("29.97")
    )


def test_charter_reading_time_follows_the_data_points():
    points = load_rule_set("fr-csa-2011").checks["reading_time"]["points"]
    assert charter_minimum_ms(12, points) == 1000
    assert charter_minimum_ms(36, points) == 3000
    assert charter_minimum_ms(28, points) == 2500  # halfway between 20 (2 s) and 36 (3 s)
    assert charter_minimum_ms(6, points) == 500


def test_counting_conventions_are_configurable():
    assert count_chars("Oui, non !", "all") == 10
    assert count_chars("Oui, non !", "letters_only") == 6
    document = SubtitleDocument("srt", (Cue(1, 0, 1000, make_lines(["Ah, oui, bon, et toi ?"])),))
    assert (1, "SME-READING-TIME") in _found(document, "fr-csa-2011")
    assert (1, "SME-READING-TIME") not in _found(document, "fr-csa-2011", counting="letters_only")


def test_line_break_keeps_first_and_last_name_together():
    split = SubtitleDocument(
        "srt", (Cue(1, 0, 4000, make_lines(["Demain, je pars pour Millau avec Marie", "Dupont."])),)
    )
    findings = check_document(split, CheckOptions("netflix-fr")).findings
    name = next(f for f in findings if f.code == "NFX-LINE-BREAK")
    assert name.fix is not None and name.fix.lines is not None
    assert not name.fix.lines[0].endswith("Marie")
    sentence = SubtitleDocument(
        "srt", (Cue(1, 0, 4000, make_lines(["Il pleut depuis hier à Millau.", "Nina dort."])),)
    )
    assert "NFX-LINE-BREAK" not in {
        f.code for f in check_document(sentence, CheckOptions("netflix-fr")).findings
    }


def test_rebreak_avoids_function_words_and_balances():
    lines = rebreak(
        "Je crois vraiment que le train de nuit est déjà parti sans nous.", 42, "fr", "all"
    )
    assert lines is not None and len(lines) == 2
    assert not lines[0].endswith((" le", " que"))
    assert all(len(line) <= 42 for line in lines)
    assert rebreak("x" * 90, 42, "fr", "all") is None


def test_every_check_of_the_data_has_a_source_and_a_code():
    for rules in ("fr-csa-2011", "netflix-fr", "netflix-en"):
        for name, params in load_rule_set(rules).checks.items():
            assert params["code"] and params["source"], name
    for params in load_yaml("accessibility/rule_sets.yaml")["media"].values():
        assert params["code"] and params["source"]
