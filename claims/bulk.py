"""Fixtures at scale: a streaming writer that gives Django's serializer's exact bytes, and a streaming import.

Writing: objects go to the file one by one (memory does not grow with the database); claims and
predictions are read as value tuples in chunks and dumped with orjson, laid out exactly as
`json.dump(indent=2, ensure_ascii=False)` lays them out (a float orjson would spell differently,
e.g. 1e-05, sends its object through json instead).

Importing: each file is parsed incrementally (one object at a time out of a bounded buffer),
natural keys are resolved through in-memory maps (topics, speakers, interviews: small tables; claims:
the current file only, else one query), and rows are written in batches: COPY on PostgreSQL,
executemany elsewhere, all in one transaction. It checks what the strict loaddata checks: unknown
references and duplicates stop the load, a claim's quote must be its interview's text at its offsets
and its date the interview's published date, only prediction claims carry a prediction.
Like loaddata (raw saves) it writes no history rows and keeps created_at/updated_at as given.
"""
from __future__ import annotations

import datetime as dt
import functools
import io
import json
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import orjson
from django.core.management.base import CommandError
from django.core.management.color import no_style
from django.db import IntegrityError, connection, models, transaction

from .models import Chapter, Claim, Interview, Participation, Prediction, Speaker, Topic, Turn, quote_mismatch

READ_CHUNK = 1 << 20
BATCH = 5000
EXPORT_CHUNK = 2000

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


def dump_object(data: dict) -> bytes:
    """One fixture object exactly as Django's JSON serializer (indent=2) writes it."""
    if _orjson_safe(data):
        try:
            return orjson.dumps(data, option=orjson.OPT_INDENT_2)
        except TypeError:
            pass
    from .dataset import StableJSONEncoder

    return json.dumps(data, indent=2, ensure_ascii=False, separators=(",", ": "), cls=StableJSONEncoder).encode()


class FixtureWriter:
    """A fixture file written as it goes: '[', the objects separated by ',', then ']' (Django's layout)."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.file = open(path, "wb", buffering=READ_CHUNK)
        self.first = True
        self.file.write(b"[")

    def write(self, data: dict) -> None:
        self.file.write(b"\n" if self.first else b",\n")
        self.first = False
        self.file.write(dump_object(data))

    def write_encoded(self, encoded: bytes) -> None:
        self.file.write(b"\n" if self.first else b",\n")
        self.first = False
        self.file.write(encoded)

    def close(self) -> None:
        self.file.write(b"\n]\n")
        self.file.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _serialized_fields(model) -> list[models.Field]:
    """The fields Django's serializer writes, in its order: local concrete fields, then many-to-many."""
    return [f for f in model._meta.local_fields if f.serialize] + [f for f in model._meta.local_many_to_many if f.serialize]


def claim_dump_objects(interview: Interview) -> Iterator[dict]:
    """The interview's claims by span, each followed by its prediction, as fixture dicts (chunked reads)."""
    claim_fields = [f for f in _serialized_fields(Claim) if not f.many_to_many]
    prediction_fields = _serialized_fields(Prediction)
    columns = ["pk", "speaker__slug", *(f.attname for f in claim_fields if not f.is_relation)]
    plain = [f for f in claim_fields if not f.is_relation]
    datetimes = {f.name for f in plain if isinstance(f, models.DateTimeField)}
    interview_key = [interview.slug]
    position = (-1, -1)
    while True:
        rows = list(
            Claim.objects.filter(interview=interview)
            .filter(models.Q(start_char__gt=position[0]) | models.Q(start_char=position[0], end_char__gt=position[1]))
            .order_by("start_char", "end_char").values_list(*columns)[:EXPORT_CHUNK]
        )
        if not rows:
            return
        ids = [row[0] for row in rows]
        topics: dict[int, list] = {}
        for claim_id, slug in (
            Claim.topics.through.objects.filter(claim_id__in=ids).order_by("claim_id", "topic__slug")
            .values_list("claim_id", "topic__slug")
        ):
            topics.setdefault(claim_id, []).append([slug])
        predictions = {
            row[0]: row[1:] for row in Prediction.objects.filter(claim_id__in=ids).values_list(
                "claim_id", *(f.attname for f in prediction_fields if not f.is_relation)
            )
        }
        for pk, speaker_slug, *values in rows:
            fields = {}
            plain_values = dict(zip((f.name for f in plain), values))
            for field in claim_fields:
                if field.name == "interview":
                    fields["interview"] = interview_key
                elif field.name == "speaker":
                    fields["speaker"] = [speaker_slug]
                else:
                    value = plain_values[field.name]
                    fields[field.name] = stable_datetime(value) if field.name in datetimes else value
            fields["topics"] = topics.get(pk, [])
            yield {"model": "claims.claim", "fields": fields}
            if pk in predictions:
                key = [interview.slug, fields["start_char"], fields["end_char"]]
                values_p = iter(predictions[pk])
                yield {"model": "claims.prediction", "fields": {
                    f.name: key if f.name == "claim" else next(values_p) for f in prediction_fields
                }}
        position = (rows[-1][columns.index("start_char")], rows[-1][columns.index("end_char")])


# Import ------------------------------------------------------------------------------------------


def iter_json_array(path: Path, chunk: int = READ_CHUNK) -> Iterator[tuple[int, object]]:
    """The elements of a top-level JSON array, parsed one at a time; each with its line number.

    Only the current element and one read chunk are held in memory, never the whole file.
    """
    decoder = json.JSONDecoder()
    with open(path, encoding="utf-8") as file:
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


def _copy_text(value) -> str:
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
    """Rows for one table, written in batches: COPY on PostgreSQL, executemany elsewhere."""

    def __init__(self, table: str, columns: list[str], batch: int = BATCH):
        self.table, self.columns, self.rows, self.batch = table, columns, [], batch
        self.count = 0
        quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
        self.copy_sql = f"COPY {connection.ops.quote_name(table)} ({quoted}) FROM STDIN"
        self.insert_sql = f"INSERT INTO {connection.ops.quote_name(table)} ({quoted}) VALUES ({', '.join(['%s'] * len(columns))})"

    def add(self, row: tuple) -> None:
        self.rows.append(row)
        if len(self.rows) >= self.batch:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                buffer = io.StringIO()
                buffer.writelines("\t".join(map(_copy_text, row)) + "\n" for row in self.rows)
                buffer.seek(0)
                cursor.cursor.copy_expert(self.copy_sql, buffer)
            else:
                cursor.executemany(self.insert_sql, self.rows)
        self.count += len(self.rows)
        self.rows = []


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
        return lambda value: json.dumps(value, cls=field.encoder)
    return lambda value: value


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

    def row(self, key, given: dict) -> tuple[int, tuple]:
        unknown = given.keys() - self.known
        if unknown:
            raise CommandError(f"{self.model._meta.label_lower} {key}: unknown field(s) {sorted(unknown)}")
        values = []
        for field in self.fields:
            name = field.name
            if name in self.relations:
                values.append(self.relations[name](key, given.get(name)))
                continue
            value = given[name] if name in given else self.defaults[name]
            if value is None:
                if not field.null:
                    raise CommandError(f"{self.model._meta.label_lower} {key}: {name} may not be null")
                values.append(None)
                continue
            try:
                values.append(self.converters[name](value))
            except (TypeError, ValueError) as error:
                raise CommandError(f"{self.model._meta.label_lower} {key}: {name}: {error}") from None
        pk = self.next_id
        self.next_id += 1
        return pk, (pk, *values)


class FixtureImport:
    """One import run: the key maps, the writers, the checks. Use `run(paths)`."""

    def __init__(self, log: Callable[[str], None] | None = None):
        self.log = log or (lambda message: None)
        self.topics = dict(Topic.objects.values_list("slug", "pk"))
        self.speakers = dict(Speaker.objects.values_list("slug", "pk"))
        self.interviews = {slug: (pk, published and published.isoformat()) for slug, pk, published
                           in Interview.objects.values_list("slug", "pk", "published")}
        self.texts: OrderedDict[int, str] = OrderedDict()
        self.file_claims: dict[tuple, tuple[int, str]] = {}
        self.file_keys: set = set()
        self.link_writer = TableWriter(Claim.topics.through._meta.db_table, ["claim_id", "topic_id"])
        self.rows = {
            "claims.topic": _ModelRows(Topic, {"parent": self._parent}),
            "claims.speaker": _ModelRows(Speaker, {}),
            "claims.interview": _ModelRows(Interview, {}),
            "claims.participation": _ModelRows(Participation, {"interview": self._interview, "speaker": self._speaker}),
            "claims.chapter": _ModelRows(Chapter, {"interview": self._interview}),
            "claims.turn": _ModelRows(Turn, {"interview": self._interview, "speaker": self._speaker}),
            "claims.claim": _ModelRows(Claim, {"interview": self._interview, "speaker": self._speaker}),
            "claims.prediction": _ModelRows(Prediction, {"claim": self._claim}),
        }
        self.pending_topics: list[tuple] = []

    # Natural keys -> ids ------------------------------------------------------------------------

    @staticmethod
    def _slug(label: str, key, value) -> str:
        if not (isinstance(value, list) and len(value) == 1 and isinstance(value[0], str)):
            raise CommandError(f"{key}: {label} must be a natural key like ['slug']; got {value!r}")
        return value[0]

    def _lookup(self, table: dict, noun: str, key, value):
        slug = self._slug(noun, key, value)
        found = table.get(slug)
        if found is None:
            raise CommandError(f"{key}: unknown {noun} {value!r}")
        return found

    def _parent(self, key, value):
        return None if value is None else self._lookup(self.topics, "topic", key, value)

    def _interview(self, key, value):
        return self._lookup(self.interviews, "interview", key, value)[0]

    def _speaker(self, key, value):
        return None if value is None else self._lookup(self.speakers, "speaker", key, value)

    def _claim(self, key, value):
        if not (isinstance(value, list) and len(value) == 3):
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

    def _text(self, interview_id: int) -> str:
        text = self.texts.get(interview_id)
        if text is None:
            self.rows["claims.interview"].writer.flush()
            text = Interview.objects.values_list("source_text", flat=True).get(pk=interview_id)
            self.texts[interview_id] = text
            if len(self.texts) > 4:
                self.texts.popitem(last=False)
        else:
            self.texts.move_to_end(interview_id)
        return text

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
            if label == "claims.topic" and fields.get("parent") is not None and self._slug("parent", slug, fields["parent"]) not in self.topics:
                self.pending_topics.append((path, line, fields))
                return
            pk, row = rows.row((slug,), fields)
            rows.writer.add(row)
            table[slug] = (pk, fields.get("published")) if label == "claims.interview" else pk
        else:
            key = (label, line)
            _, row = rows.row(key, fields)
            rows.writer.add(row)

    def _add_claim(self, path: Path, line: int, fields: dict) -> None:
        interview = fields.get("interview")
        slug = self._slug("interview", (path.name, line), interview)
        key = (slug, fields.get("start_char"), fields.get("end_char"))
        label = f"claim {slug}[{key[1]}:{key[2]}]"
        if key in self.file_keys:
            raise CommandError(f"duplicate claims.claim {key}")
        rows = self.rows["claims.claim"]
        pk, row = rows.row(key, fields)
        interview_id, published = self.interviews[slug]
        start, end = key[1], key[2]
        if not (type(start) is int and type(end) is int and 0 <= start < end):
            raise CommandError(f"{label}: the offsets must be whole numbers with start < end")
        problem = quote_mismatch(self._text(interview_id), fields.get("quote"), start, end)
        if problem:
            raise CommandError(f"{label}: {problem}")
        if fields.get("date") != published:
            raise CommandError(f"{label}: its date {fields.get('date')} is not its interview's published date {published}")
        self.file_keys.add(key)
        self.file_claims[key] = (pk, fields.get("claim_type", Claim.Type.OPINION))
        rows.writer.add(row)
        for topic in fields.get("topics") or ():
            self.link_writer.add((pk, self._lookup(self.topics, "topic", key, topic)))

    # The run ------------------------------------------------------------------------------------

    def _resolve_pending_topics(self) -> None:
        while self.pending_topics:
            waiting, self.pending_topics = self.pending_topics, []
            for path, line, fields in waiting:
                self.add(path, line, {"model": "claims.topic", "fields": fields})
            if len(self.pending_topics) == len(waiting):
                path, line, fields = waiting[0]
                raise CommandError(f"claims.topic ({fields.get('slug')!r},): unknown topic {fields.get('parent')!r}")

    def run(self, paths: Iterable[Path]) -> dict[str, int]:
        order = list(self.rows)
        try:
            for path in paths:
                path = Path(path)
                self.file_claims.clear()
                self.file_keys.clear()
                for line, obj in iter_json_array(path):
                    self.add(path, line, obj)
                    if obj.get("model") != "claims.topic":
                        self._resolve_pending_topics()
                self._resolve_pending_topics()
                self.log(f"{path}")
            # Batches fill across files; foreign keys are checked at the end (deferred constraints).
            for label in order:
                self.rows[label].writer.flush()
            self.link_writer.flush()
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), [r.model for r in self.rows.values()]):
                    cursor.execute(sql)
                if connection.vendor == "postgresql":
                    # The deferred foreign-key checks, now, so that a failure is reported here.
                    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        except IntegrityError as error:
            raise CommandError(f"conflicts with rows already loaded (a duplicate?): {error}") from None
        counts = {label: rows.writer.count for label, rows in self.rows.items()}
        counts["claims.claim_topics"] = self.link_writer.count
        return counts


def fixtures_import(paths: Iterable[Path], *, log: Callable[[str], None] | None = None) -> dict[str, int]:
    """Load fixture files (in the order given) in one transaction; any problem raises CommandError and loads nothing."""
    try:
        with transaction.atomic():
            return FixtureImport(log=log).run(paths)
    except IntegrityError as error:  # SQLite checks foreign keys at commit
        raise CommandError(f"conflicts with rows already loaded or missing: {error}") from None
