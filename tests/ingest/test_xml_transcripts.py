"""Timed text saved as XML (YouTube's timedtext, TTML): timed lines of text."""
from pathlib import Path

import pytest

from claims.ingest.pipeline import run
from claims.ingest.xml_transcript import xml_document

DATA = Path(__file__).resolve().parents[1] / "data"


def test_youtube_timedtext_is_read_as_timed_lines_with_its_entities_unescaped():
    annotated = run((DATA / "youtube_timedtext.xml").read_text(encoding="utf-8"), source="robots.xml")
    assert annotated.ok and annotated.format == "timed_lines"
    lines = annotated.source_text.splitlines()
    assert lines[1] == "[00:00:03.240] today we talk about robots and what they'll do"
    assert lines[-1] == "[00:00:12.400] i think they're coming by 2030"
    assert [t.start_seconds for t in annotated.turns][:3] == [0.08, 3.24, 6.14]


def test_ttml_paragraphs_with_clock_or_offset_times_and_line_breaks():
    annotated = run((DATA / "captions.ttml").read_text(encoding="utf-8"), source="captions.ttml")
    assert annotated.ok and annotated.format == "timed_lines"
    assert annotated.source_text.splitlines() == [
        "[00:00:00.080] Welcome back to the show. Today we talk about robots.",
        "[00:00:03.240] What do you think?",
        "[00:00:06.500] I think they are coming.",  # to the millisecond, as the file gives it
    ]
    sentences = [annotated.source_text[s.start_char:s.end_char] for s in annotated.sentences]
    assert "I think they are coming." in sentences


def test_youtube_srv3_times_are_milliseconds():
    xml = '<timedtext format="3"><body><p t="80" d="3120">welcome<s t="400"> back</s></p><p t="61300" d="900">bye</p></body></timedtext>'
    assert xml_document(xml, source="a.srv3").text == "[00:00:00.080] welcome back\n[00:01:01.300] bye\n"


@pytest.mark.parametrize(
    "text, source, error",
    [
        ("<transcript><text>no start</text></transcript>", "a.xml", "a.xml: XML that is not timed text (it reads YouTube's timedtext and TTML)"),
        ('<tt><body><p begin="soon">x</p></body></tt>', "a.ttml",
         "a.ttml: XML caption without a usable start time (time 'soon' is neither hh:mm:ss.fff nor a number with h, m, s or ms)"),
        ("<transcript><text start='1'>x</text>", "a.xml", "a.xml:1: invalid XML: no element found: line 1, column 36"),
    ],
)
def test_xml_that_is_not_readable_timed_text_is_refused_in_one_line(text, source, error):
    assert [str(e) for e in run(text, source=source).errors] == [error]


def test_text_that_only_opens_with_a_tag_is_left_to_the_other_formats():
    assert xml_document("<Jane> hello\n<John> hi\n", source="chat.txt") is None
    assert xml_document("WEBVTT\n\n00:00.000 --> 00:01.000\n<v Jane>Hi\n", source="a.vtt") is None
