"""Transcripts saved as PDF: the text of their pages, in reading order, line by line.

Hearings, court transcripts, press-conference and news transcripts and transcription services'
exports (Rev, Otter, Temi, Sonix) often come as PDF. The text ingestion stores and quotes from
is what pypdf extracts from each page in its layout mode: lines as printed, with the
indentation and the blank lines between paragraphs (a court page's labels stand right of its
text column, which is how line_numbered tells them from the margin's words; a page whose fonts
trip layout mode is read in plain mode, without the indentation). Layout mode skips the Form
XObjects a page draws, so those holding text (LaTeX's pdfpages draws each included page as one, as
do stamping, print-to-PDF and merge tools) are drawn in their place first, each time drawn, and read
with the page's own text (_with_forms_drawn). Each page is
put in reading order once its furniture (below) is gone: two columns one after the other
(_columns_in_order), a column of speakers and times left of the text cell by cell, each before
its turn (_label_cells_in_order), without the indentation all its lines share (_dedented).
Pages follow one another with no blank line between them, as a sentence runs on over a page
break, unless a page's last line ends a paragraph (_joined); a justified line then has its
words one space apart (_unpadded).

A page's running header and footer (a title, "Transcript by Rev.com", "Page 3 of 12") are left
out, as a Word document's are (docx.py reads the body only): a line among the first or last
three of a page is furniture when it comes back there on at least half the pages (and two),
the same but for its numbers, and is never written further inside a page. A line opening
with a margin number (1-25) is a court page's own and is left to line_numbered, which reads
its running title. The text is then detected like any other transcript. The document
information's title and creation day travel beside the text (PdfText.metadata) for where the
text gives none (pipeline.run's file_metadata).

Refused with the reason: a damaged file (also one page of it whose text cannot be decoded: pypdf
only logs that and gives the page no text), an encrypted one that needs a password, one whose
pages' content inflates past a budget (counted before any page is read, _layout_bytes), and one
whose pages hold no text (a scan: an image of the words, to be OCRed first).
"""
from __future__ import annotations

import contextlib
import datetime as dt
import io
import logging
import re
from collections import Counter
from dataclasses import dataclass

from .errors import IngestError
from .limits import unpacked_limit
from .records import Metadata

PDF_MAGIC = b"%PDF-"
_EDGE_LINES = 3
_NUMBER = re.compile(r"\d+")
_MARGIN_NUMBER = re.compile(r"[ \t]{0,12}(?:[1-9]|1\d|2[0-5])(?:[ \t]|$)")
# control characters come out of fonts whose codes map to no character: nothing a reader sees,
# and PostgreSQL refuses a NUL in text
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SENTENCE_END = re.compile(r"[.?!…][\"'”’)\]]*$")
_FULL_LINE_SAMPLE = 40  # the page's last lines, whose longest is a full line
_SHORT_LINE = 0.8
# a justified line's widened spaces (_unpadded): 2-4 spaces, on three gaps at least and a third of its gaps
_PADDED_GAP = re.compile(r"(?<=\S) {2,4}(?=\S)")
_WIDE_GAP = re.compile(r"\S {5,}\S")
_MIN_PADDED_GAPS = 3
# two columns (_columns_in_order): a gutter is 3 spaces or more between words; each column has
# some 20 characters of words on most lines; a page of fewer lines is not worth reading as columns
_GUTTER = re.compile(r"(?<=\S) {3,}(?=\S)")
_COLUMN_WORDS = 20
_MIN_COLUMN_LINES = 6
_MIN_SHARED_LINES = 3
_GUTTERS_TRIED = 3  # the places most lines leave blank; past them, no gutter
_LABEL_WIDTH = 30  # a speaker's name or a time in a column of its own (_label_cells_in_order)...
_MAX_CELL_LINES = 3  # ... on a line or a few: a name, its time
_MIN_CELLS = 2  # (a last page may hold two turns)
# A transcript runs to hundreds of pages, a long hearing's to a few thousand: past this a PDF is
# refused before its pages are read (100,000 pages took half a minute even when each held a word)
MAX_PAGES = 5_000
# pypdf reads a page's content at a few microseconds a byte: a PDF's text costs what its page content
# inflates to. A text PDF's content inflates a few times its file size; a bomb's (one small stream
# inflating to megabytes, shared by every page) thousands of times. So the pages' content together
# may inflate to CONTENT_PER_FILE_BYTE times the file (at least MIN_CONTENT_BUDGET), and never past
# the limit on a document's text part (limits.unpacked_limit), counted before the first page is read.
CONTENT_PER_FILE_BYTE = 20
MIN_CONTENT_BUDGET = 4 * 1024 * 1024


def is_pdf(data: bytes) -> bool:
    return data.startswith(PDF_MAGIC)


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split()) or type(error).__name__


@dataclass(frozen=True)
class PdfText:
    """A PDF's pages' text and what its document information says of it (title, creation day)."""

    text: str
    metadata: Metadata = Metadata()


def read_pdf(data: bytes, *, source: str) -> PdfText:
    """A PDF file's bytes in, its pages' text out, page furniture left out."""
    # imported here: only a PDF pays for loading pypdf, not every text transcript
    from pypdf import PasswordType, PdfReader
    from pypdf.errors import DependencyError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        # an empty user password is a PDF any viewer opens, only its permissions restricted
        locked = reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED
        budget = min(unpacked_limit(), max(MIN_CONTENT_BUDGET, CONTENT_PER_FILE_BYTE * len(data)))
        pages = [] if locked else _pages_text(reader, source, budget)
        metadata = Metadata() if locked else _info_metadata(reader)
    except DependencyError:  # AES needs the cryptography package (pypdf[crypto] in requirements.txt)
        raise IngestError(source, None, "encrypted PDF (AES) cannot be opened here; save an unlocked copy") from None
    except IngestError:
        raise
    except PdfReadError as error:
        raise IngestError(source, None, f"damaged PDF, cannot be read: {_one_line(error)}") from None
    except Exception as error:  # pypdf lets other errors out of malformed objects and streams
        raise IngestError(source, None, f"damaged PDF, cannot be read: {type(error).__name__}: {_one_line(error)}") from None
    if locked:
        raise IngestError(source, None, "encrypted PDF: it needs a password to open; save an unlocked copy")
    lines_of_pages = [_trimmed(page.splitlines()) for page in pages]
    if not any(lines_of_pages):
        raise IngestError(source, None, "PDF has no text layer (a scan or images only); OCR it first")
    furniture = _page_furniture(lines_of_pages)
    if furniture:
        lines_of_pages = [_trimmed([line for line in lines if _key(line) not in furniture or _MARGIN_NUMBER.match(line)])
                          for lines in lines_of_pages]
    lines = _joined([_dedented(_label_cells_in_order(_columns_in_order(lines))) for lines in lines_of_pages])
    return PdfText("\n".join(_unpadded(line) for line in lines) + "\n", metadata)


def _columns_in_order(lines: list[str]) -> list[str]:
    """A page set in two columns, which layout mode writes side by side on each line, as its left
    column's lines and then its right column's; the lines above and below both (a title, a
    closing line) stay first and last. Only where the evidence is strong: a gutter, a run of
    spaces at the same place on every line from the first to the last line with words on both
    sides of it (three at least), the right column's lines (six at least) starting at one place,
    and both columns' words running wide on the lines they share (not a margin's numbers, a
    column of labels or times) with no further gutter inside them (a table). Read once the page's
    furniture is gone, so that a footer is not taken into a column."""
    spoken = sum(1 for line in lines if line)
    if spoken < _MIN_COLUMN_LINES:
        return lines
    gapped = [i for i, line in enumerate(lines) if "   " in line and _GUTTER.search(line)]
    if len(gapped) < _MIN_SHARED_LINES:
        return lines
    cover = _gap_cover([lines[i] for i in gapped])

    def crosses(line: str) -> bool:
        return bool(line[x - 1:x + 2].strip())

    tried = 0
    for x, count in cover.most_common():
        if count < _MIN_SHARED_LINES or tried == _GUTTERS_TRIED:
            break
        shared = [i for i in gapped if lines[i][:x].strip() and lines[i][x:].strip() and not crosses(lines[i])]
        if len(shared) < _MIN_SHARED_LINES:
            continue
        tried += 1
        first, last = shared[0], shared[-1]
        if any(crosses(lines[i]) for i in range(first, last + 1)):
            continue  # a line running across the gutter: not two columns
        while first and not crosses(lines[first - 1]):
            first -= 1  # the column starting above the other's start
        while last + 1 < len(lines) and not crosses(lines[last + 1]):
            last += 1  # ... or going on below the other's end
        body = lines[first:last + 1]
        starts = Counter(len(line) - len(line[x:].lstrip()) for line in body if line[x:].strip())
        right_lines = starts.most_common(1)[0][1]
        start = min(starts)
        left = sorted(len(lines[i][:x].strip()) for i in shared)
        right = sorted(len(lines[i][x:].strip()) for i in shared)
        if right_lines < _MIN_COLUMN_LINES or min(left[len(left) // 2], right[len(right) // 2]) < _COLUMN_WORDS:
            continue
        left_gaps, right_gaps = _gap_cover([lines[i][:x] for i in shared]), _gap_cover([lines[i][start:] for i in shared])
        inner = max((*left_gaps.values(), *right_gaps.values()), default=0)
        if inner * 4 > len(shared):
            return lines  # another gutter within a column: a table (an index's names, leaders and pages)
        return (lines[:first] + _trimmed([line[:x] for line in body])
                + _trimmed([line[start:] for line in body]) + lines[last + 1:])
    return lines


def _label_cells_in_order(lines: list[str]) -> list[str]:
    """A page whose speakers and times stand in a narrow column left of the text, a cell of two
    lines or more beside the turn's first lines (the name, its time below), as each cell's lines
    and then its turn's: layout mode writes the time beside the turn's second line, read as part
    of the turn. Only where the text column starts at one place on half the lines or more, nothing
    runs from the left column into it, and the left column's cells (two or more) are of three
    lines at most (a court page's margin numbers run on line after line)."""
    spoken = [i for i, line in enumerate(lines) if line]
    if sum(1 for i in spoken if "   " in lines[i]) < _MIN_CELLS:
        return lines
    starts = Counter(gap.end() for gap in (_GUTTER.search(lines[i]) for i in spoken) if gap and gap.start() <= _LABEL_WIDTH)
    starts.update(len(lines[i]) - len(lines[i].lstrip(" ")) for i in spoken if lines[i].startswith(" "))
    if not starts:
        return lines
    x, count = starts.most_common(1)[0]
    if count * 2 < len(spoken) or x < 4:
        return lines
    left = [i for i in spoken if not lines[i].startswith(" ")]
    if any(len(lines[i][:x].rstrip()) > min(_LABEL_WIDTH, x - 2) for i in left):
        return lines  # words running from the left column into the text's
    if any(lines[i].startswith(" ") and not lines[i].startswith(" " * x) for i in spoken):
        return lines  # a line starting between the columns: not this layout
    if sum(1 for i in left if _MARGIN_NUMBER.match(lines[i])) * 2 > len(left):
        return lines  # a court page's margin numbers, line_numbered's to read
    rows = [i for i in left if i == 0 or not lines[i - 1] or lines[i - 1].startswith(" ")]
    cells = [(row, next(j for j in range(row, len(lines)) if j + 1 == len(lines) or not lines[j + 1]
                        or lines[j + 1].startswith(" "))) for row in rows]
    if len(cells) < _MIN_CELLS or any(last - row >= _MAX_CELL_LINES for row, last in cells):
        return lines  # a margin's numbers or times on line after line: not cells
    if not any(lines[i][x:].strip() for row, last in cells for i in range(row + 1, last + 1)):
        return lines  # every cell is one line, read with its text already
    # above the first cell: a title, or the text column going on from the page before
    out = [line[x:] if line.startswith(" " * x) else line for line in lines[:rows[0]]]
    for (row, last), end in zip(cells, rows[1:] + [len(lines)]):
        out.extend(lines[i][:x].rstrip() for i in range(row, last + 1))
        out.extend(lines[i][x:] for i in range(row, end) if i > last or lines[i][x:].strip())
    return out


def _gap_cover(lines: list[str]) -> Counter:
    """How many of the lines leave each place blank in a run of spaces between words (its edges left out)."""
    cover: Counter = Counter()
    for line in lines:
        if "   " in line:
            for gap in _GUTTER.finditer(line):
                cover.update(range(gap.start() + 1, gap.end() - 1))
    return cover


def _dedented(lines: list[str]) -> list[str]:
    """A page's lines without the indentation they all share: layout mode measures a page from its
    leftmost text, so a header or footer left of the text column (furniture now gone) had pushed
    that page's lines right of the next page's."""
    indent = min((len(line) - len(line.lstrip(" ")) for line in lines if line), default=0)
    return [line[indent:] for line in lines] if indent else lines


def _joined(pages: list[list[str]]) -> list[str]:
    """The pages' lines, one page after the other. A page's last line runs on into the next page's first, as a
    sentence goes on over a page break, unless it ends a paragraph where paragraphs are set apart by
    blank lines: then a blank line keeps the next page's first paragraph apart."""
    blank_separated = any("" in lines for lines in pages)
    out: list[str] = []
    for lines in pages:
        if out and lines and blank_separated and _ends_paragraph(out, lines[0]):
            out.append("")
        out.extend(lines)
    return out


def _unpadded(line: str) -> str:
    """A line of justified prose with its words one space apart: layout mode writes the widened
    spaces between a justified line's words as two to four spaces. Its indentation is kept, and
    a court page's margin number with the spaces after it (line_numbered reads where a line's text
    starts); a line with a wider gap (a table's cells, a label set apart) or fewer such gaps (Otter's
    'Name  0:07', a label's 'SENATOR SAVINO:  Good') keeps its spaces."""
    if "  " not in line.lstrip(" "):
        return line
    margin = _MARGIN_NUMBER.match(line)
    head = margin.end() if margin else 0
    head += len(line) - head - len(line[head:].lstrip(" "))
    body = line[head:]
    if _WIDE_GAP.search(body):
        return line
    padded = len(_PADDED_GAP.findall(body))
    if padded < _MIN_PADDED_GAPS or padded * 3 < len(body.split()) - 1:
        return line
    return line[:head] + _PADDED_GAP.sub(" ", body)


def _ends_paragraph(before: list[str], after: str) -> bool:
    """Whether the last of `before` ends a paragraph: a sentence's end on a line well short of the
    page's full lines (a paragraph going on fills its last line on the page)."""
    last = before[-1]
    if not _SENTENCE_END.search(last) or _MARGIN_NUMBER.match(last) or _MARGIN_NUMBER.match(after):
        return False  # a court page's numbered lines are line_numbered's to read
    full = max(len(line) for line in before[-_FULL_LINE_SAMPLE:])
    return len(last) < full * _SHORT_LINE


class _StreamErrors(logging.Handler):
    """pypdf's warnings that a page's content stream could not be decoded: it says so in its log
    and gives the page no text, which would lose the page's words without a word."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def _stream_errors():
    logger = logging.getLogger("pypdf.filters")
    handler, level, propagate = _StreamErrors(), logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)  # settings keep pypdf's warnings out of the console (ERROR)...
    logger.propagate = False  # ...and they stay out: the file's error says it, with the file's name
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


def _pages_text(reader, source: str, budget: int) -> list[str]:
    """Each page's text; a page whose text cannot be decoded refuses the file."""
    # the page tree's own count first: gathering 100,000 pages to count them takes seconds
    count = _declared_pages(reader)
    if count <= MAX_PAGES:
        count = len(reader.pages)
    if count > MAX_PAGES:
        raise IngestError(source, None, f"PDF has {count} pages, over the limit of {MAX_PAGES}")
    # what each Form XObject costs, once worked out: drawn in a page's place for layout mode, and read in plain mode
    text_form_bytes: dict[int, int] = {}
    plain_form_bytes: dict[int, int] = {}
    pages = []
    with _stream_errors() as errors:
        inflated, text_forms_of_pages = _layout_bytes(reader, source, budget, text_form_bytes, errors)
        for number, (page, in_forms) in enumerate(zip(reader.pages, text_forms_of_pages), 1):
            content = _content_data(page)
            try:
                # layout mode skips Form XObjects: those holding text (a pdfpages page, a merge tool's wrapped
                # page) are drawn in the page's place, each time drawn
                if in_forms:
                    page_drawn = _with_forms_drawn(page, reader, content, text_form_bytes, budget - inflated + in_forms)
                else:
                    page_drawn = page
                text = page_drawn.extract_text(extraction_mode="layout")
            except _OverBudget:
                raise _over_budget(source, budget, number) from None
            except Exception:  # layout mode trips on fonts plain mode reads (pypdf issues 2533, 3074): words without layout
                # plain mode reads every Form XObject the page draws, each time drawn
                plain = _drawn_forms_bytes(_resources(page), _drawn(content), budget - inflated + in_forms, plain_form_bytes)
                inflated += plain - in_forms
                if inflated > budget:
                    raise _over_budget(source, budget, number) from None
                text = page.extract_text()
            pages.append(text)
            _refuse_undecoded(errors, source, number)
    return pages


def _layout_bytes(reader, source: str, budget: int, text_form_bytes: dict[int, int], errors: list[str]) -> tuple[int, list[int]]:
    """What layout mode reads of the pages, counted before any page is laid out (pypdf lays a page out at a few
    microseconds a byte: a small file whose pages all draw one large stream or form took half a minute to be
    refused when counted as it was read): each page's content inflated, a stream shared by many pages counted
    for each, and the Form XObjects holding text it draws, each time drawn (_drawn_forms_bytes). Refused by
    the page where the count passes `budget`. Each content stream is inflated once (pypdf keeps it inflated
    for the read) and its drawings found once, however many pages draw it. Out: the bytes in all, and
    each page's forms' bytes."""
    inflated = 0
    forms_of_pages = []
    drawn_by_contents: dict[tuple[int, ...], Counter] = {}
    for number, page in enumerate(reader.pages, 1):
        streams = _content_streams(page)
        inflated += sum(len(stream.get_data()) for stream in streams) + max(0, len(streams) - 1)  # as _content_data joins them
        _refuse_undecoded(errors, source, number)
        if inflated > budget:
            raise _over_budget(source, budget, number)
        key = tuple(map(id, streams))
        if key not in drawn_by_contents:
            drawn_by_contents[key] = _drawn(b"\n".join(stream.get_data() for stream in streams))
        in_forms = _drawn_forms_bytes(_resources(page), drawn_by_contents[key], budget - inflated, text_form_bytes,
                                      holding_text=True)
        _refuse_undecoded(errors, source, number)
        inflated += in_forms
        if inflated > budget:
            raise _over_budget(source, budget, number)
        forms_of_pages.append(in_forms)
    return inflated, forms_of_pages


def _refuse_undecoded(errors: list[str], source: str, number: int) -> None:
    if errors:
        raise IngestError(source, None, f"damaged PDF: the text of page {number} cannot be decoded ({' '.join(errors[0].split())})")


def _declared_pages(reader) -> int:
    try:
        count = reader.trailer["/Root"].get_object()["/Pages"].get_object()["/Count"]
        return int(count) if isinstance(count, int) else 0
    except (KeyError, TypeError, AttributeError, ValueError):
        return 0


def _over_budget(source: str, budget: int, number: int) -> IngestError:
    return IngestError(source, None, f"PDF's page content inflates past the limit of {budget} bytes "
                                     f"by page {number} (a decompression bomb?)")


def _content_streams(page) -> list:
    """A page's content streams, resolved (one stream may stand in many pages' lists, or many times in one)."""
    contents = page.get("/Contents")
    if contents is None:
        return []
    contents = contents.get_object()
    return [stream.get_object() for stream in contents] if isinstance(contents, list) else [contents]


def _content_data(page) -> bytes:
    """A page's content streams inflated, one after the other."""
    return b"\n".join(stream.get_data() for stream in _content_streams(page))


# a content stream's "/Name Do": draws the XObject of that name (a form or an image)
_DRAWN = re.compile(rb"/([^\s/\[\]()<>{}%]*)\s*Do(?=[\s/\[\]()<>{}%]|\Z)")
# a comment after a name: it may stand between a form's name and Do ("/Fm0 %note\nDo"), which _DRAWN does not see
_NAME_THEN_COMMENT = re.compile(rb"/[^\s/\[\]()<>{}%]*\s*%")
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")


# a content stream's text object opens with BT
_TEXT_OBJECT = re.compile(rb"(?<![^\s/\[\]()<>{}%])BT(?=[\s/\[\]()<>{}%]|\Z)")


def _dictionary(obj, key: str):
    """The dictionary `obj` holds under `key`, resolved, or None (missing, or not a dictionary)."""
    value = obj.get(key) if obj is not None else None
    value = value.get_object() if value is not None else None
    return value if isinstance(value, dict) else None


def _resources(obj):
    return _dictionary(obj, "/Resources")


def _xobject(resources, name: str):
    """The XObject a resource dictionary names `name` (as a content stream draws it, without its slash), resolved,
    or None. One name looked up: a merge tool's pages may share one dictionary of thousands of forms, each page
    drawing a few."""
    value = (_dictionary(resources, "/XObject") or {}).get("/" + name)
    return value.get_object() if value is not None else None


def _is_form(xobject) -> bool:
    return isinstance(xobject, dict) and xobject.get("/Subtype") == "/Form" and hasattr(xobject, "get_data")


def _is_image(xobject) -> bool:
    return isinstance(xobject, dict) and xobject.get("/Subtype") == "/Image"


def _forms(resources) -> list:
    """The Form XObjects a resource dictionary names (images left out: text extraction skips them)."""
    values = (_dictionary(resources, "/XObject") or {}).values()
    return [form for form in (value.get_object() for value in values) if _is_form(form)]


def _fonts(resources) -> dict:
    return _dictionary(resources, "/Font") or {}


class _OverBudget(Exception):
    pass


# a content stream's tokens: a literal string's opening parenthesis (_tokens finds its end), a hex string, a
# dictionary's or an array's brackets, a comment, a name, a run of other characters (a number, an operator)
_TOKEN = re.compile(rb"\(|<<|>>|<[^<>]*>|%[^\r\n]*|/[^\s/\[\]()<>{}%]*|[\[\]{}]|[^\s/\[\]()<>{}%]+")
_STRING_PART = re.compile(rb"\\.|[()]", re.S)
_INLINE_IMAGE_END = re.compile(rb"\sEI(?=[\s/\[\]()<>{}%]|\Z)")


def _tokens(data: bytes):
    """The spans (start, end) of a content stream's tokens; a literal string (its parentheses nest) and an
    inline image's data (ID to EI) are one token each."""
    position = 0
    while match := _TOKEN.search(data, position):
        start, end = match.span()
        if data[start:end] == b"(":
            depth, end = 1, len(data)
            for part in _STRING_PART.finditer(data, start + 1):
                depth += {b"(": 1, b")": -1}.get(part.group(), 0)
                if not depth:
                    end = part.end()
                    break
        elif data[start:end] == b"ID":
            image_end = _INLINE_IMAGE_END.search(data, end)
            end = image_end.end() if image_end else len(data)
        yield start, end
        position = end


def _name(token: bytes) -> str:
    return _NAME_ESCAPE.sub(lambda m: bytes.fromhex(m.group(1).decode()), token).decode("utf-8", "replace")


def _with_forms_drawn(page, reader, content: bytes, text_form_bytes: dict[int, int], limit: int):
    """The page as layout mode reads it, the Form XObjects it draws that hold text drawn in their place
    (as a viewer draws them: inside q and Q, under the form's /Matrix, each time drawn), their fonts
    renamed beside the page's, their q and Q and text objects balanced (a stray Q would undo the page's
    state). `text_form_bytes` (from _drawn_forms_bytes) tells the forms holding text. _OverBudget once
    the forms drawn pass `limit` bytes: _drawn_forms_bytes counted them from a regular expression, this
    from the content's tokens. The content is spliced as bytes: layout mode then parses it once."""
    from pypdf import PageObject
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    resources = _resources(page) or DictionaryObject()
    fonts = DictionaryObject(_fonts(resources))  # the page's, and each form's renamed
    renamed: dict[int, dict[str, bytes]] = {}  # each form's font names, as renamed
    drawn_bytes = 0

    def drawn_in_place(data: bytes, resources, form_fonts: dict[str, bytes], drawing: frozenset[int]) -> bytes:
        nonlocal drawn_bytes
        out, copied, depth, in_text, before = [], 0, 0, False, []
        for start, end in _tokens(data):
            token = data[start:end]
            if token[:1] == b"%":
                continue  # a comment, between an operator and its operands too
            if token == b"Do" and before and data[before[-1][0]:before[-1][0] + 1] == b"/":
                form = _xobject(resources, _name(data[before[-1][0] + 1:before[-1][1]]))
                if _is_form(form) and text_form_bytes.get(id(form)) and id(form) not in drawing:
                    drawn_bytes += len(form.get_data())
                    if drawn_bytes > limit:
                        raise _OverBudget
                    matrix = form.get("/Matrix")
                    matrix = b" ".join(b"%f" % float(n) for n in matrix.get_object()) + b" cm\n" if matrix is not None else b""
                    inner = drawn_in_place(form.get_data(), _resources(form), form_renamed(form), drawing | {id(form)})
                    out += [data[copied:before[-1][0]], b"\nq\n", matrix, inner, b"\nQ\n"]
                    copied = end
            elif token == b"Tf" and len(before) == 2 and (font := form_fonts.get(_name(data[slice(*before[0])]))):
                out += [data[copied:before[0][0]], font]
                copied = before[0][1]
            elif token == b"Q" and drawing and not depth:
                out.append(data[copied:start])  # a form's Q past its own q
                copied = end
            else:
                depth += {b"q": 1, b"Q": -1}.get(token, 0)
                in_text = token == b"BT" or in_text and token != b"ET"
            before = [*before[-1:], (start, end)]
        out.append(data[copied:])
        if drawing:
            out += [b"\nET"] * in_text + [b"\nQ"] * depth
        return b"".join(out)

    def form_renamed(form) -> dict[str, bytes]:
        if id(form) not in renamed:
            renamed[id(form)] = {}
            for name, font in _fonts(_resources(form)).items():
                number = len(fonts)
                while f"/Form.{number}" in fonts:
                    number += 1
                fonts[NameObject(f"/Form.{number}")] = font
                renamed[id(form)][name] = f"/Form.{number}".encode()
        return renamed[id(form)]

    stream = DecodedStreamObject()
    stream.set_data(drawn_in_place(content, resources, {}, frozenset()))
    laid_out = PageObject(pdf=reader)
    for key in ("/Parent", "/MediaBox"):
        if key in page:
            laid_out[NameObject(key)] = page.raw_get(key)
    laid_out[NameObject("/Resources")] = DictionaryObject({**resources, NameObject("/Font"): fonts})
    laid_out[NameObject("/Contents")] = stream
    return laid_out


def _drawn(content: bytes) -> Counter:
    """How many times a content stream draws each XObject, by name: from its bytes, or, where a comment may
    stand between a name and Do, from its tokens, as _with_forms_drawn draws them (slower, so only there)."""
    if not _NAME_THEN_COMMENT.search(content):
        return Counter(_name(m.group(1)) for m in _DRAWN.finditer(content))
    drawn: Counter = Counter()
    name = b""
    for start, end in _tokens(content):
        token = content[start:end]
        if token[:1] == b"%":
            continue
        if token == b"Do" and name:
            drawn[_name(name[1:])] += 1
        name = token if token[:1] == b"/" else b""
    return drawn


def _drawn_forms_bytes(resources, drawn: Counter, limit: int, known: dict[int, int], *, holding_text: bool = False) -> int:
    """The bytes pypdf's plain mode reads for the Form XObjects a content stream draws (`drawn`, from _drawn): each form's
    inflated content each time it is drawn, the forms it draws in turn included (a page drawing a
    large form a thousand times, or forms nested ten deep, inflates a small file a millionfold).
    Only the names drawn are looked up: a form the resources name but nothing draws costs nothing.
    A name the resources do not hold counts as their largest form (_largest_form_bytes); an image, nothing;
    counting stops past `limit`. `known` keeps what each form costs (by object), so a form drawn on every
    page is read once. Where `holding_text`, only the forms with text in them (a text object, or a form
    drawn that holds text) count, and a name not resolved to a form counts nothing: what _with_forms_drawn draws."""
    total = 0
    for name, times in drawn.items():
        xobject = _xobject(resources, name)
        if _is_form(xobject):
            cost = _form_bytes(xobject, limit, known, holding_text=holding_text)
        elif holding_text or _is_image(xobject):
            cost = 0
        else:
            cost = _largest_form_bytes(resources, limit, known)
        total += times * cost
        if total > limit:
            break
    return total


def _form_bytes(form, limit: int, known: dict[int, int], *, holding_text: bool) -> int:
    """What one Form XObject costs each time drawn (_drawn_forms_bytes), worked out once and kept in `known`."""
    key = id(form)
    if key not in known:
        known[key] = 0  # a form drawing itself: pypdf skips the cycle
        data = form.get_data()
        inner = _resources(form)  # pypdf reads no text from a form without resources
        cost = 0 if inner is None else len(data) + _drawn_forms_bytes(inner, _drawn(data), limit, known, holding_text=holding_text)
        # a form holding text: a text object of its own, or a form it draws holding one
        known[key] = cost if not holding_text or cost > len(data) or _TEXT_OBJECT.search(data) else 0
    return known[key]


def _largest_form_bytes(resources, limit: int, known: dict[int, int]) -> int:
    """What plain mode may read for a name drawn that the resources do not hold: the largest of their forms. The names
    are read from the content's bytes here, by pypdf's parser there, and pypdf reads a form it finds; so the worst it
    could find. Worked out once for each XObject dictionary (kept in `known` by its object), however many pages
    share it."""
    xobjects = _dictionary(resources, "/XObject")
    if xobjects is None:
        return 0
    key = id(xobjects)
    if key not in known:
        known[key] = 0  # a form of it drawing a name it does not hold (a page's resources shared with its forms)
        largest = 0
        for form in _forms(resources):
            largest = max(largest, _form_bytes(form, limit, known, holding_text=False))
            if largest > limit:
                break
        known[key] = largest
    return known[key]


def _trimmed(lines: list[str]) -> list[str]:
    """A page's lines without trailing spaces or the blank lines above and below its text."""
    lines = [_CONTROL.sub("", line).rstrip() for line in lines]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return lines


def _key(line: str) -> str:
    return _NUMBER.sub("#", " ".join(line.split()))


def _page_furniture(pages: list[list[str]]) -> set[str]:
    """The keys (spaces collapsed, numbers as #) of the lines that are the pages' headers and footers."""
    if len(pages) < 2:
        return set()
    at_edges: Counter = Counter()
    inside: set[str] = set()
    for lines in pages:
        text = [line for line in lines if line]
        edge = set(range(min(_EDGE_LINES, len(text)))) | set(range(max(0, len(text) - _EDGE_LINES), len(text)))
        keys = set()
        for i, line in enumerate(text):
            if _MARGIN_NUMBER.match(line):
                continue
            if i in edge:
                keys.add(_key(line))
            else:
                inside.add(_key(line))
        at_edges.update(keys)
    needed = max(2, (len(pages) + 1) // 2)
    return {key for key, count in at_edges.items() if count >= needed and key not in inside}


# a title that names the file it was printed from or is a tool's placeholder, not the interview
_FILE_TITLE = re.compile(
    r"(?i)^(?:microsoft (?:word|powerpoint|excel|office)\b.*|untitled\b.*|document ?\d*|title|new document|"
    r"powerpoint presentation|slide \d+|print|[^\s]*_[^\s]*|.*\.(?:docx?|pdf|txt|rtf|odt|pages|html?|md|indd|pptx?|"
    r"xlsx?|srt|vtt|json|wav|mp[34]|m4a)|.*[\\/].*)$"
)
_PDF_DATE = re.compile(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def _info_metadata(reader) -> Metadata:
    """The document information's /Title (not a file name nor a tool's default) and the day of
    its /CreationDate as written (the PDF's local day, not turned to UTC): the text says better
    where it gives them (pipeline.run's file_metadata). A damaged information dictionary is no reason to
    refuse the pages' text: it is then read as empty."""
    try:
        info = reader.metadata or {}
        title, created = info.get("/Title"), info.get("/CreationDate")
    except Exception:  # pypdf lets errors out of a malformed object
        return Metadata()
    title = " ".join(title.split()) if isinstance(title, str) else ""
    if len(title) < 3 or _FILE_TITLE.match(title):
        title = ""
    published, precision = _pdf_day(created) if isinstance(created, str) else (None, "")
    return Metadata(title=title, published=published, published_precision=precision)


def _pdf_day(value: str) -> tuple[dt.date | None, str]:
    """A PDF date string ("D:20250301120000+01'00'") in, its day and precision out."""
    match = _PDF_DATE.match(value.strip())
    if not match:
        return None, ""
    year, month, day = match.groups()
    try:
        date = dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None, ""
    if date.year < 1993:  # before PDF existed: a tool's zero date, not a day
        return None, ""
    return date, "day" if day else "month" if month else "year"
