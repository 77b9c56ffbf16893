"""Shapes from the tenth field set (2026-12-07) left after its first round, in small files of our own words."""
import re

from claims.ingest.introductions import introduced
from claims.ingest.pipeline import run
from claims.ingest.records import Metadata

# a podcast host's page: the episode's notes above the words, a cold open, then the host's own introduction
_NOTES = (
    "Mara Quill runs a studio that repairs old pianos.\n"
    "Mara's problem: how do you keep a trade alive when nobody trains for it anymore?\n"
    "Her studio takes on one apprentice a year, which, as Mara says, is a very slow way to save a craft.\n"
    "If you want the latest from this and our other shows, sign up for the weekly letter.\n"
)
_COLD_OPEN = (
    "Bellhouse. Back in the nineteen fifties almost every town had somebody who could tune a piano and fix its action. "
    "Those people learned at a bench next to somebody older, and the knowledge moved hand to hand for a century. "
    "Then the factories closed, the benches emptied, and the people who knew how to do it simply got older. "
)


def named(opening: str) -> tuple:
    found = introduced(opening, 0, len(opening), Metadata())
    return found.hosts, found.guests, found.show


def test_a_host_introducing_the_show_after_its_notes_and_a_cold_open_is_the_host():
    text = (_NOTES + _COLD_OPEN + "I'm Theo Brandt and this is Fixing Things, the show where people who build "
            "things talk about the problems in their way. My guest today is Mara Quill. She runs a piano studio.")
    assert text.index("I'm Theo") > 400
    assert named(text) == (("Theo Brandt",), ("Mara Quill",), "Fixing Things")
    # so long a cold open that the guest's introduction after the host's falls past the opening's first 1500 characters
    long_open = (_NOTES + _COLD_OPEN * 3 + "I'm Theo Brandt and this is Fixing Things, the show where people who build "
                 "things talk about the problems in their way, and about how they plan to get past them one by one, "
                 "with some help from the people who listen. "
                 "My guest today is Mara Quill.")
    assert long_open.index("My guest") > 1500
    assert named(long_open)[:2] == (("Theo Brandt",), ("Mara Quill",))
    mirrored = _NOTES + _COLD_OPEN + "This is Fixing Things. I'm Theo Brandt. My guest today is Mara Quill."
    assert named(mirrored)[0] == ("Theo Brandt",)


def test_a_later_self_introduction_after_the_guest_or_another_voice_names_no_host():
    # the guest, introduced first, then saying who she is beside the show's name
    guest_first = (_COLD_OPEN * 2 + "My guest today is Mara Quill. Mara, hello. "
                   "Hi. I'm Mara Quill and this is Bellhouse Pianos, my studio.")
    assert named(guest_first)[0] == ()
    # two people introducing themselves past the first lines: co-hosts, either could be the host
    two_voices = _COLD_OPEN * 2 + "I'm Theo Brandt. And I'm Ada Lenz, and this is Fixing Things."
    assert named(two_voices)[0] == ()
    # an introduction past the opening read at all is nobody's
    too_late = _COLD_OPEN * 6 + "I'm Theo Brandt and this is Fixing Things."
    assert named(too_late)[0] == ()


def test_the_host_found_past_the_notes_speaks_the_introduction_in_the_transcript():
    text = _NOTES + "\n" + _COLD_OPEN + (
        "I'm Theo Brandt and this is Fixing Things, the show where people who build things talk about the problems "
        "in their way. My guest today is Mara Quill. She runs a piano studio in a former chapel.\n\n"
        "So how did you end up repairing pianos? It seems like an odd trade to choose these days.\n\n"
        "I grew up above a music shop and I spent every afternoon in the back room watching the old man work. "
        "When he retired, nobody wanted the tools, so I took them, and then I had to learn what they were for.\n")
    annotated = run(text, source="notes_then_introduction.txt")
    assert annotated.metadata.hosts == ("Theo Brandt",)
    by_slug = {s.slug: s.name for s in annotated.speakers}
    intro = text.index("I'm Theo Brandt")
    assert any(by_slug[t.speaker_slug] == "Theo Brandt" and t.start_char <= intro < t.end_char for t in annotated.turns)


# a recogniser's public page: its time alone on a line above each paragraph, no names (Happy Scribe's). Each
# paragraph is one voice's; the interviewer's paragraphs ask, the minister's answer at length
_TIMED_PARAGRAPHS = """Make your own transcript
[00:00:00]

Minister, the vote is in nine months and your party trails in every count. Why should anyone back you now?

[00:00:07]

Keeping the promises we made. Now, when I started this job, the harbour was closed and the ferries were losing money every week. We reopened the harbour in the spring. We put two new boats on the northern route. Fares have come down by a fifth since January. Wages at the yard are up for the first time in years. I think people can see that the island is turning a corner, and that is what I will keep working for.

[00:00:41]

You may feel that, but the count says otherwise, and it has said so all year. What will make people change their minds on Thursday?

[00:00:52]

Local votes are always hard for whoever holds office. But look at what the other side did with the council in the east. They closed the library, they sold the pier, and they put the rates up twice.

[00:01:06]

People are not asking about the other side. They are asking about you.

[00:01:10]

And I am asking them to compare. We have a record, and we have a plan for the next four years.
"""


def test_a_timed_paragraph_under_a_time_alone_on_its_line_is_one_voice():
    annotated = run(_TIMED_PARAGRAPHS, source="timed_paragraphs.txt")
    assert annotated.format == "timed_lines"
    paragraphs = [p.strip() for p in re.split(r"\n\s*\[\d\d:\d\d:\d\d\]\s*\n", _TIMED_PARAGRAPHS)[1:]]
    for paragraph in paragraphs:
        start = _TIMED_PARAGRAPHS.index(paragraph)
        holding = {t.speaker_slug for t in annotated.turns if t.start_char < start + len(paragraph) and t.end_char > start}
        assert len(holding) == 1, paragraph[:40]
    role = {s.slug: s.role for s in annotated.speakers}
    first = {t.start_char: role[t.speaker_slug] for t in annotated.turns}
    assert first[_TIMED_PARAGRAPHS.index(paragraphs[0])] == "host"
    assert first[_TIMED_PARAGRAPHS.index(paragraphs[1])] == "guest"


# a transcript search site's caption lines: a time, the words, "[TS]" (its link to that time), a line each, the
# player's glyph lines between some of them
_SEARCH_SITE_LINES = """Harbour Notes

Episode 40: Tides


00:00:00   so the thing about the tide tables is [TS]

00:00:03   that nobody reads them until the day [TS]

00:00:05   \u25fc
\u25ba
the ferry sits on the mud and then [TS]

00:00:08   everybody wants to know why nobody [TS]

00:00:10   told them and the answer is we did [TS]
"""


def test_a_search_sites_caption_lines_join_into_one_stretch_of_speech():
    from claims.ingest.cues import join_cues
    from claims.ingest.formats import parse_source
    from claims.ingest.markup import reading_text

    parsed = parse_source(_SEARCH_SITE_LINES, source="search_site_lines.txt")
    assert parsed.format == "timed_lines" and len(parsed.turns) == 5
    reading = reading_text(_SEARCH_SITE_LINES, parsed.format)
    assert "[TS]" not in reading and "\u25fc" not in reading
    # one voice's sentence cut across caption lines is one stretch, so that attribution's units run across them
    assert len(join_cues(reading, parsed).turns) == 1
    annotated = run(_SEARCH_SITE_LINES, source="search_site_lines.txt")
    assert [t.start_seconds for t in annotated.turns if t.start_seconds is not None][:5] == [0, 3, 5, 8, 10]
    assert not any("[TS]" in annotated.source_text[t.start_char:t.end_char] for t in annotated.turns)


def test_a_shows_name_with_a_version_number_is_not_cut_at_its_point():
    assert named("Welcome back to Radio 3.5 in Practice. I'm here today with a guest.")[2] == "Radio 3.5 in Practice"
    assert named("Welcome to Stack 2.0. I'm Jane Park, your host.")[2] == "Stack 2.0"
    # a place welcomed to is no show: "in" joins capitalised words only
    assert named("Welcome to Leeds in the spring. It rains.")[2] == ""


def test_a_same_voice_continuation_mark_is_outside_the_turn_its_time_kept():
    # a podcast player's transcript: "Name (00:00):" alone on a line, and "(00:21):" alone where the same voice goes
    # on; the mark stays in the stored text (turns are offsets into it) but outside the turn, as a label is
    text = ("Episode Transcript\nDella (00:00):\nDid you see the gull\nthis morning?\n(00:21):\nIt sat on the rail\n"
            "the whole way over.\nRuben (00:30):\nI missed it.\nDella (00:33):\nNext time then.\nRuben (00:35):\nSure.\n")
    annotated = run(text, source="player_continuation.txt")
    assert annotated.format == "labelled"
    words = [annotated.source_text[t.start_char:t.end_char] for t in annotated.turns]
    assert words[1] == "It sat on the rail\nthe whole way over."
    assert [t.start_seconds for t in annotated.turns][:3] == [0, 21, 30]
    assert annotated.source_text == text
