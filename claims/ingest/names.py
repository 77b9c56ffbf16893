"""Names: slugs, and the spellings a transcript uses for a person ("Elia" for "Ilya")."""
from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata

_VOWELS = re.compile(r"[aeiouy]+")
_CAP_WORD = re.compile(r"\b([A-Z][a-z]{1,11})\b(?:[ \t]+([A-Za-z][a-z'’]{1,20}))?")


def slugify(value: str) -> str:
    """"Lex Fridman Podcast #94" -> "lex-fridman-podcast-94"; "Сергей Брин" -> "sergey-brin"; letters
    with no Latin form here (Chinese, Arabic, Hebrew, Devanagari) are left out: see `unique_slug`."""
    return re.sub(r"[^a-z0-9]+", "-", "".join(_latin(ch) for ch in value).lower()).strip("-")


def unique_slug(value: str, *, fallback: str = "", default: str = "speaker", limit: int = 200) -> str:
    """A slug that is never empty and differs for names that differ only in letters slugify leaves
    out ("王小明" and "李华" both slugify to ""): where letters were left out, the slug (or, when
    less than half of the letters made it, `fallback`'s slug, else `default`) gets a short digest
    of the value. Stable: the same name always gives the same slug. At most `limit` characters."""
    value = " ".join(unicodedata.normalize("NFC", value).split())
    slug = slugify(value)[:limit].strip("-")
    letters = [ch for ch in value if ch.isalpha()]
    # a Latin letter without an ASCII form ("ß", "ø") was always left out: slugs made so stay as they were
    lost = sum(1 for ch in letters if not _latin(ch) and ch.lower() not in _LATIN
               and not unicodedata.name(ch, "").startswith("LATIN"))
    if not lost and slug:
        return slug
    if not slug or lost * 2 > len(letters):  # "?" has no letters to lose but no slug either
        slug = slugify(fallback) or slug
    digest = hashlib.sha1(value.encode("utf-8")).hexdigest()[:8]
    return f"{(slug or default)[:limit - 9].strip('-')}-{digest}"


# Cyrillic (Russian, Ukrainian) and Greek in Latin letters, as passports write them
_LATIN = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ" "αβγδεζηθικλμνξοπρσςτυφχψω" "ー",
    "a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya i yi ye g".split()
    + "a v g d e z i th i k l m n x o p r s s t y f ch ps o".split() + ["_"],
))
_LATIN = {k: v.strip("_") for k, v in _LATIN.items()}


def _latin(ch: str) -> str:
    """One character in ASCII: accents dropped, Cyrillic and Greek transliterated, Japanese kana and
    Korean syllables by their Unicode names ("HIRAGANA LETTER KA", "HANGUL SYLLABLE HAN"); "" else."""
    if ch.isascii():
        return ch
    low = ch.lower()
    if low in _LATIN:
        return _LATIN[low]
    if "\u3040" <= ch <= "\u30ff" or "\uac00" <= ch <= "\ud7a3":
        name = unicodedata.name(ch, "")
        if " LETTER " in name or " SYLLABLE " in name:
            return name.split()[-1].lower()
    out = ""
    for part in unicodedata.normalize("NFKD", ch):
        part = _LATIN.get(part.lower(), part)  # "ά" is "α" and an accent
        if part.isascii():
            out += part
    return out


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


# the small words inside a name before its next capitalised one ("María de la Cruz", "Johan van der
# Berg", "Osama bin Laden"): a particle, then at most an article after it (labelled.py's label pattern;
# a name in capitals keeps them in lower case, "JUAN DE LA CRUZ": "Juan de la Cruz")
NAME_PARTICLES = ("de", "del", "della", "di", "da", "das", "dos", "do", "du", "van", "von", "ter", "ten", "bin", "bint",
                  "ibn", "al", "el", "zu", "y", "e")
NAME_ARTICLES = ("la", "las", "los", "le", "der", "den", "de", "het", "lo")
_NAME_PARTICLES = frozenset(NAME_PARTICLES + NAME_ARTICLES)
_ROMAN = re.compile(r"(?i)(?:II|III|IV|VI|VII|VIII|IX|XI)\.?")


def in_capitals(name: str) -> bool:
    """Whether a label writes a name in capitals ("LEX FRIDMAN", "Mr. CHENEY"): four letters or more, the
    name's words in capitals but for a title's ("Mr.", "Dr.", a Hansard's "Hon")."""
    letters = [ch for ch in name if ch.isalpha()]
    words = [w for w in name.split() if w.rstrip(".").lower() not in {"mr", "mrs", "ms", "miss", "dr", "hon"}]
    return len(letters) >= 4 and bool(words) and all(ch.isupper() for w in words for ch in w if ch.isalpha())


_GLUED_INITIAL = re.compile(r"^([^\W\d_]\.)(?=[^\W\d_]{2})")  # an initial glued to the surname (Echo of Moscow's "Б.НОТКИН")
_SPEAKER_CODE = re.compile(r"(?i:speaker)_(\d{1,3}|[A-Z])|spk(\d{1,3})")


def display_name(name: str, text: str) -> str:
    """A name a label writes in capitals as a person's name is written: as the text itself writes it
    where it does ("I'm Anderson Cooper", a page's "PRESIDING: Senator Jane Roe"; not where it writes a word of it in
    capitals, as the French press writes surnames, "Bonjour Sonia MABROUK"), else each word in title
    case ("CARL ODUYA" -> "Carl Oduya", "O'BRIEN" -> "O'Brien", "MCDONALD" -> "McDonald", particles and
    "III" as names write them; a short word with no vowel, "CNN", stays); a label of given names and a surname in
    capitals, as the French and Russian press write them, has its surname so ("Василиса ФРОЛОВА" -> "Василиса
    Фролова"). A diariser's code for a voice, WhisperX's
    and pyannote's "SPEAKER_01" (earningscall.biz's "spk01"), reads "Speaker 01", as the JSON readers name it. Other
    names are left as written."""
    code = _SPEAKER_CODE.fullmatch(name)
    if code:
        return f"Speaker {code.group(1) or code.group(2)}"
    if not in_capitals(name):
        words = name.split()
        if _surname_in_capitals(words):  # "Василиса ФРОЛОВА", "Jean-Baptiste DJEBBARI": the press's surname in capitals
            return " ".join(words[:-1] + [_title_word(words[-1], first=False)])
        return name
    words = _GLUED_INITIAL.sub(r"\1 ", name).split()  # "Б.НОТКИН": "Б. Ноткин"
    spaced = " ".join(words)
    if len(words) == 1 and _a_name_in_capitals_in_prose(spaced, text):
        return spaced  # a publication asking in its own name ("WIRED: Hey.", "the WIRED editorial staff")
    for written in _written_forms(spaced, text):
        if written != spaced and all(w[:1].isupper() or w in _NAME_PARTICLES for w in written.split()) and not any(
                in_capitals(w) for w in written.split()):
            return written  # (not raw captions' "lex fridman", nor the French press's "Sonia MABROUK")
    return " ".join(_title_word(w, first=i == 0) for i, w in enumerate(words))


def _a_name_in_capitals_in_prose(name: str, text: str) -> bool:
    """Whether `text` writes the one word `name` in capitals after a word in lower case, as prose writes a name that is
    spelled so (a magazine's, "the WIRED editorial staff"; not a label, nor "Sonia MABROUK", nor a text all in
    capitals)."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if (at >= 2 and text[at - 1] == " " and not text[end:end + 1].isalnum()
                and (before := text[max(0, at - 40):at - 1].rsplit(None, 1)[-1:]) and before[0].isalpha()
                and before[0].islower()):
            return True
        at = text.find(name, end)
    return False


# a title before a member's surname in capitals ("Chairman STEIL", "Senator KENNEDY": the GPO's and the Senate's
# labels keep their capitals), no given name
_TITLES_BEFORE_SURNAME = frozenset({
    "chairman", "chairwoman", "chair", "senator", "representative", "ranking", "member", "delegate", "speaker", "the",
    "judge", "justice", "president", "governor", "secretary", "minister", "mayor", "commissioner", "general", "admiral"})


def _surname_in_capitals(words: list[str]) -> bool:
    """Whether a label is given names in title case and a surname in capitals, as the French and Russian press write
    them ("Sonia MABROUK", "Василиса ФРОЛОВА"); not a title before a surname ("Chairman STEIL")."""
    if not 2 <= len(words) <= 4 or not in_capitals(words[-1]):
        return False
    return all(w.lower() not in _TITLES_BEFORE_SURNAME and all(p[:1].isupper() and p[1:].islower() for p in w.split("-"))
               for w in words[:-1])


def _written_forms(name: str, text: str):
    """Each place `text` writes `name` as whole words, whatever the case, as written there (a str.find
    over the text in lower case: a case-blind regex took 7 ms over a 150 KB transcript)."""
    low, target = text.lower(), name.lower()
    if len(low) != len(text):  # a letter whose lower case is longer ("İ"): positions differ, take the regex
        pattern = re.compile(r"(?<!\w)" + re.escape(name).replace(r"\ ", r"\s+") + r"(?!\w)", re.I)
        yield from (" ".join(m.group().split()) for m in pattern.finditer(text))
        return
    at = low.find(target)
    while at >= 0:
        end = at + len(target)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            yield text[at:end]
        at = low.find(target, end)


_INITIALS_WORD = re.compile(r"(?:[A-Z]\.){2,4}")
_HONORIFICS_WITHOUT_PERIOD = frozenset({"mr", "mrs", "ms", "dr"})


def _title_word(word: str, *, first: bool) -> str:
    if not first and word.lower() in _NAME_PARTICLES:
        return word.lower()
    if first and word.lower() in _HONORIFICS_WITHOUT_PERIOD:
        return word.title()  # British style, "MR KELLER" (the State Department's): not an abbreviation like "CNN"
    if _ROMAN.fullmatch(word) or len(word) <= 3 and word.isalpha() and not _VOWELS.search(word.lower()):
        return word
    if _INITIALS_WORD.fullmatch(word):  # "J.R." stays, never "J.r."
        return word
    return "-".join(_title_part(part) for part in word.split("-"))


def _title_part(part: str) -> str:
    low = part.lower()
    if re.match(r"[a-z][’'][a-z]", low):  # O'BRIEN, D'ANGELO
        return low[:2].upper() + low[2:].capitalize()
    if low.startswith("mc") and len(low) > 3:
        return "Mc" + low[2:].capitalize()
    return low[:1].upper() + low[1:]
