"""Hostile shapes of the newest readings (colours as voices, NeMo's JSON, Hansard's speaker links): each read in time
linear in its size, or refused in one line."""
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
        "nemo.json: segment without a usable start time or text (ValueError: 1e+308 is not a time)"]
