"""whisper.cpp's LRC output (.lrc): timed lines, its ID tags no title; songs' lyrics left alone."""
from claims.ingest.pipeline import run
from claims.ingest.read import expand_paths


WHISPER_CPP_LRC = ("[by:whisper.cpp]\n[00:00.00]  Hello everyone, and welcome to the stream.\n"
                   "[00:09.00]  It has been three weeks since the last one.\n[00:19.00]  Today we talk about signals.\n")


def test_whisper_cpps_lrc_output_reads_as_timed_lines_its_tag_no_title():
    annotated = run(WHISPER_CPP_LRC, source="stream.lrc")
    assert annotated.ok and annotated.format == "timed_lines" and annotated.metadata.title == ""
    assert [t.start_seconds for t in annotated.turns] == [0.0, 9.0, 19.0]
    titled = run("[ti:Episode 3]\n[ar:Field Notes]\n" + WHISPER_CPP_LRC.split("\n", 1)[1], source="e.lrc")
    assert titled.metadata.title == "Episode 3"


def test_a_folder_reads_whisper_cpps_lrc_files_not_song_lyrics(tmp_path):
    (tmp_path / "stream.lrc").write_text(WHISPER_CPP_LRC, encoding="utf-8")
    (tmp_path / "song.lrc").write_text("[ti:A Song]\n[00:12.00]La la la\n[00:15.30]Under the sun\n[00:18.00]La la la\n", encoding="utf-8")
    files, errors = expand_paths([tmp_path])
    assert not errors and [f.name for f in files] == ["stream.lrc"]
