"""Measuring attribution: attributed turns and hand-marked turns in, accuracy per speaker out."""
from __future__ import annotations

import bisect
import json
import re
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from .records import Turn

_WORD = re.compile(r"\S+")


def load_gold(path: str | Path) -> list[dict]:
    """A JSON list of {start_char, end_char, speaker}, sorted by start."""
    return sorted(json.loads(Path(path).read_text(encoding="utf-8")), key=lambda g: g["start_char"])


def attribution_accuracy(text: str, turns: Sequence[Turn], gold: Iterable[Mapping]) -> dict[str, float]:
    """For each gold speaker: the fraction of their words (inside gold spans) that the turns
    attribute to them. A word belongs to the span holding its first character; a word in
    no attributed turn counts as wrong."""
    ordered = sorted(turns, key=lambda t: t.start_char)
    starts = [t.start_char for t in ordered]
    right: dict[str, int] = {}
    total: dict[str, int] = {}
    for g in gold:
        speaker = g["speaker"]
        for m in _WORD.finditer(text, g["start_char"], g["end_char"]):
            pos = m.start()
            total[speaker] = total.get(speaker, 0) + 1
            k = bisect.bisect_right(starts, pos) - 1
            if k >= 0 and ordered[k].start_char <= pos < ordered[k].end_char and ordered[k].speaker_slug == speaker:
                right[speaker] = right.get(speaker, 0) + 1
    return {s: right.get(s, 0) / n for s, n in total.items()}


def gold_agreement(text: str, gold_a: Sequence[Mapping], gold_b: Sequence[Mapping]) -> dict[str, float]:
    """Agreement of two hand markings, over the words both cover (b judged against a)."""
    covered = [(g["start_char"], g["end_char"]) for g in gold_a]
    turns = [Turn(index=i, start_char=g["start_char"], end_char=g["end_char"], speaker_slug=g["speaker"]) for i, g in enumerate(gold_a)]
    inside = [g for g in gold_b if any(a < g["end_char"] and g["start_char"] < b for a, b in covered)]
    return attribution_accuracy(text, turns, inside)


_UNPUNCTUATED_WORD = re.compile(r"[^\w'’]+")


def without_labels(text: str, turns: Sequence[Turn], roles: Mapping[str, str], *, punctuation: bool = False) -> tuple[str, list[dict]]:
    """A labelled transcript's reading text, its turns and each speaker's role in; the same words
    as an unlabelled transcript out (one line of lower-case words as raw captions give them, or
    with `punctuation` the words as written, one paragraph per turn), with the role of each
    stretch as gold turns ({start_char, end_char, speaker: role})."""
    out: list[str] = []
    gold: list[dict] = []
    pos = 0
    for turn in turns:
        words = text[turn.start_char:turn.end_char].split()
        if not punctuation:
            words = [w for w in (_UNPUNCTUATED_WORD.sub("", w).lower() for w in words) if w]
        if not words:
            continue
        chunk = " ".join(words)
        gold.append({"start_char": pos, "end_char": pos + len(chunk), "speaker": roles[turn.speaker_slug]})
        separator = "\n\n" if punctuation else " "
        out.append(chunk + separator)
        pos += len(chunk) + len(separator)
    return "".join(out).rstrip() + "\n", gold
