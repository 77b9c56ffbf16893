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
    w = words.lower().strip()
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
        low, high = _VAGUE[m.group("v").lower()]
        return a.start, a.end_after(m.group("unit"), high)

    def in_n(m, a):
        n = _number(m.group("n"))
        return a.point(m.group("unit"), n) if n else None

    def in_vague(m, a):
        low, high = _VAGUE[m.group("v").lower()]
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
        low, high = _VAGUE.get(m.group("v").lower(), (2, 5))
        return a.point("year", 10 * low)[0], a.point("year", 10 * high)[1]

    vague = None
    rules = [
        (rf"\b(?:in|during|by|over|throughout) the (?P<n>2[0-2])(?:st|nd|rd|th) century\b", century),
        (rf"\bthe (?P<n>2[0-2])(?:st|nd|rd|th) century\b", century),
        (rf"\b(?:in|by|during) the {_YEAR}s\b", decade_of),
        (rf"\b(?:by|before|until|till|in|for|around|circa|come|by the end of|by the year|in the year|the end of) {_YEAR}\b", by_year),
        (rf"\b(?:within|in|over|during|for) the (?:next|coming) (?P<n>{_NUM}) {_UNIT}", within),
        (rf"\b(?:within|in|over|during|for) the (?:next|coming) (?P<v>{_VAGUE_RE}) {_UNIT}", within_vague),
        (rf"\bthe next (?P<n>{_NUM}) {_UNIT}", within),
        (rf"\bwithin (?:the )?(?:next )?(?P<n>{_NUM}) {_UNIT}", within),
        (rf"\bwithin (?P<v>{_VAGUE_RE}) {_UNIT}", within_vague),
        (rf"\b(?:in|after) (?P<v>a few|several|a couple of|many) decades\b", few_decades),
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
    return [(re.compile(p, re.IGNORECASE), f) for p, f in rules]


_RULES = _rules()


def find_horizon(text: str, *, published: dt.date | None = None, precision: str = "day") -> Horizon | None:
    """Text in, the first-ranked time horizon in it (words, offsets, target dates) out, or None."""
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
    return Horizon(text=m.group(0), start=m.start(), end=m.end(), target_start=start, target_end=end)


# --- future-tense markers --------------------------------------------------------------------

FUTURE_MARKERS = {
    "will": re.compile(r"\b(?:will|won't|won’t)\b|\w(?:'ll|’ll)\b"),
    "going_to": re.compile(r"\b(?:(?:is|are|am|'s|’s|'re|’re|'m|’m) )?(?:going to|gonna) (?!the\b|a\b|an\b|my\b|your\b)\w+"),
    "expect": re.compile(r"\b(?:i|we) (?:would |'d |’d |do |really )?(?:expect|predict|anticipate|bet|foresee)\b|\bi'm (?:sure|confident|hopeful|optimistic) (?:that )?(?:we|it|they|this|there)\b"),
    "future_time": re.compile(r"\b(?:one day|someday|soon|in the future|of the future|eventually|at some point|in the long run|next year|by (?:19|20)\d\d|in (?:20\d\d|the next)|years? from now|in (?:a few|several|\w+) (?:years|decades)|decades?|ultimately)\b"),
    "likely": re.compile(r"\b(?:likely|unlikely|probably|chance|possible|possibility|inevitabl[ey])\b"),
    "modal": re.compile(r"\b(?:could|might|may|would)\b"),
    "become": re.compile(r"\b(?:become|becomes|continue|continues|arrive|happen|emerge|unlock)\b"),
    "past": re.compile(r"\b(?:was|were|did|had|used to|ago)\b"),
}


def future_markers(text: str, *, lowered: bool = False) -> tuple[str, ...]:
    """Names of the future-tense markers present in the text (see FUTURE_MARKERS); pass
    `lowered=True` when the text is already lower case with straight apostrophes."""
    if not lowered:
        text = text.lower().replace("’", "'")
    return tuple(name for name, pattern in FUTURE_MARKERS.items() if pattern.search(text))
