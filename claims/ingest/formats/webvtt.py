"""WebVTT caption files: YouTube auto-captions, Whisper output, <v Name> voice-tagged files.

Each cue becomes one turn with its real start and end time. Turn spans cover the cue's
payload lines as written (inline tags included: the text is never rewritten), except:
- a leading "<v Name>" voice tag (and a trailing "</v>") are left out of the span and Name
  becomes the turn's speaker label;
- YouTube's rolling auto-captions repeat the previous cue's last line at the top of the
  next cue (and add 10 ms cues holding only the repeat); the repeat is left out of the span
  and cues with nothing new give no turn, so no word is counted twice (known by their word
  timings, or, where a tool stripped them, by the repeats themselves);
- a leading ">> " (a speaker change in broadcast captions; "&gt;&gt; " as YouTube escapes it) sets
  speaker_change, and a "NAME: " in capitals after it is the speaker label.
Microsoft Stream's and Azure Video Indexer's `NOTE duration:"00:04:11.4770000"` gives the recording's length.
A diariser's "[Speaker 0]" after a cue's times, where cue settings go ("00:00:00.640 --> 00:00:03.920 [Speaker 0]",
as ElevenLabs-style exports write it and SRT reads it), is the cue's speaker where its words name none.
"""
from __future__ import annotations

import re

from ..errors import IngestError
from ..records import ParsedSource, ParsedTurn
from . import _cues
from ._common import refused, trim

NAME = "webvtt"

_HEADER = re.compile(r"^WEBVTT(?:[ \t].*)?$")
# words after "WEBVTT" on its line, after a dash or not: the episode's title ("WEBVTT - 'Mountainhead' Mines AI
# Anxieties...", Omny Studio's caption files); never an old writer's "WEBVTT FILE" or a field
_HEADER_TITLE = re.compile(r"WEBVTT[ \t]+(?:[-–—][ \t]*)?(?P<title>[^\s\-–—][^\r\n]{0,299}?)[ \t]*\r?$")
_VOICE_CLOSE = re.compile(r"</v>\s*$")
_INLINE_TIME = re.compile(r"<\d{2}:\d{2}:\d{2}\.\d{3}>")
_HEADER_FIELD = re.compile(r"^(Kind|Language|Title)\s*:\s*(.*)$", re.I)
# Microsoft Stream's and Azure Video Indexer's first NOTE: the recording's length (stream_notes.vtt)
_DURATION_NOTE = re.compile(r'^NOTE duration:\s*"?(\d+):([0-5]\d):([0-5]\d(?:\.\d+)?)"?\s*$')


def looks_like(text: str) -> bool:
    head = text.lstrip("\ufeff")[:1000].splitlines()
    return bool(head) and bool(_HEADER.match(head[0]) or _opens_with_cue([l for l in head if l.strip()][:2]))


def _opens_with_cue(lines: list[str]) -> bool:
    """Whether these first lines are a WebVTT timing line, or a cue identifier and one: a file
    whose header was left out (youtube_auto_la_council_headerless_charlevel.vtt)."""
    return any(_cues.VTT_TIMING.match(line.strip()) for line in lines[:2])


def parse(text: str, *, source: str) -> ParsedSource:
    """WebVTT text in, ParsedSource with one turn per cue (real cue times) out."""
    all_blocks = _cues.blocks(text)
    first_lines = [line for _, _, _, line in all_blocks[0].lines[:2]] if all_blocks else []
    if all_blocks and _HEADER.match(first_lines[0]):
        header, *cue_blocks = all_blocks
    elif all_blocks and _opens_with_cue(first_lines):
        header, cue_blocks = None, all_blocks
    else:
        line = all_blocks[0].lines[0][0] if all_blocks else 1
        return refused(NAME, source, line, "not WebVTT: the file does not start with a 'WEBVTT' line or a cue timing line")
    title = ""
    for _, _, _, line in header.lines[1:] if header else ():
        m = _HEADER_FIELD.match(line)
        if m and m.group(1).lower() == "title":
            title = m.group(2).strip()
    named = _HEADER_TITLE.match(first_lines[0]) if header and not title else None
    if named and named.group("title").upper() != "FILE" and not _HEADER_FIELD.match(named.group("title")):
        title = named.group("title")
    payloads = [_cues.payload_lines(b) for b in cue_blocks]
    shown = _cues.ShownAgain(rolling=bool(_INLINE_TIME.search(text, 0, 200_000)) or _cues.is_rolling(payloads),
                             highlighting=_cues.is_highlighting(payloads))
    errors: list[IngestError] = []
    turns: list[ParsedTurn] = []
    first_lines: list = []  # each turn's cue's first line, where the cue has more (a name above the words)
    previous_start = previous_end = None
    teams = _cues.written_by_teams(text)
    duration = None
    for block in cue_blocks:
        first = block.lines[0][3]
        keyword = first.split(maxsplit=1)[0] if first.strip() else ""
        if keyword in ("NOTE", "STYLE", "REGION") and "-->" not in first:
            length = _DURATION_NOTE.match(first.strip())
            if length and duration is None:
                hours, minutes, seconds = length.groups()
                total = int(hours) * 3600 + int(minutes) * 60 + float(seconds)
                duration = max(1, round(total)) if total > 0 else None
            continue
        lines = block.lines
        if "-->" not in lines[0][3]:
            if len(lines) > 1 and "-->" in lines[1][3]:
                lines = lines[1:]  # the first line is the cue identifier
            else:
                errors.append(IngestError(source, lines[0][0], f"malformed cue: no timing line ('-->') in {first.strip()[:60]!r}"))
                continue
        number, _, _, timing = lines[0]
        times = _cues.checked_times(
            _cues.VTT_TIMING.match(timing.strip()), source=source, line=number, previous_start=previous_start, errors=errors,
            malformed=f"malformed cue timing {timing.strip()[:60]!r} (expected 'hh:mm:ss.ttt --> hh:mm:ss.ttt')",
            teams=teams, previous_end=previous_end,
        )
        if times is None:
            continue
        start, end = times
        previous_start, previous_end = start, end
        payload = shown.new_lines([l for l in lines[1:] if l[3].strip()], start=start, end=end)
        if not payload:
            continue
        a, b = payload[0][1], payload[-1][2]
        label = None
        change = False
        voice = _cues.VOICE_OPEN.match(text, a, b)
        if voice:
            label = _cues.voice_name(voice.group(1))
            a = voice.end()
        close = _VOICE_CLOSE.search(text, a, b)
        if close:
            b = close.start()
        a, b = trim(text, a, b)
        after = _cues.after_change_mark(text, a)
        if after is not None:
            change = True
            a, b = trim(text, after, b)
            caps = None if label else _cues.change_label(text, a, b)  # ">> SPEAKER 1: text", ">> Miya: text"
            if caps:
                label = " ".join(caps.group(1).split())
                a, b = trim(text, caps.end(), b)
        if b <= a or not _cues.plain_line(text[a:b]):
            continue
        if label is None:
            label = _cues.timing_line_speaker(timing)  # a diariser's "[Speaker 0]" after the times, where settings go
        turns.append(
            ParsedTurn(
                start_char=a, end_char=b, line=payload[0][0], speaker_label=label,
                start_seconds=start, end_seconds=end, speaker_change=change,
            )
        )
        first_lines.append((payload[0][3], payload[1][1], payload[1][0]) if len(payload) > 1 and not label else None)
    return _cues.cue_source(NAME, _cues.cue_speakers(text, turns, first_lines), errors, title=title, duration_seconds=duration)
