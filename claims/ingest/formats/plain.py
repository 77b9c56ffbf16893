"""Plain punctuated text, the fallback: each paragraph is one unlabelled turn."""
from __future__ import annotations

import re

from ..records import Metadata, ParsedSource, ParsedTurn
from ._common import LineIndex, trim

NAME = "plain"

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\u00a0]*\n")


def parse(text: str, *, source: str) -> ParsedSource:
    """Text in, ParsedSource with one unlabelled turn per paragraph out."""
    lines = LineIndex(text)
    turns = []
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        turns.append((pos, m.start()))
        pos = m.end()
    turns.append((pos, len(text)))
    parsed = []
    for a, b in turns:
        a, b = trim(text, a, b)
        if b > a:
            parsed.append(ParsedTurn(start_char=a, end_char=b, line=lines.line(a)))
    start = parsed[0].start_char if parsed else 0
    end = parsed[-1].end_char if parsed else 0
    return ParsedSource(format=NAME, metadata=Metadata(), turns=tuple(parsed), content_start=start, content_end=end)
