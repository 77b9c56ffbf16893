"""Who is a member and who a witness in a congressional hearing's record: labels in, roles out.

A hearing's members ask (the host side), its witnesses answer (the guest side). The record says which
is which, and a careful reader takes the evidence in this order:

1. a title only members hold: "Chairman Steil", "Ranking Member Okafor", "Senator Hatch", "Representative
   Lee", "Delegate Norton", "The Chairman", "The Presiding Officer", or a state after the surname ("Mr. SCOTT of
   Virginia", one of two members of that name) (but a "Chairman Powell" the witness
   list names and the roster does not is the Federal Reserve's chairman, testifying: a witness);
2. the front matter: a name in the committee's roster ("BRYCE HALVORSEN, Wisconsin, Chairman", the
   GPO's capitals and a state) or its attendance ("Present: Representatives Halvorsen, ...") makes
   "Mr. Halvorsen" a member; a name under the contents' "Witnesses" or
   in a "STATEMENT OF HON. JANE MARROW, COMMISSIONER, ..." heading makes "Ms. Marrow" a witness;
3. what is left: a label whose turns are mostly (half or more) questions that someone else answers,
   or who yields back the time ("I yield back", which a witness never has to), is a member, else a witness.

A surname both in the roster and among the witnesses (two people named Smith) decides nothing: that
label is left undecided (None), for the rule every labelled transcript follows.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Mapping, Sequence

from ..records import ParsedTurn

HOST, GUEST = "host", "guest"

# titles only a member of Congress holds in a hearing's record, in title case or in capitals
# ("Chairman GRASSLEY", "The CHAIRMAN"); the chair's titles are checked against the witness list too
_CHAIR_TITLE = re.compile(r"(?i)(?:Acting[ ])?(?:Chairman|Chairwoman|Chair|Vice[ ]Chair(?:man|woman)?)[ ]")
_MEMBER_TITLE = re.compile(
    r"(?i)(?:Ranking[ ]Member|Senator|Sen\.|Representative|Rep\.|Delegate)[ ]"
    r"|(?:Senator|Representative)$"  # the title alone, where the typist did not catch the name ("Senator:")
    r"|The[ ](?:Acting[ ])?(?:Chairman|Chairwoman|Chair|Vice[ ]Chair(?:man|woman)?|Presiding[ ]Officer)$"
)
# the words before a surname in a label that are no part of it ("Mr. Okafor", "Secretary Blinken")
_LABEL_TITLE = re.compile(
    r"(?i)^(?:(?:Mr|Ms|Mrs|Dr)\.|(?:Acting[ ])?(?:Chairman|Chairwoman|Chair|Vice[ ]Chair(?:man|woman)?)|Ranking[ ]Member"
    r"|Senator|Representative|Delegate|Secretary|Attorney[ ]General|Judge|Governor|Mayor|Chief|Sheriff|General|Admiral"
    r"|Ambassador|Commissioner|Director|Professor)[ ]+"
)
STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois"
    "|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri"
    "|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma"
    "|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington"
    "|West Virginia|Wisconsin|Wyoming|American Samoa|District of(?: Columbia)?|Guam|Northern Mariana Islands|Puerto Rico"
    "|Virgin Islands"
)
# a roster's entry as the GPO prints it: the name in capitals (a surname's "Mc", "La", "De" in lower
# case: "KEVIN McCARTHY", "DARIN LaHOOD"; a nickname in quotes: "ROBERT C. ``BOBBY'' SCOTT"), a comma and
# the member's state (in capitals too: "BRYAN STEIL, WISCONSIN, Chairman"; the District's wrapped, "ELEANOR HOLMES
# NORTON, District of" over "Columbia"), two entries to a line where the roster has two columns
_ROSTER_WORD = r"(?:``[A-Z][A-Za-z.'’-]*''|[A-Z](?:[a-z]{1,2}[A-Z])?[A-Z.'’-]*)"
_ROSTER_ENTRY = re.compile(
    rf"(?<![\w.'’`-])(?P<name>{_ROSTER_WORD}(?:[ ]{_ROSTER_WORD}){{1,4}}),[ ](?:(?:Jr|Sr)\.,[ ]|(?:II|III|IV),[ ])?"
    rf"(?i:{STATES})(?=,|[ \t]{{2,}}|[ \t]*\(|[ \t]*$)"
)
# a heading naming the witnesses whose statements follow ("STATEMENT OF HON. JANE MARROW, COMMISSIONER,
# ...", "STATEMENTS OF ...; AND MR. TOBIAS RENN, NIGHT PILOT, ...", "TESTIMONY OF ..."), in capitals, on
# one line or more
_STATEMENT_HEADING = re.compile(r"^[ \t]*(?:STATEMENTS?|TESTIMONY)[ ]OF[ ](?P<names>[^\n]*(?:\n[ \t]*[A-Z0-9][^a-z\n]*$)*)", re.M)
# a member's own statement under such a heading ("STATEMENT OF HON. JOHN DOE, A U.S. SENATOR FROM THE STATE OF
# OHIO", "..., CHAIRMAN, COMMITTEE ON ..."): no witness's; another body's chairman's ("CHAIRMAN, BOARD OF GOVERNORS") is
_MEMBER_DESCRIBED = re.compile(
    r"\b(?:U\.S\.[ ]SENATOR|SENATOR[ ]FROM|REPRESENTATIVE[ ]IN[ ]CONGRESS|DELEGATE[ ](?:IN[ ]CONGRESS|FROM)|RANKING[ ](?:MINORITY[ ])?MEMBER"
    r"|(?:CHAIRMAN|CHAIRWOMAN|CHAIR|MEMBER),[ ](?:THE[ ])?(?:SUBCOMMITTEE|COMMITTEE)[ ]ON)\b"
)
_CAPITALS_LINE = re.compile(r"[^a-z]*[A-Z][^a-z]*")
_HONORIFIC = re.compile(r"(?i)^(?:(?:the[ ])?hon(?:orable|\.)?|mr\.|ms\.|mrs\.|dr\.|prof\.|professor|general|admiral|ambassador)[ ]+")
_SUFFIXES = frozenset({"jr.", "sr.", "ii", "iii", "iv", "jr", "sr"})
_WITHIN_LIST = re.compile(r"(?i)\bpanel\b|day\b|\d")


def _words(name: str) -> tuple[str, ...]:
    """A name's words in lower case, quotes and a suffix ("Jr.", "III") left out."""
    words = [w.strip("`'’\",") for w in name.lower().split()]
    return tuple(w for w in words if w and w not in _SUFFIXES)


def _person(name: str) -> tuple[str, ...]:
    """"Hon. Jane Marrow" -> ("jane", "marrow"); "" when nothing of a name is left."""
    while (m := _HONORIFIC.match(name)):
        name = name[m.end():]
    return _words(name)


# the attendance above the record: "Present: Representatives Halvorsen, Lindqvist, and Hastings of Florida."
_ATTENDANCE = re.compile(r"\bPresent:[ \t]+(?:Representatives?|Senators?|Delegates?)\s+(?P<names>[^.;:]*)")


def roster_names(front: str) -> list[tuple[str, ...]]:
    """The committee members' names its roster lists in the front matter (a hearing's cover and roster),
    then the surnames its attendance does."""
    listed = [_words(m.group("name")) for line in front.splitlines() for m in _ROSTER_ENTRY.finditer(line)]
    for m in _ATTENDANCE.finditer(front):
        for name in re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group("names")):
            listed.append(_words(re.split(r"\s+of\s+", name)[0]))
    return [name for name in listed if name]


def without_leaders(line: str) -> str:
    r"""A contents line without its dot leaders and page number ("Doe, Jane ........ 12" -> "Doe, Jane"; "Doe 12" ->
    "Doe"): the line as it is where it has neither. Read from the end in linear time: the pattern it was read with,
    r"[ .]*\.{3,}[ .]*\d*[ \t]*$|[ \t]+\d+[ \t]*$", backtracked on a run of dots (14 s for a 6 KB hearing)."""
    rest = line.rstrip(" \t")
    end = len(rest)
    while end and rest[end - 1].isdecimal():
        end -= 1
    core, page = rest[:end], rest[end:]
    leaders_from = len(core.rstrip(" ."))
    if "..." in core[leaders_from:]:
        return core[:leaders_from]
    blank_from = len(core.rstrip(" \t"))
    return core[:blank_from] if page and blank_from < len(core) else line


def _contents_witnesses(front: str) -> list[tuple[str, ...]]:
    """The names listed under the contents' (or a list's) "Witnesses" heading, up to the next heading."""
    out: list[tuple[str, ...]] = []
    listing = False
    for line in front.splitlines():
        stripped = line.strip()
        if not stripped or stripped == "Page" or set(stripped) <= set("-_=* "):
            continue
        indent = len(line) - len(line.lstrip(" \t"))
        entry = without_leaders(stripped)
        if entry == stripped and (indent >= 8 or stripped.isupper()):  # a heading: centred, or in capitals
            # a panel's or a day's heading inside the list goes on with it ("Panel I", "Thursday, March 5")
            listing = "witness" in stripped.lower() or listing and bool(_WITHIN_LIST.search(stripped))
            continue
        # an entry opens flush left; its wrapped lines and "Prepared statement of ..." are indented
        if listing and indent <= 1:
            parts = [p.strip() for p in entry.split(",")]
            if len(parts) >= 2 and len(_person(parts[0])) == 1 and _person(parts[1]):  # "Doe, Hon. Jane, Director"
                out.append(_person(parts[1]) + _person(parts[0]))
            elif _person(parts[0]):
                out.append(_person(parts[0]))
    return out


def _heading_witnesses(text: str) -> list[tuple[str, ...]]:
    """The names the "STATEMENT OF ..." headings in capitals give, one heading or more per witness."""
    out = []
    for m in _STATEMENT_HEADING.finditer(text):
        lines = m.group("names").split("\n")
        if not _CAPITALS_LINE.fullmatch(lines[0]):
            continue
        heading = " ".join(" ".join(lines).split())
        for part in heading.split(";"):
            part = re.sub(r"^(?:AND[ ]+)", "", part.strip())
            name = _person(part.split(",")[0])
            if name and not _MEMBER_TITLE.match(part) and not _CHAIR_TITLE.match(part) and not _MEMBER_DESCRIBED.search(part):
                out.append(name)
    return out


def witness_names(front: str, text: str) -> list[tuple[str, ...]]:
    """The witnesses the record names: in its contents' witness list and its statement headings."""
    return _contents_witnesses(front) + _heading_witnesses(text)


# a member told from another of that surname by the state ("Mr. SCOTT of Virginia.", "Mr. Scott of Georgia."): the
# record does so for members only
_OF_STATE = re.compile(rf"[ ]of[ ](?:{STATES})$")


def _surname(label: str) -> tuple[str, ...]:
    """"Ms. Jackson Lee" -> ("jackson", "lee"), "Mr. SCOTT of Virginia" -> ("scott",): the label's words after its
    title."""
    label = _OF_STATE.sub("", label)
    return _words(_LABEL_TITLE.sub("", label, count=1)) if _LABEL_TITLE.match(label) else ()


def _named(surname: tuple[str, ...], names: Iterable[tuple[str, ...]]) -> bool:
    """Whether one of `names` ends with `surname` (a surname of two words too: "Van Drew")."""
    n = len(surname)
    return bool(n) and any(len(name) > n and name[-n:] == surname or name == surname for name in names)


# a member's time is yielded back to the chair at the end of questioning; a witness has none to yield
_YIELDS_BACK = re.compile(r"(?i)\bI yield back\b")


def _askers(text: str, turns: Sequence[ParsedTurn], full: Mapping[str, str]) -> set[str]:
    """The labels half of whose turns or more hold a question that another speaker's turn follows,
    and those that yield their time back (a shorter label's turns counted as its full one's)."""
    labelled = [t for t in turns if t.speaker_label]
    asked: Counter[str] = Counter()
    said: Counter[str] = Counter()
    yielded = set()
    for t, after in zip(labelled, labelled[1:] + [None]):
        label = full.get(t.speaker_label, t.speaker_label)
        said[label] += 1
        if (after is not None and full.get(after.speaker_label, after.speaker_label) != label
                and text.find("?", t.start_char, t.end_char) >= 0):
            asked[label] += 1
        if _YIELDS_BACK.search(text, t.start_char, t.end_char):
            yielded.add(label)
    askers = yielded | {label for label, n in asked.items() if 2 * n >= said[label]}
    return askers | {short for short, label in full.items() if label in askers}


def members_ask(text: str, turns: Sequence[ParsedTurn], *, full: Mapping[str, str] | None = None) -> bool:
    """Whether labels that only members hold ("Sen. Josh Hawley:", "SEN. RICHARD BLUMENTHAL (D-CT):",
    "Chairman Blumenthal:", as news sites, wire services and Rev print a hearing) are two or more and ask,
    the untitled answering: a hearing in other shapes than the GPO's. A Sunday show's anchor asking two
    senators is not one (the untitled one asks). `full` gives a shorter label's full form ("OKOYE" ->
    "SEN. JAMES OKOYE"): a wire service titles a member once, thanking the chair, and asks under the surname."""
    full = full or {}
    titled: Counter[str] = Counter()
    untitled: Counter[str] = Counter()
    labels = {full.get(t.speaker_label, t.speaker_label) for t in turns if t.speaker_label}
    members = {label for label in labels if _MEMBER_TITLE.match(label) or _CHAIR_TITLE.match(label)}
    if len(members) < 2 or not labels - members:
        return False
    for t in turns:
        if not t.speaker_label:
            continue
        side = titled if full.get(t.speaker_label, t.speaker_label) in members else untitled
        side["turns"] += 1
        side["asking"] += text.find("?", t.start_char, t.end_char) >= 0
    return titled["asking"] * untitled["turns"] > untitled["asking"] * titled["turns"]


def hearing_roles(text: str, turns: Sequence[ParsedTurn], *, front: str,
                  full: Mapping[str, str] | None = None) -> Mapping[str, str | None]:
    """A hearing's text, turns and front matter (the text before the first label) in, each label's
    role out: HOST for a member, GUEST for a witness, None where the record does not tell. `full`
    gives a shorter label's full form, whose turns count as its."""
    members = roster_names(front)
    witnesses = witness_names(front, text)
    askers = _askers(text, turns, full or {})
    roles: dict[str, str | None] = {}
    for label in dict.fromkeys(t.speaker_label for t in turns if t.speaker_label):
        surname = _surname(label)
        in_roster, witness = _named(surname, members), _named(surname, witnesses)
        if _CHAIR_TITLE.match(label) and witness and not in_roster:
            roles[label] = GUEST  # another body's chairman testifying ("Chairman Powell", the Federal Reserve's)
        elif _MEMBER_TITLE.match(label) or _CHAIR_TITLE.match(label) or _OF_STATE.search(label):
            roles[label] = HOST
        elif in_roster and witness:
            roles[label] = None  # two people of that name: the record does not say which one speaks
        elif in_roster or witness:
            roles[label] = HOST if in_roster else GUEST
        else:
            roles[label] = HOST if label in askers else GUEST
    return roles
