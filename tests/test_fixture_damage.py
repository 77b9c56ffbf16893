"""Exported fixtures damaged as hand edits, merge conflicts, truncated copies and old exports damage them:
both loaders refuse each in one line naming the file, the line of the object where there is one, and the
reason, and load nothing (never a traceback, never a partial load)."""
import json
import re
import shutil
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError

from claims.bulk import iter_json_array
from claims.dataset import DEFAULT_FIXTURES_DIR
from claims.models import (
    Chapter,
    Claim,
    Interview,
    Participation,
    Prediction,
    Speaker,
    Topic,
    Turn,
)

pytestmark = pytest.mark.django_db(transaction=True)

LOADERS = ["load_dataset", "import_fixtures"]
EYE = "eye-on-ai-ilya-sutskever"  # the shipped dataset's smallest interview (no chapters)
LEX = "lex-fridman-podcast-94-ilya-sutskever"  # one with chapters
INTERVIEW, CLAIMS, TOPICS, SPEAKERS = f"interviews/{EYE}.json", f"claims/{EYE}.json", "topics.json", "speakers.json"


def exported(tmp_path: Path, interview: str = EYE) -> Path:
    """The seeds' dataset as export_fixtures writes it (fixtures/ round-trips byte for byte), cut to one
    interview's two files besides topics and speakers, to keep each load short."""
    folder = tmp_path / "fixtures"
    shutil.copytree(DEFAULT_FIXTURES_DIR, folder)
    for path in [*folder.glob("interviews/*.json"), *folder.glob("claims/*.json")]:
        if path.stem != interview:
            path.unlink()
    return folder


def edit(name: str, change, model: str, nth: int = 0):
    """Change the nth object of `model` in file `name` (JSON rewritten as the export lays it out); the
    damage is at that object, whose index is returned."""
    def damage(folder: Path) -> tuple[str, int]:
        rows = json.loads((folder / name).read_text(encoding="utf-8"))
        index = [i for i, row in enumerate(rows) if row["model"] == model][nth]
        change(rows, index)
        (folder / name).write_text(json.dumps(rows, indent=2, ensure_ascii=False), encoding="utf-8")
        return name, index
    return damage


def set_field(name, model, field, value, nth=0):
    return edit(name, lambda rows, i: rows[i]["fields"].__setitem__(field, value), model, nth)


def drop_field(name, model, field):
    return edit(name, lambda rows, i: rows[i]["fields"].pop(field), model)


def insert_after(name, model, new=None):
    """An object put after the first of `model` (by default a copy of it: a merge that kept both sides)."""
    def damage(folder: Path) -> tuple[str, int]:
        name_, index = edit(name, lambda rows, i: rows.insert(i + 1, json.loads(json.dumps(new or rows[i]))), model)(folder)
        return name_, index + 1
    return damage


def repeat(name, model):
    return insert_after(name, model)


ROW_DAMAGE = [
    # a row given twice: the database's unique constraint would name no row (PostgreSQL's COPY: a traceback)
    ("repeated-turn", repeat(INTERVIEW, "claims.turn"), r"duplicate claims\.turn \('eye-on-ai-ilya-sutskever', 0\)"),
    ("repeated-prediction", repeat(CLAIMS, "claims.prediction"), r"duplicate claims\.prediction \('eye-on-ai-ilya-sutskever', \d+, \d+\)"),
    ("repeated-speaker", repeat(SPEAKERS, "claims.speaker"), r"duplicate claims\.speaker \('craig-smith',\)"),
    ("repeated-interview", repeat(INTERVIEW, "claims.interview"), r"duplicate claims\.interview \('eye-on-ai-ilya-sutskever',\)"),
    # a misspelt or missing reference
    ("misspelt-turn-speaker", set_field(INTERVIEW, "claims.turn", "speaker", ["craig-smtih"]), r"unknown speaker \['craig-smtih'\]"),
    ("misspelt-claim-topic", set_field(CLAIMS, "claims.claim", "topics", [["languag-models"]]), r"unknown topic \['languag-models'\]"),
    ("misspelt-topic-parent", set_field(TOPICS, "claims.topic", "parent", ["ag"], nth=1), r"unknown topic \['ag'\]"),
    ("misspelt-participation-speaker", set_field(INTERVIEW, "claims.participation", "speaker", ["craig-smtih"]),
     r"(unknown|its) speaker"),
    # a field removed, mistyped, out of range, overlong
    ("no-source-text", drop_field(INTERVIEW, "claims.interview", "source_text"), r"source_text:? is required"),
    ("no-sha256", drop_field(INTERVIEW, "claims.interview", "sha256"), r"sha256:? is required"),
    ("no-speaker-name", drop_field(SPEAKERS, "claims.speaker", "name"), r"name:? is required"),
    ("no-turn-start", drop_field(INTERVIEW, "claims.turn", "start_char"), r"start_char"),
    ("text-for-a-turn-start", set_field(INTERVIEW, "claims.turn", "start_char", "abc"), r"'abc'"),
    ("number-for-a-date", set_field(INTERVIEW, "claims.interview", "published", 20230101), r"published|20230101"),
    ("negative-turn-start", set_field(INTERVIEW, "claims.turn", "start_char", -5), r"start_char.*-5"),
    # a hand edit's quoted number, a fraction, a boolean: Django's loader took them as 0, 1 and 1
    ("quoted-turn-start", set_field(INTERVIEW, "claims.turn", "start_char", "0"), r"start_char:? .*whole number.*'0'"),
    ("fraction-turn-end", set_field(INTERVIEW, "claims.turn", "end_char", 1516.5), r"end_char:? .*whole number.*1516\.5"),
    ("boolean-duration", set_field(INTERVIEW, "claims.interview", "duration_seconds", True),
     r"duration_seconds:? .*whole number.*True"),
    ("empty-turn-span", edit(INTERVIEW, lambda rows, i: rows[i]["fields"].update(start_char=10, end_char=10), "claims.turn"),
     r"start_char 10 is not before end_char 10|turn_span_not_empty"),
    # a span past the transcript's end (the stored text is 32,961 characters): no words there to attribute
    ("turn-past-the-transcript", edit(INTERVIEW, lambda rows, i: rows[i]["fields"].update(start_char=32900, end_char=40000),
                                      "claims.turn"), r"end_char 40000 is past the end of the transcript \(32961 characters\)"),
    ("turn-index-beyond-integers", set_field(INTERVIEW, "claims.turn", "index", 2 ** 40), r"index.*1099511627776"),
    ("slug-of-300-characters", set_field(SPEAKERS, "claims.speaker", "slug", "s" * 300), r"slug:? 300 characters, more than its 200"),
    ("title-of-10000-characters", set_field(INTERVIEW, "claims.interview", "title", "T" * 10000), r"title:? 10000 characters"),
    ("role-not-a-choice", set_field(INTERVIEW, "claims.participation", "role", "cohost"), r"role:? 'cohost' is not one of guest, host"),
    # a row that is not the dataset's: a user from another app, a model that does not exist
    ("row-of-another-app", insert_after(SPEAKERS, "claims.speaker", {"model": "auth.user", "fields": {
        "username": "mallory", "password": "x", "is_superuser": True}}), r"auth\.user"),
    # a number that is none, a list written as text
    ("nan-turn-time", set_field(INTERVIEW, "claims.turn", "start_seconds", float("nan")), r"start_seconds:? .*not a finite number"),
    ("keywords-as-text", set_field(TOPICS, "claims.topic", "keywords", "alignment, agi"),
     r"keywords:? .*must be a list of text"),
    ("nul-in-notes", set_field(CLAIMS, "claims.claim", "curator_notes", "a\u0000b"), r"curator_notes:? contains a NUL"),
]


def no_rows() -> bool:
    models = (Topic, Speaker, Interview, Participation, Chapter, Turn, Claim, Prediction, User)
    return not any(model.objects.exists() for model in models)


@pytest.mark.parametrize("command", LOADERS)
@pytest.mark.parametrize("damage, reason", [case[1:] for case in ROW_DAMAGE], ids=[case[0] for case in ROW_DAMAGE])
def test_a_damaged_row_is_refused_in_one_line_naming_its_file_and_line_and_nothing_loads(tmp_path, command, damage, reason):
    folder = exported(tmp_path)
    name, index = damage(folder)
    line = [line for line, _ in iter_json_array(folder / name)][index]
    with pytest.raises(CommandError) as refused:
        call_command(command, "--fixtures", str(folder), verbosity=0)
    message = str(refused.value)
    assert "\n" not in message
    assert message.startswith(f"{folder / name}:{line}: "), message
    assert re.search(reason, message), message
    assert no_rows()


@pytest.mark.parametrize("command", LOADERS)
def test_a_chapter_given_twice_is_refused_at_its_line(tmp_path, command):
    folder = exported(tmp_path, LEX)
    name, index = repeat(f"interviews/{LEX}.json", "claims.chapter")(folder)
    line = [line for line, _ in iter_json_array(folder / name)][index]
    with pytest.raises(CommandError) as refused:
        call_command(command, "--fixtures", str(folder), verbosity=0)
    assert str(refused.value) == f"{folder / name}:{line}: duplicate claims.chapter ('{LEX}', 0)"
    assert no_rows()


def rewrite(name: str, change):
    def damage(folder: Path) -> str:
        path = folder / name
        path.write_bytes(change(path.read_bytes()))
        return name
    return damage


def conflict_markers(data: bytes) -> bytes:
    lines = data.split(b"\n")
    middle = len(lines) // 2
    return b"\n".join([*lines[:middle], b"<<<<<<< HEAD", *lines[middle:middle + 3], b"=======", *lines[middle:middle + 3],
                       b">>>>>>> theirs", *lines[middle + 3:]])


FILE_DAMAGE = [
    ("truncated-copy", rewrite(INTERVIEW, lambda data: data[: len(data) // 2]), True),
    ("merge-conflict-markers", rewrite(INTERVIEW, conflict_markers), True),
    ("emptied", rewrite(CLAIMS, lambda data: b""), False),
    ("object-not-array", rewrite(SPEAKERS, lambda data: json.dumps({"speakers": json.loads(data)}).encode()), False),
    ("latin-1-byte", rewrite(SPEAKERS, lambda data: data.replace(b"Craig", b"Cr\xe4ig", 1)), True),
    ("numbers-not-objects", rewrite(SPEAKERS, lambda data: b"[1, 2]"), True),
]


@pytest.mark.parametrize("command", LOADERS)
@pytest.mark.parametrize("content", [b'{"speakers": []}', b'"speakers"', b"null"], ids=["object", "string", "null"])
def test_a_file_that_is_not_an_array_is_refused_saying_so(tmp_path, command, content):
    folder = exported(tmp_path)
    (folder / SPEAKERS).write_bytes(content)
    with pytest.raises(CommandError) as refused:
        call_command(command, "--fixtures", str(folder), verbosity=0)
    assert str(refused.value) == f"{folder / SPEAKERS}: not a JSON array"
    assert no_rows()


@pytest.mark.parametrize("command", LOADERS)
@pytest.mark.parametrize("damage, with_line", [case[1:] for case in FILE_DAMAGE], ids=[case[0] for case in FILE_DAMAGE])
def test_a_damaged_file_is_refused_in_one_line_naming_it_and_nothing_loads(tmp_path, command, damage, with_line):
    folder = exported(tmp_path)
    name = damage(folder)
    with pytest.raises(CommandError) as refused:
        call_command(command, "--fixtures", str(folder), verbosity=0)
    message = str(refused.value)
    assert "\n" not in message
    line = r":\d+" if with_line else r"(:\d+)?"
    assert re.match(re.escape(str(folder / name)) + line + r": \S", message), message
    assert no_rows()


@pytest.mark.parametrize("command", LOADERS)
def test_a_file_saved_with_a_byte_order_mark_loads(tmp_path, command):
    folder = exported(tmp_path)
    path = folder / SPEAKERS
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    call_command(command, "--fixtures", str(folder), verbosity=0)
    assert Speaker.objects.filter(slug="craig-smith").exists() and Claim.objects.filter(interview__slug=EYE).exists()


@pytest.mark.parametrize("command", LOADERS)
def test_an_interviews_claims_copied_into_a_second_file_are_refused_at_the_copy(tmp_path, command):
    folder = exported(tmp_path)
    shutil.copy(folder / CLAIMS, folder / "claims" / "zz-copy.json")
    with pytest.raises(CommandError) as refused:
        call_command(command, "--fixtures", str(folder), verbosity=0)
    message = str(refused.value)
    assert "\n" not in message and message.startswith(f"{folder / 'claims' / 'zz-copy.json'}:")
    assert re.search(r"duplicate claims\.claim \('eye-on-ai-ilya-sutskever', \d+, \d+\)", message), message
    assert no_rows()


@pytest.mark.parametrize("command", LOADERS)
def test_a_chapter_starting_past_the_transcript_is_refused_at_its_line(tmp_path, command):
    folder = exported(tmp_path, LEX)
    name, index = set_field(f"interviews/{LEX}.json", "claims.chapter", "start_char", 10 ** 6, nth=3)(folder)
    line = [line for line, _ in iter_json_array(folder / name)][index]
    with pytest.raises(CommandError) as refused:
        call_command(command, "--fixtures", str(folder), verbosity=0)
    assert str(refused.value).startswith(f"{folder / name}:{line}: ")
    assert "start_char 1000000 is past the end of the transcript" in str(refused.value)
    assert no_rows()
