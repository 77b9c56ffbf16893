"""Extraction throughput in words per second: on each seed, and on a synthetic 5 MB transcript.

    .venv/bin/python bench/extraction.py [--mb 5]
    .venv/bin/python bench/extraction.py --db [--mb 0.1]   # ingestion + claims_extract, with the database

The seeds are ingested by the real pipeline first (not timed); the timed part is
`extract_claims` (candidates, scoring, decoding, statements, horizons, topics) over the
ingested turns and sentences. The synthetic transcript repeats seed 002's punctuated turns
and seed 000's unpunctuated text until it reaches the size asked for; its sentence
segmentation is timed separately, since it belongs to ingestion.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.evaluation import load_taxonomy  # noqa: E402
from claims.ingest.extract import extract_claims, load_model  # noqa: E402
from claims.ingest.pipeline import ingest_paths  # noqa: E402
from claims.ingest.records import Turn  # noqa: E402
from claims.ingest.segment import split_sentences  # noqa: E402

_WORD = re.compile(r"\S+")


def words(text: str, turns) -> int:
    return sum(len(_WORD.findall(text, t.start_char, t.end_char)) for t in turns)


def synthetic(annotated, megabytes: float):
    """Repeat the seeds' turns (text and speakers) into one transcript of about `megabytes` MB."""
    pieces, turns, size, i = [], [], 0, 0
    target = int(megabytes * 1_000_000)
    sources = [a for a in annotated if a.turns]
    while size < target:
        for a in sources:
            for t in a.turns:
                chunk = a.source_text[t.start_char : t.end_char]
                start = size
                pieces.append(chunk + "\n")
                size += len(chunk) + 1
                turns.append(Turn(index=i, start_char=start, end_char=start + len(chunk), speaker_slug=t.speaker_slug))
                i += 1
            if size >= target:
                break
    return "".join(pieces), tuple(turns)


def with_database(megabytes: float, repeat: int = 2) -> None:
    """Ingestion (`interview_ingest`) plus `claims_extract` of bench/ingestion.py's synthetic
    transcript, rolled back after each repeat, beside the pure pipeline and sentence splitting."""
    import os
    import tempfile

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction

    from bench.ingestion import Rollback, synthetic as labelled
    from claims.ingest.pipeline import run
    from claims.services import claims_extract, interview_ingest, interview_prepare

    call_command("migrate", verbosity=0)
    from claims.models import Topic

    if not Topic.objects.exists():  # never rewrite the topics of a database in use
        call_command("loaddata", str(ROOT / "fixtures" / "topics.json"), verbosity=0)
    data = labelled(megabytes)
    text = data.decode("utf-8")
    t0 = time.perf_counter()
    annotated = run(text, source="synthetic.txt", metadata=None)
    pipeline_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    split_sentences(annotated.source_text, annotated.turns)
    split_s = time.perf_counter() - t0
    n = words(annotated.source_text, annotated.turns)
    print(f"{len(data) / 1e3:.0f} KB, {n} words: pipeline {pipeline_s:.3f} s, sentence splitting {split_s:.3f} s")
    for _ in range(repeat):
        try:
            with transaction.atomic():
                t0, c0 = time.perf_counter(), time.process_time()
                interview, _ = interview_ingest(annotated=interview_prepare(data, source="synthetic.txt", metadata=None))
                t1 = time.perf_counter()
                created = claims_extract(interview)
                t2, c2 = time.perf_counter(), time.process_time()
                print(f"  ingestion {t1 - t0:.3f} s + claims_extract {t2 - t1:.3f} s ({created} proposals) = {t2 - t0:.3f} s "
                      f"wall, {c2 - c0:.3f} s cpu, {n / (t2 - t0):,.0f} words/s")
                raise Rollback
        except Rollback:
            pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=None)
    parser.add_argument("--db", action="store_true", help="time ingestion + claims_extract with the database")
    args = parser.parse_args()
    if args.db:
        with_database(args.mb or 0.1)
        return
    args.mb = args.mb or 5.0
    model, taxonomy = load_model(), load_taxonomy()
    annotated, errors = ingest_paths(sorted((ROOT / "seeds").glob("*.txt")))
    if errors:
        raise SystemExit("; ".join(map(str, errors)))
    total_words = total_seconds = total_cpu = 0.0
    # CPU seconds beside wall seconds: the 2-core machine is shared, and wall time under load says little
    print(f"{'input':<44}{'words':>10}{'seconds':>10}{'words/s':>12}{'proposals':>11}{'cpu words/s':>13}")
    for a in annotated:
        roles = {s.slug: s.role for s in a.speakers}
        t0, c0 = time.perf_counter(), time.process_time()
        proposals = extract_claims(a.source_text, a.turns, a.sentences, published=a.metadata.published,
                                   precision=a.metadata.published_precision or "day", model=model, roles=roles, taxonomy=taxonomy)
        dt, cpu = time.perf_counter() - t0, time.process_time() - c0
        n = words(a.source_text, a.turns)
        total_words += n
        total_seconds += dt
        total_cpu += cpu
        print(f"{a.metadata.slug[:43]:<44}{n:>10}{dt:>10.3f}{n / dt:>12,.0f}{len(proposals):>11}{n / cpu:>13,.0f}")
    print(f"{'seeds together':<44}{int(total_words):>10}{total_seconds:>10.3f}{total_words / total_seconds:>12,.0f}{'':>11}"
          f"{total_words / total_cpu:>13,.0f}")
    text, turns = synthetic(annotated, args.mb)
    roles = {s.slug: s.role for a in annotated for s in a.speakers}
    t0 = time.perf_counter()
    sentences = split_sentences(text, turns)
    seg = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), time.process_time()
    proposals = extract_claims(text, turns, sentences, model=model, roles=roles, taxonomy=taxonomy)
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    n = words(text, turns)
    label = f"synthetic {len(text.encode('utf-8')) / 1e6:.1f} MB"
    print(f"{label:<44}{n:>10}{dt:>10.3f}{n / dt:>12,.0f}{len(proposals):>11}{n / cpu:>13,.0f}")
    print(f"{'  (its sentence segmentation, ingestion)':<44}{n:>10}{seg:>10.3f}{n / seg:>12,.0f}")


if __name__ == "__main__":
    main()
