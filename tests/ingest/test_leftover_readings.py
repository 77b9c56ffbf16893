"""Readings that real files needed and the parsers missed: a time written after the speaker's label, a title's
month and year, a host naming himself "This is ...", and lines ended by a lone carriage return (old Mac files)."""
import pytest

from claims.ingest.formats import parse_source
from claims.ingest.pipeline import run


def _said(annotated):
    return [(t.speaker_slug, t.start_seconds, annotated.source_text[t.start_char:t.end_char]) for t in annotated.turns]


# the time after the label and its colon, as research transcription services and LLM-made transcripts
# write it ("Interviewer: [00:01:23] How are you?"), in brackets or parentheses, the words on its line
# or the next; Rev's "(00:03:42):" with its colon
@pytest.mark.parametrize("first, second", [
    ("[00:00:05] ", "[00:01:23] "),
    ("(0:05) ", "(1:23) "),
    ("[00:05] ", "[01:23] "),
    ("[00:00:05.250] ", "[00:01:23.500] "),
    ("(00:00:05): ", "(00:01:23): "),
    ("[00:00:05]\n", "[00:01:23]\n"),
    ("\\[00:00:05.25\\] ", "\\[00:01:23.50\\] "),
])
def test_a_time_after_the_label_is_the_turns_start_and_no_part_of_its_words(first, second):
    text = (f"Interviewer: {first}Welcome to the orchard, Tobin.\n\n"
            f"Tobin Vale: {second}Thanks, Mara, the pears are early this year.\n")
    annotated = run(text, source="orchard.txt")
    assert annotated.errors == ()
    assert annotated.source_text == text
    said = [(seconds, words) for _, seconds, words in _said(annotated)]
    assert said[0][1] == "Welcome to the orchard, Tobin."
    assert said[1][1] == "Thanks, Mara, the pears are early this year."
    assert [int(seconds) for seconds, _ in said] == [5, 83]
    assert annotated.turns[1].start_char == text.index("Thanks")


def test_a_time_alone_after_the_label_puts_the_turn_on_the_line_of_its_words():
    text = "Interviewer: [00:00:05]\r\nWelcome to the orchard.\r\n\r\nTobin Vale: [00:00:09] Thanks.\r\n"
    parsed = parse_source(text, source="orchard.txt")
    assert [(t.line, text[t.start_char:t.end_char]) for t in parsed.turns] == [(2, "Welcome to the orchard."), (4, "Thanks.")]


def test_a_time_in_the_label_before_the_colon_is_still_read():
    text = "Mara Quill [00:00:05]: Welcome to the orchard.\nTobin Vale [00:00:09]: Thanks, Mara.\n"
    annotated = run(text, source="orchard.txt")
    assert [(round(s), w) for _, s, w in _said(annotated)] == [(5, "Welcome to the orchard."), (9, "Thanks, Mara.")]


def test_a_bracketed_note_after_the_label_stays_in_the_words():
    text = "Mara Quill: [laughs] Welcome to the orchard.\nTobin Vale: (1:2) Thanks, Mara.\n"
    annotated = run(text, source="orchard.txt")
    assert [w for *_, w in _said(annotated)] == ["[laughs] Welcome to the orchard.", "(1:2) Thanks, Mara."]
