"""Transcripts exported as Word documents (.docx): their text, paragraph by paragraph (an
OpenDocument text, .odt, the other ZIP archive of paragraphs, is read by odt.py).

Rev, Otter, Descript, Trint and Sonix all export transcripts as .docx by default: a ZIP archive
whose word/document.xml holds paragraphs of runs. The text ingestion stores and quotes from is
those paragraphs, one per line, as Word shows them: tabs and line breaks kept, tracked
deletions left out, text in tables and hyperlinks read in place. It is then detected like any
other transcript (Rev's `Speaker 1 (00:00):`, Otter's `Name  0:07` are labelled formats).

Only the standard library reads it (zipfile, ElementTree); an archive that is not a Word
document, or whose text would unpack past a multiple of the upload size limit (limits.py), is refused with the reason.
"""
from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

from .errors import IngestError
from .limits import parse_document_xml, read_zip_member
from .odt import read_odt

ZIP_MAGIC = b"PK\x03\x04"

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def is_zip(data: bytes) -> bool:
    return data.startswith(ZIP_MAGIC)


def _paragraph_text(paragraph: ElementTree.Element) -> str:
    parts: list[str] = []
    for node in paragraph.iter():
        tag = node.tag
        if tag == _W + "t" and node.text:
            parts.append(node.text)
        elif tag == _W + "tab":
            parts.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            parts.append("\n")
    return "".join(parts)


def _without_deletions(root: ElementTree.Element) -> None:
    for parent in root.iter():
        for child in list(parent):
            if child.tag == _W + "del":
                parent.remove(child)


def read_docx(data: bytes, *, source: str) -> str:
    """A .docx file's bytes in, its paragraphs' text out, one per line."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    # NotImplementedError: a directory entry needing a ZIP version Python lacks; ValueError, EOFError: damaged
    except (zipfile.BadZipFile, NotImplementedError, ValueError, EOFError):
        raise IngestError(source, None, "binary content (a damaged ZIP archive), not a text transcript") from None
    with archive:
        try:
            info = archive.getinfo("word/document.xml")
        except KeyError:
            if "content.xml" in archive.namelist():  # OpenDocument text (.odt)
                return read_odt(archive, source=source)
            raise IngestError(source, None, "a ZIP archive but not a Word or OpenDocument text document "
                                            "(no word/document.xml, no content.xml)") from None
        xml = read_zip_member(archive, info, source=source, what="Word document")
    root = parse_document_xml(xml, source=source, what="Word document")
    _without_deletions(root)
    body = root.find(_W + "body")
    lines = [_paragraph_text(p) for p in (body.iter(_W + "p") if body is not None else ())]
    while lines and not lines[-1].strip():
        lines.pop()
    if not any(line.strip() for line in lines):
        raise IngestError(source, None, "Word document has no text")
    return "\n".join(lines) + "\n"
