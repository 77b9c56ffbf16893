"""Every write to the database goes through here, each inside one transaction."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction

from .ingest.records import AnnotatedInterview
from .models import Chapter, Claim, Interview, Participation, Prediction, Speaker, Topic, Turn

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


class AnnotationSheetError(ValueError):
    """An annotation sheet that cannot be imported: names the sheet, the claim and the reason."""


def _sheet_date(value, *, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise AnnotationSheetError(f"{where}: {value!r} is not an ISO date") from None


@transaction.atomic
def annotations_import(sheet: dict, *, source: str, status: str = Claim.Status.APPROVED) -> int:
    """Write the claims of one annotation sheet (see docs/curation.md) as manual claims; return how many.

    A claim whose span already holds a claim is skipped, so importing a sheet twice changes nothing.
    Any bad claim stops the import of the whole sheet.
    """
    try:
        interview = Interview.objects.get(slug=sheet["interview"])
    except (KeyError, TypeError):
        raise AnnotationSheetError(f"{source}: the sheet names no interview") from None
    except Interview.DoesNotExist:
        raise AnnotationSheetError(f"{source}: no interview with slug {sheet['interview']!r}; ingest it first") from None
    speakers = {speaker.slug: speaker for speaker in Speaker.objects.all()}
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    existing = set(interview.claims.values_list("start_char", "end_char"))
    created = 0
    for number, row in enumerate(sheet.get("claims", []), start=1):
        where = f"{source}: claim {number} [{row.get('start_char')}:{row.get('end_char')}]"
        if (row.get("start_char"), row.get("end_char")) in existing:
            continue
        speaker = speakers.get(row.get("speaker"))
        if speaker is None:
            raise AnnotationSheetError(f"{where}: unknown speaker {row.get('speaker')!r}")
        unknown = [slug for slug in row.get("topics", []) if slug not in topics]
        if unknown:
            raise AnnotationSheetError(f"{where}: unknown topic(s) {', '.join(unknown)}")
        prediction = row.get("prediction")
        if prediction is not None:
            prediction = dict(prediction)
            for name in ("target_start", "target_end", "resolved_on"):
                prediction[name] = _sheet_date(prediction.get(name), where=where)
            prediction = {name: value for name, value in prediction.items() if value is not None}
        try:
            claim_create(
                interview=interview, speaker=speaker, quote=row.get("quote"),
                start_char=row["start_char"], end_char=row["end_char"], statement=row.get("statement", ""),
                topics=[topics[slug] for slug in row.get("topics", [])],
                claim_type=row.get("claim_type", Claim.Type.OPINION), hedged=bool(row.get("hedged", False)),
                status=status, origin=Claim.Origin.MANUAL, curator_notes=row.get("notes", ""),
                prediction=prediction,
            )
        except ValidationError as error:
            details = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())
            raise AnnotationSheetError(f"{where}: {details}") from None
        except KeyError as error:
            raise AnnotationSheetError(f"{where}: missing field {error.args[0]!r}") from None
        existing.add((row["start_char"], row["end_char"]))
        created += 1
    return created


class IngestConflict(ValueError):
    """An interview that cannot be written: its slug is taken by a different source."""


@transaction.atomic
def interview_ingest(*, annotated: AnnotatedInterview) -> tuple[Interview, bool]:
    """Write an ingested interview with its speakers, participants, chapters and turns.

    Returns (interview, created). The same source (same sha256) is a no-op returning the stored
    interview. Speakers are matched by slug and gain the spellings the source used as aliases.
    """
    existing = Interview.objects.filter(sha256=annotated.sha256).first()
    if existing is not None:
        return existing, False
    meta = annotated.metadata
    if Interview.objects.filter(slug=meta.slug).exists():
        raise IngestConflict(
            f"an interview with slug {meta.slug!r} already exists with a different source text; "
            "give this one another slug"
        )
    speakers = {record.slug: _speaker_upsert(record) for record in annotated.speakers}
    interview = Interview.objects.create(
        slug=meta.slug, title=meta.title, show=meta.show, link=meta.link, video_id=meta.video_id,
        published=meta.published, published_precision=meta.published_precision if meta.published else "",
        duration_seconds=meta.duration_seconds, source_format=annotated.format,
        source_name=annotated.source_name, source_text=annotated.source_text, sha256=annotated.sha256,
    )
    Participation.objects.bulk_create(
        Participation(interview=interview, speaker=speakers[record.slug], role=record.role)
        for record in annotated.speakers
    )
    Chapter.objects.bulk_create(
        Chapter(interview=interview, index=index, title=chapter.title,
                start_seconds=chapter.start_seconds, start_char=chapter.start_char)
        for index, chapter in enumerate(annotated.chapters)
    )
    Turn.objects.bulk_create(
        (
            Turn(interview=interview, index=turn.index, speaker=speakers.get(turn.speaker_slug),
                 start_char=turn.start_char, end_char=turn.end_char,
                 start_seconds=turn.start_seconds, seconds_estimated=turn.seconds_estimated)
            for turn in annotated.turns
        ),
        batch_size=1000,
    )
    return interview, True


def _speaker_upsert(record) -> Speaker:
    speaker, _ = Speaker.objects.get_or_create(slug=record.slug, defaults={"name": record.name})
    new_aliases = [alias for alias in record.aliases if alias not in speaker.aliases and alias != speaker.name]
    if new_aliases:
        speaker.aliases = [*speaker.aliases, *new_aliases]
        speaker.save(update_fields=["aliases"])
    return speaker
