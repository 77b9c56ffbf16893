"""Caption markup read as blanks: the text that sentence splitting, attribution and the claim
extractor read.

Caption files carry markup inside their payload lines: YouTube's word timings and colour
spans ("word<00:00:01.200><c> next</c>"), voice and style tags ("<v Jane Doe>", "<i>",
'<font color="#fff">'), SubRip's positioning codes ("{\\an8}"). The stored transcript keeps
them (the source is never rewritten, and quotes are cut from it verbatim), but the later
stages must read words, not tags: read as text, "I<00:01:52.400><c> can</c>" is one token
and a run of them one endless sentence. `reading_text` gives the text with every tag replaced
by as many spaces: the same length, so every offset found in it holds in the source.
"""
from __future__ import annotations

import re

CAPTION_FORMATS = frozenset({"webvtt", "srt"})

# a cue timestamp tag, an (end) tag starting with a letter ("c", "c.colorE5E5E5", "v Name",
# "font color=..."), or an SSA override code; WebVTT escapes a literal "<" as "&lt;"
_TAG = re.compile(r"<(?:\d{2}:)?\d{2}:\d{2}[.,]\d{3}>|</?[A-Za-z][\w.]*(?:[ \t][^<>\n]*)?>|\{\\[^{}\n]*\}")


def _blank(m: re.Match) -> str:
    return " " * len(m.group())


def reading_text(text: str, fmt: str | None) -> str:
    """Source text and its format in, the text with caption markup blanked out (same length)."""
    if fmt not in CAPTION_FORMATS or ("<" not in text and "{" not in text):
        return text
    return _TAG.sub(_blank, text)
