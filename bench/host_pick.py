"""How often attribution gives the host's part to the host when a diariser named the two voices by part.

    .venv/bin/python bench/host_pick.py FOLDER [FOLDER ...] --hosts "Adam Stacoviak,Lenny Rachitsky" [--seed 1]

Reads published speaker-labelled transcripts of one host and one guest (nothing is fetched), in either shape:

- thechangelog/transcripts' Markdown (github.com/thechangelog/transcripts, e.g. founderstalk/*.md, shipit/*.md):
  `**Adam Stacoviak:** text`;
- Rev-style exports, as Lenny's Podcast transcripts are published (e.g. github.com/yidans1120/lennys-podcast-transcripts,
  episodes/*/transcript.md): `Lenny Rachitsky (00:00:12):` on a line, the text under it, `(00:02:01):` for the
  same speaker's next paragraph.

A file counts only where exactly two people speak and exactly one of them is among --hosts (the show's known
hosts); others are listed as skipped. Each speaker's label is rewritten to "Speaker A" / "Speaker B" as AssemblyAI,
Deepgram or Rev write them (which of the two is "A" drawn at random, seeded), the file is run through
claims.services.interview_prepare, and the transcript counts as right where the host's label got the host's
role (on the majority of the host's words). Each file is measured three ways:

- as published (the first speaker is whoever opens: Lenny's Podcast opens with clips of the guest);
- with a cold open: a copy of the guest's first turn of 25 words or more put before everything, as a show
  that opens on a clip of its guest reads once diarised;
- both of those as raw captions: lower case, no punctuation (a diariser run without punctuation, Deepgram's
  default), labels kept.

Prints one line per transcript and variant that went wrong, then the totals per show (the file's folder).
"""
from __future__ import annotations

import argparse
import bisect
import random
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import standalone_django_setup  # noqa: E402

_BOLD_LABEL = re.compile(r"^\*\*([^*:\n]{2,60}):\*\*[ \t]*", re.M)
_REV_LABEL = re.compile(r"^([^\n():]{2,60}) \((\d\d:\d\d(?::\d\d)?)\):[ \t]*$", re.M)
_REV_MORE = re.compile(r"^\((\d\d:\d\d(?::\d\d)?)\):[ \t]*$", re.M)
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_PUNCTUATION = re.compile(r"[^\w\s'’]")
_COLD_OPEN_WORDS = 25


@dataclass(frozen=True)
class Turn:
    speaker: str
    text: str
    time: str = ""


def read_turns(text: str) -> tuple[list[Turn], str]:
    """A published transcript's turns and its shape ("bold" or "rev")."""
    text = _FRONT_MATTER.sub("", text)
    if _REV_LABEL.search(text):
        turns: list[Turn] = []
        marks = sorted([(m.start(), m.end(), m.group(1).strip(), m.group(2)) for m in _REV_LABEL.finditer(text)]
                       + [(m.start(), m.end(), None, m.group(1)) for m in _REV_MORE.finditer(text)])
        for (start, end, speaker, time), nxt in zip(marks, marks[1:] + [(len(text), 0, None, "")]):
            body = text[end:nxt[0]].strip()
            if speaker is None and turns:  # the same speaker's next paragraph
                turns[-1] = Turn(turns[-1].speaker, f"{turns[-1].text}\n\n{body}", turns[-1].time)
            elif speaker is not None and body:
                turns.append(Turn(speaker, body, time))
        return turns, "rev"
    marks = list(_BOLD_LABEL.finditer(text))
    return [Turn(m.group(1).strip(), text[m.end():nxt.start() if nxt else len(text)].strip())
            for m, nxt in zip(marks, marks[1:] + [None])], "bold"


def with_cold_open(turns: list[Turn], guest: str) -> list[Turn]:
    clip = next((t for t in turns if t.speaker == guest and len(t.text.split()) >= _COLD_OPEN_WORDS), None)
    return [Turn(clip.speaker, clip.text, "00:00:00" if clip.time else ""), *turns] if clip else turns


def written(turns: list[Turn], shape: str, names: dict[str, str], *, raw: bool) -> tuple[str, list[tuple[int, str]]]:
    """The transcript as a diariser would write it, and where each turn starts with whose it is."""
    parts, starts, at = [], [], 0
    for t in turns:
        body = " ".join(_PUNCTUATION.sub(" ", t.text).lower().split()) if raw else t.text
        head = f"{names[t.speaker]} ({t.time or '00:00:00'}):\n" if shape == "rev" else f"{names[t.speaker]}: "
        starts.append((at, t.speaker))
        chunk = head + body + "\n\n"
        parts.append(chunk)
        at += len(chunk)
    return "".join(parts), starts


def host_share(text: str, starts: list[tuple[int, str]], annotated, host: str) -> float:
    """The share of the host's words attributed to a speaker with the host's role."""
    role = {sp.slug: sp.role for sp in annotated.speakers}
    offsets = [s for s, _ in starts]
    right = total = 0
    for turn in annotated.turns:
        k = bisect.bisect_right(offsets, turn.start_char) - 1
        if k < 0 or starts[k][1] != host:
            continue
        words = len(text[turn.start_char:turn.end_char].split())
        total += words
        right += words * (role.get(turn.speaker_slug) == "host")
    return right / total if total else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--hosts", required=True, help="the shows' hosts, comma-separated, as the labels write them")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    standalone_django_setup()
    from claims.services import interview_prepare

    hosts = {h.strip() for h in args.hosts.split(",") if h.strip()}
    rng = random.Random(args.seed)
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for path in sorted(p for folder in args.folders for p in sorted(folder.rglob("*.md"))):
        turns, shape = read_turns(path.read_text(encoding="utf-8"))
        speakers = list(dict.fromkeys(t.speaker for t in turns))
        if len(speakers) != 2 or len(hosts & set(speakers)) != 1:
            print(f"skipped {path}: speakers {speakers}")
            continue
        host = next(s for s in speakers if s in hosts)
        guest = next(s for s in speakers if s != host)
        first, second = (host, guest) if rng.random() < 0.5 else (guest, host)
        names = {first: "Speaker A", second: "Speaker B"}
        show = path.parent.name
        for variant, variant_turns in (("published", turns), ("cold open", with_cold_open(turns, guest))):
            for raw in (False, True):
                text, starts = written(variant_turns, shape, names, raw=raw)
                try:
                    annotated = interview_prepare(text.encode(), source=f"{path.stem}.txt")
                    share = host_share(text, starts, annotated, host)
                except Exception as error:  # a refusal counts as wrong
                    share, note = 0.0, f" ({type(error).__name__}: {error})"
                else:
                    note = ""
                key = (variant + (", raw" if raw else ""), show)
                totals[key][0] += share > 0.5
                totals[key][1] += 1
                if share <= 0.5:
                    print(f"wrong: {path.parent.name}/{path.name} [{key[0]}] host {host} as {names[host]}, "
                          f"first speaker {variant_turns[0].speaker}, host share {share:.2f}{note}")
    print()
    for variant in ("published", "published, raw", "cold open", "cold open, raw"):
        rows = {show: v for (var, show), v in totals.items() if var == variant}
        right, count = sum(v[0] for v in rows.values()), sum(v[1] for v in rows.values())
        per_show = ", ".join(f"{show} {v[0]}/{v[1]}" for show, v in sorted(rows.items()))
        print(f"{variant:16} {right}/{count} ({right / max(count, 1):.0%})  {per_show}")


if __name__ == "__main__":
    main()
