"""Text transcripts from the field, third round: shapes several producers write (each file in tests/data
written in the producer's shape, in words of our own)."""
from pathlib import Path

from claims.ingest.pipeline import run
from claims.ingest.records import Metadata

DATA = Path(__file__).resolve().parents[1] / "data"


def read(name):
    return (DATA / name).read_text(encoding="utf-8")


def said(annotated):
    names = {s.slug: (s.name, s.role) for s in annotated.speakers}
    return [(names[t.speaker_slug], annotated.source_text[t.start_char:t.end_char]) for t in annotated.turns]


def test_an_interviewer_named_in_the_front_matter_asks_the_q_turns():
    # a Jekyll/Hugo page: "interviewer: Name" in the front matter, "Q:" above each question, the answers under
    # the interviewee's name in capitals
    annotated = run(read("front_matter_interviewer_q.md"), source="front_matter_interviewer_q.md")
    assert [(s.name, s.role) for s in annotated.speakers] == [("Maria Lopez", "host"), ("Anika Brandt", "guest")]
    turns = said(annotated)
    assert turns[0] == (("Maria Lopez", "host"), "Thanks for sitting down with us. How did the bridge project start?")
    assert turns[1][0] == ("Anika Brandt", "guest")
    assert [who for (who, _), _ in turns] == ["Maria Lopez", "Anika Brandt"] * 3


def test_a_host_given_on_the_command_line_asks_the_q_turns():
    annotated = run(read("q_and_named_answers.txt"), source="q_and_named_answers.txt",
                    metadata=Metadata(hosts=("Dana Whitlock",)))
    assert [(s.name, s.role) for s in annotated.speakers] == [("Dana Whitlock", "host"), ("Oliver Hart", "guest")]
    turns = said(annotated)
    assert turns[2] == (("Dana Whitlock", "host"), "How did people cross after that?")
    assert [who for (who, _), _ in turns] == ["Dana Whitlock", "Oliver Hart"] * 3

