"""Many corrections in a row on real turns (seed 001's and 002's hand-marked turns, which leave some text
unmarked): after each, the turns still tile the same words, the stretch is its new speaker's, and
every other word keeps its speaker. Random stretches from a fixed seed, so a failure repeats."""
import json
import random
import re
from pathlib import Path

import pytest

from claims.corrections import CorrectionError, spoken_by, word_stretch
from claims.ingest.records import Turn

ROOT = Path(__file__).resolve().parents[1]
WORD = re.compile(r"\S+")


def speaker_of_words(text, turns):
    """{word start: speaker slug} for every word in a turn."""
    out = {}
    for t in turns:
        for m in WORD.finditer(text, t.start_char, t.end_char):
            out[m.start()] = t.speaker_slug
    return out


def check_tiling(text, turns):
    assert [t.index for t in turns] == list(range(len(turns)))
    for a, b in zip(turns, turns[1:]):
        assert a.end_char <= b.start_char
    for t in turns:
        assert t.start_char < t.end_char
        assert not text[t.start_char].isspace() and not text[t.end_char - 1].isspace()
    times = [t.start_seconds for t in turns if t.start_seconds is not None]
    assert times == sorted(times)


@pytest.mark.parametrize("seed_file, turns_file", [
    ("001_4ce4f833089e0e5e.txt", "001_turns.json"),
    ("002_a252ec61e314f82f.txt", "002a_turns.json"),
])
def test_two_hundred_corrections_in_a_row_keep_every_other_word_where_it_was(seed_file, turns_file):
    text = (ROOT / "seeds" / seed_file).read_bytes().decode("utf-8")
    marked = sorted(json.loads((ROOT / "curation" / turns_file).read_text()), key=lambda g: g["start_char"])
    turns = tuple(Turn(i, g["start_char"], g["end_char"], g["speaker"], 10.0 * i) for i, g in enumerate(marked))
    speakers = sorted({t.speaker_slug for t in turns})
    rng = random.Random(20261206)
    low, high = max(0, turns[0].start_char - 2000), turns[-1].end_char  # some stretches reach the text before
    made = refused = 0
    for _ in range(200):
        start = rng.randrange(low, high - 1)
        end = min(high, start + rng.choice((5, 40, 300, 3000)))
        slug = rng.choice(speakers)
        try:
            stretch = word_stretch(text, start, end)
        except CorrectionError:
            continue
        before = speaker_of_words(text, turns)
        try:
            after_turns = spoken_by(text, turns, stretch, slug)
        except CorrectionError as error:
            # refused only where the stretch holds words no turn covers
            assert any(stretch.start <= w < stretch.end for w in (m.start() for m in WORD.finditer(text, stretch.start, stretch.end))
                       if w not in before), str(error)
            refused += 1
            continue
        made += 1
        check_tiling(text, after_turns)
        after = speaker_of_words(text, after_turns)
        assert after.keys() == before.keys()  # the same words in turns, no more, no fewer
        for position, was in before.items():
            assert after[position] == (slug if stretch.start <= position < stretch.end else was)
        turns = after_turns
    assert made >= 100 and refused >= 3  # both paths taken
