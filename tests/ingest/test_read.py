import codecs
import hashlib

import pytest

from claims.ingest.errors import IngestError
from claims.ingest.read import expand_paths, read_source


def test_ingest_error_is_one_line_with_and_without_line():
    assert str(IngestError("a.vtt", 12, "cue out of order")) == "a.vtt:12: cue out of order"
    assert str(IngestError("a.vtt", None, "empty file\nreally")) == "a.vtt: empty file really"


@pytest.mark.parametrize(
    "data, text",
    [
        ("Hi\r\nthere".encode("utf-8"), "Hi\r\nthere"),
        (codecs.BOM_UTF8 + "Ça va".encode("utf-8"), "Ça va"),
        (codecs.BOM_UTF16_LE + "Ilya: hello\n".encode("utf-16-le"), "Ilya: hello\n"),
        (codecs.BOM_UTF16_BE + "Ilya: hello\n".encode("utf-16-be"), "Ilya: hello\n"),
    ],
)
def test_read_source_decodes_without_altering_the_text(tmp_path, data, text):
    path = tmp_path / "t.txt"
    path.write_bytes(data)
    got, digest = read_source(path)
    assert got == text
    assert digest == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"", "{p}: empty file"),
        (b"  \n\t\r\n  ", "{p}: file contains only whitespace"),
        (b"caption\nline\x00\x01\x02", "{p}:2: binary content (NUL byte), not a text transcript"),
        (b"caption\x1b[0m text", "{p}:1: binary content (control character U+001B), not a text transcript"),
        (b"\xef\xbb\xbfline one\nline\x7f two", "{p}:2: binary content (control character U+007F), not a text transcript"),
        ("line one\nline\x07 two".encode("utf-16"), "{p}:2: binary content (control character U+0007), not a text transcript"),
        (
            b"caf\xe9 au lait\n",
            "{p}:1: undecodable bytes: byte 0xe9 at offset 3 is not valid UTF-8"
            " (accepted: UTF-8, UTF-8 or UTF-16 with a BOM, or the encoding an HTML, XML or SAMI file declares)",
        ),
        (b"ok\n\xff\xfe", "{p}:2: undecodable bytes: byte 0xff at offset 3 is not valid UTF-8"
         " (accepted: UTF-8, UTF-8 or UTF-16 with a BOM, or the encoding an HTML, XML or SAMI file declares)"),
    ],
)
def test_read_source_refuses_bad_files(tmp_path, data, expected):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(IngestError) as err:
        read_source(path)
    assert str(err.value) == expected.format(p=path)


def test_read_source_refuses_a_missing_path_and_a_directory(tmp_path):
    with pytest.raises(IngestError) as err:
        read_source(tmp_path / "nope.txt")
    assert str(err.value) == f"{tmp_path / 'nope.txt'}: no such file or directory"
    with pytest.raises(IngestError) as err:
        read_source(tmp_path)
    assert str(err.value) == f"{tmp_path}: is a directory, not a transcript file"


def test_read_source_refuses_a_file_over_the_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 300)
    assert read_source(path, max_bytes=1500)[0].startswith("word")
    with pytest.raises(IngestError) as err:
        read_source(path, max_bytes=1000)
    assert str(err.value) == f"{path}: file is 1500 bytes, over the size limit of 1000 bytes"


def test_expand_paths_lists_transcripts_and_reports_empty_folders(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.vtt").write_text("WEBVTT\n")
    (tmp_path / "a" / "y.srt").write_text("1\n")
    (tmp_path / "a" / "notes.json").write_text("{}")
    (tmp_path / "a" / "page.html").write_text("<html></html>")
    (tmp_path / "a" / "site.css").write_text("p {}")
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "readme.json").write_text("{}")
    files, errors = expand_paths([tmp_path / "a", tmp_path / "empty", tmp_path / "missing.txt"])
    assert [f.name for f in files] == ["page.html", "x.vtt", "y.srt"]
    assert [str(e) for e in errors] == [
        f"{tmp_path / 'empty'}: directory contains no transcript files (*.txt, *.vtt, *.srt, *.sbv, *.text, *.transcript, *.html, *.htm, *.docx, *.pdf, *.ttml, *.dfxp, *.scc, "
        "*.ass, *.ssa, *.rtf, *.odt, *.srv1, *.srv2, *.srv3, *.json3)",
        f"{tmp_path / 'missing.txt'}: no such file or directory",
    ]


def test_a_folder_gives_its_caption_files_in_youtubes_and_broadcasts_formats(tmp_path):
    for name in ("a.srv3", "b.json3", "c.scc", "d.ass", "e.ssa", "notes.json", "table.tsv"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    files, errors = expand_paths([tmp_path])
    assert not errors and [f.name for f in files] == ["a.srv3", "b.json3", "c.scc", "d.ass", "e.ssa"]


def test_a_folder_reads_its_markdown_transcripts_not_its_other_markdown(tmp_path):
    (tmp_path / "episode-1.md").write_text(
        "**Ana Ruiz:** Welcome to the show. Today we talk about compilers.\n\n"
        "**Ben Ode:** Thanks for having me.\n\n**Ana Ruiz:** Where did you start?\n\n"
        "**Ben Ode:** With a Pascal compiler, in school.\n", encoding="utf-8")
    (tmp_path / "episode-2.md").write_text(  # a talk in paragraphs, its front matter says what it is
        "---\ntitle: Keynote\nlayout: transcript\n---\n\nGood morning. Today I want to talk about build systems.\n", encoding="utf-8")
    (tmp_path / "announcement.md").write_text(  # a post in paragraphs beside them
        "---\ntitle: New episodes\ndate: 2024-05-01\n---\n\nWe are back with a new season. Thanks for listening.\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("# Transcripts\n\nAna: the host.\nBen: the guest.\nAna: Ben's editor too.\n", encoding="utf-8")
    (tmp_path / "conventions.md").write_text(  # notes whose lines read as labels, each once
        "# Conventions\n\nFormat: Markdown.\nSpeakers: bold names.\nTimestamps: optional.\nLicense: CC BY 4.0.\n", encoding="utf-8")
    files, errors = expand_paths([tmp_path])
    assert not errors and [f.name for f in files] == ["episode-1.md", "episode-2.md"]


# --- encodings a file declares ---------------------------------------------------------------------
_PAGE_1252 = (
    '<html><head>\n<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">\n'
    "<title>Evening Report</title></head><body>\n"
    "<p>SMITH: Good evening. Tonight\u2019s guest is Ren\u00e9e Dupr\u00e9.</p>\n"
    "<p>DUPR\u00c9: Thank you \u2014 it\u2019s a pleasure.</p>\n</body></html>\n"
)


@pytest.mark.parametrize(
    "text, codec",
    [
        # old news and government pages: labelled ISO-8859-1, written by Windows (0x92 is a curly quote)
        (_PAGE_1252, "cp1252"),
        ('<html><head><meta charset="windows-1252"></head><body><p>Caf\u00e9 \u201cnoir\u201d</p></body></html>', "cp1252"),
        # a Japanese page: Shift_JIS as Windows writes it (the circled digit is cp932's)
        ('<html><head><meta charset="Shift_JIS"><title>\u5bfe\u8ac7</title></head><body>\u53f8\u4f1a\uff1a\u2460\u3088\u3046\u3053\u305d</body></html>', "cp932"),
        # TTML or DFXP with an XML declaration
        ('<?xml version="1.0" encoding="ISO-8859-1"?>\n<tt xmlns="http://www.w3.org/ns/ttml"><body><div>'
         '<p begin="00:00:01.000" end="00:00:02.000">Cr\u00e8me br\u00fbl\u00e9e</p></div></body></tt>\n', "latin-1"),
        # SAMI captions with a META Content-Type, Korean in EUC-KR as Windows writes it (cp949)
        ('<SAMI>\n<HEAD>\n<META http-equiv="Content-Type" content="text/html; charset=euc-kr">\n</HEAD>\n<BODY>\n'
         "<SYNC Start=1000><P Class=KRCC>\n\uc548\ub155\ud558\uc138\uc694\n</BODY>\n</SAMI>\n", "cp949"),
    ],
)
def test_a_file_is_read_in_the_encoding_it_declares(tmp_path, text, codec):
    data = text.encode(codec)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    path = tmp_path / "page.html"
    path.write_bytes(data)
    got, digest = read_source(path)
    assert got == text and digest == hashlib.sha256(data).hexdigest()


def test_a_declared_page_is_a_transcript_with_its_speakers_names_spelled_right(tmp_path):
    from claims.ingest.pipeline import run

    path = tmp_path / "report.html"
    path.write_bytes(_PAGE_1252.encode("cp1252"))
    text, _ = read_source(path)
    annotated = run(text, source=str(path))
    assert annotated.ok and "Tonight\u2019s guest is Ren\u00e9e Dupr\u00e9." in annotated.source_text
    names = {s.slug: s.name for s in annotated.speakers}
    assert [names[t.speaker_slug] for t in annotated.turns] == ["Smith", "Dupr\u00e9"]


def test_a_utf8_file_that_declares_another_encoding_stays_utf8(tmp_path):
    text = '<html><head><meta charset="windows-1252"></head><body><p>Caf\u00e9 \u2014 \u201cnoir\u201d</p></body></html>'
    path = tmp_path / "page.html"
    path.write_bytes(text.encode("utf-8"))
    assert read_source(path)[0] == text


@pytest.mark.parametrize(
    "data, expected",
    [
        (  # the declared codec does not exist
            '<meta charset="x-klingon">\n<p>caf\u00e9</p>'.encode("cp1252"),
            "{p}:2: undecodable bytes: byte 0xe9 at offset 33 is not valid UTF-8, and the file declares the encoding"
            " 'x-klingon', which is not a text encoding Python knows",
        ),
        (  # declared in ASCII bytes, so not UTF-16's
            '<meta charset="utf-16"><p>caf\u00e9</p>'.encode("cp1252"),
            "{p}:1: undecodable bytes: byte 0xe9 at offset 29 is not valid UTF-8, and the file declares the encoding"
            " 'utf-16', which its ASCII declaration cannot be written in",
        ),
        (
            '<meta charset="utf-8"><p>caf\u00e9</p>'.encode("cp1252"),
            "{p}:1: undecodable bytes: byte 0xe9 at offset 28 is not valid UTF-8, and the file declares UTF-8",
        ),
        (  # a byte windows-1252 leaves undefined
            b'<meta charset="windows-1252">\n<p>ok</p>\nbad \x81 byte',
            "{p}:3: undecodable bytes: byte 0x81 at offset 44 is not valid windows-1252, the encoding the file declares",
        ),
        (  # half a Shift_JIS character at the end
            '<?xml version="1.0" encoding="shift_jis"?>\n<tt>\u3053\u3093'.encode("cp932")[:-1],
            "{p}:2: undecodable bytes: byte 0x82 at offset 49 is not valid shift_jis, the encoding the file declares",
        ),
        (  # a charset named in the body's words is no declaration
            'Notes: save pages with charset=windows-1252.\ncaf\u00e9'.encode("cp1252"),
            "{p}:2: undecodable bytes: byte 0xe9 at offset 48 is not valid UTF-8"
            " (accepted: UTF-8, UTF-8 or UTF-16 with a BOM, or the encoding an HTML, XML or SAMI file declares)",
        ),
    ],
)
def test_a_declared_encoding_that_cannot_read_the_file_is_refused(tmp_path, data, expected):
    path = tmp_path / "bad.html"
    path.write_bytes(data)
    with pytest.raises(IngestError) as err:
        read_source(path)
    assert str(err.value) == expected.format(p=path)


_PAGE_ISO_2022_JP = (
    '<html><head>\n<meta http-equiv="Content-Type" content="text/html; charset=iso-2022-jp">\n'
    "<title>\u5bfe\u8ac7\uff1a\u6c34\u306e\u8a71</title></head><body>\n"
    "<p>\u805e\u304d\u624b\uff1a\u4eca\u65e5\u306f\u3042\u308a\u304c\u3068\u3046\u3054\u3056\u3044\u307e\u3059\u3002</p>\n"
    "<p>\u5c71\u7530\uff1a\u3053\u3061\u3089\u3053\u305d\u3002\uff71\uff98\uff76\uff9e\uff84\uff73\u3002</p>\n"
    "<p>\u805e\u304d\u624b\uff1a\u6c34\u306e\u4ed5\u4e8b\u306f\uff1f</p>\n"
    "<p>\u5c71\u7530\uff1a\u4e09\u5341\u5e74\u3067\u3059\u3002</p>\n</body></html>\n"
)


@pytest.mark.parametrize(
    "text, codec",
    [
        # an old Japanese page (and mail archives' HTML): 7-bit bytes, escapes switching to JIS X 0208
        # (ESC $ B) and to half-width katakana (ESC ( I, as browsers read the label)
        (_PAGE_ISO_2022_JP, "iso2022_jp_ext"),
        ('<html><head><meta charset="iso-2022-jp-2"></head><body><p>\u5c71\u7530\uff1a\u00e9t\u00e9</p></body></html>', "iso2022_jp_2"),
        ('<html><head><meta charset="ISO-2022-KR"></head><body><p>\uc9c4\ud589\uc790: \uc548\ub155\ud558\uc138\uc694</p></body></html>', "iso2022_kr"),
    ],
)
def test_a_file_declaring_an_iso_2022_encoding_is_read_as_declared(tmp_path, text, codec):
    data = text.encode(codec)
    assert data.isascii() and b"\x1b$" in data  # UTF-8 too, its escapes control characters: refused before
    path = tmp_path / "page.html"
    path.write_bytes(data)
    got, digest = read_source(path)
    assert got == text and digest == hashlib.sha256(data).hexdigest()


def test_an_iso_2022_jp_page_is_a_transcript_and_a_broken_escape_is_refused_with_its_line(tmp_path):
    from claims.ingest.pipeline import run

    path = tmp_path / "taidan.html"
    path.write_bytes(_PAGE_ISO_2022_JP.encode("iso2022_jp_ext"))
    annotated = run(read_source(path)[0], source=str(path))
    assert annotated.ok and annotated.format == "labelled"
    names = {s.slug: s.name for s in annotated.speakers}
    assert [names[t.speaker_slug] for t in annotated.turns] == ["\u805e\u304d\u624b", "\u5c71\u7530"] * 2
    # JIS X 0208 switched on, then a byte pair it does not define (0x7f is no JIS byte)
    path.write_bytes(_PAGE_ISO_2022_JP.encode("iso2022_jp_ext").replace(b"\x1b$BJ9", b"\x1b$B\x7f\x7f", 1))
    with pytest.raises(IngestError) as err:
        read_source(path)
    assert str(err.value).startswith(f"{path}:4: undecodable bytes: byte ") and str(err.value).endswith(
        "is not valid iso-2022-jp, the encoding the file declares")


def test_list_paths_names_each_repeat_and_the_name_it_repeats(tmp_path):
    from claims.ingest.read import list_paths

    (tmp_path / "a.vtt").write_text("WEBVTT\n")
    (tmp_path / "b.vtt").symlink_to("a.vtt")  # in the folder, and a second name of a.vtt
    listing = list_paths([tmp_path, tmp_path / "a.vtt"])
    assert listing.files == (tmp_path / "a.vtt",) and not listing.errors
    assert listing.repeats == ((tmp_path / "b.vtt", tmp_path / "a.vtt"), (tmp_path / "a.vtt", tmp_path / "a.vtt"))
