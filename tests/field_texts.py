"""Helpers of the field-text tests (tests/ingest/test_field_texts_*.py): a file of tests/data as text, and what the
pipeline made of it as (speaker, words) pairs and speaker roles."""
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def read(name):
    return (DATA / name).read_text(encoding="utf-8")


def spoken_by(annotated):
    """Each turn as (its speaker's name, its words as the stored text holds them)."""
    names = {s.slug: s.name for s in annotated.speakers}
    text = annotated.source_text
    return [(names[t.speaker_slug], text[t.start_char:t.end_char]) for t in annotated.turns]


def roles(annotated):
    return {s.name: s.role for s in annotated.speakers}
