"""SubViewer (.sbv) caption files, as YouTube Studio downloads them.

Blocks of: "h:mm:ss.mmm,h:mm:ss.mmm" and one or more text lines; no cue numbers. Each cue becomes
one turn with its real times; a leading ">> " marks a change of voice and a leading "NAME: " in
capitals a speaker label (YouTube's own captions write ">> ALICE: ..."), "<v Name>" and
"Name: " opening two or more cues as for SRT and WebVTT.
"""
from __future__ import annotations

import re

from ..errors import IngestError
from ..records import ParsedSource, ParsedTurn
from . import _cues
from ._common import refused

NAME = "sbv"

_SBV_TIME = r"\d{1,2}:[0-5]\d:[0-5]\d\.\d{3}"
TIMING = re.compile(rf"^[ \t]*({_SBV_TIME}),({_SBV_TIME})[ \t]*$")


def looks_like(text: str) -> bool:
    head = [l for l in text.lstrip("\ufeff")[:2000].splitlines() if l.strip()][:6]
    return len(head) >= 2 and bool(TIMING.match(head[0])) and sum(bool(TIMING.match(l)) for l in head) >= 2


def parse(text: str, *, source: str) -> ParsedSource:
    """SBV text in, ParsedSource with one turn per cue (real cue times) out."""
    all_blocks = _cues.blocks(text)
    if not all_blocks or not TIMING.match(all_blocks[0].lines[0][3]):
        line = all_blocks[0].lines[0][0] if all_blocks else 1
        return refused(NAME, source, line, "not SBV: expected a 'h:mm:ss.mmm,h:mm:ss.mmm' line")
    errors: list[IngestError] = []
    turns: list[ParsedTurn] = []
    previous_start = None
    for block in all_blocks:
        number, _, _, timing = block.lines[0]
        times = _cues.checked_times(
            TIMING.match(timing), source=source, line=number, previous_start=previous_start, errors=errors,
            malformed=f"malformed cue: expected 'h:mm:ss.mmm,h:mm:ss.mmm', found {timing.strip()[:60]!r}",
        )
        if times is None:
            continue
        start, end = times
        previous_start = start
        payload = block.lines[1:]
        turn = _cues.payload_turn(text, payload, start=start, end=end)
        if turn is not None:
            turns.append(turn)
    return _cues.cue_source(NAME, _cues.named_labels(text, turns), errors)
