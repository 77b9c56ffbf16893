"""claims_extract: proposals written once, never over curated claims."""
import pytest

from claims.models import Claim, Participation, Prediction, Topic, Turn
from claims.services import claims_extract
from tests.factories import make_claim, make_interview, make_speaker

TEXT = (
    "Host: Welcome to the show. What do you think comes next?\n"
    "Guest: I think reliability will improve a lot within two years. "
    "The reason is that neural networks are the next best thing to the shortest program. "
    "Bigger models trained on more data generalize better than small ones.\n"
)


@pytest.fixture
def interview(db):
    interview = make_interview(source_text=TEXT)
    host, guest = make_speaker(slug="host-x"), make_speaker(slug="guest-y")
    Participation.objects.create(interview=interview, speaker=host, role="host")
    Participation.objects.create(interview=interview, speaker=guest, role="guest")
    cut = TEXT.index("Guest:")
    Turn.objects.create(interview=interview, index=0, speaker=host, start_char=6, end_char=cut - 1)
    Turn.objects.create(interview=interview, index=1, speaker=guest, start_char=cut + 7, end_char=len(TEXT) - 1)
    parent = Topic.objects.create(slug="deep-learning", name="Deep learning", keywords=["neural network", "neural networks"])
    Topic.objects.create(slug="generalization", name="Generalization", parent=parent, keywords=["generalize"])
    Topic.objects.create(slug="reliability-and-hallucination", name="Reliability", keywords=["reliability"])
    return interview


@pytest.mark.django_db
def test_extraction_writes_proposals_with_valid_quotes(interview):
    created = claims_extract(interview, threshold=0.05)
    claims = list(interview.claims.all())
    assert created == len(claims) > 0
    for claim in claims:
        assert claim.status == Claim.Status.PROPOSED and claim.origin == Claim.Origin.EXTRACTED
        assert TEXT[claim.start_char : claim.end_char] == claim.quote
        assert claim.speaker.slug == "guest-y"
        assert claim.extractor_score is not None
        assert 1 <= claim.topics.count() <= 3
    predictions = Prediction.objects.filter(claim__interview=interview)
    assert all(p.claim.claim_type == Claim.Type.PREDICTION for p in predictions)


@pytest.mark.django_db
def test_rerunning_extraction_creates_nothing(interview):
    first = claims_extract(interview, threshold=0.05)
    assert first > 0
    assert claims_extract(interview, threshold=0.05) == 0
    assert interview.claims.count() == first


@pytest.mark.django_db
def test_an_approved_claim_is_never_duplicated(interview):
    guest = interview.participations.get(role="guest").speaker
    approved = make_claim(interview=interview, speaker=guest, quote="I think reliability will improve a lot within two years.",
                          status=Claim.Status.APPROVED)
    claims_extract(interview, threshold=0.05)
    overlapping = [
        c for c in interview.claims.exclude(pk=approved.pk)
        if min(c.end_char, approved.end_char) - max(c.start_char, approved.start_char) > 0
    ]
    assert overlapping == []


@pytest.mark.django_db
def test_an_interview_without_turns_gets_no_proposals(db):
    assert claims_extract(make_interview()) == 0


@pytest.mark.django_db
def test_the_commands_extract_and_evaluate(interview):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("extract_claims", "--interview", interview.slug, "--threshold", "0.05", stdout=out)
    assert f"{interview.slug}: " in out.getvalue()
    out = StringIO()
    call_command("evaluate_extraction", "--interview", interview.slug, "--json", stdout=out)
    assert '"overall"' in out.getvalue()


@pytest.mark.django_db
def test_bulk_written_proposals_have_history_topics_and_predictions(interview):
    created = claims_extract(interview, threshold=0.05)
    claims = list(interview.claims.all())
    assert created == len(claims) > 0
    for claim in claims:
        assert claim.history.filter(history_type="+").count() == 1
        record = claim.history.get(history_type="+")
        assert sorted(t.topic_id for t in record.topics.all()) == sorted(t.pk for t in claim.topics.all())
        assert claim.date == interview.published
    flagged = [c for c in claims if c.claim_type == Claim.Type.PREDICTION]
    assert len(flagged) == Prediction.objects.filter(claim__interview=interview).count()
    for claim in flagged:
        assert claim.prediction.history.count() == 1 and claim.prediction.predicted


@pytest.mark.django_db
def test_bulk_written_history_rows_copy_every_value_and_record_the_requests_user(interview, django_user_model, rf):
    from simple_history.models import HistoricalRecords

    curator = django_user_model.objects.create_user("curator")
    request = rf.post("/admin/")
    request.user = curator
    HistoricalRecords.context.request = request
    try:
        claims_extract(interview, threshold=0.05)
    finally:
        del HistoricalRecords.context.request
    claims = list(interview.claims.all())
    assert claims
    tracked = [f.attname for f in Claim.history.model.tracked_fields]
    for claim in claims:
        record = claim.history.get()
        assert {name: getattr(record, name) for name in tracked} == {name: getattr(claim, name) for name in tracked}
        assert (record.history_type, record.history_user, record.history_change_reason) == ("+", curator, None)
        assert record.history_date == claim.created_at == claim.updated_at
    predictions = list(Prediction.objects.filter(claim__interview=interview))
    for prediction in predictions:
        record = prediction.history.get()
        assert (record.predicted, record.horizon, record.target_start, record.target_end, record.claim_id) == (
            prediction.predicted, prediction.horizon, prediction.target_start, prediction.target_end, prediction.claim_id)
        assert record.history_user == curator


@pytest.mark.django_db
def test_bulk_written_proposals_take_their_time_from_the_turns(interview):
    from claims.services import _set_time_from_turns

    Turn.objects.filter(interview=interview, index=0).update(start_seconds=10.0)
    Turn.objects.filter(interview=interview, index=1).update(start_seconds=40.0, seconds_estimated=False)
    Turn.objects.create(interview=interview, index=2, start_char=len(TEXT) - 1, end_char=len(TEXT), start_seconds=100.0)
    claims_extract(interview, threshold=0.05)
    claims = list(interview.claims.all())
    assert claims and all(c.start_seconds is not None for c in claims)
    for claim in claims:
        expected = Claim(interview=interview, start_char=claim.start_char, end_char=claim.end_char)
        _set_time_from_turns(expected)  # the per-claim rule the bulk writer computes in memory
        assert (claim.start_seconds, claim.seconds_estimated) == (expected.start_seconds, expected.seconds_estimated)


@pytest.mark.django_db
def test_a_proposal_half_inside_an_existing_claim_is_skipped_and_others_are_kept(interview):
    first = claims_extract(interview, threshold=0.05)
    spans = sorted(interview.claims.values_list("start_char", "end_char"))
    interview.claims.exclude(start_char=spans[0][0]).delete()
    assert claims_extract(interview, threshold=0.05) == first - 1
    assert sorted(interview.claims.values_list("start_char", "end_char")) == spans


def test_the_span_index_finds_clashes_by_half_of_either_span():
    from claims.services import _SpanIndex

    index = _SpanIndex([(0, 100), (200, 210), (150, 400)])
    assert index.clashes(10, 60)  # half of the new span inside (0, 100)
    assert not index.clashes(90, 190)  # 10 of 100 and 10 of 100: apart enough
    assert index.clashes(205, 209)  # inside a short one nested in a long one
    assert not index.clashes(400, 500)
    index.add(600, 700)
    assert index.clashes(650, 690) and not index.clashes(700, 800)
    with pytest.raises(ValueError):
        index.add(500, 550)
