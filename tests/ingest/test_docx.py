"""Transcripts exported as Word documents: their paragraphs' text, refused with a reason otherwise."""
import io
import zipfile

import pytest

from claims.ingest.errors import IngestError
from claims.ingest.pipeline import run
from claims.ingest.read import decode_bytes
from tests.factories import rev_style_docx, word_document


def test_a_word_documents_text_is_its_paragraphs_as_word_shows_them():
    text = decode_bytes(rev_style_docx(), source="rev.docx")
    lines = text.split("\n")
    assert lines[:4] == ["Grid Storage – Episode 14", "", "Maria Lopez (00:00):", "Welcome to Charged Up. Today I'm talking with Priya Raman."]
    assert "Thanks, Maria.\tIt's good to be here." in lines  # a tab stays a tab
    assert "How big is a grid battery?" in lines  # a tracked deletion is not the text
    assert "megawatt hours.\nThat is a small town" in text  # a line break inside a paragraph
    assert "What will it cost by 2030? See our notes." in lines  # a hyperlink's words in place
    assert text.endswith("halve by 2030.\n")


def test_a_rev_export_ingests_as_labelled_turns_with_their_times():
    annotated = run(decode_bytes(rev_style_docx(), source="rev.docx"), source="rev.docx")
    assert annotated.ok and annotated.format == "labelled"
    assert [(s.slug, s.role) for s in annotated.speakers] == [("maria-lopez", "host"), ("priya-raman", "guest")]
    assert [(t.speaker_slug, t.start_seconds) for t in annotated.turns] == [
        ("maria-lopez", 0.0), ("priya-raman", 7.0), ("maria-lopez", 11.0), ("priya-raman", 14.0),
        ("maria-lopez", 62.0), ("priya-raman", 65.0)]


def test_text_in_a_table_is_read_cell_by_cell():
    text = decode_bytes(word_document([["Before."], [("table", ["00:01", "Ann: hi"])], ["After."]]), source="t.docx")
    assert text == "Before.\n00:01\nAnn: hi\nAfter.\n"


def _zip(**members) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, body in members.items():
            archive.writestr(name.replace("__", "/"), body)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data, reason",
    [
        (_zip(content__xml="<office:document/>"), "a ZIP archive but not a Word or OpenDocument text document"),
        (_zip(**{"content.xml": "<office:document"}), "OpenDocument text cannot be read"),
        (_zip(word__document_xml="x"), "a ZIP archive but not a Word or OpenDocument text document (no word/document.xml, no content.xml)"),
        (_zip(**{"word__document.xml": "<w:document"}), "Word document cannot be read"),
        (word_document([[], [" "], []]), "Word document has no text"),
        (b"PK\x03\x04 broken", "binary content (a damaged ZIP archive)"),
    ],
)
def test_an_archive_that_is_not_a_readable_word_document_is_refused_with_the_reason(data, reason):
    with pytest.raises(IngestError) as error:
        decode_bytes(data, source="x.docx")
    assert str(error.value).startswith("x.docx: " + reason)
    assert "\n" not in str(error.value)


def test_a_document_that_would_unpack_past_the_limit_is_refused_before_unpacking(settings):
    settings.INGEST_MAX_BYTES = 200  # the limit on what a document unpacks to is five times this
    data = word_document([["word " * 400]])
    with pytest.raises(IngestError, match=r"^big.docx: Word document unpacks to \d+ bytes, over the limit of 1000 bytes$"):
        decode_bytes(data, source="big.docx")


def test_words_transcribe_added_to_the_document_reads_as_labelled_turns_with_their_times():
    from claims.services import interview_prepare

    # Word's Transcribe pane, "Add all to document": a paragraph "00:00:07 Speaker 2" above each turn's words
    paragraphs = ["Battery interview", "00:00:00 Speaker 1", "Welcome back. Today I am talking with Dana about recycling.",
                  "00:00:07 Speaker 2", "Thanks for having me.", "00:00:12 Speaker 1", "How much can be recovered?",
                  "00:01:18 Speaker 2", "Most of the cobalt and nickel."]
    annotated = interview_prepare(word_document(paragraphs), source="transcribe.docx")
    text = annotated.source_text
    assert (annotated.format, annotated.container) == ("labelled", "docx")
    assert [(t.speaker_slug.split("-in-")[0], t.start_seconds, text[t.start_char:t.end_char]) for t in annotated.turns] == [
        ("speaker-1", 0.0, "Welcome back. Today I am talking with Dana about recycling."), ("speaker-2", 7.0, "Thanks for having me."),
        ("speaker-1", 12.0, "How much can be recovered?"), ("speaker-2", 78.0, "Most of the cobalt and nickel.")]
