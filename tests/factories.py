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
