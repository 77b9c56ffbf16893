"""PDFs whose text sits in Form XObjects the page draws (LaTeX's pdfpages, stamping, print-to-PDF and merge
tools): read in reading order with the page's own text, as a viewer shows it, inside the content budget."""
import pytest

from claims.ingest.errors import IngestError
from claims.ingest.markup import reading_text
from claims.ingest.read import decode_bytes
from tests.pdfs import court_transcript_pages, pdf_document, pdf_drawing_forms, pdf_with_text_in_forms

# pdfpages draws an included page scaled to fit, inside the page's margins
_INCLUDED = (0.9, 0, 0, 0.9, 30, 40)

_TRANSCRIPT = [
    ["Grid Storage - Episode 14", None,
     "Maria Lopez: Welcome to Charged Up. Today I'm talking with Priya Raman,", "who builds grid batteries.", None,
     "Priya Raman: Thanks, Maria. (laughs) It's good to be here.", None,
     "Maria Lopez: How big is a grid battery?", None, None, [(260, "Page 1 of 2")]],
    ["Grid Storage - Episode 14", None,
     "Priya Raman: The one we finished last year holds four hundred megawatt hours.", None,
     "Maria Lopez: What will it cost by 2030?", None,
     "Priya Raman: I think the price will halve by 2030.", None, None, [(260, "Page 2 of 2")]],
]


def _prepared(data, source):
    from claims.services import interview_prepare

    annotated = interview_prepare(data, source=source)
    text = decode_bytes(data, source=source)
    return annotated, [(t.speaker_slug, " ".join(text[t.start_char:t.end_char].split())) for t in annotated.turns]


@pytest.mark.django_db
def test_a_pdfpages_document_reads_as_the_labelled_transcript_it_includes():
    # \includepdf: each page draws one form, the included transcript page; before, no text layer
    data = pdf_with_text_in_forms([[("Do", f"Im{n}", _INCLUDED)] for n in (1, 2)],
                                  {"Im1": _TRANSCRIPT[0], "Im2": _TRANSCRIPT[1]})
    assert decode_bytes(data, source="included.pdf") == decode_bytes(pdf_document(_TRANSCRIPT), source="ep14.pdf")
    annotated, turns = _prepared(data, "included.pdf")
    assert annotated.format == "labelled"
    assert [(s.slug, s.role) for s in annotated.speakers] == [("maria-lopez", "host"), ("priya-raman", "guest")]
    assert turns == [
        ("maria-lopez", "Welcome to Charged Up. Today I'm talking with Priya Raman, who builds grid batteries."),
        ("priya-raman", "Thanks, Maria. (laughs) It's good to be here."),
        ("maria-lopez", "How big is a grid battery?"),
        ("priya-raman", "The one we finished last year holds four hundred megawatt hours."),
        ("maria-lopez", "What will it cost by 2030?"),
        ("priya-raman", "I think the price will halve by 2030."),
    ]


@pytest.mark.django_db
def test_a_court_transcript_included_by_pdfpages_keeps_its_margin_numbers_and_indentation():
    # layout mode reads the forms: plain mode would lose the label indentation line_numbered reads
    pages = court_transcript_pages()
    data = pdf_with_text_in_forms([[("Do", f"Im{n}", _INCLUDED)] for n in (1, 2)], {"Im1": pages[0], "Im2": pages[1]})
    text = decode_bytes(data, source="hearing.pdf")
    # the same words on the same lines, the spaces between columns as scaled to 90% rounds them
    as_printed = decode_bytes(pdf_document(pages), source="hearing.pdf")
    assert [line.split() for line in text.splitlines()] == [line.split() for line in as_printed.splitlines()]
    annotated, _ = _prepared(data, "hearing.pdf")
    assert annotated.format == "line_numbered"
    reading = reading_text(text, "line_numbered")
    assert [t.speaker_slug for t in annotated.turns] == ["senator-savino", "ms-raman", "senator-savino", "ms-raman"]
    assert " ".join(reading[annotated.turns[1].start_char:annotated.turns[1].end_char].split()) == (
        "Thank you, Senator. The plant we finished last year holds four hundred megawatt hours. "
        "That is a small town for an evening.")


@pytest.mark.django_db
def test_a_running_header_stamped_on_pages_whose_body_is_a_form_is_read_above_it_and_left_out():
    # a stamping tool: the original page wrapped in a form and drawn first, the header written after it
    # at the top of the page in the tool's own font, a subset re-encoded ('a' drawn by the code of 'z'),
    # under /F1, the name the form gives its own font (Times-Roman)
    header = [(72, "Grid Storzge - Episode 14"), (430, "Trznscript by Scribe.io")]
    body = [[None, None, *page[2:]] for page in _TRANSCRIPT]
    stamp_font = b"/BaseFont /Helvetica /Encoding << /BaseEncoding /WinAnsiEncoding /Differences [122 /a] >>"
    data = pdf_with_text_in_forms([[("Do", "Fm0", (1, 0, 0, 1, 0, 0)), header],
                                   [("Do", "Fm1", (1, 0, 0, 1, 0, 0)), header]], {"Fm0": body[0], "Fm1": body[1]},
                                  page_font=stamp_font)
    text = decode_bytes(data, source="stamped.pdf")
    assert "Scribe.io" not in text and "Page" not in text
    assert text.startswith("Maria Lopez: Welcome to Charged Up.")
    annotated, turns = _prepared(data, "stamped.pdf")
    assert [slug for slug, _ in turns] == ["maria-lopez", "priya-raman", "maria-lopez", "priya-raman", "maria-lopez",
                                           "priya-raman"]
    assert turns[3] == ("priya-raman", "The one we finished last year holds four hundred megawatt hours.")
    # on one page the header is no furniture: read first, above the body drawn before it
    single = decode_bytes(pdf_with_text_in_forms([[("Do", "Fm0", (1, 0, 0, 1, 0, 0)), header]], {"Fm0": body[0]},
                                                 page_font=stamp_font), source="stamped.pdf")
    assert single.splitlines()[0].split() == ["Grid", "Storage", "-", "Episode", "14", "Transcript", "by", "Scribe.io"]
    assert single.splitlines()[2].startswith("Maria Lopez: Welcome")


@pytest.mark.django_db
def test_a_form_drawn_twice_on_a_page_is_read_once_for_each_drawing():
    # the interviewer's repeated question kept as one form and drawn at two places between the page's own turns
    question = ["Maria Lopez: Could you say that again, for the listeners?"]
    page = ["Maria Lopez: How big is a grid battery?", None,
            "Priya Raman: Four hundred megawatt hours.", None, ("Do", "Fm0", (1, 0, 0, 1, 0, -56)), None, None,
            "Priya Raman: Four hundred megawatt hours, a small town's evening.", None,
            ("Do", "Fm0", (1, 0, 0, 1, 0, -126)), None, None, "Priya Raman: Four hundred. Megawatt. Hours."]
    data = pdf_with_text_in_forms([page], {"Fm0": question})
    annotated, turns = _prepared(data, "repeat.pdf")
    assert turns == [
        ("maria-lopez", "How big is a grid battery?"),
        ("priya-raman", "Four hundred megawatt hours."),
        ("maria-lopez", "Could you say that again, for the listeners?"),
        ("priya-raman", "Four hundred megawatt hours, a small town's evening."),
        ("maria-lopez", "Could you say that again, for the listeners?"),
        ("priya-raman", "Four hundred. Megawatt. Hours."),
    ]


@pytest.mark.django_db
def test_a_page_drawing_an_image_beside_a_form_reads_the_forms_text_with_its_own():
    # a print-to-PDF page: a logo image at the top, the page's title, the body drawn as a form
    body = [None, None, "Maria Lopez: How big is a grid battery?", None,
            "Priya Raman: The one we finished last year holds four hundred megawatt hours."]
    page = [("Do", "Im0", (120, 0, 0, 40, 400, 740)), "Grid Storage - Episode 14", ("Do", "Fm0", (1, 0, 0, 1, 0, 0))]
    data = pdf_with_text_in_forms([page], {"Im0": "image", "Fm0": body})
    text = decode_bytes(data, source="printed.pdf")
    assert text.startswith("Grid Storage - Episode 14\n\nMaria Lopez: How big")
    annotated, turns = _prepared(data, "printed.pdf")
    assert turns == [("maria-lopez", "How big is a grid battery?"),
                     ("priya-raman", "The one we finished last year holds four hundred megawatt hours.")]


@pytest.mark.parametrize("draws, nested", [(10, 0), (4, 2)])
def test_forms_read_in_layout_mode_count_against_the_content_budget_each_time_drawn(monkeypatch, draws, nested):
    from claims.ingest import pdf

    monkeypatch.setattr(pdf, "MIN_CONTENT_BUDGET", 100_000)
    # as test_hostile_inputs' plain-mode case, the page's fonts now read in layout mode: 200-400 KB from 1-2 KB
    form = b"BT /F1 12 Tf 72 720 Td (Q: a) Tj ET\n" * (600 if draws == 10 else 180)
    data = pdf_drawing_forms(draws, form, nested=nested, trips_layout=False)
    assert len(data) < 2_000
    with pytest.raises(IngestError, match=r"^forms.pdf: PDF's page content inflates past the limit of 100000 bytes by page 1"):
        decode_bytes(data, source="forms.pdf")
    # drawn with a comment before Do, which the count from the content's bytes does not see: counted from its tokens
    data = pdf_drawing_forms(draws, form, nested=nested, trips_layout=False, between=b" %drawn\n")
    with pytest.raises(IngestError, match=r"^forms.pdf: PDF's page content inflates past the limit of 100000 bytes by page 1"):
        decode_bytes(data, source="forms.pdf")
    # a vector logo's form (paths, no text object) of 20 KB drawn 10 times beside the page's text costs nothing:
    # layout mode reads no form without text
    logo = b"0.2 g 10 10 m 20 20 l 30 10 l f\n" * 640
    data = pdf_drawing_forms(10, logo, page_text=b"BT /F1 12 Tf 72 720 Td (Q: Where were you?) Tj ET\n", trips_layout=False)
    assert decode_bytes(data, source="logo.pdf") == "Q: Where were you?\n"


_ANSWER = ["Maria Lopez: How big is a grid battery?", None, "Priya Raman: Four hundred megawatt hours."]


def _layout_fails(monkeypatch):
    from pypdf import PageObject

    extract = PageObject.extract_text

    def plain_only(page, *args, extraction_mode="plain", **kwargs):
        if extraction_mode == "layout":
            raise ZeroDivisionError("float division by zero")
        return extract(page, *args, extraction_mode=extraction_mode, **kwargs)

    monkeypatch.setattr(PageObject, "extract_text", plain_only)


@pytest.mark.parametrize("mode", ["layout", "plain"])
def test_a_large_form_the_resources_name_but_no_page_draws_costs_nothing(monkeypatch, mode):
    from claims.ingest import pdf

    monkeypatch.setattr(pdf, "CONTENT_PER_FILE_BYTE", 0)  # the budget 100 KB whatever the file's size
    monkeypatch.setattr(pdf, "MIN_CONTENT_BUDGET", 100_000)
    if mode == "plain":
        _layout_fails(monkeypatch)
    # one resource dictionary for every page, naming an appendix of ~210 KB inflated that no page draws:
    # before, the count went through every form named and refused the file for it
    forms = {"Logo": "image", "Body": _ANSWER, "Appendix": ["Maria Lopez: a line of the appendix, read by no one."] * 3_000}
    drawn = [("Do", "Logo", (120, 0, 0, 40, 400, 740)), ("Do", "Body", (1, 0, 0, 1, 0, 0))]
    data = pdf_with_text_in_forms([drawn], forms, shared=True)
    text = decode_bytes(data, source="undrawn.pdf")
    assert text.split() == "Maria Lopez: How big is a grid battery? Priya Raman: Four hundred megawatt hours.".split()
    # drawn, it counts
    data = pdf_with_text_in_forms([drawn + [("Do", "Appendix", (1, 0, 0, 1, 0, -100))]], forms, shared=True)
    with pytest.raises(IngestError, match=r"^undrawn.pdf: PDF's page content inflates past the limit of 100000 bytes by page 1"):
        decode_bytes(data, source="undrawn.pdf")
    # a name the resources do not hold still counts as their largest form in plain mode (pypdf's parser, not
    # ours, reads the name there); layout mode draws only the forms it resolves
    data = pdf_with_text_in_forms([drawn + [("Do", "Missing", (1, 0, 0, 1, 0, 0))]], forms, shared=True)
    if mode == "plain":
        with pytest.raises(IngestError, match=r"^undrawn.pdf: PDF's page content inflates past the limit of 100000 bytes"):
            decode_bytes(data, source="undrawn.pdf")
    else:
        assert decode_bytes(data, source="undrawn.pdf") == text


def test_a_pages_forms_are_looked_up_by_the_names_it_draws_not_walked(monkeypatch):
    import io

    from pypdf import PdfReader
    from pypdf.generic import IndirectObject

    # a merge tool's shape: every page's resources one dictionary naming every form, each page drawing one or two;
    # before, each page's count and its layout went through all the forms named (300 pages sharing 20,000: 25 s)
    words = "grid battery storage megawatt hours price evening town plant cost decade senator".split()
    forms = {f"Fm{n}": [f"Priya Raman: the {words[n % 12]} and the {words[n % 7]} of {words[n % 11]}, {n}."]
             for n in range(50)}
    pages = [[("Do", "Fm3", (1, 0, 0, 1, 0, 0))], [("Do", "Fm17", (1, 0, 0, 1, 0, 0)), ("Do", "Fm42", (1, 0, 0, 1, 0, -28))]]
    data = pdf_with_text_in_forms(pages, forms, shared=True)
    named = PdfReader(io.BytesIO(data)).pages[0]["/Resources"]["/XObject"]
    form_of_object = {named.raw_get(name).idnum: name[1:] for name in named}
    resolved = []
    get_object = IndirectObject.get_object

    def recorded(self):
        resolved.append(self.idnum)
        return get_object(self)

    monkeypatch.setattr(IndirectObject, "get_object", recorded)
    text = decode_bytes(data, source="merged.pdf")
    assert text.splitlines()[0] == "Priya Raman: the megawatt and the megawatt of megawatt, 3."
    assert {form_of_object[number] for number in resolved if number in form_of_object} == {"Fm3", "Fm17", "Fm42"}
