"""Helpers shared by the format parsers: line numbers, span trimming, time parsing."""
from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Iterator

from ..errors import IngestError
from ..records import Metadata, ParsedSource

# Words that end in a colon at a line's or a cue's start without being anybody's name
NOT_NAMES = frozenset({
    "http", "https", "note", "update", "source", "transcript", "edit", "warning", "tags", "published",
    "translation", "music", "applause", "laughter", "laughs", "crosstalk", "inaudible", "silence", "pause",
})

_WS = " \t\r\n\f\v\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\ufeff"


class LineIndex:
    """Character offset -> 1-based line number, by binary search over line starts."""

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        i = find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self.starts = starts

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)


def iter_lines(text: str) -> Iterator[tuple[int, int, int, str]]:
    """(line number, start, end without the line break, line text) for every line."""
    pos = 0
    n = len(text)
    number = 1
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        stop = end - 1 if end > pos and text[end - 1] == "\r" else end
        yield number, pos, stop, text[pos:stop]
        if nl < 0:
            break
        pos = nl + 1
        number += 1


def has_line(text: str, keys) -> bool:
    """Whether some line of `text`, stripped and lower-cased, is one of `keys`: one regex scan
    (anchored on line breaks, which the engine finds fast), so that a format's detector can
    rule a text out before it walks the lines in Python."""
    pattern = _line_patterns.get(keys)
    if pattern is None:
        words = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
        pattern = _line_patterns[keys] = re.compile(rf"\n[^\S\n]*(?:{words})[^\S\n]*(?=\n|$)", re.I)
    return pattern.search("\n" + text) is not None


_line_patterns: dict = {}


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow [start, end) so it neither starts nor ends with whitespace."""
    while start < end and text[start] in _WS:
        start += 1
    while end > start and text[end - 1] in _WS:
        end -= 1
    return start, end


_CLOCK = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$")
_UNITS_CLOCK = re.compile(r"^(\d+)h(\d{1,2})m(\d{1,2})s()$")  # "0h00m44s", "1h02m03s"


def parse_clock(value: str) -> float | None:
    """"1:02:03.5", "02:03", "00:00:01,000", "0h00m44s" -> seconds; None when not a clock time."""
    value = value.strip()
    m = _CLOCK.match(value) or _UNITS_CLOCK.match(value)
    if not m:
        return None
    hours, minutes, seconds, frac = m.groups()
    if int(seconds) > 59 or (hours is not None and int(minutes) > 59):
        return None
    whole = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    return (whole * 1000 + int((frac or "").ljust(3, "0"))) / 1000  # in whole milliseconds, no float noise


_DATE_FORMATS = ("%a %b %d %Y", "%b %d %Y", "%B %d %Y", "%Y-%m-%d", "%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y")


def parse_date(value: str) -> dt.date | None:
    """"Mar 27, 2023", "27 March 2023", "2023-03-27" (a day named before it or not) -> the date; None otherwise."""
    value = " ".join(value.replace(",", ", ").split()).replace(" ,", ",")
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def format_clock(seconds: float) -> str:
    ms = int(round(seconds * 1000))
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


_SENTENCE_END = re.compile(r"[.?!…][\"'”’)\]]*(?=\s|$)")


def punctuation_rate(text: str, *, limit: int = 200_000) -> float:
    """Sentence-final punctuation marks per word, on (at most) the first `limit` chars."""
    sample = text[:limit]
    words = len(sample.split())  # the same words as r"\S+", three times faster
    if not words:
        return 0.0
    return len(_SENTENCE_END.findall(sample)) / words


def refused(fmt: str, source: str, line: int | None, reason: str) -> ParsedSource:
    """A ParsedSource with no turns and the one error that says why the text is not this format."""
    return ParsedSource(format=fmt, metadata=Metadata(), turns=(), errors=(IngestError(source, line, reason),))
