"""Small PDF files for tests, written here byte by byte: no network, no office suite."""
import zlib


def _literal(text: str) -> bytes:
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _text_content(lines, *, font_size: int, leading: int) -> bytes:
    """A page's (or a form's) content: pdf_document's lines from the top, in /F1; an item ("Do", name,
    (a, b, c, d, e, f)) draws that XObject there under that matrix (q ... cm /name Do Q) and takes no line."""
    out, y = [], 760
    for line in lines:
        if isinstance(line, tuple) and line[0] == "Do":
            _, name, matrix = line
            out.append(b"q %s cm /%s Do Q" % (" ".join(f"{n:g}" for n in matrix).encode(), name.encode()))
            continue
        pieces = [] if line is None else [(72, line)] if isinstance(line, str) else line
        for x, text, *justified in pieces:
            if justified:  # as word processors justify: each word placed, the gap widened (1/1000 em)
                words = text.split(" ")
                shown = b"[" + b"".join(_literal(w + " ") + b" %d " % -justified[0] for w in words[:-1]) + _literal(words[-1]) + b"] TJ"
            else:
                shown = _literal(text) + b" Tj"
            out.append(b"BT /F1 %d Tf %d %d Td " % (font_size, x, y) + shown + b" ET")
        y -= leading
    return b"\n".join(out)


def pdf_document(pages, *, info=None, font_size=11, leading=14) -> bytes:
    """A minimal valid PDF (1.4, a correct xref table) with Helvetica text, as a transcript
    service or a court reporter's software writes one. Each page is a list of lines from the
    top; a line is a string at the left margin, a list of (x, text) pieces on one baseline
    (a margin number and its text, a header's left and right parts; a piece (x, text, gap) is
    justified, its words drawn with `gap` thousandths of an em added after each), or None for a gap.
    A page given as the string "drawing" holds a filled rectangle and no text (a scan's image
    stands for text the same way). `info` is the document information dictionary."""
    def content(lines):
        if lines == "drawing":
            return b"0.5 g 72 300 400 300 re f"
        return _text_content(lines, font_size=font_size, leading=leading)

    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
               b"/Encoding /WinAnsiEncoding >>"]
    kids = []
    for page in pages:
        stream = content(page)
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
                       b"/Contents %d 0 R >>" % (len(objects)))
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    trailer_info = b""
    if info:
        objects.append(b"<< " + b" ".join(b"/" + k.encode() + b" " + _literal(v) for k, v in info.items()) + b" >>")
        trailer_info = b" /Info %d 0 R" % len(objects)
    return pdf_of_objects(objects, trailer=trailer_info)


def pdf_of_objects(objects, *, trailer: bytes = b"") -> bytes:
    """The PDF file holding `objects` (object 1 the catalog), with its xref table; `trailer`
    goes into the trailer dictionary after /Root."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


def pdf_sharing_one_stream(count: int, content: bytes, *, flate: bool) -> bytes:
    """`count` pages drawing one content stream (FlateDecode where `flate`), the page tree's count as written."""
    kids = b" ".join(b"%d 0 R" % (5 + index) for index in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
        b"<< /Length %d%s >>\nstream\n" % (len(content), b" /Filter /FlateDecode" if flate else b"") + content
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R"
                b" /Resources << /Font << /F1 4 0 R >> >> >>"] * count
    return pdf_of_objects(objects)


def pdf_drawing_forms(draws: int, content: bytes, *, nested: int = 0, flate: bool = True, page_text: bytes = b"",
                      trips_layout: bool = True, between: bytes = b" ", pages: int = 1) -> bytes:
    """One page drawing a Form XObject `draws` times, each form `nested` levels down drawing the next
    `draws` times, the last holding `content` (FlateDecode where `flate`), after the page's own
    `page_text` operators. Where `trips_layout`, the page's resources also name a damaged composite font
    (its descendant no dictionary), which trips pypdf's layout mode, so the page is read in plain mode.
    `between` is what the page writes between the form's name and Do after the first drawing (a comment may stand there).
    `pages` pages in all, each another page object with the first's content and resources: one form drawn from every page."""
    def stream(data: bytes, extra: bytes = b"") -> bytes:
        if flate:
            data = zlib.compress(data, 9)
        return (b"<< %s/Length %d%s >>\nstream\n" % (extra, len(data), b" /Filter /FlateDecode" if flate else b"")
                + data + b"\nendstream")

    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 6 0 R /Resources << /Font << /F1 3 0 R%s >>"
            b" /XObject << /X0 7 0 R >> >> >>" % (b" /F2 4 0 R" if trips_layout else b""))
    more_pages = range(8 + nested, 8 + nested + pages - 1)  # object numbers, after the forms'
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [5 0 R%s] /Count %d >>" % (b"".join(b" %d 0 R" % n for n in more_pages), pages),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Damaged /Encoding /Identity-H /DescendantFonts [0] >>",
        page,
        stream(page_text + b"/X0 Do\n" + b"/X0%sDo\n" % between * (draws - 1)),
    ]
    for level in range(nested + 1):
        last = level == nested
        resources = b"/Font << /F1 3 0 R >>" + (b"" if last else b" /XObject << /X%d %d 0 R >>" % (level + 1, 8 + level))
        objects.append(stream(content if last else b"/X%d Do\n" % (level + 1) * draws,
                              b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << %s >> " % resources))
    return pdf_of_objects(objects + [page] * (pages - 1))


def pdf_with_text_in_forms(pages, forms, *, font_size=11, leading=14,
                           page_font=b"/BaseFont /Helvetica /Encoding /WinAnsiEncoding", shared=False) -> bytes:
    """Pages whose text is drawn, in whole or in part, by Form XObjects, as LaTeX's pdfpages
    (\\includepdf), print-to-PDF, stamping and merge tools write them. `forms` maps a name to a form's
    lines (pdf_document's, in Times-Roman under the form's own /F1; the form's content FlateDecode, with
    /BBox, /Matrix and /Resources as pdfTeX writes an included page), or to "image": a small grey image
    XObject. A page is a list of its own lines (the page's /F1: `page_font`'s font, Helvetica unless
    given) and of ("Do", name, matrix) items drawing an XObject (q matrix cm /name Do Q), which its resources name;
    where `shared`, every page's resources are one dictionary naming every form, drawn or not (as merge tools
    and some print drivers write them)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"",
               b"<< /Type /Font /Subtype /Type1 %s >>" % page_font,
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>"]
    named = {}
    for name, lines in forms.items():
        if lines == "image":
            pixels = b"\x00\x80\x80\xff"
            objects.append(b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray"
                           b" /BitsPerComponent 8 /Length %d >>\nstream\n" % len(pixels) + pixels + b"\nendstream")
        else:
            data = zlib.compress(_text_content(lines, font_size=font_size, leading=leading))
            objects.append(b"<< /Type /XObject /Subtype /Form /FormType 1 /BBox [0 0 612 792] /Matrix [1 0 0 1 0 0]"
                           b" /Resources << /Font << /F1 4 0 R >> /ProcSet [/PDF /Text] >> /Length %d /Filter /FlateDecode"
                           b" >>\nstream\n" % len(data) + data + b"\nendstream")
        named[name] = b"/%s %d 0 R" % (name.encode(), len(objects))
    if shared:
        objects.append(b"<< /Font << /F1 3 0 R >> /XObject << %s >> >>" % b" ".join(named.values()))
        shared_resources = b"%d 0 R" % len(objects)
    kids = []
    for page in pages:
        stream = _text_content(page, font_size=font_size, leading=leading)
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        drawn = dict.fromkeys(item[1] for item in page if isinstance(item, tuple) and item[0] == "Do")
        resources = shared_resources if shared else (b"<< /Font << /F1 3 0 R >> /XObject << %s >> >>"
                                                     % b" ".join(named[name] for name in drawn))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources %s /Contents %d 0 R >>"
                       % (resources, len(objects)))
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    return pdf_of_objects(objects)


def encrypted_pdf(data: bytes, *, user_password: str, owner_password: str = "owner", algorithm: str = "RC4-128") -> bytes:
    """The PDF encrypted (RC4, or AES-128 / AES-256 as current tools write it); an empty user
    password is a PDF any viewer opens, with only its permissions restricted."""
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm=algorithm)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def labelled_interview_pdf() -> bytes:
    """A transcript service's PDF: a labelled interview over two pages, each with the same
    header and a 'Page n of 2' footer."""
    header = [(72, "Grid Storage - Episode 14"), (430, "Transcript by Scribe.io")]
    return pdf_document([
        [header, None,
         "Grid Storage - Episode 14", None,
         "Maria Lopez (00:00):",
         "Welcome to Charged Up. Today I'm talking with Priya Raman, who builds grid batteries.", None,
         "Priya Raman (00:07):",
         "Thanks, Maria. It's good to be here.", None,
         "Maria Lopez (00:11):",
         "How big is a grid battery?", None,
         "Priya Raman (00:14):",
         "The one we finished last year holds four hundred megawatt hours. That is a small town",
         None, None, None,
         [(260, "Page 1 of 2")]],
        [header, None,
         "for an evening, and the next one will be twice that size.", None,
         "Maria Lopez (01:02):",
         "What will it cost by 2030?", None,
         "Priya Raman (01:05):",
         "I think the price will halve by 2030.",
         None, None, None,
         [(260, "Page 2 of 2")]],
    ], info={"Title": "Microsoft Word - ep14_final.docx", "CreationDate": "D:20250301120000Z"})


def court_transcript_pdf() -> bytes:
    """A court reporter's pages: margin numbers 1-25 (here fewer lines), a page number at the
    top right, labels indented past the text column, a reporter's footer on every page."""
    return pdf_document(court_transcript_pages())


def court_transcript_pages() -> list:
    """court_transcript_pdf's pages, as pdf_document's lines."""
    def page(number, lines):
        numbered = [[(40, str(n)), (x, text)] if text else [(40, str(n))] for n, (x, text) in enumerate(lines, start=1)]
        return [[(520, str(number))], None, *numbered, None, [(200, "Lakeside Court Reporting, Inc.")]]

    return [
        page(1, [(72, "PUBLIC HEARING ON GRID STORAGE"), (72, ""), (144, "SENATOR SAVINO:  Good morning, everyone."),
                 (72, "We are here to talk about batteries."), (144, "MS. RAMAN:  Thank you, Senator."),
                 (72, "The plant we finished last year holds"), (72, "four hundred megawatt hours.")]),
        page(2, [(72, "PUBLIC HEARING ON GRID STORAGE"), (72, "That is a small town for an evening."),
                 (144, "SENATOR SAVINO:  What will it cost by"), (72, "2030?"),
                 (144, "MS. RAMAN:  I think the price will halve"), (72, "by 2030."), (72, "[Applause.]")]),
    ]
