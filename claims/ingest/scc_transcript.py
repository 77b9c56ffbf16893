"""Scenarist closed captions (.scc: broadcast CEA-608 captions, as Premiere, Avid and broadcasters
export them) as timed lines of text.

A `Scenarist_SCC V1.0` header, then lines of a timecode (`00:00:09:05`, frames at 29.97 per
second; `00:00:00;20` drop-frame) and the byte pairs sent from then on, in hex with odd parity
(`94ae 9420 9470 a820 e3ec ...`). A pair opening with 0x10-0x1F is a control code (sent twice:
the repeat is skipped): where it starts a row (a preamble address code, a carriage return, a
caption loading command) the words go on in a new line of text, a backspace takes back a
character, and 0x11/0x19 0x30-0x3F are special characters (♪, ½, è...). Any other pair is two
characters of (nearly) ASCII. Each timecode's words become one `[hh:mm:ss.fff] words` line, read
by the timed-lines format as a recogniser's JSON is (json_transcript.py); words sent on with no new
row (roll-up captions sent a few letters at a time) join the line before. That text is what is
stored. Extended characters (0x12/0x13) are left out: the standard character sent before each
stands for it.
"""
from __future__ import annotations

import re

from .errors import IngestError
from .json_transcript import Rendered, timed_lines

_HEADER = re.compile(r"\A\ufeff?Scenarist_SCC V1\.0[ \t]*\r?\n")
_LINE = re.compile(r"^(\d{2}):(\d{2}):(\d{2})([:;.,])(\d{2})[ \t]+((?:[0-9a-fA-F]{4}[ \t]*)+)$")
_SPECIAL = "®°½¿™¢£♪à èâêîôû"  # 0x11 (or 0x19) 0x30-0x3F; 0x39 is a transparent space
# the 608 character set where it differs from ASCII
_CHARS = {0x2A: "á", 0x5C: "é", 0x5E: "í", 0x5F: "ó", 0x60: "ú", 0x7B: "ç", 0x7C: "÷", 0x7D: "Ñ", 0x7E: "ñ", 0x7F: "█"}
_NEW_ROW = {0x20, 0x25, 0x26, 0x27, 0x29, 0x2D}  # resume caption loading, roll-up 2-4, resume direct captioning, carriage return


def _seconds(h: str, m: str, s: str, separator: str, frames: str) -> float:
    if separator in ";,":  # drop-frame timecode: the clock as written
        return int(h) * 3600 + int(m) * 60 + int(s) + int(frames) / 30
    return ((int(h) * 3600 + int(m) * 60 + int(s)) * 30 + int(frames)) / 29.97


def _decode(pairs: list[str]) -> tuple[str, bool]:
    """A timecode's byte pairs in, (their words, whether they start on a new row) out."""
    out: list[str] = []
    new_row = False
    previous_control = None
    for pair in pairs:
        b1, b2 = int(pair[:2], 16) & 0x7F, int(pair[2:], 16) & 0x7F
        if 0x10 <= b1 <= 0x1F:
            if (b1, b2) == previous_control:  # control codes are sent twice
                previous_control = None
                continue
            previous_control = (b1, b2)
            if b1 in (0x11, 0x19) and 0x30 <= b2 <= 0x3F:
                out.append(_SPECIAL[b2 - 0x30])
            elif b1 in (0x14, 0x1C) and b2 == 0x21:  # backspace
                if out:
                    out.pop()
            elif (b1 in (0x14, 0x1C) and b2 in _NEW_ROW) or b2 >= 0x40:  # a command, or a row's address
                if not out:
                    new_row = True
                out.append("\n")
            continue
        previous_control = None
        for byte in (b1, b2):
            if byte >= 0x20:
                out.append(_CHARS.get(byte, chr(byte)))
    return "".join(out), new_row


def scc_document(text: str, *, source: str) -> Rendered | None:
    """An SCC file in, `[hh:mm:ss.fff] words` lines out; None for a text without its header."""
    header = _HEADER.match(text)
    if not header:
        return None
    segments: list[list] = []  # [start, "", the pieces of its words]
    for number, line in enumerate(text[header.end():].splitlines(), start=2):
        line = line.strip()
        if not line:
            continue
        m = _LINE.match(line)
        if not m:
            raise IngestError(source, number, f"SCC line that is not a timecode and hex byte pairs: {line[:60]!r}")
        words, new_row = _decode(m.group(6).split())
        if not words.strip():
            continue
        if segments and not new_row and not words[0].isspace():
            segments[-1][2].append(words)  # roll-up captions sent on a few letters at a time
        else:
            segments.append([_seconds(*m.group(1, 2, 3, 4, 5)), "", [words]])
    return timed_lines(((start, speaker, "".join(pieces)) for start, speaker, pieces in segments), source=source)
