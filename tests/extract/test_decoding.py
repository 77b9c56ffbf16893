"""Density decoding, the keyword index and the token markers added for issue 5."""

import pytest

from claims.ingest.extract import (
    build_candidates, decode, marker_names, score, select, split_future, threshold_for_density, window_prediction_features,
    prediction_features, load_model,
)
from claims.ingest.horizon import future_markers, tokenize
from claims.ingest.records import Turn
from claims.ingest.segment import split_sentences
from claims.ingest.tag import KeywordIndex, TopicInfo, keyword_hits, tag_topics, tag_topics_at, topic_context

GUEST = (
    "I think neural networks generalize because they are big. Last year there was a lot of value. "
    "Next year is going to be larger. The reason is that compute keeps getting cheaper. "
    "I expect that reliability will improve. Deep learning is a form of circuit search. "
) * 5


def _case(text=GUEST):
    turns = (Turn(index=0, start_char=0, end_char=len(text.rstrip()), speaker_slug="guest-b"),)
    sentences = split_sentences(text, turns)
    candidates, infos = build_candidates(text, turns, sentences, roles={"guest-b": "guest"})
    model = load_model()
    scores = [score(model.claim_weights, c.features) for c in candidates]
    return text, candidates, infos, scores


def test_the_density_threshold_yields_the_asked_number_of_proposals():
    text, candidates, infos, scores = _case()
    words = sum(s.words for s in infos)
    for density in (30.0, 60.0, 120.0):
        t = threshold_for_density(candidates, scores, infos, words=words, density=density, min_budget=0)
        assert len(select(candidates, scores, threshold=t)) <= density * words / 1000
    few = threshold_for_density(candidates, scores, infos, words=words, density=30.0, min_budget=0)
    many = threshold_for_density(candidates, scores, infos, words=words, density=120.0, min_budget=0)
    assert few >= many


def test_the_density_threshold_never_goes_under_its_floor():
    _, candidates, infos, scores = _case()
    assert threshold_for_density(candidates, scores, infos, words=10_000, density=1000.0, floor=0.4) == 0.4


def test_future_sentences_are_cut_out_of_mixed_windows():
    text, candidates, infos, scores = _case()
    chosen = select(candidates, [1.0 if c.last - c.first == 3 else 0.0 for c in candidates], threshold=0.5)
    split = split_future(candidates, chosen, infos)
    quotes = [text[candidates[i].start_char : candidates[i].end_char] for i in split]
    assert "Next year is going to be larger." in quotes
    assert len(split) > len(chosen)
    assert decode(candidates, scores, infos, threshold=0.5, split=False) == select(candidates, scores, threshold=0.5)


def test_window_prediction_features_agree_with_the_quote_features():
    text, candidates, infos, _ = _case()
    for c in candidates[:30]:
        quote = text[c.start_char : c.end_char]
        assert set(window_prediction_features(infos, c.first, c.last, "guest")) == set(prediction_features(quote, "guest"))


@pytest.mark.parametrize(
    "sentence, marker",
    [
        ("We'll find out pretty soon.", "will"),
        ("It's gonna go really far.", "going_to"),
        ("I would not bet against cost functions.", "expect"),
        ("I'm sure we get that as well.", "expect"),
        ("By 2030 this changes.", "future_time"),
        ("It's quite likely that this paradigm ends.", "likely"),
        ("We used to think so.", "past"),
    ],
)
def test_future_cues(sentence, marker):
    assert marker in future_markers(sentence)


def test_going_to_a_place_is_not_the_future():
    assert "going_to" not in future_markers("I was going to the lab.")


def test_markers_are_matched_on_tokens():
    assert {"epistemic", "argument", "comparison", "number"} <= marker_names(tokenize("I think the reason is it's cheaper than 3.5 GPUs"))
    assert "filler" in marker_names(tokenize("Yeah, so that works"))
    assert "filler" not in marker_names(tokenize("So yeah that works"))


TAXONOMY = (
    TopicInfo("deep-learning", None, ("neural network", "neural networks")),
    TopicInfo("scaling", "deep-learning", ("compute", "bigger")),
    TopicInfo("alignment", None, ("alignment",)),
)


def test_the_keyword_index_finds_what_keyword_hits_finds():
    text = "Before: alignment matters. " * 50 + "Neural networks get better with compute, and bigger ones more so." + " After: compute." * 40
    start = text.index("Neural")
    end = text.index("so.") + 3
    index = KeywordIndex(text, TAXONOMY)
    assert index.hits(start, end) == keyword_hits(text[start:end].lower(), TAXONOMY)
    context = topic_context(text, start, end)
    assert {k: sorted(v) for k, v in index.context_hits(start, end).items()} == {
        k: sorted(v) for k, v in keyword_hits(context.lower(), TAXONOMY).items()}
    model = load_model().topics
    assert tag_topics_at(index, start, end, model=model) == tag_topics(text[start:end], context=context, model=model, taxonomy=TAXONOMY)
