"""Speakers' labels in capitals where a transcript's lines or paragraphs open and inside them, after a
sentence or a note: CS50's lectures as YouTube's transcript panel copies them ("1:01" then "DAVID
MALAN: All right...", "[INTERPOSING VOICES] DAVID MALAN: There?", "AUDIENCE: Applied math. DAVID
MALAN: OK.") and as its site prints them (paragraphs under "# 00:05:00", "... your thoughts? KHALID:
Too many ifs."). Caption cues read the same label where a cue opens (_cues.CAPS_LABEL)."""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import replace

from ..records import ParsedTurn
from ._common import NOT_NAMES, parts_between

_COLON = re.compile(r":[ \t]+(?=\S)")
_NAME = re.compile(r"[A-Z][A-Z0-9 .'-]{1,30}[A-Z0-9]")  # _cues.CAPS_LABEL's name, read back from the colon
_NAME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .'-")
_CLOSES = frozenset(".?!…\"”)]'-")
# a document's words in capitals before a colon, never a speaker's (NOT_NAMES has more)
_DOCUMENT_WORDS = frozenset({"important", "tip", "hint", "caution", "danger", "summary", "example", "step", "todo", "fixme",
                             "ps", "faq", "answer", "question", "result", "results", "conclusion", "notes", "attention"})


def _at_a_label(text: str, at: int, turn_start: int) -> bool:
    """Whether a label at `at` opens the turn or a line, or follows a sentence's or a note's end and a space."""
    if at == turn_start or text[at - 1] == "\n":
        return True
    before = text[max(0, at - 20):at]
    rest = before.rstrip(" \t")
    return len(rest) < len(before) and (not rest or rest[-1] in _CLOSES or rest[-1] == "\n")


def labels_in_capitals(text: str, turns: list[ParsedTurn], *, in_prose: bool = False, known: frozenset = frozenset()) -> list[ParsedTurn]:
    """The turns cut at each label in capitals (see the module docstring), each part labelled; the words
    before a turn's first label stay the turn they were (the voice before goes on), and a part after a
    label inside a turn has no time of its own. Timed lines: a name counts where it is written so twice
    or more and some name opens two lines or more. Prose (`in_prose`, paragraphs): every name counts
    where one is written so three times or more and there are two names or more (a lecturer, and a
    student answering once). Labelled turns (`known`: their labels, in capitals): those names only."""
    found = []  # (turn index, label start, words start, name)
    starts = [t.start_char for t in turns]
    for colon in _COLON.finditer(text):  # the colons first, then the name before one (ten times faster on prose)
        at = colon.start()
        if not at or not (text[at - 1].isupper() or text[at - 1].isdigit()):
            continue
        begin, low = at, max(0, at - 32)
        while begin > low and text[begin - 1] in _NAME_CHARS:
            begin -= 1
        while begin < at and not "A" <= text[begin] <= "Z":
            begin += 1
        i = bisect.bisect_right(starts, at) - 1
        if i < 0 or not turns[i].start_char <= begin < turns[i].end_char or not _NAME.fullmatch(text, begin, at):
            continue
        name = " ".join(text[begin:at].split())
        first = name.split()[0].lower()
        if first not in NOT_NAMES and first not in _DOCUMENT_WORDS and _at_a_label(text, begin, turns[i].start_char):
            found.append((i, begin, colon.end(), name))
    if not found:
        return turns
    counts = Counter(f[3] for f in found)
    if known:
        labels = known & set(counts)
    elif in_prose:
        labels = set(counts) if max(counts.values()) >= 3 and len(counts) >= 2 else set()
    else:
        opening = Counter(name for i, at, _, name in found if at == turns[i].start_char)
        labels = {n for n, k in counts.items() if k >= 2} if opening and max(opening.values()) >= 2 else set()
    if not labels:
        return turns
    cuts_of: dict[int, list] = {}
    for i, at, words, name in found:
        if name in labels:
            cuts_of.setdefault(i, []).append((at, words, (at, name)))
    out: list[ParsedTurn] = []
    for i, t in enumerate(turns):
        cuts = cuts_of.get(i)
        if not cuts:
            out.append(t)
            continue
        for a, b, line, label in parts_between(text, t, cuts):
            if label is None:  # the words before the first label
                out.append(replace(t, end_char=b))
            else:
                at, name = label
                out.append(ParsedTurn(start_char=a, end_char=b, line=line, speaker_label=name,
                                      start_seconds=t.start_seconds if at == t.start_char else None))
    return out
