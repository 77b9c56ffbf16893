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


def test_speakers_named_by_their_part_are_each_interviews_own_and_named_people_are_shared():
    # two diarised exports ("Speaker 1", "Speaker 2") and an unlabelled talk (attribution's "Host" and
    # "Guest"): before, every "Speaker 1" in the database was one Speaker, mixing strangers' claims
    from claims.services import interview_prepare

    first = b"Speaker 1: Welcome. What do you build?\n\nSpeaker 2: Compilers, mostly.\n\nSpeaker 1: Why?\n"
    second = b"Speaker 1: Hello there. Where are you?\n\nSpeaker 2: In Lisbon.\n\nSpeaker 1: Nice.\n"
    named = b"Ann Lee: Hi. What do you grow?\n\nSpeaker 2: Olives.\n\nAnn Lee: Good.\n"
    for data, name in ((first, "ep-1.txt"), (second, "ep-2.txt"), (named, "ep-3.txt"), (first, "ep-1.txt")):
        interview_ingest(annotated=interview_prepare(data, source=name))
    assert sorted(Speaker.objects.values_list("slug", "name")) == [
        ("ann-lee", "Ann Lee"),
        ("speaker-1-in-ep-1", "Speaker 1"), ("speaker-1-in-ep-2", "Speaker 1"),
        ("speaker-2-in-ep-1", "Speaker 2"), ("speaker-2-in-ep-2", "Speaker 2"), ("speaker-2-in-ep-3", "Speaker 2")]
    assert {t.speaker.slug for t in Interview.objects.get(slug="ep-2").turns.all()} == {"speaker-1-in-ep-2", "speaker-2-in-ep-2"}
    unlabelled = b"We talked about olives and the long harvest. Why olives? Because my father grew them.\n"
    interview, _ = interview_ingest(annotated=interview_prepare(unlabelled, source="talk.txt"))
    assert {p.speaker.slug for p in interview.participations.all()} <= {"host-in-talk", "guest-in-talk"}


def test_a_one_word_label_is_the_interviews_own_unless_the_metadata_names_it():
    # "Brian:" in two podcasts is two people; "--host Brian" says this Brian is the known one
    from claims.services import interview_prepare

    data = b"Brian: Welcome. What do you build?\n\nJW: Compilers, mostly.\n\nBrian: Why?\n\nJW: Speed.\n"
    slugs = {s.name: s.slug for s in interview_prepare(data, source="go-1.txt").speakers}
    assert slugs == {"Brian": "brian-in-go-1", "JW": "jw-in-go-1"}
    named = interview_prepare(data, source="go-2.txt", metadata=Metadata(hosts=("Brian",), guests=("Jo Wu",)))
    assert {s.name: s.slug for s in named.speakers} == {"Brian": "brian", "Jo Wu": "jo-wu"}  # "JW": Jo Wu's initials


@pytest.mark.parametrize("name, part", [
    ("Speaker 1", True), ("SPEAKER_00", True), ("Unknown Speaker", True), ("Q", True), ("Interviewer B", True),
    ("UNIDENTIFIED MALE", True), ("Host", True), ("Entrevistadora", True), ("Participant (P3)", True),
    ("Manuel", False), ("Hostetler", False), ("Ann Host", False), ("Personal", False), ("Lex Fridman", False),
])
def test_a_part_name_is_told_from_a_persons(name, part):
    from claims.ingest.attribute import _PART_NAME

    assert bool(_PART_NAME.fullmatch(name)) is part
