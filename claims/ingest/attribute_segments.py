"""Explicit-duration (semi-Markov) decoding of host and guest turns over sentence units.

Pure Python, no Django. An interview alternates host and guest turns; a turn is a run of
units (sentences). A segmentation is scored as the sum over its turns of

- the units' emissions: +e for the host, -e for the guest (e = host-vs-guest log-odds of the
  unit's words, attribute_model.py), times `emission_weight`;
- a duration log-prior on the turn's length in words, per role (log-normal: the host asks
  short questions, the guest gives long answers; measured in words, not sentences, so that it
  holds for raw captions cut by the weak boundary model as well as for punctuated text);
- the question evidence of each unit: q = P(the unit ends with a question), "?" where the
  text is punctuated, the question detector's probability where it is not. Its likelihood
  depends on the role and on whether the unit ends the turn: a host turn usually ENDS with a
  question, a guest turn rarely does;
- boundary costs where a format marks changes of voice (seed 002's "- "): switching at a mark
  is cheap, elsewhere expensive, relative to an unmarked sentence boundary;
- where nothing marks them, a cost on every change of voice, -logit of the changes expected
  per unit, which the transcript's own question evidence gives (`with_turn_cost`): an interview
  of quick questions and answers (001) changes voice at every other unit, one of long answers
  (000) rarely, and durations fit on other interviews cannot know which this one is.

The first turn (an introduction) takes the guest's duration prior whoever speaks it; the last unit of the source is not a
turn end for the question evidence (outros do not end with a question). Host turns are capped
at `host_cap` units (except the first); guest turns longer than `guest_cap` units are scored
with a linear tail so that decoding stays O(n * (host_cap + guest_cap)).

`decode_turns` decodes, adds each unit's evidence from the transcript's own words under that
decoding (`adapt_emissions`, leave-one-unit-out naive Bayes) and decodes again.

The question detector (`QuestionModel`) is a logistic regression over a unit's words with
punctuation and casing removed, fit on punctuated transcripts where "?" gives the label.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Callable, Mapping, Sequence

HOST, GUEST = "host", "guest"
NEG = -1e18


@dataclass(frozen=True)
class QuestionParams:
    """P(q | role, unit ends the turn) for a unit whose question evidence is q = 1."""

    host_last: float = 0.85
    host_inner: float = 0.35
    guest_last: float = 0.08
    guest_inner: float = 0.08


@dataclass(frozen=True)
class SegmentParams:
    """Everything the semi-Markov decoder uses besides the units themselves."""

    emission_weight: float = 1.0
    question_weight: float = 1.0
    # log-normal durations in words: (mu, sigma) of ln(words)
    host_duration: tuple[float, float] = (3.3, 1.0)
    guest_duration: tuple[float, float] = (4.6, 1.0)
    duration_weight: float = 1.0
    question: QuestionParams = field(default_factory=QuestionParams)
    # where a source marks changes: P(switch) at a mark and at an unmarked boundary
    mark_switch: float = 0.99  # hand-set: a mark almost always is a change, elsewhere almost never
    unmarked_switch: float = 0.001
    base_switch: float = 0.25  # the switch rate of a plain sentence boundary (duration model's)
    # where nothing marks changes: a log-cost on every change of voice, on top of the durations.
    # It is the transcript's own: `turn_cost_weight` times -logit(expected changes per unit),
    # the expected changes being `turns_per_question` times the transcript's question evidence
    # (with_turn_cost); a rapid question-and-answer interview (001) pays little per change, one
    # of long answers and few questions (000) more. 0 weight turns it off.
    turns_per_question: float = 1.5
    turn_cost_weight: float = 0.0
    turn_cost: float = 0.0  # set per transcript by with_turn_cost
    start_host: float = 0.9
    host_cap: int = 14
    guest_cap: int = 40
    # self-training on the transcript being decoded (adapt_emissions): how much the words' own
    # host-vs-guest counts under a first decoding add to the emissions, and their smoothing
    # (hand-set: Laplace's 1; a weight of 0.15-0.25 helps held-out 000 and 001 alike, 0.4
    # starts to amplify the first decoding's mistakes); 0 turns it off, as shipped (attribute.py says why)
    adapt_weight: float = 0.0
    adapt_alpha: float = 1.0


def _lognormal(words: int, mu: float, sigma: float) -> float:
    x = math.log(max(words, 1))
    return -x - (x - mu) ** 2 / (2 * sigma * sigma) - math.log(sigma)


def _soft(q: float, p: float) -> float:
    """log P(evidence q | P(question) = p) for a soft question probability q."""
    return math.log(q * p + (1 - q) * (1 - p))


def decode_segments(
    emissions: Sequence[float],
    questions: Sequence[float],
    words: Sequence[int],
    marks: Sequence[bool | None],
    params: SegmentParams = SegmentParams(),
) -> list[str]:
    """Per-unit emissions, question probabilities, word counts and change marks in, roles out.

    `marks[i]` says whether a change mark precedes unit i: None where the source marks no
    changes at all (every boundary is a plain one), else True/False.
    """
    n = len(emissions)
    if not n:
        return []
    p = params
    qp = p.question
    we, wq, wd = p.emission_weight, p.question_weight, p.duration_weight
    # prefix sums: host-signed emission, words, question evidence inside a turn, stay costs
    E = [0.0] * (n + 1)
    W = [0] * (n + 1)
    QH = [0.0] * (n + 1)
    QG = [0.0] * (n + 1)
    S = [0.0] * (n + 1)  # S[i]: sum of stay costs of boundaries 1..i-1 (before units 1..i-1)
    last_h = [0.0] * n
    last_g = [0.0] * n
    sw = [0.0] * n  # switch cost of the boundary before unit i
    base = p.base_switch
    for i in range(n):
        E[i + 1] = E[i] + we * emissions[i]
        W[i + 1] = W[i] + words[i]
        q = questions[i]
        QH[i + 1] = QH[i] + wq * _soft(q, qp.host_inner)
        QG[i + 1] = QG[i] + wq * _soft(q, qp.guest_inner)
        last_h[i] = wq * _soft(q, qp.host_last)
        last_g[i] = wq * _soft(q, qp.guest_last)
        m = marks[i] if i else None
        if m is None:
            stay, sw[i] = 0.0, -p.turn_cost
        elif m:
            stay, sw[i] = math.log((1 - p.mark_switch) / (1 - base)), math.log(p.mark_switch / base)
        else:
            stay, sw[i] = math.log((1 - p.unmarked_switch) / (1 - base)), math.log(p.unmarked_switch / base)
        S[i + 1] = S[i] + (stay if i else 0.0)
    # the last unit of the source does not end a turn for the question evidence
    last_h[n - 1] = QH[n] - QH[n - 1]
    last_g[n - 1] = QG[n] - QG[n - 1]
    hmu, hsd = p.host_duration
    gmu, gsd = p.guest_duration
    # P(a turn ends inside its last unit) = F(w) - F(w - l) ~ f(w - l/2) * l for the
    # log-normal F of the role: a turn may only end where a unit ends
    dur_cache_h: dict[int, float] = {}
    dur_cache_g: dict[int, float] = {}

    def dur_h(w: int) -> float:
        v = dur_cache_h.get(w)
        if v is None:
            v = dur_cache_h[w] = wd * _lognormal(w, hmu, hsd)
        return v

    def dur_g(w: int) -> float:
        v = dur_cache_g.get(w)
        if v is None:
            v = dur_cache_g[w] = wd * _lognormal(w, gmu, gsd)
        return v

    # guest turns (and a first turn) longer than guest_cap units: a linear tail in words with
    # the log density's slope at exp(mu + sigma), joined to the density there
    tail_w = max(1, int(math.exp(gmu + gsd)))
    tail_slope = wd * (_lognormal(tail_w + 1, gmu, gsd) - _lognormal(tail_w, gmu, gsd))
    tail_base = wd * _lognormal(tail_w, gmu, gsd) - tail_slope * tail_w

    bh = [NEG] * (n + 1)  # best score with a host turn ending exactly at b
    bg = [NEG] * (n + 1)
    ah = [0] * (n + 1)  # its start
    ag = [0] * (n + 1)
    start_h, start_g = math.log(p.start_host), math.log(1 - p.start_host)
    hcap, gcap = p.host_cap, p.guest_cap
    # running best of the start-dependent part of a long turn: guest (from a host turn or the
    # start) and a long first host turn (an introduction)
    tail_g, tail_g_arg = NEG, -1
    tail_h = NEG
    pre_h = [NEG] * (n + 1)
    pre_g = [NEG] * (n + 1)
    for b in range(1, n + 1):
        eb, wb, sb = E[b], W[b], S[b]
        lb = words[b - 1]
        wmid = wb - (lb >> 1)
        loglb = wd * math.log(max(lb, 1))
        qhb, qgb = QH[b - 1] + last_h[b - 1], QG[b - 1] + last_g[b - 1]
        best_h = best_g = NEG
        arg_h = arg_g = 0
        if b <= gcap:  # the first turn (an introduction when it is the host's) is as long as an answer
            best_h = start_h + eb + sb + qhb + dur_g(wmid) + loglb
            best_g = start_g - eb + sb + qgb + dur_g(wmid) + loglb
        # (the duration caches read in the loops themselves: a call per candidate start was a third of the decoding)
        base_h = eb + sb + qhb
        for a in range(max(1, b - hcap), b):
            w = wmid - W[a]
            d = dur_cache_h.get(w)
            s = pre_h[a] + (dur_h(w) if d is None else d)
            if s > best_h - base_h:
                best_h, arg_h = s + base_h, a
        base_g = -eb + sb + qgb
        for a in range(max(1, b - gcap), b):
            w = wmid - W[a]
            d = dur_cache_g.get(w)
            s = pre_g[a] + (dur_g(w) if d is None else d)
            if s > best_g - base_g:
                best_g, arg_g = s + base_g, a
        best_h += loglb
        best_g += loglb
        a = b - gcap - 1  # turns of more than gcap units starting at a join the running tails
        if a == 0:
            tail_h = start_h
            tail_g, tail_g_arg = start_g, 0
        elif a > 0:
            t = bh[a] + sw[a] + E[a] - S[a + 1] - QG[a] - tail_slope * W[a]
            if t > tail_g:
                tail_g, tail_g_arg = t, a
        if tail_g_arg >= 0:
            s = tail_g - eb + sb + qgb + tail_base + tail_slope * wb
            if s > best_g:
                best_g, arg_g = s, tail_g_arg
            s = tail_h + eb + sb + qhb + tail_base + tail_slope * wb
            if s > best_h:
                best_h, arg_h = s, 0
        bh[b], bg[b], ah[b], ag[b] = best_h, best_g, arg_h, arg_g
        if b < n:  # the start-dependent parts of turns starting at b
            pre_h[b] = best_g + sw[b] - E[b] - S[b + 1] - QH[b]
            pre_g[b] = best_h + sw[b] + E[b] - S[b + 1] - QG[b]
    roles = [HOST] * n
    role = HOST if bh[n] >= bg[n] else GUEST
    b = n
    while b > 0:
        a = ah[b] if role == HOST else ag[b]
        for i in range(a, b):
            roles[i] = role
        b = a
        role = GUEST if role == HOST else HOST
    return roles


def _unigrams(feats: Sequence[str]) -> list[str]:
    """A unit's word features: no bigram (" "), opening ("^"), closing ("$"), length or "?"."""
    return [f for f in feats if " " not in f and f[0] != "^" and f[-1] != "$" and not f.startswith("len=") and f != "?"]


def adapt_emissions(
    emissions: Sequence[float], features: Sequence[Sequence[str]], roles: Sequence[str], *, weight: float, alpha: float = 1.0,
) -> list[float]:
    """Emissions, unit features and a first decoding in, emissions with the transcript's own
    evidence added out: each unit gets `weight` times the naive-Bayes host-vs-guest log-ratio
    of its words, counted over the OTHER units under the first decoding (leave-one-unit-out,
    so a unit does not vote for its own label). Any word counts here, topic words included:
    one transcript's host and guest each have words of their own (seed 000's host, a
    journalist, talks of newspapers and listeners; its guest of neural nets), which a
    classifier fit on other interviews cannot know. Unigrams only: a unit's words, not its
    bigrams or openings (too sparse in one transcript)."""
    toks = [_unigrams(feats) for feats in features]
    ch: dict[str, int] = {}
    cg: dict[str, int] = {}
    nh = ng = 0
    for t, r in zip(toks, roles):
        c = ch if r == HOST else cg
        for w in t:
            c[w] = c.get(w, 0) + 1
        if r == HOST:
            nh += len(t)
        else:
            ng += len(t)
    v = len(ch.keys() | cg.keys()) or 1
    log = math.log
    # per word, its log-ratio as seen from a host unit and from a guest unit (the unit's own
    # occurrence taken out of its side's count)
    in_host = {w: log(a - 1 + alpha) - log(cg.get(w, 0) + alpha) for w, a in ch.items()}
    in_guest = {w: log(ch.get(w, 0) + alpha) - log(b - 1 + alpha) for w, b in cg.items()}
    out: list[float] = []
    for e, t, r in zip(emissions, toks, roles):
        n = len(t)
        if r == HOST:
            s = sum(in_host[w] for w in t) + n * (log(ng + alpha * v) - log(max(nh - n, 0) + alpha * v))
        else:
            s = sum(in_guest[w] for w in t) + n * (log(max(ng - n, 0) + alpha * v) - log(nh + alpha * v))
        out.append(e + weight * s)
    return out


def decode_turns(
    emissions: Sequence[float], features: Sequence[Sequence[str]], questions: Sequence[float], words: Sequence[int],
    params: SegmentParams = SegmentParams(), *, marks: Sequence[bool | None] | None = None,
) -> list[str]:
    """Centred emissions, unit features, question evidence and word counts of a source that
    marks no changes in, roles out: decode, add the transcript's own evidence under that
    decoding (adapt_emissions), decode again. `marks` may give some likely changes (True; the
    others None: a plain boundary): they switch as a mark does, and the change-of-voice cost
    elsewhere counts only the changes they leave unexplained."""
    marks = list(marks) if marks is not None and any(marks) else [None] * len(emissions)
    params = with_turn_cost(params, questions, marked=sum(1 for m in marks if m))
    # (centring the already centred emissions of the first pass changes nothing)
    return self_trained(lambda e: decode_segments(center(e), questions, words, marks, params), emissions, features, params)


def with_turn_cost(params: SegmentParams, questions: Sequence[float], *, marked: int = 0) -> SegmentParams:
    """The decoder's parameters with the change-of-voice cost of this transcript (see
    SegmentParams.turn_cost_weight): changes expected per unit from its question evidence,
    less the `marked` ones a mark already explains, per unit left."""
    if not params.turn_cost_weight or not questions:
        return replace(params, turn_cost=0.0)
    n = len(questions)
    expected = params.turns_per_question * sum(questions)
    rate = min(0.5, max(1e-3, (expected - marked) / max(n - marked, 1)))
    return replace(params, turn_cost=round(params.turn_cost_weight * math.log((1 - rate) / rate), 4))


def self_trained(
    decode: Callable[[Sequence[float]], list[str]], emissions: Sequence[float], features: Sequence[Sequence[str]],
    params: SegmentParams,
) -> list[str]:
    """`decode(emissions)`; with `params.adapt_weight`, decoded again with the transcript's own
    evidence under that first decoding added (adapt_emissions). Either decoder uses it."""
    roles = decode(emissions)
    if params.adapt_weight and roles:
        roles = decode(adapt_emissions(emissions, features, roles, weight=params.adapt_weight, alpha=params.adapt_alpha))
    return roles


# --- fitting the decoder's parameters from hand-marked units ------------------------------------


def turn_runs(roles: Sequence[str | None]) -> list[tuple[str, int, int]]:
    """Unit roles in, (role, first unit, end unit) runs out (unlabelled units join the run)."""
    runs: list[tuple[str, int, int]] = []
    for i, r in enumerate(roles):
        if r is None:
            if runs:
                runs[-1] = (runs[-1][0], runs[-1][1], i + 1)
            continue
        if runs and runs[-1][0] == r:
            runs[-1] = (r, runs[-1][1], i + 1)
        else:
            runs.append((r, i, i + 1))
    return runs


def fit_segment_params(
    seeds: Sequence[tuple[Sequence[str | None], Sequence[float], Sequence[int]]], base: SegmentParams = SegmentParams(),
) -> SegmentParams:
    """[(unit roles, question evidence, word counts)] of hand-marked transcripts in, the
    duration and question parameters measured on them out (the first and last turns left out,
    an introduction and an outro are no interview turns)."""
    logs: dict[str, list[float]] = {HOST: [], GUEST: []}
    n_turns, n_questions = 0, 0.0
    counts = {k: [1.0, 2.0] for k in ("host_last", "host_inner", "guest_last", "guest_inner")}  # Laplace
    for roles, questions, words in seeds:
        runs = turn_runs(roles)
        n_turns += len(runs)
        n_questions += sum(questions)
        for k, (r, a, b) in enumerate(runs):
            if 0 < k < len(runs) - 1:
                logs[r].append(math.log(max(1, sum(words[a:b]))))
            for i in range(a, b):
                last = i == b - 1 and k < len(runs) - 1
                key = f"{r}_{'last' if last else 'inner'}"
                counts[key][0] += questions[i]
                counts[key][1] += 1
    def mu_sd(xs, default):
        if len(xs) < 3:
            return default
        mu = sum(xs) / len(xs)
        sd = math.sqrt(sum((x - mu) ** 2 for x in xs) / (len(xs) - 1))
        return (round(mu, 4), round(max(sd, 0.3), 4))
    q = QuestionParams(**{k: round(c / t, 4) for k, (c, t) in counts.items()})
    return SegmentParams(
        **{**base.__dict__, "host_duration": mu_sd(logs[HOST], base.host_duration),
           "guest_duration": mu_sd(logs[GUEST], base.guest_duration), "question": q,
           "turns_per_question": round(n_turns / n_questions, 4) if n_questions else base.turns_per_question}
    )


# --- the question detector and the decoder's knobs -----------------------------------------------


@dataclass(frozen=True)
class QuestionModel:
    """P(a unit ends with a question) from its words: logistic regression weights and Platt's
    calibration (a, b). Fit on punctuated units, where a final "?" gives the label."""

    weights: Mapping[str, float] = field(default_factory=dict)
    a: float = 1.0
    b: float = 0.0

    def prob(self, feats) -> float:
        get = self.weights.get
        z = self.a * sum(get(f, 0.0) for f in feats if f != "?") + self.b
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def question_evidence(features: Sequence[Sequence[str]], punctuated: bool, detector: QuestionModel | None) -> list[float]:
    """Units' features in, q per unit out: "?" where the text is punctuated, else the detector."""
    if punctuated or detector is None or not detector.weights:
        return [1.0 if "?" in f else 0.0 for f in features]
    return [detector.prob(f) for f in features]


def fit_question_model(groups: Sequence[Sequence[Sequence[str]]]) -> QuestionModel:
    """Punctuated transcripts' unit features in, a question detector out. The calibration is
    cross-fitted (each transcript scored by a model fit on the others; one transcript is
    split in halves)."""
    from .attribute_model import GUEST, HOST, calibrate, fit

    ex = [[([f for f in feats if f != "?"], HOST if "?" in feats else GUEST) for feats in g] for g in groups if g]
    if not ex:
        return QuestionModel()
    if len(ex) == 1:
        half = len(ex[0]) // 2
        ex = [ex[0][:half], ex[0][half:]]
    pairs = []
    for k in range(len(ex)):
        m = fit([e for j, g in enumerate(ex) if j != k for e in g])
        pairs.extend((m.score(f), y) for f, y in ex[k])
    a, b = calibrate(pairs)
    m = fit([e for g in ex for e in g])
    return QuestionModel({f: v for f, v in m.weights.items() if abs(v) >= 0.01}, round(a, 4), round(b, 4))


def center(emissions: Sequence[float]) -> list[float]:
    """Emissions minus their median: the classifier's offset differs from one interview to the
    next (seed 001, held out, leans to the host), so each transcript is put on its own scale."""
    if not emissions:
        return []
    mid = sorted(emissions)[len(emissions) // 2]
    return [e - mid for e in emissions]


# Knobs chosen on hand-marked transcripts (the best worst-role accuracy over them): how much the
# words, the question evidence, the durations and the change-of-voice cost count against each other.
KNOB_GRID = tuple(
    {"emission_weight": ew, "question_weight": qw, "duration_weight": dw, "turn_cost_weight": tc}
    for ew in (0.5, 1.0, 2.0) for qw in (1.0, 2.0, 4.0) for dw in (0.3, 0.5) for tc in (0.0, 0.5, 1.0, 1.5, 2.0)
)


def role_accuracy(decoded: Sequence[str], gold: Sequence[str | None], words: Sequence[int]) -> dict[str, float]:
    """Decoded and hand-marked unit roles in, the share of each role's words decoded right out."""
    right = {HOST: 0, GUEST: 0}
    total = {HOST: 0, GUEST: 0}
    for r, g, w in zip(decoded, gold, words):
        if g:
            total[g] += w
            right[g] += w * (r == g)
    return {k: right[k] / total[k] for k in total if total[k]}


def params_from_dict(body: Mapping) -> SegmentParams:
    body = dict(body)
    if "question" in body:
        body["question"] = QuestionParams(**body["question"])
    for k in ("host_duration", "guest_duration"):
        if k in body:
            body[k] = tuple(body[k])
    return SegmentParams(**body)


def params_to_dict(params: SegmentParams) -> dict:
    body = dict(params.__dict__)
    body["question"] = dict(params.question.__dict__)
    return body
