"""Reading transcript files: path in, (exact text, sha256 of the raw bytes) out.

Decoding never guesses. Accepted: UTF-8, UTF-8 with a BOM, UTF-16 with a BOM (LE or BE), the
encoding an HTML, XML or SAMI file declares where its bytes are not UTF-8 (declared_encoding), Word
documents (.docx, read as their paragraphs' text, docx.py), OpenDocument text (.odt, odt.py), Rich
Text (.rtf, rtf.py) and PDF (its pages' text, pdf.py).
Anything else is refused with an IngestError naming the file and the reason.

The text is kept exactly as decoded: bytes are read and decoded, with no newline
translation ("\\r\\n" stays "\\r\\n"), so offsets match
`open(path, encoding="utf-8", newline="").read()` as docs/curation.md prescribes (with the declared
encoding for a file read by its declaration). The one
deliberate difference: a byte-order mark is part of the encoding, not of the text, so it is
removed by decoding (`utf-8-sig`, `utf-16`). For a file with a UTF-8 BOM, offsets are
therefore one less than with `encoding="utf-8"`; the sha256 is always of the raw bytes.
"""
from __future__ import annotations

import codecs
import hashlib
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .docx import is_zip, read_docx
from .errors import IngestError
from .formats import detect, microdvd, parse_source, sami
from .front_matter import blank_front_matter, read_front_matter
from .limits import DEFAULT_MAX_BYTES
from .pdf import is_pdf, read_pdf
from .records import Metadata
from .rtf import is_rtf, read_rtf
from .table_transcript import is_table_transcript

TRANSCRIPT_SUFFIXES = (
    ".txt", ".vtt", ".srt", ".sbv", ".text", ".transcript", ".html", ".htm", ".docx", ".pdf", ".ttml", ".dfxp", ".scc",
    ".ass", ".ssa", ".rtf", ".odt",
    ".srv1", ".srv2", ".srv3", ".json3",  # YouTube's timed text as yt-dlp names it
)

# A folder's SAMI captions (.smi, .sami), MicroDVD captions (.sub) and whisper.cpp's LRC (.lrc) are
# read where the file opens as one: chemists' SMILES files are named .smi too, and VobSub's binary image index and HTCondor's
# job descriptions .sub
SNIFFED_SUFFIXES = {
    ".smi": sami.looks_like, ".sami": sami.looks_like,
    # an SRT or WebVTT file is sometimes saved as .sub too
    ".sub": lambda head: microdvd.looks_like(head) or detect(head) in ("srt", "webvtt"),
    # whisper.cpp's --output-lrc ("[by:whisper.cpp]", then "[00:09.00] words" lines) is timed lines;
    # a song's lyrics ("[00:12.00]words", no space) are not
    ".lrc": lambda head: detect(head) == "timed_lines",
}
# A folder's Markdown files (a static site's transcript pages) are read where their text is detected
# as a transcript's shape (labels, time marks, cues) or their front matter calls the page a
# transcript: a README, notes or a post beside the transcripts is plain text and stays out, and so
# do the files that a folder's Markdown usually is besides (READMEs, changelogs, FAQs, licences)
MARKDOWN_SUFFIXES = (".md", ".markdown")
_MARKDOWN_NOT_TRANSCRIPTS = frozenset({
    "readme", "changelog", "changes", "history", "contributing", "license", "licence", "code_of_conduct", "security",
    "faq", "todo", "authors", "notice", "index", "_index", "summary", "notes",
})
_MARKDOWN_HEAD_BYTES = 200_000

# A folder's tables are read where their header row names a text column and a speaker or
# start column (table_transcript.is_table_transcript); its other tables, manifests (.json) and
# the like are not transcripts. Named one by one, they are read whatever their header.
TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl")
_TABLE_HEAD_BYTES = 4096

# C0 controls other than tab, line feed, form feed and carriage return, plus DEL: text files
# do not contain them, binary files almost always do.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# The same as bytes: in UTF-8 these code points are these single bytes and no other byte is
# one of them, so deleting every other byte (in C) tells whether the regex needs to run.
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if not _CONTROL.match(chr(b)))


def _line_of(data: bytes | str, pos: int) -> int:
    newline = b"\n" if isinstance(data, bytes) else "\n"
    return data.count(newline, 0, pos) + 1


def decode_document(data: bytes, *, source: str) -> tuple[str, Metadata]:
    """Raw bytes in, (text, what the file says of itself outside its text) out: the second is a
    PDF's document information (its title and creation day, pdf.py), empty for other files."""
    if is_pdf(data):  # a PDF: its pages' text, headers and footers left out (pdf.py)
        pdf = read_pdf(data, source=source)
        return pdf.text, pdf.metadata
    return decode_bytes(data, source=source), Metadata()


# An encoding a file declares in its first bytes: an XML declaration (TTML, DFXP, XHTML), an HTML
# or SAMI page's <meta charset="..."> or <meta http-equiv="Content-Type" content="...; charset=...">.
# Reading by it is not guessing; it is read only where the bytes are not UTF-8, so a page that
# declares windows-1252 but was re-saved as UTF-8 stays UTF-8.
_DECLARATION_BYTES = 8192
_XML_DECLARATION = re.compile(rb"""\A\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']\s*([A-Za-z0-9._:-]{1,40})""")
_META_CHARSET = re.compile(rb"""<meta\s[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE)
# Labels that browsers read as a superset (the WHATWG Encoding Standard's mapping), since pages so
# labelled are written by Windows programs: an "ISO-8859-1" page's curly quotes are windows-1252's
# bytes 0x91-0x94, a "Shift_JIS" page's circled digits are cp932's. Plus labels Python lacks.
_ENCODING_LABELS = {
    **dict.fromkeys(("iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii",
                     "ansi_x3.4-1968", "cp819", "ibm819", "iso-ir-100"), "cp1252"),
    **dict.fromkeys(("iso-8859-9", "iso8859-9", "latin5", "l5"), "cp1254"),
    **dict.fromkeys(("iso-8859-11", "tis-620", "windows-874"), "cp874"),
    **dict.fromkeys(("shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis", "windows-31j"), "cp932"),
    **dict.fromkeys(("euc-kr", "euc_kr", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "korean", "windows-949",
                     "x-windows-949", "cseuckr"), "cp949"),
    **dict.fromkeys(("gb2312", "gb_2312", "gb_2312-80", "chinese", "x-gbk", "csgb2312"), "gbk"),
    **dict.fromkeys(("big5", "x-x-big5", "csbig5"), "cp950"),
    "x-euc-jp": "euc_jp", "x-mac-roman": "mac_roman", "x-mac-cyrillic": "mac_cyrillic",
    # browsers read ISO-2022-JP's half-width katakana too (ESC ( I), which Python's iso2022_jp lacks
    **dict.fromkeys(("iso-2022-jp", "iso2022-jp", "csiso2022jp"), "iso2022_jp_ext"),
}
# Printable ASCII and a few sequences that a codec which is not ASCII-compatible (UTF-16, UTF-7,
# escape codecs) reads otherwise: a declaration found in ASCII bytes can only be such a codec's
# by mistake.
_ASCII_PROBE = bytes(range(0x20, 0x7F)) + b"\t\r\n\\n +AGE- ~{"


# An ISO 2022 designation or shift (ESC $ B, ESC ( B, ESC ( J, ESC $ ( D, Korean's ESC $ ) C ...): the
# escape codecs' bytes are 7-bit, so an ISO-2022-JP page decodes as UTF-8 with these as control characters.
_ISO_2022_ESCAPE = re.compile(rb"\x1b(?:\$[@AB]|\$[()*+][@A-Z]|[()*+][@A-Z]|\.[A-F]|[NO])")


def declared_encoding(data: bytes) -> str | None:
    """The label of the encoding a file's first bytes declare (XML declaration, HTML meta), or None."""
    head = data[:_DECLARATION_BYTES]
    if b"<" not in head:
        return None
    found = _XML_DECLARATION.match(head) or _META_CHARSET.search(head)
    return found.group(1).decode("ascii") if found else None


def _decode_declared(data: bytes, label: str, *, source: str, first_bad: int) -> str:
    codec = _ENCODING_LABELS.get(label.lower(), label)
    name, ascii_based = None, False
    try:
        name = codecs.lookup(codec).name
        ascii_based = _ASCII_PROBE.decode(codec) == _ASCII_PROBE.decode("ascii")
    except LookupError:  # no such codec, or a bytes-to-bytes one (base64)
        name = None
    except ValueError:  # a codec that cannot read plain ASCII (punycode)
        pass
    why = (
        f"declares the encoding {label!r}, which is not a text encoding Python knows" if name is None
        else "declares UTF-8" if name in ("utf-8", "utf-8-sig")
        # UTF-16, UTF-7, escape codecs: a declaration written in ASCII bytes is not theirs
        else f"declares the encoding {label!r}, which its ASCII declaration cannot be written in" if not ascii_based
        else ""
    )
    if why:
        raise IngestError(
            source,
            _line_of(data, first_bad),
            f"undecodable bytes: byte {data[first_bad]:#04x} at offset {first_bad} is not valid UTF-8, and the file {why}",
        )
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise IngestError(
            source,
            _line_of(data, exc.start),
            f"undecodable bytes: byte {data[exc.start]:#04x} at offset {exc.start} is not valid {label}, the encoding the file declares",
        ) from None


def _iso_2022_declared(data: bytes, text: str, *, source: str) -> tuple[str, str]:
    """7-bit bytes that read as UTF-8 in, (text, encoding) out: decoded as the ISO-2022 codec the file
    declares (ISO-2022-JP and its variants, ISO-2022-KR) where its bytes hold that codec's escape
    sequences, else the UTF-8 text as it was (its escapes then refused as control characters)."""
    declared = declared_encoding(data)
    if declared is None or not _ISO_2022_ESCAPE.search(data):
        return text, "utf-8"
    try:
        codec = codecs.lookup(_ENCODING_LABELS.get(declared.lower(), declared)).name
    except LookupError:  # ISO-2022-CN: Python has no codec for it
        return text, "utf-8"
    if not codec.startswith("iso2022"):
        return text, "utf-8"
    return _decode_declared(data, declared, source=source, first_bad=data.find(b"\x1b")), declared


def decode_bytes(data: bytes, *, source: str) -> str:
    """Raw bytes in, text out; IngestError for empty, binary or undecodable content."""
    if not data:
        raise IngestError(source, None, "empty file")
    if is_zip(data):  # a Word document (.docx) or OpenDocument text (.odt): its paragraphs' text (docx.py, odt.py)
        return read_docx(data, source=source)
    if is_pdf(data):  # a PDF: its pages' text, headers and footers left out (pdf.py)
        return read_pdf(data, source=source).text
    if is_rtf(data):  # Rich Text: its paragraphs' text (rtf.py)
        return read_rtf(data, source=source)
    if data.startswith(codecs.BOM_UTF32_LE) or data.startswith(codecs.BOM_UTF32_BE):
        raise IngestError(source, None, "UTF-32 text is not supported; re-save as UTF-8")
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        encoding = "utf-16"  # the BOM says which byte order and is consumed by the codec
    elif data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    else:
        encoding = "utf-8"
        nul = data.find(b"\x00")
        if nul >= 0:
            raise IngestError(source, _line_of(data, nul), "binary content (NUL byte), not a text transcript")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        declared = declared_encoding(data) if encoding == "utf-8" else None
        if declared is None:
            line = _line_of(data, exc.start)
            name = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16"}[encoding]
            raise IngestError(
                source,
                line,
                f"undecodable bytes: byte {data[exc.start]:#04x} at offset {exc.start} is not valid {name}"
                " (accepted: UTF-8, UTF-8 or UTF-16 with a BOM, or the encoding an HTML, XML or SAMI file declares)",
            ) from None
        text = _decode_declared(data, declared, source=source, first_bad=exc.start)
        encoding = declared
    else:
        if encoding == "utf-8" and b"\x1b" in data:
            text, encoding = _iso_2022_declared(data, text, source=source)
    bad = _CONTROL.search(text) if encoding not in ("utf-8", "utf-8-sig") or data.translate(None, _NOT_CONTROL_BYTES) else None
    if bad:
        raise IngestError(
            source,
            _line_of(text, bad.start()),
            f"binary content (control character U+{ord(bad.group()):04X}), not a text transcript",
        )
    if not text.strip():
        raise IngestError(source, None, "file contains only whitespace")
    return text


def read_source(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, str]:
    """A path in, (text, sha256 hex of the raw bytes) out; raises IngestError when refused."""
    text, digest, _ = read_document(path, max_bytes=max_bytes)
    return text, digest


def read_document(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, str, Metadata]:
    """read_source, and what the file says of itself outside its text (decode_document)."""
    source = str(path)
    p = Path(path)
    if not p.exists():
        raise IngestError(source, None, "no such file or directory")
    if p.is_dir():
        raise IngestError(source, None, "is a directory, not a transcript file")
    if not p.is_file():
        raise IngestError(source, None, "not a regular file")
    size = p.stat().st_size
    if size > max_bytes:
        raise IngestError(source, None, f"file is {size} bytes, over the size limit of {max_bytes} bytes")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise IngestError(source, None, f"cannot read file: {exc.strerror or exc}") from None
    if len(data) > max_bytes:  # the file grew between stat and read
        raise IngestError(source, None, f"file is {len(data)} bytes, over the size limit of {max_bytes} bytes")
    text, metadata = decode_document(data, source=source)
    return text, hashlib.sha256(data).hexdigest(), metadata


def _head(path: Path, size: int = _TABLE_HEAD_BYTES) -> str:
    """A file's first `size` bytes as text ("" when it cannot be read)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(size)
    except OSError:
        return ""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head.decode("utf-16", errors="ignore")
    return head.decode("utf-8-sig", errors="ignore")


def _transcript_by_content(path: Path) -> bool:
    """Whether a folder's file with a suffix that other files share is a transcript, from its
    first lines: a table whose header names a transcript's columns, a SAMI or MicroDVD file."""
    suffix = path.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        return is_table_transcript(_head(path))
    if suffix in SNIFFED_SUFFIXES:
        return SNIFFED_SUFFIXES[suffix](_head(path))
    if suffix in MARKDOWN_SUFFIXES:
        return _markdown_transcript(path)
    return False


def _markdown_transcript(path: Path) -> bool:
    if path.stem.lower() in _MARKDOWN_NOT_TRANSCRIPTS:
        return False
    text = _head(path, _MARKDOWN_HEAD_BYTES)
    front = read_front_matter(text)
    if front is not None and front.says_transcript:
        return True
    body = blank_front_matter(text, front) if front else text
    fmt = detect(body)
    if fmt == "labelled":  # someone speaks twice: a page of "Format: ..." and "License: ..." lines is no dialogue
        labels = Counter(t.speaker_label for t in parse_source(body, source=str(path), fmt=fmt).turns if t.speaker_label)
        return bool(labels) and max(labels.values()) >= 2
    return fmt not in ("plain", "raw_captions")


def resolved(path: Path) -> Path:
    """The path with its links followed; a link to itself (Path.resolve's RuntimeError) as it is, refused when read."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


@dataclass(frozen=True)
class Listing:
    """The files a command's paths name: each file once, in order; the names that repeated a file
    listed before them; and the paths refused."""

    files: tuple[Path, ...]
    repeats: tuple[tuple[Path, Path], ...]  # (the repeated name, the name the file was first listed as)
    errors: tuple[IngestError, ...]


def expand_paths(
    paths: Iterable[str | Path], *, suffixes: tuple[str, ...] = TRANSCRIPT_SUFFIXES
) -> tuple[tuple[Path, ...], tuple[IngestError, ...]]:
    """Files and folders in, (transcript files in order, each once, errors) out (list_paths)."""
    listing = list_paths(paths, suffixes=suffixes)
    return listing.files, listing.errors


def list_paths(paths: Iterable[str | Path], *, suffixes: tuple[str, ...] = TRANSCRIPT_SUFFIXES) -> Listing:
    """Files and folders in, their Listing out.

    A file named explicitly is kept whatever its suffix; a folder contributes its files
    with a transcript suffix, its tables whose header names a transcript's columns, its .smi
    and .sub files that are SAMI or MicroDVD captions and its Markdown files that are transcripts (recursively, sorted, hidden files skipped). A missing path or
    a folder with no transcript is an error; so are an empty path, a path that cannot be opened and a folder
    inside that cannot (folder_files); the other paths are still expanded. A file reached again (named twice, as
    a folder's file and by its name, through a link, a hard link or another spelling of its path) is a repeat.
    """
    files: list[Path] = []
    repeats: list[tuple[Path, Path]] = []
    errors: list[IngestError] = []
    first_named: dict[object, Path] = {}
    for raw in paths:
        if str(raw) == "":  # Path("") is "." : `ingest "$FILE"` with FILE unset read the whole current folder
            errors.append(IngestError("''", None, "an empty path (an unset variable?); name a file or a folder, '.' for this one"))
            continue
        p = Path(raw)
        try:
            p.stat()
        except FileNotFoundError:
            # a link left behind by a moved file: where it points says what moved
            reason = f"a symbolic link to {os.readlink(p)}, which does not exist" if p.is_symlink() else "no such file or directory"
            errors.append(IngestError(str(raw), None, reason))
            continue
        except OSError as error:  # a folder on its path that cannot be searched, a loop of links
            errors.append(IngestError(str(raw), None, f"cannot open: {error.strerror or error}"))
            continue
        if p.is_dir():
            found = sorted(
                f for f in folder_files(p, errors) if f.is_file() and (f.suffix.lower() in suffixes or _transcript_by_content(f))
            )
            if not found:
                wanted = ", ".join("*" + s for s in suffixes)
                errors.append(IngestError(str(raw), None, f"directory contains no transcript files ({wanted})"))
            candidates = found
        else:
            candidates = [p]
        for f in candidates:
            keys = _identities(f)
            first = next((first_named[key] for key in keys if key in first_named), None)
            if first is None:
                first_named.update(dict.fromkeys(keys, f))
                files.append(f)
            else:
                repeats.append((f, first))
    return Listing(tuple(files), tuple(repeats), tuple(errors))


def _identities(path: Path) -> tuple[object, ...]:
    """What makes two names one file: the path with its links followed, and the device and inode (a hard link)."""
    try:
        status = path.stat()
    except OSError:
        return (resolved(path),)
    return (resolved(path), (status.st_dev, status.st_ino)) if status.st_ino else (resolved(path),)


def folder_files(folder: Path, errors: list[IngestError]) -> Iterable[Path]:
    """Every entry under `folder` but folders and hidden ones (links to folders are named, not followed); a folder that
    cannot be opened is an error in `errors` (rglob left it out without a word)."""
    def unreadable(error: OSError) -> None:
        errors.append(IngestError(str(error.filename), None, f"cannot open folder: {error.strerror or error}"))

    for where, folders, names in os.walk(folder, onerror=unreadable):
        folders[:] = [name for name in folders if not name.startswith(".")]
        yield from (Path(where, name) for name in names if not name.startswith("."))
        yield from (Path(where, name) for name in folders if os.path.islink(os.path.join(where, name)))
