"""Operation 6 (ingestion of a synthetic 100 KB transcript) in parts, and on several commits side by side.

    .venv/bin/python bench/ingest_side_by_side.py [--rounds 60] [--against REF[,REF...]] [--database URL]

The sides, each run once per round after warm-up, every write rolled back (bench/run.py's
`ingest_compare` times `ingest` against `floor`):

- prepare: claims.services.interview_prepare (decode, detect, parse, attribute, times, sentences)
- write:   interview_ingest of an interview prepared once
- ingest:  both, as bench/run.py times it
- floor:   split_sentences plus raw multi-row INSERTs of the same rows (`floor_writes`)
- split:   split_sentences alone

Each commit runs in its own worker process: this script with `--worker`, on a copy of this checkout
(uncommitted changes too) and on a `git archive` of each REF, this script copied in. Rounds alternate
between the workers (A B C, C B A, ...) so that a busy spell of a shared machine falls on all of them.
Only ratios from one run mean anything, and across workers only roughly: the first worker started
ran the same code 4-8% slower than the others in every run on the 2-core machine this was written on,
so compare each worker's ingest/floor, which stays within 1-2% between workers of the same code.
The workers are pinned to one core (--cpu): on a 2-core machine shared with other work, two
processes on different cores measured the same code 10-25% apart. --clock cpu times the worker's
CPU time instead of wall-clock time (SQLite only: PostgreSQL's work is in its server's process).
--stat min reports each side's fastest round, the one least disturbed by other work (medians of
the same code moved 5-25% between runs while other sessions' test suites filled both cores).
Each side's median (or minimum) is printed, with ingest/floor per worker and ours/theirs per side.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT  # noqa: E402

SIDES = ("prepare", "write", "ingest", "floor", "split")
SOURCE = "bench-100kb.txt"


def insert_rows(cursor, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """Multi-row INSERTs of plain values, as many rows per statement as the driver takes parameters."""
    from django.db import connection

    per = max(1, min(connection.features.max_query_params or 65535, 65535) // len(columns))
    one = "(" + ", ".join(["%s"] * len(columns)) + ")"
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    for k in range(0, len(rows), per):
        chunk = rows[k : k + per]
        cursor.execute(f"INSERT INTO {table} ({names}) VALUES {', '.join([one] * len(chunk))}", [v for row in chunk for v in row])


def floor_writes(text: str, annotated, *, claims: int = 0) -> None:
    """Operation 6's floor: split_sentences of the prepared turns, then raw INSERTs of the rows
    ingestion writes (the interview, its speakers, their participations, every turn column; no
    history), and `claims` claim rows when the floor is that of ingestion plus extraction."""
    from django.db import connection

    from claims.ingest.segment import split_sentences

    split_sentences(text, annotated.turns)
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO claims_interview (slug, title, show, link, video_id, published_precision, "
                       "source_format, source_name, source_text, sha256, created_at, updated_at) VALUES "
                       "('bench-floor', '', '', '', '', '', 'labelled', '', %s, 'bench-floor', %s, %s)",
                       [text, "2025-01-01 00:00:00", "2025-01-01 00:00:00"])
        cursor.execute("SELECT id FROM claims_interview WHERE slug = 'bench-floor'")
        interview_id = cursor.fetchone()[0]
        insert_rows(cursor, "claims_speaker", ("name", "slug", "aliases", "description", "affiliation", "link"),
                    [(s.name, "bench-floor-" + s.slug, "[]", "", "", "") for s in annotated.speakers])
        cursor.execute("SELECT id FROM claims_speaker WHERE slug LIKE 'bench-floor-%%' ORDER BY id")
        speaker_ids = [row[0] for row in cursor.fetchall()]
        insert_rows(cursor, "claims_participation", ("interview_id", "speaker_id", "role"),
                    [(interview_id, pk, s.role) for pk, s in zip(speaker_ids, annotated.speakers)])
        id_of = {s.slug: pk for pk, s in zip(speaker_ids, annotated.speakers)}
        insert_rows(cursor, "claims_turn",
                    ("interview_id", "index", "speaker_id", "start_char", "end_char", "start_seconds", "seconds_estimated"),
                    [(interview_id, t.index, id_of.get(t.speaker_slug), t.start_char, t.end_char, t.start_seconds,
                      t.seconds_estimated) for t in annotated.turns])
        if claims:
            cursor.execute("SELECT min(id) FROM claims_speaker")
            speaker_id = cursor.fetchone()[0]
            insert_rows(cursor, "claims_claim",
                        ("interview_id", "speaker_id", "quote", "start_char", "end_char", "statement", "claim_type", "hedged",
                         "status", "origin", "seconds_estimated", "curator_notes", "created_at", "updated_at"),
                        [(interview_id, speaker_id, "q", i * 10, i * 10 + 5, "s", "opinion", False, "proposed", "extracted",
                          False, "", "2025-01-01 00:00:00", "2025-01-01 00:00:00") for i in range(claims)])


class Rollback(Exception):
    pass


def rolled_back(work):
    """`work` run in a transaction that is always rolled back, so that every call writes again."""
    from django.db import transaction

    def run():
        try:
            with transaction.atomic():
                work()
                raise Rollback
        except Rollback:
            pass
    return run


def worker(clock) -> None:
    """--worker: migrate, answer "ready" with where the code comes from, then one JSON line of
    seconds per side for each "round" line read."""
    from common import django_setup

    django_setup()
    from django.core.management import call_command

    from claims.ingest.segment import split_sentences
    from claims.services import interview_ingest, interview_prepare
    from ingestion import synthetic

    call_command("migrate", verbosity=0)
    data = synthetic(0.1)
    text = data.decode()
    annotated = interview_prepare(data, source=SOURCE)
    sides = {
        "prepare": lambda: interview_prepare(data, source=SOURCE),
        "write": rolled_back(lambda: interview_ingest(annotated=annotated)),
        "ingest": rolled_back(lambda: interview_ingest(annotated=interview_prepare(data, source=SOURCE))),
        "floor": rolled_back(lambda: floor_writes(text, annotated)),
        "split": lambda: split_sentences(text, annotated.turns),
    }
    import claims

    print(json.dumps({"code": str(Path(claims.__file__).parent.parent), "turns": len(annotated.turns)}), flush=True)
    for line in sys.stdin:
        if line.strip() != "round":
            break
        seconds = {}
        for name in SIDES:
            gc.collect()
            start = clock()
            sides[name]()
            seconds[name] = clock() - start
        print(json.dumps(seconds), flush=True)


class Worker:
    """This script as --worker on a copy of a checkout: this one as it is (ref None) or `git archive` of `ref`."""

    def __init__(self, ref: str | None, database: str, options: list[str]) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="bench_ingest_"))
        if ref:
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], check=True, capture_output=True).stdout
        else:  # this checkout as it is, uncommitted changes too, copied as the others are
            files = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z"], check=True, capture_output=True).stdout
            archive = subprocess.run(["tar", "-c", "-C", str(ROOT), "--null", "-T", "-"], input=files, check=True,
                                     capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(self.folder)], input=archive, check=True)
        script = self.folder / "bench" / Path(__file__).name
        shutil.copy(__file__, script)  # this script, even where the commit has none
        env = dict(os.environ, DATABASE_URL=database)
        self.process = subprocess.Popen([sys.executable, str(script), "--worker", *options], cwd=script.parent.parent, env=env,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.ready = json.loads(self.process.stdout.readline())

    def round(self) -> dict[str, float]:
        self.process.stdin.write("round\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--against", default="", help="commits (comma-separated): the same sides on their code, rounds alternating")
    parser.add_argument("--database", default="", help="DATABASE_URL for both workers (default: a new SQLite file)")
    parser.add_argument("--cpu", type=int, default=0, help="the core both workers run on (-1: any)")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall")
    parser.add_argument("--stat", choices=("median", "min"), default="median")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        if args.cpu >= 0:
            os.sched_setaffinity(0, {args.cpu})
        return worker(time.perf_counter if args.clock == "wall" else time.process_time)
    scratch = Path(tempfile.mkdtemp(prefix="bench_ingest_"))
    database = args.database or f"sqlite:///{scratch}/bench.sqlite3"
    options = ["--cpu", str(args.cpu), "--clock", args.clock]
    workers = {"ours": Worker(None, database, options)}
    for ref in filter(None, args.against.split(",")):
        workers[ref] = Worker(ref, database, options)
    times: dict[str, dict[str, list[float]]] = {label: {side: [] for side in SIDES} for label in workers}
    try:
        for n in range(args.warmup + args.rounds):
            order = list(workers) if n % 2 == 0 else list(reversed(workers))
            for label in order:
                seconds = workers[label].round()
                if n >= args.warmup:
                    for side in SIDES:
                        times[label][side].append(seconds[side])
    finally:
        for each in workers.values():
            each.close()
        shutil.rmtree(scratch, ignore_errors=True)
    stat = statistics.median if args.stat == "median" else min
    medians = {label: {side: stat(values) for side, values in sides.items()} for label, sides in times.items()}
    print(f"{database.split(':')[0]}, {args.rounds} rounds, {workers['ours'].ready['turns']} turns, core {args.cpu}; "
          f"{args.stat} ms of {args.clock} time")
    print(f"{'':<12}" + "".join(f"{side:>9}" for side in SIDES) + f"{'ingest/floor':>14}")
    for label, sides in medians.items():
        print(f"{label:<12}" + "".join(f"{sides[side] * 1000:>9.2f}" for side in SIDES)
              + f"{sides['ingest'] / sides['floor']:>14.3f}")
    for ref in list(medians)[1:]:
        ours, theirs = medians["ours"], medians[ref]
        print(f"{'ours/' + ref:<12}" + "".join(f"{ours[side] / theirs[side]:>9.3f}" for side in SIDES))


if __name__ == "__main__":
    main()
