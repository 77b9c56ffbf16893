"""Line-numbered transcripts: court reporters' and legislative hearings' pages (pleading paper).

As the New York Senate publishes its hearings: every line of a page opens with its margin
number (1 to 25), then the text; a page ends with its number alone at the right ("2",
"Page 6" as a header) and may carry a running title on line 1 and a reporter's footer
("Geneva Worldwide, Inc.", unnumbered). A cover page and an index of speakers come first.
    1             SENATOR SAVINO:  So, good morning, everyone.
    4                   ASSEMBLY MEMBER AMY PAULIN, CHAIR,
    5       ASSEMBLY STANDING COMMITTEE ON CORPORATIONS,
    6       AUTHORITIES AND COMMISSIONS:                    Welcome everyone.
A speaker's label is in capitals, ends with a colon, and opens a paragraph (it starts to the
right of the page's text margin: the cover's "PRESIDING:" and the index's "SPEAKERS:" sit at
the margin and are not labels); it may run over up to three lines when a title follows the
name ("..., CHAIR," ending a line). The speaker is the label up to its first comma, honorific
kept ("SENATOR SAVINO", "ASSEMBLY MEMBER AMY PAULIN"): that is how the one-line labels name
people, and taking titles off would need a list of them ("THE COURT", "THE WITNESS" have none).
A turn runs from its label to the next, across line numbers and page breaks; text before the
first label (cover, index) is outside the content. Only numbered lines are spoken: unnumbered
lines are the pages' furniture (page numbers, headers, footers), as are a line 1 repeated on
most pages (a running title) and whole-line notes ("[Applause.]", "(Whereupon, ...)");
`spoken_text` blanks them and the margin numbers for the later stages.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter

from ..records import Metadata, ParsedSource, ParsedTurn
from ._common import EXAMINER_LINE, examiners_and_witness, refused, trim

NAME = "line_numbered"

# a margin number 1-25 near the left edge (a page number stands far right), then the text or
# nothing; one match per line is all the scanning this format does
_MARGIN = re.compile(r"[ \t]{0,12}(?P<n>[1-9]|1\d|2[0-5])(?:[ \t]+|(?=\r?$))")
_CAPS = "A-Z0-9.,'’&/ \t-"
# a whole label: capitals up to a colon, then the words or the line's end
_LABEL = re.compile(rf"[A-Z][{_CAPS}]*?[ \t]*(?P<colon>:)(?:[ \t]+(?=\S)|[ \t]*\r?$)")
# a label going on to the next line: a line of capitals with a comma after the name
# ("ASSEMBLY MEMBER AMY PAULIN, CHAIR,", "SENATOR TIM KENNEDY, CHAIR, SENATE")
_LABEL_GOES_ON = re.compile(rf"[A-Z][{_CAPS}]*,[{_CAPS}]*\r?$")
_LABEL_LINE = re.compile(rf"[A-Z][{_CAPS}]*\r?$")  # its next lines: capitals ("SENATE STANDING COMMITTEE ON")
_MAX_LABEL_LINES = 3
_MAX_NOTE_LINES = 3
_DETECT_CHARS = 200_000
# a line opening with a margin number, found in one pass: fewer than ten rule a text out
# before its lines are walked
_NUMBERED_LINE = re.compile(r"\n[ \t]{0,12}(?:[1-9]|1\d|2[0-5])(?=[ \t]|\r?\n)")

# (start of the line, end without "\r" (the start when the line is blank), where the text
# starts after the margin (-1 when the line has no margin number), the margin number (0 when none))
Line = tuple[int, int, int, int]


def _lines(text: str) -> list[Line]:
    out = []
    match = _MARGIN.match
    start = 0
    for line in text.split("\n"):
        if not line or line.isspace():
            out.append((start, start, -1, 0))  # blank: start == end
        else:
            m = match(line)
            end = start + len(line) - (1 if line.endswith("\r") else 0)
            out.append((start, end, start + m.end(), int(m.group("n"))) if m else (start, end, -1, 0))
        start += len(line) + 1
    return out


def _in_sequence(lines: list[Line]) -> tuple[int, int, int]:
    """(numbered lines counting on from the one before or starting a page at 1, non-blank lines
    from the first numbered one on, index of the first numbered line)."""
    first = next((i for i, (_, _, body, _) in enumerate(lines) if body >= 0), len(lines))
    previous, ordered, nonblank = 0, 0, 0
    for start, end, _, n in lines[first:]:
        if n:
            ordered += n == 1 or n == previous + 1
            previous = n
        nonblank += start != end
    return ordered, nonblank, first


def _page(text: str, lines: list[Line]):
    """The page's text column (the most common start of a numbered line's text), the lines that
    are furniture or notes (indexes into `lines`) and the running title ("" when none)."""
    columns = Counter(body - start for start, end, body, _ in lines if 0 <= body < end)
    margin = columns.most_common(1)[0][0] if columns else 0
    firsts = Counter(text[body:end].strip() for start, end, body, n in lines if n == 1 and body < end)
    pages = sum(1 for *_, n in lines if n == 1)
    title = next((t for t, k in firsts.most_common(1) if k >= 2 and k * 2 >= pages and not _LABEL.match(t)), "")
    skipped = set()
    for i, (start, end, body, n) in enumerate(lines):
        if body < 0 or body >= end or i in skipped:
            continue
        if n == 1 and title and text[body:end].strip() == title:
            skipped.add(i)
        elif text[body] in "[(":
            note = _note(text, lines, i)
            skipped.update(note)
        elif _ARGUMENT_HEADING.match(text, body, end):
            skipped.update(_heading(text, lines, i))
        elif EXAMINER_LINE.match(text, body, end):
            skipped.add(i)
    return margin, skipped, title


# a court's heading above counsel's argument, in capitals over a line or more ("ORAL ARGUMENT OF KARIN LINDQVIST"
# / "ON BEHALF OF THE PETITIONER", "REBUTTAL ARGUMENT OF ..."; the Supreme Court's transcripts): no one's words
_ARGUMENT_HEADING = re.compile(
    r"[ \t]*(?:(?:ORAL|REBUTTAL)[ ]ARGUMENT[ ]OF[ ][^a-z:]*|(?:RE-?)?(?:DIRECT|CROSS)[- ]?EXAMINATION[^a-z:]*)\r?$")
# the examiner's "Q." and the witness's "A." opening a numbered line, the words after them
_QUESTION_OR_ANSWER = re.compile(r"(?P<part>[QA])\.[ \t]+(?=\S)")
_CAPITALS_ONLY = re.compile(r"[ \t]*[A-Z][^a-z:]*\r?$")


def _heading(text: str, lines: list[Line], i: int) -> list[int]:
    """The lines of the heading opening at line `i`: it and the numbered lines in capitals after it (no label)."""
    out = [i]
    for j in range(i + 1, len(lines)):
        start, end, body, _ = lines[j]
        if start == end or body >= end:
            continue
        if body < 0 or len(out) == _MAX_NOTE_LINES or not _CAPITALS_ONLY.match(text, body, end):
            break
        out.append(j)
    return out


def _note(text: str, lines: list[Line], i: int) -> list[int]:
    """The lines of a note opening at line `i` ("[Applause.]", "(The public hearing commenced at
    10:00 / a.m.)"): up to the one ending with the closing bracket, within three numbered
    lines; [] when the bracket does not close there ("(inaudible) and then" is words)."""
    closing = ")" if text[lines[i][2]] == "(" else "]"
    out = []
    for j in range(i, len(lines)):
        start, end, body, _ = lines[j]
        if start == end:
            continue
        if body < 0 or body >= end or len(out) == _MAX_NOTE_LINES:
            return []
        out.append(j)
        if text[body:end].rstrip().endswith(closing):
            return out
    return []


def _labels(text: str, lines: list[Line], margin: int, skipped: set):
    """(index of the label's first line, index of its last, where the words after it start,
    the speaker's name) for every label."""
    out = []
    # a deposition's or a trial's "Q." and "A." are labels where the record names the lawyer asking ("BY MS. ORTIZ:")
    examined = bool(_examiners(text, lines))
    i = 0
    while i < len(lines):
        start, end, body, n = lines[i]
        i += 1
        if body < 0 or body >= end or i - 1 in skipped or not "A" <= text[body] <= "Z":
            continue
        if examined and (qa := _QUESTION_OR_ANSWER.match(text, body, end)):  # at any indent: often the text column's
            out.append((i - 1, i - 1, qa.end(), qa.group("part")))
            continue
        if body - start <= margin + 1:
            continue
        label_lines = 0
        j = i - 1
        while j < len(lines) and label_lines < _MAX_LABEL_LINES:
            s, e, b, _ = lines[j]
            if s == e or b >= e:  # a blank line (or a number alone) between a label's lines (double-spaced pages)
                j += 1
                continue
            if b < 0:
                break
            whole = _LABEL.match(text, b, e)
            if whole:
                name = text[body:whole.start("colon") if j == i - 1 else end].split(",")[0]
                out.append((i - 1, j, whole.end(), " ".join(name.split())))
                i = j + 1
                break
            if not (_LABEL_GOES_ON if j == i - 1 else _LABEL_LINE).match(text, b, e):
                break
            label_lines += 1
            j += 1
    return out


def _found(text: str):
    lines = _lines(text)
    margin, skipped, title = _page(text, lines)
    return lines, skipped, title, _labels(text, lines, margin, skipped)


def detected(text: str) -> dict | None:
    """{} when most non-blank lines open with a margin number counting 1, 2, 3 ... on each page
    and a paragraph opens with a speaker's label in capitals; else None."""
    sample = text[:_DETECT_CHARS]
    if sum(1 for _ in zip(range(10), _NUMBERED_LINE.finditer("\n" + sample))) < 10:
        return None
    lines = _lines(sample)
    ordered, nonblank, _ = _in_sequence(lines)
    if ordered < 10 or ordered * 2 < nonblank:
        return None
    margin, skipped, _ = _page(sample, lines)
    return {} if _labels(sample, lines, margin, skipped) else None


def looks_like(text: str) -> bool:
    return detected(text) is not None


def spoken_text(text: str) -> str:
    """The text with what is not spoken blanked (same length, line breaks kept): margin
    numbers, unnumbered lines (page numbers, headers, footers), a running title, notes."""
    lines, skipped, _, _ = _found(text)
    parts = []
    for i, (line, (start, end, body, _)) in enumerate(zip(text.split("\n"), lines)):
        if body < 0 or i in skipped:
            parts.append(" " * len(line))
        else:
            parts.append(" " * (body - start) + line[body - start:])
    return "\n".join(parts)


def _examiners(text: str, lines: list[Line]) -> list[tuple[int, str]]:
    """(offset, name) of each "BY MS. ORTIZ:" line (at the margin), in order."""
    return [(b, m.group("name")) for _, e, b, _ in lines
            if 0 <= b < e and text[b] == "B" and (m := EXAMINER_LINE.match(text, b, e))]


def parse(text: str, *, source: str) -> ParsedSource:
    """Text in, ParsedSource with one turn per speaker's label out, each running to the next."""
    lines, skipped, title, labels = _found(text)
    ordered, _, first = _in_sequence(lines)
    if ordered == 0:
        return refused(NAME, source, 1, "not a line-numbered transcript: no line opens with a margin line number (1-25)")
    if not labels:
        return refused(NAME, source, first + 1, "not a line-numbered transcript: no speaker's label in capitals "
                       "('SENATOR SAVINO:') opens a numbered line")
    turns = []
    starts = [start for start, *_ in lines]
    bounds = [label[0] for label in labels[1:]] + [len(lines)]
    for (opens, last, words, name), stop in zip(labels, bounds):
        # the turn ends with the last spoken line before the next label (not a footer or a note)
        end = words
        for i in range(last + 1, stop):
            s, e, body, _ = lines[i]
            if 0 <= body < e and i not in skipped:
                end = e
        a, b = trim(text, words, max(end, lines[last][1]))
        if b <= a:
            continue
        line = bisect.bisect_right(starts, a)
        turns.append(ParsedTurn(start_char=a, end_char=b, line=line, speaker_label=name))
    examiners = _examiners(text, lines)
    turns = examiners_and_witness(turns, examiners) if examiners else turns
    content_start = lines[labels[0][0]][2]
    return ParsedSource(
        format=NAME, metadata=Metadata(title=title), turns=tuple(turns),
        content_start=content_start, content_end=turns[-1].end_char if turns else len(text),
    )
