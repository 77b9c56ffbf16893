"""A chapter list above a transcript (a video description's, a podcast page's), whatever marks the turns under it."""
from pathlib import Path

import pytest

from claims.ingest.formats import detect, parse_source
from claims.ingest.pipeline import run

DATA = Path(__file__).resolve().parents[1] / "data"


def read(name):
    return open(DATA / name, encoding="utf-8", newline="").read()


def test_labelled_turns_under_a_chapter_list_keep_their_speakers_and_get_the_chapters():
    # the chaptered layout's "- " marks are not how this transcript tells its voices apart: its labels are
    text = read("chapters_over_labels.txt")
    annotated = run(text, source="chapters_over_labels.txt")
    assert annotated.format == "labelled"
    names = {s.slug: (s.name, s.role) for s in annotated.speakers}
    said = [(names[t.speaker_slug], text[t.start_char:t.end_char].split(".")[0]) for t in annotated.turns]
    assert said == [
        (("Jane Park", "host"), "Welcome back to The Grid"),
        (("Omar Diaz", "guest"), "Thanks, Jane"),
        (("Jane Park", "host"), "Let us start with the basics then"),
        (("Omar Diaz", "guest"), "It depends on the state"),
        (("Jane Park", "host"), "And when there is a drought, who loses out?"),
        (("Omar Diaz", "guest"), "The newest rights lose out first"),
    ]
    assert [(c.title, c.start_seconds) for c in annotated.chapters] == [
        ("Intro", 0), ("Who owns a river", 190), ("Drought and the courts", 585)]
    assert annotated.metadata.title == "The Grid Podcast #13: Water Rights with Omar Diaz"
    # no chapter line is anybody's words
    assert not any("Intro" in text[t.start_char:t.end_char] for t in annotated.turns)


def test_timed_labelled_turns_under_a_chapter_list_keep_their_times():
    text = read("chapters_over_timed_labels.txt")
    annotated = run(text, source="chapters_over_timed_labels.txt")
    names = {s.slug: s.name for s in annotated.speakers}
    assert [(names[t.speaker_slug], t.start_seconds, t.seconds_estimated) for t in annotated.turns] == [
        ("Jane Park", 5.0, False), ("Omar Diaz", 12.0, False), ("Jane Park", 190.0, False), ("Omar Diaz", 195.0, False)]
    assert [(c.title, c.start_seconds) for c in annotated.chapters] == [("Intro", 0), ("Who owns a river", 190)]
    # the chapter that starts at 3:10 starts at the turn said at 3:10
    river = annotated.chapters[1]
    assert text[river.start_char:].startswith("Who owns a river?")


def test_a_timestamps_list_in_brackets_is_a_chapter_list():
    text = read("timestamps_bracketed.txt")
    assert detect(text) == "chaptered"
    parsed = parse_source(text, source="timestamps_bracketed.txt")
    assert not parsed.errors
    assert [(c.title, c.start_seconds) for c in parsed.chapters] == [
        ("Introduction", 0), ("Why soil holds carbon", 192), ("Measuring it on a farm", 3760)]
    assert [text[t.start_char:t.end_char][:20] for t in parsed.turns] == [
        "Amir, welcome to the", "Thank you. It is one", "Why does soil hold s", "Because roots and mi"]


@pytest.mark.parametrize("line, expected", [
    ("[4:20] High speed rail", ("High speed rail", 260)),
    ("- 12:05 Closing thoughts", ("Closing thoughts", 725)),
    ("* 1:00:00 – The last hour", ("The last hour", 3600)),
    ("00:45: Cold open", ("Cold open", 45)),
])
def test_chapter_lines_in_the_shapes_descriptions_write_them(line, expected):
    text = f"A Talk\n\nChapters\n0:00 Start\n{line}\n\nTranscript\nHello there, and welcome.\n\n- Thanks for having me.\n"
    parsed = parse_source(text, source="t.txt")
    assert parsed.format == "chaptered" and not parsed.errors
    assert (parsed.chapters[1].title, parsed.chapters[1].start_seconds) == expected


@pytest.mark.parametrize("minutes", ["9" * 400, "9" * 5000])  # past any float; past Python's int() of a string
def test_a_chapter_time_past_any_recording_is_refused_with_its_line_or_leaves_the_list_out(minutes):
    chaptered = f"Chapters\n0:00 Intro\n{minutes}:00 Next\n\nTranscript\n- Hello there.\n- Hi.\n"
    parsed = parse_source(chaptered, source="t.txt")
    assert [(e.line, e.reason) for e in parsed.errors] == [(3, f"malformed chapter time in '{minutes[:80]}': past any recording")]
    over_labels = f"Chapters\n0:00 Intro\n{minutes}:00 Next\n\nTranscript\nJane: Hello there.\nOmar: Hi.\nJane: Well.\n"
    parsed = parse_source(over_labels, source="t.txt")
    assert (parsed.format, len(parsed.turns), parsed.chapters) == ("labelled", 3, ())
