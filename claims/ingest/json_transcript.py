"""Speech-recognition results saved as JSON: their segments as timed, labelled lines of text.

Recognisers write JSON as often as captions, and the diarising ones put who speaks in it:

- Whisper (`--output_format json`) and WhisperX: `{"segments": [{"start": 0.0, "end": 4.2,
  "text": " ...", "speaker": "SPEAKER_00"}]}` (seconds; `speaker` from WhisperX's diarisation;
  where every segment has its `words` with times, read as words, so each sentence has its time);
- Podcasting 2.0 transcripts (the podcast namespace's JSON): `{"version": "1.0.0", "segments":
  [{"speaker": "Jane Doe", "startTime": 0.5, "endTime": 0.75, "body": "I"}]}` (seconds; often a
  word per segment);
- AssemblyAI: `{"utterances": [{"speaker": "A", "start": 250, "end": 4100, "text": "..."}]}` (ms),
  or, without speaker labels, `"utterances": null` and the `words` with their times;
- Deepgram: `{"results": {"utterances": [{"start": 0.08, "transcript": "...", "speaker": 0}]}}`,
  or without utterances, the paragraphs of `results.channels[0].alternatives[0]`, or its words;
- Amazon Transcribe: `{"results": {"items": [{"start_time": "0.94", "type": "pronunciation",
  "alternatives": [{"content": "Hola"}]}], "speaker_labels": {...}}}` (seconds as strings;
  punctuation items join the word before them; `audio_segments` where the job wrote them);
- Speechmatics (JSON v2): `{"results": [{"type": "word", "start_time": 0.03, "alternatives":
  [{"content": "That's", "speaker": "S1"}]}]}`;
- Rev.ai: `{"monologues": [{"speaker": 0, "elements": [{"type": "text", "value": "Hi", "ts": 0.3}]}]}`;
- Google Cloud Speech-to-Text: `{"results": [{"alternatives": [{"transcript": "...", "words":
  [{"startTime": "2.800s", "word": "how"}]}], "resultEndTime": "5.300s"}]}`, also wrapped in a
  long-running operation's `response` and with `{"seconds", "nanos"}` times as the client
  libraries write them (no speakers: Google repeats every word with its speaker tag in the
  last result, not read);
- Azure Speech batch transcription: `{"recognizedPhrases": [{"offsetInTicks": 7600000,
  "speaker": 1, "nBest": [{"display": "Hello world."}]}]}` (100-ns ticks), and Azure AI Video Indexer's
  `transcript.speechservices.json`, the same in PascalCase (`{"RecognizedPhrases": [{"OffsetInTicks": ..., "NBest": [{"Display": ...}]}]}`);
- YouTube's timed text (`json3`): `{"events": [{"tStartMs": 1200, "segs": [{"utf8": "..."}]}]}`;
- youtube-transcript-api (the Python scraper) and diarisers writing a plain list:
  `[{"text": "...", "start": 1.2, "duration": 3.1, "speaker": "SPEAKER_01"}]`;
- whisper.cpp (`-oj`, `-ojf`): `{"transcription": [{"timestamps": {"from": "00:00:00,000"},
  "offsets": {"from": 0, "to": 4120}, "text": " ..."}]}` (offsets in ms);
- aligners: Gentle's `{"transcript": "...", "words": [{"word": "From", "start": 0.19,
  "startOffset": 0, "case": "success"}]}` (the words read out of the transcript with their
  punctuation; a word not found in the audio takes the time before it) and aeneas' sync map
  `{"fragments": [{"begin": "0.000", "end": "2.680", "lines": ["..."]}]}` (seconds as strings).
- ElevenLabs Scribe: `{"words": [{"text": "Hello", "start": 0.1, "type": "word", "speaker_id": "speaker_0"}]}`
  (the spaces between words are items of type "spacing", notes of sounds "audio_event": both left out);
- insanely-fast-whisper: `{"chunks": [{"timestamp": [0.0, 3.2], "text": "..."}], "speakers": [...]}`, the
  `speakers` (the same with a `speaker`) where it diarised;
- Azure Speech fast transcription: `{"durationMilliseconds": ..., "phrases": [{"offsetMilliseconds": 80,
  "speaker": 1, "text": "..."}]}`;
- Amazon Transcribe Call Analytics (and Contact Lens): `{"Transcript": [{"ParticipantRole": "AGENT",
  "Content": "...", "BeginOffsetMillis": 120}]}`;
- Gladia: `{"result": {"transcription": {"utterances": [{"start": 0.4, "speaker": 0, "text": "..."}]}}}`;
- Vosk: `{"result": [{"word": "hello", "start": 0.4, ...}], "text": "hello ..."}`, or a list of them;
- Fireflies.ai's API: `{"data": {"transcript": {"title": ..., "sentences": [{"speaker_name": "Ann",
  "start_time": 1.2, "text": "..."}]}}}`, or the transcript alone (seconds, as numbers or strings);
- Sonix: `{"name": ..., "transcript": [{"speaker": "Ann", "start_time": 3.1, "words": [{"text": "Hi", ...}]}]}`
  (a part per speaker, its text its words');
- tl;dv's API: `{"id": ..., "meetingId": ..., "data": [{"speaker": "Ann", "text": "...", "startTime": 2.4}]}` (seconds);
- Podlove Publisher: `[{"start": "00:00:03.120", "start_ms": 3120, "speaker": "12", "voice": "Ann", "text": "..."}]`
  (`speaker` a contributor's id, `voice` the name), or grouped: `[{"voice": "Ann", "items": [{"start_ms": ...}]}]`;
- Orbit FM's untimed transcripts: `{"podcast": ..., "episode": "1", "transcript": [{"speaker": "Ann", "text": "..."}]}`
  (no times: `Ann: text` lines, read by the labelled format);
- NVIDIA NeMo's diarised speech recognition (offline_diar_with_asr_infer.py, `pred_rttms/<id>.json`):
  `{"session_id": ..., "speaker_count": 2, "words": [{"word": "hello", "start_time": 0.32, "end_time": 0.72,
  "speaker_label": "speaker_0"}], "sentences": [{"sentence": "...", "start_time": 0.32, "speaker_label":
  "speaker_0"}]}` (seconds; a "sentence" is one speaker's words until the next speaks; older versions
  write no `sentences`: the words are read), and the same as Gecko's JSON (`<id>_gecko.json`):
  `{"schemaVersion": 2.0, "monologues": [{"speaker": {"name": null, "id": "speaker_0"}, "terms":
  [{"start": 0.32, "end": 0.72, "text": "hello", "type": "WORD"}]}]}`.

Each segment becomes one line, `[hh:mm:ss.fff] text` (the fraction only where the time has
one), read by the timed-lines format with the recogniser's own times (segments cut
mid-sentence, as Whisper's are, run on into each other as caption cues do); where the
recogniser names speakers, one speaker's consecutive segments are one line, `[hh:mm:ss]
Speaker A: text` (a name where the file gives one), read by the labelled format (its time the
first segment's; a speaker given as a participant's id, a UUID or a meeting tool's long random id, is Speaker
1, Speaker 2 ... in the order each first speaks). Where a file gives words, not segments, its words are joined into sentences,
one line each, a new one where the speaker changes. That text is what is stored and quoted; the
sha256 stays the raw file's. The recording's duration, where the file gives it, becomes the
interview's, and so do Fireflies' meeting title and day. A record of one video holding its transcript as one
string beside the video's metadata (`{"videoMetadata": {"videoId", "title", "url", "uploadDate"}, "transcript":
"..."}`, as a repository of YouTube transcripts keeps them) is that string, read as any text, with the video's
title, day, id and link. JSON of another shape is refused with the shapes read.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import dataclass, replace
from typing import Any, Iterable, Iterator

from .errors import IngestError

SHAPES = (
    "Whisper or WhisperX segments, Podcasting 2.0 segments, AssemblyAI utterances or words, Deepgram "
    "utterances, paragraphs or words, Amazon Transcribe items, Speechmatics results, Rev.ai monologues, "
    "Google Speech-to-Text results, Azure Speech recognized phrases, YouTube json3 events, whisper.cpp "
    "transcription, Gentle words, aeneas fragments, ElevenLabs Scribe words, insanely-fast-whisper chunks, Azure fast "
    "transcription phrases, Amazon Transcribe Call Analytics transcript, Gladia utterances, Vosk results, NeMo "
    "diarised words or sentences, Gecko monologues, Fireflies sentences, Sonix transcript parts, tl;dv data, "
    "Podlove Publisher lines, a list of {start, text} snippets"
)
_SPACE = re.compile(r"\s+")
_ENDS, _CLOSERS = (".", "?", "!", "…"), "\"'”’)]"  # a sentence's last word: an end mark, closing quotes after it

Segment = tuple[float, str, str]  # start seconds, speaker label or "", words


@dataclass(frozen=True)
class Rendered:
    """A structured transcript as text: its lines, the format that reads them, and what the
    file says of the recording (its duration in seconds, where given)."""

    text: str
    format: str | None  # "labelled" where lines carry speakers, "timed_lines" where they carry times; None: read as any text
    duration: int | None = None  # whole seconds, as Metadata keeps it
    title: str = ""  # where the file names its recording (Fireflies' meeting title)
    published: dt.date | None = None  # the day it was recorded, where the file gives it
    container: str = ""  # where one reader reads several: what held the text ("csv", "tsv", "jsonl")
    video_id: str = ""  # the YouTube video, where the file names it (a video record's videoMetadata)
    link: str = ""


def _clock(seconds: float) -> str:
    ms = int(round(seconds * 1000))
    whole, fraction = divmod(ms, 1000)
    clock = f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
    return f"{clock}.{fraction:03d}" if fraction else clock


_CODE = re.compile(r"[A-Za-z]?\d{0,3}")


class UnusableField(ValueError):
    """A segment's field that is there but of a kind no reading fits (a speaker given as a list)."""


def json_kind(value: Any) -> str:
    """A JSON value's kind as a message says it: "a list", "an object", "text", "null" ..."""
    return {dict: "an object", list: "a list", str: "text", bool: "true or false", type(None): "null"}.get(
        type(value), "a number")


def speaker_label(value: Any) -> str:
    """A diariser's speaker as a label: a code ("A", 0, "S1", "SPEAKER_00", "spk_0") as
    "Speaker X", a name as it is; "" for none (Speechmatics' "UU" is unknown)."""
    if value is None or value == "":
        return ""
    if isinstance(value, (list, dict, bool)):
        raise UnusableField(f"its speaker is {json_kind(value)}, not a name or a number: {json.dumps(value)[:60]}")
    if isinstance(value, float):
        if not value.is_integer():  # "1.5" was written as a label no reader takes for one, its words the turn before's
            raise UnusableField(f"its speaker is {value!r}, a number with a fraction, not a speaker's number")
        value = int(value)  # a table's column of numbers with gaps, written as floats: 1.0 is speaker 1
    raw = str(value).strip()
    if raw.upper() == "UU":
        return ""
    m = re.fullmatch(r"(?i)(?:speaker|spk)[_ \-]*(\w+)", raw)
    if m:
        return f"Speaker {m.group(1)}"
    return f"Speaker {raw}" if _CODE.fullmatch(raw) else raw


# a participant's id where a name would be: letters, digits, "-" and "_" only, twelve or more with the
# digits in two runs or more (a GUID, "4fQ-8t2LnWv1-cKx9"), or sixteen or more with a digit (a meeting
# tool's "qTmWzKfRbLsNcYdHpVx4Ej..."); "johnsmith1985" is a handle, kept
_ID_CHARACTERS = re.compile(r"[\w-]{12,}")


def opaque_id(value: str) -> bool:
    """Whether a speaker is given as a participant's id, not a name."""
    if not _ID_CHARACTERS.fullmatch(value):
        return False
    digit_runs = len(re.findall(r"\d+", value))
    return digit_runs >= 2 or (digit_runs == 1 and len(value) >= 16)


def _text(value: Any) -> str:
    """A segment's or word's text as written; "" for JSON's null (which str() would make the word "None");
    UnusableField for a list or an object (str() wrote Python's "['Hi', 'there']", words the file never had)."""
    if isinstance(value, (list, dict)):
        raise UnusableField(f"its text is {json_kind(value)}, not text: {json.dumps(value)[:60]}")
    return "" if value is None else str(value)


def _sentences(words: Iterable[tuple[float, str, str, bool]]) -> Iterator[Segment]:
    """(start seconds, speaker, word, joins the word before) per word in, one segment per
    sentence out: a new one after a word ending a sentence and where the speaker changes."""
    # a sentence's pieces are joined once, and only the piece come is looked at for its end (a word grown by each
    # piece joined to it and searched whole again was quadratic: ElevenLabs' 100,000 punctuation items, 40 s at 5 MB)
    start, speaker, pieces = 0.0, "", []
    for at, who, word, joins in words:
        word = _text(word).strip()
        if not word:
            continue
        if pieces and who != speaker and not joins:
            yield start, speaker, "".join(pieces)
            pieces = []
        bare = word.rstrip(_CLOSERS)  # a word ends a sentence where a mark of its end is before its closing quotes
        if not pieces:
            start, speaker = float(at), who
            pieces.append(word)
        elif joins:
            pieces.append(word)  # (only quotes or brackets joined to a word ending none: it still ends none)
        else:
            pieces += (" ", word)
        if bare.endswith(_ENDS):
            yield start, speaker, "".join(pieces)
            pieces = []
    if pieces:
        yield start, speaker, "".join(pieces)


def _google_seconds(value: Any) -> float:
    if isinstance(value, dict):  # the client libraries' {"seconds": "5", "nanos": 600000000}
        return float(value.get("seconds", 0)) + float(value.get("nanos", 0)) / 1e9
    return float(str(value).rstrip("s"))  # the REST API's "2.800s"


def _google(results: list) -> Iterator[Segment]:
    previous_end = 0.0
    for result in results:
        alternatives = result.get("alternatives") or [{}]
        best = alternatives[0]
        words = best.get("words") or []
        start = _google_seconds(words[0]["startTime"]) if words and "startTime" in words[0] else previous_end
        if "resultEndTime" in result:
            previous_end = _google_seconds(result["resultEndTime"])
        yield start, "", best.get("transcript", "")


def _aws(results: dict) -> Iterable[Segment]:
    if isinstance(results.get("audio_segments"), list):
        return ((float(s["start_time"]), speaker_label(s.get("speaker_label")), s["transcript"]) for s in results["audio_segments"])
    speaker_at = {
        item["start_time"]: item.get("speaker_label")
        for segment in (results.get("speaker_labels") or {}).get("segments", []) for item in segment.get("items", [])
    }
    words = []
    for item in results["items"]:
        content = item["alternatives"][0]["content"]
        if item.get("type") == "punctuation":
            words.append((words[-1][0] if words else 0.0, words[-1][1] if words else "", content, True))
        else:
            speaker = item.get("speaker_label") or speaker_at.get(item["start_time"])
            words.append((float(item["start_time"]), speaker_label(speaker), content, False))
    return _sentences(words)


def _speechmatics(results: list) -> Iterable[Segment]:
    words = []
    for item in results:
        best = item["alternatives"][0]
        if item.get("type") == "punctuation":
            joins = item.get("attaches_to", "previous") == "previous"
            words.append((float(item.get("start_time", 0.0)), words[-1][1] if words else "", best["content"], joins))
        elif item.get("type") == "word":
            words.append((float(item["start_time"]), speaker_label(best.get("speaker")), best["content"], False))
    return _sentences(words)


def _revai(monologues: list) -> Iterator[Segment]:
    for monologue in monologues:
        elements = monologue.get("elements", [])
        start = next((e["ts"] for e in elements if "ts" in e), None)
        if start is None:
            continue
        speaker = monologue.get("speaker_name") or speaker_label(monologue.get("speaker"))
        yield float(start), speaker, "".join(e.get("value", "") for e in elements)


def _azure(phrases: list) -> list[Segment]:
    timed = []
    for phrase in phrases:
        if "OffsetInTicks" in phrase:  # Azure AI Video Indexer's transcript.speechservices.json: the keys in PascalCase
            phrase = {key[:1].lower() + key[1:]: value for key, value in phrase.items()}
            phrase["nBest"] = [{key[:1].lower() + key[1:]: value for key, value in best.items()}
                               for best in phrase.get("nBest") or [] if isinstance(best, dict)]
        best = (phrase.get("nBest") or [{}])[0]
        timed.append((phrase["offsetInTicks"] / 1e7, speaker_label(phrase.get("speaker")), best.get("display", "")))
    return sorted(timed, key=lambda s: s[0])  # phrases come channel by channel


def _deepgram(results: dict) -> Iterable[Segment]:
    if isinstance(results.get("utterances"), list):
        return ((float(s["start"]), speaker_label(s.get("speaker")), s.get("transcript", "")) for s in results["utterances"])
    alternative = results["channels"][0]["alternatives"][0]
    paragraphs = (alternative.get("paragraphs") or {}).get("paragraphs")
    if paragraphs is not None:
        return (
            (float(p["start"]), speaker_label(p.get("speaker")), " ".join(s.get("text", "") for s in p.get("sentences", [])))
            for p in paragraphs
        )
    if alternative.get("words"):
        return _sentences(
            (w["start"], speaker_label(w.get("speaker")), w.get("punctuated_word") or w["word"], False) for w in alternative["words"]
        )
    return ((0.0, "", alternative.get("transcript", "")),)


def _whisper_cpp(transcription: list) -> Iterator[Segment]:
    for segment in transcription:
        offsets = segment.get("offsets") or {}
        if "from" in offsets:
            start = offsets["from"] / 1000
        else:  # only the clock, "00:00:04,120"
            h, m, sec = segment["timestamps"]["from"].replace(",", ".").split(":")
            start = int(h) * 3600 + int(m) * 60 + float(sec)
        yield start, "", segment.get("text", "")


def _gentle(transcript: str, words: list) -> Iterator[Segment]:
    """Gentle's words read out of its transcript, each from its offset to the next word's (so
    with the punctuation after it), joined into sentences and the transcript's lines."""
    line, at = [], 0.0
    ends = [w["startOffset"] for w in words[1:]] + [len(transcript)]
    for i, (word, end) in enumerate(zip(words, ends)):
        at = float(word.get("start", at))  # "not-found-in-audio" words have no time
        piece = transcript[0 if i == 0 else word["startOffset"] : end]
        line.append((at, "", piece, False))
        if "\n" in piece:  # the transcript's lines (a poem's, a script's) end segments too
            yield from _sentences(line)
            line = []
    yield from _sentences(line)


def _aeneas(fragments: list) -> Iterator[Segment]:
    for fragment in fragments:
        if fragment.get("lines"):
            yield float(fragment["begin"]), "", " ".join(fragment["lines"])
        elif fragment.get("children"):  # a multilevel sync map: paragraphs hold their sentences
            yield from _aeneas(fragment["children"])


def _elevenlabs(words: list) -> Iterable[Segment]:
    """ElevenLabs Scribe's words: the spaces between them and its notes of sounds ("(laughs)") left out."""
    return _sentences(
        (w["start"], speaker_label(w.get("speaker_id")), w["text"], w.get("type") == "punctuation")
        for w in words if w.get("type", "word") in ("word", "punctuation")
    )


def _vosk(results: list) -> Iterator[Segment]:
    """Vosk's results, one an utterance: its text from its first word's time."""
    for result in results:
        words = result.get("result") or []
        if words and result.get("text"):
            yield float(words[0]["start"]), "", result["text"]


def _nemo(data: dict) -> Iterable[Segment]:
    """NeMo's diarised recognition: its sentences (a speaker's words until the next speaks), else its words."""
    sentences = data.get("sentences")
    if isinstance(sentences, list) and sentences:
        return ((s["start_time"], speaker_label(s.get("speaker_label")), s["sentence"]) for s in sentences)
    return _sentences((w["start_time"], speaker_label(w.get("speaker_label")), w["word"], False) for w in data["words"])


def _gecko(monologues: list) -> Iterator[Segment]:
    """Gecko's monologues (as NeMo writes them): a speaker's terms, a punctuation term joined to the word before."""
    for monologue in monologues:
        terms = [t for t in monologue["terms"] if _text(t.get("text")).strip()]
        if not terms:
            continue
        who = monologue.get("speaker") or {}
        who = who.get("name") or who.get("id") if isinstance(who, dict) else who
        pieces = []
        for term in terms:
            if pieces and term.get("type") != "PUNCTUATION":
                pieces.append(" ")
            pieces.append(_text(term["text"]).strip())
        yield float(terms[0]["start"]), speaker_label(who), "".join(pieces)


def _words_cover(segment: Any) -> bool:
    """True when a Whisper segment's words all have a time and say what its text says."""
    words = segment.get("words") if isinstance(segment, dict) else None
    if not words or not all(isinstance(w, dict) and "start" in w for w in words):
        return False
    said = " ".join(str(w.get("word", w.get("text", ""))).strip() for w in words)
    return said.split() == str(segment.get("text", "")).split()


def _who(segment: dict) -> Any:
    """A segment's speaker: its "speaker", else its "speaker_label" (as some diarising tools name the key)."""
    return segment.get("speaker", segment.get("speaker_label"))


def _segments(data: Any) -> Iterable[Segment] | None:
    """(start seconds, speaker label or "", text) per segment, or None for an unknown shape."""
    if isinstance(data, dict) and isinstance(data.get("response"), dict):  # a Google long-running operation
        data = data["response"]
    data = _unwrapped_fireflies(data)
    if isinstance(data, dict):
        segments, results = data.get("segments"), data.get("results")
        if isinstance(segments, list) and segments and isinstance(segments[0], dict) and "body" in segments[0]:
            return _sentences(  # Podcasting 2.0
                (s["startTime"], speaker_label(s.get("speaker")), s["body"], False) for s in segments
            )
        if isinstance(segments, list):  # Whisper, WhisperX
            if segments and all(_words_cover(s) for s in segments):
                # word timestamps (`--word_timestamps True`): a line per sentence, each with its own time
                return _sentences(
                    (w["start"], speaker_label(w.get("speaker", s.get("speaker"))), w.get("word", w.get("text", "")), False)
                    for s in segments for w in s["words"]
                )
            return ((float(s["start"]), speaker_label(_who(s)), s.get("text", "")) for s in segments)
        if isinstance(data.get("utterances"), list):  # AssemblyAI (ms)
            return ((s["start"] / 1000, speaker_label(s.get("speaker")), s.get("text", "")) for s in data["utterances"])
        if "utterances" in data and isinstance(data.get("words"), list):  # AssemblyAI without utterances (ms)
            return _sentences((w["start"] / 1000, speaker_label(w.get("speaker")), w["text"], False) for w in data["words"])
        if isinstance(results, dict) and "items" in results:
            return _aws(results)
        if isinstance(results, dict):
            return _deepgram(results)
        if isinstance(results, list) and results and isinstance(results[0], dict):
            if "alternatives" in results[0] and "start_time" in results[0]:
                return _speechmatics(results)
            if "alternatives" in results[0]:
                return _google(results)
        monologues = data.get("monologues")
        if isinstance(monologues, list) and monologues and isinstance(monologues[0], dict) and "terms" in monologues[0]:
            return _gecko(monologues)
        if isinstance(monologues, list):
            return _revai(monologues)
        if isinstance(data.get("recognizedPhrases"), list):
            return _azure(data["recognizedPhrases"])
        if isinstance(data.get("RecognizedPhrases"), list):
            return _azure(data["RecognizedPhrases"])
        if isinstance(data.get("transcription"), list):  # whisper.cpp
            return _whisper_cpp(data["transcription"])
        if isinstance(data.get("transcript"), str) and isinstance(data.get("words"), list) and data["words"] \
                and "startOffset" in data["words"][0]:  # Gentle
            return _gentle(data["transcript"], data["words"])
        if isinstance(data.get("fragments"), list):  # aeneas
            return _aeneas(data["fragments"])
        if isinstance(data.get("words"), list) and data["words"] and isinstance(data["words"][0], dict) \
                and "speaker_label" in data["words"][0] and "start_time" in data["words"][0]:  # NeMo (seconds)
            return _nemo(data)
        if isinstance(data.get("words"), list) and data["words"] and isinstance(data["words"][0], dict) \
                and "type" in data["words"][0] and "text" in data["words"][0]:  # ElevenLabs Scribe (seconds)
            return _elevenlabs(data["words"])
        if isinstance(data.get("chunks"), list):  # insanely-fast-whisper: [start, end] pairs, its speakers where diarised
            spoken = data.get("speakers") or data["chunks"]
            return ((float(c["timestamp"][0]), speaker_label(c.get("speaker")), c.get("text", "")) for c in spoken)
        if isinstance(data.get("phrases"), list):  # Azure Speech fast transcription (ms)
            return ((p["offsetMilliseconds"] / 1000, speaker_label(p.get("speaker")), p.get("text", "")) for p in data["phrases"])
        if isinstance(data.get("Transcript"), list):  # Amazon Transcribe Call Analytics, Contact Lens (ms)
            return (
                (t["BeginOffsetMillis"] / 1000, speaker_label(t.get("ParticipantRole") or t.get("ParticipantId")), t["Content"])
                for t in data["Transcript"]
            )
        transcription = (data.get("result") or {}).get("transcription") if isinstance(data.get("result"), dict) else None
        if isinstance(transcription, dict) and isinstance(transcription.get("utterances"), list):  # Gladia (seconds)
            return ((float(u["start"]), speaker_label(u.get("speaker")), u.get("text", "")) for u in transcription["utterances"])
        if isinstance(data.get("result"), list) and "text" in data:  # Vosk, one result
            return _vosk([data])
        if _fireflies_sentences(data):
            return (  # Fireflies (seconds)
                (s["start_time"], speaker_label(s.get("speaker_name") or s.get("speaker_id")), s.get("text", ""))
                for s in data["sentences"]
            )
        if isinstance(data.get("transcript"), list):  # Sonix: a part per speaker, its words' texts its text (seconds)
            return (
                (p["start_time"], speaker_label(p.get("speaker")), " ".join(str(w["text"]).strip() for w in p["words"]))
                for p in data["transcript"]
            )
        spoken = data.get("data")
        if isinstance(spoken, list) and spoken and isinstance(spoken[0], dict) and "startTime" in spoken[0]:
            return ((s["startTime"], speaker_label(s.get("speaker")), s["text"]) for s in spoken)  # tl;dv (seconds)
        if isinstance(data.get("events"), list):  # YouTube json3
            return (
                (e["tStartMs"] / 1000, "", "".join(seg.get("utf8", "") for seg in e["segs"]))
                for e in data["events"] if e.get("segs")
            )
    if isinstance(data, list) and data and all(isinstance(s, dict) for s in data):
        # Podlove Publisher (ms): its "start" is a clock, its "speaker" a contributor's id, the name its "voice"
        if all("start_ms" in s and "text" in s for s in data):
            return ((s["start_ms"] / 1000, speaker_label(s.get("voice")), s["text"]) for s in data)
        if all(isinstance(s.get("items"), list) and "voice" in s for s in data):  # grouped: a voice's lines in a row
            return ((i["start_ms"] / 1000, speaker_label(g["voice"]), i["text"]) for g in data for i in g["items"])
        if all("start" in s and "text" in s for s in data):
            # youtube-transcript-api's {"text", "start", "duration"}, a diariser's {"start", "text", "speaker"} (seconds)
            return ((float(s["start"]), speaker_label(_who(s)), s["text"]) for s in data)
        if all("alternatives" in s for s in data):  # Google's results as the client libraries return them
            return _google(data)
        if all("result" in s and "text" in s for s in data):  # Vosk, a result per utterance
            return _vosk(data)
    return None


_MAX_DURATION = 2**31 - 1  # seconds: Interview.duration_seconds' largest


def _duration(data: Any) -> int | None:
    """The recording's length in seconds where the file gives it (Deepgram, AssemblyAI, Azure, Gladia, Amazon's call analytics)."""
    if not isinstance(data, dict):
        return None
    metadata = data.get("metadata")
    result = data.get("result") if isinstance(data.get("result"), dict) else {}
    gladia = result.get("metadata") if isinstance(result.get("metadata"), dict) else {}
    call = data.get("ConversationCharacteristics") if isinstance(data.get("ConversationCharacteristics"), dict) else {}
    for value, scale in (((metadata or {}).get("duration") if isinstance(metadata, dict) else None, 1.0),
                         (data.get("audio_duration"), 1.0), (data.get("durationInTicks"), 1e-7),
                         (data.get("durationMilliseconds"), 1e-3), (gladia.get("audio_duration"), 1.0),
                         (call.get("TotalConversationDurationMillis"), 1e-3)):
        # Infinity, NaN and a number past what a duration field holds (1e400, a 400-digit int) are no length
        if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value < _MAX_DURATION / scale:
            return max(1, round(value * scale))
    return None


def _json_lines(body: str, error: json.JSONDecodeError) -> bool:
    """Whether JSON that failed to read as one value is JSON Lines: its first line an object, the
    rest after it (json's "Extra data")."""
    if error.msg != "Extra data":
        return False
    try:
        return isinstance(json.loads(body.split("\n", 1)[0]), dict)
    except (json.JSONDecodeError, RecursionError):
        return False


def json_document(text: str, *, source: str) -> Rendered | None:
    """A recogniser's JSON in, its segments as `[hh:mm:ss] (Speaker X: )text` lines out; None
    for a source that is not JSON (a transcript opening with "[Music]" is text). Raises
    IngestError for JSON of another shape, and for invalid JSON in a file named .json."""
    body = text.lstrip("\ufeff \t\r\n")
    if not body.startswith(("{", "[")) or source.lower().endswith(".jsonl"):  # JSON Lines: table_transcript.py
        return None
    try:
        data = json.loads(body)
    except RecursionError:  # arrays or objects nested thousands deep: no transcript's shape
        raise IngestError(source, None, "JSON nested too deeply to read") from None
    except json.JSONDecodeError as exc:
        if _json_lines(body, exc):
            return None  # an object a line, as tools often write them to a file named .json: table_transcript.py
        if source.lower().endswith(".json"):
            raise IngestError(source, exc.lineno, f"invalid JSON: {exc.msg} (column {exc.colno})") from None
        return None
    except ValueError:  # a number of more than 4300 digits, which Python refuses to read as an int
        raise IngestError(source, None, "JSON with a number too long to read") from None
    parts = _untimed_parts(data)
    if parts is not None:
        return untimed_lines(parts, source=source)
    try:
        segments = _segments(data)
    except RecursionError:
        raise IngestError(source, None, "JSON nested too deeply to read") from None
    except KeyError as exc:
        raise IngestError(source, None, f"JSON without the parts its shape needs (no {exc} field)") from None
    # ValueError, OverflowError: a time that is no number ("1.2Q") or too large for one
    except (IndexError, TypeError, AttributeError, ValueError, OverflowError) as exc:
        raise IngestError(source, None, f"JSON without the parts its shape needs ({type(exc).__name__}: {exc})") from None
    if segments is None:
        record = _video_record(data)
        if record is not None:
            return record
        raise IngestError(source, None, f"JSON of a shape this does not read (it reads {SHAPES})")
    rendered = timed_lines(segments, source=source)
    title, published = _fireflies_meeting(data)
    return replace(rendered, duration=_duration(data), title=title, published=published)


_TIMES = ("start_time", "startTime", "start", "start_ms", "words")
_VIDEO_FIELDS = ("videoMetadata", "video_metadata", "video", "metadata")
_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
_ISO_DAY = re.compile(r"(\d{4})-?(\d\d)-?(\d\d)(?:[T ][^\n]*)?")


def _video_record(data: Any) -> Rendered | None:
    """A repository's record of one video: the transcript as one string (YouTube's captions joined, no times) beside
    the video's metadata, `{"videoMetadata": {"videoId": ..., "title": ..., "url": ..., "uploadDate": "2025-12-30"},
    "transcript": " The big question..."}`; the text as it is (read as any text is) with its title, day, video and
    link. None for JSON of another shape."""
    if not isinstance(data, dict) or not isinstance(data.get("transcript"), str) or not data["transcript"].strip():
        return None
    video = next((data[key] for key in _VIDEO_FIELDS if isinstance(data.get(key), dict)), None)
    if video is None:
        return None

    def field(*names: str) -> str:
        return next((" ".join(v.split()) for n in names if isinstance(v := video.get(n), str) and v.strip()), "")

    video_id = field("videoId", "video_id", "id")
    day = _ISO_DAY.fullmatch(field("uploadDate", "upload_date", "publishedAt", "published"))
    try:
        published = dt.date(int(day[1]), int(day[2]), int(day[3])) if day else None
    except ValueError:
        published = None
    link = field("url", "link", "webpage_url")
    return Rendered(data["transcript"].strip() + "\n", None, title=field("title")[:300], published=published,
                    video_id=video_id if _YOUTUBE_ID.fullmatch(video_id) else "",
                    link=link if link.startswith(("https://", "http://")) else "")


def _untimed_parts(data: Any) -> list[tuple[str, str]] | None:
    """(speaker, text) per part of a transcript written without times, as Orbit FM publishes its episodes':
    `{"podcast": ..., "episode": ..., "transcript": [{"speaker": "Ann", "text": "..."}]}` (a part without a
    speaker, the intro music, is a line of its own); None for JSON of another shape."""
    parts = data.get("transcript") if isinstance(data, dict) else None
    if not (isinstance(parts, list) and parts and all(isinstance(p, dict) and isinstance(p.get("text"), str) for p in parts)):
        return None
    if any(key in part for part in parts for key in _TIMES) or not any(part.get("speaker") for part in parts) \
            or not all(isinstance(part.get("speaker", ""), str) for part in parts):
        return None
    return [(speaker_label(part.get("speaker")), part["text"]) for part in parts]


def untimed_lines(parts: list[tuple[str, str]], *, source: str) -> Rendered:
    """(speaker label or "", words) per part in, `Speaker: words` lines out (a part without a speaker a line of its
    own), read by the labelled format. IngestError where no part has words."""
    lines = []
    for speaker, words in parts:
        words = _SPACE.sub(" ", words).strip()
        if words:
            lines.append(f"{speaker}: {words}" if speaker else words)
    if not lines:
        raise IngestError(source, None, "transcript has no text in its parts")
    return Rendered("\n\n".join(lines) + "\n", "labelled")


def _unwrapped_fireflies(data: Any) -> Any:
    """Fireflies' transcript out of its GraphQL answer ({"data": {"transcript": ...}}); other JSON as it is."""
    if isinstance(data, dict) and isinstance(data.get("data"), dict) and isinstance(data["data"].get("transcript"), dict):
        return data["data"]["transcript"]
    return data


def _fireflies_sentences(data: Any) -> bool:
    """Whether JSON is Fireflies' transcript: sentences with a speaker_name."""
    sentences = data.get("sentences") if isinstance(data, dict) else None
    return isinstance(sentences, list) and bool(sentences) and isinstance(sentences[0], dict) and "speaker_name" in sentences[0]


def _fireflies_meeting(data: Any) -> tuple[str, dt.date | None]:
    """Fireflies' meeting title and day (its `date`, ms since the epoch, as UTC); ("", None) for other JSON."""
    data = _unwrapped_fireflies(data)
    if not _fireflies_sentences(data):
        return "", None
    title = data.get("title") if isinstance(data.get("title"), str) else ""
    ms = data.get("date")
    day = None
    if isinstance(ms, (int, float)) and not isinstance(ms, bool) and 0 < ms < 253402300800000:  # before the year 10000
        day = dt.datetime.fromtimestamp(ms / 1000, dt.timezone.utc).date()
    return " ".join(title.split())[:300], day


def _numbered_ids(speakers: Iterable[str]) -> dict[str, str]:
    """{participant id: "Speaker 1", ...} for the speakers given as ids (opaque_id), numbered in the order
    each first speaks, a number a speaker of the file is called already skipped."""
    speakers = list(dict.fromkeys(speakers))
    taken, numbers, n = set(speakers), {}, 0
    for who in speakers:
        if who and opaque_id(who):
            # on from the number given last (every number below it is given or taken): from len(numbers) + 1 each
            # time, 40,000 ids after as many speakers called 'Speaker 1' ... skipped those 40,000 times
            n += 1
            while f"Speaker {n}" in taken:
                n += 1
            numbers[who] = f"Speaker {n}"
            taken.add(numbers[who])
    return numbers


# the lines are read back with one- or two-digit hours: a start from 99:59:59.9995 on is written "[100:00:00]",
# which no reader takes for a time, and its words ran into the line before (a 1e12 start, or milliseconds
# written where seconds belong)
_LAST_READABLE_MS = 100 * 3600 * 1000


def _seconds(value: Any) -> float:
    """A segment's start as seconds; ValueError for Infinity or NaN (JSON as Python reads it allows both),
    UnusableField for a start 100 hours or more into the recording."""
    seconds = float(value)
    if not math.isfinite(seconds * 1000):  # (1e308 is finite, its milliseconds are not: _clock could not write it)
        raise ValueError(f"{value!r} is not a time")
    if round(seconds * 1000) >= _LAST_READABLE_MS:
        raise UnusableField(f"its start time, {value!r} seconds, is not a usable time (100 hours or more into the recording)")
    return seconds


def timed_lines(segments: Iterable[Segment], *, source: str) -> Rendered:
    """(start seconds, speaker label or "", words) per segment in, `[hh:mm:ss] (Speaker: )words`
    lines out, one speaker's consecutive segments one line. IngestError when a segment has no
    usable start or no segment has words."""
    turns: list[tuple[float, str, list[str]]] = []  # (start, speaker, its segments' words)
    reached = 0  # segments taken so far: a fault raised while the next is taken (its speaker's) is the next one's
    in_hand = False  # whether the fault is the segment taken's (its start's, its text's)
    try:
        for start, speaker, words in segments:
            reached, in_hand = reached + 1, True
            words = _SPACE.sub(" ", _text(words)).strip()
            if words and turns and speaker and turns[-1][1] == speaker:
                # joined once at the end: a string grown segment by segment was copied whole each
                # time (quadratic in a long monologue: a 2 MB one-speaker WhisperX file, 0.8 s)
                turns[-1][2].append(words)
            elif words:
                turns.append((max(0.0, _seconds(start)), speaker, [words]))
            in_hand = False
    except UnusableField as exc:
        raise IngestError(source, None, f"segment {reached if in_hand else reached + 1}: {exc}") from None
    except KeyError as exc:  # the field's name, not Python's "KeyError: 'start_time'"
        raise IngestError(source, None, f"segment {reached if in_hand else reached + 1} without a usable start time or text "
                                        f"(it has no {exc} field)") from None
    except (IndexError, TypeError, ValueError, AttributeError, OverflowError) as exc:
        raise IngestError(source, None, f"segment {reached if in_hand else reached + 1} without a usable start time or text "
                                        f"({type(exc).__name__}: {exc})") from None
    if not turns:
        raise IngestError(source, None, "transcript has no text in its segments")
    numbers = _numbered_ids(speaker for _, speaker, _ in turns)
    if numbers:
        turns = [(start, numbers.get(speaker, speaker), words) for start, speaker, words in turns]
    text = "".join(f"[{_clock(start)}] " + (f"{speaker}: " if speaker else "") + " ".join(words) + "\n" for start, speaker, words in turns)
    return Rendered(text, "labelled" if any(speaker for _, speaker, _ in turns) else "timed_lines")
