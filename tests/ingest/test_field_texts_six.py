"""Texts from the field, sixth round (bench/field_set.py on a second field set): shapes real producers write,
each test text in the producer's shape, in words of our own."""
from claims.ingest.formats import parse_source
from claims.ingest.pipeline import run

# a Markdown heading holding the time in brackets and the speaker's name, the words on the lines below
# (an episode transcript a podcast's volunteers publish from whisper.cpp's output: "### [00:01:04] John")
_HEADING_TIME_NAME = """# Harbour Cast Episode 4: Lighthouses — Capt. Ada Marr

- **Feed title:** “Lighthouses with Capt. Ada Marr” — published March 3, 2022
- **Hosts present:** Lena and Tom

---

### [00:00:00] Lena
Welcome to the Harbour Cast. I'm Lena, here with Tom.

### [00:00:12] Tom
And today we have a guest who kept a light for twenty years.

### [00:00:20] Capt. Marr
Thank you both. It is good to be ashore for once.

### [00:01:05] Lena
What did a night on the rock sound like?
"""


def test_a_heading_with_a_bracketed_time_and_a_name_labels_the_words_below():
    parsed = parse_source(_HEADING_TIME_NAME, source="harbour.md")
    assert parsed.format == "labelled" and not parsed.errors
    said = [(t.speaker_label, t.start_seconds, _HEADING_TIME_NAME[t.start_char:t.end_char]) for t in parsed.turns]
    assert said == [
        ("Lena", 0.0, "Welcome to the Harbour Cast. I'm Lena, here with Tom."),
        ("Tom", 12.0, "And today we have a guest who kept a light for twenty years."),
        ("Capt. Marr", 20.0, "Thank you both. It is good to be ashore for once."),
        ("Lena", 65.0, "What did a night on the rock sound like?"),
    ]
    annotated = run(_HEADING_TIME_NAME, source="harbour.md")
    assert annotated.ok and [s.name for s in annotated.speakers] == ["Lena", "Tom", "Capt. Marr"]


# a guest's first name alone as the label, used once, among hosts' labels of two words (the Google Cloud Platform
# Podcast's transcripts: "MARK MANDEL:", "MARK MIRCHANDANI:", then the guest's "JEN:"), the guest named in full above
_GUEST_FIRST_NAME = """+++
date = "2021-03-03"
hosts = ["Ada Brook", "Ben Cole"]
title = "Tide Tables with Cara Dunn"
+++

Cara Dunn joins Ada Brook and Ben Cole to talk about tide tables.

{{< transcript "[MUSIC PLAYING] ADA BROOK: Hi, and welcome to episode 12. I'm here with Ben." >}}

BEN COLE: Hey, Ada.

ADA BROOK: Today we have Cara Dunn with us. Cara, tell us what you do.

CARA: I read the sea for a living, more or less.

BEN COLE: And how does that work?

ADA BROOK: Thanks, Cara.
"""


def test_a_guests_first_name_used_once_among_full_names_is_a_label_where_the_text_above_names_her_in_full():
    parsed = parse_source(_GUEST_FIRST_NAME, source="tides.md")
    assert parsed.format == "labelled" and not parsed.errors
    said = [(t.speaker_label, _GUEST_FIRST_NAME[t.start_char:t.end_char]) for t in parsed.turns]
    assert said[3] == ("CARA", "I read the sea for a living, more or less.")
    assert [label for label, _ in said] == ["ADA BROOK", "BEN COLE", "ADA BROOK", "CARA", "BEN COLE", "ADA BROOK"]


def test_a_one_word_label_used_once_among_full_names_stays_words_where_no_one_above_is_named_so():
    text = _GUEST_FIRST_NAME.replace("CARA: I read", "NOTICE: I read")
    parsed = parse_source(text, source="tides.md")
    assert [t.speaker_label for t in parsed.turns] == ["ADA BROOK", "BEN COLE", "ADA BROOK", "BEN COLE", "ADA BROOK"]
