import datetime as dt
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from claims.dataset import DEFAULT_FIXTURES_DIR, dataset_export
from claims.models import Chapter, Claim, Interview, Participation, Speaker, Topic, Turn
from claims.selectors import slugs_resolve

from .factories import make_claim, make_interview, make_speaker, make_topic

pytestmark = pytest.mark.django_db(transaction=True)


def read_tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.json"))}


def build_small_dataset():
    parent = make_topic(slug="ai", name="AI")
    child = make_topic(slug="alignment", name="Alignment", parent=parent, keywords=["aligned", "safety"])
    host, guest = make_speaker(slug="host", name="Host"), make_speaker(slug="guest", name="Guest", aliases=["Gest"])
    interview = make_interview(slug="talk")
    Participation.objects.create(interview=interview, speaker=host, role="host")
    Participation.objects.create(interview=interview, speaker=guest, role="guest")
    Chapter.objects.create(interview=interview, index=0, title="Intro", start_seconds=0, start_char=0)
    Turn.objects.create(interview=interview, index=0, speaker=host, start_char=0, end_char=56, start_seconds=0.0)
    Turn.objects.create(interview=interview, index=1, speaker=guest, start_char=56, end_char=100,
                        start_seconds=4.25, seconds_estimated=True)
    make_claim(interview=interview, speaker=guest, claim_type="prediction", topics=[child, parent],
               prediction={"predicted": "Reliability improves.", "horizon": "within two years",
                           "target_start": dt.date(2023, 3, 27), "target_end": dt.date(2025, 3, 27)})
    make_claim(interview=interview, speaker=guest, quote="Neural networks are the next best thing",
               statement="Neural networks are the next best thing.", claim_type="opinion", hedged=True)


def test_export_flush_load_export_is_byte_identical(tmp_path):
    build_small_dataset()
    first, second = tmp_path / "first", tmp_path / "second"
    dataset_export(first)
    call_command("flush", "--noinput", verbosity=0)
    assert not Claim.objects.exists()
    call_command("load_dataset", "--fixtures", str(first), verbosity=0)
    assert Claim.objects.count() == 2 and Topic.objects.get(slug="alignment").parent.slug == "ai"
    dataset_export(second)
    assert read_tree(first) == read_tree(second)
    assert '"pk"' not in (first / "claims" / "talk.json").read_text()


def build_merged_dataset():
    """The small dataset after curators merged: a second talk's "Speaker 2" into the guest (after it
    had a duplicate merged into it: a chain), a topic into 'alignment', and renamed the host's slug."""
    from claims.services import speaker_merge, speaker_update, topic_merge

    build_small_dataset()
    # a second talk whose guest came in as the diariser's "Speaker 2", then merged into the known guest
    scoped = make_speaker(slug="speaker-2-in-talk-2", name="Speaker 2")
    interview = make_interview(slug="talk-2")
    Participation.objects.create(interview=interview, speaker=scoped, role="guest")
    Turn.objects.create(interview=interview, index=0, speaker=scoped, start_char=56, end_char=100)
    make_claim(interview=interview, speaker=scoped)
    speaker_merge(source=make_speaker(slug="speaker-2-copy", name="Speaker 2"), target=scoped)
    speaker_merge(source=scoped, target=Speaker.objects.get(slug="guest"))
    topic_merge(source=make_topic(slug="ai-safety", name="AI safety"), target=Topic.objects.get(slug="alignment"))
    speaker_update(Speaker.objects.get(slug="host"), slug="the-host")


FORMER_SLUGS = {"speakers.json": [("host", "the-host"), ("speaker-2-copy", "guest"), ("speaker-2-in-talk-2", "guest")],
                "topics.json": [("ai-safety", "alignment")]}


def former_slugs_in(folder: Path) -> dict:
    owners = {"claims.speakerformerslug": "speaker", "claims.topicformerslug": "topic"}
    return {name: [(row["fields"]["slug"], row["fields"][owners[row["model"]]][0])
                   for row in json.loads((folder / name).read_text()) if row["model"] in owners]
            for name in ("speakers.json", "topics.json")}


def test_a_dataset_after_merges_exports_and_loads_back_unchanged_with_its_former_slugs(tmp_path):
    build_merged_dataset()
    first, second = tmp_path / "first", tmp_path / "second"
    dataset_export(first)
    assert former_slugs_in(first) == FORMER_SLUGS  # after the rows they lead to, sorted by slug
    call_command("flush", "--noinput", verbosity=0)
    call_command("load_dataset", "--fixtures", str(first), verbosity=0)
    dataset_export(second)
    assert read_tree(first) == read_tree(second)
    assert [row["fields"]["slug"] for row in json.loads((first / "speakers.json").read_text())
            if row["model"] == "claims.speaker"] == ["guest", "the-host"]
    assert Claim.objects.get(interview__slug="talk-2").speaker.slug == "guest"
    assert Speaker.objects.get(slug="guest").aliases == ["Gest"]  # "Speaker 2" names a part, not him
    assert slugs_resolve(Speaker, ["speaker-2-copy", "host"]) == {
        "speaker-2-copy": Speaker.objects.get(slug="guest"), "host": Speaker.objects.get(slug="the-host")}


def test_the_shipped_fixtures_load_and_export_unchanged(tmp_path):
    call_command("load_dataset", verbosity=0)
    assert Topic.objects.count() >= 20 and Speaker.objects.filter(slug="ilya-sutskever").exists()
    dataset_export(tmp_path)
    assert read_tree(tmp_path) == read_tree(DEFAULT_FIXTURES_DIR)


def corrupt(folder: Path, edit) -> None:
    path = folder / "claims" / "talk.json"
    rows = json.loads(path.read_text())
    edit(rows)
    path.write_text(json.dumps(rows))


@pytest.mark.parametrize(
    "edit, message",
    [
        (lambda rows: rows[0]["fields"].update(quote="I think reliability will collapse"), "does not match"),
        (lambda rows: rows[0]["fields"].update(topics=[["no-such-topic"]]), r"unknown topic \[.no-such-topic.\]"),
        (lambda rows: rows[0]["fields"].update(speaker=["nobody"]), "unknown speaker \\[.nobody.\\]"),
        (lambda rows: rows.append(rows[0]), r"duplicate claims.claim \(.talk., 64, 120\)"),
    ],
    ids=["quote-mismatch", "unknown-topic", "unknown-speaker", "duplicate"],
)
def test_a_bad_fixture_stops_the_load_and_leaves_the_database_as_it_was(tmp_path, edit, message):
    build_small_dataset()
    dataset_export(tmp_path)
    call_command("flush", "--noinput", verbosity=0)
    corrupt(tmp_path, edit)
    with pytest.raises(Exception, match=message) as error:
        call_command("load_dataset", "--fixtures", str(tmp_path), verbosity=0)
    assert isinstance(error.value, (CommandError, Exception))
    assert Interview.objects.count() == 0 and Topic.objects.count() == 0 and Claim.objects.count() == 0


@pytest.mark.django_db(transaction=False)
def test_every_judged_prediction_in_the_shipped_dataset_says_when_why_and_where():
    judged = [
        (path.name, obj["fields"])
        for path in sorted((DEFAULT_FIXTURES_DIR / "claims").glob("*.json"))
        for obj in json.loads(path.read_text(encoding="utf-8"))
        if obj["model"] == "claims.prediction" and obj["fields"]["status"] != "open"
    ]
    assert judged, "the shipped dataset has no judged predictions"
    for name, fields in judged:
        assert fields["resolved_on"] and fields["resolution_note"].strip(), (name, fields["predicted"])
        assert fields["evidence_link"].startswith("https://"), (name, fields["predicted"])


def export_then_merge(folder: Path) -> None:
    """The small dataset exported to `folder`; then its interview is deleted and curators merge the guest
    into a speaker with a fuller slug and 'alignment' into its parent 'ai' (claims tagged with both)."""
    from claims.services import speaker_merge, topic_merge

    build_small_dataset()
    dataset_export(folder)
    Claim.objects.all().delete()  # predictions go with them
    Interview.objects.all().delete()
    speaker_merge(source=Speaker.objects.get(slug="guest"), target=make_speaker(slug="gustav-guest", name="Gustav Guest"))
    topic_merge(source=Topic.objects.get(slug="alignment"), target=Topic.objects.get(slug="ai"))


LOADERS = ["load_dataset", "import_fixtures"]  # Django's deserializer (loaddata), the bulk import


@pytest.mark.parametrize("command", LOADERS)
def test_interviews_and_claims_exported_before_a_merge_load_onto_the_records_kept(tmp_path, command):
    export_then_merge(tmp_path)
    for name in ("topics.json", "speakers.json"):  # only the interview's files, naming 'guest' and 'alignment'
        (tmp_path / name).unlink()
    speakers, topics = sorted(Speaker.objects.values_list("slug", flat=True)), sorted(Topic.objects.values_list("slug", flat=True))
    call_command(command, "--fixtures", str(tmp_path), verbosity=0)
    assert sorted(Speaker.objects.values_list("slug", flat=True)) == speakers == ["gustav-guest", "host"]
    assert sorted(Topic.objects.values_list("slug", flat=True)) == topics == ["ai"]
    interview = Interview.objects.get(slug="talk")
    assert sorted(interview.participations.values_list("speaker__slug", "role")) == [("gustav-guest", "guest"), ("host", "host")]
    assert list(interview.turns.order_by("index").values_list("speaker__slug", flat=True)) == ["host", "gustav-guest"]
    assert sorted((c.speaker.slug, [t.slug for t in c.topics.all()]) for c in Claim.objects.filter(interview=interview)) == [
        ("gustav-guest", []), ("gustav-guest", ["ai"])]  # tagged 'alignment' and 'ai': one link


def export_then_merge_a_split_voice(folder: Path, role: str) -> list:
    """The small dataset with a third speaker in 'talk' (a diariser's split of one voice, in `role`), with a
    turn and a claim, exported to `folder` with only its interview's files; then its interview is deleted and
    curators merge the split into 'guest'. Returns the claims as exported (span, statement)."""
    from claims.services import speaker_merge

    build_small_dataset()
    interview = Interview.objects.get(slug="talk")
    split = make_speaker(slug="speaker-3-in-talk", name="Speaker 3")
    Participation.objects.create(interview=interview, speaker=split, role=role)
    Turn.objects.create(interview=interview, index=2, speaker=split, start_char=100, end_char=len(interview.source_text))
    make_claim(interview=interview, speaker=split, quote="the shortest program", statement="Programs can be short.")
    dataset_export(folder)
    exported = sorted(Claim.objects.values_list("start_char", "end_char", "statement"))
    for name in ("topics.json", "speakers.json"):  # the speakers and topics stay in the database
        (folder / name).unlink()
    Claim.objects.all().delete()
    Interview.objects.all().delete()
    speaker_merge(source=split, target=Speaker.objects.get(slug="guest"))
    return exported


@pytest.mark.parametrize("command", LOADERS)
def test_an_interview_exported_before_two_of_its_guests_were_merged_loads_with_one_participation(tmp_path, command):
    exported = export_then_merge_a_split_voice(tmp_path, "guest")
    call_command(command, "--fixtures", str(tmp_path), verbosity=0)
    interview = Interview.objects.get(slug="talk")
    assert sorted(interview.participations.values_list("speaker__slug", "role")) == [("guest", "guest"), ("host", "host")]
    assert list(interview.turns.order_by("index").values_list("speaker__slug", flat=True)) == ["host", "guest", "guest"]
    assert sorted(Claim.objects.values_list("start_char", "end_char", "statement")) == exported
    assert set(Claim.objects.values_list("speaker__slug", flat=True)) == {"guest"}


@pytest.mark.parametrize("command", LOADERS)
def test_an_interview_naming_two_speakers_since_merged_in_different_parts_is_refused_and_loads_nothing(tmp_path, command):
    export_then_merge_a_split_voice(tmp_path, "host")
    with pytest.raises(CommandError) as refused:
        call_command(command, "--fixtures", str(tmp_path), verbosity=0)
    message = str(refused.value)
    assert "\n" not in message and str(tmp_path / "interviews" / "talk.json") in message
    assert ("interview 'talk' names speaker 'guest' (two speakers since merged into it) as its guest and as its host: "
            "one person cannot be both") in message
    assert not Interview.objects.exists() and not Claim.objects.exists()


@pytest.mark.parametrize("command", LOADERS)
def test_a_participation_row_given_twice_under_one_slug_is_still_a_duplicate(tmp_path, command):
    build_small_dataset()
    dataset_export(tmp_path)
    call_command("flush", "--noinput", verbosity=0)
    path = tmp_path / "interviews" / "talk.json"
    rows = json.loads(path.read_text())
    path.write_text(json.dumps([*rows, next(row for row in rows if row["model"] == "claims.participation")]))
    with pytest.raises(CommandError, match="duplicate"):
        call_command(command, "--fixtures", str(tmp_path), verbosity=0)
    assert not Interview.objects.exists()


def keep_rows(path: Path, keep) -> list:
    rows = [row for row in json.loads(path.read_text()) if keep(row)]
    path.write_text(json.dumps(rows, indent=2))
    return rows


@pytest.mark.parametrize("command", LOADERS)
def test_a_fixture_defining_a_record_under_a_former_slug_is_refused_and_loads_nothing(tmp_path, command):
    export_then_merge(tmp_path)
    # the exported files less the rows still in the database (the bulk import only adds), after a new topic
    new_topic = {"model": "claims.topic", "fields": {"slug": "robotics", "name": "Robotics", "description": "",
                                                      "parent": None, "keywords": []}}
    keep_rows(tmp_path / "topics.json", lambda row: row["fields"]["slug"] == "alignment")
    (tmp_path / "topics.json").write_text(json.dumps([new_topic, *json.loads((tmp_path / "topics.json").read_text())]))
    keep_rows(tmp_path / "speakers.json", lambda row: row["fields"]["slug"] == "guest")
    before = (list(Topic.objects.values_list("slug", "name", "keywords")),
              list(Speaker.objects.values_list("slug", "name", "aliases")), Interview.objects.count())
    with pytest.raises(CommandError) as refused:
        call_command(command, "--fixtures", str(tmp_path), verbosity=0)
    message = str(refused.value)
    assert "\n" not in message and str(tmp_path / "topics.json") in message
    assert "topic 'alignment' is a former slug of topic 'ai'" in message
    assert (list(Topic.objects.values_list("slug", "name", "keywords")),
            list(Speaker.objects.values_list("slug", "name", "aliases")), Interview.objects.count()) == before

    (tmp_path / "topics.json").unlink()  # now speakers.json, which defines 'guest'
    with pytest.raises(CommandError, match=r"speakers\.json.*speaker 'guest' is a former slug of speaker 'gustav-guest'"):
        call_command(command, "--fixtures", str(tmp_path), verbosity=0)
    assert Interview.objects.count() == 0 and not Speaker.objects.filter(slug="guest").exists()


@pytest.mark.parametrize("command", LOADERS)
def test_a_fixture_making_a_current_slug_another_speakers_former_slug_is_refused(tmp_path, command):
    make_speaker(slug="host", name="Host"), make_speaker(slug="guest", name="Guest")
    (tmp_path / "speakers.json").write_text(json.dumps(
        [{"model": "claims.speakerformerslug", "fields": {"slug": "host", "speaker": ["guest"]}}], indent=2))
    with pytest.raises(CommandError, match=r"speakers\.json.*'host' cannot become a former slug of speaker 'guest': "
                                           r"it is the slug of speaker 'host'"):
        call_command(command, "--fixtures", str(tmp_path), verbosity=0)
    assert not Speaker.objects.get(slug="guest").former_slugs.exists()


def test_exporting_onto_a_file_is_one_line_naming_it_not_a_traceback(tmp_path):
    build_small_dataset()
    in_the_way = tmp_path / "fixtures.json"
    in_the_way.write_text("[]")
    with pytest.raises(CommandError) as error:
        call_command("export_fixtures", output=in_the_way, stdout=StringIO())
    assert str(error.value) == f"--output {in_the_way}: is a file, not a folder"
    with pytest.raises(CommandError) as error:
        call_command("export_fixtures", output=in_the_way / "fixtures", stdout=StringIO())
    assert str(error.value).startswith(f"--output {in_the_way / 'fixtures'}: cannot write the fixtures: Not a directory")
    assert in_the_way.read_text() == "[]"
