"""Whisper's .tsv output (`--output_format tsv`) as timed lines of text.

A header line `start<TAB>end<TAB>text`, then a row per segment with its start and end in whole
milliseconds (`0<TAB>1080<TAB>words`; Whisper writes tabs in the words as spaces). Each row
becomes one `[hh:mm:ss.fff] words` line, read by the timed-lines format as a recogniser's JSON is
(json_transcript.py); that text is what is stored. Without the header, a text is left to the
other formats.
"""
from __future__ import annotations

import re

from .errors import IngestError
from .json_transcript import Rendered, timed_lines

_MAX_MS_DIGITS = 12  # 31 years
_HEADER = re.compile(r"\A\ufeff?start\tend\ttext[ \t]*\r?\n")


def tsv_document(text: str, *, source: str) -> Rendered | None:
    """Whisper's TSV in, `[hh:mm:ss.fff] words` lines out; None for a text without its header."""
    header = _HEADER.match(text)
    if not header:
        return None
    segments = []
    for number, row in enumerate(text[header.end():].splitlines(), start=2):
        if not row.strip():
            continue
        start, _, rest = row.partition("\t")
        # decimal digits that int() reads ("²" is a digit to isdigit() and none to int()), and not so many that the
        # seconds overflow a float (400) or Python refuses to read them (5,000)
        if not start.strip().isdecimal() or len(start.strip()) > _MAX_MS_DIGITS:
            raise IngestError(source, number, f"Whisper TSV row without a start in milliseconds: {row.strip()[:60]!r}")
        segments.append((int(start) / 1000, "", rest.partition("\t")[2]))
    return timed_lines(segments, source=source)
