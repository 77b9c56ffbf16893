"""Bounds on what a hostile or broken file can make ingestion do inside the upload size limit.

The size limit (settings.INGEST_MAX_BYTES) is on the raw bytes; a ZIP archive (.docx, .odt) or a
PDF stream inflates them, and an XML DTD expands entities. Inflated text is bounded by a multiple
of that limit, read in chunks with a running count (an archive's declared sizes can lie), and XML
that declares entities is refused before it is parsed: transcripts never need them.
"""
from __future__ import annotations

import zipfile
import zlib
from xml.etree import ElementTree
from xml.parsers import expat

from .errors import IngestError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# Document XML is markup-heavy (a .docx's document.xml is ~10x its text), but a transcript's
# archive does not inflate past a few times the largest file that may be uploaded.
UNPACKED_PER_UPLOADED_BYTE = 5
_CHUNK = 1 << 20


def unpacked_limit() -> int:
    """The most bytes a file's text part may inflate to: a multiple of the upload size limit."""
    try:
        from django.conf import settings

        raw = settings.INGEST_MAX_BYTES
    except Exception:  # noqa: BLE001 - ingestion used without Django settings: the default limit
        raw = DEFAULT_MAX_BYTES
    return UNPACKED_PER_UPLOADED_BYTE * raw


def read_zip_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, *, source: str, what: str) -> bytes:
    """One archive member's bytes, read in chunks and refused once past unpacked_limit()."""
    limit = unpacked_limit()
    if info.file_size > limit:
        raise IngestError(source, None, f"{what} unpacks to {info.file_size} bytes, over the limit of {limit} bytes")
    chunks: list[bytes] = []
    total = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                total += len(chunk)
                if total > limit:
                    raise IngestError(source, None, f"{what} unpacks past the limit of {limit} bytes "
                                                    "(a decompression bomb?)")
                chunks.append(chunk)
    # ValueError: a directory pointing before the archive's start ("negative seek value"), bytes lost in front of it;
    # zlib.error: a damaged deflate stream
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError, ValueError, zlib.error) as exc:
        raise IngestError(source, None, f"{what} cannot be read: {exc}") from None
    return b"".join(chunks)


class _Declared(Exception):
    pass


def _declared(*_args) -> None:
    raise _Declared


class _Started(Exception):
    pass


def _started(*_args) -> None:
    raise _Started


def refuse_entity_declarations(xml: bytes | str, *, source: str, what: str) -> None:
    """IngestError where the XML's DTD declares an entity ("billion laughs", external entities):
    expat reads only the prologue here, stopping at the first element."""
    parser = expat.ParserCreate()
    parser.EntityDeclHandler = _declared
    parser.UnparsedEntityDeclHandler = _declared
    parser.ExternalEntityRefHandler = _declared
    parser.StartElementHandler = _started
    try:
        parser.Parse(xml, True)
    except _Declared:
        raise IngestError(source, None, f"{what} declares XML entities (a DTD with <!ENTITY>): refused, "
                                        "a transcript needs none") from None
    except (_Started, expat.ExpatError):  # the body, or XML the real parse will refuse with its reason
        return


def parse_document_xml(xml: bytes | str, *, source: str, what: str) -> ElementTree.Element:
    """A container's XML part (a Word or OpenDocument file's) in, its root out, entity declarations
    refused first; IngestError "<what> cannot be read: <the parser's reason>" for XML it cannot parse."""
    refuse_entity_declarations(xml, source=source, what=what)
    try:
        return ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        raise IngestError(source, None, f"{what} cannot be read: {exc}") from None
