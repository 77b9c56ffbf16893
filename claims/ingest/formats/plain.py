"""Plain punctuated text, the fallback: each paragraph is one unlabelled turn.

A paragraph of Markdown layout only (a "### Part 1" heading, a "---" rule) is nobody's words and no
turn (a lecture's or a talk's transcript in Markdown: its section headings had been turns, the
speaker's first ones); the first of the highest-level headings before the first turn is the title.
A heading that ends a sentence ("### Kannst du das genauer beschreiben?") is the interviewer's
words written as a heading, and a turn. A paragraph of a header's fields only before the first
turn ("Name: Andreas Antonopoulos" / "Topic: ..." / "Date: April 8th 2020", one per line or
paragraph) is no turn either: it says what the recording is, nobody says it (a text of such lines only is
refused, saying so: a glossary's, or more names once each than labelled.py takes for a conversation); nor is a transcription
service's note above the words ("(Transcribed by TurboScribe.ai. Go Unlimited to remove this message.)").
An interview whose "Q:" and "A:" take turns inside its lines, after a sentence ("... in 1952. Q: And
then? A: We moved.", an oral history typed as one long line), is cut there into Q and A turns; so
is a lecture at its labels in capitals ("... your thoughts? KHALID: Too many ifs.": _capitals.py), and a line
alone above those labelled paragraphs naming a day, no sentence ("PBS NewsHour full episode Jan. 3, 2020"), is their
header. A blog page whose
turns run together on one line, each opening with a name, a colon and the time in brackets ("... fall. Mr.
Stewart: (00:29) I guess ...", Rev's), is cut at each (inline_timed_labels); the page's paragraphs above are no turns. A caption archive's text run together with
">>" wherever the voice changes ("... radio app . >> on washington journal ...", C-SPAN's) is cut at each mark, the
parts after one marked as a change of voice (change_marks). A
heading that is a time alone ("# 00:05:00", CS50's lectures) times the words below it and is none of them;
so does a time mark in brackets opening a paragraph ("[00:00:05] My name is ...", a recogniser's marks left inline).
A Japanese interview that opens each of the interviewer's paragraphs with two dashes ("――まず、プロフィールを
教えてください。", the answers plain paragraphs below) is read as an interviewer's and an interviewee's turns
(_dash_questions); so is a magazine's interview in Markdown whose questions are paragraphs in bold
("**What changed for you in 2023?**", the answers plain paragraphs below: _bold_questions); so is a
press interview as Spanish, Russian or Portuguese papers print it, every change of voice a paragraph or a
line opening with one dash ("—¿A qué hora empieza?", "– Как вы попали?"), the interviewer's first, an
answer's later paragraphs without one (_dialogue_dashes). The article's lead before the first question is
no one's turn. An oral history's PDF text run together on one line is cut at the names its header declares
("Oral History of Jay Last", "Interviewed by: Craig Addison", then "... Craig Addison: Jay, could you ...? Jay Last:
Sure, ...": _declared_labels), and where labels were found, an oral history's header above the first one is no turn
(_header_before_first_label).
"""
from __future__ import annotations

import itertools
import re
from dataclasses import replace

from ..records import Metadata, ParsedSource, ParsedTurn
from ._capitals import labels_in_capitals
from ._common import SERVICE_NOTE, LineIndex, change_marks, inline_questions_and_answers, inline_timed_labels, parse_clock, parts_between, refused, trim
from ._head import day_in_title, header_facts, header_lines, talk_speaker

NAME = "plain"

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\u00a0]*\n")
_SENTENCE_ENDS = (".", "?", "!", "…", "。", "？", "！")
_LAYOUT_LINE = re.compile(r"[ \t]*(?:(?P<level>#{1,6})(?:[ \t](?P<heading>[^\n]*))?|(?:(?P<rule>[-*_])[ \t]*)(?:(?P=rule)[ \t]*){2,})[ \t]*\r?")


# a heading that is a time alone ("# 00:05:00" every five minutes: CS50's lectures on its site)
_TIME_HEADING = re.compile(r"#{1,6}[ \t]+\[?(?P<time>\d{1,2}:\d{2}(?::\d{2})?)\]?[ \t]*\r?(?:\n|$)")
# a time mark in brackets opening a paragraph, where a recogniser's text keeps its marks inline ("[00:00:05] My name
# is ...", a radio archive's machine text: pridenz.com's pages): the paragraph's start, not its words
_OPENING_MARK = re.compile(r"\[(?P<time>\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?)\][ \t]*")
_HEADER_PARAGRAPHS = 3  # a header is one paragraph of the first few (a title, then a line of fields)
_HEADER_FIELD = re.compile(r"[ \t]*[A-Z][\w ]{0,30}:[ \t]+\S[^\n]{0,150}")


# a question as Japanese interviews mark it: two dashes (horizontal bars "――", em dashes "——" or box
# lines "──") opening the paragraph, bold or not, then the words
_DASH_QUESTION = re.compile(r"(?:\*\*|__)?[ \t\u3000]*[―—─]{2}(?![―—─])[ \t\u3000]*(?=[^\s*_])")
_DASH_MARKS = ("――", "——", "──")
_QUESTIONS_MIN = 3  # questions answered: fewer is a dash or two, or a bold line or two, in prose
INTERVIEWER, INTERVIEWEE = "Interviewer", "Interviewee"


def _dash_questions(text: str, turns: list[ParsedTurn]) -> list[ParsedTurn]:
    """Paragraphs in, an interview's turns out where the interviewer's paragraphs open with two dashes
    (see _answered_questions); else the paragraphs as they are."""
    if not any(mark in text for mark in _DASH_MARKS):
        return turns
    questions = []
    for t in turns:
        q = _DASH_QUESTION.match(text, t.start_char, t.end_char)
        if q:
            a, b = trim(text, q.end(), t.end_char)
            bold = q.group()[:2]
            if bold in ("**", "__") and text.startswith(bold, b - 2):  # the bold opened before the dashes closes here
                a, b = trim(text, a, b - 2)
            q = (a, b)
        questions.append(q)
    return _answered_questions(text, turns, questions)


# a change of voice as Spanish, Russian, Portuguese... press interviews print it: one dash (em, en or
# horizontal bar; never a hyphen, a list's bullet) opening a line, the words after it
_DIALOGUE_DASH = re.compile(r"^[ \t]*[—–―](?![—–―])[ \t\u00a0]*(?=\S)", re.M)
_ASKS = re.compile(r"[?？]")


def _dialogue_dashes(text: str, turns: list[ParsedTurn]) -> list[ParsedTurn]:
    """Paragraphs in, an interview's turns out where every change of voice opens a line with one dash,
    the interviewer's and the interviewee's in turn, the interviewer's first; lines and paragraphs
    without a dash go on with the voice before them, and those before the first dash are the
    article's lead, no one's turn. Three questions or more answered, and the interviewer's lines
    asking where the interviewee's mostly do not; else the paragraphs as they are."""
    if not any(dash in text for dash in "—–―") or any(t.speaker_label for t in turns):
        return turns
    said: list[list[int]] = []  # [start, end, line] of each dashed stretch, the words after the dash
    for t in turns:
        dashes = list(_DIALOGUE_DASH.finditer(text, t.start_char, t.end_char))
        if said and (not dashes or dashes[0].start() > t.start_char):
            said[-1][1] = dashes[0].start() if dashes else t.end_char  # the voice before goes on
        for d, after in zip(dashes, dashes[1:] + [None]):
            said.append([d.end(), after.start() if after else t.end_char, t.line + text.count("\n", t.start_char, d.end())])
    asking = [bool(_ASKS.search(text, a, b)) for a, b, _ in said]
    questions, answers = asking[0::2], asking[1::2]
    if len(answers) < _QUESTIONS_MIN or sum(questions) * 2 <= len(questions) or sum(answers) * 2 > len(answers):
        return turns
    out = []
    for i, (a, b, line) in enumerate(said):
        a, b = trim(text, a, b)
        out.append(ParsedTurn(start_char=a, end_char=b, line=line, speaker_label=INTERVIEWEE if i % 2 else INTERVIEWER))
    return out


# a change of voice as captions mark it, a hyphen and a space opening the caption ("- What is a current?"), left in a
# caption site's text download (DownSub's .txt: a caption a paragraph); three or more paragraphs opening so make the
# convention, as attribute.py's _DASH_MARKS_MIN does for a dash inside a turn
_CAPTION_DASH = re.compile(r"-[ \t]+(?=\S)")
_CAPTION_DASHES_MIN = 3


def _caption_dashes(text: str, turns: list[ParsedTurn]) -> list[ParsedTurn]:
    """Paragraphs in, the same with the dash of each that opens with "- " left out and a change of voice set (the
    marks outside the words, as seed 002's chaptered turns have them) where three or more open so; else as they are."""
    if any(t.speaker_label or t.speaker_change for t in turns):
        return turns
    dashes = [_CAPTION_DASH.match(text, t.start_char, t.end_char) if text.startswith("-", t.start_char) else None for t in turns]
    if sum(1 for d in dashes if d) < _CAPTION_DASHES_MIN:
        return turns
    return [replace(t, start_char=d.end(), speaker_change=True) if d else t for t, d in zip(turns, dashes)]


# a question as a magazine's interview in Markdown prints it: the whole paragraph in bold, ending a
# sentence ("**What changed for you in 2023?**", "**Walk us through the recall.**"), the answer in
# plain paragraphs below; most of them ask ("?"), so that a post's bold remarks between its
# paragraphs stay prose
# (a bold broken into two runs by the editor, "**... do you miss the** **tower itself?**", is one: TechCrunch's)
_BOLD_PARAGRAPH = re.compile(
    r"(?P<mark>\*\*|__)(?P<words>[^\s*_](?:(?!\*\*|__).|(?P=mark)[ \t](?P=mark))*?[.?!…？。！][\"”’)]?)(?P=mark)[ \t]*\r?", re.S)


def _bold_questions(text: str, turns: list[ParsedTurn]) -> list[ParsedTurn]:
    """Paragraphs in, an interview's turns out where the interviewer's paragraphs are bold throughout
    (see _answered_questions); else the paragraphs as they are."""
    if "**" not in text and "__" not in text:
        return turns
    questions = []
    for t in turns:
        m = _BOLD_PARAGRAPH.fullmatch(text, t.start_char, t.end_char)
        questions.append(m.span("words") if m else None)
    return _mostly_asking(text, turns, questions)


def questions_in_bold(text: str, parsed: ParsedSource, bold_lines) -> ParsedSource:
    """A web page read as plain paragraphs and the (start, end) of its lines set in bold throughout
    (html.Page.bold_lines) in, the interview's turns out where its questions are those lines, as in
    a magazine's Q&A page (see _bold_questions); else the parse as it is."""
    if parsed.format != NAME or not bold_lines or any(t.speaker_label for t in parsed.turns):
        return parsed
    ends = dict(bold_lines)
    questions = [(t.start_char, t.end_char) if ends.get(t.start_char) == t.end_char
                 and text[t.end_char - 1] in _SENTENCE_END_MARKS else None for t in parsed.turns]
    turns = _mostly_asking(text, list(parsed.turns), questions)
    if turns == list(parsed.turns):
        return parsed
    return replace(parsed, turns=tuple(turns), content_start=turns[0].start_char, content_end=turns[-1].end_char)


_SENTENCE_END_MARKS = ".?!…？。！\"”’)"


def _mostly_asking(text: str, turns: list[ParsedTurn], questions: list[tuple[int, int] | None]) -> list[ParsedTurn]:
    """_answered_questions where most of the questions ask ("?"): a post's bold remarks stay prose."""
    asked = [text[b - 1] in "?？" or text[b - 2:b] in ('?"', "?”", "?’", "?)") for a, b in filter(None, questions)]
    if sum(asked) * 2 <= len(asked):
        return turns
    return _answered_questions(text, turns, questions)


def _answered_questions(text: str, turns: list[ParsedTurn], questions: list[tuple[int, int] | None]) -> list[ParsedTurn]:
    """Paragraphs and the span of each one's question (None for an answer's paragraph) in, an
    interview's turns out where three questions or more are each answered by a plain paragraph or
    more: each question's words the interviewer's turn, the paragraphs up to the next question one
    turn of the interviewee's. The paragraphs before the first question are the article's lead, no
    one's turn. Else the paragraphs as they are."""
    answered = sum(1 for q, after in zip(questions, questions[1:]) if q and not after)
    if answered < _QUESTIONS_MIN:
        return turns
    first = next(i for i, q in enumerate(questions) if q)
    out: list[ParsedTurn] = []
    for t, q in zip(turns[first:], questions[first:]):
        if q:
            a, b = q
            out.append(replace(t, start_char=a, end_char=b, line=t.line + text.count("\n", t.start_char, a),
                               speaker_label=INTERVIEWER))
        elif out[-1].speaker_label == INTERVIEWEE:  # the answer's next paragraph
            out[-1] = replace(out[-1], end_char=t.end_char)
        else:
            out.append(replace(t, speaker_label=INTERVIEWEE))
    return out


def _header_fields_only(text: str, a: int, b: int) -> bool:
    """Whether text[a:b] is lines of a header's fields ("Topic: ...", "Video: https://...") only."""
    return all(_HEADER_FIELD.fullmatch(line.rstrip("\r")) for line in text[a:b].split("\n"))


def _layout_only(text: str, a: int, b: int) -> bool:
    """Whether text[a:b] is Markdown headings (none ending a sentence) and rules only."""
    if text[a] not in "#-*_":
        return False
    for line in text[a:b].split("\n"):
        m = _LAYOUT_LINE.fullmatch(line)
        if not m or (m.group("heading") or "").rstrip(" \t*_#").endswith(_SENTENCE_ENDS):
            return False
    return True


_HEADER_LINE_CHARS = 200
_TALK_HEADER_PARAGRAPHS = 12  # a talk's header above its first section: a day, a name, links, a short list


def _first_heading(text: str, paragraphs: list[tuple[int, int]]) -> int:
    """The index of the first paragraph that is a Markdown heading (not a time), where one comes among the first
    _TALK_HEADER_PARAGRAPHS before any paragraph ending a sentence; -1 where none does."""
    for k, (a, b) in enumerate(paragraphs[:_TALK_HEADER_PARAGRAPHS + 1]):
        a, b = trim(text, a, b)
        if b <= a:
            continue
        # (a heading asking a question, "# What am I working on?", is a section's too)
        if text[a] == "#" and (m := _LAYOUT_LINE.fullmatch(text, a, b)) and m.group("level") and not _TIME_HEADING.match(text, a, b):
            return k
        if not (_no_sentence(text, a, b) or _header_fields_only(text, a, b)):  # "Topic: What am I working on?"
            return -1
    return -1


def _no_sentence(text: str, a: int, b: int) -> bool:
    """Whether text[a:b] is short lines none of which ends a sentence: a name, a link, a list of links, a title."""
    return all(len(line) <= _HEADER_LINE_CHARS and not line.rstrip(" \t\r*_").endswith(_SENTENCE_ENDS)
               for line in text[a:b].split("\n"))


# a page's note that its text is a machine's, above the words ("This page features computer generated text of the
# source audio - it is not a transcript. ...", a council archive's byline "AI-generated transcript — the recording is
# the record."): in the paragraph's first sentence, a short paragraph; a speaker saying it later keeps the words
_GENERATED = re.compile(r"(?i)\b(?:AI|computer|machine|automatically|auto)[- ]generated (?:transcripts?|text|captions|subtitles)\b")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_NOTE_CHARS = 600


# a transcript page's line above the words saying they may be wrong ("This is an unofficial transcript meant for
# reference. Accuracy is not guaranteed.", podgist.com's; iHeart's "Complete accuracy is not guaranteed."), opening one
# of the first paragraphs: no one's words, and the episode's notes above it none either
_ACCURACY_NOTE_PARAGRAPHS = 6
_ACCURACY_NOTE = re.compile(r"[^\n]{0,160}\b(?i:accuracy is not guaranteed)\.?[ \t]*\r?\n")


def _generated_note(text: str, a: int, b: int) -> bool:
    """Whether text[a:b] is a short paragraph whose first sentence says the text was generated by a machine."""
    if b - a > _NOTE_CHARS:
        return False
    end = _SENTENCE_END.search(text, a, b)
    return _GENERATED.search(text, a, end.end() if end else b) is not None


def _header_above_labels(text: str, turns: list[ParsedTurn], head: list[str]) -> list[ParsedTurn]:
    """Turns in, the same less the first where it is a line alone naming a day, no sentence, above labelled turns (a
    news show's "PBS NewsHour full episode Jan. 3, 2020", once or twice over): its lines added to `head`."""
    if len(turns) < 2 or turns[0].speaker_label is not None or not turns[1].speaker_label:
        return turns
    a, b = turns[0].start_char, turns[0].end_char
    if b - a > _HEADER_LINE_CHARS or not _no_sentence(text, a, b) or not day_in_title(text[a:b].strip()):
        return turns
    if head and text[a:b].strip() not in {h.strip() for h in head}:
        return turns
    if not head:
        head += text[a:b].split("\n")
    return turns[1:]


# the speaker saying who they are in a turn's first words ("Good evening. I'm Judy Woodruff.")
_SELF_INTRODUCTION = re.compile(r"\bI['’]m (?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2})")
_INTRODUCTION_CHARS = 80


def _anchor_introduced(text: str, turns: list[ParsedTurn]) -> list[ParsedTurn]:
    """Labelled paragraphs in, the same with the first speaker the host where their first turn says their own
    name as the label gives it in its first words (a news show's anchor: "JUDY WOODRUFF: Good evening. I'm
    Judy Woodruff."), each other label a guest; else the turns as they are."""
    first = next((t for t in turns if t.speaker_label), None)
    if first is None or any(t.role_hint for t in turns):
        return turns
    intro = _SELF_INTRODUCTION.search(text, first.start_char, min(first.end_char, first.start_char + _INTRODUCTION_CHARS))
    if not intro or intro.group("name").casefold() != first.speaker_label.casefold():
        return turns
    return [replace(t, role_hint="host" if t.speaker_label == first.speaker_label else "guest") if t.speaker_label else t
            for t in turns]


# an oral history's header naming the interviewee and the interviewer ("Oral History of Jay Last", "Interviewed by: Craig
# Addison", the Computer History Museum's), a name of two to four capitalised words after it (the longest tried first
# where a field runs on after it: "Interviewed by: Craig Addison Recorded: ...")
_DECLARED_NAME = re.compile(r"(?:Oral History of|Interview with|Interviewed by:?|Interviewer:|Interviewee:)[ \t]+"
                            r"(?P<name>[A-Z][\w'’.-]*(?:[ ][A-Z][\w'’.-]*){1,3})")
_INTERVIEWER_DECLARED = re.compile(r"Interviewed by:?[ \t]+|Interviewer:[ \t]+")
_INTERVIEWED_BY = re.compile(r"(?i)\binterviewed[ \t]+by\b|\binterviewer:")
_DECLARING_CHARS = 3000  # where an oral history's header is: its opening
_HEADER_CHARS = 2000  # the most text above the first label read as a header, no one's words
_DECLARATIONS_READ = 8  # (each name found is looked for through the whole text)
_AFTER_SENTENCE = ".?!…\"”])"


def _declared_names(text: str) -> dict[str, bool]:
    """{name: whether the header says it is the interviewer's} for the names an oral history's opening declares and
    the text writes with a colon after them ("Craig Addison:"); the shortest form written so."""
    names: dict[str, bool] = {}
    for m in itertools.islice(_DECLARED_NAME.finditer(text, 0, _DECLARING_CHARS), _DECLARATIONS_READ):
        words = m.group("name").split()
        for n in range(2, len(words) + 1):
            name = " ".join(words[:n])
            if text.find(name + ": ", m.end("name") - len(m.group("name"))) >= 0:
                names.setdefault(name, bool(_INTERVIEWER_DECLARED.fullmatch(text, m.start(), m.start("name"))))
                break
    return names


def _declared_labels(text: str, parsed: list[ParsedTurn], names: dict[str, bool]) -> list[ParsedTurn]:
    """The turns cut at the names an oral history's header declares (`names`, _declared_names), written with a colon
    at a paragraph's start or after a sentence ("... in the field. Jay Last: Sure, I was born ..."), where two such
    names or more are written with a colon: a PDF's text run together on one line. The interviewer a host, the others
    guests. Else the turns as they are."""
    if len(names) < 2:
        return parsed
    cuts = []  # (label start, words start, name)
    for name in names:
        at = text.find(name + ": ", parsed[0].start_char)
        while at >= 0:
            j = at  # (back over the spaces before it: each occurrence's own run, so linear over the text)
            while j > 0 and text[j - 1] in " \t":
                j -= 1
            if j == 0 or text[j - 1] == "\n" or text[j - 1] in _AFTER_SENTENCE:
                cuts.append((at, at + len(name) + 1, name))
            at = text.find(name + ": ", at + len(name))
    if not cuts:
        return parsed
    cuts.sort()
    out: list[ParsedTurn] = []
    k = 0
    for t in parsed:
        inside = []
        while k < len(cuts) and cuts[k][0] < t.end_char:
            if cuts[k][0] >= t.start_char:
                inside.append(cuts[k])
            k += 1
        if not inside:
            out.append(t)
            continue
        for a, b, line, name in parts_between(text, t, inside):
            if name is None:  # the words before the first name
                out.append(replace(t, end_char=b))
            else:
                out.append(ParsedTurn(start_char=a, end_char=b, line=line, speaker_label=name,
                                      role_hint="host" if names[name] else "guest"))
    return out


def _header_before_first_label(text: str, parsed: list[ParsedTurn], declared: dict[str, bool]) -> list[ParsedTurn]:
    """The turns less the unlabelled ones before the first label, where they are an oral history's header (they say
    who interviewed whom, "INTERVIEWED BY ROY NEAL", in fewer than 2,000 characters): no one says them. The header
    runs into the first turn where a PDF's text is one line ("... 20 FEBRUARY 1998 NEAL: This is ..."): the first of
    the labels (or of the names the header declares, `declared`) written there with a colon starts that turn."""
    first = next((i for i, t in enumerate(parsed) if t.speaker_label), 0)
    if not first or parsed[first - 1].end_char - parsed[0].start_char > _HEADER_CHARS:
        return parsed
    last = parsed[first - 1]
    hints = {t.speaker_label: t.role_hint for t in parsed if t.speaker_label}
    hints.update((name, "host" if asks else "guest") for name, asks in declared.items() if name not in hints)
    opening = min(((at, label) for label in hints if (at := text.find(label + ": ", last.start_char, last.end_char)) >= 0),
                  default=None)
    head_end = opening[0] if opening else last.end_char
    if not _INTERVIEWED_BY.search(text, parsed[0].start_char, head_end):
        return parsed
    if opening is None:
        return parsed[first:]
    at, label = opening
    a, b = trim(text, at + len(label) + 1, last.end_char)
    turn = ParsedTurn(start_char=a, end_char=b, line=last.line + text.count("\n", last.start_char, a), speaker_label=label,
                      role_hint=hints[label])
    return ([turn] if b > a else []) + parsed[first:]


def _title(text: str, end: int) -> str:
    """The first of the highest-level headings before `end`, without its #s and bold marks; "" if none."""
    headings = [(len(m.group("level")), m.group("heading") or "") for m in map(_LAYOUT_LINE.fullmatch, text[:end].split("\n"))
                if m and m.group("level") and not _TIME_HEADING.match(m.group(0).lstrip(" \t") + "\n")]
    if not headings:
        return ""
    return min(headings, key=lambda h: h[0])[1].replace("**", "").strip(" \t#")


# Happy Scribe's transcript embedded in a blog post (a WordPress post exported to Markdown: a div "hs-embed-placeholder"
# holding the heading "[ Listen: <title> – powered by Happy Scribe](...)" and a paragraph per caption line, closed before
# the "hs-embed" div): its paragraphs are the words; the post's prose, its HTML and its sections around it no one's
_HAPPY_SCRIBE_OPEN = re.compile(
    r'<div id="hs-embed-placeholder"[^>\n]{0,400}>(?:[ \t]*#{1,6}[ \t]+\[[ \t]*Listen:[ \t]*'
    r"(?P<title>[^\]\n]{1,200}?)[ \t]*[–—-][ \t]*powered by Happy Scribe\][^\n]*)?")
_HAPPY_SCRIBE_CLOSE = re.compile(r'</div>[ \t]*<div class="hs-embed"')


def _embedded_transcript(text: str) -> re.Match | None:
    """The opening of Happy Scribe's embedded transcript where the text holds one, closed; else None."""
    opening = _HAPPY_SCRIBE_OPEN.search(text) if "hs-embed-placeholder" in text else None
    return opening if opening and _HAPPY_SCRIBE_CLOSE.search(text, opening.end()) else None


# a line introducing the transcript below it, a colon closing it (French spacing before it or not), as a radio's page
# sets it straight above the first line said ("Retranscription des premières minutes :"); a transcript's word in it, no
# sentence's end, so that the words of someone announcing a quote stay said
_TRANSCRIPT_INTRODUCED = re.compile(
    r"[ \t]*[^\n:.?!]{0,80}?(?i:\b(?:re)?transcription|\btranscript|\btranskript|\btranscrição|\btranscripción|\btrascrizione"
    r"|\bmitschrift|\bwortlaut|\bverbatim|\bстенограмма|\bрасшифровка)[^\n:.?!]{0,80}[:：][ \t]*\r?\n")


def parse(text: str, *, source: str) -> ParsedSource:
    """Text in, ParsedSource with one unlabelled turn per paragraph out."""
    lines = LineIndex(text)
    turns = []
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        turns.append((pos, m.start()))
        pos = m.end()
    turns.append((pos, len(text)))
    embed = _embedded_transcript(text)
    if embed:  # only the embed's paragraphs
        inside = (embed.end(), _HAPPY_SCRIBE_CLOSE.search(text, embed.end()).start())
        turns = [(max(a, inside[0]), min(b, inside[1])) for a, b in turns if b > inside[0] and a < inside[1]]
    parsed = []
    seconds = None
    head: list[str] = []
    first_heading = _first_heading(text, turns)
    fields_at = None  # the line of the first paragraph of a header's fields only, where one was left out
    for k, (a, b) in enumerate(turns):
        a, b = trim(text, a, b)
        heading = _TIME_HEADING.match(text, a, b) if b > a and text[a] == "#" else None
        if heading:  # "# 00:05:00" above the words: their time, not words
            seconds = parse_clock(heading.group("time"))
            a, b = trim(text, heading.end(), b)
        mark = _OPENING_MARK.match(text, a, b) if b > a and text[a] == "[" else None
        if mark and mark.end() < b:  # "[00:00:05] My name is ...": the paragraph's time
            seconds = parse_clock(mark.group("time"))
            a = mark.end()
        if not parsed and SERVICE_NOTE.fullmatch(text, a, b):  # a paragraph of its own above the words
            continue
        if not parsed and _generated_note(text, a, b):
            continue
        if k < _ACCURACY_NOTE_PARAGRAPHS and b > a and (note := _ACCURACY_NOTE.match(text, a, b)):
            a = trim(text, note.end(), b)[0]
            parsed.clear()
        if (not parsed and b > a and k < _HEADER_PARAGRAPHS and len(turns) - k > 2 and not _layout_only(text, a, b)
                and not text.startswith("- ", a)  # a caption's dash where a voice starts (DownSub's text): words
                and (lines_of := header_lines(text, a, b))):
            head += lines_of  # the title, show, day above the words: nobody says them
            continue
        if not parsed and b > a and k < first_heading and _no_sentence(text, a, b):
            continue  # a Markdown talk's name, links and "see also:" list above its first section: nobody says them
        if not parsed and b > a and (intro := _TRANSCRIPT_INTRODUCED.match(text, a, b)) and intro.end() < b:
            a = trim(text, intro.end(), b)[0]  # "Retranscription des premières minutes :" above the words, no blank line
        if b > a and not _layout_only(text, a, b) and (parsed or not _header_fields_only(text, a, b)):
            parsed.append(ParsedTurn(start_char=a, end_char=b, line=lines.line(a), start_seconds=seconds))
            seconds = None
        elif b > a and fields_at is None and not parsed and not _layout_only(text, a, b):
            fields_at = lines.line(a)
    parsed = inline_questions_and_answers(text, parsed)  # an oral history's "Q: ... A: ..." on one long line
    parsed = inline_timed_labels(text, parsed)  # a blog page's "Speaker 1: (00:00) ... Mr. Stewart: (00:29) ..." on one line
    parsed = change_marks(text, parsed)  # a caption archive's ">> on washington journal ..." inside its lines
    parsed = _caption_dashes(text, parsed)  # a caption site's text: "- What is a current?" where a voice starts
    parsed = labels_in_capitals(text, parsed, in_prose=True)  # a lecture's "DAVID MALAN:", "KHALID:" in its paragraphs
    declared = _declared_names(text) if parsed and not any(t.speaker_label for t in parsed) else {}
    parsed = _declared_labels(text, parsed, declared)  # an oral history's PDF text: "... Craig Addison: Jay, could you ..."
    parsed = _header_before_first_label(text, parsed, declared)  # "... INTERVIEWED BY ROY NEAL ... 1998 NEAL: This is ..."
    parsed = _dash_questions(text, parsed)  # "――まず、...を教えてください。" above each answer
    parsed = _bold_questions(text, parsed)  # "**What changed for you in 2023?**" above each answer
    parsed = _dialogue_dashes(text, parsed)  # "—¿A qué hora empieza?" / "—A las cuatro."
    parsed = _header_above_labels(text, parsed, head)  # a news show's "... full episode Jan. 3, 2020" above its labels
    parsed = _anchor_introduced(text, parsed)  # "JUDY WOODRUFF: Good evening. I'm Judy Woodruff."
    if not parsed and fields_at is not None:
        # was "no transcript text found": the words are there, in lines read as a header's
        return refused(NAME, source, fields_at, "no one's words: every line is a 'Field: value' line, as a header or a "
                       "glossary writes them (not a conversation's labels: each names one line, or there are more than 20)")
    start = parsed[0].start_char if parsed else 0
    end = parsed[-1].end_char if parsed else 0
    title = (embed.group("title") or "") if embed else (_title(text, start) if start else "")
    metadata = header_facts(head) if head else Metadata()
    metadata = replace(metadata, title=title or metadata.title)
    speaker = talk_speaker(text[:start]) if first_heading >= 0 and start and not (metadata.hosts or metadata.guests) else None
    if speaker:
        metadata = replace(metadata, guests=(speaker,), single_speaker=True)
    return ParsedSource(format=NAME, metadata=metadata, turns=tuple(parsed), content_start=start, content_end=end)
