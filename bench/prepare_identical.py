"""Whether claims.services.interview_prepare gives the same results on this checkout as on another commit.

    .venv/bin/python bench/prepare_identical.py REF

The inputs: every file under tests/data and seeds, the ingestion benchmark's synthetic transcripts (10 KB,
100 KB, 1 MB) and seed 002 in other tools' shapes (SRT, rolling VTT, a web page, a .docx, Whisper JSON; made
once, so that both sides read the same bytes). Each side runs in its own process, on this checkout as it is
and on a `git archive` of REF (this script copied in), and writes for each input the repr() of the prepared
interview, its sentences included (AnnotatedInterview's repr leaves them out), or the error that refused it.
Prints how many inputs were compared and names those that differ; exits 1 when any does.
"""
from __future__ import annotations

import argparse
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, standalone_django_setup  # noqa: E402


def seed_002_shapes() -> dict[str, bytes]:
    from tests import factories

    seed = (ROOT / "seeds" / "002_a252ec61e314f82f.txt").read_text(encoding="utf-8")
    words = seed.split()
    turns = [("Lex Fridman" if i % 2 else "Ilya Sutskever", p.strip().lstrip("- "))
             for i, p in enumerate(seed.split("\n\n")) if p.strip()]
    return {
        "seed 002 as SRT": factories.srt_captions(words).encode(),
        "seed 002 as rolling VTT": factories.youtube_auto_captions(words).encode(),
        "seed 002 as an HTML page": factories.html_transcript_page(turns).encode(),
        "seed 002 as a .docx": factories.word_document([[f"{speaker}: {text}"] for speaker, text in turns]),
        "seed 002 as Whisper JSON": factories.whisper_json(words).encode(),
    }


def outcomes(made: Path) -> dict[str, str]:
    """{input: what interview_prepare made of it} on the checkout this process runs in."""
    from claims.services import interview_prepare
    from ingestion import synthetic

    def outcome(data: bytes, source: str) -> str:
        try:
            annotated = interview_prepare(data, source=source)
        except Exception as error:  # a refusal is a result too
            return f"refused: {type(error).__name__}: {error}"
        return f"{annotated!r}\nsentences: {annotated.sentences!r}"

    inputs = {str(path.relative_to(ROOT)): path.read_bytes()
              for base in ("tests/data", "seeds") for path in sorted((ROOT / base).rglob("*")) if path.is_file()}
    inputs |= {f"synthetic {mb} MB": synthetic(mb) for mb in (0.01, 0.1, 1.0)}
    inputs |= {path.name: path.read_bytes() for path in sorted(made.iterdir())}
    return {name: outcome(data, name) for name, data in inputs.items()}


def side(folder: Path, made: Path, out: Path) -> None:
    script = folder / "bench" / Path(__file__).name
    if folder != ROOT:
        shutil.copy(__file__, script)  # this script, even where the commit has none
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{out.parent}/unused.sqlite3")
    subprocess.run([sys.executable, str(script), "--worker", str(made), str(out)], cwd=folder, env=env, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ref", nargs="?")
    parser.add_argument("--worker", nargs=2, metavar=("MADE", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        standalone_django_setup()
        made, out = map(Path, args.worker)
        Path(out).write_bytes(pickle.dumps(outcomes(made)))
        return
    if not args.ref:
        parser.error("name the commit to compare with")
    scratch = Path(tempfile.mkdtemp(prefix="prepare_identical_"))
    try:
        standalone_django_setup()
        made = scratch / "made"
        made.mkdir()
        for name, data in seed_002_shapes().items():
            (made / name).write_bytes(data)
        theirs = scratch / "theirs"
        theirs.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.ref], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(theirs)], input=archive, check=True)
        side(theirs, made, scratch / "theirs.pickle")
        side(ROOT, made, scratch / "ours.pickle")
        before = pickle.loads((scratch / "theirs.pickle").read_bytes())
        after = pickle.loads((scratch / "ours.pickle").read_bytes())
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    differ = sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))
    refused = sum(value.startswith("refused: ") for value in after.values())
    print(f"{len(before.keys() | after.keys())} inputs compared ({refused} of them refused here): {len(differ)} differ")
    for name in differ:
        print(f"  differs: {name}")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
