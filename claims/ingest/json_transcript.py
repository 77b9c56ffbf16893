"""Speech-recognition results saved as JSON: their segments as timed, labelled lines of text.

Recognisers write JSON as often as captions, and the diarising ones put who speaks in it:

- Whisper (`--output_format json`) and WhisperX: `{"segments": [{"start": 0.0, "end": 4.2,
  "text": " ...", "speaker": "SPEAKER_00"}]}` (seconds; `speaker` from WhisperX's diarisation);
- AssemblyAI: `{"utterances": [{"speaker": "A", "start": 250, "end": 4100, "text": "..."}]}` (ms);
- Deepgram: `{"results": {"utterances": [{"start": 0.08, "transcript": "...", "speaker": 0}]}}`,
  or without utterances, the paragraphs of `results.channels[0].alternatives[0]`;
- YouTube's timed text (`json3`): `{"events": [{"tStartMs": 1200, "segs": [{"utf8": "..."}]}]}`;
- youtube-transcript-api (the Python scraper): `[{"text": "...", "start": 1.2, "duration": 3.1}]`.

Each segment becomes one line, `[hh:mm:ss] text`, read by the timed-lines format with the
recogniser's own times (segments cut mid-sentence, as Whisper's are, run on into each other as
caption cues do); where the recogniser names speakers, one speaker's consecutive segments are
one line, `[hh:mm:ss] Speaker A: text`, read by the labelled format (its time the first
segment's, to the second). That text is what is stored and
quoted; the sha256 stays the raw file's. JSON of another shape is refused with the shapes read.
"""
from __future__ import annotations

import json
import re
from typing import Any, Iterable

from .errors import IngestError

SHAPES = (
    "Whisper or WhisperX segments, AssemblyAI or Deepgram utterances, YouTube json3 events, "
    "youtube-transcript-api's list of snippets"
)
_SPACE = re.compile(r"\s+")


def _clock(seconds: float) -> str:
    whole = int(round(seconds))
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def _speaker(value: Any) -> str:
    if value is None or value == "":
        return ""
    raw = str(value).strip()
    m = re.fullmatch(r"(?i)(?:speaker|spk)[_ \-]*(\w+)", raw)
    return f"Speaker {m.group(1) if m else raw}"


def _segments(data: Any) -> Iterable[tuple[float, str, str]] | None:
    """(start seconds, speaker label or "", text) per segment, or None for an unknown shape."""
    if isinstance(data, dict) and isinstance(data.get("segments"), list):  # Whisper, WhisperX
        return ((float(s["start"]), _speaker(s.get("speaker")), s.get("text", "")) for s in data["segments"])
    if isinstance(data, dict) and isinstance(data.get("utterances"), list):  # AssemblyAI (ms)
        return ((s["start"] / 1000, _speaker(s.get("speaker")), s.get("text", "")) for s in data["utterances"])
    results = data.get("results") if isinstance(data, dict) else None
    if isinstance(results, dict) and isinstance(results.get("utterances"), list):  # Deepgram
        return ((float(s["start"]), _speaker(s.get("speaker")), s.get("transcript", "")) for s in results["utterances"])
    if isinstance(results, dict) and isinstance(results.get("channels"), list):  # Deepgram, paragraphs
        alternative = results["channels"][0]["alternatives"][0]
        paragraphs = (alternative.get("paragraphs") or {}).get("paragraphs")
        if paragraphs is None:
            return ((0.0, "", alternative.get("transcript", "")),)
        return (
            (float(p["start"]), _speaker(p.get("speaker")), " ".join(s.get("text", "") for s in p.get("sentences", [])))
            for p in paragraphs
        )
    if isinstance(data, list) and data and all(isinstance(s, dict) and "start" in s and "text" in s for s in data):
        # youtube-transcript-api's list of {"text", "start", "duration"} (seconds)
        return ((float(s["start"]), "", s["text"]) for s in data)
    if isinstance(data, dict) and isinstance(data.get("events"), list):  # YouTube json3
        return (
            (e["tStartMs"] / 1000, "", "".join(seg.get("utf8", "") for seg in e["segs"]))
            for e in data["events"] if e.get("segs")
        )
    return None


def json_document(text: str, *, source: str) -> str | None:
    """A recogniser's JSON in, its segments as `[hh:mm:ss] (Speaker X: )text` lines out; None
    for a source that is not JSON (a transcript opening with "[Music]" is text). Raises
    IngestError for JSON of another shape, and for invalid JSON in a file named .json."""
    body = text.lstrip("\ufeff \t\r\n")
    if not body.startswith(("{", "[")):
        return None
    try:
        data = json.loads(body)
    except json.JSONDecodeError as exc:
        if source.lower().endswith(".json"):
            raise IngestError(source, exc.lineno, f"invalid JSON: {exc.msg} (column {exc.colno})") from None
        return None
    try:
        segments = _segments(data)
    except (KeyError, IndexError, TypeError, AttributeError) as exc:
        raise IngestError(source, None, f"JSON without the parts its shape needs ({type(exc).__name__}: {exc})") from None
    if segments is None:
        raise IngestError(source, None, f"JSON of a shape this does not read (it reads {SHAPES})")
    return timed_lines(segments, source=source)


def timed_lines(segments: Iterable[tuple[float, str, str]], *, source: str) -> str:
    """(start seconds, speaker label or "", words) per segment in, `[hh:mm:ss] (Speaker: )words`
    lines out, one speaker's consecutive segments one line. IngestError when a segment has no
    usable start or no segment has words."""
    turns: list[list] = []  # [start, speaker, words]
    try:
        for start, speaker, words in segments:
            words = _SPACE.sub(" ", str(words)).strip()
            if not words:
                continue
            if turns and speaker and turns[-1][1] == speaker:
                turns[-1][2] += " " + words
            else:
                turns.append([max(0.0, float(start)), speaker, words])
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as exc:
        raise IngestError(source, None, f"segment without a usable start time or text ({type(exc).__name__}: {exc})") from None
    if not turns:
        raise IngestError(source, None, "transcript has no text in its segments")
    return "".join(f"[{_clock(start)}] " + (f"{speaker}: " if speaker else "") + words + "\n" for start, speaker, words in turns)
