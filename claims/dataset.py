"""The curated dataset as fixture files: deterministic export, ordered loading, validation after load.

The export streams: claims.bulk reads each table once, in chunks (server-side cursors on PostgreSQL),
and writes every file as its objects come, so memory does not grow with the database.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch

from .bulk import interviews_export
from .models import (
    Chapter,
    Claim,
    Interview,
    Participation,
    Prediction,
    Speaker,
    SpeakerFormerSlug,
    Topic,
    TopicFormerSlug,
    Turn,
    quote_mismatch,
)

DEFAULT_FIXTURES_DIR = Path(__file__).resolve().parent.parent / "fixtures"


def topics_in_tree_order() -> list[Topic]:
    """Topics depth first (each parent right before its children), siblings by slug."""
    topics = list(Topic.objects.order_by("slug"))
    children: dict[int | None, list[Topic]] = {}
    for topic in topics:
        children.setdefault(topic.parent_id, []).append(topic)
    ordered: list[Topic] = []
    stack = list(reversed(children.get(None, [])))
    while stack:
        topic = stack.pop()
        ordered.append(topic)
        stack.extend(reversed(children.get(topic.pk, [])))
    return ordered


def _interview_objects(interview: Interview) -> Iterator:
    yield interview
    yield from Participation.objects.filter(interview=interview).select_related("interview", "speaker").order_by("role", "speaker__slug")
    yield from Chapter.objects.filter(interview=interview).select_related("interview").order_by("index")
    yield from Turn.objects.filter(interview=interview).select_related("interview", "speaker").order_by("index")


def _claim_objects(interview: Interview) -> Iterator:
    """Claims and predictions as model instances (Django's serializer path; the export uses claims.bulk.Export)."""
    claims = (
        Claim.objects.filter(interview=interview)
        .select_related("interview", "speaker", "prediction")
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("slug")))
        .order_by("start_char", "end_char")
    )
    for claim in claims.iterator(chunk_size=2000):
        yield claim
        prediction = getattr(claim, "prediction", None)
        if prediction is not None:
            prediction.claim = claim
            yield prediction


class StableJSONEncoder(DjangoJSONEncoder):
    """Datetimes always with milliseconds, so a value exported, loaded and exported again is unchanged
    (Django's encoder drops the fraction when it is zero and keeps it otherwise)."""

    def default(self, o):
        if isinstance(o, dt.datetime) and o.tzinfo is not None:
            o = o.astimezone(dt.timezone.utc)
            return o.strftime("%Y-%m-%dT%H:%M:%S.") + f"{o.microsecond // 1000:03d}Z"
        return super().default(o)


def _write(path: Path, objects: Iterable) -> None:
    """Django's serializer writing straight into the file (indent=2 ends the text with a newline)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", buffering=1 << 20) as file:
        serializers.serialize(
            "json", objects, stream=file, indent=2,
            use_natural_foreign_keys=True, use_natural_primary_keys=True, cls=StableJSONEncoder,
        )


def former_slugs_in_order(former_model, owner: str) -> list:
    """Former slugs (natural key: the slug; the row they lead to by its slug), sorted by slug in
    Python: the same bytes whichever database's collation the export ran on."""
    return sorted(former_model.objects.select_related(owner), key=lambda former: former.slug)


def dataset_export(output_dir: Path = DEFAULT_FIXTURES_DIR) -> list[Path]:
    """Write topics, speakers (each file followed by their former slugs), and per interview its text
    and turns and its claims; return the files."""
    output_dir = Path(output_dir)
    written = [output_dir / "topics.json", output_dir / "speakers.json"]
    _write(written[0], [*topics_in_tree_order(), *former_slugs_in_order(TopicFormerSlug, "topic")])
    _write(written[1], [*Speaker.objects.order_by("slug"), *former_slugs_in_order(SpeakerFormerSlug, "speaker")])
    # One streaming pass per table, all interviews at once (claims.bulk); memory stays flat.
    per_interview = interviews_export(output_dir)
    written += sorted(per_interview, key=lambda path: (path.stem, path.parent.name != "interviews"))
    kept = {path.stem for path in per_interview}
    for folder in ("interviews", "claims"):
        for stale in sorted((output_dir / folder).glob("*.json")):
            if stale.stem not in kept:
                stale.unlink()
    return written


def dataset_files(fixtures_dir: Path = DEFAULT_FIXTURES_DIR) -> list[Path]:
    """The fixture files in the order they load: taxonomy, speakers, interviews, claims."""
    fixtures_dir = Path(fixtures_dir)
    files = [fixtures_dir / "topics.json", fixtures_dir / "speakers.json"]
    files += sorted((fixtures_dir / "interviews").glob("*.json"))
    files += sorted((fixtures_dir / "claims").glob("*.json"))
    return [path for path in files if path.exists()]


def claims_invalid(claim_ids: Iterable[int]) -> list[str]:
    """Problems with the given claims, one line each: quote not at its offsets, wrong date, misplaced prediction."""
    problems = []
    ids = list(claim_ids)
    texts: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        rows = Claim.objects.filter(pk__in=chunk).values_list(
            "pk", "interview_id", "interview__slug", "interview__published",
            "quote", "start_char", "end_char", "date", "claim_type",
        )
        for pk, interview_id, slug, published, quote, start_char, end_char, date, claim_type in rows:
            if interview_id not in texts:
                texts[interview_id] = Interview.objects.values_list("source_text", flat=True).get(pk=interview_id)
            label = f"claim {slug}[{start_char}:{end_char}]"
            problem = quote_mismatch(texts[interview_id], quote, start_char, end_char)
            if problem:
                problems.append(f"{label}: {problem}")
            if date != published:
                problems.append(f"{label}: its date {date} is not its interview's published date {published}")
        predicted = Prediction.objects.filter(claim_id__in=chunk).exclude(claim__claim_type=Claim.Type.PREDICTION)
        for prediction in predicted.select_related("claim__interview"):
            claim = prediction.claim
            problems.append(
                f"claim {claim.interview.slug}[{claim.start_char}:{claim.end_char}]: has a prediction "
                f"but its type is '{claim.claim_type}'"
            )
    return problems
