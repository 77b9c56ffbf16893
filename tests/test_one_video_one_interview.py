"""One video is one interview, however its files arrive: the command with --video-id, a manifest, a
file's own metadata, the service itself, two ingestions at once, and the migration that adds the rule."""
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from claims.models import Claim, Interview, Participation, Speaker, Turn
from claims.services import IngestConflict, interview_ingest

from .ingest_command import ingest, ingest_failing
from .test_services import TEXT, annotated

DATA = Path(__file__).resolve().parent / "data"

pytestmark = pytest.mark.django_db

VIDEO = "dQw4w9WgXcQ"
FIRST_TAKE = "Host: Welcome back to the show.\nGuest: I expect cheaper compute to change robotics within a decade.\n"
SECOND_TAKE = "Host: Welcome back to the show.\nGuest: I expect cheaper compute to change farming within five years.\n"


def database_rows():
    return (list(Interview.objects.order_by("pk").values_list("pk", "slug", "sha256", "video_id", "source_name")),
            Turn.objects.count(), Participation.objects.count(), Speaker.objects.count(), Claim.objects.count())


def refusal(path, *, stored_slug, stored_file, claims=0):
    return (f"{path}: video {VIDEO} is stored already, as {stored_slug!r} from {stored_file} with other bytes; one video "
            f"is one interview: this file wrote nothing, and {stored_slug!r} and its {claims} claim(s) are kept as they are")


def test_a_second_file_given_a_stored_video_id_is_refused_naming_it_and_the_stored_interview(tmp_path):
    first, second = tmp_path / "take-one.txt", tmp_path / "take-two.txt"
    first.write_text(FIRST_TAKE, encoding="utf-8")
    second.write_text(SECOND_TAKE, encoding="utf-8")
    ingest(first, video_id=VIDEO, no_extract=False)
    claims = Claim.objects.count()
    assert claims and Interview.objects.get().slug == "take-one"
    before = database_rows()
    for dry_run in (True, False):  # the dry run foresees the refusal
        message, out, err = ingest_failing(second, video_id=VIDEO, dry_run=dry_run)
        assert message == "1 of 1 file(s) failed; those wrote nothing"
        # before: a second interview of the video, its claims beside the first one's in every query
        assert err.splitlines() == [refusal(second, stored_slug="take-one", stored_file="take-one.txt", claims=claims)]
        assert "--slug" not in err  # another slug would not let it in
        assert database_rows() == before


def test_a_file_whose_video_an_option_names_is_refused_without_being_parsed(tmp_path, monkeypatch):
    from claims.management.commands import ingest as command

    first, second = tmp_path / "take-one.txt", tmp_path / "take-two.txt"
    first.write_text(FIRST_TAKE, encoding="utf-8")
    second.write_text(SECOND_TAKE * 20_000, encoding="utf-8")  # a long file: its refusal does not wait for its parse
    ingest(first, video_id=VIDEO)
    parsed = []
    real_prepare = command.interview_prepare
    monkeypatch.setattr(command, "interview_prepare", lambda data, **kw: parsed.append(kw["source"]) or real_prepare(data, **kw))
    _, _, err = ingest_failing(second, video_id=VIDEO)
    assert err.splitlines() == [refusal(second, stored_slug="take-one", stored_file="take-one.txt")] and parsed == []


def test_the_same_bytes_with_the_same_video_id_again_change_nothing(tmp_path):
    first = tmp_path / "take-one.txt"
    first.write_text(FIRST_TAKE, encoding="utf-8")
    ingest(first, video_id=VIDEO)
    before = database_rows()
    for dry_run in (True, False):
        out, err = ingest(first, video_id=VIDEO, dry_run=dry_run)
        assert "unchanged" in out and err == ""
    assert database_rows() == before


def test_a_stored_file_read_in_another_format_is_not_another_file_of_its_video():
    both_ways = DATA / "ausha_speaker_numbers.txt"  # reads as labelled and as plain text
    ingest(both_ways, video_id=VIDEO, format="plain")
    before = database_rows()
    out, err = ingest(both_ways, video_id=VIDEO, format="labelled")
    assert "unchanged" in out and err == "" and database_rows() == before


def test_a_manifest_giving_one_video_id_to_two_files_lets_the_first_in(tmp_path):
    (tmp_path / "a-take.txt").write_text(FIRST_TAKE, encoding="utf-8")
    (tmp_path / "b-take.txt").write_text(SECOND_TAKE, encoding="utf-8")
    (tmp_path / "manifest.json").write_text(
        json.dumps({"a-take.txt": {"video_id": VIDEO}, "b-take.txt": {"video_id": VIDEO}}), encoding="utf-8")
    message, out, err = ingest_failing(tmp_path / "a-take.txt", tmp_path / "b-take.txt", dry_run=True)
    assert message == "1 of 2 file(s) failed; those wrote nothing" and not Interview.objects.exists()
    assert err.splitlines() == [
        f"{tmp_path / 'b-take.txt'}: video {VIDEO} is stored already, as 'a-take' from a-take.txt, earlier in this run, "
        "with other bytes; one video is one interview: this file wrote nothing, and 'a-take' is kept as it is"]
    message, out, err = ingest_failing(tmp_path / "a-take.txt", tmp_path / "b-take.txt")
    assert message == "1 of 2 file(s) failed; those wrote nothing"
    assert err.splitlines() == [refusal(tmp_path / "b-take.txt", stored_slug="a-take", stored_file="a-take.txt")]
    assert list(Interview.objects.values_list("slug", "video_id")) == [("a-take", VIDEO)]


def test_a_transcript_whose_own_front_matter_names_a_stored_video_is_refused(tmp_path):
    # the file's own metadata, no option or manifest: what the admin's upload gets too
    for name, title, text in (("part-1.md", "Grid storage", FIRST_TAKE), ("part-2.md", "Grid storage again", SECOND_TAKE)):
        (tmp_path / name).write_text(f"---\ntitle: {title}\nvideo_id: {VIDEO}\n---\n\n{text}", encoding="utf-8")
    message, out, err = ingest_failing(tmp_path / "part-1.md", tmp_path / "part-2.md")
    assert err.splitlines() == [refusal(tmp_path / "part-2.md", stored_slug="grid-storage", stored_file="part-1.md")]
    assert list(Interview.objects.values_list("slug", flat=True)) == ["grid-storage"]


def test_the_service_refuses_a_second_interview_of_a_video_and_writes_nothing():
    stored, _ = interview_ingest(annotated=annotated(video_id=VIDEO))
    before = database_rows()
    with pytest.raises(IngestConflict) as error:
        interview_ingest(annotated=annotated(text=TEXT + "Host: And then?\n", slug="another-talk", video_id=VIDEO))
    assert str(error.value) == (
        f"video {VIDEO} is stored already, as 'a-talk' from talk.txt with other bytes; one video is one interview: "
        "this file wrote nothing, and 'a-talk' and its 0 claim(s) are kept as they are")
    assert database_rows() == before
    again, created = interview_ingest(annotated=annotated(video_id=VIDEO))  # the same bytes: a no-op, as before
    assert (again.pk, created) == (stored.pk, False)


def test_interviews_without_a_video_id_are_not_one_video():
    interview_ingest(annotated=annotated())
    interview_ingest(annotated=annotated(text=TEXT + "Host: And then?\n", slug="another-talk"))
    assert list(Interview.objects.values_list("video_id", flat=True)) == ["", ""]


@pytest.mark.django_db(transaction=True)
def test_the_migration_stops_on_a_video_stored_twice_naming_it_and_the_interviews():
    # a database written before the rule; the migration is run on it as `manage.py migrate` would
    call_command("migrate", "claims", "0011", verbosity=0)
    try:
        for slug, text in (("take-one", FIRST_TAKE), ("take-two", SECOND_TAKE), ("take-three", TEXT)):
            Interview.objects.create(slug=slug, source_format="labelled", source_text=text, sha256=slug, video_id=VIDEO)
        Interview.objects.create(slug="no-video", source_format="labelled", source_text=TEXT, sha256="no-video")
        with pytest.raises(CommandError) as error:
            call_command("migrate", "claims", verbosity=0)
        assert str(error.value) == (
            f"one video is one interview, and 1 video is stored as several: video {VIDEO} as 'take-one', 'take-two', "
            "'take-three'; keep one interview of each (clear the others' video id in the admin, or delete them), then "
            "migrate again")
        assert not MigrationRecorder(connection).migration_qs.filter(app="claims", name__startswith="0012").exists()
        assert Interview.objects.count() == 4
    finally:
        Interview.objects.exclude(slug__in=["take-one", "no-video"]).delete()
        call_command("migrate", "claims", verbosity=0)
    assert MigrationRecorder(connection).migration_qs.filter(app="claims", name__startswith="0012").exists()
