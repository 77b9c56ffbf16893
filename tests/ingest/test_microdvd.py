"""MicroDVD captions (.sub): a caption a line, timed in frames at the file's frame rate."""
from pathlib import Path

import pytest

from claims.ingest.formats import detect, parse_source
from claims.ingest.markup import reading_text
from claims.ingest.pipeline import run
from claims.ingest.read import expand_paths

DATA = Path(__file__).resolve().parents[1] / "data"


def test_captions_are_turns_timed_by_their_frames_at_the_files_frame_rate():
    text = (DATA / "interview.sub").read_text(encoding="utf-8")
    assert detect(text) == "microdvd"
    annotated = run(text, source="interview.sub")
    assert annotated.ok and annotated.format == "microdvd" and annotated.source_text == text
    said = [(text[t.start_char:t.end_char], t.speaker_slug, t.start_seconds) for t in annotated.turns]
    assert said == [
        ("So you left the farm in 1962?", "interviewer-in-interview", 2.0),
        ("We all did.|The drought took the last of the herd.", "farmer-in-interview", 6.4),
        ("My father stayed.", "farmer-in-interview", 11.0),  # the italics code is not the words
        ("Alone?", "interviewer-in-interview", 15.2),
        ("With the dog. He was stubborn, like me.", "farmer-in-interview", 18.8),
    ]
    reading = reading_text(text, "microdvd")
    assert len(reading) == len(text) and "{" not in reading and "|" not in reading and "25" not in reading.split("\n")[0]


def test_without_a_frame_rate_the_frames_are_no_times_and_each_caption_is_still_a_turn():
    text = "{811}{966}The best way to start is early.\n{970}{1005}You need good tools...\n{1009}{1045}and patience.\n"
    turns = parse_source(text, source="a.sub", fmt="microdvd").turns
    assert [(t.start_seconds, t.end_seconds) for t in turns] == [(None, None)] * 3
    annotated = run(text, source="a.sub")
    assert annotated.ok and [(text[t.start_char:t.end_char], t.start_seconds) for t in annotated.turns] == [
        ("The best way to start is early.", None), ("You need good tools...", None), ("and patience.", None)]


@pytest.mark.parametrize(
    "text, error",
    [
        ("{1}{1}23.976\n{10}{20}One.\nTwo.\n", "a.sub:3: not a MicroDVD caption ('{start frame}{end frame}text'): 'Two.'"),
        ("{10}{20}One.\n{30}{25}Two.\n", "a.sub:2: malformed caption: ends at frame 25, before it starts at frame 30"),
        ("{10}{20}One.\n{5}{8}Two.\n", "a.sub:2: caption out of order: starts at frame 5, before the previous caption's 10"),
        ("Hello.\n", "a.sub:1: not MicroDVD: expected '{start frame}{end frame}text' lines"),
    ],
)
def test_a_malformed_caption_is_refused_with_its_line(text, error):
    assert [str(e) for e in run(text, source="a.sub", fmt="microdvd").errors] == [error]


def test_a_folder_reads_its_caption_sub_files_not_vobsubs_or_htcondors(tmp_path):
    (tmp_path / "a.sub").write_text((DATA / "interview.sub").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.sub").write_bytes(b"\x00\x00\x01\xba\x44\x00\x04\x00\x04\x01\x01\x89\xc3\xf8")  # an MPEG pack header
    (tmp_path / "c.sub").write_text("1\n00:00:01,000 --> 00:00:03,000\nAn SRT file saved as .sub.\n", encoding="utf-8")
    (tmp_path / "job.sub").write_text("executable = run.sh\narguments = $(Process)\nqueue 10\n", encoding="utf-8")
    files, errors = expand_paths([tmp_path])
    assert not errors and [f.name for f in files] == ["a.sub", "c.sub"]

