"""Every read the API makes: querysets narrowed to what a user may see, and small lookups. No writes."""
from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Iterable, Sequence

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import BooleanField, Count, Exists, F, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, TextField
from django.db.models.expressions import Expression, RawSQL
from django.db.models.functions import Coalesce

from .ingest.markup import LINE_READ_FORMATS, reading_text, spoken_quote, spoken_word_count, spoken_words
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
)

ClaimTopic = Claim.topics.through

# Full-text search on PostgreSQL reads the generated column and GIN index of migration 0003; on SQLite
# the FTS5 index of migration 0004.
_SQLITE_FTS = "SELECT rowid FROM claims_claim_fts WHERE claims_claim_fts MATCH %s"
_WORD = re.compile(r"\w+")
_FTS_TERM = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')


class _TsMatch(Expression):
    """`<claims_claim alias>.search_vector @@ websearch_to_tsquery('english', q)` on whichever alias
    the claim table has in the final query (a hard-coded table name breaks once the query is nested)."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, pk, q: str):
        super().__init__()
        self.pk, self.q = pk, q

    def get_source_expressions(self):
        return [self.pk]

    def set_source_expressions(self, expressions):
        (self.pk,) = expressions

    def as_sql(self, compiler, connection):
        alias = compiler.quote_name_unless_alias(self.pk.alias)
        return f"{alias}.\"search_vector\" @@ websearch_to_tsquery('english', %s)", [self.q]


def fts5_terms(q: str) -> tuple[list[str], list[str]]:
    """Web-search text in, (required, excluded) FTS5 terms out: each term quoted, so no user text is
    FTS5 syntax; a required term may be `"a" OR "b"`."""
    terms: list[str] = []
    excluded: list[str] = []
    pending_or = False
    for match in _FTS_TERM.finditer(q):
        negated = bool(match.group(1) or match.group(3))
        words = _WORD.findall(match.group(2) if match.group(2) is not None else match.group(4))
        if not words:
            continue
        if match.group(2) is None and len(words) == 1 and words[0].lower() == "or" and not negated:
            pending_or = bool(terms)
            continue
        term = '"' + " ".join(words) + '"'
        if negated:
            excluded.append(term)
        elif pending_or:
            terms[-1] = f"{terms[-1]} OR {term}"
        else:
            terms.append(term)
        pending_or = False
    return terms, excluded


def fts5_query(q: str) -> str | None:
    """The FTS5 MATCH expression for web-search text: words and "phrases" all required, `or`
    between terms, `-term` excluded. None: no required words (FTS5 cannot match a NOT alone)."""
    terms, excluded = fts5_terms(q)
    required = [f"({term})" if " OR " in term else term for term in terms]
    if not required:
        return None
    expression = " AND ".join(required)
    return f"({expression}) NOT ({' OR '.join(excluded)})" if excluded else expression


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


# A pk no claim has: marks, in the once-compiled SQL of claim_row_get, the parameter each call replaces.
_ROW_PK = -7_340_711_006
_compiled = threading.local()


def claim_topics_expression() -> RawSQL:
    """A column for a claims query: the claim's topic slugs, sorted, comma-separated (slugs have no
    commas), NULL without topics; a correlated subquery on the unaliased claims_claim table."""
    if connection.vendor == "postgresql":
        sql = (
            "SELECT string_agg(t.slug, ',' ORDER BY t.slug) FROM claims_claim_topics ct "
            'JOIN claims_topic t ON t.id = ct.topic_id WHERE ct.claim_id = "claims_claim"."id"'
        )
    else:
        # SQLite before 3.44 has no ORDER BY inside an aggregate; group_concat keeps the subquery's order.
        sql = (
            "SELECT group_concat(slug, ',') FROM (SELECT t.slug FROM claims_claim_topics ct "
            'JOIN claims_topic t ON t.id = ct.topic_id WHERE ct.claim_id = "claims_claim"."id" ORDER BY t.slug)'
        )
    return RawSQL(sql, (), output_field=TextField())


def topic_slugs_from_column(value: str | None) -> list[str]:
    """The slugs list of a claim_topics_expression column's value."""
    return value.split(",") if value else []


# Characters of the source read on each side of a claim's span for its spoken quote: the lines
# it needs (its own, whole, and the one after) are caption lines, far shorter; when one is longer,
# the claim is read from its interview's whole source (claim_spoken_quotes_filled).
SPOKEN_WINDOW_CHARS = 400


class _ReadingWindow(Expression):
    """CASE WHEN <format> IN (LINE_READ_FORMATS) THEN SUBSTR(<source>, ...) END on the claim's joined
    interview, its constants written into the SQL: no parameters (the list's row query is compiled
    once without any: api.pagination)."""

    output_field = TextField()

    def __init__(self, *sources):
        super().__init__()
        self.sources = list(sources) or [F("interview__source_format"), F("interview__source_text"), F("start_char"), F("end_char")]

    def get_source_expressions(self):
        return self.sources

    def set_source_expressions(self, expressions):
        self.sources = list(expressions)

    def as_sql(self, compiler, connection):
        compiled = [compiler.compile(expression) for expression in self.sources]
        assert not any(params for _, params in compiled)
        fmt, text, start, end = (sql for sql, _ in compiled)
        first = f"{'GREATEST' if connection.vendor == 'postgresql' else 'MAX'}({start} - {SPOKEN_WINDOW_CHARS:d}, 0)"
        formats = ", ".join(f"'{name}'" for name in sorted(LINE_READ_FORMATS))  # constants: word characters only
        return f"CASE WHEN {fmt} IN ({formats}) THEN SUBSTR({text}, {first} + 1, {end} + {SPOKEN_WINDOW_CHARS:d} - {first}) END", []


def claim_reading_window_expression() -> Expression:
    """A column for a claims query: the source text around the claim's span, SPOKEN_WINDOW_CHARS
    either side, for formats read line by line (markup.LINE_READ_FORMATS), NULL for the others (which
    need no window or are read whole)."""
    return _ReadingWindow()


def claim_spoken_quote(*, quote: str, source_format: str, start_char: int, end_char: int, window: str | None) -> str | None:
    """A claim's quote as spoken (markup.spoken_quote) from its claim_reading_window_expression
    value; None when its interview's whole source must be read (claim_spoken_quotes_filled)."""
    window_start = max(start_char - SPOKEN_WINDOW_CHARS, 0)
    reaches_end = window is not None and len(window) < end_char + SPOKEN_WINDOW_CHARS - window_start
    return spoken_quote(quote, source_format, start=start_char, end=end_char, window=window,
                        window_start=window_start, window_reaches_end=reaches_end)


def claim_spoken_quotes_filled(rows: list[dict]) -> list[dict]:
    """Response rows (api.rows) in, the same rows with each missing spoken_quote read from its
    interview's whole source: one query for the page, one reading per interview, none when no row
    misses one."""
    missing = [row for row in rows if row["spoken_quote"] is None]
    if not missing:
        return rows
    sources = Interview.objects.filter(slug__in={row["interview"] for row in missing}).values_list(
        "slug", "source_format", "source_text")
    readings = {slug: reading_text(text, fmt) for slug, fmt, text in sources}
    for row in missing:
        row["spoken_quote"] = spoken_words(readings[row["interview"]], row["start_char"], row["end_char"])
    return rows


def claim_spoken_quote_of(claim: Claim) -> str:
    """One claim's quote as spoken, read from its interview's source (loaded): only the claim's lines
    for formats read line by line."""
    source, fmt = claim.interview.source_text, claim.interview.source_format
    spoken = spoken_quote(claim.quote, fmt, start=claim.start_char, end=claim.end_char, window=source,
                          window_reaches_end=True)
    return spoken if spoken is not None else spoken_words(reading_text(source, fmt), claim.start_char, claim.end_char)


def claim_row_get(*, pk: int, fields: Sequence[str], annotations: dict | None = None, user=None) -> tuple | None:
    """One claim the user may read as the values of `fields` (values_list paths), then of `annotations`
    (name: expression), then its sorted topic slugs (a list), in one query; None when there is no such claim.

    Issue 8: the detail view spent more time building and compiling its query than running it, so
    the SQL and its converters are compiled once per thread, visibility and field list.
    """
    sees_all = _sees_all(user)
    cache = _compiled.__dict__.setdefault("rows", {})
    annotations = annotations or {}
    key = (connection.alias, connection.vendor, sees_all, tuple(fields), tuple(annotations))
    if key not in cache:
        queryset = (
            claim_list(user=user).filter(pk=_ROW_PK)
            .annotate(**annotations, topic_slugs=claim_topics_expression())
            .values_list(*fields, *annotations, "topic_slugs")
        )
        compiler = queryset.query.get_compiler(connection.alias)
        sql, params = compiler.as_sql()
        assert list(params).count(_ROW_PK) == 1
        converters = compiler.get_converters([col for col, _, _ in compiler.select[: compiler.col_count]])
        cache[key] = (sql, list(params), list(params).index(_ROW_PK), compiler, converters)
    sql, params, index, compiler, converters = cache[key]
    params = params.copy()
    params[index] = int(pk)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if not rows:
        return None
    if converters:
        rows = list(compiler.apply_converters(rows, converters))
    *values, slugs = rows[0]
    return (*values, topic_slugs_from_column(slugs))


def claim_search(claims: QuerySet, q: str, *, claim_path: str = "") -> QuerySet:
    """Claims (or rows reached through `claim_path`, e.g. 'claim__') whose quote or statement match `q`.

    PostgreSQL: full-text search (websearch syntax, English stemming) on the indexed tsvector.
    SQLite: the FTS5 index (porter stemming), the same syntax translated by `fts5_query`.
    Elsewhere: every word of `q` must occur, case-insensitively, in the quote or the statement.
    """
    if connection.vendor == "postgresql":
        if not claim_path:
            return claims.filter(_TsMatch(F("pk"), q))
        return claims.filter(**{f"{claim_path}in": Claim.objects.filter(_TsMatch(F("pk"), q)).values("pk")})
    if connection.vendor == "sqlite":
        expression = fts5_query(q)
        if expression is not None:
            return claims.filter(**{f"{claim_path}pk__in": RawSQL(_SQLITE_FTS, (expression,))})
        excluded = fts5_terms(q)[1]
        if not excluded:
            return claims.none()
        # "-word" alone: every claim without the word, as PostgreSQL's websearch_to_tsquery reads it
        return claims.exclude(**{f"{claim_path}pk__in": RawSQL(_SQLITE_FTS, (" OR ".join(excluded),))})
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
    ids = [int(pk) for pk in claim_ids]
    if not ids:
        return {}
    # Raw SQL: on every list page, and the ORM's compilation cost more than the query (issue 8).
    sql = (
        "SELECT ct.claim_id, t.slug FROM claims_claim_topics ct JOIN claims_topic t ON t.id = ct.topic_id "
        f"WHERE ct.claim_id IN ({', '.join(['%s'] * len(ids))}) ORDER BY t.slug"
    )
    slugs: dict[int, list[str]] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, ids)
        for claim_id, slug in cursor.fetchall():
            slugs.setdefault(claim_id, []).append(slug)
    return slugs


def topic_tree() -> list[tuple[int, int | None, str]]:
    """Every topic as (id, parent_id, slug), in one raw query: topics are few, and one read serves
    both the slug lookup and the subtree of a ?topic= filter."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, parent_id, slug FROM claims_topic")
        return cursor.fetchall()


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


# Issue 8: the topic and speaker claim counts scanned the whole link table (4.5 s and 1.4 s at 1M
# claims). Each count now stops at COUNT_CAP matching rows (COUNT_CAP means "COUNT_CAP or more"), so a
# page of 100 speakers or interviews, or the 50 topics, reads ~10,000 rows at most; a topic list's
# counts are also kept COUNT_CACHE_SECONDS in the cache, per visibility.
COUNT_CAP = 100
COUNT_CACHE_SECONDS = 60


def _capped_count(rows_sql: str) -> str:
    return f"(SELECT count(*) FROM ({rows_sql} LIMIT {COUNT_CAP}) AS capped)"


def _topic_counts(*, sees_all: bool, tree: list[tuple[int, int | None]]) -> tuple[dict[int, int], dict[int, int]]:
    """(direct, subtree) capped claim counts by topic id, read in one query."""
    # The status check is a scalar subquery on purpose: it cannot be turned into a join, so each link
    # row costs one primary-key probe; as a join, PostgreSQL merge-joined the whole claim table (3.4 s).
    status = "" if sees_all else "AND (SELECT c.status FROM claims_claim c WHERE c.id = ct.claim_id) = %s"
    linked = f"SELECT 1 FROM claims_claim_topics ct WHERE ct.topic_id = t.id {status}"
    ids = [pk for pk, _ in tree]
    children = {pk for _, pk in tree if pk is not None}
    subtree_sql, params = [], []
    for pk in ids:
        if pk not in children:
            continue
        members = sorted(topic_subtree_ids([Topic(pk=pk)], tree=tree))
        # Distinct claims of the subtree, from at most COUNT_CAP * len(members) link rows: a claim has
        # at most len(members) of them, so when the LIMIT is reached there are COUNT_CAP distinct claims.
        rows = (
            "SELECT ct.claim_id FROM claims_claim_topics ct "
            f"WHERE ct.topic_id IN ({', '.join(str(int(m)) for m in members)}) {status} LIMIT {COUNT_CAP * len(members)}"
        )
        subtree_sql.append(
            f"CASE WHEN t.id = {int(pk)} THEN (SELECT CASE WHEN count(DISTINCT claim_id) > {COUNT_CAP} THEN {COUNT_CAP} "
            f"ELSE count(DISTINCT claim_id) END FROM ({rows}) AS links) END"
        )
        params += [] if sees_all else [Claim.Status.APPROVED]
    subtree = f"COALESCE({', '.join(subtree_sql)}, NULL)" if subtree_sql else "NULL"
    sql = f"SELECT t.id, {_capped_count(linked)}, {subtree} FROM claims_topic t"
    if connection.vendor == "postgresql":
        # Each capped count reads at most COUNT_CAP rows, but the planner prices them as if the LIMIT
        # might not be reached: it built a bitmap of all ~30,000 links of each topic, and JIT compilation
        # took 310 ms of 450 (1M claims). Both off, SET LOCAL in the same round trip: for this
        # transaction only (savepoint=False: no extra statements). Inside a caller's transaction SET
        # LOCAL would last to its end (a search after it could not use its GIN index, which only bitmap
        # scans read): there a savepoint, rolled back after the read, ends them with the query.
        sql = "SET LOCAL jit = off; SET LOCAL enable_bitmapscan = off; " + sql
    settings_outlive_query = connection.vendor == "postgresql" and connection.in_atomic_block
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        savepoint = transaction.savepoint() if settings_outlive_query else None
        cursor.execute(sql, ([] if sees_all else [Claim.Status.APPROVED]) + params)
        rows = cursor.fetchall()
        if savepoint is not None:
            transaction.savepoint_rollback(savepoint)
    return {pk: n for pk, n, _ in rows}, {pk: n for pk, _, n in rows if n is not None}


def topic_list(*, user=None) -> list[Topic]:
    """All topics by slug, each with `parent_slug`, `children_slugs`, `former_slugs_joined`, `claim_count`
    (tagged directly) and `subtree_claim_count` (tagged with it or a subtopic), counting claims the
    user may read, each count capped at COUNT_CAP."""
    topics = list(Topic.objects.annotate(former_slugs_joined=former_slugs_expression(Topic)).order_by("slug"))
    by_pk = {topic.pk: topic for topic in topics}
    tree = [(topic.pk, topic.parent_id) for topic in topics]
    sees_all = _sees_all(user)
    key = f"claims:topic-counts:{int(sees_all)}:{hash(tuple(sorted(tree)))}"
    counts = cache.get(key)
    if counts is None:
        counts = _topic_counts(sees_all=sees_all, tree=tree)
        cache.set(key, counts, COUNT_CACHE_SECONDS)
    direct, subtree = counts
    for topic in topics:
        topic.children_slugs = []
    for topic in topics:
        parent = by_pk.get(topic.parent_id)
        topic.parent_slug = parent.slug if parent else None
        if parent is not None:
            parent.children_slugs.append(topic.slug)
        topic.claim_count = direct.get(topic.pk, 0)
        topic.subtree_claim_count = subtree.get(topic.pk, topic.claim_count)
    return topics


def speaker_list(*, user=None) -> QuerySet[Speaker]:
    """Speakers by slug, with `claim_count` (claims the user may read, capped at COUNT_CAP), `interview_count`
    and `former_slugs_joined` (former_slugs_from_column reads it)."""
    status, params = ("", ()) if _sees_all(user) else ("AND c.status = %s", (Claim.Status.APPROVED,))
    capped = RawSQL(_capped_count(f'SELECT 1 FROM claims_claim c WHERE c.speaker_id = "claims_speaker"."id" {status}'), params, output_field=IntegerField())
    interviews = Participation.objects.filter(speaker=OuterRef("pk")).order_by().values("speaker")
    return Speaker.objects.annotate(
        claim_count=capped,
        interview_count=Coalesce(Subquery(interviews.annotate(n=Count("pk")).values("n")), 0),
        former_slugs_joined=former_slugs_expression(Speaker),
    ).order_by("slug")


def interview_list(*, user=None) -> QuerySet[Interview]:
    """Interviews by date, without their source text, with participants (hosts first), chapters and `claim_count` (capped at COUNT_CAP)."""
    status, params = ("", ()) if _sees_all(user) else ("AND c.status = %s", (Claim.Status.APPROVED,))
    rows = f'SELECT 1 FROM claims_claim c WHERE c.interview_id = "claims_interview"."id" {status}'
    return (
        Interview.objects.defer("source_text")
        .annotate(claim_count=RawSQL(_capped_count(rows), params, output_field=IntegerField()))
        .prefetch_related(
            Prefetch("participations", queryset=Participation.objects.select_related("speaker").order_by("-role", "speaker__slug")),
            Prefetch("chapters", queryset=Chapter.objects.order_by("index")),
        )
        .order_by("published", "slug")
    )


def interview_get(*, slug: str, user=None) -> Interview | None:
    """One interview with its metadata (no source text), or None."""
    return interview_list(user=user).filter(slug=slug).first()


def related_count(model, field: str, **filters) -> Coalesce:
    """How many `model` rows (with `filters`) have `field` pointing at the outer row, as a correlated
    subquery: counted for the rows a page shows, where Count over a JOIN groups every row of both tables
    before the page is cut (the admin's speaker list over 200,000 claims: 9.6 s)."""
    rows = (model._default_manager.filter(**{field: OuterRef("pk")}, **filters).order_by()
            .values(field).annotate(n=Count("pk")).values("n"))
    return Coalesce(Subquery(rows), 0)


def interview_stored(*, data: bytes) -> Interview | None:
    """The interview ingested from these exact bytes (the same sha256), or None."""
    return Interview.objects.filter(sha256=hashlib.sha256(data).hexdigest()).first()


def interview_size(*, interview: Interview) -> tuple[int, int, int]:
    """A stored interview's turns, speakers (participants) and words said in its turns, as stored."""
    spans = list(Turn.objects.filter(interview=interview).values_list("start_char", "end_char"))
    words = spoken_word_count(interview.source_text, interview.source_format, spans)
    return len(spans), Participation.objects.filter(interview=interview).count(), words


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


# Former slugs: a speaker or topic merged into another, or renamed, leaves its slug to the row that
# holds what it named (claims.services._former_slugs_move), so links, saved queries, annotation
# sheets and citations made with it keep working. A current slug always wins over a former one.
# {model: (its former-slug model, the field naming the row)}
FORMER_SLUGS = {Speaker: (SpeakerFormerSlug, "speaker"), Topic: (TopicFormerSlug, "topic")}


def former_slug_targets(model, slugs: Iterable[str]) -> dict[str, int]:
    """{former slug: id of the speaker or topic it now names} for those of `slugs` that are former
    slugs of `model`'s rows (any model else: none), in one query."""
    wanted = list(dict.fromkeys(slugs))
    if model not in FORMER_SLUGS or not wanted:
        return {}
    former, owner = FORMER_SLUGS[model]
    # written out: every ingestion asks this of its speakers, and building the ORM's query took
    # ten times as long as running it (0.2 of its 0.02 ms on SQLite; a sixth of the writes' overhead)
    ops = connection.ops
    slug, owner_id = (ops.quote_name(former._meta.get_field(name).column) for name in ("slug", owner))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {slug}, {owner_id} FROM {ops.quote_name(former._meta.db_table)} "
                       f"WHERE {slug} IN ({', '.join(['%s'] * len(wanted))})", wanted)
        return dict(cursor.fetchall())


def slugs_resolve(model, slugs: Iterable[str]) -> dict:
    """{slug: row} for the given slugs that name a row of `model` now or formerly; one query, and a
    second only when a slug is no row's current one."""
    wanted = list(dict.fromkeys(slugs))
    found = {row.slug: row for row in model._default_manager.filter(slug__in=wanted)} if wanted else {}
    missing = [slug for slug in wanted if slug not in found]
    if missing and model in FORMER_SLUGS:
        former, owner = FORMER_SLUGS[model]
        found |= {row.slug: getattr(row, owner) for row in former.objects.filter(slug__in=missing).select_related(owner)}
    return found


def slug_current(model, slug: str) -> str | None:
    """The slug a former slug now leads to (its row's current slug), or None when it is no former slug."""
    if model not in FORMER_SLUGS:
        return None
    former, owner = FORMER_SLUGS[model]
    return former.objects.filter(slug=slug).values_list(f"{owner}__slug", flat=True).first()


def slug_map(model) -> dict:
    """{slug: row} of every row of `model`, by its current slug and by each of its former slugs (two queries)."""
    rows = list(model._default_manager.all())
    by_pk = {row.pk: row for row in rows}
    mapped = {}
    if model in FORMER_SLUGS:
        former, owner = FORMER_SLUGS[model]
        mapped = {slug: by_pk[pk] for slug, pk in former.objects.values_list("slug", f"{owner}_id") if pk in by_pk}
    return mapped | {row.slug: row for row in rows}


def former_slugs_expression(model) -> RawSQL:
    """A column for a query on `model`'s unaliased table: its rows' former slugs, comma-separated (slugs
    have no commas, read them with former_slugs_from_column), NULL when there are none."""
    former, owner = FORMER_SLUGS[model]
    joined = "string_agg(f.slug, ',')" if connection.vendor == "postgresql" else "group_concat(f.slug, ',')"
    sql = (f"SELECT {joined} FROM {former._meta.db_table} f "
           f'WHERE f.{owner}_id = "{model._meta.db_table}"."id"')
    return RawSQL(sql, (), output_field=TextField())


def former_slugs_from_column(value: str | None) -> list[str]:
    """The sorted former slugs of a former_slugs_expression column's value (sorted here: the same on every database)."""
    return sorted(value.split(",")) if value else []


def rows_now(model, ids: Iterable[int]) -> dict:
    """{id: row} for ids of `model`'s rows, where a row deleted by a merge gives the row it was merged
    into (its last slug, from its history, is a former slug of that one); ids leading nowhere are absent.
    For old history versions, which still name a merged speaker or topic by its id."""
    wanted = set(ids)
    found = model._default_manager.in_bulk(wanted)
    gone = wanted - found.keys()
    if gone:
        last_slug = {}
        for pk, slug in (model.history.filter(id__in=gone).order_by("history_date", "history_id")
                         .values_list("id", "slug")):
            last_slug[pk] = slug
        now = slugs_resolve(model, last_slug.values())
        found.update({pk: now[slug] for pk, slug in last_slug.items() if slug in now})
    return found
