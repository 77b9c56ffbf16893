"""Every write to the database goes through here, each inside one transaction."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction

from .models import Claim, Interview, Prediction, Speaker, Topic

PREDICTION_FIELDS = (
    "predicted", "horizon", "target_start", "target_end",
    "status", "resolved_on", "resolution_note", "evidence_link",
)


def _set_prediction(claim: Claim, prediction: dict | None) -> Prediction | None:
    """Create, update or remove the prediction of a claim that is already saved."""
    existing = Prediction.objects.filter(claim=claim).first()
    if prediction is None:
        if existing is not None and claim.claim_type != Claim.Type.PREDICTION:
            existing.delete()
        return None if claim.claim_type != Claim.Type.PREDICTION else existing
    if claim.claim_type != Claim.Type.PREDICTION:
        raise ValidationError(
            {"prediction": f"Only a claim of type 'prediction' can carry a prediction; this one is '{claim.claim_type}'."}
        )
    unknown = set(prediction) - set(PREDICTION_FIELDS)
    if unknown:
        raise ValidationError({"prediction": f"Unknown prediction fields: {', '.join(sorted(unknown))}."})
    target = existing or Prediction(claim=claim)
    for name, value in prediction.items():
        setattr(target, name, value)
    target.full_clean()
    target.save()
    return target


@transaction.atomic
def claim_create(
    *,
    interview: Interview,
    speaker: Speaker,
    start_char: int,
    end_char: int,
    statement: str,
    quote: str | None = None,
    topics: Iterable[Topic] = (),
    prediction: dict | None = None,
    **fields,
) -> Claim:
    """Write one claim (and its prediction) after checking that the quote is the text at its offsets.

    When `quote` is omitted it is taken from the source text at the offsets.
    """
    if quote is None and 0 <= start_char < end_char <= len(interview.source_text):
        quote = interview.source_text[start_char:end_char]
    claim = Claim(
        interview=interview, speaker=speaker, start_char=start_char, end_char=end_char,
        quote=quote or "", statement=statement, **fields,
    )
    if "start_seconds" not in fields:
        _set_time_from_turns(claim)
    claim.full_clean()
    claim.save()
    claim.topics.set(list(topics))
    _set_prediction(claim, prediction)
    return claim


@transaction.atomic
def claim_update(claim: Claim, *, topics: Iterable[Topic] | None = None, prediction: dict | None = None, **fields) -> Claim:
    """Change a claim's fields, topics and prediction; the same checks as on creation."""
    for name, value in fields.items():
        setattr(claim, name, value)
    if {"start_char", "end_char"} & set(fields) and "quote" not in fields:
        claim.quote = claim.interview.source_text[claim.start_char:claim.end_char]
    if prediction is None and claim.claim_type != Claim.Type.PREDICTION:
        Prediction.objects.filter(claim=claim).delete()
        claim._state.fields_cache.pop("prediction", None)
    claim.full_clean()
    claim.save()
    if topics is not None:
        claim.topics.set(list(topics))
    if prediction is not None:
        _set_prediction(claim, prediction)
    return claim


@transaction.atomic
def prediction_resolve(
    prediction: Prediction,
    *,
    status: str,
    resolved_on: dt.date | None = None,
    resolution_note: str = "",
    evidence_link: str = "",
) -> Prediction:
    """Record how a prediction turned out (or reopen it with status 'open')."""
    prediction.status = status
    if status == Prediction.Status.OPEN:
        prediction.resolved_on = None
    else:
        prediction.resolved_on = resolved_on or dt.date.today()
    prediction.resolution_note = resolution_note
    prediction.evidence_link = evidence_link
    prediction.full_clean()
    prediction.save()
    return prediction


def _set_time_from_turns(claim: Claim) -> None:
    """A claim starts at the time of the turn it falls in (estimated when the turn's time is)."""
    turn = (
        claim.interview.turns.filter(start_char__lte=claim.start_char, end_char__gt=claim.start_char)
        .only("start_seconds", "seconds_estimated")
        .first()
        if claim.interview_id
        else None
    )
    if turn is not None and turn.start_seconds is not None:
        claim.start_seconds = turn.start_seconds
        claim.seconds_estimated = turn.seconds_estimated
