"""Readings that real files needed and the parsers missed: a time written after the speaker's label, a title's
month and year, a host naming himself "This is ...", and lines ended by a lone carriage return (old Mac files)."""
import datetime as dt
import time
from pathlib import Path

import pytest

from claims.ingest.formats import parse_source
from claims.ingest.formats._common import lone_cr_as_lf
from claims.ingest.formats._head import month_in_title
from claims.ingest.introductions import introduced
from claims.ingest.markup import spoken_quote
from claims.ingest.pipeline import run
from claims.ingest.records import Metadata

DATA = Path(__file__).resolve().parents[1] / "data"


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


_LABELLED_LINES = ["Orchard talks", "", "Mara Quill: Welcome to the orchard, Tobin.", "",
                   "Tobin Vale: Thanks, Mara, the pears are early.", "", "Mara Quill: Why early?", ""]


@pytest.mark.parametrize("ending", ["\r", "mixed"])
def test_a_labelled_transcript_with_old_mac_line_endings_reads_as_its_lines(ending):
    if ending == "mixed":  # "\r\n" and lone "\r" in one file, as an editor on another system saves a line it touched
        text = "".join(line + ("\r\n" if k % 2 else "\r") for k, line in enumerate(_LABELLED_LINES))
    else:
        text = "\r".join(_LABELLED_LINES)
    annotated = run(text, source="orchard.txt")
    assert annotated.errors == () and annotated.format == "labelled"
    assert annotated.source_text == text
    assert annotated.metadata.title == "Orchard talks"
    assert _said(annotated) == [
        ("mara-quill", None, "Welcome to the orchard, Tobin."),
        ("tobin-vale", None, "Thanks, Mara, the pears are early."),
        ("mara-quill", None, "Why early?"),
    ]
    parsed = parse_source(text, source="orchard.txt")
    assert [t.line for t in parsed.turns] == [3, 5, 7]


def test_a_plain_transcript_with_old_mac_line_endings_keeps_its_paragraphs():
    lines = ["Welcome to the orchard. Today my guest is Tobin Vale, who grows pears.", "",
             "Thanks for having me. The pears are early this year.", "",
             "Why are they early? Tell me about the spring.", ""]
    text = "\r".join(lines)
    annotated = run(text, source="orchard.txt")
    as_lf = run(text.replace("\r", "\n"), source="orchard.txt")
    assert annotated.errors == () and annotated.source_text == text
    assert annotated.format == as_lf.format
    assert [(t.start_char, t.end_char, t.speaker_slug) for t in annotated.turns] == [
        (t.start_char, t.end_char, t.speaker_slug) for t in as_lf.turns]
    assert [(s.start_char, s.end_char) for s in annotated.sentences] == [(s.start_char, s.end_char) for s in as_lf.sentences]


def test_timed_lines_with_old_mac_line_endings_read_each_mark():
    text = "\r".join(["0:04", "welcome to the orchard", "0:09", "thanks for having me", "0:15", "the pears are early"])
    annotated = run(text, source="orchard.txt")
    assert annotated.format == "timed_lines" and annotated.source_text == text
    assert [(s, w) for _, s, w in _said(annotated)] == [
        (4.0, "welcome to the orchard"), (9.0, "thanks for having me"), (15.0, "the pears are early")]


@pytest.mark.parametrize("text, expected", [
    ("a\rb\r\nc\r\rd\r", "a\nb\r\nc\n\nd\n"),
    ("\r\r\n\r", "\n\r\n\n"),
    ("a\r\nb", "a\r\nb"),
    ("\ue000\ue001\ue002\ue003\r", "\ue000\ue001\ue002\ue003\n"),  # the characters set aside all in the text
])
def test_a_lone_carriage_return_reads_as_a_line_feed_and_nothing_else_moves(text, expected):
    assert lone_cr_as_lf(text) == expected


@pytest.mark.parametrize("unit", ["\r", "\r\r\n", "\ue000\ue001\ue002\ue003\r\r\n"])
def test_five_megabytes_of_carriage_returns_read_in_linear_time(unit):
    text = (unit * (5_000_000 // len(unit) + 1))[:5_000_000]
    started = time.perf_counter()
    assert len(lone_cr_as_lf(text)) == len(text)
    assert time.perf_counter() - started < 5


def _reading(annotated):
    return (annotated.format, annotated.container, annotated.metadata,
            [(t.start_char, t.end_char, t.speaker_slug, t.start_seconds) for t in annotated.turns],
            [(s.start_char, s.end_char) for s in annotated.sentences])


@pytest.mark.parametrize("name", ["labelled_interview.txt", "broadcast.scc", "happyscribe.txt", "italics.srt", "whisper.tsv", "plain.txt"])
def test_a_sample_saved_with_lone_carriage_returns_reads_as_with_line_feeds(name):
    text = (DATA / name).read_text(encoding="utf-8").replace("\r\n", "\n")
    mac = run(text.replace("\n", "\r"), source=name)
    assert mac.errors == ()
    assert _reading(mac) == _reading(run(text, source=name))


def test_a_claims_spoken_words_are_read_from_a_window_of_a_file_with_lone_carriage_returns():
    text = "1\r00:00:01,000 --> 00:00:03,000\rthe pears are early\r\r2\r00:00:04,000 --> 00:00:06,000\rand the apples late\r"
    start, end = text.index("the pears"), text.index(" late") + len(" late")
    window_start = text.index("00:00:01")
    assert spoken_quote(text[start:end], "srt", start=start, end=end, window=text[window_start:], window_start=window_start,
                        window_reaches_end=True) == "the pears are early and the apples late"
