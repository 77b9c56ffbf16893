"""Texts from the field, eighth round (bench/field_set.py on real outputs of speech-recognition services and
caption tools): each test text in the producer's shape, in words of our own."""
from claims.ingest.pipeline import run


def _said(annotated):
    names = {s.slug: s.name for s in annotated.speakers}
    return [(names.get(t.speaker_slug), annotated.source_text[t.start_char:t.end_char]) for t in annotated.turns]


# Otter's text export without speaker identification: each paragraph's time alone on its line (two spaces after
# it), and Otter's credit as the last line
_OTTER_TIMES_ONLY = """0:02  
The orchard was planted by my grandfather in the thirties, and most of the trees are still standing.

0:11  
Every autumn we pick by hand. It takes three weeks if the weather holds.

0:19  
I'm Ruth Ellison, and that was the orchard.

Transcribed by https://otter.ai
"""


def test_otters_credit_after_timed_paragraphs_is_no_ones_words():
    annotated = run(_OTTER_TIMES_ONLY, source="orchard.txt")
    assert annotated.ok
    said = _said(annotated)
    assert len(said) == 3
    assert said[-1][1].rstrip().endswith("that was the orchard.")
    assert all("Transcribed by" not in words for _, words in said)


def test_a_timed_paragraph_saying_transcribed_by_mid_text_stays_words():
    text = ("0:02  \nWho did the transcript?\n\n0:05  \nTranscribed by hand, every word of it.\n\n"
            "0:09  \nThat must have taken weeks.\n")
    annotated = run(text, source="hand.txt")
    assert any("Transcribed by hand" in words for _, words in _said(annotated))
