import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from claims.models import Chapter, Claim, Interview, Participation, Prediction, Speaker, Topic, Turn
from claims.services import claim_create, claim_update, prediction_resolve

from .factories import make_claim, make_interview, make_speaker, make_topic, span_of

pytestmark = pytest.mark.django_db


def test_a_claim_whose_quote_is_not_the_text_at_its_offsets_is_rejected():
    interview = make_interview()
    start, end = span_of(interview, "I think reliability will improve")
    with pytest.raises(ValidationError) as error:
        claim_create(
            interview=interview, speaker=make_speaker(), start_char=start, end_char=end,
            quote="I think reliability will decline", statement="x",
        )
    message = error.value.message_dict["quote"][0]
    assert "does not match" in message and "'I think reliability will improve'" in message
    assert not Claim.objects.exists()


def test_offsets_past_the_end_of_the_transcript_are_rejected():
    interview = make_interview()
    n = len(interview.source_text)
    with pytest.raises(ValidationError, match="run past the end"):
        claim_create(interview=interview, speaker=make_speaker(), start_char=n - 2, end_char=n + 5,
                     quote="x", statement="x")


def test_clean_checks_the_quote_for_claims_saved_any_other_way():
    claim = make_claim()
    claim.quote = claim.quote.upper()
    with pytest.raises(ValidationError, match="does not match"):
        claim.full_clean()


def test_quote_is_taken_from_the_offsets_when_omitted():
    interview = make_interview()
    start, end = span_of(interview, "Neural networks are the next best thing")
    claim = claim_create(interview=interview, speaker=make_speaker(), start_char=start, end_char=end, statement="s")
    assert claim.quote == "Neural networks are the next best thing"
    assert claim.quote == interview.source_text[claim.start_char:claim.end_char]


def test_empty_or_reversed_span_is_rejected_by_the_database():
    claim = make_claim()
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.filter(pk=claim.pk).update(end_char=claim.start_char)


def test_the_same_span_cannot_hold_two_claims():
    claim = make_claim()
    with pytest.raises(ValidationError):
        make_claim(interview=claim.interview, speaker=claim.speaker)
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.create(
            interview=claim.interview, speaker=claim.speaker, quote=claim.quote,
            start_char=claim.start_char, end_char=claim.end_char, statement="dup",
        )


def test_the_same_source_is_never_stored_twice():
    interview = make_interview()
    with pytest.raises(IntegrityError), transaction.atomic():
        make_interview(source_text=interview.source_text)


def test_a_claim_takes_its_interviews_published_date():
    claim = make_claim()
    assert claim.date == claim.interview.published == dt.date(2023, 3, 27)


def test_a_published_date_needs_its_precision():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_interview(published=dt.date(2023, 1, 1), published_precision="")
    interview = make_interview(published=None, published_precision="")
    assert interview.published is None


def test_only_prediction_claims_carry_a_prediction():
    with pytest.raises(ValidationError, match="Only a claim of type 'prediction'"):
        make_claim(claim_type="opinion", prediction={"predicted": "It improves."})
    assert not Claim.objects.exists()
    claim = make_claim(
        claim_type="prediction",
        prediction={"predicted": "Reliability improves a lot.", "horizon": "within two years",
                    "target_start": dt.date(2023, 3, 27), "target_end": dt.date(2025, 3, 27)},
    )
    assert claim.prediction.horizon == "within two years"
    with pytest.raises(ValidationError):
        claim_update(claim, claim_type="opinion", prediction={"predicted": "still"})
    claim_update(claim, claim_type="opinion")
    assert not Prediction.objects.filter(claim=claim).exists()


def test_a_prediction_target_range_must_be_ordered():
    with pytest.raises(ValidationError, match="ends before it starts"):
        make_claim(claim_type="prediction", prediction={
            "predicted": "p", "target_start": dt.date(2026, 1, 1), "target_end": dt.date(2025, 1, 1)})


def test_resolving_a_prediction_records_status_date_and_evidence():
    claim = make_claim(claim_type="prediction", prediction={"predicted": "p", "horizon": "within two years"})
    resolved = prediction_resolve(
        claim.prediction, status="came_true", resolved_on=dt.date(2026, 1, 2),
        resolution_note="It did.", evidence_link="https://example.org/evidence",
    )
    resolved.refresh_from_db()
    assert (resolved.status, resolved.resolved_on) == ("came_true", dt.date(2026, 1, 2))
    reopened = prediction_resolve(resolved, status="open")
    assert reopened.resolved_on is None
    with pytest.raises(ValidationError):
        prediction_resolve(resolved, status="no_such_status")


def test_a_topic_cannot_be_its_own_ancestor():
    parent = make_topic()
    child = make_topic(parent=parent)
    parent.parent = child
    with pytest.raises(ValidationError, match="own ancestor"):
        parent.full_clean()


def test_a_claim_starts_at_the_time_of_its_turn():
    interview = make_interview()
    start, end = span_of(interview, "I think reliability will improve")
    Turn.objects.create(interview=interview, index=0, start_char=0, end_char=start, start_seconds=0.0)
    Turn.objects.create(interview=interview, index=1, start_char=start, end_char=len(interview.source_text),
                        start_seconds=12.5, seconds_estimated=True)
    claim = make_claim(interview=interview)
    assert (claim.start_seconds, claim.seconds_estimated) == (12.5, True)


@pytest.mark.parametrize("model", [Speaker, Topic, Interview, Participation, Chapter, Turn, Claim, Prediction])
def test_natural_keys_round_trip(model):
    claim = make_claim(claim_type="prediction", prediction={"predicted": "p"})
    interview = claim.interview
    make_topic(parent=make_topic())
    Participation.objects.create(interview=interview, speaker=claim.speaker, role="guest")
    Chapter.objects.create(interview=interview, index=0, title="Intro", start_seconds=0, start_char=0)
    Turn.objects.create(interview=interview, index=0, start_char=0, end_char=10, speaker=claim.speaker)
    for row in model.objects.all():
        key = row.natural_key()
        assert model.objects.get_by_natural_key(*key) == row



def test_a_claim_inside_a_turn_gets_a_time_interpolated_towards_the_next_turn():
    interview = make_interview()
    text = interview.source_text
    start, end = span_of(interview, "Neural networks are the next best thing")
    guest_starts = text.index("Guest:")
    Turn.objects.create(interview=interview, index=0, start_char=0, end_char=guest_starts, start_seconds=0.0)
    Turn.objects.create(interview=interview, index=1, start_char=guest_starts, end_char=end, start_seconds=10.0)
    Turn.objects.create(interview=interview, index=2, start_char=end, end_char=len(text), start_seconds=30.0)
    claim = make_claim(interview=interview, quote="Neural networks are the next best thing")
    expected = round(10.0 + (start - guest_starts) / (end - guest_starts) * 20.0, 1)
    assert (claim.start_seconds, claim.seconds_estimated) == (expected, True)
