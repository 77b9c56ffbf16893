"""CPU seconds of interview_prepare on large files of one repeated shape, on this checkout and on another commit,
runs interleaved (base, this, base, this, ...), with a digest of what each side made of each file.

    .venv/bin/python bench/shapes_side_by_side.py REF [--mb 5] [--runs 2] [--shapes punctuated,name-lines]

The shapes are the hostile ones of bench/RESULTS.md: many short turns or sentences. Each run is a process of its
own (time.process_time around interview_prepare alone); the digest is the sha256 of the repr of the prepared
interview and of its sentences, so two sides that print the same digest made the same thing.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, standalone_django_setup  # noqa: E402

SHAPES = {
    "punctuated": "It was fine. We went home. ",  # a chat log, a children's interview, subtitles pasted as text
    "name-lines": "Name: x\n",
    "paragraphs": "this is words no stop\n\n",
    "ab-paragraphs": "ab\n\n",
    "word-lines": "word\n",
    "sentence-lines": "this is a short sentence without a stop\n",
    "close-dash-lines": "-a\n",
    "dash-lines": "-\n",
    # near-misses: the same shapes with a counter in them, so that no turn or sentence repeats
    "punctuated-counting": "It was fine{i}. We went home{i}. ",
    "name-lines-counting": "Name: w{i}\n",
}


def measure(shape: str, mb: float) -> str:
    """'seconds digest' of one interview_prepare on `mb` MB of the shape, on the checkout this process runs in."""
    from claims.services import interview_prepare

    unit, size = SHAPES[shape], int(mb * 1024 * 1024)
    if "{i}" not in unit:
        data = (unit * (size // len(unit))).encode()
    else:
        parts, length = [], 0
        while length < size:
            parts.append(unit.format(i=len(parts)))
            length += len(parts[-1])
        data = "".join(parts).encode()
    started = time.process_time()
    prepared = interview_prepare(data, source=f"{shape}.txt", max_bytes=len(data))
    seconds = time.process_time() - started
    digest = hashlib.sha256(f"{prepared!r}\nsentences: {prepared.sentences!r}".encode()).hexdigest()[:16]
    return f"{seconds:.2f} {digest}"


def run_side(folder: Path, shape: str, mb: float, scratch: Path) -> str:
    script = folder / "bench" / Path(__file__).name
    if folder != ROOT:
        shutil.copy(__file__, script)  # this script, even where the commit has none
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{scratch}/unused.sqlite3")
    done = subprocess.run([sys.executable, str(script), "--worker", shape, str(mb)], cwd=folder, env=env, check=True,
                          capture_output=True, text=True)
    return done.stdout.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ref", nargs="?")
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--worker", nargs=2, metavar=("SHAPE", "MB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        standalone_django_setup()
        print(measure(args.worker[0], float(args.worker[1])))
        return
    if not args.ref:
        parser.error("name the commit to compare with")
    shapes = args.shapes.split(",")
    unknown = [shape for shape in shapes if shape not in SHAPES]
    if unknown:
        parser.error(f"no such shape: {', '.join(unknown)} (the shapes: {', '.join(SHAPES)})")
    scratch = Path(tempfile.mkdtemp(prefix="shapes_side_by_side_"))
    try:
        theirs = scratch / "theirs"
        theirs.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.ref], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(theirs)], input=archive, check=True)
        print(f"{args.mb:g} MB of each shape, CPU seconds of interview_prepare, runs interleaved")
        print(f"{'shape':18} {args.ref:>24} {'this checkout':>24}  same result")
        for shape in shapes:
            base, here = [], []
            for _ in range(args.runs):
                base.append(run_side(theirs, shape, args.mb, scratch).split())
                here.append(run_side(ROOT, shape, args.mb, scratch).split())
            same = len({digest for _, digest in base + here}) == 1
            print(f"{shape:18} {' / '.join(s for s, _ in base):>24} {' / '.join(s for s, _ in here):>24}  "
                  f"{'yes' if same else 'NO'}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
