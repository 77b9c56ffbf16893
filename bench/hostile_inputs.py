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
    units = lambda unit: unit * (size // len(unit))  # noqa: E731  (whole units: a character of several bytes kept whole)
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
        # this round's readers (chapter lists, headers, introductions, diariser tags, Meet names, JSON shapes)
        "caps-words-line": ("a.txt", lambda: line(b"Aaron Baker Carl Dane ")),
        "intro-caps-paragraphs": ("a.txt", lambda: line(b"This is a conversation with Aaron Baker Carl Dane Eve Frost Gil Hart.\n\n")),
        "title-caps": ("a.md", lambda: b"# " + line(b"Aaron Baker ")[:size // 2] + b"\n\n" + line(b"Aaron said so. Baker too.\n\n")[:size // 2]),
        "title-with-names": ("a.md", lambda: b"# " + line(b"with Aaron Baker | ")[:size // 2] + b"\n\n"
                             + line(b"Aaron said so. Baker too.\n\n")[:size // 2]),
        "title-spaces": ("a.md", lambda: b"# a" + b" " * (size // 2) + b"b #1\n\n" + line(b"Words go on. And on.\n\n")[:size // 2]),
        "title-pipe-spaces": ("a.md", lambda: b"# a |" + b" " * (size // 2) + b"b\n\n" + line(b"Words go on. And on.\n\n")[:size // 2]),
        "chapter-lines": ("a.txt", lambda: b"Chapters\n" + line(b"0:01 A chapter\n")[:size // 2] + b"\nTranscript\n"
                          + line(b"- Words go on.\n")[:size // 2]),
        "chapter-lines-labelled": ("a.txt", lambda: b"Chapters\n" + line(b"(0:01) A chapter\n")[:size // 2] + b"\nTranscript\n"
                                   + line(b"Jane: Words go on.\nOmar: And on.\n")[:size // 2]),
        "chapter-header-lines": ("a.txt", lambda: line(b"Title line\n")[:size // 2] + b"\nChapters\n0:01 A\n\nTranscript\n"
                                 + line(b"- Words go on.\n")[:size // 2]),
        "chapter-long-title": ("a.txt", lambda: line(b"Aaron Baker Podcast ")[:size // 2] + b"\n\nChapters\n0:01 A\n\nTranscript\n"
                               + line(b"- Words go on.\n")[:size // 2]),
        "chapter-title-spaces": ("a.txt", lambda: b"Chapters\n0:01 a" + b" " * (size // 2) + b"b\n\nTranscript\n" + line(b"- Words go on.\n")[:size // 2]),
        "chapter-time-spaces": ("a.txt", lambda: b"Chapters\n0:01 A\n0:02" + b" " * (size // 2) + b"\n\nTranscript\n" + line(b"- Words go on.\n")[:size // 2]),
        "header-short-lines": ("a.txt", lambda: line(b"Host: Jane\n")[:size // 2] + b"\n\n" + line(b"Words go on.\n\n")[:size // 2]),
        "short-paragraphs": ("a.txt", lambda: line(b"Host: Jane\n\n")),
        # text above a labelled transcript's first label (its title is looked for there)
        "labelled-heading-spaces": ("a.txt", lambda: b"# a" + b" " * size + b"b\n\nJane: Hi.\nOmar: Yo.\nJane: So.\nOmar: No.\n"),
        "labelled-underlined-spaces": ("a.txt", lambda: b"a" + b" " * size + b"b\n===\n\nJane: Hi.\nOmar: Yo.\nJane: So.\nOmar: No.\n"),
        "labelled-underlined-headings": ("a.txt", lambda: line(b"Part\n===\n\n")
                                         + b"\nJane: Hi.\nOmar: Yo.\nJane: So.\nOmar: No.\n"),
        # lines shaped as a day (none a real one: 31 February) above timed lines, each tried as the published day
        "timed-head-days": ("a.txt", lambda: line(b"Published on 31 February 2024\n")[:size // 2] + b"\n"
                            + b"".join(b"%d:%02d\nwords go on here\n" % divmod(i, 60) for i in range(size // 40))),
        "labelled-distinct-names": ("a.txt", lambda: b"".join(b"Speaker %d: Words go on.\n" % i for i in range(1, size // 28))),
        # a hyphenated run as a header's line, tried as a dateline's place ("Saint-Denis, le 12 mars 2024")
        "labelled-head-hyphens": ("a.txt", lambda: line(b"a-")[:size // 2] + b"\n\nJane: Hi.\nOmar: Yo.\nJane: So.\nOmar: No.\n"),
        "srt-speaker-tags": ("a.srt", lambda: b"".join(b"%d\n00:00:01,000 --> 00:00:02,000 [Speaker %d]\nWords here.\n\n" % (i, i % 3)
                                                       for i in range(size // 60))),
        "srt-long-timing-line": ("a.srt", lambda: b"1\n00:00:01,000 --> 00:00:02,000" + line(b" -->")[:size] + b" [x\nWords.\n\n"),
        "meet-voices": ("a.vtt", lambda: b"WEBVTT\n\n" + b"".join(b"00:00:01.000 --> 00:00:02.000\n(Maya Torres)\nWords.\n-\n \n(Sam Okafor)\nMore.\n\n"
                                                                for _ in range(size // 80))),
        "meet-one-cue": ("a.vtt", lambda: b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n(Maya Torres)\nHi.\n\n00:00:02.000 --> 00:00:03.000\n"
                         b"(Maya Torres)\n" + line(b"Words.\n-\n \n(Sam Okafor)\n")[:size] + b"End.\n"),
        "meet-one-cue-names": ("a.vtt", lambda: b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n(Maya Torres)\nHi.\n\n00:00:02.000 --> 00:00:03.000\n"
                               b"(Maya Torres)\n" + line(b"(Sam Okafor)\n")[:size] + b"End.\n"),
        "elevenlabs-words": ("a.json", lambda: _json({"words": [{"text": "word.", "start": i * 0.1, "type": "word",
                                                                  "speaker_id": f"speaker_{i % 2}"} for i in range(size // 70)]})),
        "elevenlabs-punctuation": ("a.json", lambda: _json({"words": [{"text": "a", "start": 0, "type": "word"}]
                                                        + [{"text": ",", "start": 0, "type": "punctuation"}] * (size // 48)})),
        # speakers named 'Speaker 1' .. 'Speaker N', then as many given as participants' ids (numbered past the names)
        "json-ids-past-numbers": ("a.json", lambda: _json([{"start": i, "text": "Words.", "speaker": f"Speaker {i}"}
                                                           for i in range(1, size // 110)]
                                                          + [{"start": size + i, "text": "Words.", "speaker": f"p{i:08d}-id-{i:06d}"}
                                                             for i in range(size // 110)])),
        "fullwidth-names": ("a.txt", lambda: units("（記者）本日は\n（館長）はい\n".encode())),
        "colon-names-cjk": ("a.txt", lambda: units("記者: 本日は\n館長: はい\n".encode())),  # fullwidth-names' with colons
        "fullwidth-open": ("a.txt", lambda: units("（".encode())),
        "ascii-brackets-cjk": ("a.txt", lambda: units("(記者 ".encode())),
        "dash-lines": ("a.txt", lambda: line(b"-\n")),
        "close-dash-lines": ("a.txt", lambda: line(b"-a\n")),
        "close-dash-srt": ("a.srt", lambda: b"".join(b"%d\n00:00:01,000 --> 00:00:02,000\n-Vienes?\n-Ahora.\n\n" % i
                                                     for i in range(size // 50))),
        "pdf-text-form-commented": ("a.pdf", lambda: pdf_drawing_forms(1_000, _operators(1 << 20), trips_layout=False,
                                                                       between=b" %\n")),
        # the 2026-12-08 readings (fuzz2): diariser letters alone, glued labels, run sheets, hosts' fields, search-site
        # marks, continuation marks, Happy Scribe's embed, a day before long spaces, a link back, a host beside a show
        "letters-abc-turns": ("a.txt", lambda: line(b"A\nWords go on here.\nB\nMore words now.\nC\nAnd more so.\n")),
        "letters-alone": ("a.txt", lambda: line(b"A\nB\nC\n")),
        "letters-spaces": ("a.txt", lambda: line(b"A" + b" " * 1000 + b"\nWords.\nB\nMore.\nC\nSo.\n")),
        "glued-same-names": ("a.txt", lambda: line(b"Claire Brown:Welcome back to it.\nOmar Diaz:Thanks so much.\n")),
        "glued-distinct-names": ("a.txt", lambda: _glued_names(size)),
        "glued-long-word": ("a.txt", lambda: line(b"Ab Cd:E" + b"e" * 5000 + b"\n")),
        "glued-spaces": ("a.txt", lambda: line(b"Ab Cd:E" + b" " * 5000 + b"\n")),
        "part-lines-spaces": ("a.txt", lambda: line(b"Jane: Words go on.\nPart 1: " + b" " * 148 + b"!\nOmar: So.\n")),
        "run-sheet": ("a.txt", lambda: line(b"Jane: Words go on.\n\nPart 1: The stories\n\nA Segment Title\n\n"
                                             b"Guest: Tray Pollard\n\nOmar: So it is.\n\n")),
        "guest-lines": ("a.txt", lambda: b"Jane: Words go on.\n" + line(b"Guest: Ann Lee and Bo Chen, Cy Dee & Ed Fox\n")
                        + b"Omar: So.\nJane: Yes.\n"),
        "hosts-fields": ("a.txt", lambda: line(b"Hosts: Ann Lee and Bo Chen\n")[:size // 2] + b"\n"
                         + line(b"Ann Lee: Words go on.\nBo Chen: So it is.\n")[:size // 2]),
        "hosts-one-line": ("a.txt", lambda: b"Hosts: " + line(b"Ann Lee, ")[:size // 2] + b"\n\n"
                           + line(b"Ann Lee: Words go on.\nBo Chen: So it is.\n")[:size // 2]),
        "hosts-tagged": ("a.txt", lambda: line(b"[host]Hosts: Ann Lee" + b" " * 500 + b"[/host]\n")[:size // 2] + b"\n"
                         + line(b"Ann Lee: Words go on.\nBo Chen: So it is.\n")[:size // 2]),
        "ts-lines": ("a.txt", lambda: b"".join(("%s\n\u25fc\n\u25ba\nwords go on here\n[TS]\n" % _clock(i)).encode()
                                               for i in range(size // 40))),
        "ts-spaces": ("a.txt", lambda: b"0:01 a\n0:02 b\n0:03 c\n" + line(b"[TS]" + b" " * 200)),
        "ts-run": ("a.txt", lambda: b"0:01 a\n0:02 b\n0:03 " + line(b"[TS]")),
        "glyph-lines": ("a.txt", lambda: b"0:01 a\n0:02 b\n0:03\n" + units("\u25fc\n\u25ba \n".encode())),
        "continuation-marks": ("a.txt", lambda: b"Kevin (00:00):\nHi there.\nAnn (00:05):\nHello.\n"
                               + line(b"(00:21):\nwords go on\n")),
        "name-time-alone": ("a.txt", lambda: b"".join(b"Kevin (%s):\nwords\nin short\nlines\nAnn (%s):\nmore\n"
                                                      % (_clock(2 * i).encode(), _clock(2 * i + 1).encode()) for i in range(size // 50))),
        "happyscribe-paragraphs": ("a.md", lambda: b'<div id="hs-embed-placeholder">\n### [ Listen: A title \xe2\x80\x93 powered by Happy Scribe](x)\n\n'
                                   + line(b"Words go on. And on they go.\n\n") + b'</div><div class="hs-embed"></div>\n'),
        "happyscribe-openers": ("a.md", lambda: line(b'<div id="hs-embed-placeholder"' + b" " * 390 + b">\n")),
        "happyscribe-title-spaces": ("a.md", lambda: b'<div id="hs-embed-placeholder">### [ Listen: a' + b" " * size
                                     + b'\n\nWords.\n\n</div><div class="hs-embed"'),
        "happyscribe-closes": ("a.md", lambda: b'<div id="hs-embed-placeholder">\n' + line(b"</div>    ")),
        "timed-paragraphs": ("a.txt", lambda: b"".join(b"[%s]\nA sentence here. Another one here.\n\n" % _clock(i).encode()
                                                       for i in range(size // 50))),
        "starting-point": ("a.txt", lambda: b"".join(b"Starting point is %s\nwords go on here.\n" % _clock(i).encode()
                                                     for i in range(size // 50))),
        "starting-point-spaces": ("a.txt", lambda: line(b"Starting point is" + b" " * 1000 + b"x\n")),
        "day-spaces": ("a.txt", lambda: b"April 20, 2021" + b" " * size + b"x\n\nJane: Hi.\nOmar: Yo.\nJane: So.\nOmar: No.\n"),
        "day-lines-spaces": ("a.txt", lambda: line(b"April 20, 2021" + b" " * 1000 + b"x\n")[:size // 2]
                             + b"\nJane: Hi.\nOmar: Yo.\nJane: So.\nOmar: No.\n"),
        "episode-date-spaces": ("a.txt", lambda: b"Episode Date:" + b" " * size + b"May 3, 2024\n\nJane: Hi.\nOmar: Yo.\nJane: So.\n"),
        "day-bar-spaces": ("a.txt", lambda: b"2020-12-18 |" + b" " * size + b"#\n\nWords go on.\n\nAnd on.\n\nSo.\n"),
        "bars-permalink": ("a.txt", lambda: b"2020-12-18 " + line(b"| ")[:size] + b"\xf0\x9f\x94\x97\n\nWords.\n\nOn.\n\nSo.\n"),
        "bars-lines": ("a.txt", lambda: line(b"|" * 100 + b" #\n")),
        "guillemets": ("a.txt", lambda: units("\u00ab".encode())),
        "guillemet-lines": ("a.txt", lambda: units("\u00ab Harbour Notes\n".encode())[:size // 2] + b"\nWords go on.\n\nAnd on.\n\nSo.\n"),
        "host-beside-show": ("a.txt", lambda: line(b"I'm Ann Lee and this is Podcasting 2.0 in Practice, the show. ")),
        "host-beside-show-versions": ("a.txt", lambda: b"I'm Ann Lee and this is A" + line(b".1")[:size] + b",1 show."),
        "accuracy-note-lines": ("a.txt", lambda: line(b"a" * 150 + b" Accuracy is not guaranteed.\n\n")),
        "numbered-episode-spaces": ("a.txt", lambda: b"Harbour Notes\nEpisode" + b" " * size + b"1: Fog\n"
                                    + b"0:00 words\n0:05 more\n0:09 so\n"),
        "episode-page-heading": ("a.txt", lambda: b"Show\nTitle\n" + line(b"Buzzsprout ")[:size // 2] + b"Episode 120\n\n"
                                 + line(b"Ann Lee: Words go on.\nBo Chen: So it is.\n")[:size // 2]),
        "cover-alt-lines": ("a.txt", lambda: line(b"A title - podcast episode cover\n")[:size // 2]
                            + b"\nAnn Lee: Words go on.\nBo Chen: So it is.\nAnn Lee: Yes.\n"),
    }


def _clock(seconds: int) -> str:
    return "%02d:%02d:%02d" % (seconds // 3600, seconds // 60 % 60, seconds % 60)


def _glued_names(size: int) -> bytes:
    """Glued labels ("Aab Bab:Words go on."), each name once, as many as fill `size`."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    out, n = [], 0
    while sum(map(len, out)) < size if len(out) % 1000 == 0 else True:
        first = "".join(letters[(n // 26 ** k) % 26] for k in range(3))
        out.append(f"A{first} B{first[::-1]}:Words go on here.\n".encode())
        n += 1
    return b"".join(out)[:size]


def _json(data) -> bytes:
    return json.dumps(data).encode()


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
