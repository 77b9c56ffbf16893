"""Timed text saved as XML: YouTube's timedtext, TTML captions and Podlove's simple transcripts, as timed lines of text.

- YouTube's timedtext, as scrapers save it: `<transcript><text start="0.08" dur="3.12">...</text>`
  (seconds; the text HTML-escaped once more inside the XML, `&amp;#39;`), its srv2 shape
  `<timedtext><text t="1200" d="2300">` and its srv3 shape `<timedtext><body><p t="80"
  d="3120">...<s>...</s></p>` (milliseconds);
- TTML / DFXP (Netflix, broadcasters, Premiere, YouTube's `.ttml`, Apple Podcasts' transcripts):
  `<tt><body><div><p begin="00:00:00.080" end="...">...<br/>...</p>`. Times are clocks
  (`00:00:00.080`, `1:02:03.456`, Apple's `02:15.500`), frames (`00:00:03:12` at the document's
  `ttp:frameRate`), or offsets (`12.3s`, `450ms`, `50f`, Netflix's `10010000t` at its
  `ttp:tickRate`, Apple's bare seconds `0.220`). TTML counts a paragraph's time from its
  `<div>`'s and `<body>`'s begins; Apple writes the same absolute times on a `<div>` and the
  `<p>`s in it. Times are counted from the containers' where a paragraph begins before its
  container (it can only be relative), else read as written. A `<p>` without a time takes its first timed span's (Apple's word spans).
  `ttm:agent` on a paragraph (or its `<div>`) is the speaker: the agent's `<ttm:name>` in the
  head where given, else its id (Apple's `SPEAKER_1` as "Speaker 1"). Apple's word spans
  (`podcasts:unit="word"`) are written with no space between them and are read as words.
  The body's `dur` is the recording's duration.
- EBU-TT-D as the BBC writes it tells voices apart by colour (`tts:color` on a `<span>`, or on the
  `<style>` it names): where a file has no agents and its lines change colour three times or more, a
  change of colour at a line's start is a change of voice, and the words from there on open a line of
  their own with "- ", as subtitles mark a change of speaker (a colour is no name: the BBC gives the
  next speaker the next free colour, so one colour is not one person). A colour change inside a line is
  emphasis, not a voice.
- Podlove's simple transcripts (Podlove Publisher's XML): `<pst:transcripts><pst:speech><pst:speaker>Ann
  </pst:speaker><pst:item start="00:00:03.120" end="...">...</pst:item>...</pst:speech>` (a speech's items its
  speaker's).

Each timed element becomes one `[hh:mm:ss] text` line, read by the timed-lines format (or, with
speakers, `[hh:mm:ss] Speaker: text`, read by the labelled format), as a recogniser's JSON is
(json_transcript.py); that text is what is stored. A file named .xml, .ttml or .dfxp that is not
such a document is refused with the reason; any other source that merely opens with a tag is
left to the other formats.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from xml.etree import ElementTree

from .entities import unescape
from .errors import IngestError
from .limits import refuse_entity_declarations
from .json_transcript import Rendered, speaker_label, timed_lines

_OPENING = re.compile(r"\A\ufeff?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?:transcript|timedtext|tt|(?:\w+:)?tt|\w+:transcripts)[\s>]", re.S)
_CLOCK = re.compile(
    r"^(?:(\d+):)?(\d{1,2}):(\d{2}(?:\.\d+)?)$"  # hh:mm:ss.fff, or m:ss.fff as Apple writes it
    r"|^(\d+):(\d{2}):(\d{2}):(\d{2}(?:\.\d+)?)$"  # hh:mm:ss:ff, the last field frames
    r"|^(\d+(?:\.\d+)?)(h|m|s|ms|f|t)?$"  # an offset; a bare number is seconds (Apple)
)
_XML_SUFFIXES = (".xml", ".ttml", ".dfxp")
_PODLOVE = "{http://podlove.org/simple-transcripts}"
_WORD_UNITS = ("word", "sentence")  # Apple's podcasts:unit spans, written with no space between them


@dataclass(frozen=True)
class _Rates:
    """A TTML document's frames and ticks per second (its ttp:frameRate and ttp:tickRate)."""

    frames: float = 30.0
    ticks: float = 1.0


def _rates(root: ElementTree.Element) -> _Rates:
    attrs = {_local(name): value for name, value in root.attrib.items()}
    try:
        frames = float(attrs.get("frameRate", 30))
        numerator, denominator = (float(n) for n in attrs.get("frameRateMultiplier", "1 1").split())
        ticks = float(attrs.get("tickRate", 1))
    except ValueError:
        return _Rates()
    return _Rates(frames * numerator / denominator, ticks)


def _seconds(value: str, rates: _Rates = _Rates()) -> float:
    m = _CLOCK.match(value.strip())
    if not m:
        raise ValueError(f"time {value!r} is neither a clock (hh:mm:ss.fff, hh:mm:ss:ff) nor a number with h, m, s, ms, f or t")
    hours, minutes, secs, fh, fm, fs, frames, number, unit = m.groups()
    if secs is not None:
        return int(hours or 0) * 3600 + int(minutes) * 60 + float(secs)
    if frames is not None:
        return int(fh) * 3600 + int(fm) * 60 + int(fs) + float(frames) / rates.frames
    scale = {"h": 3600, "m": 60, "s": 1, None: 1, "ms": 0.001, "f": 1 / rates.frames, "t": 1 / rates.ticks}[unit]
    return float(number) * scale


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _attr(element: ElementTree.Element, name: str) -> str | None:
    """An attribute by its local name, whatever its namespace (ttm:agent, podcasts:unit)."""
    for key, value in element.attrib.items():
        if _local(key) == name:
            return value
    return None


def _words(element: ElementTree.Element) -> str:
    parts = [element.text or ""]
    for child in element:
        parts.append(" " if _local(child.tag) == "br" else _words(child))
        if _attr(child, "unit") in _WORD_UNITS:
            parts.append(" ")
        parts.append(child.tail or "")
    return "".join(parts)


def _agent_names(root: ElementTree.Element) -> dict[str, str]:
    """{agent id: name} of the TTML head's `<ttm:agent xml:id="..."><ttm:name>Name</ttm:name>`."""
    names = {}
    for element in root.iter():
        if _local(element.tag) == "agent" and _attr(element, "id"):
            name = next((child.text for child in element if _local(child.tag) == "name" and (child.text or "").strip()), None)
            if name:
                names[_attr(element, "id")] = " ".join(name.split())
    return names


def _head_title(root: ElementTree.Element) -> str:
    """The title a TTML head's metadata gives (`<ttm:title>`), on one line; "" where it gives none."""
    head = next((e for e in root if _local(e.tag) == "head"), None)
    for element in head.iter() if head is not None else ():
        if _local(element.tag) == "title" and element.text and element.text.strip():
            return " ".join(unescape(element.text).split())[:300]
    return ""


def _style_colours(root: ElementTree.Element) -> dict[str, str]:
    """{style id: its tts:color} of the head's styles, a style taking the colour of one it names where it has none."""
    styles = {_attr(e, "id"): e for e in root.iter() if _local(e.tag) == "style" and _attr(e, "id")}
    colours = {}
    for name, element in styles.items():
        own = _attr(element, "color")
        named = (c for ref in reversed(element.attrib.get("style", "").split()) if ref in styles
                 for c in [_attr(styles[ref], "color")] if c)
        colour = own or next(named, None)
        if colour:
            colours[name] = colour.strip().lower()
    return colours


def _colour(element: ElementTree.Element, colours: dict[str, str], inherited: str | None) -> str | None:
    """The text colour an element sets (its tts:color, else the last style it names that has one), else `inherited`."""
    own = _attr(element, "color")
    if own:
        return own.strip().lower()
    return next((colours[ref] for ref in reversed(element.attrib.get("style", "").split()) if ref in colours), inherited)


def _coloured_lines(element: ElementTree.Element, colours: dict[str, str], colour: str | None) -> list[tuple[str | None, str]]:
    """A paragraph's lines (split at its <br/>s), each as (the colour its first words are in, its words)."""
    lines: list[list] = [[None, []]]

    def walk(e: ElementTree.Element, colour: str | None) -> None:
        colour = _colour(e, colours, colour)
        add(colour, e.text)
        for child in e:
            if _local(child.tag) == "br":
                lines.append([None, []])
            else:
                walk(child, colour)
            if _attr(child, "unit") in _WORD_UNITS:
                add(colour, " ")
            add(colour, child.tail)

    def add(colour: str | None, words: str | None) -> None:
        if words:
            if lines[-1][0] is None and words.strip():
                lines[-1][0] = colour
            lines[-1][1].append(words)

    walk(element, colour)
    return [(c, "".join(words)) for c, words in lines if "".join(words).strip()]


def _first_begin(element: ElementTree.Element) -> str | None:
    return next((e.attrib["begin"] for e in element.iter() if "begin" in e.attrib), None)


@dataclass(frozen=True)
class _Caption:
    start: float  # seconds, as written
    agent: str | None
    element: ElementTree.Element
    container: float = 0.0  # the begin written on the <div> or <body> holding it
    offset: float = 0.0  # the begins of all its containers, added up (TTML's time base)
    # the <body> and <div>s holding it (their styles colour its text): (innermost, (the one holding it, (... None)))
    holders: tuple | None = None


def _timed(element: ElementTree.Element, rates: _Rates, agent: str | None = None, container: float = 0.0, offset: float = 0.0,
           holders: tuple | None = None):
    """Each caption under `element`, in order."""
    name, attrs = _local(element.tag), element.attrib
    agent = _attr(element, "agent") or agent
    if name == "text" and "start" in attrs:  # timedtext (seconds)
        yield _Caption(float(attrs["start"]), None, element)
    elif name == "text" and "t" in attrs:  # srv2 (milliseconds)
        yield _Caption(int(attrs["t"]) / 1000, None, element)
    elif name == "p" and "t" in attrs:  # srv3 (milliseconds)
        yield _Caption(int(attrs["t"]) / 1000, None, element)
    elif name == "p" and _first_begin(element) is not None:  # TTML
        yield _Caption(_seconds(_first_begin(element), rates), agent, element, container, offset, holders)
    elif name != "head":
        if name in ("body", "div") and "begin" in attrs:
            container = _seconds(attrs["begin"], rates)
            offset += container
        if name in ("body", "div"):  # (a pair, not a tuple grown at each level: each caption kept one of depth's length)
            holders = (element, holders)
        for child in element:
            yield from _timed(child, rates, agent, container, offset, holders)


def _absolute(captions: list[_Caption]) -> list[tuple[float, str | None, ElementTree.Element, tuple | None]]:
    """(seconds from the recording's start, agent, element) of each caption. TTML counts a
    paragraph's begin from its containers' begins; Apple writes absolute times on a <div> and
    on its paragraphs alike. A paragraph beginning before its container's begin shows which:
    where one does, every time is counted from its containers'; otherwise times are as written."""
    if any(c.start < c.container for c in captions):
        return [(c.start + c.offset, c.agent, c.element, c.holders) for c in captions]
    return [(c.start, c.agent, c.element, c.holders) for c in captions]


def _duration(root: ElementTree.Element, rates: _Rates) -> int | None:
    """The body's (or document's) `dur`, where it is a time, in whole seconds."""
    for element in (root, *(e for e in root if _local(e.tag) == "body")):
        try:
            seconds = _seconds(element.attrib["dur"], rates)
        except (KeyError, ValueError):
            continue
        if seconds > 0:
            return max(1, round(seconds))
    return None


_COLOUR_CHANGES = 3  # changes of colour at a line's start that make colours a file's voices, not a line's emphasis


def _colour_voices(captions: list, colours: dict[str, str]) -> list[list[tuple[bool, str]]] | None:
    """For each caption of a file whose voices are told by colour, its stretches of one colour as (whether a
    change of voice opens it, its words); None for a file that names its voices (agents) or colours no voices."""
    if not colours or any(agent for _, agent, _, _ in captions):
        return None
    out, changes, previous = [], 0, None
    known: dict[int, str | None] = {}  # a holder's colour by its id, each worked out once (not once per caption in it)
    for _, _, element, holders in captions:
        unknown = []
        while holders is not None and id(holders[0]) not in known:
            unknown.append(holders[0])
            holders = holders[1]
        colour = known[id(holders[0])] if holders is not None else None
        for holder in reversed(unknown):  # outermost first
            colour = known[id(holder)] = _colour(holder, colours, colour)
        stretches: list[list] = []
        for line_colour, words in _coloured_lines(element, colours, colour):
            if stretches and line_colour == previous:
                stretches[-1][1].append(words)
                continue
            changed = previous is not None and line_colour != previous
            changes += changed
            stretches.append([changed, [words]])
            previous = line_colour
        out.append([(changed, " ".join(lines)) for changed, lines in stretches])
    return out if changes >= _COLOUR_CHANGES else None


def _podlove_items(root: ElementTree.Element) -> list[list]:
    """Podlove's simple transcripts: [start, speaker, words] per item, its speaker its speech's."""
    return [
        [_seconds(item.get("start", "")), (speech.findtext(_PODLOVE + "speaker") or "").strip(), _words(item)]
        for speech in root.iter(_PODLOVE + "speech") for item in speech.iter(_PODLOVE + "item")
    ]


def xml_document(text: str, *, source: str) -> Rendered | None:
    """A timed-text XML document in, `[hh:mm:ss] (Speaker: )text` lines out; None for a source that is not one."""
    named_xml = source.lower().endswith(_XML_SUFFIXES)
    if not _OPENING.match(text) and not named_xml:
        return None
    refuse_entity_declarations(text.lstrip("\ufeff"), source=source, what="XML document")
    try:
        root = ElementTree.fromstring(text.lstrip("\ufeff"))
    except ElementTree.ParseError as exc:
        raise IngestError(source, exc.position[0], f"invalid XML: {exc}") from None
    rates = _rates(root)
    names = _agent_names(root)
    segments: list[list] = []  # [start, speaker, words]
    try:
        if root.tag == _PODLOVE + "transcripts":
            segments = _podlove_items(root)
        captions = _absolute(list(_timed(root, rates)))
        voices = _colour_voices(captions, _style_colours(root))
        for (start, agent, element, _), voice in zip(captions, voices or [None] * len(captions)):
            if voice is not None:
                for changes, words in voice:
                    segments.append([start, "", ("- " if changes else "") + unescape(words)])
                continue
            speaker = (names.get(agent) or speaker_label(agent)) if agent else ""
            words = unescape(_words(element))
            if segments and segments[-1][:2] == [start, speaker]:
                # Netflix writes each line of a two-line caption as a <p> of its own (its own region), at one time
                segments[-1][2] += "\n" + words
            else:
                segments.append([start, speaker, words])
    except ValueError as exc:
        raise IngestError(source, None, f"XML caption without a usable start time ({exc})") from None
    except RecursionError:  # elements nested thousands deep: no caption file's
        raise IngestError(source, None, "XML elements nested too deeply to read") from None
    if not segments:
        if named_xml:
            raise IngestError(source, None, "XML that is not timed text (it reads YouTube's timedtext, TTML and Podlove's simple transcripts)")
        return None
    rendered = replace(timed_lines(segments, source=source), title=_head_title(root))
    duration = _duration(root, rates)
    return replace(rendered, duration=duration) if duration else rendered
