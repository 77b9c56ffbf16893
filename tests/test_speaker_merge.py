"""Merging speakers: a meetup's diarised "Speaker 2" turns out to be Ilya Sutskever of the seeds."""
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from claims.models import Claim, Participation, Speaker, Turn
from claims.services import interview_ingest_file, speaker_merge

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[1]
MEETUP = ROOT / "tests" / "data" / "rev_speaker_numbers.txt"  # Rev's "Speaker 1 (00:00):" labels
SCOPED = "-in-machine-learning-meetup-toronto-fireside-chat"


@pytest.fixture
def world(db):
    """The shipped speakers and the Eye on AI seed with its curated claims, and the meetup ingested
    with its extracted proposals."""
    fixtures = ROOT / "fixtures"
    call_command("loaddata", *(str(fixtures / name) for name in (
        "topics.json", "speakers.json", "interviews/eye-on-ai-ilya-sutskever.json", "claims/eye-on-ai-ilya-sutskever.json",
    )), verbosity=0)
    meetup, created, proposals = interview_ingest_file(data=MEETUP.read_bytes(), source=MEETUP.name)
    assert created and proposals > 0
    return SimpleNamespace(
        meetup=meetup, ilya=Speaker.objects.get(slug="ilya-sutskever"), craig=Speaker.objects.get(slug="craig-smith"),
        host=Speaker.objects.get(slug="speaker-1" + SCOPED), guest=Speaker.objects.get(slug="speaker-2" + SCOPED),
    )


def snapshot():
    """Everything a merge may touch, to show that a refused one changed nothing."""
    return (
        sorted(Claim.objects.values_list("pk", "speaker_id")),
        sorted(Turn.objects.values_list("pk", "speaker_id")),
        sorted(Participation.objects.values_list("pk", "interview_id", "speaker_id", "role")),
        sorted((s.pk, s.slug, s.name, tuple(s.aliases)) for s in Speaker.objects.all()),
        Claim.history.count(), Speaker.history.count(),
    )


def test_merging_moves_the_claims_turns_and_participation_and_deletes_the_source(world):
    claims = set(Claim.objects.filter(speaker=world.guest).values_list("pk", flat=True))
    turns = set(Turn.objects.filter(speaker=world.guest).values_list("pk", flat=True))
    ilya_claims = set(Claim.objects.filter(speaker=world.ilya).values_list("pk", flat=True))
    assert claims and turns == set(world.meetup.turns.filter(index__in=[1, 3, 5]).values_list("pk", flat=True))

    result = speaker_merge(source=world.guest, target=world.ilya)

    assert (result.claims, result.turns, result.interviews) == (len(claims), 3, 1)
    assert not Speaker.objects.filter(slug="speaker-2" + SCOPED).exists()
    assert set(Claim.objects.filter(speaker=world.ilya).values_list("pk", flat=True)) == ilya_claims | claims
    assert set(Turn.objects.filter(speaker=world.ilya, interview=world.meetup).values_list("pk", flat=True)) == turns
    assert sorted(world.meetup.participations.values_list("speaker__slug", "role")) == [
        ("ilya-sutskever", "guest"), ("speaker-1" + SCOPED, "host")]
    assert set(world.ilya.interviews.values_list("slug", flat=True)) == {
        "eye-on-ai-ilya-sutskever", "machine-learning-meetup-toronto-fireside-chat"}


def test_every_moved_claim_has_a_history_record_naming_both_speakers(world):
    claims, source_id = list(Claim.objects.filter(speaker=world.guest)), world.guest.pk
    speaker_merge(source=world.guest, target=world.ilya)
    reason = f"speaker speaker-2{SCOPED} merged into ilya-sutskever"
    for claim in claims:
        latest, before = claim.history.all()[:2]
        assert (latest.history_type, latest.speaker_id, latest.history_change_reason) == ("~", world.ilya.pk, reason)
        assert [change.field for change in latest.diff_against(before).changes] == ["speaker"]
        assert before.speaker_id == source_id
    gone = Speaker.history.filter(slug="speaker-2" + SCOPED).first()
    assert (gone.history_type, gone.history_change_reason) == ("-", reason)


def test_the_source_name_and_aliases_join_the_targets_once_whatever_their_case(world):
    before = list(world.ilya.aliases)
    assert "Ilya" in before
    world.guest.aliases = ["ILYA", "Ilya S.", "ilya s.", "Speaker 2"]
    world.guest.save()
    speaker_merge(source=world.guest, target=world.ilya)
    world.ilya.refresh_from_db()
    assert world.ilya.aliases == [*before, "Ilya S."]  # "Speaker 2" names a part, not a spelling of him
    assert world.ilya.history.first().history_change_reason == "speaker speaker-2%s merged into ilya-sutskever" % SCOPED


def test_a_speaker_whose_name_and_aliases_the_target_has_leaves_its_aliases_unchanged(world):
    named = Speaker.objects.create(slug="ilya-in-a-podcast", name="ilya", aliases=["Ilya switzerberger"])
    records = world.ilya.history.count()
    speaker_merge(source=named, target=world.ilya)
    assert world.ilya.history.count() == records


def test_two_speakers_of_one_interview_in_different_parts_are_not_merged_and_nothing_changes(world):
    speaker_merge(source=world.guest, target=world.ilya)
    before = snapshot()
    with pytest.raises(ValidationError) as error:
        speaker_merge(source=world.host, target=world.ilya)
    assert error.value.messages == [
        f"Speaker 1 (speaker-1{SCOPED}) is the host of interview machine-learning-meetup-toronto-fireside-chat "
        "and Ilya Sutskever (ilya-sutskever) its guest: one person cannot be both, so they were not merged."]
    assert snapshot() == before


def test_two_speakers_of_one_interview_in_the_same_part_keep_one_participation(world):
    # the metadata named the guest, yet the diariser labelled part of his words "Speaker 2"
    Participation.objects.create(interview=world.meetup, speaker=world.ilya, role="guest")
    result = speaker_merge(source=world.guest, target=world.ilya)
    assert result.interviews == 1
    assert sorted(world.meetup.participations.values_list("speaker__slug", "role")) == [
        ("ilya-sutskever", "guest"), ("speaker-1" + SCOPED, "host")]


def test_a_speaker_is_not_merged_into_itself(world):
    before = snapshot()
    with pytest.raises(ValidationError, match=r"^\['Speaker 2 \(speaker-2-in-.*\) cannot be merged into itself.'\]$"):
        speaker_merge(source=world.guest, target=Speaker.objects.get(pk=world.guest.pk))
    assert snapshot() == before


def test_a_claim_that_no_longer_matches_its_transcript_stops_the_merge_and_is_named(world):
    claim = Claim.objects.filter(speaker=world.guest).order_by("start_char").first()
    Claim.objects.filter(pk=claim.pk).update(quote="Something else entirely.")  # as an old import could have left it
    before = snapshot()
    with pytest.raises(ValidationError) as error:
        speaker_merge(source=world.guest, target=world.ilya)
    assert error.value.messages[0].startswith(
        f"claim machine-learning-meetup-toronto-fireside-chat[{claim.start_char}:{claim.end_char}] cannot be saved as it is: "
        "The quote does not match the transcript")
    assert snapshot() == before


def test_a_long_scoped_slug_still_fits_the_history_reason(world):
    # scoped slugs run to 200 characters; the history's change reason holds 100 (PostgreSQL enforces it)
    world.guest.slug = "speaker-2-in-" + "a-very-long-episode-title-" * 7
    world.guest.save()
    speaker_merge(source=world.guest, target=world.ilya)
    reason = Claim.history.filter(speaker_id=world.ilya.pk, history_type="~").first().history_change_reason
    assert len(reason) == 100 and reason.startswith("speaker speaker-2-in-a-very-long") and reason.endswith("…")


def test_a_merge_takes_a_few_queries_however_many_claims_move(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from claims.models import Topic
    from claims.services import topic_merge

    many = Claim.objects.filter(speaker=world.ilya).count()
    assert many >= 50
    stand_in = Speaker.objects.create(name="Ilya S.", slug="ilya-s")
    with CaptureQueriesContext(connection) as queries:
        result = speaker_merge(source=world.ilya, target=stand_in)
    assert result.claims == many and len(queries) < 40  # before, one claim_update each: ~14 queries a claim
    assert Claim.history.filter(speaker_id=stand_in.pk, history_type="~").count() == many

    rlhf, reasoning = Topic.objects.get(slug="rlhf"), Topic.objects.get(slug="reasoning")
    tagged = set(Claim.objects.filter(topics=rlhf).values_list("pk", flat=True))
    assert len(tagged) >= 10
    with CaptureQueriesContext(connection) as queries:
        topic_merge(source=rlhf, target=reasoning)
    assert len(queries) < 40
    assert tagged <= set(Claim.objects.filter(topics=reasoning).values_list("pk", flat=True))
    # each re-tagged claim's newest record holds the links it has now, as a revert would restore them
    for pk in tagged:
        newest = Claim.history.filter(id=pk).order_by("-history_id").first()
        assert newest.history_change_reason == "topic rlhf merged into reasoning"
        assert set(newest.topics.values_list("topic_id", flat=True)) == set(
            Claim.topics.through.objects.filter(claim_id=pk).values_list("topic_id", flat=True))
