"""Line-numbered transcripts (court reporters', the New York Senate's hearings): margin numbers,
page furniture, multi-line labels. tests/data/hearing_pages.txt is shaped like the Senate's
published hearings: a numbered cover and index, then two pages with a running title, a
'Page N' header and a reporter's footer."""
import re
from pathlib import Path

import pytest

from claims.ingest.formats import detect, parse_source
from claims.ingest.markup import reading_text
from claims.ingest.pipeline import run

DATA = Path(__file__).resolve().parents[1] / "data"


def read(name):
    return open(DATA / name, encoding="utf-8", newline="").read()


def words(text, start, end):
    return " ".join(text[start:end].split())


def test_a_hearing_with_margin_numbers_is_detected():
    assert detect(read("hearing_pages.txt")) == "line_numbered"


def test_turns_run_from_label_to_label_across_lines_and_pages_without_the_margin():
    text = read("hearing_pages.txt")
    parsed = parse_source(text, source="hearing_pages.txt")
    reading = reading_text(text, parsed.format)
    assert len(reading) == len(text) and reading.count("\n") == text.count("\n")
    assert not parsed.errors and parsed.metadata.title == "Ferry Hearing, 5-2-19"  # the running title
    assert [(t.line, t.speaker_label, words(reading, t.start_char, t.end_char)) for t in parsed.turns] == [
        (28, "SENATOR JANE ROE", "Good morning. We are here to talk about the river ferries. Mr. Oduya, welcome."),
        (34, "CARL ODUYA", "Thank you, Senator. The ferries carried nine thousand riders a day last summer."),
        # across the page break: the footer, 'Page 4' and the running title are not words
        (42, "CARL ODUYA", "We need two more boats before the winter, and a new dock at Pier 4."),
        (54, "SENATOR JANE ROE", "Why a new dock?"),
        (56, "CARL ODUYA", "The old one floods at every high tide."),
    ]
    # the stored text keeps the margin numbers; the reading text has none, nor the furniture
    assert "\n2       and a new dock" in text[parsed.turns[2].start_char:parsed.turns[2].end_char]
    spoken = reading[parsed.content_start:parsed.content_end]
    assert not re.search(r"\b(?!4\b)\d+\b", spoken)  # "Pier 4" is the one number said
    assert "Page" not in spoken and "Harbor Reporting" not in spoken and "Applause" not in spoken


def test_the_cover_and_the_index_stay_outside_the_content():
    text = read("hearing_pages.txt")
    annotated = run(text, source="hearing_pages.txt")
    assert annotated.ok and annotated.format == "line_numbered" and annotated.source_text == text
    assert text[annotated.content_start:].startswith("SENATOR JANE ROE, CHAIR,")
    assert "PUBLIC HEARING" not in text[annotated.content_start:]  # "PRESIDING:" and "SPEAKERS:" are no speakers
    assert {s.name for s in annotated.speakers} == {"Senator Jane Roe", "Carl Oduya"}  # as the cover writes them
    reading = reading_text(text, annotated.format)
    sentences = [words(reading, s.start_char, s.end_char) for s in annotated.sentences]
    assert "We need two more boats before the winter, and a new dock at Pier 4." in sentences
    assert all(s.start_char >= annotated.content_start for s in annotated.sentences)


@pytest.mark.parametrize("name, fmt", [
    ("plain.txt", "plain"), ("podcast_page.txt", "labelled"), ("labelled_interview.txt", "labelled"),
    ("interview_labels.txt", "labelled"), ("otter.txt", "labelled"), ("youtube_panel.txt", "timed_lines"),
])
def test_other_texts_are_detected_as_before(name, fmt):
    assert detect(read(name)) == fmt


def test_numbered_lines_without_a_speakers_label_are_refused_when_forced():
    text = "".join(f"{n:>2}      the witness said nothing of note here\n" for n in range(1, 16))
    assert detect(text) != "line_numbered"
    annotated = run(text, source="numbered.txt", fmt="line_numbered")
    assert [str(e) for e in annotated.errors] == [
        "numbered.txt:1: not a line-numbered transcript: no speaker's label in capitals ('SENATOR SAVINO:') opens a numbered line"]
