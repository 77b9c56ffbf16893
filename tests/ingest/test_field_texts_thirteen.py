"""Shapes from the tenth field set (2026-12-07) left after its first round, in small files of our own words."""
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
