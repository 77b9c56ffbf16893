"""Whisper's TSV output: rows of start and end in milliseconds and the words, as timed lines."""
from pathlib import Path

from claims.ingest.pipeline import run
from claims.ingest.tsv_transcript import tsv_document

DATA = Path(__file__).resolve().parents[1] / "data"


def test_whisper_tsv_rows_are_timed_lines_with_their_millisecond_starts():
    annotated = run((DATA / "whisper.tsv").read_text(encoding="utf-8"), source="episode.tsv")
    assert annotated.ok and annotated.format == "timed_lines" and annotated.container == "tsv"
    assert annotated.source_text.splitlines() == [
        "[00:00:00] Welcome back to the show. Today we",
        "[00:00:02.480] talk about robots. What do you think?",
        "[00:00:05.600] I think they are coming.",
    ]
    assert [t.start_seconds for t in annotated.turns] == [0.0, 2.48, 5.6]


def test_a_row_without_a_start_is_refused_with_its_line():
    annotated = run("start\tend\ttext\n0\t900\thello\nlater\t1800\tbye\n", source="a.tsv")
    assert [str(e) for e in annotated.errors] == ["a.tsv:3: Whisper TSV row without a start in milliseconds: 'later\\t1800\\tbye'"]


def test_a_table_without_whispers_header_is_left_to_the_other_formats():
    assert tsv_document("name\tquote\nJane\thello\n", source="a.tsv") is None
