"""Raw speech-recognition captions (seed 000): one block of words, no punctuation, no labels.

The whole text (less surrounding whitespace) is one unlabelled turn; speakers and sentences
are found later from the words themselves. Markdown headings opening the text (a transcript archive's
"# <episode title>" above the captions) are no one's words: the first of them is the title. A caption
archive's ">>" marks (C-SPAN's, a change of voice wherever one comes) cut the block into turns, each after a
mark with speaker_change set, the marks no one's words (_common.change_marks).
"""
from __future__ import annotations

import re

from ..errors import IngestError
from ..records import Metadata, ParsedSource, ParsedTurn
from ._common import _SENTENCE_END, LineIndex, change_marks, punctuation_rate, trim

NAME = "raw_captions"

# Seed 000 has 5 sentence marks in ~6,000 words (times like "17." and "2003."); punctuated
# prose has one every 10-25 words.
MAX_PUNCTUATION_RATE = 0.02


# a Markdown heading line above the captions ("# Intro to Nate")
_HEADING_LINE = re.compile(r"[ \t]*#{1,6}[ \t]+(?P<heading>[^\n]*?)[ \t#]*\r?(?:\n|$)")


def looks_like(text: str) -> bool:
    return punctuation_rate(text) < MAX_PUNCTUATION_RATE


def parse(text: str, *, source: str) -> ParsedSource:
    """Text in, ParsedSource with one unlabelled turn over the whole text out."""
    start, end = trim(text, 0, len(text))
    title = ""
    while (heading := _HEADING_LINE.match(text, start, end)) and heading.end() < end:
        title = title or heading.group("heading").replace("**", "").strip()
        start, end = trim(text, heading.end(), end)
    errors: tuple[IngestError, ...] = ()
    if not looks_like(text):
        first = _SENTENCE_END.search(text)
        line = LineIndex(text).line(first.start()) if first else None
        errors = (IngestError(source, line, "not raw captions: the text is punctuated (try --format plain)"),)
    turns = (ParsedTurn(start_char=start, end_char=end, line=LineIndex(text).line(start)),) if end > start and not errors else ()
    turns = tuple(change_marks(text, turns))  # C-SPAN's ">> " wherever the voice changes
    return ParsedSource(
        format=NAME, metadata=Metadata(title=title), turns=turns, content_start=start, content_end=end, errors=errors
    )
