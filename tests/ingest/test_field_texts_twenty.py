"""Leftovers of the field sets (bench/field_set.py), in small files of our own words: co-hosts who introduce
themselves in turn, under two labels, before naming the show; ..."""
from claims.ingest.pipeline import run
from tests.field_texts import read, roles, spoken_by


def test_co_hosts_introducing_themselves_in_turn_before_naming_the_show_are_both_hosts():
    # an ad under a diariser's id, a cold open of banter, then "I'm A ..." / "And I'm B ..." / "And this is <Show>"
    annotated = run(read("cohosts_introduce_in_turn.md"), source="cohosts_introduce_in_turn.md")
    assert annotated.format == "labelled"
    assert roles(annotated)["Mara Quill"] == "host"
    assert roles(annotated)["Theo Brandt"] == "host"


def test_the_show_named_by_the_second_voice_also_makes_both_hosts():
    text = read("cohosts_introduce_in_turn.md").replace(
        "**Mara Quill** (0:33)\nAnd this is Loose Bolts.", "**Theo Brandt** (0:33)\nAnd this is Loose Bolts.")
    r = roles(run(text, source="cohosts.md"))
    assert r["Mara Quill"] == r["Theo Brandt"] == "host"


def test_a_guest_saying_who_they_are_after_the_show_is_named_stays_the_guest():
    # the show named before the second introduction: the host's, then the guest's "I'm ..." (a guest, as before)
    text = read("cohosts_introduce_in_turn.md").replace(
        "I'm Mara Quill, a science writer at the Harbour Gazette.",
        "I'm Mara Quill and this is Loose Bolts. My guest today works on boats.").replace(
        "**Mara Quill** (0:33)\nAnd this is Loose Bolts.", "**Mara Quill** (0:33)\nWelcome to Loose Bolts, Theo.")
    r = roles(run(text, source="cohosts.md"))
    assert r["Mara Quill"] == "host" and r["Theo Brandt"] == "guest"


def test_two_self_introductions_under_one_label_make_no_second_host():
    text = read("cohosts_introduce_in_turn.md").replace(
        "**Theo Brandt** (0:30)\nAnd I'm Theo Brandt", "**Mara Quill** (0:30)\nAnd I'm Theo Brandt")
    r = roles(run(text, source="cohosts.md"))
    assert r["Theo Brandt"] == "guest"


def test_an_opening_statement_under_its_heading_above_the_first_label_is_the_answering_sides():
    # a newspaper's summary of a press conference: "【冒頭発言】" (opening statement) above the first label, no name in it
    annotated = run(read("press_summary_opening_heading.txt"), source="press_summary_opening_heading.txt")
    said = spoken_by(annotated)
    assert said[0][0] == "市長"
    assert said[0][1].startswith("市営バスの路線を") and said[0][1].endswith("働く人にも使いやすくする。")
    assert not any("【" in words for _, words in said)
    assert said[1][0] == "記者"
    assert annotated.metadata.title == "市長会見要旨"
    assert roles(annotated)["市長"] == "guest"


def test_an_opening_statement_heading_in_english_reads_the_same():
    text = (read("press_summary_opening_heading.txt").replace("【冒頭発言】", "Opening statement:")
            .replace("【質疑応答】", "Questions and answers"))
    said = spoken_by(run(text, source="press_summary_opening_heading.txt"))
    assert said[0][0] == "市長" and said[0][1].startswith("市営バス")


def test_without_an_opening_statement_heading_the_lines_above_the_first_label_are_no_ones():
    text = read("press_summary_opening_heading.txt").replace(" 【冒頭発言】\n", "")
    said = spoken_by(run(text, source="press_summary_opening_heading.txt"))
    assert said[0][0] == "記者"


def test_a_welcome_to_the_show_greeting_the_other_voice_by_name_makes_it_no_co_host():
    # "I'm Mara Quill." / "And I'm Theo Brandt, I build boats." / "Welcome to Loose Bolts, Theo.": the host greets a guest
    text = read("cohosts_introduce_in_turn.md").replace(
        "**Mara Quill** (0:33)\nAnd this is Loose Bolts.", "**Mara Quill** (0:33)\nWelcome to Loose Bolts, Theo.")
    r = roles(run(text, source="cohosts.md"))
    assert r["Mara Quill"] == "host" and r["Theo Brandt"] == "guest"


def test_diarised_co_hosts_introducing_themselves_in_turn_are_both_hosts():
    text = read("cohosts_introduce_in_turn.md").replace("**Mara Quill**", "**SPEAKER_2**").replace(
        "**Theo Brandt**", "**SPEAKER_3**")
    r = roles(run(text, source="cohosts.md"))
    assert [role for name, role in r.items() if name != "Speaker 1"] == ["host", "host"]
