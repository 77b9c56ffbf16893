"""yt-dlp's info file beside captions (sidecar.py): what it gives, where its chapters land, how it is refused."""
import datetime as dt
import json
from pathlib import Path

import pytest

from claims.ingest.errors import IngestError
from claims.ingest.pipeline import ingest_paths, run
from claims.ingest.records import Chapter, Metadata
from claims.ingest.sidecar import (
    CaptionChoice, CaptionTracks, batch_sidecars, caption_preference, captions_chosen, read_sidecar, sidecar_read,
)

DATA = Path(__file__).resolve().parent.parent / "data" / "yt_dlp"
BASE = "Why Bees Dance： Dr. Ines Varga on Hive Maths [Qm3vT9xLp2A]"
CAPTIONS = DATA / f"{BASE}.en.vtt"
INFO = DATA / f"{BASE}.info.json"


def test_the_info_file_gives_title_show_day_link_video_id_duration_and_chapters():
    sidecar = read_sidecar(INFO)
    assert sidecar.metadata == Metadata(
        title="Why Bees Dance: Dr. Ines Varga on Hive Maths", show="Meadow Signals", channel="Meadow Signals",
        link="https://www.youtube.com/watch?v=Qm3vT9xLp2A", video_id="Qm3vT9xLp2A",
        published=dt.date(2024, 3, 15), published_precision="day", duration_seconds=412,
    )
    assert sidecar.chapters == (Chapter("Welcome", 0), Chapter("The waggle dance", 118), Chapter("Can a swarm be wrong?", 299))


def test_captions_chapters_from_the_info_file_start_at_the_cue_nearest_their_time():
    sidecar = read_sidecar(INFO)
    text = CAPTIONS.read_text(encoding="utf-8")
    annotated = run(text, source=str(CAPTIONS), metadata=sidecar.metadata, chapters=sidecar.chapters)
    assert annotated.ok and annotated.metadata.slug == "why-bees-dance-dr-ines-varga-on-hive-maths"
    openings = [text[c.start_char:c.start_char + 30] for c in annotated.chapters]
    assert openings == ["Welcome to Meadow Signals. Tod", "So let's start with the waggle", "Last question. Could a hive ev"]
    assert all(not t.seconds_estimated for t in annotated.turns)  # the cues' own times stay


def test_a_transcript_that_lists_its_own_chapters_keeps_them():
    text = (DATA.parent / "chapters_over_labels.txt").read_text(encoding="utf-8")
    without = run(text, source="own.txt")
    given = run(text, source="own.txt", chapters=(Chapter("Something else", 30),))
    assert without.chapters and given.chapters == without.chapters


def _folder(tmp_path, names):
    for name in names:
        (tmp_path / name).write_text(json.dumps({"id": "Zx", "title": "T", "extractor_key": "Youtube"})
                                     if name.endswith(".info.json") else "WEBVTT\n\n00:00.000 --> 00:01.000\nhi\n",
                                     encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("caption", [
    "Talk [Zx].en.vtt", "Talk [Zx].en-orig.vtt", "Talk [Zx].zh-Hans.vtt", "Talk [Zx].es-419.srt", "Talk [Zx].vtt",
])
def test_captions_find_the_info_file_of_their_base_name_with_or_without_a_language(tmp_path, caption):
    folder = _folder(tmp_path, [caption, "Talk [Zx].info.json"])
    batch = batch_sidecars([folder], [folder / caption])
    assert batch.sidecars == {folder / caption: folder / "Talk [Zx].info.json"} and batch.notes == ()


def test_a_name_that_is_not_a_language_does_not_reach_another_base_names_info_file(tmp_path):
    folder = _folder(tmp_path, ["Talk.final.vtt", "Talk.info.json"])
    batch = batch_sidecars([folder], [folder / "Talk.final.vtt"])
    assert batch.sidecars == {}
    assert batch.notes == (
        f"{folder / 'Talk.info.json'}: a yt-dlp info file with no captions beside it, not a transcript: nothing to ingest",)


def test_an_info_file_whose_captions_were_not_named_says_so(tmp_path):
    folder = _folder(tmp_path, ["A [Zx].en.vtt", "A [Zx].info.json"])
    batch = batch_sidecars([folder / "A [Zx].info.json"], [folder / "A [Zx].info.json"])
    assert batch.files == () and batch.notes == (
        f"{folder / 'A [Zx].info.json'}: a yt-dlp info file, not a transcript: it is read with the captions beside it; "
        "name those to ingest them",)


def test_info_files_named_with_their_captions_are_not_transcripts_and_one_alone_is_noted(tmp_path):
    folder = _folder(tmp_path, ["A [Zx].en.vtt", "A [Zx].info.json", "B [Yy].info.json"])
    named = sorted(folder.iterdir())
    batch = batch_sidecars(named, named)
    assert batch.files == (folder / "A [Zx].en.vtt",)
    assert batch.notes == (f"{folder / 'B [Yy].info.json'}: a yt-dlp info file with no captions beside it, "
                           "not a transcript: nothing to ingest",)


def test_a_json_file_named_info_json_that_is_not_yt_dlps_is_left_as_it_was(tmp_path):
    (tmp_path / "notes.info.json").write_text('{"segments": []}', encoding="utf-8")
    batch = batch_sidecars([tmp_path / "notes.info.json"], [tmp_path / "notes.info.json"])
    assert batch.files == (tmp_path / "notes.info.json",) and batch.notes == ()


def test_several_languages_of_one_video_get_the_language_in_their_slugs(tmp_path):
    folder = _folder(tmp_path, ["Talk [Zx].en.vtt", "Talk [Zx].de.vtt", "Talk [Zx].info.json"])
    files = sorted(folder.glob("*.vtt"))
    batch = batch_sidecars([folder], files)
    slugs = [sidecar_read(f, batch).metadata.slug for f in files]
    assert slugs == ["t-de", "t-en"]
    alone = batch_sidecars([folder / "Talk [Zx].en.vtt"], [folder / "Talk [Zx].en.vtt"])
    assert sidecar_read(folder / "Talk [Zx].en.vtt", alone).metadata.slug == "t-en"  # what is beside it counts


@pytest.mark.parametrize("content, reason", [
    ('{"id": "Zx",\n "title": }', "2: yt-dlp info file is not valid JSON: Expecting value"),
    ('["Zx"]', " not a yt-dlp info file: its JSON is a list, not an object"),
    ('{"title": "T"}', " not a yt-dlp info file: it has no id or webpage_url"),
    ('{"id": "Zx", "upload_date": "2024-03-15"}', " upload_date '2024-03-15' is not a day written YYYYMMDD"),
    ('{"id": "Zx", "upload_date": "20240231"}', " upload_date '20240231' is not a day written YYYYMMDD"),
    ('{"id": "Zx", "title": ["T"]}', " title is a list, not text"),
    ('{"id": "Zx", "duration": "6:52"}', " duration '6:52' is not a number of seconds"),
    ('{"id": "Zx", "chapters": [{"start_time": "0", "title": "A"}]}', " chapters[0] start_time '0' is not a number of seconds"),
    ('{"id": "Zx", "chapters": {"title": "A"}}', " chapters is an object, not a list"),
])
def test_a_malformed_info_file_is_refused_in_one_line_naming_it_and_its_captions(tmp_path, content, reason):
    (tmp_path / "Talk [Zx].en.vtt").write_text("WEBVTT\n", encoding="utf-8")
    (tmp_path / "Talk [Zx].info.json").write_text(content, encoding="utf-8")
    batch = batch_sidecars([tmp_path], [tmp_path / "Talk [Zx].en.vtt"])
    with pytest.raises(IngestError) as refused:
        sidecar_read(tmp_path / "Talk [Zx].en.vtt", batch)
    assert str(refused.value) == (f"{tmp_path / 'Talk [Zx].info.json'}:{reason}"
                                  " (so Talk [Zx].en.vtt beside it is not ingested)")


def test_ingest_paths_reads_captions_with_their_info_file_and_not_the_info_file_alone():
    [annotated], errors = ingest_paths([DATA])
    assert errors == () and annotated.source_name == str(CAPTIONS)
    assert (annotated.metadata.video_id, len(annotated.chapters)) == ("Qm3vT9xLp2A", 3)


def test_the_info_file_says_which_captions_are_manual_and_which_automatic():
    sidecar = read_sidecar(INFO)
    assert (sidecar.video, sidecar.tracks) == ("Youtube:Qm3vT9xLp2A", CaptionTracks("", frozenset({"en"}), frozenset()))


@pytest.mark.parametrize("field, reason", [
    ('"subtitles": ["en"]', "subtitles is a list, not an object"),
    ('"automatic_captions": "en-orig"', "automatic_captions is text, not an object"),
    ('"language": 7', "language is a number, not text"),
])
def test_caption_tracks_of_the_wrong_shape_are_refused(tmp_path, field, reason):
    info = tmp_path / "Talk [Zx].info.json"
    info.write_text('{"id": "Zx", "extractor_key": "Youtube", ' + field + "}", encoding="utf-8")
    with pytest.raises(IngestError) as caught:
        read_sidecar(info)
    assert str(caught.value) == f"{info}: {reason}"


_TRACKS = CaptionTracks("en", frozenset({"en", "zh-Hans"}), frozenset({"en-orig", "en", "de", "de-en", "en-en"}))


def test_a_videos_captions_rank_its_language_then_manual_then_original_then_untranslated():
    codes = ["de-en", "de", "en-en", "en", "en-orig", "zh-Hans", "fr-orig"]
    ranked = sorted(codes, key=lambda code: caption_preference(code, _TRACKS, "en"))
    assert ranked == ["en", "en-orig", "en-en", "zh-Hans", "fr-orig", "de", "de-en"]


def test_one_caption_per_video_is_chosen_and_a_caption_with_a_broken_info_file_stays_in(tmp_path):
    (tmp_path / "Talk [Zx].info.json").write_text(
        '{"id": "Zx", "extractor_key": "Youtube", "language": "en", "subtitles": {}, "automatic_captions": {"en-orig": []}}',
        encoding="utf-8")
    (tmp_path / "Other [Zy].info.json").write_text('{"id": "Zy", "upload_date": "soon"}', encoding="utf-8")
    files = [tmp_path / name for name in ("Other [Zy].de.vtt", "Other [Zy].en.vtt", "Talk [Zx].de.vtt",
                                          "Talk [Zx].en-orig.vtt", "Talk [Zx].en.vtt")]
    for path in files:
        path.write_text("WEBVTT\n", encoding="utf-8")
    kept, choices = captions_chosen(batch_sidecars([tmp_path], files))
    assert kept == (*files[:2], files[3])
    assert choices == (CaptionChoice("Youtube:Zx", files[3], (files[2], files[4])),)
