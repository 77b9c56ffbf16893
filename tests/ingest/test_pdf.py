"""Transcripts saved as PDF: their pages' text, page furniture left out, refused with a reason otherwise."""
import datetime as dt

import pytest

from claims.ingest.errors import IngestError
from claims.ingest.markup import reading_text
from claims.ingest.pdf import _page_furniture
from claims.ingest.pipeline import ingest_paths, run
from claims.ingest.read import decode_bytes, decode_document, read_source
from claims.ingest.records import Metadata
from tests.pdfs import court_transcript_pdf, encrypted_pdf, labelled_interview_pdf, pdf_document


def test_a_pdfs_text_is_its_pages_lines_without_their_header_footer_and_page_numbers():
    text = decode_bytes(labelled_interview_pdf(), source="ep14.pdf")
    assert text.startswith("Grid Storage - Episode 14\n\nMaria Lopez (00:00):\nWelcome to Charged Up.")
    assert "Transcript by Scribe.io" not in text and "Page" not in text
    # a sentence goes on over the page break, with no blank line or furniture between
    assert "That is a small town\nfor an evening, and the next one" in text
    assert text.endswith("I think the price will halve by 2030.\n")


def test_a_labelled_interview_over_two_pages_ingests_as_its_turns_and_times():
    text = decode_bytes(labelled_interview_pdf(), source="ep14.pdf")
    annotated = run(text, source="ep14.pdf")
    assert annotated.ok and annotated.format == "labelled"
    assert annotated.metadata.title == "Grid Storage - Episode 14"  # not the PDF's "Microsoft Word - ep14_final.docx"
    assert [(s.slug, s.role) for s in annotated.speakers] == [("maria-lopez", "host"), ("priya-raman", "guest")]
    assert [(t.speaker_slug, t.start_seconds) for t in annotated.turns] == [
        ("maria-lopez", 0.0), ("priya-raman", 7.0), ("maria-lopez", 11.0), ("priya-raman", 14.0),
        ("maria-lopez", 62.0), ("priya-raman", 65.0)]
    assert text[annotated.turns[3].start_char:annotated.turns[3].end_char] == (
        "The one we finished last year holds four hundred megawatt hours. That is a small town\n"
        "for an evening, and the next one will be twice that size.")


def test_a_court_transcripts_pages_are_read_line_numbered_with_labels_indented_past_the_text_column():
    text = decode_bytes(court_transcript_pdf(), source="hearing.pdf")
    assert "Lakeside Court Reporting" not in text  # the reporter's footer on every page
    annotated = run(text, source="hearing.pdf")
    assert annotated.ok and annotated.format == "line_numbered"
    assert annotated.metadata.title == "PUBLIC HEARING ON GRID STORAGE"  # the running title on each page's line 1
    reading = reading_text(text, "line_numbered")
    turns = [(t.speaker_slug, " ".join(reading[t.start_char:t.end_char].split())) for t in annotated.turns]
    assert turns == [
        ("senator-savino", "Good morning, everyone. We are here to talk about batteries."),
        ("ms-raman", "Thank you, Senator. The plant we finished last year holds four hundred megawatt hours. "
                     "That is a small town for an evening."),
        ("senator-savino", "What will it cost by 2030?"),
        ("ms-raman", "I think the price will halve by 2030."),
    ]


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_a_pdf_locked_only_against_editing_opens_as_any_viewer_opens_it(algorithm):
    data = encrypted_pdf(labelled_interview_pdf(), user_password="", algorithm=algorithm)
    assert decode_bytes(data, source="ep14.pdf") == decode_bytes(labelled_interview_pdf(), source="ep14.pdf")


@pytest.mark.parametrize(
    "data, reason",
    [
        (encrypted_pdf(labelled_interview_pdf(), user_password="secret"),
         "encrypted PDF: it needs a password to open; save an unlocked copy"),
        (pdf_document(["drawing", "drawing"]), "PDF has no text layer (a scan or images only); OCR it first"),
        (b"%PDF-1.4\nthis is not a PDF after all\n", "damaged PDF, cannot be read: "),
        (labelled_interview_pdf()[:700], "damaged PDF, cannot be read: "),
    ],
    ids=["encrypted", "scan", "garbage", "truncated"],
)
def test_a_pdf_that_cannot_be_read_as_text_is_refused_in_one_line_with_the_reason(tmp_path, data, reason):
    path = tmp_path / "x.pdf"
    path.write_bytes(data)
    with pytest.raises(IngestError) as error:
        read_source(path)
    assert str(error.value).startswith(f"{path}: {reason}")
    assert "\n" not in str(error.value)


def test_control_characters_from_unmapped_font_codes_are_left_out():
    text = decode_bytes(pdf_document([["Ann: hi\x00 there\x01", "Bo: yes"]]), source="x.pdf")
    assert text == "Ann: hi there\nBo: yes\n"


def test_a_page_that_layout_mode_cannot_read_is_read_in_plain_mode(monkeypatch):
    from pypdf import PageObject

    extract = PageObject.extract_text

    def layout_fails(page, *args, extraction_mode="plain", **kwargs):
        if extraction_mode == "layout":
            raise ZeroDivisionError("float division by zero")
        return extract(page, *args, extraction_mode=extraction_mode, **kwargs)

    monkeypatch.setattr(PageObject, "extract_text", layout_fails)
    text = decode_bytes(court_transcript_pdf(), source="hearing.pdf")
    assert "3 SENATOR SAVINO:  Good morning, everyone." in text  # the words, not their indentation


def test_a_single_page_keeps_every_line():
    text = decode_bytes(pdf_document([["Ann: Hello there.", "Bo: Hi, Ann.", "Page 1"]]), source="x.pdf")
    assert text == "Ann: Hello there.\nBo: Hi, Ann.\nPage 1\n"


@pytest.mark.parametrize(
    "pages, furniture",
    [
        # a header and a numbered footer on every page: furniture
        ([["Hearing", "Ann: a", "x", "y", "z", "Page 1"], ["Hearing", "Bo: b", "x2", "y2", "z2", "Page 2"]],
         {"Hearing", "Page #"}),
        # a label opening both pages is also written inside them: a speaker's, not the page's
        ([["Ann: a", "Bo: b", "q", "r", "Ann: c", "s", "t"], ["Ann: d", "u", "v", "w", "x", "y", "z"]], set()),
        # on one page of four: a line, not furniture
        ([["Hearing", "a"], ["b"], ["c"], ["d"]], set()),
        # a court page's numbered lines are line_numbered's to read
        ([["1  TITLE", "2  SENATOR X:  a"], ["1  TITLE", "2  b"]], set()),
    ],
)
def test_page_furniture_is_what_comes_back_at_the_pages_edges_and_nowhere_else(pages, furniture):
    assert _page_furniture(pages) == furniture


def test_a_page_whose_text_cannot_be_decoded_refuses_the_file_rather_than_losing_the_page():
    # page 2's content stream claims a compression it does not have: pypdf only logs it and gives
    # the page no text; ingestion refuses the file, naming the page
    good = pdf_document([["Ann: Hello there.", "Bo: Hi."], ["Ann: Second page words.", "Bo: More."]])
    second = good.index(b"<< /Length", good.index(b"<< /Length") + 1)
    damaged = good[:second] + good[second:].replace(b"<< /Length", b"<< /Filter /FlateDecode /Length", 1)
    with pytest.raises(IngestError) as refused:
        decode_bytes(damaged, source="ep14.pdf")
    assert str(refused.value).startswith("ep14.pdf: damaged PDF: the text of page 2 cannot be decoded (")


def test_pypdfs_repairs_of_a_sloppy_pdf_stay_out_of_the_log(caplog):
    # an encoding name pypdf does not know: it reads the page with a stand-in encoding and logs a
    # line of some 2,000 characters naming no file; ingestion reads the page and says nothing of it
    sloppy = labelled_interview_pdf().replace(b"/WinAnsiEncoding", b"/WINANSIENCODING")
    with caplog.at_level("WARNING"):
        text = decode_bytes(sloppy, source="ep14.pdf")
    assert "Welcome to Charged Up." in text
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]


def _untitled_interview_pdf(info):
    """A transcript whose text opens with its first turn: no title or date written in it."""
    return pdf_document([["Maria Lopez: Welcome. Today I'm talking with Priya Raman.", None,
                          "Priya Raman: Thanks, Maria. It's good to be here.", None,
                          "Maria Lopez: How big is a grid battery?", None,
                          "Priya Raman: Four hundred megawatt hours."]], info=info)


def test_a_pdfs_document_title_and_creation_day_stand_in_where_the_text_gives_none(tmp_path):
    path = tmp_path / "ep14.pdf"
    path.write_bytes(_untitled_interview_pdf({"Title": "Grid Storage with Priya Raman", "Author": "jsmith",
                                              "CreationDate": "D:20250301233000-08'00'"}))
    [annotated], errors = ingest_paths([path])
    assert not errors and annotated.format == "labelled"
    meta = annotated.metadata
    assert meta.title == "Grid Storage with Priya Raman" and meta.slug == "grid-storage-with-priya-raman"
    # the day as the PDF writes it (its own time zone), at day precision
    assert (meta.published, meta.published_precision) == (dt.date(2025, 3, 1), "day")
    assert "Grid Storage" not in annotated.source_text  # the stored text is the pages' text only


@pytest.mark.parametrize("title", ["Microsoft Word - ep14_final.docx", "ep14_final", "C:\\Users\\rm\\ep14.pdf",
                                   "interview.docx", "Untitled document", "Document1", ""])
def test_a_pdf_title_that_names_a_file_or_a_tools_default_is_not_the_interviews(title):
    text, metadata = decode_document(_untitled_interview_pdf({"Title": title}), source="ep14.pdf")
    assert metadata.title == ""
    assert run(text, source="ep14.pdf", file_metadata=metadata).metadata.title == ""


def test_what_the_text_says_beats_the_pdfs_document_information():
    data = labelled_interview_pdf().replace(b"Microsoft Word - ep14_final.docx", b"Batteries and the Grid (final)")
    text, metadata = decode_document(data, source="ep14.pdf")
    assert metadata.title == "Batteries and the Grid (final)"
    annotated = run(text, source="ep14.pdf", file_metadata=metadata, metadata=Metadata(published=dt.date(2024, 5, 2)))
    assert annotated.metadata.title == "Grid Storage - Episode 14"  # the title written on the first page
    assert annotated.metadata.published == dt.date(2024, 5, 2)  # the manifest's or command line's day


@pytest.mark.parametrize("created", ["D:00000101000000Z", "garbage", "D:20251340"])
def test_a_pdf_creation_date_that_is_no_day_is_not_read(created):
    _, metadata = decode_document(_untitled_interview_pdf({"CreationDate": created}), source="x.pdf")
    assert metadata.published is None


@pytest.mark.django_db
def test_a_pdf_uploaded_keeps_its_document_title_and_day():
    from claims.services import interview_prepare

    data = _untitled_interview_pdf({"Title": "Grid Storage with Priya Raman", "CreationDate": "D:202503"})
    annotated = interview_prepare(data, source="upload.pdf")
    assert annotated.metadata.title == "Grid Storage with Priya Raman"
    assert (annotated.metadata.published, annotated.metadata.published_precision) == (dt.date(2025, 3, 1), "month")


def test_a_paragraph_ending_at_a_pages_foot_stays_apart_from_the_next_pages_first():
    # a magazine's Q&A as PDF: paragraphs set apart by blank lines, no labels; page 1 ends with an
    # answer's short last line, page 2 opens with the interviewer's next paragraph
    pages = [
        ["Building the Grid's Batteries", None, "How big is a grid battery, and what does it look like from the road?", None,
         "The one we finished last year holds four hundred megawatt hours. From the road it looks",
         "like a row of shipping containers behind a fence, with a substation at one end of it and",
         "a control room at the other. That is a small town for an evening, and the next one will",
         "be twice that size.", None, None, [(300, "1")]],
        ["Let us talk about the cost of such a battery by the end of the decade.", None,
         "I think the price will halve by 2030, as it has halved over the last seven years, and the",
         "cells will last longer than we plan for.", None, "Why does that matter for the grid?", None,
         "Because an evening peak is the costliest hour of the day.", None, None, [(300, "2")]],
    ]
    text = decode_bytes(pdf_document(pages), source="qa.pdf")
    assert "be twice that size.\n\nLet us talk about the cost" in text
    assert "the price will halve.\n" not in text  # no page break there: nothing added
    annotated = run(text, source="qa.pdf")
    assert text.index("Let us talk") in [t.start_char for t in annotated.turns]  # its own paragraph, not the answer's


def test_a_sentence_cut_by_a_page_break_runs_on_at_the_same_indentation():
    # a footer left of the text column on pages 2 and 3 only (the first page carries none):
    # layout mode measures those pages from the footer, which pushed their lines right
    footer = lambda n: [(36, f"Grid Storage, Episode 14 - page {n}")]  # noqa: E731
    pages = [
        ["Maria Lopez: How big is a grid battery?", None,
         "Priya Raman: The one we finished last year holds four hundred megawatt hours. That is a", "small town"],
        ["for an evening, and the next one will be twice that size.", None,
         "Maria Lopez: What will it cost by 2030?", None, "Priya Raman: I think the price will halve.", None, footer(2)],
        ["Maria Lopez: Thank you.", None, "Priya Raman: Thank you, Maria.", None, footer(3)],
    ]
    text = decode_bytes(pdf_document(pages), source="ep14.pdf")
    annotated = run(text, source="ep14.pdf")
    assert [text[t.start_char:t.end_char] for t in annotated.turns] == [
        "How big is a grid battery?",
        "The one we finished last year holds four hundred megawatt hours. That is a\nsmall town\n"
        "for an evening, and the next one will be twice that size.",
        "What will it cost by 2030?", "I think the price will halve.", "Thank you.", "Thank you, Maria."]
    assert "will halve.\n\nMaria Lopez: Thank you." in text  # a turn ending at a page's foot: a paragraph's end


def _two_column_page(title, left, right):
    rows = [[(72, title)], None]
    for i in range(max(len(left), len(right))):
        pieces = [(x, column[i]) for x, column in ((72, left), (320, right)) if i < len(column) and column[i]]
        rows.append(pieces or None)
    return rows


def test_a_page_set_in_two_columns_is_read_column_by_column():
    # a newsletter's interview: layout mode writes both columns side by side on each line
    left = ["Maria Lopez: Welcome to Charged Up.", "Today I'm talking with Priya Raman,", "who builds grid batteries.", None,
            "Priya Raman: Thanks, Maria. It's good", "to be here.", None, "Maria Lopez: How big is a grid",
            "battery, and what does it look like?", None, "Priya Raman: The one we finished last",
            "year holds four hundred megawatt", "hours. That is a small town for an"]
    right = ["evening, and the next one will be", "twice that size.", None, "Maria Lopez: What will it cost by the",
             "end of the decade, do you think?", None, "Priya Raman: I think the price will",
             "halve by 2030, as it has halved over", "the last seven years."]
    text = decode_bytes(pdf_document([_two_column_page("GRID STORAGE: AN INTERVIEW", left, right)], font_size=10),
                        source="newsletter.pdf")
    assert text.startswith("GRID STORAGE: AN INTERVIEW\n\nMaria Lopez: Welcome to Charged Up.\nToday I'm talking")
    annotated = run(text, source="newsletter.pdf")
    assert [(t.speaker_slug, " ".join(text[t.start_char:t.end_char].split())) for t in annotated.turns] == [
        ("maria-lopez", "Welcome to Charged Up. Today I'm talking with Priya Raman, who builds grid batteries."),
        ("priya-raman", "Thanks, Maria. It's good to be here."),
        ("maria-lopez", "How big is a grid battery, and what does it look like?"),
        ("priya-raman", "The one we finished last year holds four hundred megawatt hours. That is a small town for an "
                        "evening, and the next one will be twice that size."),
        ("maria-lopez", "What will it cost by the end of the decade, do you think?"),
        ("priya-raman", "I think the price will halve by 2030, as it has halved over the last seven years."),
    ]


def test_a_column_of_speakers_and_times_left_of_the_text_is_read_cell_then_turn():
    # a transcript service's PDF: the speaker and the time below it in a narrow column, the turn's
    # text beside them; layout mode writes the time beside the turn's second line
    def turn(name, time, words):
        return [[(72, name), (200, words[0])], [(72, time), *([(200, words[1])] if len(words) > 1 else [])],
                *[[(200, line)] for line in words[2:]], None]

    data = pdf_document([
        [*turn("Maria Lopez:", "(00:00)", ["Welcome to Charged Up. Today I'm talking with", "Priya Raman,",
                                           "who builds grid batteries for a living."]),
         *turn("Priya Raman:", "(00:07)", ["Thanks, Maria. It's good to be here, and I", "mean that."]),
         *turn("Maria Lopez:", "(00:11)", ["How big is a grid battery?"]),
         *turn("Priya Raman:", "(00:14)", ["The one we finished last year holds four", "hundred megawatt hours,"]),
         [(200, "and that is a small town for an")]],
        [[(200, "evening, as it turns out.")], None,
         *turn("Maria Lopez:", "(01:02)", ["What will it cost by 2030?"]),
         *turn("Priya Raman:", "(01:05)", ["I think the price will halve by 2030, as it", "has halved before."])],
    ], font_size=10)
    text = decode_bytes(data, source="rev.pdf")
    assert text.startswith("Maria Lopez:\n(00:00)\nWelcome to Charged Up. Today I'm talking with\nPriya Raman,\nwho")
    annotated = run(text, source="rev.pdf")
    assert [(t.speaker_slug, t.start_seconds, " ".join(text[t.start_char:t.end_char].split())) for t in annotated.turns] == [
        ("maria-lopez", 0.0, "Welcome to Charged Up. Today I'm talking with Priya Raman, who builds grid batteries "
                             "for a living."),
        ("priya-raman", 7.0, "Thanks, Maria. It's good to be here, and I mean that."),
        ("maria-lopez", 11.0, "How big is a grid battery?"),
        ("priya-raman", 14.0, "The one we finished last year holds four hundred megawatt hours, and that is a "
                              "small town for an evening, as it turns out."),
        ("maria-lopez", 62.0, "What will it cost by 2030?"),
        ("priya-raman", 65.0, "I think the price will halve by 2030, as it has halved before."),
    ]


@pytest.mark.parametrize("rows", [
    # a column of speakers whose cells are one line each: each beside its turn's first line, read so
    [[(72, "Maria Lopez"), (200, "Welcome to Charged Up. Today I'm talking with")], [(200, "Priya Raman, who builds")],
     None, [(72, "Priya Raman"), (200, "Thanks, Maria. It's good to be here, and I")], [(200, "mean that.")],
     None, [(72, "Maria Lopez"), (200, "How big is a grid battery?")], None,
     [(72, "Priya Raman"), (200, "The one we finished last year is big.")]],
    # an index of speakers as a table: names and leaders, their pages set apart, in two columns
    [[(72, name + " . . . . . . . . . ."), (260, str(page)), (320, name2 + " . . . . . . . . . ."), (510, str(page2))]
     for name, page, name2, page2 in [("MARIA LOPEZ", 3, "PRIYA RAMAN", 4), ("SENATOR SAVINO", 5, "DR. OKAFOR", 9),
                                      ("MS. CHEN", 12, "MR. DIAZ", 15), ("JUDGE HALE", 17, "DR. BRANDT", 21),
                                      ("MR. ITO", 23, "MS. WEBER", 25), ("MS. NAKAMURA", 28, "MR. FOX", 30)]],
], ids=["one-line-cells", "index"])
def test_a_page_whose_gaps_are_not_a_gutter_between_two_columns_keeps_its_lines(rows):
    page = decode_bytes(pdf_document([rows], font_size=10), source="x.pdf").splitlines()
    assert len(page) == len([row for row in rows if row]) + rows.count(None)  # no line split in two


def test_justified_lines_read_with_their_words_one_space_apart():
    # a word processor's justified paragraphs: layout mode writes the widened spaces as two or three
    page = ["Grid Storage - Episode 14", None,
            [(72, "Maria Lopez: Welcome to Charged Up. Today I'm talking with Priya Raman, who", 350)],
            "builds grid batteries.", None,
            [(72, "Priya Raman: The one we finished last year holds four hundred megawatt hours.", 200)],
            [(72, "That is a small town for an evening, and the next one will be twice that", 350)], "size.", None,
            "Maria Lopez: What will it cost by 2030?"]
    text = decode_bytes(pdf_document([page]), source="ep14.pdf")
    assert "Maria Lopez: Welcome to Charged Up. Today I'm talking with Priya Raman, who\nbuilds" in text
    annotated = run(text, source="ep14.pdf")
    assert annotated.format == "labelled"
    assert [(t.speaker_slug, text[t.start_char:t.end_char]) for t in annotated.turns] == [
        ("maria-lopez", "Welcome to Charged Up. Today I'm talking with Priya Raman, who\nbuilds grid batteries."),
        ("priya-raman", "The one we finished last year holds four hundred megawatt hours.\n"
                        "That is a small town for an evening, and the next one will be twice that\nsize."),
        ("maria-lopez", "What will it cost by 2030?")]


def test_a_justified_court_page_keeps_its_margin_numbers_and_label_indentation():
    def page(number, lines):
        numbered = [[(40, str(n)), (x, text, 300)] for n, (x, text) in enumerate(lines, start=1)]
        return [[(520, str(number))], None, *numbered, None, [(200, "Lakeside Court Reporting, Inc.")]]

    data = pdf_document([
        page(1, [(72, "PUBLIC HEARING ON GRID STORAGE"), (144, "SENATOR SAVINO:  Good morning, everyone, and welcome."),
                 (72, "We are here today to talk about the batteries that"), (72, "hold a town's evening."),
                 (144, "MS. RAMAN:  Thank you, Senator, for having us here."), (72, "The plant we finished last year holds")]),
        page(2, [(72, "PUBLIC HEARING ON GRID STORAGE"), (72, "four hundred megawatt hours of it."),
                 (144, "SENATOR SAVINO:  What will all of it cost by"), (72, "the year 2030?")]),
    ])
    text = decode_bytes(data, source="hearing.pdf")
    lines = text.splitlines()
    # the margin number, then the text where it stood: the label further in than the text column
    assert lines[1].startswith("2") and lines[2].startswith("3")
    assert lines[1].index("SENATOR") > lines[2].index("We are here today") > 1
    assert "We are here today to talk about the batteries that" in lines[2]
    annotated = run(text, source="hearing.pdf")
    assert annotated.format == "line_numbered"
    reading = reading_text(text, "line_numbered")
    assert [(t.speaker_slug, " ".join(reading[t.start_char:t.end_char].split())) for t in annotated.turns] == [
        ("senator-savino", "Good morning, everyone, and welcome. We are here today to talk about the batteries that "
                           "hold a town's evening."),
        ("ms-raman", "Thank you, Senator, for having us here. The plant we finished last year holds four hundred "
                     "megawatt hours of it."),
        ("senator-savino", "What will all of it cost by the year 2030?")]


def test_a_line_starting_between_the_label_column_and_the_text_keeps_its_words():
    rows = [[(72, "Maria Lopez:"), (200, "Welcome to Charged Up. Today I'm talking with")], [(72, "(00:00)"), (200, "Priya Raman.")],
            None, [(120, "[Recording resumes after a break in the line]")], None,
            [(72, "Priya Raman:"), (200, "Thanks, Maria. It's good to be here, and I")], [(72, "(00:07)"), (200, "mean that.")]]
    text = decode_bytes(pdf_document([rows], font_size=10), source="x.pdf")
    assert "[Recording resumes after a break in the line]" in text
