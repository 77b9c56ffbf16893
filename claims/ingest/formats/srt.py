"""SubRip (.srt) caption files, as Whisper, YouTube downloads and subtitle editors write them.

Blocks of: a cue number, "hh:mm:ss,mmm --> hh:mm:ss,mmm", one or more text lines. Each cue
becomes one turn with its real times; a leading "<v Name>" or ">> " is read as for WebVTT,
and a leading "NAME: " in capitals (broadcast style) as a speaker label. YouTube's rolling
auto-captions converted to SRT (yt-dlp --convert-subs srt) repeat each cue's last line at the
top of the next and add 10 ms cues holding only the repeat: the repeats are left out, as for
WebVTT, so no word is counted twice. Paragraphs after a blank line inside a cue's words (no cue
number, no timing line) are that cue's. A name alone above a cue's words, as WebVTT reads it
(_cues.named_first_lines), and Google Meet's "(Name)" there (_cues.bracketed_names) are the speaker.
Bilingual captions (a translating tool's output, subtitle groups' Chinese above English) hold each line and
its translation in another script below it: a cue's turn is its top line, so that no words are read twice
and no sentence runs from one language into the other (the translation stays in the text, in no turn).
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..errors import IngestError
from ..records import ParsedSource, ParsedTurn
from . import _cues
from ._common import refused, trim

NAME = "srt"

_INDEX = re.compile(r"^\s*\d+\s*$")


def looks_like(text: str) -> bool:
    head = [l.strip() for l in text.lstrip("\ufeff")[:1000].splitlines()[:4] if l.strip()]
    if head and _cues.SRT_TIMING.match(head[0]):  # the cue numbers left out
        return True
    return len(head) >= 2 and bool(_INDEX.match(head[0])) and bool(_cues.SRT_TIMING.match(head[1]))


def parse(text: str, *, source: str) -> ParsedSource:
    """SRT text in, ParsedSource with one turn per cue (real cue times) out."""
    all_blocks = _cues.blocks(text)
    if not all_blocks:
        return refused(NAME, source, 1, "not SRT: no cues")
    first = all_blocks[0].lines
    if not (_INDEX.match(first[0][3]) and len(first) > 1 and "-->" in first[1][3]) and "-->" not in first[0][3]:
        return refused(NAME, source, first[0][0], "not SRT: expected a cue number followed by a 'hh:mm:ss,mmm --> hh:mm:ss,mmm' line")
    errors: list[IngestError] = []
    turns: list[ParsedTurn] = []
    previous_start = None
    payloads = [_cues.payload_lines(block) for block in all_blocks]
    shown = _cues.ShownAgain(rolling=_cues.is_rolling(payloads), highlighting=_cues.is_highlighting(payloads))
    bilingual = _cues.bilingual_pair(payloads)
    first_lines: list = []  # each turn's cue's first line, where the cue has more (a name above the words)
    after_a_cue = False  # whether the block before was a cue's (or went on with its words)
    for block in all_blocks:
        lines = block.lines
        if after_a_cue and _paragraph(block):
            # a blank line inside a cue's words (a tool writing a long answer in paragraphs,
            # cue_with_paragraphs.srt): the paragraph is the cue's, not a cue without a timing line
            turns[-1] = replace(turns[-1], end_char=trim(text, turns[-1].end_char, lines[-1][2])[1])
            continue
        after_a_cue = False
        if _INDEX.match(lines[0][3]):
            lines = lines[1:]
            if not lines:
                errors.append(IngestError(source, block.lines[0][0], "malformed cue: a cue number with no timing line"))
                continue
        number, _, _, timing = lines[0]
        found = timing.strip()[:60]
        times = _cues.checked_times(
            _cues.SRT_TIMING.match(timing.strip()), source=source, line=number, previous_start=previous_start, errors=errors,
            malformed=f"malformed timing {found!r}" if "-->" in timing
            else f"malformed cue (expected a cue number, then 'hh:mm:ss,mmm --> hh:mm:ss,mmm'): {found!r}",
        )
        if times is None:
            continue
        start, end = times
        previous_start = start
        payload = shown.new_lines([l for l in lines[1:] if l[3].strip()], start=start, end=end)
        if bilingual and _cues.script_pair([l[3] for l in payload]) == bilingual:
            payload = payload[:1]  # the words said; their translation below them is no one's turn
        turn = _cues.payload_turn(text, payload, start=start, end=end)
        if turn is not None and turn.speaker_label is None and (tag := _cues.timing_line_speaker(timing)):
            turn = replace(turn, speaker_label=tag)
        if turn is not None:
            turns.append(turn)
            first_lines.append((payload[0][3], payload[1][1], payload[1][0]) if len(payload) > 1 and not turn.speaker_label else None)
            after_a_cue = True
    return _cues.cue_source(NAME, _cues.cue_speakers(text, turns, first_lines), errors)


_TIME_LIKE = re.compile(r"\s*\d{1,3}:\d")


def _paragraph(block: _cues.Block) -> bool:
    """Whether a block is words alone: no cue number, no timing line, nothing like one."""
    first = block.lines[0][3]
    return not _INDEX.match(first) and not _TIME_LIKE.match(first) and not any("-->" in line for *_, line in block.lines)
