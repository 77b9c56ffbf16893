"""Front matter: the `---` YAML block that static-site generators (Jekyll, Hugo, Eleventy, Astro)
put at the top of a Markdown transcript, or the `+++` TOML block Hugo writes by default.

    ---
    title: "Frontiers, fsGroups and frogs"
    date: 2021-12-07
    guests: [Rey Lejano]
    video_id: Bp_h674oIhw
    ---

Its fields are the file's own metadata (they win over a title guessed from the first line),
and the block is kept out of the turns: the parsers see it as blank lines, so that
"title: ..." is never read as a speaker's label. The stored text keeps it. A block that is not
a YAML mapping with at least one field sites use is no front matter (a transcript may open
with a `---` rule, and "Ann: Hello." between two rules is a mapping too).

Hugo's TOML block (the Google Cloud Platform Podcast's episodes) reads the same way:

    +++
    title = "Data Science with Juliet Hougland and Michelle Casbon"
    date = "2018-06-06"
    hosts = ["Mark Mandel", "Melanie Warrick"]
    audioDuration = "00:45:04"
    +++

yt-dlp's captions turned to text keep the WebVTT header's fields on top where the tool that stripped the
"WEBVTT" line and the cue times left them ("Kind: captions" / "Language: en", then a caption line a line): the
file's metadata, no one's words (before, "Kind" and "Language" were read as two speakers' labels). It is read as
front matter that says nothing Metadata holds. So is a radio page's head down to its player list (NPR's pages as
text: a teaser, "NPR logo", the headline, then "• Download", the player's "<iframe ...>" and "• Transcript"): no
one's words, the headline the title.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
import tomllib
from dataclasses import dataclass
from typing import Any, Mapping

import yaml

from .entities import unescape
from .errors import IngestError
from .formats._common import parse_clock
from .formats._head import day_of_line
from .html import YOUTUBE_LINK
from .json_transcript import Rendered, Segment, timed_lines
from .manifest import parse_published
from .records import Metadata

_OPENING = re.compile(r"\A\ufeff?(?P<rule>---|\+\+\+)[ \t]*\r?\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)
_TOML_CLOSING = re.compile(r"^\+\+\+[ \t]*\r?$", re.M)
_MAX_CHARS = 20_000  # front matter is a header; a closing rule further down is something else
_VIDEO_ID = re.compile(r"[A-Za-z0-9_-]{11}")
_DAY_IN_WORDS_CHARS = 80  # "Thursday, November 18th, 2021, 10:30 AM" and then some; a longer value is no day

# field names as sites spell them, per Metadata field
_TITLE = ("title",)
# a show's name as written before its slug ("podcast_title: Latent Space" beside "podcast: latent-space")
_SHOW = ("show", "podcast_title", "show_title", "podcast", "series", "program", "programme")
# (Podwise's Markdown export: "publish-time")
_DATE = ("date", "published", "publish_date", "published_at", "pubdate", "pub_date", "air_date", "recorded",
         "publish-time", "publish_time")
# an episode's name where no field is the title (Podwise's "episode: ..."; a number there is no title)
_EPISODE_TITLE = ("episode_title", "episode")
_LINK = ("link", "url", "canonical_url", "permalink", "episode_url", "youtube", "youtube_url", "video_url", "video")
_VIDEO = ("video_id", "youtube_id", "youtube", "youtube_url", "video_url", "video")
_DURATION = ("duration_seconds", "duration", "length", "audioduration")
_HOSTS = ("hosts", "host", "interviewer", "interviewers")
_GUESTS = ("guests", "guest", "interviewee", "interviewees")
# who speaks, no part said (bitcointranscripts' "speakers: ['Greg Sanders']", a conference's talks): guests,
# where no field names the guests and but for a name the hosts' field gives
_SPEAKERS = ("speakers", "speaker")
_SITE_FIELDS = frozenset(
    _TITLE + _SHOW + _DATE + _LINK + _VIDEO + _DURATION + _HOSTS + _GUESTS + _SPEAKERS
    + ("layout", "tags", "categories", "category", "description", "draft", "slug", "author", "authors", "summary",
       "episode", "episode_title", "podcast_title", "show_title", "publish-time", "publish_time", "keywords", "lang", "type", "weight", "aliases", "image", "excerpt")
)


@dataclass(frozen=True)
class FrontMatter:
    end: int  # offset just after the closing line
    metadata: Metadata
    # the page calls itself a transcript: its layout, type, category or a tag says so
    says_transcript: bool = False
    transcript: str = ""  # a "transcript" field's text, where the front matter holds one
    whisper_segments: str = ""  # a "whisper_segments" field's text: Whisper's segments as a JSON string


_KIND_FIELDS = ("layout", "type", "category", "categories", "tags", "kind")


def _kinds(fields: Mapping[str, Any]) -> list[str]:
    """The words the front matter uses for what the page is: its layout, type, categories, tags."""
    values = [fields.get(name) for name in _KIND_FIELDS]
    return [v for value in values for v in (value if isinstance(value, (list, tuple)) else [value]) if isinstance(v, str)]


def _says_transcript(fields: Mapping[str, Any]) -> bool:
    return any("transcript" in kind.lower() for kind in _kinds(fields))


# the WebVTT header's fields yt-dlp writes for YouTube's captions, the first lines of the text; the language a
# BCP 47 tag ("en", "en-GB", "zh-Hans")
_CAPTION_HEADER = re.compile(
    r"\A\ufeff?Kind:[ \t]*captions[ \t]*\r?\nLanguage:[ \t]*[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}[ \t]*\r?(?:\n|\Z)")


# a radio page's player as its text reads (NPR's: "• Download", the player's "<iframe ...>", "• Transcript", a
# bulleted list under the headline): the page's head ends there, the transcript below
_PLAYER_LIST = re.compile(
    r"^[ \t]*•[ \t]*Download[ \t]*\r?\n[ \t]*•[ \t]*<iframe\b[^\n]*>[ \t]*\r?\n[ \t]*•[ \t]*Transcript[ \t]*\r?(?:\n|\Z)", re.M)
_PLAYER_PAGE_HEAD_CHARS = 5_000  # the teaser, the logo's name and the headline above the list


def _player_page_head(text: str) -> FrontMatter | None:
    """A radio page's head above and including its player list: no one's words, the headline (the line just above
    the list) the title; None where the text's first lines hold no such list."""
    if "<iframe" not in text[:_PLAYER_PAGE_HEAD_CHARS]:
        return None
    player = _PLAYER_LIST.search(text, 0, _PLAYER_PAGE_HEAD_CHARS)
    if not player:
        return None
    above = [line.strip() for line in text[:player.start()].splitlines() if line.strip()]
    return FrontMatter(end=player.end(), metadata=Metadata(title=above[-1] if above else ""))


def read_front_matter(text: str) -> FrontMatter | None:
    """A text in, its front matter (where it ends, what it says) out; None when it has none."""
    caption_header = _CAPTION_HEADER.match(text)
    if caption_header:
        return FrontMatter(end=caption_header.end(), metadata=Metadata())
    if player_head := _player_page_head(text):
        return player_head
    opening = _OPENING.match(text)
    if not opening:
        return None
    toml = opening.group("rule") == "+++"
    closing = (_TOML_CLOSING if toml else _CLOSING).search(text, opening.end(), min(len(text), _MAX_CHARS))
    if not closing:
        return None
    return _front_matter(text, opening, closing, toml=toml)


def _front_matter(text: str, opening: re.Match, closing: re.Match, *, toml: bool, loader=yaml.SafeLoader) -> FrontMatter | None:
    """read_front_matter's reading of the block between `opening` and `closing`."""
    block = text[opening.end():closing.start()]
    if _flow_depth(block) > _MAX_FLOW_DEPTH:
        return None
    try:
        fields = tomllib.loads(block) if toml else yaml.load(block, Loader=loader)
    # ValueError: a date that is no day ("date: 2023-13-11", YAML reads it as a date); RecursionError: deep nesting
    except (yaml.YAMLError, tomllib.TOMLDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(fields, dict) or not _a_tree_of_its_text(fields, len(block)) \
            or not _SITE_FIELDS & {str(k).lower() for k in fields}:
        return None
    end = closing.end() + 1 if text.startswith("\n", closing.end()) else closing.end()
    fields = {str(k).lower(): v for k, v in fields.items()}
    transcript = fields.get("transcript") if isinstance(fields.get("transcript"), str) else ""
    whisper = fields.get("whisper_segments") if isinstance(fields.get("whisper_segments"), str) else ""
    return FrontMatter(end=end, metadata=_metadata(fields), says_transcript=_says_transcript(fields), transcript=transcript,
                       whisper_segments=whisper)


# PyYAML's scanner takes time quadratic in the depth of nested "[" and "{" (20 s for 5,000 in 10 KB); no site's
# front matter nests more than a few levels
_MAX_FLOW_DEPTH = 50
_FLOW_BRACKET = re.compile(r"[\[\]{}]")


def _flow_depth(block: str) -> int:
    """The deepest nesting of brackets and braces in a block (quotes not told apart: an over-count is harmless)."""
    depth = deepest = 0
    for bracket in _FLOW_BRACKET.finditer(block):
        depth = depth + 1 if bracket.group() in "[{" else max(0, depth - 1)
        deepest = max(deepest, depth)
    return deepest


# a number of some 3,000 decimal digits (str() writes 4,300 at most): longer than any field's
_LONGEST_NUMBER_BITS = 10_000


def _a_tree_of_its_text(value: Any, chars: int) -> bool:
    """Whether what YAML loaded has no more items than its text has characters: YAML's aliases share one list
    among many ("a1: &a1 [*a0, *a0, ...]", nine levels deep: 9 ** 9 items), and reading a field as text (str())
    walked every one of them; nor a number too long for str() to write ("0x" and 5,000 digits: ValueError). Counted
    without recursion, stopping past the limit."""
    stack, count = [value], 0
    while stack:
        item = stack.pop()
        count += 1
        if count > chars + 1:
            return False
        if isinstance(item, int) and item.bit_length() > _LONGEST_NUMBER_BITS:
            return False
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set)):
            stack.extend(item)
    return True


# 3Play Media's timed HTML: a paragraph a <p>, a word or a phrase a span whose "m" is its start in milliseconds
# (MIT OpenCourseWare's Hugo pages keep a video's whole transcript so in their front matter's "transcript" field)
_THREE_PLAY_SPAN = re.compile(r"<span\s+m=[\"'](\d{1,9})[\"']\s*>([^<]*)</span>")
# the speaker's label in capitals opening a paragraph where the voice changes ("PROFESSOR:", "YUFEI ZHAO:");
# a paragraph without one goes on in the voice before it, as 3Play writes a label only at a change
_THREE_PLAY_LABEL = re.compile(r"([A-Z][A-Z0-9.'-]*(?: [A-Z0-9.'-]+){0,3}):\s+")


def three_play_segments(value: str) -> list[Segment]:
    """A 3Play timed HTML text in, (start seconds, speaker label or "", words) per paragraph out; [] for
    any other text."""
    segments: list[Segment] = []
    speaker = ""
    # split at each paragraph's end, its words after its opening: linear where a "<p>" is never closed
    for paragraph in value.split("</p>"):
        spans = _THREE_PLAY_SPAN.findall(paragraph, paragraph.rfind("<p>") + 1)
        words = " ".join(unescape(" ".join(words.split())) for _, words in spans if words.strip())
        if not words:
            continue
        label = _THREE_PLAY_LABEL.match(words)
        if label:
            speaker, words = label.group(1), words[label.end():]
        segments.append((int(spans[0][0]) / 1000, speaker, words))
    return segments


# a field the page's body would be: the only ones read so
_TRANSCRIPT_FIELD = re.compile(r"^(?:transcript|whisper_segments):", re.M)


def _whole_page_front_matter(text: str) -> FrontMatter | None:
    """The YAML front matter of a page that is nothing else, its closing rule the file's last line, however long
    (a lecture's 3Play transcript runs to 300,000 characters: past read_front_matter's reach, which a rule further
    down a page with a body would be no closing of); read by libyaml's loader, linear and fast on megabytes."""
    opening = _OPENING.match(text)
    last_line = text.rstrip().rfind("\n") + 1
    closing = _CLOSING.match(text, last_line) if opening and opening.group("rule") == "---" and last_line else None
    if closing is None or closing.start() < opening.end() or not _TRANSCRIPT_FIELD.search(text, opening.end(), closing.start()):
        return None
    return _front_matter(text, opening, closing, toml=False, loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def whisper_field_segments(value: str, *, source: str) -> list[Segment]:
    """A front matter's "whisper_segments" field in (Whisper's segments written as a JSON string: a podcast
    archive's episode records), (start seconds, "", words) per segment out."""
    try:
        data = json.loads(value)
    except ValueError as exc:
        raise IngestError(source, None, f"the front matter's whisper_segments field is not JSON ({exc.msg})") from None
    if not isinstance(data, list) or not all(isinstance(s, dict) and "start" in s and "text" in s for s in data):
        raise IngestError(source, None, "the front matter's whisper_segments field is not a list of Whisper's "
                                        "segments (each with its start and text)")
    try:
        return [(float(s["start"]), "", str(s["text"])) for s in data]
    except (TypeError, ValueError):
        raise IngestError(source, None, "the front matter's whisper_segments field has a start that is no "
                                        "number of seconds") from None


def front_matter_transcript(text: str, *, source: str) -> tuple[FrontMatter, Rendered] | None:
    """A Markdown page in, its front matter and the transcript a field of it holds out, where the page's body
    holds no words and the field is 3Play's timed HTML ("transcript") or Whisper's segments as JSON
    ("whisper_segments"); None otherwise."""
    front = read_front_matter(text) or _whole_page_front_matter(text)
    if front is None or text[front.end:].strip():
        return None
    if "<span" in front.transcript:
        segments = three_play_segments(front.transcript)
    elif front.whisper_segments:
        segments = whisper_field_segments(front.whisper_segments, source=source)
    else:
        return None
    return (front, timed_lines(segments, source=source)) if segments else None


def blank_front_matter(text: str, front: FrontMatter) -> str:
    """The text with its front matter as blank lines (same length, same offsets)."""
    return re.sub(r"[^\n]", " ", text[: front.end]) + text[front.end:]


def _episode_title(fields: Mapping[str, Any]) -> str:
    value = _first(fields, _EPISODE_TITLE)
    return value if isinstance(value, str) and any(c.isalpha() for c in value) else ""


def _first(fields: Mapping[str, Any], names: tuple[str, ...]) -> Any:
    return next((fields[n] for n in names if fields.get(n) not in (None, "", [], {})), None)


def _names(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(n.strip() for n in value.split(",") if n.strip())
    if isinstance(value, list):
        return tuple(str(v.get("name", "")).strip() if isinstance(v, dict) else str(v).strip() for v in value if v)
    if isinstance(value, dict) and value.get("name"):
        return (str(value["name"]).strip(),)
    return ()


_RSS_DATE = re.compile(r"(?:[A-Z][a-z]{2}, )?\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}(?::\d{2})? (?:GMT|UT|[+-]\d{4}|[A-Z]{3})")


def _rss_day(value: str) -> dt.date | None:
    """The day of an RFC 822 date, as RSS writes pubDate; None for any other text."""
    if not _RSS_DATE.fullmatch(value.strip()):
        return None
    try:
        return email.utils.parsedate_to_datetime(value.strip()).date()
    except (TypeError, ValueError):
        return None


def _published(value: Any) -> tuple[dt.date | None, str]:
    if isinstance(value, dt.datetime):
        return value.date(), "day"
    if isinstance(value, dt.date):
        return value, "day"
    if isinstance(value, int) and 1900 <= value <= 2100:
        return dt.date(value, 1, 1), "year"
    if isinstance(value, str):
        try:
            return parse_published(value.strip()[:10])
        except ValueError:
            pass
        rss_day = _rss_day(value)  # RSS's pubDate as a podcast archive copies it ("Wed, 21 Dec 2022 20:35:43 GMT")
        if rss_day:
            return rss_day, "day"
        # a day in words, as Pelican sites write pub_date ("November 18th, 2021": Relay FM's Conduit
        # transcripts); never a slash date, whose month no reader can tell from its day
        day = day_of_line(value) if len(value) <= _DAY_IN_WORDS_CHARS else None
        return (day, "day") if day else (None, "")
    return None, ""


def _seconds(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)) and value > 0:
        return round(value)
    if isinstance(value, str):
        clock = parse_clock(value)
        if clock is not None:
            return round(clock)
        try:
            return round(float(value)) or None
        except ValueError:
            return None
    return None


def _video_id(fields: Mapping[str, Any]) -> str:
    for name in _VIDEO:
        value = str(fields.get(name) or "").strip()
        found = YOUTUBE_LINK.search(value)
        if found:
            return found.group(1)
        if name in ("video_id", "youtube_id") and _VIDEO_ID.fullmatch(value):
            return value
    return ""


# a page's kind that says two or more voices whoever its speakers' field names
_CONVERSATION_WORDS = re.compile(r"podcast|interview|conversation|panel|discussion|debate|q ?& ?a", re.I)


def _a_talk(fields: Mapping[str, Any], speakers: tuple[str, ...], hosts: tuple[str, ...]) -> bool:
    """Whether the front matter says one voice: its speakers' field names one speaker, no field names a
    host or a guest, and its kind is not a conversation (bitcointranscripts' conference talks,
    "speakers: ['Ruben Somsen']", categories "conference"; not its podcasts, "categories: ['podcast']").
    The text's labels still come first: a podcast's two labelled voices keep theirs (attribute.py)."""
    if len(speakers) != 1 or hosts or _first(fields, _GUESTS):
        return False
    return not any(_CONVERSATION_WORDS.search(kind) for kind in _kinds(fields))


# a page's title closing with its site's name after a bar or a dash, as a web clipper saves it ("What happened ...? |
# 80,000 Hours" from 80000hours.org): the site's name is the show's where the page's address or domain spells it
_SITE_SUFFIX = re.compile(r"[ ][|–—][ ](?P<site>[^|–—\n]{2,40})$")


def _title_and_site(title: str, fields: Mapping[str, Any]) -> tuple[str, str]:
    suffix = _SITE_SUFFIX.search(title)
    if not suffix:
        return title, ""
    site = suffix.group("site").strip()
    spelled = re.sub(r"[\W_]", "", site.lower())
    address = " ".join(str(fields.get(n) or "") for n in ("url", "link", "canonical_url", "domain", "source_url"))
    host = re.sub(r"[\W_]", "", re.sub(r"^https?://(?:www\.)?", "", address.lower()).split("/")[0])
    if len(spelled) < 4 or spelled not in host:
        return title, ""
    return title[: suffix.start()].strip(), site


def _metadata(fields: Mapping[str, Any]) -> Metadata:
    published, precision = _published(_first(fields, _DATE))
    hosts = _names(_first(fields, _HOSTS))
    speakers = _names(_first(fields, _SPEAKERS))
    guests = _names(_first(fields, _GUESTS)) or tuple(n for n in speakers if n not in hosts)
    link = next((str(fields[n]).strip() for n in _LINK if str(fields.get(n) or "").startswith(("http://", "https://"))), "")
    show = str(_first(fields, _SHOW) or "").strip() if isinstance(_first(fields, _SHOW), (str, int)) else ""
    # (a WordPress export writes the title's characters as HTML's references: "Hints, Writeup &#038; Notes")
    title = unescape(str(_first(fields, _TITLE) or _episode_title(fields)).strip())
    title, site = _title_and_site(title, fields) if not show else (title, "")
    return Metadata(
        single_speaker=True if _a_talk(fields, speakers, hosts) else None,
        title=title,
        show=show or site,
        link=link,
        video_id=_video_id(fields),
        published=published,
        published_precision=precision,
        duration_seconds=_seconds(_first(fields, _DURATION)),
        hosts=hosts,
        guests=guests,
    )
