"""Every read the API makes: querysets narrowed to what a user may see, and small lookups. No writes."""
from __future__ import annotations

import re
from collections.abc import Iterable

from django.db import connection
from django.db.models import BooleanField, Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

from .models import Chapter, Claim, Interview, Participation, Prediction, Speaker, Topic, Turn

ClaimTopic = Claim.topics.through

# Full-text search on PostgreSQL reads the generated column and GIN index of migration 0003.
_PG_SEARCH = "\"claims_claim\".\"search_vector\" @@ websearch_to_tsquery('english', %s)"
_WORD = re.compile(r"\w+")


def _sees_all(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_staff)


def _visible_claims(user) -> QuerySet[Claim]:
    claims = Claim.objects.all()
    return claims if _sees_all(user) else claims.filter(status=Claim.Status.APPROVED)


def claim_list(*, user=None) -> QuerySet[Claim]:
    """Claims the user may read: approved ones for everyone, every status for staff; unordered."""
    return _visible_claims(user).order_by()


def claim_get(*, pk: int, user=None) -> Claim | None:
    """One claim the user may read, with its relations loaded, or None."""
    return (
        claim_list(user=user)
        .select_related("interview", "speaker", "prediction")
        .prefetch_related("topics")
        .filter(pk=pk)
        .first()
    )


def claim_search(claims: QuerySet, q: str, *, claim_path: str = "") -> QuerySet:
    """Claims (or rows reached through `claim_path`, e.g. 'claim__') whose quote or statement match `q`.

    PostgreSQL: full-text search (websearch syntax, English stemming) on the indexed tsvector.
    Elsewhere: every word of `q` must occur, case-insensitively, in the quote or the statement.
    """
    if connection.vendor == "postgresql":
        matching = Claim.objects.filter(RawSQL(_PG_SEARCH, (q,), output_field=BooleanField()))
        if not claim_path:
            return claims.filter(RawSQL(_PG_SEARCH, (q,), output_field=BooleanField()))
        return claims.filter(**{f"{claim_path}in": matching.values("pk")})
    words = _WORD.findall(q)
    if not words:
        return claims.none()
    for word in words:
        claims = claims.filter(
            Q(**{f"{claim_path}quote__icontains": word}) | Q(**{f"{claim_path}statement__icontains": word})
        )
    return claims


def claim_topic_slugs(claim_ids: Iterable[int]) -> dict[int, list[str]]:
    """The topic slugs of each claim, sorted; claims without topics are absent."""
    slugs: dict[int, list[str]] = {}
    rows = (
        ClaimTopic.objects.filter(claim_id__in=list(claim_ids))
        .order_by("topic__slug")
        .values_list("claim_id", "topic__slug")
    )
    for claim_id, slug in rows:
        slugs.setdefault(claim_id, []).append(slug)
    return slugs


def claims_on_topics(topic_ids: Iterable[int], *, claim_field: str = "pk") -> Exists:
    """A condition: the claim (at `claim_field` of the outer row) carries one of the topics."""
    return Exists(ClaimTopic.objects.filter(claim_id=OuterRef(claim_field), topic_id__in=list(topic_ids)))


def topic_subtree_ids(topics: Iterable[Topic], *, tree: Iterable[tuple[int, int | None]] | None = None) -> set[int]:
    """The ids of the given topics and of all their descendants.

    `tree` is every topic's (id, parent_id); when omitted it is read in one query.
    """
    children: dict[int | None, list[int]] = {}
    pairs = Topic.objects.order_by().values_list("pk", "parent_id") if tree is None else tree
    for pk, parent_id in pairs:
        children.setdefault(parent_id, []).append(pk)
    found: set[int] = set()
    stack = [topic.pk for topic in topics]
    while stack:
        pk = stack.pop()
        if pk not in found:
            found.add(pk)
            stack.extend(children.get(pk, []))
    return found


def topic_list(*, user=None) -> list[Topic]:
    """All topics by slug, each with `parent_slug`, `children_slugs`, `claim_count` (tagged directly)
    and `subtree_claim_count` (tagged with it or a subtopic), counting claims the user may read."""
    topics = list(Topic.objects.order_by("slug"))
    by_pk = {topic.pk: topic for topic in topics}
    visible = _visible_claims(user).order_by()
    links = ClaimTopic.objects.filter(claim_id__in=visible.values("pk")).order_by()
    direct = dict(links.values("topic_id").annotate(n=Count("claim_id")).values_list("topic_id", "n"))
    for topic in topics:
        topic.children_slugs = []
    for topic in topics:
        parent = by_pk.get(topic.parent_id)
        topic.parent_slug = parent.slug if parent else None
        if parent is not None:
            parent.children_slugs.append(topic.slug)
        topic.claim_count = direct.get(topic.pk, 0)
        topic.subtree_claim_count = topic.claim_count
    # One query for every topic that has subtopics: distinct claims tagged anywhere in its subtree.
    parents = [topic for topic in topics if topic.children_slugs]
    tree = [(topic.pk, topic.parent_id) for topic in topics]
    if parents:
        totals = links.aggregate(**{
            f"t{topic.pk}": Count("claim_id", distinct=True, filter=Q(topic_id__in=topic_subtree_ids([topic], tree=tree)))
            for topic in parents
        })
        for topic in parents:
            topic.subtree_claim_count = totals[f"t{topic.pk}"]
    return topics


def speaker_list(*, user=None) -> QuerySet[Speaker]:
    """Speakers by slug, with `claim_count` (claims the user may read) and `interview_count`."""
    claims = _visible_claims(user).filter(speaker=OuterRef("pk")).order_by().values("speaker")
    interviews = Participation.objects.filter(speaker=OuterRef("pk")).order_by().values("speaker")
    return Speaker.objects.annotate(
        claim_count=Coalesce(Subquery(claims.annotate(n=Count("pk")).values("n")), 0),
        interview_count=Coalesce(Subquery(interviews.annotate(n=Count("pk")).values("n")), 0),
    ).order_by("slug")


def interview_list(*, user=None) -> QuerySet[Interview]:
    """Interviews by date, without their source text, with participants (hosts first), chapters and `claim_count`."""
    claims = _visible_claims(user).filter(interview=OuterRef("pk")).order_by().values("interview")
    return (
        Interview.objects.defer("source_text")
        .annotate(claim_count=Coalesce(Subquery(claims.annotate(n=Count("pk")).values("n")), 0))
        .prefetch_related(
            Prefetch("participations", queryset=Participation.objects.select_related("speaker").order_by("-role", "speaker__slug")),
            Prefetch("chapters", queryset=Chapter.objects.order_by("index")),
        )
        .order_by("published", "slug")
    )


def interview_get(*, slug: str, user=None) -> Interview | None:
    """One interview with its metadata (no source text), or None."""
    return interview_list(user=user).filter(slug=slug).first()


def interview_transcript(*, interview: Interview) -> dict:
    """The source text of an interview with its turns (speaker, span, time) and chapters."""
    turns = (
        Turn.objects.filter(interview=interview).select_related("speaker").order_by("index")
    )
    return {
        "text": Interview.objects.values_list("source_text", flat=True).get(pk=interview.pk),
        "turns": list(turns),
    }


def prediction_list(*, user=None) -> QuerySet[Prediction]:
    """Predictions whose claim the user may read; unordered."""
    if _sees_all(user):
        return Prediction.objects.order_by()
    return Prediction.objects.filter(claim__status=Claim.Status.APPROVED).order_by()


def prediction_get(*, pk: int, user=None) -> Prediction | None:
    """One prediction whose claim the user may read, or None."""
    return prediction_list(user=user).select_related("claim").filter(pk=pk).first()
