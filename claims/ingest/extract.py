"""Claim extraction: source text, attributed turns and sentences in, proposed claims out.

Candidates are windows of 1 to `max_sentences` consecutive sentences inside one turn. A small
logistic model (weights in claim_model.json, trained on the curated sheets by
`claims.evaluation`) scores each window from its words' evidence: epistemic and argumentative
markers ("I think", "the reason is"), definitions, comparisons, numbers, named entities, future
and modal forms, against questions, pleasantries, sponsor reads and filler; plus its length, its
position in the turn, whether the turn before asked a question, and whether host or guest
speaks. Decoding keeps the best-scoring windows above the threshold that do not overlap, so
proposals never share text; the threshold is set per interview so that it yields the model's
density of proposals per 1,000 guest words (an absolute threshold tuned on other interviews
over-proposed on a sparser one). A prediction pass then adds, within its own small budget per 1,000
guest words, windows for sentences about the future the density budget left out or merged into
a neighbour's window, and for short answers to questions about the future ("Probably."). Markers
are matched on tokens with phrase tables, one pass per sentence. Each proposal then gets its
speaker (from its turn), a statement, hedging, a type, topics and, when it speaks about the
future, a prediction with its horizon (that of its first sentence about the future).

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

from .horizon import find_horizon, future_markers_of_tokens, may_have_horizon, tokenize
from .records import Sentence, Turn
from .statement import casing_map, claim_type_of, clean_statement, is_hedged
from . import tag as tag_module
from .tag import KeywordIndex, TopicModel, TopicInfo, tag_topics, tag_topics_at, topic_context

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

# Marker phrases, matched on the tokens of a lower-cased sentence (one dictionary lookup per
# token instead of one regex per marker: the regexes were most of the extractor's time).
_MARKERS = {
    "epistemic": "i think|i believe|i claim|i'd claim|i would claim|my view|in my view|in my opinion|i would say|i'd say|"
                 "i feel|i'm confident|i am confident|i'm sure|i suspect|my guess|my sense|i'd argue|i would argue|i'm quite|"
                 "i really think|i don't think|i do think",
    "argument": "the reason|because|therefore|which means|that means|this means|so that|the point is|the thing is|it turns out|"
                "in other words|the key|the answer is|the idea is|the problem is|the question is whether|the fact that|"
                "that's why|this is why|which is why|as a result|it follows",
    "definition": "is a kind of|is a form of|is defined|is called|what it means|means that|is essentially|is basically|"
                  "is nothing but|is just|refers to|the definition",
    "comparison": "more than|less than|better than|worse than|bigger than|smaller than|faster than|compared to|compared with|"
                  "similar to|different from|the same as|as good as|rather than|unlike|much more|far more|the most|the best|"
                  "superior|inferior",
    "number": "one hundred|thousand|million|billion|trillion|percent|twice|ten times|hundred",
    "causal": "leads to|lead to|causes|allows|enable|enables|requires|require|depends on|results in|makes it|made it",
    "generic": "always|never|every|all|any|fundamental|fundamentally|in general|generally|in principle|essentially|the whole|"
               "all of|nothing",
    "evaluative": "important|interesting|beautiful|amazing|remarkable|incredible|surprising|profound|hard|difficult|easy|"
                  "powerful|impressive|huge|significant|crucial|key|wrong|right|true|false|obvious|clear|unclear",
    "negation": "not|no|never|don't|doesn't|isn't|aren't|can't|cannot|won't|wasn't",
    "biographical": "i was|i grew|i studied|i moved|i joined|i remember|my phd|when i was|i started|i worked|i went|we did|"
                    "we were|we had|we found|we trained|at openai|at google",
    "normative": "should|ought to|must|need to|needs to|have to|has to|it's important|we want",
    "domain": "neural|network|networks|model|models|learning|data|compute|gpt|ai|agi|brain|intelligence|training|trained|"
              "language|transformer|reinforcement|algorithm|reasoning|understanding|alignment|superintelligence|scale|"
              "scaling|gpu|gpus|deep",
    "pleasantry": "thank you|thanks|welcome|great to|pleasure|nice to|good to see|appreciate|congratulations|cheers|bye",
    "ad": "sponsor|sponsored|use code|promo|subscribe|patreon|podcast|episode|app store|apple podcast|apple podcasts|"
          "youtube|twitter|review it|five stars|cash app|download|listener|listeners|newsletter",
    "host_move": "let me ask|i want to ask|i wanted to ask|can you talk|can you tell|tell me|let's talk|talk about|my question|"
                 "final question|last question|first question|what do you think|do you think|how do you|you said|"
                 "you mentioned|your view|your work|you were|i'm curious|i wonder",
    "second_person": "you|your|you're|you've|yourself|you'll|you'd",
    "first_singular": "i|i'm|i've|i'd|i'll|me|my|myself",
    "first_plural": "we|we're|we've|we'll|we'd|our|us",
}
# Only at the start of a sentence.
_OPENERS = {
    "filler": "yeah|yes|no|right|okay|ok|sure|exactly|absolutely|definitely|uh|um|mhm|wow|cool|great|good|interesting|"
              "i see|got it|of course|indeed|true|totally|amazing|fascinating",
    "discourse_start": "so|and|but|because|or|well|now|then|also|which|that",
}
MARKER_NAMES = (*_MARKERS, *_OPENERS)


def _phrase_table(groups: Mapping[str, str]) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple]]:
    """{token: marker names} for one-word phrases and {first token: ((rest tokens, name), ...)} for longer ones."""
    single: dict[str, list[str]] = {}
    multi: dict[str, list] = {}
    for name, phrases in groups.items():
        for phrase in phrases.split("|"):
            toks = tuple(phrase.split())
            if len(toks) == 1:
                single.setdefault(toks[0], []).append(name)
            else:
                multi.setdefault(toks[0], []).append((toks[1:], name))
    return {k: tuple(v) for k, v in single.items()}, {k: tuple(v) for k, v in multi.items()}


_SINGLE, _MULTI = _phrase_table(_MARKERS)
_OPEN_SINGLE, _OPEN_MULTI = _phrase_table(_OPENERS)


def marker_names(tokens: Sequence[str]) -> set[str]:
    """Names of the markers (see MARKER_NAMES) present in a sentence's tokens (from `tokenize`)."""
    found: set[str] = set()
    single, multi = _SINGLE, _MULTI
    n = len(tokens)
    for i, tok in enumerate(tokens):
        names = single.get(tok)
        if names:
            found.update(names)
        entries = multi.get(tok)
        if entries:
            for rest, name in entries:
                if name not in found and tuple(tokens[i + 1 : i + 1 + len(rest)]) == rest:
                    found.add(name)
        if tok[0].isdigit():
            found.add("number")
        elif tok == "than" and i and tokens[i - 1].endswith("er"):
            found.add("comparison")  # "cheaper than", "harder than"
    if n:
        first = tokens[0]
        found.update(_OPEN_SINGLE.get(first, ()))
        for rest, name in _OPEN_MULTI.get(first, ()):
            if tuple(tokens[1 : 1 + len(rest)]) == rest:
                found.add(name)
    return found


_QUESTION_OPENERS = frozenset(
    "do does did can could would will are is was were have has should what what's why how when where which who isn't "
    "aren't don't".split()
)
_ENTITY = re.compile(r"(?<=[a-z,;] )[A-Z][a-zA-Z]+|\b[A-Z]{2,}\b|\b[A-Z][a-z]+[A-Z]\w*")
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
    markers: frozenset = frozenset()
    horizon: bool = False
    # the sentence opens (or is second in) an answer to a question about the future ("Do you think
    # bigger will continue to show better results?" - "Probably."): the answer inherits its frame
    future_question: bool = False


def sentence_features(s: str, *, punctuated: bool, lexical: bool = False) -> tuple[frozenset, bool, int, tuple, frozenset, bool]:
    """One sentence's text in, (feature names, is a question, word count, future markers, marker
    names, has a time horizon) out. Word features ("w:...") only with `lexical`."""
    low = s.lower().replace("’", "'")
    tokens = tokenize(low, lowered=True)
    n = len(tokens)
    stripped = s.rstrip(" \"'”’)]")
    question = stripped.endswith(("?", "？", "؟")) if punctuated else bool(n >= 3 and tokens[0] in _QUESTION_OPENERS)
    markers = marker_names(tokens)
    feats = {"m:" + name for name in markers}
    if question:
        feats.add("q")
        if n and (tokens[0] == "when" or tokens[:2] == ["how", "long"] or tokens[:2] == ["how", "soon"]):
            markers.add("q_when")  # a marker for `is_future_question`, not a scorer feature
    if punctuated and _ENTITY.search(s):
        feats.add("entity")
    fut = future_markers_of_tokens(tokens)
    for name in fut:
        feats.add("f:" + name)
    horizon = may_have_horizon(tokens) and find_horizon(s) is not None
    if horizon:
        feats.add("f:horizon")
    feats.add("len:%d" % _bucket(n))
    if n <= 4:
        feats.add("short")
    if "number" in markers and any(w.isdigit() for w in tokens):
        feats.add("digit")
    if lexical:
        for w in tokens:
            if w not in _STOP and len(w) > 2:
                feats.add("w:" + w)
    return frozenset(feats), question, n, fut, frozenset(markers), horizon


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
    # Proposals per 1,000 guest words. When set, each interview gets the threshold that yields
    # about this many proposals (see `threshold_for_density`) and `threshold` is only a floor:
    # an absolute threshold tuned on two interviews over-proposed on the third (seed 002: 405
    # proposals for 164 claims), while the curated density is steadier (16 to 21 per 1,000
    # guest words across the seeds).
    density: float = 0.0
    threshold_floor: float = 0.0
    split_future: bool = False
    # The prediction pass (`propose_predictions`): at most this many extra proposals per 1,000
    # guest words, for sentences about the future scoring at least `prediction_pass_threshold`
    prediction_density: float = 0.0
    prediction_pass_threshold: float = 0.5
    max_sentences: int = 3
    decode: str = "tile"
    topics: TopicModel = field(default_factory=TopicModel)
    info: Mapping = field(default_factory=dict)

    def to_json(self) -> dict:
        return {
            "info": dict(self.info),
            "threshold": self.threshold,
            "prediction_threshold": self.prediction_threshold,
            "density": self.density,
            "threshold_floor": self.threshold_floor,
            "split_future": self.split_future,
            "prediction_density": self.prediction_density,
            "prediction_pass_threshold": self.prediction_pass_threshold,
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
            density=data.get("density", 0.0), threshold_floor=data.get("threshold_floor", 0.0),
            split_future=data.get("split_future", False),
            prediction_density=data.get("prediction_density", 0.0),
            prediction_pass_threshold=data.get("prediction_pass_threshold", 0.5),
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
    score: float = 0.0  # filled in when build_candidates is given weights (features are then left out)


def _is_punctuated(text: str, sentences: Sequence[Sentence]) -> bool:
    ends = sum(1 for s in sentences[:400] if text[s.end_char - 1 : s.end_char] in ".?!…\"”’)。！？؟।»」』")
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


# Of an answer to a question about the future, the first sentences carry the answer ("Definitely.
# I think when you start to see really dramatic economic impact ..." in seed 002); later ones drift.
_ANSWER_SENTENCES = 2
_QUESTION_FUTURE = frozenset(("will", "going_to", "future_time", "become", "expect"))


def is_future_question(s: _SentenceInfo) -> bool:
    """A question about what will happen: "Do you think recurrence will make a comeback?", "When ...?"""
    if not s.question:
        return False
    if "past" in s.future and not _FUTURE_FORMS.intersection(s.future):
        return False  # "Did recurrence work in 2015?"
    return bool(_QUESTION_FUTURE.intersection(s.future)) or "q_when" in s.markers


def build_candidates(
    text: str, turns: Sequence[Turn], sentences: Sequence[Sentence], *, roles: Mapping[str, str] | None = None,
    max_sentences: int = 3, punctuated: bool | None = None, lexical: bool = False, weights: Mapping[str, float] | None = None,
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
        asked_future = (prev_turn_k is not None and prev_turn_k != k and base > 0
                        and is_future_question(infos[base - 1]) and infos[base - 1].turn != k)
        for pos, s in enumerate(sents):
            feats, question, n, fut, markers, horizon = sentence_features(
                text[s.start_char : s.end_char], punctuated=punctuated, lexical=lexical)
            infos.append(_SentenceInfo(s.start_char, s.end_char, k, pos, n, question, feats, fut, markers, horizon,
                                       asked_future and pos < _ANSWER_SENTENCES and not question))
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
                if weights is None:
                    candidates.append(Candidate(turn_infos[i].start, turn_infos[j - 1].end, k, base + i, base + j, tuple(feats)))
                else:  # extraction: keep the score, not 40 feature names per window (memory, and the collector's time)
                    candidates.append(Candidate(turn_infos[i].start, turn_infos[j - 1].end, k, base + i, base + j, (),
                                                _sigmoid(sum(weights.get(f, 0.0) for f in feats))))
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


_FUTURE_FORMS = frozenset(("will", "going_to", "expect"))


def _future_sentence(s: _SentenceInfo) -> bool:
    return bool(_FUTURE_FORMS.intersection(s.future)) and "past" not in s.future


def split_future(candidates: Sequence[Candidate], chosen: Sequence[int], infos: Sequence[_SentenceInfo]) -> list[int]:
    """Chosen windows with the future-tense sentences cut out as windows of their own.

    Every statement about the future is a claim of its own (docs/curation.md), so a window
    that mixes sentences in the future tense with others ("Last year there was some value.
    Next year is going to be larger.") becomes one window per run of alike sentences.
    """
    index = None
    out: list[int] = []
    for i in chosen:
        c = candidates[i]
        if c.last - c.first < 2:
            out.append(i)
            continue
        flags = [_future_sentence(infos[n]) for n in range(c.first, c.last)]
        if all(flags) or not any(flags):
            out.append(i)
            continue
        if index is None:
            index = {(d.first, d.last): k for k, d in enumerate(candidates)}
        start = c.first
        for n in range(c.first + 1, c.last + 1):
            if n == c.last or flags[n - c.first] != flags[n - 1 - c.first]:
                out.append(index[(start, n)])
                start = n
    return out


def decode(
    candidates: Sequence[Candidate], scores: Sequence[float], infos: Sequence[_SentenceInfo], *, threshold: float,
    mode: str = "tile", split: bool = False,
) -> list[int]:
    """`select`, then (with `split`) `split_future`: the windows to propose, in text order."""
    chosen = select(candidates, scores, threshold=threshold, mode=mode)
    return split_future(candidates, chosen, infos) if split else chosen


def prediction_sentence(s: _SentenceInfo) -> bool:
    """A sentence the prediction pass may propose on its own: in the future tense, or opening an
    answer to a question about the future; never a question."""
    return not s.question and (_future_sentence(s) or s.future_question)


_ANSWER_WORDS = frozenset(
    "definitely probably yes yeah no nope absolutely certainly likely unlikely maybe possibly sure surely".split())


def is_short_answer(text: str, s: _SentenceInfo) -> bool:
    """A reply of a few words opening an answer to a question about the future: "Definitely.",
    "Probably.", "Very likely.", "I think so".
    """
    if not s.future_question or s.words > 4:
        return False
    tokens = tokenize(text[s.start : s.end])
    return bool(tokens) and (tokens[0] in _ANSWER_WORDS or tokens[-1] in _ANSWER_WORDS or tokens[-2:] == ["think", "so"])


def propose_predictions(
    candidates: Sequence[Candidate], chosen: Sequence[int], infos: Sequence[_SentenceInfo], pscore, *,
    budget: float, threshold: float, claim_score=None, flag_threshold: float = 1.0, text: str = "",
) -> tuple[list[int], set[int]]:
    """The prediction pass: chosen windows plus up to `budget` more proposals for sentences about
    the future, and the candidate indices it proposed as predictions.

    The density budget of the claim decoder leaves out short future sentences (they score low as
    claims: "Next year is going to be larger and larger after that.", "Probably." after "Do you think
    bigger will continue to show better results?") and merges others into a window that matches
    the neighbouring claim. Here every sentence that `prediction_sentence` admits and whose own
    prediction score (`pscore(candidate index)`) reaches `threshold` is a candidate, best first:
    in a gap it becomes a window of its own (one more proposal); inside a chosen window of several
    sentences it is cut out of it (one or two more). It stops when `budget` proposals were added.
    Windows never overlap afterwards, as before. A sentence that makes up most of a window already
    flagged as a prediction (`pscore` at least `flag_threshold`) is left in it: that window
    answers for it. A short answer to a question about the future ("Definitely.", "Probably.", read
    from `text`) comes first whatever its scores: by docs/curation.md it is a statement about the
    future, and the scorers, which see no question, rank one-word sentences low.
    """
    index = {(c.first, c.last): k for k, c in enumerate(candidates)}
    spans: dict[int, tuple[int, int]] = {}  # sentence -> the chosen window (first, last) holding it
    for i in chosen:
        c = candidates[i]
        for n in range(c.first, c.last):
            spans[n] = (c.first, c.last)
    options = []
    for n, info in enumerate(infos):
        if not prediction_sentence(info):
            continue
        k = index.get((n, n + 1))
        window = spans.get(n)
        if k is None or window == (n, n + 1):
            continue
        if window is not None:
            w = index[window]
            whole = candidates[w].end_char - candidates[w].start_char
            if pscore(w) >= flag_threshold and 2 * (info.end - info.start) >= whole:
                continue
        if text and is_short_answer(text, info):
            options.append((-2.0, n, k))
            continue
        p = pscore(k)
        if p >= threshold:
            # best first: likely a prediction and likely a claim at all
            options.append((-p * (claim_score(k) if claim_score else 1.0), n, k))
    options.sort()
    added = 0
    forced: set[int] = set()
    for _, n, k in options:
        window = spans.get(n)
        if window is None:
            cost, pieces = 1, [(n, n + 1)]
        else:
            a, b = window
            pieces = [w for w in ((a, n), (n, n + 1), (n + 1, b)) if w[0] < w[1]]
            cost = len(pieces) - 1
        if added + cost > budget:
            continue
        added += cost
        for w in pieces:
            for m in range(*w):
                spans[m] = w
        forced.add(k)
    out = sorted({index[w] for w in spans.values()}, key=lambda i: candidates[i].start_char)
    return out, forced


def guest_words(candidates_infos: Sequence[_SentenceInfo], turns: Sequence[Turn], roles: Mapping[str, str]) -> int:
    """Words spoken by guests (the unit of the proposal density)."""
    return sum(s.words for s in candidates_infos if roles.get(turns[s.turn].speaker_slug or "", GUEST) == GUEST)


# A short transcript (a clip, a test) may still hold a few claims: the density prior means little
# under a few hundred words.
MIN_BUDGET = 3.0


def threshold_for_density(
    candidates: Sequence[Candidate], scores: Sequence[float], infos: Sequence[_SentenceInfo], *, words: int,
    density: float, floor: float = 0.0, mode: str = "tile", split: bool = False, min_budget: float = MIN_BUDGET,
) -> float:
    """The lowest threshold (not under `floor`) at which decoding proposes at most `density`
    proposals per 1,000 `words` (and at least `min_budget` may be proposed), by bisection (the
    count falls as the threshold rises)."""
    budget = max(density * words / 1000.0, min_budget)
    lo, hi = floor, 1.0

    def count(t: float) -> int:
        return len(decode(candidates, scores, infos, threshold=t, mode=mode, split=split))

    if count(lo) <= budget:
        return lo
    for _ in range(9):  # to 1/512: finer steps change the count by a proposal or two
        mid = (lo + hi) / 2
        if count(mid) > budget:
            lo = mid
        else:
            hi = mid
    return hi


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


_PREDICTION_MARKERS = frozenset(
    ("epistemic", "normative", "biographical", "argument", "definition", "filler", "second_person", "first_singular", "first_plural")
)


def _prediction_feature_list(fut: Iterable[str], markers: Iterable[str], *, horizon: bool, question: bool, role: str,
                             future_question: bool = False, words: int = 0) -> list[str]:
    feats = ["bias", "role=" + role]
    if future_question:
        feats.append("answers_future_q")
        if words and words <= 4:
            feats.append("short_answer_future_q")  # "Definitely.", "Probably.", "I think so."

    fut = set(fut)
    feats.extend("f:" + f for f in sorted(fut))
    if "will" in fut or "going_to" in fut:
        feats.append("future_form")
        if "past" in fut:
            feats.append("future_and_past")
    if horizon:
        feats.append("horizon")
    feats.extend("m:" + m for m in sorted(set(markers) & _PREDICTION_MARKERS))
    if question:
        feats.append("q")
    return feats


def prediction_features(quote: str, role: str, *, future_question: bool = False) -> list[str]:
    """Features of a quote for the prediction detector: future forms, horizons, hedges, past forms,
    and whether it answers a question about the future (`future_question`, from its context)."""
    tokens = tokenize(quote)
    return _prediction_feature_list(
        future_markers_of_tokens(tokens), marker_names(tokens), horizon=find_horizon(quote) is not None,
        question=quote.rstrip().endswith("?"), role=role, future_question=future_question, words=len(tokens),
    )


def window_prediction_features(infos: Sequence[_SentenceInfo], first: int, last: int, role: str) -> list[str]:
    """The prediction detector's features for the window infos[first:last], from its sentences'
    markers (the same features `prediction_features` reads from a quote, without reading it again)."""
    fut: set = set()
    markers: set = set()
    horizon = False
    for s in infos[first:last]:
        fut.update(s.future)
        markers.update(s.markers)
        horizon = horizon or s.horizon
    return _prediction_feature_list(fut, markers, horizon=horizon, question=infos[last - 1].question, role=role,
                                    future_question=infos[first].future_question,
                                    words=sum(s.words for s in infos[first:last]))


def window_horizon(text: str, infos: Sequence[_SentenceInfo], first: int, last: int, *,
                   published: dt.date | None = None, precision: str = "day"):
    """The horizon of the window infos[first:last]: the first sentence about the future that has
    one, else the first sentence that has one (each sentence read on its own, so the most specific
    rule of one sentence does not override the main horizon of the one before: "within five years
    we will have robots ... Fully general household robots will probably take until 2035" gives
    "within five years", not "until 2035")."""
    fallback = None
    for n in range(first, last):
        s = infos[n]
        h = find_horizon(text[s.start : s.end], published=published, precision=precision)
        if h is None:
            continue
        if _future_sentence(s) or s.future_question or (s.future and "past" not in s.future):
            return h
        fallback = fallback or h
    return fallback


def _question_of(infos: Sequence[_SentenceInfo], n: int) -> _SentenceInfo:
    """The last sentence of the turn before sentence n's turn (the question a `future_question` answers)."""
    return infos[n - infos[n].position - 1]


def _predicted_text(text: str, infos: Sequence[_SentenceInfo], first: int, last: int, statement: str) -> str:
    """What a prediction says: its statement; for an answer that leans on a question about the
    future ("Probably."), the statement with the question it answers."""
    s = infos[first]
    if not s.future_question or any(_future_sentence(infos[n]) for n in range(first, last)) or first - s.position < 1:
        return statement
    q = _question_of(infos, first)
    question = " ".join(text[q.start : q.end].split())
    return f"{statement} (answering: {question})"


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
    candidates, infos = build_candidates(text, turns, sentences, roles=roles, max_sentences=model.max_sentences,
                                         punctuated=punctuated, weights=model.claim_weights)
    scores = [c.score for c in candidates]
    if threshold is None and model.density > 0:
        threshold = threshold_for_density(candidates, scores, infos, words=guest_words(infos, turns, roles),
                                          density=model.density, floor=model.threshold_floor, mode=model.decode,
                                          split=model.split_future)
    chosen = decode(candidates, scores, infos, threshold=model.threshold if threshold is None else threshold,
                    mode=model.decode, split=model.split_future)
    words = guest_words(infos, turns, roles)
    pscores: dict[int, float] = {}

    def pscore(i: int) -> float:
        if i not in pscores:
            c = candidates[i]
            role = roles.get(turns[c.turn].speaker_slug or "", GUEST)
            pscores[i] = score(model.prediction_weights, window_prediction_features(infos, c.first, c.last, role))
        return pscores[i]

    forced: set[int] = set()
    # the window the claim decoder chose around each sentence, before the prediction pass cut it
    decoded = {n: i for i in chosen for n in range(candidates[i].first, candidates[i].last)}
    if model.prediction_density > 0:
        chosen, forced = propose_predictions(
            candidates, chosen, infos, pscore, budget=model.prediction_density * words / 1000.0,
            threshold=model.prediction_pass_threshold, claim_score=lambda k: scores[k],
            flag_threshold=model.prediction_threshold, text=text)
    casing = {} if punctuated else casing_map(text)
    allowed = {t.slug for t in taxonomy} if taxonomy else None
    keyword_index = KeywordIndex(text, taxonomy) if taxonomy and chosen and not (tag_module.LEXICAL or tag_module.LEXICAL_CONTEXT) else None
    out = []
    for i in chosen:
        c = candidates[i]
        turn = turns[c.turn]
        quote = text[c.start_char : c.end_char]
        breaks = () if punctuated else tuple(infos[n].end - c.start_char for n in range(c.first, c.last - 1))
        statement = clean_statement(quote, breaks=breaks, casing=casing)
        p_pred = pscore(i)
        prediction = None
        if p_pred >= model.prediction_threshold or i in forced:
            h = window_horizon(text, infos, c.first, c.last, published=published, precision=precision)
            prediction = ProposedPrediction(
                predicted=_predicted_text(text, infos, c.first, c.last, statement), horizon=h.text if h else "",
                target_start=h.target_start if h else None, target_end=h.target_end if h else None,
            )
        # a short answer ("Definitely.") is about what the question asked: tag the two together
        topic_start, topic_end = c.start_char, c.end_char
        if c.last - c.first == 1 and is_short_answer(text, infos[c.first]):
            topic_start = _question_of(infos, c.first).start
        elif c.first in decoded and decoded[c.first] != i:
            # a piece the prediction pass cut out of a decoded window: tagged as that window was
            whole = candidates[decoded[c.first]]
            topic_start, topic_end = whole.start_char, whole.end_char
        if keyword_index is not None:
            topics = tag_topics_at(keyword_index, topic_start, topic_end, model=model.topics, allowed=allowed)
        else:
            context = topic_context(text, topic_start, topic_end)
            topics = tag_topics(text[topic_start:topic_end], context=context, model=model.topics, taxonomy=taxonomy,
                                allowed=allowed)
        out.append(
            ProposedClaim(
                start_char=c.start_char, end_char=c.end_char, quote=quote, speaker_slug=turn.speaker_slug,
                score=round(scores[i], 4), statement=statement, topics=topics,
                claim_type=claim_type_of(quote, future=prediction is not None), hedged=is_hedged(quote),
                prediction=prediction, prediction_score=round(p_pred, 4),
            )
        )
    return tuple(out)
