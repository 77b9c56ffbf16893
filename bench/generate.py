"""Fill the database DATABASE_URL names with a deterministic synthetic dataset for the benchmarks.

    DATABASE_URL=... .venv/bin/python bench/generate.py --claims 1000000 --seed 1

Migrates first, then replaces every claims table's rows. Defaults: 1,000 interviews, 500 speakers,
50 topics in a tree (5 roots with 9 subtopics each), claims spread evenly over the interviews with
1-3 topics each (Zipf-skewed), 10% of them predictions, interview dates over 2000-2025, 90% approved.
Quotes are exact slices of their interview's source text, so the dataset passes the strict loaddata.

Planted search terms (letters the filler vocabulary never uses, so a substring search finds them
only where planted) with known frequencies: see `planted_counts`. The load bypasses the ORM:
PostgreSQL COPY (secondary indexes of claims_claim dropped and rebuilt around it), SQLite one
transaction of executemany.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import django_setup  # noqa: E402

RARE, MEDIUM, COMMON = "xyzzor", "quixel", "zanthox"
CONSONANTS, VOWELS = "bcdfghklmnprstvw", "aeiou"  # no j, q, x, y, z: planted terms cannot appear by chance
CREATED = "2025-01-02 03:04:05.678000"
STATUSES = ["approved"] * 18 + ["proposed", "rejected"]
TYPES = ["opinion", "factual", "biographical", "normative"]


def planted_counts(claims: int) -> dict[str, int]:
    """How many claims carry each planted term: about 10, 1,000 and 100,000 at a million claims."""
    return {RARE: min(claims, 10), MEDIUM: min(claims, max(10, claims // 1000)), COMMON: max(10, claims // 10)}


def vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(CONSONANTS) + rng.choice(VOWELS) for _ in range(rng.randint(2, 4))))
    return sorted(words)


class Tables:
    """Rows per table in column order, written in batches by `flush`."""

    def __init__(self, models):
        self.columns = {m._meta.db_table: [f.column for f in m._meta.concrete_fields] for m in models}
        self.rows = {table: [] for table in self.columns}

    def add(self, table: str, **values) -> None:
        self.rows[table].append(tuple(values[column] for column in self.columns[table]))


def flush(tables: Tables, connection) -> None:
    """Write and forget the rows collected so far (COPY on PostgreSQL, executemany elsewhere)."""
    from claims.bulk import copy_rows

    with connection.cursor() as cursor:
        for table, rows in tables.rows.items():
            if not rows:
                continue
            columns = [connection.ops.quote_name(column) for column in tables.columns[table]]
            if connection.vendor == "postgresql":
                copy_rows(cursor, f"COPY {table} ({', '.join(columns)}) FROM STDIN", rows)
            else:
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)
            rows.clear()


def generate(*, claims: int, interviews: int, speakers: int, seed: int, connection, log=print) -> dict:
    from claims.models import Chapter, Claim, Interview, Participation, Prediction, Speaker, Topic, Turn

    rng = random.Random(seed)
    words = vocabulary(rng)
    through = Claim.topics.through
    tables = Tables([Topic, Speaker, Interview, Participation, Chapter, Turn, Claim, through, Prediction])
    pg = connection.vendor == "postgresql"
    created = CREATED + ("+00:00" if pg else "")

    # Topics: 5 roots, 9 children each; ids in tree order.
    topic_ids, topic_id = [], 0
    for r in range(5):
        topic_id += 1
        root = topic_id
        tables.add("claims_topic", id=root, slug=f"area-{r}", name=f"Area {r}", description="", parent_id=None,
                   keywords=json.dumps([f"area{r}"]))
        topic_ids.append(root)
        for c in range(9):
            topic_id += 1
            tables.add("claims_topic", id=topic_id, slug=f"area-{r}-topic-{c}", name=f"Area {r} topic {c}",
                       description="", parent_id=root, keywords=json.dumps([]))
            topic_ids.append(topic_id)
    zipf = [1 / (i + 1) for i in range(len(topic_ids))]
    shuffled_topics = topic_ids[:]
    rng.shuffle(shuffled_topics)

    for s in range(1, speakers + 1):
        tables.add("claims_speaker", id=s, name=f"Speaker {s:04d}", slug=f"speaker-{s:04d}",
                   aliases=json.dumps([f"Spkr {s}"] if s % 7 == 0 else []), description="", affiliation="", link="")

    counts = planted_counts(claims)
    planted: dict[int, list[str]] = {}
    for term, count in counts.items():
        for index in rng.sample(range(claims), count):
            planted.setdefault(index, []).append(term)

    first_day, days = dt.date(2000, 1, 1).toordinal(), (dt.date(2025, 12, 31) - dt.date(2000, 1, 1)).days
    per_interview = [claims // interviews + (1 if i < claims % interviews else 0) for i in range(interviews)]
    claim_id = prediction_id = turn_id = participation_id = link_id = 0
    written = 0
    for i in range(interviews):
        interview_id = i + 1
        published = dt.date.fromordinal(first_day + rng.randrange(days + 1)).isoformat()
        host = 1 + min(int(rng.paretovariate(1.2)) - 1, 49)  # a few hosts do most interviews
        guest = rng.randrange(1, speakers + 1)
        if guest == host:
            guest = guest % speakers + 1
        pieces, position, spans = [], 0, []
        for _ in range(per_interview[i]):
            sentence = [rng.choice(words) for _ in range(rng.randint(8, 16))]
            for term in planted.get(written + len(spans), ()):
                sentence.insert(rng.randrange(len(sentence) + 1), term)
            quote = " ".join(sentence).capitalize()
            start = position
            pieces.append(quote + ". ")
            position += len(quote) + 2
            spans.append((start, start + len(quote), quote))
        text = "".join(pieces) or "Nothing was said."
        tables.add("claims_interview", id=interview_id, slug=f"interview-{interview_id:05d}",
                   title=f"Interview {interview_id}", show=f"Show {interview_id % 20}", link="",
                   video_id=f"vid{interview_id:08d}" if interview_id % 3 == 0 else "",
                   published=published, published_precision="day", duration_seconds=3600,
                   source_format="plain", source_name=f"interview-{interview_id:05d}.txt", source_text=text,
                   sha256=hashlib.sha256(f"{seed}:{interview_id}".encode()).hexdigest(),
                   created_at=created, updated_at=created)
        for role, speaker in (("host", host), ("guest", guest)):
            participation_id += 1
            tables.add("claims_participation", id=participation_id, interview_id=interview_id, speaker_id=speaker, role=role)
        tables.add("claims_chapter", id=interview_id, interview_id=interview_id, index=0, title="Start",
                   start_seconds=0, start_char=0)
        quarter = max(1, len(text) // 4)
        for t in range(4):
            turn_start, turn_end = t * quarter, (len(text) if t == 3 else (t + 1) * quarter)
            if turn_start >= turn_end:
                continue
            turn_id += 1
            tables.add("claims_turn", id=turn_id, interview_id=interview_id, index=t,
                       speaker_id=host if t % 2 == 0 else guest, start_char=turn_start, end_char=turn_end,
                       start_seconds=t * 900.0, seconds_estimated=False)
        for start, end, quote in spans:
            claim_id += 1
            is_prediction = rng.random() < 0.10
            extracted = rng.random() < 0.5
            tables.add(
                "claims_claim", id=claim_id, interview_id=interview_id,
                speaker_id=guest if rng.random() < 0.7 else host, quote=quote, start_char=start, end_char=end,
                statement=f"The speaker says: {quote}.",
                claim_type="prediction" if is_prediction else rng.choice(TYPES),
                hedged=rng.random() < 0.2, status=rng.choice(STATUSES),
                origin="extracted" if extracted else "manual",
                extractor_score=round(rng.random(), 3) if extracted else None,
                start_seconds=round(start / 25.0, 2), seconds_estimated=True, date=published,
                curator_notes="", created_at=created, updated_at=created,
            )
            chosen = set()
            for _ in range(rng.choices((1, 2, 3), (5, 3, 2))[0]):
                chosen.add(rng.choices(shuffled_topics, zipf)[0])
            for topic in sorted(chosen):
                link_id += 1
                tables.add("claims_claim_topics", id=link_id, claim_id=claim_id, topic_id=topic)
            if is_prediction:
                prediction_id += 1
                year = int(published[:4]) + rng.randint(1, 10)
                tables.add("claims_prediction", id=prediction_id, claim_id=claim_id, predicted=f"Predicted: {quote[:60]}.",
                           horizon=f"by {year}", target_start=None, target_end=f"{year}-12-31", status="open",
                           resolved_on=None, resolution_note="", evidence_link="")
            written += 1
        if (i + 1) % 50 == 0 or i + 1 == interviews:
            flush(tables, connection)
            log(f"  {i + 1} interviews, {written} claims")
    return {"claims": written, "predictions": prediction_id, "topic_links": link_id,
            "interviews": interviews, "speakers": speakers, "topics": len(topic_ids), "planted": counts}


TABLES = [
    "claims_prediction", "claims_claim_topics", "claims_claim", "claims_turn", "claims_chapter",
    "claims_participation", "claims_interview", "claims_speaker", "claims_topic",
]


def reset(connection) -> list[str]:
    """Empty the claims tables; on PostgreSQL also drop claims_claim's secondary indexes (returned, to rebuild)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE")
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('claims_claim', 'claims_claim_topics') "
                "AND indexname NOT IN (SELECT conname FROM pg_constraint)"
            )
            indexes = cursor.fetchall()
            for name, _ in indexes:
                cursor.execute(f'DROP INDEX "{name}"')
            return [definition for _, definition in indexes]
        for table in TABLES:
            cursor.execute(f"DELETE FROM {table}")
        return []


def finish(connection, indexes: list[str]) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET maintenance_work_mem = '512MB'")
            for definition in indexes:
                cursor.execute(definition)
            for table in TABLES:
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce(max(id), 0) + 1, false) FROM {table}"
                )
        cursor.execute("ANALYZE")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--interviews", type=int, default=1000)
    parser.add_argument("--speakers", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    django_setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous=OFF")
    with transaction.atomic():
        indexes = reset(connection)
        summary = generate(claims=args.claims, interviews=args.interviews, speakers=args.speakers,
                           seed=args.seed, connection=connection)
    # After the commit: PostgreSQL refuses CREATE INDEX while the deferred foreign-key checks are pending.
    finish(connection, indexes)
    summary["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
