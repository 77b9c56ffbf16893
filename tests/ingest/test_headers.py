"""A plain or chaptered transcript's header: title, show, day and people above the words, nobody's turn."""
import datetime as dt
from pathlib import Path

import pytest

from claims.ingest.formats import parse_source
from claims.ingest.formats._head import header_facts
from claims.ingest.pipeline import run

DATA = Path(__file__).resolve().parents[1] / "data"
WORDS = ("Amir, welcome to the show. I have wanted to talk to you about soil for a long time.\n\n"
         "Thank you. It is one of my favourite subjects.\n\nWhy does soil hold so much carbon?\n\n"
         "Because roots and microbes move it underground.\n")


def test_a_header_above_plain_paragraphs_gives_the_metadata_and_no_turn():
    text = open(DATA / "plain_with_header.txt", encoding="utf-8").read()
    annotated = run(text, source="plain_with_header.txt")
    assert annotated.format == "plain"
    m = annotated.metadata
    assert (m.title, m.show, m.published, m.published_precision) == (
        "Soil and Carbon", "The Field Notes Podcast", dt.date(2024, 3, 3), "day")
    first = annotated.turns[0]
    assert text[first.start_char:].startswith("Amir, welcome to the show.")
    assert annotated.content_start == text.index("Amir, welcome")
    assert not any("Recorded" in text[t.start_char:t.end_char] for t in annotated.turns)


@pytest.mark.parametrize("header, expected", [
    ("Soil and Carbon", {"title": "Soil and Carbon"}),
    ("Transcript: Soil and Carbon (Field Notes, episode 41)\nPublished on 3 March 2024",
     {"title": "Soil and Carbon (Field Notes, episode 41)", "published": dt.date(2024, 3, 3)}),
    ("Title: Soil and Carbon\nHost: Priya Raman\nGuest: Amir Haddad\nDate: April 8th 2020\nLink: https://example.org/ep41",
     {"title": "Soil and Carbon", "hosts": ("Priya Raman",), "guests": ("Amir Haddad",),
      "published": dt.date(2020, 4, 8), "link": "https://example.org/ep41"}),
    ("Rivers Panel\nGuests: Omar Diaz, Lee Wu and Hana Sato", {"title": "Rivers Panel", "guests": ("Omar Diaz", "Lee Wu", "Hana Sato")}),
    ("Transcribed by: Otter\nSoil and Carbon", {"title": "Soil and Carbon"}),
])
def test_header_lines_and_fields(header, expected):
    text = header + "\n\n" + WORDS
    parsed = parse_source(text, source="t.txt")
    assert parsed.format == "plain"
    assert text[parsed.turns[0].start_char:].startswith("Amir, welcome")
    for field, value in expected.items():
        assert getattr(parsed.metadata, field) == value, field


@pytest.mark.parametrize("opening", [
    "Welcome to the show, everyone.",  # a sentence: somebody says it
    "So, Amir,",  # a line that goes on
    "today we talk about soil",  # in lower case: words, not a title
])
def test_a_first_paragraph_that_is_said_stays_a_turn(opening):
    text = opening + "\n\n" + WORDS
    parsed = parse_source(text, source="t.txt")
    assert text[parsed.turns[0].start_char:parsed.turns[0].end_char] == opening
    assert parsed.metadata.title == ""


def test_a_title_above_a_single_paragraph_stays_its_words():
    # too little below it to tell a title from a first line said
    text = "Soil and Carbon\n\nAmir, welcome to the show.\n"
    parsed = parse_source(text, source="t.txt")
    assert len(parsed.turns) == 2


def test_a_chaptered_transcripts_header_gives_its_day_and_show():
    text = ("Soil and Carbon with Amir Haddad\nThe Field Notes Podcast\nPublished on 3 March 2024\n\n"
            "Chapters\n0:00 Intro\n3:12 Why soil\n\nTranscript\n" + WORDS.replace("\n\nThank", "\n\n- Thank"))
    parsed = parse_source(text, source="t.txt")
    assert parsed.format == "chaptered"
    m = parsed.metadata
    assert (m.title, m.show, m.published) == ("Soil and Carbon with Amir Haddad", "The Field Notes Podcast", dt.date(2024, 3, 3))


@pytest.mark.parametrize("header", [
    "Soil and Carbon\u2028Host: Priya Raman\nGuest: Amir\u2029Haddad",  # Unicode line and paragraph breaks
    "Soil and Carbon\nGuest: Amir\x85Haddad",  # a next-line control
])
def test_a_header_with_a_break_or_control_inside_a_line_is_no_header(header):
    parsed = parse_source(header + "\n\n" + WORDS, source="t.txt")
    assert (parsed.metadata.title, parsed.metadata.hosts, parsed.metadata.guests) == ("", (), ())


def test_a_lone_carriage_return_in_a_header_ends_its_line():
    # old Mac line endings, or a line of them mixed into a file: a line break, as "\n" is (formats._common.lone_cr_as_lf)
    parsed = parse_source("Soil and Carbon\rHost: Priya Raman" + "\n\n" + WORDS, source="t.txt")
    assert (parsed.metadata.title, parsed.metadata.hosts) == ("Soil and Carbon", ("Priya Raman",))


def test_a_header_field_without_a_letter_names_nobody():
    facts = header_facts(["Soil and Carbon", "Host: -", "Guest: **, Amir Haddad"])
    assert (facts.title, facts.hosts, facts.guests) == ("Soil and Carbon", (), ("Amir Haddad",))


def test_a_day_above_timed_lines_is_their_published_day():
    # a YouTube transcript panel copied with the video's title and date above it
    text = ("Soil and Carbon | Field Notes Ep. 41\nPublished on Mar 3, 2024\n\n0:00\nwelcome to the show Amir\n"
            "0:04\nthanks for having me\n0:07\nso why does soil hold carbon\n")
    parsed = parse_source(text, source="panel.txt")
    assert parsed.format == "timed_lines"
    assert (parsed.metadata.published, parsed.metadata.published_precision) == (dt.date(2024, 3, 3), "day")
    assert parsed.metadata.title == "Soil and Carbon | Field Notes Ep. 41"
