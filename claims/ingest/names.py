"""Names: slugs, and the spellings a transcript uses for a person ("Elia" for "Ilya")."""
from __future__ import annotations

import difflib
import re
import unicodedata

_VOWELS = re.compile(r"[aeiouy]+")
_CAP_WORD = re.compile(r"\b([A-Z][a-z]{1,11})\b(?:[ \t]+([A-Za-z][a-z'’]{1,20}))?")


def slugify(value: str) -> str:
    """"Lex Fridman Podcast #94" -> "lex-fridman-podcast-94"."""
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")


def sound_key(word: str) -> str:
    """A crude sound-alike key: vowels (and y) as one class, doubled letters collapsed."""
    w = re.sub(r"(.)\1+", r"\1", word.lower())
    return _VOWELS.sub("a", w)


def _similar_first(word: str, first: str) -> bool:
    if word.lower() == first.lower():
        return True
    if word[0].lower() in "aeiouy" and first[0].lower() not in "aeiouy":
        return False
    if word[0].lower() not in "aeiouy" and word[0].lower() != first[0].lower():
        return False
    a, b = sound_key(word), sound_key(first)
    # "Ilyar" for "Ilya": the same key plus a trailing r
    return a == b or (a.rstrip("r") == b and len(word) <= len(first) + 1)


def _similar_last(word: str, last: str) -> bool:
    if word.lower() == last.lower():
        return True
    if word[0].lower() != last[0].lower():
        return False
    # seed 000 spells Sutskever "switzerberger": same initial, similar length
    ratio = difflib.SequenceMatcher(None, word.lower(), last.lower()).ratio()
    return ratio >= 0.35 and 0.6 <= len(word) / len(last) <= 1.6


def find_aliases(text: str, name: str) -> tuple[str, ...]:
    """Spellings of `name` in `text` other than the name and its parts, in order of appearance.

    A first-name variant followed by an unrelated capitalised word is another person
    (seed 000: "Ellie George" is not "Ilya").
    """
    parts = name.split()
    if not parts:
        return ()
    first, last = parts[0], parts[-1] if len(parts) > 1 else ""
    exact = {name.lower(), first.lower(), last.lower()}
    found: dict[str, None] = {}
    for m in _CAP_WORD.finditer(text):
        word, nxt = m.group(1), m.group(2)
        if not _similar_first(word, first):
            continue
        if nxt and last and _similar_last(nxt, last):
            form = f"{word} {nxt}"
        elif nxt and nxt[0].isupper() and not (last and _similar_last(nxt, last)):
            continue  # "Ellie George"
        else:
            form = word
        if form.lower() not in exact:
            found.setdefault(form)
    return tuple(found)


def mention_pattern(forms) -> re.Pattern | None:
    """One regex matching any of `forms` as whole words (case-sensitive first letter)."""
    forms = sorted({f for f in forms if f}, key=len, reverse=True)
    if not forms:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")\b")
