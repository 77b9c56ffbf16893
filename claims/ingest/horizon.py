"""Statements about the future: future-tense markers, and time horizons parsed into dates.

`find_horizon(text, published=..., precision=...)` finds the words a speaker uses for when
("by 2030", "in two years", "pretty soon", "one day") and resolves them against the
interview's published date into a `Horizon` with the original words and, when a date can be
derived, a target range. Vague horizons ("one day", "eventually") keep their words and get no
dates. With a published date known only to the year (seed 000: 2023, precision "year"), a
relative horizon covers whole years: "in five years" gives 2028-01-01..2028-12-31
(docs/curation.md). Pure Python; no Django.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "a couple": 2, "a couple of": 2, "couple of": 2,
}
# Vague quantities as (low, high) multiples of the unit: "a few years" is 2 to 5 years.
_VAGUE = {
    "a couple of": (2, 3), "couple of": (2, 3), "a couple": (2, 3), "a few": (2, 5), "few": (2, 5),
    "several": (3, 7), "a modest number of": (2, 5), "a small number of": (2, 5), "a number of": (2, 8),
    "many": (5, 20), "some": (1, 5), "a handful of": (2, 5),
}
_NUM = r"(?:\d{1,3}|a hundred|one hundred|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|an?|a couple(?: of)?)"
_VAGUE_RE = r"(?:a couple of|a few|several|a modest number of|a small number of|a number of|a handful of|many|some)"
_UNIT = r"(?P<unit>years?|months?|weeks?|days?|decades?|centuries|century)"
_YEAR = r"(?P<year>(?:19|20|21)\d\d)"


@dataclass(frozen=True)
class Horizon:
    """The words used for when (offsets relative to the text searched) and the dates they give."""

    text: str
    start: int
    end: int
    target_start: dt.date | None = None
    target_end: dt.date | None = None


def _number(words: str) -> int | None:
    w = _normal(words)
    if w.isdigit():
        return int(w)
    if w in _NUMBERS:
        return _NUMBERS[w]
    parts = re.split(r"[- ]", w)
    if len(parts) == 2 and parts[0] in _NUMBERS and parts[1] in _NUMBERS:
        return _NUMBERS[parts[0]] + _NUMBERS[parts[1]]
    return None


def _add(date: dt.date, *, years: int = 0, months: int = 0, days: int = 0) -> dt.date:
    """Calendar arithmetic: months and years keep the day where the month allows (31 Jan + 1 month = 28/29 Feb)."""
    month_index = date.month - 1 + months + 12 * years
    year, month = date.year + month_index // 12, month_index % 12 + 1
    day = min(date.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day) + dt.timedelta(days=days)


def _offset(date: dt.date, unit: str, amount: float) -> dt.date:
    unit = unit.rstrip("s")
    if unit in ("centurie", "century"):
        return _add(date, years=int(100 * amount))
    if unit == "decade":
        return _add(date, years=int(10 * amount))
    if unit == "year":
        return _add(date, years=int(amount))
    if unit == "month":
        return _add(date, months=int(amount))
    if unit == "week":
        return date + dt.timedelta(days=int(7 * amount))
    return date + dt.timedelta(days=int(amount))


def _year_range(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


class _Anchor:
    """The published date and its precision: where ranges start and how far they stretch."""

    def __init__(self, published: dt.date, precision: str) -> None:
        self.date = published
        self.precision = precision or "day"

    @property
    def start(self) -> dt.date:
        if self.precision == "year":
            return dt.date(self.date.year, 1, 1)
        if self.precision == "month":
            return dt.date(self.date.year, self.date.month, 1)
        return self.date

    def end_after(self, unit: str, amount: float) -> dt.date:
        """The last day of a stretch of `amount` units from the published date."""
        if self.precision == "year":
            return dt.date(_offset(self.date, unit, amount).year, 12, 31)
        if self.precision == "month":
            d = _offset(dt.date(self.date.year, self.date.month, 1), unit, amount)
            return dt.date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])
        return _offset(self.date, unit, amount)

    def point(self, unit: str, amount: float) -> tuple[dt.date, dt.date]:
        """"in five years": for years and longer the whole target year, else the day (or the period)."""
        if unit.rstrip("s") in ("year", "decade", "century", "centurie"):
            return _year_range(_offset(self.date, unit, amount).year)
        if self.precision == "year":
            return _year_range(_offset(self.date, unit, amount).year)
        d = _offset(self.date, unit, amount)
        return d, d


def _normal(words: str) -> str:
    """Words lower-cased, their whitespace runs read as single spaces."""
    return " ".join(words.lower().split())


def _rules():
    """(pattern, resolver) pairs, most specific first; a resolver gets (match, anchor) and gives (start, end) or None."""

    def by_year(m, a):
        return _year_range(int(m.group("year")))

    def decade_of(m, a):
        y = int(m.group("year"))
        return dt.date(y, 1, 1), dt.date(y + 9, 12, 31)

    def century(m, a):
        n = int(m.group("n"))
        return a.start, dt.date(100 * n, 12, 31)

    def within(m, a):
        n = _number(m.group("n"))
        return (a.start, a.end_after(m.group("unit"), n)) if n else None

    def within_vague(m, a):
        low, high = _VAGUE[_normal(m.group("v"))]
        return a.start, a.end_after(m.group("unit"), high)

    def in_n(m, a):
        n = _number(m.group("n"))
        return a.point(m.group("unit"), n) if n else None

    def in_vague(m, a):
        low, high = _VAGUE[_normal(m.group("v"))]
        unit = m.group("unit")
        start = a.point(unit, low)[0]
        return start, a.point(unit, high)[1]

    def next_unit(m, a):
        unit = m.group("unit")
        if unit.rstrip("s") == "year":
            return _year_range(a.date.year + 1)
        if unit.rstrip("s") == "decade":
            return a.start, a.end_after("year", 10)
        if unit.rstrip("s") == "month":
            d = _add(dt.date(a.date.year, a.date.month, 1), months=1)
            return d, dt.date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])
        return a.start, a.end_after(unit, 1)

    def this_year(m, a):
        return a.start, dt.date(a.date.year, 12, 31)

    def soon(m, a):
        # TODO: calibrate against resolved predictions; "soon" is read as within two years.
        return a.start, a.end_after("year", 2)

    def near_future(m, a):
        return a.start, a.end_after("year", 5)

    def few_decades(m, a):
        low, high = _VAGUE.get(_normal(m.group("v")), (2, 5))
        return a.point("year", 10 * low)[0], a.point("year", 10 * high)[1]

    vague = None
    rules = [
        (r"\b(?:in|during|by|over|throughout) the (?P<n>2[0-2])(?:st|nd|rd|th) century\b", century),
        (r"\bthe (?P<n>2[0-2])(?:st|nd|rd|th) century\b", century),
        (rf"\b(?:in|by|during) the {_YEAR}s\b", decade_of),
        (rf"\b(?:by|before|until|till|in|for|around|circa|come|by the end of|by the year|in the year|the end of) {_YEAR}\b", by_year),
        (rf"\b(?:within|in|over|during|for) the (?:next|coming) (?P<n>{_NUM}) {_UNIT}", within),
        (rf"\b(?:within|in|over|during|for) the (?:next|coming) (?P<v>{_VAGUE_RE}) {_UNIT}", within_vague),
        (rf"\bthe next (?P<n>{_NUM}) {_UNIT}", within),
        (rf"\bwithin (?:the )?(?:next )?(?P<n>{_NUM}) {_UNIT}", within),
        (rf"\bwithin (?P<v>{_VAGUE_RE}) {_UNIT}", within_vague),
        (r"\b(?:in|after) (?P<v>a few|several|a couple of|many) decades\b", few_decades),
        (rf"\b(?:in|after|over) (?P<n>{_NUM}) (?:more )?{_UNIT}(?:'s?|’s?)?(?: time| from now)?", in_n),
        (rf"\b(?P<n>{_NUM}) {_UNIT} from (?:now|today)\b", in_n),
        (rf"\b(?:in|after|over|within) (?P<v>{_VAGUE_RE}) (?:more )?{_UNIT}(?:'s?|’s?)?(?: time| from now)?", in_vague),
        (rf"\b(?P<v>{_VAGUE_RE}) {_UNIT} from (?:now|today)\b", in_vague),
        (rf"\b(?P<v>{_VAGUE_RE}) {_UNIT}\b", in_vague),
        (r"\b(?:the )?next (?P<unit>year|decade|month|week)\b", next_unit),
        (r"\b(?:later )?this year\b", this_year),
        (r"\b(?:in the )?(?:very |quite |fairly |pretty |relatively )?near(?:[- ]term)? future\b", near_future),
        (r"\b(?:very |pretty |quite |fairly |really |relatively )?soon(?:er| enough)?\b", soon),
        (r"\b(?:in the )?short term\b", soon),
        (r"\bin the (?:distant |far |long[- ]term )?future\b", vague),
        (r"\bof the future\b", vague),
        (r"\b(?:one day|someday|some day)\b", vague),
        (r"\b(?:eventually|ultimately|in the long run|in the long term|in time|sooner or later)\b", vague),
        (r"\bat some point\b", vague),
        (r"\b(?:in|for) (?:a long|quite a|a) while\b", vague),
        (r"\b(?:year after year|increasingly|over time)\b", vague),
        (r"\bafter (?:agi|superintelligence|it) (?:comes|is built|arrives|happens)\b", vague),
    ]
    # a space in a rule is any run of whitespace: "at  some point" (seed 001's caption-block
    # breaks) and a phrase cut by a caption cue's line breaks are the same words
    return [(re.compile(p.replace("[- ]", r"[-\s]").replace(" ", r"\s+"), re.IGNORECASE), f) for p, f in rules]


_RULES = _rules()
# One search over the union of the rules first: most text has no horizon, and 28 searches cost
# more than the whole rest of the detector.
_GATE = re.compile("|".join("(?:%s)" % re.sub(r"\(\?P<\w+>", "(?:", p.pattern) for p, _ in _RULES), re.IGNORECASE)


def find_horizon(text: str, *, published: dt.date | None = None, precision: str = "day") -> Horizon | None:
    """Text in, the first-ranked time horizon in it (words, offsets, target dates) out, or None."""
    if not _GATE.search(text):
        return None
    anchor = _Anchor(published, precision) if published else None
    best = None
    for pattern, resolve in _RULES:  # ordered by specificity: the first rule that fits wins
        for m in pattern.finditer(text):
            year = m.groupdict().get("year")
            if year and published is not None and int(year) < published.year:
                continue  # "in 2012": a past year is a recollection, not a horizon
            best = (m, resolve)
            break
        if best is not None:
            break
    if best is None:
        return None
    m, resolve = best
    start = end = None
    if resolve is not None and anchor is not None:
        dates = resolve(m, anchor)
        if dates is not None:
            start, end = dates
            if start > end:
                start, end = end, start
    elif resolve is not None and anchor is None and resolve.__name__ in ("by_year", "decade_of"):
        start, end = resolve(m, None)
    return Horizon(text=" ".join(m.group(0).split()), start=m.start(), end=m.end(), target_start=start, target_end=end)


# --- future-tense markers --------------------------------------------------------------------

# Markers are matched on tokens, not by one regex each: a sentence is tokenised once and every
# marker is a dictionary lookup (the extractor computes them for every sentence of a transcript).
_TOKEN = re.compile(r"[a-z0-9]+(?:['.,][a-z0-9]+)*%?")
_AFTER_GOING_TO_NOT = frozenset(("the", "a", "an", "my", "your"))  # "going to the lab" is a place, not a future
_SUBJECT_EXPECT = frozenset(("i", "we"))
_EXPECT_VERBS = frozenset(("expect", "predict", "anticipate", "bet", "foresee", "imagine"))
_EXPECT_MID = frozenset(("would", "do", "really", "fully", "definitely", "also"))
_CONFIDENT = frozenset(("sure", "confident", "hopeful", "optimistic", "certain"))
_PRONOUN_AFTER = frozenset(("we", "it", "they", "this", "there", "the", "ai", "you", "people", "that"))
_FUTURE_WORDS = {
    "likely": ("likely", "unlikely", "probably", "chance", "chances", "possible", "possibility", "impossible", "inevitable",
               "inevitably", "plausible", "certainly"),
    "modal": ("could", "might", "may", "would", "wouldn't", "couldn't"),
    "become": ("become", "becomes", "continue", "continues", "arrive", "arrives", "happen", "happens", "emerge", "unlock",
               "increasingly", "improve", "improves"),
    "past": ("was", "were", "did", "had", "ago"),
    "future_time": ("someday", "soon", "eventually", "ultimately", "decade", "decades", "future", "hindsight", "sooner",
                    "later", "tomorrow"),
}
_FUTURE_PHRASES = {
    "future_time": ("one day", "some day", "at some point", "in the long run", "in the long term", "next year",
                    "in the next", "in the coming", "years from now", "year from now", "the near term", "by the time",
                    "over time", "in the years", "near future"),
    "past": ("used to",),
    "expect": ("my guess", "my expectation", "i suspect", "i hope", "i'd expect", "we'd expect", "i'd bet", "i'd imagine",
               "bet against", "bet on", "i predict", "my prediction"),
}


def _phrase_index(groups) -> dict:
    out: dict[str, list] = {}
    for name, phrases in groups.items():
        for phrase in phrases:
            toks = tuple(phrase.split())
            out.setdefault(toks[0], []).append((toks[1:], name))
    return out


_WORD_INDEX = {w: name for name, words in _FUTURE_WORDS.items() for w in words}
_PHRASE_INDEX = _phrase_index(_FUTURE_PHRASES)
FUTURE_MARKER_NAMES = ("will", "going_to", "expect", "future_time", "likely", "modal", "become", "past")


_HORIZON_CUES = frozenset(
    "year years month months week weeks day days decade decades century centuries soon sooner near short future someday "
    "eventually ultimately long time point while increasingly after next".split()
)


def may_have_horizon(tokens) -> bool:
    """False when no token could start or anchor a horizon rule: `find_horizon` need not run."""
    return any(t in _HORIZON_CUES or t[0].isdigit() for t in tokens)


def tokenize(text: str, *, lowered: bool = False) -> list[str]:
    """Lower-cased word tokens with straight apostrophes ("Don’t," -> "don't"), numbers kept whole ("3.5")."""
    if not lowered:
        text = text.lower().replace("’", "'")
    return _TOKEN.findall(text)


def future_markers_of_tokens(tokens) -> tuple[str, ...]:
    """Names of the future-tense markers present in a token list (see FUTURE_MARKER_NAMES)."""
    found = set()
    n = len(tokens)
    word_index, phrase_index = _WORD_INDEX, _PHRASE_INDEX
    for i, tok in enumerate(tokens):
        name = word_index.get(tok)
        if name is not None:
            found.add(name)
        if tok == "will" or tok == "won't" or tok.endswith("'ll"):
            found.add("will")
        elif tok == "going" or tok == "gonna":
            k = i + 2 if tok == "going" else i + 1
            if (tok == "gonna" or (i + 1 < n and tokens[i + 1] == "to")) and k < n and tokens[k] not in _AFTER_GOING_TO_NOT:
                found.add("going_to")
        elif tok in _EXPECT_VERBS:
            if i and (tokens[i - 1] in _SUBJECT_EXPECT or (i > 1 and tokens[i - 1] in _EXPECT_MID and tokens[i - 2] in _SUBJECT_EXPECT)):
                found.add("expect")
        elif tok in _CONFIDENT:
            if i and tokens[i - 1] in ("i'm", "am", "we're") and i + 1 < n:
                nxt = tokens[i + 2] if tokens[i + 1] == "that" and i + 2 < n else tokens[i + 1]
                if nxt in _PRONOUN_AFTER:
                    found.add("expect")
        elif (tok == "by" or tok == "in") and i + 1 < n:
            nxt = tokens[i + 1]
            if len(nxt) == 4 and nxt.isdigit() and nxt[:2] in ("19", "20", "21") and (tok == "by" or nxt[:2] != "19"):
                found.add("future_time")
            elif nxt in ("a", "several", "two", "three", "five", "ten", "few") and i + 2 < n and (
                    tokens[i + 2] in ("years", "decades") or (i + 3 < n and tokens[i + 3] in ("years", "decades"))):
                found.add("future_time")
        entries = phrase_index.get(tok)
        if entries:
            for rest, name in entries:
                if name not in found and tuple(tokens[i + 1 : i + 1 + len(rest)]) == rest:
                    found.add(name)
    return tuple(name for name in FUTURE_MARKER_NAMES if name in found)


def future_markers(text: str, *, lowered: bool = False) -> tuple[str, ...]:
    """Names of the future-tense markers present in the text (see FUTURE_MARKER_NAMES); pass
    `lowered=True` when the text is already lower case with straight apostrophes."""
    return future_markers_of_tokens(tokenize(text, lowered=lowered))
