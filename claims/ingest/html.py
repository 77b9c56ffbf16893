"""Transcript pages saved as HTML: the page's text as a reader sees it, and what its head says.

A podcast's transcript page arrives as the HTML a browser saved (or `curl` fetched). Its tags
are markup and its character references (`&rsquo;`, `&#39;`) are characters, so the text
ingestion stores and quotes from is the page rendered as text: block elements (paragraphs,
headings, list items, line breaks) end lines, runs of white space inside a block are one space
(as a browser shows them; `<pre>` keeps its own), character references become their characters
(a no-break space a plain one, as copying from the browser gives it).
The page's chrome is left out: scripts and styles, the head, navigation, headers and footers of
the site, asides, forms, buttons, players, photos' captions, and any element whose class or id opens by naming it
comments, a sidebar, a menu, sharing, related links, an ad, a consent banner or a footer (a comment section's
`Name: text` would otherwise read as turns), text only a screen reader reads ("sr-only"), lines that are nothing
but links to other pages ("Return to Transcripts main page") or an ad's caption ("Advertisement"), and on a Medium
story all that follows its <article> (claps, "More from", recommendations).
Time marks and speakers' names that a page sets apart by their element are written as the labelled
format reads them: "[0:00]" for a clock in <time>, in a time-classed element or on a button, "Name:" for
a name in <cite>, a speaker-classed element or a Hansard speaker link's "primary-text"; names set as
headings or as a definition list's terms (<dt>) over their words are labels too. A fragment with no doctype
or <html> is read too when it is mostly tags (is_html).

The page's headings are noted (Page.headings): one between two speakers' turns is a section's title,
which the pipeline leaves out of the turn before it (without_trailing_headings).
The rendered text is then ingested like any other transcript (labelled, timed lines, plain...),
and the interview's sha256 is still that of the raw file. The head gives metadata where the
page states it: title (og:title, else <title>; ASAP Sports' breadcrumb title read as its event and
speaker), show (og:site_name; on NPR's pages the programme its slug links to), link (canonical, made
absolute against og:url, else og:url), published date (article:published_time, else the schema.org
JSON-LD's datePublished, else the first <time datetime>), to day precision, and the YouTube video's id where the page embeds one (og:video, else the first embed); the manifest and the command line still override them.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from .formats._common import parse_date, trim
from .embedded import embedded_transcript
from .entities import short_references
from .errors import IngestError
from .formats.labelled import TIME
from .json_transcript import Rendered
from .manifest import parse_published
from .records import Metadata, ParsedSource

_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
_SKIPPED = frozenset({
    "script", "style", "noscript", "template", "svg", "nav", "aside", "form", "button", "iframe", "select",
    "textarea", "dialog", "audio", "video",
    "figcaption",  # a photo's caption and credit, set between the paragraphs: no one's words
})
# the site's own header and footer (<header>/<footer> directly in <body>); an article's header stays
_SITE_CHROME = frozenset({"header", "footer"})
_CHROME_WORDS = frozenset({
    "comment", "comments", "sidebar", "menu", "navbar", "nav", "share", "sharing", "social", "related", "cookie",
    "cookies", "newsletter", "subscribe", "advert", "advertisement", "ads", "promo", "breadcrumb", "breadcrumbs",
    "twitter", "footer", "catlinks", "subscription", "ad",
    # consent managers' banners, saved with the page at the body's end (OneTrust's "onetrust-consent-sdk",
    # Didomi's, Usercentrics', iubenda's, TrustArc's "truste-consent-track", a site's own "gdpr-banner")
    "consent", "gdpr", "onetrust", "didomi", "usercentrics", "iubenda", "truste",
})
# text only a screen reader reads, hidden from the page's readers (Bootstrap's "sr-only": Hansard's
# "Share contribution 5 on" beside each speech)
_HIDDEN_CLASSES = frozenset({"sr-only"})
# a box set into the article, named anywhere in its class or id: a guest's or the author's bio
# ("author-bio-box", "guest-bio"), related stories ("inline-related"), a pull quote repeating a line
_ASIDE_WORDS = frozenset({"bio", "biography", "related", "pullquote", "recirc", "recirculation", "readmore"})
# (and WordPress's classic captioned photo, "wp-caption", its caption "wp-caption-text")
_ASIDE_PAIRS = frozenset({("read", "more"), ("pull", "quote"), ("see", "also"), ("author", "box"), ("wp", "caption")})
# a post's own classes naming its tags and categories (WordPress: "tag-bio", "category-related-reading")
_TAXONOMY = frozenset({"tag", "category", "categories", "topic", "post", "format"})
_BLOCKS = frozenset({
    "p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "figure", "figcaption", "table", "tr", "pre", "hr", "address", "details", "summary", "header", "footer",
})
_FRAGMENT_OPENERS = _BLOCKS | {
    "head", "body", "meta", "link", "title", "style", "script", "br", "span", "a", "b", "strong", "em", "cite", "time",
    "img",
}
# a fragment opens with one of these elements or a custom element, never with a caption's <v Name>,
# <i>, <c> or a timed text's <tt>, <transcript>, <timedtext> (xml_transcript.py reads those)
_MARKED_SECTION_NAME = re.compile(r"[a-zA-Z][-_.a-zA-Z0-9]*")  # as _markupbase's _scan_name reads it
_FRAGMENT_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<([a-z][a-z0-9]*(?:-[a-z0-9-]*)?)[\s/>]", re.I | re.S)
# a tag's name; one with a hyphen is a custom element (YouTube's <ytd-transcript-segment-renderer>,
# <yt-formatted-string>), which only HTML has: a caption's <v Name>, <c.yellow> or <00:00:01.000> has none
_TAG_OPEN = re.compile(r"<([a-z][a-z0-9]*(?:-[a-z0-9-]*)?)[\s/>]", re.I)
_FRAGMENT_SAMPLE = 20_000
_FRAGMENT_MIN_BLOCKS = 3
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
# read for the metadata, not part of the text: the flag each sets while open
_READ_NOT_SHOWN = {"title": "in_title", "head": "in_head"}
_SPACE = re.compile(r"[ \t\n\r\f]+")
# a YouTube video's id in an embed's or og:video's address
# a YouTube video's id in a link to it, an embed or a short link (the front matter reads it too)
YOUTUBE_LINK = re.compile(r"(?:youtube(?:-nocookie)?\.com/(?:embed/|watch\?v=|v/|live/)|youtu\.be/)([A-Za-z0-9_-]{11})(?![A-Za-z0-9_-])")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# a broadcast's day among the page's first lines: CNN's "Aired March 14, 2025 - 20:00 ET"
# (or the sitting's day over a debate, Hansard's "Volume 745: debated on Thursday 8 February 2024")
_AIRED = re.compile(r"(?:Aired:?|(?:Volume \d{1,4}: )?[Dd]ebated on(?: [A-Z][a-z]{2,8}day)?)[ \t]+"
                    r"(?P<date>[A-Za-z]+ \d{1,2},? \d{4}|\d{1,2} [A-Za-z]+,? \d{4})\b")
_AIRED_LINES = 12
# an element holding a time mark: <time>, or one whose class says so ("ts", "timestamp", "t-time")
_TIME_CLASS_WORDS = frozenset({"ts", "time", "timestamp", "timecode"})
_CLOCK = re.compile(rf"\[?({TIME})\]?")
# a time element's clock after a few words of the site's ("Starting point is 00:00:23", Podscripts)
_WORDED_CLOCK = re.compile(rf"[^\W\d][^\d\n]{{0,38}}?[ :]\[?({TIME})\]?")
_TIME_MARK = re.compile(rf"\[{TIME}\]")
# a speaker's name in an element of its own: <cite>, or one whose class says speaker ("t-speaker")
_SPEAKER_CLASS_WORD = "speaker"
_SPEAKER_NAME = re.compile(r"[^\W\d_][\w.'’ -]{0,58}[:：]?")
_SPEAKER_NAME_WORDS = 5
# Hansard's (hansard.parliament.uk) speaker: a link to the member's page, "attributed-to-details", holding
# their photo, their name in "primary-text" ("The Minister for Roads (Colin Webb)": an office and a name)
# and their seat and party in "secondary-text"
_ATTRIBUTION_CLASS = frozenset({"attributed", "to"})
_ATTRIBUTED_NAME_CLASS = frozenset({"primary", "text"})
_ATTRIBUTED_NAME = re.compile(r"[^\W\d_][\w.'’ ,()-]{0,98}")
# a table's column headed as the speaker's or the time's (a transcript exported or published as rows of
# "Time | Speaker | Text"): its cells are read as labels and time marks
# ("Name" is not enough: a page's table of guests, "Name | Affiliation", is no transcript)
_COLUMN_HEADERS = {"speaker": "speaker", "speakers": "speaker", "time": "time", "timestamp": "time", "timecode": "time",
                   "start": "time", "start time": "time"}
# a link that moves the page's player or scrolls within the page, not to another page: its text
# may be the transcript's own (a sentence that seeks the video to where it is said)
_WORD = re.compile(r"\w")
# the words that lead into links to other stories, the line's only own words ("Related: <a>...</a>")
_LINKS_LEAD_IN = re.compile(r"(?i:related(?: stories| articles| coverage| content| posts| episodes| transcripts)?|read more|read also|also read|see also|more from [\w ]{1,30}"
                            r"|recommended|further reading|listen|watch)[ \t]*[:：|»›>-]?[ \t]*")
# an ad slot's caption and its link past the slot, alone on their line: what is left of an ad between a
# transcript's paragraphs whose classes are hashed ("css-1rh1sk1"; the New York Times' "SKIP ADVERTISEMENT")
_AD_CAPTION = re.compile(r"(?i:(?:skip )?advertisement|(?:story|article) continues below(?: this)? advertisement)")
_SEEK_LINK = re.compile(r"^#|[?&#](?:t|time|start)=|youtu\.?be", re.I)
# a <title> naming the site or its section, the same on every page of it ("CNN.com - Transcripts"):
# each of its parts (between " - ", " | ", ": "...) is the site's name, a domain or one of these words
_TITLE_PARTS = re.compile(r"\s+[-|–—·:»/]\s+|\s*[|»]\s*")
# a separator opening a title, the part before it left empty (govinfo's hearings: "<title> - KEEPING RIVER
# FERRIES RUNNING: A REVIEW OF NIGHT CROSSINGS</title>")
_EMPTY_FIRST_PART = re.compile(r"^[-|–—·»]\s+")
_SECTION_WORDS = frozenset({
    "transcript", "transcripts", "show transcripts", "home", "home page", "homepage", "index", "podcast", "podcasts",
    "episodes", "episode", "blog", "news", "untitled", "interview", "interviews",
})
_DOMAIN = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}", re.I)
# an element whose class names it a headline (CNN's <p class="cnnTransStoryHead">, "entry-title") or the
# subhead under it ("cnnTransSubHead", "subtitle", "dek"): the heading's level it stands for
_HEADLINE_WORDS = {"headline": 1, "title": 1, "head": 1}
_SUBHEAD_WORDS = frozenset({"sub", "subhead", "subheadline", "subtitle", "dek", "standfirst"})
_HEADING_LEVEL = {f"h{n}": n for n in range(1, 7)}
# an NPR page's slug, the <h3> over the headline, linking to the programme the story aired on
# ('<h3 class="slug"><a href="https://www.npr.org/programs/fresh-air/">Fresh Air</a></h3>'): the show, not "NPR"
_PROGRAMME_LINK = re.compile(r"^(?:https?://(?:www\.)?npr\.org)?/programs/[a-z0-9-]+/?$")
_NPR = "NPR"
_SENTENCE_ENDS = (".", "?", "!", "…", "。", "？", "！")
# ASAP Sports' interview pages title themselves by the site's breadcrumb ("ASAP Sports Transcripts - Tennis - 2026 -
# MUBADALA DC OPEN - July 25 - Taylor Fritz"): the page's own title is the event's and the speaker's
_ASAP_BREADCRUMB = re.compile(r"ASAP Sports Transcripts - [^\n]{1,60}? - \d{4} - (?P<event>[^\n]{1,200}?)"
                              r" - [A-Z][a-z]{2,8} \d{1,2} - (?P<who>[^\n]{1,200})")
# how far into the page's lines a heading may stand and still title the page
_TITLE_HEADING_LINES = 20


def is_html(text: str) -> bool:
    """Whether a source is an HTML document (it opens with a doctype or an <html> tag) or a
    fragment of one: it opens with an HTML element and is mostly tags, among them several
    blocks (podcastindex's reference transcript: "<cite>Travis:</cite>\n<time>0:00</time>\n<p>..."). Custom
    elements count as HTML's own: YouTube's transcript panel copied from the page is all
    <ytd-transcript-segment-renderer>s and <yt-formatted-string>s around a few <div>s."""
    if _HTML_START.match(text):
        return True
    opening = _FRAGMENT_START.match(text)
    if not opening or (opening.group(1).lower() not in _FRAGMENT_OPENERS and "-" not in opening.group(1)):
        return False
    sample = text[:_FRAGMENT_SAMPLE]
    tags = [tag.lower() for tag in _TAG_OPEN.findall(sample)]
    blocks = sum(tag in _BLOCKS or tag == "br" for tag in tags)
    known = sum(tag in _FRAGMENT_OPENERS or "-" in tag for tag in tags)
    lines = sum(1 for line in sample.splitlines() if line.strip())
    # a plain transcript with an occasional <b> or <p> has far fewer tags than lines
    return blocks >= _FRAGMENT_MIN_BLOCKS and known >= lines / 2


@dataclass(frozen=True)
class _Marked:
    """An open element whose text may be rendered otherwise once it closes: its kind, how deep it
    sits, and where its text starts (the line's part, the blocks written so far)."""

    kind: str
    depth: int
    line_at: int
    blocks_at: int
    ink_at: int = 0  # the line's characters other than white space before it (_Renderer.line_ink)
    line_number: int = 0  # which line it opened on (_Renderer.lines_flushed)


@dataclass
class _Table:
    """An open table: which columns its header names the speaker's or the time's, the column of the
    cell being read, and where the text of the header cell being read starts."""

    columns: dict
    column: int = -1
    header_at: int = 0


@dataclass(frozen=True)
class Page:
    """An HTML page read: its text as a reader sees it and the metadata of its head."""

    text: str
    metadata: Metadata
    # the (start, end) of each line the page set as a heading, not a speaker's name or a time
    headings: tuple[tuple[int, int], ...] = ()
    # the (start, end) of each line whose words are all in bold (a magazine's questions, at times)
    bold_lines: tuple[tuple[int, int], ...] = ()
    # the page is a shell a script fills (script_shell); the transcript its scripts' JSON holds, if any
    loads_by_script: bool = False
    embedded: Rendered | None = None


def _is_chrome(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """An element named as chrome by its role, or by a class or id that opens with a chrome word
    ("comments-area", "share-buttons", Substack's "subscription-widget-wrap"; not "transcript-share-box"),
    or names a footer ("post-footer", "entry-footer": a post's likes, tags and sharing, after its words)
    or a list of links ("debate-speech__links": TheyWorkForYou's links to each speech and its source)
    or a box set into the article ("author-bio", "inline-related", "pull-quote", "read-more")."""
    if tag in ("html", "body", "main", "article"):
        return False
    for name, value in attrs:
        if not value:
            continue
        if name == "role" and value.lower() in ("navigation", "banner", "contentinfo", "complementary"):
            return True
        if name == "class" and _HIDDEN_CLASSES.intersection(value.lower().split()):
            return True
        if name in ("class", "id") and any(
            parts[0] in _CHROME_WORDS or parts[-1] in ("footer", "links")
            or parts[0] not in _TAXONOMY and (_ASIDE_WORDS.intersection(parts) or _ASIDE_PAIRS.intersection(zip(parts, parts[1:])))
            for parts in (re.split(r"[_\-]+", word) for word in value.lower().split())
        ):
            return True
    return False


def _class_words(attrs: list[tuple[str, str | None]]) -> set[str]:
    """The words of an element's class, split at hyphens and underscores ("t-speaker sp-a": t, speaker, sp, a)."""
    value = next((v for n, v in attrs if n == "class" and v), "")
    return set(re.split(r"[\s_\-]+", value.lower())) - {""}


def _ink(text: str) -> int:
    """How many of text's characters are not white space."""
    return len("".join(text.split()))


# a time mark alone ("[00:00:04.120]") has at most this many characters other than white space, a marked element's
# name or clock ("Starting point is 00:00:23", "The Minister for Roads (Colin Webb)") at most _MARK_INK, in at most
# _MARK_PIECES pieces of text (one a letter, with the white space between, where each letter has its own <span>)
_TIME_MARK_INK, _MARK_INK, _MARK_PIECES = 32, 200, 200


class _Renderer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.line: list[str] = []
        # the line's characters other than white space, and how often they changed: whether the line so far is empty
        # or a time mark alone is known without joining it at every name's tag (a line of 100,000 <cite>s or Hansard
        # "primary-text" spans was joined once per tag: 12 s at 1 MB)
        self.line_ink = 0
        self.line_version = 0
        self.line_time_mark = (-1, False)  # (line_version, whether the line so far is a time mark alone)
        self.lines_flushed = 0
        # marked sections ("<![if ...]>", "<![CDATA[...]]>") read once the whole page is in: (rawdata, where one opened
        # that no closing follows), for Office's "]>" (True) and the others' "]]>" (False); the same for a ">"
        self.closing = False
        self.sections_unclosed = {True: (None, 0), False: (None, 0)}
        self.no_tag_end = (None, 0)
        self.line_own: list[str] = []  # the line's text outside links to other pages
        self.skip_tag: str | None = None
        self.skip_depth = 0
        self.skipped_text: list[str] = []
        self.pre = 0
        self.open_tags: list[str] = []
        # how many of each tag are open: a page that never closes its <p> or <font> keeps
        # thousands open, and scanning the list at every tag made reading it quadratic
        self.open_counts: Counter[str] = Counter()
        self.meta: dict[str, str] = {}
        self.titles: list[str] = []  # each <title>'s text: a page saved with its head twice has two
        self.in_title = False
        self.in_head = False
        self.times: list[str] = []
        self.linked_data: list[str] = []  # the text of each <script type="application/ld+json">
        self.json_scripts: list[str] = []  # the text of each other JSON script (Next.js' __NEXT_DATA__)
        self.reading_script: list[str] | None = None  # which of the two lists the open script's text goes to
        self.body_bundles = 0  # scripts loaded into the body from files: a page they build has no text of its own
        self.noscript_text: list[str] = []
        self.video_id = ""
        self.marked: list[_Marked] = []
        self.links: list[bool] = []  # each open <a>: whether it leads to another page
        self.open_page_links = 0  # how many of them do
        self.line_linked = self.line_unlinked = False  # the line has words inside such links, outside them
        self.line_marked = False  # a time mark or a speaker's name was written into the line
        self.label_end = 0  # where in the line the speaker's name written into it ends, if one was
        self.heading_blocks: list[int] = []  # which blocks are headings
        self.bold_blocks: list[int] = []  # which blocks are words in <b> or <strong> throughout
        self.line_bold = self.line_not_bold = False  # the line has words inside <b>/<strong>, outside them
        self.heading_levels: dict[int, int] = {}  # a heading's or a headline element's block: its level
        self.headlines: list[tuple[int, int, int]] = []  # open headline elements: depth, level, blocks before
        self.tables: list[_Table] = []
        self.first_article_end: int | None = None  # how many blocks were written when the first <article> closed
        self.programme = ""  # the programme an NPR page's slug links to ("Fresh Air")
        self.programme_link_at: int | None = None  # where in the line that link's text starts, while it is open
        self.term_blocks: list[int] = []  # which blocks are a definition list's terms (<dt>)
        self.attribution_depth = 0  # how deep an open Hansard speaker's link sits, 0 when none is open

    # --- blocks ---
    def _flush(self) -> None:
        text = "".join(self.line)
        if not self.pre:
            text = _SPACE.sub(" ", text).strip()
        # a no-break space is a space, as a copy from the browser gives it, but not one that collapses:
        # the White House's "Q&nbsp;&nbsp;&nbsp; Good afternoon." shows (and reads) as "Q    Good afternoon."
        text = text.replace("\xa0", " ")
        # a line that is nothing but links to other pages is the site's ("Return to Transcripts
        # main page", "Back to all transcripts", a list of categories), unless it is a label
        navigation = self.line_linked and (not self.line_unlinked or _LINKS_LEAD_IN.fullmatch(
            _SPACE.sub(" ", "".join(self.line_own)).strip())) and not text.rstrip().endswith((":", "："))
        navigation = navigation or bool(_AD_CAPTION.fullmatch(text))
        if navigation and self.label_end:
            # a speaker's name in a link to their page, more of the link after it (TheyWorkForYou's photo,
            # name and party, then the speech's time): the name is the line's label, the rest is the site's
            text = _SPACE.sub(" ", "".join(self.line[:self.label_end])).strip()
            navigation = False
        if navigation and self.heading_blocks[-1:] == [len(self.blocks) - 1] and _LINKS_LEAD_IN.fullmatch(self.blocks[-1]):
            self._drop_last_block()  # the heading over these links ("Related Content") is the site's too
        if text.strip() and not navigation:
            if self.line_bold and not self.line_not_bold:
                self.bold_blocks.append(len(self.blocks))
            self.blocks.append(text)
        self.line_bold = self.line_not_bold = False
        self.line = []
        self.line_ink, self.line_version, self.lines_flushed = 0, self.line_version + 1, self.lines_flushed + 1
        self.line_own = []
        self.line_linked = self.line_unlinked = False
        self.line_marked = False
        self.label_end = 0

    def _drop_last_block(self) -> None:
        last = len(self.blocks) - 1
        self.blocks.pop()
        self.heading_blocks.pop()
        self.heading_levels.pop(last, None)
        if self.bold_blocks[-1:] == [last]:
            self.bold_blocks.pop()
        if self.term_blocks[-1:] == [last]:
            self.term_blocks.pop()

    def handle_starttag(self, tag, attrs):
        if self.skip_tag:
            if tag == self.skip_tag:
                self.skip_depth += 1
            return
        attrs_map = dict(attrs)
        if tag == "meta":
            key = (attrs_map.get("property") or attrs_map.get("name") or "").lower()
            if key and attrs_map.get("content"):
                self.meta.setdefault(key, attrs_map["content"].strip())
            return
        if tag == "link" and "canonical" in (attrs_map.get("rel") or "").lower().split() and attrs_map.get("href"):
            self.meta.setdefault("canonical", attrs_map["href"].strip())
            return
        if tag in _READ_NOT_SHOWN:
            setattr(self, _READ_NOT_SHOWN[tag], True)
            if tag == "title":
                self.titles.append("")
            return
        if tag in ("iframe", "embed", "source") and not self.video_id:  # an embedded video, not a link to one
            found = YOUTUBE_LINK.search(attrs_map.get("src") or "")
            self.video_id = found.group(1) if found else ""
        if tag == "time" and attrs_map.get("datetime"):
            self.times.append(attrs_map["datetime"])
        in_article = bool(self.open_counts["article"] or self.open_counts["main"])
        if tag not in _VOID and (tag in _SKIPPED or _is_chrome(tag, attrs) or (tag in _SITE_CHROME and not in_article)):
            self.skip_tag, self.skip_depth = tag, 1
            script_type = (attrs_map.get("type") or "").lower()
            self.reading_script = None
            if tag == "script" and "ld+json" in script_type:
                self.linked_data.append("")
                self.reading_script = self.linked_data
            elif tag == "script" and ("json" in script_type or attrs_map.get("id") == "__NEXT_DATA__"):
                self.json_scripts.append("")
                self.reading_script = self.json_scripts
            elif tag == "script" and not self.in_head and attrs_map.get("src"):
                self.body_bundles += 1
            return
        speaker = holds_time_mark = False
        class_words = _class_words(attrs)
        attributed_name = bool(self.attribution_depth) and _ATTRIBUTED_NAME_CLASS <= class_words
        if tag not in _VOID and (tag == "cite" or _SPEAKER_CLASS_WORD in class_words or attributed_name):
            # the line so far is joined only here: at every tag, a paragraph of one <span> per
            # word (an interactive transcript's) was joined once per word
            holds_time_mark = self._line_is_time_mark()
            # a name inline counts where it opens a line (not "as <cite>Moby Dick</cite> says")
            speaker = tag in _BLOCKS or not self.line_ink or holds_time_mark
        if tag == "br" and self.pre:
            self.line.append("\n")
        elif (tag in _BLOCKS and not (speaker and holds_time_mark)) or tag == "br":
            self._flush()  # a time mark just before a speaker's name stays on its line: "[00:00:04] Ron:"
        if tag == "pre":
            self.pre += 1
        column = None  # what the table's header says this cell holds
        if tag in ("td", "th"):
            self.line.append(" ")
            if self.tables:
                table = self.tables[-1]
                table.column += 1
                table.header_at = len(self.line)
                column = table.columns.get(table.column) if tag == "td" else None
        elif tag == "tr" and self.tables:
            self.tables[-1].column = -1
        elif tag == "table":
            self.tables.append(_Table({}))
        if tag == "a":
            self.links.append(bool(attrs_map.get("href")) and not _SEEK_LINK.search(attrs_map["href"]))
            self.open_page_links += self.links[-1]
            if not self.programme and self.open_counts["h3"] and _PROGRAMME_LINK.search(attrs_map.get("href") or ""):
                self.programme_link_at = len(self.line)
        if tag not in _VOID:
            self.open_tags.append(tag)
            self.open_counts[tag] += 1
            level = _HEADING_LEVEL.get(tag) or (_headline_level(attrs) if tag in _BLOCKS else 0)
            if level:
                self.headlines.append((len(self.open_tags), level, len(self.blocks)))
            if not self.attribution_depth and _ATTRIBUTION_CLASS <= class_words:
                self.attribution_depth = len(self.open_tags)
            if speaker or column == "speaker":
                kind = "attributed" if attributed_name else "speaker"
                self.marked.append(_Marked(kind, len(self.open_tags), len(self.line), len(self.blocks), self.line_ink, self.lines_flushed))
            elif tag == "time" or column == "time" or class_words & _TIME_CLASS_WORDS:
                self.marked.append(_Marked("time", len(self.open_tags), len(self.line), len(self.blocks), self.line_ink, self.lines_flushed))

    def _line_is_time_mark(self) -> bool:
        """Whether the line so far is a time mark alone ("[00:04]")."""
        if not self.line_ink or self.line_ink > _TIME_MARK_INK:
            return False
        if self.line_time_mark[0] != self.line_version:
            self.line_time_mark = (self.line_version, bool(_TIME_MARK.fullmatch("".join(self.line).strip())))
        return self.line_time_mark[1]

    def _append_inked(self, text: str) -> None:
        self.line.append(text)
        if ink := _ink(text):
            self.line_ink += ink
            self.line_version += 1

    def _replace_from(self, at: int, text: str, ink_before: int) -> None:
        """The line's part from `at` (`ink_before` characters other than white space) replaced by `text`."""
        self.line[at:] = [text]
        self.line_ink += _ink(text) - ink_before
        self.line_version += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if self.skip_tag:
            if tag == self.skip_tag:
                self.skip_depth -= 1
                if not self.skip_depth:
                    self._end_skipping()
            return
        if tag in _READ_NOT_SHOWN:
            setattr(self, _READ_NOT_SHOWN[tag], False)
            return
        if tag == "a" and self.links:
            self.open_page_links -= self.links.pop()
        if tag == "a" and self.programme_link_at is not None:
            self.programme = _SPACE.sub(" ", "".join(self.line[self.programme_link_at:])).strip()
            self.programme_link_at = None
        if tag == "th" and self.tables:  # a header naming the column: "Speaker", "Time"
            table = self.tables[-1]
            kind = _COLUMN_HEADERS.get(_SPACE.sub(" ", "".join(self.line[table.header_at:])).strip().lower())
            if kind:
                table.columns[table.column] = kind
        elif tag == "table" and self.tables:
            self.tables.pop()
        if self.open_counts[tag]:  # close what was left open inside it, as browsers do
            while self.open_tags:
                closed = self.open_tags.pop()
                self.open_counts[closed] -= 1
                if closed == tag:
                    break
        if self.attribution_depth > len(self.open_tags):
            self.attribution_depth = 0
        closed_headlines = []
        while self.headlines and self.headlines[-1][0] > len(self.open_tags):
            closed_headlines.append(self.headlines.pop())
        self._close_marked()
        marked = self.line_marked  # a speaker's name or a time mark: no headline
        if tag == "pre" and self.pre:
            self._flush()
            self.pre -= 1
        if tag in _HEADINGS and not self.line_marked:
            blocks = len(self.blocks)
            self._flush()
            if len(self.blocks) > blocks:
                self.heading_blocks.append(len(self.blocks) - 1)
        elif tag == "dt":
            blocks = len(self.blocks)
            self._flush()
            if len(self.blocks) > blocks:
                self.term_blocks.append(len(self.blocks) - 1)
        elif tag in _BLOCKS:
            self._flush()
        if tag == "article" and not self.open_counts["article"] and self.first_article_end is None:
            self.first_article_end = len(self.blocks)
        for _, level, blocks_at in closed_headlines:
            if len(self.blocks) == blocks_at + 1 and not marked:  # one line of its own, not a box of several
                self.heading_levels.setdefault(blocks_at, level)

    def _end_skipping(self) -> None:
        """A skipped button that shows a clock is a time mark all the same (pleb.fi's
        "<h2>Tarun Chitra <button onclick='audio_skip("4:34")'>4:34</button></h2>")."""
        clock = _CLOCK.fullmatch(_SPACE.sub(" ", "".join(self.skipped_text)).strip())
        if self.skip_tag == "button" and clock:
            self._append_inked(f" [{clock.group(1)}] ")
            self.line_marked = True
        self.skip_tag, self.skipped_text = None, []

    def _close_marked(self) -> None:
        """Render the marked elements just closed as the labelled format writes them: a time mark's
        clock as "[0:00]" (podcastindex's "<time>0:00</time>", Signals & Threads' "<span class="ts">"),
        a speaker's name as a label, "Brian:" (De:termination's "<div class="t-speaker">Brian</div>")."""
        while self.marked and self.marked[-1].depth > len(self.open_tags):
            marked = self.marked.pop()
            if len(self.blocks) != marked.blocks_at:  # a block inside: not a mark or a name
                continue
            ink = self.line_ink - marked.ink_at if marked.line_number == self.lines_flushed else None
            if ink is not None and not 0 < ink <= _MARK_INK or len(self.line) - marked.line_at > _MARK_PIECES:
                continue  # empty, or longer than any name or clock
            text = _SPACE.sub(" ", "".join(self.line[marked.line_at:])).strip()
            ink = _ink(text) if ink is None else ink
            clock = (_CLOCK.fullmatch(text) or _WORDED_CLOCK.fullmatch(text)) if marked.kind == "time" else None
            if clock:
                self._replace_from(marked.line_at, f" [{clock.group(1)}] ", ink)
                self.line_marked = True
            elif (marked.kind == "speaker" and _SPEAKER_NAME.fullmatch(text) and len(text.split()) <= _SPEAKER_NAME_WORDS
                  or marked.kind == "attributed" and _ATTRIBUTED_NAME.fullmatch(text)):
                self._replace_from(marked.line_at, f" {text} " if text[-1] in ":：" else f" {text}: ", ink)
                self.line_marked = True
                self.label_end = marked.line_at + 1

    def handle_data(self, data):
        if self.in_title:
            self.titles[-1] += data
        elif self.skip_tag == "button":
            self.skipped_text.append(data)
        elif self.skip_tag == "script" and self.reading_script is not None and self.skip_depth == 1:
            self.reading_script[-1] += data
        elif self.skip_tag == "noscript":
            self.noscript_text.append(data)
        elif not self.skip_tag and not self.in_head:
            self._append_inked(data)
            if _WORD.search(data):  # the commas between a list's links are not words of the line's own
                if self.open_counts["b"] or self.open_counts["strong"]:
                    self.line_bold = True
                else:
                    self.line_not_bold = True
                if self.open_page_links:
                    self.line_linked = True
                else:
                    self.line_unlinked = True
                    self.line_own.append(data)

    def parse_marked_section(self, i, report=1):
        rawdata = self.rawdata
        name = _MARKED_SECTION_NAME.match(rawdata, i + 3)
        office = bool(name) and name.group().lower() in ("if", "else", "endif")  # closed by "]>", the others by "]]>"
        unclosed = self.sections_unclosed[office]
        if self.closing and unclosed[0] is rawdata and i >= unclosed[1]:
            return self._bogus_comment_end(i)  # no closing after an earlier one's: searching again made 1 MB take 72 s
        try:
            end = super().parse_marked_section(i, report)
        except AssertionError:
            # "<![" with no name or one Python's _markupbase does not know ("<![[", "<![x[") raises AssertionError
            # (CPython 3.11); a browser reads it as a comment up to the next ">"
            return self._bogus_comment_end(i)
        if end < 0 and self.closing:  # never closed: a comment up to the next ">", as a browser reads it
            self.sections_unclosed[office] = (rawdata, i)
            if office:  # no "]>" after it, so no "]]>" either
                self.sections_unclosed[False] = (rawdata, i)
            return self._bogus_comment_end(i)
        return end

    def _bogus_comment_end(self, i: int) -> int:
        rawdata = self.rawdata
        if self.no_tag_end[0] is rawdata and i >= self.no_tag_end[1]:
            return len(rawdata)
        end = rawdata.find(">", i)
        if end < 0:  # a comment to the end of the page, remembered: the next such opening has no ">" after it either
            self.no_tag_end = (rawdata, i)
            return len(rawdata)
        return end + 1

    def close(self):
        self.closing = True  # all of the page is in rawdata: what is not closed now never will be
        super().close()
        self.open_tags = []
        self.open_counts.clear()
        self._close_marked()
        self._flush()


def _headline_level(attrs: list[tuple[str, str | None]]) -> int:
    """The heading's level an element's class names ("cnnTransStoryHead" 1, "cnnTransSubHead" 2,
    "entry-title" 1), else 0; the class's words are split at capitals too."""
    value = next((v for n, v in attrs if n == "class" and v), "")
    if not value:
        return 0
    words = {w.lower() for w in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", value)}
    if words & _SUBHEAD_WORDS and (words & _HEADLINE_WORDS.keys() or words - {"sub"} & _SUBHEAD_WORDS):
        return 2
    return min((_HEADLINE_WORDS[w] for w in words if w in _HEADLINE_WORDS), default=0)


def _title_parts(title: str) -> list[str]:
    return [p.strip().casefold() for p in _TITLE_PARTS.split(title) if p.strip()]


def _site_title(title: str, site_names: frozenset[str]) -> bool:
    """Whether a title names only the site or a section of it ("CNN.com - Transcripts", "Transcripts",
    the og:site_name again): every page of the site has it, so it names no interview."""
    parts = _title_parts(title)
    return bool(parts) and all(part in site_names or part in _SECTION_WORDS or _DOMAIN.fullmatch(part) for part in parts)


def _site_names(site_name: str, titles: list[str]) -> frozenset[str]:
    """What names the site: og:site_name, and the parts of a title naming only the site, a domain's
    name without its ending too ("CNN.com": "cnn", the logo's <h1>CNN</h1>)."""
    names = {site_name.strip().casefold()} - {""}
    for title in titles:
        if _site_title(title, frozenset(names)):
            for part in _title_parts(title):
                names.add(part)
                if _DOMAIN.fullmatch(part):
                    names.add(part.removeprefix("www.").rsplit(".", 1)[0])
    return frozenset(names)


def _linked_data_headline(scripts: list[str]) -> str:
    """The first headline (an Article's, a NewsArticle's) in the page's schema.org JSON-LD."""
    for script in scripts:
        try:
            data = json.loads(script)
        except ValueError:
            continue
        stack = [data]
        while stack:
            node = stack.pop(0)
            if isinstance(node, dict):
                if isinstance(node.get("headline"), str) and node["headline"].strip():
                    return _SPACE.sub(" ", node["headline"]).strip()
                stack.extend(node.values())
            elif isinstance(node, list):
                stack.extend(node)
    return ""


def _heading_title(renderer: "_Renderer", site_names: frozenset[str]) -> str:
    """The page's own title among its first lines: its first heading that does not name the site, and
    the subhead just under it where one follows (CNN's "CNN LARRY KING LIVE" over "Paul McCartney
    Discusses 'Blackbird Singing'": the show's name alone is every episode's)."""
    levels = renderer.heading_levels
    for i in sorted(levels):
        if i >= _TITLE_HEADING_LINES:
            break
        heading = renderer.blocks[i].strip()
        if _site_title(heading, site_names) or not _WORD.search(heading):
            continue
        below = renderer.blocks[i + 1].strip() if i + 1 in levels and levels[i + 1] > levels[i] else ""
        if below and not _site_title(below, site_names):
            return f"{heading}: {below}"
        return heading
    return ""


def _page_title(renderer: "_Renderer") -> str:
    """og:title, else the first <title>; where that names only the site or its section, the JSON-LD's
    headline, else the page's first heading, else that title all the same."""
    meta = renderer.meta
    titles = [_EMPTY_FIRST_PART.sub("", _SPACE.sub(" ", title).strip()) for title in renderer.titles]
    candidates = [meta.get("og:title", ""), next((title for title in titles if title), "")]
    site_names = _site_names(meta.get("og:site_name", ""), [c for c in candidates if c])
    specific = next((c for c in candidates if c and not _site_title(c, site_names)), "")
    if not any(candidates):  # the text's own first heading or line titles it (the formats read it)
        return ""
    heading = _heading_title(renderer, site_names)
    title = specific or _linked_data_headline(renderer.linked_data) or heading or next((c for c in candidates if c), "")
    if heading and title != heading and title.casefold().startswith(heading.casefold()) and _TITLE_PARTS.match(title, len(heading)):
        title = heading  # "Dana Whitfield on recycling | Grid Weekly" above its <h1>: the site's name after the page's own
    breadcrumb = _ASAP_BREADCRUMB.fullmatch(title)
    if breadcrumb:
        title = f"{breadcrumb.group('event')}: {breadcrumb.group('who')}"
    # a no-break space in a title is a space ("John&nbsp;Kirby", the White House's og:title)
    return title.replace("\xa0", " ")


def _published(value: str) -> tuple[dt.date | None, str]:
    """The day a "2023-06-08T09:00:00+00:00" value opens with (manifest.parse_published reads it)."""
    m = _DATE.search(value or "")
    try:
        return parse_published(m.group()) if m else (None, "")
    except ValueError:  # "2023-02-30"
        return None, ""


def _linked_data_published(scripts: list[str]) -> str:
    """The first datePublished (else uploadDate, a VideoObject's) in the page's schema.org JSON-LD,
    nested or in an @graph (Yoast's WordPress pages, NPR, Substack and sites with no
    article:published_time write the day there)."""
    found: dict[str, str] = {}

    def walk(node) -> None:
        if isinstance(node, dict):
            for key in ("datePublished", "uploadDate"):
                if isinstance(node.get(key), str):
                    found.setdefault(key, node[key])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for script in scripts:
        try:
            walk(json.loads(script))
        except (ValueError, RecursionError):  # a CMS's broken (or absurdly nested) JSON is no date
            continue
        if "datePublished" in found:
            break
    return found.get("datePublished") or found.get("uploadDate", "")


def _link(canonical: str, og_url: str) -> str:
    """The page's address: its canonical link, resolved against og:url where it is relative
    (uncommoncore.co's WordPress writes "/transcript-for-13-.../"), else og:url."""
    try:
        if not canonical or urlsplit(canonical).scheme:
            return canonical or og_url
        return urljoin(og_url, canonical) if urlsplit(og_url).scheme in ("http", "https") else canonical
    except ValueError:  # "//[broken": an address urlsplit refuses (an unclosed IPv6 bracket) is none; og:url is fitted later
        return og_url


# a notice standing where a script will put the page's words: "Loading transcript...", "Please enable
# JavaScript", "You need to enable JavaScript to run this app." (React's), "JavaScript is required"
_SCRIPT_NOTICE = re.compile(
    r"^\W*loading(?:\s+[\w-]+){0,3}\s*(?:\.\.\.|…|\.)?\s*$|(?:enable|turn on|activate|allow)\s+javascript"
    r"|javascript\s+(?:is\s+)?(?:required|disabled|needed|must be enabled|is off)|requires?\s+javascript", re.I)
_TRANSCRIPT_NOTICE = re.compile(r"\b(?:transcript|captions?|subtitles)\b", re.I)
_SHELL_WORDS = 25  # what a shell shows beside its notice: a heading, a line or two of blurb
_TRANSCRIPT_SHELL_WORDS = 150  # beside a notice that the transcript itself is loading: an episode's description


def _script_shell(text: str, headings: tuple, title: str, renderer: "_Renderer") -> bool:
    """Whether a page's text is a shell its scripts fill in, by the page's own evidence: a notice
    that words are loading or that JavaScript is needed (shown, or in <noscript>; not a comment
    box's "enable JavaScript to view the comments"), or script files or JSON data in the body and
    no text beside headings.
    A page with a short transcript of its own and neither is read as it is."""
    heading_starts = {start for start, _ in headings}
    notices, words, at = [], 0, 0
    for line in text.split("\n"):
        if line.strip() and at not in heading_starts and line.strip() != title:
            if _SCRIPT_NOTICE.search(line) and "comment" not in line.lower() and len(line.split()) <= 12:
                notices.append(line)
            else:
                words += len(line.split())
        at += len(line) + 1
    hidden = " ".join(renderer.noscript_text)
    if any(_TRANSCRIPT_NOTICE.search(line) for line in notices):
        return words < _TRANSCRIPT_SHELL_WORDS
    if notices or (_SCRIPT_NOTICE.search(hidden) and "comment" not in hidden.lower()):
        return words < _SHELL_WORDS
    return words == 0 and bool(renderer.body_bundles or renderer.json_scripts)


def _embedded(renderer: "_Renderer") -> Rendered | None:
    try:
        return embedded_transcript(renderer.linked_data + renderer.json_scripts, source="",
                                   render_html=lambda fragment: read_page(fragment).text)
    except IngestError:  # segments with no words
        return None


def _name_headings_as_labels(renderer: "_Renderer") -> None:
    """Speakers' names set as headings over their words (This American Life's <h4>Ira Glass</h4> above
    each of his paragraphs) are labels, "Ira Glass:", as a Markdown transcript's "## Ira Glass" is where
    it heads two turns or more: the headings whose text is a name in capitalised words, two such names
    each heading two or more blocks; a name heading once stays a heading (an act's "Prologue")."""
    blocks = renderer.blocks
    names = Counter(
        blocks[i] for i in renderer.heading_blocks
        if _SPEAKER_NAME.fullmatch(blocks[i]) and not blocks[i].endswith((":", "："))
        and len(blocks[i].split()) <= _SPEAKER_NAME_WORDS and all(w[:1].isupper() for w in blocks[i].split())
    )
    repeated = {name for name, count in names.items() if count >= 2}
    if len(repeated) < 2:
        return
    labels = {i for i in renderer.heading_blocks if blocks[i] in repeated}
    for i in labels:
        blocks[i] += ":"
        renderer.heading_levels.pop(i, None)
    renderer.heading_blocks = [i for i in renderer.heading_blocks if i not in labels]
    renderer.bold_blocks = [i for i in renderer.bold_blocks if i not in labels]


def _show(site_name: str, renderer: "_Renderer") -> str:
    """og:site_name; on NPR's pages the programme the slug names, where it names one."""
    return renderer.programme if site_name == _NPR and renderer.programme else site_name


def _medium_page(meta: dict[str, str]) -> bool:
    """A story on Medium (medium.com or a publication's own domain): its app links name the Medium app."""
    return "Medium" in (meta.get("al:android:app_name"), meta.get("al:ios:app_name"))


def _keep_blocks(renderer: "_Renderer", count: int) -> None:
    """Leave only the first `count` blocks, and the headings and bold lines among them."""
    del renderer.blocks[count:]
    renderer.heading_blocks = [i for i in renderer.heading_blocks if i < count]
    renderer.bold_blocks = [i for i in renderer.bold_blocks if i < count]
    renderer.term_blocks = [i for i in renderer.term_blocks if i < count]
    renderer.heading_levels = {i: level for i, level in renderer.heading_levels.items() if i < count}


def _name_terms_as_labels(renderer: "_Renderer") -> None:
    """Speakers' names set as a definition list's terms over their words (<dl><dt>Name</dt><dd>words</dd>...: a
    WordPress theme's transcripts, Fanscribed's "<dt><span class="name">Name</span>:</dt>") are labels, "Name:",
    as names set as headings are: the terms whose text is a name in capitalised words, two such names each
    the term of two or more; a list of fields ("Name", "Email") names each once."""
    blocks = renderer.blocks
    names = {i: blocks[i].rstrip(":：").rstrip() for i in renderer.term_blocks}
    counts = Counter(
        name for name in names.values()
        if _SPEAKER_NAME.fullmatch(name) and len(name.split()) <= _SPEAKER_NAME_WORDS and all(w[:1].isupper() for w in name.split())
    )
    repeated = {name for name, count in counts.items() if count >= 2}
    if len(repeated) < 2:
        return
    for i, name in names.items():
        if name in repeated and not blocks[i].endswith((":", "：")):
            blocks[i] += ":"


def read_page(html: str) -> Page:
    """An HTML document in, its text (paragraphs one per line, a blank line between) and metadata out."""
    renderer = _Renderer()
    renderer.feed(short_references(html))  # (a character's number of 5,000 digits: no character, not ValueError)
    renderer.close()
    if renderer.first_article_end is not None and _medium_page(renderer.meta):
        # what Medium sets after the story's <article> is its own: the claps and responses, the tags, "Written by"
        # the author, "More from" them and "Recommended from Medium", in hashed classes that name none of it
        _keep_blocks(renderer, renderer.first_article_end)
    _name_headings_as_labels(renderer)
    _name_terms_as_labels(renderer)
    meta = renderer.meta
    title = _page_title(renderer)
    published, precision = _published(meta.get("article:published_time", ""))
    if published is None and renderer.linked_data:
        published, precision = _published(_linked_data_published(renderer.linked_data))
    if published is None and renderer.times:
        published, precision = _published(renderer.times[0])
    if published is None:
        aired = next(filter(None, (_AIRED.match(block) for block in renderer.blocks[:_AIRED_LINES])), None)
        published = parse_date(aired.group("date")) if aired else None
        precision = "day" if published else precision
    video = YOUTUBE_LINK.search(meta.get("og:video") or meta.get("og:video:url") or "")
    metadata = Metadata(
        title=title, show=_show(meta.get("og:site_name", ""), renderer), link=_link(meta.get("canonical", ""), meta.get("og:url", "")),
        published=published, published_precision=precision, video_id=video.group(1) if video else renderer.video_id,
    )
    starts, at = [], 0
    for block in renderer.blocks:
        starts.append(at)
        at += len(block) + 2
    # the page's headings, and the lines it classes as a headline (CNN's <p class="cnnTransStoryHead">)
    heading_blocks = sorted(set(renderer.heading_blocks) | set(renderer.heading_levels))
    headings = tuple((starts[i], starts[i] + len(renderer.blocks[i])) for i in heading_blocks)
    text = "\n\n".join(renderer.blocks) + ("\n" if renderer.blocks else "")
    if _script_shell(text, headings, title, renderer):
        return Page(text, metadata, headings, loads_by_script=True, embedded=_embedded(renderer))
    bold_lines = tuple((starts[i], starts[i] + len(renderer.blocks[i])) for i in renderer.bold_blocks if i not in heading_blocks)
    return Page(text, metadata, headings, bold_lines=bold_lines)


# a chapter heading's time before its title ("(00:00:40) – ", "[00:12] ")
_TIME_OPENING = re.compile(r"[ \t]*[\[(]\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]:?[ \t]*")


def without_trailing_headings(text: str, parsed: ParsedSource, headings) -> ParsedSource:
    """Parsed turns in, the same turns without the page's headings at their ends: a section's
    heading between two speakers' turns ("Data Abstraction and CLU" in an oral history, a
    chapter's title on a podcast's page) is not the words of the speaker before it (as a
    Markdown transcript's "### MIT" is not, labelled.py). An unlabelled turn that is a heading
    (a page read as plain paragraphs: its title, a section's) is no turn, unless it ends a sentence
    (a question set as a heading), as a Markdown heading is not (plain.py); nor is a chapter's heading
    opening with its time between two turns."""
    ends = dict(headings)
    starts = {end: start for start, end in headings}
    turns = []
    for turn in parsed.turns:
        a, b = turn.start_char, turn.end_char
        if ends.get(a) == b and (not turn.speaker_label or text[a] in "[(") and not text[a:b].rstrip().endswith(_SENTENCE_ENDS):
            # a paragraph that is a heading, read as plain text: the page's title or a section's; or a chapter's
            # heading opening with its time ("(00:00:40) – Where trust starts"), which the labelled format
            # takes for the speaker before it going on at that time
            continue
        if turn.speaker_label and (h := starts.get(b)) is not None and h < a and _TIME_OPENING.fullmatch(text, h, a):
            continue  # the same, where that turn starts after the heading's time (labelled.py leaves the mark out)
        while True:
            line_start = text.rfind("\n", a, b) + 1
            if line_start <= a or ends.get(line_start) != b:
                break
            a, b = trim(text, a, line_start)
        turns.append(turn if b == turn.end_char else replace(turn, end_char=b))
    if not turns or turns == list(parsed.turns):
        return parsed
    end = turns[-1].end_char if parsed.content_end == parsed.turns[-1].end_char else parsed.content_end
    start = turns[0].start_char if parsed.content_start == parsed.turns[0].start_char else parsed.content_start
    return replace(parsed, turns=tuple(turns), content_start=start, content_end=end)
