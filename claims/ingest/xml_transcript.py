"""Timed text saved as XML: YouTube's timedtext and TTML captions, as timed lines of text.

- YouTube's timedtext, as scrapers save it: `<transcript><text start="0.08" dur="3.12">...</text>`
  (seconds; the text HTML-escaped once more inside the XML, `&amp;#39;`), and its srv3 shape
  `<timedtext><body><p t="80" d="3120">...<s>...</s></p>` (milliseconds);
- TTML / DFXP (Netflix, broadcasters, Premiere, YouTube's `.ttml`): `<tt><body><div><p
  begin="00:00:00.080" end="...">...<br/>...</p>` (a clock, or `12.3s` / `450ms`).

Each timed element becomes one `[hh:mm:ss] text` line, read by the timed-lines format, as a
recogniser's JSON is (json_transcript.py); that text is what is stored. A file named .xml, .ttml
or .dfxp that is not such a document is refused with the reason; any other source that merely
opens with a tag is left to the other formats.
"""
from __future__ import annotations

import html
import re
from xml.etree import ElementTree

from .errors import IngestError
from .json_transcript import Rendered, timed_lines

_OPENING = re.compile(r"\A\ufeff?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?:transcript|timedtext|tt|(?:\w+:)?tt)[\s>]", re.S)
_CLOCK = re.compile(r"^(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$|^(\d+(?:\.\d+)?)(h|m|s|ms)$")
_XML_SUFFIXES = (".xml", ".ttml", ".dfxp")


def _seconds(value: str) -> float:
    m = _CLOCK.match(value.strip())
    if not m:
        raise ValueError(f"time {value!r} is neither hh:mm:ss.fff nor a number with h, m, s or ms")
    if m.group(1) is not None:
        return int(m.group(1)) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
    number, unit = float(m.group(4)), m.group(5)
    return number * {"h": 3600, "m": 60, "s": 1, "ms": 0.001}[unit]


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _words(element: ElementTree.Element) -> str:
    parts = [element.text or ""]
    for child in element:
        parts.append(" " if _local(child.tag) == "br" else _words(child))
        parts.append(child.tail or "")
    return "".join(parts)


def xml_document(text: str, *, source: str) -> Rendered | None:
    """A timed-text XML document in, `[hh:mm:ss] text` lines out; None for a source that is not one."""
    named_xml = source.lower().endswith(_XML_SUFFIXES)
    if not _OPENING.match(text) and not named_xml:
        return None
    try:
        root = ElementTree.fromstring(text.lstrip("\ufeff"))
    except ElementTree.ParseError as exc:
        raise IngestError(source, exc.position[0], f"invalid XML: {exc}") from None
    segments = []
    try:
        for element in root.iter():
            name, attrs = _local(element.tag), element.attrib
            if name == "text" and "start" in attrs:  # timedtext (seconds)
                start = float(attrs["start"])
            elif name == "p" and "t" in attrs:  # srv3 (milliseconds)
                start = int(attrs["t"]) / 1000
            elif name == "p" and "begin" in attrs:  # TTML
                start = _seconds(attrs["begin"])
            else:
                continue
            segments.append((start, "", html.unescape(_words(element))))
    except ValueError as exc:
        raise IngestError(source, None, f"XML caption without a usable start time ({exc})") from None
    if not segments:
        if named_xml:
            raise IngestError(source, None, "XML that is not timed text (it reads YouTube's timedtext and TTML)")
        return None
    return timed_lines(segments, source=source)
