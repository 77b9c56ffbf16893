"""Hostile or broken files inside the upload size limit: refused in one line, never a crash or a blowup."""
import zlib

import pytest

from claims.ingest.errors import IngestError
from claims.ingest.html import read_page
from claims.ingest.json_transcript import json_document
from claims.ingest.pipeline import run
from claims.ingest.read import decode_bytes
from claims.ingest.xml_transcript import xml_document

from tests.archives import streamed_zip
from tests.pdfs import pdf_document, pdf_drawing_forms, pdf_sharing_one_stream

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _bomb(member: str, head: bytes, megabytes: int) -> bytes:
    return streamed_zip(member, [head] + [b"a" * (1 << 20)] * megabytes + [b"</w:t></w:r></w:p></w:body></w:document>"])


def test_a_word_document_whose_xml_inflates_past_the_limit_is_refused_with_the_reason(settings):
    settings.INGEST_MAX_BYTES = 256 * 1024  # what a document may inflate to is tied to the upload limit
    data = _bomb("word/document.xml", f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>'.encode(), 4)
    assert len(data) < settings.INGEST_MAX_BYTES
    with pytest.raises(IngestError) as error:
        decode_bytes(data, source="bomb.docx")
    assert str(error.value).startswith("bomb.docx: Word document unpacks ")
    assert "limit of 1310720 bytes" in str(error.value) and "\n" not in str(error.value)


def test_an_odt_whose_content_inflates_past_the_limit_is_refused_with_the_reason(settings):
    settings.INGEST_MAX_BYTES = 256 * 1024
    data = _bomb("content.xml", b"<office:document-content>", 4)
    with pytest.raises(IngestError, match=r"^bomb.odt: OpenDocument text unpacks .*limit of 1310720 bytes"):
        decode_bytes(data, source="bomb.odt")


_LAUGHS = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))


@pytest.mark.parametrize("doctype", [
    f'<!DOCTYPE tt [<!ENTITY lol0 "lol">{_LAUGHS}]>',  # billion laughs: 10^9 "lol"s
    '<!DOCTYPE tt [<!ENTITY secret SYSTEM "file:///etc/hostname">]>',  # an external entity: a local file
])
def test_timed_text_that_declares_entities_is_refused_before_it_is_expanded(doctype):
    ttml = (f'<?xml version="1.0"?>{doctype}<tt xmlns="http://www.w3.org/ns/ttml"><body><div>'
            f'<p begin="00:00:01.000">&lol9;&secret;</p></div></body></tt>')
    with pytest.raises(IngestError, match=r"^laughs.ttml: XML document declares XML entities"):
        xml_document(ttml, source="laughs.ttml")


def test_a_word_document_that_declares_entities_is_refused():
    document = (f'<!DOCTYPE w:document [<!ENTITY lol0 "lol">{_LAUGHS}]><w:document xmlns:w="{_W}"><w:body>'
                "<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>")
    data = streamed_zip("word/document.xml", [document.encode()])
    with pytest.raises(IngestError, match=r"^laughs.docx: Word document declares XML entities"):
        decode_bytes(data, source="laughs.docx")


def test_an_internal_dtd_without_entities_is_still_read():
    ttml = ('<?xml version="1.0"?><!DOCTYPE tt [<!ELEMENT tt ANY>]><tt xmlns="http://www.w3.org/ns/ttml"><body><div>'
            '<p begin="00:00:01.000">Hello there.</p></div></body></tt>')
    assert "Hello there." in xml_document(ttml, source="a.ttml").text


@pytest.mark.parametrize("body", ["[" * 100_000 + "]" * 100_000, '{"a":' * 100_000 + "1" + "}" * 100_000])
def test_json_nested_past_pythons_recursion_limit_is_refused_in_one_line(body):
    with pytest.raises(IngestError) as error:
        json_document(body, source="deep.json")
    assert str(error.value) == "deep.json: JSON nested too deeply to read"


def test_a_pages_json_script_nested_past_the_recursion_limit_is_not_its_transcript():
    page = ('<html><head><script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script></head>"
            "<body><p>Q: Where were you?</p><p>A: At home.</p></body></html>")
    annotated = run(page, source="deep.html")
    assert annotated.ok and "Where were you?" in annotated.source_text


def test_timed_text_nested_past_the_recursion_limit_is_refused_in_one_line():
    ttml = ('<tt xmlns="http://www.w3.org/ns/ttml"><body>' + "<div>" * 100_000 + '<p begin="00:00:01.000">Hi.</p>'
            + "</div>" * 100_000 + "</body></tt>")
    with pytest.raises(IngestError, match=r"^deep.ttml: XML elements nested too deeply to read$"):
        xml_document(ttml, source="deep.ttml")


def test_an_odt_nested_past_the_recursion_limit_is_refused_in_one_line():
    content = ('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
               + "<text:section>" * 100_000 + "<text:p>Q: Hi.</text:p>" + "</text:section>" * 100_000
               + "</office:text></office:body></office:document-content>")
    with pytest.raises(IngestError, match=r"^deep.odt: OpenDocument text nested too deeply to read$"):
        decode_bytes(streamed_zip("content.xml", [content.encode()]), source="deep.odt")


def test_a_page_nested_100000_deep_is_read_in_one_pass():
    # each opening tag looked through every open tag for an <article>: quadratic, minutes at this depth
    page = "<html><body>" + "<div>" * 100_000 + "Q: Where were you?<br>A: At home." + "</div>" * 100_000
    assert "Q: Where were you?" in read_page(page).text


def test_an_rtf_pictures_binary_data_is_skipped_whatever_bytes_it_holds():
    # \binN is followed by N raw bytes: braces and backslashes among them are data, not RTF
    data = b"{\\rtf1 Q: Where were you?\\par {\\*\\pict\\bin6 }}{\\x\x00} A: At home.\\par}"
    assert decode_bytes(data, source="pict.rtf") == "Q: Where were you?\n A: At home.\n"


def test_an_rtf_bin_claiming_more_bytes_than_the_file_holds_is_refused_with_its_line():
    data = b"{\\rtf1 Q: Where were you?\\par\n\\bin50000000 \x00\x01}"
    with pytest.raises(IngestError, match=r"^big.rtf:2: RTF document's \\bin50000000 claims more bytes than the file holds$"):
        decode_bytes(data, source="big.rtf")


def test_a_pdf_whose_page_content_inflates_past_the_limit_is_refused_before_its_text_is_read(settings):
    import zlib

    settings.INGEST_MAX_BYTES = 100_000  # page content may inflate to five times this
    content = zlib.compress(b"BT /F1 12 Tf 72 720 Td (Q: a) Tj ET\n" * 20_000, 9)  # ~700 KB from a few KB
    data = pdf_sharing_one_stream(2, content, flate=True)
    assert len(data) < 20_000
    with pytest.raises(IngestError, match=r"^bomb.pdf: PDF's page content inflates past the limit of 500000 bytes by page 1"):
        decode_bytes(data, source="bomb.pdf")


def test_a_pdf_of_more_pages_than_any_transcript_is_refused_before_they_are_read(monkeypatch):
    from claims.ingest import pdf

    monkeypatch.setattr(pdf, "MAX_PAGES", 50)
    data = pdf_sharing_one_stream(60, b"BT /F1 12 Tf 72 720 Td (Q: Where were you?) Tj ET", flate=False)
    with pytest.raises(IngestError, match=r"^pages.pdf: PDF has 60 pages, over the limit of 50$"):
        decode_bytes(data, source="pages.pdf")


def test_a_json_lines_row_nested_past_the_recursion_limit_is_refused_with_its_line():
    text = '{"speaker": "Q", "text": "Where were you?"}\n{"speaker": "A", "text": ' + "[" * 100_000 + "]" * 100_000 + "}\n"
    annotated = run(text, source="deep.jsonl")
    assert [str(error) for error in annotated.errors] == ["deep.jsonl:2: JSON Lines row nested too deeply to read"]


def test_a_pdf_whose_content_inflates_thousands_of_times_its_size_is_refused_within_the_size_limit(monkeypatch):
    import zlib

    from claims.ingest import pdf

    monkeypatch.setattr(pdf, "MIN_CONTENT_BUDGET", 100_000)  # else 4 MB: twenty times the file's size here
    content = zlib.compress(b"BT /F1 12 Tf 72 720 Td (Q: a) Tj ET\n" * 20_000, 9)
    data = pdf_sharing_one_stream(2, content, flate=True)
    with pytest.raises(IngestError, match=r"^bomb.pdf: PDF's page content inflates past the limit of 100000 bytes by page 1"):
        decode_bytes(data, source="bomb.pdf")


@pytest.fixture
def pages_read(monkeypatch):
    """The extraction mode of each page pypdf reads, as read."""
    from pypdf import PageObject

    extract = PageObject.extract_text
    modes = []

    def counted(page, *args, extraction_mode="plain", **kwargs):
        modes.append(extraction_mode)
        return extract(page, *args, extraction_mode=extraction_mode, **kwargs)

    monkeypatch.setattr(PageObject, "extract_text", counted)
    return modes


_OPERATORS = b"BT /F1 12 Tf 72 720 Td (Q: a) Tj ET\n" * 8_000  # 288 KB of text-drawing operators


@pytest.mark.parametrize("data, page", [
    (pdf_sharing_one_stream(100, zlib.compress(_OPERATORS, 9), flate=True), 4),
    (pdf_drawing_forms(1, _OPERATORS, pages=100, trips_layout=False), 4),  # read in layout mode
    (pdf_drawing_forms(1, _OPERATORS, pages=100), 4),  # a font trips layout mode: read in plain mode
    # drawn twice on each page, the second time with a comment before Do (which the bytes' count did not see)
    (pdf_drawing_forms(2, _OPERATORS, pages=100, trips_layout=False, between=b" %drawn\n"), 2),
], ids=["one-stream", "one-form", "one-form-plain-mode", "one-form-commented"])
def test_a_small_pdf_whose_pages_all_draw_one_large_stream_or_form_is_refused_before_any_page_is_read(
        monkeypatch, pages_read, data, page):
    from claims.ingest import pdf

    monkeypatch.setattr(pdf, "MIN_CONTENT_BUDGET", 1_000_000)
    assert len(data) * pdf.CONTENT_PER_FILE_BYTE < 1_000_000  # twenty times the file's size is less
    # before, the pages were read until their count passed the budget (3 here; at the 20 MB limit's
    # budgets, half a minute of layout): the refusal came after the work it guards against
    with pytest.raises(IngestError) as refused:
        decode_bytes(data, source="shared.pdf")
    assert str(refused.value) == (f"shared.pdf: PDF's page content inflates past the limit of 1000000 bytes by page {page} "
                                  "(a decompression bomb?)")
    assert pages_read == []


def test_a_pdfs_pages_are_counted_together_before_the_first_is_read_and_one_within_the_budget_is_read_whole(
        monkeypatch, pages_read):
    import re

    from claims.ingest import pdf

    # a long transcript's shape: every page its own content stream
    words = "grid battery storage megawatt hours price evening town plant cost decade senator".split()
    pages = [[f"Maria Lopez: What of the {words[n % 12]} and the {words[n % 7]}?", None,
              f"Priya Raman: The {words[n % 5]}, the {words[n % 11]} and the {words[n % 12]}, {n} times."]
             for n in range(1, 41)]
    data = pdf_document(pages)
    content = sum(int(length) for length in re.findall(rb"<< /Length (\d+) >>", data))
    monkeypatch.setattr(pdf, "CONTENT_PER_FILE_BYTE", 0)
    monkeypatch.setattr(pdf, "MIN_CONTENT_BUDGET", content)
    text = decode_bytes(data, source="long.pdf")
    assert pages_read == ["layout"] * 40 and text.endswith("Priya Raman: The grid, the town and the hours, 40 times.\n")
    pages_read.clear()
    monkeypatch.setattr(pdf, "MIN_CONTENT_BUDGET", content - 1)  # the last page's last byte past it
    with pytest.raises(IngestError, match=rf"^long.pdf: PDF's page content inflates past the limit of {content - 1} bytes "
                                          r"by page 40 "):
        decode_bytes(data, source="long.pdf")
    assert pages_read == []


@pytest.mark.parametrize("draws, nested", [(10, 0), (4, 2)])
def test_a_pdf_drawing_a_form_many_times_or_forms_nested_is_refused_within_the_content_budget(monkeypatch, draws, nested):
    from claims.ingest import pdf

    monkeypatch.setattr(pdf, "MIN_CONTENT_BUDGET", 100_000)  # else 4 MB: twenty times the file's size here
    # a 20 KB form drawn 10 times, or a 6 KB one drawn 4 x 4 x 4 times through two forms: 200-400 KB
    # read in plain mode from a file of 1-2 KB; before, the forms were not counted and it was read
    form = b"BT /F1 12 Tf 72 720 Td (Q: a) Tj ET\n" * (600 if draws == 10 else 180)
    data = pdf_drawing_forms(draws, form, nested=nested)
    assert len(data) < 2_000
    with pytest.raises(IngestError, match=r"^forms.pdf: PDF's page content inflates past the limit of 100000 bytes by page 1"):
        decode_bytes(data, source="forms.pdf")
    # a letterhead's form drawn a few times is read, its words with the page's
    text = decode_bytes(pdf_drawing_forms(3, b"BT /F1 12 Tf 72 700 Td (Q: Where were you?) Tj ET\n",
                                          page_text=b"BT /F1 12 Tf 72 720 Td (A: At home.) Tj ET\n"), source="forms.pdf")
    assert text == "A: At home.\n" + "Q: Where were you?\n" * 3


@pytest.mark.parametrize("body", [
    '{"words": [{"text": "Hi", "start": Infinity, "type": "word"}]}',  # ElevenLabs
    '{"chunks": [{"timestamp": [NaN, 1.0], "text": "Hi"}]}',  # insanely-fast-whisper
    '{"phrases": [{"offsetMilliseconds": -Infinity, "text": "Hi"}]}',  # Azure fast transcription
    '{"result": {"transcription": {"utterances": [{"start": 1e999, "text": "Hi"}]}}}',  # Gladia
    '[{"start": 1' + "0" * 400 + ', "text": "Hi"}]',  # an int past any float
    '{"Transcript": [{"BeginOffsetMillis": 1' + "0" * 400 + ', "Content": "Hi"}]}',  # Amazon Call Analytics
])
def test_a_json_segment_starting_at_infinity_nan_or_past_any_float_is_refused_in_one_line(body):
    with pytest.raises(IngestError, match=r"^t\.json: segment 1 without a usable start time or text \((ValueError|OverflowError): "):
        json_document(body, source="t.json")


@pytest.mark.parametrize("duration", ['{"durationMilliseconds": Infinity}', '{"durationMilliseconds": NaN}',
                                      '{"durationMilliseconds": 1' + "0" * 400 + "}",
                                      '{"ConversationCharacteristics": {"TotalConversationDurationMillis": 1e999}}'])
def test_a_json_duration_of_infinity_nan_or_past_any_length_is_no_duration(duration):
    body = duration[:-1] + ', "phrases": [{"offsetMilliseconds": 80, "text": "Hi there."}]}'
    rendered = json_document(body, source="t.json")
    assert rendered.text == "[00:00:00.080] Hi there.\n" and rendered.duration is None


def test_a_json_number_of_thousands_of_digits_is_refused_in_one_line():
    with pytest.raises(IngestError, match=r"^t\.json: JSON with a number too long to read$"):
        json_document('[{"start": 1' + "0" * 5000 + ', "text": "Hi"}]', source="t.json")
