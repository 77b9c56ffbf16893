import datetime as dt
import hashlib

import pytest

from claims.ingest.records import AnnotatedInterview, Chapter, Metadata, SpeakerRecord, Turn
from claims.models import Claim, Interview, Speaker
from claims.services import AnnotationSheetError, IngestConflict, annotations_import, interview_ingest

from .factories import make_speaker, make_topic, span_of

pytestmark = pytest.mark.django_db

TEXT = "Host: What comes next?\nGuest: I think models will get more reliable.\n"


def annotated(text=TEXT, slug="a-talk", **meta) -> AnnotatedInterview:
    return AnnotatedInterview(
        source_text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        source_name="talk.txt",
        format="labelled",
        metadata=Metadata(slug=slug, title="A talk", show="Show", published=dt.date(2023, 5, 1),
                          published_precision="month", hosts=("Host Person",), guests=("Guest Person",), **meta),
        speakers=(SpeakerRecord("Host Person", "host-person", "host", ("Host",)),
                  SpeakerRecord("Guest Person", "guest-person", "guest", ("Guest", "Gest"))),
        turns=(Turn(0, 0, 23, "host-person", 0.0, False), Turn(1, 23, len(text), "guest-person", 3.0, True)),
        chapters=(Chapter("Opening", 0, 0),),
    )


def test_ingesting_writes_interview_speakers_participants_chapters_and_turns():
    interview, created = interview_ingest(annotated=annotated())
    assert created
    assert (interview.published, interview.published_precision) == (dt.date(2023, 5, 1), "month")
    assert interview.source_text == TEXT
    assert [(p.speaker.slug, p.role) for p in interview.participations.order_by("role")] == [
        ("guest-person", "guest"), ("host-person", "host")]
    assert list(interview.turns.values_list("index", "speaker__slug", "start_seconds", "seconds_estimated")) == [
        (0, "host-person", 0.0, False), (1, "guest-person", 3.0, True)]
    assert interview.chapters.get().title == "Opening"
    assert Speaker.objects.get(slug="guest-person").aliases == ["Guest", "Gest"]


def test_reingesting_the_same_source_changes_nothing():
    first, _ = interview_ingest(annotated=annotated())
    again, created = interview_ingest(annotated=annotated(slug="other-slug"))
    assert not created and again.pk == first.pk
    assert Interview.objects.count() == 1


def test_a_taken_slug_with_another_source_is_refused_and_writes_nothing():
    interview_ingest(annotated=annotated())
    with pytest.raises(IngestConflict, match="'a-talk' already exists"):
        interview_ingest(annotated=annotated(text=TEXT + "More.\n"))
    assert Interview.objects.count() == 1


def test_ingesting_adds_new_aliases_to_known_speakers():
    make_speaker(slug="guest-person", name="Guest Person", aliases=["GP"])
    interview_ingest(annotated=annotated())
    assert Speaker.objects.get(slug="guest-person").aliases == ["GP", "Guest", "Gest"]


def test_new_speakers_are_created_with_one_history_record_each():
    interview_ingest(annotated=annotated())
    for slug, aliases in (("host-person", ["Host"]), ("guest-person", ["Guest", "Gest"])):
        records = list(Speaker.history.filter(slug=slug).values_list("history_type", "aliases"))
        assert records == [("+", aliases)]
    assert list(Speaker.objects.order_by("pk").values_list("slug", flat=True)) == ["host-person", "guest-person"]


def test_a_known_speaker_is_reused_and_only_its_new_aliases_are_recorded():
    # the INSERT that creates new speakers skips taken slugs (as when a concurrent ingestion
    # created the speaker after this one looked): the known row is used, not duplicated
    other = make_speaker(slug="guest-person", name="Guest Person", aliases=["Gest"])
    interview, created = interview_ingest(annotated=annotated())
    assert created
    assert interview.participations.get(role="guest").speaker_id == other.pk
    assert Speaker.objects.filter(slug="guest-person").count() == 1
    assert Speaker.objects.get(slug="guest-person").aliases == ["Gest", "Guest"]
    assert [r.history_type for r in Speaker.history.filter(slug="guest-person").order_by("history_id")] == ["+", "~"]
    assert [r.history_type for r in Speaker.history.filter(slug="host-person")] == ["+"]


def test_a_slug_taken_by_another_source_leaves_no_speaker_behind():
    interview_ingest(annotated=annotated())
    Speaker.objects.filter(slug="guest-person").update(slug="renamed")
    with pytest.raises(IngestConflict):
        interview_ingest(annotated=annotated(text=TEXT + "More.\n"))
    assert not Speaker.objects.filter(slug="guest-person").exists()


def sheet_for(interview, **claim):
    quote = "I think models will get more reliable."
    start, end = span_of(interview, quote)
    row = {"start_char": start, "end_char": end, "quote": quote, "speaker": "guest-person",
           "statement": "The guest thinks models will get more reliable.", "topics": ["reliability"],
           "claim_type": "prediction", "hedged": True,
           "prediction": {"predicted": "Models get more reliable.", "horizon": "", "target_start": None,
                          "target_end": None, "status": "open", "resolved_on": None,
                          "resolution_note": "", "evidence_link": ""}} | claim
    return {"interview": interview.slug, "claims": [row]}


def test_an_annotation_sheet_imports_approved_manual_claims_once():
    interview, _ = interview_ingest(annotated=annotated())
    make_topic(slug="reliability")
    assert annotations_import(sheet_for(interview), source="s.json") == 1
    assert annotations_import(sheet_for(interview), source="s.json") == 0
    claim = Claim.objects.get()
    assert (claim.status, claim.origin, claim.hedged, claim.date) == ("approved", "manual", True, dt.date(2023, 5, 1))
    assert claim.prediction.status == "open"
    assert claim.start_seconds == 3.0 and claim.seconds_estimated


@pytest.mark.parametrize(
    "override, message",
    [
        ({"speaker": "nobody"}, "unknown speaker 'nobody'"),
        ({"topics": ["nope"]}, "unknown topic"),
        ({"quote": "I think models will get less reliable."}, "does not match"),
        ({"claim_type": "opinion"}, "Only a claim of type 'prediction'"),
    ],
)
def test_a_bad_annotation_sheet_names_the_claim_and_writes_nothing(override, message):
    interview, _ = interview_ingest(annotated=annotated())
    make_topic(slug="reliability")
    with pytest.raises(AnnotationSheetError, match=message) as error:
        annotations_import(sheet_for(interview, **override), source="s.json")
    assert str(error.value).startswith("s.json: claim 1 [")
    assert not Claim.objects.exists()
