"""Inputs the mutation fuzzer (bench/fuzz_ingest.py) found breaking ingestion's contract, made small:
each is prepared with its invariants holding, or refused with one line naming the file."""
import io
import sys
import time
import zipfile
from pathlib import Path

import pytest

from claims.ingest.errors import IngestError
from claims.ingest.pipeline import run
from claims.ingest.read import decode_bytes

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _word_document(text: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>{text}</w:t>'
                                              "</w:r></w:p></w:body></w:document>")
    return buffer.getvalue()


@pytest.mark.parametrize("cut", [(30, 31), (10, 40)])
def test_a_word_document_with_bytes_lost_before_its_directory_is_refused_in_one_line(cut):
    data = _word_document("Ann: Hello there.")
    damaged = data[:cut[0]] + data[cut[1]:]  # the directory now says its member starts before the file does
    with pytest.raises(IngestError, match=r"^cut\.docx: [^\n]*Word document cannot be read"):
        decode_bytes(damaged, source="cut.docx")


def test_a_title_of_punctuation_alone_still_gives_the_interview_a_slug():
    text = "?\n\n[00:00:05.00] - Ann Lee\nWe open at six every day.\n\n[00:00:09.50] - Bo Chen\nAnd close at noon.\n"
    annotated = run(text, source="bakery_day.txt")
    assert annotated.ok and annotated.metadata.title == "?"
    assert annotated.metadata.slug.startswith("bakery-day-")


@pytest.mark.parametrize("markup", ["<![", "<![[[ x", "<![weird[ x ]]>", "<![ ]>"])
def test_a_page_with_a_marked_section_python_cannot_name_reads_it_as_a_browser_does(markup):
    page = f"<!DOCTYPE html><html><body>{markup}<p>Ann: We open at six.</p><p>Bo: And close at noon.</p></body></html>"
    annotated = run(page, source="page.html")
    # a browser reads "<![" that does not open CDATA as a comment up to the next ">"
    assert annotated.ok and annotated.container == "html"
    assert "We open at six." in annotated.source_text and "And close at noon." in annotated.source_text


def test_two_spellings_of_a_label_with_one_slug_are_one_speaker():
    text = ("Jo Park: Where did the bakery start?\n\n"
            "Ann-Marie Holt: In my mother's kitchen, in 1998.\n\n"
            "Jo Park: And then?\n\n"
            "Ann Marie Holt: Then a shop on the high street.\n")
    annotated = run(text, source="bakery.txt")
    slugs = [speaker.slug for speaker in annotated.speakers]
    assert annotated.ok and len(slugs) == len(set(slugs)) == 2
    assert [turn.speaker_slug for turn in annotated.turns] == ["jo-park", "ann-marie-holt", "jo-park", "ann-marie-holt"]


def test_a_word_document_needing_a_zip_version_python_lacks_is_refused_in_one_line():
    data = bytearray(_word_document("Ann: Hello there."))
    directory = data.index(b"PK\x01\x02")
    data[directory + 6:directory + 8] = (79).to_bytes(2, "little")  # "version needed to extract": 7.9
    with pytest.raises(IngestError, match=r"^new\.docx: [^\n]*ZIP archive"):
        decode_bytes(bytes(data), source="new.docx")


def test_a_page_whose_canonical_link_cannot_be_parsed_has_no_link_and_is_read():
    page = ('<!DOCTYPE html><html><head><link rel="canonical" href="//[broken"></head>'
            "<body><p>Ann: We open at six.</p><p>Bo: And close at noon.</p></body></html>")
    annotated = run(page, source="page.html")
    assert annotated.ok and annotated.metadata.link == ""
    assert "We open at six." in annotated.source_text


def test_a_transcribe_json_with_a_start_time_that_is_no_number_is_refused_in_one_line():
    item = '{"start_time": "%s", "end_time": "0.9", "alternatives": [{"content": "Hello"}], "type": "pronunciation"}'
    data = '{"jobName": "j", "results": {"transcripts": [{"transcript": "Hello Hello"}], "items": [%s, %s]}}' % (
        item % "0.1", item % "1.2Q")
    annotated = run(data, source="job.json")
    assert not annotated.ok
    assert [str(error) for error in annotated.errors] == [
        "job.json: JSON without the parts its shape needs (ValueError: could not convert string to float: '1.2Q')"]


@pytest.mark.parametrize("opening", ["<![if ", "<![CDATA[ "])
def test_a_page_of_marked_sections_never_closed_is_read_in_linear_time(opening):
    # each unclosed section was searched for its "]>" to the end of the page: 1 MB of "<![if " took 72 s
    page = "<!DOCTYPE html><html><body><p>Ann: We open at six.</p><p>Bo: And close at noon.</p>" + opening * 70_000
    started = time.perf_counter()
    annotated = run(page, source="page.html")
    assert time.perf_counter() - started < 2
    assert annotated.ok and "And close at noon." in annotated.source_text and opening not in annotated.source_text


def _sami(first_start: str) -> str:
    return ("<SAMI><BODY>\n"
            f"<SYNC Start={first_start}><P Class=ENCC>HOST: Good morning, and welcome.\n"
            "<SYNC Start=4800><P Class=ENCC>KEEPER: The sea never bored me.\n"
            "</BODY></SAMI>\n")


@pytest.mark.parametrize("start", ["-381", "9" * 5000, "9" * 400])
def test_a_sami_caption_starting_at_a_negative_or_impossible_time_is_refused_with_its_line(start):
    annotated = run(_sami(start), source="talk.smi")
    assert not annotated.ok
    assert [str(error) for error in annotated.errors] == [
        f"talk.smi:2: malformed SYNC tag {f'<SYNC Start={start}>'[:40]!r}: Start is no time in milliseconds"]


def test_a_few_hundred_mutated_cases_keep_the_contract():
    # the fuzzer's own loop, small enough for the suite (bench/fuzz_ingest.py runs it for real)
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    import fuzz_ingest

    failures = fuzz_ingest.run(240, seed=7, formats=[None, "srt", "webvtt", "labelled", "timed_lines", "plain"],
                               originals=False)
    assert {key: (detail, fmt, origin) for key, (_, fmt, detail, origin) in failures.items()} == {}


@pytest.mark.parametrize("digits", [400, 5000])
def test_a_webvtt_cue_hours_hundreds_of_digits_long_is_refused_with_its_line(digits):
    hours = "9" * digits
    text = f"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello there.\n\n{hours}:00:03.000 --> {hours}:00:04.000\nAnd goodbye.\n"
    annotated = run(text, source="talk.vtt")
    assert not annotated.ok and annotated.format == "webvtt"
    assert all(str(error).startswith("talk.vtt:6: ") and "\n" not in str(error) for error in annotated.errors)


@pytest.mark.parametrize("digits", [400, 5000])
def test_a_table_row_whose_start_has_hundreds_of_digits_is_refused_with_its_line(digits):
    text = f"speaker,start,text\nAnn Lee,0:00:01,Hello there.\nBo Chen,{'9' * digits}:00:05,And goodbye.\n"
    annotated = run(text, source="meeting.csv")
    assert [str(error) for error in annotated.errors] == [f"meeting.csv:3: table row whose 'start' is not a time: '{'9' * 40}'"]


@pytest.mark.parametrize("digits", [400, 5000])
def test_a_microdvd_frame_number_hundreds_of_digits_long_is_refused_with_its_line(digits):
    text = f"{{1}}{{1}}25\n{{25}}{{100}}Hello there.\n{{{'9' * digits}}}{{{'9' * digits}}}And goodbye.\n"
    annotated = run(text, source="talk.sub", fmt="microdvd")
    assert [str(error) for error in annotated.errors] == ["talk.sub:3: malformed caption: a frame number of more than 12 digits"]


def test_a_json_lines_row_with_a_number_of_thousands_of_digits_is_refused_with_its_line():
    text = '{"speaker": "Ann Lee", "start": 1, "text": "Hello there."}\n' \
           '{"speaker": "Bo Chen", "start": ' + "9" * 5000 + ', "text": "And goodbye."}\n'
    annotated = run(text, source="meeting.jsonl")
    assert [str(error) for error in annotated.errors] == ["meeting.jsonl:2: JSON Lines row with a number too long to read"]


@pytest.mark.parametrize("date", ["2023-13-11", "0000-01-01", "2023-02-30"])
def test_front_matter_with_a_date_that_is_no_day_is_read_as_no_front_matter(date):
    text = (f"---\ntitle: Raising a bridge\ndate: {date}\nlayout: transcript\n---\n\n"
            "Q: How did the bridge project start?\n\nANIKA BRANDT: With a flooded road, and no money.\n")
    annotated = run(text, source="bridge.md")
    assert annotated.ok and annotated.metadata.published is None
    assert annotated.source_text == text


def test_front_matter_whose_aliases_expand_a_billion_times_is_read_as_no_front_matter_at_once():
    laughs = "a0: &a0 [ha, ha, ha, ha, ha, ha, ha, ha, ha]\n" + "".join(
        f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 9))
    text = f"---\n{laughs}title: *a8\nlayout: transcript\n---\n\nQ: How did it start?\n\nANIKA BRANDT: With a flood.\n"
    started = time.perf_counter()
    annotated = run(text, source="bridge.md")
    assert time.perf_counter() - started < 2  # str() of the title walked 9 ** 9 items
    assert annotated.ok and "*a8" not in annotated.metadata.title and len(annotated.metadata.title) < 100


def test_front_matter_nested_thousands_deep_is_read_as_no_front_matter_at_once():
    text = ("---\ntitle: " + "[" * 5000 + "]" * 5000 + "\nlayout: transcript\n---\n\n"
            "Q: How did it start?\n\nANIKA BRANDT: With a flooded road.\n")
    started = time.perf_counter()
    annotated = run(text, source="bridge.md")
    assert time.perf_counter() - started < 2  # PyYAML's scanner is quadratic in the depth: 20 s
    assert annotated.ok


def test_a_page_giving_likely_changes_of_voice_and_one_dash_mark_is_decoded():
    from claims.ingest.attribute import Units, decode_roles
    from claims.ingest.attribute_model import load_model, unit_features

    sentences = ["So what brought you here?", "The boats, then the people.", "- How long ago?", "Ten years."]
    text = " ".join(sentences)
    spans, start = [], 0
    for sentence in sentences:
        spans.append((0, start, start + len(sentence)))
        start += len(sentence) + 1
    # a scraped page's voice break before the second unit and one "- " mark, too few to read as the file's way of
    # marking changes: the HMM had no switch probability for "break" (KeyError)
    units = Units(tuple(spans), tuple(tuple(unit_features(text[a:b], punctuated=True)) for _, a, b in spans),
                  ("start", "break", "mark", "sentence"), True, (5, 5, 3, 2))
    roles = decode_roles(units, load_model())
    assert len(roles) == 4 and set(roles) <= {"host", "guest"}


_OLD_LEADERS = r"[ .]*\.{3,}[ .]*\d*[ \t]*$|[ \t]+\d+[ \t]*$"  # what a contents line's leaders were read with


@pytest.mark.parametrize("line", [
    "Doe, Hon. Jane, Director ........................ 12", "Marrow, Jane.....3", "Panel I", "Doe, Jane 12",
    "Doe, Jane . . . . 7", "Doe, Jane ...", "Statement of Jane Doe\t 14", "x...\t  5", "12", "Doe ... Jane ..... ٣",
])
def test_a_contents_line_loses_its_dot_leaders_and_page_as_before(line):
    import re

    from claims.ingest.formats._hearing import without_leaders

    assert without_leaders(line) == re.sub(_OLD_LEADERS, "", line, count=1)


def test_a_contents_line_of_thousands_of_dots_is_read_in_linear_time():
    from claims.ingest.formats._hearing import witness_names

    front = "CONTENTS\n\n                              WITNESSES\n\nDoe, Jane" + "." * 150 + "x\n"
    started = time.perf_counter()
    witness_names(front, "")
    assert time.perf_counter() - started < 1  # the leaders' pattern backtracked: 2 s here, 14 s for a 6 KB hearing


@pytest.mark.parametrize("start", ["9" * 400, "9" * 5000, "²"])
def test_a_whisper_tsv_row_whose_start_is_no_millisecond_count_is_refused_with_its_line(start):
    text = f"start\tend\ttext\n0\t2480\tWelcome back.\n{start}\t8120\tThey are coming.\n"
    annotated = run(text, source="talk.tsv")
    assert [str(error) for error in annotated.errors] == [
        f"talk.tsv:3: Whisper TSV row without a start in milliseconds: {(start + chr(9) + '8120' + chr(9) + 'They are coming.')[:60]!r}"]


# found by bench/fuzz_ingest.py seeded with 2026-12-08's test files (branch fuzz2)

@pytest.mark.parametrize("field", ["title: 0x{digits}", "show: 0x{digits}", "0x{digits}: a key", "link: 0x{digits}"])
def test_front_matter_with_a_number_too_long_to_write_is_read_as_no_front_matter(field):
    # YAML reads "0x" and 5,000 hex digits as a number of some 6,000 decimal digits, which str() refuses to write
    # (ValueError out of ingestion)
    text = (f"---\n{field.format(digits='9' * 5000)}\nlayout: transcript\n---\n\n"
            "Q: How did the bridge project start?\n\nANIKA BRANDT: With a flooded road, and no money.\n")
    annotated = run(text, source="bridge.md")
    assert annotated.ok and annotated.source_text == text


def test_diarisers_letters_with_no_words_below_them_are_no_labels():
    # "A", "B", "C" alone on lines one under another (blank lines between): each was a label of no words, read at
    # 14 s a megabyte (and then refused, "no transcript text found"); a letter labels the words below it only
    from claims.ingest.formats import labelled

    starts, _, _ = labelled._label_lines("A\n\nB\n\nC\n\n" * 20 + "A\n\nWords go on.\n\nB\n\nMore words.\n\nC\n\nSo.\n")
    assert [c[0] for c in starts] == [121, 125, 129]


def test_a_name_and_a_title_before_a_long_run_of_spaces_is_matched_in_linear_time():
    # "April 20, 2021" then 20,000 spaces: the title after the comma (up to 100 characters, spaces among them) was
    # tried at each of its lengths and the run of spaces read again after each (100 times a line's length: 25 s for
    # 1 MB of such lines in a labelled transcript)
    from claims.ingest.formats import labelled

    lines = ["April 20, 2021" + " " * 20_000 + "x", "ANDERSON COOPER, CNN" + " " * 20_000 + "ANCHOR:"] * 3
    started = time.perf_counter()
    assert not any(labelled.LABEL_LINE.match(line) for line in lines)
    assert time.perf_counter() - started < 1
    for line, title in [("ANDERSON COOPER, CNN ANCHOR: Good evening.", "CNN ANCHOR"),
                        ("COOPER, CNN  (on camera): Yes.", "CNN "), ("NICK FOUNTAIN, HOST: So.", None),
                        ("EV WILLIAMS, TWITTER, CO-FOUNDER AND CEO:  Well.", "TWITTER, CO-FOUNDER AND CEO"), ("AB, C : x", "C")]:
        m = labelled.LABEL_LINE.match(line)
        assert m and m["title"] == title, line


_HUGE_REFERENCE = "&#" + "9" * 5000  # a character's number of 5,000 digits: int() refuses to read it


@pytest.mark.parametrize("source, text", [
    ("gulls.md", f"---\nid: 41\ntitle: Harbour Gulls {_HUGE_REFERENCE}\nlayout: post\n---\n\nAnn: Hi there.\nBo: Yes.\nAnn: So.\n"),
    ("gulls.smi", f"<SAMI><BODY><SYNC Start=0><P Class=ENCC>Hello {_HUGE_REFERENCE} there.<SYNC Start=1000><P Class=ENCC>"
                  "More.</BODY></SAMI>"),
    ("gulls.vtt", f"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann {_HUGE_REFERENCE}>Hello there.\n\n"
                  "00:00:02.000 --> 00:00:03.000\n<v Bo>Yes.\n"),
    ("gulls.html", f"<html><body><p>Ann: Hi {_HUGE_REFERENCE};</p><p>Bo: Yes.</p><p>Ann: So.</p></body></html>"),
])
def test_a_character_reference_of_thousands_of_digits_is_read_not_raised(source, text):
    # html.unescape raised ValueError out of ingestion (a WordPress title's "&#038;" unescaped since 2026-12-08, a SAMI
    # caption, a WebVTT voice, a page): such a number names no character, as one past U+10FFFF does not ("\ufffd")
    annotated = run(text, source=source)
    assert annotated.ok and annotated.turns


def test_a_line_of_a_script_written_without_spaces_is_split_in_linear_time():
    # each sentence end in a run with no space read the whole rest of the run as the "next token": 0.64 MB of
    # Japanese on one line took 15 s (found timing field11c's opening statements); the split is unchanged
    from claims.ingest.segment import sentence_spans

    sentence = "わが党の話だ。"
    text = sentence * 60_000
    started = time.perf_counter()
    spans = sentence_spans(text, [(0, len(text))], punctuated=True)
    assert time.perf_counter() - started < 3
    assert len(spans) == 60_000 and spans[1] == (len(sentence), 2 * len(sentence))
