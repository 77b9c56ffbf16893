"""The lean read path: value tuples from one query turned into response rows without serializers.

`ClaimSerializer` and `PredictionSerializer` describe the same shapes for the schema, and a test
checks that both give identical output for the same rows; change them together.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from urllib.parse import quote as urlquote

from claims.selectors import (
    claim_reading_window_expression,
    claim_spoken_quote,
    claim_spoken_quotes_filled,
    claim_topic_slugs,
    topic_slugs_from_column,
)

CLAIM_FIELDS = (
    "id", "interview__slug", "speaker__slug", "speaker__name", "quote", "statement",
    "start_char", "end_char", "start_seconds", "seconds_estimated",
    "interview__link", "interview__video_id",
    "claim_type", "hedged", "status", "date", "interview__published_precision",
    "prediction__id", "prediction__predicted", "prediction__horizon",
    "prediction__target_start", "prediction__target_end", "prediction__status",
    "prediction__resolved_on", "prediction__resolution_note", "prediction__evidence_link",
    "interview__source_format",
)


def claim_row_annotations() -> dict:
    """The columns a claim row query adds after CLAIM_FIELDS for claim_row: the source around the span."""
    return {"reading_window": claim_reading_window_expression()}


CLAIM_CSV_COLUMNS = (
    "id", "interview", "speaker.slug", "speaker.name", "quote", "statement", "start_char", "end_char",
    "start_seconds", "seconds_estimated", "source_link", "topics", "type", "hedged", "status",
    "date", "date_precision", "prediction.id", "prediction.predicted", "prediction.horizon",
    "prediction.target_start", "prediction.target_end", "prediction.status", "prediction.resolved_on",
    "prediction.resolution_note", "prediction.evidence_link",
    "spoken_quote",  # last: added after the others, so that a reader of the columns by position keeps working
)

PREDICTION_FIELDS = (
    "id", "claim_id", "claim__interview__slug", "claim__speaker__slug", "claim__speaker__name",
    "claim__statement", "claim__date", "claim__interview__published_precision", "claim__status",
    "predicted", "horizon", "target_start", "target_end", "status", "resolved_on",
    "resolution_note", "evidence_link",
)

PREDICTION_CSV_COLUMNS = (
    "id", "claim", "interview", "speaker.slug", "speaker.name", "statement", "date", "date_precision",
    "topics", "predicted", "horizon", "target_start", "target_end", "status", "resolved_on",
    "resolution_note", "evidence_link",
)

_YOUTUBE = ("://www.youtube.com/watch", "://youtube.com/watch", "://m.youtube.com/watch", "://youtu.be/")


@lru_cache(maxsize=4096)
def _video_link(video_id: str) -> str:
    # Cached: a page of claims repeats a few interviews' video ids, and quoting was ~5% of a list request.
    return f"https://www.youtube.com/watch?v={urlquote(video_id)}&t="


def source_link_at(link: str, video_id: str, seconds: float | None) -> str | None:
    """A link that opens the recording at `seconds`, when the interview has a (YouTube) video."""
    if seconds is None:
        return None
    at = int(seconds)
    if video_id:
        return f"{_video_link(video_id)}{at}s"
    if link and any(marker in link for marker in _YOUTUBE):
        return f"{link}{'&' if '?' in link else '?'}t={at}s"
    return None


def claim_rows(values: Sequence[tuple]) -> list[dict]:
    """Response rows for value tuples read with CLAIM_FIELDS, then claim_row_annotations (extra
    trailing values are ignored)."""
    topics = claim_topic_slugs([row[0] for row in values])
    at = len(CLAIM_FIELDS)
    return claim_spoken_quotes_filled([claim_row(row, topics.get(row[0], []), reading_window=row[at]) for row in values])


def claim_rows_with_topics(values: Sequence[tuple]) -> list[dict]:
    """Response rows for value tuples read with CLAIM_FIELDS, then claim_row_annotations, then the
    topic slugs as one comma-separated string or None (claims.selectors.claim_topics_expression)."""
    at = len(CLAIM_FIELDS)
    return claim_spoken_quotes_filled(
        [claim_row(row, topic_slugs_from_column(row[at + 1]), reading_window=row[at]) for row in values]
    )


def claim_row(values: Sequence, topics: list[str], *, reading_window: str | None = None) -> dict:
    """The response row of one claim: its values read with CLAIM_FIELDS (extra trailing values are
    ignored), its sorted topic slugs and its claim_row_annotations reading window. Its spoken_quote
    is None when the interview's whole source must be read: claim_spoken_quotes_filled fills it."""
    (
        pk, interview, speaker_slug, speaker_name, quote, statement, start_char, end_char, seconds,
        estimated, link, video_id, claim_type, hedged, status, date, precision,
        p_id, p_predicted, p_horizon, p_start, p_end, p_status, p_resolved, p_note, p_evidence, source_format, *_,
    ) = values
    return {
        "id": pk,
        "interview": interview,
        "speaker": {"slug": speaker_slug, "name": speaker_name},
        "quote": quote,
        "spoken_quote": claim_spoken_quote(quote=quote, source_format=source_format, start_char=start_char,
                                           end_char=end_char, window=reading_window),
        "statement": statement,
        "start_char": start_char,
        "end_char": end_char,
        "start_seconds": seconds,
        "seconds_estimated": estimated,
        "source_link": source_link_at(link, video_id, seconds),
        "topics": topics,
        "type": claim_type,
        "hedged": hedged,
        "status": status,
        "date": date,
        "date_precision": precision or None,
        "prediction": None if p_id is None else {
            "id": p_id,
            "predicted": p_predicted,
            "horizon": p_horizon,
            "target_start": p_start,
            "target_end": p_end,
            "status": p_status,
            "resolved_on": p_resolved,
            "resolution_note": p_note,
            "evidence_link": p_evidence,
        },
    }


def prediction_rows(values: Sequence[tuple]) -> list[dict]:
    """Response rows for value tuples read with PREDICTION_FIELDS (extra trailing values are ignored)."""
    topics = claim_topic_slugs([row[1] for row in values])
    rows = []
    for (
        pk, claim_id, interview, speaker_slug, speaker_name, statement, date, precision, claim_status,
        predicted, horizon, target_start, target_end, status, resolved_on, note, evidence, *_,
    ) in values:
        rows.append({
            "id": pk,
            "claim": claim_id,
            "interview": interview,
            "speaker": {"slug": speaker_slug, "name": speaker_name},
            "statement": statement,
            "date": date,
            "date_precision": precision or None,
            "claim_status": claim_status,
            "topics": topics.get(claim_id, []),
            "predicted": predicted,
            "horizon": horizon,
            "target_start": target_start,
            "target_end": target_end,
            "status": status,
            "resolved_on": resolved_on,
            "resolution_note": note,
            "evidence_link": evidence,
        })
    return rows
