"""markup.spoken_quote read from a window of whole lines equals the whole source's reading, on every
caption sample in tests/data (the proof the API's window read rests on)."""
import random
from pathlib import Path

import pytest

from claims.ingest.markup import LINE_READ_FORMATS, reading_text, spoken_quote, spoken_words

DATA = Path(__file__).resolve().parent.parent / "data"
FORMAT_OF = {".srt": "srt", ".vtt": "webvtt", ".sbv": "sbv", ".sub": "microdvd"}
SAMPLES = sorted(path for path in DATA.iterdir() if path.suffix in FORMAT_OF)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda path: path.name)
@pytest.mark.parametrize("crlf", [False, True])
def test_a_window_of_whole_lines_reads_as_the_whole_source(path, crlf):
    text = path.read_text(encoding="utf-8")
    text = text.replace("\n", "\r\n") if crlf else text
    rng = random.Random(path.name)
    read = 0
    for fmt in (FORMAT_OF[path.suffix], "timed_lines"):
        assert fmt in LINE_READ_FORMATS
        whole = reading_text(text, fmt)
        for _ in range(200):
            start = rng.randrange(len(text))
            end = rng.randrange(start, min(len(text), start + 300) + 1)
            margin = rng.choice([0, 5, 40, 100, 400])
            window_start = max(start - margin, 0)
            spoken = spoken_quote(text[start:end], fmt, start=start, end=end, window=text[window_start:end + margin],
                                  window_start=window_start, window_reaches_end=end + margin >= len(text))
            assert spoken in (None, spoken_words(whole, start, end)), (fmt, start, end, margin)
            read += spoken is not None
    assert read > 50  # most spans are read from their window, not left to the whole source


def test_formats_without_cue_lines_give_the_quotes_words():
    assert spoken_quote("We will\n  ship it.", "plain", start=0, end=17) == "We will ship it."
    assert spoken_quote("A [laughter] B", "labelled", start=0, end=14) == "A [laughter] B"


def test_ass_and_sami_and_a_missing_window_are_read_whole():
    assert spoken_quote("x", "ass", start=0, end=1, window="x", window_reaches_end=True) is None
    assert spoken_quote("x", "sami", start=0, end=1, window="x", window_reaches_end=True) is None
    assert spoken_quote("x", "srt", start=0, end=1) is None
