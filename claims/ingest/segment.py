"""Sentence segmentation: turns in, sentence spans (slices of the source) out.

Punctuated text is split after sentence-final punctuation. Unpunctuated text (seed 000's
raw captions) is split by a small averaged-perceptron boundary model over word-window
features, trained on the punctuated seeds 001 and 002 with punctuation and casing removed
(see `train_boundary_model`; `refit`, which `python -m claims.ingest.segment` runs, retrains it
and writes boundary_model.json next to this file). Decoding is one greedy left-to-right pass, linear in
the number of words. In unpunctuated text a dialogue dash opening a line ("- i was nine", a
subtitler's change of voice) ends the sentence before it, as punctuation would.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from .formats._common import punctuation_rate
from .records import Sentence, Turn

MODEL_PATH = Path(__file__).with_name("boundary_model.json")

# Above this many sentence marks per word, text counts as punctuated (seed 000: 0.0008;
# seeds 001 and 002: about 0.07).
PUNCTUATED_RATE = 0.02

_TOKEN = re.compile(r"\S+")
_MARKER = re.compile(r"^[\[(][^\])]{1,40}[\])]$")  # "[Music]", "(laughs)", "(upbeat music)"
_STRIP = re.compile(r"[^\w']+")
# marks that end a sentence: Latin ones, the full-width marks of Chinese and Japanese, Arabic's
# question mark and the Devanagari danda; then closing quotes and brackets
_CLOSERS = "\"'”’)\\]»」』）】"
_END = re.compile(r"(?:[.?!…]|[。！？؟।॥])+[" + _CLOSERS + r"]*$")
_WIDE_END = frozenset("。！？؟।॥")  # need no space after them
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st vs etc e.g i.e cf no fig jr sr inc ltd co mt approx dept est".split()
    # German, Spanish, French and Russian forms of address and abbreviations written before a noun
    + "hr fr nr bzw ca vgl ggf evtl inkl bspw sog sra srta dña ud uds mme mlle mgr pr г гг им ул".split()
)
_OPENERS = "\"'“‘„«‹([¿¡"  # what may stand before the next sentence's first letter


def normalize(token: str) -> str:
    """A raw token as the model sees it: lower case, no punctuation ("Don’t," -> "don't")."""
    return _STRIP.sub("", token.replace("’", "'").lower()).strip("'")


def is_marker(token: str) -> bool:
    return bool(_MARKER.match(token))


def ends_sentence(token: str, next_token: str | None) -> bool:
    """True when a punctuated token closes a sentence (abbreviations and initials excepted)."""
    if not _END.search(token):
        return False
    core = token.rstrip(_CLOSERS)
    if core.endswith("."):
        word = core[:-1].lstrip(_OPENERS).lower()
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha() and word.upper() == core[-2:-1]):
            return False
        if next_token is not None and (_single_letter(word) and _single_letter(next_token.rstrip(".").lower())):
            return False  # "z. B.", "d. h.", "т. е.": an abbreviation in two letters
        if next_token is not None and not _starts_sentence(next_token) and not next_token[0] in "-–—":
            return False  # "3.5 billion" or "e.g. this": no capital follows
    return True


def _single_letter(word: str) -> bool:
    return len(word) == 1 and word.isalpha()


def _starts_sentence(token: str) -> bool:
    """Whether a token may open a sentence: after opening quotes or Spanish's ¿ and ¡, a digit or a
    letter that is not lower case (a capital in any cased script; any letter of Chinese, Arabic,
    Hebrew or Devanagari, which have no case)."""
    core = token.lstrip(_OPENERS)
    if not core:
        return bool(token)  # "¿" or "«" alone, its words after a space
    first = core[0]
    return first.isdigit() or (first.isalpha() and not first.islower())


def is_punctuated(text: str) -> bool:
    return punctuation_rate(text) >= PUNCTUATED_RATE


# --- the boundary model ------------------------------------------------------------------

_BUCKETS = (1, 2, 3, 4, 6, 8, 11, 15, 20, 27, 35, 50)


def _bucket(n: int) -> int:
    for i, edge in enumerate(_BUCKETS):
        if n <= edge:
            return i
    return len(_BUCKETS)


_BUCKET_OF = tuple(_bucket(n) for n in range(_BUCKETS[-1] + 1))  # _bucket(n) for the counts the loop below meets


def _features(words: Sequence[str], i: int, since: int) -> list[str]:
    """Features of the gap after words[i]; `since` counts words since the last boundary."""
    n = len(words)
    w0 = words[i]
    w1 = words[i + 1] if i + 1 < n else "</s>"
    m1 = words[i - 1] if i > 0 else "<s>"
    w2 = words[i + 2] if i + 2 < n else "</s>"
    b = _bucket(since)
    return [
        "bias",
        "w0=" + w0,
        "w1=" + w1,
        "m1=" + m1,
        "w2=" + w2,
        "w0w1=" + w0 + "|" + w1,
        "m1w0=" + m1 + "|" + w0,
        "w1w2=" + w1 + "|" + w2,
        "len=%d" % b,
        "lenw1=%d|%s" % (b, w1),
        "s0=" + w0[-2:],
    ]


@dataclass(frozen=True)
class BoundaryModel:
    """Feature weights of a binary boundary classifier (positive score: a sentence ends)."""

    weights: dict

    def score(self, feats: Iterable[str]) -> float:
        w = self.weights
        return sum(w.get(f, 0.0) for f in feats)

    @cached_property
    def _fixed_weights(self) -> tuple[float, float, float, list[float]]:
        """(bias, m1=<s>, w2=</s>, the weight of each length bucket): the same for every call."""
        get = self.weights.get
        return (get("bias", 0.0), get("m1=<s>", 0.0), get("w2=</s>", 0.0),
                [get("len=%d" % b, 0.0) for b in range(len(_BUCKETS) + 1)])

    def boundaries(self, words: Sequence[str], *, threshold: float = 0.0,
                   unigram_weights: dict[str, tuple[float, float, float, float, float]] | None = None) -> list[int]:
        """Indices i such that a sentence ends after words[i] (the last word always does).
        `unigram_weights`: a dict to keep each word's own weights in, shared by the calls on one text
        (a transcript of many short turns says the same words turn after turn)."""
        get = self.weights.get
        cache = {} if unigram_weights is None else unigram_weights
        uni = []
        for word in words:
            u = cache.get(word)
            if u is None:
                u = cache[word] = (get("w0=" + word, 0.0), get("w1=" + word, 0.0), get("m1=" + word, 0.0),
                                   get("w2=" + word, 0.0), get("s0=" + word[-2:], 0.0))
            uni.append(u)
        n = len(words)
        bias, start_m1, end_w2, lens = self._fixed_weights
        bucket_of, last_bucket, longest = _BUCKET_OF, len(_BUCKETS), _BUCKETS[-1]
        out = []
        since = 0
        for i in range(n - 1):
            since += 1
            b = bucket_of[since] if since <= longest else last_bucket
            w0 = words[i]
            w1 = words[i + 1]
            u0, u1 = uni[i], uni[i + 1]
            m1 = words[i - 1] if i > 0 else "<s>"
            w2 = words[i + 2] if i + 2 < n else "</s>"
            score = (bias + u0[0] + u1[1] + (uni[i - 1][2] if i > 0 else start_m1) + (uni[i + 2][3] if i + 2 < n else end_w2)
                     + u0[4] + lens[b]
                     + get("w0w1=" + w0 + "|" + w1, 0.0) + get("m1w0=" + m1 + "|" + w0, 0.0)
                     + get("w1w2=" + w1 + "|" + w2, 0.0) + get("lenw1=%d|%s" % (b, w1), 0.0))
            if score > threshold:
                out.append(i)
                since = 0
        if n:
            out.append(n - 1)
        return out


def train_boundary_model(sequences: Sequence[tuple[Sequence[str], set[int]]], *, epochs: int = 8, keep: float = 0.05) -> BoundaryModel:
    """(words, boundary indices) sequences in, an averaged perceptron out.

    Trained with the gold history for the length feature; weights under `keep` in absolute
    value are dropped to keep the shipped JSON small.
    """
    weights: dict[str, float] = {}
    totals: dict[str, float] = {}
    stamps: dict[str, int] = {}
    step = 0
    for epoch in range(epochs):
        for words, gold in sequences:
            since = 0
            for i in range(len(words) - 1):
                step += 1
                since += 1
                feats = _features(words, i, since)
                score = sum(weights.get(f, 0.0) for f in feats)
                y = 1.0 if i in gold else -1.0
                if (score > 0) != (y > 0):
                    for f in feats:
                        old = weights.get(f, 0.0)
                        totals[f] = totals.get(f, 0.0) + (step - stamps.get(f, 0)) * old
                        stamps[f] = step
                        weights[f] = old + y
                if i in gold:
                    since = 0
    averaged = {}
    for f, w in weights.items():
        total = totals.get(f, 0.0) + (step - stamps.get(f, 0)) * w
        avg = total / step
        if abs(avg) >= keep:
            averaged[f] = round(avg, 3)
    return BoundaryModel(averaged)


def training_sequence(text: str, start: int = 0, end: int | None = None) -> tuple[list[str], set[int]]:
    """Punctuated text in, (normalized words, indices of sentence-final words) out."""
    raw = [m.group() for m in _TOKEN.finditer(text, start, len(text) if end is None else end)]
    words: list[str] = []
    gold: set[int] = set()
    for k, tok in enumerate(raw):
        if is_marker(tok):
            continue
        w = normalize(tok)
        if not w:
            if words and (tok in ("-", "--", "—") or _END.search(tok)):
                gold.add(len(words) - 1)  # a turn mark or a lone "." ends the sentence
            continue
        words.append(w)
        if ends_sentence(tok, raw[k + 1] if k + 1 < len(raw) else None):
            gold.add(len(words) - 1)
    return words, gold


def boundary_scores(predicted: set[int], gold: set[int]) -> dict[str, float]:
    tp = len(predicted & gold)
    p = tp / len(predicted) if predicted else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "gold": len(gold), "predicted": len(predicted)}


def evaluate_boundary_model(model: BoundaryModel, words: Sequence[str], gold: set[int]) -> dict[str, float]:
    """Boundary precision/recall/F1 on punctuation-stripped text (the final word excluded)."""
    last = len(words) - 1
    predicted = {i for i in model.boundaries(words) if i != last}
    return boundary_scores(predicted, {i for i in gold if i != last})


@lru_cache(maxsize=1)
def load_boundary_model() -> BoundaryModel:
    return BoundaryModel(json.loads(MODEL_PATH.read_text(encoding="utf-8"))["weights"])


# --- splitting -----------------------------------------------------------------------------


# one class for the first mark, then the rest by its kind: twice as fast as an alternation
_END_CANDIDATE = re.compile(r"[.?!…。！？؟।॥](?:(?<=[.?!…])[.?!…]*[" + _CLOSERS + r"]*(?=\s|$)|(?<=[。！？؟।॥])[。！？؟।॥]*["
                            + _CLOSERS + r"]*)")
_SPACED_CLOSER = re.compile(r"[ \u00a0\u202f]?[»›](?=\s|$)")  # French: « Vraiment ? », the guillemet after a space
_LEADING = re.compile(r"(?:\s|[\[(][^\])\s]{1,20}(?: [^\])\s]{1,20}){0,2}[\])](?=\s|$))*")
# the next token, its first 100 characters: all `ends_sentence` reads of it is its opening and whether it is one letter
# (a whole token of a script written without spaces, read at each sentence end in it, took time in the square of its
# length: 0.64 MB of Japanese on one line, 15 s)
_NEXT = re.compile(r"\s*(\S{1,100})")
_TOKEN_START = re.compile(r"\S+$")


def _split_punctuated(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = _LEADING.match(text, start, end).end()
    for m in _END_CANDIDATE.finditer(text, pos, end):
        e = m.end()
        if e <= pos:
            continue
        tok = _TOKEN_START.search(text, max(pos, m.start() - 40), e)
        nxt = _NEXT.match(text, e, end)
        if ends_sentence(tok.group() if tok else text[m.start():e], nxt.group(1) if nxt else None):
            if e < end and text[e] in " \u00a0\u202f»›" and (closer := _SPACED_CLOSER.match(text, e, end)):
                e = closer.end()
            spans.append((pos, e))
            pos = _LEADING.match(text, e, end).end()
    if pos < end:
        a, b = pos, end
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))
    return spans


_DIALOGUE_DASHES = frozenset("-–")


def _opens_line(text: str, start: int, at: int) -> bool:
    """Whether only spaces stand between the start of `at`'s line (or `start`) and `at`."""
    j = at
    while j > start and text[j - 1] in " \t":  # (back over spaces only: to the token before at most)
        j -= 1
    return j == start or text[j - 1] == "\n"


@dataclass
class _SeenWords:
    """Each token's normalized word and each word's unigram weights, kept across the turns of one text:
    a transcript says the same few thousand words over and over, and may have a turn for every line."""

    normalized: dict[str, str] = field(default_factory=dict)
    unigram_weights: dict[str, tuple[float, float, float, float, float]] = field(default_factory=dict)


def split_span(
    text: str, start: int, end: int, *, punctuated: bool, model: BoundaryModel | None = None, threshold: float = 0.0,
    seen: _SeenWords | None = None,
) -> list[tuple[int, int]]:
    """[start, end) in, sentence spans inside it out (markers like "[Music]" left out). `seen`: what
    the calls before on the same text worked out about its words."""
    if punctuated:
        return _split_punctuated(text, start, end)
    spans: list[tuple[int, int]] = []
    model = model or load_boundary_model()
    seen = seen or _SeenWords()
    # runs of words between markers; the model splits each run
    runs: list[list[tuple[int, int, str]]] = [[]]
    normalized = seen.normalized
    dash_at = None  # where a subtitler's dialogue dash opened the line the next word is on
    for m in _TOKEN.finditer(text, start, end):
        tok = m.group()
        if tok[0] in "[(" and is_marker(tok):
            runs.append([])
            continue
        w = normalized.get(tok)
        if w is None:
            w = normalized[tok] = normalize(tok)
        if not w:
            if tok in _DIALOGUE_DASHES and _opens_line(text, start, m.start()):
                # "- " opening a line: a change of voice (subtitles' dialogue); the words after it are a sentence
                # of their own, which opens with the dash so that attribution sees the mark
                runs.append([])
                dash_at = m.start()
            elif runs[-1]:
                x, _, ww = runs[-1][-1]
                runs[-1][-1] = (x, m.end(), ww)  # a stray "-" joins the word before it
            continue
        runs[-1].append((m.start() if dash_at is None else dash_at, m.end(), w))
        dash_at = None
    for run in runs:
        if not run:
            continue
        cut = model.boundaries([w for _, _, w in run], threshold=threshold, unigram_weights=seen.unigram_weights)
        begin = 0
        for i in cut:
            spans.append((run[begin][0], run[i][1]))
            begin = i + 1
    return spans


def sentence_spans(text: str, ranges, *, punctuated: bool | None = None) -> list[tuple[int, int]]:
    """Sentence spans over several (start, end) ranges (turns), in order."""
    return [span for spans in spans_by_range(text, ranges, punctuated=punctuated) for span in spans]


def spans_by_range(text: str, ranges, *, punctuated: bool | None = None) -> list[list[tuple[int, int]]]:
    """The sentence spans of each (start, end) range (turn): trimmed, inside their range."""
    ranges = list(ranges)
    if not ranges:
        return []
    if punctuated is None:
        punctuated = is_punctuated(text[ranges[0][0] : ranges[-1][1]])
    model = None if punctuated else load_boundary_model()
    seen = _SeenWords()
    # a span's sentences depend on its own characters alone: a short turn said again (a chat log's "OK",
    # a label's "x" line after line) is split once, its sentences moved to where it stands
    split_before: dict[str, tuple[int, list[tuple[int, int]]]] = {}  # a turn's text -> where it stood, its sentences
    out = []
    for a, b in ranges:
        if b - a > _SPLIT_REMEMBERED:
            out.append(split_span(text, a, b, punctuated=punctuated, model=model, seen=seen))
            continue
        turn = text[a:b]
        before = split_before.get(turn)
        if before is None:
            spans = split_span(text, a, b, punctuated=punctuated, model=model, seen=seen)
            if len(split_before) < _SPLITS_REMEMBERED:
                split_before[turn] = (a, spans)
        else:
            moved = a - before[0]
            spans = [(x + moved, y + moved) for x, y in before[1]]
        out.append(spans)
    return out


_SPLIT_REMEMBERED = 200  # characters: the longest span whose sentences spans_by_range keeps for its next saying
# and the most spans it keeps: a text of turns all different pays a lookup a turn, not a store in a growing table
_SPLITS_REMEMBERED = 4096


def sentences_of_turns(turns: Sequence[Turn], spans: Sequence[Sequence[tuple[int, int]]]) -> tuple[Sentence, ...]:
    """Turns and the sentence spans of each (spans_by_range over the same ranges) in, Sentences
    out: what split_sentences finds, without looking for each span's turn."""
    return tuple(Sentence(a, b, turn.index) for turn, turn_spans in zip(turns, spans) for a, b in turn_spans)


def split_sentences(
    text: str, turns: Sequence[Turn], *, punctuated: bool | None = None, spans: Sequence[tuple[int, int]] | None = None,
    min_chars: int = 1,
) -> tuple[Sentence, ...]:
    """Source text and turns in, sentence spans within each turn out.

    `spans` (sentence spans computed earlier, e.g. for attribution) are reused when given;
    a span crossing a turn boundary is cut at it.
    """
    if not turns:
        return ()
    if spans is None:
        spans = sentence_spans(text, [(t.start_char, t.end_char) for t in turns], punctuated=punctuated)
    out: list[Sentence] = []
    k = 0
    n = len(spans)
    for turn in turns:
        while k < n and spans[k][1] <= turn.start_char:
            k += 1
        j = k
        while j < n and spans[j][0] < turn.end_char:
            a, b = max(spans[j][0], turn.start_char), min(spans[j][1], turn.end_char)
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b - a >= min_chars:
                out.append(Sentence(start_char=a, end_char=b, turn_index=turn.index))
            j += 1
    return tuple(out)


def refit(path: Path = MODEL_PATH) -> BoundaryModel:
    """Seeds 001 and 002 in, the boundary model trained on them and written to `path` (the shipped file by default) out."""
    from .formats import parse_source
    from .read import read_source

    root = Path(__file__).resolve().parents[2] / "seeds"
    seqs = []
    for name in ("001_4ce4f833089e0e5e.txt", "002_a252ec61e314f82f.txt"):
        text, _ = read_source(root / name)
        parsed = parse_source(text, source=name)
        seqs.append(training_sequence(text, parsed.content_start, parsed.content_end))
    model = train_boundary_model(seqs)
    Path(path).write_text(json.dumps({"trained_on": "seeds 001 and 002, punctuation and casing removed", "weights": model.weights},
                                     sort_keys=True, separators=(",", ":")), encoding="utf-8")
    if Path(path) == MODEL_PATH:
        load_boundary_model.cache_clear()
    return model


def _main() -> None:  # pragma: no cover - retraining helper
    import sys

    model = refit()
    print(f"{len(model.weights)} weights -> {MODEL_PATH}", file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    _main()
