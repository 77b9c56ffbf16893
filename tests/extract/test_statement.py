"""Statements: cleaned, punctuated, capitalised, never with words the quote does not have."""
import re

import pytest

from claims.ingest.statement import casing_map, claim_type_of, clean_statement, is_hedged


@pytest.mark.parametrize(
    "quote, expected",
    [
        ("yeah so I I think that the um reinforcement learning step is is important",
         "I think that the reinforcement learning step is important."),
        ("For sure I would expect this to be something\u00a0\u00a0 they'd be interested in the future.",
         "For sure I would expect this to be something they'd be interested in the future."),
        ("uh you know i work at open Ai on gpt3 and", "I work at OpenAI on GPT-3."),
        ("Well, I mean, at some point, you'll probably run out of hard problems.",
         "At some point, you'll probably run out of hard problems."),
        ("[Music] neural networks are circuits", "Neural networks are circuits."),
    ],
)
def test_quotes_become_clean_sentences(quote, expected):
    assert clean_statement(quote) == expected


def test_unpunctuated_sentences_are_joined_into_one():
    quote = "I was born in Russia I grew up in Israel"
    assert clean_statement(quote, breaks=[20]) == "I was born in Russia; I grew up in Israel."


def test_stray_capitals_follow_the_interview_usage():
    text = "human feedback matters human feedback helps human beings and Human feedback"
    assert clean_statement("learning from Human feedback works", casing=casing_map(text)) == "Learning from human feedback works."


def test_cleaning_never_adds_words():
    quote = "so um the the model you know basically uh learns the the world model"
    words = set(re.findall(r"[a-z']+", quote.lower()))
    assert set(re.findall(r"[a-z']+", clean_statement(quote).lower())) <= words


def test_hedging_and_types():
    assert is_hedged("I think it will probably work")
    assert not is_hedged("Neural networks are circuits.")
    assert claim_type_of("I was born in Russia", future=False) == "biographical"
    assert claim_type_of("We should be careful", future=False) == "normative"
    assert claim_type_of("It will happen", future=True) == "prediction"
    assert claim_type_of("The model has 10 layers.", future=False) == "factual"
