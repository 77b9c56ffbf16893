"""Shared by the benchmark scripts: Django set up for measuring (debug off, no SSL redirect, no throttle)."""
from __future__ import annotations

import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def django_setup() -> None:
    """Settings as in production, minus what would distort a measurement; DATABASE_URL as given."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-key-" + "b" * 50)
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
    os.environ["DJANGO_SECURE_SSL_REDIRECT"] = "0"
    os.environ["DJANGO_API_ANON_RATE"] = ""
    import django

    django.setup()


def standalone_django_setup() -> None:
    """For a script run on its own (ingestion.py, formats_at_size.py): the project's settings with
    debug on, DATABASE_URL as given, else a throwaway SQLite file."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    import django

    django.setup()


def median(values) -> float:
    return statistics.median(values) if values else float("nan")


def interleaved(sides: dict, *, warmup: int, repeat: int) -> dict[str, float]:
    """Median seconds of each side, called in turn (A B C, A B C, ...) after `warmup` rounds.

    Each call starts from a collected heap (gc.collect() outside the timed span): otherwise the
    garbage one side leaves can set off the collector's full pass inside the next side's call (a
    few ms in a process holding the extractor's model, more than some floors). A side's own
    allocations still cost it whatever collections they cause while it runs.
    """
    for _ in range(warmup):
        for function in sides.values():
            function()
    times: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(repeat):
        for name, function in sides.items():
            gc.collect()
            start = time.perf_counter()
            function()
            times[name].append(time.perf_counter() - start)
    return {name: median(values) for name, values in times.items()}
