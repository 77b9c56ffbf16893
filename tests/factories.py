"""Small helpers that build rows for tests: make_x(**overrides)."""
import datetime as dt
import hashlib
import itertools

from claims.models import Claim, Interview, Speaker, Topic

_counter = itertools.count(1)

SAMPLE_TEXT = (
    "Host: Welcome to the show. What do you think comes next?\n"
    "Guest: I think reliability will improve a lot within two years. "
    "Neural networks are the next best thing to the shortest program.\n"
)


def make_speaker(**overrides) -> Speaker:
    n = next(_counter)
    fields = {"name": f"Speaker {n}", "slug": f"speaker-{n}"} | overrides
    return Speaker.objects.create(**fields)


def make_topic(**overrides) -> Topic:
    n = next(_counter)
    fields = {"name": f"Topic {n}", "slug": f"topic-{n}"} | overrides
    return Topic.objects.create(**fields)


def make_interview(**overrides) -> Interview:
    n = next(_counter)
    text = overrides.pop("source_text", SAMPLE_TEXT + f"(recording {n})\n")
    fields = {
        "slug": f"interview-{n}",
        "title": f"Interview {n}",
        "show": "Test Show",
        "published": dt.date(2023, 3, 27),
        "published_precision": "day",
        "source_format": "labelled",
        "source_text": text,
        "sha256": hashlib.sha256(text.encode()).hexdigest(),
    } | overrides
    return Interview.objects.create(**fields)


def span_of(interview: Interview, quote: str) -> tuple[int, int]:
    start = interview.source_text.index(quote)
    return start, start + len(quote)


def make_claim(**overrides) -> Claim:
    from claims.services import claim_create

    interview = overrides.pop("interview", None) or make_interview()
    speaker = overrides.pop("speaker", None) or make_speaker()
    quote = overrides.pop("quote", "I think reliability will improve a lot within two years.")
    start, end = span_of(interview, quote)
    fields = {
        "start_char": start,
        "end_char": end,
        "statement": "The guest thinks reliability will improve a lot within two years.",
    } | overrides
    return claim_create(interview=interview, speaker=speaker, **fields)


def youtube_auto_captions(words, per_cue=8, seconds_per_word=0.4):
    """Words in, the text of a WebVTT file shaped as YouTube's rolling auto-captions (what
    yt-dlp --write-auto-subs saves): each cue repeats the previous line, then the new words with
    word timings in <c> spans; a 10 ms cue holds the new line alone."""
    out = ["WEBVTT", "Kind: captions", "Language: en", ""]
    t, previous = 0.0, " "
    for i in range(0, len(words), per_cue):
        chunk, start = words[i : i + per_cue], t
        line = chunk[0]
        for word in chunk[1:]:
            t += seconds_per_word
            line += f"<{_clock(t)}><c> {word}</c>"
        t += seconds_per_word
        out += [f"{_clock(start)} --> {_clock(t)} align:start position:0%", previous, line, ""]
        previous = " ".join(chunk)
        out += [f"{_clock(t)} --> {_clock(t + 0.01)} align:start position:0%", previous, " ", ""]
    return "\n".join(out) + "\n"


def _clock(seconds, comma=False):
    ms = round(seconds * 1000)
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}{',' if comma else '.'}{ms % 1000:03d}"


def srt_captions(words, per_cue=8, seconds_per_cue=3.2):
    """Words in, the text of an SRT file cutting them into cues of `per_cue` words (as Whisper
    and subtitle editors cut: anywhere in a sentence)."""
    out = []
    for number, i in enumerate(range(0, len(words), per_cue), 1):
        start = (number - 1) * seconds_per_cue
        out += [str(number), f"{_clock(start, True)} --> {_clock(start + seconds_per_cue, True)}", " ".join(words[i : i + per_cue]), ""]
    return "\n".join(out)


def transcript_panel(words, per_line=9, seconds_per_line=4):
    """Words in, YouTube's "Show transcript" panel as it copies: a time line, then the words."""
    out = []
    for k, i in enumerate(range(0, len(words), per_line)):
        t = k * seconds_per_line
        out += [f"{t // 60}:{t % 60:02d}", " ".join(words[i : i + per_line])]
    return "\n".join(out) + "\n"


def srt_from_vtt(vtt):
    """A WebVTT text converted as yt-dlp --convert-subs srt does: header dropped, cues numbered,
    tags stripped, decimal commas in the timings."""
    import re

    cues = [block for block in vtt.split("\n\n") if "-->" in block]
    out = []
    for number, block in enumerate(cues, 1):
        timing, *lines = block.split("\n")
        timing = re.sub(r"(\d\d:\d\d:\d\d)\.(\d{3})", r"\1,\2", timing.split(" align:")[0])
        out += [str(number), timing, *(re.sub(r"<[^>]*>", "", line) for line in lines), ""]
    return "\n".join(out)
