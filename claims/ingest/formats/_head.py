"""A transcript's header: the short lines above its first words that say what the recording is.

Saved transcripts open with a title, often a line naming the show and episode, a day ("Recorded:
March 3, 2024", "Published on 3 March 2024"), sometimes fields ("Host: ...", "Guest: ..."). None of
it is anybody's words. `header_lines` tells whether a paragraph is such a header; `header_facts`
reads the metadata it gives. `day_in_title` reads a day a title opens with, ends with or holds in brackets
("Transcript for May 28, 2013 ...", "... – 12 March 2024", "(2023-05-04)"), the pipeline's published day where nothing else gives one;
`month_in_title` a month and year alone in the same places ("... (March 2024)"), the published month.
"""
from __future__ import annotations

import datetime as dt
import re

from ..records import Metadata
from ._common import month_named, parse_date, reads_as_prose

_MAX_LINES = 6
_MAX_LINE = 120
# a line ending a sentence or a question, or going on, or with a sentence ended inside it, is said
_SAID_END = (".", "!", "?", "…", ",", "。", "！", "？")
_SENTENCE_INSIDE = re.compile(r"[.!?…]\s+[A-Z]")
# "Name: value", a field of the header; in French with a space before the colon ("Invité : ...", a no-break
# one as word processors type it), in Chinese and Japanese with a full-width one and no space after it
# ("嘉宾：陈静"); the name no word in lower case
_FIELD_LINE = re.compile(
    r"[ \t]*(?P<name>[^\W\d_][\w ]{0,30}?)[ \t\u00a0\u202f]*(?::[ \t]+|：[ \t]*)(?P<value>\S[^\n]{0,150}?)[ \t]*")
# the fields' names in English, German, French, Spanish, Portuguese, Italian, Russian, Chinese, Japanese, Korean
_TITLE_FIELDS = frozenset({"title", "transcript", "episode", "episode title", "interview", "titel", "titre", "título",
                           "titulo", "titolo", "название", "标题", "標題", "主题", "主題", "题目", "タイトル", "題名", "제목"})
_SHOW_FIELDS = frozenset({"show", "podcast", "programme", "program", "series", "sendung", "émission", "programa",
                          "programma", "节目", "番組", "프로그램"})
_HOST_FIELDS = frozenset({"host", "hosts", "presenter", "presenters", "interviewer", "hosted by", "interviewed by",
                          "moderation", "moderator", "moderatorin",
                          "animation", "animateur", "animatrice", "presentador", "presentadora", "conduce", "conduttore",
                          "conduttrice", "apresentação", "ведущий", "ведущая", "主持人", "主持", "司会", "聞き手", "진행"})
_GUEST_FIELDS = frozenset({"guest", "guests", "interviewee", "gast", "gäste", "invité", "invitée", "invités", "invitado",
                           "invitada", "invitados", "ospite", "ospiti", "convidado", "convidada", "гость", "гости", "嘉宾",
                           "ゲスト", "게스트"})
_LINK_FIELDS = frozenset({"link", "url", "source", "video", "audio"})
# fields that say how the transcript was made, or where, or of what, never its title
_OTHER_FIELDS = frozenset({"note", "notes", "transcribed by", "transcription", "transcript by", "length", "duration",
                           "location", "language", "speakers", "participants", "recording", "format", "tags", "topics",
                           "ort", "thema", "lieu", "sujet", "lugar", "tema", "luogo", "地点", "場所", "장소", "место"})


def _field(line: str):
    """A header's field ("Title: ...", "Invité : ...", "嘉宾：..."), or None."""
    m = _FIELD_LINE.fullmatch(line)
    if not m or m["name"][0].islower():
        return None
    # a Chinese sentence's words before a colon ("他说：今天我们去公园散步。") are said, no field
    return None if "：" in line[m.end("name"):m.start("value")] and m["value"].endswith(_SAID_END) else m

# a header's line giving the day: "Date: 12 March 2023", "March 12, 2023, 10:30 AM", "Recorded: March 3rd, 2024",
# "Published on 3 March 2024"; a transcript directory's "Episode Date: May 3, 2024" (podscripts.co); a broadcast's
# "Aired March 14, 2025 - 20:00 ET" (CNN's transcripts, the no-break spaces before "ET" read as spaces); a Teams transcript's "15 June 2026, 03:35am" under its title; also in other
# languages: "Datum: 15. März 2023", "Datum: 15.03.2023", "Aufgezeichnet am 15.03.2023", "Enregistré le 1er mars
# 2024", "Fecha: 3 de marzo de 2021", "14 marca 2024", "١٥ مارس ٢٠٢٣", "日期：2023年3月15日", "令和6年3月15日"; Chinese
# interview notes' "采访时间：2024年6月10日", Japanese and Korean minutes' day and time, "日時：2024年3月15日（金）
# 14:00～15:00", "일시: 2024년 3월 15일 (금) 14:00"
_WEEKDAYS = "|".join((
    "monday tuesday wednesday thursday friday saturday sunday montag dienstag mittwoch donnerstag freitag samstag "
    "sonnabend sonntag lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes miércoles jueves viernes sábado "
    "domingo segunda-feira terça-feira quarta-feira quinta-feira sexta-feira lunedì martedì mercoledì giovedì venerdì "
    "sabato domenica maandag dinsdag woensdag donderdag vrijdag zaterdag zondag").split())
HEAD_DATE = re.compile(
    r"(?:(?:Date|Datum|Fecha|Data|Дата|Tarih|日期|日付|날짜|采访时间|时间|時間|日時|일시|Air date|Episode [Dd]ate|Release [Dd]ate|(?:Recorded|Published|Posted|Aired|Broadcast)(?: on)?)"
    r"[ \t\u00a0\u202f]*[:：][ \t]*|(?:Recorded|Published|Posted|Aired|Broadcast|Enregistré|Publié|Diffusé|Aufgezeichnet"
    r"|Veröffentlicht|Gesendet|Grabado|Publicado|Emitido|Registrato|Pubblicato|Trasmesso)(?: on| am| il)?[ \t]+)?"
    # a dateline's place and weekday ("Berlin, Donnerstag, den 15. März 2023", the Bundestag's record; "Paris, le 12 mars
    # 2024"; "Thursday, March 15, 2023")
    # (a place's words possessive: '-' both in a word and between words split a hyphenated run every way, cubic:
    # a line of 800 'a-' took 4 s)
    # a Brazilian state after the city and a slash ("Sobradinho/BA, 05 de agosto de 2019", the presidency's interviews), a
    # US state's code after a comma and a dash before the day ("Houston, TX – 3 August 2015", NASA's oral histories)
    r"(?:[A-ZÀ-Þ][\w'’.-]*+(?:[ -][A-ZÀ-Þ][\w'’.-]*+){0,2}(?:/[A-Z]{2})?(?:,[ \t]+[A-Z]{2})?(?:,[ \t]+|[ \t]+[–—][ \t]+))?"
    r"(?:(?:" + _WEEKDAYS + r"),?[ \t]+)?(?:(?:den|le|el|il)[ \t]+)?"
    r"(?P<date>\d{1,2}(?:st|nd|rd|th|er)?\.? (?:de )?[^\W\d_]+\.?,? (?:de |del )?\d{4}(?: г\.?| года)?|[A-Za-z]+ \d{1,2}(?:st|nd|rd|th)?,? \d{4}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}|\d{4}\.\d{1,2}\.\d{1,2}|\d{4} ?[年년] ?\d{1,2} ?[月월] ?\d{1,2} ?[日일]?"
    r"|(?:令和|平成)(?:\d{1,2}|元) ?年 ?\d{1,2} ?月 ?\d{1,2} ?日)"
    # the weekday in brackets ("（金）", "(금)") or a Korean one bare ("금"), the hours or a span of them ("14:00～15:00",
    # Korean's and Japanese's morning or afternoon before them, "오후 2:30"), and the recording's length after a dot
    # (Naver Clova Note's "2024.03.15 금 오후 2:30 ・ 12분 40초"); an earnings call's "9:00 a.m. ET" with its full stops
    r"(?:[ \t]*[(（][^\W\d_]{1,3}[)）]|[ \t]+[월화수목금토일](?:요일)?)?"
    r"(?:(?:,?[ \t]+|(?<=[)）]))(?:-[ \t]*)?(?:(?:오전|오후|午前|午後)[ \t]*)?\d{1,2}:\d{2}(?:[ \t]*[AaPp]\.?[Mm]\.?)?"
    r"(?:[ \t]*[-–~〜～][ \t]*\d{1,2}:\d{2})?(?:[ \t]+[A-Z]{1,4}T)?)?"
    r"(?:[ \t]*[・·][ \t]*(?:\d+시간[ \t]*)?\d+분(?:[ \t]*\d+초)?)?"
    # a Japanese newspaper's time of posting after the day ("2020年6月19日 09時41分", the Tokyo Shimbun's)
    r"(?:[ \t\u3000]+\d{1,2}時\d{1,2}分)?", re.I)
# a control character or a Unicode line or paragraph break inside a line: no header's (a title or a name would
# hold it: "Guest: Bo\u2029Li")
_BREAK = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th|er)\b")  # "March 3rd", French "1er mars"
# "The Field Notes Podcast, Episode 41", "Field Notes Podcast - Ep. 41"
_SHOW_LINE = re.compile(r"(?P<show>.+?\b(?:Podcast|Show|Radio|Hour))[ \t]*(?:[,:|–—-][ \t]*)?(?:(?i:episode|ep\.?)[ \t]*\d+)?")


# "and" in German, French, Russian; Chinese and Japanese lists' "、" (not Spanish "y": "Ortega y Gasset" is one name)
_NAME_LIST = re.compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t](?:and|und|et|и)[ \t]|&|、)[ \t]*")


def _names(value: str) -> tuple[str, ...]:
    """ "Jane Park and Omar Diaz", "Jane Park, Omar Diaz & Lee Wu", "Anna Roth und Paul Weber" -> the names (a letter
    in each: "Host: -" names nobody)."""
    return tuple(name for name in _NAME_LIST.split(value) if any(c.isalpha() for c in name))


def _day(value: str):
    return parse_date(_ORDINAL.sub("", value.strip()))


# a day written in a recording's title: in brackets anywhere ("Talk (2023-05-04)", "[12 March 2024]"), or last
# after a dash, bar, colon or comma ("Beekeeping – 12 March 2024", "Episode 4 | March 12, 2024"); up to 30 characters
_TITLE_DAY = re.compile(r"[(\[]([^()\[\]]{6,30})[)\]]|(?:[–—|:,]|\s-)[ \t]*([^–—|:(\[]{6,30}?)[ \t]*$")
_SLASH_OR_DOTTED = re.compile(r"[/\\]|^\d{1,2}\.\d{1,2}\.\d{2,4}$")  # 03/04/2023, 03.04.2023: day or month first?


# a day opening a title, after "Transcript for" or "of" or alone (a council meeting's page: "Transcript for May 28, 2013
# City Council of ...", medford-transcripts; "2023-05-04 Board meeting"); the day's end no word's middle
_OPENING_DAY = re.compile(
    r"[ \t]*(?:(?:AI-generated[ \t]+)?transcript[ \t]+(?:for|of)[ \t]+)?"
    r"([A-Za-z]{3,9}\.?[ \t]\d{1,2}(?:st|nd|rd|th)?,?[ \t]\d{4}|\d{1,2}[ \t][A-Za-z]{3,9}\.?[ \t]\d{4}|\d{4}-\d{2}-\d{2})(?![\w/-])", re.I)


# a page's markup tag round a line, left in its text ("[host]Hosts: Carol Off and Chris Howden[/host]", CBC's transcripts)
_TAGGED_LINE = re.compile(r"\[(?P<tag>[a-z]{1,12})\](?P<inside>[^\[\]\n]*)\[/(?P=tag)\]")


# (and the presenters in Russian, French, Portuguese, Spanish, German: "Ведущие: ...", a radio's transcript pages)
_SEVERAL_HOSTS_FIELDS = frozenset({"hosts", "presenters", "ведущие", "présentateurs", "présentatrices", "apresentadores",
                                   "presentadores", "moderatoren"})


def several_hosts_of_line(line: str) -> tuple[str, ...]:
    """The names a header's field naming a show's hosts gives ("Hosts: Jane Park and Omar Diaz", also inside a markup
    tag left in the text), or (): two hosts' labels are otherwise read as a host's and a guest's."""
    line = line.strip()
    tagged = _TAGGED_LINE.fullmatch(line) if line.startswith("[") else None
    field = _field(tagged["inside"].strip() if tagged else line)
    return _names(field["value"]) if field and field["name"].lower() in _SEVERAL_HOSTS_FIELDS else ()


def day_opening_line(line: str):
    """The day a header's line opens with, words after it ("April 20, 2021 Episode Transcript", CBC's; "February 02, 2024
    Buzzsprout Episode 120"), or None."""
    opening = _OPENING_DAY.match(line)
    return _day(opening.group(1)) if opening else None


def day_in_title(title: str):
    """The day a title gives, written so that no reader could take its month for its day (a month named,
    "12 March 2024", "March 12, 2024", or year first, "2023-05-04"), or None; never a slash date."""
    opening = _OPENING_DAY.match(title)
    if opening and (day := _day(opening.group(1))):
        return day
    for m in _TITLE_DAY.finditer(title):
        value = (m.group(1) or m.group(2)).strip()
        if not _SLASH_OR_DOTTED.search(value) and (day := _day(value)):
            return day
    closing = _DAY_CLOSING_TITLE.search(title)
    return _day(closing.group(1).replace(".", "")) if closing else None  # "Jan. 3, 2020"


# a day closing a title after its words, a month named and a comma before the year ("PBS NewsHour full episode
# October 22, 2019", "... full episode Jan. 3, 2020")
_DAY_CLOSING_TITLE = re.compile(r"(?<![\w/-])([A-Za-z]{3,9}\.?[ \t]\d{1,2},[ \t]\d{4})[ \t]*$")


# a month and a year alone ("March 2024", "Mar 2024", "Sept. 2023", "mars 2024", "marzo de 2024"); not a month's
# short form that is an English word too (Italian "set", "ago", "gen", "mag"; Turkish "mart")
_MONTH_YEAR = re.compile(r"(?P<month>[^\W\d_]{3,12})\.?[ \t]+(?:de[ \t]+)?(?P<year>\d{4})")
_ENGLISH_WORDS = frozenset({"set", "ago", "gen", "mag", "mart"})


def month_in_title(title: str):
    """The first day of the month a title gives as a month and a year alone, where `day_in_title` places a day
    ("Talk (March 2024)", "Episode 12, March 2024", "... – Mar 2024"), or None; never a year alone."""
    for m in _TITLE_DAY.finditer(title):
        month_year = _MONTH_YEAR.fullmatch((m.group(1) or m.group(2)).strip())
        month = month_year and _month_number(month_year["month"])
        if month and int(month_year["year"]) >= 1:  # "(March 0000)": no year
            return dt.date(int(month_year["year"]), month, 1)
    return None


def _month_number(name: str) -> int | None:
    for fmt in ("%B", "%b"):  # English's names and short forms
        try:
            return dt.datetime.strptime(name, fmt).month
        except ValueError:
            continue
    return None if name.lower() in _ENGLISH_WORDS else month_named(name)


def field_title(line: str) -> str | None:
    """None where the line is no header's field; else the title it gives ("Titel: Bienen" -> "Bienen",
    "主题：..." -> "..."), "" for a field of another kind ("Ort: Leipzig", "时间：...")."""
    field = _field(line.strip())
    if not field:
        return None
    return field["value"] if field["name"].lower() in _TITLE_FIELDS else ""


def header_lines(text: str, a: int, b: int) -> list[str] | None:
    """The lines of text[a:b] where it is a header (a few short lines, a field's or a day's or ones
    that end no sentence, the first not in lower case); else None."""
    lines = [line.strip() for line in text[a:b].split("\n")]
    if not lines or len(lines) > _MAX_LINES or any(not line or len(line) > _MAX_LINE for line in lines):
        return None
    if lines[0][0].islower() or any(_BREAK.search(line) for line in lines):
        return None
    for line in lines:
        if _field(line) or day_of_line(line):
            continue
        if line.strip("*_ \t").endswith(_SAID_END) or _SENTENCE_INSIDE.search(line):  # (Markdown's emphasis aside)
            return None
    return lines


# a permalink after the day, past a bar ("2020-12-18 | 🔗": podgist.com's episode pages as text)
# (from the bar: a run of spaces before it read once, not from each of its spaces)
_PERMALINK_AFTER = re.compile(r"\|[ \t]*(?:🔗|¶|#)$")


def day_of_line(line: str):
    """The day a header's line gives (HEAD_DATE), or None."""
    line = line.strip()
    if line.endswith(("🔗", "¶", "#")) and (permalink := _PERMALINK_AFTER.search(line)):
        line = line[:permalink.start()].rstrip()
    if line[:1] in "*_" and (bold := _BOLD_FIELD.match(line)):  # "**Date:** August 8, 2023", "**日期：** 2023年8月8日"
        line = bold.group("field") + line[bold.end():]
    if line[-1:].isdigit() and (glued := _DAY_GLUED_TO_LENGTH.fullmatch(line)):  # "July 31, 20241:31:22"
        line = glued.group("day")
    m = HEAD_DATE.fullmatch(line)
    return _day(m["date"]) if m else None


# a day and the episode's length run together, as a show's site gives them under the title when read as text (AI
# Inside's "July 31, 20241:31:22": the year's four digits, then the length)
_DAY_GLUED_TO_LENGTH = re.compile(r"(?P<day>[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4})\d{1,2}:\d{2}(?::\d{2})?")
_BOLD_FIELD = re.compile(r"(?P<mark>\*\*|__)(?P<field>[^*_:：\n]{1,30}[:：])(?P=mark)")


# a day closing a header's line after a dash, a bar or a comma and the word saying what happened on it: a Markdown
# bullet's "- **Feed title:** “...” — published January 7, 2021" (a podcast's volunteers' transcripts); a month named
# or the year first, never a slash date
_CLOSING_DAY = re.compile(
    r"[—–|,][ \t]*(?i:published|recorded|aired|posted|released)(?: on)?[ \t]+"
    r"(?P<date>[A-Za-z]{3,9}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2} [A-Za-z]{3,9}\.? \d{4}|\d{4}-\d{2}-\d{2})[ \t.]*$")


def day_closing_line(line: str):
    """The day a header's line ends with after a dash and "published" (or "recorded", "aired", ...), or None."""
    m = _CLOSING_DAY.search(line.strip())
    return _day(m["date"]) if m else None


# a converter's divider between its fields and the document ("=== CONTENT ===", "--- Transcript ---")
_DIVIDER = re.compile(r"(?:={3,}|-{3,})[ \t]*[\w ]{1,30}?[ \t]*(?:={3,}|-{3,})")


# a link back to the page above, "« Harbour Notes" (podgist.com's episode pages: the show's name); "« Back", "« Previous
# episode" name no show
_BACK_LINK = re.compile(r"«[ \t]*(?P<to>[^«»\n]{1,80})")
_BACK_WORDS = ("back", "previous", "prev", "return", "all ", "home", "older", "newer")


def header_facts(lines: list[str]) -> Metadata:
    """A header's lines in, what they say of the recording out: its title (a "Title:" field, else the
    first line that is no field, no day and no divider, else the first field of a kind not read), show, host,
    guest and published day."""
    title = show = link = field_line = ""
    hosts: tuple[str, ...] = ()
    guests: tuple[str, ...] = ()
    published = None
    for line in lines:
        field = _field(line)
        name, value = (field["name"].lower(), field["value"]) if field else ("", "")
        if name in _TITLE_FIELDS:
            title = title or value
            continue
        if name in _SHOW_FIELDS:
            show = show or value
            continue
        if name in _HOST_FIELDS:
            hosts = hosts or _names(value)
            continue
        if name in _GUEST_FIELDS:
            guests = guests or _names(value)
            continue
        if name in _LINK_FIELDS:
            link = link or (value if value.startswith(("http://", "https://")) else "")
            continue
        if name in _OTHER_FIELDS:
            continue
        day = day_of_line(line)
        back = _BACK_LINK.fullmatch(line) if line.startswith("«") else None
        if day:
            published = published or day
        elif back:  # the link back to the show's page: its name, never the title
            show = show or ("" if back["to"].lower().startswith(_BACK_WORDS) else back["to"].strip())
        elif (m := _SHOW_LINE.fullmatch(line)) and not show and title:
            show = m["show"].strip()
        elif _DIVIDER.fullmatch(line):
            continue
        elif field:  # a field of another kind ("Document: Word Document"): the title only where no line is plainer
            field_line = field_line or line
        elif not title:
            title = line
    title = title or field_line
    return Metadata(title=title, show=show, link=link, hosts=hosts, guests=guests, published=published,
                    published_precision="day" if published else "")


# a talk's header field naming its one speaker (bitcointranscripts' older talks: "Name: Andrew Chow", then "Topic:",
# "Location:", "Date:", above the first "# Section"): two to four capitalised words
_NAME_FIELD = re.compile(r"(?m)^[ \t]*Name:[ \t]+([A-Z][\w'’.-]*(?:[ ][A-Z][\w'’.-]*){1,3})[ \t]*\r?$")
# or alone on its line, a paragraph of its own, after the day (bitcointranscripts' talks without the field:
# "2019-06-29", then "Stepan Snigirev", or "Paul Sztorc (Tierion)" with the affiliation in brackets)
_NAME_ALONE = re.compile(r"(?:(?<=\n\n)|(?<=\n\r\n))[ \t]*([A-Z][\w'’.-]*(?:[ ][A-Z][\w'’.-]*){1,3})(?:[ ]\([^()\n]{1,60}\))?[ \t]*\r?\n(?=[ \t]*\r?\n)")


def talk_speaker(head: str) -> str | None:
    """The one name a talk's header (the text above its first turn) gives in a "Name:" field, else alone on a
    line between blank lines; None where it gives none or several."""
    names = {m.group(1) for m in _NAME_FIELD.finditer(head)}
    if not names:
        names = {m.group(1) for m in _NAME_ALONE.finditer(head)}
    return names.pop() if len(names) == 1 else None


# an episode's title marked as its transcript's on a directory's transcript page ("Launch Your Career with Jo Doe
# [transcript]", fyyd.de's), below the show's name and description
_MARKED_TRANSCRIPT_TITLE = re.compile(r"(?P<title>[^\n]{1,200}?)[ \t]*(?:\[(?i:transcript)\]|\((?i:transcript)\))")


def show_above_marked_title(head_lines: list[str]) -> tuple[str, str] | None:
    """(show, title) where a line below the first is an episode's title marked "[transcript]": the first line the show
    (where it reads as a name, not prose); else None."""
    for line in head_lines[1:]:
        if (m := _MARKED_TRANSCRIPT_TITLE.fullmatch(line.strip())) and not reads_as_prose(m["title"]):
            show = head_lines[0].strip()
            return ("" if len(show) > 60 or reads_as_prose(show) else show), m["title"].strip()
    return None
