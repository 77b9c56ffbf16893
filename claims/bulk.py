"""Fixtures at scale: a streaming export that gives Django's serializer's exact bytes, and a streaming import.

Export (`interviews_export`): one pass per table over the whole table, not queries per interview.
Interviews, participations, chapters, turns and claims (each with its topic ids and its prediction)
are read in chunks (server-side cursors on PostgreSQL), all ordered by interview id so the passes
advance side by side and each interview's two files are written as its rows arrive; foreign keys
become natural keys through in-memory maps of slugs (speakers, topics, interviews: small tables).
Objects are dumped with orjson, laid out exactly as `json.dump(indent=2, ensure_ascii=False)` lays
them out (an object with a float orjson would spell differently, e.g. 1e-05, goes through json).
Memory holds a chunk of rows and at most FLUSH_AT bytes of one file, whatever the database's size.

Import (`fixtures_import`): files are parsed whole by orjson up to FAST_PARSE_BYTES, else one object
at a time out of a bounded buffer; natural keys are resolved through in-memory maps (topics, speakers,
interviews; claims: the current file only, else one query); quotes are checked against transcripts
held in an LRU bounded by characters (filled as interviews are imported; a miss reads the next claims
files' transcripts in one query). Rows are written in batches across files: COPY on PostgreSQL, a
staging table and one INSERT ... SELECT per batch on SQLite, all in one transaction. It checks what
the strict loaddata checks: unknown references and duplicates stop the load, a claim's quote must be
its interview's text at its offsets and its date the interview's published date, only prediction
claims carry a prediction. Like loaddata (raw saves) it writes no history rows and keeps
created_at/updated_at as given.
"""
from __future__ import annotations

import datetime as dt
import functools
import math
import io
import json
import os
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import orjson
from django.core.management.base import CommandError
from django.core.management.color import no_style
from django.db import DatabaseError, IntegrityError, connection, models, transaction
from django.db.backends.base.operations import BaseDatabaseOperations

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

READ_CHUNK = 1 << 20
FAST_PARSE_BYTES = 4 << 20  # fixture files up to this size are parsed whole (orjson)
BATCH = 5000
EXPORT_CHUNK = 2000
TEXT_CACHE_CHARS = 16 << 20  # transcripts kept for the quote checks (LRU), in characters
TEXT_PREFETCH = 50  # transcripts read together on a cache miss
INTERVIEW_CHUNK = 5  # rows with whole transcripts

# Export ------------------------------------------------------------------------------------------


def stable_datetime(value: dt.datetime | None) -> str | None:
    """StableJSONEncoder's spelling: UTC with milliseconds and a Z."""
    if value is None:
        return None
    value = value.astimezone(dt.timezone.utc)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def _orjson_safe(value) -> bool:
    """Whether orjson writes this value exactly as json does (it spells tiny and huge floats differently)."""
    if isinstance(value, float):
        magnitude = abs(value)
        return magnitude == 0.0 or 1e-4 <= magnitude < 1e16
    if isinstance(value, dict):
        return all(_orjson_safe(item) for item in value.values())
    if isinstance(value, list):
        return all(_orjson_safe(item) for item in value)
    return True


def _json_dump(data: dict) -> bytes:
    from .dataset import StableJSONEncoder

    return json.dumps(data, indent=2, ensure_ascii=False, separators=(",", ": "), cls=StableJSONEncoder).encode()


def dump_object(data: dict) -> bytes:
    """One fixture object exactly as Django's JSON serializer (indent=2) writes it."""
    if _orjson_safe(data):
        try:
            return orjson.dumps(data, option=orjson.OPT_INDENT_2)
        except TypeError:
            pass
    return _json_dump(data)


def _serialized_fields(model) -> list[models.Field]:
    """The fields Django's serializer writes, in its order: local fields (foreign keys where they stand),
    then the many-to-many fields with an auto-created table."""
    return [f for f in model._meta.local_fields if f.serialize] + [
        f for f in model._meta.local_many_to_many if f.serialize and f.remote_field.through._meta.auto_created
    ]


def _cached_datetime(postgres: bool) -> Callable:
    """A database datetime -> StableJSONEncoder's text (bulk-created rows share few distinct timestamps)."""
    @functools.lru_cache(maxsize=8192)
    def convert(value):
        if value is None:
            return None
        if isinstance(value, str):  # SQLite without its declared-type converters
            value = dt.datetime.fromisoformat(value)
        if value.tzinfo is None:  # SQLite stores UTC
            value = value.replace(tzinfo=dt.timezone.utc)
        return stable_datetime(value)
    return convert


class _Rows:
    """How rows of one model's table, read raw, become the `fields` of Django's serializer.

    `select` lists the columns in serializer order; `convert(row)` gives the fields dict (foreign keys as
    natural keys from the in-memory slug maps). Values are what Django's python serializer keeps: None,
    numbers, booleans and dates/datetimes as the JSON encoder spells them, everything else as text.
    """

    def __init__(self, model, alias: str, keys: dict[str, Callable]):
        postgres = connection.vendor == "postgresql"
        self.model = model
        self.label = model._meta.label_lower
        fields = [f for f in _serialized_fields(model) if not f.many_to_many]
        self.names = [f.name for f in fields]
        self.select = []
        for f in fields:
            column = f"{alias}.{connection.ops.quote_name(f.column)}"
            if not postgres and isinstance(f, (models.DateTimeField, models.DateField)):
                column = f"CAST({column} AS TEXT)"  # as stored: skips the driver's parsing (ours is cached)
            self.select.append(column)
        self.floats = [i for i, f in enumerate(fields) if isinstance(f, models.FloatField)]
        datetime_value = _cached_datetime(postgres)
        converters: list[Callable | None] = []
        for field in fields:
            if field.is_relation:
                converters.append(keys[field.name])
            elif isinstance(field, models.DateTimeField):
                converters.append(datetime_value)
            elif isinstance(field, models.DateField):
                converters.append(lambda v: v if v is None or isinstance(v, str) else v.isoformat())
            elif isinstance(field, models.JSONField):
                converters.append(lambda v: v if v is None else json.loads(v))
            elif isinstance(field, (models.BooleanField, models.IntegerField, models.FloatField, models.CharField,
                                    models.TextField)):
                # As the drivers give them: bool (SQLite through the converter Django registers for
                # 'bool' columns), int, float, str; value_to_string of a text field is the text itself.
                converters.append(None)
            else:  # value_to_string of anything else: its text
                converters.append(lambda v: v if v is None or isinstance(v, str) else str(v))
        names = self.names
        converted = [(names[i], i, c) for i, c in enumerate(converters) if c is not None]

        def fields_of(values) -> dict:
            fields = dict(zip(names, values))
            for name, i, convert in converted:
                fields[name] = convert(values[i])
            return fields

        self.fields = fields_of

    def dump(self, fields: dict) -> bytes:
        """The object's bytes; orjson unless a float would be spelled differently from json."""
        data = {"model": self.label, "fields": fields}
        names = self.names
        for i in self.floats:
            value = fields[names[i]]
            if value is not None and not (value == 0.0 or 1e-4 <= abs(value) < 1e16):
                return _json_dump(data)
        return orjson.dumps(data, option=orjson.OPT_INDENT_2)


def _stream(sql: str, params=(), chunk: int = EXPORT_CHUNK) -> Iterator[tuple]:
    """Rows of one query read in chunks: a server-side cursor on PostgreSQL, fetchmany on SQLite."""
    cursor = connection.chunked_cursor()
    try:
        cursor.execute(sql, params)
        while True:
            rows = cursor.fetchmany(chunk)
            if not rows:
                return
            yield from rows
    finally:
        cursor.close()


class _Grouped:
    """Rows ordered by interview id (column 0), taken one interview at a time."""

    def __init__(self, rows: Iterator[tuple]):
        self.rows = rows
        self.head = next(rows, None)

    def take(self, interview_id: int) -> Iterator[tuple]:
        while self.head is not None and self.head[0] <= interview_id:
            row, self.head = self.head, next(self.rows, None)
            if row[0] == interview_id:
                yield row


def _write_all(fd: int, data: bytes) -> int:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
    return len(data)


FLUSH_AT = 256 << 10  # bytes of one file held before they are written
FILE_FLAGS = os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0)


def write_array(path: str, objects: Iterable[bytes]) -> None:
    """A fixture file: '[', the objects separated by ',' each on a new line, ']' (Django's layout),
    written in few large calls (one for a file under FLUSH_AT bytes)."""
    # Written over the old file in place and cut to its new length, not truncated to zero first nor
    # deleted: on ext4 (auto_da_alloc, online discard) freeing and reallocating the blocks of 2,000
    # files made a re-export over an existing tree several times slower.
    fd = os.open(path, FILE_FLAGS, 0o644)
    try:
        parts, size, total, separator = [b"["], 1, 0, b"\n"
        for encoded in objects:
            parts.append(separator)
            parts.append(encoded)
            separator = b",\n"
            size += len(encoded) + 2
            if size >= FLUSH_AT:
                total += _write_all(fd, b"".join(parts))
                parts, size = [], 0
        parts.append(b"\n]\n")
        total += _write_all(fd, b"".join(parts))
        os.ftruncate(fd, total)
    finally:
        os.close(fd)


class Export:
    """The fixtures of every interview in one streaming pass per table (ordered by interview id, so that
    the passes run side by side); natural keys come from in-memory maps of slugs (small tables).

    Writes exactly what Django's serializer writes (indent=2, natural keys, StableJSONEncoder).
    """

    def __init__(self, interview_id: int | None = None):
        self.only = interview_id
        self.speakers = dict(Speaker.objects.values_list("pk", "slug"))
        self.topics = dict(Topic.objects.values_list("pk", "slug"))
        self.interview_slugs = dict(Interview.objects.values_list("pk", "slug"))
        # Orders the serializer took from the database (its collation), not from Python's comparison.
        self.topics_by_slug = list(Topic.objects.order_by("slug").values_list("pk", "slug"))

        def interview_key(value):
            return [self.interview_slugs[value]]

        def speaker_key(value):
            return None if value is None else [self.speakers[value]]

        keys = {"interview": interview_key, "speaker": speaker_key, "claim": None}
        self.interview = _Rows(Interview, "i", keys)
        self.participation = _Rows(Participation, "x", keys)
        self.chapter = _Rows(Chapter, "x", keys)
        self.turn = _Rows(Turn, "x", keys)
        self.claim = _Rows(Claim, "c", keys)
        self.prediction = _Rows(Prediction, "p", {"claim": lambda v: v})

    def _where(self, column: str) -> tuple[str, tuple]:
        return ("", ()) if self.only is None else (f" WHERE {column} = %s", (self.only,))

    def _part_rows(self, rows: _Rows, model, order: str, join: str = "") -> _Grouped:
        """One table's rows of every interview, by interview, then `order` (SQL over x and the joined tables)."""
        table = connection.ops.quote_name(model._meta.db_table)
        where, params = self._where("x.interview_id")
        return _Grouped(_stream(f"SELECT x.interview_id, {', '.join(rows.select)} FROM {table} x{join}{where} "
                                f"ORDER BY x.interview_id, {order}", params))

    def claim_rows(self) -> _Grouped:
        """Claims by (interview, span) with their topic ids (one text) and their prediction (LEFT JOIN)."""
        quote = connection.ops.quote_name
        link = quote(Claim.topics.through._meta.db_table)
        claims, predictions = quote(Claim._meta.db_table), quote(Prediction._meta.db_table)
        topic_ids = ("string_agg(t.topic_id::text, ',')" if connection.vendor == "postgresql"
                     else "group_concat(t.topic_id, ',')")
        where, params = self._where("c.interview_id")
        sql = (f"SELECT c.interview_id, {', '.join(self.claim.select)}, "
               f"(SELECT {topic_ids} FROM {link} t WHERE t.claim_id = c.id), p.id, {', '.join(self.prediction.select[1:])} "
               f"FROM {claims} c LEFT JOIN {predictions} p ON p.claim_id = c.id{where} "
               "ORDER BY c.interview_id, c.start_char, c.end_char")
        return _Grouped(_stream(sql, params))

    def claim_objects(self, rows: Iterable[tuple]) -> Iterator[bytes]:
        """Each claim's bytes, followed by its prediction's."""
        n = len(self.claim.select)
        # Topic ids (text) -> their natural keys ordered by slug; the keys are shared lists (read only).
        rank = {str(pk): position for position, (pk, _) in enumerate(self.topics_by_slug)}
        keys = [[slug] for _, slug in self.topics_by_slug]

        def slug_order(ids: str) -> list:
            return [keys[r] for r in sorted(rank[i] for i in ids.split(","))]

        start_at, end_at = self.claim.names.index("start_char"), self.claim.names.index("end_char")
        for row in rows:
            values = row[1:n + 1]
            fields = self.claim.fields(values)
            ids = row[n + 1]
            fields["topics"] = slug_order(ids) if ids else []
            yield self.claim.dump(fields)
            if row[n + 2] is not None:
                key = [fields["interview"][0], values[start_at], values[end_at]]
                yield self.prediction.dump(self.prediction.fields((key, *row[n + 3:])))

    def interview_objects(self, interview_row: tuple, participations, chapters, turns) -> Iterator[bytes]:
        yield self.interview.dump(self.interview.fields(interview_row[1:]))
        for row in participations:
            yield self.participation.dump(self.participation.fields(row[1:]))
        for row in chapters:
            yield self.chapter.dump(self.chapter.fields(row[1:]))
        for row in turns:
            yield self.turn.dump(self.turn.fields(row[1:]))

    def run(self, output_dir: Path) -> list[Path]:
        """Write interviews/<slug>.json and claims/<slug>.json for every interview; return the paths."""
        written = []
        where, params = self._where("i.id")
        quote = connection.ops.quote_name
        interviews = _stream(f"SELECT i.id, {', '.join(self.interview.select)} FROM {quote(Interview._meta.db_table)} i{where} "
                             "ORDER BY i.id", params, chunk=INTERVIEW_CHUNK)
        # The serializer's orders: participations by role then speaker slug, chapters and turns by index.
        participations = self._part_rows(self.participation, Participation, "x.role, s.slug",
                                         f" JOIN {quote(Speaker._meta.db_table)} s ON s.id = x.speaker_id")
        chapters = self._part_rows(self.chapter, Chapter, f"x.{quote('index')}")
        turns = self._part_rows(self.turn, Turn, f"x.{quote('index')}")
        claims = self.claim_rows()
        for folder in ("interviews", "claims"):
            (output_dir / folder).mkdir(parents=True, exist_ok=True)
        for row in interviews:
            interview_id = row[0]
            slug = self.interview_slugs[interview_id]
            path = os.path.join(output_dir, "interviews", f"{slug}.json")
            write_array(path, self.interview_objects(
                row, participations.take(interview_id), chapters.take(interview_id), turns.take(interview_id)))
            written.append(Path(path))
            path = os.path.join(output_dir, "claims", f"{slug}.json")
            write_array(path, self.claim_objects(claims.take(interview_id)))
            written.append(Path(path))
        return written


def interviews_export(output_dir: Path) -> list[Path]:
    """Every interview's two fixture files, in one read-only transaction (a consistent snapshot; on
    PostgreSQL the server-side cursors need it)."""
    with transaction.atomic():
        return Export().run(Path(output_dir))


def claim_dump_objects(interview: Interview) -> Iterator[dict]:
    """The interview's claims by span, each followed by its prediction, as fixture dicts (the export's path)."""
    export = Export(interview.pk)
    with transaction.atomic():
        for encoded in export.claim_objects(export.claim_rows().take(interview.pk)):
            yield json.loads(encoded)


# Import ------------------------------------------------------------------------------------------


def former_slug_defined_message(noun: str, slug: str, holder_slug: str) -> str:
    """Why a fixture may not define a speaker or topic under a slug that is now another's former slug."""
    # Treating the row as the one kept would overwrite its curated name and slug with the stale row's;
    # creating it would make the old slug, which links and citations use, name someone else.
    return (f"{noun} {slug!r} is a former slug of {noun} {holder_slug!r} (merged or renamed into it) and still "
            f"leads there, so it is not created again (drop the row, or first remove the former slug in the admin)")


def former_slug_current_message(noun: str, slug: str, owner_slug: str) -> str:
    """Why a fixture may not make a current slug another row's former slug."""
    return f"{slug!r} cannot become a former slug of {noun} {owner_slug!r}: it is the slug of {noun} {slug!r}"


def merged_parts_message(interview_slug: str, speaker_slug: str, first_role: str, second_role: str) -> str:
    """Why a fixture's interview is refused: two speakers it names, merged since, had different parts in it
    (what speaker_merge refuses too)."""
    return (f"interview {interview_slug!r} names speaker {speaker_slug!r} (two speakers since merged into it) as its "
            f"{first_role} and as its {second_role}: one person cannot be both, so it is not loaded (drop one of the "
            "two participation rows)")


def span_past_text(label: str, start: int | None, end: int | None, length: int) -> str | None:
    """Why a turn's span or a chapter's start lies past its transcript's end, or None (both loaders)."""
    if label == "claims.turn" and end is not None and end > length:
        return f"end_char {end} is past the end of the transcript ({length} characters)"
    if label == "claims.chapter" and start is not None and start > length:
        return f"start_char {start} is past the end of the transcript ({length} characters)"
    return None


def iter_json_array(path: Path, chunk: int = READ_CHUNK) -> Iterator[tuple[int, object]]:
    """The elements of a top-level JSON array, parsed one at a time; each with its line number.

    Only the current element and one read chunk are held in memory, never the whole file.
    """
    decoder = json.JSONDecoder()
    with open(path, encoding="utf-8-sig") as file:  # an editor's byte-order mark is not the file's text
        buffer, pos, line, eof = "", 0, 1, False

        def more() -> bool:
            nonlocal buffer, pos, eof
            data = file.read(chunk)
            if not data:
                eof = True
                return False
            buffer = buffer[pos:] + data
            pos = 0
            return True

        def skip_space():
            nonlocal pos, line
            while True:
                while pos < len(buffer) and buffer[pos] in " \t\r\n":
                    if buffer[pos] == "\n":
                        line += 1
                    pos += 1
                if pos < len(buffer) or not more():
                    return

        skip_space()
        if pos >= len(buffer) or buffer[pos] != "[":
            raise CommandError(f"{path}: not a JSON array")
        pos += 1
        expect_value = True
        first = True
        while True:
            skip_space()
            if pos >= len(buffer):
                raise CommandError(f"{path}:{line}: the file ends inside the array")
            char = buffer[pos]
            if char == "]":
                return
            if char == ",":
                if expect_value:
                    raise CommandError(f"{path}:{line}: unexpected ','")
                pos += 1
                expect_value = True
                continue
            if not expect_value and not first:
                raise CommandError(f"{path}:{line}: expected ',' or ']'")
            while True:
                try:
                    value, end = decoder.raw_decode(buffer, pos)
                    break
                except json.JSONDecodeError as error:
                    if eof or not more():
                        raise CommandError(f"{path}:{line}: {error.msg}") from None
            start_line = line
            line += buffer.count("\n", pos, end)
            pos = end
            first, expect_value = False, False
            yield start_line, value

class _Line:
    """The line an object starts on, worked out only when an error message prints it (fast path)."""

    def __init__(self, path: Path, index: int):
        self.path, self.index = path, index

    def __str__(self) -> str:
        for i, (line, _) in enumerate(iter_json_array(self.path)):
            if i == self.index:
                return str(line)
        return f"object {self.index + 1}"

    __repr__ = __str__

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

def iter_fixture_objects(path: Path) -> Iterator[tuple[object, object]]:
    """(line, object) for each object of a fixture file.

    Files up to FAST_PARSE_BYTES are parsed at once by orjson (most fixtures: one interview's rows);
    larger ones, and any file orjson refuses (it is stricter than json), go through the streaming
    parser, which holds one object at a time and reports the exact line of a syntax error.
    """
    try:
        size = path.stat().st_size
    except OSError as error:
        raise CommandError(f"{path}: {error}") from None
    if size <= FAST_PARSE_BYTES:
        data = path.read_bytes()
        try:
            objects = orjson.loads(data.removeprefix(b"\xef\xbb\xbf"))
        except orjson.JSONDecodeError:
            objects = None
        if isinstance(objects, list):
            for index, obj in enumerate(objects):
                yield _Line(path, index), obj
            return
    try:
        yield from iter_json_array(path)
    except UnicodeDecodeError:  # the streaming parser's position is in a chunk: find the line in the bytes
        raise not_utf8(path) from None


def not_utf8(path: Path) -> CommandError:
    """The refusal of a fixture file that is not UTF-8 text, at the line of its first bad byte."""
    data = path.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return CommandError(f"{path}:{line}: not UTF-8 text (byte {data[error.start]:#04x} at offset {error.start})")
    return CommandError(f"{path}: not UTF-8 text")

def copy_rows(cursor, copy_sql: str, rows) -> None:
    """Rows of values through `COPY ... FROM STDIN` (PostgreSQL, text format) on a Django cursor."""
    buffer = io.StringIO()
    buffer.writelines("\t".join(map(copy_text, row)) + "\n" for row in rows)
    buffer.seek(0)
    with connection.wrap_database_errors:  # the driver's own errors (UniqueViolation, DataError) as Django's
        cursor.cursor.copy_expert(copy_sql, buffer)

def copy_text(value) -> str:
    """One value in PostgreSQL COPY's text format."""
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    text = value if isinstance(value, str) else str(value)
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        text = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return text

class TableWriter:
    """Rows for one table, written in batches: COPY on PostgreSQL; on SQLite executemany into a
    temporary staging table, then one INSERT ... SELECT per batch.

    The staging matters on SQLite when the table has triggers (claims_claim keeps an FTS5 index by
    trigger): FTS5 flushes its pending terms at every statement, so row-by-row inserts wrote one index
    segment per claim (~4x slower than the same rows in one statement). Triggers and constraints
    still run, per row, inside the single INSERT ... SELECT.
    """

    def __init__(self, table: str, columns: list[str], batch: int = BATCH):
        self.table, self.columns, self.rows, self.batch = table, columns, [], batch
        self.count = 0
        quote = connection.ops.quote_name
        quoted = ", ".join(quote(c) for c in columns)
        self.copy_sql = f"COPY {quote(table)} ({quoted}) FROM STDIN"
        self.insert_sql = f"INSERT INTO {quote(table)} ({quoted}) VALUES ({', '.join(['%s'] * len(columns))})"
        self.staging = quote(f"bulk_staging_{table}")
        self.staged = False
        self.stage_sql = [
            f"CREATE TEMP TABLE IF NOT EXISTS {self.staging} AS SELECT {quoted} FROM {quote(table)} WHERE 0",
            f"DELETE FROM temp.{self.staging}",
        ]
        self.stage_insert_sql = f"INSERT INTO temp.{self.staging} ({quoted}) VALUES ({', '.join(['%s'] * len(columns))})"
        self.unstage_sql = f"INSERT INTO {quote(table)} ({quoted}) SELECT {quoted} FROM temp.{self.staging}"

    def add(self, row: tuple) -> None:
        self.rows.append(row)
        if len(self.rows) >= self.batch:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                copy_rows(cursor, self.copy_sql, self.rows)
            elif connection.vendor == "sqlite":
                if not self.staged:
                    for sql in self.stage_sql:
                        cursor.execute(sql)
                    self.staged = True
                cursor.executemany(self.stage_insert_sql, self.rows)
                cursor.execute(self.unstage_sql)
                cursor.execute(f"DELETE FROM temp.{self.staging}")
            else:
                cursor.executemany(self.insert_sql, self.rows)
        self.count += len(self.rows)
        self.rows = []

    def drop_staging(self) -> None:
        if self.staged:
            with connection.cursor() as cursor:
                cursor.execute(f"DROP TABLE IF EXISTS temp.{self.staging}")
            self.staged = False

def _converter(field: models.Field) -> Callable:
    """JSON value -> database value for a plain (non-relation) field."""
    postgres = connection.vendor == "postgresql"
    if isinstance(field, models.DateTimeField):
        @functools.lru_cache(maxsize=4096)  # exported rows share few distinct timestamps (bulk-created)
        def datetime_value(value):
            if value is None:
                return None
            parsed = dt.datetime.fromisoformat(value)
            if parsed.tzinfo is None:
                parsed = parsed.replace(tzinfo=dt.timezone.utc)
            return parsed if postgres else connection.ops.adapt_datetimefield_value(parsed)
        return datetime_value
    if isinstance(field, models.DateField):
        return lambda value: None if value is None else dt.date.fromisoformat(value).isoformat()
    if isinstance(field, models.JSONField):
        def to_json(value):
            problem = value_problem(field, value)
            if problem:
                raise ValueError(problem)
            return json.dumps(value, cls=field.encoder)
        return to_json
    return _checked(field) or _identity

def _identity(value):
    return value

# The columns' portable ranges (SQLite's integers are wider than PostgreSQL's).
INTEGER_RANGES = BaseDatabaseOperations.integer_field_ranges


def _shown(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


@functools.cache
def _choices(field: models.Field) -> frozenset[str]:
    return frozenset(str(choice) for choice, _ in field.flatchoices)


def value_problem(field: models.Field, value) -> str | None:
    """Why a text or whole-number value does not fit its field, or None (both loaders: SQLite would store it
    all the same, PostgreSQL would refuse it with no row named)."""
    if isinstance(field, models.IntegerField) and value is not None:
        low, high = INTEGER_RANGES[field.get_internal_type()]
        # "0", 1.5, true: Django's loader would take them as 0, 1 and 1
        if type(value) is not int or not low <= value <= high:
            return f"must be a whole number from {low} to {high}; got {_shown(value)}"
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return f"{value} is not a finite number"  # JSON has none; Python's reader takes NaN and Infinity
    if isinstance(field, models.JSONField) and field.default is list and value is not None and not (
            isinstance(value, list) and all(isinstance(item, str) for item in value)):
        return f"must be a list of text; got {_shown(value)}"  # keywords, aliases
    if not isinstance(value, str):
        return None
    if field.max_length is not None and len(value) > field.max_length:
        return f"{len(value)} characters, more than its {field.max_length}"
    if "\x00" in value:
        return "contains a NUL character (PostgreSQL cannot store it)"
    if field.choices and value not in _choices(field):
        return f"{_shown(value)} is not one of {', '.join(sorted(_choices(field)))}"
    return None


def required_problem(field: models.Field, value) -> str | None:
    """Why a value cannot stand for a field that needs one (no default, not blank), or None."""
    if (value is None or value == "") and not (field.blank or field.null or field.has_default()):
        return "is required (missing or empty)"
    return None


def _checked(field: models.Field) -> Callable | None:
    """A JSON value -> the same value, checked as the column would (on PostgreSQL) or as a model field
    would (choices, max_length); None for fields the converters check."""
    if isinstance(field, models.BooleanField):
        def check(value):
            if type(value) is not bool:
                raise ValueError(f"must be true or false; got {_shown(value)}")
            return value
    elif isinstance(field, models.IntegerField):
        def check(value):
            problem = value_problem(field, value)  # never None here: the row's plan handles a missing value
            if problem:
                raise ValueError(problem)
            return value
    elif isinstance(field, models.FloatField):
        def check(value):
            if type(value) is not float and type(value) is not int:
                raise ValueError(f"must be a number; got {_shown(value)}")
            problem = value_problem(field, value)
            if problem:
                raise ValueError(problem)
            return value
    elif isinstance(field, (models.CharField, models.TextField)):
        def check(value):
            if type(value) is not str:
                raise ValueError(f"must be text; got {_shown(value)}")
            problem = value_problem(field, value)
            if problem:
                raise ValueError(problem)
            return value
    else:
        return None
    return check

def _is_identity(converter) -> bool:
    return converter is None or converter is _identity

class _ModelRows:
    """How fixture objects of one model become rows: columns, converters, defaults."""

    def __init__(self, model, relations: dict[str, Callable]):
        self.model = model
        self.fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        self.relations = relations
        self.converters = {f.name: _converter(f) for f in self.fields if f.name not in relations}
        self.defaults = {f.name: f.get_default() for f in self.fields}
        # Interviews carry whole transcripts: small batches keep memory bounded.
        batch = 50 if model is Interview else BATCH
        self.writer = TableWriter(model._meta.db_table, ["id", *(f.column for f in self.fields)], batch)
        self.next_id = (model.objects.aggregate(m=models.Max("pk"))["m"] or 0) + 1
        self.known = {f.name for f in self.fields} | {f.name for f in model._meta.local_many_to_many}
        self.position = {f.name: i for i, f in enumerate(self.fields, start=1)}  # in a row (after the id)

        # (name, relation, converter or None for as-is, nullable, default, field if required) per column, in order.
        self.plan = [
            (f.name, relations.get(f.name), None if _is_identity(self.converters.get(f.name)) else self.converters.get(f.name),
             f.null, self.defaults[f.name], f if required_problem(f, None) else None)
            for f in self.fields
        ]

    def row(self, key, given: dict) -> tuple[int, tuple]:
        if not given.keys() <= self.known:
            unknown = given.keys() - self.known
            raise CommandError(f"{self.model._meta.label_lower} {key}: unknown field(s) {sorted(unknown)}")
        pk = self.next_id
        values = [pk]
        append = values.append
        for name, relation, convert, nullable, default, required in self.plan:
            if relation is not None:
                append(relation(key, given.get(name)))
                continue
            value = given.get(name, default)
            if required is not None and (value is None or value == ""):
                raise CommandError(f"{self.model._meta.label_lower} {key}: {name} {required_problem(required, value)}")
            if value is None:
                if not nullable:
                    raise CommandError(f"{self.model._meta.label_lower} {key}: {name} may not be null")
                append(None)
            elif convert is None:
                append(value)
            else:
                try:
                    append(convert(value))
                except (TypeError, ValueError) as error:
                    raise CommandError(f"{self.model._meta.label_lower} {key}: {name}: {error}") from None
        self.next_id += 1
        return pk, tuple(values)

UNIQUE_COLUMNS = {"claims.turn": ("interview", "index"), "claims.chapter": ("interview", "index"),
                  "claims.prediction": ("claim",)}


class FixtureImport:
    """One import run: the key maps, the writers, the checks. Use `run(paths)`."""

    def __init__(self, log: Callable[[str], None] | None = None):
        self.log = log or (lambda message: None)
        self.topics = dict(Topic.objects.values_list("slug", "pk"))
        self.speakers = dict(Speaker.objects.values_list("slug", "pk"))
        # A slug from before a merge or a rename names the row it went into (fixtures exported earlier).
        self.former_topics = dict(TopicFormerSlug.objects.values_list("slug", "topic_id"))
        self.former_speakers = dict(SpeakerFormerSlug.objects.values_list("slug", "speaker_id"))
        self.interviews = {slug: (pk, published and published.isoformat()) for slug, pk, published
                           in Interview.objects.values_list("slug", "pk", "published")}
        self.texts: OrderedDict[int, str] = OrderedDict()
        self.text_chars = 0
        self.text_lengths: dict[int, int] = {}  # interview id -> its transcript's length, for the turns' and chapters' spans
        self.claim_file_slugs: list[str] = []
        self.claim_file_index = 0
        self.file_claims: dict[tuple, tuple[int, str]] = {}
        self.file_keys: set = set()
        self.file_rows: set = set()  # (label, *unique columns) of the current file's turns, chapters, predictions
        self.claim_files: dict[int, Path] = {}  # interview id -> the first file with its claims
        self.link_writer = TableWriter(Claim.topics.through._meta.db_table, ["claim_id", "topic_id"])
        self.rows = {
            "claims.topic": _ModelRows(Topic, {"parent": self._parent}),
            "claims.topicformerslug": _ModelRows(TopicFormerSlug, {"topic": self._topic}),
            "claims.speaker": _ModelRows(Speaker, {}),
            "claims.speakerformerslug": _ModelRows(SpeakerFormerSlug, {"speaker": self._speaker}),
            "claims.interview": _ModelRows(Interview, {}),
            "claims.participation": _ModelRows(Participation, {"interview": self._interview, "speaker": self._speaker}),
            "claims.chapter": _ModelRows(Chapter, {"interview": self._interview}),
            "claims.turn": _ModelRows(Turn, {"interview": self._interview, "speaker": self._speaker}),
            "claims.claim": _ModelRows(Claim, {"interview": self._interview, "speaker": self._speaker}),
            "claims.prediction": _ModelRows(Prediction, {"claim": self._claim}),
        }
        self.pending_topics: list[tuple] = []
        self.parts: dict[tuple[int, int], tuple[str, str]] = {}  # (interview id, speaker id) -> (slug written, role)

    # Natural keys -> ids ------------------------------------------------------------------------

    @staticmethod
    def _slug(label: str, key, value) -> str:
        if not (isinstance(value, list) and len(value) == 1 and isinstance(value[0], str)):
            raise CommandError(f"{key}: {label} must be a natural key like ['slug']; got {value!r}")
        return value[0]

    def _lookup(self, table: dict, noun: str, key, value, former: dict | None = None):
        slug = self._slug(noun, key, value)
        found = table.get(slug)
        if found is None and former is not None:
            found = former.get(slug)
        if found is None:
            raise CommandError(f"{key}: unknown {noun} {value!r}")
        return found

    def _parent(self, key, value):
        return None if value is None else self._lookup(self.topics, "topic", key, value, self.former_topics)

    def _topic(self, key, value):
        if self.pending_topics:  # a topic waiting for its parent may be the one named
            self._resolve_pending_topics()
        return self._lookup(self.topics, "topic", key, value, self.former_topics)

    def _interview(self, key, value):
        return self._lookup(self.interviews, "interview", key, value)[0]

    def _speaker(self, key, value):
        return None if value is None else self._lookup(self.speakers, "speaker", key, value, self.former_speakers)

    def _slug_of(self, table: dict, pk: int) -> str:
        return next(slug for slug, found in table.items() if found == pk)

    def _claim(self, key, value):
        if not (isinstance(value, list) and len(value) == 3 and isinstance(value[0], str)
                and type(value[1]) is int and type(value[2]) is int):
            raise CommandError(f"{key}: claim must be a natural key [interview, start, end]; got {value!r}")
        found = self.file_claims.get(tuple(value))
        if found is None:
            self.rows["claims.claim"].writer.flush()
            interview = self.interviews.get(value[0])
            row = interview and Claim.objects.filter(
                interview_id=interview[0], start_char=value[1], end_char=value[2]
            ).values_list("pk", "claim_type").first()
            if not row:
                raise CommandError(f"{key}: unknown claim {value!r}")
            found = row
        if found[1] != Claim.Type.PREDICTION:
            raise CommandError(f"claim {value[0]}[{value[1]}:{value[2]}]: has a prediction but its type is '{found[1]}'")
        return found[0]

    def _remember_text(self, interview_id: int, text: str) -> None:
        """Keep a transcript for the quote checks: an LRU bounded by characters (TEXT_CACHE_CHARS)."""
        old = self.texts.pop(interview_id, None)
        if old is not None:
            self.text_chars -= len(old)
        self.texts[interview_id] = text
        self.text_chars += len(text)
        self.text_lengths[interview_id] = len(text)
        while self.text_chars > TEXT_CACHE_CHARS and len(self.texts) > 1:
            _, evicted = self.texts.popitem(last=False)
            self.text_chars -= len(evicted)

    def _text(self, interview_id: int) -> str:
        """The interview's transcript: from the LRU (filled as interviews are imported), else read with
        the next claims files' transcripts in one query (files come in order, so that is what comes next)."""
        text = self.texts.get(interview_id)
        if text is not None:
            self.texts.move_to_end(interview_id)
            return text
        self.rows["claims.interview"].writer.flush()
        wanted = [interview_id]
        for slug in self.claim_file_slugs[self.claim_file_index:self.claim_file_index + TEXT_PREFETCH]:
            found = self.interviews.get(slug)
            if found and found[0] not in self.texts and found[0] != interview_id:
                wanted.append(found[0])
        fetched = dict(Interview.objects.filter(pk__in=wanted).values_list("pk", "source_text"))
        for pk in reversed(wanted):  # the one asked for ends up most recent
            if pk in fetched:
                self._remember_text(pk, fetched[pk])
        return fetched[interview_id]

    # Objects ------------------------------------------------------------------------------------

    def add(self, path: Path, line: int, obj) -> None:
        if not isinstance(obj, dict) or not isinstance(obj.get("fields"), dict):
            raise CommandError(f"{path}:{line}: not a fixture object")
        label, fields = obj.get("model"), obj["fields"]
        rows = self.rows.get(label)
        if rows is None:
            raise CommandError(f"{path}:{line}: unknown model {label!r}")
        if label == "claims.claim":
            self._add_claim(path, line, fields)
        elif label in ("claims.topic", "claims.speaker", "claims.interview"):
            slug = fields.get("slug")
            table = {"claims.topic": self.topics, "claims.speaker": self.speakers, "claims.interview": self.interviews}[label]
            if slug in table:
                raise CommandError(f"duplicate {label} ({slug!r},)")
            former = {"claims.topic": self.former_topics, "claims.speaker": self.former_speakers}.get(label, {})
            if slug in former:
                noun = label.split(".")[1]
                raise CommandError(f"{path}:{line}: {former_slug_defined_message(noun, slug, self._slug_of(table, former[slug]))}")
            if (label == "claims.topic" and fields.get("parent") is not None
                    and self._slug("parent", slug, fields["parent"]) not in self.topics.keys() | self.former_topics.keys()):
                self.pending_topics.append((path, line, fields))
                return
            pk, row = rows.row((slug,), fields)
            rows.writer.add(row)
            table[slug] = (pk, fields.get("published")) if label == "claims.interview" else pk
            if label == "claims.interview":
                self._remember_text(pk, fields["source_text"])
        elif label in ("claims.topicformerslug", "claims.speakerformerslug"):
            noun = label.split(".")[1].removesuffix("formerslug")
            table, former = (self.topics, self.former_topics) if noun == "topic" else (self.speakers, self.former_speakers)
            slug = fields.get("slug")
            owner = (self._topic if noun == "topic" else self._speaker)((label, line), fields.get(noun))
            if slug in table:
                raise CommandError(f"{path}:{line}: {former_slug_current_message(noun, slug, self._slug_of(table, owner))}")
            _, row = rows.row((label, line), fields)
            rows.writer.add(row)
            former[slug] = owner  # later files may name it
        elif label == "claims.participation" and self._participation_merged(path, line, fields):
            return
        else:
            key = (label, line)
            _, row = rows.row(key, fields)
            self._refuse_repeat_or_bad_span(label, rows, row, fields)
            rows.writer.add(row)

    def _refuse_repeat_or_bad_span(self, label: str, rows: _ModelRows, row: tuple, fields: dict) -> None:
        # Checked here, where the row's file and line are known: the database would refuse the row only at
        # its batch's INSERT (SQLite) or COPY (PostgreSQL), which cannot say which row it was.
        names = UNIQUE_COLUMNS.get(label)
        if names is None:
            return
        natural = tuple(fields["claim"]) if label == "claims.prediction" else (fields["interview"][0], fields["index"])
        unique = (label, *(row[rows.position[name]] for name in names))
        if unique in self.file_rows:
            raise CommandError(f"duplicate {label} {natural}")
        self.file_rows.add(unique)
        if label == "claims.turn" and not row[rows.position["start_char"]] < row[rows.position["end_char"]]:
            raise CommandError(f"{label} {natural}: start_char {fields['start_char']} is not before end_char {fields['end_char']}")
        if label != "claims.prediction":
            interview_id = row[rows.position["interview"]]
            length = self.text_lengths.get(interview_id)
            if length is None:
                length = self.text_lengths[interview_id] = len(self._text(interview_id))
            end = row[rows.position["end_char"]] if "end_char" in rows.position else None
            problem = span_past_text(label, row[rows.position["start_char"]], end, length)
            if problem:
                raise CommandError(f"{label} {natural}: {problem}")

    def _participation_merged(self, path: Path, line: int, fields: dict) -> bool:
        """Whether this participation's speaker, named by another slug, already has this part in the
        interview: two speakers merged since the export; one participation stays, as in speaker_merge."""
        key = ("claims.participation", line)
        interview_id, speaker_id = self._interview(key, fields.get("interview")), self._speaker(key, fields.get("speaker"))
        slug, role = fields["speaker"][0] if speaker_id is not None else None, fields.get("role")
        seen = self.parts.get((interview_id, speaker_id))
        if seen is None:
            self.parts[(interview_id, speaker_id)] = (slug, role)
            return False
        if seen[0] == slug:  # refused here: PostgreSQL's COPY raises its unique violation unwrapped, a traceback
            raise CommandError(f"{path}:{line}: duplicate claims.participation ({fields['interview'][0]!r}, {slug!r})")
        if seen[1] != role:
            raise CommandError(f"{path}:{line}: " + merged_parts_message(
                fields["interview"][0], self._slug_of(self.speakers, speaker_id), seen[1], role))
        return True

    def _add_claim(self, path: Path, line: int, fields: dict) -> None:
        interview = fields.get("interview")
        slug = self._slug("interview", (path.name, line), interview)
        key = (slug, fields.get("start_char"), fields.get("end_char"))
        label = f"claim {slug}[{_shown(key[1])}:{_shown(key[2])}]"
        start, end = key[1], key[2]
        if not (type(start) is int and type(end) is int and 0 <= start < end):
            raise CommandError(f"{label}: the offsets must be whole numbers with start < end")
        if key in self.file_keys:
            raise CommandError(f"duplicate claims.claim {key}")
        rows = self.rows["claims.claim"]
        pk, row = rows.row(key, fields)
        interview_id, published = self.interviews[slug]
        first_file = self.claim_files.setdefault(interview_id, path)
        if first_file != path:  # the interview's claims in two files (a copy): look for this span in the other
            rows.writer.flush()
            if Claim.objects.filter(interview_id=interview_id, start_char=start, end_char=end).exists():
                raise CommandError(f"duplicate claims.claim {key} (also in {first_file})")
        problem = quote_mismatch(self._text(interview_id), fields.get("quote"), start, end)
        if problem:
            raise CommandError(f"{label}: {problem}")
        if fields.get("date") != published:
            raise CommandError(f"{label}: its date {fields.get('date')} is not its interview's published date {published}")
        self.file_keys.add(key)
        self.file_claims[key] = (pk, fields.get("claim_type", Claim.Type.OPINION))
        rows.writer.add(row)
        # two topics merged since the export name one: one link
        for topic_id in dict.fromkeys(self._lookup(self.topics, "topic", key, topic, self.former_topics)
                                      for topic in fields.get("topics") or ()):
            self.link_writer.add((pk, topic_id))

    # The run ------------------------------------------------------------------------------------

    def _resolve_pending_topics(self) -> None:
        while self.pending_topics:
            waiting, self.pending_topics = self.pending_topics, []
            for path, line, fields in waiting:
                self.add(path, line, {"model": "claims.topic", "fields": fields})
            if len(self.pending_topics) == len(waiting):
                path, line, fields = waiting[0]
                raise CommandError(f"{path}:{line}: claims.topic ({fields.get('slug')!r},): unknown topic {fields.get('parent')!r}")

    def run(self, paths: Iterable[Path]) -> dict[str, int]:
        order = list(self.rows)
        paths = [Path(path) for path in paths]
        # Which transcripts the claims files will want, in order (a claims file is named after its interview).
        self.claim_file_slugs = [path.stem for path in paths if path.parent.name == "claims"]
        try:
            for path in paths:
                if path.parent.name == "claims":
                    self.claim_file_index += 1
                self.file_claims.clear()
                self.file_keys.clear()
                self.file_rows.clear()
                for line, obj in iter_fixture_objects(path):
                    try:
                        self.add(path, line, obj)
                        if obj.get("model") != "claims.topic":
                            self._resolve_pending_topics()
                    except CommandError as error:
                        raise _located(error, path, line, paths) from None
                self._resolve_pending_topics()
                self.log(f"{path}")
            # Batches fill across files; foreign keys are checked at the end (deferred constraints).
            for label in order:
                self.rows[label].writer.flush()
            self.link_writer.flush()
            for writer in [rows.writer for rows in self.rows.values()] + [self.link_writer]:
                writer.drop_staging()
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), [r.model for r in self.rows.values()]):
                    cursor.execute(sql)
                if connection.vendor == "postgresql":
                    # The deferred foreign-key checks, now, so that a failure is reported here.
                    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        except DatabaseError as error:  # what the checks above do not foresee: no row to name (written in batches)
            raise CommandError(f"conflicts with rows already loaded, or breaks a rule of the database: {_first_line(error)}") from None
        counts = {label: rows.writer.count for label, rows in self.rows.items()}
        counts["claims.claim_topics"] = self.link_writer.count
        return counts

def _first_line(error: Exception) -> str:
    return next((line.strip() for line in str(error).splitlines() if line.strip()), type(error).__name__)


def _located(error: CommandError, path: Path, line, paths: list[Path]) -> CommandError:
    """The error with the file and line of the object that caused it in front, unless it names one already."""
    message = str(error)
    if message.startswith(tuple(f"{known}:" for known in paths)):
        return error
    return CommandError(f"{path}:{line}: {message}")


def fixtures_import(paths: Iterable[Path], *, log: Callable[[str], None] | None = None) -> dict[str, int]:
    """Load fixture files (in the order given) in one transaction; any problem raises CommandError and loads nothing."""
    try:
        with transaction.atomic():
            return FixtureImport(log=log).run(paths)
    except IntegrityError as error:  # SQLite checks foreign keys at commit
        raise CommandError(f"conflicts with rows already loaded or missing: {_first_line(error)}") from None
