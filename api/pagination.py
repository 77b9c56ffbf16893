"""Keyset (cursor) pagination over an explicit sort key, and a page-number paginator for small lists.

A keyset page is "the next N rows after the position (k1, k2, ...)" in the sort order, so page 10,000
costs what page 1 costs: the leading key is a range on an index (e.g. claim_date_idx on (date, id)),
never an OFFSET. No COUNT is run. Nullable keys sort as +infinity: last when ascending, first when
descending, which is PostgreSQL's own order for a plain b-tree index read forwards or backwards.
"""
from __future__ import annotations

import base64
import threading
import binascii
import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

import orjson
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import F, Q, QuerySet
from django.db.models.expressions import RawSQL
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import BasePagination, PageNumberPagination
from rest_framework.utils.urls import remove_query_param, replace_query_param

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 1000
EXPORT_CHUNK = 2000


@dataclass(frozen=True)
class Key:
    """One column of a sort key: its ORM path, its Python type, whether it can be NULL, its direction."""

    path: str
    kind: type = int
    nullable: bool = False
    descending: bool = False

    def flipped(self) -> Key:
        return replace(self, descending=not self.descending)

    def order(self):
        expression = F(self.path)
        if not self.nullable:
            return expression.desc() if self.descending else expression.asc()
        return expression.desc(nulls_first=True) if self.descending else expression.asc(nulls_last=True)

    def encode(self, value):
        return value.isoformat() if isinstance(value, dt.date) else value

    def decode(self, value):
        if value is None:
            if not self.nullable:
                raise ValueError(f"{self.path} cannot be null")
            return None
        if self.kind is dt.date:
            return dt.date.fromisoformat(value)
        if self.kind is int and (type(value) is not int or abs(value) >= 2**63):
            raise ValueError(f"{self.path} must be an integer")
        if self.kind is str and not isinstance(value, str):
            raise ValueError(f"{self.path} must be a string")
        return value


def descending(keys: Sequence[Key]) -> tuple[Key, ...]:
    return tuple(key.flipped() for key in keys)


def _equal(key: Key, value) -> Q:
    return Q(**{f"{key.path}__isnull": True}) if value is None else Q(**{key.path: value})


def _greater(key: Key, value) -> Q | None:
    """Rows strictly after `value` on this key alone; None when no row can be."""
    if key.descending:
        return Q(**{f"{key.path}__isnull": False}) if value is None else Q(**{f"{key.path}__lt": value})
    if value is None:
        return None
    after = Q(**{f"{key.path}__gt": value})
    return after | Q(**{f"{key.path}__isnull": True}) if key.nullable else after


def _after(keys: Sequence[Key], values: Sequence) -> Q | None:
    """Rows strictly after the position in lexicographic order; None when no row can be."""
    result, prefix = None, Q()
    for key, value in zip(keys, values):
        greater = _greater(key, value)
        if greater is not None:
            term = prefix & greater
            result = term if result is None else result | term
        prefix &= _equal(key, value)
    return result


def _segments(keys: Sequence[Key], position: Sequence | None) -> list[Q]:
    """Filters, read in turn, that together give the rows after `position` in order.

    The first key becomes a plain range (date >= d) so the index does the work; the NULLs of a
    nullable first key are then a separate segment rather than an OR the index cannot serve.
    """
    if position is None:
        return [Q()]
    first, value = keys[0], position[0]
    rest = _after(keys[1:], position[1:])
    same_then_rest = Q(pk__in=[]) if rest is None else _equal(first, value) & rest
    if value is None:
        segments = [] if rest is None else [Q(**{f"{first.path}__isnull": True}) & rest]
        if first.descending:
            segments.append(Q(**{f"{first.path}__isnull": False}))
        return segments
    if first.descending:
        return [Q(**{f"{first.path}__lte": value}) & (Q(**{f"{first.path}__lt": value}) | same_then_rest)]
    segments = [Q(**{f"{first.path}__gte": value}) & (Q(**{f"{first.path}__gt": value}) | same_then_rest)]
    if first.nullable:
        segments.append(Q(**{f"{first.path}__isnull": True}))
    return segments


_PAGE_MARKER = "SELECT 0 WHERE 1 = 0 /* keyset page */"
_compiled = threading.local()


def _page_reader(queryset: QuerySet, keys: Sequence[Key], columns: Sequence[str], annotations: dict):
    """The outer query (columns and joins for the ids of one page), compiled once per thread and shape:
    (sql with a marker where the page's id query goes, the compiler, its converters).
    `annotations` (name: expression) are columns the outer query adds; `columns` may name them."""
    cache = _compiled.__dict__.setdefault("readers", {})
    key = (queryset.model, queryset.db, tuple(keys), tuple(columns), tuple(annotations))
    if key not in cache:
        outer = (
            queryset.model._base_manager.using(queryset.db)
            .annotate(**annotations)
            .filter(pk__in=RawSQL(_PAGE_MARKER, ()))
            .order_by(*(k.order() for k in keys))
            .values_list(*columns)
        )
        compiler = outer.query.get_compiler(queryset.db)
        sql, params = compiler.as_sql()
        assert not params and sql.count(_PAGE_MARKER) == 1
        converters = compiler.get_converters([s[0] for s in compiler.select[: compiler.col_count]])
        cache[key] = (sql, compiler, converters)
    return cache[key]


def _order_clause(queryset: QuerySet, keys: Sequence[Key]) -> str:
    """The ORDER BY text of `keys` on the model's own columns, compiled once per thread and shape."""
    cache = _compiled.__dict__.setdefault("orders", {})
    key = (queryset.model, queryset.db, tuple(keys))
    if key not in cache:
        ordered = queryset.model._base_manager.using(queryset.db).order_by(*(k.order() for k in keys)).values("pk")
        sql, params = ordered.query.sql_with_params()
        assert not params and sql.count(" ORDER BY ") == 1
        cache[key] = sql.split(" ORDER BY ", 1)[1]
    return cache[key]


def _rows_for_page(
    page: QuerySet, keys: Sequence[Key], columns: Sequence[str], annotations: dict, order_limit: str = "",
) -> list[tuple]:
    """Value tuples (as values_list gives them) for the ids `page` selects, in key order;
    `order_limit` (ORDER BY ... LIMIT n) is appended to the page's SQL when it has none of its own.

    Issue 8: compiling the 26-column, 3-join values_list cost more than running it; only the small id
    query is compiled per request. The page query is spliced in as a subquery: its own table
    reference ("claims_claim") shadows the outer one, so its conditions bind to its own rows.
    """
    sql, compiler, converters = _page_reader(page, keys, columns, annotations)
    try:
        inner_sql, inner_params = page.query.sql_with_params()
    except EmptyResultSet:  # e.g. .none(): a search without words
        return []
    inner_sql += order_limit
    with connections[page.db].cursor() as cursor:
        cursor.execute(sql.replace(_PAGE_MARKER, inner_sql), inner_params)
        rows = cursor.fetchall()
    if converters:
        rows = [tuple(row) for row in compiler.apply_converters(rows, converters)]
    return rows


def keyset_fetch(
    queryset: QuerySet, keys: Sequence[Key], fields: Sequence[str], position, limit: int, annotations: dict | None = None,
) -> list[tuple]:
    """Up to `limit` value tuples after `position` (None: from the start): `fields`, then the values of
    `annotations` (name: expression, added to the row query), then the key values."""
    order = [key.order() for key in keys]
    annotations = annotations or {}
    columns = [*fields, *annotations, *(key.path for key in keys)]
    own_columns = all("__" not in key.path for key in keys)
    rows: list[tuple] = []
    for segment in _segments(keys, position):
        # Ids first, on the bare filtered table, then the joins for those ids only: the planner picks
        # the page's plan (date index walk, or GIN matches then sort for a rare search word) without
        # the joins skewing the LIMIT estimate (issue 8: a medium-rare word walked 26,000 rows).
        if own_columns:
            # Keys on the table's own columns: the ORDER BY text is compiled once (issue 8: resolving
            # the ordering was a tenth of a search request), the per-request compile covers the WHERE.
            page = queryset.filter(segment).order_by().values("pk")
            order_limit = f" ORDER BY {_order_clause(queryset, keys)} LIMIT {int(limit - len(rows))}"
        else:
            page = queryset.filter(segment).order_by(*order).values("pk")[: limit - len(rows)]
            order_limit = ""
        # No DISTINCT (a multiple-choice filter asks for it): it would add the ORDER BY columns to this
        # id subquery. Rows cannot repeat: the filters reach to-many relations (topics) only through EXISTS.
        page.query.distinct = False
        rows += _rows_for_page(page, keys, columns, annotations, order_limit)
        if len(rows) >= limit:
            break
    return rows


def keyset_iterate(
    queryset: QuerySet, keys: Sequence[Key], fields: Sequence[str], chunk: int = EXPORT_CHUNK, *, annotations: dict | None = None,
) -> Iterator[list[tuple]]:
    """Every row in order, in chunks, each chunk one keyset read: for streaming exports."""
    position = None
    while True:
        rows = keyset_fetch(queryset, keys, fields, position, chunk, annotations)
        if rows:
            yield rows
        if len(rows) < chunk:
            return
        position = rows[-1][-len(keys):]


class KeysetPagination(BasePagination):
    """?cursor= and ?page_size= over named orderings; the view passes the ordering the filters validated."""

    orderings: dict[str, tuple[Key, ...]] = {}
    default_ordering = ""
    page_size = DEFAULT_PAGE_SIZE
    max_page_size = MAX_PAGE_SIZE
    display_page_controls = False

    def page_size_from(self, request) -> int:
        return page_size_from(request, self.page_size, self.max_page_size)

    def ordering_from(self, request) -> str:
        name = request.query_params.get("ordering") or self.default_ordering
        if name not in self.orderings:
            raise ValidationError({"ordering": [f"Unknown ordering {name!r}; use one of: {', '.join(self.orderings)}."]})
        return name

    def _decode(self, raw: str, ordering: str) -> tuple[list, bool]:
        try:
            payload = orjson.loads(base64.urlsafe_b64decode(raw.encode("ascii") + b"=" * (-len(raw) % 4)))
            if isinstance(payload, dict) and payload.get("o") in self.orderings and payload["o"] != ordering:
                raise ValidationError({"cursor": [
                    f"Invalid cursor: it was made for ordering {payload['o']!r}, not {ordering!r}; "
                    "follow the next/previous links as given."]})
            if payload["o"] != ordering:
                raise ValueError
            keys = self.orderings[ordering]
            values = payload["p"]
            if not isinstance(values, list) or len(values) != len(keys):
                raise ValueError("wrong length")
            return [key.decode(value) for key, value in zip(keys, values)], bool(payload.get("r"))
        except (ValueError, KeyError, TypeError, UnicodeError, binascii.Error, orjson.JSONDecodeError):
            # the decoder's own words ("unexpected character: line 1 column 1 (char 0)") tell a user nothing
            raise ValidationError({"cursor": ["Invalid cursor: not one this API gave; follow the next/previous links as given."]}) from None

    def _encode(self, ordering: str, values: Sequence, reverse: bool) -> str:
        keys = self.orderings[ordering]
        payload = {"o": ordering, "p": [key.encode(v) for key, v in zip(keys, values)]}
        if reverse:
            payload["r"] = 1
        return base64.urlsafe_b64encode(orjson.dumps(payload)).decode("ascii").rstrip("=")

    def paginate(
        self, queryset: QuerySet, request, fields: Sequence[str], annotations: dict | None = None,
    ) -> tuple[list[tuple], str | None, str | None]:
        """One page of value tuples (annotations and key values appended) and the next/previous links."""
        ordering = self.ordering_from(request)
        size = self.page_size_from(request)
        keys = self.orderings[ordering]
        raw = request.query_params.get("cursor")
        position, reverse = self._decode(raw, ordering) if raw else (None, False)
        read_keys = descending(keys) if reverse else keys
        rows = keyset_fetch(queryset, read_keys, fields, position, size + 1, annotations)
        more = len(rows) > size
        rows = rows[:size]
        if reverse:
            rows.reverse()
        n = len(keys)
        url = request.build_absolute_uri()
        link = lambda values, back: replace_query_param(url, "cursor", self._encode(ordering, values, back))  # noqa: E731
        next_link = previous_link = None
        if rows:
            if more or reverse:
                next_link = link(rows[-1][-n:], False)
            if (more and reverse) or (raw and not reverse):
                previous_link = link(rows[0][-n:], True)
        elif raw and not reverse:
            previous_link = remove_query_param(url, "cursor")
        return rows, next_link, previous_link

    def get_schema_operation_parameters(self, view):
        return [
            {"name": "cursor", "required": False, "in": "query", "schema": {"type": "string"},
             "description": "Opaque position from a previous response's next/previous link."},
            {"name": "page_size", "required": False, "in": "query",
             "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size, "default": self.page_size},
             "description": f"Rows per page, 1 to {self.max_page_size}. CSV and JSON Lines exports are not paginated."},
        ]

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {
                "next": {"type": "string", "nullable": True, "format": "uri"},
                "previous": {"type": "string", "nullable": True, "format": "uri"},
                "results": schema,
            },
        }


def page_size_from(request, default: int, maximum: int) -> int:
    raw = request.query_params.get("page_size")
    if raw is None or raw == "":
        return default
    if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= maximum:
        raise ValidationError({"page_size": [f"Must be a whole number from 1 to {maximum}; got {raw[:50]!r}."]})
    return int(raw)


class ClaimPagination(KeysetPagination):
    """Claims by date (the default), by speaker, or by position in their interview."""

    _by_date = (Key("date", dt.date, nullable=True), Key("id"))
    _by_speaker = (Key("speaker__slug", str), Key("date", dt.date, nullable=True), Key("id"))
    _by_position = (Key("interview_id"), Key("start_char"), Key("end_char"))
    orderings = {
        "date": _by_date,
        "-date": descending(_by_date),
        "speaker": _by_speaker,
        "-speaker": descending(_by_speaker),
        "position": _by_position,
        "-position": descending(_by_position),
    }
    default_ordering = "date"


class PredictionPagination(KeysetPagination):
    """Predictions by target date (the default) or by the date the prediction was made."""

    _by_target = (Key("target_end", dt.date, nullable=True), Key("id"))
    _by_date = (Key("claim__date", dt.date, nullable=True), Key("id"))
    orderings = {
        "target": _by_target,
        "-target": descending(_by_target),
        "date": _by_date,
        "-date": descending(_by_date),
    }
    default_ordering = "target"


class SmallListPagination(PageNumberPagination):
    """Page numbers for the small tables (topics, speakers, interviews), where counting is cheap."""

    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def get_page_size(self, request):
        return page_size_from(request, self.page_size, self.max_page_size)

    def get_page_number(self, request, paginator):
        raw = request.query_params.get(self.page_query_param) or 1
        if raw not in ("last", 1) and not (str(raw).isascii() and str(raw).isdigit() and len(str(raw)) < 10 and int(raw) > 0):
            raise ValidationError({"page": [f"Must be a page number (1, 2, ... or last); got {str(raw)[:50]!r}."]})
        return super().get_page_number(request, paginator)  # "last": the last page's number

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound:
            # DRF says only "Invalid page."
            pages = self.django_paginator_class(queryset, self.get_page_size(request)).num_pages
            given = request.query_params.get(self.page_query_param)
            raise NotFound(f"No page {given[:50]}: there {'is 1 page' if pages == 1 else f'are {pages} pages'}.") from None

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == "page_size":
                parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": self.max_page_size}
            if parameter["name"] == "page":
                parameter["schema"] = {"type": "integer", "minimum": 1}
        return parameters
