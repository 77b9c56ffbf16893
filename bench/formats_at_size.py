"""Ingestion throughput of every input format at 1, 2 and 5 MB: finds the superlinear paths.

    .venv/bin/python bench/formats_at_size.py [--sizes 1,2,5] [--only vtt,srt] [--write srt,labelled]
                                              [--against main] [--dump DIR] [--profile FORMAT@MB]

Each input is built in the shape of the repo's test files (tests/data, tests/factories.py,
tests/pdfs.py) from seed 002's paragraphs (two voices, alternating) or, for raw captions, seed
000, repeated with times that keep running (no cue goes back in time) until the size is
reached. Each is run (twice, the faster counted, CPU time of the process) through `claims.services.interview_prepare` (decode, detect, parse,
segment, attribute, time); the formats named by --write also through the database write, rolled
back. MB/s per format and size; the last column is the 5 MB time per MB over the 1 MB one
(about 1.0 when the time grows linearly; clearly above it is a superlinear path).
--against REF runs every input on that commit's code too (a worker process on a `git archive` of it),
interleaved, and prints its row above ours: before and after a change in one run.
--dump writes the inputs to DIR (to compare outputs before and after a change);
--profile prints cProfile's top functions for one input.
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import html
import io
import json
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, standalone_django_setup  # noqa: E402

standalone_django_setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402

from claims.services import interview_ingest, interview_prepare  # noqa: E402
from tests.factories import _clock, whisper_json, word_document, youtube_auto_captions  # noqa: E402
from tests.pdfs import pdf_document, pdf_with_text_in_forms  # noqa: E402

DATA = ROOT / "tests" / "data"
SEED_002 = (ROOT / "seeds" / "002_a252ec61e314f82f.txt").read_text(encoding="utf-8")
SEED_000 = (ROOT / "seeds" / "000_5e2d2378550aa81c.txt").read_text(encoding="utf-8")
NAMES = ("Ilya Sutskever", "Lex Fridman")
PARAGRAPHS = [p.strip().lstrip("- ").replace("\n", " ") for p in SEED_002.split("Transcript", 1)[1].split("\n\n") if len(p.strip()) > 40]
WORDS = " ".join(PARAGRAPHS).split()


def turns(size: int, *, max_words: int | None = None):
    """(index, speaker, text, start seconds, end seconds) until about `size` bytes of text."""
    total, i, t = 0, 0, 0.0
    while total < size:
        text = PARAGRAPHS[i % len(PARAGRAPHS)]
        if max_words:
            text = " ".join(text.split()[:max_words])
        seconds = max(1.0, len(text.split()) * 0.4)
        yield i, NAMES[i % 2], text, t, t + seconds
        total += len(text) + 40
        t += seconds + 0.5
        i += 1


def cues(size: int, per_cue: int = 9):
    """(index, text, start, end) caption cues of `per_cue` words, 3 s each, until `size`."""
    total, n, i = 0, 0, 0
    while total < size:
        chunk = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(per_cue))
        yield n, chunk, n * 3.0, n * 3.0 + 2.9
        total += len(chunk) + 40
        n += 1
        i += per_cue


def hms(seconds: float, sep: str = ".", places: int = 3, hours_width: int = 2) -> str:
    ms = round(seconds * 1000)
    fraction = f"{sep}{ms % 1000:03d}"[: 1 + places] if places else ""
    return f"{ms // 3_600_000:0{hours_width}d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}{fraction}"


def fill(head: str, unit, tail: str, size: int) -> bytes:
    """Header, units until the size, trailer."""
    return (head + "".join(unit(size)) + tail).encode("utf-8")


def header_of(name: str, marker: str) -> str:
    text = (DATA / name).read_text(encoding="utf-8")
    return text[: text.index(marker) + len(marker)]


# ---- captions -------------------------------------------------------------------------------

def webvtt(size):
    return fill("WEBVTT\n\n", lambda s: (f"{hms(a)} --> {hms(b)}\n{t}\n\n" for _, t, a, b in cues(s)), "", size)


def webvtt_voices(size):
    return fill("WEBVTT\n\n", lambda s: (f"{hms(a)} --> {hms(b)}\n<v {who}>{t}</v>\n\n" for _, who, t, a, b in turns(s, max_words=30)), "", size)


def webvtt_rolling(size):
    words = []
    for _, text, _, _ in cues(size // 3):
        words += text.split()
    return youtube_auto_captions(words).encode()


def srt(size):
    return fill("", lambda s: (f"{n + 1}\n{hms(a, ',')} --> {hms(b, ',')}\n{t}\n\n" for n, t, a, b in cues(s)), "", size)


def srt_labels(size):
    return fill("", lambda s: (f"{n + 1}\n{hms(a, ',')} --> {hms(b, ',')}\n{who.split()[0].upper()}: {t}\n\n"
                               for n, who, t, a, b in turns(s, max_words=14)), "", size)


def srt_short(size):
    """One short line a cue, a cue every two seconds."""
    return fill("", lambda s: (f"{n + 1}\n{hms(a, ',')} --> {hms(b, ',')}\n{t}\n\n" for n, _, t, a, b in short_lines(s)), "", size)


def webvtt_short(size):
    """One short line a cue, a cue every two seconds."""
    return fill("WEBVTT\n\n", lambda s: (f"{hms(a)} --> {hms(b)}\n{t}\n\n" for _, _, t, a, b in short_lines(s)), "", size)


def sbv(size):
    return fill("", lambda s: (f"{hms(a, hours_width=1)},{hms(b, hours_width=1)}\n>> {who.split()[0].upper()}: {t}\n\n"
                               for _, who, t, a, b in turns(s, max_words=14)), "", size)


def ass(size):
    head = header_of("podcast_aegisub.ass", "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n")
    return fill(head, lambda s: (f"Dialogue: 0,{hms(a, places=2, hours_width=1)},{hms(b, places=2, hours_width=1)},Default,{who},0,0,0,,{t}\n"
                                 for _, who, t, a, b in turns(s, max_words=16)), "", size)


def sami(size):
    head = header_of("radio_interview.smi", "<BODY>\n")
    return fill(head, lambda s: (f"<SYNC Start={round(a * 1000)}><P Class=ENCC>\n{who.split()[0].upper()}: {html.escape(t)}\n"
                                 f"<SYNC Start={round(b * 1000)}><P Class=ENCC>&nbsp;\n"
                                 for _, who, t, a, b in turns(s, max_words=16)), "</BODY>\n</SAMI>\n", size)


def microdvd(size):
    return fill("{1}{1}25\n", lambda s: (f"{{{round(a * 25)}}}{{{round(b * 25)}}}{who.split()[0].upper()}: {t}\n"
                                         for _, who, t, a, b in turns(s, max_words=16)), "", size)


def ttml(size):
    head = ('<?xml version="1.0" encoding="UTF-8"?>\n<tt xmlns="http://www.w3.org/ns/ttml" xml:lang="en">\n'
            "  <head></head>\n  <body>\n    <div>\n")
    return fill(head, lambda s: (f'      <p begin="{hms(a)}" end="{hms(b)}">{html.escape(t)}</p>\n' for _, t, a, b in cues(s)),
                "    </div>\n  </body>\n</tt>\n", size)


def _odd_parity(byte: int) -> int:
    return byte | 0x80 if bin(byte).count("1") % 2 == 0 else byte


def scc(size):
    """Pop-on captions as broadcast.scc: load, end of caption, erase; text bytes with odd parity."""
    def unit(s):
        for _, text, a, _ in cues(s, per_cue=5):
            raw = [ord(c) for c in text[:32] if 32 <= ord(c) < 127]
            if len(raw) % 2:
                raw.append(0)
            words = " ".join(f"{_odd_parity(raw[k]):02x}{_odd_parity(raw[k + 1]) if raw[k + 1] else 0x80:02x}" for k in range(0, len(raw), 2))
            frames = round(a * 30)
            clock = f"{frames // 108000:02d}:{frames // 1800 % 60:02d}:{frames // 30 % 60:02d}:{frames % 30:02d}"
            yield f"{clock}\t94ae 94ae 9420 9420 94d0 94d0 {words} 942f 942f\n\n"
    return fill("Scenarist_SCC V1.0\n\n", unit, "", size)


# ---- recognisers' JSON and tables -----------------------------------------------------------

def whisper(size):
    words = []
    for _, text, _, _ in cues(size // 2):
        words += text.split()
    return whisper_json(words).encode()


def whisperx_monologue(size):
    """WhisperX's diarised segments, one speaker throughout (a lecture, a monologue)."""
    segments = [{"start": a, "end": b, "text": " " + t, "speaker": "SPEAKER_00"} for _, t, a, b in cues(size)]
    return json.dumps({"segments": segments, "word_segments": []}).encode()


def assemblyai(size):
    utterances = [{"confidence": 0.9, "start": round(a * 1000), "end": round(b * 1000), "speaker": "AB"[i % 2], "text": t, "words": []}
                  for i, _, t, a, b in turns(size // 2)]
    return json.dumps({"id": "x", "status": "completed", "text": " ".join(u["text"] for u in utterances), "utterances": utterances}).encode()


def deepgram(size):
    utterances = [{"start": a, "end": b, "confidence": 0.9, "channel": 0, "transcript": t, "words": [], "speaker": i % 2, "id": f"u{i}"}
                  for i, _, t, a, b in turns(size // 2)]
    return json.dumps({"metadata": {"request_id": "b", "duration": utterances[-1]["end"], "channels": 1},
                       "results": {"channels": [{"alternatives": [{"transcript": "", "words": []}]}], "utterances": utterances}}).encode()


def csv_table(size):
    return fill("start,end,text,speaker\n", lambda s: (f'{a:.3f},{b:.3f},"{t.replace(chr(34), chr(34) * 2)}",{i % 2}\n'
                                                      for i, _, t, a, b in turns(s, max_words=20)), "", size)


def tsv_table(size):
    return fill("Start time (ms)\tEnd time (ms)\tRaw transcription\tCorrected transcription\t\n",
                lambda s: (f"{round(a * 1000)}\t{round(b * 1000)}\t{t.lower()}\t{t}\t\n" for _, t, a, b in cues(s)), "", size)


def jsonl_table(size):
    return fill("", lambda s: (json.dumps({"start": a, "end": b, "speaker": who, "text": t}) + "\n"
                               for _, who, t, a, b in turns(s, max_words=20)), "", size)


# ---- pages ----------------------------------------------------------------------------------

PAGE_HEAD = ('<!DOCTYPE html><html><head><title>Transcript</title><meta property="og:site_name" content="A Show"></head>'
             '<body><header class="site-header"><nav><a href="/">Home</a></nav></header><main><article><h1>Transcript</h1>\n')
PAGE_TAIL = '</article><section id="comments"><p><b>Jake:</b> Great!</p></section></main><footer>(c)</footer></body></html>'


def html_paragraphs(size):
    return fill(PAGE_HEAD, lambda s: (f'<p><span class="timestamp">[{_clock(a)}]</span> <strong>{who}:</strong> {html.escape(t)}</p>\n'
                                      for _, who, t, a, b in turns(s)), PAGE_TAIL, size)


def html_segments(size):
    """Lex Fridman's site: a div per segment, name, linked time, text; h2 chapter headings."""
    def unit(s):
        for i, who, t, a, _ in turns(s):
            if i % 40 == 0:
                yield f"<h2>Part {i // 40 + 1}</h2>\n"
            yield (f'<div class="ts-segment"><span class="ts-name">{who}</span><span class="ts-timestamp"><a href="https://youtube.com/'
                   f'watch?v=abc&amp;t={int(a)}">({hms(a, places=0)})</a> </span><span class="ts-text">{html.escape(t)}</span></div>\n')
    return fill('<!DOCTYPE html><html><head><title>Transcript for Ilya Sutskever | Lex Fridman Podcast #94</title></head><body><main><article>'
                '<div class="entry-content">\n', unit, "</div></article></main></body></html>", size)


def html_table(size):
    return fill(PAGE_HEAD + "<table>\n<thead><tr><th>Time</th><th>Speaker</th><th>Text</th></tr></thead>\n<tbody>\n",
                lambda s: (f"<tr><td>{hms(a, places=0)}</td><td>{who}</td><td>{html.escape(t)}</td></tr>\n" for _, who, t, a, b in turns(s)),
                "</tbody></table>" + PAGE_TAIL, size)


def html_label_paragraphs(size):
    """An oral-history wiki page: a bold surname alone in one paragraph, the words in the next."""
    return fill(PAGE_HEAD, lambda s: (f"<p><b>{who.split()[-1]}:</b> </p>\n<p>{html.escape(t)} </p>\n" for _, who, t, a, b in turns(s)),
                PAGE_TAIL, size)


def html_news(size):
    """A news network's transcript: one paragraph, turns as CAPITAL LABELS between <br> pairs."""
    return fill(PAGE_HEAD + '<P class="netBodyText">', lambda s: (f"<br>     {who.upper()}, GUEST:  {html.escape(t)}  <br> <br>" for _, who, t, a, b in turns(s)),
                "</P>" + PAGE_TAIL, size)


def html_word_spans(size):
    """An interactive transcript (Hyperaudio's shape): a paragraph per turn, a <span> per word with its time."""
    def unit(s):
        for _, who, t, a, b in turns(s):
            step = (b - a) / max(1, len(t.split()))
            spans = "".join(f'<span data-m="{round((a + k * step) * 1000)}">{html.escape(w)} </span>' for k, w in enumerate(t.split()))
            yield f"<p><b>{who}:</b> {spans}</p>\n"
    return fill(PAGE_HEAD, unit, PAGE_TAIL, size)


def html_one_block(size):
    """An interactive transcript with no block inside: one <div>, a <span> per word, the speaker's name in a span."""
    def unit(s):
        for _, who, t, a, b in turns(s):
            step = (b - a) / max(1, len(t.split()))
            yield f'<span class="speaker">{who}</span> ' + "".join(
                f'<span data-m="{round((a + k * step) * 1000)}">{html.escape(w)} </span>' for k, w in enumerate(t.split()))
    return fill(PAGE_HEAD + '<div class="transcript">', unit, "</div>" + PAGE_TAIL, size)


def html_unclosed(size):
    """An old hand-written page: <p> and <font> never closed, labels in bold."""
    return fill('<html><head><title>Transcript</title></head><body><font face="Arial">\n',
                lambda s: (f"<p><font size=2><b>{who.split()[-1].upper()}:</b> {html.escape(t)}\n" for _, who, t, a, b in turns(s)),
                "</body></html>", size)


# ---- text -----------------------------------------------------------------------------------

def labelled(size):
    return fill("", lambda s: (f"{who}: {t}\n\n" for _, who, t, a, b in turns(s)), "", size)


def labelled_markdown(size):
    return fill("# Robots Weekly, episode 3\n\n", lambda s: (f"**{who}:** {t}\n\n" for _, who, t, a, b in turns(s)), "", size)


def labelled_capitals(size):
    return fill("", lambda s: (f"{who.split()[-1].upper()}: {t}\n" for _, who, t, a, b in turns(s)), "", size)


def labelled_otter(size):
    return fill("Episode 12.txt\n\n", lambda s: (f"{who}  {hms(a, places=0, hours_width=1)}\n{t}\n\n" for _, who, t, a, b in turns(s)),
                "Transcribed by https://otter.ai\n", size)


def labelled_qa_headings(size):
    """A magazine's Q&A: the questions as Markdown headings, only the one person answering labelled."""
    def unit(s):
        for _, _, t, a, b in turns(s):
            question = " ".join(t.split()[:10]).rstrip(".?!,")
            yield f"## {question}?\n\n**Nick Benyo:** {t}\n\n"
    return fill("# Interview\n\nNick Benyo sat down with us.\n\n", unit, "", size)


def labelled_title_lines(size):
    """An oral history whose sections' title and subtitle are written again above each part."""
    return fill("", lambda s: (f"{who}: {t}\n" + ("Part One: The Long Winter\n\n" if i % 2 else "\n")
                               for i, who, t, a, b in turns(s)), "", size)


def labelled_timed(size):
    return fill("", lambda s: (f"{hms(a, places=0)} {who}: {t}\n" for _, who, t, a, b in turns(s)), "", size)


def labelled_bracket_times(size):
    return fill("Episode 12: Building Better Batteries — Transcript\n\n",
                lambda s: (f"[{hms(a, places=0)}] {who}: {t}\n" for _, who, t, a, b in turns(s)), "", size)


def labelled_statement(size):
    """One label over a 250 KB opening statement (longer than detection's first sample), then the exchange."""
    statement = "\n\n".join(t for _, _, t, a, b in turns(250_000))
    return fill(f"{NAMES[0]}: {statement}\n\n", lambda s: (f"{who}: {t}\n\n" for _, who, t, a, b in turns(s - 250_000)), "", size)


def labelled_heading(size):
    """Rev's export: `Name (hh:mm:ss):` alone on a line, the words below."""
    return fill("", lambda s: (f"{who} ({hms(a, places=0)}):\n{t}\n\n" for _, who, t, a, b in turns(s)), "", size)


def short_lines(size: int):
    """(index, speaker, a line of two to four words, start, end): hundreds of thousands of turns in 5 MB."""
    total, n, i = 0, 0, 0
    while total < size:
        words = 2 + n % 3
        text = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(words))
        yield n, NAMES[n % 2], text, n * 2.0, n * 2.0 + 1.9
        total += len(text) + 20
        n += 1
        i += words


def labelled_short(size):
    """"Name: short line", one line a turn (a chat log, a quick exchange)."""
    return fill("", lambda s: (f"{who.split()[0]}: {t}\n" for _, who, t, a, b in short_lines(s)), "", size)


_SYLLABLES = ("ka", "lo", "mi", "ra", "te", "su", "no", "vi", "da", "pe", "zu", "ho", "be", "fa", "ti", "go", "ne", "sa", "ju", "wi")


def labelled_many_names(size):
    """A phone-in's "Name: short line": the host every second turn, a new caller (a one-word name) every fourth,
    each caller speaking twice: thousands of distinct labels."""
    def name(n):
        return "Lex" if n % 2 == 0 else "".join(_SYLLABLES[n // 4 // 20 ** p % 20] for p in range(4)).capitalize()
    return fill("", lambda s: (f"{name(n)}: {t}\n" for n, _, t, a, b in short_lines(s)), "", size)


def timed_console(size):
    def clock(seconds):  # whisper prints hours only once there are some
        return hms(seconds) if seconds >= 3600 else hms(seconds)[3:]
    return fill("", lambda s: (f"[{clock(a)} --> {clock(b)}]  {t}\n" for _, t, a, b in cues(s)), "", size)


def timed_panel(size):
    return fill("", lambda s: (f"{int(a) // 60}:{int(a) % 60:02d}\n{t}\n" for _, t, a, b in cues(s)), "", size)


def raw_captions(size):
    return (SEED_000 * (size // len(SEED_000.encode()) + 1)).encode()[:size].decode("utf-8", "ignore").encode()


def plain(size):
    return fill("", lambda s: (f"{t}\n\n" for _, _, t, a, b in turns(s)), "", size)


def chaptered(size):
    head, body = SEED_002.split("Transcript\n", 1)
    copies = size // len(body.encode()) + 1
    return (head + "Transcript\n" + "\n\n".join([body.strip()] * copies) + "\n").encode()


def line_numbered(size):
    """A hearing's pages (tests/data/hearing_pages.txt): 25 numbered lines, labels in capitals."""
    lines, page = [], 2
    for _, who, text, _, _ in turns(size):
        words = text.split()
        pieces = [" ".join(words[k : k + 8]) for k in range(0, len(words), 8)]
        lines.append(f"          {who.upper()}:  {pieces[0]}")
        lines += [f"   {p}" for p in pieces[1:]]
    out = []
    for k in range(0, len(lines), 24):
        out.append(f"\n\n{' ' * 56}Page {page}\n1    Hearing, 5-2-19\n\n")
        out += [f"{n:<2}  {line}\n\n" for n, line in enumerate(lines[k : k + 24], start=2)]
        out.append("\n\n                      Harbor Reporting, Inc.\n")
        page += 1
    return ("BEFORE THE SENATE\n\n" + "".join(out)).encode()


# ---- documents ------------------------------------------------------------------------------

def pdf_pages(size):
    """pdf's pages, as tests/pdfs.pdf_document's lines."""
    lines = []
    for _, who, text, _, _ in turns(int(size * 0.8)):
        words = text.split()
        first = True
        for k in range(0, len(words), 12):
            lines.append((f"{who}: " if first else "") + " ".join(words[k : k + 12]))
            first = False
        lines.append(None)
    safe = [None if line is None else line.encode("cp1252", "replace").decode("cp1252") for line in lines]
    return [safe[k : k + 45] for k in range(0, len(safe), 45)]


def pdf(size):
    """Labelled lines, 45 to a page (tests/pdfs.py writes the file)."""
    return pdf_document(pdf_pages(size))


def pdf_forms(size):
    """pdf's pages included by LaTeX's pdfpages: each page draws one Form XObject holding the page, scaled to 90%."""
    pages = pdf_pages(size)
    return pdf_with_text_in_forms([[("Do", f"Im{n}", (0.9, 0, 0, 0.9, 30, 40))] for n in range(len(pages))],
                                  {f"Im{n}": page for n, page in enumerate(pages)})


def docx(size):
    return word_document([[f"{who} ({hms(a, places=0)}):"] if k == 0 else [t] for _, who, t, a, b in turns(size * 3) for k in (0, 1)])


def rtf(size):
    head = header_of("interview_word.rtf", "\\par\n\\par\n")

    def escape(text):
        return "".join(c if ord(c) < 128 and c not in "\\{}" else f"\\u{ord(c) if ord(c) < 32768 else ord(c) - 65536}?" for c in text)
    return fill(head, lambda s: (f"\\b {who} ({hms(a, places=0)}):\\b0  {escape(t)}\\par\n" for _, who, t, a, b in turns(s)), "}\n", size)


FORMATS = {
    "vtt": webvtt, "vtt-voices": webvtt_voices, "vtt-rolling": webvtt_rolling, "vtt-short": webvtt_short,
    "srt": srt, "srt-labels": srt_labels, "srt-short": srt_short,
    "sbv": sbv, "ass": ass, "sami": sami, "microdvd": microdvd, "ttml": ttml, "scc": scc,
    "whisper-json": whisper, "whisperx-monologue": whisperx_monologue, "assemblyai": assemblyai, "deepgram": deepgram,
    "csv": csv_table, "tsv": tsv_table, "jsonl": jsonl_table,
    "html-p": html_paragraphs, "html-segments": html_segments, "html-table": html_table,
    "html-label-p": html_label_paragraphs, "html-news": html_news,
    "html-word-spans": html_word_spans, "html-one-block": html_one_block, "html-unclosed": html_unclosed,
    "labelled": labelled, "labelled-md": labelled_markdown, "labelled-caps": labelled_capitals, "labelled-otter": labelled_otter,
    "labelled-qa": labelled_qa_headings, "labelled-titles": labelled_title_lines,
    "labelled-timed": labelled_timed, "labelled-brackets": labelled_bracket_times, "labelled-heading": labelled_heading,
    "labelled-statement": labelled_statement, "labelled-short": labelled_short,
    "labelled-many-names": labelled_many_names,
    "timed-console": timed_console, "timed-panel": timed_panel, "raw-captions": raw_captions, "plain": plain,
    "chaptered": chaptered, "line-numbered": line_numbered, "pdf": pdf, "pdf-forms": pdf_forms, "docx": docx, "rtf": rtf,
}
SUFFIX = {"vtt": ".vtt", "srt": ".srt", "sbv": ".sbv", "ass": ".ass", "sami": ".smi", "microdvd": ".sub", "ttml": ".ttml",
          "scc": ".scc", "whisper-json": ".json", "whisperx-monologue": ".json", "assemblyai": ".json", "deepgram": ".json", "csv": ".csv", "tsv": ".tsv", "jsonl": ".jsonl",
          "html": ".html", "pdf": ".pdf", "docx": ".docx", "rtf": ".rtf", "labelled-md": ".md", "labelled-qa": ".md", "chaptered": ".txt"}


def source_name(name: str) -> str:
    """A file name with the suffix such a file has (detection reads it for some formats)."""
    return f"bench_{name}{SUFFIX.get(name, SUFFIX.get(name.split('-')[0], '.txt'))}"


def build(name: str, megabytes: float) -> bytes:
    """The input scaled to within a few per cent of `megabytes` (the generators overshoot or undershoot a little)."""
    target = int(megabytes * 1_000_000)
    guess = target
    for _ in range(4):
        data = FORMATS[name](guess)
        if abs(len(data) - target) < target * 0.03:
            break
        guess = int(guess * target / max(1, len(data)))
    return data


class Rollback(Exception):
    pass


def summary(annotated) -> str:
    speakers = {t.speaker_slug for t in annotated.turns}
    return f"{annotated.format}, {len(annotated.turns)} turns, {len(speakers)} speakers"


def prepare_seconds(data: bytes, name: str, write: bool) -> tuple[float, str]:
    """CPU seconds of this process (other work on a shared machine moves wall-clock times by 2x)."""
    gc.collect()
    start = time.process_time()
    annotated = interview_prepare(data, source=name)
    if write:
        try:
            with transaction.atomic():
                interview_ingest(annotated=annotated)
                raise Rollback
        except Rollback:
            pass
    return time.process_time() - start, summary(annotated)


def worker() -> None:
    """--worker: read "path, source name, write (0/1), repeat" lines, answer "seconds, output" lines."""
    call_command("migrate", verbosity=0)
    for line in sys.stdin:
        path, name, write, repeat = line.rstrip("\n").split("\t")
        data = Path(path).read_bytes()
        try:
            seconds, shape = min(prepare_seconds(data, name, write == "1") for _ in range(int(repeat)))
        except Exception as error:  # noqa: BLE001 - a refused input is a finding, not a crash
            seconds, shape = float("nan"), f"{type(error).__name__}: {str(error)[:80]}"
        print(f"{seconds}\t{shape}", flush=True)


class Worker:
    """This script run as --worker on the code of another commit (git archive into a temporary folder)."""

    def __init__(self, ref: str) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="bench_ref_"))
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(self.folder)], input=archive, check=True)
        (self.folder / "bench").mkdir(exist_ok=True)
        shutil.copy(__file__, self.folder / "bench" / "formats_at_size.py")  # this script, even where the commit has none
        env = dict(os.environ, DATABASE_URL=f"sqlite:///{self.folder}/bench.sqlite3")
        self.process = subprocess.Popen([sys.executable, str(self.folder / "bench" / "formats_at_size.py"), "--worker"],
                                        cwd=self.folder, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def run(self, data: bytes, name: str, write: bool, repeat: int) -> tuple[float, str]:
        path = self.folder / "input"
        path.write_bytes(data)
        self.process.stdin.write(f"{path}\t{name}\t{int(write)}\t{repeat}\n")
        self.process.stdin.flush()
        seconds, shape = self.process.stdout.readline().rstrip("\n").split("\t", 1)
        return float(seconds), shape

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def row(label: str, sizes_mb: list[float], seconds: list[float]) -> str:
    rates = [size / s if s == s and s else float("nan") for size, s in zip(sizes_mb, seconds)]
    growth = (seconds[-1] / sizes_mb[-1]) / (seconds[0] / sizes_mb[0]) if seconds[0] == seconds[0] and seconds[0] else float("nan")
    return f"{label:<18}" + "".join(f"{r:>9.2f}" for r in rates) + f"{growth:>8.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,5")
    parser.add_argument("--repeat", type=int, default=2, help="runs per input; the fastest is reported")
    parser.add_argument("--only", default="", help="comma-separated format names (default: all)")
    parser.add_argument("--write", default="labelled,srt,html-p,pdf", help="formats timed with the database write too")
    parser.add_argument("--against", default="", help="a commit (main): each input also run on its code, the two rows side by side")
    parser.add_argument("--dump", default="", help="write the inputs to this folder")
    parser.add_argument("--profile", default="", help="FORMAT@MB: cProfile of that one input")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    settings.INGEST_MAX_BYTES = max(settings.INGEST_MAX_BYTES, 30_000_000)
    if args.worker:
        return worker()
    if args.profile:
        name, megabytes = args.profile.split("@")
        data = build(name, float(megabytes))
        profile = cProfile.Profile()
        profile.runcall(interview_prepare, data, source=source_name(name))
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(40)
        print(out.getvalue())
        pstats.Stats(profile, stream=sys.stdout).sort_stats("tottime").print_stats(25)
        return
    call_command("migrate", verbosity=0)
    sizes = [float(s) for s in args.sizes.split(",")]
    names = args.only.split(",") if args.only else list(FORMATS)
    writes = set(args.write.split(",")) if args.write else set()
    other = Worker(args.against) if args.against else None
    print(f"{'format':<18}" + "".join(f"{f'{s:g} MB':>9}" for s in sizes) + f"{'growth':>8}  output at {sizes[-1]:g} MB"
          + (f" (same on {args.against}: = )" if other else ""))
    try:
        for name in names:
            ours, theirs, sizes_mb, shape, their_shape = [], [], [], "", ""
            for megabytes in sizes:
                data = build(name, megabytes)
                sizes_mb.append(len(data) / 1_000_000)
                if args.dump:
                    Path(args.dump).mkdir(parents=True, exist_ok=True)
                    Path(args.dump, f"{megabytes:g}mb_" + source_name(name)).write_bytes(data)
                if other:  # interleaved, so that a busy spell of the machine falls on both
                    seconds, their_shape = other.run(data, source_name(name), name in writes, args.repeat)
                    theirs.append(seconds)
                try:
                    seconds, shape = min(prepare_seconds(data, source_name(name), name in writes) for _ in range(args.repeat))
                except Exception as error:  # noqa: BLE001 - a refused input is a finding, not a crash
                    seconds, shape = float("nan"), f"{type(error).__name__}: {str(error)[:80]}"
                ours.append(seconds)
            label = name + (" +DB" if name in writes else "")
            if other:
                print(row(f"  {args.against}", sizes_mb, theirs), flush=True)
                shape += "  =" if shape == their_shape else f"  (on {args.against}: {their_shape})"
            print(row(label, sizes_mb, ours) + f"  {shape}", flush=True)
    finally:
        if other:
            other.close()


if __name__ == "__main__":
    main()
