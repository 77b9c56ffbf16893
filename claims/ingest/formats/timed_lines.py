"""Timed lines: a transcript whose lines carry their own time and no speaker.

YouTube's "Show transcript" panel copies as a time alone on a line, then the words said from
then on ("0:04" / "this week I talked to..."); other tools write the time at the start of the
line ("0:04 this week...", "[00:00:04] this week...", "[00:00:04.250] ...", Whisper's console output
"[00:00.000 --> 00:04.000]  this week..."). Each time mark starts one turn with that start
time, unlabelled (speakers are found from the words later) unless a label in capitals opens its
words or goes on inside them ("DAVID MALAN: All right...", CS50's lectures: `_labelled`), or a name stands alone after
the mark, the words below ("00:37  Twila", fyyd.de's pages: `_names_after_marks`); the
marks stay out of the turns. Text before the first mark (a title) is outside the content. Times that go backwards
are errors, as for caption cues, but for a table of contents before the transcript: a run of
lines, one after the other, each a time and a short title ("0:00 - Introduction", "1:02 - Bingo
Board", as YouTube's descriptions list chapters), after which the times start again. It gives
the chapters and stays out of the turns. A Markdown heading or rule at a turn's end (a chapter's
"## [Bingo Board](https://youtu.be/...?t=62)") is left out of it. YouTube's panel copied with the video's
chapters holds each chapter's title on a line of its own above the chapter's first time: a chapter there, no
one's words, and the first one ("Intro" above "0:00") no title of the interview.
"""
from __future__ import annotations

import re

from ..errors import IngestError
from ..records import Chapter, Metadata, ParsedSource, ParsedTurn
from ._capitals import labels_in_capitals
from ._common import NAVIGATION_LINES, NOT_NAMES, SAID_WORDS, format_clock, iter_lines, parse_clock, reads_as_prose, refused, trim
from ._head import day_of_line, show_above_marked_title

NAME = "timed_lines"

# "0:04", "[00:00:04]", "[00:00:04.250]"; "0h00m44s" (hours, minutes and seconds written out)
_TIME = r"(?:\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?|\d{1,2}h\d{1,2}m\d{1,2}s)"
# seconds alone, only inside a bracketed range: "3.12", faster-whisper's "3.12s"
_SECONDS = r"(?:\d{1,6}\.\d{1,3}s?|\d{1,6}s)"
_ARROW = r"(?:-->|->|→)"
# a time mark opening a line ("0:04", "[00:00:04]", "(1:02:03)", and Whisper's and whisper.cpp's
# console lines "[00:00.000 --> 00:08.420]", read at their start; a segment dump's seconds, "[0.00 → 2.24]", and
# faster-whisper's README loop, "[0.00s -> 2.24s]"), and a bar after it ("00:00:02.580 | words": a Whisper
# transcript page's lines); a transcript directory's "Starting point is 00:00:31" before the words (podscripts.co's
# pages); markup.py blanks the same marks
MARK = (rf"[ \t]*(?:Starting point is[ \t]+)?(?:\[(?P<r>{_TIME}|{_SECONDS})[ \t]*{_ARROW}[ \t]*(?:{_TIME}|{_SECONDS})\]|\[(?P<b>{_TIME})\]"
        rf"|\((?P<p>{_TIME})\)|(?P<t>{_TIME}))(?=[ \t\r\n]|$)(?:[ \t]+\|(?=[ \t\r\n]|$))?")
_MARK = re.compile(MARK + r"[ \t]*")
_CHAPTER_TITLE = re.compile(r"[ \t]*(?:[-–—:|][ \t]*)?(?P<title>\S[^\n]{0,79}?)[ \t]*\r?$")
_HEADING_OR_RULE = re.compile(r"[ \t]*(?:#{1,6}[ \t][^\n]*|(?:(?P<rule>[-*_])[ \t]*)(?:(?P=rule)[ \t]*){2,})\r?$")
# Dailymotion's transcript under a video, copied as text: "mm:ss" glued to the words ("00:04Ce matin, ...", "00:4919 ans",
# the words' own digits after the mark's two): a letter or a digit after the time, so no bracket ("00:58) ...", Rev's
# label broken from its time), range ("09:00-12:00") or more of the time ("12:30.5"), and none of the words' own times
# ("10:30am", "14:30h", "18:00Uhr")
_GLUED_MARK = re.compile(r"[ \t]*(?P<t>\d{2}:\d{2}(?::\d{2})?)(?![ap]\.?m\b|[hH]\b|Uhr\b)(?=[^\W_])")
_HAS_MARK = re.compile(rf"(?:^|\n)[ \t]*(?:Starting point is[ \t]+)?(?:[\[(]?{_TIME}[\])]?(?=[ \t\r\n]|$)|\[{_SECONDS}[ \t]*{_ARROW}"
                       r"|\d{2}:\d{2}(?::\d{2})?(?=[^\W\d_]))")
_DETECT_CHARS = 200_000
# the last line crediting who transcribed it, after the last timed paragraph: Otter's "Transcribed by https://otter.ai"
# (its export without speakers: each paragraph's time alone on its line), as the labelled format reads it
_CREDIT = re.compile(r"\n[ \t]*(?:Transcribed|Transcript) by \S[^\n]{0,40}\s*\Z", re.I)
_CREDIT_CHARS = 300
# a Markdown header's line: a heading, a list's item ("- **Video ID**: abc", a notes tool's facts of the video), a rule
_HEADER_LAYOUT_LINE = re.compile(r"[ \t]*(?:#{1,6}[ \t]|[-*+][ \t]+\S|(?:(?P<rule>[-*_])[ \t]*)(?:(?P=rule)[ \t]*){2,}\r?$)")
# a line of a console around Whisper's segments: its command ("$ whisper talk.mp3", a notebook's "!whisper"
# or "In [3]:"), the model's download bar ("100%|████| 1.42G/1.42G"), warnings and the file they
# name, "Detecting language using up to the first 30 seconds...", "Detected language: English"
_CONSOLE_LINE = re.compile(
    r"[ \t]*(?:[$%!>][ \t]*\S|In \[\d*\]:|Out\[\d*\]:|Detect(?:ing|ed) language\b|\d{1,3}%\|"
    r"|\S*Warning\b|warnings\.warn|Traceback \(|File \"|/\S+\.py:\d+|whisper[ \t]+\S+\.\w{2,4}\b)")


# a transcript search site's page as text (podsearch.david-smith.org's): the player's "◼" and "►" on lines of their own
# between a time and its words, and "[TS]" (the link to that time) after the words, on its own line or closing the
# line; neither lines of words when telling timed lines, nor any turn's words
_PLAYER_LINE = re.compile(r"[ \t]*(?:[◼►]|\[TS\])[ \t]*\r?$")
_PLAYER_LINES_OPENING = re.compile(r"(?:[ \t]*[◼►][ \t]*\r?\n)+")


def _without_player_marks(text: str, a: int, b: int) -> tuple[int, int]:
    """A turn's span without a search site's player glyphs above its words and its "[TS]" after them."""
    opening = _PLAYER_LINES_OPENING.match(text, a, b)
    if opening:
        a = opening.end()
    a, b = trim(text, a, b)
    if text.endswith("[TS]", a, b):
        a, b = trim(text, a, b - len("[TS]"))
    return a, b


def _marks(text: str) -> list[tuple[int, int, float | None, str, int]]:
    """(line number, line start, seconds, the mark as written, where its words start) of every
    line that starts with a time."""
    out = []
    for number, start, end, line in iter_lines(text):
        m = _MARK.match(line) or _GLUED_MARK.match(line)
        if m:
            found = m.groupdict()
            stamp = found.get("r") or found.get("b") or found.get("p") or found["t"]
            seconds = parse_clock(stamp.replace(",", ".")) if ":" in stamp or "h" in stamp else float(stamp.rstrip("s"))
            out.append((number, start, seconds, stamp, start + m.end()))
    return out


def detected(text: str) -> dict | None:
    """None unless `text` looks like timed lines; else the parser's arguments: the marks found,
    when detection read the whole text (so that parsing does not look for them again)."""
    sample = text[:_DETECT_CHARS]
    if not _HAS_MARK.search(sample):
        return None
    marks = _marks(sample)
    nonblank = sum(1 for line in sample.split("\n") if line.strip() and not _PLAYER_LINE.match(line))
    if marks:  # a Markdown page's headings, list and rules above the first mark are its header, not lines of words
        nonblank -= sum(1 for line in sample[:marks[0][1]].split("\n") if _HEADER_LAYOUT_LINE.match(line))
    # three marks make timed lines; fewer do where every line opens with a Whisper range mark
    # ("[00:00:00.000 --> 00:00:02.400]  words": a two-sentence recording), which nothing else writes
    whisper_ranges = "-->" in sample and len(marks) == nonblank
    if not ((len(marks) >= 3 or whisper_ranges) and len(marks) >= 0.3 * nonblank):
        return None
    return {"marks": marks} if len(text) <= _DETECT_CHARS else {}


def looks_like(text: str) -> bool:
    return detected(text) is not None


def _contents(text: str, marks) -> tuple[Chapter, ...]:
    """The chapters of a table of contents opening the marks (see the module docstring); () if none."""
    back = next((k for k in range(1, len(marks)) if None in (marks[k][2], marks[k - 1][2]) or marks[k][2] < marks[k - 1][2]), None)
    if back is None or back < 2 or marks[back][2] is None or marks[back][2] > marks[0][2]:
        return ()
    chapters = []
    for i, (number, _, seconds, _, words_start) in enumerate(marks[:back]):
        title = _CHAPTER_TITLE.match(text, words_start, _line_end(text, words_start))
        if not title or (i and number != marks[i - 1][0] + 1):
            return ()
        chapters.append(Chapter(title=title.group("title"), start_seconds=round(seconds)))
    return tuple(chapters)


# an LRC file's ID tags before its lines ("[ti:Episode 3]", "[ar:...]", "[length:02:10]"; whisper.cpp's
# --output-lrc writes "[by:whisper.cpp]"): the title where "ti" gives one, never a title themselves
# a speaker's name alone after a mark, two spaces or a tab between them, the words on the lines below (fyyd.de's
# transcript pages: "00:37  Twila", then "You're very welcome.", then "00:37" alone above the next caption line)
_NAME_AFTER_MARK = re.compile(r"[^\W\d_][\w'’.-]{0,30}(?:[ ][^\W\d_][\w'’.-]{0,30}){0,2}[ \t]*\r?\n")


def _names_after_marks(text: str, turns: list[ParsedTurn]) -> list[ParsedTurn] | None:
    """The turns whose words open with a name alone on the mark's line (see _NAME_AFTER_MARK) labelled with it, the
    name out of the words, the turns after it going on in that voice; None unless two such lines or more, one name
    on two of them, are found."""
    named = {}
    for i, t in enumerate(turns):
        gap = text[max(0, t.start_char - 2):t.start_char]
        if (gap == "  " or gap.endswith("\t")) and text[t.start_char:t.start_char + 1].isupper():
            m = _NAME_AFTER_MARK.match(text, t.start_char, t.end_char + 2)
            # (the words below open a sentence: "Okay" above "so we start." is the line's first word, no name)
            if m and m.end() < t.end_char and text[m.end():t.end_char].lstrip()[:1].isupper() \
                    and m.group().split()[0].lower() not in NOT_NAMES and " ".join(m.group().split()).lower() not in SAID_WORDS:
                named[i] = (" ".join(m.group().split()), m.end())
    names = [name for name, _ in named.values()]
    if len(names) < 2 or max(names.count(n) for n in set(names)) < 2:
        return None
    out = []
    for i, t in enumerate(turns):
        if i in named:
            name, words = named[i]
            a, b = trim(text, words, t.end_char)
            out.append(ParsedTurn(start_char=a, end_char=b, line=t.line + 1, speaker_label=name, start_seconds=t.start_seconds))
        else:
            out.append(t)
    return out


_LRC_TAG = re.compile(r"[ \t]*\[([a-z#]{1,8}):([^\]\n]*)\][ \t]*\r?$", re.I)


def _title(head_lines: list[str]) -> str:
    """The title that the lines before the first mark give: the first, or an LRC file's "ti" tag."""
    tags = [m for m in map(_LRC_TAG.match, head_lines) if m]
    if tags and len(tags) == len(head_lines):
        return next((m.group(2).strip() for m in tags if m.group(1).lower() == "ti"), "")
    # a page's link back to its index above the title ("back to index", lawwu.github.io's transcript pages) is none
    head_lines = [line for line in head_lines if line.strip().lower() not in NAVIGATION_LINES]
    # a Markdown heading's #s are no part of it ("# 详解 Kimi K3：...", PodWiki's transcripts)
    title = _HEADING_MARKS.sub("", head_lines[0]).rstrip(" \t#") if head_lines else ""
    return "" if reads_as_prose(title) else title


_HEADING_MARKS = re.compile(r"^[ \t]*#{1,6}[ \t]+")
# an episode's numbered title ("H.I. #69: Ex_Machina", "Episode 13: Fog") under the show's name, the page's two head lines
# (podsearch.david-smith.org's episode pages)
_NUMBERED_EPISODE = re.compile(r"[^\n]{0,40}(?:#|\b(?i:episode|ep\.?)[ \t]*)\d{1,4}\b[^\n]{0,160}")


def _show_above_episode(head_lines: list[str]) -> tuple[str, str] | None:
    """(show, title) where the lines before the first mark are a show's name and an episode's numbered title; else None."""
    if len(head_lines) != 2 or _NUMBERED_EPISODE.fullmatch(head_lines[0]) or not _NUMBERED_EPISODE.fullmatch(head_lines[1]):
        return None
    show = head_lines[0].strip()
    return (show, head_lines[1].strip()) if len(show) <= 60 and not reads_as_prose(show) else None


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _without_trailing_headings(text: str, a: int, b: int) -> tuple[int, int]:
    """A turn's span without the Markdown headings and rules at its end."""
    while b > a:
        last_nl = text.rfind("\n", a, b)
        if last_nl < 0 or not _HEADING_OR_RULE.match(text, last_nl + 1, b):
            break
        a, b = trim(text, a, last_nl)
    return a, b


def _segment_line(text: str, a: int, b: int) -> tuple[int, int]:
    """A Whisper console segment's span: its line, where what follows it before the next segment is
    past a blank line or only the console's lines (a notebook's next "In [3]:", a shell's prompt)."""
    line_end = _line_end(text, a)
    if line_end >= b:
        return a, b
    rest = text[line_end + 1 : b]
    if rest.startswith(("\n", "\r\n")) or all(_CONSOLE_LINE.match(line) for line in rest.split("\n") if line.strip()):
        return trim(text, a, line_end)
    return a, b


# YouTube's transcript panel sets each chapter's title on a line of its own above the chapter's first time
# ("Recycling today" / "1:02" / "so how much..."): a short line opening with a capital, no sentence's end, where every other
# segment is its time alone on a line and one line of words
_PANEL_TITLE = re.compile(r"[^\W\d_][^\n]{0,58}?(?<![.?!,;:…])")


def _panel_chapters(text: str, marks, bounds) -> dict[int, tuple[int, Chapter]]:
    """{the end of the segment before a chapter: (where its title line starts, the chapter)} for a
    transcript copied from YouTube's panel with its chapters' titles in it; {} for any other."""
    if len(marks) < 3 or any(text[words_start:words_start + 1] not in ("\n", "\r") for *_, words_start in marks):
        return {}
    found: dict[int, tuple[int, Chapter]] = {}
    for k, ((_, _, _, _, words_start), stop) in enumerate(zip(marks, bounds)):
        a, b = trim(text, words_start, stop)
        lines = text[a:b].split("\n")
        if len(lines) == 1:
            continue
        if len(lines) != 2 or k + 1 >= len(marks) or marks[k + 1][2] is None:
            return {}  # segments of several lines: not the panel's shape
        title = lines[1].strip()
        if not (_PANEL_TITLE.fullmatch(title) and title[0].isupper()) or len(title.split()) > 8:
            return {}
        line_start = text.rfind("\n", a, b) + 1
        found[stop] = (line_start, Chapter(title=title, start_seconds=round(marks[k + 1][2]), start_char=marks[k + 1][4] + 1))
    return found if len(found) * 2 <= len(marks) else {}  # most segments one line, as the panel copies them


def parse(text: str, *, source: str, marks=None) -> ParsedSource:
    """Text in, ParsedSource with one unlabelled, timed turn per time mark out (`marks`: what
    `detected` found, when it read the whole text)."""
    marks = _marks(text) if marks is None else marks
    if not marks:
        return refused(NAME, source, 1, "not timed lines: no line starts with a time such as '0:04' or '[00:00:04]'")
    errors: list[IngestError] = []
    turns: list[ParsedTurn] = []
    previous = None
    credit = _CREDIT.search(text, max(marks[-1][4], len(text) - _CREDIT_CHARS))
    bounds = [m[1] for m in marks[1:]] + [credit.start() if credit else len(text)]
    chapters = _contents(text, marks)
    head_lines = [line.strip() for line in text[: marks[0][1]].split("\n") if line.strip()]
    # Whisper's console: each segment is one line (its range mark, its words), and the log's lines
    # around them (above, and a notebook's or shell's after) are neither the title nor words
    console = all("-->" in text[start:words_start] for _, start, _, _, words_start in marks)
    if console:
        head_lines = [line for line in head_lines if not _CONSOLE_LINE.match(line)]
    title = _title(head_lines)
    show_and_episode = _show_above_episode(head_lines) if not console else None
    show_and_episode = show_and_episode or (show_above_marked_title(head_lines) if not console else None)
    show, title = show_and_episode if show_and_episode else ("", title)
    day = next((d for line in head_lines if (d := day_of_line(line))), None)  # "Published on Mar 3, 2024" under it
    marks, bounds = marks[len(chapters):], bounds[len(chapters):]
    titled = _panel_chapters(text, marks, bounds) if not chapters else {}
    if titled:
        if len(head_lines) == 1:  # the first chapter's title above the first mark ("Intro" / "0:00"), not the video's
            chapters = (Chapter(title=head_lines[0].strip(), start_seconds=round(marks[0][2] or 0)),)
            title = ""
        chapters += tuple(chapter for _, chapter in titled.values())
    for (number, _, seconds, stamp, words_start), stop in zip(marks, bounds):
        if stop in titled:  # a chapter's title on the line before the next mark: no one's words
            stop = titled[stop][0]
        if seconds is None:
            errors.append(IngestError(source, number, f"malformed time mark {stamp!r}"))
            continue
        if previous is not None and seconds < previous:
            errors.append(IngestError(source, number, f"time mark out of order: {format_clock(seconds)} comes after {format_clock(previous)}"))
            continue
        previous = seconds
        a, b = trim(text, words_start, stop)
        if console:
            a, b = _segment_line(text, a, b)
        a, b = _without_trailing_headings(text, a, b)
        a, b = _without_player_marks(text, a, b)
        if b > a:
            turns.append(ParsedTurn(start_char=a, end_char=b, line=number + text.count("\n", words_start, a), start_seconds=seconds))
    turns = _names_after_marks(text, turns) or labels_in_capitals(text, turns)
    return ParsedSource(
        format=NAME, metadata=Metadata(title=title, show=show, published=day, published_precision="day" if day else ""),
        turns=tuple(turns), chapters=chapters,
        content_start=turns[0].start_char if turns else 0, content_end=turns[-1].end_char if turns else 0,
        errors=tuple(errors),
    )
