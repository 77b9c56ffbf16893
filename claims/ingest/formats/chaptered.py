"""A chaptered transcript page (seed 002): title, "Chapters" with m:s times, "Transcript".

Seed 002's quirks: chapter times are "m:s" with minutes past 59 ("85:0", "92:7") and
unpadded seconds; the transcript is paragraphs in which a new voice starts with "- ", at a
paragraph start or in mid-paragraph (also after a stage note: "(laughs) - Being humble").
The marks say *that* the voice changes, not *who* speaks: turns carry speaker_change=True
and no label. The text before the first mark (the host's introduction) has no mark.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..errors import IngestError
from ..records import Chapter, ParsedSource, ParsedTurn
from ._common import NAVIGATION_LINES, has_line, iter_lines, LineIndex, refused, trim
from ._head import header_facts

NAME = "chaptered"

_CHAPTERS_HEADER = frozenset({"chapters", "chapters:", "contents", "table of contents", "timestamps", "timestamps:"})
_TRANSCRIPT_HEADER = frozenset({"transcript", "transcript:"})
# "2:23 Title", as video descriptions and podcast pages also write it: "(02:23) Title", "[2:23] Title",
# "- 2:23 Title", "02:23: Title", "1:02:23 – Title"; the spaces around the dash and after the title each read
# one way (an optional dash between '\s*' and '\s+', and a lazy title before '\s*$', tried each split of a run
# of spaces: a chapter line with 50,000 spaces in it took 7 s)
_CHAPTER_LINE = re.compile(
    r"^\s*(?:[-*•]\s+)?(?:\((?=[\d:]+\))|\[(?=[\d:]+\]))?(?:(\d+):)?(\d+):(\d{1,2})[)\]]?(?:\s*[-–—:])?\s+(\S(?:.*\S)?)\s*$"
)
# A turn mark: "- " at a line start or after a space, not part of "--" or a hyphenated word,
# followed by the first character of the turn.
TURN_MARK = re.compile(r"(?:(?<=\n)|(?<=^)|(?<=[ \t\u00a0]))- (?=\S)")
_HEAD_LINES = 20  # of the lines above the chapter list, those read as its header


def _layout(text: str):
    chapters_idx = transcript_idx = None
    lines = []
    for item in iter_lines(text):
        lines.append(item)
        key = item[3].strip().lower()
        if chapters_idx is None and key in _CHAPTERS_HEADER:
            chapters_idx = len(lines) - 1
        elif chapters_idx is not None and key in _TRANSCRIPT_HEADER:
            transcript_idx = len(lines) - 1
            break
    return chapters_idx, transcript_idx, lines


def looks_like(text: str) -> bool:
    if not (has_line(text, _CHAPTERS_HEADER) and has_line(text, _TRANSCRIPT_HEADER)):
        return False
    chapters_idx, transcript_idx, lines = _layout(text)
    if chapters_idx is None or transcript_idx is None:
        return False
    return any(_CHAPTER_LINE.match(l[3]) for l in lines[chapters_idx + 1 : transcript_idx])


def transcript_start(text: str) -> int | None:
    """Where the transcript under a chapter list starts (after its "Transcript" line), or None."""
    chapters_idx, transcript_idx, lines = _layout(text)
    return None if chapters_idx is None or transcript_idx is None else lines[transcript_idx][2] + 1


def chapter_list(text: str, before: int) -> tuple[Chapter, ...]:
    """The chapters of a chapter list above `before` (where another format found the transcript's
    turns), every line under its header a chapter line in time order; () otherwise."""
    head = text[:before]
    if not has_line(head, _CHAPTERS_HEADER):
        return ()
    chapters_idx, transcript_idx, lines = _layout(head)
    if chapters_idx is None:
        return ()
    chapters, errors = _chapters(lines[chapters_idx + 1 : transcript_idx], source="")
    return tuple(chapters) if not errors else ()


def _chapters(lines, *, source: str) -> tuple[list[Chapter], list[IngestError]]:
    """The lines under a chapter list's header in, its chapters and the errors of its malformed lines out."""
    errors: list[IngestError] = []
    chapters: list[Chapter] = []
    previous = -1
    for number, _, _, line in lines:
        if not line.strip():
            continue
        m = _CHAPTER_LINE.match(line)
        if not m:
            errors.append(IngestError(source, number, f"malformed chapter line {line.strip()!r} (expected 'm:s Title')"))
            continue
        hours, minutes, seconds, title = m.groups()
        if len(hours or "") > 3 or len(minutes) > 4:  # past 999 hours: no recording's (and int() of 5,000 digits raises)
            errors.append(IngestError(source, number, f"malformed chapter time in {line.strip()[:80]!r}: past any recording"))
            continue
        if int(seconds) > 59:
            errors.append(IngestError(source, number, f"malformed chapter time in {line.strip()!r}: seconds over 59"))
            continue
        start = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
        if start < previous:
            errors.append(IngestError(source, number, f"chapter {title!r} starts before the previous chapter"))
            continue
        previous = start
        chapters.append(Chapter(title=title, start_seconds=start))
    return chapters, errors


def parse(text: str, *, source: str) -> ParsedSource:
    """Text in, ParsedSource with title, chapters and "- "-marked turns out."""
    chapters_idx, transcript_idx, lines = _layout(text)
    if chapters_idx is None or transcript_idx is None:
        what = '"Chapters"' if chapters_idx is None else '"Transcript"'
        return refused(NAME, source, 1, f"not a chaptered transcript: no {what} line found")
    chapters, errors = _chapters(lines[chapters_idx + 1 : transcript_idx], source=source)
    if not chapters and not errors:
        errors.append(IngestError(source, lines[chapters_idx][0], "no chapter lines under 'Chapters'"))
    head = [l[3].strip() for l in lines[:chapters_idx] if l[3].strip() and l[3].strip().lower() not in NAVIGATION_LINES]
    # the title, and the day or show a line under it gives: the first lines only (a day read from each line of a
    # description 100,000 lines long took a minute at 5 MB)
    facts = header_facts(head[:_HEAD_LINES])
    content_start, content_end = trim(text, lines[transcript_idx][2] + 1, len(text))
    index = LineIndex(text)
    turns: list[ParsedTurn] = []
    pos = content_start
    change = False
    for m in TURN_MARK.finditer(text, content_start, content_end):
        a, b = trim(text, pos, m.start())
        if b > a:
            turns.append(ParsedTurn(start_char=a, end_char=b, line=index.line(a), speaker_change=change))
        pos = m.end()
        change = True
    a, b = trim(text, pos, content_end)
    if b > a:
        turns.append(ParsedTurn(start_char=a, end_char=b, line=index.line(a), speaker_change=change))
    return ParsedSource(
        format=NAME,
        metadata=replace(facts, title=facts.title or (head[0] if head else "")),
        turns=tuple(turns),
        chapters=tuple(chapters),
        content_start=content_start,
        content_end=content_end,
        errors=tuple(errors),
    )
