"""Transcript formats: one module per format, each with `parse(text, *, source)`.

PARSERS maps format names to parsers; `detect(text)` names the format of a text, trying the
most specific shapes first and falling back to plain punctuated text.
"""
from __future__ import annotations

from dataclasses import replace

from ..records import ParsedSource
from . import ass, chaptered, labelled, line_numbered, microdvd, plain, raw_captions, sami, sbv, scraped_page, srt, timed_lines, webvtt
from ._common import lone_cr_as_lf, refused

PARSERS = {
    "ass": ass.parse,
    "sami": sami.parse,
    "microdvd": microdvd.parse,
    "webvtt": webvtt.parse,
    "srt": srt.parse,
    "sbv": sbv.parse,
    "scraped_page": scraped_page.parse,
    "chaptered": chaptered.parse,
    "line_numbered": line_numbered.parse,
    "labelled": labelled.parse,
    "timed_lines": timed_lines.parse,
    "raw_captions": raw_captions.parse,
    "plain": plain.parse,
}

def _detector(looks_like):
    return lambda text: {} if looks_like(text) else None


def _chaptered(text: str) -> dict | None:
    """A chapter list above a transcript whose voices only "- " marks (or nothing) tell apart; where
    labels or time marks do, their own format reads the turns and the chapters come with them
    (_with_chapter_list)."""
    if not chaptered.looks_like(text):
        return None
    body = text[chaptered.transcript_start(text):]
    return None if labelled.detected(body) is not None or timed_lines.detected(body) is not None else {}


def _with_chapter_list(text: str, parsed: ParsedSource) -> ParsedSource:
    """Labelled or timed turns with the chapters of a chapter list above them, where they have none."""
    if parsed.chapters or parsed.errors or parsed.format not in (labelled.NAME, timed_lines.NAME):
        return parsed
    chapters = chaptered.chapter_list(text, parsed.content_start)
    return replace(parsed, chapters=chapters) if chapters else parsed


# Most specific first: a caption header, then page layouts, then labels; "plain" last. Each
# detector returns None, or the arguments its parser takes from what detection computed.
_DETECTORS = (
    ("ass", _detector(ass.looks_like)),
    ("sami", _detector(sami.looks_like)),
    ("microdvd", _detector(microdvd.looks_like)),
    ("webvtt", _detector(webvtt.looks_like)),
    ("srt", _detector(srt.looks_like)),
    ("sbv", _detector(sbv.looks_like)),
    ("scraped_page", _detector(scraped_page.looks_like)),
    ("chaptered", _chaptered),
    ("line_numbered", line_numbered.detected),  # its pages' labels would otherwise read as "Name:" lines
    ("labelled", labelled.detected),
    ("timed_lines", timed_lines.detected),
    ("raw_captions", _detector(raw_captions.looks_like)),
)


def _detect(text: str) -> tuple[str, dict]:
    for name, detector in _DETECTORS:
        found = detector(text)
        if found is not None:
            return name, found
    return "plain", {}


def detect(text: str) -> str:
    """Text in, the name of its format out ("plain" when nothing more specific fits)."""
    return _detect(text)[0]


def parse_source(text: str, *, source: str, fmt: str | None = None) -> ParsedSource:
    """Text in, ParsedSource out, with the format detected unless `fmt` forces one.

    A forced format that does not fit comes back as errors on the ParsedSource (with the
    line where the parser gave up), never as a silent fallback. A lone "\r" ends a line as "\n" does
    (lone_cr_as_lf: the offsets returned are the text's as given).
    """
    text = lone_cr_as_lf(text)
    found: dict = {}
    if fmt is None:
        fmt, found = _detect(text)
    parser = PARSERS.get(fmt)
    if parser is None:
        known = ", ".join(sorted(PARSERS))
        return refused(fmt, source, None, f"unknown format {fmt!r} (known: {known})")
    return _with_chapter_list(text, parser(text, source=source, **found))
