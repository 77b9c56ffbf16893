"""Helpers shared by the format parsers: line numbers, span trimming, time parsing."""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import replace
from typing import Any, Iterator, Sequence

from ..errors import IngestError
from ..records import Metadata, ParsedSource

# Japanese kana, the CJK ideographs and Korean syllables: the letters a CJK name is written in
CJK_LETTERS = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"

# Words that end in a colon at a line's or a cue's start without being anybody's name
NOT_NAMES = frozenset({
    "http", "https", "note", "update", "source", "transcript", "edit", "warning", "tags", "published",
    "translation", "music", "applause", "laughter", "laughs", "crosstalk", "inaudible", "silence", "pause",
    # the same notes of a sound in Japanese captions' brackets ("（笑い）", "（拍手）")
    "笑", "笑い", "爆笑", "苦笑", "拍手", "音楽", "歓声", "どよめき", "効果音", "ため息", "咳払い", "沈黙", "雑音",
    # and a document's notes opening a line in them ("（注）", "（写真）", "（中略）")
    "注", "訳注", "編注", "写真", "図", "表", "画像", "動画", "資料", "参考", "補足", "出典", "中略", "前略", "後略", "略", "以上",
})

# words said to open a line, never a name where they stand alone where a name could ("0:07  Okay" above the rest of
# the sentence in a timed transcript); the labels alone on a line, with no colon, are checked against them
SAID_WORDS = frozenset({
    "okay", "ok", "yeah", "yes", "yep", "no", "nope", "so", "well", "right", "thanks", "thank you", "hello", "hi",
    "hey", "oh", "um", "uh", "hmm", "and", "but", "alright", "all right", "sure", "great", "cool", "good", "wow",
    "now", "anyway", "exactly", "absolutely", "indeed", "really", "true", "fine", "bye", "goodbye", "welcome",
    "oui", "non", "bon", "alors", "merci", "bonjour", "voilà", "ja", "nein", "genau", "also", "danke", "hallo",
    "sim", "não", "obrigado", "obrigada", "sí", "vale", "bueno", "gracias", "hola", "да", "нет", "ну", "вот", "спасибо",
})

_WS = " \t\r\n\f\v\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\ufeff"


class LineIndex:
    """Character offset -> 1-based line number, by binary search over line starts."""

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        i = find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self.starts = starts

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)


_LINE_BREAK = re.compile(r"\r\n?|\n")


def lone_cr_as_lf(text: str) -> str:
    """`text` with each "\r" that ends a line alone (old Mac files, or such lines mixed into "\r\n" ones) as "\n":
    the same length, so that offsets into it are offsets into `text`, for the readers that split lines at "\n"."""
    if "\r" not in text or text.count("\r") == text.count("\r\n"):  # (the first a byte scan: 1% of the counts' time)
        return text
    # str.replace throughout, not a regex's sub nor a split's parts (5 MB of "\r" or of "\r\r\n": 1.6 s either way):
    # each "\r\n"'s "\r" set aside as a character the text does not hold, the lone ones made "\n", the set-aside put back
    aside = next((c for c in "\ue000\ue001\ue002\ue003" if c not in text), None)
    if aside is None:
        return "\r\n".join(part.replace("\r", "\n") for part in text.split("\r\n"))
    return text.replace("\r\n", aside + "\n").replace("\r", "\n").replace(aside, "\r")


def iter_lines(text: str, *, lone_cr: bool = False) -> Iterator[tuple[int, int, int, str]]:
    """(line number, start, end without the line break, line text) for every line; with `lone_cr`,
    a "\r" alone ends a line too (caption files saved with old Mac line endings, or with them mixed in)."""
    if lone_cr:
        pos, number = 0, 1
        for brk in _LINE_BREAK.finditer(text):
            yield number, pos, brk.start(), text[pos:brk.start()]
            pos, number = brk.end(), number + 1
        yield number, pos, len(text), text[pos:]
        return
    pos = 0
    n = len(text)
    number = 1
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        stop = end - 1 if end > pos and text[end - 1] == "\r" else end
        yield number, pos, stop, text[pos:stop]
        if nl < 0:
            break
        pos = nl + 1
        number += 1


def has_line(text: str, keys) -> bool:
    """Whether some line of `text`, stripped and lower-cased, is one of `keys`: one regex scan
    (anchored on line breaks, which the engine finds fast), so that a format's detector can
    rule a text out before it walks the lines in Python."""
    pattern = _line_patterns.get(keys)
    if pattern is None:
        words = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
        pattern = _line_patterns[keys] = re.compile(rf"\n[^\S\n]*(?:{words})[^\S\n]*(?=\n|$)", re.I)
    return pattern.search("\n" + text) is not None


_line_patterns: dict = {}


# a transcription service's note on its free plan, before the words (a paragraph of its own in a text export, the
# first cue's opening in captions): nobody says it
SERVICE_NOTE = re.compile(r"\(Transcribed by TurboScribe(?:\.ai)?\. Go Unlimited to remove this message\.\)")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow [start, end) so it neither starts nor ends with whitespace."""
    while start < end and text[start] in _WS:
        start += 1
    while end > start and text[end - 1] in _WS:
        end -= 1
    return start, end


_CLOCK = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$")
_UNITS_CLOCK = re.compile(r"^(\d+)h(\d{1,2})m(\d{1,2})s()$")  # "0h00m44s", "1h02m03s"


def parse_clock(value: str) -> float | None:
    """"1:02:03.5", "02:03", "00:00:01,000", "0h00m44s" -> seconds; None when not a clock time."""
    value = value.strip()
    m = _CLOCK.match(value) or _UNITS_CLOCK.match(value)
    if not m:
        return None
    hours, minutes, seconds, frac = m.groups()
    if int(seconds) > 59 or (hours is not None and int(minutes) > 59):
        return None
    whole = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    return (whole * 1000 + int((frac or "").ljust(3, "0"))) / 1000  # in whole milliseconds, no float noise


_DATE_FORMATS = ("%a %b %d %Y", "%b %d %Y", "%B %d %Y", "%Y-%m-%d", "%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y")


def parse_date(value: str) -> dt.date | None:
    """"Mar 27, 2023", "27 March 2023", "2023-03-27" (a day named before it or not) -> the date; also
    the day before a month named in German, French, Spanish, Portuguese, Italian, Dutch, Russian or
    Turkish ("15. März 2023", "3 de marzo de 2021", "15 марта 2023 г."), Polish in the genitive ("14 marca
    2024"), the months' short forms ("15 févr. 2024", "15. Jan. 2024"), Arabic as Egypt names the months
    ("١٥ مارس ٢٠٢٣", either digits), a day in digits with full stops, day first as every language writing it
    so does ("15.03.2023"), and Chinese, Japanese and Korean days ("2023年3月15日", "2023년 3월 15일", "2024.03.15",
    "令和6年3月15日"); None otherwise."""
    value = " ".join(value.replace(",", ", ").split()).replace(" ,", ",")
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    era = _ERA_DATE.fullmatch(value)
    if era:  # 令和6年 is 2024, 平成31年 2019; 元年 its first year
        year = _ERAS[era["era"]] + (1 if era["year"] == "元" else int(era["year"]))
        try:
            return dt.date(year, int(era["month"]), int(era["day"]))
        except ValueError:
            return None
    m = (_CJK_DATE.fullmatch(value) or _DAY_MONTH_YEAR.fullmatch(value) or _DOTTED_DATE.fullmatch(value)
         or _YEAR_FIRST_DOTTED_DATE.fullmatch(value))
    if not m:
        return None
    month = int(m["month"]) if m["month"].isdigit() else _MONTHS.get(m["month"].lower())
    try:
        return dt.date(int(m["year"]), month, int(m["day"])) if month else None
    except ValueError:
        return None


_MONTHS = {
    name: number
    for number, names in enumerate((
        "januar jänner janvier enero janeiro gennaio januari января ocak stycznia يناير jan janv ene gen",
        "februar février fevrier febrero fevereiro febbraio februari февраля şubat lutego فبراير feb févr fevr fév",
        "märz maerz mars marzo março marco maart марта mart marca مارس mär mrz mar",
        "april avril abril aprile апреля nisan kwietnia أبريل ابريل apr avr abr",
        "mai mayo maio maggio mei мая mayıs maja مايو mag",
        "juni juin junio junho giugno июня haziran czerwca يونيو jun giu",
        "juli juillet julio julho luglio июля temmuz lipca يوليو jul juil lug",
        "august août aout agosto augustus августа ağustos sierpnia أغسطس اغسطس aug ago",
        "september septembre septiembre setiembre setembro settembre сентября eylül września سبتمبر sep sept set",
        "oktober octobre octubre outubro ottobre october октября ekim października أكتوبر اكتوبر okt oct ott",
        "november novembre noviembre novembro ноября kasım listopada نوفمبر nov",
        "dezember décembre decembre diciembre dezembro dicembre december декабря aralık grudnia ديسمبر dez déc dec dic",
    ), start=1)
    for name in names.split()
}


def month_named(name: str) -> int | None:
    """A month's number from its name in the languages parse_date reads ("März", "mars", "sept"), or None."""
    return _MONTHS.get(name.lower())


# "15. März 2023", "3 de marzo de 2021", "15 mars 2023", "15 марта 2023 г.", "15 марта 2023 года"
_DAY_MONTH_YEAR = re.compile(r"(?P<day>\d{1,2})\.? (?:de )?(?P<month>[^\W\d_]+)\.?,? (?:de |del )?(?P<year>\d{4})(?: г\.?| года)?")
# "15.03.2023": day, month, year with full stops (German, Russian, Polish, Czech, Turkish; never month first)
_DOTTED_DATE = re.compile(r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})")
# "2024.03.15": year first with full stops (Korean, Chinese, Japanese; Naver Clova Note's header)
_YEAR_FIRST_DOTTED_DATE = re.compile(r"(?P<year>\d{4})\.(?P<month>\d{1,2})\.(?P<day>\d{1,2})\.?")
# "令和6年3月15日": a year of the Japanese era (the government's documents, the Prime Minister's press conferences)
_ERA_DATE = re.compile(r"(?P<era>令和|平成)(?P<year>\d{1,2}|元) ?年 ?(?P<month>\d{1,2}) ?月 ?(?P<day>\d{1,2}) ?日")
_ERAS = {"令和": 2018, "平成": 1988}
_CJK_DATE = re.compile(r"(?P<year>\d{4}) ?[年년] ?(?P<month>\d{1,2}) ?[月월] ?(?P<day>\d{1,2}) ?[日일]?")


def format_clock(seconds: float) -> str:
    ms = int(round(seconds * 1000))
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


# a full stop, question or exclamation mark before a space or the end; the full-width marks of
# Chinese and Japanese (。！？, no space after them), Arabic's ؟ and the Devanagari danda । anywhere
_SENTENCE_END = re.compile(r"[.?!…。！？؟।॥](?:(?<=[.?!…])[\"'”’)\]»]*(?=\s|$)|(?<=[。！？؟।॥])[\"'”’)\]»」』）】]*)")


def punctuation_rate(text: str, *, limit: int = 200_000) -> float:
    """Sentence-final punctuation marks per word, on (at most) the first `limit` chars."""
    sample = text[:limit]
    words = len(sample.split())  # the same words as r"\S+", three times faster
    if not words:
        return 0.0
    return len(_SENTENCE_END.findall(sample)) / words


_PROSE_LINE_END = re.compile(r"[\w)\"'”’][.。][\"'”’)]?$")


# a page's navigation links copied with its text, above the title: no title
# a page's navigation and calls to action above a transcript, never its title (Happy Scribe's public transcripts open
# with their "Transcribe your podcast" button)
NAVIGATION_LINES = frozenset({"back to index", "home", "menu", "transcribe your podcast"})


def reads_as_prose(line: str) -> bool:
    """Whether a first line is an introduction's sentence rather than a title: four words or more
    ending in a full stop ("Nick Benyo sat down with us to discuss ... It has been edited for length.")."""
    line = line.strip()
    return len(line.split()) >= 4 and bool(_PROSE_LINE_END.search(line))


def refused(fmt: str, source: str, line: int | None, reason: str) -> ParsedSource:
    """A ParsedSource with no turns and the one error that says why the text is not this format."""
    return ParsedSource(format=fmt, metadata=Metadata(), turns=(), errors=(IngestError(source, line, reason),))


# an examiner's "Q:" and a witness's "A:" written inside the lines, after a sentence ("... in 1952. Q: And
# then? A: We moved."): an oral history typed as one long line, or a line per question and answer
_Q_OR_A = re.compile(r"(?P<label>[QA]):[ \t]+(?=\S)")  # found first, its place checked after: five times faster
_SENTENCE_CLOSE = frozenset(".?!…\"”)]\n")


def _after_a_sentence(text: str, at: int) -> bool:
    """Whether only spaces lie between `at` and a line's start or a sentence's end before it."""
    before = text[max(0, at - 20):at].rstrip(" \t")
    return not before or before[-1] in _SENTENCE_CLOSE


_ALTERNATIONS = 6  # "Q:" and "A:" taking turns this often at least (three questions answered): an interview


def inline_questions_and_answers(text: str, turns):
    """Turns in, the same cut at each "Q:" and "A:" inside them (each part labelled "Q" or "A", the label
    left out) where the two alternate at least _ALTERNATIONS times; else the turns as they are. Words
    before a turn's first label stay the turn they were."""
    if "Q: " not in text or "A: " not in text:
        return turns
    marks = [m for m in _Q_OR_A.finditer(text) if _after_a_sentence(text, m.start())]
    labels = [m.group("label") for m in marks]
    switches = sum(1 for x, y in zip(labels, labels[1:]) if x != y)
    if switches < _ALTERNATIONS - 1:
        return turns
    out = []
    starts = [m.start("label") for m in marks]
    for t in turns:
        inside = marks[bisect.bisect_left(starts, t.start_char):bisect.bisect_left(starts, t.end_char)]
        if not inside:
            out.append(t)
            continue
        first = inside[0].start("label")
        if first > t.start_char:
            a, b = trim(text, t.start_char, first)
            if b > a:
                out.append(replace(t, end_char=b))
        for k, m in enumerate(inside):
            a, b = trim(text, m.end(), inside[k + 1].start("label") if k + 1 < len(inside) else t.end_char)
            if b > a:
                seconds = t.start_seconds if m.start("label") == t.start_char else None
                out.append(replace(t, start_char=a, end_char=b, line=t.line + text.count("\n", t.start_char, a),
                                   speaker_label=m.group("label"), start_seconds=seconds, role_hint=None))
    return out


# a speaker's name, a colon and the time in brackets inside a line, as a transcription service's blog page runs its
# turns together once the page's text is read (Rev's "... shouldn't fall. Mr. Stewart: (00:29) I guess ..."): up to
# four capitalised words or numbers, a word ending in a period only as a title's abbreviation ("Mr.", "Dr."); the
# page as some copies hold it breaks the label from its time at a line's end ("... complete. Chair Powell: (" and
# "01:16) The sectors ..." below)
_TITLE_ABBREVIATION = r"(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sen|Rep|Gov|Gen|Col|Capt|Lt|Sgt|Hon|Rev|Fr|St|Jr|Sr)\."
_TIMED_LABEL_INSIDE = re.compile(
    r"(?<!\S)(?P<label>(?:" + _TITLE_ABBREVIATION + r"|[A-Z][\w'’-]*)(?: (?:" + _TITLE_ABBREVIATION + r"|[A-Z0-9][\w'’-]*)){0,3})"
    r":[ \t]+\((?:\r?\n)?(?P<time>\d{1,2}:[0-5]\d(?::[0-5]\d)?)\)[ \t]+(?=\S)")
_TIMED_LABELS_MIN = 3  # such labels in the text: one or two are a note's time, not turns run together


def inline_timed_labels(text: str, turns):
    """Turns in, the same cut at each "Name: (00:29)" inside them (each part labelled with the name and timed, the
    label and time left out; see _TIMED_LABEL_INSIDE) where the text has _TIMED_LABELS_MIN of them and two names
    or more (or one, where the first label opens the text: one voice's statement); the turns before the first such
    label are the page's, no one's words. Else the turns as they are."""
    if ": (" not in text:
        return turns
    marks = [m for m in _TIMED_LABEL_INSIDE.finditer(text) if m.group("label").split()[0].lower() not in NOT_NAMES]
    if len(marks) < _TIMED_LABELS_MIN:
        return turns
    opens_the_text = bool(turns) and marks[0].start() == turns[0].start_char
    if len({m.group("label") for m in marks}) < 2 and not opens_the_text:
        return turns
    out = []
    k = 0
    for t in turns:
        inside = []
        while k < len(marks) and marks[k].start() < t.end_char:
            if marks[k].start() >= t.start_char:
                inside.append(marks[k])
            k += 1
        if not inside:
            if out:  # below the first label: the same voice goes on
                out.append(t)
            continue
        for a, b, line, mark in parts_between(text, t, [(m.start(), m.end(), m) for m in inside]):
            if mark is not None:
                out.append(replace(t, start_char=a, end_char=b, line=line, speaker_label=mark.group("label"),
                                   start_seconds=parse_clock(mark.group("time")), role_hint=None))
            elif out:  # the words before the turn's first label, below an earlier one (above it: the page's)
                out.append(replace(t, end_char=b))
    return out


def parts_between(text: str, turn, marks: Sequence[tuple[int, int, Any]]) -> Iterator[tuple[int, int, int, Any]]:
    """A turn and the marks inside it, in order, each (start, end, what it marks), in; (start, end, line, what the
    mark before it marks, or None) out for each part of the turn with words, before the first mark and after each,
    the marks left out; the lines counted on from the part before (from the turn's start each time was quadratic)."""
    line, counted = turn.line, turn.start_char
    for j in range(len(marks) + 1):
        start = turn.start_char if j == 0 else marks[j - 1][1]
        a, b = trim(text, start, marks[j][0] if j < len(marks) else turn.end_char)
        if b > a:
            line, counted = line + text.count("\n", counted, a), a
            yield a, b, line, marks[j - 1][2] if j else None


# a change of voice as broadcast captions mark it, ">>" before the next voice's words, left inside a caption
# archive's text run together (C-SPAN's: "... radio app . >> on washington journal we ..."); mid-line (after
# words on its line) for most of them, as an email's quoted lines (">> I agree" opening each line) never are
_CHANGE_MARK = re.compile(r"(?<![^\s])>>[ \t]+(?=[^\s>])")
_CHANGE_MARKS_MIN = 3  # in the text, two of them mid-line: one or two are prose's "x >> y", not a convention


def change_marks(text: str, turns):
    """Turns in, the same cut at each ">>" inside them (the mark left out, each part after one with
    speaker_change set) where the text marks changes of voice so (see _CHANGE_MARK); else the turns as they are."""
    if ">>" not in text:
        return turns
    marks = list(_CHANGE_MARK.finditer(text))
    mid_line = sum(1 for m in marks if m.start() > 0 and text[m.start() - 1] in " \t")
    if len(marks) < _CHANGE_MARKS_MIN or mid_line < 2:
        return turns
    out = []
    k = 0
    for t in turns:
        while k < len(marks) and marks[k].start() < t.start_char:
            k += 1
        inside = []
        while k < len(marks) and marks[k].start() < t.end_char:
            inside.append(marks[k])
            k += 1
        for a, b, line, mark in parts_between(text, t, [(m.start(), m.end(), m) for m in inside]):
            out.append(replace(t, start_char=a, end_char=b, line=line, speaker_change=mark is not None or t.speaker_change))
    return out


def blank(text: str) -> str:
    """`text` as spaces, its line breaks kept."""
    if "\n" not in text:  # a cue number or timing line, blanked once per cue
        return " " * len(text)
    return "\n".join(" " * len(line) for line in text.split("\n"))


def blank_match(m: re.Match) -> str:
    """A match blanked (re.sub's replacement that keeps every offset)."""
    return blank(m.group())


def only_pieces(text: str, pieces) -> str:
    """`text` blanked but for its (start, end, shown) pieces, in order and apart, each written as
    `shown` (as long as text[start:end]): a caption file's words kept where they are."""
    parts, position = [], 0
    for start, end, shown in pieces:
        parts += [blank(text[position:start]), shown]
        position = end
    return "".join(parts) + blank(text[position:])


# a court reporter's line naming the lawyer whose questions follow ("BY MS. ORTIZ:", under "DIRECT EXAMINATION")
EXAMINER_LINE = re.compile(r"[ \t]*BY[ ](?P<name>(?:MR|MS|MRS|DR)\.[ ](?:Mc|Mac)?[A-Z][A-Z'’-]+(?:[ ][A-Z][A-Z'’-]+){0,2}):[ \t]*\r?$")


# the court's side of a trial's or a deposition's record, in capitals as the reporter writes it: the bench and its
# clerk ("THE COURT:", "COURT:", "JUDGE HALE:"), counsel ("MR. VALE:", "ATTY. OPENA:", "PROSECUTOR:", "DEFENSE ATTORNEY:")
COURT_OR_COUNSEL_LABEL = re.compile(
    r"(?:THE[ ])?(?:COURT|CLERK|JUDGE(?:[ ][A-Z][A-Z'’-]+)?|PROSECUTOR|DEFENSE[ ](?:ATTORNEY|COUNSEL))"
    r"|(?:MR|MS|MRS|ATTY)\.[ ](?:Mc|Mac)?[A-Z][A-Z'’-]+(?:[ ][A-Z][A-Z'’-]+){0,2}")


def court_and_counsel_ask(turns):
    """A trial's or a deposition's turns of "Q" and "A" in; out, the bench's and counsel's turns marked as the asking
    side (hosts: they examine, object and rule), so that the one answering is the guest."""
    return [replace(t, role_hint="host") if t.role_hint is None and t.speaker_label
            and COURT_OR_COUNSEL_LABEL.fullmatch(t.speaker_label) else t for t in turns]


def examiners_and_witness(turns, examiners):
    """A trial's or a deposition's turns and its "BY MS. ORTIZ:" lines ((offset, "MS. ORTIZ"), in the text's order) in;
    out, the "Q" turns as the lawyer the last such line above them names, asking (a host), and the "A" turns as "THE
    WITNESS" where the record labels the witness so elsewhere (a guest; else they stay "A")."""
    at = [offset for offset, _ in examiners]
    witness = "THE WITNESS" if any(t.speaker_label == "THE WITNESS" for t in turns) else None
    out = []
    for t in turns:
        if t.speaker_label == "Q" and (k := bisect.bisect_right(at, t.start_char)):
            t = replace(t, speaker_label=" ".join(examiners[k - 1][1].split()), role_hint="host")
        elif t.speaker_label == "A" and witness:
            t = replace(t, speaker_label=witness, role_hint="guest")
        out.append(t)
    return out
