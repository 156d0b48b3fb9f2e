from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tournage.screenplay.assemble import all_elements
from tournage.screenplay.fountain import parse_fountain
from tournage.screenplay.pagination import Layout, _height, paginate, wrap
from tournage.screenplay.reader import read_script

LETTER = Layout.load("letter")


def page_texts(text: str) -> list[list[str]]:
    elements = parse_fountain(text)[1]
    pages = paginate(elements, LETTER).pages
    return [[" | ".join(p.text for p in row) for row in page.rows] for page in pages]


def test_wrap_is_greedy_and_cuts_long_words() -> None:
    assert wrap("un deux trois quatre", 9) == ["un deux", "trois", "quatre"]
    assert wrap("x" * 12, 5) == ["xxxxx", "xxxxx", "xx"]
    assert wrap("a\nb", 10) == ["a", "b"]


def test_layout_data() -> None:
    assert LETTER.lines_per_page == 55
    assert Layout.load("a4").lines_per_page == 57


def test_one_page_of_action_is_eight_eighths() -> None:
    # 53 one-line paragraphs after the heading: heading row + blank + 53 rows = 55 rows.
    body = "\n".join(f"Ligne {n}.\n" for n in range(27))
    script = read_script(f"INT. SALLE - JOUR\n\n{body}\nINT. COULOIR - JOUR\n\nFin.\n".encode())
    first, second = script.scenes
    assert first.eighths == round((2 + 27 * 2 - 1 + 2) * 8 / 55)
    assert second.page_start == 2
    assert second.eighths == 1  # the minimum
    assert script.page_count == 2


def test_every_scene_counts_at_least_one_eighth() -> None:
    script = read_script(b"INT. A - JOUR\n\nINT. B - JOUR\n\nINT. C - JOUR\n")
    assert [scene.eighths for scene in script.scenes] == [1, 1, 1]


def test_long_dialogue_splits_with_more_and_contd() -> None:
    speech = "NADIA\n" + " ".join(["Je parle encore et encore."] * 150) + "\n"
    pages = page_texts("INT. SALLE - JOUR\n\n" + speech)
    assert pages[0][-1].strip() == "(MORE)"
    assert pages[1][0] == "NADIA (CONT'D)"
    assert all(len(page) <= 55 for page in pages)


def test_heading_is_kept_with_what_follows() -> None:
    filler = "\n".join("Action." + "\n" for _ in range(26))
    pages = page_texts(f"{filler}\nINT. CAVE - NUIT\n\nElle descend.\n")
    assert pages[1][0].startswith("INT. CAVE")


def test_forced_page_break() -> None:
    pages = page_texts("Avant.\n\n===\n\nAprès.\n")
    assert [page[0] for page in pages] == ["Avant.", "Après."]


def test_notes_and_sections_take_no_room() -> None:
    with_notes = page_texts("# Acte\n\n= résumé\n\n[[note]]\n\nAction.\n")
    assert with_notes == [["Action."]]


def test_dual_dialogue_side_by_side_takes_the_taller_height() -> None:
    pages = page_texts("MARC\nUn.\n\nNADIA ^\nDeux.\nTrois trois trois trois trois trois.\n")
    assert len(pages[0]) == 4  # the right speech: cue + 3 rows in a half column
    assert "MARC" in pages[0][0] and "NADIA" in pages[0][0]


def test_scene_numbers_printed_in_both_margins() -> None:
    elements = parse_fountain("INT. GARE - JOUR #12A#\n")[1]
    row = paginate(elements, LETTER).pages[0].rows[0]
    assert [piece.text for piece in row] == ["12A", "INT. GARE - JOUR", "12A"]
    assert row[0].column < 0 < LETTER.line_width < row[2].column


def test_eighths_sum_close_to_pages(phare_fountain: bytes) -> None:
    script = read_script(phare_fountain)
    elements = all_elements(script)
    pages = paginate(elements, LETTER).pages
    assert abs(sum(s.eighths for s in script.scenes) / 8 - len(pages)) <= 1


@settings(max_examples=200, deadline=None)
@given(st.text(" ab\n", max_size=60), st.integers(min_value=1, max_value=12))
def test_height_matches_wrap(text: str, width: int) -> None:
    assert _height(text, width) == len(wrap(text, width))
