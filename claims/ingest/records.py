"""Frozen dataclasses passed between ingestion stages. Nothing here imports Django."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about an interview: from the file, a manifest, or the command line."""

    slug: str = ""
    title: str = ""
    show: str = ""
    link: str = ""
    video_id: str = ""
    published: dt.date | None = None
    published_precision: str = ""  # "day" | "month" | "year" | "" when unknown
    duration_seconds: int | None = None
    hosts: tuple[str, ...] = ()
    guests: tuple[str, ...] = ()
    channel: str = ""  # the publishing channel when the source names it (seed 001's Info block)
    # one voice throughout (a lecture, a talk): where the source names no speakers, every word is
    # the one speaker's instead of being split between a host and a guest; None when not said
    single_speaker: bool | None = None


@dataclass(frozen=True, slots=True)
class Chapter:
    """A chapter heading of the source: title, start time, and where its text begins."""

    title: str
    start_seconds: int
    start_char: int | None = None


@dataclass(frozen=True, slots=True)
class ParsedTurn:
    """A stretch of the source spoken by one voice, as a format parser sees it."""

    start_char: int
    end_char: int
    line: int
    speaker_label: str | None = None  # a name, voice tag or None when the format has none
    start_seconds: float | None = None  # real cue time when the format has one
    end_seconds: float | None = None  # real cue end time when the format has one
    # True when the format marks a change of voice here without naming it (seed 002's "- ")
    speaker_change: bool = False
    role_hint: str | None = None  # "host" where the label says so ("NICK FOUNTAIN, HOST:", NPR)


@dataclass(frozen=True, slots=True)
class ParsedSource:
    """What a format parser returns: metadata it read, chapters and raw turns."""

    format: str
    metadata: Metadata
    turns: tuple[ParsedTurn, ...]
    chapters: tuple[Chapter, ...] = ()
    content_start: int = 0  # the interview's text lies in [content_start, content_end)
    content_end: int | None = None
    errors: tuple = ()  # IngestErrors found while parsing (malformed cues, ...)
    # a congressional hearing's record (labelled: the GPO's shapes), its turns' role hints saying who is a
    # member (host) and who a witness (guest); a label without one is left to the usual rule
    hearing: bool = False
    # where a new voice probably starts though the format names no one and marks no change:
    # offsets of the first character after each such place (the scraped page's caption blocks)
    voice_breaks: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class SpeakerRecord:
    """A person taking part: display name, slug, role and the spellings the source uses."""

    name: str
    slug: str
    role: str  # "host" | "guest"
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Turn:
    """An attributed turn: who speaks [start_char, end_char) and when it starts."""

    index: int
    start_char: int
    end_char: int
    speaker_slug: str | None
    start_seconds: float | None = None
    seconds_estimated: bool = False


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence span inside one turn, for the claim extractor."""

    start_char: int
    end_char: int
    turn_index: int


@dataclass(frozen=True, slots=True)
class AnnotatedInterview:
    """The whole result of ingestion for one source: ready for the service to write."""

    source_text: str
    sha256: str
    source_name: str
    format: str
    metadata: Metadata
    speakers: tuple[SpeakerRecord, ...]
    turns: tuple[Turn, ...]
    chapters: tuple[Chapter, ...] = ()
    sentences: tuple[Sentence, ...] = field(default=(), repr=False)
    content_start: int = 0
    content_end: int | None = None
    errors: tuple = ()  # IngestErrors collected by the pipeline; the service must refuse if any
    container: str = ""  # what held the text, when it was read out of something: html, json, xml, tsv, scc, docx, pdf

    @property
    def ok(self) -> bool:
        return not self.errors
