"""Topic tagging: a quote (and the words before it) in, 1 to 3 taxonomy slugs out, most likely first.

One logistic model scores every (quote, topic) pair. Shared features say how strongly the
topic's own keywords and name occur in the quote and in its context (the question that led to
it), so a topic added to the taxonomy later is still tagged by its keywords; topic-specific
features (the topic's bias and the quote's words) are learned from the curated sheets. A claim
tagged with a subtopic also answers queries for its parent (the selectors walk the tree), so
the tagger prefers leaves and adds a parent only when the parent itself scores. Pure Python.
"""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Mapping, Sequence

_WORDS = re.compile(r"[a-z0-9][a-z0-9'’-]*")
LEXICAL = False  # topic-specific word weights overfit two interviews (held-out top-3 0.64 vs 0.75)
LEXICAL_CONTEXT = False
USE_EXTRA_KEYWORDS = True
_STOP = frozenset(
    "the a an and or but of to in on at for with by from as is are was were be been being it its it's this that these those "
    "i you he she we they me him her us them my your his our their so then there here what which who do does did have has had "
    "not no yes yeah just like really very can could would will should may might must if because about into out up down over "
    "than too also only some any all more most other such own same that's there's i'm don't think know mean going get got "
    "thing things lot way kind sort one two actually even much many well".split()
)


@dataclass(frozen=True)
class TopicInfo:
    """A taxonomy topic as the tagger sees it."""

    slug: str
    parent: str | None = None
    keywords: tuple[str, ...] = ()
    name: str = ""


@dataclass(frozen=True)
class TopicModel:
    """Weights of the (quote, topic) scorer and how many topics to keep."""

    weights: Mapping[str, float] = field(default_factory=dict)
    # Keep a further topic when its probability is at least this share of the best and at least
    # min_probability. Both 0 (the shipped choice): always the top 3, since held out the top 3
    # agree with the curators' topics far more often than the top 1 (0.78 against 0.53).
    keep_ratio: float = 0.0
    min_probability: float = 0.0
    max_topics: int = 3

    def to_json(self) -> dict:
        return {"weights": dict(sorted(self.weights.items())), "keep_ratio": self.keep_ratio,
                "min_probability": self.min_probability, "max_topics": self.max_topics}

    @classmethod
    def from_json(cls, data: Mapping) -> "TopicModel":
        return cls(weights=data.get("weights", {}), keep_ratio=data.get("keep_ratio", 0.0),
                   min_probability=data.get("min_probability", 0.0), max_topics=data.get("max_topics", 3))


def taxonomy_from_fixture(rows: Sequence[Mapping]) -> tuple[TopicInfo, ...]:
    """fixtures/topics.json rows (natural keys) in, TopicInfo records out."""
    out = []
    for row in rows:
        f = row.get("fields", row)
        parent = f.get("parent")
        if isinstance(parent, list):
            parent = parent[0] if parent else None
        out.append(TopicInfo(slug=f["slug"], parent=parent, keywords=tuple(f.get("keywords") or ()), name=f.get("name", "")))
    return tuple(out)


_TOKEN = re.compile(r"[a-z0-9]+")

# More keywords per topic of the shipped taxonomy, written by hand from each topic's scope in
# docs/curation.md (not from the curated quotes), added to whatever keywords the taxonomy row has.
EXTRA_KEYWORDS = {
    "deep-learning": ("deep learning", "neural net", "neural nets", "end to end", "big neural network", "layers", "weights"),
    "deep-learning-history": ("back then", "at the time", "in 2012", "early on", "nobody believed", "the old days", "krizhevsky",
                              "geoff", "bengio", "toronto"),
    "learning-algorithms": ("gradient descent", "objective", "self-supervised", "unsupervised learning", "supervised",
                            "optimizer", "training procedure", "learning rule", "loss function"),
    "generalization": ("generalizes", "generalise", "overfit", "overparameterised", "sample efficient", "memorize",
                       "memorization", "few examples", "less data"),
    "architectures-and-memory": ("transformers", "lstms", "recurrence", "recurrent neural network", "long-term memory",
                                 "context window", "convnet", "attention mechanism"),
    "reinforcement-learning": ("reinforcement", "openai five", "alphago", "alphazero", "policy", "environment", "rewards",
                               "simulation", "simulator", "exploration"),
    "scaling": ("scale up", "scaled", "scaling up", "larger models", "bigger models", "bigger neural networks", "more compute",
                "parameters", "scaling hypothesis"),
    "training-data": ("data set", "datasets", "run out of data", "data limits", "web", "books", "synthetic", "data quality"),
    "hardware": ("accelerator", "accelerators", "chip", "compute cost", "data center", "datacenter", "supercomputer"),
    "language-models": ("chatbot", "gpt-2", "gpt2", "gpt3", "gpt4", "large language model", "text model", "bert"),
    "next-token-prediction": ("next token", "predicting the next", "prediction", "predict", "generative model",
                              "generative models", "compress", "statistics"),
    "rlhf": ("human feedback", "feedback", "human teachers", "instruction", "reward model", "fine tuned", "fine-tuned"),
    "reliability-and-hallucination": ("hallucinates", "hallucinating", "unreliable", "wrong answers", "errors", "confidently",
                                      "trustworthy", "accurate"),
    "reasoning": ("reasons", "understands", "abstract", "abstractions", "logical", "thinking", "intelligent", "concept"),
    "multimodality": ("multimodality", "dall-e", "dalle", "clip", "picture", "pictures", "vision and language", "audio"),
    "robotics": ("physical", "hands", "manipulation", "robotic"),
    "agi": ("artificial general intelligence", "superintelligent", "superhuman", "human-level", "general purpose"),
    "agi-timelines": ("how long", "how soon", "when will", "years from now", "within", "timeframe", "by the time"),
    "alignment": ("align", "aligning", "superalignment", "safe", "safety research", "interpretability", "deception",
                  "intended", "honest", "want to be controlled"),
    "ai-and-society": ("humans", "human beings", "our lives", "social", "impact on society"),
    "economic-impact": ("revenue", "revenues", "labor", "labour", "automation", "automate", "wealth", "profit", "customers"),
    "misuse-and-security": ("weights stolen", "theft", "attack", "attackers", "dangerous", "harm", "staged release",
                            "disinformation", "weapons"),
    "society-and-governance": ("regulate", "regulators", "governments", "institutions", "democratic", "vote", "rules",
                               "oversight", "public good"),
    "ai-industry": ("open ai", "deepmind", "anthropic", "meta", "industry", "labs", "open-source", "commoditization",
                    "competitors", "business"),
    "brain-and-neuroscience": ("brains", "biology", "synapse", "synapses", "spikes", "human brain", "neuroscientists"),
    "research-practice": ("researchers", "experiments", "insight", "hypothesis", "beauty", "simplicity", "top-down",
                          "research taste", "papers"),
    "philosophy-of-life": ("meaningful", "purpose", "happiness", "death", "ego", "love", "enlightened", "emotions"),
    "biography": ("my career", "my life", "my parents", "childhood", "i grew up", "my advisor", "graduate", "undergrad",
                  "when i was young"),
}


@lru_cache(maxsize=16)
def _phrase_table(taxonomy: tuple[TopicInfo, ...]) -> tuple[dict, frozenset, int]:
    """Keywords (and names) of every topic as token tuples: {tokens: ((slug, keyword), ...)}.
    Hyphens and spaces are alike ("self-play" = "self play"); matching is by whole tokens."""
    table: dict[tuple, list] = {}
    for topic in taxonomy:
        extra = EXTRA_KEYWORDS.get(topic.slug, ()) if USE_EXTRA_KEYWORDS else ()
        for keyword in {*(k.lower() for k in (*topic.keywords, *extra)), topic.name.lower()} - {""}:
            tokens = tuple(_TOKEN.findall(keyword))
            if tokens:
                table.setdefault(tokens, []).append((topic.slug, keyword))
    first = frozenset(k[0] for k in table)
    return {k: tuple(v) for k, v in table.items()}, first, max((len(k) for k in table), default=0)


@lru_cache(maxsize=16)
def _phrase_lengths(taxonomy: tuple[TopicInfo, ...]) -> dict[str, tuple[int, ...]]:
    """{first token: the lengths (ascending) of the phrases of `_phrase_table` starting with it}: the
    only lengths worth looking up there (instead of every length up to the longest phrase)."""
    lengths: dict[str, set] = {}
    for tokens in _phrase_table(taxonomy)[0]:
        lengths.setdefault(tokens[0], set()).add(len(tokens))
    return {tok: tuple(sorted(ls)) for tok, ls in lengths.items()}


def keyword_hits(text_low: str, taxonomy: tuple[TopicInfo, ...]) -> dict[str, list[str]]:
    """{slug: keywords found} for one lower-cased text, one pass over its tokens."""
    table, first, longest = _phrase_table(taxonomy)
    tokens = _TOKEN.findall(text_low)
    out: dict[str, list[str]] = {}
    n = len(tokens)
    for i, tok in enumerate(tokens):
        if tok not in first:
            continue
        for length in range(1, min(longest, n - i) + 1):
            for slug, keyword in table.get(tuple(tokens[i : i + length]), ()):
                out.setdefault(slug, []).append(keyword)
    return out


def topic_context(text: str, start: int, end: int, *, before: int = 1000, after: int = 500) -> str:
    """The words around a quote that tell its subject: the question before it and what follows."""
    return text[max(0, start - before) : start] + " " + text[end : end + after]


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2" if n == 2 else "3+"


def pair_features(
    topic: TopicInfo, quote_hits: Sequence[str], context_hits: int, words: Sequence[str], context_words: Sequence[str],
    child_hits: int = 0,
) -> list[str]:
    """Features of one (quote, topic) pair: the topic's keywords found in the quote, how many of
    them in the context, keyword hits of its subtopics (for a root topic), and its bias."""
    t = topic.slug
    nq = len(quote_hits)
    feats = ["b|" + t, "kwq" + _bucket(nq), "kwc" + _bucket(context_hits), "kwqc" + _bucket(nq) + _bucket(context_hits)]
    if nq:
        feats.append("kwq|" + t)
        feats.extend("k:%s|%s" % (k, t) for k in set(quote_hits))
    if context_hits:
        feats.append("kwc|" + t)
    if topic.parent is None:
        feats.append("root")
        feats.append("child_kwq" + _bucket(child_hits))
    if LEXICAL:
        feats.extend("w:%s|%s" % (w, t) for w in words)
    if LEXICAL_CONTEXT:
        feats.extend("c:%s|%s" % (w, t) for w in context_words)
    return feats


def _all_pair_features(quote: str, context: str, taxonomy: Sequence[TopicInfo]) -> list[list[str]]:
    taxonomy = tuple(taxonomy)
    q = quote.lower()
    c = context.lower()
    words, cwords = (_content_words(q), _content_words(c)) if LEXICAL or LEXICAL_CONTEXT else ((), ())
    qhits = keyword_hits(q, taxonomy)
    chits = keyword_hits(c, taxonomy) if c else {}
    return _features_from_hits(qhits, chits, taxonomy, words, cwords)


def _subtopic_hits(qhits, taxonomy: tuple[TopicInfo, ...]) -> dict[str, int]:
    """{parent slug: how many of its subtopics have keywords in the quote}."""
    children: dict[str, int] = {}
    for topic in taxonomy:
        if topic.parent and topic.slug in qhits:
            children[topic.parent] = children.get(topic.parent, 0) + 1
    return children


def _features_from_hits(qhits, chits, taxonomy: tuple[TopicInfo, ...], words=(), cwords=()) -> list[list[str]]:
    children = _subtopic_hits(qhits, taxonomy)
    return [
        pair_features(topic, qhits.get(topic.slug, ()), len(chits.get(topic.slug, ())), words, cwords, children.get(topic.slug, 0))
        for topic in taxonomy
    ]


_TOKEN_ANYCASE = re.compile(r"[A-Za-z0-9]+")


class KeywordIndex:
    """Every taxonomy keyword found in a whole text, found once: tagging many quotes of one
    transcript then reads the hits inside each quote and its context instead of re-tokenising
    1,500 characters per quote (most of the tagger's time on long transcripts)."""

    def __init__(self, text: str, taxonomy: Sequence[TopicInfo]) -> None:
        self.taxonomy = tuple(taxonomy)
        table, first, _ = _phrase_table(self.taxonomy)
        starts, ends, toks = [], [], []
        for m in _TOKEN_ANYCASE.finditer(text):
            starts.append(m.start())
            ends.append(m.end())
            toks.append(m.group().lower())
        hit_start, hit_end, hit_slug, hit_keyword = [], [], [], []
        lengths = _phrase_lengths(self.taxonomy)
        n = len(toks)
        for i, tok in enumerate(toks):
            if tok not in first:
                continue
            for length in lengths[tok]:
                if length > n - i:
                    break
                for slug, keyword in table.get(tuple(toks[i : i + length]), ()):
                    hit_start.append(starts[i])
                    hit_end.append(ends[i + length - 1])
                    hit_slug.append(slug)
                    hit_keyword.append(keyword)
        self._start, self._end, self._slug, self._keyword = hit_start, hit_end, hit_slug, hit_keyword
        self.scored_with: Mapping | None = None  # the weights `pair_scores` holds scores under (see tag_topics_at)
        self.pair_scores: dict = {}

    def hits(self, start: int, end: int) -> dict[str, list[str]]:
        """{slug: keywords} of the hits lying wholly inside [start, end)."""
        out: dict[str, list[str]] = {}
        k = bisect.bisect_left(self._start, start)
        starts, ends = self._start, self._end
        while k < len(starts) and starts[k] < end:
            if ends[k] <= end:
                out.setdefault(self._slug[k], []).append(self._keyword[k])
            k += 1
        return out

    def context_hits(self, start: int, end: int, *, before: int = 1000, after: int = 500) -> dict[str, list[str]]:
        """Hits in the context `topic_context` gives: `before` characters before the quote, `after` after it."""
        out = self.hits(max(0, start - before), start)
        for slug, keywords in self.hits(end, end + after).items():
            out.setdefault(slug, []).extend(keywords)
        return out


def _content_words(text_low: str) -> list[str]:
    return sorted({w for w in _WORDS.findall(text_low) if w not in _STOP and len(w) > 2})


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def topic_probabilities(quote: str, *, context: str = "", model: TopicModel, taxonomy: Sequence[TopicInfo]) -> list[tuple[str, float]]:
    """Every taxonomy topic with its probability for this quote, best first."""
    w = model.weights
    scored = []
    for topic, feats in zip(taxonomy, _all_pair_features(quote, context, taxonomy)):
        scored.append((topic.slug, _sigmoid(sum(w.get(f, 0.0) for f in feats))))
    scored.sort(key=lambda x: (-x[1], x[0]))
    return scored


def tag_topics(
    quote: str, *, context: str = "", model: TopicModel, taxonomy: Sequence[TopicInfo] = (), allowed: set | None = None
) -> tuple[str, ...]:
    """A quote and its context in, 1 to `model.max_topics` slugs out, most likely first."""
    if not taxonomy:
        return ()
    scored = topic_probabilities(quote, context=context, model=model, taxonomy=taxonomy)
    return _keep(scored, model, allowed)


def tag_topics_at(
    index: KeywordIndex, start: int, end: int, *, model: TopicModel, allowed: set | None = None
) -> tuple[str, ...]:
    """`tag_topics` for the quote text[start:end] of the text `index` was built on, with its context."""
    if not index.taxonomy or LEXICAL or LEXICAL_CONTEXT:
        raise ValueError("tag_topics_at needs a taxonomy and no lexical features; use tag_topics")
    w = model.weights
    qhits, chits = index.hits(start, end), index.context_hits(start, end)
    children = _subtopic_hits(qhits, index.taxonomy)
    # A pair's features depend only on its keywords found in the quote and the buckets of its
    # context and subtopic hits, and most pairs of a transcript repeat one of a few such keys
    # (no keyword anywhere): each distinct pair is scored once per index and model.
    if index.scored_with is not w:
        index.scored_with, index.pair_scores = w, {}
    memo = index.pair_scores
    scored = []
    for topic in index.taxonomy:
        quote_hits = qhits.get(topic.slug, ())
        context_hits = len(chits.get(topic.slug, ()))
        child_hits = children.get(topic.slug, 0)
        key = (topic.slug, tuple(quote_hits), _bucket(context_hits), _bucket(child_hits))
        p = memo.get(key)
        if p is None:
            feats = pair_features(topic, quote_hits, context_hits, (), (), child_hits)
            p = memo[key] = _sigmoid(sum(w.get(f, 0.0) for f in feats))
        scored.append((topic.slug, p))
    scored.sort(key=lambda x: (-x[1], x[0]))
    return _keep(scored, model, allowed)


def _keep(scored: list[tuple[str, float]], model: TopicModel, allowed: set | None) -> tuple[str, ...]:
    if allowed is not None:
        scored = [x for x in scored if x[0] in allowed]
    if not scored:
        return ()
    best = scored[0][1]
    out = [scored[0][0]]
    for slug, p in scored[1:]:
        if len(out) >= model.max_topics:
            break
        if p >= model.min_probability and p >= model.keep_ratio * best:
            out.append(slug)
    return tuple(out)


def train_topic_model(
    examples: Sequence[tuple[str, str, Sequence[str]]], taxonomy: Sequence[TopicInfo], *, epochs: int = 10,
    rate: float = 0.3, l2: float = 1e-4, keep_ratio: float = 0.0, min_probability: float = 0.0,
) -> TopicModel:
    """(quote, context, gold slugs) examples in, a TopicModel out (one logistic over all (quote, topic) pairs)."""
    from .extract import train_logistic  # the shared trainer

    rows = []
    for quote, context, gold in examples:
        for topic, feats in zip(taxonomy, _all_pair_features(quote, context, taxonomy)):
            rows.append((feats, 1.0 if topic.slug in gold else 0.0))
    weights = train_logistic(rows, epochs=epochs, rate=rate, l2=l2)
    return TopicModel(weights=weights, keep_ratio=keep_ratio, min_probability=min_probability)
