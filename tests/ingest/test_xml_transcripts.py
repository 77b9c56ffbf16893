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
        ("<transcript><text>no start</text></transcript>", "a.xml", "a.xml: XML that is not timed text (it reads YouTube's timedtext, TTML and Podlove's simple transcripts)"),
        ('<tt><body><p begin="soon">x</p></body></tt>', "a.ttml",
         "a.ttml: XML caption without a usable start time (time 'soon' is neither a clock (hh:mm:ss.fff, hh:mm:ss:ff) nor a number with h, m, s, ms, f or t)"),
        ("<transcript><text start='1'>x</text>", "a.xml", "a.xml:1: invalid XML: no element found: line 1, column 36"),
    ],
)
def test_xml_that_is_not_readable_timed_text_is_refused_in_one_line(text, source, error):
    assert [str(e) for e in run(text, source=source).errors] == [error]


def test_text_that_only_opens_with_a_tag_is_left_to_the_other_formats():
    assert xml_document("<Jane> hello\n<John> hi\n", source="chat.txt") is None
    assert xml_document("WEBVTT\n\n00:00.000 --> 00:01.000\n<v Jane>Hi\n", source="a.vtt") is None


def test_apple_podcasts_ttml_word_spans_are_words_and_its_agents_speakers():
    annotated = run((DATA / "apple_podcasts.ttml").read_text(encoding="utf-8"), source="episode.ttml")
    assert annotated.ok and annotated.format == "labelled"
    assert annotated.source_text.splitlines() == [  # bare seconds, and m:ss.fff past the hour
        "[00:00:00.180] Speaker 1: Welcome back to the show. What do you think?",
        "[01:01:58.250] Speaker 2: I think they are coming.",
    ]
    assert [(s.name, s.role) for s in annotated.speakers] == [("Speaker 1", "host"), ("Speaker 2", "guest")]
    assert [t.start_seconds for t in annotated.turns] == [0.18, 3718.25]
    assert annotated.metadata.duration_seconds == 3725  # the body's dur


def test_netflix_dfxp_ticks_and_the_lines_of_one_caption_in_two_regions():
    annotated = run((DATA / "netflix_ticks.dfxp").read_text(encoding="utf-8"), source="episode.dfxp")
    assert annotated.ok and annotated.format == "timed_lines"
    assert annotated.source_text.splitlines() == [  # ticks at the document's ttp:tickRate
        "[00:00:00.801] Welcome back to the show.",
        "[00:00:03.003] Today we talk about robots.",
        "[00:00:06.215] I think they are coming.",
    ]


@pytest.mark.parametrize(
    "value, rates, seconds",
    [
        ("0.220", {}, 0.22),  # Apple's bare seconds
        ("02:15.500", {}, 135.5),
        ("1:09:04.480", {}, 4144.48),
        ("00:00:03:12", {"frameRate": "25"}, 3.48),
        ("00:00:01:15", {"frameRate": "30", "frameRateMultiplier": "1000 1001"}, 1 + 15 / (30 * 1000 / 1001)),
        ("50f", {"frameRate": "25"}, 2.0),
        ("10010000t", {"tickRate": "10000000"}, 1.001),
        ("1.5m", {}, 90.0),
    ],
)
def test_ttml_time_expressions(value, rates, seconds):
    attrs = " ".join(f'ttp:{k}="{v}"' for k, v in rates.items())
    xml = (f'<tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttp="http://www.w3.org/ns/ttml#parameter" {attrs}>'
           f'<body><div><p begin="{value}">x</p></div></body></tt>')
    annotated = run(xml, source="a.ttml")
    assert annotated.ok and annotated.turns[0].start_seconds == pytest.approx(seconds, abs=0.001)


def test_ttml_agents_named_in_the_head_are_the_speakers():
    xml = """<tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttm="http://www.w3.org/ns/ttml#metadata"><head><metadata>
      <ttm:agent xml:id="a1" type="person"><ttm:name type="full">Maria Lopez</ttm:name></ttm:agent>
      <ttm:agent xml:id="a2" type="person"><ttm:name type="full">Priya Raman</ttm:name></ttm:agent></metadata></head>
      <body><div ttm:agent="a1"><p begin="00:01.000">What do you think?</p></div>
      <div><p begin="00:04.500" ttm:agent="a2">They are coming.</p></div></body></tt>"""
    assert xml_document(xml, source="a.ttml").text == "[00:00:01] Maria Lopez: What do you think?\n[00:00:04.500] Priya Raman: They are coming.\n"


def test_youtube_srv2_times_are_milliseconds():
    xml = '<?xml version="1.0"?><timedtext><text t="1200" d="2300">Hello world</text><text t="4000" d="900">bye</text></timedtext>'
    assert xml_document(xml, source="a.srv2").text == "[00:00:01.200] Hello world\n[00:00:04] bye\n"


def test_ttml_times_nested_in_timed_containers_count_from_their_begins():
    # TTML counts a paragraph's begin from its <div>'s and <body>'s: a paragraph at 500ms in a
    # div beginning at 1s in a body beginning at 1s is said at 2.5s. (Apple's absolute times,
    # never before their div's begin, are read as written: the test above.)
    text = (
        '<?xml version="1.0"?><tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttp="http://www.w3.org/ns/ttml#parameter" '
        'ttp:frameRate="25" ttp:tickRate="1000"><body begin="1s"><div begin="1s">'
        '<p begin="500ms" dur="1500ms">Hello there.</p><p begin="00:00:03:12">Frames go on.</p>'
        '<p begin="5000t">Ticks end it.</p></div></body></tt>'
    )
    assert xml_document(text, source="nested.ttml").text.splitlines() == [
        "[00:00:02.500] Hello there.", "[00:00:05.480] Frames go on.", "[00:00:07] Ticks end it.",
    ]


def test_a_ttml_heads_title_is_the_title_and_its_copyright_no_ones_words():
    annotated = run((DATA / "ttml_head_title.ttml").read_text(encoding="utf-8"), source="ttml_head_title.ttml")
    assert annotated.ok and annotated.metadata.title == "Harbour Stories, Part Two"
    assert [annotated.source_text[t.start_char:t.end_char] for t in annotated.turns] == [
        "The ferry stopped running in the winter.", "So we rowed across every morning."]


def test_a_ttml_heads_title_with_a_character_number_too_long_to_read_is_still_read():
    # "&amp;#" and 5,000 digits in the XML is "&#" and the digits in the title's text: no character, never a crash
    text = (DATA / "ttml_head_title.ttml").read_text(encoding="utf-8").replace(
        "Harbour Stories, Part Two", "Harbour Stories &amp;#" + "9" * 5000 + "; Part Two")
    annotated = run(text, source="ttml_long_reference.ttml")
    assert annotated.ok and annotated.metadata.title.startswith("Harbour Stories \ufffd")
