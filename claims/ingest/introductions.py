"""Who speaks, where an unlabelled transcript's opening or its title says so (metadata in, metadata out).

A transcript without speaker labels names its people where the host introduces the episode: "The
following is a conversation with Ilya Sutskever", "Today I have the pleasure of interviewing ...",
"I'm Craig Smith and this is Eye on AI", "Welcome to The Lunar Society"; so do Spanish, French, German,
Portuguese and Italian shows ("Soy ... y esto es ...", "Bienvenue dans ..., je suis ...", "Ich bin ... und das
ist ...", "Hoy conversamos con ...", "Je reçois aujourd'hui ...", "Mein Gast heute ist ...");
and its title often does: "Ilya Sutskever: Deep Learning | Lex Fridman Podcast #94", "Water Rights with Omar Diaz". Without
them, the speakers are an unnamed "Host" and "Guest". Only what the file does not already say and no
manifest or option gives is filled in (merge_metadata's lowest layer).

A wrong name is worse than none (it becomes a speaker of its own, claims filed under a person who
never said them), so: a name is two to four capitalised words (raw captions' misheard surnames, "Ilya
switzerberger", give none); a name from the title counts only when the transcript's words say it
too; the host only where the opening says "I'm <Name>" beside the show's name or "your host", and no one else
introduces themselves in its first lines (co-hosts' "I'm Rosa Lindqvist. And I'm Tomas Berg." name no host), or past
them, after an episode's notes and a cold open, where "I'm <Name> and this is <Show>" comes before any guest is introduced; one
host and one guest at most (an opening naming two guests leaves them unnamed: the words of both
would go to the first; so does one saying it has several, "we have some very exciting guests", where the one named
is often a panel's co-host); a guest welcomed to the show by first name ("Carol, welcome to the Changelog.") only
where the opening says that first name's full name once; a firm's possessive and a post before the guest's name are read past ("with Goldman
Sachs' chief economist Jan Doe" names Jan Doe). Not caught: a firm named like a person alone ("a conversation
with Goldman Sachs").

A diariser's part-labels ("Speaker A", "SPEAKER_00") are named from what the host says before a guest first
speaks (parts_named): with two parts, as above, and a host the guest greets by first name ("Thanks, Maria.") where
the file gives that name in full once; with three or more, only where the opening lists the guests in full and the
host hands over to each by first name right before that guest's first words.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from .attribute import names_a_part
from .names import NAME_ARTICLES, NAME_PARTICLES, find_aliases, unique_slug
from .records import Metadata, SpeakerRecord, Turn

_OPENING_CHARS = 1500
# longer than these, a "name" of capitalised words is a run of words or a heading, not a person or a show (and
# would not fit Speaker.name, 200, nor Interview.show, 200)
_MAX_NAME, _MAX_SHOW = 60, 100

_CAPITAL = "A-ZÀ-ÖØ-Þ"
_WORD = rf"[{_CAPITAL}][^\W\d_]*(?:['’-][^\W\d_]+)*"
# "Marco de Luca", "Johan van der Berg": a particle, then at most an article, before the next capitalised word
_PARTICLE = rf"(?:(?:{'|'.join(NAME_PARTICLES)})\s(?:(?:{'|'.join(NAME_ARTICLES)})\s)?)"
_NAME = rf"(?:(?:Dr|Prof)\.?\s)?{_WORD}(?:\s{_PARTICLE}?(?:[{_CAPITAL}]\.\s)?{_WORD}){{1,3}}"
# capitalised words that open a sentence or a show's name, never a person's
_NOT_A_NAME = frozenset({
    "the", "a", "an", "and", "but", "so", "today", "this", "that", "we", "i", "i'm", "welcome", "thanks",
    "thank", "our", "my", "your", "his", "her", "their", "on", "in", "episode", "podcast", "show", "part",
    "speaker", "host", "guest", "interviewer",
    # an organisation's
    "university", "institute", "college", "school", "council", "company", "corporation", "inc", "corp", "group",
    "foundation", "labs", "lab", "bank", "times", "news", "post", "journal", "press", "party", "government",
    "ministry", "department", "committee", "association", "society", "club", "team", "agency", "capital",
    "partners", "ventures", "center", "centre", "hospital", "band",
})
# a title before a name, dropped ("Frau Amina Yusuf", "Señora Ana Gil"; "Frau Dr. Lehmann" leaves no name)
_TITLES = frozenset({"Dr", "Prof", "Frau", "Herr", "Herrn", "Madame", "Monsieur", "Señor", "Señora"})
# a Spanish, French or German article opening the words: a place's or a group's name ("La Casa Azul"), not a
# person's (inside a name it is one: "Ursula Le Guin", "Tony La Russa")
_ARTICLES = frozenset({"el", "la", "los", "las", "le", "les", "der", "die", "das"})
# a name ends where no capitalised word goes on from it (one that does: a longer name, or no name)
_ENDS = rf"(?![\w'’-]|\s+{_PARTICLE}?[{_CAPITAL}])"
# a firm's possessive and the guest's post before the name ("with Goldman Sachs' chief economist Jan Doe", "with
# Acme Capital's CEO, Omar Diaz"): read past, so that the firm, named like a person, is not the guest. The post is
# lower-case words or an acronym, never a conjunction ("Morgan Stanley's research team and Lena Holt" is two guests)
_FIRM = rf"[{_CAPITAL}0-9][\w&.-]*(?:\s(?:(?:of|and|&)\s)?[{_CAPITAL}0-9][\w&.-]*){{0,3}}['’]s?"
_POST_WORD = r"(?:(?!(?:and|or|but|with|about|who|which|that|is|was|are|were)\b)[a-z][a-z-]*|[A-Z]{2,5})"
_EMPLOYER = rf"(?:{_FIRM},?\s(?:{_POST_WORD},?\s){{0,4}})"
_GUEST_IN_OPENING = [re.compile(p + rf"\s{_EMPLOYER}?({_NAME}){_ENDS}") for p in (
    r"(?i:\bconversation with)",
    r"(?i:\bmy guest (?:today |this week |on (?:the|this) (?:show|episode|podcast) )?is)",
    r"(?i:\b(?:today |this week )?(?:I['’]m|I am|we['’]re|we are) (?:also )?(?:talking|speaking|chatting|joined) (?:today |now )?(?:to|with|by))",
    r"(?i:\b(?:(?:today|this week),? (?:I|we) (?:talked|spoke)|(?:I|we) sat down) (?:to|with))",
    r"(?i:\b(?:joining (?:me|us)|with (?:me|us)) (?:today |now |this week |as well )?is)",
    # a panel show's guest after its co-hosts ("joining me today are Mat and Jon, and our special guest, Ramya Rao")
    r"(?i:\b(?:our|my) special guest(?: today| this week)?,?)",
    r"(?i:\bthe pleasure of (?:interviewing|speaking with|talking (?:to|with)))",
    r"(?i:\b(?:today|this week),? (?:I have|we have|I['’]ve got|we['’]ve got))",
    # Spanish, French and German shows' openings ("Hoy conversamos con Isabel Ramos, ceramista", "Je reçois
    # aujourd'hui Paul Mercier", "Mein Gast heute ist Klara Berger"); a title before the name is dropped
    # ("Frau Amina Yusuf"), an article or a bare title gives none ("La Casa Azul", "Frau Dr. Lehmann")
    r"(?i:\bhoy (?:conversamos|hablamos|charlamos|platicamos) con)",
    r"(?i:\b(?:nuestr[oa] invitad[oa]|mi invitad[oa]) (?:de hoy )?es)",
    r"(?i:\b(?:je reçois|nous recevons) (?:aujourd['’]hui|ce soir|cette semaine))",
    r"(?i:\bmon invitée? (?:aujourd['’]hui |du jour )?(?:est|c['’]est))",
    # Portuguese and Italian ("Hoje conversamos com Rafael Nunes", "Oggi parliamo con Elena Conti")
    r"(?i:\bhoje (?:conversamos|falamos|converso|falo) com)",
    r"(?i:\b(?:noss[oa]|meu|minha) convidad[oa] (?:de hoje )?é)",
    r"(?i:\boggi (?:parliamo|parlo|chiacchieriamo) con)",
    r"(?i:\b(?:il mio|il nostro|la mia|la nostra) ospite (?:di oggi )?è)",
)] + [
    # German, where every noun is capitalised: a name of two words exactly, so that a post before it ("heute zu
    # Gast ist Bürgermeisterin Anna Schmidt") names nobody rather than "Bürgermeisterin Anna Schmidt" (not "Heute
    # spreche ich mit ...": a post there is the rule, "mit Bundeskanzler Olaf Scholz")
    re.compile(rf"(?i:\bmein(?:e)? Gast (?:heute |in dieser Folge )?ist|\bheute zu Gast ist)\s((?:(?:Frau|Herrn?|Dr\.?|Prof\.?)\s)*{_WORD}\s{_WORD}){_ENDS}"),
]
# (its name may end in a lower-case "podcast" or "show": "welcome to the Stack Overflow podcast, a place to ...")
# a version number is one word ("Podcasting 2.0 in Practice": never cut at its point), and "in" joins its words
_SHOW_NAME_WORD = r"[A-Z0-9][\w'’&-]*(?:\.\d+)*(?![.,]\d)"
_SHOW = rf"(?:[Tt]he\s)?{_SHOW_NAME_WORD}(?:\s(?:of|on|in|and|the|&|{_SHOW_NAME_WORD})){{0,5}}(?:\s(?:podcast|show)\b)?"
# a show's name in words alone, without a number after it ("Self-Hosted" of "this is Self-Hosted 41")
_SHOW_IN_WORDS = r"(?:[Tt]he\s)?[A-Z][\w'’&-]*(?:\s(?:of|on|and|the|&|[A-Z][\w'’&-]*)){0,5}"
# a caption's time between the welcome and the show's name ("Welcome back to\n00:02 Harbour Talk.", a line break
# being a space in the opening): read past
_TIME_MARK = r"\[?\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?\]?"
_SHOW_IN_OPENING = re.compile(
    # (each way opens with "welcome", "you're", "I'm" / "I am" or "this is": the lookahead lets the engine pass over
    # every other position at the cost of one letter's test instead of four ways', 0.24 -> 0.06 ms on 1,500 characters)
    r"(?=(?i:[wyit]))(?:"
    # ("welcome to the first episode of BookBytes", "welcome to another episode of ...")
    rf"(?i:\b(?:welcome (?:back )?to|you['’]re listening to)(?:\s(?:the\s\w+|another|a\snew|this|today['’]s)\sepisode\sof)?)"
    rf"(?:\s{_TIME_MARK})?\s({_SHOW})(?=\s*[,.!;:?]|\s(?:I['’]m|I am|my|today|this)\b)"
    # "I'm Chris, and this is Self-Hosted 41.": a show's name and its episode's number, after a first name alone
    # (a person has no number: "I'm Chris, and this is Alex." names no show)
    rf"|(?i:\b(?:I['’]m|I am))\s{_WORD}(?:\s{_WORD}){{0,2}}[,.]?\s(?i:(?:and )?this is)\s({_SHOW_IN_WORDS})\s(?:(?i:episode)\s|#)?\d{{1,4}}(?=\s*[,.!;:?])"
    # "I'm Maria Lopez and this is Charged Up.", "I'm Michael Barbaro. This is The Daily." (punctuated: raw
    # captions run on into the next words)
    rf"|(?i:\b(?:I['’]m|I am))\s{_NAME}[,.]?\s(?i:(?:and )?this is)\s({_SHOW})(?=\s*[,.!;:?])"
    # "This is Fresh Air. I'm Terry Gross."
    rf"|(?i:\bthis is)\s({_SHOW})[,.!]\s(?i:I['’]m|I am)\s{_NAME}{_ENDS})"
)
# where a host introduces themselves: the first lines (a guest says "I'm ..." later, answering)
_HOST_OPENING_CHARS = 400
_HOST_IN_OPENING = [re.compile(p) for p in (
    # (also "My name is Eric Jansen, I'm the co host and co producer of ...", a radio show's opening)
    rf"(?i:\b(?:I['’]m|I am|my name is))\s({_NAME})[,.]?\s(?:(?i:(?:and )?(?:this is|welcome to|you['’]re listening to))\s(?:[Tt]he\s)?[A-Z0-9]"
    rf"|(?i:(?:and )?(?:I['’]m )?your host|(?:and )?I['’]m the (?:co[- ]?)?host)\b)",
    rf"(?i:\bI(?:['’]m| am) your host),?\s({_NAME}){_ENDS}",
    rf"(?i:\bwelcome (?:back )?to|\bthis is)\s{_SHOW}[,.!]?\s(?i:I['’]m|I am)\s({_NAME}){_ENDS}",
)]
# a host naming himself "This is <Name>" as the opening's first words, after a greeting or a first sentence of
# welcome ("This is Jane Doe, and today my guest is ...", "Hi, this is Jane Doe with ...", Practical AI's "Welcome
# to Practical AI. This is Daniel Whitenack. I'm a data scientist ..."), only where more follows that a person says
# of himself: "This is Planet Money." or "This is Fresh Air with ..." name a show the same way (_this_is_host)
_THIS_IS_HOST = re.compile(
    rf"(?:(?P<greeting>(?i:hi|hello|hey)(?:\s(?i:everyone|everybody|there|all|folks))?[,!.]?\s)|(?i:welcome)[^.!?]{{0,120}}[.!?]\s)?"
    rf"(?i:this is)\s(?P<host>{_NAME}){_ENDS}"
    r"(?:,?\s(?i:and\s(?:today|this week|my guest|our guest|joining|with me|I['’]m|I am|we['’]re|we are|I have|we have"
    r"|I['’]ve|welcome|this is)\b)|,\s(?i:your host)\b|[,.]\s(?i:I['’]m|I am)\s(?:a|an)\s|(?(greeting)[,.]?\s(?i:with|from|here)\b|(?!)))"
)
# words of a show's name, not a person's ("This is Orchard Hour, and today ...")
_SHOW_WORDS = frozenset({"hour", "radio", "talk", "talks", "daily", "weekly", "live", "tonight", "minutes", "money",
                         "matters", "report", "review", "edition", "cast", "pod"})
# Spanish, French, German, Portuguese and Italian shows' openings, as the English ones: "Soy Lucía Fernández y esto
# es Raíces y Ramas", "Bienvenue dans Terrain Neutre, je suis Julien Besson", "Ich bin Lea Hoffmann und das ist
# Stadt und Land". Each language's "I am", "and", "this is" (naming a show only beside the host), "you are listening
# to" and "welcome to" (naming a show alone); "welcome" to a show, not to a place ("bienvenue dans", never "à")
_INTRODUCING = (
    (r"(?:yo )?soy|mi nombre es|me llamo", "y", r"esto es", r"est[áa]s escuchando",
     r"bienvenid[oa]s?(?: de nuevo)? a(?: (?:un nuevo|otro) episodio de)?"),
    (r"je suis|je m['’]appelle", "et", r"voici", r"vous écoutez|tu écoutes", r"bienvenue (?:dans|sur)"),
    (r"ich bin|mein Name ist|ich heiße", "und", r"das ist", r"ihr hört|Sie hören|du hörst",
     r"(?:herzlich )?willkommen (?:bei|zu)"),
    (r"eu sou|meu nome é|sou", "e", r"(?:este|esse) é o", r"(?:você está|vocês estão) ouvindo o",
     r"bem-vind[oa]s? (?:ao|à|a mais um episódio d[oa])"),
    (r"io sono|mi chiamo|sono", "e", r"questo è", r"(?:state|stai) ascoltando", r"benvenut[ie] (?:a|su)"),
)
# a show's name in those languages: capitalised words, and at most two small words between them ("Voci di Quartiere",
# "Les Voix du Port", "Stadt und Land"); ending in a capitalised word
_LINKS = "de|del|de la|la|el|los|las|y|en|des|du|le|les|et|aux?|und|der|die|das|von|vom|im|am|e|di|da|do|dos|della|dei|il"
_SHOW_WORD = rf"[{_CAPITAL}0-9][\w'’&-]*"
_OTHER_SHOW = rf"{_SHOW_WORD}(?:\s(?:(?:{_LINKS})\s){{0,2}}{_SHOW_WORD}){{0,5}}"
# a German name of two words exactly, as for the German guest: every noun there is capitalised (a post before
# the name, "Ich bin Bürgermeisterin Anna Schmidt", names nobody)
_GERMAN_NAME = rf"(?:(?:Frau|Herrn?|Dr\.?|Prof\.?)\s)*{_WORD}\s{_WORD}"


def _introducing(i_am: str, and_: str, this_is: str, listening: str, welcome: str) -> tuple[list, re.Pattern]:
    """One language's phrases in; the patterns of its host (group 1) and of its show (the group matched) out."""
    name = _GERMAN_NAME if and_ == "und" else _NAME
    hosts = [
        re.compile(rf"(?i:\b(?:{i_am}))\s({name})[,.]?\s"
                   rf"(?i:(?:{and_} )?(?:{this_is}|{listening}|{welcome}))\s[{_CAPITAL}0-9]"),
        re.compile(rf"(?i:\b(?:{welcome}|{this_is}|{listening}))\s{_OTHER_SHOW}[,.!]?\s"
                   rf"(?i:(?:{and_} )?(?:{i_am}))\s({name}){_ENDS}"),
    ]
    show = re.compile(
        # (each way opens with one of the phrases: tried only where one is, as _SHOW_IN_OPENING is)
        rf"(?=(?i:\b(?:{welcome}|{listening}|{i_am}|{this_is})))"
        rf"(?:(?i:\b(?:{welcome}|{listening}))\s({_OTHER_SHOW})(?=\s*[,.!;:?]|\s(?i:(?:{i_am}))\b)"
        rf"|(?i:\b(?:{i_am}))\s{name}[,.]?\s(?i:(?:{and_} )?(?:{this_is}|{listening}))\s({_OTHER_SHOW})(?=\s*[,.!;:?])"
        rf"|(?i:\b(?:{this_is}))\s({_OTHER_SHOW})[,.!]\s(?i:(?:{and_} )?(?:{i_am}))\s{name}{_ENDS})"
    )
    return hosts, show


_OTHER_HOST_IN_OPENING = [p for phrases in _INTRODUCING for p in _introducing(*phrases)[0]]
# two people introducing themselves in the first lines are co-hosts ("I'm Adam Stachowiak. And I'm Wynne
# Netherlands. This is The Changelog."): the one beside the show's name is no likelier the host than the other
_NOT_I = r"(?!I\b|I['’])"  # "I" and "I'm" are no word of a name
# a greeting and "I'm <Name>" as the opening's first words ("hey I'm Nate Jones I'm a 20-year ...": a channel's
# raw captions, where "I" keeps its capital and no comma ends the name): the one who opens, the host
_GREETED_AS_HOST = re.compile(
    rf"(?i:hi|hello|hey)(?:\s(?i:everyone|everybody|there|all|folks|guys))?[,!.]?\s(?i:I['’]m|I am|my name is)\s"
    rf"({_NOT_I}{_WORD}(?:\s{_PARTICLE}?{_NOT_I}{_WORD}){{1,3}})(?=\s+I\b|\s+I['’]|[,.!]|\s+[a-z]|\s*$)"
)
_SELF_INTRODUCED = re.compile(rf"(?i:\b(?:I['’]m|I am|my name is))\s({_NAME}){_ENDS}")
# an opening that has several guests, though it introduces one by a phrase above ("I've got very special guests
# today", "we have some very exciting guests"): the one named may be a co-host ("Joining me is ..." on a panel show)
_SEVERAL_GUESTS = re.compile(
    r"(?i:\b(?:I|we)(?:['’]ve got| have(?: got)?) (?:\w+ ){0,3}guests\b|\bguests (?:today|this week)\b)")
_OTHER_SHOW_IN_OPENING = [_introducing(*phrases)[1] for phrases in _INTRODUCING]
_GUEST_IN_TITLE = [re.compile(p) for p in (
    rf"^({_NAME})\s*(?:\([^)]*\)\s*)?[:|–—-]",  # "Ilya Sutskever: Deep Learning", "Name (Role) - Topic"
    rf"^({_NAME})\son\s",  # "Jane Park on Battery Recycling"
    rf"(?i:\b(?:with|featuring|feat\.|ft\.|interview with|interviewing|guest:?))\s({_NAME})\s*(?:$|[|(:,–—-])",
)]
# "... | Lex Fridman Podcast #94", "The Grid Podcast #13: ..."
_SHOW_IN_TITLE = [re.compile(p) for p in (
    r"\|\s*([^|#:]+?)\s*(?:#\s*\d+|(?i:ep(?:isode)?\.?)\s*\d+)\s*$",
    r"^([^|#:]+?)\s*(?:#\s*\d+|(?i:ep(?:isode)?\.?)\s*\d+)\s*[:|–—-]",
    r"\|\s*([^|#:]*\b(?:Podcast|Show|Radio|Hour))\s*$",
)]


def _person(found: str) -> str | None:
    """A matched name, less a possessive before it ("OpenAI's Ilya Sutskever"), or None where a
    word of it is one that opens sentences and shows."""
    words = found.split()
    for i, word in enumerate(words):
        if word.endswith(("'s", "’s")):
            words = words[i + 1:]
            break
    while words and words[0].rstrip(".") in _TITLES:
        words = words[1:]
    name = " ".join(words)
    if len(words) < 2 or len(name) > _MAX_NAME or words[0].lower() in _ARTICLES or any(w.lower() in _NOT_A_NAME for w in words):
        return None
    return name


def _names(patterns, text: str) -> list[str]:
    out: list[str] = []
    for pattern in patterns:
        for m in pattern.finditer(text):
            name = _person(m.group(1))
            if name and name not in out:
                out.append(name)
    return out


def _opening(text: str, start: int, end: int) -> str:
    """The transcript's first words, spaces single."""
    return " ".join(text[start:min(end, start + _OPENING_CHARS)].split())


def _said_in(name: str, text: str, start: int, end: int) -> bool:
    """Whether text[start:end] says the name, whole (any spaces between its words) or its first or last
    word alone ("Amir, welcome")."""
    parts = name.split()
    forms = (r"\s+".join(map(re.escape, parts)), re.escape(parts[0]), re.escape(parts[-1]))
    return re.compile(rf"(?<!\w)(?:{'|'.join(forms)})(?!\w)").search(text, start, end) is not None


def introduced(text: str, start: int, end: int, metadata: Metadata) -> Metadata:
    """An unlabelled transcript's text, where its words run and what is known of it in; the host, the
    guest and the show its opening or its title names out (only fields `metadata` leaves empty)."""
    opening = _opening(text, start, end)
    found: dict = {}
    if not metadata.hosts:
        first_lines = opening[:_HOST_OPENING_CHARS]
        hosts = _names(_HOST_IN_OPENING, first_lines) or _names(_OTHER_HOST_IN_OPENING, first_lines)
        if not hosts and not _SELF_INTRODUCED.search(first_lines):
            hosts = _this_is_host(first_lines, metadata)
        if not hosts:
            hosts = _introduced_after_the_show(first_lines)
        if not hosts and (greeted := _GREETED_AS_HOST.match(first_lines)):
            hosts = [name] if (name := _person(greeted.group(1))) else []
        if len(hosts) == 1 and hosts[0] not in metadata.guests and len(_names([_SELF_INTRODUCED], first_lines)) < 2:
            found["hosts"] = (hosts[0],)
        elif not hosts and (late := _introduced_past_the_first_lines(opening)) and late[0] not in metadata.guests:
            found["hosts"] = (late[0],)
            # the guest is introduced after the host: the opening read on as far past the host's words
            opening = " ".join(text[start:min(end, start + 2 * _OPENING_CHARS)].split())[:late[1] + _OPENING_CHARS]
    if not metadata.guests:
        hosts = found.get("hosts", metadata.hosts)
        guests = [g for g in _names(_GUEST_IN_OPENING, opening) if g not in hosts]
        if not guests:
            guests = [g for g in _welcomed_by_first_name(opening) if g not in hosts]
        if not guests and metadata.title:
            # (the show a directory's title opens with, "Fresh Air - Life & Death ...", where the opening names it, is none)
            shows = {show.lower().removeprefix("the ") for show in (metadata.show, _show(opening, metadata.title)) if show}
            guests = [g for g in _names(_GUEST_IN_TITLE, metadata.title)
                      if g not in hosts and g.lower() not in shows and _said_in(g, text, start, end)]
        if len(guests) == 1 and not _SEVERAL_GUESTS.search(opening):
            found["guests"] = (guests[0],)
    if not metadata.show:
        show = _show(opening, metadata.title)
        if show and _person(show) not in found.get("hosts", ()) + found.get("guests", ()):
            found["show"] = show
    return replace(metadata, **found) if found else metadata


# the show named to its listeners, then a sentence or two about it before the host's "I'm <Name>" (Relay FM's Conduit:
# "From Relay FM, you're listening to Conduit, the show where ... From Relay FM, this is Conduit, ... I'm Jay Miller
# and ..."); not where a question or a guest comes between, after which an "I'm" may be the guest's answer
_SHOW_NAMED = re.compile(r"(?i:\b(?:welcome (?:back )?to|you['’]re listening to))\s")
_GUEST_BETWEEN = re.compile(r"(?i:\b(?:guests?|joined|joining|with me|with us)\b)")


def _introduced_after_the_show(first_lines: str) -> list[str]:
    """[the host] where the first "I'm <Name>" follows the show's name with no question or guest between, or []."""
    show = _SHOW_NAMED.search(first_lines)
    intro = _SELF_INTRODUCED.search(first_lines, show.end()) if show else None
    if not intro or "?" in first_lines[show.end():intro.start()] or _GUEST_BETWEEN.search(first_lines, show.end(), intro.start()):
        return []
    name = _person(intro.group(1))
    return [name] if name else []


# the host's own introduction beside the show's name past the first lines, where a page puts the episode's notes
# and the show a cold open before it ("... sign up for our letter. <cold open> I'm Jacob Goldstein and this is What's
# Your Problem, the show where ..."): "I'm <Name> and this is <Show>", "This is <Show>. I'm <Name>", a host's
# formula, which a guest answering says of a firm or a project only after being introduced (_introduced_past_the_first_lines)
_HOST_BESIDE_THE_SHOW = re.compile(
    rf"(?i:\b(?:I['’]m|I am))\s(?P<a>{_NAME})[,.]?\s(?i:(?:and )?this is)\s{_SHOW}(?=\s*[,.!;:?])"
    rf"|(?i:\bthis is)\s{_SHOW}[,.!]\s(?i:I['’]m|I am)\s(?P<b>{_NAME}){_ENDS}"
)


def _introduced_past_the_first_lines(opening: str) -> tuple[str, int] | None:
    """The host and where the words introducing him start where the opening's first "I'm <Name>" is the host's formula beside the show's name past the first
    lines (_HOST_BESIDE_THE_SHOW), no guest introduced before it and nobody else saying "I'm <Name>" up to its end;
    else None."""
    m = _HOST_BESIDE_THE_SHOW.search(opening)
    if not m or any(p.search(opening, 0, m.start()) for p in _GUEST_IN_OPENING):
        return None
    if len(_names([_SELF_INTRODUCED], opening[:m.end()])) != 1:
        return None
    name = _person(m.group("a") or m.group("b"))
    return (name, m.start()) if name else None


def _this_is_host(first_lines: str, metadata: Metadata) -> list[str]:
    """[the host] where the opening starts "This is <Name>" as a person introduces himself, the name not the show's
    that the title, the metadata or the opening names (nor in capitals, as a show's name is in NPR's transcripts)."""
    m = _THIS_IS_HOST.match(first_lines)
    name = _person(m.group("host")) if m else None
    if not name or name.isupper() or any(word.lower() in _SHOW_WORDS for word in name.split()):
        return []
    shows = {show.lower().removeprefix("the ") for show in (metadata.show, _show(first_lines, metadata.title)) if show}
    return [] if name.lower() in shows else [name]


# a guest welcomed to the show by first name ("Carol, welcome to the Changelog."), the welcome not "back" (a panel
# welcomes its co-hosts back)
_WELCOMED = re.compile(rf"(?<![\w'’-])({_WORD}),\s(?i:welcome to)\s")


def _welcomed_by_first_name(opening: str) -> list[str]:
    """The guest whom the opening welcomes to the show by first name, where it says that first name's full name
    once ("... with Carol Lee, who has a PhD ... Carol, welcome to the Changelog."): [that name], else []."""
    firsts = {m.group(1) for m in _WELCOMED.finditer(opening)}
    if len(firsts) != 1:
        return []
    first = firsts.pop()
    full = re.compile(rf"(?<![\w'’-])({re.escape(first)}(?:\s{_PARTICLE}?{_WORD}){{1,2}}){_ENDS}")
    names = _names([full], opening)
    return names if len(names) == 1 else []


def _show(opening: str, title: str) -> str:
    """The show a title ("... | Lex Fridman Podcast #94") or an opening ("Welcome to The Grid.") names, or ""."""
    show = next((m.group(1).strip() for p in _SHOW_IN_TITLE if (m := p.search(title))), "")
    if not show:
        show = next(_named_shows(_SHOW_IN_OPENING.finditer(opening)), "")
        show = show[4:] if show.startswith("the ") else show  # "welcome to the Tim Ferriss Show"
    if not show:  # (in the host's first lines only: a guest's "bienvenidos a Valdemoro" later is no show's name)
        show = next((s for p in _OTHER_SHOW_IN_OPENING
                     for s in _named_shows(p.finditer(opening, 0, _HOST_OPENING_CHARS))), "")
    return show if len(show) <= _MAX_SHOW else ""


def _named_shows(matches):
    """The shows' names the matches hold, less those with no letter ("welcome back to 2024", a time's "00"): a
    number or a time is no show's name."""
    for m in matches:
        show = next(g for g in m.groups() if g)
        if any(c.isalpha() for c in show):
            yield show


def show_named(text: str, start: int, end: int, metadata: Metadata) -> Metadata:
    """A labelled transcript's metadata with the show its title or opening names, where none is known
    (its people come from its labels)."""
    if metadata.show:
        return metadata
    show = _show(_opening(text, start, end), metadata.title)
    return replace(metadata, show=show) if show else metadata


def parts_named(
    text: str, speakers: Sequence[SpeakerRecord], turns: Sequence[Turn], metadata: Metadata,
) -> tuple[tuple[SpeakerRecord, ...], tuple[Turn, ...], Metadata]:
    """A labelled transcript whose labels name only parts ("Speaker A", "SPEAKER_00": a diariser's)
    in; the same with the host and the guest named where the host's words before the guest first
    speaks name them ("Today I'm talking with Priya Raman", "I'm Maria Lopez and this is ..."; the title
    as for an unlabelled transcript; the host, too, where the guest's first words greet them by first name and
    the file gives that name in full, _host_greeted); the metadata naming them too. Three parts or more: each
    guest named only where the host hands over to them by name (_panel_named). Unchanged where the metadata
    names anyone, or any speaker has a name of their own."""
    roles = [sp.role for sp in speakers]
    if metadata.hosts or metadata.guests or roles.count("host") != 1 or set(roles) != {"host", "guest"}:
        return tuple(speakers), tuple(turns), metadata
    if not all(names_a_part(sp.name) for sp in speakers):
        return tuple(speakers), tuple(turns), metadata
    if len(speakers) > 2:
        return _panel_named(text, speakers, turns, metadata)
    role_of = {sp.slug: sp.role for sp in speakers}
    in_order = sorted(turns, key=lambda t: t.start_char)
    opening: list[str] = []
    for turn in in_order:
        if role_of.get(turn.speaker_slug) != "host":
            break
        opening.append(" ".join(text[turn.start_char:turn.end_char].split()))
    said = " ".join(opening)
    found = introduced(said, 0, len(said), Metadata(title=metadata.title))
    if not found.hosts:
        host = _host_greeted(text, in_order, role_of, metadata.title, guests=found.guests)
        found = replace(found, hosts=(host,)) if host else found
    names = {"host": found.hosts[0] if found.hosts else "", "guest": found.guests[0] if found.guests else ""}
    if not any(names.values()):
        return tuple(speakers), tuple(turns), metadata
    named = {sp.slug: names[sp.role] for sp in speakers if names[sp.role]}
    return _renamed(text, speakers, turns, named,
                    replace(metadata, hosts=found.hosts[:1], guests=found.guests[:1], show=metadata.show or found.show))


# a diarised voice giving its own name: "I'm Rosa Lindqvist", "my name is ...", "I'm one of your hosts, Rosa
# Lindqvist", "this is Rosa Lindqvist." (a "this is" ending its sentence there: "This is Tide Talk episode 12" names a show)
_OWN_NAME = re.compile(
    rf"(?i:\b(?:I['’]m|I am|my name is))\s(?:(?i:(?:one of )?(?:your )?(?:co-?)?hosts?),\s)?({_NAME}){_ENDS}"
    rf"|(?i:\bthis is)\s({_NAME})(?=\s*[,.!?]|\s*$)")


def self_named_parts(
    text: str, speakers: Sequence[SpeakerRecord], turns: Sequence[Turn], metadata: Metadata,
) -> tuple[tuple[SpeakerRecord, ...], tuple[Turn, ...], Metadata]:
    """A labelled transcript's speakers and turns in; each still named by its part ("Speaker 04", a diariser's
    SPEAKER_04) renamed where its own first turns (their first 1,500 characters) give one name of its own ("I'm one
    of your hosts, Jason Howell", past the show's ads), no other part gives that name and no speaker has it; the
    metadata naming them too (a host or a guest as the part's role). Else unchanged."""
    parts = [sp for sp in speakers if names_a_part(sp.name)]
    if not parts:
        return tuple(speakers), tuple(turns), metadata
    own: dict[str, list[str]] = {sp.slug: [] for sp in parts}
    said: dict[str, int] = dict.fromkeys(own, 0)
    for turn in sorted(turns, key=lambda t: t.start_char):
        if turn.speaker_slug not in own or said[turn.speaker_slug] >= _OPENING_CHARS:
            continue
        end = min(turn.end_char, turn.start_char + _OPENING_CHARS - said[turn.speaker_slug])
        said[turn.speaker_slug] += end - turn.start_char
        for m in _OWN_NAME.finditer(" ".join(text[turn.start_char:end].split())):
            name = _person(m.group(1) or m.group(2))
            if name and name not in own[turn.speaker_slug]:
                own[turn.speaker_slug].append(name)
    given = [name for names in own.values() for name in names]
    taken = {sp.name for sp in speakers}
    named = {slug: names[0] for slug, names in own.items()
             if len(names) == 1 and given.count(names[0]) == 1 and names[0] not in taken}
    if not named:
        return tuple(speakers), tuple(turns), metadata
    role_of = {sp.slug: sp.role for sp in speakers}
    hosts = metadata.hosts + tuple(n for slug, n in named.items() if role_of[slug] == "host" and n not in metadata.hosts)
    guests = metadata.guests + tuple(n for slug, n in named.items() if role_of[slug] != "host" and n not in metadata.guests)
    return _renamed(text, speakers, turns, named, replace(metadata, hosts=hosts, guests=guests))


def _renamed(text: str, speakers: Sequence[SpeakerRecord], turns: Sequence[Turn], named: dict, metadata: Metadata):
    """Speakers, their turns, {slug: name} for those to rename and the metadata to return in; the three renamed."""
    renamed = {sp.slug: SpeakerRecord(name=named[sp.slug], slug=unique_slug(named[sp.slug]), role=sp.role,
                                      aliases=find_aliases(text, named[sp.slug]))
               for sp in speakers if sp.slug in named}
    return (tuple(renamed.get(sp.slug, sp) for sp in speakers),
            tuple(replace(t, speaker_slug=renamed[t.speaker_slug].slug) if t.speaker_slug in renamed else t for t in turns),
            metadata)


# the guest's first words greeting the host by first name ("Thanks, Maria.", "Thank you so much, Maria!")
_GREETING = re.compile(rf"(?i:thanks|thank you|hi|hey|hello)(?i: so much| very much| for having me)?,?\s({_WORD})[.!,]")


def _host_greeted(text: str, turns: Sequence[Turn], role_of: dict, title: str, *, guests: Sequence[str]) -> str:
    """A diarised transcript's turns in order; the host's full name where the guest's first words greet the
    host by first name ("Thanks, Maria.") and the file gives that first name's full name once: the host says
    it ("I'm Maria Lopez", in an outro) or the title does. Else "" (a first name alone names nobody)."""
    first_guest_turn = next((t for t in turns if role_of.get(t.speaker_slug) == "guest"), None)
    if first_guest_turn is None:
        return ""
    start, end = first_guest_turn.start_char, first_guest_turn.end_char
    greeting = _GREETING.match(text, start, min(end, start + 200))
    if not greeting or greeting.group(1) in {part for guest in guests for part in guest.split()}:
        return ""
    full = rf"{re.escape(greeting.group(1))}(?:\s{_PARTICLE}?{_WORD}){{1,2}}"
    said_by_host = re.compile(rf"(?i:\b(?:I['’]m|I am|my name is|this is))\s({full}){_ENDS}")
    names = {m.group(1) for t in turns if role_of.get(t.speaker_slug) == "host"
             for m in said_by_host.finditer(text, t.start_char, t.end_char)}
    names |= {m.group(1) for m in re.finditer(rf"(?<![\w'’-])({full}){_ENDS}", title)}
    names = {name for name in map(_person, names) if name and name not in guests and name.split()[-1] != greeting.group(1)}
    return names.pop() if len(names) == 1 else ""


# a host's opening naming several guests ("My guests today are Omar Diaz, a lawyer, and Lena Holt."): the names up to the
# sentence's end (not a title's full stop: "and Dr. Amir Haddad")
_GUESTS_IN_OPENING = re.compile(
    r"(?i:\bmy guests (?:today |this week |on (?:the|this) (?:show|episode|podcast) )?are"
    r"|\b(?:joining (?:me|us)|with (?:me|us)) (?:today |now |this week )?are"
    r"|\b(?:I['’]m|I am|we['’]re|we are) joined (?:today )?by)"
    r"\s((?:[^.!?]|(?<=\bDr)\.|(?<=\bProf)\.|(?<=\bMr)\.|(?<=\bMs)\.|(?<=\bMrs)\.){1,300})")
_LISTED_NAME = re.compile(rf"(?<![\w'’-])({_NAME}){_ENDS}")


def _panel_named(text: str, speakers: Sequence[SpeakerRecord], turns: Sequence[Turn], metadata: Metadata):
    """parts_named for three parts or more ("Speaker 1", "Speaker 2", "Speaker 3"): the guests named only where the
    host's opening names them in full and, right before each guest first speaks, the host hands over to one of
    them by first name (_handed_to); else none is (one guest in doubt puts the others' names in doubt too)."""
    unchanged = tuple(speakers), tuple(turns), metadata
    role_of = {sp.slug: sp.role for sp in speakers}
    in_order = sorted(turns, key=lambda t: t.start_char)
    first_other = next((i for i, t in enumerate(in_order) if role_of.get(t.speaker_slug) != "host"), len(in_order))
    opening = _opening(" ".join(text[t.start_char:t.end_char] for t in in_order[:first_other]), 0, _OPENING_CHARS)
    found = introduced(opening, 0, len(opening), Metadata(title=metadata.title))
    listed = " ".join(m.group(1) for m in _GUESTS_IN_OPENING.finditer(opening))
    guests = [g for g in dict.fromkeys(_names([_LISTED_NAME], listed) + _names(_GUEST_IN_OPENING, opening))
              if g not in found.hosts]
    by_first = {g.split()[0]: g for g in guests}
    if len(by_first) != len(guests):  # two guests of one first name: a handover to either is in doubt
        return unchanged
    named: dict = {}
    for before, turn in zip(in_order, in_order[1:]):
        if role_of.get(turn.speaker_slug) != "guest" or turn.speaker_slug in named:
            continue
        last_words = text[max(before.start_char, before.end_char - _HANDOVER_CHARS):before.end_char]
        to = _handed_to(last_words, by_first) if role_of.get(before.speaker_slug) == "host" else ""
        if not to or to in named.values():
            return unchanged
        named[turn.speaker_slug] = to
    if len(named) != sum(sp.role == "guest" for sp in speakers):
        return unchanged
    if found.hosts:
        named[next(sp.slug for sp in speakers if sp.role == "host")] = found.hosts[0]
    guests_named = tuple(named[sp.slug] for sp in speakers if sp.role == "guest")
    return _renamed(text, speakers, turns, named,
                    replace(metadata, hosts=found.hosts[:1], guests=guests_named, show=metadata.show or found.show))


# the host's turn before a guest first speaks, its last sentences: "Omar, let's start with you.", "And Omar, would you
# ...?", "What do you see at the plant, Lena?"
_HANDOVER_CHARS = 300
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
_CALLED_FIRST = re.compile(rf"^(?i:(?:and|so|now|okay|ok|well|then),?\s)?({_WORD}),")
_CALLED_LAST = re.compile(rf",\s({_WORD})[.!?]$")


def _handed_to(said: str, by_first: dict) -> str:
    """A host's turn's last words and the guests the opening names, by first name, in; the guest whom one of its
    last two sentences calls by first name, where from that sentence on no other guest's first name is said, or ""."""
    sentences = _SENTENCE_BREAK.split(" ".join(said.split()))[-2:]
    for i in reversed(range(len(sentences))):
        called = {m.group(1) for m in (_CALLED_FIRST.match(sentences[i]), _CALLED_LAST.search(sentences[i]))
                  if m and m.group(1) in by_first}
        if called:
            said_after = " ".join(sentences[i:])
            mentioned = {first for first in by_first if re.search(rf"(?<![\w'’-]){re.escape(first)}(?![\w-])", said_after)}
            return by_first[mentioned.pop()] if mentioned == called else ""
    return ""
