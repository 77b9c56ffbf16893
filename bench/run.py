"""The benchmark suite: each operation against its floor (and a peer), on SQLite and PostgreSQL.

    .venv/bin/python bench/run.py --size small --generate      # CI: ~20,000 claims, generated first
    .venv/bin/python bench/run.py --size full                  # 1,000,000 claims (generate once with --generate)
    .venv/bin/python bench/run.py --size small --check-queries # exit 1 when a query count regressed

Databases: --sqlite PATH (default var/bench/<size>.sqlite3) and --postgres URL (default
postgres://postgres@127.0.0.1:5432/bench_<size>); --only sqlite|postgres for one of them. Each database
is measured in its own process (`--worker`); sides of a comparison run interleaved after warm-up
and the medians are reported. Writes bench/results.json (or --output) and prints a table.
Bench-only dependencies: bench/requirements.txt (Datasette, the peer on SQLite).
"""
from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, interleaved, median  # noqa: E402

PYTHON = sys.executable
SIZES = {
    "small": {"claims": 20_000, "repeat": 15, "warmup": 3, "deep": 5_000, "subset": 3, "load_seconds": 10, "memory_small": 5_000},
    "full": {"claims": 1_000_000, "repeat": 15, "warmup": 3, "deep": 100_000, "subset": 20, "load_seconds": 60, "memory_small": 100_000},
}
LIST_QUERY = {"topic": "area-1", "date_after": "2005-01-01", "date_before": "2020-12-31"}
BASELINE = Path(__file__).resolve().parent / "query_counts.json"


# Worker: runs inside one database -----------------------------------------------------------------


def capture(function):
    """(sql, params) of every query `function` runs, in order."""
    from django.db import connection

    calls = []

    def wrapper(execute, sql, params, many, context):
        calls.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        function()
    return calls


def raw_runner(calls):
    """The captured queries run directly through the driver, rows as dicts, dumped with orjson: the floor."""
    import orjson
    from django.db import connection

    connection.ensure_connection()
    raw = connection.connection
    if connection.vendor == "sqlite":
        from django.db.backends.sqlite3.base import FORMAT_QMARK_REGEX

        calls = [(FORMAT_QMARK_REGEX.sub("?", sql).replace("%%", "%"), params) for sql, params in calls]

    def run():
        out = []
        cursor = raw.cursor()
        for sql, params in calls:
            cursor.execute(sql, params or ())
            names = [d[0] for d in cursor.description]
            out.append([dict(zip(names, row)) for row in cursor.fetchall()])
        cursor.close()
        return orjson.dumps(out, default=str)

    return run


def query_count(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code, response.content[:300])
    return len(context.captured_queries)


def worker(args) -> dict:
    from common import django_setup

    django_setup()
    from django.db import connection
    from django.test import Client

    size = SIZES[args.size]
    results: dict = {"vendor": connection.vendor, "operations": {}}
    ops = results["operations"]
    client = Client()

    def get(url):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response.content

    def compare(name, url, floor_calls=None, floor=None, extra=None):
        calls = floor_calls if floor_calls is not None else capture(lambda: get(url))
        sides = {"django": lambda: get(url), "floor": floor or raw_runner(calls)}
        sides.update(extra or {})
        times = interleaved(sides, warmup=size["warmup"], repeat=size["repeat"])
        entry = {"url": url, "queries": query_count(client, url), "median_ms": {k: round(v * 1000, 3) for k, v in times.items()}}
        entry["ratio"] = round(times["django"] / times["floor"], 2)
        ops[name] = entry
        log(f"{results['vendor']:<10} {name:<28} django {times['django']*1000:8.2f} ms  floor {times['floor']*1000:8.2f} ms  x{entry['ratio']}")
        return entry

    skip = set(filter(None, args.skip.split(",")))
    if "api" not in skip:
        query = "&".join(f"{k}={v}" for k, v in LIST_QUERY.items())
        # 1. list, topic + date range, page of 100 (Datasette measured over HTTP in the parent)
        compare("list", f"/api/claims/?{query}&page_size=100")
        # 2. page sizes: the query count must not depend on it
        counts = {}
        for page_size in (10, 100, 500):
            entry = compare(f"list_page_size_{page_size}", f"/api/claims/?{query}&page_size={page_size}")
            counts[page_size] = entry["queries"]
        results["page_size_queries_constant"] = len(set(counts.values())) == 1
        # 3. deep page: 100,000 rows in (5,000 at the small size) vs page 1, same list without filters
        from api.pagination import ClaimPagination

        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT date, id FROM claims_claim WHERE status = 'approved' ORDER BY date, id LIMIT 1 OFFSET %s",
                [size["deep"] - 1],
            )
            date, pk = cursor.fetchone()
        date = date if isinstance(date, str) else date.isoformat()
        cursor_value = ClaimPagination()._encode("date", [date, pk], False)
        deep_url, first_url = f"/api/claims/?page_size=100&cursor={cursor_value}", "/api/claims/?page_size=100"
        times = interleaved({"page1": lambda: get(first_url), "deep": lambda: get(deep_url)},
                            warmup=size["warmup"], repeat=size["repeat"])
        ops["deep_page"] = {"rows_in": size["deep"], "median_ms": {k: round(v * 1000, 3) for k, v in times.items()},
                            "ratio": round(times["deep"] / times["page1"], 2), "queries": query_count(client, deep_url)}
        log(f"{results['vendor']:<10} {'deep_page':<28} deep {times['deep']*1000:8.2f} ms  page1 {times['page1']*1000:8.2f} ms  x{ops['deep_page']['ratio']}")
        # 4. detail vs one-row query
        with connection.cursor() as cursor:
            cursor.execute("SELECT claim_id FROM claims_prediction p JOIN claims_claim c ON c.id = p.claim_id "
                           "WHERE c.status = 'approved' ORDER BY claim_id LIMIT 1 OFFSET %s", [size["claims"] // 40])
            detail_id = cursor.fetchone()[0]
        topics_agg = "string_agg(t.slug, ',')" if connection.vendor == "postgresql" else "group_concat(t.slug, ',')"
        detail_sql = (
            "SELECT c.*, s.slug AS speaker_slug, s.name AS speaker_name, i.slug AS interview_slug, i.link, i.video_id, "
            "i.published_precision, p.id AS p_id, p.predicted, p.horizon, p.target_start, p.target_end, p.status AS p_status, "
            "p.resolved_on, p.resolution_note, p.evidence_link, "
            f"(SELECT {topics_agg} FROM claims_claim_topics ct JOIN claims_topic t ON t.id = ct.topic_id WHERE ct.claim_id = c.id) AS topics "
            "FROM claims_claim c JOIN claims_speaker s ON s.id = c.speaker_id JOIN claims_interview i ON i.id = c.interview_id "
            "LEFT JOIN claims_prediction p ON p.claim_id = c.id WHERE c.id = %s AND c.status = 'approved'"
        )
        if connection.vendor == "postgresql":
            detail_sql = detail_sql.replace("SELECT c.*", "SELECT c.id, c.quote, c.statement, c.start_char, c.end_char, "
                                            "c.start_seconds, c.seconds_estimated, c.claim_type, c.hedged, c.status, c.date")
        compare("detail", f"/api/claims/{detail_id}/", floor_calls=[(detail_sql, [detail_id])])
        # 5. full-text search, top 20: rare, medium, common
        from generate import COMMON, MEDIUM, RARE

        fts_floor = fts_floor_runner(connection)
        for label, term in (("rare", RARE), ("medium", MEDIUM), ("common", COMMON)):
            compare(f"search_{label}", f"/api/claims/?q={term}&page_size=20", floor=lambda term=term: fts_floor(term))
    # 6. ingestion, and ingestion + extraction, of a 100 KB transcript
    if "ingest" not in skip:
        ops.update(ingest_compare(size))
    # 7. export (in process; memory and import in subprocesses, run by the parent)
    if "export" not in skip:
        ops["export"] = export_compare(size)
    return results


def fts_floor_runner(connection):
    """The raw full-text query, top 20 by date, on the index the API searches: PostgreSQL @@ on the
    stored tsvector (migration 0003); SQLite the FTS5 table claims_claim_fts (migration 0004)."""
    import orjson

    connection.ensure_connection()
    raw = connection.connection
    if connection.vendor == "postgresql":
        sql = ("SELECT id, quote, statement, date FROM claims_claim WHERE status = 'approved' AND "
               "search_vector @@ websearch_to_tsquery('english', %s) ORDER BY date, id LIMIT 20")
    else:
        sql = ("SELECT id, quote, statement, date FROM claims_claim WHERE status = 'approved' AND id IN "
               "(SELECT rowid FROM claims_claim_fts WHERE claims_claim_fts MATCH ?) ORDER BY date, id LIMIT 20")

    def run(term):
        cursor = raw.cursor()
        cursor.execute(sql, (term,))
        names = [d[0] for d in cursor.description]
        return orjson.dumps([dict(zip(names, row)) for row in cursor.fetchall()], default=str)

    return run


def ingest_compare(size) -> dict[str, dict]:
    """Operation 6 on a synthetic 100 KB transcript, as two entries (every write rolled back):

    - 'ingest_100kb', the target's measure: ingestion (interview_prepare + interview_ingest: format,
      turns, attribution, timestamps, sentences; the interview, speakers, participations and turns
      written, the speakers with their history) vs split_sentences plus raw multi-row INSERTs of the
      same rows (interview, speakers, participations, turns with all their columns; no history);
    - 'ingest_extract_100kb': the same plus claims_extract vs the same floor plus raw INSERTs of as
      many claim rows. The extractor's own computing (candidates, scoring, statements, topics,
      horizons) has no counterpart in the floor, so this ratio is reported with its parts:
      'extract_compute' (the pure extractor, no database) and what is left, the extraction's reads
      and writes (claims, history rows, topic links, predictions).
    """
    from django.db import connection

    from claims.ingest.extract import extract_claims
    from claims.ingest.segment import split_sentences
    from claims.ingest.tag import TopicInfo
    from claims.models import Topic, Turn
    from claims.services import claims_extract, interview_ingest, interview_prepare
    from ingest_side_by_side import floor_writes, rolled_back
    from ingestion import synthetic

    data = synthetic(0.1)
    text = data.decode()

    shape = {}

    def ingest():
        return interview_ingest(annotated=interview_prepare(data, source="bench-100kb.txt"))[0]

    def ingest_and_extract():
        interview = ingest()
        shape["claims"] = claims_extract(interview)
        shape["turns"] = Turn.objects.filter(interview=interview).count()

    rolled_back(ingest_and_extract)()
    annotated = interview_prepare(data, source="bench-100kb.txt")
    turns = annotated.turns
    # what claims_extract hands the extractor: roles from the participants, the stored taxonomy
    roles = {s.slug: s.role for s in annotated.speakers}
    taxonomy = tuple(TopicInfo(slug=t.slug, parent=t.parent.slug if t.parent_id else None, keywords=tuple(t.keywords or ()),
                               name=t.name) for t in Topic.objects.select_related("parent"))
    meta = annotated.metadata

    def extract_compute():
        extract_claims(text, turns, split_sentences(text, turns), published=meta.published,
                       precision=meta.published_precision or "day", roles=roles or None, taxonomy=taxonomy)

    sides = {"ingest": rolled_back(ingest), "floor": rolled_back(lambda: floor_writes(text, annotated)),
             "ingest_extract": rolled_back(ingest_and_extract), "floor_with_claims": rolled_back(lambda: floor_writes(text, annotated, claims=shape["claims"])),
             "extract_compute": extract_compute, "split_only": lambda: split_sentences(text, turns)}
    times = interleaved(sides, warmup=1, repeat=max(3, size["repeat"] // 3))
    ms = {k: round(v * 1000, 2) for k, v in times.items()}
    ingest_entry = {"bytes": len(data), "turns": shape["turns"],
                    "median_ms": {"ingest": ms["ingest"], "floor": ms["floor"], "split_only": ms["split_only"]},
                    "ratio": round(times["ingest"] / times["floor"], 2)}
    whole_entry = {"bytes": len(data), **shape,
                   "median_ms": {"ingest_extract": ms["ingest_extract"], "floor_with_claims": ms["floor_with_claims"],
                                 "extract_compute": ms["extract_compute"]},
                   "ratio": round(times["ingest_extract"] / times["floor_with_claims"], 2),
                   "extract_writes_ms": round(ms["ingest_extract"] - ms["ingest"] - ms["extract_compute"], 2),
                   "ratio_without_extract_compute": round((times["ingest_extract"] - times["extract_compute"]) / times["floor_with_claims"], 2)}
    log(f"{connection.vendor:<10} {'ingest_100kb':<28} django {ms['ingest']:8.1f} ms  floor {ms['floor']:8.1f} ms  x{ingest_entry['ratio']}")
    log(f"{connection.vendor:<10} {'ingest_extract_100kb':<28} django {ms['ingest_extract']:8.1f} ms  floor {ms['floor_with_claims']:8.1f} ms  "
        f"x{whole_entry['ratio']}; extractor compute {ms['extract_compute']:.1f} ms, its reads and writes "
        f"{whole_entry['extract_writes_ms']:.1f} ms; x{whole_entry['ratio_without_extract_compute']} without the compute")
    return {"ingest_100kb": ingest_entry, "ingest_extract_100kb": whole_entry}


def export_floor(directory: Path) -> int:
    """Every claim row (with its slugs) by a chunked raw SELECT, dumped with orjson to one file."""
    import orjson
    from django.db import connection

    connection.ensure_connection()
    cursor = connection.connection.cursor()
    sql = ("SELECT c.id, i.slug, s.slug, c.quote, c.start_char, c.end_char, c.statement, c.claim_type, c.hedged, c.status, "
           "c.origin, c.extractor_score, c.start_seconds, c.seconds_estimated, c.date, c.curator_notes, c.created_at, c.updated_at "
           "FROM claims_claim c JOIN claims_interview i ON i.id = c.interview_id JOIN claims_speaker s ON s.id = c.speaker_id "
           "WHERE c.id > {} ORDER BY c.id LIMIT 2000")
    if connection.vendor == "sqlite":
        # CROSS JOIN keeps claims the outer loop (a primary-key range per chunk): with a plain JOIN SQLite
        # walked speakers first and sorted every remaining claim for each chunk (175 s at 1M, not a floor).
        sql = sql.replace(" JOIN ", " CROSS JOIN ")
    names = ["id", "interview", "speaker", "quote", "start_char", "end_char", "statement", "claim_type", "hedged", "status",
             "origin", "extractor_score", "start_seconds", "seconds_estimated", "date", "curator_notes", "created_at", "updated_at"]
    last, n = 0, 0
    with open(directory / "floor.json", "wb") as out:
        while True:
            cursor.execute(sql.format(int(last)))
            rows = cursor.fetchall()
            if not rows:
                break
            for row in rows:
                out.write(orjson.dumps(dict(zip(names, row)), default=str, option=orjson.OPT_INDENT_2) + b",\n")
            last, n = rows[-1][0], n + len(rows)
        # The interviews with their source text, as the fixtures carry them.
        last = 0
        while True:
            cursor.execute("SELECT id, slug, title, show, link, video_id, published, published_precision, duration_seconds, "
                           "source_format, source_name, source_text, sha256, created_at, updated_at FROM claims_interview "
                           f"WHERE id > {int(last)} ORDER BY id LIMIT 100")
            rows = cursor.fetchall()
            if not rows:
                break
            names_i = [d[0] for d in cursor.description]
            for row in rows:
                out.write(orjson.dumps(dict(zip(names_i, row)), default=str, option=orjson.OPT_INDENT_2) + b",\n")
            last = rows[-1][0]
    cursor.close()
    return n


def export_compare(size) -> dict:
    from django.db import connection

    from claims.dataset import dataset_export

    work = Path(tempfile.mkdtemp(prefix="bench-export-"))
    repeat = 3 if size["claims"] <= 100_000 else 1
    try:
        times = interleaved({"django": lambda: dataset_export(work / "fixtures"), "floor": lambda: export_floor(work)},
                            warmup=0, repeat=repeat)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    entry = {"median_s": {k: round(v, 2) for k, v in times.items()}, "ratio": round(times["django"] / times["floor"], 2)}
    log(f"{connection.vendor:<10} {'export':<28} django {times['django']:8.2f} s   floor {times['floor']:8.2f} s   x{entry['ratio']}")
    return entry


# Children: one operation in a fresh process, for time and peak memory --------------------------


def child(args) -> None:
    from common import django_setup

    django_setup()
    from django.core.management import call_command

    started = time.perf_counter()
    if args.child == "export":
        call_command("export_fixtures", "--output", args.path, stdout=open(os.devnull, "w"))
    elif args.child == "import":
        call_command("import_fixtures", "--fixtures", args.path, stdout=open(os.devnull, "w"))
    elif args.child == "loaddata":
        from claims.dataset import dataset_files

        call_command("loaddata", *map(str, dataset_files(Path(args.path))), verbosity=0)
    elif args.child == "migrate":
        call_command("migrate", verbosity=0)
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def run_child(kind: str, path, database_url: str) -> dict:
    env = {**os.environ, "DATABASE_URL": database_url}
    out = subprocess.run([PYTHON, __file__, "--child", kind, "--path", str(path)], env=env,
                         capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"{kind} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


# Parent -----------------------------------------------------------------------------------------


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def psql(sql: str, database: str = "postgres") -> None:
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-q", "-c", sql], check=True,
                   capture_output=True)


def pg_name(url: str) -> str:
    return url.rsplit("/", 1)[1]


def empty_database(vendor: str, name: str) -> str:
    """A freshly migrated empty database: a new SQLite file or a recreated PostgreSQL database."""
    if vendor == "sqlite":
        path = Path(tempfile.gettempdir()) / f"{name}.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        url = f"sqlite:///{path}"
    else:
        psql(f"DROP DATABASE IF EXISTS {name}")
        psql(f"CREATE DATABASE {name}")
        url = f"postgres://postgres@127.0.0.1:5432/{name}"
    run_child("migrate", "-", url)
    return url


def subset(fixtures: Path, target: Path, interviews: int) -> Path:
    """topics, speakers and the first `interviews` interviews with their claims: for the stock loaddata."""
    for name in ("topics.json", "speakers.json"):
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(fixtures / name, target / name)
    for folder in ("interviews", "claims"):
        (target / folder).mkdir(exist_ok=True)
        for path in sorted((fixtures / folder).glob("*.json"))[:interviews]:
            shutil.copy(path, target / folder / path.name)
    return target


def copy_floor(vendor: str, source_url: str, target_name: str) -> float:
    """Load every claims table into an empty database at the database's own bulk speed.

    PostgreSQL: COPY FROM files made by COPY TO. SQLite (no COPY): INSERT ... SELECT from the attached source.
    """
    from generate import TABLES

    url = empty_database(vendor, target_name)
    tables = list(reversed(TABLES))
    if vendor == "sqlite":
        import sqlite3

        target = url.replace("sqlite:///", "")
        db = sqlite3.connect(target, isolation_level=None)
        db.execute("ATTACH DATABASE ? AS src", (source_url.replace("sqlite:///", ""),))
        started = time.perf_counter()
        db.execute("BEGIN")
        for table in tables:
            db.execute(f"INSERT INTO main.{table} SELECT * FROM src.{table}")
        db.execute("COMMIT")
        seconds = time.perf_counter() - started
        db.close()
        return seconds
    import psycopg2

    work = Path(tempfile.mkdtemp(prefix="bench-copy-"))
    try:
        source = psycopg2.connect(source_url)
        columns = {}
        with source.cursor() as cursor:
            for table in tables:
                cursor.execute("SELECT column_name FROM information_schema.columns WHERE table_name = %s "
                               "AND is_generated = 'NEVER' ORDER BY ordinal_position", (table,))
                columns[table] = ", ".join(f'"{c[0]}"' for c in cursor.fetchall())
                with open(work / table, "w") as out:
                    cursor.copy_expert(f"COPY {table} ({columns[table]}) TO STDOUT", out)
        source.close()
        target = psycopg2.connect(url)
        started = time.perf_counter()
        with target.cursor() as cursor:
            for table in tables:
                with open(work / table) as data:
                    cursor.copy_expert(f"COPY {table} ({columns[table]}) FROM STDIN", data)
        target.commit()
        seconds = time.perf_counter() - started
        target.close()
        return seconds
    finally:
        shutil.rmtree(work, ignore_errors=True)


def export_import(vendor: str, url: str, size: dict, memory_url: str | None) -> dict:
    """Export (subprocess: time, peak RSS), import into an empty database vs COPY and stock loaddata, round trip."""
    work = Path(tempfile.mkdtemp(prefix="bench-ei-"))
    result: dict = {}
    try:
        first = work / "first"
        exported = run_child("export", first, url)
        result["export_subprocess"] = {"seconds": round(exported["seconds"], 2), "max_rss_mb": round(exported["max_rss_mb"], 1)}
        if memory_url:
            other = run_child("export", work / "memory", memory_url)
            shutil.rmtree(work / "memory", ignore_errors=True)
            result["export_memory"] = {"smaller_db_max_rss_mb": round(other["max_rss_mb"], 1),
                                       "this_db_max_rss_mb": round(exported["max_rss_mb"], 1),
                                       "ratio": round(exported["max_rss_mb"] / other["max_rss_mb"], 2)}
        target = empty_database(vendor, f"bench_import_{os.getpid()}")
        imported = run_child("import", first, target)
        result["import"] = {"seconds": round(imported["seconds"], 2), "max_rss_mb": round(imported["max_rss_mb"], 1)}
        second = work / "second"
        run_child("export", second, target)
        result["round_trip_identical"] = trees_equal(first, second)
        shutil.rmtree(second, ignore_errors=True)
        copy_seconds = copy_floor(vendor, url, f"bench_copy_{os.getpid()}")
        result["copy_floor_s"] = round(copy_seconds, 2)
        result["import_vs_copy"] = round(imported["seconds"] / copy_seconds, 2)
        # Stock loaddata on a subset (at a million claims it would take hours); ours on the same subset.
        part = subset(first, work / "subset", size["subset"])
        stock = run_child("loaddata", part, empty_database(vendor, f"bench_stock_{os.getpid()}"))
        ours = run_child("import", part, empty_database(vendor, f"bench_ours_{os.getpid()}"))
        result["subset_interviews"] = size["subset"]
        result["stock_loaddata_s"] = round(stock["seconds"], 2)
        result["import_subset_s"] = round(ours["seconds"], 2)
        result["import_speedup_vs_loaddata"] = round(stock["seconds"] / ours["seconds"], 1)
        log(f"{vendor:<10} {'import':<28} {imported['seconds']:.1f} s (COPY floor {copy_seconds:.1f} s); "
            f"subset: loaddata {stock['seconds']:.1f} s vs {ours['seconds']:.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)
        for name in ("import", "copy", "stock", "ours"):  # the scratch databases (at 1M, ~1 GB each)
            if vendor == "postgresql":
                psql(f"DROP DATABASE IF EXISTS bench_{name}_{os.getpid()}")
            else:
                for suffix in ("", "-wal", "-shm"):
                    Path(tempfile.gettempdir(), f"bench_{name}_{os.getpid()}.sqlite3{suffix}").unlink(missing_ok=True)
    return result


def trees_equal(a: Path, b: Path) -> bool:
    files_a = sorted(p.relative_to(a) for p in a.rglob("*.json"))
    if files_a != sorted(p.relative_to(b) for p in b.rglob("*.json")):
        return False
    return all((a / p).read_bytes() == (b / p).read_bytes() for p in files_a)


@contextlib.contextmanager
def server(command: list[str], port: int, env: dict):
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            with contextlib.suppress(OSError):
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            time.sleep(0.1)
        yield
    finally:
        process.terminate()
        process.wait(timeout=20)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_get(conn: http.client.HTTPConnection, path: str) -> bytes:
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    if response.status != 200:
        raise RuntimeError(f"{path}: {response.status} {body[:200]!r}")
    return body


def gunicorn_env(url: str) -> dict:
    return {**os.environ, "DATABASE_URL": url, "DJANGO_SECRET_KEY": "bench-only-key-" + "b" * 50, "DJANGO_DEBUG": "0",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost", "DJANGO_SECURE_SSL_REDIRECT": "0", "DJANGO_API_ANON_RATE": ""}


def list_path() -> str:
    return "/api/claims/?" + "&".join(f"{k}={v}" for k, v in LIST_QUERY.items()) + "&page_size=100"


def datasette_compare(path: str, size: dict) -> dict:
    """The list over HTTP: Django under gunicorn (1 worker) vs Datasette on the same SQLite file, same rows."""
    bin_dir = Path(PYTHON).parent
    if not (bin_dir / "datasette").exists():
        return {"skipped": "datasette not installed (pip install -r bench/requirements.txt)"}
    import sqlite3

    db = sqlite3.connect(path)
    topics = db.execute("SELECT id FROM claims_topic WHERE slug = :t OR parent_id = (SELECT id FROM claims_topic WHERE slug = :t)",
                        {"t": LIST_QUERY["topic"]}).fetchall()
    db.close()
    topic_ids = ",".join(str(t[0]) for t in topics)
    sql = (
        "select c.id, i.slug as interview, s.slug as speaker_slug, s.name as speaker_name, c.quote, c.statement, c.start_char, "
        "c.end_char, c.start_seconds, c.seconds_estimated, i.link, i.video_id, c.claim_type, c.hedged, c.status, c.date, "
        "i.published_precision, p.id as prediction_id, p.predicted, p.horizon, p.target_start, p.target_end, p.status as p_status, "
        "p.resolved_on, p.resolution_note, p.evidence_link, (select group_concat(t.slug) from claims_claim_topics ct "
        "join claims_topic t on t.id = ct.topic_id where ct.claim_id = c.id) as topics "
        "from claims_claim c join claims_interview i on i.id = c.interview_id join claims_speaker s on s.id = c.speaker_id "
        "left join claims_prediction p on p.claim_id = c.id where c.status = 'approved' and c.date >= :a and c.date <= :b "
        f"and exists (select 1 from claims_claim_topics ct where ct.claim_id = c.id and ct.topic_id in ({topic_ids})) "
        "order by c.date, c.id limit 101"
    )
    from urllib.parse import urlencode

    name = Path(path).stem
    ds_path = f"/{name}.json?" + urlencode({"sql": sql, "a": LIST_QUERY["date_after"], "b": LIST_QUERY["date_before"], "_shape": "array"})
    ds_port, dj_port = free_port(), free_port()
    ds = [str(bin_dir / "datasette"), "serve", path, "--host", "127.0.0.1", "--port", str(ds_port),
          "--setting", "sql_time_limit_ms", "20000", "--setting", "max_returned_rows", "1000"]
    dj = [str(bin_dir / "gunicorn"), "project.wsgi", "--bind", f"127.0.0.1:{dj_port}", "--workers", "1"]
    with server(ds, ds_port, os.environ.copy()), server(dj, dj_port, gunicorn_env(f"sqlite:///{path}")):
        ds_conn = http.client.HTTPConnection("127.0.0.1", ds_port)
        dj_conn = http.client.HTTPConnection("127.0.0.1", dj_port)
        rows = (len(json.loads(http_get(ds_conn, ds_path))), len(json.loads(http_get(dj_conn, list_path()))["results"]))
        times = interleaved({"django": lambda: http_get(dj_conn, list_path()), "datasette": lambda: http_get(ds_conn, ds_path)},
                            warmup=size["warmup"], repeat=size["repeat"])
    entry = {"median_ms": {k: round(v * 1000, 3) for k, v in times.items()}, "ratio": round(times["django"] / times["datasette"], 2),
             "rows": {"datasette": rows[0], "django": rows[1]}}
    log(f"{'sqlite':<10} {'list_vs_datasette (HTTP)':<28} django {times['django']*1000:8.2f} ms  datasette {times['datasette']*1000:8.2f} ms  x{entry['ratio']}")
    return entry


def load_test(url: str, seconds: int, clients: int = 50, workers: int = 3) -> dict:
    """gunicorn with the Makefile's workers (3, sync) under `clients` concurrent keep-alive clients for `seconds`."""
    port = free_port()
    cmd = [str(Path(PYTHON).parent / "gunicorn"), "project.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)]
    with server(cmd, port, gunicorn_env(url)):
        workers_warmed(port, workers)
        wrk = shutil.which("wrk")
        if wrk:
            out = subprocess.run([wrk, "-t2", f"-c{clients}", f"-d{seconds}s", "--latency", "--timeout", "10s",
                                  f"http://127.0.0.1:{port}{list_path()}"], capture_output=True, text=True).stdout
            return {"tool": "wrk", **parse_wrk(out)}
        return python_load(port, seconds, clients)


def parse_wrk(out: str) -> dict:
    import re

    def ms(text):
        value, unit = float(text[:-2] if text.endswith(("ms", "us")) else text[:-1]), text[-2:] if text.endswith(("ms", "us")) else text[-1:]
        return value * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    result = {"requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))}
    for label, key in (("50%", "p50_ms"), ("99%", "p99_ms")):
        result[key] = round(ms(re.search(rf"{re.escape(label)}\s+([\d.]+\w+)", out).group(1)), 2)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    result["errors"] = (int(errors.group(1)) if errors else 0) + (sum(map(int, socket_errors.groups())) if socket_errors else 0)
    result["requests"] = int(re.search(r"(\d+) requests in", out).group(1))
    return result


def workers_warmed(port: int, workers: int, patience: float = 120.0) -> None:
    """Until each of `workers` concurrent requests has been answered once: gunicorn binds its port before its
    workers have imported Django, and on a loaded machine their first answers took longer than the whole
    10-second load test (it then counted no request at all)."""
    give_up = time.perf_counter() + patience

    def first_answer():
        while True:
            try:
                http_get(http.client.HTTPConnection("127.0.0.1", port, timeout=30), list_path())
                return
            except Exception:
                if time.perf_counter() > give_up:
                    raise
                time.sleep(0.5)

    threads = [threading.Thread(target=first_answer) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def python_load(port: int, seconds: int, clients: int) -> dict:
    latencies, errors, stop = [], [0], time.perf_counter() + seconds
    lock = threading.Lock()

    def client():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine = []
        while time.perf_counter() < stop:
            start = time.perf_counter()
            try:
                http_get(conn, list_path())
                mine.append(time.perf_counter() - start)
            except Exception:
                with lock:
                    errors[0] += 1
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    latencies.sort()
    if not latencies:  # every request failed or timed out: said in the results, not an IndexError
        return {"tool": "python threads", "requests": 0, "requests_per_s": 0.0, "p50_ms": None, "p99_ms": None, "errors": errors[0]}
    return {"tool": "python threads", "requests": len(latencies), "requests_per_s": round(len(latencies) / seconds, 1),
            "p50_ms": round(median(latencies) * 1000, 2), "p99_ms": round(latencies[int(len(latencies) * 0.99)] * 1000, 2),
            "errors": errors[0]}


def table(results: dict) -> str:
    lines = ["| operation | database | Django / ours | floor / peer | ratio | target | queries |", "|---|---|---|---|---|---|---|"]
    targets = {"list": "<= 2x (hard 4x)", "deep_page": "<= 1.5x page 1", "detail": "<= 2x, <= 3 queries",
               "search_rare": "<= 2x, < 50 ms (PG)", "search_medium": "<= 2x, < 50 ms (PG)", "search_common": "<= 2x",
               "ingest_100kb": "<= 1.3x", "ingest_extract_100kb": "reported (see RESULTS.md)", "export": "<= 3x", "list_page_size_10": "same queries", "list_page_size_100": "same queries",
               "list_page_size_500": "same queries"}
    for vendor, data in results["databases"].items():
        for name, op in data["operations"].items():
            m = op.get("median_ms") or op.get("median_s")
            unit = "ms" if "median_ms" in op else "s"
            a, b = (m["deep"], m["page1"]) if name == "deep_page" else list(m.values())[:2]
            lines.append(f"| {name} | {vendor} | {a} {unit} | {b} {unit} | {op.get('ratio')}x | {targets.get(name, '')} | {op.get('queries', '')} |")
        if "datasette" in data:
            d = data["datasette"]
            if "median_ms" in d:
                ratio = d["median_ms"]["django"] / d["median_ms"]["datasette"]
                lines.append(f"| list over HTTP vs Datasette | {vendor} | {d['median_ms']['django']} ms | {d['median_ms']['datasette']} ms | {ratio:.3g}x | <= 1x | |")
        ei = data.get("export_import", {})
        if ei:
            es = ei["export_subprocess"]
            lines.append(f"| export (own process: time, peak RSS) | {vendor} | {es['seconds']} s | {es['max_rss_mb']} MB | | | |")
            if "export_memory" in ei:
                em = ei["export_memory"]
                lines.append(f"| export peak RSS | {vendor} | {em['this_db_max_rss_mb']} MB | {em['smaller_db_max_rss_mb']} MB (smaller DB) | {em['ratio']}x | <= 1.2x | |")
            lines.append(f"| import vs COPY | {vendor} | {ei['import']['seconds']} s | {ei['copy_floor_s']} s | {ei['import_vs_copy']}x | <= 10x | |")
            lines.append(f"| import vs stock loaddata ({ei['subset_interviews']} interviews) | {vendor} | {ei['import_subset_s']} s | {ei['stock_loaddata_s']} s | {ei['import_speedup_vs_loaddata']}x faster | >= 10x faster | |")
            lines.append(f"| import peak RSS / round trip identical | {vendor} | {ei['import']['max_rss_mb']} MB | | | bounded | {ei['round_trip_identical']} |")
        if "load" in data:
            ld = data["load"]
            lines.append(f"| load: 50 clients, gunicorn 3 workers ({ld.get('tool')}) | {vendor} | {ld['requests_per_s']} req/s | p50 {ld['p50_ms']} ms, p99 {ld['p99_ms']} ms | | 0 errors | errors: {ld['errors']} |")
    return "\n".join(lines)


def query_counts(results: dict) -> dict:
    return {vendor: {name: op["queries"] for name, op in data["operations"].items() if "queries" in op}
            for vendor, data in results["databases"].items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=SIZES, default="small")
    parser.add_argument("--sqlite")
    parser.add_argument("--postgres")
    parser.add_argument("--memory-sqlite", help="a smaller SQLite database for the export memory comparison")
    parser.add_argument("--memory-postgres", help="a smaller PostgreSQL database for the export memory comparison")
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
    parser.add_argument("--generate", action="store_true", help="(re)generate the databases first (bench/generate.py)")
    parser.add_argument("--skip", default="", help="comma-separated parts to skip: api (list, detail, search), ingest, "
                        "export (in-process export vs floor), export_import, load, datasette")
    parser.add_argument("--merge", nargs="+", type=Path, metavar="JSON",
                        help="combine result files of partial runs (same size) into --output, print the table, then exit")
    parser.add_argument("--check-queries", action="store_true", help=f"fail when a query count differs from {BASELINE.name}")
    parser.add_argument("--output", type=Path, default=Path(__file__).resolve().parent / "results.json")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--path", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args)
    if args.worker:
        print(json.dumps(worker(args)))
        return None
    if args.merge:
        return merge(args)
    size = SIZES[args.size]
    skip = set(filter(None, args.skip.split(",")))
    (ROOT / "var" / "bench").mkdir(parents=True, exist_ok=True)
    databases = {
        "sqlite": f"sqlite:///{args.sqlite or ROOT / 'var' / 'bench' / f'{args.size}.sqlite3'}",
        "postgresql": args.postgres or f"postgres://postgres@127.0.0.1:5432/bench_{args.size}",
    }
    memory = {"sqlite": args.memory_sqlite and f"sqlite:///{args.memory_sqlite}", "postgresql": args.memory_postgres}
    if args.only:
        databases = {args.only: databases[args.only]}
    results = {"size": args.size, "date": time.strftime("%Y-%m-%d %H:%M"), "machine": machine(), "databases": {}}
    for vendor, url in databases.items():
        if args.generate:
            if vendor == "postgresql":
                psql(f"DROP DATABASE IF EXISTS {pg_name(url)}")
                psql(f"CREATE DATABASE {pg_name(url)}")
            subprocess.run([PYTHON, str(Path(__file__).parent / "generate.py"), "--claims", str(size["claims"]), "--seed", "1"],
                           env={**os.environ, "DATABASE_URL": url}, check=True, stdout=subprocess.DEVNULL)
        log(f"== {vendor}: {url}")
        if {"api", "ingest", "export"} <= skip:
            data = {"vendor": vendor, "operations": {}}
        else:
            out = subprocess.run([PYTHON, __file__, "--worker", "--size", args.size, "--skip", args.skip],
                                 env={**os.environ, "DATABASE_URL": url}, stdout=subprocess.PIPE, text=True, check=False)
            if out.returncode != 0:
                raise SystemExit(f"the {vendor} worker failed")
            data = json.loads(out.stdout.strip().splitlines()[-1])
        if vendor == "sqlite" and "datasette" not in skip:
            data["datasette"] = datasette_compare(url.replace("sqlite:///", ""), size)
        if "load" not in skip:
            data["load"] = load_test(url, size["load_seconds"])
            log(f"{vendor:<10} {'load':<28} {data['load']}")
        if "export_import" not in skip:
            data["export_import"] = export_import(vendor, url, size, memory[vendor])
        results["databases"][vendor] = data
    write_results(results, args.output)
    if args.check_queries:
        check_queries(results)


def write_results(results: dict, output: Path) -> None:
    results["query_counts"] = query_counts(results)
    output.write_text(json.dumps(results, indent=2) + "\n")
    text = table(results)
    output.with_suffix(".md").write_text(f"# Benchmark results ({results['size']}, {results['date']})\n\n{results['machine']}\n\n{text}\n")
    print(text)


def merge(args) -> None:
    """Partial runs (e.g. export/import while the API was being changed, then the API) as one result."""
    merged: dict = {"databases": {}, "parts": []}
    for path in args.merge:
        part = json.loads(path.read_text())
        merged.setdefault("size", part["size"])
        merged["machine"] = part["machine"]
        merged["date"] = part["date"]
        merged["parts"].append({"file": path.name, "date": part["date"]})
        for vendor, data in part["databases"].items():
            into = merged["databases"].setdefault(vendor, {"vendor": vendor, "operations": {}})
            into["operations"].update(data.get("operations", {}))
            into.update({k: v for k, v in data.items() if k != "operations"})
    write_results(merged, args.output)
    if args.check_queries:
        check_queries(merged)


def check_queries(results: dict) -> None:
    """Query counts are deterministic: any difference from the committed baseline fails (timings never do)."""
    baseline = json.loads(BASELINE.read_text())
    failures = []
    for vendor, counts in results["query_counts"].items():
        for name, count in counts.items():
            expected = baseline.get(vendor, {}).get(name)
            if expected is not None and count > expected:
                failures.append(f"{vendor} {name}: {count} queries, baseline {expected}")
    for vendor, data in results["databases"].items():
        if not data.get("page_size_queries_constant", True):
            failures.append(f"{vendor}: the query count depends on the page size")
    if failures:
        raise SystemExit("query-count regression:\n" + "\n".join(failures))
    log("query counts: no regression against bench/query_counts.json")


def machine() -> str:
    import platform

    cpu = ""
    with contextlib.suppress(OSError):
        cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "")
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{platform.node()}: {os.cpu_count()} cores ({cpu}), {memory:.0f} GB RAM, {platform.system()} {platform.release()}, Python {platform.python_version()}"


if __name__ == "__main__":
    main()
