"""Metadata a file does not state: a manifest (sidecar JSON) and command-line options.

Merge order: the file's own metadata < a yt-dlp info file beside it (sidecar.py) < the manifest
entry < command-line options. A field
counts as given when it is not empty ("" / None / ()). `seeds/manifest.json` maps file names
to entries:

    {"001_4ce4f833089e0e5e.txt": {"slug": "...", "show": "...", "hosts": ["Dwarkesh Patel"],
      "guests": ["Ilya Sutskever"], "published": "2023-03-27", "link": "...", ...}}

"published" keeps its precision: "2023" is year precision, "2023-03" month, "2023-03-27"
day (stored as the first day of the period, with `published_precision` saying which).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import fields, replace
from pathlib import Path
from typing import Any, Mapping
from urllib.parse import urlsplit

from .errors import IngestError
from .names import slugify, unique_slug
from .records import Metadata

MANIFEST_NAME = "manifest.json"
_FIELDS = {f.name for f in fields(Metadata)}
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_published(value: str) -> tuple[dt.date, str]:
    """"2023" -> (2023-01-01, "year"); "2023-03" -> month; "2023-03-27" -> day."""
    m = _DATE.match(value.strip())
    if not m:
        raise ValueError(f"published date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = m.groups()
    try:
        date = dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:  # "2023-02-30": say which value, not only "day is out of range for month"
        raise ValueError(f"published date {value!r} is not a real date ({exc})") from None
    return date, "day" if day else "month" if month else "year"


# The interview's columns (claims.models.Interview): a longer value is refused by PostgreSQL with a
# traceback, and kept whole by SQLite, so the two databases would disagree.
METADATA_MAX_LENGTHS = {"slug": 200, "title": 500, "show": 200, "link": 500, "video_id": 100}
# Interview.duration_seconds and Chapter.start_seconds: PostgreSQL's integer (SQLite's ends at 2^63, an
# OverflowError traceback at the write); 68 years
MAX_SECONDS = 2**31 - 1
_METADATA_SLUG = re.compile(r"^[-a-zA-Z0-9_]+\Z")
_LINK = re.compile(r"^https?://[^\s/?#]+[^\s]*\Z", re.IGNORECASE)


def metadata_problems(metadata: Metadata) -> list[str]:
    """Why `metadata` cannot be stored as an interview's: one reason per bad field, [] when none."""
    problems = []
    for name, limit in METADATA_MAX_LENGTHS.items():
        value = getattr(metadata, name)
        if len(value) > limit:
            problems.append(f"{name} is {len(value)} characters long, over the limit of {limit}")
    if metadata.slug and len(metadata.slug) <= METADATA_MAX_LENGTHS["slug"] and not _METADATA_SLUG.match(metadata.slug):
        problems.append(f"slug {metadata.slug!r} is not a slug: letters, digits, hyphens and underscores only")
    if metadata.link and len(metadata.link) <= METADATA_MAX_LENGTHS["link"] and not _opens(metadata.link):
        problems.append(f"link {metadata.link!r} is not an http:// or https:// address")
    if metadata.video_id and any(c.isspace() for c in metadata.video_id):
        problems.append(f"video_id {metadata.video_id[:50]!r} has spaces in it")
    if metadata.duration_seconds is not None and metadata.duration_seconds < 0:
        problems.append(f"duration_seconds {metadata.duration_seconds} is negative")
    if metadata.duration_seconds is not None and metadata.duration_seconds > MAX_SECONDS:
        problems.append(f"duration_seconds {metadata.duration_seconds} is over the limit of {MAX_SECONDS}")
    return problems


def _opens(link: str) -> bool:
    """An http(s) address a browser can open: "http://[::1/ep" passed the pattern, and urlsplit refuses it."""
    if not _LINK.match(link):
        return False
    try:
        urlsplit(link)
    except ValueError:
        return False
    return True


def fit_metadata(metadata: Metadata) -> Metadata:
    """What a file says of itself, fitted to what an interview stores: a page's title or show longer
    than the column cut at a word, a link or video id that cannot be one dropped. A file is not
    refused for its own head; what a person gave (options, a manifest) is checked, not fitted."""
    changes = {}
    for name in ("title", "show"):
        value, limit = getattr(metadata, name), METADATA_MAX_LENGTHS[name]
        if len(value) > limit:
            changes[name] = cut_at_word(value, limit)
    if metadata.link and (len(metadata.link) > METADATA_MAX_LENGTHS["link"] or not _LINK.match(metadata.link)):
        changes["link"] = ""
    if metadata.video_id and (len(metadata.video_id) > METADATA_MAX_LENGTHS["video_id"]
                              or any(c.isspace() for c in metadata.video_id)):
        changes["video_id"] = ""
    if metadata.duration_seconds is not None and not 0 <= metadata.duration_seconds <= MAX_SECONDS:
        changes["duration_seconds"] = None
    return replace(metadata, **changes) if changes else metadata


def cut_at_word(value: str, limit: int) -> str:
    """A text longer than `limit` cut at its last word that fits, with "…": `limit` characters at most."""
    cut = value[: limit].rsplit(" ", 1)[0] if " " in value[: limit] else value[: limit - 1]
    return cut[: limit - 1].rstrip() + "…"


def metadata_from_mapping(data: Mapping[str, Any], *, source: str = "metadata") -> Metadata:
    """A JSON-like mapping (manifest entry or command-line options) in, Metadata out."""
    if not isinstance(data, Mapping):  # '"talk.txt": "A title"' was read as the fields "A", " ", "t", ...
        raise IngestError(source, None, f"the entry must be a JSON object of metadata fields, not {_json_kind(data)}")
    unknown = set(data) - _FIELDS - {"youtube_id", "host", "guest", "duration"}
    if unknown:
        raise IngestError(source, None, f"unknown metadata field(s): {', '.join(sorted(unknown))}")
    values: dict[str, Any] = {}
    for key, value in data.items():
        if value in (None, "", [], ()):
            continue
        shape = _shape_problem(key, value)
        if shape:
            raise IngestError(source, None, shape)
        if key in ("hosts", "guests", "host", "guest"):
            name = key if key.endswith("s") else key + "s"
            if isinstance(value, str):
                value = [v.strip() for v in value.split(",") if v.strip()]
            values[name] = tuple(value)
        elif key == "published":
            if isinstance(value, dt.date):
                values["published"] = value
            else:
                try:
                    values["published"], precision = parse_published(str(value))
                except ValueError as exc:
                    raise IngestError(source, None, str(exc)) from None
                values.setdefault("published_precision", precision)
        elif key in ("duration_seconds", "duration"):
            try:
                values["duration_seconds"] = int(value)
            except (TypeError, ValueError, OverflowError):  # OverflowError: JSON's Infinity
                raise IngestError(source, None, f"duration_seconds {value!r} is not a whole number of seconds") from None
            if values["duration_seconds"] > MAX_SECONDS:
                raise IngestError(source, None, f"duration_seconds {value!r} is over the limit of {MAX_SECONDS}")
        elif key == "single_speaker":
            if not isinstance(value, bool):
                raise IngestError(source, None, f"single_speaker {value!r} is not true or false")
            values["single_speaker"] = value
        elif key in ("video_id", "youtube_id"):
            values["video_id"] = str(value)
        else:
            values[key] = str(value)
    if "published_precision" in values and values["published_precision"] not in ("day", "month", "year"):
        raise IngestError(source, None, f"published_precision {values['published_precision']!r} is not day, month or year")
    problems = metadata_problems(Metadata(**values))
    if problems:
        raise IngestError(source, None, "; ".join(problems))
    if values.get("video_id") and not values.get("link"):
        values["link"] = f"https://www.youtube.com/watch?v={values['video_id']}"
    return Metadata(**values)


def _json_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    return {str: "a string", list: "a list", type(None): "null"}.get(type(value), type(value).__name__)


def _shape_problem(key: str, value: Any) -> str:
    """Why a given value (manifest or option) cannot be its field's, "" when it can: the wrong JSON
    type (a list title was stored as "['Robots']", a number of hosts was a TypeError), blank, or
    holding a control character."""
    if key in ("hosts", "guests", "host", "guest"):
        names = [value] if isinstance(value, str) else value
        if not isinstance(names, (list, tuple)) or not all(isinstance(name, str) for name in names):
            return f"{key} {value!r} is not a name or a list of names"
        if not all(name.strip() for name in names):  # --host "  " was a host nobody could be
            return f"{key} has a blank name (spaces only)"
        return control_problem(key, "".join(names))
    elif key == "published":
        if isinstance(value, bool) or not isinstance(value, (str, int, dt.date)):
            return f"published {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD"
    elif key in ("duration_seconds", "duration", "single_speaker"):
        return ""  # checked where they are read
    elif isinstance(value, bool) or not isinstance(value, (str, int)):  # a title 1984 is text; a list is not
        return f"{key} {value!r} is not text"
    elif isinstance(value, str) and not value.strip():  # --title "   " gave the interview the slug ""
        return f"{key} is blank (spaces only)"
    elif isinstance(value, str):
        return control_problem(key, value)
    return ""


# NUL is refused by PostgreSQL (a traceback) and kept by SQLite; an escape sequence colours a terminal.
# Tabs and line breaks are text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def control_problem(key: str, value: str) -> str:
    found = _CONTROL.search(value)
    return f"{key} has a control character (U+{ord(found.group()):04X})" if found else ""


def merge_metadata(*layers: Metadata) -> Metadata:
    """Later layers win, field by field, where they give a value."""
    out = Metadata()
    names = [f.name for f in fields(Metadata)]
    for layer in layers:
        changes = {}
        for name in names:
            value = getattr(layer, name)
            if value not in (None, "", ()):
                changes[name] = value
        if "published" in changes and "published_precision" not in changes:
            changes["published_precision"] = layer.published_precision or "day"
        if changes:  # most layers are empty (no manifest, no front matter): nothing to replace
            out = replace(out, **changes)
    return out


def derive_slug(metadata: Metadata, *, stem: str = "") -> str:
    """The interview's slug when none is given: show + guest, else title, else the file stem. A
    title in letters with no Latin form (Chinese, Arabic) gives the file stem's slug and a digest
    of the title (names.unique_slug): never empty, and two such titles do not meet."""
    if metadata.slug:
        return metadata.slug
    if metadata.show and metadata.guests:
        return unique_slug(f"{metadata.show} {metadata.guests[0]}", fallback=stem, default="interview")
    # a title's or a file name's slug is cut at a word: a 250-character file name made a slug longer
    # than the column holds (refused by PostgreSQL)
    if metadata.title:
        return _derived_slug(metadata.title, fallback=stem)
    return _derived_slug(stem)


_DERIVED_SLUG_LENGTH = 80


def _derived_slug(value: str, *, fallback: str = "") -> str:
    slug = unique_slug(value, fallback=fallback, default="interview")
    if len(slug) <= _DERIVED_SLUG_LENGTH:
        return slug
    if slug != slugify(value):  # a digest at its end (unique_slug): cut before it, keep it
        return unique_slug(value, fallback=fallback, default="interview", limit=_DERIVED_SLUG_LENGTH)
    cut = slug[:_DERIVED_SLUG_LENGTH + 1].rsplit("-", 1)[0]
    return (cut if len(cut) >= _DERIVED_SLUG_LENGTH // 2 else slug[:_DERIVED_SLUG_LENGTH]).strip("-")


def load_manifest(path: str | Path) -> dict[str, Metadata]:
    """manifest.json in, {file name: Metadata} out (IngestError naming the file when bad)."""
    entries = manifest_entries(path)
    for entry in entries.values():
        if isinstance(entry, IngestError):
            raise entry
    return entries


def manifest_entries(path: str | Path) -> dict[str, Metadata | IngestError]:
    """manifest.json in, {file name: Metadata, or the IngestError of its bad entry} out, so that a
    bad entry fails its own file only; IngestError when the manifest itself cannot be read."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        reason = getattr(exc, "msg", None) or getattr(exc, "strerror", None) or exc  # not "[Errno 21] ...: '<the path again>'"
        raise IngestError(str(p), line, f"unreadable manifest: {reason}") from None
    if not isinstance(data, dict):
        raise IngestError(str(p), None, "manifest must be a JSON object mapping file names to metadata")
    entries: dict[str, Metadata | IngestError] = {}
    for name, entry in data.items():
        if name.startswith("_"):
            continue
        try:
            entries[name] = metadata_from_mapping(entry, source=f"{p}[{name}]")
        except IngestError as error:
            entries[name] = error
    return entries


def manifest_metadata(path: str | Path, *, manifest: Mapping[str, Metadata] | None = None) -> Metadata:
    """The manifest entry for a transcript: from `manifest`, else from manifest.json beside it."""
    p = Path(path)
    if manifest is None:
        manifest = load_manifest(p.parent / MANIFEST_NAME)
    return manifest.get(p.name, Metadata())
