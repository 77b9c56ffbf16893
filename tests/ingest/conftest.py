"""Ingestion tests: pure Python, no database, no Django."""
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DATA = ROOT / "tests" / "data"
SEEDS = ROOT / "seeds"
SEED_FILES = {
    "000": "000_5e2d2378550aa81c.txt",
    "001": "001_4ce4f833089e0e5e.txt",
    "002": "002_a252ec61e314f82f.txt",
}


@pytest.fixture(scope="session")
def seed_runs():
    """Each seed through the whole pipeline once, with its manifest metadata."""
    from claims.ingest.manifest import load_manifest
    from claims.ingest.pipeline import run
    from claims.ingest.read import read_source

    manifest = load_manifest(SEEDS / "manifest.json")
    out = {}
    for key, name in SEED_FILES.items():
        text, digest = read_source(SEEDS / name)
        out[key] = run(text, source=f"seeds/{name}", metadata=manifest[name], sha256=digest)
    return out
