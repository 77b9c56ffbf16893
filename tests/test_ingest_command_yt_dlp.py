"""The ingest command on what yt-dlp leaves in a folder: captions beside their .info.json (sidecar.py)."""
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from claims.models import Chapter, Interview

from .ingest_command import ingest, ingest_failing

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parent / "data" / "yt_dlp"
BASE = "Why Bees Dance： Dr. Ines Varga on Hive Maths [Qm3vT9xLp2A]"


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


def test_two_caption_languages_of_one_video_are_one_interview_from_its_manual_subtitles(tmp_path):
    folder = _download(tmp_path)
    english = (folder / f"{BASE}.en.vtt").read_text(encoding="utf-8")
    (folder / f"{BASE}.de.vtt").write_text(
        english.replace("Language: en", "Language: de").replace("Welcome to Meadow Signals.", "Willkommen bei Meadow Signals."),
        encoding="utf-8")
    out, _ = ingest(folder)  # before: two interviews with one video id
    assert _rows(out) == _said((folder / f"{BASE}.en.vtt", "created"), (folder / f"{BASE}.de.vtt", f"skipped: same video as {BASE}.en.vtt"))
    assert list(Interview.objects.values_list("source_name", "video_id")) == [(f"{BASE}.en.vtt", "Qm3vT9xLp2A")]


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


# --- one video, several caption files (--write-subs --write-auto-subs): one interview ---

HIVE = "Hive Acoustics [Hv8Ac0uSt1c]"
_HIVE_LINES = ("We put microphones inside twelve hives last spring.", "The queen's piping carries through the comb.")


def _hive_video(folder: Path, captions: dict[str, str], *, language=None, subtitles=(), automatic=()) -> None:
    """yt-dlp's files for one video: its info file (only the keys that matter here) and a caption file for each
    language code of `captions` ({code: the words said, in that file's language})."""
    folder.mkdir(exist_ok=True)

    def tracks(codes):
        return {code: [{"ext": "vtt", "url": f"https://www.youtube.com/api/timedtext?v=Hv8Ac0uSt1c&lang={code}&fmt=vtt",
                        "name": code}] for code in codes}

    info = {"id": "Hv8Ac0uSt1c", "title": "Hive Acoustics", "extractor": "youtube", "extractor_key": "Youtube",
            "webpage_url": "https://www.youtube.com/watch?v=Hv8Ac0uSt1c", "_type": "video",
            "subtitles": tracks(subtitles), "automatic_captions": tracks(automatic)}
    if language is not None:
        info["language"] = language
    (folder / f"{HIVE}.info.json").write_text(json.dumps(info), encoding="utf-8")
    for code, words in captions.items():
        (folder / f"{HIVE}.{code}.vtt").write_text(
            f"WEBVTT\nKind: captions\nLanguage: {code}\n\n00:00:01.000 --> 00:00:04.000\n{words}\n", encoding="utf-8")


def _rows(out: str) -> list[tuple[str, str]]:
    """(file, result) of each row of the summary, without their spaces: the table wraps a long cell over lines."""
    rows: list[list[str]] = []
    for line in out.splitlines():
        cells = ["".join(cell.split()) for cell in line.split("│")[1:-1]]
        if not cells or cells[0] == "file":
            continue
        if rows and not cells[-1].startswith(_RESULTS):  # a wrapped row's next line
            rows[-1] = [a + b for a, b in zip(rows[-1], cells)]
        else:
            rows.append(cells)
    return [(row[0], row[-1]) for row in rows]


_RESULTS = ("created", "unchanged", "parsed", "failed", "skipped:", "interrupted", "notstarted")


def _said(*rows: tuple[str, str]) -> list[tuple[str, str]]:
    return [("".join(str(file).split()), "".join(result.split())) for file, result in rows]


@pytest.mark.parametrize("dry_run", [False, True])
def test_one_videos_manual_automatic_and_translated_captions_make_one_interview_from_the_manual_subtitles(tmp_path, dry_run):
    folder = tmp_path / "hive"
    _hive_video(folder, {"de": "Wir haben Mikrofone in zwölf Bienenstöcke gelegt.", "de-en": "Mikrofone in zwölf Stöcken.",
                         "en": _HIVE_LINES[0], "en-orig": "we put microphones in twelve hives last spring"},
                language="en", subtitles=["en"], automatic=["en-orig", "en", "de", "de-en"])
    out, err = ingest(folder, dry_run=dry_run)  # before: four interviews of one video
    chosen = f"{HIVE}.en.vtt"
    assert _rows(out) == _said((folder / chosen, "parsed (dry run)" if dry_run else "created"), *(
        (folder / f"{HIVE}.{code}.vtt", f"skipped: same video as {chosen}") for code in ("de-en", "de", "en-orig")))
    assert err.splitlines() == [
        f"{folder / chosen}: taken as video Hv8Ac0uSt1c's one interview over 3 other caption file(s) of it (the "
        "video's language first, then manual subtitles over automatic captions, then original over translated)"]
    assert list(Interview.objects.values_list("source_name", flat=True)) == ([] if dry_run else [chosen])


def test_without_manual_subtitles_the_original_automatic_captions_are_taken(tmp_path):
    # no "language" in the info file: the "-orig" track names the language spoken
    folder = tmp_path / "hive"
    _hive_video(folder, {"de": "Wir haben Mikrofone gelegt.", "en": "we put microphones in twelve hives",
                         "en-orig": "we put microphones in twelve hives last spring"},
                automatic=["en-orig", "en", "de"])
    out, _ = ingest(folder)
    assert [name for name, result in _rows(out) if result == "created"] == [name for name, _ in _said((folder / f"{HIVE}.en-orig.vtt", ""))]
    assert Interview.objects.count() == 1


def test_the_language_spoken_beats_manual_subtitles_in_another_language(tmp_path):
    folder = tmp_path / "hive"
    _hive_video(folder, {"en": _HIVE_LINES[0], "de-orig": "Wir haben Mikrofone in zwölf Bienenstöcke gelegt."},
                language="de", subtitles=["en"], automatic=["de-orig", "de", "en-en"])
    out, _ = ingest(folder)
    assert _rows(out) == _said((folder / f"{HIVE}.de-orig.vtt", "created"),
                               (folder / f"{HIVE}.en.vtt", f"skipped: same video as {HIVE}.de-orig.vtt"))


def test_one_video_downloaded_into_two_folders_is_one_interview(tmp_path):
    _hive_video(tmp_path / "march", {"en": _HIVE_LINES[0]}, subtitles=["en"])
    _hive_video(tmp_path / "april", {"en": _HIVE_LINES[1]}, subtitles=["en"])
    for dry_run in (True, False):
        out, _ = ingest(tmp_path / "march", tmp_path / "april", dry_run=dry_run)
        assert _rows(out) == _said((tmp_path / "march" / f"{HIVE}.en.vtt", "parsed (dry run)" if dry_run else "created"),
                                   (tmp_path / "april" / f"{HIVE}.en.vtt", f"skipped: same video as {tmp_path / 'march' / HIVE}.en.vtt"))
    assert list(Interview.objects.values_list("source_text", flat=True))[0].endswith(_HIVE_LINES[0] + "\n")


def test_a_caption_of_a_video_stored_from_other_bytes_is_refused_naming_the_interview(tmp_path):
    folder = tmp_path / "hive"
    _hive_video(folder, {"en": _HIVE_LINES[0], "en-orig": "we put microphones in twelve hives last spring"},
                subtitles=["en"], automatic=["en-orig"])
    ingest(folder / f"{HIVE}.en.vtt")
    stored = Interview.objects.get()
    later = folder / f"{HIVE}.en-orig.vtt"
    for dry_run in (True, False):
        message, out, err = ingest_failing(later, dry_run=dry_run)
        assert message == "1 of 1 file(s) failed; those wrote nothing"
        assert err.splitlines() == [
            f"{later}: video Hv8Ac0uSt1c is stored already, as {stored.slug!r} from {HIVE}.en.vtt with other bytes; one "
            f"video is one interview: this file wrote nothing, and {stored.slug!r} and its 0 claim(s) are kept as they are"]
    assert list(Interview.objects.values_list("pk", "sha256")) == [(stored.pk, stored.sha256)]
    out, err = ingest(folder)  # the whole folder again: the stored file is taken, the other skipped
    assert _rows(out) == _said((folder / f"{HIVE}.en.vtt", "unchanged"), (later, f"skipped: same video as {HIVE}.en.vtt"))


def test_a_skipped_caption_named_again_says_both(tmp_path):
    folder = tmp_path / "hive"
    _hive_video(folder, {"en": _HIVE_LINES[0], "en-orig": "we put microphones in twelve hives last spring"},
                subtitles=["en"], automatic=["en-orig"])
    later = folder / f"{HIVE}.en-orig.vtt"
    out, _ = ingest(folder, later)
    assert _rows(out) == _said((folder / f"{HIVE}.en.vtt", "created"), (later, f"skipped: same video as {HIVE}.en.vtt"),
                               (later, "skipped: listed twice"))


def test_a_folder_ingested_before_a_better_caption_arrived_keeps_its_stored_caption_and_does_not_fail(tmp_path):
    # the automatic captions went in first; the manual subtitles were downloaded since
    folder = tmp_path / "hive"
    _hive_video(folder, {"en-orig": "we put microphones in twelve hives last spring"}, automatic=["en-orig"])
    ingest(folder)
    _hive_video(folder, {"en": _HIVE_LINES[0]}, subtitles=["en"], automatic=["en-orig"])
    for dry_run in (True, False):
        out, err = ingest(folder, dry_run=dry_run)  # before: the manual subtitles taken, and refused as a second interview
        assert _rows(out) == _said((folder / f"{HIVE}.en-orig.vtt", "unchanged (dry run)" if dry_run else "unchanged"),
                                   (folder / f"{HIVE}.en.vtt", f"skipped: same video as {HIVE}.en-orig.vtt"))
        assert err.splitlines() == [
            f"{folder / HIVE}.en-orig.vtt: taken as video Hv8Ac0uSt1c's one interview over 1 other caption file(s) of it "
            "(stored before)"]
    assert list(Interview.objects.values_list("source_name", flat=True)) == [f"{HIVE}.en-orig.vtt"]
