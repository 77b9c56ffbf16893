"""Transcripts saved as Rich Text (.rtf) and OpenDocument text (.odt): their paragraphs' text."""
import io
import zipfile
from pathlib import Path

import pytest

from claims.ingest.errors import IngestError
from claims.ingest.pipeline import run
from claims.ingest.read import decode_bytes, expand_paths

DATA = Path(__file__).resolve().parents[1] / "data"


def test_a_word_rtf_reads_as_a_reader_sees_it():
    text = decode_bytes((DATA / "interview_word.rtf").read_bytes(), source="interview.rtf")
    assert text.split("\n")[:4] == ["Interview with Renée Okafor", "Recorded 14 March 2024", "",
                                    "Interviewer (00:00:03): Thanks for sitting down with us. Where did the café idea start?"]
    # typographic marks, a line break, \u escapes with their fallback skipped, a field's shown text
    assert "grandmother’s kitchen in Lagos—she fed half the street.\nWe called it “the canteen.”" in text
    assert "And the name, “Mama’s Table”?" in text
    assert text.endswith("See our story page for the rest.\n")
    # the header, the fonts, styles and info, field instructions and the footnote are not the text
    assert not any(word in text for word in ("Confidential", "Arial", "heading 1", "Transcription Desk", "HYPERLINK", "2019"))


def test_an_rtf_transcript_is_then_detected_as_any_other():
    annotated = run(decode_bytes((DATA / "interview_word.rtf").read_bytes(), source="i.rtf"), source="i.rtf")
    assert annotated.ok and annotated.format == "labelled"
    assert [(t.speaker_slug, t.start_seconds) for t in annotated.turns] == [
        ("interviewer-in-interview-with-renee-okafor", 3.0), ("renee-okafor", 9.0),
        ("interviewer-in-interview-with-renee-okafor", 21.0), ("renee-okafor", 25.0)]


TEXTEDIT = (b"{\\rtf1\\ansi\\ansicpg1252\\cocoartf2821\n\\cocoatextscaling0\\cocoaplatform0{\\fonttbl\\f0\\fswiss\\fcharset0 Helvetica;}\n"
            b"{\\colortbl;\\red255\\green255\\blue255;}\n{\\*\\expandedcolortbl;;}\n\\margl1440\\margr1440\\vieww11520\\viewh8400\\viewkind0\n"
            b"\\pard\\tx720\\tx1440\\pardirnatural\\partightenfactor0\n\n\\f0\\fs24 \\cf0 Ana: On a d\\'e9j\\'e0 fini ?\\\nBen: Presque.\\\n}")


def test_textedits_backslash_at_a_lines_end_ends_the_line():
    assert decode_bytes(TEXTEDIT, source="t.rtf") == "Ana: On a déjà fini ?\nBen: Presque.\n"


def test_a_double_byte_code_page_decodes_its_byte_pairs_together():
    data = b"{\\rtf1\\ansi\\ansicpg932{\\fonttbl{\\f0\\fnil\\fcharset128 MS Gothic;}}\\f0 \\'89\\'ef\\'98\\'62\\par}"
    assert decode_bytes(data, source="j.rtf") == "会話\n"


def test_old_textedits_mac_code_page_is_read_as_mac_roman():
    # TextEdit before 10.5 wrote "\\mac\\ansicpg10000": its \\'d5 is a curly apostrophe, \\'8e an e acute
    data = (b"{\\rtf1\\mac\\ansicpg10000\\cocoartf824\\cocoasubrtf480\n{\\fonttbl\\f0\\fswiss\\fcharset77 Helvetica;}\n"
            b"\\pard\\tx720\\ql\\qnatural\n\n\\f0\\fs24 \\cf0 Ana: It\\'d5s the caf\\'8e.\\\nBen: Yes.}")
    assert decode_bytes(data, source="m.rtf") == "Ana: It\u2019s the caf\u00e9.\nBen: Yes.\n"


def test_a_code_page_python_has_no_codec_for_is_refused_where_its_bytes_are_needed():
    unicode_only = b"{\\rtf1\\ansi\\ansicpg99999\\uc1 Ana: caf\\u233?\\par}"
    assert decode_bytes(unicode_only, source="u.rtf") == "Ana: caf\u00e9\n"
    with pytest.raises(IngestError) as raised:
        decode_bytes(b"{\\rtf1\\ansi\\ansicpg99999\nAna: hi\\par\ncaf\\'e9\\par}", source="x.rtf")
    assert str(raised.value) == "x.rtf:3: RTF document's code page 99999 (\\ansicpg99999) is not one Python reads"


@pytest.mark.parametrize(
    "data, error",
    [
        (b"{\\rtf1\\ansi Hello\\par\n{\\b there\\par\n}", "c.rtf:3: RTF document ends inside 1 open group(s): cut short?"),
        (b"{\\rtf1\\ansi Hello\\par}\n}", "c.rtf:2: RTF document closes a group it never opened (a '}' too many)"),
        (b"{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\\par\\par}", "c.rtf: RTF document has no text"),
    ],
)
def test_a_broken_rtf_is_refused_with_its_line(data, error):
    with pytest.raises(IngestError) as raised:
        decode_bytes(data, source="c.rtf")
    assert str(raised.value) == error


_ODT_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:body><office:text>
<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/></text:sequence-decls>
<text:h text:style-name="P1" text:outline-level="1">Oral history: the flood of 1953</text:h>
<text:p text:style-name="Standard"><text:span text:style-name="T1">Q:</text:span><text:tab/>Where were you that night?</text:p>
<text:p text:style-name="Standard">A:<text:tab/>At the dike,<text:s text:c="2"/>with my father.<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Near Kruiningen.</text:p></text:note-body></text:note> We heard it<text:line-break/>before we saw it.</text:p>
<text:list><text:list-item><text:p>Q:<text:tab/>And then?</text:p></text:list-item></text:list>
<table:table><table:table-row><table:table-cell><text:p>A:<text:tab/>We ran.<office:annotation><dc:creator>Editor</dc:creator><text:p>check date</text:p></office:annotation></text:p></table:table-cell></table:table-row></table:table>
</office:text></office:body></office:document-content>"""


def _odt(content: str = _ODT_CONTENT) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return buffer.getvalue()


def test_an_odt_documents_text_is_its_paragraphs_as_a_reader_sees_them():
    assert decode_bytes(_odt(), source="flood.odt") == (
        "Oral history: the flood of 1953\n"
        "Q:\tWhere were you that night?\n"
        "A:\tAt the dike,  with my father. We heard it\nbefore we saw it.\n"  # the footnote is no one's words
        "Q:\tAnd then?\n"
        "A:\tWe ran.\n"  # nor the editor's comment
    )


def test_an_odt_that_is_not_a_text_document_is_refused_with_the_reason():
    spreadsheet = _ODT_CONTENT.replace("<office:text>", "<office:spreadsheet>").replace("</office:text>", "</office:spreadsheet>")
    with pytest.raises(IngestError) as raised:
        decode_bytes(_odt(spreadsheet), source="s.odt")
    assert str(raised.value) == "s.odt: an OpenDocument file but not a text document (no office:text body)"


def test_a_folder_gives_its_rtf_and_odt_files(tmp_path):
    for name in ("a.rtf", "b.odt", "c.ods"):
        (tmp_path / name).write_bytes(b"x")
    files, errors = expand_paths([tmp_path])
    assert not errors and [f.name for f in files] == ["a.rtf", "b.odt"]
