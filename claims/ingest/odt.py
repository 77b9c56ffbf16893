"""Transcripts saved as OpenDocument text (.odt: LibreOffice, Google Docs' and Word's "Save as
ODT"): their text, paragraph by paragraph, as docx.py reads a Word document's.

An .odt file is a ZIP archive whose content.xml holds the body: `<text:p>` paragraphs and
`<text:h>` headings, in lists, sections and table cells. A paragraph is a line of the text, its
spans and links read in place; `<text:s text:c="3"/>` is that many spaces, `<text:tab/>` a tab,
`<text:line-break/>` a line break, and runs of white space in the XML one space (ODF collapses
them as HTML does). Notes, comments and tracked changes' deleted text are left out. It is then
detected like any other transcript.
"""
from __future__ import annotations

import re
import zipfile
from xml.etree import ElementTree

from .errors import IngestError
from .limits import parse_document_xml, read_zip_member

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_PARAGRAPHS = (_TEXT + "p", _TEXT + "h")
_SKIPPED = {_TEXT + "note", _TEXT + "tracked-changes", _OFFICE + "annotation", _TEXT + "sequence-decls",
            _TEXT + "variable-decls", _TEXT + "user-field-decls", _OFFICE + "forms"}
_SPACES = re.compile(r"[ \t\r\n]+")


def _inline(element: ElementTree.Element, parts: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag == _TEXT + "s":
            parts.append(" " * int(child.get(_TEXT + "c", "1") or 1))
        elif tag == _TEXT + "tab":
            parts.append("\t")
        elif tag == _TEXT + "line-break":
            parts.append("\n")
        elif tag not in _SKIPPED:
            parts.append(_SPACES.sub(" ", child.text or ""))
            _inline(child, parts)
        parts.append(_SPACES.sub(" ", child.tail or ""))


def _paragraphs(element: ElementTree.Element, lines: list[str]) -> None:
    for child in element:
        if child.tag in _SKIPPED:
            continue
        if child.tag in _PARAGRAPHS:
            parts = [_SPACES.sub(" ", child.text or "")]
            _inline(child, parts)
            lines.append("".join(parts).lstrip(" "))
        else:
            _paragraphs(child, lines)


def read_odt(archive: zipfile.ZipFile, *, source: str) -> str:
    """An open .odt archive in, its paragraphs' text out, one per line."""
    info = archive.getinfo("content.xml")
    xml = read_zip_member(archive, info, source=source, what="OpenDocument text")
    root = parse_document_xml(xml, source=source, what="OpenDocument text")
    body = root.find(f"{_OFFICE}body/{_OFFICE}text")
    if body is None:
        raise IngestError(source, None, "an OpenDocument file but not a text document (no office:text body)")
    lines: list[str] = []
    try:
        _paragraphs(body, lines)
    except RecursionError:  # elements nested thousands deep: no document's
        raise IngestError(source, None, "OpenDocument text nested too deeply to read") from None
    while lines and not lines[-1].strip():
        lines.pop()
    if not any(line.strip() for line in lines):
        raise IngestError(source, None, "OpenDocument text has no text")
    return "\n".join(lines) + "\n"
