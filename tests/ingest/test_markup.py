"""Caption markup is read as blanks by everything after parsing (claims/ingest/markup.py)."""
import re
from pathlib import Path

import pytest

from claims.ingest.extract import extract_claims
from claims.ingest.manifest import load_manifest
from claims.ingest.markup import reading_text
from claims.ingest.pipeline import run
from tests.factories import srt_from_vtt, youtube_auto_captions

ROOT = Path(__file__).resolve().parents[2]
SEED_000 = "000_5e2d2378550aa81c.txt"
MARKUP = re.compile(r"[<>{}]|\d\d:\d\d[.,]\d{3}")


@pytest.fixture(scope="module")
def eye_on_ai_as_captions():
    seed = (ROOT / "seeds" / SEED_000).read_text(encoding="utf-8")
    text = youtube_auto_captions(seed.split())
    metadata = load_manifest(ROOT / "seeds" / "manifest.json")[SEED_000]
    return seed, text, run(text, source="eye-on-ai.vtt", metadata=metadata)


def test_reading_text_blanks_caption_tags_and_keeps_every_offset():
    text = 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Jane Doe>I<00:00:01.400><c.colorE5E5E5> think</c> <i>so</i> &lt;3</v>\n'
    reading = reading_text(text, "webvtt")
    assert len(reading) == len(text)
    assert reading.split() == ["WEBVTT", "I", "think", "so", "<3"]  # the timing line is blank too; "&lt;" is "<"
    assert [i for i, c in enumerate(text) if c == "\n"] == [i for i, c in enumerate(reading) if c == "\n"]
    srt = '1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<font color="#ffff00">Hello</font> there\n\n2\n00:00:02,000 --> 00:00:03,000\n42\n'
    assert reading_text(srt, "srt").split() == ["Hello", "there", "42"]  # a number that is said stays
    assert reading_text("Intro\n0:04\nwelcome back\n[1:02:03] bye\n", "timed_lines").split() == ["Intro", "welcome", "back", "bye"]
    assert reading_text("Ann: x <b> y", "labelled") == "Ann: x <b> y"  # only caption formats carry markup


def test_rolling_auto_captions_of_a_seed_give_its_words_once_and_no_markup(eye_on_ai_as_captions):
    seed, text, annotated = eye_on_ai_as_captions
    assert annotated.ok and annotated.format == "webvtt"
    reading = reading_text(text, "webvtt")
    words = [w for t in annotated.turns for w in reading[t.start_char : t.end_char].split()]
    assert words == seed.split()
    for s in annotated.sentences:
        assert not MARKUP.search(reading[s.start_char : s.end_char]), text[s.start_char : s.end_char]
        assert text[s.start_char].isalnum() or text[s.start_char] in "[(", text[s.start_char : s.end_char]


def test_claims_proposed_from_auto_captions_read_as_sentences_not_tags(eye_on_ai_as_captions):
    _, text, annotated = eye_on_ai_as_captions
    roles = {s.slug: s.role for s in annotated.speakers}
    proposals = extract_claims(reading_text(text, "webvtt"), annotated.turns, annotated.sentences, roles=roles)
    assert len(proposals) > 20
    for p in proposals:
        assert not MARKUP.search(p.statement), p.statement


def test_rolling_auto_captions_converted_to_srt_give_the_seeds_words_once(eye_on_ai_as_captions):
    seed, text, _ = eye_on_ai_as_captions
    srt = srt_from_vtt(text)
    annotated = run(srt, source="eye-on-ai.srt", metadata=load_manifest(ROOT / "seeds" / "manifest.json")[SEED_000])
    assert annotated.ok and annotated.format == "srt"
    reading = reading_text(srt, "srt")
    assert [w for t in annotated.turns for w in reading[t.start_char : t.end_char].split()] == seed.split()


def test_entities_and_subrip_codes_read_as_words_at_the_same_offsets():
    text = "1\n00:00:01,000 --> 00:00:03,000\nTom &amp; Jerry\\Nsay\\hhi &#39;n&nbsp;bye &bogus; \\N\n"
    reading = reading_text(text, "srt")
    assert len(reading) == len(text)
    assert [i for i, c in enumerate(text) if c == "\n"] == [i for i, c in enumerate(reading) if c == "\n"]
    assert reading.split() == ["Tom", "&", "Jerry", "say", "hi", "'n", "bye", "&bogus;"]
    assert reading[text.index("&amp;") : text.index("&amp;") + 5] == "    &"


def test_a_broadcasts_notes_of_what_is_not_speech_are_blank_to_the_reading():
    text = ("FOUNTAIN: Here it is.\n\n(SOUNDBITE OF JAMES DRISCOLL, \"STINKIN\")\n\nFOUNTAIN: Expletive no. (LAUGHTER)\n\n"
            "ROMER: (Singing) Row, row.\n")
    reading = reading_text(text, "labelled")
    assert len(reading) == len(text) and reading.count("\n") == text.count("\n")
    assert "SOUNDBITE" not in reading and "LAUGHTER" not in reading and "Singing" not in reading
    assert "Expletive no." in reading and "Row, row." in reading


def test_a_broadcasts_stage_directions_read_as_blanks_in_a_labelled_transcript():
    text = "HALE: Here is the tape.\n(BEGIN VIDEO CLIP)\nREYES: It went.\n(END VIDEO CLIP)\n(COMMERCIAL BREAK)\nHALE: Back.\n"
    reading = reading_text(text, "labelled")
    assert len(reading) == len(text)
    assert "VIDEO" not in reading and "COMMERCIAL" not in reading and "It went." in reading
    assert reading_text("ANA: (Begin by saying your name.) Ana.\n", "labelled") == "ANA: (Begin by saying your name.) Ana.\n"


# an interview translated, each turn followed by its original shown collapsed (the summary only)
_TRANSLATED = """### Über Batterien

**Moderatorin**: Wie groß ist eine Netzbatterie?

<details>
<summary>Original English</summary>

**Host**: How big is a grid battery?

</details>

**Forscherin**: Vierhundert Megawattstunden.

Das reicht für eine kleine Stadt.

<details>
<summary>Original English</summary>

**Researcher**: Four hundred megawatt hours. That powers a small town.

</details>

**Moderatorin**: Und was kostet sie?

<details>
<summary>Original English</summary>

**Host**: And what does it cost?

</details>
"""


def test_a_translated_interviews_collapsed_originals_are_no_ones_turns():
    annotated = run(_TRANSLATED, source="translated.md")
    assert annotated.ok and annotated.format == "labelled" and annotated.source_text == _TRANSLATED
    assert [s.name for s in annotated.speakers] == ["Moderatorin", "Forscherin"]
    turns = [annotated.source_text[t.start_char:t.end_char] for t in annotated.turns]
    assert turns == ["Wie groß ist eine Netzbatterie?", "Vierhundert Megawattstunden.\n\nDas reicht für eine kleine Stadt.",
                     "Und was kostet sie?"]
    sentences = [annotated.source_text[s.start_char:s.end_char] for s in annotated.sentences]
    assert not any("English" in s or "Four hundred" in s for s in sentences)


def test_a_collapsed_block_holding_the_transcript_or_one_between_turns_stays_words():
    # the whole interview behind one "Show the interview" summary: the page's words
    single = ("### Case study\n\n<details>\n<summary>Show the interview</summary>\n\n"
              "**Interviewer:** How do orders arrive?\n**Owner:** By phone, mostly.\n"
              "**Interviewer:** And urgent ones?\n**Owner:** Those go first.\n\n</details>\n")
    annotated = run(single, source="case.md")
    assert [s.name for s in annotated.speakers] == ["Interviewer", "Owner"] and len(annotated.turns) == 4
    # a collapsed original under one turn only is not the page's pattern: it stays
    once = _TRANSLATED.replace("<details>\n<summary>Original English</summary>\n\n**Researcher**", "**Researcher**", 1)
    once = once.replace("<details>\n<summary>Original English</summary>\n\n**Host**: And", "**Host**: And", 1)
    assert "Host" in [s.name for s in run(once, source="once.md").speakers]


def test_the_tag_closing_a_collapsed_transcript_is_not_its_last_words():
    single = ("<details>\n<summary>Show the interview</summary>\n\n"
              "**Interviewer:** How do orders arrive?\n**Owner:** By phone, mostly.\n"
              "**Interviewer:** And urgent ones?\n**Owner:** Those go first.\n\n</details>\n</div>\n")
    annotated = run(single, source="case.md")
    last = annotated.turns[-1]
    assert annotated.source_text[last.start_char:last.end_char] == "Those go first."
