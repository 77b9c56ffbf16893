"""Hostile yt-dlp info files (sidecar.py): each refused in one line naming it, never a traceback or a hang."""
import os

import pytest

from claims.ingest.errors import IngestError
from claims.ingest import sidecar as sidecar_module
from claims.ingest.sidecar import batch_sidecars, read_sidecar, sidecar_read

HEAD = '{"id": "Zx", "webpage_url": "https://www.youtube.com/watch?v=Zx", "extractor_key": "Youtube"'


@pytest.mark.parametrize("field, reason", [
    ('"duration": NaN', "duration nan is not a number of seconds"),
    ('"duration": Infinity', "duration inf is not a number of seconds"),
    ('"duration": 1e308', "duration 1e+308 is not a number of seconds"),
    ('"duration": 99999999999999999999', "duration 99999999999999999999 is not a number of seconds"),
    ('"chapters": [{"start_time": NaN, "title": "x"}]', "chapters[0] start_time nan is not a number of seconds"),
    ('"chapters": [{"start_time": -Infinity, "title": "x"}]', "chapters[0] start_time -inf is not a number of seconds"),
    ('"chapters": [{"start_time": 1e300, "title": "x"}]', "chapters[0] start_time 1e+300 is not a number of seconds"),
])
def test_times_that_are_no_number_of_seconds_a_video_can_have_are_refused(tmp_path, field, reason):
    info = tmp_path / "Talk [Zx].info.json"
    info.write_text(HEAD + ", " + field + "}", encoding="utf-8")
    with pytest.raises(IngestError) as caught:
        read_sidecar(info)
    assert str(caught.value) == f"{info}: {reason}"


def test_an_info_file_that_is_a_fifo_is_refused_not_waited_on(tmp_path):
    caption = tmp_path / "Talk [Zx].en.vtt"
    caption.write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nhi\n", encoding="utf-8")
    os.mkfifo(tmp_path / "Talk [Zx].info.json")
    batch = batch_sidecars([tmp_path], [caption])
    with pytest.raises(IngestError) as caught:
        sidecar_read(caption, batch)
    assert str(caught.value) == (f"{tmp_path / 'Talk [Zx].info.json'}: cannot read yt-dlp info file: "
                                 f"a FIFO, not a file (so {caption.name} beside it is not ingested)")


@pytest.mark.parametrize("content, reason", [
    (HEAD + ', "title": "Talk"}', None),
    (HEAD + ', "duration": NaN}', "duration nan is not a number of seconds"),
])
def test_captions_in_many_languages_read_their_shared_info_file_once(tmp_path, monkeypatch, content, reason):
    # YouTube's auto-translated captions (--sub-langs all) put a hundred languages beside one info file of
    # megabytes: read for each, the batch's work grew as captions times info file
    info = tmp_path / "Talk [Zx].info.json"
    info.write_text(content, encoding="utf-8")
    captions = [tmp_path / f"Talk [Zx].en-x{i:03d}.vtt" for i in range(150)]
    for caption in captions:
        caption.write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nhi\n", encoding="utf-8")
    reads = []
    real = sidecar_module.read_sidecar
    monkeypatch.setattr(sidecar_module, "read_sidecar", lambda path: reads.append(path) or real(path))
    batch = batch_sidecars([tmp_path], captions)
    outcomes = []
    for caption in captions:
        try:
            outcomes.append(sidecar_read(caption, batch).metadata.slug)
        except IngestError as error:
            outcomes.append(str(error))
    assert reads == [info]
    if reason is None:
        assert outcomes[:2] == ["talk-en-x000", "talk-en-x001"] and len(set(outcomes)) == 150
    else:
        assert outcomes[:2] == [f"{info}: {reason} (so {c.name} beside it is not ingested)" for c in captions[:2]]


@pytest.mark.parametrize("field, reason", [
    # PostgreSQL refuses a NUL with a traceback and SQLite keeps it; an escape sequence colours a terminal
    ('"title": "Bees\\u0000"', "title has a control character (U+0000)"),
    ('"channel": "Meadow\\u001b[31m"', "channel has a control character (U+001B)"),
    # a lone surrogate is no UTF-8: the write was a UnicodeEncodeError traceback, after the pipeline ran
    ('"title": "\\ud800 Bees"', "title has a lone surrogate (U+D800), not text"),
    ('"chapters": [{"start_time": 0, "title": "a\\u0000"}]', "chapters[0] title has a control character (U+0000)"),
    ('"chapters": [{"start_time": 0, "title": "\\udfff"}]', "chapters[0] title has a lone surrogate (U+DFFF), not text"),
])
def test_text_no_database_can_store_is_refused(tmp_path, field, reason):
    info = tmp_path / "Talk [Zx].info.json"
    info.write_text(HEAD + ", " + field + "}", encoding="utf-8")
    with pytest.raises(IngestError) as caught:
        read_sidecar(info)
    assert str(caught.value) == f"{info}: {reason}"


def test_a_chapter_title_longer_than_its_column_is_cut_at_a_word(tmp_path):
    # Chapter.title holds 300 characters: PostgreSQL refused a longer one with a traceback, SQLite kept it whole
    info = tmp_path / "Talk [Zx].info.json"
    info.write_text(HEAD + ', "chapters": [{"start_time": 0, "title": "' + "word " * 100 + '"}]}', encoding="utf-8")
    (chapter,) = read_sidecar(info).chapters
    assert len(chapter.title) <= 300 and chapter.title == "word " * 59 + "word…"


def test_a_number_too_long_for_python_to_read_is_refused_and_does_not_stop_the_batch(tmp_path):
    # Python reads no integer of over 4,300 digits (a ValueError json.loads lets through): a traceback from
    # read_sidecar, and from batch_sidecars while it sorted out the folder, before any file was read
    info = tmp_path / "Talk [Zx].info.json"
    info.write_text(HEAD + ', "formats": [' + "1" * 5000 + "]}", encoding="utf-8")
    with pytest.raises(IngestError) as caught:
        read_sidecar(info)
    assert str(caught.value) == f"{info}: yt-dlp info file is not valid JSON: a number too long to read"
    alone = tmp_path / "Other [Zy].info.json"
    alone.write_text(info.read_text(encoding="utf-8"), encoding="utf-8")
    caption = tmp_path / "Talk [Zx].en.vtt"
    caption.write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nhi\n", encoding="utf-8")
    batch = batch_sidecars([tmp_path], [caption, alone])
    assert batch.sidecars == {caption: info}


def test_an_info_file_that_is_a_link_to_itself_fails_its_captions_only(tmp_path):
    # Path.resolve raises RuntimeError on a symlink loop (Python 3.11): batch_sidecars ended the whole batch
    caption, other = tmp_path / "Talk [Zx].en.vtt", tmp_path / "Other.vtt"
    for path in (caption, other):
        path.write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nhi\n", encoding="utf-8")
    (tmp_path / "Talk [Zx].info.json").symlink_to("Talk [Zx].info.json")
    batch = batch_sidecars([tmp_path], [caption, other])
    assert batch.files == (caption, other) and sidecar_read(other, batch) is None
    with pytest.raises(IngestError) as caught:
        sidecar_read(caption, batch)
    assert str(caught.value) == (f"{tmp_path / 'Talk [Zx].info.json'}: cannot read yt-dlp info file: "
                                 f"Too many levels of symbolic links (so {caption.name} beside it is not ingested)")


def test_languages_of_a_video_whose_title_is_longer_than_a_slug_keep_their_language_apart(tmp_path):
    # a slug from a title is cut at 80 characters, which cut the language off a YouTube title of 90: both
    # captions got one slug, and the second was refused as taken
    title = "Why Bees Dance: Dr. Ines Varga on Hive Maths and the Secret Geometry of Swarms, Explained"
    (tmp_path / "Talk [Zx].info.json").write_text(HEAD + ', "title": "' + title + '"}', encoding="utf-8")
    captions = [tmp_path / "Talk [Zx].de.vtt", tmp_path / "Talk [Zx].en.vtt"]
    for caption in captions:
        caption.write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nhi\n", encoding="utf-8")
    batch = batch_sidecars([tmp_path], captions)
    slugs = [sidecar_read(caption, batch).metadata.slug for caption in captions]
    assert slugs == ["why-bees-dance-dr-ines-varga-on-hive-maths-and-the-secret-geometry-of-swarms-de",
                     "why-bees-dance-dr-ines-varga-on-hive-maths-and-the-secret-geometry-of-swarms-en"]


def test_a_channels_thousands_of_info_files_without_captions_get_ten_lines_and_a_count(tmp_path):
    # `yt-dlp --skip-download --write-info-json` over a channel: one line per info file was thousands of lines
    for i in range(2000):
        (tmp_path / f"Episode {i:04d} [Z{i:04d}].info.json").write_text(
            '{"id": "Z%04d", "extractor_key": "Youtube"}' % i, encoding="utf-8")
    batch = batch_sidecars([tmp_path], [])
    assert len(batch.notes) == 11 and len(batch.info_files) == 2000 and batch.noted_folders == {str(tmp_path)}
    assert batch.notes[0] == (f"{tmp_path / 'Episode 0000 [Z0000].info.json'}: a yt-dlp info file with no captions "
                              "beside it, not a transcript: nothing to ingest")
    assert batch.notes[-1] == "batch: and 1990 more yt-dlp info files, not transcripts: nothing to ingest from them"
