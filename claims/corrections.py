"""A curator's correction of who speaks a stretch of a transcript, as a plain function on turn records.

Attribution by the words (an unlabelled transcript) gets some sentences wrong; the curator selects the
stretch on the transcript page and names its speaker. The stretch becomes its own turn (or joins the
speaker's turn next to it), the turns it cut keep their parts, and the parts' start times are
interpolated within the turn they came from (marked estimated).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .ingest.formats._common import trim
from .ingest.records import Turn


class CorrectionError(ValueError):
    """A correction that cannot be made, in one line: the range and the reason."""


@dataclass(frozen=True)
class Stretch:
    """The characters [start, end) of a transcript, trimmed of spaces and widened to whole words."""

    start: int
    end: int


def word_stretch(text: str, start: int, end: int) -> Stretch:
    """A selection's offsets as the stretch a change of voice can bound: never a part of a word."""
    if not 0 <= start < end <= len(text):
        raise CorrectionError(f"The range {start}-{end} is not inside the transcript ({len(text)} characters).")
    start, end = trim(text, start, end)
    if start == end:
        raise CorrectionError("The selection holds no words, only spaces.")
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return Stretch(start, end)


def _time_at(position: int, turn: Turn, anchor: tuple[int, float] | None) -> tuple[float | None, bool]:
    """The start time of a part of `turn` beginning at `position`: its own where the part starts the
    turn, else linear in characters up to the next known time (`anchor`: offset, seconds)."""
    if position == turn.start_char or turn.start_seconds is None:
        return turn.start_seconds, turn.seconds_estimated
    if anchor is None or anchor[1] <= turn.start_seconds or anchor[0] <= turn.start_char:
        return None, False
    share = (position - turn.start_char) / (anchor[0] - turn.start_char)
    return round(turn.start_seconds + share * (anchor[1] - turn.start_seconds), 1), True


def spoken_by(
    text: str, turns: Sequence[Turn], stretch: Stretch, speaker_slug: str, *, duration: float | None = None,
) -> tuple[Turn, ...]:
    """Turns in, turns out with `stretch` spoken by `speaker_slug`.

    The stretch must lie inside the turns (not in text no turn covers: a page's chrome, a label). The turns
    it cuts keep their parts before and after it; the stretch joins a turn of the same speaker that it
    touches (only spaces between). `duration`, the recording's length, times a part of the last turn.
    """
    turns = sorted(turns, key=lambda t: t.start_char)
    inside = [t for t in turns if t.start_char < stretch.end and t.end_char > stretch.start]
    covered = sum(min(t.end_char, stretch.end) - max(t.start_char, stretch.start) for t in inside)
    uncovered = text[stretch.start : stretch.end]
    if inside:
        gaps = [text[a.end_char : b.start_char] for a, b in zip(inside, inside[1:])]
        uncovered = text[stretch.start : inside[0].start_char] + "".join(gaps) + text[inside[-1].end_char : stretch.end]
    if not inside or uncovered.strip():
        raise CorrectionError(
            f"The range {stretch.start}-{stretch.end} runs outside the transcript's turns "
            f"({covered} of its {stretch.end - stretch.start} characters are in a turn)."
        )

    timed = [(t.start_char, t.start_seconds) for t in turns if t.start_seconds is not None]
    if duration:
        timed.append((len(text), float(duration)))

    def anchor_after(turn: Turn) -> tuple[int, float] | None:
        return next(((at, s) for at, s in timed if at >= turn.end_char), None)

    parts: list[tuple[int, int, str | None, float | None, bool, bool]] = []  # start, end, slug, seconds, estimated, corrected
    for turn in turns:
        cuts = sorted({turn.start_char, turn.end_char} | {p for p in (stretch.start, stretch.end) if turn.start_char < p < turn.end_char})
        for a, b in zip(cuts, cuts[1:]):
            corrected = stretch.start <= a and b <= stretch.end
            a, b = trim(text, a, b)
            if a == b:
                continue
            seconds, estimated = _time_at(a, turn, anchor_after(turn))
            parts.append((a, b, speaker_slug if corrected else turn.speaker_slug, seconds, estimated, corrected))

    merged: list[list] = []
    for part in parts:
        last = merged[-1] if merged else None
        if (last is not None and last[2] == part[2] and (last[5] or part[5])
                and not text[last[1] : part[0]].strip()):
            last[1], last[5] = part[1], True
        else:
            merged.append(list(part))
    return tuple(Turn(i, a, b, slug, seconds, estimated) for i, (a, b, slug, seconds, estimated, _) in enumerate(merged))
