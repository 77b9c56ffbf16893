"""The ingest command on what yt-dlp leaves in a folder: captions beside their .info.json (sidecar.py)."""
import datetime as dt
import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from claims.models import Chapter, Interview

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parent / "data" / "yt_dlp"
BASE = "Why Bees Dance： Dr. Ines Varga on Hive Maths [Qm3vT9xLp2A]"


def ingest(*args, **options):
    options.setdefault("no_extract", True)
    out, err = StringIO(), StringIO()
    call_command("ingest", *map(str, args), stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def ingest_failing(*args, **options):
    options.setdefault("no_extract", True)
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError) as error:
        call_command("ingest", *map(str, args), stdout=out, stderr=err, **options)
    return str(error.value), out.getvalue(), err.getvalue()


def _download(tmp_path):
    folder = tmp_path / "downloads"
    shutil.copytree(DATA, folder)
    return folder


def test_captions_take_title_show_day_link_video_id_duration_and_chapters_from_their_info_file(tmp_path):
    out, err = ingest(_download(tmp_path))
    interview = Interview.objects.get()
    assert (interview.title, interview.show, interview.published, interview.published_precision) == (
        "Why Bees Dance: Dr. Ines Varga on Hive Maths", "Meadow Signals", dt.date(2024, 3, 15), "day")
    assert (interview.link, interview.video_id, interview.duration_seconds) == (
        "https://www.youtube.com/watch?v=Qm3vT9xLp2A", "Qm3vT9xLp2A", 412)
    assert interview.slug == "why-bees-dance-dr-ines-varga-on-hive-maths"
    assert list(Chapter.objects.filter(interview=interview).values_list("title", "start_seconds")) == [
        ("Welcome", 0), ("The waggle dance", 118), ("Can a swarm be wrong?", 299)]
    assert out.count("created") == 1 and err == ""  # the info file is neither a failure nor "skipped"


def test_every_file_named_by_a_shell_glob_ingests_the_captions_once(tmp_path):
    folder = _download(tmp_path)
    out, err = ingest(*sorted(folder.iterdir()))
    assert Interview.objects.count() == 1 and out.count("created") == 1 and "failed" not in out and err == ""


def test_a_manifest_entry_beats_the_info_file_and_an_option_beats_both(tmp_path):
    folder = _download(tmp_path)
    (folder / "manifest.json").write_text(json.dumps(
        {f"{BASE}.en.vtt": {"title": "Bees, Dancing", "show": "Meadow Signals Podcast", "guests": ["Ines Varga"]}}),
        encoding="utf-8")
    ingest(folder, show="Hive Hour")
    interview = Interview.objects.get()
    assert (interview.title, interview.show, interview.published) == ("Bees, Dancing", "Hive Hour", dt.date(2024, 3, 15))


def test_an_info_file_with_no_captions_beside_it_is_noted_once_and_fails_nothing(tmp_path):
    folder = _download(tmp_path)
    (folder / "Live Q&A [Lq7Ww0pPz1c].info.json").write_text(json.dumps(
        {"id": "Lq7Ww0pPz1c", "title": "Live Q&A", "extractor": "youtube", "extractor_key": "Youtube",
         "webpage_url": "https://www.youtube.com/watch?v=Lq7Ww0pPz1c", "_type": "video"}), encoding="utf-8")
    out, err = ingest(folder)
    assert Interview.objects.count() == 1 and out.count("created") == 1
    assert [line for line in err.splitlines() if line.strip()] == [
        f"{folder / 'Live Q&A [Lq7Ww0pPz1c].info.json'}: a yt-dlp info file with no captions beside it,"
        " not a transcript: nothing to ingest"]


def test_a_malformed_info_file_fails_its_captions_only(tmp_path):
    folder = _download(tmp_path)
    (folder / "Hive Census [Hc4Nn8sTt2Q].en.vtt").write_text(
        "WEBVTT\nKind: captions\nLanguage: en\n\n00:00:01.000 --> 00:00:04.000\nWe counted every hive in the valley.\n",
        encoding="utf-8")
    (folder / "Hive Census [Hc4Nn8sTt2Q].info.json").write_text(
        '{"id": "Hc4Nn8sTt2Q", "title": "Hive Census", "upload_date": "2024-13-01", "extractor_key": "Youtube"}',
        encoding="utf-8")
    message, out, err = ingest_failing(folder)
    assert message == "1 of 2 file(s) failed; those wrote nothing"
    assert [line for line in err.splitlines() if line.strip()] == [
        f"{folder / 'Hive Census [Hc4Nn8sTt2Q].info.json'}: upload_date '2024-13-01' is not a day written YYYYMMDD"
        " (so Hive Census [Hc4Nn8sTt2Q].en.vtt beside it is not ingested)"]
    assert list(Interview.objects.values_list("video_id", flat=True)) == ["Qm3vT9xLp2A"]


def test_two_caption_languages_of_one_video_are_two_interviews_with_one_video_id(tmp_path):
    folder = _download(tmp_path)
    english = (folder / f"{BASE}.en.vtt").read_text(encoding="utf-8")
    (folder / f"{BASE}.de.vtt").write_text(
        english.replace("Language: en", "Language: de").replace("Welcome to Meadow Signals.", "Willkommen bei Meadow Signals."),
        encoding="utf-8")
    out, _ = ingest(folder)
    assert out.count("created") == 2
    assert sorted(Interview.objects.values_list("slug", "video_id")) == [
        ("why-bees-dance-dr-ines-varga-on-hive-maths-de", "Qm3vT9xLp2A"),
        ("why-bees-dance-dr-ines-varga-on-hive-maths-en", "Qm3vT9xLp2A")]


def test_the_summary_shows_a_file_name_with_its_video_id_in_brackets(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a short path, on one line of the table
    Path("Bee Q&A [bq1Aa2Bb3Cc].en.vtt").write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nDo bees sleep? They do.\n", encoding="utf-8")
    out, _ = ingest("Bee Q&A [bq1Aa2Bb3Cc].en.vtt")
    assert "Bee Q&A [bq1Aa2Bb3Cc].en.vtt" in out  # not read as rich markup ("[b...]" is a style tag) and dropped


def test_a_folder_of_only_an_info_file_without_captions_is_noted_not_failed(tmp_path):
    folder = tmp_path / "no captions"
    folder.mkdir()
    info = folder / "Silent Hive Timelapse [s1lentHive0].info.json"
    info.write_text(json.dumps({"id": "s1lentHive0", "title": "Silent Hive Timelapse", "extractor": "youtube",
                                "extractor_key": "Youtube", "webpage_url": "https://www.youtube.com/watch?v=s1lentHive0",
                                "subtitles": {}, "automatic_captions": {}, "_type": "video"}), encoding="utf-8")
    out, err = ingest(folder)
    assert Interview.objects.count() == 0 and "failed" not in out
    assert err.splitlines() == [f"{info}: a yt-dlp info file with no captions beside it, not a transcript: nothing to ingest"]


def test_a_folder_with_nothing_at_all_to_read_still_fails(tmp_path):
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    message, _, err = ingest_failing(tmp_path)
    assert message == "1 of 1 file(s) failed; those wrote nothing" and "directory contains no transcript files" in err


def test_info_files_that_are_a_self_link_a_fifo_or_a_folder_fail_their_captions_in_a_line_each(tmp_path):
    # the self-link was a RuntimeError traceback (Path.resolve) before any file was read; the FIFO a read that never ended
    import os
    for base in ("Talk [Zx]", "Other [Zy]", "Dir [Zd]"):
        (tmp_path / f"{base}.en.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nhi\n", encoding="utf-8")
    (tmp_path / "Talk [Zx].info.json").symlink_to("Talk [Zx].info.json")
    os.mkfifo(tmp_path / "Other [Zy].info.json")
    (tmp_path / "Dir [Zd].info.json").mkdir()
    message, out, err = ingest_failing(tmp_path)
    assert message == "3 of 3 file(s) failed; those wrote nothing" and Interview.objects.count() == 0
    assert [line for line in err.splitlines() if "cannot read yt-dlp info file" in line] == [
        f"{tmp_path / 'Dir [Zd].info.json'}: cannot read yt-dlp info file: a folder, not a file (so Dir [Zd].en.vtt beside it is not ingested)",
        f"{tmp_path / 'Other [Zy].info.json'}: cannot read yt-dlp info file: a FIFO, not a file (so Other [Zy].en.vtt beside it is not ingested)",
        f"{tmp_path / 'Talk [Zx].info.json'}: cannot read yt-dlp info file: Too many levels of symbolic links "
        "(so Talk [Zx].en.vtt beside it is not ingested)",
    ]
