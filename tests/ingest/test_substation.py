"""SubStation Alpha captions (.ass, .ssa): Dialogue events as timed turns, their Name the speaker."""
from pathlib import Path

import pytest

from claims.ingest.formats import detect, parse_source
from claims.ingest.markup import reading_text
from claims.ingest.pipeline import run

DATA = Path(__file__).resolve().parents[1] / "data"


def _said(annotated):
    return [(annotated.source_text[t.start_char:t.end_char], t.speaker_slug, t.start_seconds) for t in annotated.turns]


def test_dialogue_events_are_turns_with_their_times_and_their_name_as_the_speaker():
    text = (DATA / "podcast_aegisub.ass").read_text(encoding="utf-8")
    assert detect(text) == "ass"
    annotated = run(text, source="podcast_aegisub.ass")
    assert annotated.ok and annotated.format == "ass"
    assert annotated.source_text == text  # stored as it is, like SRT
    assert {s.name for s in annotated.speakers} == {"Maya Lin", "Tomas Berg"}
    said = _said(annotated)
    assert said[0] == ("Welcome back to Field Notes.\\NToday I'm talking with a soil scientist.", "maya-lin", 1.5)
    assert said[1] == ("Tomas{\\i0}, thanks for coming in.", "maya-lin", 4.0)  # the leading override block is not shown
    # the comment, the sign and the blurred copy of Tomas's line (a second layer) are not said
    assert [s for s, _, _ in said].count("Thanks for having me. Soil holds more carbon\\Nthan the air and the plants together.") == 1
    assert not any("FIELD NOTES" in s or "timing checked" in s for s, _, _ in said)
    # an event out of the file's order of time keeps its own time
    assert said[-1] == ("Mm-hm.", "maya-lin", 13.0)


def test_the_later_stages_read_the_events_words_only():
    text = (DATA / "podcast_aegisub.ass").read_text(encoding="utf-8")
    reading = reading_text(text, "ass")
    assert len(reading) == len(text)
    assert "Dialogue" not in reading and "Arial" not in reading and "\\N" not in reading and "{" not in reading
    assert "Welcome back to Field Notes.  Today I'm talking" in reading
    sentences = [" ".join(reading[s.start_char:s.end_char].split()) for s in run(text, source="a.ass").sentences]
    assert "Today I'm talking with a soil scientist." in sentences  # the \\N is a line break, not a word
    assert "Tomas , thanks for coming in." in sentences  # the override blocks are blanks


SSA = """[Script Info]
ScriptType: v4.00

[V4 Styles]
Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, TertiaryColour, BackColour, Bold, Italic, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, AlphaLevel, Encoding
Style: Default,Tahoma,24,16777215,65535,65535,-2147483640,-1,0,1,2,1,2,30,30,10,0,0

[Events]
Format: Marked, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
Dialogue: Marked=0,0:00:02.10,0:00:05.00,Default,Ana,0000,0000,0000,,Where were you, then, in ninety-one?
Dialogue: Marked=0,0:00:05.20,0:00:09.00,Default,Ben,0000,0000,0000,,In Leeds, still, at the paper.
"""


def test_an_ssa_v4_file_reads_the_same_way():
    annotated = run(SSA, source="a.ssa")
    assert annotated.ok and annotated.format == "ass"
    assert _said(annotated) == [("Where were you, then, in ninety-one?", "ana-in-a", 2.1), ("In Leeds, still, at the paper.", "ben-in-a", 5.2)]


def test_signs_drawings_lyrics_and_frame_by_frame_copies_are_no_ones_words():
    events = "\n".join([
        "Dialogue: 0,0:00:00.50,0:00:03.00,Songs_OP,OP LYRICS,0,0,0,,Like a fairy tale",
        "Dialogue: 0,0:00:03.00,0:00:04.00,Default,SIGN,0,0,0,,{\\pos(322,230)}Beyond the Ridge",
        "Dialogue: 0,0:00:04.00,0:00:04.50,Default,,0,0,0,,{\\p1}m 0 0 l 100 0 100 100 0 100{\\p0}",
        "Dialogue: 0,0:00:05.00,0:00:05.04,Default,,0,0,0,,{\\pos(960,929)}Help!",
        "Dialogue: 0,0:00:05.04,0:00:05.08,Default,,0,0,0,,{\\pos(958,931)}Help!",
        "Dialogue: 0,0:00:05.08,0:00:06.00,Default,,0,0,0,,Help!",
        "Dialogue: 0,0:00:07.00,0:00:08.00,Default,,0,0,0,,Help!",
        "Dialogue: 0,0:00:09.00,0:00:10.00,Default,ED,0,0,0,,Under the sun",
        "Dialogue: 0,0:00:11.00,0:00:12.00,Default,Ed Sheeran,0,0,0,,Thanks for having me.",
    ])
    text = "[Script Info]\nScriptType: v4.00+\n\n[Events]\n" \
           "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n" + events + "\n"
    turns = parse_source(text, source="a.ass").turns
    assert [(text[t.start_char:t.end_char], t.speaker_label, t.start_seconds) for t in turns] == [
        ("Like a fairy tale", None, 0.5),  # sung: a turn, but "OP LYRICS" is nobody
        ("Help!", None, 5.0),  # one line shown frame by frame, moving
        ("Help!", None, 7.0),  # said again, a second later
        ("Under the sun", None, 9.0),  # the ending theme
        ("Thanks for having me.", "Ed Sheeran", 11.0),  # a name that starts like "ED" is someone's
    ]


@pytest.mark.parametrize(
    "event, error",
    [
        ("Dialogue: 0,0:00:01.00,0:00:02.00,Default", "a.ass:6: malformed event: fewer fields than its section's Format line names"),
        ("Dialogue: 0,0:00:1.00,0:00:02.00,Default,,0,0,0,,Hi.", "a.ass:6: malformed time '0:00:1.00' (expected H:MM:SS.cc)"),
        ("Dialogue: 0,0:00:03.00,0:00:02.00,Default,,0,0,0,,Hi.",
         "a.ass:6: malformed event: ends at 00:00:02.000, before it starts at 00:00:03.000"),
    ],
)
def test_a_malformed_event_is_refused_with_its_line(event, error):
    text = "[Script Info]\nScriptType: v4.00+\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n" + event + "\n"
    assert [str(e) for e in run(text, source="a.ass").errors] == [error]


def test_a_forced_ass_format_on_other_text_is_refused():
    parsed = parse_source("Maya: Hello there.\nTomas: Hi.\n", source="a.txt", fmt="ass")
    assert [str(e) for e in parsed.errors] == ["a.txt:1: not SubStation Alpha: no [Events] section with Dialogue lines"]
    assert detect("[Script Info]\nTitle: x\n") == "ass" and detect("[Music]\nSo welcome.\n") != "ass"
