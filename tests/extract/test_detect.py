"""Detection on small hand-written transcripts, with the shipped model."""
import datetime as dt

from claims.ingest.extract import ProposedClaim, extract_claims, load_model
from claims.ingest.records import Turn
from claims.ingest.segment import split_sentences
from claims.ingest.tag import TopicInfo

HOST_Q = "Thanks for coming on the show. What do you think happens next with language models?"
GUEST_A = (
    "Yeah. I think the reason these models work is that predicting the next token well requires real understanding. "
    "I expect that by 2030 reliability will be much better than it is today. Thank you."
)
TAXONOMY = (
    TopicInfo("language-models", None, ("language model", "gpt")),
    TopicInfo("next-token-prediction", "language-models", ("next token", "predict the next")),
    TopicInfo("reliability-and-hallucination", "language-models", ("reliable", "reliability")),
    TopicInfo("biography", None, ("born",)),
)


def _run(text_parts, speakers, **kw):
    text, turns = "", []
    for i, (part, who) in enumerate(zip(text_parts, speakers)):
        if text:
            text += "\n"
        start = len(text)
        text += part
        turns.append(Turn(index=i, start_char=start, end_char=len(text), speaker_slug=who))
    sentences = split_sentences(text, turns)
    roles = {"host-a": "host", "guest-b": "guest"}
    return text, extract_claims(text, turns, sentences, published=dt.date(2023, 3, 27), precision="day",
                                roles=roles, taxonomy=TAXONOMY, **kw)


def test_claims_come_from_the_answer_not_the_question():
    text, proposals = _run([HOST_Q, GUEST_A], ["host-a", "guest-b"])
    assert proposals
    assert all(isinstance(p, ProposedClaim) for p in proposals)
    assert all(text[p.start_char : p.end_char] == p.quote for p in proposals)
    quotes = " ".join(p.quote for p in proposals)
    assert "the reason these models work" in quotes
    assert "What do you think" not in quotes
    assert all(p.speaker_slug == "guest-b" for p in proposals)


def test_a_statement_about_the_future_gets_a_prediction_with_its_horizon():
    _, proposals = _run([HOST_Q, GUEST_A], ["host-a", "guest-b"])
    future = [p for p in proposals if "2030" in p.quote]
    assert future and future[0].prediction is not None
    assert future[0].claim_type == "prediction"
    assert future[0].prediction.horizon == "by 2030"
    assert future[0].prediction.target_end == dt.date(2030, 12, 31)


def test_topics_come_from_the_taxonomy():
    _, proposals = _run([HOST_Q, GUEST_A], ["host-a", "guest-b"])
    for p in proposals:
        assert 1 <= len(p.topics) <= 3
        assert set(p.topics) <= {t.slug for t in TAXONOMY}


def test_proposals_never_overlap_and_lower_thresholds_give_more():
    _, few = _run([HOST_Q, GUEST_A], ["host-a", "guest-b"], threshold=0.9)
    _, many = _run([HOST_Q, GUEST_A], ["host-a", "guest-b"], threshold=0.05)
    assert len(few) <= len(many)
    spans = sorted((p.start_char, p.end_char) for p in many)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_unpunctuated_text_is_handled():
    raw = ("what do you think about scaling "
           "i think that if you make the neural network bigger and train it on more data it will get better "
           "and the reason is that the model learns more of the structure of the world")
    text, proposals = _run([raw], ["guest-b"], threshold=0.2)
    assert proposals
    for p in proposals:
        assert p.statement[0].isupper() and p.statement[-1] in ".?!…"


def test_pleasantries_and_ads_score_below_claims():
    model = load_model()
    _, low = _run(["Thank you so much. Subscribe on YouTube and use code LEX."], ["guest-b"], threshold=0.0)
    _, high = _run(["I think the reason deep learning works is that big neural networks can be trained."], ["guest-b"], threshold=0.0)
    assert max(p.score for p in high) > max(p.score for p in low)
    assert model.threshold > 0 or model.threshold_floor > 0
