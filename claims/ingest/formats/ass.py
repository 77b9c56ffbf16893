"""SubStation Alpha captions (.ass, Advanced SubStation; .ssa, its v4 predecessor), as Aegisub,
fansubbers, Crunchyroll and some podcast captioners write them.

Sections in brackets: `[Script Info]` (`ScriptType: v4.00+`), `[V4+ Styles]`, `[Events]`, whose
`Format:` line names the fields of each event line:
    Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
    Dialogue: 0,0:00:01.50,0:00:04.00,Default,Jane,0,0,0,,So I {\\i1}did{\\i0} ask\\Nwhy.
SSA writes `Marked=0` for the layer; the text is the last field and may hold commas. Each
`Dialogue:` event becomes one turn, its text field with its real times (H:MM:SS.cc); its `Name`
(`Actor` in some writers) is the speaker label where it names someone. Like SRT's cues, the file
is stored as it is; the override blocks (`{\\pos(320,50)\\blur2}`, any `{...}`, which players do
not show), the line breaks `\\N` / `\\n`, the hard space `\\h`, the event prefixes and the other
sections are blanked for the later stages (`spoken_text`).

Not speech, so not turns: `Comment:` events, events whose style or name says sign (the
typesetter's on-screen text: `Signs`, `SIGN`), drawings (`{\\p1}m 0 0 l 100 0...`), karaoke
templater output (effect `fx`), and an event showing again the words of the one before it, by
the same name, from within that one's time: typesetting layers, and the frame-by-frame copies a
motion-tracked line is made of. A name that says lyrics, song or note (`OP LYRICS`) is no
speaker: its event is a turn without a label. Events may come in any order of time (players sort
them; editors sort by style or layer): each turn keeps its own time. An event line with too few
fields or a time that is not one is an error with its line.
"""
from __future__ import annotations

import re

from ..errors import IngestError
from ..records import ParsedSource, ParsedTurn
from . import _cues
from ._common import blank_match, format_clock, iter_lines, only_pieces, refused, trim

NAME = "ass"

_SECTION = re.compile(r"^[ \t]*\[([^\]\n]+)\][ \t]*$")
_HEAD_SECTIONS = ("script info", "v4+ styles", "v4 styles", "v4 styles+", "events")
_EVENT = re.compile(r"^[ \t]*(Dialogue|Comment|Format)[ \t]*:[ \t]?", re.I)
_TIME = re.compile(r"^[ \t]*(\d{1,2}):([0-5]\d):([0-5]\d)[.:](\d{1,3})[ \t]*$")
DEFAULT_FIELDS = ("layer", "start", "end", "style", "name", "marginl", "marginr", "marginv", "effect", "text")
_OVERRIDE = re.compile(r"\{[^{}\n]*\}")
_DRAWING = re.compile(r"\\p[1-9]")
_ESCAPES = re.compile(r"\\[Nnh]")
_SIGN = re.compile(r"(?i)(?:^|[^a-z])signs?(?:[^a-z]|$)")
# a Name field that names no one: lyrics, a song, a translator's note; or, the whole field, an
# opening or ending theme ("OP", "ED2"), a title, a caption ("Ed Sheeran" is someone)
_NO_SPEAKER = re.compile(r"(?i)(?:^|[^a-z])(?:lyrics?|songs?|karaoke|notes?|captions?)(?:[^a-z]|$)"
                         r"|^(?:op|ed|insert|title|text)[ _-]?\d*$")


def looks_like(text: str) -> bool:
    """Whether the text opens with a SubStation section (comments and blank lines aside)."""
    for _, _, _, line in iter_lines(text.lstrip("\ufeff")[:4000]):
        stripped = line.strip()
        if not stripped or stripped.startswith(";"):
            continue
        m = _SECTION.match(stripped)
        return bool(m) and m.group(1).strip().lower() in _HEAD_SECTIONS
    return False


def _seconds(value: str) -> float | None:
    m = _TIME.match(value)
    if not m:
        return None
    h, mnt, s, frac = m.groups()
    return ((int(h) * 3600 + int(mnt) * 60 + int(s)) * 1000 + int(frac.ljust(3, "0"))) / 1000


def words_of(event_text: str) -> str:
    """An event's text as shown: override blocks out, its line breaks and hard spaces spaces."""
    return " ".join(_ESCAPES.sub(" ", _OVERRIDE.sub("", event_text)).split())


class _Event:
    """One `Dialogue:` line split by its section's Format: its fields and where its text starts."""

    __slots__ = ("fields", "text_start")

    def __init__(self, fields: dict[str, str], text_start: int) -> None:
        self.fields, self.text_start = fields, text_start


def _events(text: str):
    """(line number, line start, line end, kind, event or None) of each event line in the events
    section ("dialogue", "comment"); a file without section headers is read as events."""
    fields = DEFAULT_FIELDS
    section = "events"
    for number, start, end, line in iter_lines(text):
        head = _SECTION.match(line)
        if head:
            section = head.group(1).strip().lower()
            continue
        if section != "events":
            continue
        m = _EVENT.match(line)
        if not m:
            continue
        kind = m.group(1).lower()
        body = line[m.end():]
        if kind == "format":
            named = tuple(f.strip().lower() for f in body.split(","))
            fields = tuple("name" if f == "actor" else f for f in named)
            continue
        values = body.split(",", len(fields) - 1)
        if len(values) < len(fields):
            yield number, start, end, kind, None
            continue
        text_at = start + m.end() + sum(len(v) + 1 for v in values[:-1])
        yield number, start, end, kind, _Event(dict(zip(fields, values)), text_at)


def parse(text: str, *, source: str) -> ParsedSource:
    """SubStation text in, ParsedSource with one turn per spoken Dialogue event out."""
    errors: list[IngestError] = []
    turns: list[ParsedTurn] = []
    previous = None  # (name, words, start, end) of the last Dialogue event read
    seen_events = False
    for number, _, end, kind, event in _events(text):
        seen_events = True
        if kind != "dialogue":
            continue
        if event is None:
            errors.append(IngestError(source, number, "malformed event: fewer fields than its section's Format line names"))
            continue
        fields = event.fields
        if "text" not in fields or "start" not in fields:
            errors.append(IngestError(source, number, "malformed event: its section's Format line names no Start or no Text"))
            continue
        start, stop = _seconds(fields["start"]), _seconds(fields.get("end", fields["start"]))
        if start is None or stop is None:
            bad = fields["start"] if start is None else fields.get("end", "")
            errors.append(IngestError(source, number, f"malformed time {bad.strip()[:30]!r} (expected H:MM:SS.cc)"))
            continue
        if stop < start:
            errors.append(IngestError(source, number, f"malformed event: ends at {format_clock(stop)}, before it starts at {format_clock(start)}"))
            continue
        raw = fields["text"]
        words = words_of(raw)
        name = " ".join(fields.get("name", "").split())
        shown_again = previous is not None and previous[:2] == (name, words) and previous[2] <= start <= previous[3]
        previous = (name, words, start, max(stop, previous[3]) if shown_again else stop)
        if (not words or shown_again or _DRAWING.search(raw) or fields.get("effect", "").strip().lower() == "fx"
                or _SIGN.search(fields.get("style", "")) or _SIGN.search(name)):
            continue
        a, b = _shown_span(text, event.text_start, end)
        turns.append(ParsedTurn(start_char=a, end_char=b, line=number, start_seconds=start, end_seconds=stop,
                                speaker_label=name if name and not _NO_SPEAKER.search(name) else None))
    if not seen_events:
        return refused(NAME, source, 1, "not SubStation Alpha: no [Events] section with Dialogue lines")
    return _cues.cue_source(NAME, turns, errors)


def _shown_span(text: str, a: int, b: int) -> tuple[int, int]:
    """An event's text span from its first shown character (leading override blocks left out)."""
    a, b = trim(text, a, b)
    while text.startswith("{", a):
        close = text.find("}", a, b)
        if close < 0:
            break
        a, b = trim(text, close + 1, b)
    return a, b


def spoken_text(text: str) -> str:
    """The text with everything but the Dialogue events' words blanked (same length, line breaks
    kept): sections, styles, comments, event prefixes, override blocks and `\\N` escapes."""
    return only_pieces(text, (
        (event.text_start, end, _ESCAPES.sub("  ", _OVERRIDE.sub(blank_match, text[event.text_start:end])))
        for _, _, end, kind, event in _events(text) if kind == "dialogue" and event is not None
    ))
