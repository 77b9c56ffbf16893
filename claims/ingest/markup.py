"""Caption markup read as blanks: the text that sentence splitting, attribution and the claim
extractor read.

Caption files carry markup inside their payload lines: YouTube's word timings and colour
spans ("word<00:00:01.200><c> next</c>"), voice and style tags ("<v Jane Doe>", "<i>",
'<font color="#fff">'), SubRip's positioning codes ("{\\an8}"); and between their cues, the
cue numbers and timing lines (and in timed lines, the "0:04" marks). The stored transcript
keeps all of it (the source is never rewritten, and quotes are cut from it verbatim), but the
later stages must read words: read as text, "I<00:01:52.400><c> can</c>" is one token, and a
sentence running from one cue into the next would hold "00:01:54,200 --> 00:01:57,000".
`reading_text` gives the text with all of it replaced by spaces: the same length, so every
offset found in it holds in the source. HTML entities in cue text ("&amp;") read as their
character padded with spaces (in timed lines too), SubRip's "\\h" and "\\N" as spaces. In labelled transcripts, the
editors' marks inside turns (time marks, "[laughter]", "[unintelligible 00:07:42]") and
Markdown's layout (bold marks, headings, rules) are blanked the same way, and in plain text the
time marks in brackets a recogniser left inline ("I'm the [00:00:07] co-host"); in line-numbered
pages (court and hearing transcripts), the margin numbers and the pages' furniture (page
numbers, headers, footers, notes: formats/line_numbered.py).
"""
from __future__ import annotations

import html
import re

from .formats import ass, labelled, line_numbered, microdvd, sami, timed_lines
from .formats._common import blank, blank_match, lone_cr_as_lf

CAPTION_FORMATS = frozenset({"webvtt", "srt", "sbv", "ass", "sami", "microdvd"})
CUE_FORMATS = CAPTION_FORMATS | {"timed_lines"}  # one turn per cue or time mark, as parsed

# a cue timestamp tag, an (end) tag starting with a letter ("c", "c.colorE5E5E5", "v Name",
# "font color=..."), or an SSA override code; WebVTT escapes a literal "<" as "&lt;"
_TAG = re.compile(r"<(?:\d{2}:)?\d{2}:\d{2}[.,]\d{3}>|</?[A-Za-z][\w.]*(?:[ \t][^<>\n]*)?>|\{\\[^{}\n]*\}")
# a timing line, and a cue number or identifier line made of digits just before one; a lone "\r" ends a
# line too, as the caption readers take it (_cues.blocks: old Mac line endings, or a file that mixes them in)
_CUE_LINES = re.compile(r"(?:^|(?<=\r)(?!\n))(?:[^\S\r\n]*\d+[^\S\r\n]*(?:\r\n?|\n)(?=[^\r\n]*-->)"
                        r"|[^\r\n]*-->[^\r\n]*(?:\r(?=\n))?)", re.M)
# an HTML entity ("&amp;", "&#39;", "&gt;"); in cue text also SubRip's (SSA's) hard space and line breaks
# ("\h", "\N", "\n"), as subtitle editors write them
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ESCAPE = re.compile(_ENTITY.pattern + r"|\\[hNn]")
_SBV_TIMING_LINES = re.compile(r"^[ \t]*\d{1,2}:\d\d:\d\d\.\d{3},\d{1,2}:\d\d:\d\d\.\d{3}[ \t]*\r?$", re.M)
_TIME_MARK = re.compile("^" + timed_lines.MARK, re.M)
_PLAYER_MARK = re.compile(r"\[TS\](?=[ \t]*\r?$)|^[ \t]*[◼►][ \t]*(?=\r?$)", re.M)
_TIME_IN_BRACKETS = re.compile(r"\[" + labelled.TIME + r"\]")
# in labelled transcripts, the editor's marks inside turns: time marks ("[00:03:52]", The
# Changelog's Markdown-escaped "\[00:03:52.06\]") and notes of what is not speech ("[laughter]",
# "\[unintelligible 00:07:42.29\]", "(crosstalk)", NPR's "(SOUNDBITE OF MUSIC)", CNN's "(BEGIN VIDEOTAPE)", "(END VIDEO
# CLIP)", "(COMMERCIAL BREAK)": stage directions at a turn's end); an escaping backslash before one goes with it,
# and a colon after one (Rev's "(00:03:42):" alone on a line)
_EDITOR_MARK = re.compile(
    r"[\[(](?:" + labelled.TIME
    + r"|(?i:laugh\w*|crosstalk|inaudible|unintelligible|indiscernible|music|applause|silence|pause|coughs?|noise"
    r"|soundbite|singing|sighs?|clears throat|beep|phone rings"
    r"|(?:begin|end)[ \t]+(?:video|audio)[ \t]*(?:tape|clip)|commercial break|end of transcript)"
    r"(?:[ \t][^\[\]()\n]{0,80})?)\\?[\])](?::(?!\S))?"
)

# in labelled transcripts written in Markdown, what is layout, not words: bold marks ("**CRAIG
# BOX: question**" ends each question with "**", kubernetes.io's release interviews), headings
# ("### MIT" inside an oral history's turn) and rules ("***", "---"); a heading or a rule is a
# whole line. Both patterns open with a literal ("\n", "**"), which the engine finds fast: a
# "^" or "\*{2,}" opening is tried at every character (40 and 25 times slower on 100 KB)
_BOLD = re.compile(r"\*\*+")
_LINE_BREAK_TAG = re.compile(r"<br[ \t]*/?>", re.I)
_MARKDOWN_LINE = re.compile(r"\n(?:#{1,6}(?:[ \t][^\n]*)?|(?:([-*_])[ \t]?)(?:\1[ \t]?){2,}[ \t]*)(?=\r?\n|\Z)")


# a block a Markdown page shows collapsed, its summary only (no "open"): "<details>\n<summary>Original
# English</summary>\n\n**Interviewer**: ...\n\n</details>" under each turn of a translated interview
_COLLAPSED = re.compile(
    r"^[ \t]*<details(?![^>\n]*\bopen\b)[^>\n]*>\s*<summary[^>]*>(?P<summary>.*?)</summary>.*?</details>[ \t]*$",
    re.M | re.S | re.I)


def collapsed_originals(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each collapsed block that repeats a turn in another form: a translated
    transcript's original under each turn, "<details><summary>Original English</summary>...". Such
    blocks come two or more under one summary, each after words of the page's own; the reader sees
    the summary only, and its words are the turns above said again. A single collapsed block (a
    page's whole transcript behind "Show transcript") or blocks under different summaries (chapters)
    are the page's words and stay."""
    # "<" first: a search for one character runs at memory speed, one for "<details" some 40 times
    # slower (0.04 ms per 100 KB, on every transcript)
    if "<" not in text or "<details" not in text and "<DETAILS" not in text:
        return []
    blocks = [(m.start(), m.end(), " ".join(m.group("summary").split()).casefold()) for m in _COLLAPSED.finditer(text)]
    counts: dict[str, int] = {}
    for _, _, summary in blocks:
        counts[summary] = counts.get(summary, 0) + 1
    out, previous_end = [], 0
    for start, end, summary in blocks:
        if counts[summary] >= 2 and text[previous_end:start].strip():  # words of the page's own before it
            out.append((start, end))
        previous_end = end
    return out if len(out) >= 2 else []


def without_collapsed_originals(text: str) -> str:
    """`text` with its collapsed originals (collapsed_originals) blank: same length, line breaks kept."""
    blocks = collapsed_originals(text)
    if not blocks:
        return text
    parts, position = [], 0
    for start, end in blocks:
        parts += [text[position:start], blank(text[start:end])]
        position = end
    return "".join(parts) + text[position:]


def _unescaped(m: re.Match) -> str:
    """An entity as its character, at the end of the entity's place so that it stays next to
    the word after it ("&lt;3" reads "   <3"); a space or a code as spaces; an unknown entity as
    it is."""
    found = m.group()
    char = html.unescape(found) if found[0] == "&" else " "
    if char.isspace():
        return " " * len(found)
    if len(char) != 1:
        return found
    return " " * (len(found) - 1) + char


def _brackets(text: str):
    """Positions of "[" and "(" in order (str.find runs in C; a regex scan for a character class
    costs about five times as much on text that has few of them)."""
    square, round_ = text.find("["), text.find("(")
    while square >= 0 or round_ >= 0:
        if round_ < 0 or 0 <= square < round_:
            yield square
            square = text.find("[", square + 1)
        else:
            yield round_
            round_ = text.find("(", round_ + 1)


def _without_editor_marks(text: str) -> str:
    parts: list[str] = []
    position = 0
    for at in _brackets(text):
        if at < position:
            continue
        m = _EDITOR_MARK.match(text, at)
        if m is None:
            continue
        start = at - 1 if at > position and text[at - 1] == "\\" else at  # its escaping backslash too
        parts.append(text[position:start])
        parts.append(" " * (m.end() - start))  # a mark holds no line break
        position = m.end()
    if not parts:
        return text
    parts.append(text[position:])
    return "".join(parts)


def _blank_layout(m: re.Match) -> str:
    # a question written as a heading is the interviewer's words (a magazine's Q&A: "## Has adoption
    # spread beyond engineering?", labelled.py makes it a turn): only its #s are layout; a heading
    # that ends no sentence ("### MIT") is all layout
    line = m.group()
    if line.startswith("\n#") and line.rstrip(" \t\r#").endswith(("?", ".", "!", "…", "？", "。", "！")):
        marks = len(line) - len(line[1:].lstrip("#")) - 1
        return "\n" + " " * marks + line[1 + marks:]
    return blank(line)


def _without_markdown(text: str) -> str:
    # one scan finds whether there is anything to blank (a substring test per mark costs as much)
    if _MARKDOWN_LINE.search(text) or text[:1] in ("#", "-", "*", "_"):
        text = _MARKDOWN_LINE.sub(_blank_layout, "\n" + text)[1:]  # the line break first: a heading on line 1
    if "*" in text:
        text = _BOLD.sub(blank_match, text)
    # a line break in a table's cell (a PDF's two columns converted to a table); "<" first: a one-character search
    # runs at memory speed, a three-character one that finds nothing took 0.08 ms per 100 KB (each of the two)
    if "<" in text and ("<br" in text or "<BR" in text):
        text = _LINE_BREAK_TAG.sub(blank_match, text)
    return text


_HEADING_MARK = re.compile(r"^#{1,6}(?=[ \t])", re.M)
_RULE_LINE = re.compile(r"\n(?:([-*_])[ \t]?)(?:\1[ \t]?){2,}[ \t]*(?=\r?\n|\Z)")


def _without_markdown_marks(text: str) -> str:
    # plain text in Markdown (a lecture, a talk): rules and the marks of headings and bold; a
    # heading's words stay, as an interview may write its questions as headings
    if "#" in text:
        text = _HEADING_MARK.sub(blank_match, text)
    if "-" in text or "*" in text or "_" in text:
        text = _RULE_LINE.sub(blank_match, "\n" + text)[1:]
    if "*" in text:
        text = _BOLD.sub(blank_match, text)
    # a line break in a table's cell (a PDF's two columns converted to a table); "<" first: a one-character search
    # runs at memory speed, a three-character one that finds nothing took 0.08 ms per 100 KB (each of the two)
    if "<" in text and ("<br" in text or "<BR" in text):
        text = _LINE_BREAK_TAG.sub(blank_match, text)
    return text


def spoken_word_count(text: str, fmt: str | None, spans) -> int:
    """Source text, its format and (start_char, end_char) spans in, the words said in those spans
    (not cue timings or tags)."""
    reading = reading_text(text, fmt)
    return sum(len(reading[start:end].split()) for start, end in spans)


def reading_text(text: str, fmt: str | None) -> str:
    """Source text and its format in, the text with caption markup and cue lines blanked out
    (same length; line breaks kept, a lone "\r" read as one: lone_cr_as_lf)."""
    text = lone_cr_as_lf(text)
    if fmt == "timed_lines":
        text = _TIME_MARK.sub(blank_match, text)
        # a search site's "[TS]" closing each line and its player's glyph lines: no words, so that its caption
        # lines join into one stretch of speech as cues do (cues.join_cues)
        if "[TS]" in text or "◼" in text or "►" in text:
            text = _PLAYER_MARK.sub(blank_match, text)
        # HTML entities left in the words ("who&nbsp; maps", YouTube's caption lines as a Markdown archive keeps them)
        return _ENTITY.sub(_unescaped, text) if "&" in text else text
    if fmt == "line_numbered":
        return line_numbered.spoken_text(text)
    if fmt == "labelled":
        return _without_markdown(_without_editor_marks(text))
    if fmt == "plain":
        if "[" in text:  # a recogniser's time marks left inline ("... I'm the [00:00:07] co-host of ..."), as in labelled turns
            text = _TIME_IN_BRACKETS.sub(blank_match, text)
        return _without_markdown_marks(text)
    if fmt == "ass":
        return ass.spoken_text(text)
    if fmt == "microdvd":
        text = microdvd.spoken_text(text)  # then its tags and entities as for any caption
    if fmt not in CAPTION_FORMATS:
        return text
    if fmt == "sami":  # the read class's paragraphs only; their tags and entities as for any caption
        text = sami.spoken_text(text)
    if "<" in text or "{" in text:
        text = _TAG.sub(blank_match, text)
    if "&" in text or "\\" in text:
        text = _ESCAPE.sub(_unescaped, text)
    return (_SBV_TIMING_LINES if fmt == "sbv" else _CUE_LINES).sub(blank_match, text)


# Formats whose reading (reading_text) of a line depends on that line and the next only: their tags,
# escapes and codes hold no line break, and a cue number is blanked when a timing line follows it.
# So the reading of whole lines cut from the source, with the line after them, equals the whole
# source's reading there. ASS (the Format line names the text field) and SAMI (the class read is
# chosen over the whole file) are read whole.
LINE_READ_FORMATS = frozenset({"srt", "webvtt", "sbv", "microdvd", "timed_lines"})


def spoken_words(reading: str, start: int, end: int) -> str:
    """A reading (reading_text) and offsets in, the words between them joined by single spaces."""
    return " ".join(reading[start:end].split())


def spoken_quote(
    quote: str, fmt: str | None, *, start: int, end: int, window: str | None = None, window_start: int = 0,
    window_reaches_end: bool = False,
) -> str | None:
    """A claim's quote as spoken: the words at its offsets in the source's reading, whitespace
    collapsed; the quote's words for formats without cue lines. A cue format is read from `window`
    (the source text from `window_start`, to the source's end if `window_reaches_end`); None when
    the window does not hold the whole lines needed (or the format is read whole)."""
    if fmt not in CUE_FORMATS:
        return " ".join(quote.split())
    if fmt not in LINE_READ_FORMATS or window is None:
        return None
    window = lone_cr_as_lf(window)  # (a "\r" ending the window is a line's end either way)
    first = window.rfind("\n", 0, start - window_start) + 1
    if first == 0 and window_start > 0:
        return None
    end_of_line = window.find("\n", end - window_start)
    end_of_next_line = -1 if end_of_line < 0 else window.find("\n", end_of_line + 1)
    if end_of_next_line < 0:
        if not window_reaches_end:
            return None
        end_of_next_line = len(window)
    reading = reading_text(window[first:end_of_next_line], fmt)
    return spoken_words(reading, start - window_start - first, end - window_start - first)
