"""Patterns made faster by a test of their first letters (introductions.py's show in the opening, attribute.py's
introduction word): each finds what it found before, on every text of tests/data and seeds and on openings written
for the case, the letters that match another case-insensitively among them (the dotted and dotless i, the long s,
the Kelvin sign)."""
import re
from pathlib import Path

import pytest

from claims.ingest import attribute, introductions

ROOT = Path(__file__).resolve().parents[2]
_SHOW_LOOKAHEAD = r"(?=(?i:[wyit]))"


def _before(pattern: re.Pattern) -> re.Pattern:
    """The pattern as it was: without the lookahead that opens it (and its group around the ways)."""
    text = pattern.pattern
    if text.startswith(_SHOW_LOOKAHEAD + "(?:"):
        return re.compile(text[len(_SHOW_LOOKAHEAD) + 3 : -1])
    assert text.startswith("(?=(?i:\\b(?:")
    depth, k = 0, 0
    for k, c in enumerate(text):  # the lookahead's end: its brackets closed
        depth += c == "(" and text[k - 1 : k] != "\\"
        depth -= c == ")" and text[k - 1 : k] != "\\"
        if depth == 0:
            break
    rest = text[k + 1 :]
    assert rest.startswith("(?:") and rest.endswith(")")
    return re.compile(rest[3:-1])


def _texts() -> list[str]:
    files = [p for base in ("tests/data", "seeds") for p in sorted((ROOT / base).rglob("*")) if p.is_file()]
    texts = [p.read_bytes().decode("utf-8", "replace") for p in files]
    return texts + [
        "Welcome to The Grid. I'm Ann Host.", "WELCOME BACK TO the Long Show, I'm Bo Guest.", "You’re listening to Night Shift.",
        "I'm Chris, and this is Self-Hosted 41.", "İ'm Maria Lopez and this is Charged Up.", "ı am Maria Lopez. This is The Daily.",
        "This is Fresh Air. I'm Terry Gross.", "THİS İS Fresh Air. ı'm Terry Gross.", "welcome to the first episode of BookBytes, friends",
        "Soy Lucía Fernández y esto es Raíces y Ramas.", "Bienvenue dans Terrain Neutre, je suis Julien Besson.",
        "Ich bin Lea Hoffmann und das ist Stadt und Land.", "Herzlich willkommen bei Stadt und Land. Ich bin Lea Hoffmann.",
        "Eu sou Ana Costa e este é o Vozes do Bairro.", "Io sono Marco Rossi e questo è Voci di Quartiere.",
        "Bem-vindos ao Vozes do Bairro, eu sou Ana Costa.", "Sie hören Stadt und Land.", "Vous écoutez Terrain Neutre.",
        "Our ho\u017ft today is Kim; she is \u212aim's gue\u017ft. Thanks for joining. WELCOME, JOİN us.",
    ]


def _same(new: re.Pattern, old: re.Pattern, text: str, *, end: int | None = None) -> None:
    args = (0, len(text) if end is None else end)
    got, wanted = new.search(text, *args), old.search(text, *args)
    assert (got and (got.span(), got.groups())) == (wanted and (wanted.span(), wanted.groups()))
    assert [(m.span(), m.groups()) for m in new.finditer(text, *args)] == [(m.span(), m.groups()) for m in old.finditer(text, *args)]


@pytest.mark.parametrize("name", ["_SHOW_IN_OPENING", *[f"_OTHER_SHOW_IN_OPENING[{k}]" for k in range(len(introductions._INTRODUCING))]])
def test_a_show_named_in_an_opening_is_found_where_it_was(name):
    new = introductions._SHOW_IN_OPENING if name == "_SHOW_IN_OPENING" else introductions._OTHER_SHOW_IN_OPENING[int(name[-2])]
    old = _before(new)
    for text in _texts():
        for start in range(0, min(len(text), 20_000), 1_500):  # openings along each text
            opening = " ".join(text[start : start + introductions._OPENING_CHARS].split())
            _same(new, old, opening)
            _same(new, old, opening, end=min(len(opening), introductions._HOST_OPENING_CHARS))


def test_the_introduction_word_is_found_where_it_was():
    old = re.compile(r"(?i)[wghj](?:elcome|ost|uest|oin)")
    first = re.compile(r"(?i)[wghj]")
    assert [chr(c) for c in range(0x110000) if first.fullmatch(chr(c))] == list("GHJWghjw")
    for text in _texts():
        _same(attribute._INTRODUCTION_WORD, old, text[:50_000])
