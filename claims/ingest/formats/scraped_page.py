"""A scraped video-transcript page (seed 001): title, comments, a "Captions" block, "Info".

Layout seen in seed 001: a title line, "Video Statistics and Information", "Reddit Comments"
with vote lines, a line "Captions" followed by the captions (one long punctuated line, no
speaker labels), then a line "Info" with "Channel:", "Views:", "Id:", "Length: ... (N
seconds)", "Published: Mon Mar 27 2023", and page chrome ("Related Videos", "Note").
Only the captions block is content; the comments and the Info block are outside
[content_start, content_end) and never become turns.

The page joins the caption lines with a no-break space and a space ("the\xa0 car"). Where a
line ends a sentence and the next one starts a new caption block, the line keeps its trailing
space: ". \xa0 Thank you" (seed 001: 93 such breaks, 92 of them where the hand-marked turns
change voice; about half of the changes have one). Those places are `voice_breaks`, which
attribution takes as likely, not certain, changes of voice; a page that joins every line that
way, or has fewer than three, has none.
"""
from __future__ import annotations

import re

from ..errors import IngestError
from ..records import Metadata, ParsedSource, ParsedTurn
from ._common import has_line, iter_lines, LineIndex, parse_date, refused, trim

NAME = "scraped_page"

_CAPTIONS = frozenset({"captions", "transcript", "captions:"})
_INFO = frozenset({"info", "video information", "info:"})
_FIELD = re.compile(r"^\s*(Channel|Views|Rating|Keywords|Id|Video Id|Channel Id|Length|Published|Uploaded)\s*:\s*(.*?)\s*$", re.I)
_SECONDS = re.compile(r"\((\d+)\s*seconds?\)")
_MIN_SEC = re.compile(r"(?:(\d+)\s*h(?:ours?|r)?\s*)?(?:(\d+)\s*min\w*)?\s*(?:(\d+)\s*sec\w*)?", re.I)
_VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
# a caption line that ends a sentence with its trailing space kept, the next line after the join
_BLOCK_BREAK = re.compile(r"[.?!…][\"”’)]? \u00a0 (?=\S)")
_LINE_JOIN = re.compile(r"\S\u00a0")
_BREAKS_MIN = 3


def _find_blocks(text: str):
    """(captions header line, info header line, lines) or Nones."""
    lines = list(iter_lines(text))
    captions = info = None
    for idx, (_, _, _, line) in enumerate(lines):
        key = line.strip().lower()
        if captions is None and key in _CAPTIONS:
            captions = idx
        elif captions is not None and key in _INFO:
            # the Info block is recognised by its "Key: value" fields right after it
            following = [l for _, _, _, l in lines[idx + 1 : idx + 6]]
            if any(_FIELD.match(l) for l in following):
                info = idx
                break
    return captions, info, lines


def looks_like(text: str) -> bool:
    if not (has_line(text, _CAPTIONS) and has_line(text, _INFO)):
        return False
    captions, info, _ = _find_blocks(text[:50_000] if len(text) < 50_000 else text)
    return captions is not None and info is not None


def _parse_length(value: str) -> int | None:
    m = _SECONDS.search(value)
    if m:
        return int(m.group(1))
    m = _MIN_SEC.fullmatch(value.strip())
    if m and any(m.groups()):
        h, mi, s = (int(g or 0) for g in m.groups())
        return h * 3600 + mi * 60 + s
    return None


def parse(text: str, *, source: str) -> ParsedSource:
    """Page text in, ParsedSource with the page's metadata and the captions as one turn out."""
    captions, info, lines = _find_blocks(text)
    if captions is None or info is None:
        missing = '"Captions"' if captions is None else '"Info"'
        return refused(NAME, source, 1, f"not a scraped transcript page: no {missing} block line found")
    title = next((l.strip() for _, _, _, l in lines[:captions] if l.strip()), "")
    fields: dict[str, str] = {}
    for _, _, _, line in lines[info + 1 :]:
        m = _FIELD.match(line)
        if m:
            fields.setdefault(m.group(1).lower(), m.group(2))
    start, end = trim(text, lines[captions][2] + 1, lines[info][1])
    errors = []
    published = None
    if fields.get("published") or fields.get("uploaded"):
        raw = fields.get("published") or fields.get("uploaded") or ""
        published = parse_date(raw)
        if published is None:
            line_no = next(n for n, _, _, l in lines[info:] if _FIELD.match(l) and l.split(":", 1)[1].strip() == raw)
            errors.append(IngestError(source, line_no, f"unreadable published date {raw!r}"))
    video_id = fields.get("id") or fields.get("video id") or ""
    if not _VIDEO_ID.match(video_id):
        video_id = ""
    channel = fields.get("channel", "")
    if channel.lower() == "undefined":
        channel = ""
    metadata = Metadata(
        title=title,
        channel=channel,
        video_id=video_id,
        link=f"https://www.youtube.com/watch?v={video_id}" if video_id else "",
        published=published,
        published_precision="day" if published else "",
        duration_seconds=_parse_length(fields["length"]) if fields.get("length") else None,
    )
    turns = (ParsedTurn(start_char=start, end_char=end, line=LineIndex(text).line(start)),) if end > start else ()
    return ParsedSource(
        format=NAME, metadata=metadata, turns=turns, content_start=start, content_end=end, errors=tuple(errors),
        voice_breaks=_voice_breaks(text, start, end),
    )


def _voice_breaks(text: str, start: int, end: int) -> tuple[int, ...]:
    """Where a caption block ends a sentence and a new one begins (see the module's docstring):
    only where such breaks are a convention of the page, a few among many plain line joins."""
    breaks = tuple(m.end() for m in _BLOCK_BREAK.finditer(text, start, end))
    if len(breaks) < _BREAKS_MIN or len(_LINE_JOIN.findall(text, start, end)) < 2 * len(breaks):
        return ()
    return breaks
