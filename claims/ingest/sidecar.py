"""yt-dlp's info file beside captions: `Title [id].en.vtt` in, the video's metadata and chapters out.

`yt-dlp --write-subs/--write-auto-subs --write-info-json` names a video's files from one base
(`%(title)s [%(id)s]` by default): its captions `BASE.LANG.EXT` (yt-dlp's subtitles_filename: the
language, then the caption format: `.en.vtt`, `.en-orig.vtt`, `.de.srt` after --convert-subs) and
its info `BASE.info.json`. A transcript's sidecar is `STEM.info.json` for its name without the
suffix, else for that name without a language part.

What a sidecar gives sits between what the file says of itself and a manifest entry
(manifest.merge_metadata): title, show (channel, else uploader), published (the day of upload_date,
YYYYMMDD), link (webpage_url), video id (YouTube's id), duration, and its chapters where the
transcript lists none (pipeline.run places them at the cue nearest their time). A malformed sidecar
is an IngestError naming it, which fails its transcript only.

An info file is never a transcript itself: in a batch, one that some transcript has as its sidecar
is read with it, and one with no captions beside it gets one line and is left out (batch_sidecars),
not counted as a failure, nor is a folder holding nothing else (folder_errors_explained):
`--write-info-json` for a video that has no captions is a download that went as asked, not a bad input.

One video is one interview. `--write-subs --write-auto-subs` leaves several caption files of it (`.en.vtt`,
the automatic `.en-orig.vtt`, translations such as `.de.vtt` or `.de-en.vtt`: German from the English
subtitles); in a batch, captions_chosen takes one per video (caption_preference) and names the others. A caption
whose info file sits beside captions in other languages gets a slug ending in its language
("bee-talk-en"), whichever of them a batch names.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import stat
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from .errors import IngestError
from .json_transcript import json_kind
from .manifest import MAX_SECONDS, control_problem, cut_at_word, derive_slug
from .names import slugify
from .read import TRANSCRIPT_SUFFIXES, resolved
from .records import Chapter, Metadata

INFO_SUFFIX = ".info.json"
# the language part of yt-dlp's caption names: YouTube's codes ("en", "en-orig", "zh-Hans", "es-419", "fil")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
_UPLOAD_DATE = re.compile(r"\d{8}")
# an info file lists every format and caption URL of the video: a few megabytes is usual
_MAX_INFO_BYTES = 64 * 1024 * 1024
# `yt-dlp --skip-download --write-info-json` over a channel leaves thousands: a line for each was too many
_NOTES_SHOWN = 10
_MAX_CHAPTER_TITLE = 300  # Chapter.title's max_length
_SURROGATE = re.compile(r"[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class CaptionTracks:
    """What an info file says of the video's captions: the language spoken, and the language codes of its
    manual subtitles ("subtitles") and of YouTube's automatic captions ("automatic_captions")."""

    language: str = ""
    manual: frozenset[str] = frozenset()
    automatic: frozenset[str] = frozenset()


@dataclass(frozen=True)
class CaptionChoice:
    """The one caption file of a video that a batch ingests, and the others of it that it skips."""

    video: str
    chosen: Path
    skipped: tuple[Path, ...]
    stored: bool = False  # chosen as the caption stored before, not by preference


@dataclass(frozen=True, slots=True)
class Sidecar:
    """A transcript's yt-dlp info file as read: the metadata and chapters it gives."""

    path: Path
    metadata: Metadata
    chapters: tuple[Chapter, ...] = ()
    video: str = ""  # "Youtube:Qm3vT9xLp2A": the extractor and its id, one video's name across info files
    tracks: CaptionTracks | None = None


@dataclass(frozen=True)
class SidecarBatch:
    """A batch's files sorted out: transcripts to ingest, each one's info file, and notes on the others."""

    files: tuple[Path, ...]
    sidecars: Mapping[Path, Path]  # transcript -> its info file
    languages: Mapping[Path, frozenset[str]]  # info file -> languages of the captions beside it
    info_files: tuple[Path, ...] = ()  # info files accounted for here (not to be listed as skipped)
    notes: tuple[str, ...] = ()  # one line per info file that no captions beside it use
    noted_folders: frozenset[str] = frozenset()  # folder arguments holding such info files
    # each info file as read, or its refusal: a hundred languages of captions share one of megabytes
    read: dict[Path, Sidecar | IngestError] = field(default_factory=dict, compare=False, repr=False)


def is_info_file(path: Path) -> bool:
    return path.name.endswith(INFO_SUFFIX)


def _sidecar_names(path: Path) -> list[tuple[str, str]]:
    """(info file name, caption language) pairs a transcript's sidecar may have, nearest first."""
    if is_info_file(path):
        return []
    names = [(path.stem + INFO_SUFFIX, "")]
    base, dot, language = path.stem.rpartition(".")
    if dot and base and _LANGUAGE.fullmatch(language):
        names.append((base + INFO_SUFFIX, language))
    return names


def _sidecar_in(path: Path, names: frozenset[str]) -> tuple[str, str] | None:
    return next((pair for pair in _sidecar_names(path) if pair[0] in names), None)


def batch_sidecars(paths: Iterable[str | Path], files: Iterable[Path]) -> SidecarBatch:
    """The command's arguments and the files found in them in, the batch sorted out (SidecarBatch).

    Each folder is listed once, so the work is linear in the files."""
    files = tuple(files)
    listings: dict[Path, frozenset[str]] = {}

    def listing(folder: Path) -> frozenset[str]:
        if folder not in listings:
            try:
                listings[folder] = frozenset(p.name for p in folder.iterdir())
            except OSError:
                listings[folder] = frozenset()
        return listings[folder]

    info_files = [f for f in files if is_info_file(f)]
    folder_of: dict[Path, str] = {}  # an info file found in a folder argument -> that argument
    for raw in paths:
        folder = Path(raw)
        try:
            if not folder.is_dir():
                continue
            found = [f for f in sorted(folder.rglob("*" + INFO_SUFFIX))
                     if f.is_file() and not any(part.startswith(".") for part in f.relative_to(folder).parts)]
        except OSError:  # a path or folder that cannot be read: refused by expand_paths, in its own line
            continue
        info_files += found
        folder_of.update((f, str(raw)) for f in found)
    sidecars: dict[Path, Path] = {}
    for f in files:
        found = None if is_info_file(f) else _sidecar_in(f, listing(f.parent))
        if found:
            sidecars[f] = f.with_name(found[0])
    languages: dict[Path, set[str]] = {}
    for folder in {f.parent for f in (*files, *info_files)}:
        for name in listing(folder):
            caption = folder / name
            if caption.suffix.lower() in TRANSCRIPT_SUFFIXES and (found := _sidecar_in(caption, listing(folder))):
                languages.setdefault(folder / found[0], set()).add(found[1])
    used = {resolved(info) for info in sidecars.values()}
    kept, notes, seen = [], [], set()
    for info in info_files:
        key = resolved(info)
        if key in seen:
            continue
        seen.add(key)
        if key in used or not _looks_like_info(info):
            continue
        if info in languages:
            notes.append(f"{info}: a yt-dlp info file, not a transcript: it is read with the captions beside it; "
                         "name those to ingest them")
        else:
            notes.append(f"{info}: a yt-dlp info file with no captions beside it, not a transcript: nothing to ingest")
        kept.append(info)
    accounted = {resolved(info) for info in kept} | used
    return SidecarBatch(
        files=tuple(f for f in files if resolved(f) not in accounted),
        sidecars=sidecars,
        languages={info: frozenset(found) for info, found in languages.items()},
        info_files=tuple(sorted({*kept, *sidecars.values()})),
        notes=tuple(notes[:_NOTES_SHOWN]) + ((f"batch: and {len(notes) - _NOTES_SHOWN} more yt-dlp info files, not "
                                              "transcripts: nothing to ingest from them",) if len(notes) > _NOTES_SHOWN else ()),
        noted_folders=frozenset(folder_of[info] for info in kept if info in folder_of),
    )


def folder_errors_explained(errors: Iterable[IngestError], batch: SidecarBatch) -> tuple[IngestError, ...]:
    """read.expand_paths' errors without "directory contains no transcript files" for a folder whose
    yt-dlp info files are noted instead (a video downloaded with --write-info-json had no captions)."""
    return tuple(e for e in errors if not (e.source in batch.noted_folders and Path(e.source).is_dir()))


def _looks_like_info(path: Path) -> bool:
    """Whether a file named .info.json is yt-dlp's (an object with the video's id and where it is from)."""
    try:
        info = _load(path)
    except IngestError:
        return False
    return bool(info.get("id")) and any(info.get(key) for key in ("extractor", "extractor_key", "webpage_url"))


def _load(path: Path) -> dict[str, Any]:
    source = str(path)
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):  # a FIFO's read waits for a writer that never comes
            raise IngestError(source, None, f"cannot read yt-dlp info file: {_not_a_file(status.st_mode)}")
        size = status.st_size
        if size > _MAX_INFO_BYTES:
            raise IngestError(source, None, f"yt-dlp info file is {size} bytes, over the limit of {_MAX_INFO_BYTES} bytes")
        info = json.loads(path.read_bytes().decode("utf-8"))
    except OSError as exc:
        raise IngestError(source, None, f"cannot read yt-dlp info file: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise IngestError(source, None, f"yt-dlp info file is not UTF-8 (byte {exc.object[exc.start]:#04x} at offset {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise IngestError(source, exc.lineno, f"yt-dlp info file is not valid JSON: {exc.msg}") from None
    except RecursionError:
        raise IngestError(source, None, "yt-dlp info file is not valid JSON: nested too deep") from None
    except ValueError:  # an integer of over 4,300 digits (sys.get_int_max_str_digits), which json.loads lets through
        raise IngestError(source, None, "yt-dlp info file is not valid JSON: a number too long to read") from None
    if not isinstance(info, dict):
        raise IngestError(source, None, f"not a yt-dlp info file: its JSON is {json_kind(info)}, not an object")
    return info


def sidecar_read(path: Path, batch: SidecarBatch) -> Sidecar | None:
    """A transcript's path in, its info file's Sidecar out (None when it has none); IngestError naming
    the info file when that is malformed."""
    info_path = batch.sidecars.get(path)
    if info_path is None:
        return None
    if info_path not in batch.read:
        try:
            batch.read[info_path] = read_sidecar(info_path)
        except IngestError as error:
            batch.read[info_path] = error
    sidecar = batch.read[info_path]
    if isinstance(sidecar, IngestError):
        raise IngestError(sidecar.source, sidecar.line, f"{sidecar.reason} (so {path.name} beside it is not ingested)")
    languages = batch.languages.get(info_path, frozenset())
    language = next((lang for name, lang in _sidecar_names(path) if name == info_path.name), "")
    if len(languages) > 1 and language and sidecar.metadata.title:
        slug = derive_slug(Metadata(title=f"{sidecar.metadata.title} {language}"), stem=path.stem)
        if slug == derive_slug(Metadata(title=sidecar.metadata.title), stem=path.stem):
            slug += "-" + slugify(language)  # a title's slug is cut at a word, and the language went with the cut
        sidecar = replace(sidecar, metadata=replace(sidecar.metadata, slug=slug))
    return sidecar


PREFERENCE = ("the video's language first, then manual subtitles over automatic captions, then original over translated")


def captions_chosen(
    batch: SidecarBatch, *, stored: Callable[[Path], bool] = lambda path: False
) -> tuple[tuple[Path, ...], tuple[CaptionChoice, ...]]:
    """A batch in, (its files with one caption file per video, the choices made where a video had several) out.

    Videos are told apart by their info files' extractor and id, so one video downloaded into two folders is one
    too; a caption whose info file cannot be read is left in, to be refused with it (sidecar_read). A caption that
    `stored` says is in the database already is taken over the preference: a folder ingested before its manual
    subtitles were downloaded goes on as it was, not refused as a second interview of its video."""
    by_video: dict[str, list[tuple[Path, Sidecar]]] = {}
    for path in batch.files:
        try:
            sidecar = sidecar_read(path, batch)
        except IngestError:
            continue
        if sidecar is not None and sidecar.video:
            by_video.setdefault(sidecar.video, []).append((path, sidecar))
    choices = []
    for video, captions in by_video.items():
        if len(captions) < 2:
            continue
        stored_before = next((path for path, _ in captions if stored(path)), None)
        if stored_before is None:
            language = _language_spoken(sidecar for _, sidecar in captions)
            chosen = min(captions, key=lambda caption: caption_preference(
                _caption_language(caption[0], caption[1].path), caption[1].tracks or CaptionTracks(), language))[0]
        else:
            chosen = stored_before
        choices.append(CaptionChoice(video, chosen, tuple(path for path, _ in captions if path != chosen),
                                     stored=stored_before is not None))
    skipped = {path for choice in choices for path in choice.skipped}
    return tuple(path for path in batch.files if path not in skipped), tuple(choices)


def caption_preference(code: str, tracks: CaptionTracks, language: str) -> tuple[bool, bool, bool, bool]:
    """A caption file's language code ("en", "en-orig", "de-en") in, its rank among one video's captions out (the
    lowest first): the language spoken, manual subtitles over automatic captions, YouTube's untranslated
    "-orig" track, then anything but a translation of the manual subtitles ("de-en": German from English; "en-en"
    passes the English subtitles through the translator). "zh-Hans" or "es-419" are languages, not translations."""
    manual = code in tracks.manual
    translated = not manual and code.rpartition("-")[2] in tracks.manual
    return (bool(language) and _primary(code) != language, not manual, not code.endswith("-orig"), translated)


def _language_spoken(sidecars: Iterable[Sidecar]) -> str:
    """The primary language of one video: its info file's "language", else that of its one "-orig" track."""
    tracks = [sidecar.tracks for sidecar in sidecars if sidecar.tracks]
    said = {_primary(t.language) for t in tracks if t.language}
    if len(said) == 1:
        return said.pop()
    original = {_primary(code) for t in tracks for code in t.automatic if code.endswith("-orig")}
    return original.pop() if len(original) == 1 else ""


def _primary(code: str) -> str:
    return code.partition("-")[0].lower()


def _caption_language(path: Path, info: Path) -> str:
    return next((language for name, language in _sidecar_names(path) if name == info.name), "")


def read_sidecar(path: Path) -> Sidecar:
    """A yt-dlp info file in, its Sidecar out; IngestError naming the file and the reason when malformed."""
    info = _load(path)
    source = str(path)
    if info.get("_type") == "playlist":
        raise IngestError(source, None, "is a yt-dlp playlist's info file, not a video's")
    if not info.get("id") and not info.get("webpage_url"):
        raise IngestError(source, None, "not a yt-dlp info file: it has no id or webpage_url")
    text = {key: _text(info, key, source) for key in ("id", "title", "channel", "uploader", "webpage_url",
                                                       "upload_date", "extractor_key")}
    published = None
    if text["upload_date"]:
        published = _day(text["upload_date"], source)
    duration = info.get("duration")
    if duration is not None and not _is_seconds(duration):
        raise IngestError(source, None, f"duration {duration!r} is not a number of seconds")
    youtube = text["extractor_key"].lower().startswith("youtube")
    metadata = Metadata(
        title=text["title"], show=text["channel"] or text["uploader"], channel=text["channel"],
        link=text["webpage_url"], video_id=text["id"] if youtube else "",
        published=published, published_precision="day" if published else "",
        duration_seconds=round(duration) if duration is not None else None,
    )
    video = f"{text['extractor_key'] or _text(info, 'extractor', source)}:{text['id']}" if text["id"] else ""
    return Sidecar(path, metadata, _chapters(info.get("chapters"), source), video, _tracks(info, source))


def _tracks(info: Mapping[str, Any], source: str) -> CaptionTracks:
    codes = {}
    for key in ("subtitles", "automatic_captions"):
        value = info.get(key)
        if value is not None and not isinstance(value, dict):
            raise IngestError(source, None, f"{key} is {json_kind(value)}, not an object")
        codes[key] = frozenset(value or ())
    return CaptionTracks(_text(info, "language", source), codes["subtitles"], codes["automatic_captions"])


def _text(info: Mapping[str, Any], key: str, source: str) -> str:
    value = info.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise IngestError(source, None, f"{key} is {json_kind(value)}, not text")
    if problem := _storable_problem(key, value):
        raise IngestError(source, None, problem)
    return value.strip()


def _storable_problem(key: str, value: str) -> str:
    """Why a text cannot be stored, "" when it can: JSON's "\\ud800" escape reads as a lone surrogate, which
    no database encodes (a UnicodeEncodeError at the write, after the whole pipeline ran)."""
    if found := _SURROGATE.search(value):
        return f"{key} has a lone surrogate (U+{ord(found.group()):04X}), not text"
    return control_problem(key, value)


def _day(value: str, source: str) -> dt.date:
    if _UPLOAD_DATE.fullmatch(value):
        try:
            return dt.date(int(value[:4]), int(value[4:6]), int(value[6:]))
        except ValueError:
            pass
    raise IngestError(source, None, f"upload_date {value!r} is not a day written YYYYMMDD")


def _chapters(chapters: Any, source: str) -> tuple[Chapter, ...]:
    if chapters is None:
        return ()
    if not isinstance(chapters, list):
        raise IngestError(source, None, f"chapters is {json_kind(chapters)}, not a list")
    out = []
    for i, chapter in enumerate(chapters):
        if not isinstance(chapter, dict):
            raise IngestError(source, None, f"chapters[{i}] is {json_kind(chapter)}, not an object")
        start, title = chapter.get("start_time"), chapter.get("title")
        if not _is_seconds(start):
            raise IngestError(source, None, f"chapters[{i}] start_time {start!r} is not a number of seconds")
        if not isinstance(title, str):
            raise IngestError(source, None, f"chapters[{i}] title is {json_kind(title)}, not text")
        if problem := _storable_problem(f"chapters[{i}] title", title):
            raise IngestError(source, None, problem)
        if out and start < out[-1].start_seconds:
            raise IngestError(source, None, f"chapters[{i}] starts at {start} s, before the chapter above it")
        title = title.strip()
        if len(title) > _MAX_CHAPTER_TITLE:
            title = cut_at_word(title, _MAX_CHAPTER_TITLE)
        out.append(Chapter(title, int(start)))
    return tuple(out)


def _is_seconds(value: Any) -> bool:
    """Whether a JSON value is a time in a video: Python's json reads NaN and Infinity, and 1e308 rounds
    to an integer no column holds."""
    return (not isinstance(value, bool) and isinstance(value, (int, float))
            and (not isinstance(value, float) or math.isfinite(value)) and 0 <= value <= MAX_SECONDS)


def _not_a_file(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder, not a file"
    return "a FIFO, not a file" if stat.S_ISFIFO(mode) else "not a regular file"
