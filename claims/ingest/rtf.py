"""Transcripts saved as Rich Text (.rtf: TextEdit, WordPad, Word, transcription services'
exports): their text, paragraph by paragraph.

An RTF file is 7-bit text: groups in braces, control words (`\\par`, `\\tab`, `\\f0`, `\\fs24`),
`\\'e9` for a byte of the document's code page (`\\ansicpg1252`; consecutive bytes make one
character in a double-byte page such as 932), `\\u8217?` for a Unicode character followed by
`\\uc` fallback characters to skip. The text ingestion stores and quotes is what a reader sees:
`\\par`, `\\line` and TextEdit's backslash at a line's end end lines, `\\tab` is a tab, `\\~` a
no-break space, `\\emdash` and the typographic quotes their characters; the header's tables (fonts,
colours, styles, the document's info), pictures, objects, field instructions (a hyperlink's
address: its shown text stays), headers, footers, and every `{\\*\\...}` destination a reader
skips are left out. Line breaks in the file itself are not text. It is then detected like any
other transcript, as a Word document's is (docx.py).

Only the standard library reads it; a file with a brace never closed (cut short) or closed
twice is refused with the line, as is one with no text.
"""
from __future__ import annotations

import codecs
import re

from .errors import IngestError

RTF_MAGIC = b"{\\rtf"

_TOKEN = re.compile(rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])|([{}])|[\r\n]+|([^\\{}\r\n]+)")
# destinations whose text no reader shows
_SKIPPED = frozenset({
    "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "fldinst", "header", "headerl", "headerr", "headerf",
    "footer", "footerl", "footerr", "footerf", "listtable", "listoverridetable", "revtbl", "rsidtbl", "xmlnstbl",
    "generator", "themedata", "colorschememapping", "latentstyles", "datastore", "filetbl", "pgdsctbl", "nonshppict",
    "bkmkstart", "bkmkend", "shpinst", "objdata", "expandedcolortbl", "listtext", "pntext", "pntxtb", "pntxta",
    "sp", "sv", "sn", "shptxt", "template", "mmathPr", "fchars", "lchars", "docvar", "footnote", "annotation",
    "atnid", "atnauthor",
})
_WORDS = {
    "par": "\n", "line": "\n", "sect": "\n", "page": "\n", "row": "\n", "tab": "\t", "cell": "\t",
    "emdash": "\u2014", "endash": "\u2013", "emspace": "\u2003", "enspace": "\u2002", "qmspace": "\u2005",
    "bullet": "\u2022", "lquote": "\u2018", "rquote": "\u2019", "ldblquote": "\u201c", "rdblquote": "\u201d",
}
_SYMBOLS = {"\\": "\\", "{": "{", "}": "}", "~": "\u00a0", "_": "\u2011", "\n": "\n", "\r": "\n", "\t": "\t"}


def is_rtf(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(RTF_MAGIC)


# Windows code page numbers Python knows by another name: the Mac pages old TextEdit and Mac Word
# write (`\\mac\\ansicpg10000`), ISO and other pages by their Windows number
_CODE_PAGES = {
    10000: "mac_roman", 10001: "shift_jis", 10002: "big5", 10003: "euc_kr", 10006: "mac_greek", 10007: "mac_cyrillic",
    10008: "gb2312", 10029: "mac_latin2", 10079: "mac_iceland", 10081: "mac_turkish",
    20127: "ascii", 20866: "koi8_r", 21866: "koi8_u", 28605: "iso8859_15", 50220: "iso2022_jp", 50221: "iso2022_jp",
    50222: "iso2022_jp", 51932: "euc_jp", 51949: "euc_kr", 54936: "gb18030", 65001: "utf-8",
    **{28590 + n: f"iso8859_{n}" for n in range(1, 10)},
}


def _codec(page: int) -> str | None:
    """The Python codec of a code page's number, None when Python has none."""
    name = _CODE_PAGES.get(page, f"cp{page}")
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return name


def read_rtf(data: bytes, *, source: str) -> str:
    """An .rtf file's bytes in, its text out, a line per paragraph."""
    out: list[str] = []
    pending = bytearray()  # \'xx bytes, decoded together (a double-byte code page's pairs)
    codec: str | None = "cp1252"
    page = 1252
    stack: list[tuple[bool, int]] = []  # (skipping, uc) of the enclosing groups
    skipping, uc, to_skip = False, 1, 0
    group_opened = False  # the last token opened a group: its first control word may name a destination
    starred = False

    def decode(raw: bytes | bytearray, at: int) -> str:
        if codec is None:  # a page Python has no codec for: its bytes would be guessed
            line = data.count(b"\n", 0, at) + 1
            raise IngestError(source, line, f"RTF document's code page {page} (\\ansicpg{page}) is not one Python reads")
        return raw.decode(codec, errors="replace")

    def flush() -> None:
        if pending:
            out.append(decode(pending, m.start()))
            pending.clear()

    resume = 0  # where the next token is looked for: past a \binN's N bytes of binary data

    def tokens():
        nonlocal resume
        while (found := _TOKEN.search(data, resume)) is not None:
            resume = found.end()
            yield found

    for m in tokens():
        word, arg, hexa, symbol, brace, text = m.groups()
        if brace is not None:
            flush()
            to_skip = 0
            if brace == b"{":
                stack.append((skipping, uc))
                group_opened, starred = True, False
            else:
                if not stack:
                    line = data.count(b"\n", 0, m.start()) + 1
                    raise IngestError(source, line, "RTF document closes a group it never opened (a '}' too many)")
                skipping, uc = stack.pop()
                group_opened = starred = False
            continue
        opening, group_opened = group_opened, False
        if word is not None:
            name = word.decode("ascii")
            if opening and (name in _SKIPPED or starred):
                skipping = True
            if name == "ansicpg" and arg:
                page = int(arg)
                codec = _codec(page)
            elif name == "mac":
                codec, page = "mac_roman", 10000
            elif name == "uc" and arg:
                uc = int(arg)
            elif name == "bin" and arg:
                # N bytes of binary data follow (a picture's): never text, nor braces or control words
                resume = m.end() + max(0, int(arg))
                if resume > len(data):
                    line = data.count(b"\n", 0, m.start()) + 1
                    raise IngestError(source, line, f"RTF document's \\bin{int(arg)} claims more bytes than the file holds")
                continue
            if skipping:
                continue
            if to_skip and name not in _WORDS and name != "u":
                continue
            if name == "u" and arg is not None:
                flush()
                code = int(arg) % 65536
                out.append(chr(code) if not 0xD800 <= code < 0xE000 else "\ufffd")
                to_skip = uc
            elif name in _WORDS:
                flush()
                to_skip = 0
                out.append(_WORDS[name])
            continue
        if symbol is not None:
            char = symbol.decode("latin-1")
            if char == "*":
                starred = opening
                group_opened = opening  # the destination's name comes next
                continue
            if skipping:
                continue
            if to_skip:
                to_skip -= 1
                continue
            flush()
            if char in _SYMBOLS:
                out.append(_SYMBOLS[char])
            continue
        if skipping:
            continue
        if hexa is not None:
            if to_skip:
                to_skip -= 1
                continue
            pending.append(int(hexa, 16))
            continue
        if text is not None:
            if to_skip:
                cut = min(to_skip, len(text))
                text, to_skip = text[cut:], to_skip - cut
            if text:
                flush()
                out.append(text.decode("ascii") if text.isascii() else decode(text, m.start()))
    flush()
    if stack:
        line = data.count(b"\n") + 1
        raise IngestError(source, line, f"RTF document ends inside {len(stack)} open group(s): cut short?")
    lines = [line.rstrip(" ") for line in "".join(out).split("\n")]
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        raise IngestError(source, None, "RTF document has no text")
    return "\n".join(lines) + "\n"
