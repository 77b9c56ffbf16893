"""SAMI captions (.smi, .sami: Windows Media's, and the caption files Korean and Japanese services
and players use), as their writers lay them out:
    <SAMI><HEAD><STYLE>... .KRCC { Name:한국어; lang:ko-KR; SAMIType:CC; } ...</STYLE></HEAD><BODY>
    <SYNC Start=76887><P Class=KRCC>
    - 넌 어림없어!<br>
    <SYNC Start=80618><P Class=KRCC>&nbsp;
A `<SYNC Start=ms>` shows its paragraphs from then until the next one; a paragraph of `&nbsp;`
alone clears the screen. `</P>` and `</SYNC>` are optional. A file may hold several languages as
paragraph classes (`ENCC`, `KRCC`), in the same SYNCs or in blocks one after the other: the class
with the most captions is read (on a tie, the first), the others are translations. Each caption
becomes a turn with its real time, as an SRT cue does (a leading ">>" or "NAME: " in capitals, or
"Name: " opening two or more captions, is read as for SRT). The file is stored as it is; tags,
entities and the other classes' paragraphs are blanked for the later stages (`spoken_text`). A
SYNC whose Start is no number (or a negative one, or one of more than 12 digits), or a caption starting before the one before it, is an error with
its line.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..entities import unescape
from ..errors import IngestError
from ..records import ParsedTurn
from . import _cues
from ._common import LineIndex, format_clock, only_pieces, refused, trim

NAME = "sami"

_OPENING = re.compile(r"\A[\ufeff\s]*(?:<!--.*?-->\s*)*<SAMI[\s>]", re.I | re.S)
_SYNC = re.compile(r"<SYNC\b([^>]*)>", re.I)
_MAX_MS_DIGITS = 12  # 31 years: more is no caption's time (5,000 digits were more than Python reads as an int)
_START = re.compile(r"""\bStart\s*=\s*["']?(-?\d+)["']?""", re.I)
_PARAGRAPH = re.compile(r"<P\b([^>]*)>", re.I)
_CLASS = re.compile(r"""\bClass\s*=\s*["']?([\w-]+)""", re.I)
_END = re.compile(r"</P\s*>|</SYNC\s*>|</BODY\s*>", re.I)
_TAG = re.compile(r"<[^<>]*>")
_TITLE = re.compile(r"<TITLE>(.*?)</TITLE>", re.I | re.S)


def looks_like(text: str) -> bool:
    return bool(_OPENING.match(text[:2000]))


@dataclass(frozen=True)
class _Caption:
    start_ms: int
    line: int
    css_class: str
    a: int  # the paragraph's text, [a, b)
    b: int


def _words(fragment: str) -> str:
    return " ".join(unescape(_TAG.sub(" ", fragment)).replace("\u00a0", " ").split())


def _captions(text: str, source: str, errors: list | None = None) -> list[_Caption]:
    """Every paragraph of every SYNC, with its start and class; SYNCs without a usable Start are
    noted in `errors` (when given) and skipped."""
    lines = LineIndex(text)
    syncs = list(_SYNC.finditer(text))
    out = []
    for i, sync in enumerate(syncs):
        stop = syncs[i + 1].start() if i + 1 < len(syncs) else len(text)
        start = _START.search(sync.group(1))
        if start is None:
            if errors is not None:
                errors.append(IngestError(source, lines.line(sync.start()), f"malformed SYNC tag {sync.group()[:40]!r}: no Start in milliseconds"))
            continue
        if start.group(1).startswith("-") or len(start.group(1)) > _MAX_MS_DIGITS:
            if errors is not None:
                errors.append(IngestError(source, lines.line(sync.start()), f"malformed SYNC tag {sync.group()[:40]!r}: Start is no time in milliseconds"))
            continue
        paragraphs = list(_PARAGRAPH.finditer(text, sync.end(), stop))
        if not paragraphs:  # text straight after the SYNC, no <P>
            paragraphs_spans = [("", sync.end(), stop)]
        else:
            paragraphs_spans = []
            for k, p in enumerate(paragraphs):
                end = paragraphs[k + 1].start() if k + 1 < len(paragraphs) else stop
                css = _CLASS.search(p.group(1))
                paragraphs_spans.append((css.group(1).upper() if css else "", p.end(), end))
        for css, a, b in paragraphs_spans:
            closing = _END.search(text, a, b)
            out.append(_Caption(int(start.group(1)), lines.line(sync.start()), css, a, closing.start() if closing else b))
    return out


def _read_class(text: str, captions: list[_Caption]) -> str | None:
    """The class with the most captions that have words (on a tie, the first met)."""
    counts = Counter(c.css_class for c in captions if _words(text[c.a:c.b]))
    return max(counts, key=counts.get) if counts else None  # max keeps the first of equals: insertion order


def _shown_span(text: str, a: int, b: int) -> tuple[int, int]:
    """A paragraph's span from its first shown character to its last (its opening and closing tags
    left out)."""
    a, b = trim(text, a, b)
    while a < b and text[a] == "<":
        close = text.find(">", a, b)
        if close < 0:
            break
        a, b = trim(text, close + 1, b)
    while b > a and text[b - 1] == ">":
        open_ = text.rfind("<", a, b)
        if open_ < 0:
            break
        a, b = trim(text, a, open_)
    return a, b


def parse(text: str, *, source: str):
    """SAMI text in, ParsedSource with one turn per caption of the class read out."""
    if not looks_like(text) and not _SYNC.search(text):
        return refused(NAME, source, 1, "not SAMI: no <SAMI> opening and no <SYNC Start=...> tag")
    errors: list[IngestError] = []
    captions = _captions(text, source, errors)
    chosen = _read_class(text, captions)
    turns: list[ParsedTurn] = []
    previous_start = None
    kept = [c for c in captions if c.css_class == chosen]
    for i, caption in enumerate(kept):
        seconds = caption.start_ms / 1000
        if previous_start is not None and seconds < previous_start:
            errors.append(IngestError(source, caption.line, f"caption out of order: starts at {format_clock(seconds)}, "
                                                           f"before the previous caption's start {format_clock(previous_start)}"))
            continue
        previous_start = seconds
        if not _words(text[caption.a:caption.b]):
            continue  # &nbsp;: the screen cleared
        a, b = _shown_span(text, caption.a, caption.b)
        end = kept[i + 1].start_ms / 1000 if i + 1 < len(kept) else None
        turn = _cues.payload_turn(text, [(caption.line, a, b, text[a:b])], start=seconds, end=end)
        if turn is not None:
            turns.append(turn)
    if not captions and not errors:
        return refused(NAME, source, 1, "not SAMI: no <SYNC Start=...> caption")
    head = text[:captions[0].a] if captions else text
    title = _TITLE.search(head)
    return _cues.cue_source(NAME, _cues.named_labels(text, turns), errors, title=_words(title.group(1)) if title else "")


def spoken_text(text: str) -> str:
    """The text with everything but the read class's paragraphs blanked (same length, line breaks
    kept); the caption path of markup.reading_text then blanks their tags and entities."""
    captions = _captions(text, "")
    chosen = _read_class(text, captions)
    return only_pieces(text, ((c.a, c.b, text[c.a:c.b]) for c in captions if c.css_class == chosen))
