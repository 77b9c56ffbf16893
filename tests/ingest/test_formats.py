import pytest

from claims.ingest.formats import PARSERS, detect, parse_source
from claims.ingest.pipeline import run

from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"


def read(name):
    return open(DATA / name, encoding="utf-8", newline="").read()


def spans(text, parsed):
    return [(t.line, t.speaker_label, t.start_seconds, text[t.start_char : t.end_char]) for t in parsed.turns]


@pytest.mark.parametrize(
    "name, fmt, expected",
    [
        (
            "youtube_auto.vtt",
            "webvtt",
            [
                (7, None, 0.0, "welcome<00:00:00.480><c> back</c><00:00:00.960><c> to</c><00:00:01.200><c> the</c><00:00:01.500><c> show</c>"),
                (15, None, 2.32, "today<00:00:02.800><c> we</c><00:00:03.100><c> talk</c><00:00:03.400><c> about</c><00:00:03.900><c> robots</c>"),
                (23, None, 5.12, "what<00:00:05.600><c> do</c><00:00:05.900><c> you</c><00:00:06.200><c> think</c>"),
            ],
        ),
        (
            "whisper.vtt",
            "webvtt",
            [
                (4, None, 0.0, "Thanks for having me on the show."),
                (7, None, 4.2, "So tell me, how did you get started in machine learning?"),
                (10, None, 9.84, "I was a student in Toronto, and I wanted to understand learning."),
            ],
        ),
        (
            "voices.vtt",
            "webvtt",
            [
                (7, "Jane Doe", 1.0, "Welcome to the program. Who are you?"),
                (11, "John Roe", 4.5, "I build compilers. I have done it for twenty years."),
                (15, "Jane Doe", 9.0, "Twenty years! What changed the most?"),
                (19, "John Roe", 12.25, "The hardware. Everything else follows."),
            ],
        ),
        (
            "whisper.srt",
            "srt",
            [
                (3, None, 0.0, "Welcome back. Today my guest is a chemist."),
                (7, None, 3.48, "Thank you. It is good to be here."),
                (11, None, 7.92, "What are you working on these days?"),
            ],
        ),
        (
            "podcast_page.txt",
            "labelled",
            [
                (3, "Maria Lopez", 0.0, "Welcome to Charged Up. Today I'm talking with Sam Okafor."),
                (4, "Sam Okafor", 6.0, "Thanks, Maria. Glad to be here."),
                (5, "Maria Lopez", 9.0, "What got you into batteries?"),
                (6, "Sam Okafor", 12.0, "My father repaired radios.\nHe always said the battery was the hard part."),
                (8, "Maria Lopez", 83.0, "That's it for today. Thanks for listening."),
            ],
        ),
        (
            "zoom.vtt",  # Zoom's transcript: every cue opens with "Name: "
            "webvtt",
            [
                (5, "Craig Smith", 1.35, "Welcome everyone. Today I am talking with Jane Doe."),
                (9, "Jane Doe", 5.13, "Thanks for having me. Robots will be everywhere by 2030."),
                (13, "Craig Smith", 9.48, "Why do you think so?"),
                (17, "Jane Doe", 12.0, "Because the hardware is getting cheap."),
            ],
        ),
        (
            "timed_labels.txt",  # a bare time before the name (Trint, Sonix)
            "labelled",
            [
                (1, "Jane Doe", 1.0, "Welcome to the show. What are you working on?"),
                (2, "John Roe", 7.0, "I build compilers. I have done it for twenty years."),
                (3, "Jane Doe", 15.0, "What changed the most?"),
                (4, "John Roe", 18.0, "The hardware. Everything else follows."),
            ],
        ),
        (
            "youtube_panel.txt",  # YouTube's "Show transcript" panel, copied: a time line, then the words
            "timed_lines",
            [
                (2, None, 0.0, "welcome back to the show today we talk about robots"),
                (4, None, 4.0, "[Music]"),
                (6, None, 6.0, "so what got you into robotics in the first place"),
                (8, None, 9.0, "my father repaired radios and I always wanted"),
                (10, None, 13.0, "to build machines that move"),
                (12, None, 3761.0, "thanks for listening"),
            ],
        ),
        (
            "markdown_labels.txt",  # bold names, as blogs and newsletters print transcripts
            "labelled",
            [
                (3, "Ann Lee", None, "Welcome back. What got you into robotics?"),
                (5, "Bo Chan", None, "My father repaired radios."),
                (7, "Ann Lee", None, "And then?"),
                (9, "Bo Chan", None, "Then I built my first arm."),
            ],
        ),
        (
            "rolling.srt",  # YouTube's rolling auto-captions converted to SRT: each line once
            "srt",
            [
                (3, None, 0.0, "welcome back to the show"),
                (12, None, 2.32, "today we talk about robots"),
                (21, None, 5.12, "what do you think about them"),
            ],
        ),
        (
            "rolling_plain.vtt",  # the same as WebVTT without word timings
            "webvtt",
            [
                (4, None, 0.0, "welcome back to the show"),
                (11, None, 2.32, "today we talk about robots"),
                (18, None, 5.12, "what do you think about them"),
            ],
        ),
        (
            "otter.txt",  # Otter's export: name and time alone on a line, the text below
            "labelled",
            [
                (4, "Maria Lopez", 0.0, "Welcome back to Charged Up. Today I am talking with Sam Okafor."),
                (7, "Sam Okafor", 7.0, "Thanks, Maria. Glad to be here."),
                (10, "Maria Lopez", 10.0, "What got you into batteries?"),
                (13, "Sam Okafor", 13.0, "My father repaired radios.\nHe always said the battery was the hard part."),
                (17, "Maria Lopez", 3761.0, "That is it for today. Thanks for listening."),  # not Otter's credit line
            ],
        ),
        (
            "interview_labels.txt",
            "labelled",
            [
                (1, "Host", None, "So, where should we start?"),
                (2, "Guest", None, "At the beginning, I suppose. I grew up near the sea."),
                (3, "Host", None, "And that shaped your work?"),
                (4, "Guest", None, "Completely. Every project I do has water in it."),
            ],
        ),
        (
            "plain.txt",
            "plain",
            [
                (1, None, None, "The committee met on Monday. It approved the budget for the new library."),
                (3, None, None, "Construction starts in May. The mayor said the building would open next spring."),
            ],
        ),
    ],
)
def test_good_samples_are_detected_and_parsed_exactly(name, fmt, expected):
    text = read(name)
    assert detect(text) == fmt
    parsed = parse_source(text, source=name)
    assert parsed.errors == ()
    assert spans(text, parsed) == expected


@pytest.mark.parametrize(
    "name, expected_errors, kept",
    [
        (
            "broken.vtt",
            [
                "broken.vtt:6: malformed cue: no timing line ('-->') in '00:00:05.000 -> 00:00:07.000'",
                "broken.vtt:12: cue out of order: starts at 00:00:08.000, before the previous cue's start 00:00:09.000",
            ],
            ["First cue is fine.", "Third cue is fine."],
        ),
        (
            "broken.srt",
            [
                "broken.srt:6: malformed timing '00:00:07,000 --> 00:00:07.9.20'",
                "broken.srt:10: cue out of order: starts at 00:00:02.000, before the previous cue's start 00:00:05.000",
            ],
            ["Welcome back."],
        ),
        (
            "timed_broken.txt",
            ["timed_broken.txt:5: time mark out of order: 00:00:03.000 comes after 00:00:05.000", "timed_broken.txt:7: malformed time mark '0:75'"],
            ["welcome back to the show", "what got you into robotics", "and I wanted machines that move"],
        ),
        (
            "podcast_broken.txt",
            ["podcast_broken.txt:5: time mark out of order: 00:00:10.000 comes after 00:00:30.000"],
            ["Welcome back.", "Thank you.", "This mark goes back in time.", "Indeed it does."],
        ),
    ],
)
def test_broken_samples_give_exact_error_lines(name, expected_errors, kept):
    text = read(name)
    parsed = parse_source(text, source=name)
    assert [str(e) for e in parsed.errors] == expected_errors
    assert [text[t.start_char : t.end_char] for t in parsed.turns] == kept
    annotated = run(text, source=name)
    assert not annotated.ok and [str(e) for e in annotated.errors] == expected_errors


@pytest.mark.parametrize(
    "name, fmt, expected",
    [
        ("plain.txt", "webvtt", "plain.txt:1: not WebVTT: the file does not start with a 'WEBVTT' line or a cue timing line"),
        ("plain.txt", "srt", "plain.txt:1: not SRT: expected a cue number followed by a 'hh:mm:ss,mmm --> hh:mm:ss,mmm' line"),
        ("plain.txt", "raw_captions", "plain.txt:1: not raw captions: the text is punctuated (try --format plain)"),
        ("plain.txt", "scraped_page", "plain.txt:1: not a scraped transcript page: no \"Captions\" block line found"),
        ("whisper.srt", "chaptered", "whisper.srt:1: not a chaptered transcript: no \"Chapters\" line found"),
        ("plain.txt", "labelled", "plain.txt:1: not a labelled transcript: no 'Name: text' lines found"),
        ("plain.txt", "timed_lines", "plain.txt:1: not timed lines: no line starts with a time such as '0:04' or '[00:00:04]'"),
        ("plain.txt", "sbv", "plain.txt:1: not SBV: expected a 'h:mm:ss.mmm,h:mm:ss.mmm' line"),
        ("plain.txt", "docx", "plain.txt: unknown format 'docx' (known: chaptered, labelled, plain, raw_captions, sbv, scraped_page, srt, timed_lines, webvtt)"),
    ],
)
def test_a_forced_format_that_does_not_match_is_an_error(name, fmt, expected):
    annotated = run(read(name), source=name, fmt=fmt)
    assert [str(e) for e in annotated.errors] == [expected]
    assert annotated.turns == ()


def test_every_format_has_a_parser_and_takes_source_keyword():
    assert set(PARSERS) == {"raw_captions", "scraped_page", "chaptered", "webvtt", "srt", "sbv", "labelled", "timed_lines", "plain"}


def test_labelled_speakers_become_host_and_guest_by_questions():
    annotated = run(read("podcast_page.txt"), source="podcast_page.txt")
    assert [(s.slug, s.role) for s in annotated.speakers] == [("maria-lopez", "host"), ("sam-okafor", "guest")]
    assert [t.speaker_slug for t in annotated.turns] == ["maria-lopez", "sam-okafor", "maria-lopez", "sam-okafor", "maria-lopez"]
    assert [t.start_seconds for t in annotated.turns] == [0.0, 6.0, 9.0, 12.0, 83.0]
    assert not any(t.seconds_estimated for t in annotated.turns)


def test_voice_tags_map_to_named_speakers_from_metadata():
    from claims.ingest.records import Metadata

    annotated = run(read("voices.vtt"), source="voices.vtt", metadata=Metadata(hosts=("Jane Doe",), guests=("John Roe",)))
    assert [(s.slug, s.role) for s in annotated.speakers] == [("jane-doe", "host"), ("john-roe", "guest")]
    assert [t.speaker_slug for t in annotated.turns] == ["jane-doe", "john-roe", "jane-doe", "john-roe"]
    text = annotated.source_text
    assert [text[s.start_char : s.end_char] for s in annotated.sentences] == [
        "Welcome to the program.", "Who are you?", "I build compilers.", "I have done it for twenty years.",
        "Twenty years!", "What changed the most?", "The hardware.", "Everything else follows.",
    ]


@pytest.mark.parametrize(
    "text, found",
    [
        ("Intro\r\n  Transcript \r\nHost: hi", True),  # CRLF and spaces around the header
        ("TRANSCRIPT:\nHost: hi", True),  # first line, any case
        ("Intro\n\u00a0transcript\u2003\nmore", True),  # no-break and em spaces, as str.strip() removes them
        ("Intro\nthe transcript below\nmore", False),  # the word inside a line is no header
        ("Intro\ntranscripts\n", False),
        ("", False),
    ],
)
def test_a_detectors_header_test_finds_whole_lines_only(text, found):
    from claims.ingest.formats._common import has_line

    keys = frozenset({"transcript", "transcript:"})
    assert has_line(text, keys) is found
    # the same answer as walking the lines in Python, which it stands in for
    assert found == any(line.strip().lower() in keys for line in text.split("\n"))


def test_labelled_detection_hands_the_parser_the_lines_it_found():
    from claims.ingest.formats import _detect, labelled

    text = "A talk\n\nAnn Host: Hello there?\n\nBo Guest: Hi.\nStill Bo.\n\nAnn Host: Bye.\n"
    fmt, found = _detect(text)
    assert fmt == "labelled" and len(found["label_lines"]) == 3
    assert labelled.parse(text, source="t", **found) == labelled.parse(text, source="t")


def test_a_name_opening_a_single_cue_stays_text():
    # "Warning:" and "Dr Who:" open one cue each: no label (a label opens at least two cues)
    text = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nWarning: loud noises ahead.\n\n"
        "00:00:03.000 --> 00:00:05.000\nDr Who: is a show I like.\n\n"
        "00:00:05.000 --> 00:00:07.000\nAnd: this line too.\n"
    )
    parsed = parse_source(text, source="one-off.vtt")
    assert [t.speaker_label for t in parsed.turns] == [None, None, None]
    assert [text[t.start_char : t.end_char] for t in parsed.turns][0] == "Warning: loud noises ahead."


def test_a_guest_sharing_the_hosts_first_name_stays_a_guest():
    # Practical AI has a host Daniel Whitenack and has had guests named Daniel: a label is the
    # host's only when its words are words of the host's name (a title like "Dr." aside)
    from claims.ingest.attribute import _match_label
    from claims.ingest.records import Metadata, SpeakerRecord

    text = (
        "**Daniel Whitenack:** Welcome. Today I'm with Daniel Chen. What do you build?\n\n"
        "**Daniel Chen:** Compilers, mostly.\n\n"
        "**Daniel Whitenack:** Why compilers?\n\n"
        "**Daniel Chen:** Because they are everywhere.\n"
    )
    annotated = run(text, source="shared_first_name.md", metadata=Metadata(hosts=("Daniel Whitenack",)))
    assert [(s.slug, s.role) for s in annotated.speakers] == [("daniel-whitenack", "host"), ("daniel-chen", "guest")]
    assert [t.speaker_slug for t in annotated.turns] == ["daniel-whitenack", "daniel-chen", "daniel-whitenack", "daniel-chen"]
    host = SpeakerRecord(name="Daniel Whitenack", slug="daniel-whitenack", role="host")
    assert [_match_label(label, [host]) for label in ("Whitenack", "Dr. Daniel Whitenack", "Daniel", "Daniel Chen")] == [host, host, host, None]


def test_a_name_and_a_bracketed_time_label_a_line_without_a_colon():
    # as Lex Fridman's transcript pages print turns; a line opening with a time alone is the
    # same speaker going on at that time
    text = (
        "Transcript\n\n"
        "Lex Fridman (00:00:00) What got you into compilers?\n"
        "Jane Doe (00:00:09) A broken one.\n"
        "(00:00:15) So I fixed it.\n"
        "Lex Fridman (00:01:20) Why?\n"
        "Jane Doe (00:01:24) Because it was there.\n"
    )
    annotated = run(text, source="lex.txt")
    assert annotated.format == "labelled"
    assert [(t.speaker_slug, t.start_seconds) for t in annotated.turns] == [
        ("lex-fridman", 0.0), ("jane-doe", 9.0), ("jane-doe", 15.0), ("lex-fridman", 80.0), ("jane-doe", 84.0)]
    backwards = run(text.replace("(00:00:15)", "(00:00:05)"), source="lex.txt")
    assert [str(e) for e in backwards.errors] == ["lex.txt:5: time mark out of order: 00:00:05.000 comes after 00:00:09.000"]


def test_markdown_transcripts_with_escaped_editor_marks_get_times_and_read_words():
    # The Changelog's published transcripts: **Name:** labels, Markdown-escaped time marks at the
    # start of turns and paragraphs, editors' notes inside sentences
    annotated = run(read("changelog_style.md"), source="changelog_style.md")
    text = annotated.source_text
    assert annotated.format == "labelled"
    # the marks' times are real; the turns between are interpolated and say so
    real = [(t.speaker_slug, t.start_seconds) for t in annotated.turns if not t.seconds_estimated]
    assert real == [("daniel-whitenack", 72.04), ("ville-okoro", 232.06), ("ville-okoro", 310.0)]
    assert [t.speaker_slug for t in annotated.turns] == [
        "daniel-whitenack", "ville-okoro", "daniel-whitenack", "ville-okoro", "ville-okoro", "daniel-whitenack", "ville-okoro"]
    starts = [t.start_seconds for t in annotated.turns]
    assert None not in starts and starts == sorted(starts)
    from claims.ingest.markup import reading_text

    reading = reading_text(text, "labelled")
    assert len(reading) == len(text) and "\\[" not in reading and "laughter" not in reading
    sentences = [" ".join(reading[s.start_char:s.end_char].split()) for s in annotated.sentences]
    assert "I think every company will run its own widget platform by 2030." in sentences
    assert "The idea was that companies needed search, but they didn't need our networks." in sentences


def test_a_name_with_a_bracketed_time_alone_on_a_line_opens_a_turn():
    # Descript's and Happy Scribe's exports: "Name [hh:mm:ss]" on its own line, the words below
    text = ("Maria Lopez [00:00:00]\nWelcome to the show. Who are you?\n\nSam Okafor [00:00:06]\nI build batteries.\n\n"
            "Maria Lopez (00:00:09)\nWhy batteries?\n\nSam Okafor [00:00:12]\nMy father repaired radios.\n")
    annotated = run(text, source="descript.txt")
    assert annotated.format == "labelled"
    assert [(t.speaker_slug, t.start_seconds) for t in annotated.turns] == [
        ("maria-lopez", 0.0), ("sam-okafor", 6.0), ("maria-lopez", 9.0), ("sam-okafor", 12.0)]
    assert annotated.source_text[annotated.turns[1].start_char:annotated.turns[1].end_char] == "I build batteries."


@pytest.mark.parametrize("asker, answerer", [("Q", "A"), ("Interviewer", "Interviewee")])
def test_a_print_interviews_q_and_a_become_the_named_host_and_guest(asker, answerer):
    from claims.ingest.records import Metadata

    text = "".join(f"{asker}: {q}\n{answerer}: {a}\n" for q, a in (
        ("Who are you?", "I build batteries."), ("Why batteries?", "My father repaired radios."),
        ("Will they get cheaper?", "Yes, by half by 2030.")))
    named = run(text, source="qa.txt", metadata=Metadata(hosts=("Maria Lopez",), guests=("Sam Okafor",)))
    assert [(s.slug, s.role) for s in named.speakers] == [("maria-lopez", "host"), ("sam-okafor", "guest")]
    assert [t.speaker_slug for t in named.turns] == ["maria-lopez", "sam-okafor"] * 3
    unnamed = run(text, source="qa.txt")
    assert [s.role for s in unnamed.speakers] == ["host", "guest"] and unnamed.turns[0].speaker_slug == unnamed.speakers[0].slug


def test_whisperx_diarised_srt_labels_become_the_named_speakers():
    # WhisperX writes "[SPEAKER_00]: " at the start of every cue; one speaker's cues run on
    from claims.ingest.records import Metadata

    annotated = run(read("whisperx.srt"), source="whisperx.srt", metadata=Metadata(hosts=("Maria Lopez",), guests=("Priya Raman",)))
    assert annotated.format == "srt"
    assert [(t.speaker_slug, t.start_seconds) for t in annotated.turns] == [
        ("maria-lopez", 0.031), ("maria-lopez", 3.9), ("priya-raman", 7.05), ("maria-lopez", 11.2), ("priya-raman", 14.4)]
    text = annotated.source_text
    assert [" ".join(text[s.start_char:s.end_char].split()) for s in annotated.sentences][:2] == [
        "Welcome to Charged Up.",
        "Today I'm talking with 2 00:00:03,900 --> 00:00:06,200 [SPEAKER_00]: Priya Raman, who builds storage for the grid."]
    assert all(not text.startswith("[SPEAKER", t.start_char) for t in annotated.turns)  # the label is not the words


def test_youtube_studio_sbv_cues_with_change_marks_and_capital_labels():
    # "h:mm:ss.mmm,h:mm:ss.mmm" cues; ">> NAME: " where the voice changes, and a cue with no
    # label goes on in the voice before it, its sentence running on from that cue
    from claims.ingest.records import Metadata

    annotated = run(read("youtube_studio.sbv"), source="youtube_studio.sbv",
                    metadata=Metadata(hosts=("Alice Miller",), guests=("John Brown",)))
    assert annotated.ok and annotated.format == "sbv"
    assert [(t.speaker_slug, t.start_seconds) for t in annotated.turns] == [
        ("alice-miller", 0.599), ("john-brown", 4.16), ("alice-miller", 6.77), ("alice-miller", 9.39), ("john-brown", 11.0)]
    text = annotated.source_text
    sentences = [" ".join(text[s.start_char:s.end_char].split()) for s in annotated.sentences]
    assert "Today we will show you how to make 0:00:09.390,0:00:11.000 our classic bread." in sentences
    assert not any(">>" in s or "ALICE" in s for s in sentences)
    broken = run(read("youtube_studio.sbv").replace("0:00:09.390,0:00:11.000", "0:00:05.000,0:00:11.000"), source="b.sbv")
    assert [str(e) for e in broken.errors] == [
        "b.sbv:10: cue out of order: starts at 00:00:05.000, before the previous cue's start 00:00:06.770"]
