"""Ingestion throughput in MB/s of source text: the three seeds and a synthetic 5 MB transcript
(and, reported apart, seed 002 in the shapes other tools give it: SRT cues and YouTube's rolling
auto-captions, whose markup and cue lines the reading text blanks; a transcript web page, a Word
document and Whisper's JSON, which are first read as the text they hold).

    .venv/bin/python bench/ingestion.py [--mb 5] [--repeat 3]

Two figures per input, measured side by side in one run: the pure pipeline (parse, segment,
attribute, estimate times) and the whole path including the database write (one transaction,
on the database DATABASE_URL names; a throwaway SQLite file by default). The median of
`--repeat` runs is reported.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, standalone_django_setup  # noqa: E402

standalone_django_setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402

from claims.ingest.manifest import manifest_metadata  # noqa: E402
from claims.ingest.pipeline import run  # noqa: E402
from claims.models import Interview  # noqa: E402
from claims.services import interview_ingest, interview_prepare  # noqa: E402
from claims.ingest.read import decode_bytes  # noqa: E402
from tests.factories import (  # noqa: E402
    html_transcript_page, srt_captions, whisper_json, word_document, youtube_auto_captions,
)

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def synthetic(megabytes: float) -> bytes:
    """Seed 001's captions and seed 002's paragraphs repeated as a `Name:` labelled transcript."""
    lines, size, turn = [], 0, 0
    source = (ROOT / "seeds" / "002_a252ec61e314f82f.txt").read_text(encoding="utf-8").split("\n\n")
    while size < megabytes * 1_000_000:
        paragraph = source[turn % len(source)].strip().lstrip("- ")
        line = f"{'Ann Host' if turn % 2 == 0 else 'Bo Guest'}: {paragraph}\n\n"
        lines.append(line)
        size += len(line.encode())
        turn += 1
    return "".join(lines).encode()


class Rollback(Exception):
    pass


def timed(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def write_once(data: bytes, name: str, metadata) -> None:
    """Pipeline plus database write, rolled back so that every repeat writes again."""
    try:
        with transaction.atomic():
            interview_ingest(annotated=interview_prepare(data, source=name, metadata=metadata))
            raise Rollback
    except Rollback:
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    stored = Interview.objects.count()  # every write below is rolled back
    inputs = [(path.name, path.read_bytes(), manifest_metadata(path)) for path in SEEDS]
    inputs.append((f"synthetic {args.mb:g} MB", synthetic(args.mb), None))
    print(f"{'input':<28} {'MB':>6} {'pipeline MB/s':>14} {'with DB MB/s':>13} {'DB share':>9}")
    total_bytes = total_pipeline = total_db = 0.0
    for name, data, metadata in inputs:
        text = data.decode("utf-8")
        pipeline_s = timed(lambda: run(text, source=name, metadata=metadata), args.repeat)
        db_s = timed(lambda: write_once(data, name, metadata), args.repeat)
        megabytes = len(data) / 1_000_000
        total_bytes, total_pipeline, total_db = total_bytes + megabytes, total_pipeline + pipeline_s, total_db + db_s
        print(f"{name:<28} {megabytes:>6.2f} {megabytes / pipeline_s:>14.2f} {megabytes / db_s:>13.2f} {1 - pipeline_s / db_s:>8.0%}")
    print(f"{'all':<28} {total_bytes:>6.2f} {total_bytes / total_pipeline:>14.2f} {total_bytes / total_db:>13.2f}")
    seed = (ROOT / "seeds" / "002_a252ec61e314f82f.txt").read_text(encoding="utf-8")
    words = seed.split()
    turns = [("Lex Fridman" if i % 2 else "Ilya Sutskever", p.strip().lstrip("- ")) for i, p in enumerate(seed.split("\n\n")) if p.strip()]
    others = (
        ("seed 002 as SRT", srt_captions(words).encode()), ("seed 002 as rolling VTT", youtube_auto_captions(words).encode()),
        ("seed 002 as an HTML page", html_transcript_page(turns).encode()),
        ("seed 002 as a .docx", word_document([[f"{speaker}: {text}"] for speaker, text in turns])),
        ("seed 002 as Whisper JSON", whisper_json(words).encode()),
    )
    for name, data in others:
        pipeline_s = timed(lambda: run(decode_bytes(data, source=name), source=name), args.repeat)
        db_s = timed(lambda: write_once(data, name, None), args.repeat)
        megabytes = len(data) / 1_000_000
        print(f"{name:<28} {megabytes:>6.2f} {megabytes / pipeline_s:>14.2f} {megabytes / db_s:>13.2f} {1 - pipeline_s / db_s:>8.0%}")
    assert Interview.objects.count() == stored, "a rolled-back write left an interview behind"


if __name__ == "__main__":
    main()
