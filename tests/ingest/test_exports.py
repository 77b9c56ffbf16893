"""Transcript services' and podcast platforms' exports, one file each as the service writes it:
who speaks, when, with what role, and what is left out of the interview's text."""
from pathlib import Path

from claims.ingest.pipeline import run

DATA = Path(__file__).resolve().parents[1] / "data"


def _run(name):
    return run((DATA / name).read_text(encoding="utf-8"), source=name)


def _turns(annotated):
    text = annotated.source_text
    return [(t.speaker_slug, t.start_seconds, text[t.start_char:t.end_char]) for t in annotated.turns]


def _roles(annotated):
    return {s.slug: s.role for s in annotated.speakers}


def test_sonix_text_export_leaves_its_credit_line_out_of_the_last_turn():
    # Sonix's .txt: "Name: [hh:mm:ss] text" a paragraph, and on a free account a closing credit in brackets
    annotated = _run("sonix.txt")
    assert annotated.ok and annotated.format == "labelled"
    turns = _turns(annotated)
    assert [(who, at) for who, at, _ in turns] == [
        ("hannah-birch", 3.0), ("oren-falk", 12.0), ("hannah-birch", 15.0), ("oren-falk", 18.0),
        ("hannah-birch", 62.0), ("oren-falk", 65.0)]
    assert turns[-1][2] == "[00:01:05] The forests have moved north. Some beds we charted in the nineties are gone."
    assert "Sonix" not in annotated.source_text[annotated.content_start:annotated.content_end]
    assert _roles(annotated) == {"hannah-birch": "host", "oren-falk": "guest"}


def test_sonix_json_export_reads_each_speakers_part_with_its_words():
    # Sonix's JSON: {"name", "transcript": [{"speaker", "start_time", "end_time", "words": [{"text", ...}]}]}
    annotated = _run("sonix.json")
    assert annotated.ok and (annotated.format, annotated.container) == ("labelled", "json")
    assert _turns(annotated) == [
        ("hannah-birch", 3.12, "Welcome to Tide Tables. Who are you?"), ("oren-falk", 10.2, "I map kelp.")]


def test_sonix_word_csv_export_joins_words_into_each_speakers_turn():
    # Sonix's CSV: a word a row, "Word,Start Timecode,End Timecode,Speaker", times hh:mm:ss:ff
    annotated = _run("tables/sonix_words.csv")
    assert annotated.ok and (annotated.format, annotated.container) == ("labelled", "csv")
    assert [(who, text) for who, _, text in _turns(annotated)] == [
        ("hannah-birch", "Welcome to Tide Tables. Who are you?"), ("oren-falk", "I map, mostly kelp.")]
    assert [round(at, 2) for _, at, _ in _turns(annotated)] == [3.1, 10.17]


def test_fireflies_graphql_transcript_reads_its_sentences_by_speaker_name():
    # Fireflies.ai's API answer: {"data": {"transcript": {"title", "sentences": [{"speaker_name",
    # "start_time", "text", "raw_text", ...}]}}}; one speaker's sentences in a row are one turn
    annotated = _run("fireflies.json")
    assert annotated.ok and (annotated.format, annotated.container) == ("labelled", "json")
    assert _turns(annotated) == [
        ("lena-ortiz", 1.2, "Morning, Tomas. Shall we start with the dredging schedule?"),
        ("tomas-reid", 5.3, "Sure. The contractor can begin on the ninth if the permit arrives this week."),
        ("lena-ortiz", 11.02, "And if it does not?"),
        ("tomas-reid", 12.6, "Then we lose the spring window and wait until September.")]
