"""The ingestion pipeline: text and metadata in, an AnnotatedInterview out. It only chains.

API (one shape for every failure): `run` never raises for bad input. It returns an
AnnotatedInterview whose `errors` holds every IngestError collected on the way (a forced
format that does not fit, malformed or out-of-order cues, ...); `annotated.ok` is False
then and the caller (the ingest command, the service) must refuse to write it. Reading
files is a step before `run`: `ingest_paths` reads, merges metadata and runs, collecting
errors from every file instead of stopping at the first.

    (document text) -> detect/parse -> attribute speakers -> locate chapters, estimate times -> split sentences

A web page, a recogniser's JSON and timed-text XML are first read as the text they hold
(`_document_text`); a Word document is read so already when its bytes are decoded (read.py).

Everything after parsing reads the text with caption markup blanked out (markup.py), and
consecutive caption cues with no change of voice between them as one stretch of speech,
stored cue by cue (cues.py).
"""
from __future__ import annotations

import gc
import hashlib
import re
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from .attribute import attribute_speakers, scoped_to_interview
from .cues import cue_anchors, cue_text_only, join_cues, notes_kept, speaker_runs, split_at_cues, timed_paragraphs
from .errors import IngestError
from .formats import parse_source
from .formats._common import lone_cr_as_lf
from .formats._head import day_in_title, month_in_title
from .formats.plain import questions_in_bold
from .front_matter import blank_front_matter, front_matter_transcript, read_front_matter
from .introductions import introduced, parts_named, self_named_parts, show_named
from .html import is_html, read_page, without_trailing_headings
from .json_transcript import json_document
from .manifest import derive_slug, fit_metadata, manifest_metadata, merge_metadata
from .markup import reading_text, without_collapsed_originals
from .read import DEFAULT_MAX_BYTES, expand_paths, read_document
from .records import AnnotatedInterview, Chapter, Metadata
from .scc_transcript import scc_document
from .table_transcript import table_document
from .segment import sentences_of_turns, spans_by_range, split_sentences
from .sidecar import batch_sidecars, folder_errors_explained, sidecar_read
from .timing import chapters_at_cues, estimate_times, locate_chapters
from .tsv_transcript import tsv_document
from .xml_transcript import xml_document


def run(
    text: str,
    *,
    source: str,
    fmt: str | None = None,
    metadata: Metadata | None = None,
    sha256: str | None = None,
    attribution_model=None,
    file_metadata: Metadata | None = None,
    chapters: Sequence[Chapter] = (),
) -> AnnotatedInterview:
    """Source text in, AnnotatedInterview out (check `.errors`; see the module docstring).

    An HTML page, a recogniser's JSON or timed-text XML is read as the text it holds, and that
    text is what is stored (`_document_text`).
    `metadata` overrides what the file says about itself (pass the manifest entry merged with
    command-line options). `sha256` is of the raw file bytes; by default, of the text as UTF-8.
    `file_metadata` is what the file said of itself outside the text when it was decoded (a PDF's
    document information, read.decode_document): the least trusted layer, below what the text says.
    `chapters` are the video's chapters from beside the source (a yt-dlp info file, sidecar.py), used
    where the text lists none: a cue source's at the cue nearest their time, others located as a text's are.
    `attribution_model` replaces the shipped speaker-attribution model (for held-out measurement).
    """
    with collector_paused():
        return _annotated(text, source=source, fmt=fmt, metadata=metadata, sha256=sha256,
                          attribution_model=attribution_model, file_metadata=file_metadata, chapters=chapters)


@contextmanager
def collector_paused():
    """Python's cyclic garbage collector off for the block, back on after it if it was on.

    The pipeline allocates a few records per turn and keeps most of them to the end (parsed turns, spans,
    turns, sentences): the collector, run every 700 allocations, walked that growing heap again and
    again, 35-45% of the CPU time of a file of short turns (bench/RESULTS.md, 2026-12-07). The stages
    make no reference cycles (none left over by any file of tests/data or seeds), so their garbage is
    freed by reference counting as before; the process-wide switch is safe as ingestion runs one file at a
    time per thread (a concurrent thread's garbage waits for the collector to be back on).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _annotated(
    text: str,
    *,
    source: str,
    fmt: str | None,
    metadata: Metadata | None,
    sha256: str | None,
    attribution_model,
    file_metadata: Metadata | None,
    chapters: Sequence[Chapter],
) -> AnnotatedInterview:
    """run's work, with the collector paused."""
    digest = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    # what the readers read: lines ended by a lone "\r" (old Mac files) as by "\n", offsets the same; the text stored
    # is the file's, or what a container (a page, a JSON, an SCC file, ...) holds, read from those lines
    lines = lone_cr_as_lf(text)
    try:
        document = _document_text(lines, source=source)
    except IngestError as error:
        return AnnotatedInterview(source_text="", sha256=digest, source_name=source, format="", metadata=Metadata(),
                                  speakers=(), turns=(), content_start=0, content_end=0, errors=(error,))
    container = document.container
    if container:
        text = document.text
        lines = lone_cr_as_lf(text)
    # a Markdown transcript's YAML front matter: metadata, and blank lines to the parsers
    front = read_front_matter(lines) if not container else None
    # a translated page's collapsed originals under its turns: the same words again, no one's turn
    shown = lines if container else without_collapsed_originals(lines)
    parsed = parse_source(shown if front is None else blank_front_matter(shown, front), source=source, fmt=fmt or document.format)
    merged = merge_metadata(file_metadata or Metadata(), parsed.metadata, document.metadata, front.metadata if front else Metadata(), metadata or Metadata())
    merged = fit_metadata(replace(merged, slug=derive_slug(merged, stem=Path(source).stem)))
    if merged.published is None and (day := day_in_title(merged.title)):  # "... – 12 March 2024": nothing else said when
        merged = replace(merged, published=day, published_precision="day")
    elif (month := month_in_title(merged.title)) and (merged.published is None or merged.published_precision == "year"
                                                       and merged.published.year == month.year):
        merged = replace(merged, published=month, published_precision="month")  # "... (March 2024)": no fuller date said
    if front is not None and parsed.content_start < front.end:
        parsed = replace(parsed, content_start=front.end)
    if document.headings:  # a web page's section headings between turns are nobody's words
        parsed = without_trailing_headings(lines, parsed, document.headings)
    if document.bold_lines:  # a magazine's Q&A page: its questions in bold
        parsed = questions_in_bold(lines, parsed, document.bold_lines)
    content_end = parsed.content_end if parsed.content_end is not None else len(text)
    base = AnnotatedInterview(
        source_text=text, sha256=digest, source_name=source, format=parsed.format, metadata=merged,
        speakers=(), turns=(), content_start=parsed.content_start, content_end=content_end,
        errors=tuple(parsed.errors), container=container,
    )
    if not parsed.turns:
        if not parsed.errors:
            base = replace(base, errors=(IngestError(source, None, f"no transcript text found (format {parsed.format})"),))
        return base
    # the later stages read caption markup and cue lines as blanks (same offsets; the source
    # keeps them), and runs of cues as one stretch of speech (cues.py)
    reading = reading_text(shown, parsed.format)
    cue_starts = cue_anchors(parsed)
    if chapters and not parsed.chapters:
        parsed = replace(parsed, chapters=chapters_at_cues(chapters, cue_starts))
    # a recogniser's timed paragraphs: each one voice's, decided whole (not joined into one stretch of speech)
    paragraphs = timed_paragraphs(shown, parsed)
    joined = parsed if paragraphs else join_cues(reading, parsed)
    # rolling auto-captions' cues joined across their repeats, for attribution: a voice goes on through a repeat
    voiced = parsed if paragraphs else join_cues(reading, parsed, across_repeats=True)
    reading = cue_text_only(reading, parsed.format, parsed.turns)
    parsed = joined
    # sentences are computed once: attribution uses them as units where a format has no turns
    ranges = [(t.start_char, t.end_char) for t in parsed.turns]
    spans_of_turn = spans_by_range(reading, ranges)
    spans = [span for turn_spans in spans_of_turn for span in turn_spans]
    if len(voiced.turns) == len(parsed.turns):
        voiced, units = parsed, spans
    else:  # its own sentences, across the cues (the stored sentences stay within them: no repeat in a quote)
        units = [span for turn_spans in spans_by_range(reading, [(t.start_char, t.end_char) for t in voiced.turns])
                 for span in turn_spans]
    if paragraphs:
        units = ranges
    labelled = any(t.speaker_label for t in parsed.turns)
    if not labelled:  # the opening may name the host and guest
        merged = introduced(reading, parsed.content_start, content_end, merged)
    speakers, turns = attribute_speakers(reading, voiced, merged, units=units, model=attribution_model)
    if voiced is not parsed:
        turns = notes_kept(reading, turns)
    if labelled:  # "Speaker A" and "Speaker B": the opening may say who they are
        speakers, turns, merged = parts_named(reading, speakers, turns, merged)
        speakers, turns, merged = self_named_parts(reading, speakers, turns, merged)  # "I'm one of your hosts, ..."
        merged = show_named(reading, parsed.content_start, content_end, merged)
    speakers, turns = scoped_to_interview(speakers, turns, merged.slug, named=merged.hosts + merged.guests)
    host = next((s.slug for s in speakers if s.role == "host"), None)
    chapters = locate_chapters(
        reading, parsed.chapters, turns, content_start=parsed.content_start, content_end=content_end,
        duration=merged.duration_seconds, host_slug=host,
    )
    turns = estimate_times(
        split_at_cues(reading, turns, cue_starts), chapters=chapters, content_start=parsed.content_start,
        content_end=content_end, duration=merged.duration_seconds, cue_starts=cue_starts,
    )
    runs = speaker_runs(reading, turns, parsed.format)
    if [(t.start_char, t.end_char) for t in runs] == ranges:  # a turn per parsed turn (labels): spans known per turn
        sentences = sentences_of_turns(runs, spans_of_turn)
    else:
        sentences = split_sentences(reading, runs, spans=spans)
    return replace(base, metadata=merged, speakers=speakers, turns=turns, chapters=chapters, sentences=sentences)


@dataclass(frozen=True)
class Document:
    """The text a source holds and what it says of itself outside that text."""

    text: str
    metadata: Metadata = Metadata()
    container: str = ""  # what held the text: "html", "json", "xml", "tsv", "scc", "csv", "jsonl", "front matter"; "" for text as it is
    format: str | None = None  # where the text was written here, the format that reads it
    headings: tuple = ()  # a page's heading lines (html.py)
    bold_lines: tuple = ()  # a page's lines in bold throughout (html.py)


def document_container(text: str, *, source: str) -> str:
    """What held a source's text ("html", "json", ...; see Document.container), without parsing the transcript."""
    try:
        return _document_text(lone_cr_as_lf(text), source=source).container
    except IngestError:
        return ""


def _document_text(text: str, *, source: str) -> Document:
    """A source in, the text it holds out: an HTML page as a reader sees it (html.py), a
    recogniser's JSON, timed-text XML, Whisper's TSV or broadcast SCC captions as timed lines
    (json_transcript.py, xml_transcript.py, tsv_transcript.py, scc_transcript.py), a table's rows
    (CSV, TSV, JSON Lines) as timed, labelled lines (table_transcript.py), a Markdown page's transcript
    held in its front matter as timed lines (front_matter.py); other text as it is."""
    if is_html(text):
        page = read_page(text)
        if page.loads_by_script:  # a shell its scripts fill: the transcript in their JSON, or none saved
            if page.embedded is None:
                raise IngestError(source, None, "page has no transcript text: it loads it with a script; "
                                                "save the rendered page or the captions")
            return Document(page.embedded.text, page.metadata, "html", page.embedded.format)
        if not page.text.strip():
            raise IngestError(source, None, "HTML page has no text outside its scripts, navigation, header, footer and comments")
        return Document(page.text, page.metadata, "html", None, page.headings, page.bold_lines)
    readers = (("json", json_document), ("xml", xml_document), ("tsv", tsv_document), ("scc", scc_document), ("csv", table_document))
    for container, read in readers:
        rendered = read(text, source=source)
        if rendered is not None:
            metadata = Metadata(duration_seconds=rendered.duration, title=rendered.title, published=rendered.published,
                                published_precision="day" if rendered.published else "", video_id=rendered.video_id,
                                link=rendered.link)
            return Document(rendered.text, metadata, rendered.container or container, rendered.format)
    # a Markdown page with no words below its front matter, the transcript in a field of it (3Play's timed HTML)
    held = front_matter_transcript(text, source=source)
    if held is not None:
        front, rendered = held
        return Document(rendered.text, front.metadata, "front matter", rendered.format)
    if _is_rttm(text):
        raise IngestError(source, None, "an RTTM file (a diariser's who speaks when) holds no words: "
                                        "ingest the transcript it was made for")
    return Document(text)


# a line of NIST's Rich Transcription Time Marked format as diarisers write it (pyannote, NeMo, Kaldi):
# "SPEAKER <file> <channel> <onset> <duration> <NA> <NA> <speaker> <NA> <NA>"
_RTTM_LINE = re.compile(r"[ \t]*SPEAKER[ \t]+\S+[ \t]+\S+[ \t]+\d+(?:\.\d+)?[ \t]+\d+(?:\.\d+)?"
                        r"(?:[ \t]+\S+){3,5}[ \t]*\r?")
_RTTM_LINES_READ = 50


def _is_rttm(text: str) -> bool:
    """The text is a diarisation in RTTM: its first lines (up to 50 of them) every one an RTTM record."""
    lines = [line for line in text[:20_000].split("\n")[:_RTTM_LINES_READ + 1] if line.strip()][:_RTTM_LINES_READ]
    return bool(lines) and all(_RTTM_LINE.fullmatch(line) for line in lines)


def ingest_paths(
    paths: Iterable[str | Path],
    *,
    fmt: str | None = None,
    options: Metadata | None = None,
    manifest: Mapping[str, Metadata] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    attribution_model=None,
) -> tuple[tuple[AnnotatedInterview, ...], tuple[IngestError, ...]]:
    """Files and folders in, (interviews that ingested cleanly, every error) out.

    Metadata per file: what the file says < its yt-dlp info file (sidecar.py) < its manifest entry
    (`manifest`, or manifest.json beside the file) < `options` (from the command line). yt-dlp's
    info files are read with their captions, not as transcripts.
    """
    paths = tuple(paths)
    files, errors = expand_paths(paths)
    sidecars = batch_sidecars(paths, files)
    collected = list(folder_errors_explained(errors, sidecars))
    done: list[AnnotatedInterview] = []
    for path in sidecars.files:
        try:
            sidecar = sidecar_read(path, sidecars)
            text, digest, file_metadata = read_document(path, max_bytes=max_bytes)
            entry = merge_metadata(sidecar.metadata if sidecar else Metadata(), manifest_metadata(path, manifest=manifest))
        except IngestError as exc:
            collected.append(exc)
            continue
        annotated = run(text, source=str(path), fmt=fmt, metadata=merge_metadata(entry, options or Metadata()), sha256=digest,
                        attribution_model=attribution_model, file_metadata=file_metadata,
                        chapters=sidecar.chapters if sidecar else ())
        if annotated.errors:
            collected.extend(annotated.errors)
        else:
            done.append(annotated)
    return tuple(done), tuple(collected)
