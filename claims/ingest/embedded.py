"""A transcript a web page holds in its scripts' JSON, not in its text.

A page built by a script (Next.js, a React app, a podcast host's player) often arrives saved as
its shell: a heading, an empty container or a "Loading transcript..." notice, and the transcript
itself only in the JSON the script renders it from: Next.js' `<script id="__NEXT_DATA__"
type="application/json">` ({"props": {"pageProps": {"episode": {"transcript": [...]}}}}), the
schema.org JSON-LD's `"transcript"` of a PodcastEpisode or VideoObject, or a `<script
type="application/json">` holding a list of segments. `embedded_transcript` finds it there:
the value of a key naming the transcript (a text, a text in HTML, or a list of segments), else
a list of segments anywhere ({"start": 12.5, "speaker": "Ana", "text": "..."}), the one with the
most words. Segments are written as the JSON transcripts' timed lines (json_transcript.py).
"""
from __future__ import annotations

import json
import re
from typing import Any, Iterator

from .formats._common import parse_clock
from .json_transcript import Rendered, Segment, speaker_label, timed_lines
from .json_transcript import _segments as recogniser_segments

_TEXT_KEYS = ("text", "content", "body", "sentence", "transcript", "caption")
_TIME_KEYS = ("start", "startTime", "start_time", "startSeconds", "begin", "offset", "time", "timestamp", "ts")
_MS_TIME_KEYS = ("startMs", "start_ms", "tStartMs", "offsetMs")
_SPEAKER_KEYS = ("speaker", "speakerName", "speaker_name", "speakerLabel")
_TRANSCRIPT_KEY = re.compile(r"transcript", re.I)
_MIN_SEGMENTS = 2  # in a list a key names the transcript; 3 in any other list
_MIN_WORDS = 12  # a text a key names the transcript ("transcriptTitle": "Episode 5 transcript" is not one)
_MAX_SECONDS = 200_000  # a comment's epoch time ("timestamp": 1700000000) is no clock in a recording
_WORD = re.compile(r"\w+")


def _seconds(item: dict) -> float | None:
    for key in _MS_TIME_KEYS:
        if isinstance(item.get(key), (int, float)) and not isinstance(item[key], bool):
            return item[key] / 1000
    for key in _TIME_KEYS:
        value = item.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        if isinstance(value, str):
            try:
                return float(value)
            except ValueError:
                clock = parse_clock(value)
                if clock is not None:
                    return clock
    return None


def _speaker(item: dict) -> str:
    for key in _SPEAKER_KEYS:
        value = item.get(key)
        if isinstance(value, dict):
            value = value.get("name") or value.get("label")
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            return speaker_label(value)
    return ""


def _segments(items: list, named: bool) -> list[Segment] | None:
    """A list of segment objects, each with its words (and a time, where any has one), as segments."""
    if len(items) < _MIN_SEGMENTS + (not named) or not all(isinstance(item, dict) for item in items):
        return None
    if all("body" in item and "startTime" in item for item in items):
        # Podcasting 2.0's segments, often a word each: joined into sentences as json_transcript reads them
        try:
            return list(recogniser_segments({"segments": items}))
        except (KeyError, TypeError, ValueError):
            return None
    segments = []
    for item in items:
        words = next((item[key] for key in _TEXT_KEYS if isinstance(item.get(key), str)), None)
        if words is None:
            return None
        segments.append((_seconds(item), _speaker(item), words))
    if all(start is None for start, _, _ in segments):
        # untimed paragraphs: no clock to write, only who says what
        if not any(speaker for _, speaker, _ in segments):
            return None
        return [(-1.0, speaker, words) for _, speaker, words in segments]
    if any(start is None or start > _MAX_SECONDS for start, _, _ in segments):
        return None
    return segments


def _rendered(segments: list[Segment], source: str) -> Rendered:
    if segments[0][0] >= 0:
        return timed_lines(segments, source=source)
    text = "".join(f"{speaker}: {' '.join(words.split())}\n" for _, speaker, words in segments if words.strip())
    return Rendered(text, "labelled")


def _candidates(node: Any, named: bool = False) -> Iterator[tuple[Any, bool]]:
    """Every value under the JSON, with whether a key naming the transcript holds it."""
    if isinstance(node, dict):
        for key, value in node.items():
            inside = named or bool(_TRANSCRIPT_KEY.search(str(key)))
            yield value, inside
            yield from _candidates(value, inside)
    elif isinstance(node, list):
        for value in node:
            if isinstance(value, (dict, list)):
                yield from _candidates(value, named)


def embedded_transcript(scripts: list[str], *, source: str, render_html) -> Rendered | None:
    """The scripts' JSON texts in, the transcript they hold as text out (None where none holds one).
    `render_html` reads a transcript the JSON gives as HTML (html.read_page's text)."""
    best: tuple[int, Rendered] | None = None
    for script in scripts:
        try:
            data = json.loads(script)
            candidates = list(_candidates(data))
        except (ValueError, RecursionError):  # broken, or nested too deeply to be a transcript's
            continue
        for value, named in candidates:
            rendered = None
            if isinstance(value, list):
                segments = _segments(value, named)
                if segments:
                    rendered = _rendered(segments, source)
            elif named and isinstance(value, str) and len(value.split()) >= _MIN_WORDS:
                text = render_html(value) if "</" in value else value.strip() + "\n"
                rendered = Rendered(text, None) if text.strip() else None
            if rendered is not None:
                words = len(_WORD.findall(rendered.text))
                if best is None or words > best[0]:
                    best = (words, rendered)
    return best[1] if best else None
