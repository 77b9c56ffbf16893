"""Every write to the database goes through here, each inside one transaction."""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from simple_history.utils import bulk_create_with_history

from .bulk import copy_rows
from .corrections import CorrectionError, spoken_by, word_stretch
from .ingest import pipeline
from .ingest.attribute import names_a_part
from .ingest.errors import IngestError
from .ingest.docx import is_zip
from .ingest.pdf import is_pdf
from .ingest.read import decode_document
from .ingest.records import AnnotatedInterview, Metadata
from .ingest.records import Chapter as ChapterRecord
from .ingest.records import Turn as TurnRecord
from .ingest.timing import estimate_times
from .models import (
    Chapter, Claim, Interview, Participation, Prediction, Speaker, Topic, Turn, after_today, quote_mismatch,
)
from .selectors import FORMER_SLUGS, former_slug_targets, interview_stored, slug_map

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
def claim_update(
    claim: Claim, *, topics: Iterable[Topic] | None = None, prediction: dict | None = None,
    drop_prediction: bool = False, **fields,
) -> Claim:
    """Change a claim's fields, topics and prediction (`drop_prediction`: remove it, unless it was
    resolved); the same checks as on creation."""
    for name, value in fields.items():
        setattr(claim, name, value)
    if {"start_char", "end_char"} & set(fields) and "quote" not in fields:
        claim.quote = claim.interview.source_text[claim.start_char:claim.end_char]
    if prediction is None and (drop_prediction or claim.claim_type != Claim.Type.PREDICTION):
        existing = Prediction.objects.filter(claim=claim).first()
        if existing is not None:
            _refuse_dropping_a_resolution(claim, existing)
            existing.delete()
        claim._state.fields_cache.pop("prediction", None)
    claim.full_clean()
    claim.save()
    if topics is not None:
        claim.topics.set(list(topics))
    if prediction is not None:
        _set_prediction(claim, prediction)
    return claim


def _refuse_dropping_a_resolution(claim: Claim, resolved: Prediction) -> None:
    """A claim that is no longer a prediction loses its prediction; where a curator has recorded how it
    turned out, that is refused rather than done silently (history would keep it, but nobody looks there)."""
    if resolved.status != Prediction.Status.OPEN:
        on = f" on {resolved.resolved_on.isoformat()}" if resolved.resolved_on else ""
        if claim.claim_type == Claim.Type.PREDICTION:  # asked to remove it
            raise ValidationError({"prediction": (
                f"This prediction was resolved ({resolved.get_status_display()}{on}); reopen it (status 'open') "
                "first if it should go.")})
        raise ValidationError({"claim_type": (
            f"This claim's prediction was resolved ({resolved.get_status_display()}{on}); a claim of type "
            f"'{claim.claim_type}' cannot keep it. Reopen the prediction (status 'open') first if it should go.")})


@transaction.atomic
def claim_delete(claim: Claim) -> None:
    """Delete a claim and its prediction (history keeps both)."""
    Prediction.objects.filter(claim=claim).delete()
    claim.delete()


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
    """A claim's time: its turn's start, moved forward by its position in the turn when the next
    turn's time is known (linear in characters, so marked estimated)."""
    if claim.interview_id is None:
        return
    turns = claim.interview.turns.only("start_char", "end_char", "start_seconds", "seconds_estimated")
    turn = turns.filter(start_char__lte=claim.start_char, end_char__gt=claim.start_char).first()
    if turn is None or turn.start_seconds is None:
        return
    claim.start_seconds, claim.seconds_estimated = turn.start_seconds, turn.seconds_estimated
    if claim.start_char == turn.start_char:
        return
    following = turns.filter(start_char__gte=turn.end_char, start_seconds__isnull=False).order_by("start_char").first()
    if following is not None and following.start_seconds > turn.start_seconds:
        share = (claim.start_char - turn.start_char) / (following.start_char - turn.start_char)
        claim.start_seconds = round(turn.start_seconds + share * (following.start_seconds - turn.start_seconds), 1)
    claim.seconds_estimated = True


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
    # a sheet written before a merge names the merged speaker or topic by its old slug: it names the kept one
    speakers, topics = slug_map(Speaker), slug_map(Topic)
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
    """An interview that cannot be written: its slug is taken by a different source (or, a VideoConflict,
    its video is another source's interview)."""


class VideoConflict(IngestConflict):
    """An interview that cannot be written: its video is another source's interview. No slug lets it in."""


def slug_taken_message(slug: str, holder_source: str) -> str:
    """Why a source cannot take `slug`: another transcript (named by its file) holds it."""
    held_by = f" (from {holder_source})" if holder_source else ""
    return (f"an interview with slug {slug!r} already exists{held_by} with a different source text; "
            "give this one another slug")


def video_taken_message(video: str, slug: str, holder_source: str, claims: int | None) -> str:
    """Why a source of `video` is not written: the interview `slug` (from the file `holder_source`, with
    `claims` claims; None where not known yet) is that video's already."""
    kept = f"{slug!r} is kept as it is" if claims is None else f"{slug!r} and its {claims} claim(s) are kept as they are"
    return (f"video {video} is stored already, as {slug!r} from {holder_source} with other bytes; one video is one "
            f"interview: this file wrote nothing, and {kept}")


def video_conflict(video: str, *, field: str = "video_id") -> VideoConflict | None:
    """The refusal of another interview of `video` (a video id, or with `field="link"` a link), None where none is stored."""
    stored = Interview.objects.filter(**{field: video}).order_by("pk").first() if video else None
    if stored is None:
        return None
    return VideoConflict(video_taken_message(video, stored.slug, stored.source_name, stored.claims.count()))


class IngestFailed(ValueError):
    """A source the pipeline refused; `errors` holds every IngestError, one line each."""

    def __init__(self, errors):
        self.errors = tuple(errors)
        super().__init__("; ".join(str(error) for error in self.errors))


def interview_prepare(
    data: bytes, *, source: str, fmt: str | None = None, metadata: Metadata | None = None,
    max_bytes: int | None = None, chapters: tuple[ChapterRecord, ...] = (),
) -> AnnotatedInterview:
    """Raw bytes in (a file as read or uploaded), the pipeline's AnnotatedInterview out; writes nothing.
    `chapters`: the video's, from beside the file (a yt-dlp info file), where the text lists none.

    Raises IngestError for a file that cannot be read as text, IngestFailed for one the pipeline refuses.
    """
    from django.conf import settings

    limit = settings.INGEST_MAX_BYTES if max_bytes is None else max_bytes
    if len(data) > limit:
        raise IngestError(source, None, f"file is {len(data)} bytes, over the size limit of {limit} bytes")
    text, file_metadata = decode_document(data, source=source)
    annotated = pipeline.run(text, source=source, fmt=fmt, metadata=metadata, sha256=hashlib.sha256(data).hexdigest(),
                             file_metadata=file_metadata, chapters=chapters)
    if annotated.errors:
        raise IngestFailed(annotated.errors)
    # from a manifest or the file itself
    refusal = after_today(annotated.metadata.published, "Published", precision=annotated.metadata.published_precision)
    if refusal:
        raise IngestError(source, None, refusal)
    container = _binary_container(data)
    return replace(annotated, container=container) if container else annotated


def _binary_container(data: bytes) -> str:
    return "docx" if is_zip(data) else "pdf" if is_pdf(data) else ""


def source_container(data: bytes, *, source: str) -> str:
    """What held a transcript's text ("pdf", "docx", "html", "json", ...; "" for text as it is), read
    without running the pipeline: for a file stored before, whose reading is in the database."""
    binary = _binary_container(data)
    if binary:
        return binary
    try:
        text, _ = decode_document(data, source=source)
    except IngestError:
        return ""
    return pipeline.document_container(text, source=source)


@transaction.atomic
def interview_ingest_file(
    *, data: bytes, source: str, fmt: str | None = None, metadata: Metadata | None = None,
    max_bytes: int | None = None, extract: bool = True,
) -> tuple[Interview, bool, int]:
    """Raw bytes in, (interview, created, proposals) out: the same pipeline, checks and extraction as
    the ingest command, all in one transaction. A file stored before is a no-op."""
    stored = interview_stored(data=data)
    if stored is not None:
        return stored, False, 0
    annotated = interview_prepare(data, source=source, fmt=fmt, metadata=metadata, max_bytes=max_bytes)
    interview, created = interview_ingest(annotated=annotated)
    proposals = claims_extract(interview) if created and extract else 0
    return interview, created, proposals


@transaction.atomic
def interview_ingest(*, annotated: AnnotatedInterview) -> tuple[Interview, bool]:
    """Write an ingested interview with its speakers, participants, chapters and turns.

    Returns (interview, created). The same source (same sha256) is a no-op returning the stored
    interview; another source of a stored video (VideoConflict) or of a taken slug (IngestConflict) is
    refused. Speakers are matched by slug and gain the spellings the source used as aliases.
    """
    meta = annotated.metadata
    # Every row here is written as plain values (_create_rows, _rows_insert; participations,
    # chapters and turns as bare tuples, no model instances): through the ORM, ingestion's writes
    # took 3x the raw INSERTs of the same rows (issue 8's bench). The unique
    # sha256, video id and slug are checked by the INSERT itself; a lookup follows only when one is taken.
    try:
        with transaction.atomic():
            [interview] = _create_rows(Interview, [Interview(
                slug=meta.slug, title=meta.title, show=meta.show, link=meta.link, video_id=meta.video_id,
                published=meta.published, published_precision=meta.published_precision if meta.published else "",
                duration_seconds=meta.duration_seconds, source_format=annotated.format,
                source_name=Path(annotated.source_name).name, source_text=annotated.source_text, sha256=annotated.sha256,
            )])
    except IntegrityError:
        stored = Interview.objects.filter(sha256=annotated.sha256).first()
        if stored is not None:
            return stored, False
        # the video before the slug: a video's second file usually has its first one's title, and
        # another slug would not let it in
        refusal = video_conflict(meta.video_id)
        if refusal is not None:
            raise refusal from None
        holder = Interview.objects.filter(slug=meta.slug).values_list("source_name", flat=True).first()
        if holder is not None:
            raise IngestConflict(slug_taken_message(meta.slug, holder)) from None
        raise
    speakers = _speakers_upsert(annotated.speakers)
    roles: dict = {}  # two slugs may name one speaker (one a former slug of the other): one part each
    for record in annotated.speakers:
        roles.setdefault(speakers[record.slug], record.role)
    interview_id = interview.pk
    _rows_insert(Participation, ("interview_id", "speaker_id", "role"),
                 [(interview_id, speaker.pk, role) for speaker, role in roles.items()])
    _rows_insert(Chapter, ("interview_id", "index", "title", "start_seconds", "start_char"),
                 [(interview_id, index, chapter.title, chapter.start_seconds, chapter.start_char)
                  for index, chapter in enumerate(annotated.chapters)])
    speaker_ids = {slug: speaker.pk for slug, speaker in speakers.items()}
    _rows_insert(
        Turn, ("interview_id", "index", "speaker_id", "start_char", "end_char", "start_seconds", "seconds_estimated"),
        [(interview_id, turn.index, speaker_ids.get(turn.speaker_slug), turn.start_char, turn.end_char,
          turn.start_seconds, turn.seconds_estimated) for turn in annotated.turns],
    )
    return interview, True


def _speakers_upsert(records) -> dict[str, Speaker]:
    """Speaker records in, {slug: Speaker} out. The new ones are created by one INSERT that skips
    slugs already taken (so that one created meanwhile by a concurrent ingestion is no error),
    with their history; the known ones are read and gain the source's new spellings as aliases."""
    wanted: dict = {}
    for record in records:
        wanted.setdefault(record.slug, record)
    # A slug curators merged away (or renamed) names the speaker it went into: the same person, as a
    # slug taken names its speaker; a new speaker with it would take over the merged one's links.
    moved = former_slug_targets(Speaker, wanted)
    created = _create_with_history(Speaker, [
        Speaker(slug=slug, name=record.name, aliases=list(dict.fromkeys(a for a in record.aliases if a != record.name)))
        for slug, record in wanted.items() if slug not in moved
    ], skip_existing="slug")
    speakers = {speaker.slug: speaker for speaker in created}
    known = [slug for slug in wanted if slug not in speakers]
    if known:
        current = [slug for slug in known if slug not in moved]
        rows = {speaker.slug: speaker for speaker in Speaker.objects.filter(Q(slug__in=current) | Q(pk__in=moved.values()))}
        by_pk = {speaker.pk: speaker for speaker in rows.values()}
        speakers.update({slug: by_pk[moved[slug]] if slug in moved else rows[slug] for slug in known})
    for slug in known:
        speaker, record = speakers[slug], wanted[slug]
        new_aliases = [alias for alias in record.aliases if alias not in speaker.aliases and alias != speaker.name]
        if new_aliases:
            speaker.aliases = [*speaker.aliases, *dict.fromkeys(new_aliases)]
            speaker.save(update_fields=["aliases"])
    return speakers


# --- Curation in the admin: bulk changes, topic and speaker merges, prediction and interview edits. ---


@dataclass(frozen=True)
class BulkResult:
    """What a bulk change did: how many claims changed, were already so, or were refused (and why)."""

    changed: int = 0
    unchanged: int = 0
    refused: tuple[str, ...] = ()


@transaction.atomic
def claims_bulk_update(
    claims: Iterable[Claim],
    *,
    status: str | None = None,
    claim_type: str | None = None,
    add_topics: Iterable[Topic] = (),
    remove_topics: Iterable[Topic] = (),
    set_topics: Iterable[Topic] | None = None,
) -> BulkResult:
    """Set status, type or topics on many claims, each through claim_update; claims already so are left alone.

    A claim that carries a prediction keeps the type 'prediction' (changing it would delete the
    prediction): it is refused and named in the result.
    """
    add_ids = {topic.pk for topic in add_topics}
    remove_ids = {topic.pk for topic in remove_topics}
    set_list = list(set_topics) if set_topics is not None else None
    topics_by_id = {topic.pk: topic for topic in [*add_topics, *(set_list or [])]}
    changed = unchanged = 0
    refused: list[str] = []
    for claim in claims:
        fields: dict = {}
        if status is not None and claim.status != status:
            fields["status"] = status
        if claim_type is not None and claim.claim_type != claim_type:
            if Prediction.objects.filter(claim=claim).exists():
                refused.append(f"{claim}: it carries a prediction, so it stays a prediction claim")
                continue
            fields["claim_type"] = claim_type
        current = set(claim.topics.values_list("pk", flat=True))
        wanted = {topic.pk for topic in set_list} if set_list is not None else (current | add_ids) - remove_ids
        topics = None
        if wanted != current:
            known = {topic.pk: topic for topic in claim.topics.all()} | topics_by_id
            topics = [known[pk] for pk in sorted(wanted)]
        if not fields and topics is None:
            unchanged += 1
            continue
        try:
            with transaction.atomic():
                claim_update(claim, topics=topics, **fields)
        except ValidationError as error:
            refused.append(f"{claim}: {' '.join(error.messages)}")
            continue
        changed += 1
    return BulkResult(changed=changed, unchanged=unchanged, refused=tuple(refused))


@dataclass(frozen=True)
class TopicMergeResult:
    """What a merge moved: claims re-tagged (and those that already had the target), subtopics re-parented."""

    claims_moved: int
    claims_already_tagged: int
    children_moved: int


@transaction.atomic
def topic_merge(*, source: Topic, target: Topic) -> TopicMergeResult:
    """Fold `source` into `target`: its claims, subtopics and keywords move to the target, its slug (and
    the former slugs it had) become former slugs of the target, then it is deleted.

    Every re-tagged claim gets one history record of the change, its reason naming both slugs.
    """
    if source.pk == target.pk:
        raise ValidationError("A topic cannot be merged into itself.")
    ancestor = target.parent
    while ancestor is not None:
        if ancestor.pk == source.pk:
            raise ValidationError(
                f"'{target}' lies under '{source}'; merging would make the tree loop. "
                f"Move '{target}' out from under '{source}' first, or merge the other way round."
            )
        ancestor = ancestor.parent
    claims = list(Claim.objects.filter(topics=source).order_by("pk"))
    _claims_check_quotes(claims)
    Through = Claim.topics.through
    tagged_both = set(Through.objects.filter(topic=target, claim__in=claims).values_list("claim_id", flat=True))
    Through.objects.filter(topic=source, claim_id__in=tagged_both).delete()
    Through.objects.filter(topic=source).update(topic=target)
    _claims_changed(claims, reason=_history_reason(f"topic {source.slug} merged into {target.slug}"))
    already = len(tagged_both)
    moved = len(claims) - already
    children = list(source.children.all())
    for child in children:
        child.parent = target
        child.full_clean()
        child.save()
    extra_keywords = [word for word in [source.name, *source.keywords] if word not in target.keywords]
    if extra_keywords:
        target.keywords = [*target.keywords, *extra_keywords]
        target.full_clean()
        target.save()
    _former_slugs_move(source=source, target=target)
    source.delete()
    return TopicMergeResult(claims_moved=moved, claims_already_tagged=already, children_moved=len(children))


@transaction.atomic
def topics_merge(*, sources: Iterable[Topic], target: Topic) -> list[tuple[Topic, TopicMergeResult]]:
    """Fold each of `sources` into `target` (topic_merge): all of them or, on the first refusal, none;
    the refusal names the topic it stopped at."""
    merged = []
    for source in sources:
        name, slug = source.name, source.slug
        try:
            merged.append((source, topic_merge(source=source, target=target)))
        except ValidationError as error:
            raise ValidationError(f"{name} ({slug}): {' '.join(error.messages)}") from None
    return merged


def _claims_check_quotes(claims: list[Claim]) -> None:
    """Refuse a change that would save a claim whose quote no longer matches its transcript (as an
    old import could have left it): the one check of claim_update that a merge's claims can fail."""
    texts = dict(Interview.objects.filter(pk__in={c.interview_id for c in claims}).values_list("pk", "source_text"))
    for claim in claims:
        problem = quote_mismatch(texts[claim.interview_id], claim.quote, claim.start_char, claim.end_char)
        if problem:
            slug = Interview.objects.filter(pk=claim.interview_id).values_list("slug", flat=True).get()
            raise ValidationError(f"claim {slug}[{claim.start_char}:{claim.end_char}] cannot be saved as it is: {problem}")


def _claims_changed(claims: list[Claim], *, reason: str, **fields) -> None:
    """Save `fields` on many claims at once and give each the history record claim_update's save
    would (its topic links as they are now included): a merge moves hundreds of claims, and one
    claim_update each took ~14 queries a claim (353 claims: 1.6 s on SQLite, 3.1 s on PostgreSQL)."""
    from django.utils import timezone

    if not claims:
        return
    now = timezone.now()
    Claim.objects.filter(pk__in=[c.pk for c in claims]).update(updated_at=now, **fields)
    for claim in claims:
        claim.updated_at = now
        claim._change_reason = reason
    HistoricalClaim = _history_model(Claim)
    records = Claim.history.bulk_history_create(claims, update=True, default_date=now)
    if not records:  # history switched off
        return
    history = {record.id: record.history_id for record in records}
    if None in history.values():  # a backend that returns no ids from a bulk INSERT
        history = dict(HistoricalClaim._default_manager.filter(id__in=history, history_date=now, history_type="~")
                       .values_list("id", "history_id"))
    HistoricalLinks = HistoricalClaim._meta.get_field("historicalclaim_topics").related_model
    links = Claim.topics.through.objects.filter(claim_id__in=history).values_list("pk", "claim_id", "topic_id")
    _rows_insert(HistoricalLinks, ("id", "claim_id", "topic_id", "history_id"),
                 [(pk, claim_id, topic_id, history[claim_id]) for pk, claim_id, topic_id in links])


def _former_slugs_move(*, source, target) -> None:
    """The source's slug, and the slugs it had kept from earlier merges and renames, become the
    target's former slugs: each still leads to the row now holding what it named (A merged into B,
    then B into C: both a and b name C, each by one row, so a lookup never follows a chain)."""
    former_model, owner = FORMER_SLUGS[type(source)]
    former_model.objects.filter(**{owner: source}).update(**{owner: target})
    former_model.objects.create(slug=source.slug, **{owner: target})


def _slug_keeping_update(row, fields: dict):
    """Set `fields` on a saved speaker or topic and save it; a slug it leaves becomes its former slug."""
    former_model, owner = FORMER_SLUGS[type(row)]
    old_slug = type(row)._default_manager.filter(pk=row.pk).values_list("slug", flat=True).get()
    for name, value in fields.items():
        setattr(row, name, value)
    row.full_clean()  # refuses a slug that is another's former slug
    row.save()
    if row.slug != old_slug:
        former_model.objects.filter(**{owner: row, "slug": row.slug}).delete()  # back to an old slug: current again
        former_model.objects.create(slug=old_slug, **{owner: row})
    return row


@transaction.atomic
def speaker_update(speaker: Speaker, **fields) -> Speaker:
    """Change a speaker's fields (the admin's form); a changed slug keeps naming it as a former slug."""
    return _slug_keeping_update(speaker, fields)


@transaction.atomic
def topic_update(topic: Topic, **fields) -> Topic:
    """Change a topic's fields (the admin's form); a changed slug keeps naming it as a former slug."""
    return _slug_keeping_update(topic, fields)


@transaction.atomic
def former_slugs_remove(row: Speaker | Topic, slugs: Iterable[str]) -> list[str]:
    """Delete some of a speaker's or topic's former slugs (a merge made by mistake, an old slug wanted for
    another record): they stop leading to it (no filter, no redirect) and another record may take them.
    Recorded in the row's history, the reason naming them. Returns them sorted; refused, with nothing
    changed, when one is not a former slug of the row."""
    wanted = sorted(set(slugs))
    if not wanted:
        return []
    former_model, owner = FORMER_SLUGS[type(row)]
    held = former_model.objects.filter(**{owner: row, "slug__in": wanted})
    missing = sorted(set(wanted) - set(held.values_list("slug", flat=True)))
    if missing:
        raise ValidationError(f"{', '.join(map(repr, missing))} {'is not a former slug' if len(missing) == 1 else 'are not former slugs'} "
                              f"of {row.name} ({row.slug}); nothing was removed.")
    held.delete()
    row._change_reason = _history_reason(f"former slug{'s' if len(wanted) > 1 else ''} {', '.join(wanted)} removed")
    try:
        row.save()  # only for its history record: its fields are as they were
    finally:
        del row._change_reason  # django-simple-history would give the reason to the row's next saves too
    return wanted


@dataclass(frozen=True)
class SpeakerMergeResult:
    """What a speaker merge moved: claims, turns, and the interviews the source took part in."""

    claims: int
    turns: int
    interviews: int


def _history_reason(text: str) -> str:
    """A change reason cut to what the history tables hold (django-simple-history's 100 characters)."""
    limit = _history_model(Claim)._meta.get_field("history_change_reason").max_length
    return text if len(text) <= limit else text[: limit - 1] + "…"


@transaction.atomic
def speaker_merge(*, source: Speaker, target: Speaker) -> SpeakerMergeResult:
    """Fold `source` into `target`: its claims, turns and participations move to the target, its name
    and aliases become aliases of the target, its slug (and the former slugs it had) former slugs of
    the target, which they keep naming; then it is deleted.

    Every claim moved gets a history record of the change, its reason naming both slugs (as do the
    target's and the source's own records). Refused, with nothing
    changed, when both take part in one interview in different roles; in the same role the target's
    participation stays.
    """
    if source.pk == target.pk:
        raise ValidationError(f"{source.name} ({source.slug}) cannot be merged into itself.")
    target_roles = dict(Participation.objects.filter(speaker=target).values_list("interview_id", "role"))
    participations = list(Participation.objects.filter(speaker=source).select_related("interview").order_by("interview__slug"))
    for participation in participations:
        role = target_roles.get(participation.interview_id)
        if role is not None and role != participation.role:
            raise ValidationError(
                f"{source.name} ({source.slug}) is the {participation.role} of interview {participation.interview.slug} "
                f"and {target.name} ({target.slug}) its {role}: one person cannot be both, so they were not merged."
            )
    reason = _history_reason(f"speaker {source.slug} merged into {target.slug}")
    claims = list(Claim.objects.filter(speaker=source).order_by("pk"))
    _claims_check_quotes(claims)
    for claim in claims:
        claim.speaker = target
    _claims_changed(claims, reason=reason, speaker=target)
    turns = Turn.objects.filter(speaker=source).update(speaker=target)
    Participation.objects.filter(speaker=source, interview_id__in=target_roles).delete()
    Participation.objects.filter(speaker=source).update(speaker=target)
    known = {spelling.casefold() for spelling in [target.name, *target.aliases]}
    added = []
    for spelling in [source.name, *source.aliases]:
        if spelling.strip() and spelling.casefold() not in known and not names_a_part(spelling):
            known.add(spelling.casefold())
            added.append(spelling)
    if added:
        target.aliases = [*target.aliases, *added]
        target._change_reason = reason
        target.full_clean()
        target.save()
    _former_slugs_move(source=source, target=target)
    source._change_reason = reason
    source.delete()
    return SpeakerMergeResult(claims=len(claims), turns=turns, interviews=len(participations))


@transaction.atomic
def speakers_merge(*, sources: Iterable[Speaker], target: Speaker) -> list[tuple[Speaker, SpeakerMergeResult]]:
    """Fold each of `sources` into `target` (speaker_merge): all of them or, on the first refusal, none."""
    return [(source, speaker_merge(source=source, target=target)) for source in sources]


@transaction.atomic
def prediction_update(prediction: Prediction, **fields) -> Prediction:
    """Change what a prediction says and its target dates (resolution goes through prediction_resolve)."""
    unknown = set(fields) - set(PREDICTION_FIELDS)
    if unknown:
        raise ValidationError(f"Unknown prediction fields: {', '.join(sorted(unknown))}.")
    for name, value in fields.items():
        setattr(prediction, name, value)
    prediction.full_clean()
    prediction.save()
    return prediction


@transaction.atomic
def interview_update(interview: Interview, **fields) -> Interview:
    """Change an interview's metadata; its claims' copied date follows a new published date."""
    for name, value in fields.items():
        setattr(interview, name, value)
    interview.full_clean()
    interview.save()
    if "published" in fields:
        for claim in Claim.objects.filter(interview=interview).exclude(date=interview.published):
            claim.save(update_fields=["date"])
    return interview


@transaction.atomic
def claim_prediction_set(claim: Claim, prediction: dict) -> Prediction | None:
    """Create or change the prediction of a saved prediction claim; the same checks as claim_create."""
    return _set_prediction(claim, prediction)


@transaction.atomic
def turns_replace(interview: Interview, spans: list[tuple[int, int, str | None]]) -> int:
    """Replace an interview's turns with curated ones: (start_char, end_char, speaker slug) each.

    Times are estimated again from the interview's anchors (chapters, duration). Returns the count.
    A merged or renamed speaker's former slug names the speaker it now is.
    """
    speakers = slug_map(Speaker)
    spans = sorted(spans)
    previous_end = 0
    for start_char, end_char, slug in spans:
        where = f"turn [{start_char}:{end_char}] of {interview.slug}"
        if not 0 <= start_char < end_char <= len(interview.source_text):
            raise ValidationError(f"{where}: offsets outside the transcript ({len(interview.source_text)} characters)")
        if start_char < previous_end:
            raise ValidationError(f"{where}: overlaps the turn before it")
        if slug is not None and slug not in speakers:
            raise ValidationError(f"{where}: unknown speaker {slug!r}")
        previous_end = end_char
    records = [TurnRecord(index, start, end, slug) for index, (start, end, slug) in enumerate(spans)]
    chapters = [
        ChapterRecord(chapter.title, chapter.start_seconds, chapter.start_char)
        for chapter in interview.chapters.all()
    ]
    timed = estimate_times(
        records, chapters=chapters, content_start=spans[0][0] if spans else 0,
        content_end=spans[-1][1] if spans else None, duration=interview.duration_seconds,
    )
    interview.turns.all().delete()
    Turn.objects.bulk_create(
        Turn(interview=interview, index=turn.index, speaker=speakers.get(turn.speaker_slug),
             start_char=turn.start_char, end_char=turn.end_char,
             start_seconds=turn.start_seconds, seconds_estimated=turn.seconds_estimated)
        for turn in timed
    )
    return len(timed)


@dataclass(frozen=True)
class SpeakerCorrection:
    """What turns_speaker_set did: the stretch (widened to whole words), who spoke it before, the turn
    counts before and after, the claims in it that followed their turn to the new speaker, and where the
    turn that now holds it starts."""

    start_char: int
    end_char: int
    speaker: Speaker
    was: tuple[str, ...]
    turns_before: int
    turns_after: int
    claims_moved: int
    turn_start: int


@transaction.atomic
def turns_speaker_set(interview: Interview, *, start_char: int, end_char: int, speaker: Speaker) -> SpeakerCorrection:
    """A curator's "this is spoken by X": the characters [start_char, end_char) of the transcript,
    widened to whole words, become X's (see claims/corrections.py). The claims wholly inside it that
    carried the speaker of their turn move to X with a history record; a claim whose speaker a curator
    set apart from its turn's is left as it is. X must take part in the interview."""
    interview = Interview.objects.select_for_update().get(pk=interview.pk)
    if not interview.participations.filter(speaker=speaker).exists():
        raise ValidationError(f"{speaker.name} does not take part in {interview.slug}; add them as a participant first.")
    text = interview.source_text
    try:
        stretch = word_stretch(text, start_char, end_char)
    except CorrectionError as error:
        raise ValidationError(str(error)) from None
    rows = list(interview.turns.select_related("speaker").order_by("start_char"))
    speakers = {row.speaker.slug: row.speaker for row in rows if row.speaker} | {speaker.slug: speaker}
    records = [TurnRecord(row.index, row.start_char, row.end_char, row.speaker.slug if row.speaker else None,
                          row.start_seconds, row.seconds_estimated) for row in rows]
    try:
        corrected = spoken_by(text, records, stretch, speaker.slug, duration=interview.duration_seconds)
    except CorrectionError as error:
        raise ValidationError(str(error)) from None
    before = [r for r in records if r.start_char < stretch.end and r.end_char > stretch.start]
    was = tuple(dict.fromkeys(speakers[r.speaker_slug].name if r.speaker_slug else "an unknown speaker"
                              for r in before if r.speaker_slug != speaker.slug))

    def holder_start(turns) -> int:  # where the turn holding the stretch now starts
        return next(t.start_char for t in turns if t.start_char <= stretch.start < t.end_char)

    if not was:  # already theirs: nothing to write
        return SpeakerCorrection(stretch.start, stretch.end, speaker, was, len(records), len(records), 0, holder_start(records))

    def speaker_at(position: int) -> str | None:
        return next((r.speaker_slug for r in before if r.start_char <= position < r.end_char), None)

    followers = [
        claim for claim in Claim.objects.filter(interview=interview, start_char__gte=stretch.start, end_char__lte=stretch.end)
        .exclude(speaker=speaker).select_related("speaker")
        if claim.speaker.slug == speaker_at(claim.start_char)
    ]
    interview.turns.all().delete()
    Turn.objects.bulk_create(
        Turn(interview=interview, index=t.index, speaker=speakers.get(t.speaker_slug), start_char=t.start_char,
             end_char=t.end_char, start_seconds=t.start_seconds, seconds_estimated=t.seconds_estimated)
        for t in corrected
    )
    _claims_changed(followers, reason=_history_reason(
        f"speaker of {interview.slug}[{stretch.start}:{stretch.end}] set to {speaker.slug}"), speaker=speaker)
    interview.save(update_fields=["updated_at"])  # its turns changed: a reader syncing by updated_at sees it
    return SpeakerCorrection(stretch.start, stretch.end, speaker, was, len(records), len(corrected), len(followers),
                             holder_start(corrected))


def _spans_clash(a0: int, a1: int, b0: int, b1: int) -> bool:
    """Two spans say the same thing when they overlap by at least half of either one."""
    overlap = min(a1, b1) - max(a0, b0)
    return overlap > 0 and (2 * overlap >= a1 - a0 or 2 * overlap >= b1 - b0)


class _SpanIndex:
    """Spans sorted by start with a running maximum of their ends: `clashes` looks only at the
    spans that can overlap (those starting before the end, back to where no earlier span reaches
    the start), instead of every span of the interview (the O(n^2) check it replaces)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]
        self.reach = []
        top = -1
        for _, b in self.spans:
            top = max(top, b)
            self.reach.append(top)

    def clashes(self, start: int, end: int) -> bool:
        import bisect

        pos = bisect.bisect_left(self.starts, end) - 1
        while pos >= 0 and self.reach[pos] > start:
            a, b = self.spans[pos]
            if _spans_clash(start, end, a, b):
                return True
            pos -= 1
        return False

    def add(self, start: int, end: int) -> None:
        """Add a span starting at or after every span held (proposals arrive in text order)."""
        if self.spans and start < self.starts[-1]:
            raise ValueError("spans are added in text order")
        self.spans.append((start, end))
        self.starts.append(start)
        self.reach.append(max(self.reach[-1], end) if self.reach else end)


def _claim_times(turns: list[Turn]):
    """Turns (stored rows) in, a function giving a claim's (start_seconds, estimated) from its
    start offset out: the same rule as `_set_time_from_turns`, from the rows in memory."""
    import bisect

    rows = sorted(turns, key=lambda t: t.start_char)
    starts = [t.start_char for t in rows]
    # next_timed[k]: the first row at or after position k with a time
    next_timed: list[Turn | None] = [None] * (len(rows) + 1)
    for k in range(len(rows) - 1, -1, -1):
        next_timed[k] = rows[k] if rows[k].start_seconds is not None else next_timed[k + 1]

    def time_of(start_char: int) -> tuple[float | None, bool]:
        pos = bisect.bisect_right(starts, start_char) - 1
        if pos < 0 or rows[pos].end_char <= start_char or rows[pos].start_seconds is None:
            return None, False
        turn = rows[pos]
        if start_char == turn.start_char:
            return turn.start_seconds, turn.seconds_estimated
        seconds = turn.start_seconds
        following = next_timed[bisect.bisect_left(starts, turn.end_char)]
        if following is not None and following.start_seconds > turn.start_seconds:
            share = (start_char - turn.start_char) / (following.start_char - turn.start_char)
            seconds = round(turn.start_seconds + share * (following.start_seconds - turn.start_seconds), 1)
        return seconds, True

    return time_of


def _rows_insert(
    model, columns: tuple[str, ...], rows: list[tuple], *, returning: bool = False, skip_existing: str | None = None,
) -> list:
    """Rows of values the driver takes as they are (in `columns` order) into `model`'s table by
    multi-row INSERTs, as bulk_create batches them; with `returning`, the new primary keys in row
    order (the order bulk_create relies on too). Nothing is converted: adapt dates and the like first.
    Without `returning`, PostgreSQL gets one COPY instead (half the time of the INSERT for a
    transcript's turns: no statement of thousands of parameters to build and parse).

    `skip_existing` names a unique column: a row whose value there is taken is not written (ON
    CONFLICT DO NOTHING, no error, also when a concurrent transaction just took it), and
    `returning` gives (primary key, value) of the rows written instead."""
    if not rows:
        return []
    ops = connection.ops
    table = ops.quote_name(model._meta.db_table)
    names = ", ".join(ops.quote_name(model._meta.get_field(c).column) for c in columns)
    if not returning and not skip_existing and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            copy_rows(cursor, f"COPY {table} ({names}) FROM STDIN", rows)
        return []
    suffix = ""
    if skip_existing:
        unique = ops.quote_name(model._meta.get_field(skip_existing).column)
        suffix = f" ON CONFLICT ({unique}) DO NOTHING"
    if returning:
        suffix += f" RETURNING {ops.quote_name(model._meta.pk.column)}" + (f", {unique}" if skip_existing else "")
    limit = connection.features.max_query_params or 65535
    per = max(1, limit // len(columns))
    one = "(" + ", ".join(["%s"] * len(columns)) + ")"
    out: list = []
    with connection.cursor() as cursor:
        for k in range(0, len(rows), per):
            chunk = rows[k : k + per]
            sql = f"INSERT INTO {table} ({names}) VALUES {', '.join([one] * len(chunk))}{suffix}"
            cursor.execute(sql, [v for row in chunk for v in row])
            if returning:
                out.extend(tuple(row) if skip_existing else row[0] for row in cursor.fetchall())
    return out


# Field types whose Python values the drivers take as they are (dates, datetimes and JSON are adapted).
_PLAIN_FIELD_TYPES = frozenset({
    "AutoField", "BigAutoField", "BigIntegerField", "BooleanField", "CharField", "FloatField", "ForeignKey",
    "IntegerField", "OneToOneField", "PositiveIntegerField", "PositiveSmallIntegerField", "SlugField",
    "TextField", "URLField",
})


def _plain_rows(model, objs: list, now) -> tuple[tuple[str, ...], list[tuple]] | None:
    """Unsaved objects in, (columns, rows of values the drivers take) out, auto_now fields set to
    `now` on the objects; None where a field needs the ORM (or the database cannot return new ids)."""
    if not connection.features.can_return_rows_from_bulk_insert:
        return None
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    adapt = {}
    for f in fields:
        kind = f.get_internal_type()
        if kind in ("DateField", "DateTimeField"):
            adapt[f.attname] = lambda value, f=f: f.get_db_prep_save(value, connection)
        elif kind == "JSONField":  # its text, which both databases take for a JSON column (and COPY too)
            adapt[f.attname] = lambda value, f=f: None if value is None else json.dumps(value, cls=f.encoder)
        elif kind not in _PLAIN_FIELD_TYPES:
            return None
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            for obj in objs:
                setattr(obj, f.attname, now)
    columns = tuple(f.attname for f in fields)
    rows = [tuple(adapt[c](getattr(obj, c)) if c in adapt else getattr(obj, c) for c in columns) for obj in objs]
    return columns, rows


def _saved(model, objs: list, columns, rows, *, skip_existing: str | None = None) -> tuple[list, list, list]:
    """Insert the rows of `objs` and give the objects their ids; (objects, rows, ids) written out
    (with `skip_existing`, those whose unique value was free; see _rows_insert)."""
    if skip_existing:
        new_ids = {value: pk for pk, value in _rows_insert(model, columns, rows, returning=True, skip_existing=skip_existing)}
        written = [(obj, row) for obj, row in zip(objs, rows) if getattr(obj, skip_existing) in new_ids]
        objs, rows = [obj for obj, _ in written], [row for _, row in written]
        ids = [new_ids[getattr(obj, skip_existing)] for obj in objs]
    else:
        ids = _rows_insert(model, columns, rows, returning=True)
    for obj, pk in zip(objs, ids):
        obj.pk = pk
        obj._state.adding, obj._state.db = False, connection.alias
    return objs, rows, ids


def _create_rows(model, objs: list) -> list:
    """`bulk_create(objs)` written as plain rows (see _plain_rows); the objects get their new ids.
    For a model without history whose new ids are wanted (a transcript's interview row):
    preparing every value through the ORM cost more than the INSERT."""
    from django.utils import timezone

    plain = _plain_rows(model, objs, timezone.now()) if objs else None
    if plain is None:
        return model._default_manager.bulk_create(objs)
    return _saved(model, objs, *plain)[0]


@functools.cache
def _history_model(model):
    return model.history.model  # the descriptor builds a manager class on every access


def _create_with_history(model, objs: list, *, skip_existing: str | None = None) -> list:
    """`bulk_create_with_history(objs, model)`, the rows written as plain values; the objects
    written out (with `skip_existing`, a unique field, those whose value there was not taken yet).

    Extraction creates hundreds of claims at once; building a model instance per history row and
    preparing every value through the ORM was most of its writes (issue 8's bench). Here both
    tables get multi-row INSERTs: the objects' values (dates, datetimes and JSON adapted once per
    value, auto_now fields set to one `now`), their new ids, then a "+" history row each with the
    same values, history date, user and (no) change reason as django-simple-history records them.
    Other field types, or history switched off, go through bulk_create_with_history.
    """
    from django.conf import settings
    from django.utils import timezone

    now = timezone.now()
    plain = _plain_rows(model, objs, now) if objs and getattr(settings, "SIMPLE_HISTORY_ENABLED", True) else None
    if plain is None:
        if skip_existing and objs:  # (not safe against a concurrent creation, unlike the rows' path)
            taken = set(model._default_manager.filter(**{f"{skip_existing}__in": [getattr(o, skip_existing) for o in objs]})
                        .values_list(skip_existing, flat=True))
            objs = [obj for obj in objs if getattr(obj, skip_existing) not in taken]
        return bulk_create_with_history(objs, model) if objs else []
    columns = plain[0]
    objs, rows, ids = _saved(model, objs, *plain, skip_existing=skip_existing)
    if not objs:
        return []
    history = _history_model(model)
    user = history.get_default_history_user(objs[0])
    history_date = history._meta.get_field("history_date").get_db_prep_save(now, connection)
    tracked = [f.attname for f in history.tracked_fields]
    position = {c: i for i, c in enumerate(columns)}
    history_rows = [
        (*(pk if c == model._meta.pk.attname else row[position[c]] for c in tracked), history_date, None, "+",
         user.pk if user is not None else None)
        for pk, row in zip(ids, rows)
    ]
    _rows_insert(history, (*tracked, "history_date", "history_change_reason", "history_type", "history_user_id"), history_rows)
    return objs


@transaction.atomic
def claims_extract(interview: Interview, *, model=None, threshold: float | None = None) -> int:
    """Propose claims for one interview (status proposed, origin extracted); return how many were created.

    Runs the pure extractor (`claims.ingest.extract.extract_claims`) over the interview's stored
    turns. A proposal is skipped when its span overlaps any existing claim of the interview
    (approved, proposed or rejected) by half of either span, so curated claims are never
    duplicated, rejected ones are not proposed again, and re-running creates nothing new.

    Writes in bulk, in one transaction: claims (with their history rows), topic links (and the
    history of those links) and predictions (with history). Times come from the turns in memory;
    quotes are checked against the text in memory. (Claim by claim through `claim_create`, a
    100 KB transcript took 3 to 5 s, nearly all of it per-row queries and history signals.)
    """
    from .ingest.cues import cue_text_only, speaker_runs
    from .ingest.extract import extract_claims
    from .ingest.markup import reading_text
    from .ingest.records import Turn as TurnRecord
    from .ingest.segment import split_sentences
    from .ingest.tag import TopicInfo

    text = interview.source_text
    rows = list(interview.turns.select_related("speaker").order_by("index"))
    turns = tuple(
        TurnRecord(index=t.index, start_char=t.start_char, end_char=t.end_char,
                   speaker_slug=t.speaker.slug if t.speaker_id else None)
        for t in rows
    )
    if not turns:
        return 0
    speakers = {t.speaker.slug: t.speaker for t in rows if t.speaker_id}
    roles = {p.speaker.slug: p.role for p in interview.participations.select_related("speaker")}
    topic_rows = list(Topic.objects.select_related("parent"))
    topics = {t.slug: t for t in topic_rows}
    taxonomy = tuple(
        TopicInfo(slug=t.slug, parent=t.parent.slug if t.parent_id else None, keywords=tuple(t.keywords or ()), name=t.name)
        for t in topic_rows
    )
    # caption markup and what lies between cues read as blanks; a claim may run across cues
    reading = cue_text_only(reading_text(text, interview.source_format), interview.source_format, turns)
    runs = speaker_runs(reading, turns, interview.source_format)
    proposals = extract_claims(
        reading, runs, split_sentences(reading, runs), published=interview.published,
        precision=interview.published_precision or "day", model=model, roles=roles or None,
        taxonomy=taxonomy, threshold=threshold,
    )
    existing = _SpanIndex(interview.claims.values_list("start_char", "end_char"))
    accepted = _SpanIndex(())  # this run's proposals, added in text order
    time_of = _claim_times(rows)
    types = set(Claim.Type.values)
    claims: list[Claim] = []
    extras: list[tuple[list[Topic], dict | None]] = []
    for proposal in sorted(proposals, key=lambda p: (p.start_char, p.end_char)):
        if proposal.speaker_slug not in speakers:
            continue  # a turn nobody was attributed to: nothing to credit the claim to
        if existing.clashes(proposal.start_char, proposal.end_char) or accepted.clashes(proposal.start_char, proposal.end_char):
            continue
        # the extractor cuts quotes from the text it read, so these hold by construction; a
        # failure is a bug. The stored quote is the source's own (markup included, verbatim).
        problem = quote_mismatch(reading, proposal.quote, proposal.start_char, proposal.end_char)
        if problem or not 0 <= proposal.start_char < proposal.end_char or proposal.claim_type not in types:
            raise ValidationError({"quote": problem or f"Bad proposal at {proposal.start_char}-{proposal.end_char}."})
        seconds, estimated = time_of(proposal.start_char)
        claims.append(Claim(
            interview=interview, speaker=speakers[proposal.speaker_slug], quote=text[proposal.start_char:proposal.end_char],
            start_char=proposal.start_char, end_char=proposal.end_char, statement=proposal.statement,
            claim_type=proposal.claim_type, hedged=proposal.hedged, status=Claim.Status.PROPOSED,
            origin=Claim.Origin.EXTRACTED, extractor_score=proposal.score, start_seconds=seconds,
            seconds_estimated=estimated, date=interview.published,  # what Claim.save sets; bulk_create skips save()
        ))
        prediction = None
        if proposal.prediction is not None and proposal.claim_type == Claim.Type.PREDICTION:
            p = proposal.prediction
            start, end = p.target_start, p.target_end
            if start is not None and end is not None and start > end:
                start, end = end, start
            prediction = {"predicted": p.predicted, "horizon": p.horizon[:200], "target_start": start, "target_end": end}
        extras.append(([topics[slug] for slug in proposal.topics if slug in topics], prediction))
        accepted.add(proposal.start_char, proposal.end_char)
    if not claims:
        return 0
    claims = _create_with_history(Claim, claims)
    if any(c.pk is None for c in claims):  # a backend that returns no ids: read them back by span
        ids = dict(((a, b), pk) for a, b, pk in interview.claims.values_list("start_char", "end_char", "pk"))
        for c in claims:
            c.pk = c.id = ids[(c.start_char, c.end_char)]
    Through = Claim.topics.through
    pairs = [(c.pk, t.pk) for c, (ts, _) in zip(claims, extras) for t in ts]
    if pairs:
        # the claims' "+" history rows get the topic links, as `claim.topics.set` would have recorded
        HistoricalClaim = _history_model(Claim)
        history = dict(HistoricalClaim._default_manager.filter(id__in=[c.pk for c in claims], history_type="+")
                       .order_by("history_id").values_list("id", "history_id"))
        HistoricalLinks = HistoricalClaim._meta.get_field("historicalclaim_topics").related_model
        if connection.features.can_return_rows_from_bulk_insert:
            # Links are pairs of ids: written as plain rows, not as two model instances each (three
            # links per claim made these two bulk_creates a quarter of the extraction's writes).
            link_ids = _rows_insert(Through, ("claim_id", "topic_id"), pairs, returning=True)
            _rows_insert(HistoricalLinks, ("id", "claim_id", "topic_id", "history_id"),
                         [(pk, claim_id, topic_id, history[claim_id]) for pk, (claim_id, topic_id) in zip(link_ids, pairs)])
        else:
            links = Through.objects.bulk_create([Through(claim_id=a, topic_id=b) for a, b in pairs])
            HistoricalLinks.objects.bulk_create(
                [HistoricalLinks(id=link.pk, claim_id=link.claim_id, topic_id=link.topic_id, history_id=history[link.claim_id])
                 for link in links]
            )
    predictions = [Prediction(claim=c, **fields) for c, (_, fields) in zip(claims, extras) if fields is not None]
    if predictions:
        _create_with_history(Prediction, predictions)
    return len(claims)
