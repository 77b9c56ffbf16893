"""How often an unlabelled transcript's opening and title name its host, guest and show rightly (claims/ingest/introductions.py).

    .venv/bin/python bench/introductions.py FOLDER [--held-out SHOW,SHOW] [--show-each]

Reads FOLDER/<show>/<episode>.txt (nothing is fetched), each a real opening with its truth above it:

    title: Ilya Sutskever: Deep Learning | Lex Fridman Podcast #94     (empty where the source gives none)
    host: Lex Fridman
    guest: Ilya Sutskever
    show: Lex Fridman Podcast

    <the opening: the first ~500-2,000 characters as published, "Name: " labels kept where the source has them>

A truth may list the spellings that count as right, "|" between them ("Matt Turck|Matt Turk": a caption's
spelling of the right person); "?" where the source does not say (the field is left out of the counts), "? not A|B"
where it does not say who but says who it is not (a panel show's co-hosts, when its guest's introduction was cut
off: naming them is wrong); empty where there is no such person (a panel show with no guest): a name given there is
wrong.

How the 2026-12-07 data was made: openings of 51 episodes of 18 shows, typed from public transcripts read through
the code index (thechangelog/transcripts: Go Time, JS Party, Founders Talk, The Changelog, Practical AI; Lenny's
Podcast from yidans1120/lennys-podcast-transcripts with its front-matter titles; Lex Fridman and Jocko
from peaklight-ai/lex-fridman-podcasts, titled by file name; others (Cognitive Revolution, Big Web Show, Stack
Overflow, MAD Podcast, Dwarkesh, Open Source Stories, ...) from excerpts that quote their openings). Most were
found by searching for opening phrases ("Welcome to Go Time", "my guest today is"), so they lean to openings
that do say something; truth is the source's labels or front matter. Not committed (third-party text).

Each opening is run through claims.services.interview_prepare twice, its title given as a manifest would:
- "unlabelled": the "Name: " labels removed (plain text as a transcript without labels reads);
- "raw": that, lower-cased and without punctuation (raw captions).
Prints, per variant and for the shows held out and the others apart, how many hosts, guests and shows came out
right, wrong or none; --show-each prints every wrong name and every miss.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import standalone_django_setup  # noqa: E402

_LABEL = re.compile(r"^[A-Z][\w.'’ -]{0,40}:[ \t]+", re.M)
_PUNCTUATION = re.compile(r"[^\w\s'’]")
FIELDS = ("host", "guest", "show")


def read_opening(path: Path) -> tuple[dict[str, str], str]:
    head, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    truth = {}
    for line in head.splitlines():
        key, _, value = line.partition(":")
        truth[key.strip()] = value.strip()
    return truth, body


def unlabelled(body: str) -> str:
    return _LABEL.sub("", body)


def raw(body: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", unlabelled(body)).lower().split())


def named(text: str, title: str, source: str) -> dict[str, str]:
    from claims.ingest.records import Metadata
    from claims.services import interview_prepare

    try:
        found = interview_prepare(text.encode(), source=source, metadata=Metadata(title=title)).metadata
    except Exception as error:  # a refusal names nobody; said, so that it is seen
        print(f"refused: {source}: {type(error).__name__}: {error}")
        return {"host": "", "guest": "", "show": ""}
    return {"host": found.hosts[0] if found.hosts else "", "guest": found.guests[0] if found.guests else "",
            "show": found.show}


def judged(truth: str, found: str) -> str:
    """'right', 'wrong', 'none' (a name was due), 'none, rightly', or '' (the truth is unknown)."""
    if truth.startswith("?"):
        not_these = {t.strip().casefold() for t in truth.partition(" not ")[2].split("|") if t.strip()}
        return "wrong" if found and found.casefold() in not_these else ""
    allowed = {t.strip().casefold() for t in truth.split("|") if t.strip()}
    if not found:
        return "none" if allowed else "none, rightly"
    return "right" if found.casefold() in allowed else "wrong"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--held-out", default="", help="the shows' folder names kept out of the design, comma-separated")
    parser.add_argument("--show-each", action="store_true")
    args = parser.parse_args()
    standalone_django_setup()
    held_out = {s.strip() for s in args.held_out.split(",") if s.strip()}
    counts: dict[tuple[str, str, str], Counter] = {}
    paths = sorted(args.folder.glob("*/*.txt"))
    for path in paths:
        truth, body = read_opening(path)
        group = "held out" if path.parent.name in held_out else "design"
        for variant, text in (("unlabelled", unlabelled(body)), ("raw", raw(body))):
            found = named(text, truth.get("title", ""), f"{path.stem}.txt")
            for field in FIELDS:
                verdict = judged(truth.get(field, "?"), found[field])
                if not verdict:
                    continue
                counts.setdefault((variant, group, field), Counter())[verdict] += 1
                if args.show_each and verdict in ("wrong", "none"):
                    print(f"{verdict:5} {variant:10} {path.parent.name}/{path.name} {field}: "
                          f"found {found[field]!r}, truth {truth[field]!r}")
    shows = {p.parent.name for p in paths}
    print(f"\n{len(paths)} openings, {len(shows)} shows ({len(held_out & shows)} held out: {', '.join(sorted(held_out & shows))})")
    for variant in ("unlabelled", "raw"):
        for group in ("design", "held out"):
            cells = []
            for field in FIELDS:
                c = counts.get((variant, group, field), Counter())
                cells.append(f"{field} {c['right']} right, {c['wrong']} wrong, {c['none']} none"
                             f" (+{c['none, rightly']} none rightly)")
            print(f"{variant:10} {group:8}  " + "; ".join(cells))


if __name__ == "__main__":
    main()
