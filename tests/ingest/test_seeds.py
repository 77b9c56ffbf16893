import datetime as dt
import json
from pathlib import Path

import pytest

from claims.ingest.formats import detect

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "key, fmt, slug, published, precision, link, duration",
    [
        ("000", "raw_captions", "eye-on-ai-ilya-sutskever", dt.date(2023, 1, 1), "year", "", None),
        ("001", "scraped_page", "lunar-society-ilya-sutskever", dt.date(2023, 3, 27), "day", "https://www.youtube.com/watch?v=Yf1o0TQzry8", 2861),
        ("002", "chaptered", "lex-fridman-podcast-94-ilya-sutskever", dt.date(2020, 5, 8), "day", "https://www.youtube.com/watch?v=13CZPWmke6A", None),
    ],
)
def test_each_seed_parses_with_its_format_and_metadata(seed_runs, key, fmt, slug, published, precision, link, duration):
    a = seed_runs[key]
    assert a.ok, a.errors
    assert a.format == fmt == detect(a.source_text)
    m = a.metadata
    assert (m.slug, m.published, m.published_precision, m.link, m.duration_seconds) == (slug, published, precision, link, duration)
    assert m.guests == ("Ilya Sutskever",)
    assert [s.role for s in a.speakers] == ["host", "guest"]


def test_seed_001_reads_the_page_and_keeps_comments_and_info_out_of_turns(seed_runs):
    a = seed_runs["001"]
    text = a.source_text
    assert a.metadata.title.startswith("Ilya Sutskever (OpenAI Chief Scientist) - Building AGI")
    assert (a.metadata.channel, a.metadata.video_id) == ("Dwarkesh Patel", "Yf1o0TQzry8")
    assert text[a.content_start :].startswith("Today I have the pleasure of\u00a0 interviewing Ilya Sutskever")
    assert text[: a.content_end].endswith("Yeah, I really enjoyed it. Thank you very much.")
    assert a.content_start > text.index("u/blueSGL") and a.content_end < text.index("Channel: Dwarkesh Patel")
    for t in a.turns:
        assert a.content_start <= t.start_char < t.end_char <= a.content_end
        assert "👍" not in text[t.start_char : t.end_char]


def test_seed_002_has_18_chapters_located_in_order_and_estimated_times_on_every_turn(seed_runs):
    a = seed_runs["002"]
    assert len(a.chapters) == 18
    assert (a.chapters[0].title, a.chapters[0].start_seconds) == ("Introduction", 0)
    assert (a.chapters[12].title, a.chapters[12].start_seconds) == ("GPT-2", 3635)
    assert (a.chapters[-1].title, a.chapters[-1].start_seconds) == ("Meaning of life", 5527)
    starts = [c.start_char for c in a.chapters]
    assert all(s is not None for s in starts) and starts == sorted(starts) and len(set(starts)) == 18
    assert a.chapters[0].start_char == a.source_text.index("The following is a conversation")
    assert all(t.start_seconds is not None and t.seconds_estimated for t in a.turns)
    times = [t.start_seconds for t in a.turns]
    assert times == sorted(times) and times[0] == 0.0 and 5527 < times[-1] < 6500
    chapter_turns = {c.start_char: c.start_seconds for c in a.chapters}
    for t in a.turns:
        if t.start_char in chapter_turns:
            assert t.start_seconds == pytest.approx(chapter_turns[t.start_char], abs=0.1)


def test_seed_000_has_no_times_and_seed_001_is_interpolated_up_to_its_length(seed_runs):
    assert all(t.start_seconds is None and not t.seconds_estimated for t in seed_runs["000"].turns)
    a = seed_runs["001"]
    assert a.turns[0].start_seconds == 0.0
    assert all(t.seconds_estimated and 0 <= t.start_seconds < 2861 for t in a.turns)


def test_seed_aliases_record_the_misspellings(seed_runs):
    guest = {k: next(s for s in a.speakers if s.role == "guest") for k, a in seed_runs.items()}
    assert guest["000"].aliases == ("Ilya switzerberger", "Elia", "Ilia", "Elio")
    assert guest["001"].aliases == ("Ilyar",)
    host = next(s for s in seed_runs["002"].speakers if s.role == "host")
    assert (host.slug, host.aliases) == ("lex-fridman", ("Lex Friedman",))


@pytest.mark.parametrize("key", ["000", "001", "002"])
def test_turns_and_sentences_are_slices_of_the_unaltered_source(seed_runs, key):
    a = seed_runs[key]
    raw = (ROOT / "seeds" / a.source_name.split("/")[-1]).read_bytes()
    assert a.source_text == raw.decode("utf-8")
    previous = -1
    for i, t in enumerate(a.turns):
        assert t.index == i and previous <= t.start_char < t.end_char <= len(a.source_text)
        piece = a.source_text[t.start_char : t.end_char]
        assert piece == piece.strip() and piece
        previous = t.end_char
    by_index = {t.index: t for t in a.turns}
    for s in a.sentences:
        t = by_index[s.turn_index]
        assert t.start_char <= s.start_char < s.end_char <= t.end_char


# Attribution against the hand-marked turns is measured leave-one-seed-out in test_attribution.py.


def test_gold_turns_are_well_formed():
    for path in sorted((ROOT / "tests" / "data" / "gold_turns").glob("*.json")):
        gold = json.loads(path.read_text())
        assert all(g["start_char"] < g["end_char"] for g in gold)
        assert all(a["end_char"] <= b["start_char"] for a, b in zip(gold, gold[1:]))
