"""Horizon parsing: the words for when, resolved against the interview's published date."""
import datetime as dt

import pytest

from claims.ingest.horizon import find_horizon, future_markers

D = dt.date
DAY = D(2023, 3, 27)  # seed 001, day precision
YEAR = D(2023, 1, 1)  # seed 000, known only to the year


@pytest.mark.parametrize(
    "text, published, precision, words, start, end",
    [
        ("By 2030 it will be common", DAY, "day", "By 2030", D(2030, 1, 1), D(2030, 12, 31)),
        ("in 2024 revenues will be", DAY, "day", "in 2024", D(2024, 1, 1), D(2024, 12, 31)),
        ("in two years we will see", DAY, "day", "in two years", D(2025, 1, 1), D(2025, 12, 31)),
        ("in 5 years", YEAR, "year", "in 5 years", D(2028, 1, 1), D(2028, 12, 31)),
        ("still be with us two years from now", YEAR, "year", "two years from now", D(2025, 1, 1), D(2025, 12, 31)),
        ("Next year is going to be larger", DAY, "day", "Next year", D(2024, 1, 1), D(2024, 12, 31)),
        ("in the next three months", D(2020, 5, 8), "day", "in the next three months", D(2020, 5, 8), D(2020, 8, 8)),
        ("the next 30 years", D(2020, 5, 8), "day", "the next 30 years", D(2020, 5, 8), D(2050, 5, 8)),
        ("within a decade", DAY, "day", "within a decade", DAY, D(2033, 3, 27)),
        ("in a decade", DAY, "day", "in a decade", D(2033, 1, 1), D(2033, 12, 31)),
        ("in the 2030s", DAY, "day", "in the 2030s", D(2030, 1, 1), D(2039, 12, 31)),
        ("the 21st century, maybe the 22nd", D(2020, 5, 8), "day", "the 21st century", D(2020, 5, 8), D(2100, 12, 31)),
        ("a modest number of years", DAY, "day", "a modest number of years", D(2025, 1, 1), D(2028, 12, 31)),
        ("we will find out pretty soon", DAY, "day", "pretty soon", DAY, D(2025, 3, 27)),
        ("soon", YEAR, "year", "soon", D(2023, 1, 1), D(2025, 12, 31)),
        ("later this year", DAY, "day", "later this year", DAY, D(2023, 12, 31)),
        ("in twenty-five years", DAY, "day", "in twenty-five years", D(2048, 1, 1), D(2048, 12, 31)),
    ],
)
def test_horizons_resolve_against_the_published_date(text, published, precision, words, start, end):
    h = find_horizon(text, published=published, precision=precision)
    assert h is not None
    assert (h.text, h.target_start, h.target_end) == (words, start, end)
    assert text[h.start : h.end] == words


@pytest.mark.parametrize(
    "text, words",
    [
        ("maybe one day they'll make a comeback", "one day"),
        ("they'd be interested in the future", "in the future"),
        ("at some point you'll run out of hard problems", "at some point"),
        ("eventually we will get there", "eventually"),
    ],
)
def test_vague_horizons_keep_their_words_without_dates(text, words):
    h = find_horizon(text, published=DAY)
    assert (h.text, h.target_start, h.target_end) == (words, None, None)


def test_a_past_year_is_not_a_horizon():
    assert find_horizon("in 2012 AlexNet won ImageNet", published=DAY) is None


def test_no_time_words_no_horizon():
    assert find_horizon("Neural networks are circuits.", published=DAY) is None


def test_month_arithmetic_stays_inside_the_month():
    h = find_horizon("within one month", published=D(2024, 1, 31))
    assert h.target_end == D(2024, 2, 29)


def test_future_forms_are_detected():
    assert "will" in future_markers("Reliability will improve.")
    assert "going_to" in future_markers("It's going to be a significant setback.")
    assert "future_time" in future_markers("One day we will know.")
    assert "will" not in future_markers("Neural networks are circuits.")


@pytest.mark.parametrize("text", [
    # seed 001's caption-block breaks leave double spaces; caption cues cut a phrase across lines
    "So I expect at  some point you ask",
    "So I expect at\n\n   \nsome point you ask",
    "in  a few\nyears it will be done",
    "in twenty\nfive years",
])
def test_a_horizon_is_found_whatever_whitespace_separates_its_words(text):
    single = " ".join(text.split())
    h, expected = find_horizon(text, published=DAY), find_horizon(single, published=DAY)
    assert expected is not None and h is not None
    assert (h.text, h.target_start, h.target_end) == (expected.text, expected.target_start, expected.target_end)
    assert " ".join(text[h.start : h.end].split()) == h.text
