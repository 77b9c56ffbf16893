"""Transcripts kept as tables (CSV, TSV, JSON Lines): a row per utterance as timed, labelled lines."""
from pathlib import Path

import pytest

from claims.ingest.pipeline import run
from claims.ingest.read import expand_paths
from claims.ingest.table_transcript import table_document

DATA = Path(__file__).resolve().parents[1] / "data" / "tables"


def _run(name):
    return run((DATA / name).read_text(encoding="utf-8"), source=name)


def test_premieres_export_gives_speakers_and_frame_times():
    annotated = _run("premiere.csv")
    assert annotated.ok and (annotated.format, annotated.container) == ("labelled", "csv")
    assert annotated.source_text.splitlines()[:2] == [
        "[00:00:00.100] Maya Lind: Hi, Tom. Would you introduce yourself?",
        "[00:00:02.300] Tom Okafor: Sure. I'm Tom Okafor, and I run the seed bank in Tromsø.",
    ]
    assert [s.name for s in annotated.speakers] == ["Maya Lind", "Tom Okafor"]
    assert [t.start_seconds for t in annotated.turns] == [0.1, 2.3, 9.633, 12.367]


def test_a_diarisers_rows_in_seconds_with_speaker_numbers():
    annotated = _run("diarised.csv")
    assert annotated.ok and annotated.format == "labelled"
    assert annotated.source_text.splitlines()[1] == "[00:00:04.112] Speaker 1: Yeah, hi."
    assert [s.name for s in annotated.speakers] == ["Speaker 0", "Speaker 1"]


def test_untimed_rows_keep_a_line_each_so_a_moderator_opening_twice_is_a_speaker():
    annotated = _run("debate.csv")
    assert annotated.ok and annotated.format == "labelled"
    assert annotated.source_text.splitlines()[0] == "MORGAN: Good evening, and welcome to the debate."
    assert [s.name for s in annotated.speakers] == ["Morgan", "Reyes", "Hale", "Park"]
    first = annotated.turns[0]
    assert first.speaker_slug == "morgan-in-debate" and annotated.source_text[first.start_char:first.end_char] == "Good evening, and welcome to the debate."


@pytest.mark.parametrize("name, lines, starts", [
    ("youtube_rows.csv", ["[00:00:00] so what got you into glaciers in the first place well it started"], [0.0, 3.9, 6.0, 62.0]),
    ("council.tsv", ["[00:00:00] So I am going to move on to the other item.", "[00:00:10.080] traffic committee of ten point one"],
     [0.0, 10.08]),
    ("srt_column.csv", ["[00:00:00] The alarm is set for seven.", "[00:00:05] I wake up early anyway, at half past six."], [0.0, 5.0]),
    ("words.csv", ["[00:00:00.030] hey what's going on everybody"], [0.03]),
    ("segments.jsonl", ["[00:00:01.280] Hey, Liz. How are you doing today?"], [1.28, 1.8, 3.82, 4.71]),
])
def test_rows_without_speakers_are_timed_lines(name, lines, starts):
    annotated = _run(name)
    assert annotated.ok and annotated.format == "timed_lines"
    assert annotated.container == {"tsv": "tsv", "jsonl": "jsonl"}.get(name.rpartition(".")[2], "csv")
    assert annotated.source_text.splitlines()[: len(lines)] == lines
    assert [t.start_seconds for t in annotated.turns] == starts


def test_semicolons_and_a_delimiter_written_unquoted_in_the_last_column():
    annotated = _run("semicolons.csv")
    assert annotated.ok and annotated.format == "labelled"
    assert annotated.source_text.splitlines()[1] == "[00:00:09] Resident: On the roof; we waited there two days."


def test_a_chats_roles_are_labels():
    annotated = _run("chat.jsonl")
    assert annotated.ok and (annotated.format, annotated.container) == ("labelled", "jsonl")
    assert annotated.source_text.splitlines()[0] == "User: I could not sleep again."
    assert {s.name for s in annotated.speakers} == {"User", "Assistant"}


def test_a_named_table_of_text_alone_is_paragraphs():
    annotated = _run("text_only.csv")
    assert annotated.ok and (annotated.format, annotated.container) == ("plain", "csv")
    assert annotated.source_text == (
        "Thanks for joining. Okay, cool. So before we start, some background.\n\nWe have been deploying by hand until now.\n"
    )


@pytest.mark.parametrize("source, text, error", [
    ("scores.csv", "episode,score\n1,4.5\n", "scores.csv:1: table without a text column (its columns: episode, score)"),
    ("scores.tsv", "episode\tscore\n1\t4.5\n", "scores.tsv:1: table without a text column (its columns: episode, score)"),
    ("log.jsonl", '{"id": 1, "score": 2}\n', "log.jsonl:1: JSON Lines without a text field (its fields: id, score)"),
    ("t.csv", "start,speaker,text\n0:01,Ann,hi\nlater,Bo,bye\n", "t.csv:3: table row whose 'start' is not a time: 'later'"),
])
def test_a_named_table_that_is_no_transcript_is_refused_in_one_line(source, text, error):
    assert [str(e) for e in run(text, source=source).errors] == [error]


@pytest.mark.parametrize("text", [
    "Transcript, part one\nJane: Hello there.\nBob: Hi.\n",
    "text, speaker and timing notes\nThe words follow.\n",
    "Speaker 1: So, text me later?\nSpeaker 2: Sure.\n",
])
def test_other_text_is_left_alone(text):
    assert table_document(text, source="interview.txt") is None


def test_a_folder_reads_its_transcript_tables_not_its_other_tables(tmp_path):
    (tmp_path / "ep1.csv").write_text((DATA / "diarised.csv").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "ep2.jsonl").write_text((DATA / "segments.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "ep3.tsv").write_text("start\tend\ttext\n0\t900\thello\n", encoding="utf-8")  # Whisper's
    (tmp_path / "episodes.csv").write_text("title,published,text\nEp 1,2024-01-01,notes\n", encoding="utf-8")
    (tmp_path / "chat.jsonl").write_text((DATA / "chat.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "manifest.json").write_text('{"ep1.csv": {"title": "One"}}', encoding="utf-8")
    files, errors = expand_paths([tmp_path])
    assert not errors and [f.name for f in files] == ["chat.jsonl", "ep1.csv", "ep2.jsonl", "ep3.tsv"]


def test_a_table_with_carriage_returns_alone_between_its_rows_is_read():
    # old Mac line endings ("\r" alone): the header ended at the first "\n" only, so the whole file
    # was one header line and the csv module raised on it (found by mutating the test files)
    annotated = run("speaker,text\rAnn,What do you build?\rBo,Compilers.\rAnn,Why?\rBo,Because.\r", source="mac.csv")
    assert annotated.ok and annotated.container == "csv"
    assert [t.speaker_slug for t in annotated.turns] == ["ann-in-mac", "bo-in-mac", "ann-in-mac", "bo-in-mac"]


def test_json_lines_in_a_file_named_json_are_read_as_json_lines():
    # tools write an object a line and name the file .json (a meeting's rows in a public repository);
    # before, the JSON reader refused it: "invalid JSON: Extra data"
    annotated = _run("meeting_rows.json")
    assert annotated.ok and (annotated.format, annotated.container) == ("labelled", "jsonl")
    assert annotated.source_text.splitlines()[:2] == [
        "[00:00:04] Rosa Marín: Thanks for staying on, this will be short.",
        "[00:00:09] Tomás Vidal: No problem, I have until the hour.",
    ]
    assert [s.name for s in annotated.speakers] == ["Rosa Marín", "Tomás Vidal"]
    assert [t.start_seconds for t in annotated.turns] == [4.0, 9.0, 13.0, 18.0]
    log = run('{"id": 1, "score": 2}\n{"id": 2, "score": 3}\n', source="log.json")
    assert [str(e) for e in log.errors] == ["log.json:1: JSON Lines without a text field (its fields: id, score)"]


def test_speakers_given_as_opaque_ids_are_numbered_in_order():
    # a meeting tool's rows name each speaker by a participant id, not a name (a public repository's
    # transcript.json); the ids are no labels a reader would take: Speaker 1, Speaker 2 by first turn
    annotated = _run("meeting_participant_ids.json")
    assert annotated.ok and annotated.format == "labelled"
    assert annotated.source_text.splitlines()[:2] == [
        "[00:00:03] Speaker 1: Morning, can you hear me all right?",
        "[00:00:06] Speaker 2: Yes, loud and clear.",
    ]
    assert [s.name for s in annotated.speakers] == ["Speaker 1", "Speaker 2"]
