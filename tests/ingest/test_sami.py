"""SAMI captions (.smi, .sami): one language's captions as timed turns, the file stored as it is."""
from pathlib import Path

import pytest

from claims.ingest.formats import detect, parse_source
from claims.ingest.markup import reading_text
from claims.ingest.pipeline import run
from claims.ingest.read import expand_paths

DATA = Path(__file__).resolve().parents[1] / "data"


def test_the_captions_of_the_main_language_are_timed_turns():
    text = (DATA / "radio_interview.smi").read_text(encoding="utf-8")
    assert detect(text) == "sami"
    annotated = run(text, source="radio_interview.smi")
    assert annotated.ok and annotated.format == "sami" and annotated.source_text == text
    assert annotated.metadata.title == "Morning Talk - Interview with a lighthouse keeper"
    names = {s.slug: s.name for s in annotated.speakers}
    said = [(text[t.start_char:t.end_char], names[t.speaker_slug], t.start_seconds) for t in annotated.turns]
    # English has more captions than Korean: the Korean paragraphs are its translation
    assert said == [
        ("Good morning, and welcome<br>\nto Morning Talk.", "Host", 1.2),
        ("You kept the light at Skerry Point<br>\nfor thirty years. Why stay so long?", "Host", 5.1),
        ("The sea never bored me.", "Keeper", 9.4),  # its <font> tags are not its words
        ("Storms &amp; all.", "Keeper", 12.0),
    ]


def test_the_later_stages_read_the_captions_words_only():
    text = (DATA / "radio_interview.smi").read_text(encoding="utf-8")
    reading = reading_text(text, "sami")
    assert len(reading) == len(text)
    assert not any(mark in reading for mark in ("SYNC", "<br>", "&nbsp;", "ENCC", "Arial", "모닝", "등대"))
    assert "Storms & all." in " ".join(reading.split())


def test_captions_written_with_closing_tags_in_one_block_per_language():
    text = ("<SAMI><HEAD><TITLE>t</TITLE></HEAD><BODY>\n"
            "<SYNC Start=2500><P Class=ENCC>Where did you grow up?</P></SYNC>\n"
            "<SYNC Start=5000><P Class=ENCC>In Busan, by the harbour.</P></SYNC>\n"
            "<SYNC Start=7000><P Class=ENCC>&nbsp;</P></SYNC>\n"
            "<SYNC Start=2500><P Class=KRCC>어디에서 자랐어요?</P></SYNC>\n"
            "</BODY></SAMI>\n")
    turns = parse_source(text, source="a.smi").turns
    assert [(text[t.start_char:t.end_char], t.start_seconds, t.end_seconds) for t in turns] == [
        ("Where did you grow up?", 2.5, 5.0), ("In Busan, by the harbour.", 5.0, 7.0)]


@pytest.mark.parametrize(
    "body, error",
    [
        ("<SYNC Start=1000><P Class=KRCC>하나\n<SYNC Start=><P Class=KRCC>둘\n", "a.smi:4: malformed SYNC tag '<SYNC Start=>': no Start in milliseconds"),
        ("<SYNC Start=5000><P Class=KRCC>하나\n<SYNC Start=1000><P Class=KRCC>둘\n",
         "a.smi:4: caption out of order: starts at 00:00:01.000, before the previous caption's start 00:00:05.000"),
    ],
)
def test_a_malformed_caption_is_refused_with_its_line(body, error):
    text = "<SAMI>\n<BODY>\n" + body + "</BODY></SAMI>\n"
    assert [str(e) for e in run(text, source="a.smi").errors] == [error]


def test_a_forced_sami_format_on_other_text_is_refused():
    parsed = parse_source("Maya: Hello there.\n", source="a.txt", fmt="sami")
    assert [str(e) for e in parsed.errors] == ["a.txt:1: not SAMI: no <SAMI> opening and no <SYNC Start=...> tag"]


def test_a_folder_reads_its_sami_files_not_its_smiles_files(tmp_path):
    (tmp_path / "episode.smi").write_text((DATA / "radio_interview.smi").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "ligands.smi").write_text("CC(=O)Oc1ccccc1C(=O)O aspirin\nCN1C=NC2=C1C(=O)N(C(=O)N2C)C caffeine\n")
    files, errors = expand_paths([tmp_path])
    assert not errors and [f.name for f in files] == ["episode.smi"]
