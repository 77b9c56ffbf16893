"""Small helpers that build rows for tests: make_x(**overrides)."""
import datetime as dt
import hashlib
import itertools

from claims.models import Claim, Interview, Speaker, Topic

_counter = itertools.count(1)

SAMPLE_TEXT = (
    "Host: Welcome to the show. What do you think comes next?\n"
    "Guest: I think reliability will improve a lot within two years. "
    "Neural networks are the next best thing to the shortest program.\n"
)


def make_speaker(**overrides) -> Speaker:
    n = next(_counter)
    fields = {"name": f"Speaker {n}", "slug": f"speaker-{n}"} | overrides
    return Speaker.objects.create(**fields)


def make_topic(**overrides) -> Topic:
    n = next(_counter)
    fields = {"name": f"Topic {n}", "slug": f"topic-{n}"} | overrides
    return Topic.objects.create(**fields)


def make_interview(**overrides) -> Interview:
    n = next(_counter)
    text = overrides.pop("source_text", SAMPLE_TEXT + f"(recording {n})\n")
    fields = {
        "slug": f"interview-{n}",
        "title": f"Interview {n}",
        "show": "Test Show",
        "published": dt.date(2023, 3, 27),
        "published_precision": "day",
        "source_format": "labelled",
        "source_text": text,
        "sha256": hashlib.sha256(text.encode()).hexdigest(),
    } | overrides
    return Interview.objects.create(**fields)


def span_of(interview: Interview, quote: str) -> tuple[int, int]:
    start = interview.source_text.index(quote)
    return start, start + len(quote)


def make_claim(**overrides) -> Claim:
    from claims.services import claim_create

    interview = overrides.pop("interview", None) or make_interview()
    speaker = overrides.pop("speaker", None) or make_speaker()
    quote = overrides.pop("quote", "I think reliability will improve a lot within two years.")
    start, end = span_of(interview, quote)
    fields = {
        "start_char": start,
        "end_char": end,
        "statement": "The guest thinks reliability will improve a lot within two years.",
    } | overrides
    return claim_create(interview=interview, speaker=speaker, **fields)


def youtube_auto_captions(words, per_cue=8, seconds_per_word=0.4):
    """Words in, the text of a WebVTT file shaped as YouTube's rolling auto-captions (what
    yt-dlp --write-auto-subs saves): each cue repeats the previous line, then the new words with
    word timings in <c> spans; a 10 ms cue holds the new line alone."""
    out = ["WEBVTT", "Kind: captions", "Language: en", ""]
    t, previous = 0.0, " "
    for i in range(0, len(words), per_cue):
        chunk, start = words[i : i + per_cue], t
        line = chunk[0]
        for word in chunk[1:]:
            t += seconds_per_word
            line += f"<{_clock(t)}><c> {word}</c>"
        t += seconds_per_word
        out += [f"{_clock(start)} --> {_clock(t)} align:start position:0%", previous, line, ""]
        previous = " ".join(chunk)
        out += [f"{_clock(t)} --> {_clock(t + 0.01)} align:start position:0%", previous, " ", ""]
    return "\n".join(out) + "\n"


def _clock(seconds, comma=False):
    ms = round(seconds * 1000)
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}{',' if comma else '.'}{ms % 1000:03d}"


def srt_captions(words, per_cue=8, seconds_per_cue=3.2):
    """Words in, the text of an SRT file cutting them into cues of `per_cue` words (as Whisper
    and subtitle editors cut: anywhere in a sentence)."""
    out = []
    for number, i in enumerate(range(0, len(words), per_cue), 1):
        start = (number - 1) * seconds_per_cue
        out += [str(number), f"{_clock(start, True)} --> {_clock(start + seconds_per_cue, True)}", " ".join(words[i : i + per_cue]), ""]
    return "\n".join(out)


def transcript_panel(words, per_line=9, seconds_per_line=4):
    """Words in, YouTube's "Show transcript" panel as it copies: a time line, then the words."""
    out = []
    for k, i in enumerate(range(0, len(words), per_line)):
        t = k * seconds_per_line
        out += [f"{t // 60}:{t % 60:02d}", " ".join(words[i : i + per_line])]
    return "\n".join(out) + "\n"


def srt_from_vtt(vtt):
    """A WebVTT text converted as yt-dlp --convert-subs srt does: header dropped, cues numbered,
    tags stripped, decimal commas in the timings."""
    import re

    cues = [block for block in vtt.split("\n\n") if "-->" in block]
    out = []
    for number, block in enumerate(cues, 1):
        timing, *lines = block.split("\n")
        timing = re.sub(r"(\d\d:\d\d:\d\d)\.(\d{3})", r"\1,\2", timing.split(" align:")[0])
        out += [str(number), timing, *(re.sub(r"<[^>]*>", "", line) for line in lines), ""]
    return "\n".join(out)


_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def word_document(paragraphs, *, core_title="Transcript") -> bytes:
    """A .docx as Word and transcript services write one. Each paragraph is a list of runs; a
    run is a string (Word cuts runs anywhere, mid-word too), ("tab",), ("br",), ("del", text)
    for a tracked deletion, ("link", text) for a hyperlink, or ("table", [cell texts])."""
    import io
    import zipfile
    from xml.sax.saxutils import escape

    def run(text):
        return f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'

    def paragraph(runs):
        out = []
        for r in runs:
            if isinstance(r, str):
                out.append(run(r))
            elif r[0] == "tab":
                out.append("<w:r><w:tab/></w:r>")
            elif r[0] == "br":
                out.append("<w:r><w:br/></w:r>")
            elif r[0] == "del":
                out.append(f'<w:del w:id="1" w:author="Ed"><w:r><w:delText>{escape(r[1])}</w:delText></w:r></w:del>')
            elif r[0] == "link":
                out.append(f'<w:hyperlink r:id="rId9">{run(r[1])}</w:hyperlink>')
        return "<w:p><w:pPr><w:spacing w:after=\"120\"/></w:pPr>" + "".join(out) + "</w:p>"

    body = []
    for p in paragraphs:
        if p and not isinstance(p[0], str) and p[0][0] == "table":
            cells = "".join(f"<w:tc><w:p>{run(c)}</w:p></w:tc>" for c in p[0][1])
            body.append(f"<w:tbl><w:tr>{cells}</w:tr></w:tbl>")
        else:
            body.append(paragraph(p))
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{_W_NS}" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<w:body>{"".join(body)}<w:sectPr/></w:body></w:document>'
    )
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{core_title}</dc:title></cp:coreProperties>'
    )
    types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>')
        archive.writestr("word/document.xml", document)
        archive.writestr("docProps/core.xml", core)
    return buffer.getvalue()


def rev_style_docx() -> bytes:
    """A Rev-style export: `Speaker (mm:ss):` on its own paragraph, then the words."""
    return word_document([
        ["Grid Storage ", "– Episode 14"],
        [],
        ["Maria Lopez ", "(00:00):"],
        ["Welcome to Charged Up. Today I'm tal", "king with Priya Raman."],
        [],
        ["Priya Raman (00:07):"],
        ["Thanks, Maria.", ("tab",), "It's good to be here."],
        [],
        ["Maria Lopez (00:11):"],
        ["How big is a grid ", ("del", "storage "), "battery?"],
        [],
        ["Priya Raman (00:14):"],
        ["The one we finished last year holds four hundred megawatt hours.", ("br",), "That is a small town for an evening."],
        [],
        ["Maria Lopez (01:02):"],
        ["What will it cost by 2030? See ", ("link", "our notes"), "."],
        [],
        ["Priya Raman (01:05):"],
        ["I think the price will halve by 2030."],
    ])


def html_transcript_page(turns) -> str:
    """(speaker, paragraph) pairs in, a podcast transcript page as a site would serve it:
    navigation, one <p> per turn with a time mark and a bold label, a comments section."""
    import html

    body = "".join(
        f'<p><span class="timestamp">[{_clock(i * 30)}]</span> <strong>{html.escape(speaker)}:</strong> {html.escape(text)}</p>\n'
        for i, (speaker, text) in enumerate(turns)
    )
    return (
        '<!DOCTYPE html><html><head><title>Transcript</title><meta property="og:site_name" content="A Show"></head>'
        '<body><header class="site-header"><nav><a href="/">Home</a></nav></header><main><article>'
        f'<h1>Transcript</h1>\n{body}</article><section id="comments"><p><b>Jake:</b> Great!</p></section></main>'
        "<footer>(c)</footer></body></html>"
    )


def whisper_json(words, per_segment=12, seconds_per_segment=4.0) -> str:
    """Words in, Whisper's `--output_format json` result cutting them into segments."""
    import json

    segments = [
        {"id": n, "seek": 0, "start": n * seconds_per_segment, "end": (n + 1) * seconds_per_segment,
         "text": " " + " ".join(words[i : i + per_segment]), "tokens": [], "temperature": 0.0, "avg_logprob": -0.2}
        for n, i in enumerate(range(0, len(words), per_segment))
    ]
    return json.dumps({"text": " ".join(words), "segments": segments, "language": "en"})
