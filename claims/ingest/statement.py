"""Statements: a verbatim quote in, one clean, punctuated, capitalised sentence out.

Cleaning only removes and re-cases, never adds words: fillers ("um", "uh", "you know"),
false starts and stutters ("I I think", "it's it's"), caption markers ("[Music]"), leading
discourse words ("yeah so", "well"), then fixes the casing speech recognition gets wrong
("open Ai" -> "OpenAI", "i" -> "I", seed 000's stray capitals such as "Human feedback" when the
interview's own text writes the word in lower case) and punctuates. Also here: the hedging
and claim-type rules that read the same words. Pure Python; no Django.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Mapping, Sequence

_SPACE = re.compile(r"[\s\u00a0]+")
_MARKER = re.compile(r"[\[(][^\])]{1,40}[\])]")
_FILLER = re.compile(r"(?:(?<=\s)|^)(?:u+m+|u+h+|uhm|erm|er|ah|hmm+|mm+|mhm)\b[,.]?\s*", re.I)
_YOU_KNOW = re.compile(r",?\s*\byou know\b,?(?=\s)", re.I)
_I_MEAN_LEAD = re.compile(r"^(?:i mean|like|you know|so|well|yeah|yes|okay|ok|right|and|oh|now|look|sure)\b[,.]?\s+", re.I)
_REPEAT = re.compile(r"\b((?:[\w'’-]+\s+){0,2}[\w'’-]+)(?:[\s,]+\1\b)+", re.I)
_DANGLING = re.compile(r"[\s,;:–—-]*\b(?:and|but|or|so|because|that|which|the|a|an|of|to|like|um|uh)\s*$", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")

# Terms speech recognition and scraped captions case wrongly; keys are lower case, spaces allowed.
TERMS = {
    "open ai": "OpenAI", "openai": "OpenAI", "chatgpt": "ChatGPT", "chat gpt": "ChatGPT", "gpt": "GPT",
    "gpt3": "GPT-3", "gpt 3": "GPT-3", "gpt-3": "GPT-3", "gpt2": "GPT-2", "gpt 2": "GPT-2", "gpt-2": "GPT-2",
    "gpt4": "GPT-4", "gpt 4": "GPT-4", "gpt-4": "GPT-4", "ai": "AI", "agi": "AGI", "rl": "RL", "rlhf": "RLHF",
    "lstm": "LSTM", "lstms": "LSTMs", "gpu": "GPU", "gpus": "GPUs", "tpu": "TPU", "tpus": "TPUs",
    "imagenet": "ImageNet", "alexnet": "AlexNet", "google": "Google", "microsoft": "Microsoft",
    "nvidia": "NVIDIA", "dota": "Dota", "i": "I", "i'm": "I'm", "i've": "I've", "i'd": "I'd", "i'll": "I'll",
    "i’m": "I’m", "i’ve": "I’ve", "i’d": "I’d", "i’ll": "I’ll", "english": "English", "russia": "Russia",
    "israel": "Israel", "canada": "Canada", "toronto": "Toronto", "hinton": "Hinton",
}


def _first_letters(alternation: str) -> str:
    """The first letters of the top-level alternatives of a regex alternation ("i think|maybe|in (?:a|b)" -> "im")."""
    letters, depth, start, escaped = set(), 0, True, False
    for ch in alternation:
        if start:
            if not ch.isalpha():
                raise ValueError(f"an alternative of {alternation[:40]!r}... does not start with a letter")
            letters.add(ch.lower())
            start = False
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            start = True
    return "".join(sorted(letters))


def _words_re(alternation: str) -> re.Pattern:
    """`\\b(?:alternation)\\b`, case-insensitive, with a look-ahead for the alternatives' first letters:
    a necessary condition, so it matches exactly where the plain pattern does, but most positions
    fail on one character class instead of on every alternative (the type and hedge rules ran
    four such searches per proposal)."""
    return re.compile(r"\b(?=[%s])(?:%s)\b" % (_first_letters(alternation), alternation), re.I)


# the look-ahead on the terms' first letters only skips positions no term can start at (as in `_words_re`)
_TERM_RE = re.compile(
    r"(?<![\w'’-])(?=[%s])(" % "".join(sorted({k[0] for k in TERMS}))
    + "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in TERMS), key=len, reverse=True)) + r")(?![\w'’-])",
    re.I,
)


def casing_map(text: str) -> dict[str, str]:
    """The lower-case form of words that a text writes capitalised only at random (seed 000's
    "Human", "Revolution"): a capitalised word whose lower-case form is at least twice as
    frequent in the text maps to lower case."""
    counts = Counter(_WORD.findall(text))
    out = {}
    for word, n in counts.items():
        if word[0].isupper() and word[1:].islower() and len(word) > 1:
            low = word.lower()
            if counts.get(low, 0) >= 2 * n and low not in TERMS:
                out[word] = low
    return out


def _fix_terms(text: str) -> str:
    return _TERM_RE.sub(lambda m: TERMS[_SPACE.sub(" ", m.group(1).lower())], text)


def _clean_piece(piece: str, casing: Mapping[str, str]) -> str:
    s = _MARKER.sub(" ", piece)
    s = _SPACE.sub(" ", s).strip()
    s = _YOU_KNOW.sub("", s)
    s = _FILLER.sub("", s)
    for _ in range(3):  # "yeah so I mean": peel several leading discourse words
        t = _I_MEAN_LEAD.sub("", s)
        if t == s:
            break
        s = t
    s = _REPEAT.sub(r"\1", s)
    if casing:
        s = _WORD.sub(lambda m: casing.get(m.group(0), m.group(0)), s)
    s = _fix_terms(s)
    s = _SPACE.sub(" ", s).strip(" ,;:–—-")
    return s


def _drop_dangling(s: str) -> str:
    """`_DANGLING.sub("", s)`, searching only the end of `s`.

    A match ends at the end of the text and its word is the last run of letters (at most 7), so
    it starts inside the last 40 characters unless a long run of separators precedes the word;
    the match found from there is the leftmost one unless it starts exactly at the cut (then the
    separators may reach further back, and the whole text is searched). Searching every position
    of every statement was a sixth of the statement cleaner's time.
    """
    cut = len(s.rstrip()) - 40
    if cut > 0:
        m = _DANGLING.search(s, cut)
        if m is None:
            return s
        if m.start() > cut:
            return s[: m.start()] + s[m.end() :]
    return _DANGLING.sub("", s)


def _capitalise(s: str) -> str:
    for i, ch in enumerate(s):
        if ch.isalpha():
            return s[:i] + ch.upper() + s[i + 1 :]
        if ch.isdigit():
            return s
    return s


def clean_statement(
    quote: str, *, breaks: Sequence[int] = (), casing: Mapping[str, str] | None = None, max_chars: int = 400
) -> str:
    """A quote in, one clean sentence out.

    `breaks` are offsets inside the quote where a sentence ends in unpunctuated text (from the
    segmenter); the pieces are joined with semicolons so the result stays one sentence.
    `casing` maps wrongly capitalised words to their usual form (see `casing_map`).
    """
    casing = casing or {}
    cuts = [0, *sorted(b for b in breaks if 0 < b < len(quote)), len(quote)]
    pieces = [quote[a:b] for a, b in zip(cuts, cuts[1:])]
    cleaned = [c for c in (_clean_piece(p, casing) for p in pieces) if c]
    if not cleaned:
        return _capitalise(_SPACE.sub(" ", quote).strip())
    parts = []
    for c in cleaned:
        if parts and not parts[-1].endswith((".", "?", "!", ";", ":", ",")):
            parts[-1] += ";"
        parts.append(c)
    s = " ".join(parts)
    s = _REPEAT.sub(r"\1", s)
    while True:
        t = _drop_dangling(s)
        if t == s or not t:
            break
        s = t
    if len(s) > max_chars:
        cut = s.rfind(" ", 0, max_chars)
        s = s[: cut if cut > 0 else max_chars].rstrip(" ,;:")
        s = _drop_dangling(s) + "…"
    s = _capitalise(s)
    if s and s[-1] not in ".?!…":
        s = s.rstrip(";,:") + "."
    return s


# --- hedging and claim type --------------------------------------------------------------

_HEDGE = _words_re(
    r"i think|i believe|i guess|i suspect|i feel|i imagine|i would say|i'd say|i’d say|maybe|perhaps|probably|"
    r"possibly|possible|it seems|seems|might|may|could be|likely|unlikely|my guess|my sense|i'm not sure|i’m not sure|"
    r"not sure|i don't know|i don’t know|hopefully|i hope|kind of|sort of|to some degree|in some sense|plausible",
)
_NORMATIVE = _words_re(
    r"should|shouldn't|ought to|must|need to|needs to|have to|has to|it's important|it is important|"
    r"it’s important|we want|it would be good|it would be wise|the right thing|it's desirable|responsible",
)
_BIOGRAPHICAL = _words_re(
    r"i was born|i grew up|i moved|i studied|my phd|my ph\.d|my advisor|my parents|when i was|i joined|i started|"
    r"i left|i worked|i went to|i remember|i co-?founded|as a (?:kid|child|teenager|student)|i was (?:a|at|in|lucky|fortunate|very|really)|"
    r"i met|i got (?:interested|into)|i became",
)
_OPINION = _words_re(
    r"i think|i believe|i feel|in my (?:view|opinion)|my view|i claim|i would argue|i'd argue|it's obvious|"
    r"important|interesting|beautiful|amazing|remarkable|incredible|surprising|good|bad|better|best|worse|worst|"
    r"hard|difficult|easy|fascinating|profound|wonderful|great|terrible",
)


def is_hedged(text: str) -> bool:
    """True when the speaker qualifies the claim ("I think", "maybe", "probably", ...)."""
    return bool(_HEDGE.search(text))


def claim_type_of(text: str, *, future: bool) -> str:
    """The claim type of a quote by rules: prediction (when `future`), biographical, normative, opinion, factual."""
    if future:
        return "prediction"
    if _BIOGRAPHICAL.search(text):
        return "biographical"
    if _NORMATIVE.search(text):
        return "normative"
    if _OPINION.search(text) or _HEDGE.search(text):
        return "opinion"
    return "factual"
