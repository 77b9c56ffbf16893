"""Labelled transcripts: "Name: text" lines, with or without [hh:mm:ss] time marks.

Shapes read (as podcast sites, Otter, Descript and diarised Whisper output write them):
    [00:01:23] Jane Doe: text            Jane Doe [00:01:23]: text
    00:01:23 Jane Doe: text
    Jane Doe (01:23): text               SPEAKER_00: text
    Jane Doe – 00:01:23: text            (a dash before the time: Stephan Livera's transcripts)
    Jane Doe:                            (label alone, the text on the following lines)
    Jane Doe  1:23                       (Otter's export: name and time alone, no colon)
    0:00 Jane Doe  1:23                  (the same with a converter's time before every line: Python Bytes)
    Jane Doe [00:01:23]                  (Descript's, Happy Scribe's: the same, the time in brackets)
    **Jane Doe:** text                   (Markdown, as blogs and newsletters print them)
    **JANE DOE, SECRETARIA DE ECONOMÍA:** text   (a name and its post in capitals, in bold or not, and a name of
                                         five or six words in capitals: the Mexican presidency's transcripts)
    Jane Doe (00:01:23) text             (no colon: Lex Fridman's transcript pages)
    0:01:23.4 **Jane Doe** text          (no colon: Orbit FM's transcripts)
    [Jane Doe] / # Jane Doe              (the name alone on a line, the words below: MacWhisper; Markdown
                                         headings; counted only where it heads two or more turns)
    00:00:07 Jane Doe                    (a time and the name alone on a line, the words below: Word's
                                         Transcribe, "Speaker 2" or the name given; counted the same way)
    [00:00:15 → 00:01:02] **Jane Doe:** text   (a time range in brackets: Transcribo's Markdown)
    JANE DOE / Jane Doe                  (a name alone on a line, no mark, the words below: an interview typed
                                         as a script, Otter's export without times; two such names each
                                         heading two turns or more)
    {{< transcript "JANE: text" >}}      (a Hugo shortcode's argument: the first turn, to the closing quote)
    Speaker 3                            (a diariser's numbered name alone on a line, the words below; it
                                         counts once too, bare or "[Speaker 3]")
    Jane Doe -- Chief Executive Officer  (an earnings call's name and title alone on a line, the words below,
    Operator                             and the operator's "Operator" alone: the Motley Fool's transcripts)
    Jane Doe                             (a name alone, a blank line, the words: Seeking Alpha's earnings calls,
                                         the name listed under "Company Participants" or "Conference Call
                                         Participants" above; a label once too)
    The Minister for Roads (Jane Doe):   (the UK Parliament's Hansard: an office, the person in brackets)
    1. JANE DOE (Party—Seat) to the Minister of Roads: text   (New Zealand's Hansard: a numbered oral question)
    M. Jean Dupont. text                 (the French chambers' record: "M."/"Mme", the name or the office,
    Mme la présidente. text              "le président", a full stop; a minister's post after a comma once)
The colon may be a full-width one, "Su Zhu：" (U+FF1A, as Uncommon Core's transcripts write it), with
no space after it in Chinese ("主持人：请..."); a name may open with an accented capital ("Élodie :")
or a Chinese, Japanese or Korean character ("受访者：", iFlytek's "说话人1 00:00").
A line inside a turn that opens with a bracketed time ("(00:01:40) text", "\\[00:01:40.06\\] text")
is the same speaker going on at that time: a turn of its own, with the same label; a turn whose
text opens with one and whose label has none takes that time.
Lines without a label continue the previous turn; text before the first label (a page
title, say) is outside the content: a magazine's introduction before its first "Q:" and a show's
notes are prose. The exception is a talk before its "Question:" / "Answer:" exchange written in
paragraphs that each open with their time linked to the video ("[03:12](https://youtu.be/...) The
first lesson..."), two or more just above the first label: speech, the answering speaker's. To keep "Note: ..." or "Update: ..." from becoming
speakers, a name counts as a label when it labels at least two lines, is a diariser's
("Speaker 02", "SPEAKER_01"), or the file has at most two distinct labels; a name used once
counts where it is written as the established labels are (the same pattern, bold or bracketed
alike, a time or none, untimed in capitals or not), looks like a name (one to four capitalised words; two
or more where every established name has two or more, unless the one is the first name of someone the text's
opening names in full: a podcast's "JEN:" beside "MARK MANDEL:", "Jen Person" in its notes) and either comes after the first
established label or carries a time (a header's "Date: ..." or "Interviewee: ..." has none).
More than 20 names are no conversation (a glossary's "Term: ..." lines) unless every one is a diariser's
numbered voice ("Speaker 1" .. "Speaker 99" of a panel, each heard once or more); more than 1000 of those
are refused, saying so.
The labels must make a fifth of the lines from the first on; a hard-wrapped conversation's lines are
counted as they were before the wrap (_wrapped_conversation). One label alone makes a labelled file
only as one member's statement: a title and a surname in capitals and a period ("Chairman HAMILTON."),
the text's first line; or as one lecturer's: a name of two to four words in capitals and its colon alone on
its line, only a title and a notice above it, the lecture below it speaking to its hearers ("GILBERT STRANG:",
MIT OpenCourseWare's transcripts as their PDFs' text gives them, the label in the page's left column).
A name whose every line goes on with the same words and a colon, or with the same words in title case
alone, is a title written again ("Talk: Subtitle: this mp4 audio file was automatically transcribed by
Sonix", twice; "Part One: The Long Winter" above two sections); where a file has two
names, the first used once, above the other's lines and written otherwise ("Author: ..." above
"**Speaker1:**"), it is a header's field.
A bare time alone on a line between turns (Google Meet's "00:05:00" every five minutes) is the
next turn's time; Meet's "Meeting ended after 00:04:19" line ends the turn before it, and so does
Teams' "Lena Ortiz stopped transcription" where the head says who started it. A last line crediting the
transcriber (Otter's, ASAP Sports', Sonix's) is no one's words.
Time marks that go backwards are errors, but for overlapping speech (a step back of up to a second).
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from dataclasses import replace

from ..errors import IngestError
from ..names import NAME_ARTICLES, NAME_PARTICLES
from ..records import Metadata, ParsedSource, ParsedTurn
from ._capitals import labels_in_capitals
from ._head import (
    HEAD_DATE, day_closing_line, day_of_line, day_opening_line, field_title, several_hosts_of_line, show_above_marked_title,
    talk_speaker,
)
from ._hearing import STATES, hearing_roles, members_ask
from ._common import (
    CJK_LETTERS, EXAMINER_LINE, NOT_NAMES, SAID_WORDS, court_and_counsel_ask, examiners_and_witness, format_clock, inline_questions_and_answers, iter_lines, parse_clock,
    parse_date, reads_as_prose, refused, trim,
)

NAME = "labelled"

TIME = _TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
# what a name's words open with: a capital, also an accented one ("Élodie", "Ángel Pérez"), a Greek
# or Cyrillic one ("Ведущий:", "Сергей Брин:"), or a letter of a script without capitals: Hebrew,
# Arabic ("المحاور:"), Devanagari, Chinese, Japanese, Korean ("主持人：", iFlytek's "说话人1 00:00")
_CAPITAL = ("A-ZÀ-ÖØ-Þ\u0100-\u017f\u0386-\u03ab\u0400-\u042f\u0490\u05d0-\u05ea\u0620-\u064a\u066e-\u06d3"
            "\u0904-\u0939\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af")
# a name's particle and article before its next capitalised word (names.NAME_PARTICLES)
_PARTICLE = rf"(?:(?:{'|'.join(NAME_PARTICLES)})(?:[ ](?:{'|'.join(NAME_ARTICLES)}))?[ ])"
# the marks inside a word that \w does not match: Devanagari's vowel signs ("राम"), Hebrew's points, Arabic's harakat,
# and the middle dot between a foreign name's parts in Chinese and Japanese ("马克·安德森", "ジョン・スミス")
_MARKS = "\u0591-\u05c7\u064b-\u065f\u0670\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963·・"
_NAME_WORDS = rf"[{_CAPITAL}][\w{_MARKS}.'’-]*(?:[ ]{_PARTICLE}?[{_CAPITAL}0-9(][\w{_MARKS}.'’()-]*){{0,3}}?"
_NAME = rf"(?P<name>{_NAME_WORDS})"
# two people answering together, their names joined by a slash ("**Ce / Vipul** [00:00:20]: Thank you.", Latent Space's
# transcripts): a speaker of its own, in bold labels only
_JOINT_NAME = rf"(?P<name>{_NAME_WORDS}(?(opening_bold)(?:[ ]/[ ]{_NAME_WORDS}(?=\*\*))?))"
# a broadcaster's part after the name, on its first mention ("NICK FOUNTAIN, HOST:", NPR), or a
# title in capitals after a name in capitals ("ANDERSON COOPER, CNN ANCHOR:", "EV WILLIAMS,
# TWITTER, CO-FOUNDER AND CEO:", CNN's transcripts); then a note of how the words reached the
# air ("COOPER (on camera):", "PUTIN (through translator):")
# the words naming an interview's parts, in English and in the languages of the interviews read here
# (Spanish, Portuguese, German, French, Dutch, and below): "Sandra Salinas, Entrevistadora:", "Interviewer:"
HOST_ROLES = (
    "co-host", "host", "anchor", "moderator", "moderatorin", "interviewer", "interviewerin",
    "entrevistadora", "entrevistador", "moderadora", "moderador", "presentadora", "presentador", "apresentadora",
    "apresentador", "intervieweuse", "intervieweur", "animatrice", "animateur", "modératrice", "modérateur",
    "gespreksleider", "presentatrice", "presentator",
    # Russian, Arabic, Hebrew, Japanese, Korean, Hindi, Turkish, Italian; a journalist (Chinese 主持人 and 采访者: attribute._HOST_WORD)
    "интервьюер", "ведущий", "ведущая", "корреспондент", "المحاور", "المحاورة", "المذيع", "المذيعة", "المقدم",
    "מראיין", "מראיינת", "מנחה", "インタビュアー", "聞き手", "인터뷰어", "진행자", "사회자",
    "साक्षात्कारकर्ता", "सूत्रधार", "sunucu", "röportajcı",
    "intervistatrice", "intervistatore", "conduttrice", "conduttore", "journaliste", "periodista", "jornalista", "giornalista",
)
GUEST_ROLES = (
    "guest", "interviewee", "byline", "entrevistada", "entrevistado", "invitada", "invitado", "convidada",
    "convidado", "befragter", "befragte", "interviewte", "interviewter", "gast", "interviewée", "interviewé",
    "invitée", "invité", "geïnterviewde",
    "гость", "гостья", "респондент", "الضيف", "الضيفة", "אורח", "אורחת", "ゲスト", "게스트", "출연자", "嘉宾", "受访者",
    "अतिथि", "मेहमान", "konuk", "misafir", "intervistata", "intervistato", "ospite",
)
# the parts a press conference's transcript labels instead of a name, in Spanish: the reporter asking
# ("PREGUNTA:", "INTERLOCUTORA:", "REPORTERO:") and the answer ("RESPUESTA:")
ASKING_PARTS = ("pregunta", "interlocutora", "interlocutor", "reportera", "reportero")
ANSWERING_PARTS = ("respuesta",)
_ROLE = (
    r"(?:,[ \t]*(?:(?P<role>(?i:" + "|".join(HOST_ROLES + GUEST_ROLES) + "))"
    # (a title ends on no space, or on spaces only before a note in brackets, so that a run of spaces after it is read
    # once, not again for each length of the title inside it)
    r"|(?P<title>[A-Z0-9\"“](?:[A-Z0-9 .,&'’\"“”()/-]{0,99}?[A-Z0-9.,&'’\"“”()/-])?(?:[ ]{1,100}(?=[ \t]\())?)))?"
    # a note of how the words reached the air ("(on camera)"), or the speaker's organisation or post in brackets (a
    # press conference's "Dr Amina Kollar (WHO Director-General):", "Lena Marsh (Radio Nord):"; not a short form
    # declared, "Interviewer (I):", nor a party, "LEE (D):")
    r"(?:[ \t]\((?:[a-z][a-z -]{1,30}|(?P<affiliation>[A-Z](?![A-Z0-9]{0,3}\)|[A-Z]?-[A-Z]{2}\))[^()\n:]{1,80}))\))?"
)
# the invisible marks that set the direction of right-to-left text (an Arabic or Hebrew transcript
# from a word processor or a chat export: U+200F before "المحاور:"), read as spaces around a name;
# before the colon also the no-break space French word processors type there ("Journaliste\u00a0: ...",
# or the narrow U+202F)
_BIDI = "\u200e\u200f\u202a-\u202e\u2066-\u2069"
# (the time after the name may be a range, its start counting: "Dario Amodei (00:00:59 - 00:01:00):", interview notes')
LABEL_LINE = re.compile(
    rf"^(?P<t0>)[ \t{_BIDI}]*(?:[\[(](?P<t1>{_TIME})[\])][ \t]*(?:[-–—][ \t]*)?)?"
    + _NAME + _ROLE
    + rf"[ \t{_BIDI}\u00a0\u202f]*(?:[\[(](?P<t2>{_TIME})(?:[ \t]*[-–][ \t]*{_TIME})?[\])][ \t]*|[-–—][ \t]*(?P<t3>{_TIME})[ \t]*)?(?:(?::[ \t]+|：[ \t]*)(?P<rest>\S)|[:：][ \t]*\r?$)"
)
# a person's name and a part in other words after the comma, any case ("Indira Gutiérrez, inquilina del
# coworking A255:", "Fabiola Pineda, Administradora de A255:"): a label only where the name's initials
# or the name itself label other lines (_parts_with_initials)
PART_LABEL_LINE = re.compile(
    rf"^[ \t]*(?P<t0>)(?P<t1>)(?P<name>[{_CAPITAL}][\w.'’-]*(?:[ ][{_CAPITAL}][\w.'’-]*){{1,3}}),[ \t]*"
    r"(?P<part>[^\W\d_][\w'’()/-]*(?:[ ][\w'’()/-]+){0,7})(?P<t2>)[ \t]*(?:[:：][ \t]+(?P<rest>\S)|[:：][ \t]*\r?$)"
)
# a name in capitals and its post in capitals after a comma, in Markdown bold, the colon inside the
# bold or after it ("**MARÍA LUISA ALBORES GONZÁLEZ, SECRETARIA DEL BIENESTAR:** Buenas tardes."), or a
# name in capitals of five or six words, a post before it ("PRESIDENTE ANDRÉS MANUEL LÓPEZ OBRADOR:"): the
# Mexican presidency's published transcripts ("versión estenográfica"); the name before the comma is the speaker
_CAPITALS = "A-ZÀ-ÖØ-Þ"
CAPITALS_LABEL_LINE = re.compile(
    rf"^[ \t]*(?P<t0>)(?P<t1>)(?P<bold>\*\*|__)?(?P<name>[{_CAPITALS}][{_CAPITALS}.'’-]*(?:[ ][{_CAPITALS}][{_CAPITALS}.'’-]*){{0,5}})"
    rf"(?:,[ \t]*(?P<post>[{_CAPITALS}][{_CAPITALS}0-9 .,&'’()/-]{{0,150}}?))?(?P<t2>)[ \t]*"
    r"(?(bold)(?:(?:\*\*|__)[ \t]*[:：]|[:：][ \t]*(?:\*\*|__))|[:：])(?:[ \t]+(?P<rest>\S)|[ \t]*\r?$)"
)
# a name of two to four capitalised words, its colon glued to the words ("Claire Brown:Welcome back ...", Captivate's
# episode pages as text): a label only where it labels two lines or more (_label_lines), so that a note's "Action
# Item:Paint ..." once stays words
GLUED_LABEL_LINE = re.compile(
    rf"^[ \t]*(?P<t0>)(?P<t1>)(?P<name>[{_CAPITAL}][\w'’.-]*(?:[ ][{_CAPITAL}][\w'’.-]*){{1,3}})(?P<t2>):(?P<rest>[{_CAPITAL}])(?=[\w'’ ])"
)
# the rarer shapes, tried where LABEL_LINE fails (so that the common one stays one cheap match):
# a time or a time range in brackets before the name (Transcribo's "[00:00:15 → 00:01:02] **Jane Doe:**");
# a bare time before the name; Markdown bold around it, with the no-break space some blogs leave
# inside ("**CHUCK:&nbsp;** Hey", Adventures in Angular), or a Kramdown class after it
# ("**Interviewer:**{: .text-yellow-000}", Jekyll sites); the name in brackets ("[Int2]: text"); the
# time linked to the video at that point ("[55:16](https://youtu.be/...?t=3316) **Question**: ..."); the time and
# the name in one bold, as meeting-notes tools write Markdown ("**[00:00:05] Owen Bale:** Thanks.")
LABEL_LINE_MORE = re.compile(
    rf"^[ \t{_BIDI}]*(?:(?:(?:\*\*|__)(?=[\[(]))?(?:[\[(](?P<t1>{_TIME})(?:[ \t]*(?:→|-->|[-–—])[ \t]*{_TIME})?[\])](?:\([^)\s]*\))?|(?P<t0>{_TIME})(?=[ \t]))[ \t]*(?:[-–—][ \t]*)?)?"
    r"(?:(?P<opening_bold>\*\*)|__|\[)?" + _JOINT_NAME + r"(?:\*\*|__|\])?"
    rf"[ \t]*(?:[\[(](?P<t2>{_TIME})[\])][ \t]*)?[:：](?:&nbsp;)*(?:\*\*|__)?(?:\{{:[^}}\n]*\}})?"
    # no space needed after a full-width colon ("**主持人**：在这方面...")
    r"(?:(?:[ \t]+|(?<=：)|(?<=：\*\*)|(?<=：__))(?P<rest>\S)|[ \t]*\r?$)"
)
# a bold label wrapped in italics, as web clippers and site generators write a magazine's Q&A: "_**Futurism: question?**_"
# (the publication's question in the same emphasis), "_**Baraniuk:**_ words", "**_Casco-Rodriguez:_** words",
# "_**Futurism:** **question?**_", "***ECR:** *question*" (an academic blog's: the label in bold inside the italics);
# an emphasis mark opening the words is outside them
EMPHASISED_LABEL_LINE = re.compile(
    r"^[ \t]*(?:\*\*\*|_\*\*|\*\*_)(?P<t0>)(?P<t1>)" + _NAME + r"(?P<t2>)[:：](?:\*\*_?|_\*\*|_|\*)?"
    r"(?:[ \t]+(?:(?:\*\*|[*_])(?=\w))?(?P<rest>\S)|[ \t]*\r?$)"
)
# Otter's header line: the name, spaces and a time, nothing else (the groups LABEL_LINE has); the
# same with a middle dot or a bar between them, as players' transcript panels set them ("Narration · 00:07:24");
# the name in brackets and the time of day, as Zoom saves a meeting's captions ("[Jane Doe] 15:05:17",
# meeting_saved_closed_caption.txt: caiobonfante/vexa's test_data);
# a converter may have put a time before every line of the export, the name's too ("0:00 Michael
# Kennedy  00:13", then "0:00 Welcome, Adam.": Python Bytes' transcripts), the one after the name counts;
# the time in brackets may be a range, the start counting ("[Speaker 1] (0:00 - 0:09)", TurboScribe's export);
# the name may be bold, the time in brackets after it ("**Kevin Roose** (0:30)", a transcript site's Markdown)
HEADER_LINE = re.compile(
    rf"^[ \t]*(?:(?P<lead>{_TIME})[ \t]+)?(?P<t0>)(?P<t1>)(?:(?P<bracket>\[)|(?P<bold>\*\*))?" + _NAME
    + rf"(?(bracket)\])(?(bold)\*\*)[ \t]+(?:[·•|–—][ \t]+)?(?:(?P<t2>{_TIME})|[\[(](?P<t3>{_TIME})(?:[ \t]*[-–][ \t]*{_TIME})?[\])])"
    + r"[ \t]*(?P<rest>)\r?$"
)
# Lex Fridman's site and others like it: the name, the time in brackets, the text; no colon
# ("Lex Fridman (00:01:23) text", "Lex Fridman(00:01:23) text" as a page's spans render); the name
# may be bold ("**Emma** [0:00] text", Ladybug) or bracketed ("[Speaker 1] [00:00] text", Oxide and Friends)
TIMED_NAME_LINE = re.compile(
    r"^[ \t]*(?P<t0>)(?P<t1>)(?:\*\*|__|\[)?" + _NAME + rf"(?:\*\*|__|\])?[ \t]*[\[(](?P<t2>{_TIME})[\])][ \t]*(?P<rest>\S)"
)
# Orbit FM's: a bare time, the name in bold, the words, no colon ("0:00:12.6 **Adam Garrett-Harris** Hello")
TIME_BOLD_NAME_LINE = re.compile(
    rf"^[ \t]*(?P<t0>{_TIME})(?P<t1>)[ \t]+\*\*[ \t]*" + _NAME + r"[ \t]*\*\*(?P<t2>)[ \t]+(?P<rest>\S)"
)
# ArrayCast's: a bare time and the name in brackets alone on a line, the words below
# ("00:00:36 [Conor Hoekstra]"; "00:00:26 [MUSIC]" is a note, not a name: NOT_NAMES); Word's
# Transcribe writes it without the brackets ("00:00:07 Speaker 2", or the name given instead),
# a label only where the words follow on the next line, not a timed line of words ("0:07 Yeah")
TIME_THEN_NAME_LINE = re.compile(
    rf"^[ \t]*(?P<t0>{_TIME})(?P<t1>)[ \t]+(?P<bracket>\[)?" + _NAME + r"(?(bracket)\])(?P<t2>)[ \t]*(?P<rest>)\r?$"
)
# a timecode in brackets, a dash and the name alone on a line, the words below, the name bold or not
# ("[00:00:42.28] - **Daira Emma**": ZcashCommunityGrants/arboretum-notes' call notes; "[00:01:02.02] -
# Speaker 1" in a course's transcript notes)
TIME_DASH_NAME_LINE = re.compile(
    rf"^[ \t]*(?P<t0>)\[(?P<t1>{_TIME})\][ \t]*[-–—][ \t]*(?P<bold>\*\*|__)?" + _NAME + r"(?(bold)(?:\*\*|__))(?P<t2>)[ \t]*(?P<rest>)\r?$"
)
# a Markdown heading holding the time in brackets and the name, the words on the lines below ("### [00:01:04] John":
# an episode transcript a podcast's volunteers publish from whisper.cpp's output)
HEADING_TIME_NAME_LINE = re.compile(
    rf"^[ \t]*#{{1,6}}[ \t]+(?P<t0>)\[(?P<t1>{_TIME})\][ \t]+" + _NAME + r"(?P<t2>)[ \t]*(?P<rest>)\r?$"
)
# a name alone on a line, the words below: in brackets (MacWhisper's "[Eleanor Scerri]") or as a
# Markdown heading ("# Interviewer", interviews converted from Word); such a name counts only where it
# heads two or more turns, so that a document's "## Summary" stays a heading
NAME_ALONE_LINE = re.compile(r"^[ \t]*(?P<t0>)(?P<t1>)(?:\[|#{1,6}[ \t]+)" + _NAME + r"\]?(?P<t2>)[ \t]*(?P<rest>)\r?$")
# a Hugo shortcode whose quoted argument is the first turn, the rest of the transcript inside it (the
# Google Cloud Platform Podcast's '{{< transcript "FRANCESC: Hi, and welcome to episode 17 ..." >}}',
# a note in brackets before the name at times: '"[MUSIC PLAYING] MARK: Hi ..."'); the turn ends at the quote
SHORTCODE_LINE = re.compile(
    r'^[ \t]*\{\{[<%][ \t]*[\w./-]+[ \t]+"(?P<t0>)(?P<t1>)(?:\[[^\]"\n]{1,40}\][ \t]*)?' + _NAME
    + r'(?P<t2>):[ \t]+(?P<rest>[^\s"])'
)
_SHORTCODE_CLOSE = re.compile(r'"[ \t]*[>%]\}\}[ \t]*\r?$')
# a name in capitals alone on a line, the words below, no colon, as a script sets it ("TERRY GROSS", then her
# words; interviews typed in a word processor): counted only where it heads two or more turns, the words on the
# next line, so that a document's "INTRODUCTION" stays a heading
CAPITALS_ALONE_LINE = re.compile(
    rf"^[ \t]*(?P<t0>)(?P<t1>)(?P<name>[{_CAPITALS}][{_CAPITALS}.'’-]*(?:[ ][{_CAPITALS}][{_CAPITALS}.'’-]*){{0,3}})(?P<t2>)[ \t]*(?P<rest>)\r?$"
)
# the same in title case (Otter's text export without times: "Maria Lopez", then her words)
BARE_NAME_ALONE_LINE = re.compile(r"^[ \t]*(?P<t0>)(?P<t1>)" + _NAME + r"(?P<t2>)[ \t]*(?P<rest>)\r?$")
# factba.se's transcript pages as their text reads: the speaker's name alone, a blank line, the sentiment the site
# scored the paragraph, its time range and length ("00:00:05-00:00:07 (2 sec)"), then the words in quotes and the
# paragraph's number ("\"Appreciate it. Thank you.\" 3")
FACTBASE_NAME_LINE = re.compile(r"^[ \t]*(?P<t0>)(?P<t1>)" + _NAME + r"(?P<t2>)[ \t]*(?P<rest>)\r?$(?#factbase)")
_FACTBASE_SENTIMENT = re.compile(r"[ \t]*(?:(?:Very|Somewhat|Leans)[ ](?:Positive|Negative)|Neutral)[ \t]*\r?")
_FACTBASE_RANGE = re.compile(r"[ \t]*(?P<start>\d{2}:\d{2}:\d{2})-\d{2}:\d{2}:\d{2}[ ]\([^)\n]{0,12}sec\)[ \t]*\r?")
_FACTBASE_WORDS = re.compile(r"[ \t]*\"(?P<words>[^\n]*)\"[ \t]+\d+[ \t]*\r?$")
_ALONE_WITHOUT_MARK = (CAPITALS_ALONE_LINE, BARE_NAME_ALONE_LINE)
# a Markdown table's row holding the label in its first cell and the words in the second, bold or not: a PDF's two
# columns, the labels' and the words', as a converter sets them (an MIT OpenCourseWare lecture transcript converted
# to Markdown: "|**JEFF GORE:**|**So methylation, ...**<br>**guess because ...**|")
TABLE_LABEL_LINE = re.compile(
    r"^[ \t]*\|[ \t]*(?P<t0>)(?P<t1>)(?:\*\*|__)?" + _NAME + r"[ \t]*(?:\*\*|__)?[ \t]*[:：][ \t]*(?:\*\*|__)?(?P<t2>)[ \t]*\|[ \t]*"
    r"(?P<rest>[^\s|])"
)
# a table's rule under its first row ("|---|---|", "| :--- | ---: |"), and a PDF's page number alone on its line
_TABLE_RULE_OR_PAGE = re.compile(r"[ \t]*(?:\|(?:[ \t]*:?-{3,}:?[ \t]*\|)+|\d{1,4})[ \t]*\r?")
# an earnings call as Seeking Alpha prints it: its participants listed under "Company Participants" and
# "Conference Call Participants" ("Jane Roe - Chief Financial Officer"), then each one's name alone on a line
# over a blank line and their paragraphs; a listed name alone on its line is a label, once too (its older pages
# head the lists "Executives" and "Analysts")
_ROSTER_HEADINGS = frozenset({"Company Participants", "Conference Call Participants", "Executives", "Analysts"})
_COMPANY_ROSTERS = frozenset({"Company Participants", "Executives"})
_ROSTER_LINE = re.compile(rf"[ \t]*(?P<name>[{_CAPITAL}][\w.'’-]*(?:[ ][{_CAPITAL}][\w.'’-]*){{1,3}})[ \t]+[-–—][ \t]+(?P<title>\S[^\n]*)")
# (the company's people answer, the analysts on the call ask: two patterns, that the roles may tell them apart)
COMPANY_NAME_LINE = re.compile(r"^[ \t]*(?P<t0>)(?P<t1>)" + _NAME + r"(?P<t2>)[ \t]*(?P<rest>)\r?$(?#company)")
ANALYST_NAME_LINE = re.compile(r"^[ \t]*(?P<t0>)(?P<t1>)" + _NAME + r"(?P<t2>)[ \t]*(?P<rest>)\r?$(?#analyst)")
# a diariser's numbered name alone on a line, the words below, no bracket, no colon ("Speaker 3",
# "SPEAKER_02"; Ausha's transcripts: "- Speaker #0" after a dash): never a heading, so it counts once too
DIARISED_ALONE_LINE = re.compile(
    r"^[ \t]*(?P<t0>)(?P<t1>)(?:-[ \t]+(?=Speaker #))?(?P<name>(?:Speaker|SPEAKER)(?:[ _]?\d{1,2}| [A-Z])|Speaker #\d{1,2})"
    r"(?P<t2>)[ \t]*(?P<rest>)\r?$")
# an AMA archive's comment heading: the author's user name and the comment's score glued to it, then "karma", alone on
# the line above the comment (bestofama.com's pages as their text reads: "spez4211 karma"); the shortest name the
# digits leave ("Callum420Yolo3056 karma" is Callum420Yolo's)
KARMA_LINE = re.compile(r"^[ \t]*(?P<t0>)(?P<t1>)(?P<name>[A-Za-z][\w-]{1,19}?)\d+[ \t]+karma(?P<t2>)[ \t]*(?P<rest>)\r?$")
# a diariser's letter alone on a line, the words below it (Metacast's transcripts: "A", "B", "C" in the order the voices
# are first heard): a label only where the letters, in the order first written, are A, B, C..., two or more of them
# over three lines or more (a "Q" and "A" exchange is no such thing: _label_lines); shown as "Speaker A"
DIARISED_LETTER_LINE = re.compile(r"^[ \t]*(?P<t0>)(?P<t1>)(?P<name>[A-H])(?P<t2>)[ \t]*(?P<rest>)\r?$")
_LETTERS = "ABCDEFGH"
# a name in full-width brackets opening a line, the words after it, as Japanese transcripts write the speaker
# ("（司会）皆さん、...", interview_ja_parenthesised_names.txt; captions too, _cues._NAME_LABEL), or in ASCII
# brackets where the name is in Japanese, Chinese or Korean letters ("(司会)"); a note of a sound ("（笑い）")
# is no name (NOT_NAMES), nor a list's number ("（1）", "（一）") or letter ("（ア）"); a name of one character is
# a kanji (a ministry's press conference: "（問）" asks, "（答）" answers)
BRACKETED_NAME_LINE = re.compile(
    rf"^[ \t\u3000]*(?P<t0>)(?P<t1>)(?:（|\((?=[^()\n]{{0,19}}[{CJK_LETTERS}]))"
    r"(?![一二三四五六七八九十]+[）)])(?P<name>[^\W\d_][^（）()\n:：。、]{1,19}|[\u3400-\u9fff])[）)](?P<t2>)[ \t\u3000]*(?:(?P<rest>\S)|\r?$)"
)
# the Prime Minister's Office's press conferences (kantei.go.jp) the same, the name alone on its line, the words
# below ("（記者）", "（岸田総理）"), and the opening statement under its heading, "【岸田総理冒頭発言】": that speaker's
OPENING_REMARKS_LINE = re.compile(
    r"^[ \t\u3000]*(?P<t0>)(?P<t1>)【(?P<name>[^\W\d_][^【】\n]{0,11}?)冒頭(?:発言|挨拶)】(?P<t2>)[ \t\u3000]*(?P<rest>)\r?$")
# Tokyo's governor's press conferences: the name or the part in lenticular brackets opening the paragraph, the words
# glued to it ("【知事】冒頭、1つ。", "【記者】ニューヨークにある..."), or alone on its line; a label only where it opens
# two paragraphs or more, so that a notice's "【重要】" once stays words (the opening statement's heading is
# OPENING_REMARKS_LINE's, tried first)
LENTICULAR_NAME_LINE = re.compile(
    r"^[ \t\u3000]*(?P<t0>)(?P<t1>)【(?P<name>[^\W\d_][^【】\n:：。、]{0,11})】(?P<t2>)[ \t\u3000]*(?:(?P<rest>\S)|\r?$)")
# a Japanese newspaper's summary of a press conference: a role word in kanji or katakana opening the paragraph, the
# reporter's organisation in brackets after it or not, then a space and the words, no colon ("記者(幹事社・東西新聞) 工事の
# 遅れは…", "大臣 二か月ほど…"); labels only where two role words or more open paragraphs in turn (_taking_turns)
ROLE_WORD_LINE = re.compile(
    r"^[ \t\u3000]*(?P<t0>)(?P<t1>)(?P<name>[\u30a0-\u30ff\u3400-\u9fff]{1,6})(?:[（(][^（）()\n]{1,30}[）)])?(?P<t2>)"
    r"[ \t\u3000]+(?P<rest>[^\s（(])")
# Russian radio's transcripts (Echo of Moscow's): an initial and the surname opening the paragraph, the words after a
# space, a dash or a colon ("Т. Фельгенгауэр Добрый вечер.", "Б.НОТКИН – …при нынешней системе", "Д. Борисов: 2310 ...");
# a label where it opens two paragraphs or more, or once where the surname is in capitals before a dash
INITIAL_SURNAME_LINE = re.compile(
    rf"^[ \t]*(?P<t0>)(?P<t1>)(?P<name>[{_CAPITAL}]\.[ ]?[{_CAPITAL}][^\W\d_]{{1,30}}(?:-[{_CAPITAL}][^\W\d_]{{1,30}})?)(?P<t2>)"
    r"(?P<sep>[ \t]*[:–—][ \t]+|[ \t]+(?=[^\W\d_]|[…«\"]))(?P<rest>\S)")
# a participant's handle in lower case ("roasbeef: It's good to be here.", Laolu Osuntokun in Stephan
# Livera's podcast); a label only where it answers capitalised labels throughout (_paired_handles)
HANDLE_LINE = re.compile(r"^[ \t]*(?P<t0>)(?P<t1>)(?P<name>[a-z][a-z0-9_.-]{2,30})(?P<t2>):[ \t]+(?P<rest>\S)")
# a chat handle after the time, in lower case or opening with a digit, bold or not, as community calls' transcripts
# name people by their handles ("[00:09] qx: Welcome ...", "[00:11] **2ndTLMining**: Okay ...": cannonQ/ergo-transcripts);
# a label only where the same handle labels three lines or more, or two beside other speakers' labels (_label_lines),
# so a timed line of prose opening "[00:05] note: ..." stays words
TIMED_HANDLE_LINE = re.compile(
    rf"^[ \t]*(?P<t0>)[\[(](?P<t1>{_TIME})[\])][ \t]*(?P<bold>\*\*|__)?"
    r"(?P<name>[a-z0-9](?=[\w.-]{0,30}[^\W\d_])[\w.-]{1,30})(?(bold)(?:\*\*|__))(?P<t2>):[ \t]+(?P<rest>\S)"
)
# a handle in lower case in bold, its time in brackets after it, the words on the line, no colon ("**swyx** [00:00:00]
# All right.", Latent Space's transcripts beside "**Nader** [00:00:00] ..."); a label as TIMED_HANDLE_LINE's is
BOLD_HANDLE_TIME_LINE = re.compile(
    rf"^[ \t]*(?P<t0>)(?P<t1>)\*\*(?P<name>[a-z][a-z0-9_.-]{{1,30}})\*\*[ \t]*\[(?P<t2>{_TIME})\][ \t]*(?P<rest>\S)"
)
_HANDLE_REPEATS = 3
# a talk's questions from the floor and its speaker's answers, "Q - ..." and "A - ..." (bitcointranscripts' conference
# talks, under "# Q&A"): labels only where both are, each twice or more, so a list's "A - the best grade" stays words
QA_DASH_LINE = re.compile(r"^[ \t]*(?P<t0>)(?P<t1>)(?P<name>Q|A)(?P<t2>)[ \t]+[-–—][ \t]+(?P<rest>\S)")
# a Spanish press interview's question and answer as El País prints them: "Pregunta." and "Respuesta." opening the
# first exchange, "P." and "R." every later one (each kept as "P" and "R"); labels only where both are, each twice
# or more, so a list's "P. Gómez trajo las llaves" stays words
PRESS_QA_LINE = re.compile(r"^[ \t]*(?P<t0>)(?P<t1>)(?P<name>Pregunta|Respuesta|P|R)\.(?P<t2>)[ \t]+(?P<rest>\S)")
# the printed record's shape (the US Congress's hearings as the GPO prints them, depositions):
# a title and the surname in capitals, or the examiner's "Q." and the witness's "A.", then a
# period, not a colon ("Mr. SMITH. Thank you.", "Chairman GRASSLEY. The committee will come to
# order.", "The CHAIRMAN. ...", "Mr. SCOTT of Virginia. ..." (one of two members of that name), "Q. Where were you?", "A. At home."), the name alone on its line where
# a page sets the words in paragraphs below ("Mr. CHENEY." then the opening statement; "Mr. SCOTT of Virginia." too, its state in lower case); and a press briefing's reporter, "Q"
# and a wide space, no period (the White House's, the State Department's: "Q    Thanks, John.")
PERIOD_LABEL_LINE = re.compile(
    r"^[ \t]*(?P<t0>)(?P<t1>)(?P<name>(?:(?:Mr|Ms|Mrs|Dr)\.|Chairman|Chairwoman|Chair|Senator|Representative|Secretary"
    r"|Judge|Governor|General|Admiral|Ambassador|Commissioner|Director|The)[ ](?:Mc|Mac)?[A-Z][A-Z'’-]+(?:[ ][A-Z][A-Z'’-]+){0,2}"
    r"(?:[ ]of[ ](?P<state>" + STATES + r"))?"
    r"|Q|A)(?:\.|(?<=\bQ)(?=[ \t]{2}|\t))(?P<t2>)(?:[ \t]+(?P<rest>\S)|(?(state)|(?<=[A-Z'’-][A-Z]\.))[ \t]*\r?$)"
)
# the same labels in title case as the GPO's hearings are published as text (govinfo's and congress.gov's
# CHRG-* pages, one <pre> block): opening a paragraph indented by spaces whose later lines are flush left
# ("    Chairman Steil. The committee will come to order.", "    Ms. Lofgren. Thank you.", "    Senator
# Hatch. I want to welcome...", "    The Chairman. ..."); the indent keeps a line of prose that happens to
# open with "Mr. Lark." out
HEARING_LABEL_LINE = re.compile(
    r"^(?:[ ]{2,8}|\t)(?P<t0>)(?P<t1>)(?P<name>(?:(?:Mr|Ms|Mrs|Dr)\.|Chairman|Chairwoman|Chair|Vice[ ]Chair(?:man|woman)?|Ranking[ ]Member"
    r"|Senator|Representative|Delegate|Secretary|Attorney[ ]General|Judge|Governor|Mayor|Chief|Sheriff|General|Admiral|Ambassador"
    r"|Commissioner|Director|Professor)[ ](?!(?:Chairman|Chairwoman|Chair|President|Speaker)\.)"
    r"[A-Z][\w'’-]+(?:[ ](?:de[ ]|van[ ]|von[ ]|la[ ])?[A-Z][\w'’-]+){0,2}(?:[ ]of[ ](?:" + STATES + r"))?"
    r"|The[ ](?:Acting[ ])?(?:Chairman|Chairwoman|Chair|Vice[ ]Chairman|Vice[ ]Chair|Clerk|Presiding[ ]Officer|Speaker))"
    r"\.(?P<t2>)[ \t]+(?P<rest>\S)"
)
# a heading in capitals between a hearing's turns ("STATEMENT OF HON. JANE DOE, A REPRESENTATIVE IN CONGRESS
# FROM THE STATE OF OHIO"), on one line or more: no one's words
_HEARING_HEADING = re.compile(r"[ \t]*[A-Z][A-Z0-9.,;:'’&()/-]*(?:[ ]+[A-Z0-9.,;:'’&()/-]+)+[ \t]*\r?")
_PERIOD_LABEL_OPENINGS = ("Mr. ", "Ms. ", "Mrs. ", "Dr. ", "Chair", "Senator ", "Representative ", "Secretary ", "Judge ",
                          "Governor ", "General ", "Admiral ", "Ambassador ", "Commissioner ", "Director ", "The ", "Q. ", "A. ", "Q  ", "Q\t",
                          "Vice Chair", "Ranking Member ", "Delegate ", "Attorney General ", "Mayor ", "Chief ", "Sheriff ", "Professor ")
# an earnings call as the Motley Fool prints it: the name, two dashes and the title alone on a line,
# the words below ("Tim Cook -- Chief Executive Officer"; an analyst's firm before the title: "Amit
# Daryanani -- Evercore ISI -- Analyst"), and the conference operator's "Operator" alone
EARNINGS_LABEL_LINE = re.compile(
    # a person's two to four words, or the operator's one
    rf"^[ \t]*(?P<t0>)(?P<t1>)(?P<name>(?P<operator>Operator)|[{_CAPITAL}][\w.'’-]*(?:[ ][{_CAPITAL}][\w.'’-]*){{1,3}})"
    + r"(?(operator)|[ \t]+(?P<dash>--|—|–|-)[ \t]+(?P<title>[A-Z][\w.,&'’()/ -]{1,100}?))(?P<t2>)[ \t]*(?P<rest>)\r?$"
)
# (one hyphen, "Jane Roe - VP, CFO" above her words: a transcript site's text, read only in an operator's call, as
# the lists of participants write their lines so too)
_EARNINGS_DASHES = (" -- ", " — ", " – ", " - ")
# an earnings call page's section titles and lists' headings, no one's name where the operator speaks
_CALL_SECTIONS = frozenset({"Contents", "Prepared Remarks", "Questions and Answers", "Questions & Answers",
                            "Question-and-Answer Session", "Call Participants", "Company Participants",
                            "Conference Call Participants", "Executives", "Analysts"})
# the operator's first words open a call: "welcome to the ... conference call", "thank you for standing by"
_OPERATOR_WORDS = re.compile(r"(?i)\b(?:conference|call|standing by|listen-only)\b")
_OPERATOR_WORDS_CHARS = 600
# an earnings call as Thomson Reuters' StreetEvents writes it as text: between two rules of dashes, the name, its
# company and title after a comma, and the turn's number in brackets ("Jane Roe,  Northwind Ferries - CFO   [2]",
# "Operator   [1]"), the words below the lower rule
STREETEVENTS_LABEL_LINE = re.compile(
    rf"^[ \t]*(?P<t0>)(?P<t1>)(?P<name>(?P<operator>Operator)|[{_CAPITAL}][\w.'’-]*(?:[ ][{_CAPITAL}][\w.'’-]*){{1,3}})"
    r"(?:,[ \t]+(?P<title>[^\[\n]{1,150}?))?[ \t]+\[\d{1,4}\](?P<t2>)[ \t]*(?P<rest>)\r?$"
)
# an Australian parliament's Hansard: the member's title and surname in capitals, the seat and party in brackets, a
# minister's portfolio after them, the time of day ("Mr HALLORAN (Coastline—LNP) (10.02 am): ...", "Ms VEGA
# (Riverside—ALP) (Minister for Transport) (10.03 am): ..."; the Commonwealth's "(14:00)"); later "Mr HALLORAN: ..."
HANSARD_LABEL_LINE = re.compile(
    r"^[ \t]*(?P<t0>)(?P<t1>)(?P<name>(?:Mr|Mrs|Ms|Miss|Dr)[ ](?:Mc|Mac)?[A-Z][A-Z'’-]+(?:[ ][A-Z][A-Z'’-]+){0,2})"
    r"[ ]\((?P<seat>[^()\n]{2,60}[—–-][^()\n]{1,60})\)(?:[ ]\((?P<portfolio>[^()\n]{2,150})\))?"
    r"[ ]\(\d{1,2}[.:]\d{2}(?:[ ]?[ap]\.?m\.?)?\)(?P<t2>):[ \t]+(?P<rest>\S)"
)
# New Zealand's Hansard at question time: the question's number, the member asking in capitals (a title before the
# name), the party (and electorate) in brackets, the minister asked, a colon and the question ("1. Hon JANE DOE
# (National—Ōtaki) to the Minister of Transport: Will ...?"); the supplementaries after it are "Jane Doe: ..."
ORAL_QUESTION_LINE = re.compile(
    r"^[ \t]*(?P<t0>)(?P<t1>)\d{1,2}\.[ ](?P<name>(?:(?:Rt[ ])?Hon[ ]|Dr[ ]|Mr[ ]|Mrs[ ]|Ms[ ]|Sir[ ]|Dame[ ])?"
    r"[A-ZĀĒĪŌŪ][A-ZĀĒĪŌŪ'’-]+(?:[ ][A-ZĀĒĪŌŪ][A-ZĀĒĪŌŪ'’-]+){1,3})[ ]\([^()\n]{2,80}\)"
    r"[ ]to[ ]the[ ][A-Z][^:\n]{2,150}?(?P<t2>):[ \t]+(?P<rest>\S)"
)
# the UK Parliament's Hansard: a minister named by the office once, the name in brackets ("The Minister for Roads
# (Colin Webb):"; the Speaker's deputy, "Madam Deputy Speaker (Dame Ann Blake):"), by the name after that
OFFICE_LABEL_LINE = re.compile(
    r"^[ \t]*(?P<t0>)(?P<t1>)(?P<office>The[ ][A-Z][^()\n:]{2,120}?|(?:Mr|Madam)[ ](?:Deputy[ ])?Speaker)"
    rf"[ ]\((?P<name>[{_CAPITAL}][\w.'’-]*(?:[ ][{_CAPITAL}][\w.'’-]*){{1,4}})\)(?P<t2>):(?:[ \t]+(?P<rest>\S)|[ \t]*\r?$)"
)
# a name of two to four words in capitals and a period, the words after it (the Federal Reserve's press
# conferences: "CHAIR LINDQVIST. Good afternoon.", "MICHELLE SMITH. Steve.", "STEVE ARDEN. Thank you, Chair."); a line
# in capitals throughout is a heading ("STATEMENT OF HON. TOMAS VALE, A U.S. SENATOR ...")
CAPITALS_PERIOD_LINE = re.compile(
    r"^[ \t]*(?P<t0>)(?P<t1>)(?P<name>[A-Z][A-Z'’-]+(?:[ ][A-Z][A-Z'’-]+){1,3})\.(?P<t2>)[ \t]+(?=[^\n]*[a-z])(?P<rest>[A-Z\"“])"
)
# the French chambers' record (the Assemblée nationale's and the Sénat's comptes rendus): "M." or "Mme", the
# name or the office in lower case, a full stop, the words ("M. le président. La parole est à ...", "M. Fabrice
# Brun. Madame la ministre, ...", "Mme la présidente."); a minister's post after a comma on the first words
# ("M. Claude Allègre, ministre de l'éducation nationale, de la recherche et de la technologie. Madame ...")
FRENCH_CHAMBER_LINE = re.compile(
    r"^[ \t]*(?P<t0>)(?P<t1>)(?P<name>(?:M\.|Mme|Mlle)[ ](?:(?:le|la)[ ][a-zàâäéèêëîïôöùûüç'’ -]{3,80}?"
    r"|[A-ZÀ-Þ][\w'’-]+(?:[ ](?:de[ ]|du[ ]|des[ ]|d['’]|la[ ]|le[ ])?[A-ZÀ-Þ][\w'’-]+){0,3}))"
    r"(?:,[ ](?P<post>[a-zàâäéèêëîïôöùûüç][^.\n]{2,150}))?\.(?P<t2>)[ \t]+(?P<rest>\S)"
)
_DASHED_RULE = re.compile(r"[ \t]*-{20,}[ \t]*\r?(?=\n|\Z)")
# a time in brackets, as editors put them inside turns ("[00:03:52]", "(00:03:52)", and
# Markdown-escaped "\[00:03:52.06\]" as The Changelog's transcripts have them)
# (or the time in brackets linked to the player at that point, "[(00:07)](https://podwise.ai/...?locate=7)": Podwise's export)
BRACKETED_TIME = rf"(?:\\[\[(]|\[\(|[\[(])(?P<time>{_TIME})(?:\)\]\([^()\s]{{0,300}}\)|\\?[\])])"  # openings, not "\\?["
# inside a turn, a line opening with a bracketed time is the same speaker going on at that time
# (Rev's export writes "(00:03:42):" alone on a line, the words below: lennys-podcast's transcripts)
_CONTINUED_AT = re.compile(rf"^[ \t]*{BRACKETED_TIME}(?::?[ \t]+|:?[ \t]*\r?\n\s*)(?=\S)", re.M)
_OPENING_TIME = re.compile(rf"[ \t]*{BRACKETED_TIME}")
_MORE_OPENINGS = frozenset("0123456789*_[")
_LEAD_TIME = re.compile(rf"{_TIME}[ \t]+(?=\S)")
_TIMECODE_RANGE = r"\[?(?P<timecode>\d{2}:\d{2}:\d{2}):\d{2}[ \t]*-[ \t]*\d{2}:\d{2}:\d{2}:\d{2}\]?"
# lines at a turn's end that are not its speaker's words: a bare time, "[00:01:23]" or "00:05:00" (the
# next turn's: Google Meet writes one every five minutes), a time and a note ("00:00:26 [MUSIC]",
# ArrayCast), a Markdown heading or rule between turns ("### MIT", "***", "---": IEEE's oral
# histories, Rational Reminder), a time linked to the video at that point ("[2:23](https://youtu.be/...?t=143)",
# transcripts on Jekyll and Hugo blogs put one above a speaker's label), an earnings call's "Questions & Answers:",
# a tag closing a block ("</details>"), the White House's "END 2:05 P.M. EST", DaVinci Resolve's timecode range
# above the speaker ("[00:00:43:03 - 00:00:48:08]": the turn's start, its frames left out, the frame rate unsaid;
# Premiere Pro's the same without the brackets, premiere_transcript.txt)
_NOT_SPOKEN_LINE = re.compile(
    rf"[ \t]*(?:[\[(]?(?P<time>{_TIME})[\])]?|{_TIMECODE_RANGE}|\[(?P<linked>{_TIME})\]\([^)\s]*\)|{_TIME}[ \t]+\[[^\]\n]*\]"
    # a Markdown heading closing with the time its section starts, linked and escaped (80,000 Hours' pages saved as
    # Markdown: "### The storm [\[00:00:46\]](https://...&t=46)"), or opening with it before a dash (interview notes'
    # "### (00:00:49) - 开场"): it times the turn after it; any other heading is no one's words
    rf"|#{{1,6}}[ \t][^\n]*[ ]\[\\?\[(?P<headed>{_TIME})\\?\]\](?:\([^()\s]*\))?"
    rf"|#{{1,6}}[ \t]+\((?P<opened>{_TIME})\)[ \t]*[-–—][^\n]*"
    r"|#{1,6}(?:[ \t][^\n]*)?"
    r"|(?:(?P<rule>[-*_=])[ \t]*)(?:(?P=rule)[ \t]*){2,}|\{\{[<%][ \t]*/?[\w./-]+[^\"\n}]*[>%]\}\}"
    # a Markdown page's HTML block tags alone on the line ("</details>" closing a collapsed transcript)
    r"|(?:</?(?:details|div|section|center)(?:[ \t][^<>\n]*)?>[ \t]*)+"
    # a court reporter's heading over a lawyer's questions ("DIRECT EXAMINATION", "CROSS-EXAMINATION (Resumed)")
    r"|(?:RE-?)?(?:DIRECT|CROSS)[- ]?EXAMINATION(?:[ \t]+\([A-Za-z ]{1,20}\))?"
    # the White House's closing line, the time the briefing ended ("END        2:05 P.M. EST")
    r"|END[ \t]+\d{1,2}:\d{2}[ \t]*[AP]\.M\.(?:[ \t]+[A-Z]{2,4})?"
    # an earnings call's section titles and closing lines (the Motley Fool's)
    r"|(?:Prepared Remarks|Questions (?:&|and) Answers|Question-and-Answer Session|Call participants):?|Duration: \d+ minutes"
    r"|This article is a transcript of this conference call produced for The Motley Fool\.[^\n]*"
    # and its newer layout's promotion between an answer's paragraphs
    r"|Where to invest \$[\d,]+ right now"
    # a transcript site's word above each speaker's name (earningscall.biz's "speaker", in lower case)
    r"|speaker"
    # a section's heading between turns with the time it starts in brackets, two to twelve words and no sentence's
    # end (80,000 Hours' "The history of The 80,000 Hours Podcast [00:01:14]"): it times the turn after it
    rf"|(?=[A-Z0-9])[^\s.?!\[\]]+(?:[ ][^\s.?!\[\]]+){{1,11}}[ ]\[(?P<section>{_TIME})\]"
    # a section's heading in Chinese interview notes, between equals signs or in black lenticular brackets
    # ("===张伟采访实录===", "【补充采访】")
    r"|={2,}[^=\n]{1,60}={2,}|【[^】\n]{1,40}】"
    # a radio show's run sheet between its segments (CBC's transcripts): "Part 1: <the part's stories>", no sentence's
    # end, and the segment's guest, names only ("Guest: Tray Pollard"); the segment's title between them, a paragraph
    # of its own, is a subject heading (parse)
    r"|Part[ \t]+\d{1,2}:[ \t]+[^\n.?!]{1,150}"
    r"|(?P<guest>Guests?:[ \t]+[A-Z][\w'’.-]*(?:(?:[ ]|,[ ]|[ ]and[ ]|[ ]&[ ])[A-Z][\w'’.-]*){0,8}))[ \t]*\r?$"
)
# a parliament's subject heading between questions, a paragraph of its own at a turn's end (Australia's "Road
# Funding", New Zealand's "Water Quality—Rivers"): two to ten words in title case, small words in lower case
# between them, no sentence's end; read so only in a Hansard (its own labels: parse's `parliament`), where
# nobody's words end so
_SUBJECT_HEADING = re.compile(
    r"[ \t]*[A-Z][\w'’&-]*(?:(?:[ ]|[ ]?[—–][ ]?)(?:[A-Z0-9][\w'’&-]*|and|of|for|the|in|on|to|a|an|at|by)){1,9}[ \t]*\r?")
_SUBJECT_HEADING_CHARS = 80
# the Motley Fool's list of the call's participants after the last answer (its closing links below it)
_PARTICIPANTS_AFTER = re.compile(r"\n[ \t]*Call participants:[ \t]*\r?(?=\n|\Z)", re.I)
# a listing page's link to the rest of an article, alone on its line in brackets or not ("[Read More]"): no one's name,
# and in the last turn where the interview's excerpt ends, the next article's title and lede below it (WIRED's tag pages)
_PAGE_LINK_WORDS = frozenset({"read more", "continue reading", "read the full interview", "read the rest"})
_READ_MORE_LINE = re.compile(r"\n[ \t]*\[?(?:Read more|Continue reading)(?:[ \t]*(?:»|…|\.\.\.))?\]?[ \t]*\r?(?=\n|\Z)", re.I)
# a long rule in the last turn: what follows is the page's footer, not the last speaker's words (LCTT's
# articles: 80 dashes, then "via: https://...", the translators' credits and the link definitions)
_FOOTER_RULE = re.compile(r"\n[ \t]*(?:-{10,}|\*{10,}|_{10,}|={10,})[ \t]*\r?(?=\n|\Z)"
                          # or a Markdown heading opening a paragraph: a report's next section ("##### Audios" and
                          # the recordings' links under a usability study's annexed interviews)
                          r"|\n[ \t]*\r?\n[ \t]*#{1,6}[ \t]+\S")
# the last line crediting who transcribed it: Otter's "Transcribed by https://otter.ai", ASAP Sports' "FastScripts
# Transcript by ASAP Sports", Sonix's on a free account "(Transcribed by Sonix.ai - Remove this message by upgrading ...)"
_CREDIT = re.compile(
    rf"\n[ \t]*(?:(?:{_TIME}[ \t]+)?(?:Transcribed|(?:FastScripts )?Transcript) by \S[^\n]{{0,40}}"
    r"|\(Transcribed by Sonix\.ai\b[^\n]{0,100}\))\s*\Z", re.I)
# a page's link to itself or its source as the text's last paragraph, set apart by a blank line ("Source:
# https://...", "Originally published at <https://...>", "[Read the original](https://...)", a bare address): page
# furniture, not the last speaker's words
_SOURCE_LINK = re.compile(
    r"\n[ \t]*\r?\n[ \t]*(?:(?:source|via|link|permalink|url|originally published (?:at|on|in|by)"
    r"|read (?:more|the original|the full (?:\w+))(?: at| on)?)[ \t]*:?[ \t]*"
    # or a magazine's related article, its lead-in in bold ("**More on AI:** [_Title_](https://...)", Futurism's)
    r"|(?:\*\*|__)[^*_\n]{1,40}:(?:\*\*|__)[ \t]*)?"
    r"(?:<?https?://[^\s<>]+>?|\[[^\]\n]*\]\(https?://[^\s)]+\))[ \t]*\s*\Z", re.I)
# a copyright notice opening a line of the last turn: what follows is the page's, not the speaker's (NPR's
# transcripts end "Copyright © 2023 NPR. All rights reserved. Visit our website terms of use ...", then a note)
_COPYRIGHT_NOTICE = re.compile(r"\n[ \t]*(?:Copyright\b|©|\(c\))[^\n]{0,200}?\bAll rights reserved\b", re.I)
# Google Meet's line closing a meeting's transcript ("Meeting ended after 00:04:19 👋"); what follows
# it up to the next label (its footer, the next meeting's header) is nobody's words
_MEETING_ENDED = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+)?Meeting ended after \d", re.M)
# Microsoft Teams' notes of who started and stopped the transcript ("Lena Ortiz started transcription" in its
# head, "Lena Ortiz stopped transcription" after the last turn and where it was paused): a stop note and what follows
# it up to the next label (the restart's note) are nobody's words
_TRANSCRIPTION_STARTED = re.compile(r" started transcription[ \t]*\r?$", re.M)
_TRANSCRIPTION_STOPPED = re.compile(r" stopped transcription[ \t]*\r?$", re.M)
_TEAMS_NOTE_NAME = 100  # characters: the longest name written before the note
# the name Teams gives the transcript of a recording: the meeting's, then "-20240514_100212-Meeting Transcript"
_TEAMS_RECORDING_NAME = re.compile(r"-\d{8}_\d{6}-Meeting (?:Transcript|Recording)$")
# MIT OpenCourseWare's transcripts head each page with the site's name and a bar before the lecture's title
_OCW_PAGE_HEADER = re.compile(r"^MITOCW[ \t]*\|[ \t]*(?=\S)")


def _teams_notes(text: str, pattern: re.Pattern, start: int, end: int) -> list[int]:
    """Where each line of Teams' note (`pattern`) in [start, end) begins."""
    found = []
    for m in pattern.finditer(text, start, end):
        line_start = text.rfind("\n", start, m.start()) + 1
        if 0 < m.start() - line_start <= _TEAMS_NOTE_NAME:
            found.append(line_start)
    return found


def _candidates(text: str):
    """(line number, line start, line end, line text, match, name) of every "Name:" line, and
    for each the number of lines before it that are not blank; that number for the text; the
    names found alone on a line ("[Name]", "# Name")."""
    out, nonblank_before = [], []
    blank = 0
    match, more, header, timed_name = LABEL_LINE.match, LABEL_LINE_MORE.match, HEADER_LINE.match, TIMED_NAME_LINE.match
    time_name, period_label, name_alone = TIME_THEN_NAME_LINE.match, PERIOD_LABEL_LINE.match, NAME_ALONE_LINE.match
    hearing_label = HEARING_LABEL_LINE.match
    time_bold_name, time_dash_name = TIME_BOLD_NAME_LINE.match, TIME_DASH_NAME_LINE.match
    heading_time_name = HEADING_TIME_NAME_LINE.match
    handle, shortcode, diarised_alone = HANDLE_LINE.match, SHORTCODE_LINE.match, DIARISED_ALONE_LINE.match
    timed_handle = TIMED_HANDLE_LINE.match
    capitals_alone, bracketed_name = CAPITALS_ALONE_LINE.match, BRACKETED_NAME_LINE.match
    bare_name_alone = BARE_NAME_ALONE_LINE.match
    earnings, part_label, capitals = EARNINGS_LABEL_LINE.match, PART_LABEL_LINE.match, CAPITALS_LABEL_LINE.match
    streetevents = STREETEVENTS_LABEL_LINE.match
    hansard = HANSARD_LABEL_LINE.match
    capitals_period = CAPITALS_PERIOD_LINE.match
    french_chamber = FRENCH_CHAMBER_LINE.match
    office = OFFICE_LABEL_LINE.match
    alone, short_forms = set(), {}
    names: dict[str, str] = {}  # a label's name as written -> as kept ("" where it is no name)
    said_before: dict[str, tuple[str, re.Match]] = {}  # a label's words before its colon -> (_label_said_again)
    start = 0
    lines = text.split("\n")
    participants = _call_participants(lines) if "Call Participants" in text or "\nExecutives" in text else {}
    for number, line in enumerate(lines, 1):
        if not line or line.isspace():
            blank += 1
            start += len(line) + 1
            continue
        colon = line.find(":")
        known = said_before.get(line[:colon]) if colon > 0 and said_before else None
        if known and line.startswith(known[0]) and len(line) > len(known[0]) and not line[len(known[0])].isspace():
            m, name, kept = known[1:]  # the label's name and whether it is kept: as read the first time
            if kept:
                body = line[:-1] if line.endswith("\r") else line
                out.append((number, start, start + len(body), body, m, name))
                nonblank_before.append(number - 1 - blank)
            start += len(line) + 1
            continue
        m = match(line)
        read_once = m and colon > 0 and len(said_before) < _LABELS_READ_ONCE and _label_said_again(line, colon, m)
        if not m:  # the rarer shapes, only where they can be (checked without copying the line)
            first, last = line[0], line[-1]
            if first in " \t":
                first = line.lstrip(" \t")[:1]
            if last in " \t\r":
                last = line.rstrip()[-1:]
            m = (
                participants and line.strip() in participants and participants[line.strip()][0].match(line)
                or (first in _MORE_OPENINGS and more(line)) or first in "*_" and EMPHASISED_LABEL_LINE.match(line) or ((last.isdigit() or last in "])") and header(line))
                or ("(" in line[:80] or "[" in line[:80]) and timed_name(line)
                or first.isdigit() and (last == "]" or _words_follow(lines, number)) and time_name(line)
                or first.isdigit() and "**" in line[:80] and time_bold_name(line)
                or first in "MDCSRJGATQVP" and line.lstrip(" \t").startswith(_PERIOD_LABEL_OPENINGS) and (period_label(line) or hearing_label(line))
                or (first == "#" or first == "[" and last == "]") and line.strip() != _PODSEARCH_MARK and name_alone(line)
                or first == "[" and time_dash_name(line)
                or first == "#" and heading_time_name(line)
                or first in "[(" and timed_handle(line)
                or first == "*" and line.startswith("**", len(line) - len(line.lstrip(" \t"))) and BOLD_HANDLE_TIME_LINE.match(line)
                or first in "QA" and QA_DASH_LINE.match(line)
                or first in "PR" and PRESS_QA_LINE.match(line)
                or first.islower() and line.find(":", 3, 40) > 0 and handle(line)
                or first == "{" and shortcode(line)
                or first == "|" and TABLE_LABEL_LINE.match(line)
                or first in "（(" and bracketed_name(line)
                or first == "【" and (OPENING_REMARKS_LINE.match(line) or LENTICULAR_NAME_LINE.match(line))
                or first in "S-" and len(line) < 20 and diarised_alone(line)
                or last == "a" and len(line) < 40 and line.rstrip().endswith(" karma") and KARMA_LINE.match(line)
                or first in _LETTERS and len(line.strip()) == 1 and _words_below(lines, number) and DIARISED_LETTER_LINE.match(line)
                or first.isupper() and len(line) < 60 and _words_follow(lines, number)
                and (capitals_alone(line) if line.isupper() else bare_name_alone(line))
                or first.isupper() and len(line) < 60 and _factbase_block(lines, number) and FACTBASE_NAME_LINE.match(line)
                or (first == "O" or any(d in line for d in _EARNINGS_DASHES)) and earnings(line)
                or first in "MD" and "(" in line[:40] and hansard(line)
                or first in "TM" and last == ":" and office(line)
                or first.isdigit() and line.find(". ", 0, 4) > 0 and ORAL_QUESTION_LINE.match(line)
                or first.isupper() and ". " in line[:60] and capitals_period(line)
                or first == "M" and line.lstrip(" \t").startswith(("M. ", "Mme ", "Mlle ")) and french_chamber(line)
                or last == "]" and number < len(lines) and _DASHED_RULE.fullmatch(lines[number]) and streetevents(line)
                or 0 < line.find(", ", 0, 60) < line.find(":", 0, 120) and part_label(line)
                or (first in "*_" or first.isupper()) and line.find(":", 0, 250) > 0 and capitals(line)
                or first.isupper() and 0 < line.find(":", 0, 80) and GLUED_LABEL_LINE.match(line)
                or first.isupper() and "." in line[1:3] and INITIAL_SURNAME_LINE.match(line)
                or first >= "\u30a0" and ROLE_WORD_LINE.match(line)
            )
            if m and (m.re is NAME_ALONE_LINE or m.re in _ALONE_WITHOUT_MARK
                      or m.re is TIME_THEN_NAME_LINE and not m.group("bracket")):
                said = " ".join(m.group("name").split()).lower()
                if said in SAID_WORDS or said in _PAGE_LINK_WORDS:  # "0:07  Okay" above the rest said; "[Read More]"
                    m = None
                else:
                    alone.add(" ".join(m.group("name").split()))
        if m:
            written = m.group("name")
            name = names.get(written)
            if name is None:
                name = names[written] = f"Speaker {written}" if m.re is DIARISED_LETTER_LINE else _kept_name(written, short_forms)
            # a title after the comma is a broadcaster's only where the name is in capitals too
            kept = bool(name) and (m.re is not LABEL_LINE or not m.group("title") or written.isupper())
            if kept:
                body = line[:-1] if line.endswith("\r") else line
                out.append((number, start, start + len(body), body, m, name))
                nonblank_before.append(number - 1 - blank)
            if read_once:  # (what this line's match gives, for each line saying the label again)
                said_before[line[:colon]] = (line[:m.start("rest")], m, name, kept)
        start += len(line) + 1
    if short_forms:  # "I:" after "Interviewer (I):" is the interviewer
        out = [c if c[5] not in short_forms else c[:5] + (short_forms[c[5]],) for c in out]
    return out, nonblank_before, number - blank, alone


# podsearch.david-smith.org's link to a line's time, alone on a line below its words: no name (timed_lines reads it)
_PODSEARCH_MARK = "[TS]"
# a conversation has a few labels; past this many, a file of names each said once (a glossary's "Term: ...", a hostile
# one) would only fill the memory of the labels read once (_candidates)
_LABELS_READ_ONCE = 100
# what lets LABEL_LINE read past a label's colon: a bracketed time before the name or after it, an affiliation in
# brackets, a full-width colon (whose bracket may close after the ASCII one)
_PAST_THE_COLON = ("(", "[", "：")


def _label_said_again(line: str, colon: int, m: re.Match) -> bool:
    """Whether LABEL_LINE's match `m` of `line` is its match of any line opening with the same words up to where
    the words after the label start, and a character not a space there (labels repeat: read each one once).
    So where the label ends at the line's first colon, `colon`, spaces or tabs after it: LABEL_LINE's only way
    past that colon is then the colon itself, and the words' first character, the one read after it, is a match
    wherever it is not a space; no other way reaches past it without a bracket or a full-width colon before it."""
    rest = m.start("rest")
    return (m.re is LABEL_LINE and rest > colon + 1 and not line[colon + 1:rest].strip(" \t")
            and not any(mark in line[:colon] for mark in _PAST_THE_COLON))


def _call_participants(lines: list[str]) -> dict[str, tuple[re.Pattern, str]]:
    """The names listed under an earnings call's "Company Participants" and "Conference Call Participants" (or
    "Executives" and "Analysts"),
    each with the pattern its line alone is read by (COMPANY_NAME_LINE, ANALYST_NAME_LINE) and its title."""
    names: dict[str, tuple[re.Pattern, str]] = {}
    for i, line in enumerate(lines):
        heading = line.strip()
        if heading not in _ROSTER_HEADINGS:
            continue
        pattern = COMPANY_NAME_LINE if heading in _COMPANY_ROSTERS else ANALYST_NAME_LINE
        j = i + 1
        while True:  # a blank line before each (a web page's paragraphs) or none (a list)
            if j < len(lines) and not lines[j].strip():
                j += 1
            listed = _ROSTER_LINE.match(lines[j]) if j < len(lines) else None
            if not listed:
                break
            names.setdefault(listed.group("name"), (pattern, listed.group("title").strip()))
            j += 1
    return names


def _factbase_block(lines: list[str], number: int) -> bool:
    """Whether line `number` (from 1) is followed by a blank line, a sentiment's and a time range's (factba.se)."""
    return (number + 2 < len(lines) and not lines[number].strip() and _FACTBASE_SENTIMENT.fullmatch(lines[number + 1])
            is not None and _FACTBASE_RANGE.fullmatch(lines[number + 2]) is not None)


def _factbase_words(text: str, a: int, b: int) -> tuple[int, int, str | None]:
    """A factba.se turn's span past its sentiment's and time range's lines, inside the quotes, and its start time."""
    sentiment_end = text.find("\n", a, b)
    range_end = text.find("\n", sentiment_end + 1, b) if sentiment_end >= 0 else -1
    if range_end < 0:
        return a, b, None
    timed = _FACTBASE_RANGE.fullmatch(text, sentiment_end + 1, range_end)
    line_end = text.find("\n", range_end + 1, b)
    quoted = _FACTBASE_WORDS.match(text, range_end + 1, line_end if line_end >= 0 else b)
    if quoted:  # the quoted line is the words; below it, a cut block or the page's end (no one's)
        a, b = quoted.start("words"), quoted.end("words")
    else:
        a, b = trim(text, range_end, b)
    return a, b, timed.group("start") if timed else None


def _subject_heading(text: str, newline: int, end: int) -> bool:
    """Whether the line after text[newline] up to `end` is a Hansard's subject heading, a paragraph of its own."""
    blank_before = text[newline - 1 : newline] == "\n" or text[newline - 2 : newline] == "\n\r"
    return end - newline <= _SUBJECT_HEADING_CHARS and blank_before and bool(_SUBJECT_HEADING.fullmatch(text, newline + 1, end))


def _words_below(lines: list[str], number: int) -> bool:
    """Whether the first line below line `number` (from 1) that is not blank holds more than one character: words, not
    a diariser's next letter alone (a letter over no words is no label: "A", "B", "C" by the thousand were labels of
    nothing, read at 14 s a megabyte)."""
    for below in range(number, len(lines)):
        if lines[below] and not lines[below].isspace():
            return len(lines[below].strip()) > 1
    return False


def _words_follow(lines: list[str], number: int) -> bool:
    """Whether line `number` (from 1) is followed by a line of words that does not open with a time."""
    after = lines[number].lstrip(" \t") if number < len(lines) else ""
    return bool(after) and not after[0].isdigit() and not after.isspace()


# the number of a question before the member asking it, as the UK Parliament's committees print their oral
# evidence ("Q1 Chair: Good morning.", "Q14 Tom Rigg: Is that ...?"): the member's label, and a host's
_QUESTION_NUMBER = re.compile(r"^Q\d{1,4}[ ]+(?=[A-Z][a-z])")


def _kept_name(written: str, short_forms: dict[str, str]) -> str:
    """A label's name as written in, as kept out: spaces single, a declared short form noted
    ("Interviewer (I)" is "Interviewer"); "" for a word that is nobody's name ("Note", "Music")."""
    written = _QUESTION_NUMBER.sub("", written)
    words = written.split()
    # (a hearing's attendance, "Present: Representatives Steil, ...", "Staff Present: ...", is nobody's words)
    if words[0].lower().rstrip(".") in NOT_NAMES or words[-1] == "Present":
        return ""
    name = " ".join(written.split())
    if name[-1] != ")":
        return name
    declared = _declared_short_form(name, short_forms)
    if declared == name and name.isupper():  # not a short form: a US politician's party, CNN's "LEE (D)"
        return _PARTY.sub("", name)
    if declared == name:  # not a short form: the speaker's organisation ("Tarik Osei (WHO)")
        return _ORGANISATION.sub("", name)
    return declared


# a party and state after a politician's name in capitals ("SEN. LINDSEY GRAHAM (R-SC)", "ANN LEE (D)")
_ORGANISATION = re.compile(r"(?<=[a-z.'’])[ ]\([A-Z]{2,6}\)$")
_PARTY = re.compile(r" \((?:D|R|I)(?:-[A-Z]{2})?\)$")


# a name and the short form it goes by after ("Interviewer (I):", "Respondent (R):", then "I:",
# "R:"): the short form's letters are the name's, in order, so "Participant (P3)" stays one name
_DECLARED_SHORT = re.compile(r"(?P<name>.+?) \((?P<short>[A-Z0-9]{1,4})\)")


def _declared_short_form(name: str, short_forms: dict[str, str]) -> str:
    """"Interviewer (I)" in, "Interviewer" out, noting short_forms["I"] = "Interviewer"; any other
    name unchanged."""
    m = _DECLARED_SHORT.fullmatch(name)
    if not m:
        return name
    letters = iter(m.group("name").upper())
    if not all(ch in letters for ch in m.group("short")):
        return name
    short_forms[m.group("short")] = m.group("name")
    return m.group("name")


# a diariser's or a transcription app's "Speaker" in other languages: Word's and Teams' Transcribe ("Sprecher 1",
# "Intervenant 1", "Hablante 1", "Orador 1", "Spreker 1", "話者 1"), Naver's Clova Note ("참석자 1", "화자 1")
LOCAL_SPEAKER_WORDS = ("sprecher(?:in)?|teilnehmer(?:in)?|intervenante?|hablante|participante|orador[a]?|locutor[a]?|spreker"
                       "|relatore|mówca|konuşmacı|спикер|говорящий|話者|화자|참석자")
# a diariser's or a transcriber's label for a voice it could not name
# (the number or letter written after the part, apart or not: "Speakers", "Participants" are a notes
# export's headings, "## Speakers" above the list of them)
_GENERIC_NAME = re.compile(r"(?i)(?:speaker|spk|unknown speaker|person|participant|说话人|发言人|" + LOCAL_SPEAKER_WORDS
                           + r")(?:[ _-]+(?:\w{1,3}|\d+)|(?!s$)(?:\w{1,3}|\d+))|unknown speaker|speaker #\d+")
_NAME_WORD = re.compile(rf"[{_CAPITAL}][\w{_MARKS}.'’-]*")
_PARTICLES_IN_NAME = re.compile(rf"(?<=[ ]){_PARTICLE}")
# words that open a header's or an editor's line with a colon once ("Date: 11 November 2010",
# "**Panel:** ...", "Step 1: ..."), never anybody's name
_NOT_NAMES_ONCE = frozenset({
    "date", "time", "location", "place", "title", "episode", "host", "hosts", "guest", "guests", "panel",
    "interviewer", "interviewee", "step", "example", "summary", "edit", "disclaimer", "correction",
    "ps", "bonus", "question", "answer", "links", "sponsor", "sponsors", "show notes",
})


def _shape(candidate) -> tuple:
    """How a label line is written: its pattern, the mark before the name (bold, a bracket),
    whether it has a time and words after it, and where it has no time, capitals or not (a
    timed label is evidence enough: ArrayCast's "[Rob Pike]" once, then "[RP]", "[CH]")."""
    _, _, _, line, m, name = candidate
    before = line[: m.start("name")].rstrip(" \t")[-1:]  # "** Jen**": the mark, not the space after it
    timed = bool(_stamp(m))
    pattern = m.re
    if pattern is OFFICE_LABEL_LINE:  # the office's line, then the name's ("Colin Webb:") alike
        pattern = LABEL_LINE
    if pattern is ANALYST_NAME_LINE:  # an analyst's name alone, as the company's people's are
        pattern = COMPANY_NAME_LINE
    if pattern is TIMED_HANDLE_LINE:  # "[00:09] qx:" beside "[01:02] Quill:", written alike
        pattern = LABEL_LINE_MORE if m.group("bold") else LABEL_LINE
    if name.isupper() and pattern in (CAPITALS_LABEL_LINE, PART_LABEL_LINE):
        # a name in capitals with a post, or of five words, is written as the short ones beside it
        # ("**MODERADOR:**", "PREGUNTA:"), which the common patterns read
        pattern = LABEL_LINE_MORE if pattern is CAPITALS_LABEL_LINE and m.group("bold") else LABEL_LINE
    # the pattern by its id: shapes go into a set, and a compiled pattern hashes its whole program on every lookup
    # (some 5 us for LABEL_LINE, once per label line of a file whose names are not all used twice)
    return id(pattern), before if before in "*_[" else "", timed, bool(m.group("rest")), None if timed else name.isupper()


def initials(name: str) -> str:
    """"Conor Hoekstra" -> "CH"."""
    return "".join(word[0] for word in name.split()).upper()


def _looks_like_a_name(name: str, *, words: int) -> bool:
    """One to four capitalised words (at least `words`; six in capitals, CAPITALS_LABEL_LINE's), or a
    diariser's generic label; or two such names joined by a slash (_JOINT_NAME's "Ce / Vipul")."""
    if _GENERIC_NAME.fullmatch(name):
        return True
    if " / " in name:
        return all(_looks_like_a_name(part, words=words) for part in name.split(" / ", 1))
    parts = _PARTICLES_IN_NAME.sub(" ", name).split()
    most = 6 if name.isupper() else 4
    return words <= len(parts) <= most and name.lower() not in _NOT_NAMES_ONCE and all(_NAME_WORD.fullmatch(p) for p in parts)


_HOST_WORDS = frozenset(HOST_ROLES)


def _role_hint(m: re.Match) -> str | None:
    if _QUESTION_NUMBER.match(m.group("name")):
        return "host"
    if m.re is ORAL_QUESTION_LINE:
        return "host"
    if m.re is HANSARD_LABEL_LINE:  # at question time members ask, ministers answer
        return "guest" if m.group("portfolio") else "host"
    if m.re is COMPANY_NAME_LINE or m.re is ANALYST_NAME_LINE:
        return "guest" if m.re is COMPANY_NAME_LINE else "host"
    if m.re is BARE_NAME_ALONE_LINE and m.group("name") == "Operator":  # an earnings call's operator, who asks
        return "host"
    if m.re is EARNINGS_LABEL_LINE or m.re is STREETEVENTS_LABEL_LINE:
        # the operator and the analysts ask, the company's people answer
        title = m.group("title")
        return "host" if not title or title.endswith("Analyst") else "guest"
    if m.re is CAPITALS_LABEL_LINE:
        role, title = None, m.group("post")
    elif m.re is not LABEL_LINE:  # the only other shapes with a part or a title after the name
        return None
    else:
        role, title = m.group("role", "title")
    if role:
        return "host" if role.lower() in _HOST_WORDS else "guest"
    # a title names the host's part ("CNN ANCHOR", "CNN HOST"), or says nothing of the roles here
    return "host" if title and _HOST_WORDS & set(re.split(r"[\s,]+", title.lower())) else None


def _stamp(m: re.Match) -> str | None:
    """The time written with a label ("[00:01:23] Name:", "Name (01:23):", "Name – 00:01:23:", Otter's "Name  0:07"), or None."""
    t0, t1, t2 = m.group("t0", "t1", "t2")
    return t0 or t1 or t2 or (m.group("t3") if m.re is HEADER_LINE or m.re is LABEL_LINE else None)


def shorter_forms(names) -> dict[str, str]:
    """{"NICK FOUNTAIN": "FOUNTAIN", "SENATOR TIM KENNEDY": "SENATOR KENNEDY"}: a name and a
    shorter label for the same person, some of its words ending with its last one (NPR names a
    speaker in full once, then by surname; a hearing drops the first name), where no other name
    could be meant."""
    names = list(names)
    out: dict[str, str] = {}
    words_of = {name: name.split() for name in names}
    holding = _names_holding(words_of, names)
    for short in names:
        words = words_of[short]
        longer = []
        for name in _holding_all(holding, words):
            if len(words_of[name]) > len(words) and words_of[name][-1] == words[-1] and set(words) <= set(words_of[name]):
                longer.append(name)
                if len(longer) > 1:
                    break
        if len(longer) == 1 and longer[0] not in out:
            out[longer[0]] = short
    return out


def _names_holding(words_of: dict[str, list[str]], names: list[str]) -> dict[str, list[str]]:
    """{word: the names holding it, in order, once for each time a name is listed}."""
    holding: dict[str, list[str]] = {}
    for name in names:
        for word in dict.fromkeys(words_of[name]):
            holding.setdefault(word, []).append(name)
    return holding


def _holding_all(holding: dict[str, list[str]], words: list[str]) -> list[str]:
    """The names that may hold all of `words`: those holding the rarest of them, in order ([] for no words).
    Only those can be a label's longer forms (each label against every other was quadratic: a recogniser's
    JSON of 40,000 speakers, 'Speaker 1' ... as labels, took minutes; then 10,000 labels of one surname, 13 s)."""
    return min((holding.get(word, []) for word in words), key=len) if words else []


# a member's title written short or in full: "SEN. TIM OKOYE", then "SENATOR OKOYE"
_TITLE_IN_FULL = {"SEN.": "SENATOR", "REP.": "REPRESENTATIVE", "Sen.": "Senator", "Rep.": "Representative"}


def full_forms(names) -> dict[str, str]:
    """{"OKOYE": "SEN. TIM OKOYE", "SENATOR OKOYE": "SEN. TIM OKOYE"}: each shorter label and the one full
    name it stands for (shorter_forms' pairs, and where the longer names a label could stand for are
    themselves forms of one, the longest: a network's hearing coverage names a senator three ways). Two joined by a
    slash ("Ce / Vipul") are both, neither's full name."""
    names = [name for name in names if " / " not in name]
    words = {name: [_TITLE_IN_FULL.get(w, w) for w in name.split()] for name in names}
    out: dict[str, str] = {}
    holding = _names_holding(words, names)  # (as in shorter_forms: only names holding every word compared)
    for short in names:
        longer = [name for name in _holding_all(holding, words[short]) if len(words[name]) > len(words[short])
                  and words[name][-1] == words[short][-1] and set(words[short]) <= set(words[name])]
        longest = [name for name in longer if all(set(words[other]) <= set(words[name]) for other in longer)]
        if len(longest) == 1:
            out[short] = longest[0]
    for short, name in first_name_forms(names).items():
        out.setdefault(short, name)
    for short, name in initial_forms(names).items():
        out.setdefault(short, name)
    return out


_HONORIFIC_WORD = re.compile(r"(?i)^(?:(?:Mr|Ms|Mrs|Dr|Prof)\.|Professor)[ ]+")


def first_name_forms(names) -> dict[str, str]:
    """{"AMARE": "DR. AMARE HAILU WOLDE"}: a one-word label that is the first name of one label before it (a
    briefing names a speaker in full, then by first name), where no other label holds that word: a first name
    two labels share, or one labelling turns before the full name does (a host and a guest of one first
    name), could be another person."""
    names = list(names)
    # the labels holding each word, in order (each one-word label against every other label was quadratic: 10,000
    # labels took 8 s)
    holders: dict[str, list[str]] = {}
    first_at: dict[str, int] = {}
    for i, name in enumerate(names):
        first_at.setdefault(name, i)
        for word in dict.fromkeys(name.upper().split()):
            holders.setdefault(word, []).append(name)
    out: dict[str, str] = {}
    for i, short in enumerate(names):
        if len(short.split()) != 1:
            continue
        holding = []
        for name in holders.get(short.upper(), ()):
            if name != short:
                holding.append(name)
                if len(holding) > 1:
                    break
        if len(holding) != 1 or first_at[holding[0]] >= i:
            continue
        words = _HONORIFIC_WORD.sub("", holding[0]).split()
        if len(words) >= 2 and words[0].upper() == short.upper():
            out[short] = holding[0]
    return out


def initial_forms(names) -> dict[str, str]:
    """{"S. O'BRIEN": "SOLEDAD O'BRIEN", "SEN. T. OKOYE": "SENATOR TOMAS OKOYE", "J.R. SMITH": "JOHN ROBERT SMITH"}:
    a label of one initial or more and a surname that is one full label's first names and surname, titles aside
    (CNN names a speaker in full once, then so where two people of one surname speak: "SOLEDAD O'BRIEN", "MILES
    O'BRIEN", then "S. O'BRIEN", "M. O'BRIEN"; a hearing's record "SEN. T. OKOYE" after "SENATOR TOMAS OKOYE");
    none where the initials fit two full names or none."""
    names = list(names)
    words = {name: _without_titles(name).upper().split() for name in names}
    # each name under what initials of one to three of its first names and its surname it could stand for
    # (each label of initials against every label was quadratic: 10,000 of each took 52 s)
    standing_for: dict[tuple, list[str]] = {}
    for name in names:
        written = words[name]
        for k in range(1, min(3, len(written) - 1) + 1):
            if all(len(word) > 2 for word in written[:k]):
                standing_for.setdefault((tuple(word[0] for word in written[:k]), tuple(written[k:])), []).append(name)
    out: dict[str, str] = {}
    for short in names:
        lead = _INITIALS.match(" ".join(words[short]))
        if not lead:
            continue
        letters = lead.group("initials").replace(".", "").replace(" ", "")
        surname = lead.group("surname").split()
        fitting = standing_for.get((tuple(letters), tuple(surname)), [])
        if len(fitting) == 1:
            out[short] = fitting[0]
    return out


# initials before a surname: "S. O'BRIEN", "J.R. SMITH", "J. R. SMITH"
_INITIALS = re.compile(r"(?P<initials>(?:[A-Z]\.[ ]?){1,3})[ ]*(?P<surname>[^\s.][^.]*)\Z")


def _without_titles(name: str) -> str:
    """A name without its honorific or a member's title before it: "SEN. T. OKOYE" -> "T. OKOYE"."""
    name = _HONORIFIC_WORD.sub("", name)
    title = _MEMBER_TITLE_WORDS.match(name)
    return name[title.end():] if title else name


# a member's or the chair's title, which a hearing's coverage swaps from turn to turn for one person
_MEMBER_TITLE_WORDS = re.compile(
    r"(?i)^(?:(?:Acting|Vice)[ ])?(?:Chairman|Chairwoman|Chair|Ranking[ ]Member|Senator|Sen\.|Representative|Rep\.|Delegate)[ ]+")


def hearing_forms(names) -> dict[str, str]:
    """{"CHAIRMAN BRISK": "SEN. WALTER BRISK", "BRISK": "SEN. WALTER BRISK"}: a hearing's labels under a member's
    or the chair's title, or a surname alone, that are all forms of one name, each to the first with the most
    words; none where one surname's labels name two people ("SEN. ROY PELL", "SEN. DAN PELL") or one has
    another title ("DR. PELL", a witness)."""
    names = list(names)
    person = {}
    for name in names:
        m = _MEMBER_TITLE_WORDS.match(name)
        words = name[m.end():].upper().split() if m else name.upper().split()
        if m and words or len(words) == 1:
            person[name] = words
    # the labels of each last word, in order (each surname against every label was quadratic: 10,000 labels took 5 s)
    by_surname: dict[str, list[str]] = {}
    for name in names:
        written = name.upper().split()
        if written:
            by_surname.setdefault(written[-1], []).append(name)
    out: dict[str, str] = {}
    for surname in dict.fromkeys(words[-1] for words in person.values()):
        group = by_surname.get(surname, [])
        if len(group) < 2 or any(name not in person for name in group):
            continue
        longest = max(group, key=lambda name: len(person[name]))
        if all(set(person[name]) <= set(person[longest]) for name in group):
            out.update({name: longest for name in group if name != longest})
    return out


def _paired_handles(cands, counts) -> set[str]:
    """The names in lower case (handles) that label three or more lines, two thirds of them just
    after a capitalised name labelling two or more: a pseudonymous guest answering a host
    ("Stephan:" then "roasbeef:"), not a document's "note:" or a YAML block's "image:" lines."""
    paired: Counter = Counter()
    previous = ""
    for c in cands:
        name = c[5]
        if name[0].islower() and previous and not previous[0].islower() and counts[previous] >= 2:
            paired[name] += 1
        previous = name
    return {name for name, n in paired.items() if counts[name] >= 3 and n >= 2 * counts[name] / 3}


def _repeated_titles(text: str, cands, counts) -> set[str]:
    """The names of two or more lines that each go on with the same words and a colon: a title
    and its subtitle written again, not a speaker ("InkySquid: The Missing Arsenal: this mp4 audio
    file was automatically transcribed by Sonix", twice in a page holding Sonix's export); also where
    the name is alone on its line and the subtitle on the next (a hearing's title on the GPO's cover and
    above the record, "KEEPING RIVER FERRIES RUNNING:" then "A REVIEW OF NIGHT CROSSINGS")."""
    openings: dict[str, str] = {}
    speakers = set()  # names already shown to be no title: a line of theirs goes on otherwise
    for c in cands:
        line, m, name = c[3], c[4], c[5]
        if name in speakers or counts[name] < 2:
            continue
        if m.re is COMPANY_NAME_LINE or m.re is ANALYST_NAME_LINE:  # a listed name over its listed title is a speaker
            speakers.add(name)
            continue
        rest = line[m.start("rest"):].rstrip() if m.group("rest") else _line_after(text, c[2]).strip()
        colon = rest.find(": ", 0, 80)
        if colon > 0 and " " in rest[:colon]:
            opening = rest[:colon]
        else:  # a section's title and subtitle alone, written again ("Part One: The Long Winter", twice)
            opening = rest if _TITLE_WORDS.fullmatch(rest) else None
        if opening is None or openings.setdefault(name, opening) != opening:
            speakers.add(name)
    return set(openings) - speakers


def _unmarked_names_unanswered(cands) -> set[str]:
    """The names alone on a line with no mark (CAPITALS_ALONE_LINE, BARE_NAME_ALONE_LINE) where fewer than
    two of them each head two turns or more: one such line said again is a page's furniture
    ("ADVERTISEMENT" between a news story's paragraphs), not one side of a conversation."""
    other_shapes = {c[5] for c in cands if c[4].re not in _ALONE_WITHOUT_MARK}
    alone = Counter(c[5] for c in cands if c[4].re in _ALONE_WITHOUT_MARK and c[5] not in other_shapes)
    if sum(1 for n in alone.values() if n >= 2) >= 2:
        return set()
    return set(alone)


def _line_after(text: str, end: int) -> str:
    """The line after the one ending at `end` ("" at the text's end)."""
    start = text.find("\n", end) + 1
    if not start:
        return ""
    stop = text.find("\n", start)
    return text[start:stop if stop >= 0 else len(text)]


class _LinesStarting:
    """Whether `times` lines or more of a text start with a given string. The lines are sorted once,
    when first asked: counting each turn's title line over the whole text took quadratic time where
    many turns end with one (a 1 MB transcript of 2,400 such turns, 0.8 s)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: list[str] | None = None

    def at_least(self, start: str, times: int) -> bool:
        if self.lines is None:
            self.lines = sorted(self.text.split("\n"))
        first = bisect.bisect_left(self.lines, start)
        last = first + times - 1  # sorted: the lines starting with it are together, from `first`
        return last < len(self.lines) and self.lines[last].startswith(start)


def _title_written_again(text: str, a: int, b: int, lines: _LinesStarting) -> bool:
    """Whether text[a:b], a line at a turn's end, is a section's title and subtitle written twice or more
    ("Part One: The Long Winter"), not the speaker's words (_repeated_titles kept it from being a label)."""
    line = text[a:b].strip()
    colon = line.find(": ")
    return 0 < colon < 60 and bool(_TITLE_WORDS.fullmatch(line[colon + 2:])) and line[0].isupper() and lines.at_least(line, 2)


# two to eight words, every one of four letters or more capitalised, no sentence's end: a title
_TITLE_WORDS = re.compile(r"(?:(?:[A-Z][\w'’-]*|[\w'’-]{1,3}|\d+)[ ]){1,7}(?:[A-Z][\w'’-]*|\d+)")


def _parts_with_initials(cands) -> list[int]:
    """The candidates kept where some name a part follows in words of any case ("Indira Gutiérrez,
    inquilina del coworking A255:"): such a name counts only where its initials
    or the name itself label other lines ("IG:" below), as a research annex writes a participant in
    full once, or where the part names a post at an organisation (_post_at_organisation);
    "Last Tuesday, the committee said:" in someone's turn stays words."""
    plain = {c[5] for c in cands if c[4].re is not PART_LABEL_LINE}
    return [i for i, c in enumerate(cands) if c[4].re is not PART_LABEL_LINE or c[5] in plain
            or initials(c[5]) in plain or _post_at_organisation(c[4])]


# the small words between a post and its organisation, in the languages of HOST_ROLES ("Administradora
# de A255", "Vocera de la Cruz Roja", "CEO of the Red Cross", "Leiterin der Stadtbibliothek"), and the
# articles elided onto the organisation's name ("Directrice de l'Institut Pasteur", "Direttrice dell'Archivio")
_CONNECTORS = frozenset(
    "de del la las los el y e en para por da das do dos of the and for at des du le les et pour di della"
    " delle degli il per von vom der die das und für bei van het voor".split()
)
_ELIDED_ARTICLE = re.compile(r"(?i:l|d|dell|dall|nell|all)['’](?=\w)")
_ROLE_WORDS = frozenset(HOST_ROLES + GUEST_ROLES)
# a mark that words after a label are speech, a sentence or a clause, not a list item's fragment
_SPEECH_MARK = re.compile(r"[.,;?!…¿¡。，？！]")


def _post_at_organisation(m: re.Match) -> bool:
    """Whether a PART_LABEL_LINE's part names a post at an organisation, as Latin American and Spanish
    news and research transcripts label a person once ("Fabiola Pineda, Administradora de A255:",
    "Lucía Ortega, Directora General del Instituto Nacional de Estadística:", "Ana Pérez, periodista de
    El País:"): the post in capitalised words (or a part's word in any case), a small word, then the
    organisation's capitalised words or code, no other word in lower case; the words after the colon, if
    any, a sentence or a clause (a mark of punctuation in them), as speech is. "In March, President Biden
    said:" and "Last Tuesday, the committee said:" are sentences; "Doris Kearns Goodwin, Team of Rivals:
    The Political Genius of Abraham Lincoln" (a reading list's book and its subtitle) and "Buenos Aires,
    Teatro de la Ribera: 12 de octubre" (a tour's venue and its date) are a list's items, no one's words."""
    if m.re is not PART_LABEL_LINE:
        return False
    if m.group("rest") and not _SPEECH_MARK.search(m.string, m.start("rest")):
        return False
    words = m.group("part").split()
    if not (words[0][0].isupper() or words[0].lower() in _ROLE_WORDS):
        return False
    after_connector = organisation = False
    for word in words[1:]:
        if word.lower() in _CONNECTORS:
            after_connector = True
            continue
        elided = _ELIDED_ARTICLE.match(word)
        if elided:
            after_connector, word = True, word[elided.end():]
        if not (word[0].isupper() or word[0].isdigit()):
            return False
        organisation = organisation or after_connector
    return organisation


_CONFERENCE_PARTS = frozenset(ASKING_PARTS + ANSWERING_PARTS)


def _header_field(cands, counts) -> bool:
    """Whether the first of two names is used once, before the other, and written otherwise (a
    page's "Author: ..." above "**Speaker1:**" lines): a header's field, not a speaker."""
    first = cands[0]
    return counts[first[5]] == 1 and (_shape(first)[:2] != _shape(cands[1])[:2] or _episode_title_after(first))


# an episode's title after the guest's name and a colon on a podcast page's heading line ("Dr. Lex Fridman: Machines,
# Creativity & Love", Huberman Lab's): capitalised words, small words, commas and ampersands, no sentence's end
_EPISODE_TITLE = re.compile(r"[A-Z0-9][\w'’-]*(?:,?[ ](?:[A-Z0-9][\w'’-]*|&|[a-z]{1,4})){1,11}[ \t]*\r?")


def _episode_title_after(cand) -> bool:
    """Whether a label line's words are an episode's title (_EPISODE_TITLE), as a page's heading writes it."""
    m = cand[4]
    return bool(m.group("rest")) and _EPISODE_TITLE.fullmatch(cand[3], m.start("rest")) is not None


# Sonix's credit after a talk's title, the page's header and not a turn ("Talk Title: [this mp4 audio
# file](https://sonix.ai/...) was [automatically transcribed by Sonix](...)", links kept or not)
_SONIX_CREDIT = re.compile(r"\[?this \w+ (?:audio|video) file\]?(?:\([^)\n]*\))? was \[?automatically transcribed by Sonix")


def _bracketed_notes(cands, counts) -> set[str]:
    """The names in brackets opening lines (BRACKETED_NAME_LINE) where fewer than two of them open two lines
    or more: a document's notes ("（図）", "（写真）" under its pictures), not the voices of a conversation."""
    bracketed = {c[5] for c in cands if c[4].re is BRACKETED_NAME_LINE}
    return set() if sum(counts[name] >= 2 for name in bracketed) >= 2 else bracketed


# a heading opening the transcript below a page's summary or notes ("# Transcript", "**Transcript**", "## Transcript")
_TRANSCRIPT_HEADING = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|\*\*)?(?:Transcript|TRANSCRIPT)(?:\*\*)?[ \t]*\r?$", re.M)


def _after_transcript_heading(text: str, cands) -> int:
    """How many candidates come before the first "Transcript" heading that has two or more below it: labels above
    it are a summary's or show notes' ("**Q: ...**" and "A: ..." in Podwise's export over its "# Transcript")."""
    first = cands[0][1]
    for heading in _TRANSCRIPT_HEADING.finditer(text, first, cands[-1][1]):  # (the first below a label)
        before = bisect.bisect_left([c[1] for c in cands], heading.start())
        return before if len(cands) - before >= 2 else 0
    return 0


def _label_lines(text: str):
    """The candidate lines whose name counts as a label (see the module docstring), the names
    and the number of lines from the first label on that are not blank (show notes before a
    transcript do not make its labels rare: ArrayCast's pages)."""
    cands, nonblank_before, nonblank, alone = _candidates(text)
    if cands and "ranscript" in text:
        kept = _after_transcript_heading(text, cands)
        if kept:
            cands, nonblank_before = cands[kept:], nonblank_before[kept:]
    # the shapes read, by id (a pattern's hash reads its whole program): a pass over the candidates for a shape
    # none has is skipped (the passes below only drop candidates, so a shape absent stays absent)
    shown = {id(c[4].re) for c in cands}
    if id(ORAL_QUESTION_LINE) in shown:  # "1. TOM RIGG (National) to the Minister ...", then "Tom Rigg:"
        written = {c[5].casefold(): c[5] for c in cands if c[4].re is not ORAL_QUESTION_LINE}
        cands = [c[:5] + (written.get(c[5].casefold(), c[5]),) if c[4].re is ORAL_QUESTION_LINE else c for c in cands]
    if "transcribed by Sonix" in text[:20_000]:
        kept = [i for i, c in enumerate(cands) if not (c[4].group("rest") and _SONIX_CREDIT.match(c[3], c[4].start("rest")))]
        cands, nonblank_before = [cands[i] for i in kept], [nonblank_before[i] for i in kept]
    if id(PART_LABEL_LINE) in shown and any(c[4].re is PART_LABEL_LINE for c in cands):
        kept = _parts_with_initials(cands)
        cands, nonblank_before = [cands[i] for i in kept], [nonblank_before[i] for i in kept]
    letters = [c[4].group("name") for c in cands if c[4].re is DIARISED_LETTER_LINE] if id(DIARISED_LETTER_LINE) in shown else None
    if letters and not (len(letters) >= 3 and "".join(dict.fromkeys(letters)) == _LETTERS[:max(2, len(set(letters)))]):
        kept = [i for i, c in enumerate(cands) if c[4].re is not DIARISED_LETTER_LINE]
        cands, nonblank_before = [cands[i] for i in kept], [nonblank_before[i] for i in kept]
    apart = _role_words_apart(cands) if id(ROLE_WORD_LINE) in shown else None
    if apart:  # (only the lines of that shape: "【記者】" lines elsewhere stay labels)
        kept = [i for i, c in enumerate(cands) if not (c[4].re is ROLE_WORD_LINE and c[5] in apart)]
        cands, nonblank_before = [cands[i] for i in kept], [nonblank_before[i] for i in kept]
    dashed = Counter(c[5] for c in cands if c[4].re is QA_DASH_LINE) if id(QA_DASH_LINE) in shown else None
    if dashed and not (dashed["Q"] >= 2 and dashed["A"] >= 2):
        kept = [i for i, c in enumerate(cands) if c[4].re is not QA_DASH_LINE]
        cands, nonblank_before = [cands[i] for i in kept], [nonblank_before[i] for i in kept]
    press = Counter(c[4].group("name")[0] for c in cands if c[4].re is PRESS_QA_LINE) if id(PRESS_QA_LINE) in shown else None
    if press:
        both = press["P"] >= 2 and press["R"] >= 2
        kept = [i for i, c in enumerate(cands) if both or c[4].re is not PRESS_QA_LINE]
        cands = [cands[i][:5] + (cands[i][4].group("name")[0],) if cands[i][4].re is PRESS_QA_LINE else cands[i] for i in kept]
        nonblank_before = [nonblank_before[i] for i in kept]
    earnings_shape = id(EARNINGS_LABEL_LINE) in shown  # (the shape of an operator's line and of one hyphen's)
    call = (earnings_shape or id(BARE_NAME_ALONE_LINE) in shown) and _operator_opens_a_call(text, cands)
    if call or earnings_shape and any(_one_hyphen(c) for c in cands):
        # one hyphen between a name and a title makes a label only in an operator's call; the Motley Fool's list of
        # "Call participants:" after the last answer, each name and title again, is no turn
        listed = _PARTICIPANTS_AFTER.search(text, cands[0][1]) if call else None
        kept = [i for i, c in enumerate(cands) if (_call_label(text, c) and not (listed and c[1] > listed.start())
                                                   if call else not _one_hyphen(c))]
        cands, nonblank_before = [cands[i] for i in kept], [nonblank_before[i] for i in kept]
    # ("Operator" alone is the operator's label, never a title)
    earnings = [i for i, c in enumerate(cands) if c[4].re is EARNINGS_LABEL_LINE and not c[4].group("operator")] if earnings_shape else []
    if len(earnings) == 1 and len(cands) > 1 and not call:
        # one "Name – words" line over labels of another shape is a title, not an earnings call's label
        # (a podcast's "Mara Quinn – Small banks, deposits, and trust" heading its "Mara Quinn 00:00:12" turns)
        del cands[earnings[0]], nonblank_before[earnings[0]]
    counts = Counter(c[5] for c in cands)
    headings = ([i for i, c in enumerate(cands) if c[4].re is NAME_ALONE_LINE and c[3].lstrip().startswith("#")]
                if id(NAME_ALONE_LINE) in shown else [])
    if len(headings) == 1 and counts[cands[headings[0]][5]] > 1:
        # one Markdown heading naming a speaker who labels other lines in another shape ("# AUDIENCE" above "**JEFF
        # GORE:**" and "**AUDIENCE: ...**", a PDF converter's page title): the page's title, no label
        counts[cands[headings[0]][5]] -= 1
        del cands[headings[0]], nonblank_before[headings[0]]
    rare = {name for name in alone if counts[name] < 2 and not _GENERIC_NAME.fullmatch(name)}  # "[Speaker 3]" once is a voice
    handles = ({c[5] for c in cands if c[4].re is TIMED_HANDLE_LINE or c[4].re is BOLD_HANDLE_TIME_LINE}
               if id(TIMED_HANDLE_LINE) in shown or id(BOLD_HANDLE_TIME_LINE) in shown else set())
    repeated = {name for name in handles if counts[name] >= _HANDLE_REPEATS}
    if repeated or any(counts[name] >= 2 and name[0].isupper() for name in counts):  # twice beside others' labels
        repeated |= {name for name in handles if counts[name] >= 2}
    # (a diariser's voice in lower case, earningscall.biz's "spk05:", is no handle: a voice once too)
    in_lower_case = {name for name in counts if name[0].islower() and not _GENERIC_NAME.fullmatch(name)}
    if in_lower_case:
        rare |= in_lower_case - _paired_handles(cands, counts) - repeated
    rare |= handles - repeated
    rare |= _repeated_titles(text, cands, counts)
    if id(GLUED_LABEL_LINE) in shown or id(LENTICULAR_NAME_LINE) in shown:
        rare |= {c[5] for c in cands if c[4].re in (GLUED_LABEL_LINE, LENTICULAR_NAME_LINE) and counts[c[5]] < 2}
    if id(INITIAL_SURNAME_LINE) in shown:
        rare |= {c[5] for c in cands if c[4].re is INITIAL_SURNAME_LINE and counts[c[5]] < 2
                 and not (c[5].split(".")[-1].strip().isupper() and c[4].group("sep").strip() in ("–", "—"))}
    if any(id(shape) in shown for shape in _ALONE_WITHOUT_MARK):
        rare |= _unmarked_names_unanswered(cands)
    if id(BRACKETED_NAME_LINE) in shown and any(c[4].re is BRACKETED_NAME_LINE for c in cands):
        rare |= _bracketed_notes(cands, counts)
    if call:  # in an operator's call, a name alone on its line is a speaker's, once too
        rare -= {c[5] for c in cands if c[4].re in _CALL_LABEL_SHAPES}
    karma = {c[5] for c in cands if c[4].re is KARMA_LINE} if id(KARMA_LINE) in shown else set()
    rare -= karma  # an AMA's commenters, each under their score line: in lower case, once too
    if rare:  # a name alone on a line once is a heading, not a speaker; a title written again is no speaker
        kept = [i for i, c in enumerate(cands) if c[5] not in rare]
        cands, nonblank_before = [cands[i] for i in kept], [nonblank_before[i] for i in kept]
        for name in rare:
            del counts[name]
    for full, short in shorter_forms(counts).items():  # one person, two forms: each counts the other's lines
        counts[full] = counts[short] = counts[full] + counts[short]
    for short, full in first_name_forms(counts).items():  # "DR. AMARE HAILU WOLDE" once, then "AMARE"
        counts[full] = counts[short] = counts[full] + counts[short]
    for short, full in initial_forms(counts).items():  # "SOLEDAD O'BRIEN, CNN ANCHOR:" once, then "S. O'BRIEN"
        counts[full] = counts[short] = counts[full] + counts[short]
    forms = hearing_forms(counts)  # a chair under the chair's title once, a member's and the surname after
    together = Counter()
    for name, n in counts.items():
        together[forms.get(name, name)] += n
    for short, full in forms.items():
        counts[full] = counts[short] = together[full]
    if len(counts) == 2 and cands and 1 in counts.values() and not call and _header_field(cands, counts):
        cands, nonblank_before = cands[1:], nonblank_before[1:]
        del counts[next(name for name, n in counts.items() if n == 1)]
    if len(counts) <= 2:
        return cands, set(counts), nonblank - (nonblank_before[0] if cands else 0)
    names = {name for name, n in counts.items() if n >= 2 or _GENERIC_NAME.fullmatch(name)}
    # a name given its part once ("Sandra Salinas, Entrevistadora:", then "EN:"), or its post at an
    # organisation ("Fabiola Pineda, Administradora de A255:"), is a label
    names |= {c[5] for c in cands if c[4].re is LABEL_LINE and c[4].group("role") or _post_at_organisation(c[4])}
    # and a part in a press conference ("PREGUNTA:" once, above the president's answer), however often
    names |= {c[5] for c in cands if c[5].lower() in _CONFERENCE_PARTS}
    # and a member asking a numbered oral question, in Parliament's own form, however often
    names |= {c[5] for c in cands if c[4].re is ORAL_QUESTION_LINE}
    # and, in an operator's call, the operator and each name alone on a line, however often (an excerpt: each once)
    if call:
        names |= {c[5] for c in cands if c[4].re in _CALL_LABEL_SHAPES}
    # and factba.se's name over its sentiment's and time range's lines, however often (the block is evidence enough)
    names |= {c[5] for c in cands if c[4].re is FACTBASE_NAME_LINE} | karma
    if names and len(names) < len(counts):
        # names used once (Otter's "Tailor  2:26", a hearing's "Senator Greene:", "**LUKAS:**")
        shapes = {_shape(c) for c in cands if c[5] in names}
        words = 2 if all(len(n.split()) >= 2 for n in names) else 1
        # where every label has two words, a first name alone still counts if the text's opening names someone
        # so in full (a podcast's "JEN:" once, among "MARK MANDEL:" and "MARK MIRCHANDANI:", "Jen Person" above)
        first_names = _first_names_in_opening(text) if words == 2 else frozenset()
        first = next(i for i, c in enumerate(cands) if c[5] in names)
        full_name_of = {initials(n): n for n in counts if 2 <= len(n.split()) <= 4}
        label_starts = {c[1] for c in cands}
        for i, c in enumerate(cands):
            if c[5] not in names and (_looks_like_a_name(c[5], words=words)
                                      or c[5].lower() in first_names and _looks_like_a_name(c[5], words=1)):
                shape = _shape(c)
                if shape in shapes and (shape[2] or i > first and not _sentence_goes_on_into(text, c[1], label_starts)
                                        or i < first and (_titled_form_asking(c, names) or _full_name_speaking(c, words))):
                    names.add(c[5])
        # a name in full once, then its initials (a magazine's "**Don Watkins:**", then "**DW:**"), however
        # it is written: attribution makes the two one speaker
        names |= {full_name_of[n] for n in names if n in full_name_of}
    starts = [c for c in cands if c[5] in names]
    first = next((i for i, c in enumerate(cands) if c[5] in names), None)
    return starts, names, nonblank - (nonblank_before[first] if first is not None else 0)


# ROLE_WORD_LINE's role words are labels where two or more of them, each opening this many paragraphs, take turns
_ROLE_WORD_TURNS = 2


def _role_words_apart(cands) -> set[str]:
    """ROLE_WORD_LINE's names that are no labels: all of them unless two or more, each opening two paragraphs or
    more, take turns (the name changing from one such paragraph to the next at least every other time; a reporter
    asking again keeps it), else those opening too few paragraphs."""
    said = [c[5] for c in cands if c[4].re is ROLE_WORD_LINE]
    counts = Counter(said)
    often = {name for name, n in counts.items() if n >= _ROLE_WORD_TURNS}
    in_turn = [name for name in said if name in often]
    changes = sum(a != b for a, b in zip(in_turn, in_turn[1:]))
    if len(often) < 2 or changes < 3 or 2 * changes < len(in_turn) - 1:
        return set(counts)
    return set(counts) - often


_CALL_LABEL_SHAPES = (EARNINGS_LABEL_LINE, COMPANY_NAME_LINE, ANALYST_NAME_LINE, BARE_NAME_ALONE_LINE)


def _operator_opens_a_call(text: str, cands) -> bool:
    """Whether the text is an earnings call's: an "Operator" alone on its line, the words below opening a call
    ("welcome to the ... conference call", "thank you for standing by")."""
    for c in cands:
        if _the_operator(c):
            return _OPERATOR_WORDS.search(text, c[2], c[2] + _OPERATOR_WORDS_CHARS) is not None
    return False


# the operator handing the line to an analyst: "Our first question comes from the line of Sam Okoro"
_ANALYST_CALLED = re.compile(r"(?i)\b(?:question|line of)\b")


def _call_roles(text: str, turns: list[ParsedTurn]) -> list[ParsedTurn]:
    """In an earnings call, the part of a speaker no label's shape gave one: the operator's, a host's; an analyst's
    (a host, asking) where the operator's turn just before their first names them after "question" or "line of",
    else the company's (a guest)."""
    roles: dict[str, str] = {"Operator": "host"}
    for before, turn in zip([None] + turns[:-1], turns):
        if turn.role_hint is None and turn.speaker_label not in roles:
            words = text[before.start_char:before.end_char] if before and before.speaker_label == "Operator" else ""
            called = _ANALYST_CALLED.search(words)
            roles[turn.speaker_label] = "host" if called and turn.speaker_label in words[called.end():] else "guest"
    return [replace(t, role_hint=roles[t.speaker_label]) if t.role_hint is None else t for t in turns]


def _ama_roles(turns: list[ParsedTurn]) -> list[ParsedTurn]:
    """In an AMA's thread (KARMA_LINE's labels), the one answering, the label of the most turns, is the guest and every
    commenter a host, whether their comment ends with a question mark or not (a list under the question)."""
    guest = Counter(t.speaker_label for t in turns).most_common(1)[0][0]
    return [replace(t, role_hint="guest" if t.speaker_label == guest else "host") for t in turns]


# an AMA archive's counts of the thread, between the post and its comments ("Comments: 13461 • Responses: 39 • Date:")
_AMA_COUNTS = re.compile(r"^[ \t]*Comments:[ \t]*\d+[ \t]*•[ \t]*Responses:[^\n]*$", re.M)


def _ama_post(text: str, content_start: int, guest: str) -> ParsedTurn | None:
    """The AMA's post above the thread's counts, the guest's words (their "I'm ..., ask me anything"); None where the
    counts are not there."""
    counts = _AMA_COUNTS.search(text, 0, content_start)
    if not counts:
        return None
    a, b = trim(text, 0, counts.start())
    return ParsedTurn(start_char=a, end_char=b, line=text.count("\n", 0, a) + 1, speaker_label=guest,
                      role_hint="guest") if b > a else None


def _the_operator_speaks(starts) -> bool:
    return any(c[5] == "Operator" and _the_operator(c) for c in starts)


def _operator_alone(text: str, starts) -> bool:
    """Whether an earnings call's excerpt has the operator's label alone, opening the call (cut before the company's
    first speaker): the operator's one voice."""
    return len(starts) == 1 and _the_operator(starts[0]) and _operator_opens_a_call(text, starts)


def _the_operator(cand) -> bool:
    """Whether a label line is an earnings call's "Operator" alone (the words on the next line or after a blank)."""
    m = cand[4]
    return m.re is EARNINGS_LABEL_LINE and bool(m.group("operator")) or m.re is BARE_NAME_ALONE_LINE and cand[5] == "Operator"


def _one_hyphen(cand) -> bool:
    return cand[4].re is EARNINGS_LABEL_LINE and cand[4].group("dash") == "-"


def _call_label(text: str, cand) -> bool:
    """Whether a label line may be an earnings call's: no section title ("Prepared Remarks:", "Contents:"), and a
    name with one hyphen and a title ("Jane Roe - VP, CFO") only where its words follow on the next line, not
    another line of a list of participants."""
    _, _, line_end, _, m, name = cand
    if name in _CALL_SECTIONS:
        return False
    if not _one_hyphen(cand):
        return True
    next_end = text.find("\n", line_end + 1)
    following = text[line_end + 1 : next_end if next_end >= 0 else len(text)]
    return bool(following.strip()) and not _ROSTER_LINE.fullmatch(following.rstrip("\r"))


def _full_name_speaking(cand, words: int) -> bool:
    """Whether a name used once, before the first established label, is a speaker's written as the established
    ones are, in full (two to four words, where every established label has two or more), its words opening with a
    sentence of prose: a transcript page's producer's intro or an interviewer's one question in an excerpt
    (80,000 Hours' "Keiran Harris: Welcome to ...", above "Rob Wiblin:" twice)."""
    if words < 2 or not 2 <= len(cand[5].split()) <= 4 or not cand[4].group("rest"):
        return False
    rest = cand[3][cand[4].start("rest"):]
    sentence = re.match(r"[^.?!]*[.?!]", rest)
    return sentence is not None and (reads_as_prose(sentence.group()) or sentence.group().endswith("?") and len(sentence.group().split()) >= 4)


def _titled_form_asking(cand, names: set[str]) -> bool:
    """Whether a name used once, before the first established label, is the title one of those labels gives
    alone, then a surname (a hearing's "Senator Black:" above its "Senator:" and "AA:" lines: the first member
    to ask, labelled in full), and its words a sentence of prose (a header's "Senator Notes: see ..." is none)."""
    words = cand[5].split()
    rest = cand[3][cand[4].start("rest"):] if cand[4].group("rest") else ""
    return len(words) == 2 and words[0] in names and words[1][:1].isupper() and reads_as_prose(rest.partition(". ")[0] + ".")


# a person's first and last name in the text's opening, as a show's notes or header name a guest ("Jen Person")
_FULL_NAME = re.compile(r"\b([A-Z][a-z]+)[ ][A-Z][a-z]+\b")
_OPENING_CHARS = 5000


def _first_names_in_opening(text: str) -> frozenset[str]:
    """The first names (lower case) of the people the text's first few thousand characters name in full."""
    return frozenset(m.group(1).lower() for m in _FULL_NAME.finditer(text, 0, _OPENING_CHARS))


def _sentence_goes_on_into(text: str, line_start: int, label_starts) -> bool:
    """Whether the line just before the one at `line_start` is words (not blank, no label's) ending mid-sentence,
    in a lowercase letter or a comma: the line at `line_start` is those words wrapped, and a word and a colon
    opening it ("...checked the ice on the night" / "Rule: we never left...") no label of a name used once."""
    if line_start < 2:
        return False
    previous = text.rfind("\n", 0, line_start - 1) + 1
    if previous in label_starts:
        return False
    last = text[previous:line_start - 1].rstrip()[-1:]
    return last.islower() or last == ","


# Detection reads this much of a file (a labelled transcript shows itself early), and as much again
# in the middle and at the end where its first turn outlasts that (_labels_further_on).
_DETECT_CHARS = 200_000


def detected(text: str) -> dict | None:
    """None unless `text` looks labelled; else the parser's arguments: the label lines found,
    when detection read the whole text (so that parsing does not look for them again)."""
    sample = text[:_DETECT_CHARS]
    starts, names, nonblank = _label_lines(sample)
    if not (_labels_enough(sample, starts, names, nonblank) or _timed_names_alone(starts) or _one_statement(sample, starts)
            or _one_lecturer(sample, starts)
            or _one_bracketed_voice(sample, starts) or _operator_alone(sample, starts)
            or starts and len(text) > _DETECT_CHARS and _labels_further_on(text, names)):
        return None
    return {"label_lines": starts} if len(text) <= _DETECT_CHARS else {}


def _labels_enough(text: str, starts, names, nonblank: int) -> bool:
    """Two labels or more, of at most 20 names (or a diariser's numbered ones, any number), making a fifth of
    the non-blank lines from the first on; in a hard-wrapped conversation, a fifth of those lines as they were
    before wrapping (_wrapped_conversation)."""
    # more than 20 names are a glossary's or a form's "Term: ..." lines, not a conversation; but a diariser
    # numbers every voice it hears (Amazon Transcribe tells up to 30 apart, "spk_0" .. "spk_29"), and a
    # council's public comment or a large panel has more voices than 20, some heard once
    if len(starts) < 2 or len(names) > 20 and not all(_GENERIC_NAME.fullmatch(name) for name in names):
        return False
    return len(starts) >= 0.2 * nonblank or _wrapped_conversation(text, starts, 0.2)


# the width a hard-wrapped text's lines are broken at: e-mail's and fmt's 72, textwrap's 70, a play's or
# the GPO's hearings' 70-80; a text whose lines run longer holds its paragraphs on lines of their own
_WRAP_WIDTHS = range(40, 101)


def _wrapped_conversation(text: str, starts, share: float) -> bool:
    """Whether the labels make `share` of the lines from the first on as they were before a hard wrap
    (e-mail, fmt, textwrap, the GPO's hearings as text), a line that goes on the line before it not
    counted: a transcript of long turns wrapped at 72 characters has a label in 30 lines, one in 2
    paragraphs. Only for a conversation (two names or more, each labelling two lines or more) whose
    labels mostly open wrapped paragraphs: an e-mail's headers and minutes' "Action:" lines are lines
    of their own, and a report's "Background:" and "Findings:" paragraphs, once each, are no exchange."""
    if sum(n >= 2 for n in Counter(c[5] for c in starts).values()) < 2:
        return False
    lines = text[starts[0][1]:].split("\n")
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    # the width the lines were wrapped at, or under it: most lines come within a word of it
    width = lengths[len(lengths) * 9 // 10]
    if width not in _WRAP_WIDTHS:
        return False
    first = starts[0][0]
    labels = {c[0] - first: not c[4].group("rest") for c in starts}  # a label's line (from 0) -> alone on it
    goes_on = _goes_on(lines, labels, width)
    unwrapped = sum(1 for line, wrapped in zip(lines, goes_on) if line.strip() and not wrapped)
    wrapped_labels = sum(1 for i, alone in labels.items() if any(goes_on[i + 1 : i + 2 + alone]))
    return 2 * wrapped_labels >= len(starts) and len(starts) >= share * unwrapped


def _goes_on(lines: list[str], labels, width: int) -> list[bool]:
    """For each line, whether it goes on the line before it in a text hard-wrapped at `width`: that line
    not blank, nor longer than a wrapped line is, this line's first word too long to have fit on it
    (the wrap broke there), this line no label, nor indented more than a line other than a label (a
    paragraph's first line, the GPO's; under a label, the hanging indent of "HAMLET:  To be, or not...")."""
    out, previous = [], ""
    for number, line in enumerate(lines):
        current = line.rstrip()
        words = current.split(None, 1)
        out.append(bool(
            previous and words and number not in labels and len(previous) <= width + 8
            and (number - 1 in labels or len(current) - len(current.lstrip()) <= len(previous) - len(previous.lstrip()))
            and len(previous) + 1 + len(words[0]) > width
        ))
        previous = current
    return out


def _labels_further_on(text: str, opening_names: set[str]) -> bool:
    """Whether a stretch of _DETECT_CHARS in the middle or at the end of a long text is labelled
    enough on its own, with a name the text's opening labels too: a first turn longer than the
    sample (a 250 KB opening statement, then the exchange) read so far showed one label. Two more
    windows, whatever the text's length, so that a 20 MB file costs three samples, not a scan."""
    for start in (len(text) // 2 - _DETECT_CHARS // 2, len(text) - _DETECT_CHARS):
        start = text.find("\n", max(start, 0)) + 1  # whole lines only
        end = text.rfind("\n", start, start + _DETECT_CHARS)
        if start == 0 or end < 0:
            continue
        window = text[start:end]
        starts, names, nonblank = _label_lines(window)
        if _labels_enough(window, starts, names, nonblank) and names & opening_names:
            return True
    return False


def _one_statement(text: str, starts) -> bool:
    """Whether the text is one member's statement: a single label in the printed record's shape with a
    title ("Chairman HAMILTON.", "Mr. CHENEY. I would like to join..."), the text's first line, the
    statement below it (a hearing's opening statements, a page each)."""
    if len(starts) != 1:
        return False
    _, line_start, _, _, m, name = starts[0]
    if m.re is PERIOD_LABEL_LINE and " " in name and not name.startswith("The ") and not text[:line_start].strip():
        return True
    return _officials_statement(text, starts)


def _officials_statement(text: str, starts) -> bool:
    """Whether the text is an official's opening statement at a press conference, under its page's or its PDF's few
    header lines: the Federal Reserve's "CHAIR POWELL. Good afternoon. ..." under the day, the title and "FINAL"; a
    news wire's "CHAIRMAN POWELL: ..." under its headline and a lead sentence. The official answers the press: a guest."""
    if len(starts) != 1:
        return False
    _, line_start, _, _, m, name = starts[0]
    return (m.re in (CAPITALS_PERIOD_LINE, LABEL_LINE) and bool(m.group("rest")) and _OFFICIAL_IN_CAPITALS.fullmatch(name)
            is not None and sum(1 for line in text[:line_start].splitlines() if line.strip()) <= _STATEMENT_HEADER_LINES)


# an official's title and surname in capitals, a press conference's one speaker in an excerpt of its opening
_OFFICIAL_IN_CAPITALS = re.compile(
    r"(?:CHAIR|CHAIRMAN|CHAIRWOMAN|VICE CHAIR|PRESIDENT|VICE PRESIDENT|GOVERNOR|SECRETARY|PRIME MINISTER|MINISTER"
    r"|COMMISSIONER|DIRECTOR)[ ](?:Mc|Mac)?[A-Z][A-Z'’-]+")
_STATEMENT_HEADER_LINES = 8


# the words after a bracketed name that make it a Markdown link's definition ("[Commentator]: https://..."), not a label
_LINK_DEFINITION = re.compile(r"[ \t]*(?:<|https?:|www\.|/|#)")
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
_HEADER_LINES_MAX = 4  # above the one voice: a page's heading and byline, a title and a day


def _timed_names_alone(starts) -> bool:
    """Whether every label is a name with its time in brackets and a colon alone on its line, the words below ("Kevin
    (00:00):", a podcast player's episode transcript, iHeart's, its words in short lines of the panel's width and
    "(00:21):" alone where the same voice goes on): three such labels of two names or more are a conversation however
    many short lines each holds, as no heading or sentence writes a name, a time in brackets and a colon."""
    return (len(starts) >= 3 and len({c[5] for c in starts}) >= 2
            and all(c[4].re is LABEL_LINE and c[4].group("t2") and not c[4].group("rest") for c in starts))


def _one_bracketed_voice(text: str, starts) -> bool:
    """Whether the text is one voice's words under a single label in square brackets ("[Announcer]:  ...", a
    town's transcript archive page where one voice is heard: medford-transcripts), its one paragraph the text's
    last, a few header lines above it at most. Brackets and a colon mark a speaker as no heading or sentence writes a name; one alone is a label
    still, but for a Markdown link's definition ("[name]: https://...")."""
    if len(starts) != 1:
        return False
    _, line_start, _, line, m, name = starts[0]
    written = line.lstrip(" \t")
    if not written.startswith(f"[{name}]:") or _LINK_DEFINITION.match(written, len(name) + 3):
        return False
    blank = _BLANK_LINE.search(text, line_start)
    if blank and text[blank.end():].strip():  # more paragraphs below: a note over someone else's words
        return False
    return sum(1 for above in text[:line_start].splitlines() if above.strip()) <= _HEADER_LINES_MAX


_LECTURER_NAME = re.compile(r"[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){1,3}")
# a document's headings in capitals that a colon may close ("KEY FINDINGS:", "EXECUTIVE SUMMARY:"), never a lecturer
_HEADING_WORDS = frozenset({"summary", "findings", "introduction", "background", "conclusion", "conclusions", "overview",
                            "abstract", "results", "methods", "discussion", "recommendations", "notes", "agenda",
                            "chapter", "part", "section", "appendix", "key", "executive", "table", "contents", "lecture"})
# a lecture speaks to the room: a first or second person in its first words
_SPOKEN = re.compile(r"(?i)\b(?:I|I'm|I'll|I'd|we|we're|we'll|let's|let me|you|your|us|our)\b")
_ABOVE_THE_LECTURER = 3  # paragraphs above the label: the lecture's title, the licence notice
_LECTURE_OPENING_CHARS = 600


def _one_lecturer(text: str, starts) -> bool:
    """Whether the text is one lecturer's (see the module docstring): a single "NAME:" in capitals alone on its line,
    at most _ABOVE_THE_LECTURER paragraphs above it, words in the first or second person in the paragraph below it."""
    if len(starts) != 1:
        return False
    _, line_start, line_end, _, m, name = starts[0]
    if m.group("rest") or not text[m.start():line_end].rstrip().endswith(":") or not _LECTURER_NAME.fullmatch(name):
        return False
    if {word.lower() for word in name.split()} & (_HEADING_WORDS | NOT_NAMES):
        return False
    above = [p for p in re.split(r"\n[ \t]*\r?\n", text[:line_start]) if p.strip()]
    return len(above) <= _ABOVE_THE_LECTURER and _SPOKEN.search(text, line_end, line_end + _LECTURE_OPENING_CHARS) is not None


def looks_like(text: str) -> bool:
    return detected(text) is not None


# how far a label's time may go back: one voice starting before the other stops (Orbit FM's
# "0:01:16.6 **Jen**" then "0:01:16.3 **Adam**" as they talk over each other) is speech, not disorder
_OVERLAP_SECONDS = 1.0


_DAY = 86400.0


def _on_its_day(seconds: float, previous: float | None, day: float) -> tuple[float, float]:
    """(seconds, day) of a time mark read on a clock `day` seconds into the transcript: a clock going back
    from the evening to the small hours is the next day (a meeting's time of day past midnight, Zoom's saved
    captions). No interview's recording runs twenty hours, so a recording's elapsed time never does that."""
    seconds += day
    if previous is not None and previous - day >= 20 * 3600 and seconds - day < 4 * 3600:
        return seconds + _DAY, day + _DAY
    return seconds, day


def _in_order(seconds: float, previous: float | None, source: str, line: int, errors: list) -> float:
    """The new previous time; an error noted when `seconds` comes more than _OVERLAP_SECONDS
    before `previous`."""
    if previous is None:
        return seconds
    if seconds < previous - _OVERLAP_SECONDS:
        errors.append(IngestError(source, line, f"time mark out of order: {format_clock(seconds)} comes after {format_clock(previous)}"))
    return max(seconds, previous)  # a run of small steps back cannot walk the times backwards


# the Motley Fool's newer layout's promotion, a line of its own between an answer's paragraphs
_PROMOTION_LINE = re.compile(r"^[ \t]*Where to invest \$[\d,]+ right now[ \t]*\r?$", re.M)


def _continued(text: str, a: int, b: int, line_no: int, seconds):
    """A turn's span in, its parts out: a new part at each line opening with a bracketed time
    (the same speaker going on; the part's time is that one; the mark, Rev's and iHeart's "(00:21):", outside the
    part, as a label is), and round a promotion's line (no one's words).
    (start, end, line, seconds) each."""
    cuts = [m for m in _CONTINUED_AT.finditer(text, a, b) if m.start() > a]
    if "Where to invest" in text[a:b]:
        cuts = sorted(cuts + [m for m in _PROMOTION_LINE.finditer(text, a, b) if m.start() > a], key=lambda m: m.start())
    if not cuts:
        return [(a, b, line_no, seconds)]
    out = []
    for m in cuts:
        part = trim(text, a, m.start())
        if part[1] > part[0]:
            out.append((part[0], part[1], line_no, seconds))
        if m.re is _PROMOTION_LINE:
            words = trim(text, m.end(), b)[0]
            a, line_no = words, line_no + text.count("\n", a, words)
            continue
        # the part's words start after its mark, which stays outside any turn as a label does
        a, line_no = m.end(), line_no + text.count("\n", a, m.end())
        seconds = parse_clock(m.group("time").replace(",", "."))
    if text[a:b].strip():  # (a promotion's line may end the turn)
        out.append((a, b, line_no, seconds))
    return out


# a question (or a request) written as a heading ("## Has adoption spread beyond engineering?", "## Walk us
# through a specific skill you've built."); a section's heading ends with no sentence end
_QUESTION_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+(?P<question>[^\n]*?[?.!…？。！])[ \t#]*\r?$", re.M)
INTERVIEWER = "Interviewer"


def _asked_in_headings(text: str, turns: list[ParsedTurn], first_label: int) -> list[ParsedTurn]:
    """Where one label speaks throughout, the questions written as headings between its turns (a
    magazine's Q&A: "## What made Cowork click for your team?" then "**Nick Benyo:** ...", the
    interviewer unnamed), and the one just above the first label, as the interviewer's turns."""
    if "#" not in text:  # no heading at all (a scan of every line for one was a twentieth of a file of short turns)
        return []
    asked = []
    # whether a heading lies inside a turn, by bisection (a scan of every turn per heading was
    # quadratic in a long Q&A): the furthest end of the turns starting at or before each start
    spans = sorted((t.start_char, t.end_char) for t in turns)
    starts, furthest, end_so_far = [start for start, _ in spans], [], -1
    for _, end in spans:
        end_so_far = max(end_so_far, end)
        furthest.append(end_so_far)
    line, counted_to = 1, 0
    for m in _QUESTION_HEADING.finditer(text):
        a, b = m.span("question")
        if b <= first_label and text[m.end():first_label].strip():
            continue  # above the first label, but not just above it: the show notes' heading
        before = bisect.bisect_right(starts, a) - 1
        if before >= 0 and furthest[before] > a:
            continue
        line, counted_to = line + text.count("\n", counted_to, a), a
        asked.append(ParsedTurn(start_char=a, end_char=b, line=line, speaker_label=INTERVIEWER, role_hint="host"))
    return asked


# a paragraph set in bold or italics throughout ("**Who did the engineering?**", "*Why then?*"): its words inside
_EMPHASISED = re.compile(r"(?s)(?P<mark>\*\*|__|\*|_)(?P<words>[^*_].*?)(?P=mark)")


def _asked_between_turns(text: str, turns: list[ParsedTurn], first_label: int) -> tuple[list[ParsedTurn], list[ParsedTurn]]:
    """Where one label speaks throughout and the questions are bare paragraphs, each just above the label (a
    newspaper's or a newsletter's Q&A: "How did it start?" or "**How did it start?**", then "JANE DOE: ..."), the
    answerer's turns cut before each question and the questions as the interviewer's turns; ([], []) where the
    paragraphs above the labels are not mostly questions, or fewer than two."""
    asked, answers, boundaries = [], list(turns), 0
    for i, t in enumerate(turns[:-1]):
        after = turns[i + 1]
        if after.start_char < t.end_char or after.speaker_label not in text[t.end_char:after.start_char]:
            continue  # no label between them: the speaker going on at a time mark
        boundaries += 1
        last = _one_line_paragraph(text, t.start_char, t.end_char)
        question = last and _question_paragraph(text, *last)
        if question:
            asked.append(question)
            answers[i] = replace(t, end_char=trim(text, t.start_char, last[0])[1])
    if len(asked) < 2 or len(asked) * 2 < boundaries:
        return [], []
    opening = _one_line_paragraph(text, 0, trim(text, 0, first_label)[1])
    question = opening and _question_paragraph(text, *opening)
    if question and text[question[1] - 1] in "?？":  # the first question: one that asks (an article's lead does not)
        asked.insert(0, question)
    if sum(text[b - 1] in "?？" for _, b in asked) * 2 <= len(asked):
        return [], []
    return answers, [ParsedTurn(start_char=a, end_char=b, line=text.count("\n", 0, a) + 1, speaker_label=INTERVIEWER,
                                role_hint="host") for a, b in asked]


def _one_line_paragraph(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The last line of text[start:end] where a blank line sets it apart as a paragraph of its own, or None."""
    line = text.rfind("\n", start, end) + 1
    if line <= start and start > 0 or not text[line:end].strip():
        return None
    above = text.rfind("\n", 0, max(line - 1, 0)) + 1
    return (line, end) if line == 0 or not text[above:line].strip() else None


def _question_paragraph(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a one-line paragraph's words that ask (end with "?") or are set in bold or italics throughout
    and end a sentence, its emphasis marks left out; else None (a heading, a time, a label's line)."""
    a, b = trim(text, start, end)
    if b <= a or text[a] in "#[>|-" or _NOT_SPOKEN_LINE.fullmatch(text, a, b):
        return None
    emphasised = _EMPHASISED.fullmatch(text, a, b)
    if emphasised:
        a, b = trim(text, *emphasised.span("words"))
    if b > a and (text[b - 1] in "?？" or emphasised and text[b - 1] in _SENTENCE_ENDS):
        return a, b
    return None


_SENTENCE_ENDS = ".?!…？。！"


def _time_of(not_spoken: re.Match) -> str | None:
    """The time a not-spoken line gives the turn after it: a bare, linked or Resolve's range's time, or a section
    heading's."""
    return (not_spoken.group("time") or not_spoken.group("linked") or not_spoken.group("timecode") or not_spoken.group("section")
            or not_spoken.group("headed") or not_spoken.group("opened"))


def _time_line_before(text: str, line_start: int) -> str | None:
    """The time of a bare (or linked) time line just before the line starting at `line_start`, if
    it is one: the first label's time, as the lines between turns time the labels after them."""
    end = line_start - 1
    for _ in range(2):
        for _ in range(3):  # past blank lines between them (Google Meet's "00:00:00", a blank line, the first label)
            if end < 1:
                return None
            previous = text.rfind("\n", 0, end) + 1
            if text[previous:end].strip():
                break
            end = previous - 1
        if not _INTRO_NOTE.fullmatch(text, previous, end):
            break
        end = previous - 1  # past EconTalk's "Intro." under the time, above the host's first words
    m = _NOT_SPOKEN_LINE.match(text, previous, end)
    return m and _time_of(m)


# EconTalk's first paragraph, between the first time and the host's label ("0:33", "Intro. [Recording date:
# August 14, 2023.]", "Russ Roberts: Today is ..."): the episode's note, the time the host's
_INTRO_NOTE = re.compile(r"[ \t]*Intro\.(?:[ \t]+\[[^\]\n]{1,100}\])?[ \t]*\r?")


# (a heading's line read whole and its closing #s and spaces cut after, _heading_words: a lazy title before
# "[ \t#]*\r?$" tried each split of a run of spaces, a heading line with 50,000 spaces in it over a minute)
_HEADING = re.compile(r"^[ \t]*(#{1,6})[ \t]+([^\n]+)$", re.M)
# the other way Markdown writes a top heading: its line underlined with "=" (LCTT's articles)
_UNDERLINED_HEADING = re.compile(r"^[ \t]*(\S[^\n]*)\n[ \t]*={3,}[ \t]*\r?$", re.M)
_BOXED = re.compile(r"={3,}[ \t]*\r?\n\Z")  # a rule of "=" just above a line
# a header's field ("Interview participant: [Int2]", "Transcribed by: ..."), a rule, a comment (also
# Markdown's "[#]: collector: (...)", LCTT's)
_NOT_A_TITLE = re.compile(
    r"[A-Z][\w ]{0,30}:[ \t]|(?:[-*_=][ \t]*){3,}$|<!--|\[[^\]\n]*\]:[ \t]|" + _TIMECODE_RANGE + "$"
    # a sound or a stage direction in brackets, the whole line ("(Intro music: Electroswing)" above Orbit FM's
    # transcripts, "[Music]"; not the GPO's "[House Hearing, 118 Congress]" above a hearing's title)
    r"|\([^()\n]*\)$|\[[^\[\]\n,\d]{1,40}\]$"
    # StreetEvents' lines above the event's name ("Thomson Reuters StreetEvents Event Transcript", "E D I T E D
    # V E R S I O N", "Final Transcript")
    r"|(?:Thomson Reuters |Refinitiv |LSEG )?StreetEvents\b|E D I T E D\b|(?:Final|Preliminary|Edited) Transcript$"
    # Teams' note of who started the transcript, where its export lost the recording's name line above it ("Dana Rook
    # started transcription"; in Dutch, "Dana Rook heeft de transcriptie gestart")
    r"|[^\n]{1,100}[ ](?:started transcription|heeft de transcriptie gestart)[ \t]*$"
    # a podcast directory's cover image's alternative text above the episode's title (Metacast's "<title> - podcast
    # episode cover")
    r"|[^\n]{1,200}[ ]-[ ]podcast episode cover[ \t]*$"
    # a section's heading closing with its time, between the turns ("Producer's intro [00:00:00]" under "Transcript")
    r"|[^\n]{1,120}[ \t][\[(]\d{1,2}:\d{2}(?::\d{2})?[\])][ \t]*$"
    # a heading announcing the full text above the labels, no title (vie-publique.fr's "Texte intégral")
    r"|(?i:texte int[ée]gral|full transcript|transcript|transcription|transkript|volltext|transcripci[óo]n|trascrizione"
    r"|стенограмма|расшифровка)"
    r"[ \t]*:?[ \t]*$"
)


# Teams' length of the meeting ("27m 42s", "1h 3m 5s") on a line of its own (the day: _head.HEAD_DATE)
_HEAD_LENGTH = re.compile(r"(?:(?P<h>\d+)h )?(?P<m>\d+)m (?P<s>\d+)s")


# f4transkript's (German qualitative research) time mark at a paragraph's end, the time the turn
# ended: "I: Und dann? #00:00:27-4#"
_END_MARK = re.compile(r"[ \t]*#(?P<time>\d{1,2}:\d{2}:\d{2})(?:[-.,](?P<tenth>\d{1,2}))?#$")


# the White House's name for a briefing, its day after a comma, month first ("Press Briefing by Press Secretary Josh
# Earnest, 1/11/2017"; a copy's "1/17/17"): the title, under the archive's banner lines, and the day
_BRIEFING_TITLE = re.compile(
    r"(?:Press Briefing|Press Gaggle|Press Conference|Remarks|(?:On-the-Record|Background) Press Call)[ ](?:by|of|with)[ ]"
    r"[^\n]{3,160}?,[ ](?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4}|\d{2})")


# a page's title of a kind, a colon, what happened and the day after a dash (factba.se's "Press Conference: Dana
# Reyes Holds a Press Briefing at The White House - March 4, 2025")
_DATED_PAGE_TITLE = re.compile(
    r"(?:Press Conference|Press Briefing|Press Gaggle|Remarks|Interview|Speech|Statement):[ ][^\n]{3,160}?"
    r"[ ][-–—][ ](?P<day>[A-Z][a-z]+[ ]\d{1,2},[ ]\d{4})")


def _briefing_day(line: str) -> dt.date | None:
    dated = _DATED_PAGE_TITLE.fullmatch(line)
    if dated:
        return parse_date(dated["day"])
    m = _BRIEFING_TITLE.fullmatch(line)
    if not m:
        return None
    year = int(m["year"]) + (2000 if len(m["year"]) == 2 else 0)
    try:
        return dt.date(year, int(m["month"]), int(m["day"]))
    except ValueError:
        return None


def _head_facts(head: str) -> dict:
    """The published day, the hosts a "Hosts:" field names and the length a transcript's header gives on lines of
    their own."""
    out: dict = {}
    lines = [line.strip() for line in head.splitlines()]
    for line in lines:
        if "published" not in out and (day := day_of_line(line) or day_closing_line(line) or _briefing_day(line)):
            out.update(published=day, published_precision="day")
        if "hosts" not in out and (hosts := several_hosts_of_line(line)):
            out["hosts"] = hosts  # "Hosts: Carol Off and Chris Howden" above the labels
        length = _HEAD_LENGTH.fullmatch(line)
        if length and "duration_seconds" not in out:
            out["duration_seconds"] = int(length["h"] or 0) * 3600 + int(length["m"]) * 60 + int(length["s"])
    if "published" not in out and (day := next((d for line in lines if (d := day_opening_line(line))), None)):
        out.update(published=day, published_precision="day")  # a line opening with the day, no field's: a page's dateline
    return out


_LONGEST_TITLE = 200  # a longer first line is a paragraph (an interview's introduction), not a title

# a site's link back, the first line of a transcript page copied as text ("Return to Transcripts main page")
# (also the link alone, in any language: "zurück" above a German politician's interview)
_SITE_LINK_LINE = re.compile(r"(?i)(?:(?:go )?back|return) to\b.{0,60}|skip to (?:main )?content"
                             r"|(?:[←‹«<][ \t]*)?(?:back|zurück|retour|volver|voltar|indietro|terug)[ \t]*")


def _broadcast_heading(head: str) -> tuple[str, str] | None:
    """A broadcast transcript's header (CNN's pages copied as text: the site's link back, the show,
    the headline, "Aired May 02, 2011 - 21:00 ET") in, (show, headline) out: the lines just above
    the "Aired" line; None where there is no such line."""
    lines = [line.strip() for line in head.splitlines() if line.strip()]
    aired = next((i for i, line in enumerate(lines) if line.startswith("Aired") and HEAD_DATE.fullmatch(line)), None)
    if not aired or _SITE_LINK_LINE.fullmatch(lines[aired - 1]):
        return None
    show = lines[aired - 2] if aired >= 2 and not _SITE_LINK_LINE.fullmatch(lines[aired - 2]) else ""
    return show, lines[aired - 1]


# a podcast host's episode page as text (Buzzsprout's): the show's name, the episode's title, then a line closing with
# the episode's number ("February 02, 2024 Buzzsprout Episode 120", "Buzzsprout Episode 173", "Season 2 Episode 5")
_EPISODE_NUMBER_LINE = re.compile(r"\S[^\n]{0,80}?[ \t]Episode[ \t]+\d{1,5}")


def _episode_page_heading(head: str) -> tuple[str, str] | None:
    """A podcast host's episode page's header (the show, the episode's title, a line closing with the episode's number)
    in, (show, title) out; None for any other header."""
    lines = [line.strip() for line in head.splitlines()[:12] if line.strip()]
    if len(lines) < 3 or not _EPISODE_NUMBER_LINE.fullmatch(lines[2]):
        return None
    show, title = lines[0], lines[1]
    if len(show) > 60 or len(title) > _LONGEST_TITLE or reads_as_prose(title) or field_title(show) is not None:
        return None
    return show, title


def _heading_words(line: str, cut: str) -> str:
    """A heading's line less what closes it: a carriage return, then the characters in `cut` (spaces, a
    Markdown heading's closing #s); its first character kept whatever it is."""
    body = line[:-1] if line.endswith("\r") else line
    return body.rstrip(cut) or line[:1]


def _title(head: str) -> str:
    """The text before the first label in, its title out: its first heading of the highest
    level (without the #s), else a title field's value, else its first line that is not a header's
    field or a rule; "" when there is none. (A Markdown front matter's `title:` is read before, front_matter.py.)"""
    headings = [(len(m.group(1)), m.start(), _heading_words(m.group(2), " \t#").strip()) for m in _HEADING.finditer(head)]
    # StreetEvents' "Corporate Participants" between rules: a section (the rule looked for on the line above only,
    # where the pattern can match: from the head's start for each heading, 50,000 headings were quadratic)
    headings += [(1, m.start(), _heading_words(m.group(1), " \t")) for m in _UNDERLINED_HEADING.finditer(head)
                 if not _BOXED.search(head, head.rfind("\n", 0, max(m.start() - 1, 0)) + 1, m.start())]
    if headings:
        return min(headings)[2]
    lines = [(line.strip(), len(line)) for _, _, _, line in iter_lines(head) if line.strip()]
    # a title field's value ("Title: ...", "Titel: ...", Chinese minutes' "主题：..."); no other field is a title
    named = next((value for line, n in lines if n <= _LONGEST_TITLE and (value := field_title(line))), "")
    if named:
        return named
    briefing = next((line for line, n in lines if n <= _LONGEST_TITLE
                     and (_BRIEFING_TITLE.fullmatch(line) or _DATED_PAGE_TITLE.fullmatch(line))), "")
    if briefing:
        return briefing
    first = next((line for line, n in lines if n <= _LONGEST_TITLE and not _NOT_A_TITLE.match(line)
                  and field_title(line) is None and not _SITE_LINK_LINE.fullmatch(line) and not _banner(line)), "")
    return "" if reads_as_prose(first) else _OCW_PAGE_HEADER.sub("", _TEAMS_RECORDING_NAME.sub("", first))


def _banner(line: str) -> bool:
    """A site's call in capitals across the top of its pages ("LISTEN TO RADIO NORD WHEREVER YOU ARE!", a Russian
    radio's transcript pages): no title."""
    return line.endswith("!") and line.isupper()


_ASKERS = frozenset({"Question", "Q"})
_ANSWERERS = frozenset({"Answer", "A"})
# a paragraph opening with its time linked to the video ("[03:12](https://youtu.be/abc?t=192) The first lesson...")
_PARAGRAPH = re.compile(r"^[ \t]*\S[^\n]*(?:\n[ \t]*\S[^\n]*)*", re.M)
_TIMED_PARAGRAPH = re.compile(rf"^[ \t]*\[(?P<time>{_TIME})\]\([^)\s]*\)[ \t]+(?=\S)", re.M)


def _talk_before_questions(text: str, first_label: int, speaker: str) -> list[ParsedTurn]:
    """The paragraphs just above a talk's first "Question:" label, where every one of them, two or
    more, opens with its time linked to the video: the talk itself, the answering speaker's words,
    a turn per paragraph at its time (a page's notes above them stay outside). [] where they are not."""
    paragraphs = list(_PARAGRAPH.finditer(text, 0, first_label))
    talk: list[ParsedTurn] = []
    for p in reversed(paragraphs):
        m = _TIMED_PARAGRAPH.match(text, p.start(), p.end())
        if not m:
            break
        a, b = trim(text, m.end(), p.end())
        talk.append(ParsedTurn(start_char=a, end_char=b, line=text.count("\n", 0, a) + 1, speaker_label=speaker,
                               start_seconds=parse_clock(m.group("time"))))
    return talk[::-1] if len(talk) >= 2 else []


# a heading naming an opening statement, alone on its line, no speaker in it ("【冒頭発言】" in a newspaper's summary of
# a press conference, "Opening statement:", "## Opening remarks", "**Eröffnungsrede**"): the words below it, above the
# first label, are the answering side's, the official giving the press conference
_OPENING_STATEMENT_HEADING = re.compile(
    r"^[ \t\u3000]*(?:#{1,6}[ \t]+)?(?:\*\*|__)?[【\[(（]?(?:冒頭(?:発言|挨拶)|开场发言|(?i:opening (?:statement|remarks)"
    r"|eröffnungs(?:rede|statement)|eingangsstatement|déclaration liminaire|propos liminaires|declaración inicial))"
    r"[】\])）]?:?(?:\*\*|__)?:?[ \t\u3000]*\r?$", re.M)
# the asking side's labels: the answering one is the other
_ASKING_SIDE = re.compile(r"(?i)(?:q|question|frage|reporter|journalist|press)\b|記者|记者|問|问")
_HEADING_LINE = re.compile(r"[ \t\u3000]*(?:【[^【】\n]{1,20}】|#{1,6}[ \t][^\n]*|\*\*[^*\n]{1,60}\*\*)[ \t\u3000]*\r?")


def _opening_statement(text: str, first_label: int, said: set) -> list[ParsedTurn]:
    """The lines below an opening statement's heading (_OPENING_STATEMENT_HEADING) above the first label, where of two
    labels one asks (a reporter) and the other answers: the answering label's turns, one a run of lines, the
    headings after it ("【質疑応答】", questions and answers) no one's. [] where there is no such heading."""
    if len(said) != 2:
        return []
    answering = [label for label in said if label and not _ASKING_SIDE.match(label)]
    if len(answering) != 1:
        return []
    heading = None
    for heading in _OPENING_STATEMENT_HEADING.finditer(text, 0, first_label):
        pass
    if heading is None:
        return []
    turns: list[ParsedTurn] = []
    run_start = run_end = None
    position = heading.end()
    for line in text[heading.end():first_label].split("\n"):
        start, end = position, position + len(line)
        position = end + 1
        words = line.strip(" \t\u3000\r")
        if words and not _HEADING_LINE.fullmatch(line) and not _NOT_SPOKEN_LINE.fullmatch(line.rstrip("\r")):
            run_start = start if run_start is None else run_start
            run_end = end
            continue
        if run_start is not None and not words:
            continue  # a blank line between the statement's paragraphs
        if run_start is not None:
            turns.append(_statement_turn(text, run_start, run_end, answering[0]))
            run_start = None
        if words:  # a heading: what follows is no longer the statement
            break
    if run_start is not None:
        turns.append(_statement_turn(text, run_start, run_end, answering[0]))
    return turns


def _statement_turn(text: str, a: int, b: int, speaker: str) -> ParsedTurn:
    a, b = trim(text, a, b)
    return ParsedTurn(start_char=a, end_char=b, line=text.count("\n", 0, a) + 1, speaker_label=speaker)


# a talk before its audience's questions, written without times (bitcointranscripts' conference talks):
# three paragraphs of prose or more, 100 words or more, and no fewer words than the exchange after them;
# a magazine's introduction before its first "Q:" is a paragraph or two, shorter than the interview
_TALK_PARAGRAPHS_MIN, _TALK_WORDS_MIN = 3, 100
_SOMEONE_ELSES = re.compile(r"[ \t]*\*{0,2}[A-Za-z][\w .'-]{0,30}\*{0,2}:\*{0,2}[ \t]")  # "darosior: ..." from the floor


def _untimed_talk_before_questions(text: str, first_label: int, speaker: str, turns) -> list[ParsedTurn]:
    """The paragraphs of prose just above a talk's first "Q:" label, its section headings between
    them (nobody's words), where they are a talk (_TALK_PARAGRAPHS_MIN): the answering speaker's
    words, a turn per paragraph; the header above them (fields, links, a title) stays outside. []
    where they are not."""
    talk: list[ParsedTurn] = []
    for p in reversed(list(_PARAGRAPH.finditer(text, 0, first_label))):
        lines = p.group().split("\n")
        if all(_NOT_SPOKEN_LINE.fullmatch(line.rstrip("\r")) for line in lines):
            continue  # a heading or a rule between the talk's sections
        if _SOMEONE_ELSES.match(lines[0]):
            continue  # a remark from the floor, labelled once: not the speaker's
        if not reads_as_prose(lines[-1]) and not (talk and reads_as_prose(p.group())):
            break
        a, b = trim(text, p.start(), p.end())
        talk.append(ParsedTurn(start_char=a, end_char=b, line=text.count("\n", 0, a) + 1, speaker_label=speaker))
    words = sum(len(text[t.start_char:t.end_char].split()) for t in talk)
    if len(talk) < _TALK_PARAGRAPHS_MIN or words < _TALK_WORDS_MIN:
        return []
    if words < sum(len(text[t.start_char:t.end_char].split()) for t in turns):
        return []
    return talk[::-1]


# a diariser's numbered voices are read however many there are (_labels_enough), up to this many: a large
# panel's or a council's public comment has a few hundred; thousands are no conversation, and reading them
# costs time in the square of their number (attribute.py compares each speaker's turns with the others')
_MOST_VOICES = 1000


def _past_most_voices(starts):
    """The label line naming the first speaker past _MOST_VOICES, or None."""
    if len({candidate[5] for candidate in starts}) <= _MOST_VOICES:
        return None
    seen = set()
    for candidate in starts:
        seen.add(candidate[5])
        if len(seen) > _MOST_VOICES:
            return candidate
    return None


def _times_of_day(starts, turns: list[ParsedTurn]) -> bool:
    """Whether the labels' times are the time of day, as Zoom saves a meeting's captions and transcript
    ("[Jane Doe] 11:02:09" above the words): every label that shape, the first time an hour or more. The
    recording counts from the first of them; the same shape from under an hour is read as the recording's own time."""
    if not turns or turns[0].start_seconds is None or turns[0].start_seconds < 3600:
        return False
    return all(m.re is HEADER_LINE and m.group("bracket") and m.group("t2") and not m.group("lead") for *_, m, _ in starts)


# a page's line of links only, a converter's navigation ("[← AUDIENCE: [INAUDIBLE]](04-audience.md) · [Up: contents](index.md)")
_LINKS_ONLY = re.compile(r"[ \t]*(?:\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\([^)\s]*\)[ \t]*(?:[·|•][ \t]*)?)+\r?")
_RULE = re.compile(r"[ \t]*(?:(?P<rule>[-*_])[ \t]*)(?:(?P=rule)[ \t]*){2,}\r?")


def _after_table(text: str, row_end: int, stop: int) -> tuple[int, int] | None:
    """The words between a table's row (ending at `row_end`) and the next label at `stop`, past the table's rule and
    rows without a label, the page's number, Markdown rules and lines of links only; None where there are none."""
    at = row_end
    while at < stop:
        end = text.find("\n", at + 1, stop)
        end = stop if end < 0 else end
        line = text[at + 1:end] if text[at] == "\n" else text[at:end]
        if line.strip() and not (_TABLE_RULE_OR_PAGE.fullmatch(line) or line.lstrip().startswith("|") or _RULE.fullmatch(line)
                                 or _LINKS_ONLY.fullmatch(line)):
            a, b = trim(text, at, stop)
            return (a, b) if b > a else None
        at = end
    return None


def _without_bold_ends(text: str, a: int, b: int) -> tuple[int, int]:
    """A turn's span without the bold that opens its first paragraph and closes its last ("**Good morning. ...**",
    a PDF's bold words in Markdown): markup, no one's words; the spans between its paragraphs keep theirs."""
    if b - a > 4 and text.startswith(("**", "__"), a) and text.startswith(text[a:a + 2], b - 2):
        return trim(text, a + 2, b - 2)
    return a, b


def parse(text: str, *, source: str, label_lines=None) -> ParsedSource:
    """Text in, ParsedSource with one labelled turn per "Name:" line out (`label_lines`: what
    `detected` found, when it read the whole text)."""
    starts = _label_lines(text)[0] if label_lines is None else label_lines
    if not starts:
        return refused(NAME, source, 1, "not a labelled transcript: no 'Name: text' lines found")
    past_most = _past_most_voices(starts)
    if past_most is not None:
        return refused(NAME, source, past_most[0], f"more distinct speaker labels than a conversation has (at most "
                       f"{_MOST_VOICES} read; {past_most[5]!r} is one more): not read")
    errors: list[IngestError] = []
    title = _title(text[: starts[0][1]])
    turns: list[ParsedTurn] = []
    previous_time = None
    day = 0.0  # a clock past midnight: the seconds of the days before (_on_its_day)
    ended_at = None  # the time an f4transkript mark gave the end of the turn before
    notice = _COPYRIGHT_NOTICE.search(text, starts[-1][1])
    end = notice.start() if notice else len(text)
    credit = _CREDIT.search(text, max(0, end - 300), end) or _SOURCE_LINK.search(text, max(0, end - 600), end)
    bounds = [c[1] for c in starts[1:]] + [credit.start() if credit else end]
    below = starts[-1][4].re is STREETEVENTS_LABEL_LINE and _DASHED_RULE.match(text, starts[-1][2] + 1)
    footer = (_FOOTER_RULE.search(text, below.end() if below else starts[-1][1], bounds[-1])
              or _READ_MORE_LINE.search(text, starts[-1][2], bounds[-1]))
    if footer:  # the page's footer after the last turn ("----...----" then "via: ...", the credits)
        bounds[-1] = footer.start()
    if (listed := _PARTICIPANTS_AFTER.search(text, starts[-1][1], bounds[-1])) and _the_operator_speaks(starts):
        bounds[-1] = listed.start()  # the Motley Fool's "Call participants:" list and its links after the last answer
    if "Meeting ended after" in text[-500:]:  # Meet's transcripts end with it (a whole scan costs 0.03 ms per 100 KB)
        ends = [e.start() for e in _MEETING_ENDED.finditer(text)]
        bounds = [next((e for e in ends if c[1] < e < stop), stop) for c, stop in zip(starts, bounds)]
    if "stopped transcription" in text and _teams_notes(text, _TRANSCRIPTION_STARTED, 0, starts[0][1]):
        stops = _teams_notes(text, _TRANSCRIPTION_STOPPED, starts[0][1], len(text))
        for i, (c, stop) in enumerate(zip(starts, bounds)):
            first = bisect.bisect_right(stops, c[1])
            if first < len(stops) and stops[first] < stop:
                bounds[i] = stops[first]
    time_before = _time_line_before(text, starts[0][1])  # a bare time line just before this label (Google Meet's "00:05:00")
    lines_starting = _LinesStarting(text)
    shown = {id(c[4].re) for c in starts}  # the labels' shapes (by id: a pattern's hash reads its whole program)
    parliament = id(HANSARD_LABEL_LINE) in shown or id(ORAL_QUESTION_LINE) in shown
    tables = id(TABLE_LABEL_LINE) in shown  # a PDF's columns as a table: its page numbers about
    listed_titles = None  # an earnings call's participants' titles, once a listed name labels a turn
    # a label said again is one match (_candidates), read here once: its time, where its words start, its role hint
    read: dict[re.Match, tuple] = {}
    part_of: dict[str, str] = {}  # a name labelled with its part ("Sandra Salinas, Entrevistadora:"): the part
    for (number, line_start, line_end, line, m, name), stop in zip(starts, bounds):
        label = read.get(m)
        if label is None:
            label = read[m] = (_stamp(m), m.group("rest"), m.start("rest"), _role_hint(m))
        stamp, rest, rest_start, role_hint = label
        if m.re is LABEL_LINE and m.group("role"):
            part_of.setdefault(name, m.group("role"))
        shape = m.re
        if time_before:
            stamp = stamp or time_before
            time_before = None
        seconds = parse_clock(stamp.replace(",", ".")) if stamp else None
        if stamp and seconds is None:
            errors.append(IngestError(source, number, f"malformed time mark {stamp!r}"))
        body = line_start + rest_start if rest else line_end
        a, b = trim(text, body, stop)
        after = None  # below a table row's label: the words after the table, the same voice over a page break
        if shape is TABLE_LABEL_LINE:
            after = _after_table(text, line_end, stop)
            a, b = trim(text, a, max(text.rfind("|", a, line_end), a))  # the words' cell, without the row's closing bar
        if shape is STREETEVENTS_LABEL_LINE and (rule := _DASHED_RULE.match(text, a)):
            a, b = trim(text, rule.end(), b)  # the rule under the label
        if shape is SHORTCODE_LINE and (close := _SHORTCODE_CLOSE.search(line)):
            b = min(b, line_start + close.start())  # the words end at the argument's closing quote
        # a bare "[00:01:23]" line just before the next label belongs to that label; a heading
        # or a rule between turns belongs to neither
        run_sheet = False  # a radio show's "Guest: Name" line under a segment's title
        while b > a:
            last_nl = text.rfind("\n", a, b)
            not_spoken = _NOT_SPOKEN_LINE.match(text, last_nl + 1, b) if last_nl >= 0 else None
            if not not_spoken:
                if last_nl < 0 or not (_title_written_again(text, last_nl + 1, b, lines_starting)
                                       or shape is HEARING_LABEL_LINE and _HEARING_HEADING.fullmatch(text, last_nl + 1, b)
                                       or (parliament or run_sheet) and _subject_heading(text, last_nl, b)
                                       or tables and _TABLE_RULE_OR_PAGE.fullmatch(text, last_nl + 1, b)):
                    break
            else:
                time_before = time_before or _time_of(not_spoken)
                run_sheet = run_sheet or bool(not_spoken.group("guest"))
            a, b = trim(text, a, last_nl)
        if shape is FACTBASE_NAME_LINE:
            a, b, range_start = _factbase_words(text, a, b)
            if range_start and seconds is None:
                seconds = parse_clock(range_start)
        if shape is COMPANY_NAME_LINE or shape is ANALYST_NAME_LINE:
            if listed_titles is None:
                listed_titles = {name: title for name, (_, title) in _call_participants(text.split("\n")).items()}
            first_end = text.find("\n", a, b)
            if first_end > 0 and text[a:first_end].strip() == listed_titles.get(name):
                a, b = trim(text, first_end, b)  # the title under the name, as listed ("Chief Financial Officer")
        if shape is HEADER_LINE and m.group("lead"):  # the converter's time before every line: its words' line too
            lead = _LEAD_TIME.match(text, a, b)
            a = lead.end() if lead else a
        if b - a > 2 and text.startswith("**", b - 2) and line.count("**", 0, rest_start if rest else len(line)) == 1:
            a, b = trim(text, a, b - 2)  # "**CRAIG BOX: question**": the bold opened with the label closes here
        if text[a : a + 1] in "*_":  # (what _without_bold_ends looks for first: no call a turn where it cannot be)
            a, b = _without_bold_ends(text, a, b)
        if shape is EMPHASISED_LABEL_LINE and text[b - 1 : b] in "*_":
            a, b = trim(text, a, len(text[a:b].rstrip("*_")) + a)  # "_**Futurism: question?**_": the emphasis it closes
        if seconds is None and ended_at is not None:
            seconds = ended_at
        ended_at = None
        if text[b - 1 : b] == "#" and (end_mark := _END_MARK.search(text, a, b)):
            a, b = trim(text, a, end_mark.start())  # no one's words: the time the turn ended, the next began
            ended_at = parse_clock(end_mark.group("time") + "." + (end_mark.group("tenth") or "0"))
        if b <= a:
            if seconds is not None:  # an empty turn's time still counts for the order
                seconds, day = _on_its_day(seconds, previous_time, day)
                previous_time = _in_order(seconds, previous_time, source, number, errors)
            continue
        line_no = number if rest else number + text.count("\n", line_end, a)
        opening = _OPENING_TIME.match(text, a) if seconds is None and text[a] in "[(\\" else None
        if opening and opening.end() < b:  # "**Jane Doe:** \[00:12:15.23\] text": the turn's time, not its words
            seconds = parse_clock(opening.group("time").replace(",", "."))
            words, end = trim(text, opening.end() + (text[opening.end()] == ":"), b)  # Rev's "(00:03:42):"
            if words < end:
                line_no += text.count("\n", a, words)
                a, b = words, end
        parts = _continued(text, a, b, line_no, seconds) if text.find("\n", a, b) >= 0 else ((a, b, line_no, seconds),)
        for a, b, line_no, seconds in parts:
            if seconds is not None:
                seconds, day = _on_its_day(seconds, previous_time, day)
                previous_time = _in_order(seconds, previous_time, source, line_no, errors)
            # (every field by position: a turn a label, and the keyword call took twice as long, 0.6 us a turn)
            turns.append(ParsedTurn(a, b, line_no, name, seconds, None, False, role_hint))
        if after:
            a, b = _without_bold_ends(text, *after)
            turns.append(ParsedTurn(start_char=a, end_char=b, line=number + text.count("\n", line_start, a), speaker_label=name,
                                    role_hint=role_hint))
    if part_of:
        turns = _part_opened(turns, part_of)
    if _times_of_day(starts, turns):
        first = turns[0].start_seconds
        turns = [replace(t, start_seconds=t.start_seconds - first) if t.start_seconds is not None else t for t in turns]
    content_start = starts[0][1] + len(starts[0][3]) - len(starts[0][3].lstrip())
    if len({t.speaker_label for t in turns}) == 1:
        asked = _asked_in_headings(text, turns, starts[0][1])
        if not asked:  # the questions bare paragraphs above the labels
            answers, asked = _asked_between_turns(text, turns, starts[0][1])
            turns = answers or turns
        if asked:
            turns = sorted(turns + asked, key=lambda t: t.start_char)
            content_start = min(content_start, text.rfind("\n", 0, turns[0].start_char) + 1)
            title = _title(text[:content_start])
    said = {t.speaker_label for t in turns}
    if len(said) == 2 and said & _ASKERS:  # a talk's paragraphs before its "**Question**:" / "**Answer**:"
        answerer = (said - _ASKERS).pop()
        talk = _talk_before_questions(text, content_start, answerer) or _untimed_talk_before_questions(
            text, content_start, answerer, turns)
        if talk:
            turns = talk + turns
            content_start = text.rfind("\n", 0, talk[0].start_char) + 1
            title = _title(text[:content_start])
    if not (len(said) == 2 and said & _ASKERS) and (opening := _opening_statement(text, content_start, said)):
        turns = opening + turns
        content_start = text.rfind("\n", 0, opening[0].start_char) + 1
        title = _title(text[:content_start])
    if {"Q", "A"} <= said and (examiners := [(m.start(), m.group("name")) for m in _EXAMINER_LINE.finditer(text)]):
        turns = examiners_and_witness(turns, examiners)  # a trial's or a deposition's "BY MS. ORTIZ:", then Q. and A.
    if {"Q", "A"} <= said:  # the bench and counsel between a trial's Q and A lines ask, rule and object
        turns = court_and_counsel_ask(turns)
    if said <= {"Q", "A"}:  # "Q: ...? A: ..." on each line: the answers inside
        turns = inline_questions_and_answers(text, turns)
    elif all(name.isupper() for name in said):  # "[00:00:19] AUDIENCE: Yes. DAVID MALAN: Go ahead." (CS50)
        turns = labels_in_capitals(text, turns, known=frozenset(said))
    interviewer = _interviewer_in_header(text[:content_start])
    if interviewer and said & _ASKERS and interviewer not in said:  # IEEE's oral histories: "INTERVIEWER: Peter Asaro", then "Q:"
        turns = [replace(t, speaker_label=interviewer, role_hint="host") if t.speaker_label in _ASKERS else t for t in turns]
        title = _oral_history_title(text[:content_start], title)
    elif interviewer and (asking := _interviewers_label(interviewer, said)):
        # NASA's oral histories: "Interviewed by Jennifer Ross-Nazzal", then "Ross-Nazzal:" opening with the day and thanks,
        # not asking: the header says who the host is
        turns = [replace(t, role_hint="host" if t.speaker_label == asking else t.role_hint or "guest") for t in turns]
    # a talk's "Q:" from the floor and "A:" from its speaker, named alone in the header (bitcointranscripts' talks:
    # the day, then "Paul Sztorc (Tierion)")
    speaker = talk_speaker(text[:content_start]) if said & _ASKERS and said & _ANSWERERS else None
    if speaker and speaker not in said:
        turns = [replace(t, speaker_label=speaker, role_hint="guest") if t.speaker_label in _ANSWERERS else t for t in turns]
    if any(t.speaker_label == "Operator" and (t.role_hint == "host" or t.role_hint is None
                                              and _OPERATOR_WORDS.search(text, t.start_char, t.end_char)) for t in turns):
        turns = _call_roles(text, turns)
    if turns and any(c[4].re is KARMA_LINE for c in starts):
        turns = _ama_roles(turns)
        post = _ama_post(text, content_start, next(t.speaker_label for t in turns if t.role_hint == "guest"))
        if post:
            turns = [post] + turns
            content_start = post.start_char
    opening = _introduced_before_labels(text, content_start, turns) if turns and not said & _ASKERS else []
    if opening:  # a radio page that lost its first label: the host's "I'm Neal Conan" opens the words
        turns = opening + turns
        content_start = opening[0].start_char
    content_end = turns[-1].end_char if turns else len(text)
    full = full_forms(dict.fromkeys(t.speaker_label for t in turns if t.speaker_label))  # "OKOYE" -> "SEN. TIM OKOYE"
    official = _officials_statement(text, starts)
    if official:
        turns = [replace(t, role_hint="guest") for t in turns]
    hearing = not official and (_is_hearing(starts) or members_ask(text, turns, full=full))
    head = text[:content_start]
    if hearing:
        roles = hearing_roles(text, turns, front=text[: starts[0][1]], full=full)
        turns = [replace(t, role_hint=roles.get(t.speaker_label)) for t in turns]
        witnesses = [label for label, role in roles.items() if role == "guest"]
        remarks = _prepared_remarks(text, content_start, witnesses[0]) if len(witnesses) == 1 else []
        if remarks:
            turns = remarks + turns
            content_start = text.rfind("\n", 0, remarks[0].start_char) + 1
    broadcast = (_broadcast_heading(head) or _episode_page_heading(head)
                 or show_above_marked_title([line.strip() for line in head[:8000].splitlines()[:40] if line.strip()]))
    show, title = broadcast if broadcast else ("", title)
    if len(turns) > 1 and {t.speaker_label for t in turns} == {_OTTER_UNIDENTIFIED}:
        # Otter tells no voice apart: its placeholder on every paragraph names no one, and the voices are found from
        # the words, as in a text without labels (its times kept)
        turns = [replace(t, speaker_label=None) for t in turns]
    return ParsedSource(
        format=NAME, metadata=Metadata(title=title, show=show, **_head_facts(head)), turns=tuple(turns),
        content_start=content_start, content_end=content_end, errors=tuple(errors), hearing=hearing,
    )


_OTTER_UNIDENTIFIED = "Unknown Speaker"

# a speaker saying who they are early in a paragraph ("This is TALK OF THE NATION. I'm Neal Conan, in Washington.",
# "Hey, I'm Kelly McEvers.")
_SELF_INTRODUCTION = re.compile(r"\bI['’]m (?P<name>[A-Z][a-z]+(?: (?:Mc|Mac|O['’])?[A-Z][a-z'’-]+){1,2})\b(?![ ][A-Z])")
_INTRODUCTION_CHARS = 80  # how far into a paragraph the introduction comes
_OPENING_PARAGRAPHS = 6


def _introduced_before_labels(text: str, content_start: int, turns: list[ParsedTurn]) -> list[ParsedTurn]:
    """The prose paragraphs just above the first label where the first of them opens with a speaker saying who they
    are (NPR's pages as text, which lose the label of the opening lines): a turn of that name, the host's, and
    another at each paragraph opening with another introduction ("And I'm Eric Mennel."); [] where there are none."""
    head = text[:content_start]
    if "I'm " not in head and "I’m " not in head:
        return []
    paragraphs = list(_PARAGRAPH.finditer(text, 0, content_start))[-_OPENING_PARAGRAPHS:]
    first = next((k for k, p in enumerate(paragraphs) if _SELF_INTRODUCTION.search(text, p.start(), min(p.end(), p.start() + _INTRODUCTION_CHARS))), None)
    if first is None:
        return []
    # the name written as the labels write it in capitals, where one of them is its surname ("MCEVERS:" below
    # "Hey, I'm Kelly McEvers."): the same speaker
    surnames = {label.casefold() for label in {t.speaker_label for t in turns} if label and label.isupper()}
    out: list[ParsedTurn] = []
    for p in paragraphs[first:]:
        a, b = trim(text, p.start(), p.end())
        if not text[b - 1] in ".?!\"”’)":
            return []  # a heading or a page's line among them: no one's opening words
        intro = _SELF_INTRODUCTION.search(text, a, min(b, a + _INTRODUCTION_CHARS))
        name = intro.group("name") if intro else None
        if name and name.split()[-1].casefold() in surnames:
            name = name.upper()
        if name and (not out or name != out[-1].speaker_label):
            out.append(ParsedTurn(start_char=a, end_char=b, line=text.count("\n", 0, a) + 1, speaker_label=name,
                                  role_hint="host"))
        else:
            out[-1] = replace(out[-1], end_char=b)
    return out


# a hearing's witness's statement under its own heading above the questions ("# Prepared remarks.", "## Opening
# statement": a committee transcript on bitcointranscripts)
_REMARKS_HEADING = re.compile(r"(?im)^[ \t]*#{1,6}[ \t]+(?:prepared|opening)[ \t]+(?:remarks|statement)\.?[ \t]*\r?$")


def _prepared_remarks(text: str, end: int, witness: str) -> list[ParsedTurn]:
    """The paragraphs of prose under the last prepared remarks' heading before `end` (the first label), up to the
    next heading: the one witness's words, a turn each; a note between them ("(11m 32s)") is no one's. [] where
    there is no such heading."""
    heading = None
    for heading in _REMARKS_HEADING.finditer(text, 0, end):
        pass
    if heading is None:
        return []
    remarks = []
    line_no, counted = text.count("\n", 0, heading.end()) + 1, heading.end()
    for p in _PARAGRAPH.finditer(text, heading.end(), end):
        lines = p.group().split("\n")
        if all(_NOT_SPOKEN_LINE.fullmatch(line.rstrip("\r")) for line in lines):
            break  # the next section's heading
        if not reads_as_prose(lines[-1]):
            continue
        a, b = trim(text, p.start(), p.end())
        line_no, counted = line_no + text.count("\n", counted, a), a
        remarks.append(ParsedTurn(start_char=a, end_char=b, line=line_no, speaker_label=witness, role_hint="guest"))
    return remarks


# the examiners' lines where they stand in a text ("BY MS. ORTIZ:" on its own line)
_EXAMINER_LINE = re.compile(r"(?m)^" + EXAMINER_LINE.pattern)


# a header's field naming who asks, in an oral history's front matter ("INTERVIEWER: Peter Asaro", bold or not,
# an affiliation after a comma)
_INTERVIEWER_FIELD = re.compile(
    r"(?im)^[ \t]*(?:\*\*)?(?:interviewer(?:\*\*)?[ \t]*:|interviewed[ \t]+by(?:\*\*)?[ \t]*:?)[ \t]*(?:\*\*[ \t]*)?"
    r"(?P<name>[^,\n*]+?)[ \t]*(?:\*\*)?[ \t]*(?:,[^\n]*)?$")
# IEEE's line under "About the Interview": "OUSSAMA KHATIB: An Interview Conducted by Peter Asaro, IEEE History Center, ..."
_CONDUCTED_BY = re.compile(r"(?im)^[ \t]*(?P<name>[^:\n]{2,80}):[ \t]*(?P<by>an interview conducted by [^,\n]+?)[ \t.]*(?:,|$)")


def _interviewer_in_header(head: str) -> str | None:
    """The name a header's "INTERVIEWER:" field gives (two to four capitalised words), or None."""
    field = _INTERVIEWER_FIELD.search(head)
    return field.group("name") if field and _looks_like_a_name(field.group("name"), words=2) else None


def _interviewers_label(interviewer: str, said: set) -> str | None:
    """The label naming the header's interviewer, by the whole name or the surname ("Ross-Nazzal" for "Jennifer
    Ross-Nazzal"), in a transcript of two labels; None where none does."""
    if len(said) != 2:
        return None
    forms = {interviewer.casefold(), interviewer.split()[-1].casefold()}
    found = [label for label in said if label and label.casefold() in forms]
    return found[0] if len(found) == 1 else None


def _oral_history_title(head: str, title: str) -> str:
    """An oral history's title, "Oussama Khatib: An Interview Conducted by Peter Asaro", where its first heading is
    only "About Oussama Khatib" and the header has IEEE's line naming the interview; else the title as it was."""
    about = re.fullmatch(r"About[ \t]+(.+)", title)
    line = _CONDUCTED_BY.search(head)
    if about and line and line.group("name").strip().upper() == about.group(1).upper():
        return f"{about.group(1)}: {line.group('by')}"
    return title


def _part_opened(turns: list[ParsedTurn], parts: dict[str, str]) -> list[ParsedTurn]:
    """The turns, a label of two to four capitals that opens the part one name was labelled with given that
    name ("Sandra Salinas, Entrevistadora:" once, then "EN:" for her questions: a usability study's interviews);
    not where the capitals open two names' parts, nor where they are a name's own initials."""
    named = {t.speaker_label for t in turns if t.speaker_label}
    by_short: dict[str, set[str]] = {}
    for name, part in parts.items():
        for n in range(2, 5):
            by_short.setdefault(part[:n].upper(), set()).add(name)
    own_initials = {initials(name) for name in named}
    renamed = {short: next(iter(names)) for short, names in by_short.items()
               if len(names) == 1 and short in named and short not in own_initials and short not in parts}
    if not renamed:
        return turns
    hint = {t.speaker_label: t.role_hint for t in turns if t.speaker_label in renamed.values()}
    return [replace(t, speaker_label=renamed[t.speaker_label], role_hint=hint[renamed[t.speaker_label]])
            if t.speaker_label in renamed else t for t in turns]


def _is_hearing(starts) -> bool:
    """Whether the labels are a hearing's record: two names or more labelled in the GPO's shapes
    ("    Chairman Steil. ...", "Mr. SMITH. ..."), and no deposition's "Q." and "A." (one member's
    statement alone, under one label, has no one to ask or answer)."""
    names = {c[5] for c in starts if c[4].re in (HEARING_LABEL_LINE, PERIOD_LABEL_LINE)}
    return len(names) >= 2 and not names & {"Q", "A"}
