"""Text transcripts from the field, tenth round: research interviews and court testimony (each file in tests/data
written in the producer's shape, in words of our own)."""
import time

from claims.ingest.formats._common import inline_questions_and_answers
from claims.ingest.pipeline import run
from claims.ingest.records import ParsedTurn
from tests.field_texts import read, roles


def test_the_court_and_counsel_beside_q_and_a_are_the_askers_side():
    # a trial's testimony as blogs and law schools quote it: "Q:" and "A:" with no "BY MR. ...:" line above, the
    # bench ruling and counsel objecting between them; only the one answering is the guest
    annotated = run(read("trial_q_and_a_court.txt"), source="trial_q_and_a_court.txt")
    assert roles(annotated) == {"Q": "host", "A": "guest", "Mr. Vale": "host", "The Court": "host",
                                "Ms. Dorn": "host", "The Clerk": "host"}
    assert annotated.source_text[annotated.turns[4].start_char:annotated.turns[4].end_char] == (
        "Overruled. She may answer if she knows.")


def test_another_label_in_capitals_beside_q_and_a_stays_as_it_was():
    # an interview printed as "Q:" and "A:" with an editor's note: no court, no counsel, nobody made a host
    annotated = run(read("interview_q_and_a_named_editor.txt"), source="interview_q_and_a_named_editor.txt")
    assert roles(annotated)["Q"] == "host"
    assert roles(annotated)["A"] == "guest"
    assert roles(annotated).get("Editor's Note", "guest") == "guest"


def test_q_and_a_inside_many_turns_are_found_in_time_linear_in_the_text():
    # each turn looked through every "Q:" and "A:" of the whole text: a 1 MB record of short turns took seconds
    block = "Q: Where were you? A: At home.\n"
    text = block * 5000
    turns = [ParsedTurn(start_char=k * len(block), end_char=(k + 1) * len(block), line=k, speaker_label="Q")
             for k in range(5000)]
    started = time.perf_counter()
    out = inline_questions_and_answers(text, turns)
    assert time.perf_counter() - started < 1
    assert [t.speaker_label for t in out[:4]] == ["Q", "A", "Q", "A"]
    assert len(out) == 10000


def test_a_teams_note_that_the_transcription_started_is_no_title():
    # Teams' export with its recording's name line gone: the first line is its note, in English or Dutch
    for name in ("teams_dutch_transcription_started.txt", "teams_started_without_a_name_line.txt"):
        annotated = run(read(name), source=name)
        assert annotated.metadata.title == ""
        assert annotated.turns[0].start_seconds in (5.0, 2.0)
        assert not any("transcri" in annotated.source_text[t.start_char:t.end_char] for t in annotated.turns)
    annotated = run(read("teams_dutch_transcription_started.txt"), source="teams_dutch_transcription_started.txt")
    assert roles(annotated) == {"Onderzoeker": "host", "P4": "guest"}
