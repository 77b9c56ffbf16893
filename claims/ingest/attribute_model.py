"""The host-vs-guest unit classifier behind speaker attribution (no Django, pure Python).

A unit is a sentence (for unpunctuated text, a sentence of the boundary model). Its features
are lower-cased words with punctuation stripped, so a model fit on punctuated transcripts
applies to raw captions too: unigrams, bigrams, the opening words ("^can you"), the closing
word, a length bucket, a final "?" (punctuated text only) and the speakers' names replaced
by <guest> / <host> (the guest rarely says his own name). Every word counts, topic words too:
restricting the features to a style vocabulary (pronouns, question words, auxiliaries, discourse
markers) was measured held out and lowered the unit AUC (seed 000 0.764 -> 0.744, 001 0.856 ->
0.820). Caveat: the three seeds share their guest, so part of what topic words add may be his
subjects rather than the guest's role; a fourth transcript with another guest would tell.

The classifier is an L2-regularised logistic regression with balanced class weights; its score
is the host-vs-guest log-odds of the unit with the class prior removed, i.e. an emission
log-likelihood ratio for the HMM in attribute.py.

`fit(examples)` trains; `seed_groups` turns the curated seeds' hand-marked turns into unit
features and roles; `fit_turns` adds the turn decoder's question detector, durations and knobs
(attribute_segments.py); `python -m claims.ingest.attribute_model` refits the shipped weights on every
curated seed (attribution_model.json). Tests fit leave-one-seed-out and measure on the seed
left out.
"""
from __future__ import annotations

import bisect
import json
import math
import random
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from .attribute_segments import (
    KNOB_GRID, QuestionModel, SegmentParams, center, decode_segments, fit_question_model, fit_segment_params,
    params_from_dict, params_to_dict, question_evidence, role_accuracy, with_turn_cost,
)

MODEL_PATH = Path(__file__).with_name("attribution_model.json")

HOST, GUEST = "host", "guest"

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’]*")
_LENGTH_EDGES = (2, 4, 8, 16, 32, 64)


def _length_bucket(n: int) -> int:
    for i, edge in enumerate(_LENGTH_EDGES):
        if n <= edge:
            return i
    return len(_LENGTH_EDGES)


def words_of(text: str, names: Mapping[str, str] | None = None) -> list[str]:
    """Lower-cased words; a word starting a known name becomes its placeholder."""
    out = _WORD.findall(text.lower().replace("’", "'"))
    if names:
        out = [names.get(w, w) for w in out]
    return out


def unit_features(text: str, *, punctuated: bool, names: Mapping[str, str] | None = None) -> list[str]:
    """One unit's text in, its feature names out (each at most once)."""
    words = words_of(text, names)
    feats = {"len=%d" % _length_bucket(len(words))}
    if punctuated and text.rstrip(" \"'”’)").endswith("?"):
        feats.add("?")
    if words:
        feats.add("^" + words[0])
        if len(words) > 1:
            feats.add("^" + words[0] + " " + words[1])
        feats.add(words[-1] + "$")
    prev = "<s>"
    for w in words:
        feats.add(w)
        feats.add(prev + " " + w)
        prev = w
    return list(feats)


def name_map(guest_forms: Iterable[str], host_forms: Iterable[str]) -> dict[str, str]:
    """Name spellings in, {lower-cased word: placeholder} out (first names and surnames)."""
    out: dict[str, str] = {}
    for placeholder, forms in (("<host>", host_forms), ("<guest>", guest_forms)):
        for form in forms:
            for w in words_of(form):
                if len(w) > 2:
                    out.setdefault(w, placeholder)
    return out


@dataclass(frozen=True)
class UnitModel:
    """Feature weights of the host-vs-guest classifier (positive: host)."""

    weights: Mapping[str, float]

    def score(self, feats: Iterable[str]) -> float:
        get = self.weights.get
        return sum(get(f, 0.0) for f in feats)


def fit(
    examples: Sequence[tuple[Sequence[str], str]], *, epochs: int = 12, l2: float = 0.1, rate: float = 0.2,
    seed: int = 1, keep: float = 0.0, min_groups: int = 1,
) -> UnitModel:
    """(features, role) pairs in, a logistic regression out (SGD, balanced class weights).

    No bias term is learnt: the score is a likelihood ratio and the HMM sets the priors.
    Examples may be (features, role, group) triples: a feature is used only when it occurs in
    at least `min_groups` groups (transcripts), which drops one interview's topic words.
    """
    if min_groups > 1:
        seen: dict[str, set] = {}
        for ex in examples:
            for f in ex[0]:
                seen.setdefault(f, set()).add(ex[2])
        allowed = {f for f, g in seen.items() if len(g) >= min_groups}
        examples = [([f for f in ex[0] if f in allowed], ex[1]) for ex in examples]
    examples = [(ex[0], ex[1]) for ex in examples]
    n_host = sum(1 for _, y in examples if y == HOST) or 1
    n_guest = sum(1 for _, y in examples if y == GUEST) or 1
    cw = {HOST: len(examples) / (2 * n_host), GUEST: len(examples) / (2 * n_guest)}
    w: dict[str, float] = {}
    order = list(range(len(examples)))
    rng = random.Random(seed)
    step = 0
    for epoch in range(epochs):
        rng.shuffle(order)
        lr = rate / (1 + epoch)
        for i in order:
            feats, y = examples[i]
            step += 1
            z = sum(w.get(f, 0.0) for f in feats)
            z = max(-30.0, min(30.0, z))
            target = 1.0 if y == HOST else 0.0
            g = (target - 1.0 / (1.0 + math.exp(-z))) * cw[y] * lr
            for f in feats:
                old = w.get(f, 0.0)
                w[f] = old + g - lr * l2 * old
    return UnitModel({f: round(v, 3) for f, v in w.items() if abs(v) > keep})


def calibrate(pairs: Sequence[tuple[float, str]], *, iters: int = 50, ridge: float = 1.0) -> tuple[float, float]:
    """(score, role) pairs from a model that never saw them in, Platt's (a, b) out: the
    probability that a unit is the host's is 1 / (1 + exp(-(a * score + b)))."""
    a, b = 1.0, 0.0
    for _ in range(iters):  # Newton's method on the 1-D logistic likelihood
        ga = gb = haa = hab = hbb = 0.0
        for s, y in pairs:
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, a * s + b))))
            e = (1.0 if y == HOST else 0.0) - p
            w = p * (1 - p) + 1e-9
            ga += e * s
            gb += e
            haa += w * s * s
            hab += w * s
            hbb += w
        ga -= ridge * a  # a weak pull towards a = 0 keeps Newton's steps finite
        haa += ridge
        hbb += ridge
        det = haa * hbb - hab * hab
        if abs(det) < 1e-12:
            break
        da, db = (hbb * ga - hab * gb) / det, (haa * gb - hab * ga) / det
        da, db = max(-1.0, min(1.0, da)), max(-1.0, min(1.0, db))
        a, b = a + da, b + db
        if abs(da) + abs(db) < 1e-6:
            break
    return a, b


# Prior probability that the voice changes at each kind of boundary (hand-set, general):
# a format's change mark almost always means a new voice, a question usually ends a host
# turn, a sentence inside a run of speech rarely changes voice. Fitting adds observed counts.
SWITCH_PRIOR = {
    "start": 0.5, "mark": 0.9, "question": 0.5, "paragraph": 0.2, "marker": 0.3, "sentence": 0.08,
    "marked question": 0.1, "marked paragraph": 0.05, "marked marker": 0.05, "marked sentence": 0.02,
}
PRIOR_STRENGTH = 10.0


@dataclass(frozen=True)
class AttributionModel:
    """Everything attribution learns: unit weights, their calibration (emission = scale *
    score + offset, a host-vs-guest log-likelihood ratio) and switch probabilities."""

    weights: Mapping[str, float]
    scale: float = 1.0
    offset: float = 0.0
    switch: Mapping[str, float] = field(default_factory=lambda: dict(SWITCH_PRIOR))
    # the turn-structure decoder for sources that mark no changes (attribute_segments.py)
    question: QuestionModel = field(default_factory=QuestionModel)
    segment: SegmentParams = field(default_factory=SegmentParams)

    def emission(self, feats: Iterable[str]) -> float:
        get = self.weights.get
        return self.scale * sum(get(f, 0.0) for f in feats) + self.offset


def fit_attribution(groups: Mapping[str, tuple], *, turns: bool = True, **fit_kw) -> AttributionModel:
    """{transcript: (unit features, unit roles or None, boundary kinds[, unit word counts,
    punctuated])} in, a model out.

    The calibration is cross-fitted: each transcript is scored by a classifier fit on the
    others, so the scale reflects how the classifier does on a transcript it has not seen.
    Switch probabilities are the hand priors updated with the counts seen in the gold turns.
    """
    def examples(keys):
        return [(f, y, k) for k in keys for f, y in zip(groups[k][0], groups[k][1]) if y]

    keys = list(groups)
    pairs: list[tuple[float, str]] = []
    if len(keys) > 1:
        for k in keys:
            m = fit(examples([j for j in keys if j != k]), **fit_kw)
            pairs.extend((m.score(f), y) for f, y in zip(groups[k][0], groups[k][1]) if y)
    model = fit(examples(keys), **fit_kw)
    a, b = calibrate(pairs) if pairs else (1.0, 0.0)
    n_host = sum(1 for _, y in pairs if y == HOST) or 1
    n_guest = sum(1 for _, y in pairs if y == GUEST) or 1
    offset = b - math.log(n_host / n_guest)  # posterior log-odds minus prior log-odds
    seen: dict[str, list[int]] = {}
    for k in keys:
        roles, kinds = groups[k][1], groups[k][2]
        for i in range(1, len(roles)):
            if roles[i] and roles[i - 1]:
                c = seen.setdefault(kinds[i], [0, 0])
                c[0] += roles[i] != roles[i - 1]
                c[1] += 1
    switch = {
        kind: round((PRIOR_STRENGTH * p + seen.get(kind, [0, 0])[0]) / (PRIOR_STRENGTH + seen.get(kind, [0, 0])[1]), 4)
        for kind, p in SWITCH_PRIOR.items()
    }
    out = AttributionModel(dict(model.weights), round(a, 4), round(offset, 4), switch)
    if turns and all(len(g) >= 5 for g in groups.values()):
        out = fit_turns(groups, out, **fit_kw)
    return out


def fit_turns(groups: Mapping[str, tuple], model: AttributionModel, **fit_kw) -> AttributionModel:
    """The turn-structure decoder's parts, fit on the transcripts `model` was fit on: the
    question detector (on the punctuated ones), the duration and question likelihoods, and the
    knobs of KNOB_GRID, each transcript decoded with emissions of a model fit on the others."""
    keys = list(groups)
    punct = {k: bool(groups[k][4]) for k in keys}
    detector = fit_question_model([groups[k][0] for k in keys if punct[k]])

    def evidence(k):  # for a caption transcript: a detector that did not see it (it only sees punctuated ones)
        return question_evidence(groups[k][0], punct[k], detector)

    params = fit_segment_params([(groups[k][1], evidence(k), groups[k][3]) for k in keys])
    # every transcript tunes the knobs as if nothing marked its changes (a marked one is
    # decoded by the HMM, but its turns are turns all the same)
    trials = []
    for k in keys:
        others = {j: groups[j] for j in keys if j != k}
        inner = fit_attribution(others, turns=False, **fit_kw) if others else model
        em = center([inner.emission(f) for f in groups[k][0]])
        trials.append((em, evidence(k), groups[k][3], groups[k][1]))
    best, best_score = {}, -1.0
    for knobs in KNOB_GRID:
        p = SegmentParams(**{**params.__dict__, **knobs})
        worst = 1.0
        for em, q, words, gold in trials:
            acc = role_accuracy(decode_segments(em, q, words, [None] * len(em), with_turn_cost(p, q)), gold, words)
            worst = min([worst, *acc.values()])
        if worst > best_score:
            best, best_score = knobs, worst
    return replace(model, question=detector, segment=SegmentParams(**{**params.__dict__, **best}))


def gold_roles(starts_ends_roles: Sequence[tuple[int, int, str]]):
    """Sorted (start, end, role) gold spans in, a position -> role lookup out."""
    spans = sorted(starts_ends_roles)
    starts = [s for s, _, _ in spans]

    def role_at(pos: int) -> str | None:
        k = bisect.bisect_right(starts, pos) - 1
        if k >= 0 and pos < spans[k][1]:
            return spans[k][2]
        return None

    return role_at


def unit_label(text: str, start: int, end: int, role_at) -> str | None:
    """The role holding most of the unit's words (None when no gold span covers it)."""
    votes: dict[str, int] = {}
    for m in re.finditer(r"\S+", text[start:end]):
        r = role_at(start + m.start())
        if r:
            votes[r] = votes.get(r, 0) + 1
    return max(votes, key=votes.get) if votes else None


def save(model: AttributionModel, path: Path = MODEL_PATH, *, about: str = "", keep: float = 0.05) -> None:
    """Write the model as compact JSON (weights under `keep` in absolute value dropped)."""
    weights = {f: v for f, v in sorted(model.weights.items()) if abs(v) >= keep}
    question = {f: v for f, v in sorted(model.question.weights.items()) if abs(v) >= keep}
    body = {"about": about, "scale": model.scale, "offset": model.offset, "switch": dict(model.switch),
            "segment": params_to_dict(model.segment),
            "question": {"a": model.question.a, "b": model.question.b, "weights": question}, "weights": weights}
    path.write_text(json.dumps(body, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


@lru_cache(maxsize=1)
def load_model() -> AttributionModel:
    """The shipped model (fit on every curated seed)."""
    if not MODEL_PATH.exists():
        return AttributionModel({})
    body = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    q = body.get("question") or {}
    return AttributionModel(
        body["weights"], body["scale"], body["offset"], {**SWITCH_PRIOR, **body["switch"]},
        QuestionModel(q.get("weights", {}), q.get("a", 1.0), q.get("b", 0.0)), params_from_dict(body.get("segment", {})),
    )


# --- fitting on the curated seeds -----------------------------------------------------------

CURATED = {  # seed file -> hand-marked turn files (curation/), relative to the project root
    "000_5e2d2378550aa81c.txt": ("000_turns.json",),
    "001_4ce4f833089e0e5e.txt": ("001_turns.json",),
    "002_a252ec61e314f82f.txt": ("002a_turns.json", "002b_turns.json"),
}


def seed_groups(
    root: Path, curated: Mapping[str, Sequence[str]] = CURATED, *, seeds_dir: Path | None = None, curation_dir: Path | None = None,
) -> dict:
    """The curated seeds in, {seed file: (unit features, unit roles, boundary kinds)} out, plus
    what is needed to decode and measure them (under the key "_units"). The seeds and the marked
    turns are read from root/seeds and root/curation unless other folders are given."""
    from .attribute import unlabelled_units
    from .formats import parse_source
    from .manifest import load_manifest, merge_metadata
    from .read import read_source
    from .segment import sentence_spans

    seeds_dir = seeds_dir or root / "seeds"
    curation_dir = curation_dir or root / "curation"
    manifest = load_manifest(seeds_dir / "manifest.json")
    groups: dict = {"_units": {}}
    for name, gold_files in curated.items():
        text, _ = read_source(seeds_dir / name)
        parsed = parse_source(text, source=name)
        metadata = merge_metadata(parsed.metadata, manifest.get(name) or parsed.metadata)
        spans = sentence_spans(text, [(t.start_char, t.end_char) for t in parsed.turns])
        speakers, units = unlabelled_units(text, parsed, metadata, units=spans)
        role_of = {sp.slug: sp.role for sp in speakers}
        gold = [
            (g["start_char"], g["end_char"], role_of[g["speaker"]])
            for f in gold_files for g in json.loads((curation_dir / f).read_text(encoding="utf-8"))
        ]
        role_at = gold_roles(gold)
        roles = [unit_label(text, a, b, role_at) for _, a, b in units.spans]
        groups[name] = (units.features, roles, units.kinds, units.words, units.punctuated)
        groups["_units"][name] = (text, parsed, speakers, units)
    return groups


def refit(path: Path = MODEL_PATH) -> AttributionModel:
    """Fit on every curated seed and write the model to `path` (the shipped file by default)."""
    groups = seed_groups(Path(__file__).resolve().parents[2])
    groups.pop("_units")
    model = fit_attribution(groups)
    save(model, path, about="host-vs-guest unit classifier; fit on curated seeds " + ", ".join(sorted(groups)) + " by python -m claims.ingest.attribute_model")
    return model


def _main() -> None:  # pragma: no cover - refitting helper
    model = refit()
    print(f"{len(model.weights)} weights, scale {model.scale}, offset {model.offset}, switch {model.switch}, segment {model.segment}")


if __name__ == "__main__":  # pragma: no cover
    _main()
