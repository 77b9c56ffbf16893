"""The transcript page's layout: the source text cut into spans that carry their own offsets.

A span never crosses a turn, chapter or claim boundary, so every highlight is a set of whole
spans, and the browser maps a selection back to source offsets from the span it falls in
(`data-start` is a Python str index: code points, not UTF-16 units).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


@dataclass
class Segment:
    """A piece of the source text [start, end) and the claims that cover all of it."""

    start: int
    end: int
    text: str
    claims: list = field(default_factory=list)

    @property
    def html(self) -> SafeString:
        # A raw CR would become LF when the browser parses the page; as a character reference it
        # stays CR, so the span's DOM text is exactly the source text.
        return mark_safe(escape(self.text).replace("\r", "&#13;"))

    @property
    def main_claim(self):
        """The innermost claim here (the shortest span), whose status colours the highlight."""
        return min(self.claims, key=lambda claim: (claim.end_char - claim.start_char, claim.pk)) if self.claims else None

    @property
    def claim_ids(self) -> str:
        return " ".join(str(claim.pk) for claim in self.claims)

    @property
    def starts(self) -> list:
        """Claims that begin in this segment (they get an anchor here)."""
        return [claim for claim in self.claims if claim.start_char == self.start]


@dataclass
class Block:
    """One turn of the transcript (or text outside any turn), with the chapter headings that begin in it."""

    start: int
    end: int
    turn: object | None = None
    chapters: list = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)


def transcript_blocks(text: str, turns, claims, chapters=()) -> list[Block]:
    """Source text, turns, claims and chapters in; the blocks and spans the transcript page renders out."""
    blocks: list[Block] = []
    position = 0
    for turn in sorted(turns, key=lambda t: t.start_char):
        start, end = max(turn.start_char, position), min(turn.end_char, len(text))
        if start >= end:
            continue
        if position < start:
            blocks.append(Block(position, start))
        blocks.append(Block(start, end, turn=turn))
        position = end
    if position < len(text):
        blocks.append(Block(position, len(text)))

    claims = [claim for claim in claims if 0 <= claim.start_char < claim.end_char <= len(text)]
    starting: dict[int, list] = {}
    for claim in claims:
        starting.setdefault(claim.start_char, []).append(claim)
    chapters_at: dict[int, list] = {}
    for chapter in chapters:
        if chapter.start_char is not None and 0 <= chapter.start_char < len(text):
            chapters_at.setdefault(chapter.start_char, []).append(chapter)

    # One sweep over every boundary: the claims covering a segment are those begun and not yet ended.
    points = sorted({0, len(text)} | set(starting) | {claim.end_char for claim in claims}
                    | {block.start for block in blocks})
    active: list = []
    block_iter = iter(blocks)
    block = next(block_iter, None)
    for start, end in zip(points, points[1:]):
        active = [claim for claim in active if claim.end_char > start] + starting.get(start, [])
        while block is not None and start >= block.end:
            block = next(block_iter, None)
        if block is None:
            break
        block.segments.append(Segment(start, end, text[start:end], list(active)))
    for block in blocks:
        block.chapters = [c for at, found in sorted(chapters_at.items()) if block.start <= at < block.end for c in found]
    return blocks


def seconds_display(seconds: float | None, estimated: bool = False) -> str:
    if seconds is None:
        return ""
    whole = int(seconds)
    shown = f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}" if whole >= 3600 else f"{whole // 60}:{whole % 60:02d}"
    return ("~" if estimated else "") + shown
