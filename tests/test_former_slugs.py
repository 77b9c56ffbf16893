"""A merged (or renamed) speaker's or topic's old slug keeps naming the record it went into."""
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from claims.models import Claim, Participation, Speaker, SpeakerFormerSlug, Topic, TopicFormerSlug, Turn
from claims.selectors import rows_now, slug_map, slugs_resolve
from claims.services import (
    AnnotationSheetError,
    annotations_import,
    former_slugs_remove,
    interview_ingest_file,
    speaker_merge,
    speaker_update,
    topic_merge,
    topic_update,
    turns_replace,
)

from .factories import make_claim, make_interview, make_speaker, make_topic, span_of

pytestmark = pytest.mark.django_db

LABELLED = Path(__file__).resolve().parent / "data" / "labelled_interview.txt"  # "Maria Lopez:" / "Tom Reyes:"


def former(model) -> dict[str, str]:
    owner = "speaker" if model is SpeakerFormerSlug else "topic"
    return dict(model.objects.values_list("slug", f"{owner}__slug"))


def test_a_merged_speakers_slug_and_the_slugs_it_had_inherited_lead_to_the_last_target():
    a, b, c = (make_speaker(slug=slug, name=slug.upper()) for slug in ("sp-a", "sp-b", "sp-c"))
    make_claim(speaker=a)
    speaker_merge(source=a, target=b)
    assert former(SpeakerFormerSlug) == {"sp-a": "sp-b"}
    speaker_merge(source=b, target=c)
    assert former(SpeakerFormerSlug) == {"sp-a": "sp-c", "sp-b": "sp-c"}
    assert {slug: row.slug for slug, row in slugs_resolve(Speaker, ["sp-a", "sp-b", "sp-c", "nobody"]).items()} == {
        "sp-a": "sp-c", "sp-b": "sp-c", "sp-c": "sp-c"}


def test_a_refused_merge_records_no_former_slug():
    host, guest = make_speaker(slug="the-host"), make_speaker(slug="the-guest")
    interview = make_interview()
    Participation.objects.create(interview=interview, speaker=host, role="host")
    Participation.objects.create(interview=interview, speaker=guest, role="guest")
    with pytest.raises(ValidationError):
        speaker_merge(source=host, target=guest)
    assert not SpeakerFormerSlug.objects.exists()


def test_a_merged_topics_slug_and_the_slugs_it_had_inherited_lead_to_the_last_target():
    a, b, c = (make_topic(slug=slug, name=slug.upper()) for slug in ("tp-a", "tp-b", "tp-c"))
    claim = make_claim(topics=[a])
    topic_merge(source=a, target=b)
    topic_merge(source=b, target=c)
    assert former(TopicFormerSlug) == {"tp-a": "tp-c", "tp-b": "tp-c"}
    assert list(claim.topics.values_list("slug", flat=True)) == ["tp-c"]


@pytest.mark.parametrize("model, make, merge", [
    (Speaker, make_speaker, speaker_merge), (Topic, make_topic, topic_merge)], ids=["speaker", "topic"])
def test_a_former_slug_cannot_be_given_to_another_record(model, make, merge):
    source, target = make(slug="old-slug", name="Old"), make(slug="kept", name="Kept One")
    merge(source=source, target=target)
    newcomer = model(slug="old-slug", name="Newcomer")
    with pytest.raises(ValidationError) as error:
        newcomer.full_clean()
    assert error.value.message_dict == {
        "slug": ["'old-slug' is a former slug of Kept One (kept): it still leads there. Choose another slug."]}
    other = make(slug="other", name="Other")
    with pytest.raises(ValidationError, match="former slug of Kept One"):
        (speaker_update if model is Speaker else topic_update)(other, slug="old-slug")
    assert model.objects.get(pk=other.pk).slug == "other"


@pytest.mark.parametrize("model, make, update", [
    (Speaker, make_speaker, speaker_update), (Topic, make_topic, topic_update)], ids=["speaker", "topic"])
def test_a_renamed_slug_stays_a_former_slug_until_it_is_taken_back(model, make, update):
    row = make(slug="first-name", name="Someone")
    update(row, slug="second-name")
    update(row, slug="third-name")
    assert sorted(row.former_slugs.values_list("slug", flat=True)) == ["first-name", "second-name"]
    assert slugs_resolve(model, ["first-name"])["first-name"].pk == row.pk
    update(row, slug="first-name")  # its own former slug: current again, and no longer a former one
    assert sorted(row.former_slugs.values_list("slug", flat=True)) == ["second-name", "third-name"]
    update(row, name="Someone Else")  # no slug change, no former slug
    assert row.former_slugs.count() == 2


def test_an_annotation_sheet_naming_old_slugs_imports_under_the_kept_ones():
    interview = make_interview(slug="talk")
    old_speaker, kept_speaker = make_speaker(slug="speaker-2-in-talk"), make_speaker(slug="jane-doe")
    old_topic, kept_topic = make_topic(slug="robot-safety"), make_topic(slug="safety")
    speaker_merge(source=old_speaker, target=kept_speaker)
    topic_merge(source=old_topic, target=kept_topic)
    quote = "Neural networks are the next best thing to the shortest program."
    start, end = span_of(interview, quote)
    sheet = {"interview": "talk", "claims": [{"start_char": start, "end_char": end, "quote": quote,
                                              "speaker": "speaker-2-in-talk", "statement": "Networks are next best.",
                                              "topics": ["robot-safety"]}]}
    assert annotations_import(sheet, source="sheet.json") == 1
    claim = Claim.objects.get(interview=interview)
    assert (claim.speaker.slug, list(claim.topics.values_list("slug", flat=True))) == ("jane-doe", ["safety"])
    sheet["claims"][0] |= {"start_char": 0, "end_char": 5, "quote": "Host:", "speaker": "nobody"}
    with pytest.raises(AnnotationSheetError, match="unknown speaker 'nobody'"):
        annotations_import(sheet, source="sheet.json")


def test_hand_marked_turns_naming_an_old_slug_go_to_the_kept_speaker():
    interview = make_interview()
    old, kept = make_speaker(slug="speaker-1-in-x"), make_speaker(slug="harriet")
    speaker_merge(source=old, target=kept)
    assert turns_replace(interview, [(0, 5, "speaker-1-in-x")]) == 1
    assert Turn.objects.get(interview=interview).speaker == kept
    assert slug_map(Speaker)["speaker-1-in-x"] == kept


def test_a_transcript_naming_a_merged_speaker_is_attributed_to_the_kept_one_not_to_a_new_speaker():
    tom, thomas = make_speaker(slug="tom-reyes", name="Tom Reyes"), make_speaker(slug="thomas-reyes", name="Thomas Reyes")
    speaker_merge(source=tom, target=thomas)
    interview, created, _ = interview_ingest_file(data=LABELLED.read_bytes(), source=LABELLED.name, extract=False)
    assert created
    assert not Speaker.objects.filter(slug="tom-reyes").exists()
    assert sorted(interview.participations.values_list("speaker__slug", flat=True)) == ["maria-lopez", "thomas-reyes"]
    assert interview.turns.filter(speaker__slug="thomas-reyes").count() == interview.turns.filter(
        speaker__isnull=False).count() // 2
    assert "Tom Reyes" in Speaker.objects.get(slug="thomas-reyes").aliases


def test_rows_now_finds_what_a_deleted_speaker_was_merged_into():
    a, b, c = make_speaker(slug="gone-a"), make_speaker(slug="gone-b"), make_speaker(slug="stays-c")
    a_pk, b_pk = a.pk, b.pk
    speaker_merge(source=a, target=b)
    speaker_merge(source=b, target=c)
    assert {pk: row.slug for pk, row in rows_now(Speaker, [a_pk, b_pk, c.pk, 10**9]).items()} == {
        a_pk: "stays-c", b_pk: "stays-c", c.pk: "stays-c"}


def test_the_migration_recovers_former_slugs_of_merges_made_before_they_were_recorded():
    import importlib

    from django.apps import apps

    migration = importlib.import_module("claims.migrations.0011_former_slugs_of_earlier_speaker_merges")
    a, b, c = make_speaker(slug="early-a"), make_speaker(slug="early-b"), make_speaker(slug="early-c")
    speaker_merge(source=a, target=b)
    speaker_merge(source=b, target=c)
    gone = make_speaker(slug="early-d")
    speaker_merge(source=gone, target=make_speaker(slug="renamed-later"))
    Speaker.objects.filter(slug="renamed-later").update(slug="elsewhere")
    SpeakerFormerSlug.objects.all().delete()  # as a database merged before this feature
    migration.record_earlier_merges(apps, None)
    assert former(SpeakerFormerSlug) == {"early-a": "early-c", "early-b": "early-c"}


@pytest.mark.parametrize("model, make, merge", [
    (Speaker, make_speaker, speaker_merge), (Topic, make_topic, topic_merge)], ids=["speaker", "topic"])
def test_a_removed_former_slug_leads_nowhere_and_may_be_taken_and_its_removal_is_in_the_history(model, make, merge):
    source, target = make(slug="merged-by-mistake", name="Mistaken"), make(slug="kept", name="Kept One")
    merge(source=source, target=target)
    (speaker_update if model is Speaker else topic_update)(target, slug="kept-renamed")
    assert former_slugs_remove(target, ["merged-by-mistake"]) == ["merged-by-mistake"]
    assert sorted(target.former_slugs.values_list("slug", flat=True)) == ["kept"]
    assert slugs_resolve(model, ["merged-by-mistake", "kept"]) == {"kept": target}
    assert target.history.first().history_change_reason == "former slug merged-by-mistake removed"
    make(slug="merged-by-mistake", name="Mistaken").full_clean()  # free again
    target.save()
    assert target.history.first().history_change_reason is None  # the reason went with its record


def test_removing_a_slug_that_is_not_the_rows_former_slug_is_refused_and_removes_nothing():
    a, b = make_speaker(slug="first-a", name="A"), make_speaker(slug="first-b", name="B")
    speaker_update(a, slug="second-a")
    speaker_update(b, slug="second-b")
    records = a.history.count()
    with pytest.raises(ValidationError) as refused:
        former_slugs_remove(a, ["first-a", "first-b", "nobody"])
    assert refused.value.messages == ["'first-b', 'nobody' are not former slugs of A (second-a); nothing was removed."]
    assert former(SpeakerFormerSlug) == {"first-a": "second-a", "first-b": "second-b"} and a.history.count() == records
