"""A mutation fuzzer for ingestion's contract: every input is prepared, or refused with one line.

    .venv/bin/python bench/fuzz_ingest.py [--cases 20000] [--seed 1] [--out /tmp/fuzz_ingest] [--no-minimise]
        [--only tests/data/a.txt ...]   (the corpus those files alone, e.g. a day's new test files)
        [--minutes 20]   (stop after that long, however few cases)
    .venv/bin/python bench/fuzz_ingest.py --atheris SECONDS   (coverage-guided; needs atheris importable, e.g.
        pip install --target /tmp/atheris_pkgs atheris; PYTHONPATH=/tmp/atheris_pkgs)

Deterministic for a given --seed. The corpus is every file under tests/data and seeds/ (read, never
written) plus the synthetic files tests/factories.py makes (rolling auto-captions, SRT, a transcript
panel, a web page, Whisper JSON, Word documents). Each case takes one of them and mutates it (byte
flips, truncation anywhere, including inside a cue, a label, a tag or a UTF-8 sequence, lines
duplicated, deleted or swapped, two files of different formats spliced, format-significant tokens
inserted: "-->", "WEBVTT", "<v ", "Name:", "[00:00:01]", huge and negative times, NaN in JSON, deep
nesting, a BOM, lone CRs, NULs, ...; a number in the file made negative, huge, 5,000 digits long or NaN; now
and then a stretch repeated to ~200 KB), then runs claims.services.interview_prepare on it, with the format
detected and then forced to each of the parsers' in turn.

What is checked (check_contract):
- a refusal is an IngestError or IngestFailed whose text is one line naming the source; any other
  exception is a failure;
- a case over 2 s per 100 KB (2 s at least) is a failure (too slow: a hang or super-linear time);
- a prepared interview: its source_text is the decoded input exactly (where no container, a web page, a
  JSON, ..., was read out of it); content_start <= content_end <= len(source_text); every turn has
  0 <= start_char < end_char <= len(source_text), turns in order and not overlapping, indexes 0, 1, ...;
  every speaker slug a turn names is among the speakers, speakers' slugs unique and not empty; start_seconds
  None or finite and >= 0 (in order for SRT, SBV, SAMI and MicroDVD cues); every sentence inside the
  text and inside its turn's index range; a chapter's start_seconds finite and >= 0 and its start_char
  within the text; metadata: a slug, no published date after today, a duration None or finite and >= 0.

Failures are grouped by (exception type, module and line where raised) or by the invariant broken; each
group's smallest input is minimised (deleting chunks while the same failure remains) and written to
--out with its format, with a summary on stdout.
"""
from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import re
import signal
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, standalone_django_setup  # noqa: E402

TOKENS = [
    b"-->", b" --> ", b"WEBVTT", b"WEBVTT\n\n", b"<v ", b"<v Ann>", b"</v>", b"Name:", b"Speaker 1:", b"Q:", b"A:",
    b"[00:00:01]", b"(00:00:01)", b"00:00:01,000 --> 00:00:02,000", b"00:00:01.000 --> 00:00:02.000",
    b"99999:99:99", b"99999:99:99.999 --> 999999:99:99.999", b"-00:00:01", b"-1", b"1e309", b"NaN", b"Infinity",
    b"- ", b"---", b"---\n", b"***", b"<html>", b"<body>", b"</p>", b"<p>", b"<br>", b"<i>", b"{", b"}", b"[", b"]",
    b"\xef\xbb\xbf", b"\r", b"\r\n", b"\x00", b"\n\n", b"\t", b":", b"**", b"#", b"# Title\n", b"&amp;", b"&#0;",
    b"&#x110000;", b"<c>", b"<00:00:01.000>", b"{\\an8}", b"\\N", b"[Script Info]", b"[Events]", b"Dialogue: ",
    b"<SAMI>", b"<SYNC Start=", b"{1}{2}", b"{999999999999}{1}", b"Chapters:\n00:00 Intro\n", b"0:00 ", b"99:99:99 ",
    b"Published: 2999-01-01\n", b"Date: 31/02/2024\n", b"Duration: 99999999:00:00\n", b"\xc3", b"\xe2\x80", b"\xf0\x9f",
    b'{"segments": [', b'"start": NaN', b'"start": -5', b'"start": 1e400', b'"speaker": null', b"<tt>", b"<p begin=\"",
    b"<?xml version=\"1.0\"?>", b"9" * 5000, b"1" + b"0" * 400, b"\xe2\x80\xa8", b"\xc2\x85", b"\x0c", b"\x0b",
    # the 2026-12-08 readings' shapes: diariser letters alone, glued labels, run sheets, hosts' fields, search-site
    # marks, continuation marks, Happy Scribe's embed, a link back, an accuracy note, a show's version number
    b"\nA\n", b"\nB\n", b"\nC\n", b"Claire Brown:Welcome", b"Part 1: ", b"Guest: Tray Pollard\n", b"Hosts: Ann Lee and Bo Chen\n",
    b"[host]Hosts: Ann Lee[/host]\n", b"[TS]", b"\n\xe2\x97\xbc\n", b"\n\xe2\x96\xba\n", b"(00:21):\n", b"Kevin (00:00):\n",
    b"Starting point is 00:00:31 ", b'<div id="hs-embed-placeholder">', b'</div><div class="hs-embed"',
    b"### [ Listen: A title \xe2\x80\x93 powered by Happy Scribe](x)\n", b"\xc2\xab Harbour Notes\n", b"2020-12-18 | \xf0\x9f\x94\x97\n",
    b"Accuracy is not guaranteed.\n", b"I'm Ann Lee and this is Podcasting 2.0 in Practice, ", b"Episode Date: May 3, 2024\n",
    b"April 20, 2021 Episode Transcript\n", b"Buzzsprout Episode 120\n", b"H.I. #69: Ex_Machina\n", b" - podcast episode cover\n",
]
_PRINTABLE = b"0123456789:.,->[]()<>{}-_ #*\n\t\"'/\\abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_NUMBER = re.compile(rb"\d+")
_ODD_NUMBERS = [b"-1", b"-0", b"0", b"00", b"-381", b"99999", b"9" * 20, b"9" * 400, b"9" * 5000, b"1e309", b"NaN", b"-Infinity",
                b"1.5", b"\xd9\xa3", b"\xef\xbc\x93", b"", b"1:2", b"99:99"]
# formats whose real times must come in order (not WebVTT: Teams lists its cues by their end; not ASS: any order)
_CUES_IN_ORDER = frozenset({"srt", "sbv", "sami", "microdvd"})
SMALLEST_BUDGET = 2.0  # seconds, and as much again per 100 KB


def corpus(only: list[str] | None = None) -> list[tuple[str, bytes]]:
    """Every file under tests/data and seeds/, and what tests/factories.py makes; or the files `only` names."""
    if only:
        return [(name, (ROOT / name).read_bytes()) for name in only]
    found = []
    for folder in (ROOT / "tests" / "data", ROOT / "seeds"):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                found.append((str(path.relative_to(ROOT)), path.read_bytes()))
    from tests import factories

    words = ("so what we found is that the price will halve by twenty thirty and nobody expects it "
             "really because it has never happened before in this market at all").split() * 6
    made = {
        "factories/auto.vtt": factories.youtube_auto_captions(words),
        "factories/captions.srt": factories.srt_captions(words),
        "factories/panel.txt": factories.transcript_panel(words),
        "factories/from_vtt.srt": factories.srt_from_vtt(factories.youtube_auto_captions(words)),
        "factories/page.html": factories.html_transcript_page([("Ann Lee", "What comes next?"), ("Bo Chen", " ".join(words))]),
        "factories/whisper.json": factories.whisper_json(words),
    }
    found += [(name, text.encode("utf-8")) for name, text in made.items()]
    found.append(("factories/rev.docx", factories.rev_style_docx()))
    found.append(("factories/word.docx", factories.word_document([["Ann Lee: What comes next?"], [" ".join(words)]])))
    return found


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True) or [data]


def _deep(rng: random.Random) -> bytes:
    depth = rng.choice((50, 500, 5000))
    return rng.choice((
        b"[" * depth + b"]" * depth, b'{"a":' * depth + b"1" + b"}" * depth, b"<div>" * depth, b"<p><b>" * depth,
        b"<x>" * depth + b"</x>" * depth, b"(" * depth, b"**" * depth,
    ))


def mutate(rng: random.Random, data: bytes, others: list[tuple[str, bytes]]) -> bytes:
    """One to three mutations of `data`; now and then a stretch of it repeated to ~200 KB (super-linear time shows)."""
    if rng.random() < 0.02 and data:
        at = rng.randrange(len(data))
        piece = data[at:at + rng.randint(1, 200)]
        data = data[:at] + piece * (200_000 // len(piece)) + data[at:]
    for _ in range(rng.choice((1, 1, 2, 3))):
        kind = rng.randrange(13)
        n = len(data)
        if kind == 0 and n:  # byte flips: any byte now and then (mostly refused as binary or not UTF-8), else a printable one
            out = bytearray(data)
            for _ in range(rng.randint(1, 8)):
                out[rng.randrange(n)] = rng.randrange(256) if rng.random() < 0.2 else rng.choice(_PRINTABLE)
            data = bytes(out)
        elif kind == 1:  # truncation anywhere
            data = data[:rng.randint(0, n)]
        elif kind == 2:  # cut the head off
            data = data[rng.randint(0, n):]
        elif kind in (3, 4, 5):  # lines duplicated, deleted or swapped
            lines = _lines(data)
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            if kind == 3:
                lines.insert(j, lines[i] * rng.choice((1, 1, 2, 50)))
            elif kind == 4:
                del lines[i:i + rng.randint(1, 4)]
            else:
                lines[i], lines[j] = lines[j], lines[i]
            data = b"".join(lines)
        elif kind == 6:  # splice with another file
            _, other = rng.choice(others)
            data = data[:rng.randint(0, n)] + other[rng.randint(0, len(other)):]
        elif kind in (7, 8, 9):  # a format-significant token, at a line start or anywhere
            token = rng.choice(TOKENS)
            if kind == 7:
                lines = _lines(data)
                lines.insert(rng.randrange(len(lines) + 1), token + rng.choice((b"", b"\n", b" a b c.\n")))
                data = b"".join(lines)
            else:
                at = rng.randint(0, n)
                data = data[:at] + token * rng.choice((1, 1, 3, 100)) + data[at:]
        elif kind in (11, 12):  # a number (a time, an id, a count) made negative, huge, absurd or not a number
            numbers = list(_NUMBER.finditer(data[:200_000]))
            if numbers:
                number = rng.choice(numbers)
                data = data[:number.start()] + rng.choice(_ODD_NUMBERS) + data[number.end():]
        else:  # deep nesting
            at = rng.randint(0, n)
            data = data[:at] + _deep(rng) + data[at:]
    return data


_last_prepared = [False]  # whether the last case checked was prepared (not refused), for the counts
_done = [0]  # cases checked so far (a run may stop on --minutes)


class TooSlow(Exception):
    pass


def _alarm(signum, frame):
    raise TooSlow()


def budget(data: bytes) -> float:
    return SMALLEST_BUDGET * max(1.0, len(data) / 100_000)


def check_contract(data: bytes, fmt: str | None, source: str = "fuzz.txt") -> str | None:
    """None when the contract holds for `data` read as `fmt`, else a short key of what broke, then ' | ' and detail."""
    from claims.ingest.errors import IngestError
    from claims.ingest.read import decode_document
    from claims.models import latest_today
    from claims.services import IngestFailed, interview_prepare

    _last_prepared[0] = False
    limit = budget(data)
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, limit * 5)
    started = time.perf_counter()
    try:
        annotated = interview_prepare(data, source=source, fmt=fmt)
    except TooSlow:
        return f"hang over {limit * 5:.0f} s | {len(data)} bytes"
    except (IngestError, IngestFailed) as refusal:
        message = str(refusal)
        if "\n" in message or "\r" in message or source not in message:
            return f"refusal not one line naming the source | {message[:200]!r}"
        return None
    except RecursionError:
        return "RecursionError | " + _where(sys.exc_info())
    except Exception as error:  # noqa: BLE001  (what is looked for)
        return f"{type(error).__name__} at {_where(sys.exc_info())} | {str(error)[:200]}"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    took = time.perf_counter() - started
    _last_prepared[0] = True
    if took > limit:
        return f"slow | {took:.1f} s for {len(data)} bytes"
    return _broken_invariant(annotated, data, source, decode_document, latest_today)


def _where(exc_info) -> str:
    frames = traceback.extract_tb(exc_info[2])
    inside = [f for f in frames if "/claims/" in f.filename] or frames
    last = inside[-1]
    return f"{Path(last.filename).relative_to(ROOT) if str(ROOT) in last.filename else last.filename}:{last.lineno}"


def _finite_nonnegative(value) -> bool:
    return value is None or (isinstance(value, (int, float)) and math.isfinite(value) and value >= 0)


def _broken_invariant(annotated, data, source, decode_document, latest_today) -> str | None:
    text = annotated.source_text
    size = len(text)
    if not annotated.container:
        decoded, _ = decode_document(data, source=source)
        if text != decoded:
            return "source_text is not the decoded input"
    if not (0 <= annotated.content_start <= (annotated.content_end if annotated.content_end is not None else size) <= size):
        return f"content range outside the text | {annotated.content_start}, {annotated.content_end}, {size}"
    slugs = [s.slug for s in annotated.speakers]
    if len(set(slugs)) != len(slugs) or not all(slugs):
        return f"speaker slugs empty or repeated | {slugs}"
    previous_end, previous_seconds = 0, 0.0
    in_order = annotated.format in _CUES_IN_ORDER and not annotated.container
    for i, turn in enumerate(annotated.turns):
        if turn.index != i:
            return f"turn index out of sequence | {turn.index} at {i}"
        if not (0 <= turn.start_char < turn.end_char <= size):
            return f"turn span outside the text or empty | {turn.start_char}-{turn.end_char} of {size}"
        if turn.start_char < previous_end:
            return f"turns overlap or out of order | {turn.start_char} < {previous_end}"
        previous_end = turn.end_char
        if turn.speaker_slug is not None and turn.speaker_slug not in slugs:
            return f"turn names an unknown speaker | {turn.speaker_slug}"
        if not _finite_nonnegative(turn.start_seconds):
            return f"turn start_seconds not finite and >= 0 | {turn.start_seconds}"
        if in_order and turn.start_seconds is not None and not turn.seconds_estimated:
            if turn.start_seconds < previous_seconds:
                return f"cue times out of order | {turn.start_seconds} after {previous_seconds}"
            previous_seconds = turn.start_seconds
    for sentence in annotated.sentences:
        if not (0 <= sentence.start_char < sentence.end_char <= size):
            return f"sentence outside the text | {sentence.start_char}-{sentence.end_char} of {size}"
        if not (0 <= sentence.turn_index < len(annotated.turns)):
            return f"sentence names no turn | {sentence.turn_index}"
    for chapter in annotated.chapters:
        if not _finite_nonnegative(chapter.start_seconds):
            return f"chapter start_seconds not finite and >= 0 | {chapter.start_seconds}"
        if chapter.start_char is not None and not (0 <= chapter.start_char <= size):
            return f"chapter start_char outside the text | {chapter.start_char} of {size}"
    meta = annotated.metadata
    if not meta.slug:
        return "no slug"
    if meta.published is not None and (not isinstance(meta.published, dt.date) or meta.published > latest_today()):
        return f"published date after today | {meta.published}"
    if not _finite_nonnegative(meta.duration_seconds):
        return f"duration not finite and >= 0 | {meta.duration_seconds}"
    return None


def minimise(data: bytes, fmt: str | None, key: str, *, rounds: int = 400) -> bytes:
    """The input made smaller, chunk by chunk, while it breaks the contract the same way (same key)."""
    def same(candidate: bytes) -> bool:
        found = check_contract(candidate, fmt)
        return found is not None and found.split(" | ")[0] == key

    chunk = max(1, len(data) // 2)
    tries = 0
    while chunk >= 1 and tries < rounds:
        i, shrunk = 0, False
        while i < len(data) and tries < rounds:
            candidate = data[:i] + data[i + chunk:]
            tries += 1
            if same(candidate):
                data, shrunk = candidate, True
            else:
                i += chunk
        if not shrunk:
            chunk //= 2
    return data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", default="/tmp/fuzz_ingest")
    parser.add_argument("--no-minimise", action="store_true")
    parser.add_argument("--atheris", type=int, metavar="SECONDS", help="run atheris (libFuzzer) for SECONDS instead")
    parser.add_argument("--minutes", type=float, help="stop after this long even short of --cases")
    parser.add_argument("--only", nargs="+", metavar="FILE", help="the corpus these files (paths under the repository)")
    args = parser.parse_args()
    standalone_django_setup()
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 1000))
    from claims.ingest.formats import PARSERS

    if args.atheris:
        return run_atheris(args.atheris, Path(args.out), formats=[None, *PARSERS])

    failures = run(args.cases, args.seed, formats=[None, *PARSERS], progress=True, only=args.only,
                   seconds=args.minutes * 60 if args.minutes else None)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    print(f"{_done[0]} cases, {len(failures)} distinct failures")
    for n, (key, (data, fmt, detail, origin)) in enumerate(sorted(failures.items())):
        small = data if args.no_minimise else minimise(data, fmt, key)
        (out / f"{n:03d}.bin").write_bytes(small)
        print(f"[{n:03d}] {key}\n      {detail}\n      from {origin}, format {fmt}, {len(data)} -> {len(small)} bytes: {small[:160]!r}")
    return 1 if failures else 0


def run(cases: int, seed: int, *, formats, progress: bool = False, originals: bool = True, only=None,
        seconds: float | None = None) -> dict:
    """About `cases` checks: each input (the corpus as it is unless not `originals`, then mutated) detected and
    forced to every format in `formats`. Returns {failure key: (smallest input, format, detail, corpus file)}."""
    rng = random.Random(seed)
    files = corpus(only)
    failures: dict = {}
    outcomes = {True: 0, False: 0}  # prepared, refused or failed
    started = time.perf_counter()
    done, inputs = 0, 0 if originals else len(files)
    while done < cases and not (seconds and time.perf_counter() - started > seconds):
        origin, base = files[inputs] if inputs < len(files) else files[rng.randrange(len(files))]
        data = base if inputs < len(files) else mutate(rng, base, files)
        inputs += 1
        for fmt in formats:
            found = check_contract(data, fmt)
            outcomes[found is None and _last_prepared[0]] += 1
            if found is not None:
                key, _, detail = found.partition(" | ")
                if progress and key not in failures:
                    print(f"  new: {key} | {detail[:200]} (format {fmt}, from {origin}, {len(data)} bytes)", flush=True)
                if key not in failures or len(data) < len(failures[key][0]):
                    failures[key] = (data, fmt, detail, origin)
            done += 1
            _done[0] = done
            if progress and done % 5000 == 0:
                print(f"  {done} cases ({outcomes[True]} prepared), {len(failures)} distinct failures, "
                      f"{time.perf_counter() - started:.0f} s", flush=True)
    return failures


def run_atheris(seconds: int, out: Path, *, formats) -> int:
    """Coverage-guided: libFuzzer mutates the corpus (written to out/corpus) towards new branches of claims.ingest;
    the first byte picks the format. Each distinct failure is written to out/atheris-NNN.bin and printed once."""
    import atheris

    atheris.instrument_all()
    corpus_dir = out / "corpus"
    corpus_dir.mkdir(parents=True, exist_ok=True)
    for n, (_, data) in enumerate(corpus()):
        (corpus_dir / f"{n:04d}").write_bytes(b"\x00" + data)
    seen: set = set()

    def one(data: bytes) -> None:
        if not data:
            return
        fmt = formats[data[0] % len(formats)]
        found = check_contract(data[1:], fmt)
        if found is not None:
            key = found.split(" | ")[0]
            if key not in seen:
                seen.add(key)
                (out / f"atheris-{len(seen):03d}.bin").write_bytes(data[1:])
                print(f"FAILURE [{len(seen):03d}] {found[:300]} (format {fmt}, {len(data) - 1} bytes: {data[1:161]!r})",
                      flush=True)

    atheris.Setup([sys.argv[0], str(corpus_dir), f"-max_total_time={seconds}", "-timeout=0", "-max_len=20000",
                   "-rss_limit_mb=4096",
                   f"-artifact_prefix={out}/"], one)  # libFuzzer's slow and crashing units there, not in the working folder
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main())
