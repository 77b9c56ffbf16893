"""Texts from the field, fourth round (bench/field_set.py): shapes several producers write, each file in
tests/data written in the producer's shape, in words of our own."""
import datetime as dt

import pytest

from claims.ingest.pipeline import run
from tests.field_texts import read


@pytest.mark.parametrize("value, day", [
    ("March 14th, 2024", dt.date(2024, 3, 14)),  # a Pelican site's pub_date (Relay FM's Conduit transcripts)
    ("October 3, 2025", dt.date(2025, 10, 3)),
    ("14 March 2024", dt.date(2024, 3, 14)),
])
def test_a_front_matter_day_written_in_words_is_the_published_day(value, day):
    text = read("front_matter_pub_date_in_words.md").replace("March 14th, 2024", value)
    annotated = run(text, source="front_matter_pub_date_in_words.md")
    assert annotated.ok
    assert (annotated.metadata.published, annotated.metadata.published_precision) == (day, "day")
    assert annotated.metadata.title == "52: Seed Swaps and Soil with Dana Whitlock"


@pytest.mark.parametrize("value", ["03/04/2024", "soon", "March 2024 or so"])
def test_a_front_matter_day_no_reader_could_be_sure_of_is_no_day(value):
    text = read("front_matter_pub_date_in_words.md").replace("March 14th, 2024", value)
    assert run(text, source="front_matter_pub_date_in_words.md").metadata.published is None


@pytest.mark.parametrize("opening", ["(Intro music: Slow banjo)", "[Music]", "(upbeat music)"])
def test_a_stage_direction_above_the_labels_is_no_title(opening):
    # Orbit FM's transcripts open with the intro music in brackets above the first timed label
    text = read("orbit_style_stage_direction_first.txt").replace("(Intro music: Slow banjo)", opening)
    annotated = run(text, source="orbit_style_stage_direction_first.txt")
    assert annotated.ok and annotated.format == "labelled"
    assert annotated.metadata.title == ""
    assert annotated.metadata.show == "Shed Talk"
    assert [(s.name, s.role) for s in annotated.speakers] == [("Priya Raman", "host"), ("Tomas Lindqvist", "guest")]


def test_a_bracketed_word_inside_a_title_line_keeps_the_title():
    text = "Sheds (and the people in them)\n\n" + read("orbit_style_stage_direction_first.txt").split("\n\n", 1)[1]
    assert run(text, source="shed.txt").metadata.title == "Sheds (and the people in them)"


def said(annotated):
    names = {s.slug: s.name for s in annotated.speakers}
    return [(names.get(t.speaker_slug), t.start_seconds, annotated.source_text[t.start_char:t.end_char])
            for t in annotated.turns]


def test_a_diarisers_speaker_codes_in_labels_are_named_as_its_json_names_them():
    # WhisperX's and pyannote's "SPEAKER_00" above Markdown or in a page's "[SPEAKER_01]:" reads as the JSON
    # readers name the same code, "Speaker 00" (was "Speaker_00")
    annotated = run(read("diarised_bold_labels_speaker_codes.md"), source="diarised_bold_labels_speaker_codes.md")
    assert annotated.ok and annotated.format == "labelled"
    assert sorted(s.name for s in annotated.speakers) == ["Speaker 00", "Speaker 01"]
    assert [who for who, _, _ in said(annotated)] == ["Speaker 00", "Speaker 01"] * 3


@pytest.mark.parametrize("arrow", [" → ", " -> ", " --> "])
@pytest.mark.parametrize("unit", ["", "s"])
def test_whisper_segments_printed_as_seconds_in_brackets_are_timed_lines(arrow, unit):
    # "[0.00 → 3.12] words" (a Whisper segment dump), faster-whisper's README loop "[0.00s -> 3.12s] words"
    text = read("whisper_arrow_seconds_lines.md")
    text = text.replace(" → ", arrow).replace("]", unit + "]").replace(" " + arrow.strip() + " ", unit + arrow)
    annotated = run(text, source="whisper_arrow_seconds_lines.md")
    assert annotated.ok and annotated.format == "timed_lines"
    turns = said(annotated)
    assert [seconds for _, seconds, _ in turns] == [0.0, 3.4, 4.71, 5.1, 10.2, 12.3]
    assert turns[0][2] == "Would you keep bees on a roof in the middle of a city?"
    assert not any("[" in words or "→" in words or "->" in words for _, _, words in turns)


def test_a_time_and_a_bar_before_each_line_is_a_timed_line_without_the_bar():
    # a Whisper transcript page's "00:00:02.410 | words" lines
    annotated = run(read("whisper_pipe_timed_lines.txt"), source="whisper_pipe_timed_lines.txt")
    assert annotated.ok and annotated.format == "timed_lines"
    turns = said(annotated)
    # the sound note alone on its line ("(soft music)") is nobody's words
    assert [seconds for _, seconds, _ in turns] == [2.41, 5.88, 8.02, 10.3, 13.95]
    assert not any("|" in words for _, _, words in turns)
    assert turns[0][2] == "Okay, we are recording."


@pytest.mark.parametrize("header, title", [
    ("WEBVTT - Tide Tables and Tall Ships", "Tide Tables and Tall Ships"),  # Omny Studio's caption files
    ("WEBVTT Tide Tables and Tall Ships", "Tide Tables and Tall Ships"),
    ("WEBVTT FILE", ""),  # an old writer's header, no title
    ("WEBVTT", ""),
])
def test_words_after_webvtt_on_its_first_line_are_the_title(header, title):
    text = read("webvtt_title_in_header.vtt").replace("WEBVTT - Tide Tables and Tall Ships", header)
    annotated = run(text, source="webvtt_title_in_header.vtt")
    assert annotated.ok and annotated.format == "webvtt"
    assert annotated.metadata.title == title
    assert [seconds for _, seconds, _ in said(annotated)] == [4.12, 7.96, 11.3, 14.9]
