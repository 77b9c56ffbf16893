"""HTML's character references read as html.unescape reads them, without its one failure: a reference whose number
has more digits than int() reads ("&#" and 5,000 nines: ValueError out of ingestion, from a page, a SAMI caption, a
WebVTT voice or a front matter's title). Such a number names no character, as any past U+10FFFF does not: "\ufffd"."""
from __future__ import annotations

import html
import re

# (int() reads 4,300 decimal digits at most; a hexadecimal number is read whatever its length)
_LONG_NUMBER_REFERENCE = re.compile(r"&#([0-9]{4300,})")
_NO_CHARACTER = "&#99999999"  # past U+10FFFF: html.unescape gives "\ufffd"


def _shortened(m: re.Match) -> str:
    digits = m.group(1).lstrip("0")
    return "&#" + digits if len(digits) <= 8 else _NO_CHARACTER


def short_references(text: str) -> str:
    """The text with each decimal character reference too long for int() written short, its character the same."""
    return _LONG_NUMBER_REFERENCE.sub(_shortened, text) if "&#" in text else text


def unescape(text: str) -> str:
    """html.unescape(text), a number too long for int() naming no character."""
    return html.unescape(short_references(text))
