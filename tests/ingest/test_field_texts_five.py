"""Texts from the field, fifth round (bench/field_set.py): shapes several producers write, each file in
tests/data written in the producer's shape, in words of our own."""
from pathlib import Path

import pytest

from claims.ingest.errors import IngestError
from claims.ingest.json_transcript import json_document
from claims.ingest.pipeline import run

DATA = Path(__file__).resolve().parents[1] / "data"


def read(name):
    return (DATA / name).read_text(encoding="utf-8")


def test_an_untimed_json_transcript_of_speaker_parts_is_read_as_labelled_turns():
    # Orbit FM's JSON: {"podcast", "episode", "transcript": [{"speaker", "text"}]}, no times (the intro music a part
    # without a speaker)
    annotated = run(read("orbit_untimed_speaker_parts.json"), source="orbit_untimed_speaker_parts.json")
    assert annotated.ok and annotated.format == "labelled"
    names = {s.slug: s.name for s in annotated.speakers}
    turns = [(names[t.speaker_slug], t.start_seconds) for t in annotated.turns]
    assert turns == [("Priya Raman", None), ("Tomas Lindqvist", None), ("Priya Raman", None), ("Tomas Lindqvist", None)]
    assert "{" not in annotated.source_text


def test_a_json_part_without_a_start_time_among_timed_ones_is_refused_with_a_plain_reason():
    text = read("orbit_untimed_speaker_parts.json").replace('"speaker": "Priya Raman",', '"speaker": "Priya Raman", "start_time": 1.5, "words": [],', 1)
    with pytest.raises(IngestError) as caught:
        json_document(text, source="mixed.json")
    message = str(caught.value)
    assert "mixed.json" in message and "KeyError" not in message and "start time" in message
