"""Caption cues read as stretches of speech, stored as cues.

A caption cue (or a line of timed lines) is a few seconds of display, not a turn: Whisper's
and a subtitle editor's cues cut sentences anywhere. Parsers give one turn per cue with its
real time. Here:

- `join_cues`: for attribution, consecutive cues become one parsed turn where nothing says the
  voice changes (no other label or voice tag, no ">>" mark) and nothing but cue numbers, timing
  lines, time marks (markup.reading_text blanks those) or the next cue's repeat of the same
  speaker's label lies between them, so that sentence units run on from one cue into the next;
- `cue_text_only`: the reading text of a cue source keeps only the cues' text (labels, repeats
  and anything else between cues blank), so that a joined turn reads as the words said;
- `split_at_cues`: the attributed turns are cut again where cues start, so that each stored
  turn is (part of) one cue and keeps its real start time, as before the join;
- `speaker_runs`: for sentences and the claim extractor, consecutive turns of one speaker
  with nothing but blanks between them are one turn again, so that a claim may run across cues.

YouTube's rolling auto-captions repeat each line in the next cue: their cues have words between
them and stay apart (a quote across them would hold the repeated words). For attribution only
(`join_cues(..., across_repeats=True)`), that repeat is no change of voice and they join as cues with
nothing between them do (2026-12-08: apart, each cue was a unit of its own, and the turn decoder changed
voice inside a sentence cut across cues: a tutorial's one narrator split at her "I'm <Name> a ... teacher").
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import Mapping, Sequence

from .markup import CUE_FORMATS, blank
from .records import ParsedSource, ParsedTurn, Turn


def join_cues(reading: str, parsed: ParsedSource, *, across_repeats: bool = False) -> ParsedSource:
    """The reading text and a parsed cue source in, the source with runs of cues joined out
    (any other format comes back as it is); `across_repeats`: also where the words between two cues are the
    first's last line shown again (YouTube's rolling auto-captions), for attribution only."""
    if parsed.format not in CUE_FORMATS or len(parsed.turns) < 2:
        return parsed
    joined: list[ParsedTurn] = []
    first = last = parsed.turns[0]  # the run of cues being joined: its first cue and its last
    for cue in [*parsed.turns[1:], None]:
        if cue is not None:
            between = reading[last.end_char : cue.start_char].split()
            # a cue with no label and no ">>" goes on in the voice before it (labels mark changes)
            same_voice = cue.speaker_label in (None, first.speaker_label) and not cue.speaker_change
            if same_voice and (not between or _is_label(" ".join(between), cue.speaker_label)
                               or across_repeats and _shown_again(between, reading, last)):
                last = cue
                continue
        # one copy per run, not one per cue joined (dataclasses.replace is slow: 9% of a large SRT's time)
        joined.append(first if last is first else replace(first, end_char=last.end_char, end_seconds=last.end_seconds))
        first = last = cue
    return replace(parsed, turns=tuple(joined))


# a paragraph's end: a sentence's, before any closing quote or bracket
_SENTENCE_END = re.compile(r"[.?!…。？！][\"”’)\]]*$")
_SENTENCE_INSIDE = re.compile(r"[.?!…。？！][\"”’)\]]*\s+(?=\S)")
_PARAGRAPHS_MIN = 3


def timed_paragraphs(source: str, parsed: ParsedSource) -> bool:
    """Whether an unlabelled timed-lines source is a recogniser's paragraphs (Happy Scribe's public page, Otter's
    export without names: "[00:00:08]" alone on its line above each paragraph), not caption lines: three turns or
    more, each under a time alone on its line, every one but the last (an excerpt may stop anywhere) ending a
    sentence, two sentences a turn or more on average. Such a recogniser starts a paragraph where the voice
    changes, so a paragraph is one voice: attribution decides per paragraph, not per sentence (2026-12-08: decoded
    per sentence, the minister's paragraph opened with the interviewer's voice and his answer's middle went to it)."""
    turns = parsed.turns
    if parsed.format != "timed_lines" or len(turns) < _PARAGRAPHS_MIN:
        return False
    if any(t.speaker_label or t.speaker_change for t in turns):
        return False
    sentences = 0
    for i, t in enumerate(turns):
        line_start = source.rfind("\n", 0, t.start_char) + 1
        mark = source[max(0, turns[i - 1].end_char if i else 0):line_start]
        if source[line_start:t.start_char].strip() or not mark.strip():
            return False  # the time is on the words' line (a caption line's, podscripts' "Starting point is ...")
        if i < len(turns) - 1 and not _SENTENCE_END.search(source, max(t.start_char, t.end_char - 8), t.end_char):
            return False
        sentences += 1 + sum(1 for _ in _SENTENCE_INSIDE.finditer(source, t.start_char, t.end_char))
    return sentences >= 2 * len(turns)


def notes_kept(reading: str, turns: Sequence[Turn]) -> tuple[Turn, ...]:
    """Attributed turns in, the same with a note in brackets left between two of them ("[Music]" where the voice
    changes inside a run of cues joined across their repeats: no sentence holds it) opening the later one."""
    out = list(turns)
    for i in range(1, len(out)):
        gap = reading[out[i - 1].end_char : out[i].start_char]
        words = gap.split()
        if words and all(w[0] in "[(" and w[-1] in "])" for w in words):
            out[i] = replace(out[i], start_char=out[i - 1].end_char + len(gap) - len(gap.lstrip()))
    return tuple(out)


def _shown_again(between: list[str], reading: str, cue: ParsedTurn) -> bool:
    """Whether the words between a cue and the next are the cue's last line shown again, once or more: YouTube's
    rolling auto-captions repeat it in a 10 ms cue and at the top of the next cue (the parser gives neither a turn)."""
    line = reading[max(cue.start_char, reading.rfind("\n", cue.start_char, cue.end_char) + 1) : cue.end_char].split()
    return bool(line) and len(between) % len(line) == 0 and between == line * (len(between) // len(line))


def _is_label(words: str, label: str | None) -> bool:
    """Whether `words` are the speaker label a cue opens with: "Name:", "[Name]:", a diariser's "[Speaker 0]",
    Google Meet's "(Name)", or WhisperX's "[Name | 0.84]" (the confidence differs from cue to cue)."""
    return label is not None and (
        words in (f"{label}:", f"[{label}]:", f"[{label}]", f"({label})") or (words.startswith(f"[{label} |") and words.rstrip(":").endswith("]"))
    )


def cue_text_only(reading: str, fmt: str | None, spans: Sequence) -> str:
    """The reading text of a cue source with everything outside the given turns (the cues' text)
    blanked, line breaks kept; any other format's reading text as it is."""
    if fmt not in CUE_FORMATS or not spans:
        return reading
    blanked = blank(reading)  # blanked once, its pieces sliced (a blank per gap between cues cost 2 us a cue)
    parts: list[str] = []
    position = 0
    for t in sorted(spans, key=lambda t: t.start_char):
        if t.start_char > position:
            parts.append(blanked[position : t.start_char])
        parts.append(reading[max(position, t.start_char) : t.end_char])
        position = max(position, t.end_char)
    parts.append(blanked[position:])
    return "".join(parts)


def cue_anchors(parsed: ParsedSource) -> dict[int, float]:
    """{where a cue's text starts: its start time} of a cue source (empty for other formats); the
    time is None for a cue that has none (MicroDVD's frames without a frame rate): the stored turns
    are still cut where it starts."""
    if parsed.format not in CUE_FORMATS:
        return {}
    return {t.start_char: t.start_seconds for t in parsed.turns}


def split_at_cues(reading: str, turns: Sequence[Turn], cue_starts: Mapping[int, float]) -> tuple[Turn, ...]:
    """Attributed turns in, the same cut where a cue starts inside one out (each piece with that
    cue's time; a piece ends at its last word, the cue lines after it left out)."""
    if not cue_starts:
        return tuple(turns)
    starts = sorted(cue_starts)
    out: list[Turn] = []
    for t in turns:
        first = bisect.bisect_right(starts, t.start_char)
        cuts = starts[first : bisect.bisect_left(starts, t.end_char)]
        a, seconds, estimated = t.start_char, t.start_seconds, t.seconds_estimated
        opening = starts[first - 1] if first else None
        if opening is not None and not reading[opening : t.start_char].strip():
            # the turn's first words open a cue (after its markup, "<i>" in tv_himym_italics.srt):
            # that cue's time, not the time of a stretch joined before it (a non-speech cue left
            # out, "(upbeat music)" in youtube_manual_upwork_talk.vtt) nor an estimate
            seconds, estimated = cue_starts[opening], False
        for c in [*cuts, None]:
            b = t.end_char if c is None else c
            # the piece's trailing blanks (a blanked timing line before each cue) by rstrip, not a character at a time
            b = a + len(reading[a:b].rstrip()) if b > a else b
            if b > a:
                estimated = estimated if a == t.start_char else False
                out.append(Turn(index=len(out), start_char=a, end_char=b, speaker_slug=t.speaker_slug,
                                start_seconds=seconds, seconds_estimated=estimated))
            if c is not None:
                a, seconds = c, cue_starts[c]
    return tuple(out)


def speaker_runs(reading: str, turns: Sequence[Turn], fmt: str | None) -> tuple[Turn, ...]:
    """Turns of a cue source in, consecutive turns of one speaker with only blanks (in the
    reading text) between them joined out; the turns of any other format as they are."""
    if fmt not in CUE_FORMATS or len(turns) < 2:
        return tuple(turns)
    out: list[Turn] = []
    first = last = turns[0]  # the run being joined: its first turn and its last
    for t in [*turns[1:], None]:
        if t is not None and t.speaker_slug == first.speaker_slug and not reading[last.end_char : t.start_char].strip():
            last = t
            continue
        out.append(first if last is first else replace(first, end_char=last.end_char))
        first = last = t
    return tuple(out)
