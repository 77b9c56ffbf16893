"""Speech recognisers' JSON: segments read as timed lines, diarised speakers as labels."""
from pathlib import Path

import pytest

from claims.ingest.json_transcript import json_document
from claims.ingest.pipeline import run
from claims.ingest.records import Metadata

DATA = Path(__file__).resolve().parents[1] / "data"
NAMES = Metadata(hosts=("Maria Lopez",), guests=("Priya Raman",))


def read(name):
    return (DATA / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "name, starts",
    [
        ("whisperx.json", [0.0, 7.0, 11.0, 14.0, 62.0, 65.0]),  # seconds; SPEAKER_00's two segments are one turn
        ("assemblyai.json", [0.0, 7.0, 11.0, 14.0]),  # milliseconds
        ("deepgram.json", [0.0, 7.0, 11.0, 14.0]),  # speakers are numbers
    ],
)
def test_a_diarised_recognisers_speakers_become_the_named_host_and_guest(name, starts):
    annotated = run(read(name), source=name, metadata=NAMES)
    assert annotated.ok and annotated.format == "labelled"
    assert [(s.slug, s.role) for s in annotated.speakers] == [("maria-lopez", "host"), ("priya-raman", "guest")]
    assert [t.speaker_slug for t in annotated.turns] == ["maria-lopez", "priya-raman"] * (len(starts) // 2)
    assert [t.start_seconds for t in annotated.turns] == starts
    assert "It's good to be here." in annotated.source_text and "{" not in annotated.source_text


def test_without_names_the_label_asking_questions_is_the_host():
    annotated = run(read("assemblyai.json"), source="assemblyai.json")
    assert [(s.slug, s.role) for s in annotated.speakers] == [("speaker-a", "host"), ("speaker-b", "guest")]


def test_whispers_segments_run_on_into_each_other_and_the_words_pick_the_speakers():
    annotated = run(read("whisper.json"), source="whisper.json")
    assert annotated.ok and annotated.format == "timed_lines"
    text = annotated.source_text
    assert text.splitlines() == [
        "[00:00:00] Welcome back to the show. Today we",
        "[00:00:02] talk about robots. What do you think?",
        "[00:00:06] I think they are coming.",
    ]
    sentences = [text[s.start_char:s.end_char] for s in annotated.sentences]
    assert sentences[1] == "Today we\n[00:00:02] talk about robots."  # one sentence across two segments
    assert [t.start_seconds for t in annotated.turns] == [0.0, 2.0, 6.0]


def test_youtube_transcript_api_snippets_are_timed_lines():
    snippets = ('[{"text": "welcome back to the show", "start": 0.08, "duration": 3.1}, '
                '{"text": "today we talk about robots", "start": 3.24, "duration": 2.9}, '
                '{"text": "what do you think", "start": 6.14, "duration": 2.6}]')
    annotated = run(snippets, source="robots.json")
    assert annotated.ok and annotated.format == "timed_lines"
    assert [t.start_seconds for t in annotated.turns][0] == 0.0 and annotated.source_text.splitlines()[1] == (
        "[00:00:03] today we talk about robots")


def test_youtube_json3_events_are_timed_lines():
    annotated = run(read("youtube.json3.json"), source="youtube.json3.json")
    assert annotated.ok and annotated.format == "timed_lines"
    assert annotated.source_text.splitlines() == [
        "[00:00:00] welcome back to the show", "[00:00:03] today we talk about robots", "[00:00:06] what do you think"]


@pytest.mark.parametrize(
    "text, source, error",
    [
        ('{"title": "notes", "items": [1, 2]}', "notes.json",
         "notes.json: JSON of a shape this does not read (it reads Whisper or WhisperX segments, AssemblyAI or "
         "Deepgram utterances, YouTube json3 events, youtube-transcript-api's list of snippets)"),
        ('{"segments": [{"end": 2.0, "text": "hi"}]}', "cut.json",
         "cut.json: segment without a usable start time or text (KeyError: 'start')"),
        ('{"segments": [{"start": 0, "text": "  "}]}', "silent.json", "silent.json: transcript has no text in its segments"),
        ('{"results": {"channels": []}}', "dg.json", "dg.json: JSON without the parts its shape needs (IndexError: list index out of range)"),
        ('{"segments": ["hello"]}', "odd.json", "odd.json: segment without a usable start time or text (TypeError: string indices must be integers, not 'str')"),
        ('{"segments": [\n{"start": 0, "text": "hi"},\n]}', "bad.json", "bad.json:3: invalid JSON: Expecting value (column 1)"),
    ],
)
def test_json_that_is_not_a_transcript_is_refused_with_one_line(text, source, error):
    annotated = run(text, source=source)
    assert not annotated.ok and [str(e) for e in annotated.errors] == [error]


def test_a_text_transcript_opening_with_a_bracket_is_still_text():
    assert json_document("[Music] welcome back to the show today", source="eye.txt") is None
    assert json_document("[00:00:01] Ann: hi", source="a.txt") is None
    annotated = run("[Music] welcome back to the show today we talk about robots", source="eye.txt")
    assert annotated.ok and annotated.format != ""
