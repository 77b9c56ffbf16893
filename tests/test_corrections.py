"""A curator's "this stretch is spoken by X", as a plain function on turn records (claims/corrections.py)."""
import pytest

from claims.corrections import CorrectionError, Stretch, spoken_by, word_stretch
from claims.ingest.records import Turn

# an unlabelled transcript as attribution left it: the guest's first answer begins inside the host's turn
TEXT = ("So what got you into this? Well I was curious early on. I read everything. "
        "And then what happened? Then I met my teacher.")
QUESTION_END = TEXT.index(" Well")
ANSWER = TEXT.index("Well")
SECOND_Q = TEXT.index("And then")
SECOND_A = TEXT.index("Then I met")


def turns(*spans):
    return [Turn(i, a, b, slug, seconds, estimated) for i, (a, b, slug, seconds, estimated) in enumerate(spans)]


WRONG = turns((0, TEXT.index(" I read"), "host", 0.0, False),          # host's question and the answer's first sentence
              (TEXT.index("I read"), SECOND_Q - 1, "guest", 10.0, False),
              (SECOND_Q, SECOND_A - 1, "host", 20.0, False),
              (SECOND_A, len(TEXT), "guest", 30.0, False))


def shape(result):
    return [(TEXT[t.start_char:t.end_char], t.speaker_slug, t.start_seconds, t.seconds_estimated) for t in result]


def test_a_stretch_cut_from_the_end_of_a_turn_joins_the_next_turn_of_its_speaker():
    stretch = word_stretch(TEXT, ANSWER, TEXT.index(" I read"))
    result = spoken_by(TEXT, WRONG, stretch, "guest")
    assert shape(result)[:2] == [
        ("So what got you into this?", "host", 0.0, False),
        ("Well I was curious early on. I read everything.", "guest", 4.8, True),  # 27 of the 56 characters to 10 s
    ]
    assert [t.index for t in result] == [0, 1, 2, 3]
    assert shape(result)[2:] == shape(WRONG)[2:]


def test_a_stretch_inside_a_turn_splits_it_in_three():
    inside = TEXT.index("I was curious")
    stretch = word_stretch(TEXT, inside, inside + len("I was curious"))
    result = spoken_by(TEXT, WRONG, stretch, "guest")
    assert shape(result)[:3] == [
        ("So what got you into this? Well", "host", 0.0, False),
        ("I was curious", "guest", 5.7, True),  # 32 / 56 x 10 s
        ("early on.", "host", 8.2, True),  # 46 / 56 x 10 s
    ]
    assert len(result) == len(WRONG) + 2


def test_the_selection_is_widened_to_whole_words_and_trimmed_of_spaces():
    inside_word = TEXT.index("urious")  # "c|urious early o|n."
    assert word_stretch(TEXT, inside_word, TEXT.index("n. I read")) == Stretch(TEXT.index("curious"), TEXT.index(" I read"))
    assert word_stretch(TEXT, QUESTION_END, ANSWER + 4) == Stretch(ANSWER, ANSWER + 4)


@pytest.mark.parametrize("start, end, message", [
    (QUESTION_END, QUESTION_END + 1, "holds no words"),
    (10, 5, "not inside the transcript"),
    (0, len(TEXT) + 1, "not inside the transcript"),
])
def test_a_selection_that_names_no_words_is_refused(start, end, message):
    with pytest.raises(CorrectionError, match=message):
        word_stretch(TEXT, start, end)


def test_a_stretch_outside_the_turns_is_refused_in_one_line():
    page = "Subscribe for more!\n" + TEXT
    shifted = [Turn(t.index, t.start_char + 20, t.end_char + 20, t.speaker_slug) for t in WRONG]
    with pytest.raises(CorrectionError, match=r"^The range 0-31 runs outside the transcript's turns \(11 of its 31 characters are in a turn\)\.$"):
        spoken_by(page, shifted, word_stretch(page, 0, 31), "guest")


def test_untimed_turns_stay_untimed_and_the_last_turn_is_timed_by_the_recording_length():
    untimed = [Turn(t.index, t.start_char, t.end_char, t.speaker_slug) for t in WRONG]
    stretch = word_stretch(TEXT, ANSWER, TEXT.index(" I read"))
    assert all(t.start_seconds is None for t in spoken_by(TEXT, untimed, stretch, "guest"))
    met = TEXT.index("I met")
    last = spoken_by(TEXT, WRONG, word_stretch(TEXT, met, len(TEXT)), "host", duration=50)
    assert shape(last)[-2:] == [("Then", "guest", 30.0, False), ("I met my teacher.", "host", 34.5, True)]  # 5 of 22 characters to 50 s
    assert shape(spoken_by(TEXT, WRONG, word_stretch(TEXT, met, len(TEXT)), "host"))[-1][2:] == (None, False)


def test_a_stretch_over_several_turns_becomes_one_turn():
    result = spoken_by(TEXT, WRONG, word_stretch(TEXT, 0, SECOND_A - 1), "host")
    assert shape(result) == [(TEXT[:SECOND_A - 1], "host", 0.0, False), ("Then I met my teacher.", "guest", 30.0, False)]
