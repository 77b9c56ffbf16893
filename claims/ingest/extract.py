"""Claim extraction: source text, attributed turns and sentences in, proposed claims out.

Candidates are windows of 1 to `max_sentences` consecutive sentences inside one turn. A small
logistic model (weights in claim_model.json, trained on the curated sheets by
`claims.evaluation`) scores each window from its words' evidence: epistemic and argumentative
markers ("I think", "the reason is"), definitions, comparisons, numbers, named entities, future
and modal forms, against questions, pleasantries, sponsor reads and filler; plus its length, its
position in the turn, whether the turn before asked a question, and whether host or guest
speaks. Decoding keeps the best-scoring windows above the threshold that do not overlap, so
proposals never share text. Each proposal then gets its speaker (from its turn), a statement,
hedging, a type, topics and, when it speaks about the future, a prediction with its horizon.

Everything is linear in the number of sentences; nothing here imports Django.
"""
from __future__ import annotations

import bisect
import datetime as dt
import json
import math
import random
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from .horizon import find_horizon, future_markers
from .records import Sentence, Turn
from .statement import casing_map, claim_type_of, clean_statement, is_hedged
from .tag import TopicModel, TopicInfo, tag_topics, topic_context

MODEL_PATH = Path(__file__).with_name("claim_model.json")

HOST, GUEST = "host", "guest"


@dataclass(frozen=True)
class ProposedPrediction:
    """What a proposed prediction claim says will happen, and the horizon as said and as dates."""

    predicted: str
    horizon: str = ""
    target_start: dt.date | None = None
    target_end: dt.date | None = None


@dataclass(frozen=True)
class ProposedClaim:
    """One proposal: a span of the source, who says it, and the annotations the extractor gives it."""

    start_char: int
    end_char: int
    quote: str
    speaker_slug: str | None
    score: float
    statement: str
    topics: tuple[str, ...] = ()
    claim_type: str = "opinion"
    hedged: bool = False
    prediction: ProposedPrediction | None = None
    prediction_score: float = 0.0


# --- features ---------------------------------------------------------------------------------

_MARKERS = {
    "epistemic": r"\b(?:i think|i believe|i claim|i'd claim|i would claim|my view|in my view|in my opinion|i would say|i'd say|i feel|i'm confident|i am confident|i'm sure|i suspect|my guess|my sense|i'd argue|i would argue|i'm quite|i really think|i don't think|i do think)\b",
    "argument": r"\b(?:the reason|because|therefore|which means|that means|this means|so that|the point is|the thing is|it turns out|in other words|the key|the answer is|the idea is|the problem is|the question is whether|the fact that|that's why|this is why|which is why|as a result|it follows)\b",
    "definition": r"\b(?:is a kind of|is a form of|is defined|is called|what it means|means that|is essentially|is basically|is nothing but|is just|refers to|the definition)\b",
    "comparison": r"\b(?:more than|less than|better than|worse than|bigger than|smaller than|faster than|compared to|compared with|similar to|different from|the same as|as good as|rather than|unlike|\w+er than|much more|far more|the most|the best|superior|inferior)\b",
    "number": r"\b(?:\d[\d,.]*%?|one hundred|thousand|million|billion|trillion|percent|twice|ten times|hundred)\b",
    "causal": r"\b(?:leads to|lead to|causes|allows|enable|enables|requires|require|depends on|results in|makes it|made it)\b",
    "generic": r"\b(?:always|never|every|all|any|fundamental|fundamentally|in general|generally|in principle|essentially|the whole|all of|nothing)\b",
    "evaluative": r"\b(?:important|interesting|beautiful|amazing|remarkable|incredible|surprising|profound|hard|difficult|easy|powerful|impressive|huge|significant|crucial|key|wrong|right|true|false|obvious|clear|unclear)\b",
    "negation": r"\b(?:not|no|never|don't|doesn't|isn't|aren't|can't|cannot|won't|wasn't)\b",
    "biographical": r"\b(?:i was|i grew|i studied|i moved|i joined|i remember|my phd|when i was|i started|i worked|i went|we did|we were|we had|we found|we trained|at openai|at google)\b",
    "normative": r"\b(?:should|ought to|must|need to|needs to|have to|has to|it's important|we want)\b",
    "domain": r"\b(?:neural|network|networks|model|models|learning|data|compute|gpt|ai|agi|brain|intelligence|training|trained|language|transformer|reinforcement|algorithm|reasoning|understanding|alignment|superintelligence|scale|scaling|gpu|gpus|deep)\b",
    "pleasantry": r"\b(?:thank you|thanks|welcome|great to|pleasure|nice to|good to see|appreciate|congratulations|cheers|bye)\b",
    "ad": r"\b(?:sponsor|sponsored|use code|promo|subscribe|patreon|podcast|episode|app store|apple podcasts?|youtube|twitter|review it|five stars|cash app|download|listener|listeners|newsletter)\b",
    "filler": r"^(?:yeah|yes|no|right|okay|ok|sure|exactly|absolutely|definitely|uh|um|mhm|wow|cool|great|good|interesting|i see|got it|of course|indeed|true|totally|amazing|fascinating)\W*(?:\s|$)",
    "host_move": r"\b(?:let me ask|i want to ask|i wanted to ask|can you talk|can you tell|tell me|let's talk|talk about|my question|final question|last question|first question|what do you think|do you think|how do you|you said|you mentioned|your view|your work|you were|i'm curious|i wonder)\b",
    "second_person": r"\b(?:you|your|you're|you've|yourself)\b",
    "first_singular": r"\b(?:i|i'm|i've|i'd|me|my|myself)\b",
    "first_plural": r"\b(?:we|we're|we've|our|us)\b",
    "discourse_start": r"^(?:so|and|but|because|or|well|now|then|also|which|that)\b",
}
_MARKER_RES = [(name, re.compile(p)) for name, p in _MARKERS.items()]  # applied to lower-cased text: re.I is slow
_QUESTION_OPENERS = re.compile(
    r"^(?:do|does|did|can|could|would|will|are|is|was|were|have|has|should|what|what's|why|how|when|where|which|who|isn't|aren't|don't)\b",
    re.I,
)
_ENTITY = re.compile(r"(?<=[a-z,;] )[A-Z][a-zA-Z]+|\b[A-Z]{2,}\b|\b[A-Z][a-z]+[A-Z]\w*")
_WORDS = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
_STOP = frozenset(
    "the a an and or but of to in on at for with by from as is are was were be been being it its it's this that these those "
    "i you he she we they me him her us them my your his our their so then there here what which who whom whose do does "
    "did have has had not no yes yeah just like really very can could would will should may might must shall if because "
    "about into out up down over than too also only some any all more most other such own same s t don't i'm that's "
    "there's it’s i’m that’s don’t you're we're they're i've we've i'd um uh know think mean".split()
)
_LEN_BUCKETS = (3, 6, 10, 15, 22, 32, 45, 65, 90, 130)


def _bucket(n: int, edges: Sequence[int] = _LEN_BUCKETS) -> int:
    return bisect.bisect_left(edges, n)


@dataclass(frozen=True)
class _SentenceInfo:
    start: int
    end: int
    turn: int  # index into the turns sequence
    position: int  # index of the sentence within its turn
    words: int
    question: bool
    features: frozenset
    future: tuple


def sentence_features(s: str, *, punctuated: bool) -> tuple[frozenset, bool, int, tuple]:
    """One sentence's text in, (feature names, is a question, word count, future markers) out."""
    low = s.lower().replace("’", "'")
    words = _WORDS.findall(low)
    n = len(words)
    stripped = s.rstrip(" \"'”’)]")
    question = stripped.endswith("?") if punctuated else bool(n >= 3 and _QUESTION_OPENERS.match(low))
    feats = set()
    for name, pattern in _MARKER_RES:
        if pattern.search(low):
            feats.add("m:" + name)
    if question:
        feats.add("q")
    if punctuated and _ENTITY.search(s):
        feats.add("entity")
    fut = future_markers(low, lowered=True)
    for name in fut:
        feats.add("f:" + name)
    feats.add("len:%d" % _bucket(n))
    if n <= 4:
        feats.add("short")
    if any(w.isdigit() for w in words):
        feats.add("digit")
    for w in words:
        if w not in _STOP and len(w) > 2:
            feats.add("w:" + w)
    return frozenset(feats), question, n, fut


def _window_features(infos: Sequence[_SentenceInfo], i: int, j: int, role: str, prev_question: bool, turn_words: int) -> list[str]:
    """Features of the window of sentences infos[i:j] (one turn)."""
    first = infos[i]
    k = j - i
    words = sum(s.words for s in infos[i:j])
    feats = ["bias", "k=%d" % k, "role=" + role, "wlen:%d" % _bucket(words), "role_k=%s%d" % (role, k)]
    union: set = set()
    lex: set = set()
    for s in infos[i:j]:
        for f in s.features:
            (lex if f[0] == "w" else union).add(f)
    feats.extend("a:" + f for f in union if not f.startswith("len:"))
    feats.extend(lex)
    feats.extend("s:" + f for f in first.features if f.startswith(("m:", "q", "short", "len:")))
    last = infos[j - 1]
    if last.question:
        feats.append("last_q")
    questions = sum(1 for s in infos[i:j] if s.question)
    if questions:
        feats.append("nq=%d" % min(questions, 2))
    feats.append("pos=%d" % min(first.position, 3))
    feats.append("tlen:%d" % _bucket(turn_words))
    if prev_question:
        feats.append("prev_q")
    if first.position == 0:
        feats.append("turn_start_" + role)
    return feats


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def train_logistic(
    examples: Sequence[tuple[Sequence[str], float]], *, epochs: int = 12, rate: float = 0.3, l2: float = 1e-4,
    seed: int = 0, positive_weight: float = 1.0, keep: float = 0.005,
) -> dict[str, float]:
    """(features, 0/1 label) examples in, logistic-regression weights out (AdaGrad, L2, pure Python)."""
    w: dict[str, float] = {}
    g2: dict[str, float] = {}
    order = list(range(len(examples)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for idx in order:
            feats, y = examples[idx]
            p = _sigmoid(sum(w.get(f, 0.0) for f in feats))
            grad = (p - y) * (positive_weight if y > 0.5 else 1.0)
            for f in feats:
                old = w.get(f, 0.0)
                g = grad + l2 * old
                acc = g2.get(f, 1e-8) + g * g
                g2[f] = acc
                w[f] = old - rate * g / math.sqrt(acc)
    return {f: round(v, 4) for f, v in w.items() if abs(v) >= keep}


# --- the model --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClaimModel:
    """Weights of the window scorer and the prediction detector, thresholds, and the topic model."""

    claim_weights: Mapping[str, float]
    prediction_weights: Mapping[str, float]
    threshold: float = 0.5
    prediction_threshold: float = 0.5
    max_sentences: int = 3
    decode: str = "tile"
    topics: TopicModel = field(default_factory=TopicModel)
    info: Mapping = field(default_factory=dict)

    def to_json(self) -> dict:
        return {
            "info": dict(self.info),
            "threshold": self.threshold,
            "prediction_threshold": self.prediction_threshold,
            "max_sentences": self.max_sentences,
            "decode": self.decode,
            "claim_weights": dict(sorted(self.claim_weights.items())),
            "prediction_weights": dict(sorted(self.prediction_weights.items())),
            "topics": self.topics.to_json(),
        }

    @classmethod
    def from_json(cls, data: Mapping) -> "ClaimModel":
        return cls(
            claim_weights=data["claim_weights"], prediction_weights=data["prediction_weights"],
            threshold=data.get("threshold", 0.5), prediction_threshold=data.get("prediction_threshold", 0.5),
            max_sentences=data.get("max_sentences", 3), decode=data.get("decode", "tile"), topics=TopicModel.from_json(data.get("topics", {})),
            info=data.get("info", {}),
        )


@lru_cache(maxsize=1)
def load_model(path: str | None = None) -> ClaimModel:
    """The shipped model (claim_model.json next to this file) or the one at `path`."""
    p = Path(path) if path else MODEL_PATH
    return ClaimModel.from_json(json.loads(p.read_text(encoding="utf-8")))


# --- candidates -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """A window of sentences [first, last) of one turn, as a span, with its features."""

    start_char: int
    end_char: int
    turn: int
    first: int
    last: int
    features: tuple


def _is_punctuated(text: str, sentences: Sequence[Sentence]) -> bool:
    ends = sum(1 for s in sentences[:400] if text[s.end_char - 1 : s.end_char] in ".?!…\"”’)")
    return bool(sentences) and ends >= 0.5 * min(len(sentences), 400)


def guess_roles(text: str, turns: Sequence[Turn]) -> dict[str, str]:
    """When participation is unknown: the speaker with the most words is the guest, the others hosts."""
    words: dict[str, int] = {}
    for t in turns:
        if t.speaker_slug:
            words[t.speaker_slug] = words.get(t.speaker_slug, 0) + text.count(" ", t.start_char, t.end_char) + 1
    if not words:
        return {}
    guest = max(words, key=words.get)
    return {slug: GUEST if slug == guest else HOST for slug in words}


def build_candidates(
    text: str, turns: Sequence[Turn], sentences: Sequence[Sentence], *, roles: Mapping[str, str] | None = None,
    max_sentences: int = 3, punctuated: bool | None = None,
) -> tuple[list[Candidate], list[_SentenceInfo]]:
    """All windows of 1..max_sentences sentences within a turn, with features, and the sentence infos."""
    if punctuated is None:
        punctuated = _is_punctuated(text, sentences)
    roles = roles if roles is not None else guess_roles(text, turns)
    turn_pos = {t.index: k for k, t in enumerate(turns)}
    by_turn: dict[int, list[Sentence]] = {}
    for s in sentences:
        k = turn_pos.get(s.turn_index)
        if k is not None:
            by_turn.setdefault(k, []).append(s)
    infos: list[_SentenceInfo] = []
    candidates: list[Candidate] = []
    prev_question = False
    prev_turn_k = None
    for k in sorted(by_turn):
        sents = by_turn[k]
        turn = turns[k]
        role = roles.get(turn.speaker_slug or "", GUEST)
        base = len(infos)
        for pos, s in enumerate(sents):
            feats, question, n, fut = sentence_features(text[s.start_char : s.end_char], punctuated=punctuated)
            infos.append(_SentenceInfo(s.start_char, s.end_char, k, pos, n, question, feats, fut))
        turn_infos = infos[base:]
        turn_words = sum(s.words for s in turn_infos)
        if prev_turn_k is not None and prev_turn_k != k:
            prev_turn_question = any(s.question for s in infos[max(0, base - 2) : base])
        else:
            prev_turn_question = False
        for i in range(len(turn_infos)):
            prev_q = turn_infos[i - 1].question if i > 0 else prev_turn_question
            for j in range(i + 1, min(i + max_sentences, len(turn_infos)) + 1):
                feats = _window_features(turn_infos, i, j, role, prev_q, turn_words)
                candidates.append(Candidate(turn_infos[i].start, turn_infos[j - 1].end, k, base + i, base + j, tuple(feats)))
        prev_turn_k = k
        prev_question = turn_infos[-1].question if turn_infos else prev_question
    return candidates, infos


def score(weights: Mapping[str, float], features: Iterable[str]) -> float:
    return _sigmoid(sum(weights.get(f, 0.0) for f in features))


def select(candidates: Sequence[Candidate], scores: Sequence[float], *, threshold: float, mode: str = "tile") -> list[int]:
    """Non-overlapping windows to propose, as candidate indices in text order.

    "tile" (the default): per turn, the set of non-overlapping windows that maximises the sum
    of (score - threshold), by dynamic programming over sentences; a long window that spans
    two claims loses to the two windows that each hold one. "greedy": best-scoring windows
    first, each kept if it overlaps none kept.
    """
    if mode == "greedy":
        return _select_greedy(candidates, scores, threshold=threshold)
    by_end: dict[int, list[int]] = {}
    lo = None
    hi = 0
    for i, c in enumerate(candidates):
        if scores[i] > threshold:
            by_end.setdefault(c.last, []).append(i)
        lo = c.first if lo is None else min(lo, c.first)
        hi = max(hi, c.last)
    if lo is None:
        return []
    # best[n]: best total over sentences [lo, n); windows never cross turns, so one pass suffices
    best = [0.0] * (hi - lo + 1)
    back: list[int] = [-1] * (hi - lo + 1)
    for n in range(lo + 1, hi + 1):
        best[n - lo] = best[n - 1 - lo]
        back[n - lo] = -1
        for i in by_end.get(n, ()):
            v = best[candidates[i].first - lo] + scores[i] - threshold
            if v > best[n - lo]:
                best[n - lo] = v
                back[n - lo] = i
    chosen = []
    n = hi
    while n > lo:
        i = back[n - lo]
        if i < 0:
            n -= 1
        else:
            chosen.append(i)
            n = candidates[i].first
    return sorted(chosen, key=lambda i: candidates[i].start_char)


def _select_greedy(candidates: Sequence[Candidate], scores: Sequence[float], *, threshold: float) -> list[int]:
    order = sorted((i for i, p in enumerate(scores) if p >= threshold), key=lambda i: (-scores[i], candidates[i].start_char))
    taken: list[tuple[int, int]] = []  # sorted, disjoint spans
    starts: list[int] = []
    chosen = []
    for i in order:
        c = candidates[i]
        pos = bisect.bisect_left(starts, c.start_char)
        if pos > 0 and taken[pos - 1][1] > c.start_char:
            continue
        if pos < len(taken) and taken[pos][0] < c.end_char:
            continue
        taken.insert(pos, (c.start_char, c.end_char))
        starts.insert(pos, c.start_char)
        chosen.append(i)
    return sorted(chosen, key=lambda i: candidates[i].start_char)


def prediction_features(quote: str, role: str) -> list[str]:
    """Features of a quote for the prediction detector: future forms, horizons, hedges, past forms."""
    feats = ["bias", "role=" + role]
    fut = future_markers(quote)
    feats.extend("f:" + f for f in fut)
    if "will" in fut or "going_to" in fut:
        feats.append("future_form")
        if "past" in fut:
            feats.append("future_and_past")
    if find_horizon(quote) is not None:
        feats.append("horizon")
    low = quote.lower()
    for name, pattern in _MARKER_RES:
        if name in ("epistemic", "normative", "biographical", "argument", "definition", "filler", "second_person", "first_singular", "first_plural") and pattern.search(low):
            feats.append("m:" + name)
    if quote.rstrip().endswith("?"):
        feats.append("q")
    return feats


def extract_claims(
    text: str,
    turns: Sequence[Turn],
    sentences: Sequence[Sentence],
    *,
    published: dt.date | None = None,
    precision: str = "day",
    model: ClaimModel | None = None,
    roles: Mapping[str, str] | None = None,
    taxonomy: Sequence[TopicInfo] = (),
    threshold: float | None = None,
) -> tuple[ProposedClaim, ...]:
    """Source text, attributed turns and their sentences in, non-overlapping proposals out.

    `roles` maps speaker slugs to "host"/"guest" (guessed from word counts when omitted);
    `taxonomy` lists the topics that may be assigned (all the model knows when empty);
    `threshold` overrides the model's tuned detection threshold (lower: more proposals).
    """
    model = model or load_model()
    if not sentences or not turns:
        return ()
    punctuated = _is_punctuated(text, sentences)
    roles = roles if roles is not None else guess_roles(text, turns)
    candidates, infos = build_candidates(text, turns, sentences, roles=roles, max_sentences=model.max_sentences, punctuated=punctuated)
    w = model.claim_weights
    scores = [_sigmoid(sum(w.get(f, 0.0) for f in c.features)) for c in candidates]
    chosen = select(candidates, scores, threshold=model.threshold if threshold is None else threshold, mode=model.decode)
    casing = {} if punctuated else casing_map(text)
    allowed = {t.slug for t in taxonomy} if taxonomy else None
    out = []
    for i in chosen:
        c = candidates[i]
        turn = turns[c.turn]
        role = roles.get(turn.speaker_slug or "", GUEST)
        quote = text[c.start_char : c.end_char]
        breaks = () if punctuated else tuple(infos[n].end - c.start_char for n in range(c.first, c.last - 1))
        statement = clean_statement(quote, breaks=breaks, casing=casing)
        p_pred = score(model.prediction_weights, prediction_features(quote, role))
        prediction = None
        if p_pred >= model.prediction_threshold:
            h = find_horizon(quote, published=published, precision=precision)
            prediction = ProposedPrediction(
                predicted=statement, horizon=h.text if h else "",
                target_start=h.target_start if h else None, target_end=h.target_end if h else None,
            )
        context = topic_context(text, c.start_char, c.end_char)
        topics = tag_topics(quote, context=context, model=model.topics, taxonomy=taxonomy, allowed=allowed)
        out.append(
            ProposedClaim(
                start_char=c.start_char, end_char=c.end_char, quote=quote, speaker_slug=turn.speaker_slug,
                score=round(scores[i], 4), statement=statement, topics=topics,
                claim_type=claim_type_of(quote, future=prediction is not None), hedged=is_hedged(quote),
                prediction=prediction, prediction_score=round(p_pred, 4),
            )
        )
    return tuple(out)
