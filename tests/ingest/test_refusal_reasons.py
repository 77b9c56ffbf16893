"""Refusals that name the file and the true reason, and inputs once refused for a wrong one that are read."""
import pytest

from claims.ingest.pipeline import run


def _one_off_speakers(count: int) -> str:
    return "".join(f"Speaker {n}: I would like to say something about item {n}.\n" for n in range(1, count + 1))


@pytest.mark.parametrize("count", [21, 99, 1000])
def test_a_diarisers_numbered_voices_each_heard_once_are_read_however_many_up_to_a_thousand(count):
    # a large panel, a council's public comment: more than 20 voices, some heard once; was "no transcript text
    # found (format plain)", the plain reader taking the lines for a header's fields
    annotated = run(_one_off_speakers(count), source="panel.txt")
    assert annotated.ok and annotated.format == "labelled"
    assert len(annotated.turns) == len(annotated.speakers) == count
    last = annotated.turns[-1]
    assert annotated.source_text[last.start_char:last.end_char] == f"I would like to say something about item {count}."
    assert annotated.speakers[-1].name == f"Speaker {count}"


@pytest.mark.parametrize("count", [1001, 3000])
def test_more_numbered_voices_than_a_conversation_has_are_refused_saying_so(count):
    annotated = run(_one_off_speakers(count), source="many.txt")
    assert [str(e) for e in annotated.errors] == [
        "many.txt:1001: more distinct speaker labels than a conversation has (at most 1000 read; "
        "'Speaker 1001' is one more): not read"]


def test_twenty_one_names_each_once_are_still_no_conversation():
    # a glossary's "Term: meaning" lines: names, not a diariser's voices, are still held to 20
    text = "".join(f"Term{chr(65 + n)}: a word meaning thing number {n}.\n" for n in range(21))
    assert run(text, source="terms.txt").format == "plain"


_VTT = ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000 [Speaker 1]\nHello there, friend.\nIt is late.\n\n"
        "00:00:03.000 --> 00:00:04.000 [Speaker 2]\nHi back.\n")
_SRT = ("1\n00:00:01,000 --> 00:00:02,000 [Speaker 1]\nHello there, friend.\nIt is late.\n\n"
        "2\n00:00:03,000 --> 00:00:04,000 [Speaker 2]\nHi back.\n")


def _mixed(text: str) -> str:
    """Windows line endings, but a lone "\\r" after each timing line (a file edited on two systems)."""
    return text.replace("\n", "\r\n").replace("]\r\n", "]\r")


@pytest.mark.parametrize("source, text", [
    ("old_mac.vtt", _VTT.replace("\n", "\r")), ("mixed.vtt", _mixed(_VTT)),
    ("old_mac.srt", _SRT.replace("\n", "\r")), ("mixed.srt", _mixed(_SRT)),
])
def test_captions_whose_lines_end_in_a_lone_carriage_return_are_read_as_any_captions(source, text):
    # a lone "\r" was no line break to the caption readers: an old Mac file was refused as "not WebVTT" or read
    # as no turn, and in a mixed file the "[Speaker N]" after the times and the cue's first line were lost
    annotated = run(text, source=source)
    assert annotated.ok and annotated.source_text == text
    said = [(t.speaker_slug.split("-in-")[0], annotated.source_text[t.start_char:t.end_char].split(), t.start_seconds)
            for t in annotated.turns]
    assert said == [("speaker-1", ["Hello", "there,", "friend.", "It", "is", "late."], 1.0), ("speaker-2", ["Hi", "back."], 3.0)]
    assert [annotated.source_text[s.start_char:s.end_char] for s in annotated.sentences] == [
        "Hello there, friend.", "It is late.", "Hi back."]


def test_a_text_of_field_lines_only_is_refused_saying_its_lines_read_as_a_headers_fields():
    # was "no transcript text found (format plain)": the words are there, each line a name once and a colon
    text = "".join(f"Term{chr(65 + n)}: a word meaning thing number {n}.\n" for n in range(21))
    assert [str(e) for e in run(text, source="terms.txt").errors] == [
        "terms.txt:1: no one's words: every line is a 'Field: value' line, as a header or a glossary writes them "
        "(not a conversation's labels: each names one line, or there are more than 20)"]


def test_a_labelled_text_with_old_mac_line_endings_is_read_not_refused():
    # a lone "\r" was no line break to the text readers (the file one line, "Ann: ..." a header's field), and such a
    # file was refused saying so; it is now read as its lines (formats._common.lone_cr_as_lf)
    text = "Ann: Hello there.\rBob: Hi there.\rAnn: How are you?\r"
    annotated = run(text, source="old_mac.txt")
    assert annotated.errors == () and annotated.format == "labelled"
    assert [text[t.start_char:t.end_char] for t in annotated.turns] == ["Hello there.", "Hi there.", "How are you?"]
