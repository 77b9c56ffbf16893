"""Shared by webvtt and srt: split caption files into blocks and read cue timing lines."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from ..entities import unescape
from ..errors import IngestError
from ..records import Metadata, ParsedSource, ParsedTurn
from ._common import CJK_LETTERS, NOT_NAMES, SERVICE_NOTE, format_clock, iter_lines, trim

# hh:mm:ss.ttt or mm:ss.ttt, as the spec writes them; and Microsoft Teams' older "0:0:0.570". Hours of at most
# 9 digits: 400 made a time too large for a float, 5,000 more than Python reads as an int
_VTT_TIME = r"(?:\d{1,9}:)?[0-5]?\d:[0-5]?\d\.\d{1,3}"
_SRT_TIME = r"\d{1,3}:[0-5]\d:[0-5]\d[,.]\d{1,3}"
VTT_TIMING = re.compile(rf"^({_VTT_TIME})[ \t]+-->[ \t]+({_VTT_TIME})(?:[ \t]+.*)?$")
SRT_TIMING = re.compile(rf"^({_SRT_TIME})[ \t]*-->[ \t]*({_SRT_TIME})(?:[ \t]+.*)?$")
_TIMING_LINE = re.compile(r"[ \t]*(?:\d+:)?\d+:\d{1,2}[.,]\d+[ \t]*-->")  # a cue timing line's start
# Microsoft Teams' older transcripts write each field of a time as a bare number ("0:1:5.40"; the spec
# pads minutes and seconds to two digits): their fractions are whole milliseconds, "0:0:6.90 --> 0:0:6.500"
# a cue of 410 ms, and their cues come in the order they end, so a cue said over the one before it may
# start before it ("0:0:58.90 --> 0:0:58.360", then "0:0:57.420 --> 0:0:59.990"; both in a Teams transcript
# quoted in a public repository's code, a string of its cues)
_TEAMS_TIMING = re.compile(r"^[ \t]*\d+:(?:\d:\d{1,2}|\d{1,2}:\d)\.\d+[ \t]+-->", re.M)


def written_by_teams(text: str) -> bool:
    """Whether a caption file's times are written as Teams wrote them, a field of one digit somewhere."""
    return bool(_TEAMS_TIMING.search(text, 0, 200_000))


@dataclass(frozen=True, slots=True)
class Block:
    """Consecutive non-empty lines: (line number, start, end, text) each."""

    lines: tuple[tuple[int, int, int, str], ...]


def blocks(text: str) -> list[Block]:
    """Blocks of consecutive lines, separated by empty lines, and by lines of spaces before a
    cue's timing line (Netflix writes these after its NOTE blocks,
    netflix_chicas_del_cable_notes_settings.vtt). After the timing line, a line of spaces is the
    cue's (YouTube writes " " as the first line of its rolling cues; the spec ends a cue only at
    an empty line), and the next cue is found by its timing line.
    A timing line in a block that has one already starts a new block (and takes along a cue
    number just before it): youtube-dl's files may have no empty line between cues.
    A lone "\r" ends a line as "\n" and "\r\n" do: old Mac files, and files that mix it in (a timing line
    ending in one had taken the cue's first line of words as its settings, its "[Speaker 1]" lost)."""
    out: list[Block] = []
    current: list[tuple[int, int, int, str]] = []
    timing_at = None  # where the current block's timing line is
    for item in iter_lines(text, lone_cr=True):
        line = item[3]
        if not line.strip():
            if line and timing_at is not None:
                continue
            if current:
                out.append(Block(tuple(current)))
                current, timing_at = [], None
            continue
        if "-->" in line and _TIMING_LINE.match(line):
            if timing_at is not None:
                cut = len(current) - 1 if len(current) - 1 > timing_at + 1 and current[-1][3].strip().isdigit() else len(current)
                out.append(Block(tuple(current[:cut])))
                current = current[cut:]
                timing_at = None
            if timing_at is None:
                timing_at = len(current)
        current.append(item)
    if current:
        out.append(Block(tuple(current)))
    return out


_CLOCK_FIELDS = re.compile(r"[:.,]")


def clock(value: str, *, whole_ms: bool = False) -> float:
    """A matched cue time ("01:02:03.450", "02:03.450", "01:02:03,45") in seconds; with `whole_ms`,
    its fraction counts milliseconds however many digits it has (Teams' "0:0:6.90" is 6.090)."""
    *fields, frac = _CLOCK_FIELDS.split(value)
    frac = frac.zfill(3) if whole_ms else frac
    seconds = 0
    for field in fields:  # hours, minutes and seconds, the leading ones optional
        seconds = seconds * 60 + int(field)
    if len(fields) > 3:
        raise ValueError(f"too many fields in a cue time: {value!r}")
    # counted in whole milliseconds: 5 + 940 / 1000 would be 5.9399999999999995
    return (seconds * 1000 + int(frac.ljust(3, "0")[:3])) / 1000


def cue_times(
    timing: re.Match, previous_start: float | None, *, teams: bool = False, previous_end: float | None = None,
) -> tuple[float, float, str | None]:
    """(start, end, error) of a matched timing line: the error when the cue ends before it starts
    or starts before the previous cue did (cues must come in order), else None. With `teams`, times
    as Teams writes them: fractions in whole milliseconds, and a cue may start before the previous
    one where it ends no earlier (Teams lists cues by their end)."""
    start, end = clock(timing.group(1), whole_ms=teams), clock(timing.group(2), whole_ms=teams)
    if end < start:
        return start, end, f"malformed cue: ends at {format_clock(end)}, before it starts at {format_clock(start)}"
    by_end = teams and previous_end is not None and end >= previous_end
    if previous_start is not None and start < previous_start and not by_end:
        return start, end, f"cue out of order: starts at {format_clock(start)}, before the previous cue's start {format_clock(previous_start)}"
    return start, end, None


def checked_times(
    timing: re.Match | None, *, source: str, line: int, previous_start: float | None, errors: list, malformed: str,
    teams: bool = False, previous_end: float | None = None,
) -> tuple[float, float] | None:
    """A cue's (start, end) from its matched timing line; None, with the error noted, when the
    line did not match (`malformed` says how) or `cue_times` finds the times wrong."""
    if timing is None:
        errors.append(IngestError(source, line, malformed))
        return None
    start, end, error = cue_times(timing, previous_start, teams=teams, previous_end=previous_end)
    if error:
        errors.append(IngestError(source, line, error))
        return None
    return start, end


_TAGS = re.compile(r"<[^<>]*>")
# "ALICE: " or "SPEAKER 1: " in capitals opening a cue (broadcast captions, YouTube's own)
CAPS_LABEL = re.compile(r"([A-Z][A-Z0-9 .'-]{1,30}[A-Z0-9]):[ \t]+")


def after_change_mark(text: str, at: int) -> int | None:
    """Where the text goes on after a ">>" (a change of speaker in broadcast captions) at `at`,
    also as YouTube's VTT writes it, escaped: "&gt;&gt;" (EXCERPT_youtube_auto_gtgt_speaker_change.vtt);
    None when there is none."""
    if text.startswith(">>", at):
        return at + 2
    if text.startswith("&gt;&gt;", at):
        return at + 8
    return None
VOICE_OPEN = re.compile(r"\s*<v(?:\.[\w.-]+)?[ \t]+([^>]+?)\s*>")  # "<v Jane Doe>" opening a cue
# a name after a ">>" change mark, in any case ("&gt;&gt; Miya: ", an edited Stream transcript): the mark says a
# voice begins, so the name is its label even where it is heard once
_MARKED_NAME = re.compile(r"([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}):[ \t]+(?=\S)")


def change_label(text: str, a: int, b: int) -> re.Match | None:
    """The label after a ">>" mark at a: "NAME: " in capitals, or a capitalised name that is no note."""
    m = CAPS_LABEL.match(text, a, b) or _MARKED_NAME.match(text, a, b)
    return None if m is None or _a_note(m.group(1)) else m


def voice_name(annotation: str) -> str:
    """A voice tag's (or capitals label's) name, its spacing normalised and its character references
    read: WebVTT escapes "&" in a voice, and Teams writes "<v Alex (RESEARCH &amp; SUPPORT)>"."""
    return " ".join(unescape(annotation).split())


def payload_turn(text: str, payload, *, start: float, end: float) -> ParsedTurn | None:
    """A cue's payload lines in, its turn out (None when it holds no words): a transcription service's note
    (SERVICE_NOTE), a ">>" change mark, then a "<v Name>" voice or a "NAME: " label in capitals, read off its start
    (SRT and SBV)."""
    if not payload:
        return None
    line = payload[0][0]
    a, b = trim(text, payload[0][1], payload[-1][2])
    label, change = None, False
    note = SERVICE_NOTE.match(text, a, b)
    if note:
        a, b = trim(text, note.end(), b)
    after = after_change_mark(text, a)
    if after is not None:
        change = True
        a, b = trim(text, after, b)
    voice = VOICE_OPEN.match(text, a, b) or (change_label(text, a, b) if change else CAPS_LABEL.match(text, a, b))
    if voice:
        label = voice_name(voice.group(1))
        a = voice.end()
        if text.endswith("</v>", a, b):
            b -= 4
    a, b = trim(text, a, b)
    if b <= a or not plain_line(text[a:b]):
        return None
    return ParsedTurn(start_char=a, end_char=b, line=line, speaker_label=label, start_seconds=start, end_seconds=end,
                      speaker_change=change)


def plain_line(line: str) -> str:
    """A payload line's words, tags and spacing aside (for comparing lines)."""
    # a line without "<" has no tag: most lines, and each is read here four or five times
    return " ".join((_TAGS.sub("", line) if "<" in line else line).split())


def payload_lines(block: Block) -> list[str]:
    """The text lines of a cue block (after its timing line; none for a block without one), those
    without words left out (the old YouTube captions close a colour span on a line of its own,
    " </c>", youtube_auto_talk_old_colorstyle.vtt)."""
    lines = [line for _, _, _, line in block.lines]
    timing = next((i for i, line in enumerate(lines[:2]) if "-->" in line), None)
    return [line for line in lines[timing + 1 :] if plain_line(line)] if timing is not None else []


def is_rolling(payloads: list[list[str]]) -> bool:
    """Whether cues repeat the previous cue's last line as their first, one of the two cues having
    more lines (YouTube's rolling auto-captions, also once converted to SRT or stripped of their
    word timings): at least three cues and a third of them do. (Cues of one line each saying the
    same are said again: "Yeah." from two people, "Right." half a minute apart.)"""
    repeats = sum(1 for previous, cue in zip(payloads, payloads[1:])
                  if previous and cue and len(previous) + len(cue) >= 3 and plain_line(cue[0]) == plain_line(previous[-1]))
    return repeats >= 3 and repeats >= len(payloads) / 3


_HIGHLIGHT = re.compile(r"<(?:u|font)[\s>]", re.I)


def cue_words(lines: list[str]) -> str:
    """The words of a cue's lines, tags and spacing aside."""
    return " ".join(words for words in map(plain_line, lines) if words)


def is_highlighting(payloads: list[list[str]]) -> bool:
    """Whether cues show one segment's words again and again, one word marked at a time: the
    karaoke captions of Whisper's, faster-whisper's and WhisperX's --highlight_words ("<u>So,</u>
    first, ...", then "So, <u>first,</u> ...", whisperx_highlight_words.srt) and stable-ts' word
    level ('<font color="#00ff00">', stable_ts_font_highlight.srt): at least two cues and a third of
    them say the words of the cue before, one of the two marking a word."""
    if not any("<" in line for cue in payloads for line in cue):  # no mark, no highlighting
        return False
    repeats = sum(1 for previous, cue in zip(payloads, payloads[1:])
                  if cue and cue_words(cue) == cue_words(previous) and _HIGHLIGHT.search(" ".join(previous + cue)))
    return repeats >= 2 and repeats >= len(payloads) / 3


def last_words(lines: list[str]) -> str:
    """The words of the last of a cue's lines that has any ("" if none)."""
    return next((words for words in map(plain_line, reversed(lines)) if words), "")


def repeats_previous(lines: list[str], previous_last: str, *, start: float, end: float, previous_end: float | None) -> bool:
    """Whether a rolling caption cue's first line is the previous cue's last line shown again: so
    when the cue goes on with new words, or only holds the line on screen, for an instant
    (YouTube's 10 ms cues) or from the moment the previous cue ended (youtube_dl_style_header_short.vtt).
    A cue of one line saying the same words again after a pause is someone saying them again."""
    if not lines or not previous_last or plain_line(lines[0]) != previous_last:
        return False
    return any(plain_line(line) for line in lines[1:]) or end - start < 0.05 or start == previous_end


# the scripts a line of a bilingual cue is told apart by, the first found naming it: a Chinese, Japanese or Korean
# line often holds a Latin name or brand ("我是Tessa"), a Latin line seldom a CJK or Cyrillic letter
_SCRIPTS = (("cjk", re.compile(f"[{CJK_LETTERS}]")), ("cyrillic", re.compile("[\u0400-\u04ff]")),
            ("greek", re.compile("[\u0370-\u03ff]")), ("arabic", re.compile("[\u0600-\u06ff]")),
            ("hebrew", re.compile("[\u0590-\u05ff]")), ("thai", re.compile("[\u0e00-\u0e7f]")),
            ("latin", re.compile("[A-Za-z\u00c0-\u024f]")))


def _script(line: str) -> str | None:
    return next((name for name, letters in _SCRIPTS if letters.search(line)), None)


def script_pair(lines: list[str]) -> tuple[str, str] | None:
    """The scripts of a cue of two lines written in two different ones (its words and their translation,
    "Thanks for having me.\n谢谢你邀请我。"), top first; None for any other cue."""
    if len(lines) != 2:
        return None
    top, bottom = _script(lines[0]), _script(lines[1])
    return (top, bottom) if top and bottom and top != bottom else None


def bilingual_pair(payloads: list[list[str]]) -> tuple[str, str] | None:
    """The scripts of a bilingual caption file's two lines, top first: where at least three cues, and half of
    those with words, hold a line and its translation below it in the same two scripts (a translating tool's
    "bilingual" output, original first, and subtitle groups' Chinese above English); else None."""
    pairs = Counter(pair for pair in map(script_pair, payloads) if pair)
    if not pairs:
        return None
    pair, count = pairs.most_common(1)[0]
    return pair if count >= 3 and 2 * count >= sum(1 for p in payloads if p) else None


# a diariser's speaker in brackets where no name would stand: after the times on the timing line
# ("00:00:00,820 --> 00:00:02,780 [Speaker 0]", a diarising tool's Polish SRT, diarised_tag_on_timing_line.srt)
_TIMING_TAG = re.compile(r"-->[^\[\n]*\[([A-Z][\w.'’ -]{0,38}[\w.])\]:?[ \t]*$")


def timing_line_speaker(timing: str) -> str | None:
    """The speaker a cue's timing line names in brackets after its times, or None."""
    # searched from the last "-->" before the last "[" (the tag's, its name holds none): from every "-->", a
    # line of thousands of them was scanned to its end once per arrow
    bracket = timing.rfind("[")
    arrow = timing.rfind("-->", 0, bracket) if bracket > 0 else -1
    m = _TIMING_TAG.search(timing, arrow) if arrow >= 0 else None
    return " ".join(m.group(1).split()) if m else None


# "Craig Smith: text" at the start of a cue (Zoom's and Teams' transcripts write every cue so),
# also "Ashlee Kupor (SL): text" (zoom_cip_meeting_parenthesised_names.vtt); "[SPEAKER_00]: text"
# (WhisperX's diarised SRT and VTT), a diariser's "[Speaker 0]" or "[SPEAKER_00]:" alone on the line above
# the words or before them without a colon, and "[SPEAKER_00 | 0.84]" with the diariser's confidence
# ("| weak 0.30" where it is low) and no colon, often alone on the line
# (whisperx_diarized_bracket_speaker_confidence.srt); a name in full-width brackets before the
# words, as Japanese captions write it ("（司会）皆さん...", meeting_ja_parenthesised_names.vtt), or in
# ASCII ones where the name is in Japanese, Chinese or Korean letters ("(司会)")
_CUE_CAPITAL = "A-ZÀ-ÞА-ЯЁΑ-Ω\u05d0-\u05ea\u0620-\u064a\u0671-\u06d3"
_NAME_LABEL = re.compile(
    r"\[((?:Speaker|SPEAKER)[ _]?(?:\d{1,2}|[A-Z]))\]:?\s+(?=\S)"
    r"|\[([A-Z][\w.'’ -]{0,38}[\w.])\]:[ \t]+(?=\S)"
    r"|\[([A-Z][\w.'’ -]{0,38}[\w.])[ \t]*\|[ \t]*(?:[a-z]+[ \t]+)?\d+(?:\.\d+)?\]:?\s+(?=\S)"
    # (French sets a space, often a no-break one, before the colon: "CLAIRE : Bonjour", "ÉLODIE : ..."; a name may
    # open with a Cyrillic or Greek capital or an Arabic or Hebrew letter, "Ведущий: ...", "المذيع: ...")
    rf"|([{_CUE_CAPITAL}][\w.'’-]*(?:[ ][{_CUE_CAPITAL}0-9][\w.'’-]*){{0,3}}(?:[ ]\([^()\n]{{1,30}}\))?)[ \u00a0\u202f]?:[ \t]+(?=\S)"
    # a name of six Chinese, Japanese or Korean letters at most, the colon a full-width one or not ("主持人：...");
    # longer, words said before a colon ("我觉得最重要的问题是：...")
    rf"|([{CJK_LETTERS}][\w·・]{{0,5}})(?:：[ \t]*|:[ \t]+)(?=\S)"
    r"|（([^（）()\s:：。、][^（）()\n:：。、]{0,19})）[ \t\u3000]*(?=\S)"
    rf"|\((?=[^()\n]{{0,19}}[{CJK_LETTERS}])([^（）()\s:：。、][^（）()\n:：。、]{{0,19}})\)[ \t\u3000]*(?=\S)"
)


@dataclass
class ShownAgain:
    """Leaves out what a caption file shows again, cue by cue: a karaoke segment repeated with its
    next word marked (`highlighting`, is_highlighting) and a rolling cue's first line, the
    previous cue's last (`rolling`, is_rolling)."""

    rolling: bool
    highlighting: bool
    previous_words: str = ""
    previous_last_line: str = ""
    previous_end: float | None = None

    def new_lines(self, payload: list, *, start: float, end: float) -> list:
        """A cue's payload lines in, the ones said for the first time out ([] for none)."""
        texts = [line[3] for line in payload]
        # the words and the last line are read only where the file shows its cues again (most do not)
        if self.highlighting:
            words = cue_words(texts)
            if words == self.previous_words and start == self.previous_end:
                self.previous_end = end  # the segment shown again with its next word marked: its words are said once
                return []
            self.previous_words = words
        if self.rolling:
            if repeats_previous(texts, self.previous_last_line, start=start, end=end, previous_end=self.previous_end):
                payload = payload[1:]
            self.previous_last_line = last_words(texts) or self.previous_last_line
        self.previous_end = end
        return payload


# a Zoom display name as typed, in lower case ("neha r:", a tablet's "iPad (2):"): read only where names
# open half the cues or more (zoom_lowercase_names.vtt)
_TYPED_NAME_LABEL = re.compile(r"([^\W\d_][\w.'’-]*(?:[ ][^\W\d_][\w.'’-]*){0,2}(?:[ ]\([^()\n]{1,30}\))?):[ \t]+(?=\S)")


def label_name(m: re.Match) -> str:
    return " ".join(next(name for name in m.groups() if name).split())


def named_labels(text: str, turns: list[ParsedTurn]) -> list[ParsedTurn]:
    """Cue turns in, the same with a leading "Name: " read as the speaker label where the name
    opens at least two cues (so that a one-off "Warning: ..." stays text), or, where such labels
    open half the cues or more (Zoom labels every cue), opens any cue: someone who speaks once
    ("Matilda Simon: morning." in zoom_preasync_class_meeting.vtt), or a display name typed in lower
    case ("neha r: Hi, good evening." in zoom_lowercase_names.vtt)."""
    found = [None if t.speaker_label else _NAME_LABEL.match(text, t.start_char, t.end_char) for t in turns]
    names = Counter(label_name(m) for m in found if m)
    names = Counter({n: count for n, count in names.items() if not _a_note(n)})
    # a diariser's "[Speaker 2]" is a voice however seldom it speaks (a captions library tags a cue only where
    # the voice changes, so a voice heard once is tagged once)
    labels = {n for n, count in names.items() if count >= 2} | {label_name(m) for m in found if m and m.group(1)}
    if not labels:
        return turns
    if 2 * sum(names[n] for n in labels) >= len(turns):
        found = [m or (None if t.speaker_label else _TYPED_NAME_LABEL.match(text, t.start_char, t.end_char))
                 for t, m in zip(turns, found)]
        labels = {n for n in map(label_name, filter(None, found)) if not _a_note(n)}
    out = []
    for t, m in zip(turns, found):
        name = label_name(m) if m else None
        if name in labels:
            a, b = trim(text, m.end(), t.end_char)
            t = replace(t, start_char=a, end_char=b, speaker_label=name)
        out.append(t)
    return out


# a name alone on a cue's first line, every word capitalised (a diariser's number too), a note in brackets
# after it ("Jane Doe", "Doe, Jane", "Jane Doe (Guest)"), a colon after it or not ("Speaker 2:")
_NAME_ALONE = re.compile(r"(?P<name>[^\W\d_][\w'’.-]*(?:,? (?:[^\W\d_][\w'’.-]*|\d{1,2})){0,4}(?: \([^()]{1,40}\))?):?")


def name_alone(line: str) -> str | None:
    """The name a cue's first line is, alone, or None."""
    m = _NAME_ALONE.fullmatch(plain_line(line))
    words = m and m.group("name")
    if not words or words.endswith(".") or not all(w[0].isupper() or w.isdigit() for w in words.split(" (")[0].split()):
        return None
    return None if words.split()[0].lower().rstrip(".,") in NOT_NAMES else words


def named_first_lines(text: str, turns: list[ParsedTurn], first_lines: list) -> list[ParsedTurn]:
    """Cue turns in, the same with a name alone on its cue's first line, above the words, read as the
    speaker label, where such names open half the cues or more and one of them two or more: Teams'
    older transcripts as Word holds them ("0:0:0.0 --> 0:0:1.510", then "Some Body", then the words:
    Unstructured-IO/unstructured, example-docs/teams_chat.docx). `first_lines` holds, for each turn,
    its cue's first payload line and the start and number of the next, or None for a cue of one line.
    Maestra's Word layout writes the name with a colon ("Speaker 2:", bugbakery/transcribee issue 443)."""
    names = [name_alone(line[0]) if line else None for line in first_lines]
    counts = Counter(n for n in names if n)
    if not counts or max(counts.values()) < 2 or 2 * sum(counts.values()) < len(turns):
        return turns
    out = []
    for t, line, name in zip(turns, first_lines, names):
        if name and not t.speaker_label and line[1] < t.end_char:
            t = replace(t, start_char=line[1], line=line[2], speaker_label=name)
        out.append(t)
    return out


# Google Meet's recorded captions: the speaker's name (or initials) in brackets alone on a cue's first line, and
# where a second voice comes in during the cue, a line "-", a line of a space, and that voice's name in brackets
# above its words (google_meet_names.vtt)
_BRACKETED_NAME_ALONE = re.compile(r"^[ \t]*\(([^\W\d_][\w.'’ -]{0,40}?)\)[ \t]*\r?$", re.M)
_VOICE_DASH = re.compile(r"\n[ \t]*-[ \t]*\r?\n\s*$")  # the "-" line (and lines of spaces) closing a voice's words


def _a_note(name: str) -> bool:
    """Whether a name in a label's place is a note of a sound or a part ("Music", "Laughter", "Note.")."""
    return name.split()[0].lower().rstrip(".") in NOT_NAMES


def cue_speakers(text: str, turns: list[ParsedTurn], first_lines: list) -> list[ParsedTurn]:
    """A caption file's cue turns with their speakers read every way captions name them: a name alone
    above the words (named_first_lines), Google Meet's "(Name)" (bracketed_names), a second voice inside a cue
    (later_voices), "Name:" (named_labels)."""
    return named_labels(text, later_voices(text, bracketed_names(text, named_first_lines(text, turns, first_lines))))


# a second voice coming in inside a cue: a "<v Name>" tag anywhere after the cue's start (a research interview's
# "I think it means\n<v TELL> it is", or mid-line), or a ">>" change mark (escaped or not) opening a later line
# (a name holds no "<": an unclosed "<v " is read up to the next tag at most, never to the line's end each time)
_LATER_VOICE = re.compile(r"<v(?:\.[\w.-]+)?[ \t]+([^<>\n]{1,80}?)[ \t]*>|\n[ \t]*(>>|&gt;&gt;)")


def later_voices(text: str, turns: list[ParsedTurn]) -> list[ParsedTurn]:
    """Cue turns in, each cut where a second voice comes in inside it (_LATER_VOICE), each part a turn of its own
    with the cue's times: the tag's name, or the label after the mark (change_label), its speaker. Each turn's
    span is searched once, so the cost stays linear in the text."""
    out = []
    for t in turns:
        marks = [m for m in _LATER_VOICE.finditer(text, t.start_char + 1, t.end_char)
                 if m.group(1) is None or not _a_note(m.group(1))]
        if not marks:
            out.append(t)
            continue
        a, label, change = t.start_char, t.speaker_label, t.speaker_change
        line, counted = t.line, t.start_char
        for m in [*marks, None]:
            part_a, part_b = trim(text, a, m.start() if m else t.end_char)
            if text.endswith("</v>", part_a, part_b):
                part_a, part_b = trim(text, part_a, part_b - 4)
            if part_b > part_a:
                line, counted = line + text.count("\n", counted, part_a), part_a
                out.append(replace(t, start_char=part_a, end_char=part_b, line=line, speaker_label=label,
                                   speaker_change=change))
            if m is None:
                break
            if m.group(1) is not None:  # "<v Name>"
                a, label, change = m.end(), voice_name(m.group(1)), False
                continue
            a, change = trim(text, m.end(), t.end_char)[0], True  # ">>", and a label after it or none
            named = change_label(text, a, t.end_char)
            label, a = (label_name(named), named.end()) if named else (None, a)
    return out


def bracketed_names(text: str, turns: list[ParsedTurn]) -> list[ParsedTurn]:
    """Cue turns in, the same with a name in brackets alone on a cue's first line read as the speaker label,
    and each later name so, after a "-" line, starting a turn of its own (the cue's times), where such names
    open half the cues or more and one of them two or more; a note of a sound ("(laughter)") is no name."""
    found = [[] if t.speaker_label or not text.startswith("(", t.start_char)
             else list(_BRACKETED_NAME_ALONE.finditer(text, t.start_char, t.end_char)) for t in turns]
    opening = Counter(ms[0].group(1) for t, ms in zip(turns, found) if ms and ms[0].start() == t.start_char)
    opening = Counter({n: c for n, c in opening.items() if not _a_note(n)})
    if not opening or max(opening.values()) < 2 or 2 * sum(opening.values()) < len(turns):
        return turns
    out = []
    for t, ms in zip(turns, found):
        if not ms or ms[0].start() != t.start_char or ms[0].group(1) not in opening:
            out.append(t)
            continue
        # the "-" line is looked for after the name before (it closes with only spaces up to this name), and lines
        # are counted on from the voice before: from the cue's start each time, a cue of thousands of names was
        # read once per name
        voices = [ms[0]] + [m for before, m in zip(ms, ms[1:]) if _VOICE_DASH.search(text, before.end(), m.start())
                            and not _a_note(m.group(1))]
        line, counted = t.line, t.start_char
        for m, after in zip(voices, [*voices[1:], None]):
            end = after.start() if after else t.end_char
            dash = _VOICE_DASH.search(text, m.end(), end) if after else None
            a, b = trim(text, m.end(), dash.start() if dash else end)
            if b > a:
                line, counted = line + text.count("\n", counted, a), a
                out.append(replace(t, start_char=a, end_char=b, line=line, speaker_label=" ".join(m.group(1).split())))
    return out


def cue_source(
    name: str, turns: list[ParsedTurn], errors: list, *, title: str = "", duration_seconds: int | None = None,
) -> ParsedSource:
    """The ParsedSource of a caption file: its content runs from the first cue's text to the last's."""
    return ParsedSource(
        format=name, metadata=Metadata(title=title, duration_seconds=duration_seconds), turns=tuple(turns),
        content_start=turns[0].start_char if turns else 0,
        content_end=turns[-1].end_char if turns else 0,
        errors=tuple(errors),
    )
