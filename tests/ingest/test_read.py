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
            "{p}:1: undecodable bytes: byte 0xe9 at offset 3 is not valid UTF-8 (accepted: UTF-8, UTF-8 or UTF-16 with a BOM)",
        ),
        (b"ok\n\xff\xfe", "{p}:2: undecodable bytes: byte 0xff at offset 3 is not valid UTF-8 (accepted: UTF-8, UTF-8 or UTF-16 with a BOM)"),
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
