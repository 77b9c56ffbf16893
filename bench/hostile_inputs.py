"""Hostile and broken inputs through ingestion: how long interview_prepare takes on each, and what it raises.

    /work/main/.venv/bin/python bench/hostile_inputs.py [--mb 5] [--timeout 120] [CASE ...]

Each case runs in its own process (a blowup is killed at --timeout, a crash does not stop the survey).
Anything over ~10 s at 5 MB, or an exception other than IngestError/IngestFailed, is a fault.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.archives import streamed_zip  # noqa: E402  (the test suite's builders of such files)
from tests.pdfs import pdf_drawing_forms, pdf_of_objects, pdf_sharing_one_stream  # noqa: E402


def _docx_bomb(size: int) -> bytes:
    head = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
    # ~1000x: 20 MB of deflate would be ~20 GB of XML; size/1000 bytes of archive here
    return streamed_zip("word/document.xml", [head] + [b"a" * (1 << 20)] * max(1, size // 1000))


def _laughs() -> bytes:
    entities = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10)]
    return (f'<?xml version="1.0"?><!DOCTYPE tt [{"".join(entities)}]>'
            '<tt xmlns="http://www.w3.org/ns/ttml"><body><div><p begin="00:00:01.000">&lol9;</p></div></body></tt>').encode()


def cases(size: int) -> dict[str, tuple[str, callable]]:
    line = lambda unit: (unit * (size // len(unit) + 1))[:size]  # noqa: E731
    return {
        "letters": ("a.txt", lambda: line(b"abcdefghij")),
        "a-colon": ("a.txt", lambda: line(b"a: ")),
        "time-marks": ("a.txt", lambda: line(b"[00:00:00] ")),
        "lt": ("a.txt", lambda: line(b"<")),
        "stars": ("a.txt", lambda: line(b"**")),
        "digits-colons": ("a.txt", lambda: line(b"0123:45:6789:")),
        "spaces-letter": ("a.txt", lambda: b" " * size + b"a"),
        "nested-div": ("a.html", lambda: b"<html><body>" + b"<div>" * 100_000 + line(b"Q: words here. ")[:size - 500_000]),
        "divs-only": ("a.html", lambda: b"<html><body>" + line(b"<div>")),  # 1,000,000 deep at 5 MB
        "deep-json": ("a.json", lambda: b"[" * 100_000 + b"]" * 100_000),
        "deep-json-obj": ("a.json", lambda: b'{"a":' * 100_000 + b"1" + b"}" * 100_000),
        "blank-lines-20mb": ("a.txt", lambda: b"\n" * (20 * 1024 * 1024 - 1)),
        "docx-bomb": ("a.docx", lambda: _docx_bomb(size)),
        "docx-many-entries": ("a.docx", lambda: streamed_zip("word/document.xml", [b"<x/>"], extra=50_000)),
        "ttml-laughs": ("a.ttml", _laughs),
        "ttml-xxe": ("a.ttml", lambda: b'<?xml version="1.0"?><!DOCTYPE tt [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                                       b'<tt xmlns="http://www.w3.org/ns/ttml"><body><div><p begin="00:00:01.000">&x;</p>'
                                       b"</div></body></tt>"),
        "rtf-bin": ("a.rtf", lambda: b"{\\rtf1 Hello \\bin" + str(size).encode() + b" " + b"\0" * size + b" world}"),
        "pdf-bomb": ("a.pdf", lambda: _pdf_bomb(size)),
        "pdf-pages": ("a.pdf", lambda: pdf_sharing_one_stream(100_000, b"BT /F1 12 Tf 72 720 Td (Q: a) Tj ET", flate=False)),
        "pdf-shared-bomb": ("a.pdf", lambda: pdf_sharing_one_stream(4_000, _inflating(4 << 20), flate=True)),
        # ... one form drawn by 4,000 pages, read in layout mode
        "pdf-shared-form": ("a.pdf", lambda: pdf_drawing_forms(1, _operators(4 << 20), pages=4_000, trips_layout=False)),
        # read in plain mode (a damaged font trips layout mode), which reads a form each time it is drawn
        "pdf-form-drawn": ("a.pdf", lambda: pdf_drawing_forms(1_000, _operators(size))),
        "pdf-forms-nested": ("a.pdf", lambda: pdf_drawing_forms(40, _operators(1 << 20), nested=2)),
        # the same read in layout mode, which draws forms holding text in the page's place
        "pdf-text-form-drawn": ("a.pdf", lambda: pdf_drawing_forms(1_000, _operators(size), trips_layout=False)),
        "pdf-text-forms-nested": ("a.pdf", lambda: pdf_drawing_forms(40, _operators(1 << 20), nested=2, trips_layout=False)),
        # ... drawn with a comment before Do (the count from the content's bytes does not see those drawings)
        "pdf-text-form-commented": ("a.pdf", lambda: pdf_drawing_forms(1_000, _operators(1 << 20), trips_layout=False,
                                                                       between=b" %\n")),
    }


def _pdf_bomb(size: int) -> bytes:
    import zlib

    compressor = zlib.compressobj(9)
    # (a) Tj repeated: the content stream inflates ~1000x
    stream = b"".join(compressor.compress(b"BT /F1 12 Tf 72 720 Td (a) Tj ET\n" * 30_000) for _ in range(max(1, size // 1000)))
    stream += compressor.flush()
    return pdf_of_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def _operators(size: int) -> bytes:
    """About `size` bytes of text operators."""
    op = b"BT /F1 12 Tf 72 720 Td (Q: a) Tj ET\n"
    return op * (size // len(op))


def _inflating(size: int) -> bytes:
    """A FlateDecode stream dictionary and data whose content inflates to `size` bytes of text operators."""
    import zlib

    return zlib.compress(_operators(size), 9)


def run_one(name: str, size: int) -> None:
    from common import django_setup

    django_setup()
    from claims.ingest.errors import IngestError
    from claims.services import IngestFailed, interview_prepare

    source, build = cases(size)[name]
    data = build()
    started = time.perf_counter()
    try:
        interview_prepare(data, source=source)
        outcome = "accepted"
    except (IngestError, IngestFailed) as exc:
        outcome = f"refused: {str(exc)[:110]}"
    except BaseException as exc:  # noqa: BLE001 - the survey reports what escapes
        outcome = f"FAULT {type(exc).__name__}: {str(exc)[:100]}"
    print(json.dumps({"case": name, "bytes": len(data), "seconds": round(time.perf_counter() - started, 2),
                      "outcome": outcome}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("cases", nargs="*")
    parser.add_argument("--mb", type=float, default=5)
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    size = int(args.mb * 1024 * 1024)
    if args.one:
        run_one(args.one, size)
        return
    for name in args.cases or cases(size):
        started = time.perf_counter()
        try:
            done = subprocess.run([sys.executable, __file__, "--one", name, "--mb", str(args.mb)], capture_output=True,
                                  text=True, timeout=args.timeout)
            lines = done.stdout.strip().splitlines()
            print(lines[-1] if lines else json.dumps({"case": name, "outcome": f"CRASH rc={done.returncode}: "
                                                      f"{done.stderr.strip()[-200:]}"}), flush=True)
        except subprocess.TimeoutExpired:
            print(json.dumps({"case": name, "seconds": round(time.perf_counter() - started, 1),
                              "outcome": f"TIMEOUT after {args.timeout} s"}), flush=True)


if __name__ == "__main__":
    main()
