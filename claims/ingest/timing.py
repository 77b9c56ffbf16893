"""Timestamps: turns, chapters and metadata in, turns with start times out.

Real cue times (WebVTT, SRT, labelled [hh:mm:ss] marks) are kept as they are. Otherwise a
time is interpolated from the turn's character position between known anchors and marked
`seconds_estimated=True`. Anchors: the content start at 0 s (when anything else is known),
each chapter's start (its `start_char` found by matching its title near where the speaking
rate puts it; chapters known only by time over caption cues, a yt-dlp info file's, start at the
cue nearest their time: chapters_at_cues), and the video length at the content end. No anchor
beyond the start: None.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import Mapping, Sequence

from .records import Chapter, Turn

# An English speaking rate, used only to guess where a chapter begins when the video length
# is unknown (seed 002: 91,900 characters over about 97 minutes, 15.8 characters a second).
CHARS_PER_SECOND = 15.5
_WORD = re.compile(r"[a-z0-9]{3,}")
_STOP = frozenset("the and for with what how why are can does this that from into about you your its our".split())


def _title_words(title: str) -> list[str]:
    return [w for w in _WORD.findall(title.lower()) if w not in _STOP]


def locate_chapters(
    text: str, chapters: Sequence[Chapter], turns: Sequence[Turn], *, content_start: int, content_end: int,
    duration: float | None = None, host_slug: str | None = None,
) -> tuple[Chapter, ...]:
    """Chapters in, chapters with start_char set out: each snaps to a turn start near where the
    speaking rate puts it, preferring turns whose next ~1,500 characters use the title's words
    and turns the host starts (a chapter usually opens with a question). Monotonic in order."""
    if not chapters or not turns:
        return tuple(chapters)
    starts = [t.start_char for t in turns]
    if duration:
        rate = (content_end - content_start) / duration
    else:
        last = chapters[-1].start_seconds
        mean = last / max(len(chapters) - 1, 1)
        rate = (content_end - content_start) / (last + mean) if last else CHARS_PER_SECOND
    low_text = text.lower()
    out: list[Chapter] = []
    floor = content_start
    for i, ch in enumerate(chapters):
        if ch.start_char is not None and ch.start_char >= floor:  # the format knows where it starts
            out.append(ch)
            floor = ch.start_char
            continue
        if ch.start_seconds == 0 or i == 0 and ch.start_seconds < 5:
            pos = starts[bisect.bisect_left(starts, content_start)] if starts else content_start
            out.append(replace(ch, start_char=pos))
            floor = pos
            continue
        expected = content_start + ch.start_seconds * rate
        window = max(2500.0, 0.04 * (content_end - content_start))
        lo = bisect.bisect_left(starts, max(floor + 1, expected - window))
        hi = bisect.bisect_right(starts, expected + window)
        words = _title_words(ch.title)
        best, best_score = None, float("-inf")
        for k in range(lo, hi):
            t = turns[k]
            score = -abs(t.start_char - expected) / window
            if words:
                span = low_text[t.start_char : t.start_char + 600]
                score += 3.0 * sum(1 for w in words if w[:6] in span) / len(words)
            if host_slug and t.speaker_slug == host_slug:
                score += 0.5
            if score > best_score:
                best, best_score = t.start_char, score
        if best is None:  # no turn starts in the window: take the next turn start after the floor
            k = bisect.bisect_right(starts, floor)
            best = starts[k] if k < len(starts) else floor
        out.append(replace(ch, start_char=best))
        floor = best
    return tuple(out)


def estimate_times(
    turns: Sequence[Turn], *, chapters: Sequence[Chapter] = (), content_start: int = 0,
    content_end: int | None = None, duration: float | None = None, cue_starts: Mapping[int, float] | None = None,
) -> tuple[Turn, ...]:
    """Turns in, turns with start_seconds out (real times kept; others interpolated, between the
    real times, chapter starts, the cues' starts (`cue_starts`: offset -> seconds) and the end)."""
    if not turns:
        return tuple(turns)
    if content_end is None:
        content_end = turns[-1].end_char
    if all(t.start_seconds is not None for t in turns):
        return tuple(turns)
    anchors: list[tuple[int, float]] = []
    real = [(t.start_char, t.start_seconds) for t in turns if t.start_seconds is not None and not t.seconds_estimated]
    anchors.extend(real)
    anchors.extend((c.start_char, float(c.start_seconds)) for c in chapters if c.start_char is not None)
    anchors.extend((pos, float(sec)) for pos, sec in (cue_starts or {}).items() if sec is not None)
    if duration:
        anchors.append((content_end, float(duration)))
    if not anchors:
        return tuple(turns)  # nothing is known (seed 000): no times
    if not any(a[0] <= content_start for a in anchors):
        anchors.append((content_start, 0.0))
    anchors.sort()
    # keep anchors strictly increasing in both position and time
    clean: list[tuple[int, float]] = []
    for pos, sec in anchors:
        if clean and (pos <= clean[-1][0] or sec < clean[-1][1]):
            continue
        clean.append((pos, sec))
    positions = [p for p, _ in clean]
    if len(clean) >= 2:
        overall = (clean[-1][1] - clean[0][1]) / (clean[-1][0] - clean[0][0]) if clean[-1][0] > clean[0][0] else 1 / CHARS_PER_SECOND
    else:
        overall = 1 / CHARS_PER_SECOND

    def at(pos: int) -> float:
        k = bisect.bisect_right(positions, pos) - 1
        if k < 0:
            return max(0.0, clean[0][1] - (clean[0][0] - pos) * overall)
        if k + 1 < len(clean):
            (p0, s0), (p1, s1) = clean[k], clean[k + 1]
            return s0 + (s1 - s0) * (pos - p0) / (p1 - p0)
        p0, s0 = clean[k]  # past the last anchor: go on at the average rate
        return s0 + (pos - p0) * overall

    out = []
    for t in turns:
        if t.start_seconds is not None and not t.seconds_estimated:
            out.append(t)
        else:
            out.append(replace(t, start_seconds=round(at(t.start_char), 1), seconds_estimated=True))
    return tuple(out)


# how far from a chapter's time the nearest cue may start and still be where the chapter begins:
# further, the captions have a gap there (or end before it) and the chapter is left to locate_chapters
_CUE_REACH_SECONDS = 30.0


def chapters_at_cues(chapters: Sequence[Chapter], cue_starts: Mapping[int, float]) -> tuple[Chapter, ...]:
    """Chapters known only by time (a yt-dlp info file's) and a cue source's {offset: start time} in,
    each chapter with start_char at the cue starting nearest its time out (monotonic in order)."""
    timed = sorted((seconds, pos) for pos, seconds in cue_starts.items() if seconds is not None)
    times = [seconds for seconds, _ in timed]
    out: list[Chapter] = []
    floor = -1
    for ch in chapters:
        k = bisect.bisect_left(times, ch.start_seconds)
        near = [j for j in (k - 1, k) if 0 <= j < len(timed) and timed[j][1] > floor]
        best = min(near, key=lambda j: abs(times[j] - ch.start_seconds), default=None)
        if ch.start_char is not None or best is None or abs(times[best] - ch.start_seconds) > _CUE_REACH_SECONDS:
            out.append(ch)
            continue
        floor = timed[best][1]
        out.append(replace(ch, start_char=floor))
    return tuple(out)
