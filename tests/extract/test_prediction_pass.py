"""The prediction pass and the horizon of a window: short future sentences and answers to
questions about the future are proposed as predictions, with the main horizon."""
import datetime as dt
from dataclasses import replace

from claims.ingest.extract import (
    build_candidates, decode, extract_claims, load_model, propose_predictions, window_horizon,
)
from claims.ingest.records import Turn
from claims.ingest.segment import split_sentences


def _interview(host: str, guest: str):
    text = host + "\n" + guest + "\n"
    cut = len(host) + 1
    turns = (Turn(index=0, start_char=0, end_char=len(host), speaker_slug="host"),
             Turn(index=1, start_char=cut, end_char=cut + len(guest), speaker_slug="guest"))
    return text, turns, split_sentences(text, turns)


ROLES = {"host": "host", "guest": "guest"}


def test_a_one_word_answer_to_a_question_about_the_future_is_a_prediction_with_its_question():
    text, turns, sentences = _interview("Do you think bigger models will continue to show better results in language?",
                                        "Probably. Last year we trained a small model on books.")
    _, infos = build_candidates(text, turns, sentences, roles=ROLES, max_sentences=1)
    answer = next(s for s in infos if text[s.start : s.end] == "Probably.")
    assert answer.future_question
    model = replace(load_model(), prediction_density=500.0, prediction_pass_threshold=0.0, density=0.0, threshold=0.99)
    proposals = extract_claims(text, turns, sentences, model=model, roles=ROLES)
    (p,) = [p for p in proposals if p.quote == "Probably."]
    assert p.prediction is not None and p.claim_type == "prediction"
    assert "bigger models will continue to show better results" in p.prediction.predicted
    assert p.speaker_slug == "guest"


def test_the_pass_cuts_a_future_sentence_out_of_a_window_and_keeps_windows_apart():
    text, turns, sentences = _interview(
        "How has the economic value of these models changed?",
        "Last year there was a fair amount of economic value produced by AI. Next year is going to be larger and larger "
        "after that. We measured it in several ways.")
    model = load_model()
    candidates, infos = build_candidates(text, turns, sentences, roles=ROLES, weights=model.claim_weights)
    scores = [c.score for c in candidates]
    whole = [i for i, c in enumerate(candidates) if c.turn == 1 and c.first == 1 and c.last == 4]
    chosen, forced = propose_predictions(candidates, whole, infos, lambda i: 0.9, budget=2, threshold=0.5)
    spans = [(candidates[i].start_char, candidates[i].end_char) for i in chosen]
    assert [text[a:b] for a, b in spans] == [
        "Last year there was a fair amount of economic value produced by AI.",
        "Next year is going to be larger and larger after that.", "We measured it in several ways."]
    assert [text[candidates[i].start_char : candidates[i].end_char] for i in forced] == [
        "Next year is going to be larger and larger after that."]
    assert all(b <= a2 for (_, b), (a2, _) in zip(spans, spans[1:]))
    # no budget, no change
    assert propose_predictions(candidates, whole, infos, lambda i: 0.9, budget=0, threshold=0.5) == (whole, set())
    assert decode(candidates, scores, infos, threshold=1.0) == []


def test_the_horizon_of_a_window_is_the_first_predicted_sentences_not_the_most_specific_rule():
    host = "What do you expect?"
    guest = ("I expect that within five years we will have robots that can do many chores. "
             "Fully general household robots will probably take until 2035 or later.")
    text, turns, sentences = _interview(host, guest)
    _, infos = build_candidates(text, turns, sentences, roles=ROLES, max_sentences=1)
    first = next(n for n, s in enumerate(infos) if s.turn == 1 and s.position == 0)
    h = window_horizon(text, infos, first, first + 2, published=dt.date(2023, 3, 27))
    assert h.text == "within five years"
    assert (h.target_start, h.target_end) == (dt.date(2023, 3, 27), dt.date(2028, 3, 27))
    # each predicted sentence alone keeps its own horizon
    assert window_horizon(text, infos, first + 1, first + 2, published=dt.date(2023, 3, 27)).text == "until 2035"


def test_a_past_sentence_gives_way_to_the_future_one_for_the_horizon():
    text, turns, sentences = _interview("And then?", "Back in 2012 we had AlexNet. By 2030 it will be common.")
    _, infos = build_candidates(text, turns, sentences, roles=ROLES, max_sentences=1)
    first = next(n for n, s in enumerate(infos) if s.turn == 1)
    assert window_horizon(text, infos, first, first + 2).text == "By 2030"


def test_short_answers_are_recognised_only_after_a_question_about_the_future():
    from claims.ingest.extract import is_short_answer

    for host, guest, expected in [
        ("Do you think recurrence will make a comeback?", "Definitely.", True),
        ("Do you think recurrence will make a comeback?", "I think so.", True),
        ("Did recurrence work in 2015?", "Definitely.", False),  # the past: no future frame to inherit
        ("Do you think recurrence will make a comeback?", "Recurrent networks are hard to train on long text.", False),
    ]:
        text, turns, sentences = _interview(host, guest)
        _, infos = build_candidates(text, turns, sentences, roles=ROLES, max_sentences=1)
        answer = next(s for s in infos if s.turn == 1 and s.position == 0)
        assert is_short_answer(text, answer) is expected, guest


def test_a_pass_that_proposes_nothing_changes_nothing():
    text, turns, sentences = _interview("What do you see?", "I see a network. It learns. It generalises well.")
    base = replace(load_model(), prediction_density=0.0)
    assert extract_claims(text, turns, sentences, model=base, roles=ROLES) == extract_claims(
        text, turns, sentences, model=replace(base, prediction_density=5.0, prediction_pass_threshold=1.01), roles=ROLES)
