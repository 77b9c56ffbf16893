"""Readings that real files needed and the parsers missed: a time written after the speaker's label, a title's
month and year, a host naming himself "This is ...", and lines ended by a lone carriage return (old Mac files)."""
import datetime as dt

import pytest

from claims.ingest.formats import parse_source
from claims.ingest.formats._head import month_in_title
from claims.ingest.introductions import introduced
from claims.ingest.pipeline import run
from claims.ingest.records import Metadata


def _said(annotated):
    return [(t.speaker_slug, t.start_seconds, annotated.source_text[t.start_char:t.end_char]) for t in annotated.turns]


# the time after the label and its colon, as research transcription services and LLM-made transcripts
# write it ("Interviewer: [00:01:23] How are you?"), in brackets or parentheses, the words on its line
# or the next; Rev's "(00:03:42):" with its colon
@pytest.mark.parametrize("first, second", [
    ("[00:00:05] ", "[00:01:23] "),
    ("(0:05) ", "(1:23) "),
    ("[00:05] ", "[01:23] "),
    ("[00:00:05.250] ", "[00:01:23.500] "),
    ("(00:00:05): ", "(00:01:23): "),
    ("[00:00:05]\n", "[00:01:23]\n"),
    ("\\[00:00:05.25\\] ", "\\[00:01:23.50\\] "),
])
def test_a_time_after_the_label_is_the_turns_start_and_no_part_of_its_words(first, second):
    text = (f"Interviewer: {first}Welcome to the orchard, Tobin.\n\n"
            f"Tobin Vale: {second}Thanks, Mara, the pears are early this year.\n")
    annotated = run(text, source="orchard.txt")
    assert annotated.errors == ()
    assert annotated.source_text == text
    said = [(seconds, words) for _, seconds, words in _said(annotated)]
    assert said[0][1] == "Welcome to the orchard, Tobin."
    assert said[1][1] == "Thanks, Mara, the pears are early this year."
    assert [int(seconds) for seconds, _ in said] == [5, 83]
    assert annotated.turns[1].start_char == text.index("Thanks")


def test_a_time_alone_after_the_label_puts_the_turn_on_the_line_of_its_words():
    text = "Interviewer: [00:00:05]\r\nWelcome to the orchard.\r\n\r\nTobin Vale: [00:00:09] Thanks.\r\n"
    parsed = parse_source(text, source="orchard.txt")
    assert [(t.line, text[t.start_char:t.end_char]) for t in parsed.turns] == [(2, "Welcome to the orchard."), (4, "Thanks.")]


def test_a_time_in_the_label_before_the_colon_is_still_read():
    text = "Mara Quill [00:00:05]: Welcome to the orchard.\nTobin Vale [00:00:09]: Thanks, Mara.\n"
    annotated = run(text, source="orchard.txt")
    assert [(round(s), w) for _, s, w in _said(annotated)] == [(5, "Welcome to the orchard."), (9, "Thanks, Mara.")]


def test_a_bracketed_note_after_the_label_stays_in_the_words():
    text = "Mara Quill: [laughs] Welcome to the orchard.\nTobin Vale: (1:2) Thanks, Mara.\n"
    annotated = run(text, source="orchard.txt")
    assert [w for *_, w in _said(annotated)] == ["[laughs] Welcome to the orchard.", "(1:2) Thanks, Mara."]


@pytest.mark.parametrize("title, month", [
    ("Orchard talks with Tobin Vale (March 2024)", dt.date(2024, 3, 1)),
    ("Orchard talks – Mar 2024", dt.date(2024, 3, 1)),
    ("Episode 12, March 2024", dt.date(2024, 3, 1)),
    ("Orchard talks | Sept. 2023", dt.date(2023, 9, 1)),
    ("Entretien sur les vergers (mars 2024)", dt.date(2024, 3, 1)),
    ("Orchard talks [December 2019]", dt.date(2019, 12, 1)),
    ("2024 predictions for the orchard", None),
    ("March madness in the orchard", None),
    ("Orchard talks (2024)", None),
    ("Orchard talks – 2024", None),
    ("Brian May 2024 in the orchard", None),
    ("Orchard talks – Maybe 2024", None),
    ("Orchard talks (March 2024 and after)", None),
    ("Orchard talks – Smarch 2024", None),
])
def test_a_month_and_year_alone_in_a_title_is_read_as_that_month(title, month):
    assert month_in_title(title) == month


def _orchard(title):
    return f"{title}\n\nMara Quill: Welcome to the orchard, Tobin.\n\nTobin Vale: Thanks, Mara, the pears are early.\n"


def test_a_titles_month_and_year_is_the_published_month_where_nothing_fuller_is_said():
    annotated = run(_orchard("Orchard talks (March 2024)"), source="orchard.txt")
    assert annotated.metadata.title == "Orchard talks (March 2024)"
    assert (annotated.metadata.published, annotated.metadata.published_precision) == (dt.date(2024, 3, 1), "month")


@pytest.mark.parametrize("given, expected", [
    (Metadata(published=dt.date(2024, 3, 14), published_precision="day"), (dt.date(2024, 3, 14), "day")),
    (Metadata(published=dt.date(2024, 2, 1), published_precision="month"), (dt.date(2024, 2, 1), "month")),
    (Metadata(published=dt.date(2024, 1, 1), published_precision="year"), (dt.date(2024, 3, 1), "month")),
    (Metadata(published=dt.date(2023, 1, 1), published_precision="year"), (dt.date(2023, 1, 1), "year")),
])
def test_a_date_given_elsewhere_wins_over_a_titles_month_unless_it_is_only_that_year(given, expected):
    annotated = run(_orchard("Orchard talks – March 2024"), source="orchard.txt", metadata=given)
    assert (annotated.metadata.published, annotated.metadata.published_precision) == expected


def test_a_titles_day_still_wins_over_its_month():
    annotated = run(_orchard("Orchard talks – 12 March 2024"), source="orchard.txt")
    assert (annotated.metadata.published, annotated.metadata.published_precision) == (dt.date(2024, 3, 12), "day")


def test_a_title_of_month_and_year_zero_gives_no_month():
    assert month_in_title("Orchard talks (March 0000)") is None


def _introduced(opening: str, title: str = "") -> tuple:
    found = introduced(opening, 0, len(opening), Metadata(title=title))
    return found.hosts, found.guests, found.show


@pytest.mark.parametrize("opening, host", [
    ("This is Mara Quill, and today my guest is Tobin Vale, who grows pears.", "Mara Quill"),
    ("Hi, this is Mara Quill with the Orchard Hour. My guest today is Tobin Vale.", "Mara Quill"),
    ("Hello everyone, this is Mara Quill, and I'm joined by Tobin Vale.", "Mara Quill"),
    ("Welcome to another episode of Orchard Talk. This is Mara Quill, your host, and with me is Tobin Vale.", "Mara Quill"),
    ("Hey, this is Mara Quill here. Today we're talking with Tobin Vale.", "Mara Quill"),
    ("This is Mara Quill and this week I talked to Tobin Vale about pears.", "Mara Quill"),
    ("Welcome to Orchard Talk. This is Mara Quill. I'm a grower in Kent, and with me is Tobin Vale.", "Mara Quill"),
])
def test_a_host_naming_himself_this_is_name_at_the_opening_is_the_host(opening, host):
    hosts, guests, _ = _introduced(opening)
    assert (hosts, guests) == ((host,), ("Tobin Vale",))


@pytest.mark.parametrize("opening, title", [
    ("This is the Orchard Hour podcast, and today my guest is Tobin Vale.", ""),
    ("This is Orchard Hour, and today my guest is Tobin Vale.", "Pears | Orchard Hour"),  # the title's show
    ("Welcome to Orchard Talk. This is Orchard Talk, and today my guest is Tobin Vale.", ""),  # the opening's show
    ("This is ORCHARD HOUR, and today my guest is Tobin Vale.", ""),  # a show in capitals, as NPR's transcripts set it
    ("This is Orchard Hour with Tobin Vale.", ""),  # no greeting: a show and its guest
    ("This is great, and today my guest is Tobin Vale.", ""),
    ("This is Orchard Hour, and today my guest is Tobin Vale. I'm Mara Quill.", ""),  # someone says "I'm"
    ("My guest today is Tobin Vale. This is Tobin Vale, and today he talks about pears.", ""),  # not the opening
    ("This is Mara Quill.", ""),  # nothing more said: a person or a show
    ("Hi, this is Orchard Hour calling about your pears.", ""),
])
def test_this_is_names_no_host_where_it_may_be_a_show_or_a_word(opening, title):
    assert _introduced(opening, title)[0] == ()
