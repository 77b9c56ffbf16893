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


def test_a_title_and_an_initial_or_two_initials_are_the_speaker_named_in_full_before():
    # a hearing's record: each named in full with a title or a post once, then "SEN. T. OKOYE:" and "J.R. SMITH:"
    annotated = run(read("hearing_initials.txt"), source="hearing_initials.txt")
    turns = said(annotated)
    assert len(turns) == 7
    assert turns[0][1].startswith("The committee will come to order.")
    assert turns[1][1] == "Thank you, Mr. Chairman, for the chance to testify."
    who = [name for (name, _), _ in turns]
    assert who == [who[0], who[1]] + [who[0], who[1]] * 2 + [who[0]]
    roles = dict(name_role for name_role, _ in turns)
    assert roles == {"Senator Tomas Okoye": "host", "John Robert Smith": "guest"}


def test_double_initials_not_named_in_full_keep_their_capitals():
    annotated = run(read("double_initials_interview.txt"), source="double_initials_interview.txt")
    assert [(s.name, s.role) for s in annotated.speakers] == [("Host", "host"), ("J.R. Hollis", "guest")]
    assert said(annotated)[1] == (("J.R. Hollis", "guest"), "Thanks for having me on.")
