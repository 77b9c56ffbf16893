"""Broadcast captions in Scenarist's SCC (CEA-608 byte pairs in hex): decoded into timed lines."""
from pathlib import Path

import pytest

from claims.ingest.pipeline import run
from claims.ingest.scc_transcript import scc_document

DATA = Path(__file__).resolve().parents[1] / "data"


def test_pop_on_and_roll_up_captions_are_decoded_into_timed_lines():
    annotated = run((DATA / "broadcast.scc").read_text(encoding="utf-8"), source="broadcast.scc")
    assert annotated.ok and annotated.format == "timed_lines" and annotated.container == "scc"
    assert annotated.source_text.splitlines() == [
        "[00:00:01.001] Welcome back to the show. Today we talk robots.",  # two rows of one pop-on caption
        "[00:00:05.005] ♪ music ♪",  # special characters, each sent twice
        "[00:01:00.067] What do you think of them?",  # a roll-up row sent in two parts; drop-frame times
        "[00:01:02.333] I think they are coming.",
    ]
    assert "94ae" not in annotated.source_text


@pytest.mark.parametrize(
    "text, error",
    [
        ("Scenarist_SCC V1.0\n\n00:00:01:00\t94ae zz\n", "a.scc:3: SCC line that is not a timecode and hex byte pairs: '00:00:01:00\\t94ae zz'"),
        ("Scenarist_SCC V1.0\n\n00:00:01:00\t942c 942c\n", "a.scc: transcript has no text in its segments"),
    ],
)
def test_an_scc_file_without_readable_captions_is_refused_with_one_line(text, error):
    assert [str(e) for e in run(text, source="a.scc").errors] == [error]


def test_a_text_without_the_scc_header_is_left_to_the_other_formats():
    assert scc_document("00:00:01:00\t94ae 94ae\n", source="a.txt") is None
