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

