"""Transcripts kept as tables: CSV, TSV and JSON Lines rows as timed, labelled lines of text.

Editors and datasets export a transcript as a table, a row per utterance: Premiere's and
Descript's `"Speaker Name","Start Time","End Time","Text"` (Premiere's times `00;00;02;09` in
frames), `start,end,text,speaker` (a diariser's seconds), `text,speaker` (a debate's turns),
`timestamp,text` (YouTube's `0:06`), `Number,Time,Content` (SubRip's `00:00:05,000 --> ...` in a
column), `Timestamp,Word` (a word per row, milliseconds), council minutes' TSV with a raw and a
corrected transcription, `timestamp;speaker;text` with semicolons; and JSON Lines, an object
per line (`{"start": 1.28, "speaker": "A", "text": "..."}`, a chat's `{"role", "content"}`).

A header row naming a text column (text, transcript, utterance, content, words ...) is needed,
with a speaker or a start column (or the file named .csv, .tsv or .jsonl). Each row becomes a
line as a recogniser's JSON does (json_transcript.py): `[hh:mm:ss] Speaker: words` (one
speaker's consecutive rows one line), `[hh:mm:ss] words` without a speaker column, `Speaker:
words` a row without a start column, and, with neither, the rows as paragraphs. That text is what is
stored; the sha256 stays the raw file's. A file named .csv, .tsv or .jsonl that has no text
column is refused, naming its columns; other text is left to the other formats.
"""
from __future__ import annotations

import csv
import io
import json
import math
import re
from dataclasses import replace
from typing import Iterable

from .errors import IngestError
from .json_transcript import Rendered, _sentences, opaque_id, speaker_label, timed_lines

TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl")
_DELIMITERS = ("\t", ",", ";", "|")
# Cheap first test on a header line: a text-like column's name somewhere in it. A labelled or
# plain transcript's first line fails it or holds no delimiter (the 100 KB benchmark's path).
_TEXT_HINT = re.compile(r"(?i)text|transcri|utterance|content|caption|subtitle|word|sentence|speech|dialog|message|body")
_TEXT_NAMES = {
    "text", "transcript", "transcription", "utterance", "content", "caption", "subtitle", "words", "word",
    "sentence", "speech", "dialogue", "dialog", "message", "body", "segment text", "utterance text",
}
_SPEAKER_NAMES = {
    "speaker", "speaker name", "speaker label", "speaker id", "spk", "who", "name", "role", "participant",
    "talker", "person", "character", "author", "interlocutor", "voice",
}
_START_NAMES = {"start", "begin", "time", "timestamp", "timecode", "from", "offset", "in", "tstart", "start time", "begin time"}
_WORD_NAMES = {"word", "token"}  # a word per row: joined into sentences
_NO_SPEAKER = {"", "unknown", "unk", "none", "null", "?", "-", "n/a"}
_CLOCK = re.compile(r"(?:(\d+)[:;])?(\d+)[:;](\d+(?:[.,]\d+)?)(?:[:;](\d+))?")


def _words(name: str) -> str:
    """A column's name as lower-case words: `startTime` and `Start_Time (ms)` read `start time ms`."""
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name.strip())
    return " ".join(re.sub(r"[^0-9a-z]+", " ", spaced.lower()).split())


def _role(name: str) -> str:
    """A column's role from its name: "text", "speaker", "start", or ""."""
    words = _words(name)
    if words in _TEXT_NAMES or re.fullmatch(r"(?:raw|corrected|edited|clean|final) (?:transcription|transcript|text)", words):
        return "text"
    if words in _SPEAKER_NAMES:
        return "speaker"
    first = words.split(" ")[0] if words else ""
    if words in _START_NAMES or first in ("start", "begin", "timestamp") or words in ("start ms", "start sec", "start seconds"):
        return "start"
    return ""


class _Columns:
    """Which fields hold the words (in order of preference), the speaker and the start."""

    def __init__(self, names: list[str], delimiter: str | None = None):
        self.names = names
        self.delimiter = delimiter  # None for JSON Lines
        roles = [_role(n) for n in names]
        text = [i for i, r in enumerate(roles) if r == "text"]
        # a corrected transcription over the raw one beside it (council minutes' TSV)
        self.text = sorted(text, key=lambda i: 0 if re.search(r"(?i)correct|edit|clean|final", names[i]) else 1)
        self.speaker = next((i for i, r in enumerate(roles) if r == "speaker"), None)
        self.start = next((i for i, r in enumerate(roles) if r == "start"), None)
        self.words = bool(self.text) and _words(names[self.text[0]]) in _WORD_NAMES
        milli = self.start is not None and re.search(r"(?i)\bms\b|milli|\(ms", names[self.start])
        self.milliseconds = bool(milli)

    def transcript(self, named_table: bool) -> bool:
        return bool(self.text) and (named_table or self.speaker is not None or self.start is not None)


def _seconds(value: str) -> float | None:
    """A start as seconds: `12.5`, `0:06`, `00:00:05,000` (also the start of `... --> ...`),
    Premiere's `00;00;02;09` (hours, minutes, seconds, frames at 30 a second); None if not a time."""
    value = value.split("-->")[0].strip()
    try:
        return float(value)
    except ValueError:
        pass
    m = _CLOCK.fullmatch(value)
    if not m:
        return None
    hours, minutes, seconds, frames = m.groups()
    try:
        total = int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds.replace(",", "."))
        total += int(frames) / 30 if frames else 0.0
    except (ValueError, OverflowError):  # more digits than a float holds (400) or Python reads as an int (5,000)
        return None
    return total if math.isfinite(total) else None


def _header_line(text: str) -> str:
    """The first line, up to any line break ("\r" alone too: old Mac files)."""
    return _LINE_BREAK.split(text.lstrip("\ufeff")[:4000], 1)[0]


_LINE_BREAK = re.compile(r"\r\n?|\n")


def _dialect(header: str) -> tuple[str, list[str]] | None:
    """The delimiter whose split of the header names a text column, with the names."""
    for delimiter in _DELIMITERS:
        if delimiter not in header:
            continue
        names = next(csv.reader([header], delimiter=delimiter))
        if any(_role(n) == "text" for n in names):
            return delimiter, names
    return None


def _rows_jsonl(text: str, *, source: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """JSON Lines in, (the objects' keys in order of first use, (line, values) per object) out."""
    rows, keys = [], []
    for number, line in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise IngestError(source, number, f"JSON Lines row is not JSON: {exc.msg} (column {exc.colno})") from None
        except RecursionError:
            raise IngestError(source, number, "JSON Lines row nested too deeply to read") from None
        except ValueError:  # a number of more than 4300 digits, which Python refuses to read as an int
            raise IngestError(source, number, "JSON Lines row with a number too long to read") from None
        if not isinstance(record, dict):
            raise IngestError(source, number, "JSON Lines row is not an object")
        for key in record:
            if key not in keys:
                keys.append(key)
        rows.append((number, record))
    return keys, [(n, ["" if r.get(k) is None else str(r.get(k)) for k in keys]) for n, r in rows]


def _numbered_ids(parsed: list[tuple]) -> list[tuple]:
    """(line, start, speaker, words) rows in, the same with each speaker given as an opaque id
    named Speaker 1, Speaker 2 ... in the order each first speaks."""
    numbers: dict[str, str] = {}
    for _, _, who, _ in parsed:
        if who and who not in numbers and opaque_id(who):
            numbers[who] = f"Speaker {len(numbers) + 1}"
    return [(line, start, numbers.get(who, who), words) for line, start, who, words in parsed] if numbers else parsed


def _render(columns: _Columns, rows: Iterable[tuple[int, list[str]]], *, source: str) -> Rendered:
    """(line, fields) per row in, the rows as lines out (see the module docstring)."""
    def field(fields: list[str], index: int | None) -> str:
        return fields[index].strip() if index is not None and index < len(fields) else ""

    # A row with more fields than the header, its words written unquoted with the delimiter in
    # them (meeting minutes' `Text,` then `Okay, cool. He did.,`): where the words are the last
    # named column, the extra fields are theirs.
    last = max((i for i, n in enumerate(columns.names) if n.strip()), default=-1)
    spill = columns.text[:1] == [last] and columns.delimiter is not None

    parsed = []  # (line, start or None, speaker, words)
    for line, fields in rows:
        extra = len(fields) - len(columns.names)
        if spill and extra > 0:
            fields = fields[:last] + [columns.delimiter.join(fields[last:last + extra + 1])] + fields[last + extra + 1:]
        words = next((w for w in (field(fields, i) for i in columns.text) if w), "")
        if not words:
            continue
        who = field(fields, columns.speaker)
        who = "" if who.lower() in _NO_SPEAKER else speaker_label(who)
        if who.islower():  # a chat's "user", "assistant": a label as the labelled format reads one
            who = who[:1].upper() + who[1:]
        start = None
        if columns.start is not None:
            raw = field(fields, columns.start)
            start = _seconds(raw)
            if start is None:
                raise IngestError(source, line, f"table row whose {columns.names[columns.start]!r} is not a time: {raw[:40]!r}")
        parsed.append((line, start, who, words))
    if not parsed:
        raise IngestError(source, None, "table has no text in its rows")
    parsed = _numbered_ids(parsed)
    if columns.start is not None:
        starts = [s for _, s, _, _ in parsed]
        whole = all(float(s).is_integer() for s in starts)
        gaps = sorted(b - a for a, b in zip(starts, starts[1:]) if b > a)
        # whole numbers hundreds apart are milliseconds (a word a row: `30`, `60`, `630`)
        scale = 1000 if columns.milliseconds or (whole and gaps and gaps[len(gaps) // 2] >= 100) else 1
        segments = [(s / scale, who, words) for _, s, who, words in parsed]
        if columns.words:
            segments = list(_sentences((s, who, w, False) for s, who, w in segments))
        return timed_lines(segments, source=source)
    if any(who for _, _, who, _ in parsed):
        # a line per row, not per turn: an untimed label counts as a speaker's where it labels two
        # or more lines (labelled.py), and a debate's moderator opens with two rows (gop_debate.csv)
        return Rendered("".join((f"{who}: " if who else "") + words + "\n" for _, _, who, words in parsed), "labelled")
    return Rendered("\n\n".join(words for _, _, _, words in parsed) + "\n", "plain")


def is_table_transcript(head: str) -> bool:
    """The start of a file in, whether its header row (a CSV's, a TSV's, or a JSON Lines
    object's keys) names a text column and a speaker or start column: a folder's tables are
    read only so (read.py), its other tables (a list of episodes, scores) left alone."""
    header = _header_line(head)
    if header.lstrip().startswith("{"):
        try:
            first = json.loads(header)
        except (json.JSONDecodeError, RecursionError):
            return False
        return isinstance(first, dict) and _Columns(list(first)).transcript(False)
    found = _dialect(header) if _TEXT_HINT.search(header) else None
    return found is not None and _Columns(found[1], found[0]).transcript(False)


def table_document(text: str, *, source: str) -> Rendered | None:
    """A table's rows in, `[hh:mm:ss] Speaker: words` lines out; None for a text that is no
    table with a text column (or, named .csv/.tsv/.jsonl, IngestError naming its columns)."""
    suffix = source.lower().rpartition(".")[2]
    header = _header_line(text)
    # JSON Lines in a file named .json reach here only so (json_document passes them on)
    named = "." + suffix in TABLE_SUFFIXES or (suffix == "json" and header.lstrip().startswith("{"))
    if header.lstrip().startswith("{"):
        if not (named or header.rstrip().endswith("}")):
            return None
        try:
            first = json.loads(header)
        except (json.JSONDecodeError, RecursionError):
            return None
        if not isinstance(first, dict):
            return None
        keys, rows = _rows_jsonl(text, source=source)
        columns = _Columns(keys)
        if not columns.transcript(named):
            if named:
                raise IngestError(source, 1, f"JSON Lines without a text field (its fields: {', '.join(keys)})")
            return None
        return replace(_render(columns, rows, source=source), container="jsonl")
    if not named and not _TEXT_HINT.search(header):
        return None
    found = _dialect(header)
    if found is None:
        if named:
            delimiter = "\t" if suffix == "tsv" else ","
            names = next(csv.reader([header], delimiter=delimiter), [])
            raise IngestError(source, 1, f"table without a text column (its columns: {', '.join(n.strip() for n in names) or 'none'})")
        return None
    delimiter, names = found
    columns = _Columns(names, delimiter)
    if not columns.transcript(named):
        return None
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter)
    next(reader)

    def rows():
        for fields in reader:
            yield reader.line_num, fields

    try:
        return replace(_render(columns, rows(), source=source), container="tsv" if delimiter == "\t" else "csv")
    except csv.Error as exc:
        raise IngestError(source, reader.line_num, f"malformed table row: {exc}") from None
