"""MicroDVD captions (.sub): a caption per line, timed in video frames.

    {1}{1}23.976
    {1250}{1340}{y:i}Where were you?|- At the dike.
A caption is `{start frame}{end frame}text` (the end may be empty: until the next caption), `|`
breaking its lines and `{y:i}`, `{c:$0000ff}` codes styling them. The frame rate is given, where
it is, by a first caption `{1}{1}23.976` (or `{0}{0}25`), which is no caption. Each caption becomes
a turn as an SRT cue does (a leading ">>" or "NAME: " in capitals, or "Name: " opening two or more
captions, is read as for SRT), timed at its start frame over the frame rate; without a frame rate,
frames are no times (players and converters assume 23.976 or 25, and either may be wrong), so the
turns are untimed. The file is stored as it is; the frame numbers, codes and `|` are blanked for
the later stages (`spoken_text`). A line that is not a caption, a caption ending before it starts
or starting before the one before it is an error with its line. (A `.sub` file of VobSub's is a
binary index of images, refused as binary when read.)
"""
from __future__ import annotations

import re

from ..errors import IngestError
from ..records import ParsedSource, ParsedTurn
from . import _cues
from ._common import blank_match, iter_lines, refused, trim

NAME = "microdvd"

_CAPTION = re.compile(r"^[ \t]*\{(\d+)\}\{(\d*)\}")
_CODE = re.compile(r"\{[A-Za-z]:[^{}\n]*\}")
_FPS = re.compile(r"^[ \t]*\{[01]\}\{[01]\}[ \t]*(\d{1,3}(?:[.,]\d+)?)[ \t]*$")


def looks_like(text: str) -> bool:
    head = [line for line in text.lstrip("\ufeff")[:2000].splitlines() if line.strip()][:5]
    return bool(head) and all(_CAPTION.match(line) for line in head[: max(1, len(head) - 1)])


def _frame_rate(line: str) -> float | None:
    m = _FPS.match(line)
    if not m:
        return None
    fps = float(m.group(1).replace(",", "."))
    return fps if 10 <= fps <= 120 else None


def parse(text: str, *, source: str) -> ParsedSource:
    """MicroDVD text in, ParsedSource with one turn per caption out."""
    errors: list[IngestError] = []
    turns: list[ParsedTurn] = []
    fps = None
    previous_start = None
    seen = False
    for number, start, end, line in iter_lines(text):
        if not line.strip():
            continue
        m = _CAPTION.match(line)
        if not m:
            if not seen:
                return refused(NAME, source, number, "not MicroDVD: expected '{start frame}{end frame}text' lines")
            errors.append(IngestError(source, number, f"not a MicroDVD caption ('{{start frame}}{{end frame}}text'): {line.strip()[:60]!r}"))
            continue
        if not seen and _frame_rate(line) is not None:
            seen, fps = True, _frame_rate(line)
            continue
        seen = True
        if max(len(m.group(1)), len(m.group(2) or "")) > _MAX_FRAME_DIGITS:
            errors.append(IngestError(source, number, f"malformed caption: a frame number of more than {_MAX_FRAME_DIGITS} digits"))
            continue
        first, last = int(m.group(1)), int(m.group(2)) if m.group(2) else None
        if last is not None and last < first:
            errors.append(IngestError(source, number, f"malformed caption: ends at frame {last}, before it starts at frame {first}"))
            continue
        if previous_start is not None and first < previous_start:
            errors.append(IngestError(source, number, f"caption out of order: starts at frame {first}, before the previous caption's {previous_start}"))
            continue
        previous_start = first
        a, b = trim(text, start + m.end(), end)
        while (code := _CODE.match(text, a, b)) is not None:
            a, b = trim(text, code.end(), b)
        seconds = round(first / fps, 3) if fps else None
        turn = _cues.payload_turn(text, [(number, a, b, text[a:b])], start=seconds, end=round(last / fps, 3) if fps and last else None)
        if turn is not None:
            turns.append(turn)
    if not seen:
        return refused(NAME, source, 1, "not MicroDVD: no '{start frame}{end frame}text' caption")
    return _cues.cue_source(NAME, _cues.named_labels(text, turns), errors)


# a year of frames at 120 a second has 10 digits; 400 made a time too large for a float, 5,000 more than Python reads
_MAX_FRAME_DIGITS = 12
_FPS_LINE = re.compile(r"^[ \t]*\{[01]\}\{[01]\}[ \t]*\d{1,3}(?:[.,]\d+)?[ \t]*$", re.M)
_PREFIX = re.compile(r"^[ \t]*\{\d+\}\{\d*\}", re.M)


def spoken_text(text: str) -> str:
    """The text with the frame rate line, the frame numbers, style codes and `|` line breaks
    blanked (same length)."""
    text = _FPS_LINE.sub(blank_match, text)
    text = _PREFIX.sub(blank_match, text)
    return _CODE.sub(blank_match, text).replace("|", " ")
