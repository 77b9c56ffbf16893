"""Hostile shapes of the newest readings (colours as voices, NeMo's JSON, Hansard's speaker links): each read in time
linear in its size, or refused in one line."""
import json

import pytest

from claims.ingest import xml_transcript
from claims.ingest.pipeline import run

_TTML_HEAD = ('<?xml version="1.0"?><tt xmlns="http://www.w3.org/ns/ttml" xmlns:tts="http://www.w3.org/ns/ttml#styling">'
              '<head><styling><style xml:id="W" tts:color="#ffffff"/><style xml:id="Y" tts:color="#ffff00"/></styling></head>')


def test_colours_of_divs_nested_deep_are_worked_out_once_not_once_per_caption(monkeypatch):
    # 900 nested <div>s round thousands of coloured captions: each caption worked out the colour of every <div> holding
    # it, 900 calls a caption (a 1 MB file of them over two minutes)
    depth, captions = 300, 60
    paragraphs = "".join(f'<p begin="00:00:{i:02d}.000" style="{"WY"[i % 2]}">Line {i}.</p>' for i in range(captions))
    text = _TTML_HEAD + "<body>" + '<div style="W">' * depth + paragraphs + "</div>" * depth + "</body></tt>"
    calls = []
    colour = xml_transcript._colour
    monkeypatch.setattr(xml_transcript, "_colour", lambda *args: calls.append(1) or colour(*args))
    annotated = run(text, source="deep.ttml")
    assert annotated.ok
    lines = annotated.source_text.splitlines()
    assert lines[:3] == ["[00:00:00] Line 0.", "[00:00:01] - Line 1.", "[00:00:02] - Line 2."]
    assert len(calls) <= depth + 4 * captions  # each holder once, each caption's own few


def test_a_start_time_whose_milliseconds_overflow_is_refused_in_one_line():
    # NeMo's words (as any recogniser's JSON) with "start_time": 1e308: finite, but its milliseconds are not, and
    # writing the clock raised OverflowError out of ingestion
    words = ",".join('{"word": "hello", "start_time": 1e308, "end_time": 1e308, "speaker_label": "speaker_0"}' for _ in range(3))
    annotated = run('{"words": [' + words + "]}", source="nemo.json")
    assert [str(e) for e in annotated.errors] == [
        "nemo.json: segment 1 without a usable start time or text (ValueError: 1e+308 is not a time)"]


class _Measured:
    """A pattern whose fullmatch counts the characters it is given."""

    def __init__(self, pattern):
        self.pattern, self.chars = pattern, 0

    def fullmatch(self, text, *args):
        self.chars += len(text)
        return self.pattern.fullmatch(text, *args)


def test_a_line_of_thousands_of_names_elements_is_not_read_again_at_each_one(monkeypatch):
    # a line of 2,000 Hansard "primary-text" spans inside a speaker's link, and of 2,000 <cite>s: at each name's tag
    # the whole line so far was joined and matched as a time mark (12 s for 1 MB of such spans, 30 s for 0.5 MB of
    # <cite>s); and 2,000 <cite>s never closed round 1,000 letters: at the line's end each one's text (all of it) was
    # matched as a name (8 s for 130 kB)
    from claims.ingest import html
    time_mark, name = _Measured(html._TIME_MARK), _Measured(html._SPEAKER_NAME)
    monkeypatch.setattr(html, "_TIME_MARK", time_mark)
    monkeypatch.setattr(html, "_SPEAKER_NAME", name)
    spans = "<a class='attributed-to-details'>" + "<span class='primary-text'>A" * 2000 + "</a>"
    unclosed = "<cite>" * 2000 + "x" * 1000
    page = f"<html><body><p>{spans}</p><p>{'<cite>B</cite> ' * 2000}</p><p>{unclosed}</p><p>Q: Is it read?</p></body></html>"
    assert html.read_page(page).text.endswith("B\n\n" + "x" * 1000 + "\n\nQ: Is it read?\n")
    assert time_mark.chars < 10_000 and name.chars < 10_000  # before: 5,998,998 and 2,000,000


def test_a_hansard_speakers_link_and_a_time_before_a_cited_name_read_as_before():
    page = ("<html><body><div><a class='attributed-to-details' href='/m'><div class='primary-text'>The Minister for Roads "
            "(Colin Webb)</div><div class='secondary-text'>Leeds</div></a><p>We will build roads.</p></div>"
            "<p><span class='ts'>00:04</span> <cite>Ann Blake</cite> Thank you.</p></body></html>")
    from claims.ingest.html import read_page
    assert read_page(page).text == "The Minister for Roads (Colin Webb):\n\nWe will build roads.\n\n[00:04] Ann Blake: Thank you.\n"


@pytest.mark.parametrize("data", [
    {"words": [{"word": "hi", "start_time": 0, "speaker_label": "speaker_0"}],  # NeMo's sentences
     "sentences": [{"sentence": None, "start_time": 1, "speaker_label": "speaker_0"},
                   {"sentence": "Yes indeed.", "start_time": 2, "speaker_label": "speaker_1"}]},
    {"words": [{"word": None, "start_time": 1, "speaker_label": "speaker_0"},  # NeMo's words
               {"word": "Yes indeed.", "start_time": 2, "speaker_label": "speaker_1"}]},
    {"schemaVersion": 2.0, "monologues": [  # Gecko's
        {"speaker": {"id": "speaker_0"}, "terms": [{"start": 1, "text": None, "type": "WORD"}]},
        {"speaker": {"id": "speaker_1"}, "terms": [{"start": 2, "text": "Yes", "type": "WORD"},
                                                    {"start": 2.5, "text": "indeed.", "type": "WORD"}]}]},
])
def test_a_null_text_in_a_recognisers_json_is_no_words_not_the_word_none(data):
    # JSON's null as a sentence's, word's or term's text was written as the word "None" in the transcript
    annotated = run(json.dumps(data), source="n.json")
    assert "None" not in annotated.source_text
    assert annotated.source_text.endswith("[00:00:02] Speaker 1: Yes indeed.\n")


class _MeasuredSub:
    """A pattern whose sub counts the characters it is given."""

    def __init__(self, pattern):
        self.pattern, self.chars = pattern, 0

    def sub(self, repl, text, *args):
        self.chars += len(text)
        return self.pattern.sub(repl, text, *args)


def test_names_elements_never_closed_round_a_mark_are_not_each_read_to_the_lines_end(monkeypatch):
    # 2,000 <cite>s never closed, a space after each, then "!": at the line's end each one's text (every space after
    # it) was joined and its spaces collapsed, 140 kB in 10 s
    from claims.ingest import html
    spaces = _MeasuredSub(html._SPACE)
    monkeypatch.setattr(html, "_SPACE", spaces)
    page = "<html><body><p>" + "<cite> " * 2000 + "!</p><p>Q: Is it read?</p></body></html>"
    assert html.read_page(page).text == "!\n\nQ: Is it read?\n"
    assert spaces.chars < 100_000  # before: 2,005,015


def test_a_cue_line_of_unclosed_tags_is_read_in_linear_time():
    # "<v " after "<v " with no ">": each "<" was read to the line's end looking for its tag's close (40 KB took a
    # second, 5 MB hours); a tag holds no "<", so each is read to the next at most
    import time

    from claims.ingest.formats import parse_source

    text = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nwords" + " <v " * 100_000 + "\n"
    started = time.perf_counter()
    parsed = parse_source(text, source="unclosed.vtt")
    assert time.perf_counter() - started < 5 and len(parsed.turns) == 1
