import pytest

from claims.ingest.formats import PARSERS, detect, parse_source
from claims.ingest.markup import reading_text
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
            "whisper_console.txt",  # Whisper's console output saved: "[mm:ss.fff --> mm:ss.fff]  words"
            "timed_lines",
            [
                (1, None, 0.0, "Welcome back to the show. Today we"),
                (2, None, 2.48, "talk about robots. What do you think?"),
                (3, None, 5.6, "I think they are coming."),
                (4, None, 62.3, "Thanks for listening."),
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
        ("plain.txt", "line_numbered", "plain.txt:1: not a line-numbered transcript: no line opens with a margin line number (1-25)"),
        ("plain.txt", "docx", "plain.txt: unknown format 'docx' (known: ass, chaptered, labelled, line_numbered, microdvd, plain, raw_captions, sami, sbv, scraped_page, srt, timed_lines, webvtt)"),
    ],
)
def test_a_forced_format_that_does_not_match_is_an_error(name, fmt, expected):
    annotated = run(read(name), source=name, fmt=fmt)
    assert [str(e) for e in annotated.errors] == [expected]
    assert annotated.turns == ()


def test_every_format_has_a_parser_and_takes_source_keyword():
    assert set(PARSERS) == {"ass", "sami", "microdvd", "raw_captions", "scraped_page", "chaptered", "webvtt", "srt", "sbv", "line_numbered", "labelled",
                            "timed_lines", "plain"}


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


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # Oxide and Friends: the name in brackets, then the time in brackets, then the words
            "[Speaker 1] [00:00] Yeah. I was just in the trial space.\n[Speaker 2] [00:04] What? No.\n"
            "[Speaker 1] [00:08] Like a postmortem.\n[Speaker 2] [00:12] You did not invite me?\n",
            [(1, "Speaker 1", 0.0, "Yeah. I was just in the trial space."), (2, "Speaker 2", 4.0, "What? No."),
             (3, "Speaker 1", 8.0, "Like a postmortem."), (4, "Speaker 2", 12.0, "You did not invite me?")],
        ),
        (  # a research interview: the participant's code in brackets, then a colon
            "Interviewer: What is your name?\n\n[Int2]: My name is [Int2].\n\n"
            "Interviewer: How many years have you worked?\n\n[Int2]: About 8.\n",
            [(1, "Interviewer", None, "What is your name?"), (3, "Int2", None, "My name is [Int2]."),
             (5, "Interviewer", None, "How many years have you worked?"), (7, "Int2", None, "About 8.")],
        ),
        (  # ArrayCast: a bare time and the bracketed name alone on a line; "[MUSIC]" names nobody
            "00:00:00 [Rob Pike]\n\nHalf the people think this is insane.\n\n00:00:26 [MUSIC]\n\n"
            "00:00:36 [Conor Hoekstra]\n\nWelcome to another episode.\n\n00:00:49 [Rob Pike]\nThanks.\n\n"
            "00:00:53 [Conor Hoekstra]\n\nSo, APL?\n",
            [(3, "Rob Pike", 0.0, "Half the people think this is insane."),  # the note is between turns
             (9, "Conor Hoekstra", 36.0, "Welcome to another episode."), (12, "Rob Pike", 49.0, "Thanks."),
             (16, "Conor Hoekstra", 53.0, "So, APL?")],
        ),
        (  # Ladybug: a bold name and a bracketed time, no colon
            "**Emma** [0:00] Today we are talking.\n\n**Kelly** [0:18] Welcome. I'm Kelly.\n\n"
            "**Emma** [0:20] I'm Emma.\n\n**Kelly** [0:36] So lately, Gatsby.\n",
            [(1, "Emma", 0.0, "Today we are talking."), (3, "Kelly", 18.0, "Welcome. I'm Kelly."),
             (5, "Emma", 20.0, "I'm Emma."), (7, "Kelly", 36.0, "So lately, Gatsby.")],
        ),
        (  # Adventures in Angular: a no-break space written out inside the bold label
            "**CHUCK:&nbsp;** Hey everybody.\n\n**WARD:&nbsp;** Hello, everyone.\n\n"
            "**CHUCK:&nbsp;** Jules Kremer.\n\n**WARD:&nbsp;** Hello again.\n",
            [(1, "CHUCK", None, "Hey everybody."), (3, "WARD", None, "Hello, everyone."),
             (5, "CHUCK", None, "Jules Kremer."), (7, "WARD", None, "Hello again.")],
        ),
        (  # Rev's export: "(00:01:54):" alone inside a turn is the same speaker going on then
            "Amjad Masad (00:00:00):\nThe idea is simple.\n\nLenny Rachitsky (00:00:20):\nWhat skills matter?\n\n"
            "(00:01:54):\nIn our conversation, we talk.\n\nAmjad Masad (00:02:46):\nIt's my pleasure.\n\n"
            "Lenny Rachitsky (00:02:47):\nWhat is Replit?\n",
            [(2, "Amjad Masad", 0.0, "The idea is simple."), (5, "Lenny Rachitsky", 20.0, "What skills matter?"),
             (8, "Lenny Rachitsky", 114.0, "In our conversation, we talk."),  # the mark outside, as a label is
             (11, "Amjad Masad", 166.0, "It's my pleasure."), (14, "Lenny Rachitsky", 167.0, "What is Replit?")],
        ),
        (  # Uncommon Core: a full-width colon (U+FF1A) after a name
            "[14:02] Hasu:\n\nHow do you review a trade?\n\n[15:38] Su Zhu：\n\nIt's the holy grail.\n\n"
            "[17:01] Hasu: And you?\n\n[17:10] Su Zhu： Same.\n",
            [(3, "Hasu", 842.0, "How do you review a trade?"), (7, "Su Zhu", 938.0, "It's the holy grail."),
             (9, "Hasu", 1021.0, "And you?"), (11, "Su Zhu", 1030.0, "Same.")],
        ),
        (  # Orbit FM: a bare time with tenths, the name in bold, the words, no colon; four speakers
            "(Intro music)\n\n0:00:12.6 **Adam Garrett-Harris** Hello, and welcome to BookBytes.\n\n"
            "0:00:26.3 **Jason Staten** I-\n\n0:00:34.7 **Jen Luker** No, it's primer.\n\n"
            "0:00:35.7 **Adam Garrett-Harris** Primer?\n\n0:00:36.0 **Jason Staten** Go look this up.\n\n"
            "0:00:52.6 ** Safia Abdalla** Oh wow, you're right.\n",
            [(3, "Adam Garrett-Harris", 12.6, "Hello, and welcome to BookBytes."), (5, "Jason Staten", 26.3, "I-"),
             (7, "Jen Luker", 34.7, "No, it's primer."), (9, "Adam Garrett-Harris", 35.7, "Primer?"),
             (11, "Jason Staten", 36.0, "Go look this up."), (13, "Safia Abdalla", 52.6, "Oh wow, you're right.")],
        ),
        (  # Stephan Livera's podcast transcripts: a dash, the time and a colon after the name; the words
            # on the same line or the lines below
            "podcast: https://stephanlivera.com/episode/463/\n\n"
            "Stephan Livera – 00:02:02:  So on to the discussion with Greg. Welcome to the show.\n\n"
            "Greg Sanders – 00:02:57:\n\nHi, glad to be here.\n\nStephan Livera – 00:02:59:\n\nWhat are you up to these days?\n",
            [(3, "Stephan Livera", 122.0, "So on to the discussion with Greg. Welcome to the show."),
             (7, "Greg Sanders", 177.0, "Hi, glad to be here."), (11, "Stephan Livera", 179.0, "What are you up to these days?")],
        ),
        (  # Riverside's text export: the name and "(MM:SS.mmm)" alone on a line, the words below, minutes
            # past 59 after the first hour (fuzzy31u/momit.fm scripts/transcriptUtils.js reads it so)
            "Ana Ruiz (00:01.240)\nWelcome back.\n\nBo Lind (00:07.880)\nThanks for having me.\n\n"
            "Ana Ruiz (62:15.020)\nWhat got you started?\n",
            [(2, "Ana Ruiz", 1.24, "Welcome back."), (5, "Bo Lind", 7.88, "Thanks for having me."),
             (8, "Ana Ruiz", 3735.02, "What got you started?")],
        ),
    ],
    ids=["bracketed-name-then-time", "bracketed-name-colon", "time-then-bracketed-name", "bold-name-then-time",
         "nbsp-in-bold-label", "rev-continuation", "full-width-colon", "time-then-bold-name", "name-dash-time-colon",
         "riverside"],
)
def test_more_label_shapes_from_published_transcripts(text, expected):
    parsed = parse_source(text, source="wild.md")
    assert parsed.format == "labelled" and not parsed.errors
    assert spans(text, parsed) == expected


def test_a_rev_continuation_mark_stays_out_of_the_sentences():
    text = ("Amjad Masad (00:00:00):\nThe idea is simple.\n\nLenny Rachitsky (00:00:20):\nWhat skills matter?\n\n"
            "(00:01:54):\nIn our conversation, we talk.\n\nAmjad Masad (00:02:46):\nIt's my pleasure.\n")
    annotated = run(text, source="rev.md")
    sentences = [text[s.start_char:s.end_char] for s in annotated.sentences]
    assert "In our conversation, we talk." in sentences and not any(":" in s.split()[0] for s in sentences)


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # Otter: a guest who speaks once among four names ("Tailor  2:26", Ladybug 62)
            "Emma  0:00\nWelcome.\n\nKelly  0:34\nI'm Kelly.\n\nSidney  0:40\nI'm Sidney.\n\nEmma  2:20\n"
            "So welcome, Tailor. How are you?\n\nTailor  2:26\nGlad to be on.\n\nKelly  2:30\nGreat.\n\nSidney  2:33\nSo, security?\n",
            ["Emma", "Kelly", "Sidney", "Emma", "Tailor", "Kelly", "Sidney"],
        ),
        (  # a hearing: one senator asks once; a header's "Date:" before and notes inside turns stay text
            "Date: 8 October 2014\n\nAA: Absolutely. I believe clarity helps.\nNote: the chair left.\n\n"
            "Senator: Thank you chair. Would you buy bitcoin?\n\nAA: I would estimate so.\nStep 1: buy a wallet.\n"
            "Update: prices moved.\n\nSenator Greene: Thank you very much for coming. Is it safe?\n\n"
            "AA: Wallets can be hacked.\n\nSenator: One more question?\n",
            ["AA", "Senator", "AA", "Senator Greene", "AA", "Senator"],
        ),
        (  # a panel's bold capitals: a name used once is still a label
            "**CHUCK:** Hey everybody. This week on our panel, Ward Bell.\n\n**WARD:** Hello.\n\n"
            "**CHUCK:** Lukas Reubbelke.\n\n**LUKAS:** I'll let John speak for me.\n\n**JOHN:** Hello.\n\n"
            "**CHUCK:** Olivier?\n\n**WARD:** There we go.\n\n**JOHN:** Hello again.\n",
            ["CHUCK", "WARD", "CHUCK", "LUKAS", "JOHN", "CHUCK", "WARD", "JOHN"],
        ),
        (  # two-word names throughout: a one-word "Disclaimer:" is no name
            "Ben Felix: Welcome to episode 306.\n\nCameron Passmore: A phenomenal conversation.\n\n"
            "Wei Dai: Thanks for having me.\nDisclaimer: this is not advice.\n\nBen Felix: What do you do?\n\n"
            "Cameron Passmore: Right.\n\nWei Dai: Research.\n",
            ["Ben Felix", "Cameron Passmore", "Wei Dai", "Ben Felix", "Cameron Passmore", "Wei Dai"],
        ),
    ],
    ids=["otter-once", "hearing-once", "bold-capitals-once", "not-a-name"],
)
def test_a_label_used_once_counts_when_written_like_the_others(text, expected):
    parsed = parse_source(text, source="once.md")
    assert parsed.format == "labelled" and not parsed.errors
    assert [t.speaker_label for t in parsed.turns] == expected
    turn_texts = [text[t.start_char : t.end_char] for t in parsed.turns]
    assert not any(t.startswith(("Date", "Note", "Step", "Update", "Disclaimer")) for t in turn_texts)


def test_show_notes_before_a_transcript_do_not_hide_its_labels():
    # ArrayCast's pages: a long list of links, then the transcript; labels are counted from the first
    notes = "".join(f"- [Link {i}](https://example.com/{i})\n" for i in range(30))
    text = notes + "\nTranscript\n\n00:00:00 [Rob Pike]\n\nHalf think this is insane.\n\n00:00:36 [Conor Hoekstra]\n\nWelcome.\n\n"
    text += "00:00:38 [CH]\n\nMy name is Conor.\n\n00:01:18 [RP]\n\nThanks.\n\n00:01:20 [CH]\n\nSo, APL?\n"
    parsed = parse_source(text, source="arraycast.md")
    assert parsed.format == "labelled"
    assert [(t.speaker_label, t.start_seconds) for t in parsed.turns] == [
        ("Rob Pike", 0.0), ("Conor Hoekstra", 36.0), ("CH", 38.0), ("RP", 78.0), ("CH", 80.0)]


def test_markdown_layout_is_not_read_as_words():
    # kubernetes.io's release interviews bold the host's whole question, label and all; an oral
    # history puts "### MIT" headings between and inside turns; a podcast page "***" rules
    text = (
        "**CRAIG BOX: Let's talk African clawed frogs! Do you know them?**\n\n"
        "REY LEJANO: Oh, you mean Xenopus? My degree is in microbiology.\n\n"
        "### MIT\n\n"
        "**CRAIG BOX: Where did you study?**\n\n"
        "REY LEJANO: At Davis, and then some years in a lab\n\n### Ph.D. students\n\nthat grew frogs.\n\n***\n\n"
        "**CRAIG BOX: Why Kubernetes?**\n\n---\n\n"
        "REY LEJANO: Because it was there.\n"
    )
    annotated = run(text, source="release-interview.md")
    assert annotated.format == "labelled"
    assert [(s.name, s.role) for s in annotated.speakers] == [("Craig Box", "host"), ("Rey Lejano", "guest")]
    turns = [text[t.start_char : t.end_char] for t in annotated.turns]
    assert turns[0] == "Let's talk African clawed frogs! Do you know them?"  # the closing bold is no word
    assert turns[1] == "Oh, you mean Xenopus? My degree is in microbiology."  # the heading after it is between turns
    assert turns[4] == "Why Kubernetes?"
    from claims.ingest.markup import reading_text

    reading = reading_text(text, "labelled")
    assert len(reading) == len(text) and reading.count("\n") == text.count("\n")
    sentences = [" ".join(reading[s.start_char : s.end_char].split()) for s in annotated.sentences]
    assert not any("*" in s or "#" in s or "---" in s for s in sentences)
    assert "At Davis, and then some years in a lab that grew frogs." in sentences


@pytest.mark.parametrize(
    "head, title",
    [
        ("## Episode 306\n\n", "Episode 306"),  # Rational Reminder: the heading, without its #s
        ("1 About Maja Mataric 2 About the Interview 3 Interview\n\n## About Maja Mataric\n\nShe is a pioneer.\n\n"
         "### Early life\n\n", "About Maja Mataric"),  # an oral history: a contents line, then headings
        ("---\nlayout: blog\ntitle: \"Frontiers, fsGroups and frogs\"\ndate: 2022-04-29\n---\n\n# Intro\n\n",
         "Frontiers, fsGroups and frogs"),  # a Markdown page's front matter
        ("---\ntitle: >\n      095 AiA Building NG2 Libraries\ndate: 2016-06-02\n---\n\n", "095 AiA Building NG2 Libraries"),
        ("Interview participant: [Int2]\nInterviewed by: Lucian Dragos via Zoom\n\n\n", ""),  # header fields only
        ("Charged Up, episode 14\n\n", "Charged Up, episode 14"),
        ("[#]: collector: (lujun9972)\n[#]: subject: (How Linux testing has changed)\n\nHow Linux testing has changed\n"
         "======\nMichael Larabel shares his insights.\n\n", "How Linux testing has changed"),  # LCTT: underlined heading
        # a company blog's introduction before the labels is a sentence, not a title (it made a 100-character slug)
        ("Ann Lee sat down with us to talk about compilers. It has been edited for length.\n\n", ""),
        ("This interview was conducted by email in March.\n\n", ""),
        ("What's something cool you're working on?\n\n", "What's something cool you're working on?"),
        ("Voice script.\n\n", "Voice script."),  # too short to be an introduction
    ],
)
def test_a_labelled_transcripts_title_is_its_heading_not_its_first_line(head, title):
    from claims.ingest.pipeline import run

    text = head + "Ann Lee: Welcome. What do you build?\n\nBo Chan: Compilers.\n"
    assert run(text, source="t.md").metadata.title == title


def test_timed_lines_after_an_introductions_sentence_take_their_title_from_the_file():
    from claims.ingest.pipeline import run

    lines = "0:00\nWelcome back to the show.\n0:04\nToday we talk about seeds.\n0:09\nThey keep for decades.\n"
    intro = run("We recorded this episode at the seed vault in March.\n" + lines, source="seed-vault.txt")
    assert intro.format == "timed_lines" and intro.metadata.title == "" and intro.metadata.slug == "seed-vault"
    assert run("Seed banks, episode 3\n" + lines, source="s.txt").metadata.title == "Seed banks, episode 3"


def test_the_label_introducing_the_show_is_the_host_before_the_one_asking_most():
    # Ladybug 62 (Otter): the host opens the show and introduces the guest; a co-host asks most
    # of the questions; the guest thanks them "for having me on the show"
    text = (
        "Emma  0:00\nIn this episode, we're joined by Taylor, an infosec engineer. Let's get started.\n\n"
        "Taylor  0:10\nThanks for having me on the show. Glad to be here.\n\n"
        "Sidney  0:15\nWhat is web security? Why should developers care?\n\n"
        "Taylor  0:20\nBecause attackers care.\n\n"
        "Sidney  0:25\nAnd where should they start?\n\n"
        "Taylor  0:30\nWith the basics.\n\n"
        "Emma  0:35\nGreat advice.\n"
    )
    annotated = run(text, source="ladybug.txt")
    assert [(s.name, s.role) for s in annotated.speakers if s.role == "host"] == [("Emma", "host")]
    from claims.ingest.records import Metadata

    named = run(text, source="ladybug.txt", metadata=Metadata(hosts=("Emma Bostian",)))
    assert [(s.name, s.role) for s in named.speakers if s.role == "host"] == [("Emma Bostian", "host")]


def test_a_label_of_initials_is_the_speaker_it_abbreviates():
    # ArrayCast: "[Conor Hoekstra]" in full on his first turn, "[CH]" after; the same for the guest
    from claims.ingest.records import Metadata

    text = (
        "00:00:02 [Conor Hoekstra]\n\nWelcome to ArrayCast. My guest today is Rob Pike.\n\n"
        "00:00:09 [Rob Pike]\n\nThanks for having me.\n\n"
        "00:00:12 [CH]\n\nWhy do array languages matter?\n\n"
        "00:00:15 [RP]\n\nThey make you think in whole arrays.\n\n"
        "00:00:21 [CH]\n\nAnd APL?\n\n"
        "00:00:23 [RP]\n\nA beautiful language.\n"
    )
    annotated = run(text, source="arraycast.md")
    assert [(s.name, s.role) for s in annotated.speakers] == [("Conor Hoekstra", "host"), ("Rob Pike", "guest")]
    assert [t.speaker_slug for t in annotated.turns] == ["conor-hoekstra", "rob-pike"] * 3
    named = run(text, source="arraycast.md", metadata=Metadata(hosts=("Conor Hoekstra",)))
    assert [t.speaker_slug for t in named.turns] == ["conor-hoekstra", "rob-pike"] * 3
    initials_only = "JB: Thanks for having me.\n\nHZ: What are standards?\n\nJB: Agreements.\n"
    turns = run(initials_only, source="s.md", metadata=Metadata(hosts=("Henry Zhu",), guests=("Jory Burson",))).turns
    assert [t.speaker_slug for t in turns] == ["jory-burson", "henry-zhu", "jory-burson"]


def test_a_broadcast_transcripts_full_names_parts_and_surnames_are_one_speaker_each():
    # NPR: "NICK FOUNTAIN, HOST:" on the first mention (the words below it), then "FOUNTAIN:"
    from claims.ingest.pipeline import run

    text = (
        "Slot Flaw Scofflaws\n\nNICK FOUNTAIN, HOST:\n\nQuick note - this episode is a rerun.\n\n"
        "(SOUNDBITE OF ARCHIVED NPR BROADCAST)\n\n"
        "KEITH ROMER, BYLINE: Ron Flores oversees surveillance at the casino.\n\n"
        "FOUNTAIN: Ron's job is to make sure nobody rips off his casino.\n\n"
        "RON FLORES: There's a monitor wall.\n\n"
        "ROMER: How many screens are we talking about?\n\n"
        "FLORES: Anywhere between 30 to 40.\n"
    )
    annotated = run(text, source="planet-money.txt")
    assert [(s.name, s.role) for s in annotated.speakers] == [
        ("Nick Fountain", "host"), ("Keith Romer", "guest"), ("Ron Flores", "guest")]
    assert [t.speaker_slug for t in annotated.turns] == [
        "nick-fountain", "keith-romer", "nick-fountain", "ron-flores", "keith-romer", "ron-flores"]
    assert annotated.source_text[annotated.turns[0].start_char:].startswith("Quick note")


def test_a_broadcasts_initial_and_surname_is_the_full_label_of_that_first_name():
    # CNN: two anchors of one surname named in full once ("DANA REYES, CNN ANCHOR:"), then "D. REYES:" and
    # "P. REYES:"; an initial fitting no full name ("T. REYES") stays a speaker of its own
    from claims.ingest.pipeline import run

    text = (
        "Return to Transcripts main page\n\nMorning Desk\n\nFerry Strike Ends; Snow in the Valley\n\n"
        "Aired March 03, 2009 - 07:00   ET\n\n"
        "DANA REYES, CNN ANCHOR: Good morning. I'm Dana Reyes.\n\n"
        "PAUL REYES, CNN ANCHOR: And I'm Paul Reyes. The ferry strike is over.\n\n"
        "D. REYES: Snow is falling in the valley this morning.\n\n"
        "P. REYES: Our correspondent is at the harbour -- Lena, what changed overnight?\n\n"
        "LENA MOSS, CNN CORRESPONDENT: Well, Paul, the union signed at four.\n\n"
        "P. REYES: And the boats?\n\n"
        "MOSS: Running by noon.\n\n"
        "T. REYES: Traffic is slow on the bridge.\n\n"
        "D. REYES: Thanks.\n"
    )
    annotated = run(text, source="morning-desk.txt")
    assert [(s.name, s.role) for s in annotated.speakers] == [
        ("Dana Reyes", "host"), ("Paul Reyes", "host"), ("Lena Moss", "guest"), ("T. Reyes", "guest")]
    assert [t.speaker_slug for t in annotated.turns][:7] == [
        "dana-reyes", "paul-reyes", "dana-reyes", "paul-reyes", "lena-moss", "paul-reyes", "lena-moss"]
    assert annotated.source_text[annotated.turns[0].start_char:].startswith("Good morning.")


def test_a_kramdown_class_after_a_bold_label_is_part_of_the_label():
    from claims.ingest.pipeline import run

    text = (
        "**Interviewer:**{: .text-yellow-000}  \nHallo.\n\n**Befragte:**{: .text-green-000}  \nHallo, also ich fange an.\n\n"
        "**Interviewer:**{: .text-yellow-000}  Wie alt sind die Kinder?\n\n**Befragte:**{: .text-green-000}  \nZwischen sechs und zwölf.\n"
    )
    annotated = run(text, source="jugendamt.md")
    assert annotated.format == "labelled"
    turns = [(t.speaker_slug, text[t.start_char:t.end_char]) for t in annotated.turns]
    assert turns == [("interviewer-in-jugendamt", "Hallo."), ("befragte-in-jugendamt", "Hallo, also ich fange an."),
                     ("interviewer-in-jugendamt", "Wie alt sind die Kinder?"), ("befragte-in-jugendamt", "Zwischen sechs und zwölf.")]


def test_labels_naming_the_host_part_are_hosts():
    from claims.ingest.pipeline import run

    text = ("Host A: Welcome back. Today we talk about grids.\n\nHost B: And batteries.\n\n"
            "Priya: Thanks for having me. Grids are fascinating.\n\nHost A: Why?\n\nPriya: They balance every second.\n")
    annotated = run(text, source="page.txt")
    assert [(s.name, s.role) for s in annotated.speakers] == [("Host A", "host"), ("Host B", "host"), ("Priya", "guest")]


def test_a_shorter_form_of_a_name_is_the_same_speaker():
    from claims.ingest.pipeline import run

    text = ("SENATOR TIM KENNEDY: Thank you, Chair.\n\nMR. FOYE: Good morning.\n\n"
            "SENATOR KENNEDY: How long will the money last?\n\nMR. FOYE: Until March.\n\n"
            "SENATOR KENNEDY: And then?\n\nMR. FOYE: Then we cut service.\n")
    annotated = run(text, source="hearing.txt")
    assert [t.speaker_slug for t in annotated.turns] == ["senator-tim-kennedy", "mr-foye"] * 3


def test_the_printed_records_labels_end_with_a_period():
    # the US Congress's hearings as the GPO prints them, and a deposition's Q. and A.
    from claims.ingest.records import Metadata

    hearing = ("HEARING ON THE SOLVENCY OF SOCIAL SECURITY\n\n"
               "Chairman McCRERY. The hearing will come to order.\n\nMr. LEVIN. Thank you, Mr. Chairman.\n\n"
               "Chairman McCRERY. Mr. Dreier, you may proceed.\n\nMr. DREIER. The trust fund runs out in 2041.\n\n"
               "Chairman McCRERY. What would you change first?\n\nMr. DREIER. The cap on taxable earnings.\n")
    annotated = run(hearing, source="hearing.txt")
    assert annotated.format == "labelled"
    assert [t.speaker_slug for t in annotated.turns] == [
        "chairman-mccrery", "mr-levin", "chairman-mccrery", "mr-dreier", "chairman-mccrery", "mr-dreier"]
    assert hearing[annotated.turns[0].start_char:annotated.turns[0].end_char] == "The hearing will come to order."
    deposition = ("DEPOSITION OF JANE DOE\n\nQ. Please state your name for the record.\n\nA. Jane Doe.\n\n"
                  "Q. Where were you on the night of March 3?\n\nA. At home, with my sister.\n")
    annotated = run(deposition, source="deposition.txt", metadata=Metadata(hosts=("Tom Reed",), guests=("Jane Doe",)))
    assert [t.speaker_slug for t in annotated.turns] == ["tom-reed", "jane-doe"] * 2
    # a press briefing's reporter: "Q" and a wide space, no period (the White House's plain text)
    briefing = ("MS. REYES:  Good afternoon.\n\nQ    Will the ferries run in May?\n\nMS. REYES:  They will.\n\n"
                "Q    And the fares?\n\nMS. REYES:  They stay.\n\nQ and A sessions follow each week.\n")
    annotated = run(briefing, source="briefing.txt")
    assert [t.speaker_slug for t in annotated.turns] == ["ms-reyes", "q-in-briefing"] * 2 + ["ms-reyes"]
    # a sentence that merely opens with a title and a word in capitals is no label in prose
    prose = ("The FBI. That is who called.\n\nWe talked for an hour about the case and what came next.\n\n"
             "Nobody knew what to expect from the meeting.\n\nIt ended late.\n\nThen we went home.\n")
    assert detect(prose) != "labelled"


def test_a_period_label_alone_on_its_line_heads_the_paragraphs_below():
    # a hearing's pages with the member's name alone above the words set in paragraphs
    hearing = ("Mr. RUDMAN.\n\nThank you, Mr. Chairman. I join you in opening these hearings.\n\n"
               "The inquiry will be fair to every witness.\n\nChairman INOUYE.\n\nThank you, Senator.\n\n"
               "Mr. RUDMAN.\n\nOne more word on the schedule. We sit every day.\n")
    annotated = run(hearing, source="hearing.txt")
    assert annotated.format == "labelled"
    assert [(t.speaker_slug, hearing[t.start_char:t.end_char]) for t in annotated.turns] == [
        ("mr-rudman", "Thank you, Mr. Chairman. I join you in opening these hearings.\n\nThe inquiry will be fair to every witness."),
        ("chairman-inouye", "Thank you, Senator."),
        ("mr-rudman", "One more word on the schedule. We sit every day."),
    ]


def test_one_members_statement_under_his_name_is_his():
    # an opening statement, a page of its own: the name alone (or opening the first line), then the paragraphs;
    # before, plain text split between an invented host and guest
    for opening in ("Chairman HAMILTON.\n\n", "Chairman HAMILTON. "):
        statement = (opening + "Oversight is part of our work, and that is why we are here. Let me address three questions.\n\n"
                     "First, what went wrong? The answer today must be tentative.\n\n"
                     "Second, what should you look for? The hearings will have three phases.\n")
        annotated = run(statement, source="statement.txt")
        assert annotated.format == "labelled"
        assert {t.speaker_slug for t in annotated.turns} == {"chairman-hamilton"}
        assert statement[annotated.turns[0].start_char:annotated.turns[-1].end_char].startswith("Oversight is part")
        assert statement[annotated.turns[-1].start_char:annotated.turns[-1].end_char].endswith("three phases.")
    # the same name below a heading, or a one-letter "A." alone, makes no statement
    assert detect("NOTES\n\nMr. HAMILTON.\n\nHe spoke first. Then we left.\n") != "labelled"
    assert detect("A.\n\nThe first item on the list.\n\nB.\n\nThe second item.\n") != "labelled"


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a research interview in Chinese: the roles as labels, a full-width colon and no space after it
            "主持人：请描述你整理访谈记录时遇到的问题。\n受访者：我经常找不到原话。\n受访者：短访谈我直接阅读。\n"
            "主持人：你最担心什么？\n受访者：草稿把推测写成事实。\n",
            [(1, "主持人", None, "请描述你整理访谈记录时遇到的问题。"), (2, "受访者", None, "我经常找不到原话。"),
             (3, "受访者", None, "短访谈我直接阅读。"), (4, "主持人", None, "你最担心什么？"), (5, "受访者", None, "草稿把推测写成事实。")],
        ),
        (  # iFlytek's and Tencent Meeting's export: a diariser's label and the time alone on a line
            "双人项目沟通记录\n\n说话人1 00:00:00\n你们现在有哪些准备？\n\n说话人2 00:00:05\n目前还没有准备。\n\n"
            "说话人1 00:00:07\n那天下午开了个会，\n然后给你发了材料。\n",
            [(4, "说话人1", 0.0, "你们现在有哪些准备？"), (7, "说话人2", 5.0, "目前还没有准备。"),
             (10, "说话人1", 7.0, "那天下午开了个会，\n然后给你发了材料。")],
        ),
        (  # names opening with an accented capital; French puts a space before the colon
            "Élodie : Vous travaillez ici depuis quand ?\n\nÁngel Pérez: Desde 2010.\n\nÉlodie : Et avant ?\n\n"
            "Ángel Pérez: En Madrid.\n",
            [(1, "Élodie", None, "Vous travaillez ici depuis quand ?"), (3, "Ángel Pérez", None, "Desde 2010."),
             (5, "Élodie", None, "Et avant ?"), (7, "Ángel Pérez", None, "En Madrid.")],
        ),
    ],
    ids=["chinese-roles", "chinese-diariser-header", "accented-names"],
)
def test_labels_in_other_scripts_and_with_accented_capitals(text, expected):
    parsed = parse_source(text, source="wild.txt")
    assert parsed.format == "labelled" and not parsed.errors
    assert spans(text, parsed) == expected


def test_a_chinese_interviews_host_is_the_label_asking_with_full_width_question_marks():
    text = "受访者：我是张伟。\n\n说话人：你做什么工作？\n\n受访者：后端开发。\n\n说话人：用什么语言？\n\n受访者：Python。\n"
    annotated = run(text, source="zh.txt")
    assert {s.name: s.role for s in annotated.speakers} == {"受访者": "guest", "说话人": "host"}


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # MacWhisper's export: the speaker's name in brackets alone on a line; "[Applause]" names nobody
            "[Eleanor Scerri]\nOkay, so another quick question?\n\n[Applause]\n\n[Matteo Vacchi]\nYes, the salinity changed.\n\n"
            "[Eleanor Scerri]\nAnd the shorelines?\n\n[Matteo Vacchi]\nThey are deep.\n",
            [(2, "Eleanor Scerri", None, "Okay, so another quick question?\n\n[Applause]"),  # a note, as in any turn
             (7, "Matteo Vacchi", None, "Yes, the salinity changed."), (10, "Eleanor Scerri", None, "And the shorelines?"),
             (13, "Matteo Vacchi", None, "They are deep.")],
        ),
        (  # an interview converted from Word: the speaker as a Markdown heading, the words below
            "### Transcript\n\n# Interviewer\nIs dat duidelijk?\n\n# Business Process Manager\n\nJa, ja, zeker.\n\n"
            "# Interviewer\n\nHeb je vragen?\n\n# Business Process Manager\n\nNee.\n",
            [(4, "Interviewer", None, "Is dat duidelijk?"), (8, "Business Process Manager", None, "Ja, ja, zeker."),
             (12, "Interviewer", None, "Heb je vragen?"), (16, "Business Process Manager", None, "Nee.")],
        ),
    ],
    ids=["bracketed-name-alone", "heading-name-alone"],
)
def test_a_name_alone_on_a_line_heading_two_or_more_turns_is_a_label(text, expected):
    parsed = parse_source(text, source="wild.md")
    assert parsed.format == "labelled" and not parsed.errors
    assert spans(text, parsed) == expected


def test_a_documents_headings_used_once_are_not_speakers():
    text = "# Introduction\n\nThe course opens today.\n\n## Summary\n\nWe covered the basics.\n"
    assert detect(text) == "plain"


def test_google_meets_five_minute_marks_time_the_next_turn_and_its_end_line_closes_the_transcript():
    # Google Meet's transcript (a Google Doc exported as text): "00:05:00" alone on a line every five
    # minutes, "Meeting ended after 00:04:19 👋" after the last turn, then a footer or the next meeting
    text = ("Attendees\n\nDaniel Oblinger, Juan Barajas\n\nDaniel Oblinger: Let's go.\n\nJuan Barajas: Okay.\n\n"
            "Daniel Oblinger: Is there a download button?\n\n00:05:00\n\nJuan Barajas: I'm not sure.\n\n"
            "Daniel Oblinger: Got it.\n\nMeeting ended after 00:05:19 👋\n\n#### abc (2024-07-18 16:06 GMT-7) - Transcript\n\n"
            "This editable transcript was computer generated and might contain errors.\n\n"
            "Daniel Oblinger: So here we run docker.\n\nJuan Barajas: Yep.\n\nMeeting ended after 00:02:10 👋\n\n"
            "This editable transcript was computer generated and might contain errors.\n")
    parsed = parse_source(text, source="meet.md")
    assert parsed.format == "labelled" and not parsed.errors
    assert [(label, seconds, words) for _, label, seconds, words in spans(text, parsed)] == [
        ("Daniel Oblinger", None, "Let's go."), ("Juan Barajas", None, "Okay."),
        ("Daniel Oblinger", None, "Is there a download button?"), ("Juan Barajas", 300.0, "I'm not sure."),
        ("Daniel Oblinger", None, "Got it."), ("Daniel Oblinger", None, "So here we run docker."), ("Juan Barajas", None, "Yep.")]


def test_google_meets_first_time_mark_above_a_blank_line_times_the_first_turn():
    # the doc opens its transcript with "00:00:00" alone, a blank line, then the first label: that time
    # was lost (the first turn untimed) unless the label followed on the very next line
    text = ("Attendees\n\nDaniel Oblinger, Juan Barajas\n\nTranscript\n\n00:00:00\n\nDaniel Oblinger: Let's go.\n\n"
            "Juan Barajas: Okay.\n\n00:05:00\n\nDaniel Oblinger: Fine.\n")
    parsed = parse_source(text, source="meet.txt")
    assert [(t.speaker_label, t.start_seconds) for t in parsed.turns] == [
        ("Daniel Oblinger", 0.0), ("Juan Barajas", None), ("Daniel Oblinger", 300.0)]


def test_a_name_declaring_its_short_form_and_the_short_form_are_one_speaker():
    # a research interview written up in Markdown: "**Interviewer (I):**" once, then "**I:**"; the
    # opening exchange was lost (names used once, before the established labels)
    text = ("# Interview Transcript\n\n**Interviewer (I):** Thank you for your time. What is your role?\n\n"
            "**Respondent (R):** I lead the mainframe team.\n\n**I:** How has it changed?\n\n**R:** A lot.\n\n"
            "**I:** Thank you.\n\n**Participant (P3):** May I add something?\n\n**Participant (P3):** Thanks.\n")
    annotated = run(text, source="interview.md")
    assert [(s.name, s.role) for s in annotated.speakers] == [
        ("Interviewer", "host"), ("Respondent", "guest"), ("Participant (P3)", "guest")]
    assert [t.speaker_slug for t in annotated.turns] == [
        "interviewer-in-interview-transcript", "respondent-in-interview-transcript", "interviewer-in-interview-transcript", "respondent-in-interview-transcript", "interviewer-in-interview-transcript", "participant-p3-in-interview-transcript", "participant-p3-in-interview-transcript"]


def test_a_plain_markdown_transcripts_section_headings_and_rules_are_no_turns_and_its_marks_no_words():
    # a lecture transcribed and cleaned up into Markdown sections (one voice, no labels)
    text = ("### **Part 1: Course Logistics**\n\n#### **Section 1: Opening Remarks**\n\nOkay. Thank you. Is it okay?\n\n"
            "I'm going to put the microphone on. This is **important** for the recording.\n\n---\n\n"
            "#### **Section 2: Attendance**\n\nSo I'm going to track attendance.\n\n"
            "### Kannst du das genauer beschreiben?\n\n*\"Nein.\"*\n")  # a question written as a heading is said
    parsed = parse_source(text, source="lecture.md")
    assert parsed.format == "plain" and parsed.metadata.title == "Part 1: Course Logistics"
    assert [text[t.start_char:t.end_char] for t in parsed.turns] == [
        "Okay. Thank you. Is it okay?", "I'm going to put the microphone on. This is **important** for the recording.",
        "So I'm going to track attendance.", "### Kannst du das genauer beschreiben?", '*"Nein."*']
    annotated = run(text, source="lecture.md")
    assert annotated.metadata.title == "Part 1: Course Logistics"
    sentences = [text[s.start_char:s.end_char] for s in annotated.sentences]
    assert not any("Section" in s or "---" in s for s in sentences)
    reading = reading_text(text, "plain")
    assert "**" not in reading and "#" not in reading and "---" not in reading and len(reading) == len(text)
    assert "Kannst du das genauer beschreiben?" in reading


def test_labels_talking_over_each_other_may_step_back_a_second_but_no_more():
    # Orbit FM's shape: one voice starts 0.3 s before the other's mark (overlapping speech); the
    # times are kept as written. Five seconds back is still out of order, and so is a run of
    # small steps that would walk the times backwards.
    text = (
        "0:00:01.0 **Adam Garrett-Harris** Hello and welcome to the show.\n\n"
        "0:01:16.6 **Jen Luker** I love that book.\n\n"
        "0:01:16.3 **Adam Garrett-Harris** Me too!\n\n"
        "0:01:20.0 **Jen Luker** Right.\n"
    )
    annotated = run(text, source="bookbytes.txt")
    assert annotated.ok and annotated.format == "labelled"
    assert [t.start_seconds for t in annotated.turns] == [1.0, 76.6, 76.3, 80.0]
    assert [str(e) for e in run(text.replace("0:01:16.3", "0:01:11.6"), source="b.txt").errors] == [
        "b.txt:5: time mark out of order: 00:01:11.600 comes after 00:01:16.600"]
    creeping = text.replace("0:01:16.3", "0:01:16.0").replace("0:01:20.0", "0:01:15.4")
    assert [str(e) for e in run(creeping, source="b.txt").errors] == [
        "b.txt:7: time mark out of order: 00:01:15.400 comes after 00:01:16.600"]


def test_times_written_in_hours_minutes_and_seconds_are_time_marks():
    # a podcast page's table of "0h00m44s" / words rows, as its page reads: timed lines
    from claims.ingest.formats._common import parse_clock

    assert (parse_clock("0h00m44s"), parse_clock("1h02m03s"), parse_clock("0h75m00s")) == (44.0, 3723.0, None)
    text = "Time Transcript\n\n0h00m00s\nwelcome to the podcast\n\n0h00m44s\nthanks for the emails\n\n0h03m44s\nthat is all\n"
    annotated = run(text, source="table.txt")
    assert annotated.format == "timed_lines" and annotated.ok
    assert [t.start_seconds for t in annotated.turns] == [0.0, 44.0, 224.0]
    assert "0h00m44s" not in reading_text(annotated.source_text, annotated.format)


def test_a_short_whisper_console_output_is_timed_lines():
    # two range marks are enough where every line opens with one (a two-sentence recording)
    text = "[00:00:00.000 --> 00:00:02.400]   capture milk\n[00:00:02.400 --> 00:00:03.100]   and call mum\n"
    annotated = run(text, source="stdout.txt")
    assert annotated.format == "timed_lines" and [t.start_seconds for t in annotated.turns] == [0.0, 2.4]
    assert detect("[00:00:00.000 --> 00:00:02.400] capture milk\nand more words here\nand here\nand here\n") != "timed_lines"


def test_a_time_linked_to_the_video_above_a_label_times_it_and_is_no_ones_words():
    # a Jekyll blog's transcript of a YouTube interview: "[2:23](https://youtu.be/...?t=143)" above some
    # labels, a section heading between turns; the links ran on at the end of the turn before
    text = ("---\nlayout: post\ntitle: A podcast with Ilya\n---\n\nВот что получилось:\n\n## Introduction\n\n"
            "[0:00](https://youtu.be/13CZPWmke6A?t=0)\n**Lex Fridman:** The following is a conversation.\n\n"
            "**Lex Fridman:** And now, here's my conversation.\n\n## AlexNet\n\n"
            "[2:23](https://youtu.be/13CZPWmke6A?t=143)\n**Lex Fridman:** Take us back to that time?\n\n"
            "**Ilya Sutskever:** Yeah, I can answer that question.\n\n"
            "[4:38](https://youtu.be/13CZPWmke6A?t=278)\n**Lex Fridman:** So where was any doubt coming from?\n")
    parsed = parse_source(text, source="ilya.md")
    assert parsed.format == "labelled" and not parsed.errors
    assert [(label, seconds, words) for _, label, seconds, words in spans(text, parsed)] == [
        ("Lex Fridman", 0.0, "The following is a conversation."), ("Lex Fridman", None, "And now, here's my conversation."),
        ("Lex Fridman", 143.0, "Take us back to that time?"), ("Ilya Sutskever", None, "Yeah, I can answer that question."),
        ("Lex Fridman", 278.0, "So where was any doubt coming from?")]


def test_a_name_written_in_full_once_then_as_initials_is_one_speaker():
    # a magazine interview (opensource.com, as LCTT keeps it): "**Don Watkins:**" and "**Michael Larabel:**"
    # on the first exchange, "**DW:**" and "**ML:**" after; the full names, used once and not written in
    # capitals as the established labels are, were taken for text and the first exchange was lost
    text = ("I recently had the opportunity to interview Michael about Phoronix.\n\n"
            "**Don Watkins:** What inspired you to start Phoronix?\n\n**Michael Larabel:** Reviewing hardware on Linux.\n\n"
            "**DW:** Who are your website's readers?\n\n**ML:** Desktop users, then servers.\n\n"
            "**DW:** How important is testing?\n\n**ML:** More every year.\n")
    annotated = run(text, source="lctt.md")
    assert [(s.name, s.role) for s in annotated.speakers] == [("Don Watkins", "host"), ("Michael Larabel", "guest")]
    assert [t.speaker_slug for t in annotated.turns] == ["don-watkins", "michael-larabel"] * 3


def test_a_table_of_contents_before_timed_lines_gives_the_chapters_and_no_turns():
    # a lecture's YouTube transcript in Markdown (CS50's notes): the description's chapter list, then
    # the panel's copy under chapter headings; the times starting again after the list were errors
    # (the file refused) and the list itself the only turns
    text = ("# [Lecture 8](https://youtu.be/ciz2UaifaNM)\n\nTABLE OF CONTENTS:\n\n0:00 - Introduction\n"
            "1:02 - Bingo Board\n1:52 - The Internet\n\n## [Introduction](https://youtu.be/ciz2UaifaNM?t=0)\n\n"
            "0:00\n[MUSIC PLAYING]\n\n## [Bingo Board](https://youtu.be/ciz2UaifaNM?t=62)\n\n"
            "1:02\nAll right. This is CS50.\n1:11\nkindly sent this to us.\n\n"
            "## [The Internet](https://youtu.be/ciz2UaifaNM?t=112)\n\n1:52\nSo today, Week 8 is about the internet.\n")
    parsed = parse_source(text, source="lecture-8.md")
    assert parsed.format == "timed_lines" and not parsed.errors
    assert [(c.title, c.start_seconds) for c in parsed.chapters] == [("Introduction", 0), ("Bingo Board", 62), ("The Internet", 112)]
    assert [(seconds, words) for _, _, seconds, words in spans(text, parsed)] == [
        (0.0, "[MUSIC PLAYING]"), (62.0, "All right. This is CS50."), (71.0, "kindly sent this to us."),
        (112.0, "So today, Week 8 is about the internet.")]
    out_of_order = "0:00 one\n0:05 two\n0:09 three\n0:03 four, a step back in the transcript itself\n"
    assert parse_source(out_of_order, source="t.txt").errors  # not a contents list: the lines' own order is wrong


def test_a_plain_transcripts_header_fields_before_the_words_are_no_turns():
    # a video's transcript on bitcointranscripts: a header of fields, a paragraph each, then the talk;
    # the fields were the first five turns, given to the invented speakers
    text = ("Name: Andreas Antonopoulos\n\nTopic: Why is seed splitting a bad idea?\n\nLocation: His YouTube channel\n\n"
            "Date: April 8th 2020\nVideo: https://www.youtube.com/watch?v=p5nSibpfHYE\n\n"
            "This is something that is being discussed all the time. A friend had an idea.\n\n"
            "Location 1: seed words 1-8 and 9-16\nLocation 2: seed words 1-8 and 17-24\n\nIs this safe? Absolutely not.\n")
    parsed = parse_source(text, source="seed-splitting.md")
    assert parsed.format == "plain"
    assert [text[t.start_char:t.end_char] for t in parsed.turns] == [
        "This is something that is being discussed all the time. A friend had an idea.",
        "Location 1: seed words 1-8 and 9-16\nLocation 2: seed words 1-8 and 17-24", "Is this safe? Absolutely not."]


def test_questions_written_as_headings_between_one_speakers_answers_are_the_interviewers():
    # a company blog's Q&A: the questions as headings, only the answers labelled; the questions were
    # lost (the first one the title) and the one person answering was the host
    text = ("Nick Benyo sat down with us to discuss how the team uses Cowork. It has been edited for length.\n\n"
            "## What made Cowork click for your team?\n\n**Nick Benyo:** It stopped feeling like a chatbot.\n\n"
            "## Walk us through a skill you've built.\n\n**Nick Benyo:** A guided performance review.\n\n"
            "We built it in an afternoon.\n\n## How long did that take to build?\n\n**Nick Benyo:** Under 45 minutes.\n")
    annotated = run(text, source="jamf.md")
    assert annotated.format == "labelled" and "?" not in annotated.metadata.title
    assert [(s.name, s.role) for s in annotated.speakers] == [("Interviewer", "host"), ("Nick Benyo", "guest")]
    interviewer = annotated.speakers[0].slug  # a part, not a person: this interview's own
    assert interviewer == "interviewer-in-jamf"  # the introduction's sentence is no title: the file's name gives the slug
    assert [(t.speaker_slug, text[t.start_char:t.end_char]) for t in annotated.turns] == [
        (interviewer, "What made Cowork click for your team?"), ("nick-benyo", "It stopped feeling like a chatbot."),
        (interviewer, "Walk us through a skill you've built."),
        ("nick-benyo", "A guided performance review.\n\nWe built it in an afternoon."),
        (interviewer, "How long did that take to build?"), ("nick-benyo", "Under 45 minutes.")]
    assert "How long did that take to build?" in [text[s.start_char:s.end_char] for s in annotated.sentences]
    two_voices = "## Introduction.\n\nAnn: Welcome. What do you build?\n\n## Compilers?\n\nBo: Compilers.\n\nAnn: Why?\n"
    assert {s.name for s in run(two_voices, source="t.md").speakers} == {"Ann", "Bo"}  # both labelled: headings stay out


def test_a_handle_in_lower_case_answering_a_named_host_is_a_label():
    # Stephan Livera's podcast as transcribed on bitcointranscripts: the guest by his handle,
    # "roasbeef:"; his answers ran on in the host's turns and "Podcast: https://..." became a speaker
    text = ("Podcast: https://stephanlivera.com/episode/39\n\nStephan: Hi Laolu. Thank you for coming on the show.\n\n"
            "roasbeef: It’s good to be here.\n\nStephan: How’s things back home?\n\nroasbeef: Not bad, back to work.\n\n"
            "Stephan: What is the origin story of the name?\n\nroasbeef: I was eating a roast beef sandwich.\n")
    parsed = parse_source(text, source="laolu.md")
    assert parsed.format == "labelled"
    assert [label for _, label, _, _ in spans(text, parsed)] == ["Stephan", "roasbeef"] * 3
    notes = ("Ann: Here is the config we used.\n\nimage: nginx\nports: 80\nimage: redis\n\nBo: And it worked?\n\n"
             "Ann: It did.\n\nnote: edited for length\n\nBo: Thanks.\n\nnote: end\n\nAnn: Bye.\n\nnote: really\n")
    assert {label for _, label, _, _ in spans(notes, parse_source(notes, source="n.md"))} == {"Ann", "Bo"}


def test_the_label_naming_the_hosts_and_guests_of_the_show_is_a_host():
    # Go Time (The Changelog's transcripts): "Your hosts today are Carmen Andoh (my, myself and I)" and "our
    # two guests today are ..." name no show; a guest asking back ("Did you ask?") was taken for the host
    text = ("**Carmen Andoh:** Welcome, everybody, to Go Time! Today is the 100th episode. Your hosts today are Carmen "
            "Andoh (my, myself and I), as well as Jon Calhoun.\n\n**Jon Calhoun:** Hi, everybody!\n\n"
            "**Carmen Andoh:** And our two guests today are Rob Pike and Robert Griesemer.\n\n"
            "**Rob Pike:** Great! Thanks for inviting us. Did you ask Ken?\n\n**Robert Griesemer:** Hello, everybody.\n\n"
            "**Rob Pike:** Did you ask? Was it the budget?\n\n**Jon Calhoun:** No. The budget is pretty minimal.\n")
    annotated = run(text, source="go-time-100.md")
    assert [s.name for s in annotated.speakers if s.role == "host"] == ["Carmen Andoh"]


def test_a_footer_after_a_long_rule_is_not_the_last_speakers_words():
    # LCTT's articles end with 80 dashes, "via: ...", the translators' credits and the link definitions;
    # they ran on in the last answer
    text = ("**DW:** How can people stay up to date?\n\n**ML:** You can follow [me][17] on Twitter.\n\n**DW:** Thanks.\n\n"
            "**ML:** Thank you.\n\n" + "-" * 80 + "\n\nvia: https://opensource.com/article/19/2/phoronix\n\n"
            "作者：[Don Watkins][a]\n选题：[lujun9972][b]\n\n[a]: https://opensource.com/users/don-watkins\n[17]: https://twitter.com/m\n")
    parsed = parse_source(text, source="lctt.md")
    assert [words for _, _, _, words in spans(text, parsed)][-1] == "Thank you."
    assert parsed.content_end == text.index("Thank you.") + len("Thank you.")


def test_a_transcripts_header_gives_its_day_and_length_on_lines_of_their_own():
    # Microsoft Teams' transcript (as its .docx reads): the title, the day and time, the length,
    # then "Name   0:03" headers; another transcript's "Date:" line. A date inside a sentence is no day.
    import datetime as dt

    teams = (
        "Grid storage-20260615_133555-Meeting Transcript\n15 June 2026, 03:35am\n27m 42s\n"
        "Nick Miller started transcription\n"
        "Nick Miller   0:03\nSo what do we mean by storage?\nAda Price   0:19\nBatteries, mostly.\n"
        "Nick Miller   1:02\nAnd pumped hydro?\nAda Price   1:10\nThat too.\n"
    )
    meta = run(teams, source="teams.txt").metadata
    assert (meta.published, meta.published_precision, meta.duration_seconds) == (dt.date(2026, 6, 15), "day", 1662)
    dated = "Interview notes\nDate: March 27, 2023\n\nAnn: Hello?\n\nBo: Hi.\n\nAnn: Ready?\n\nBo: Yes.\n"
    assert run(dated, source="a.txt").metadata.published == dt.date(2023, 3, 27)
    aired = "EVENING NEWS HOUR\nAired March 14, 2025 - 20:00   ET\n\nHALE: Hello?\n\nPARK: Hi.\n\nHALE: Ready?\n\nPARK: Yes.\n"
    assert run(aired, source="cnn.txt").metadata.published == dt.date(2025, 3, 14)  # CNN's broadcast line
    undated = "We met on March 27, 2023 in Paris.\n\nAnn: Hello?\n\nBo: Hi.\n\nAnn: Ready?\n\nBo: Yes.\n"
    assert run(undated, source="a.txt").metadata.published is None


def test_a_hugo_shortcodes_quoted_first_turn_is_a_turn():
    # the Google Cloud Platform Podcast's Hugo pages: '{{< transcript "NAME: first turn" >}}', the other
    # turns inside it, '{{< /transcript >}}' after the last; the first turn (the host's welcome) was left
    # out with the show notes above it, and the closing shortcode ran on in the last turn
    text = (
        "+++\ntitle = \"Episode 412\"\n+++\n\nShow notes about [a link](https://example.com).\n\n"
        '{{< transcript "[MUSIC PLAYING] NORA: Hi, and welcome to episode 412 of the weekly \\"Tide Podcast.\\" '
        "I'm Nora, here with Paul. How are you, Paul?\" >}}\n\n"
        "PAUL: I'm fine, Nora. I'm glad to be here.\n\nNORA: What are you working on?\n\nPAUL: Tidal charts.\n"
        "{{< /transcript >}}\n"
    )
    annotated = run(text, source="episode-412.md")
    turns = [(t.speaker_slug, text[t.start_char : t.end_char]) for t in annotated.turns]
    assert turns[0] == ("nora-in-episode-412", "Hi, and welcome to episode 412 of the weekly \\\"Tide Podcast.\\\" I'm Nora, here with Paul. How are you, Paul?")
    assert [slug for slug, _ in turns] == ["nora-in-episode-412", "paul-in-episode-412", "nora-in-episode-412", "paul-in-episode-412"] and turns[-1][1] == "Tidal charts."
    assert [s.name for s in annotated.speakers if s.role == "host"] == ["Nora"]
    assert annotated.metadata.title == "Episode 412"


@pytest.mark.parametrize("text", [
    # a diariser's numbered names alone on their lines, no colon, no bracket: the file read as plain text
    "Speaker 1\nWelcome to the show.\n\nSpeaker 2\nThanks for having me.\n\nSpeaker 1\nWhat do you do?\n\n"
    "Speaker 3\nI can answer that.\n\nSpeaker 2\nGo on.\n",
    # one such line among "Speaker N:" labels, or "[Speaker 3]" once among bracketed ones: it ran on in the turn before
    "Speaker 1: Welcome to the show.\n\nSpeaker 2: Thanks for having me.\n\nSpeaker 1: What do you do?\n\n"
    "Speaker 3\nI can answer that.\n\nSpeaker 2: Go on.\n",
    "[Speaker 1]\nWelcome to the show.\n\n[Speaker 2]\nThanks for having me.\n\n[Speaker 1]\nWhat do you do?\n\n"
    "[Speaker 3]\nI can answer that.\n\n[Speaker 2]\nGo on.\n",
])
def test_a_diarisers_numbered_name_alone_on_a_line_opens_a_turn(text):
    parsed = parse_source(text, source="diarised.txt")
    assert parsed.format == "labelled"
    assert [(label, words) for _, label, _, words in spans(text, parsed)] == [
        ("Speaker 1", "Welcome to the show."), ("Speaker 2", "Thanks for having me."), ("Speaker 1", "What do you do?"),
        ("Speaker 3", "I can answer that."), ("Speaker 2", "Go on.")]


def test_a_name_a_middle_dot_and_a_time_on_a_line_are_a_label_with_its_time():
    # a player's transcript panel as copied: "Narration · 00:07:24" over the words (also "•" or "|")
    text = (
        "The Harbour, Episode 2\n\nNarration · 00:07:24\nThe harbour was built in 1862.\n\n"
        "Maya Lin · 00:07:38\nMy grandfather worked the cranes here.\n\nNarration • 00:07:55\nBy then the trade had moved.\n\n"
        "Maya Lin | 00:08:09\nHe never talked about it.\n"
    )
    annotated = run(text, source="harbour.txt")
    assert annotated.format == "labelled" and annotated.metadata.title == "The Harbour, Episode 2"
    assert [(t.speaker_slug, t.start_seconds, text[t.start_char:t.end_char]) for t in annotated.turns] == [
        ("narration-in-the-harbour-episode-2", 444.0, "The harbour was built in 1862."),
        ("maya-lin", 458.0, "My grandfather worked the cranes here."),
        ("narration-in-the-harbour-episode-2", 475.0, "By then the trade had moved."),
        ("maya-lin", 489.0, "He never talked about it."),
    ]


def test_a_politicians_party_after_the_name_in_capitals_is_no_part_of_the_name():
    # CNN's first mention: "SEN. LINDSEY GRAHAM (R-SC):", "MAYOR ANN LEE (D), SELMA, ALABAMA:"; then the surname
    text = (
        "HALE: Joining me now, the senator and the mayor.\n\n"
        "SEN. TOM VANCE (R-SC): Good to be with you.\n\n"
        "MAYOR ANN LEE (D), SELMA, ALABAMA: Thank you. We opened three shelters.\n\n"
        "HALE: Senator, will the money come?\n\nVANCE: It will, this week.\n\n"
        "HALE: Mayor?\n\nLEE: We need it by Friday.\n\nINTERVIEWER (I): A declared short form stays one.\n\nI: Yes.\n"
    )
    annotated = run(text, source="cnn.txt")
    names = {s.slug: s.name for s in annotated.speakers}
    assert names["sen-tom-vance"] == "Sen. Tom Vance" and names["mayor-ann-lee"] == "Mayor Ann Lee"
    assert "vance" not in names and "lee" not in names and "interviewer-in-cnn" in names and "i" not in names
    by_text = {text[t.start_char:t.end_char]: t.speaker_slug for t in annotated.turns}
    assert by_text["Thank you. We opened three shelters."] == "mayor-ann-lee"
    assert by_text["We need it by Friday."] == "mayor-ann-lee" and by_text["It will, this week."] == "sen-tom-vance"


def test_youtubes_panel_copied_with_its_chapters_gives_the_chapters_and_keeps_their_titles_out_of_the_words():
    # YouTube's transcript panel shows each chapter's title on a line of its own above the chapter's first
    # time; before, "Intro" became the interview's title and the others ended the turn before them
    text = ("Intro\n0:00\nwelcome back to the show today I'm talking\n0:04\nwith Dana about battery recycling\n"
            "0:08\nthanks for having me\nRecycling today\n1:02\nso how much of a battery can be recovered\n"
            "1:06\nmost of the cobalt and nickel\nOutlook\n2:15\nwhere does that go in five years\n"
            "2:19\nI expect a fifth of European demand by 2030\n")
    annotated = run(text, source="panel.txt")
    assert annotated.format == "timed_lines" and annotated.metadata.title == ""
    assert [(c.title, c.start_seconds, text[c.start_char:].split("\n")[0]) for c in annotated.chapters] == [
        ("Intro", 0, "welcome back to the show today I'm talking"),
        ("Recycling today", 62, "so how much of a battery can be recovered"),
        ("Outlook", 135, "where does that go in five years")]
    said = [text[t.start_char:t.end_char] for t in annotated.turns]
    assert "thanks for having me" in said and "most of the cobalt and nickel" in said
    assert not any("Recycling today" in words or "Outlook" in words for words in said)
    # a panel whose segments run over two lines of words is not read so
    wrapped = text.replace("Recycling today\n", "").replace("thanks for having me\n", "thanks for having me\nit is a pleasure\n")
    assert not run(wrapped, source="panel.txt").chapters


def _page(captions):
    return (
        "A talk\n\nVideo Statistics and Information\n\nCaptions\n" + captions
        + "\nInfo\nChannel: Someone\nId: abcdefghijk\nLength: 60 (60 seconds)\n"
    )


def test_a_scraped_pages_caption_block_breaks_are_likely_changes_of_voice():
    # lines joined by a no-break space; a line ending a sentence with its trailing space kept
    # starts a new caption block (". \xa0 "): there, and only there, a likely change of voice
    captions = (
        "So what do you\xa0 think comes next? \xa0 I think\xa0 scaling goes on.\xa0\xa0 It has\xa0 so far. \xa0 "
        "Why does it\xa0 work at all? \xa0 Nobody\xa0 fully knows.\xa0 We keep\xa0 trying."
    )
    text = _page(captions)
    parsed = parse_source(text, source="page.txt")
    assert parsed.format == "scraped_page"
    starts = [text[b:].split()[0] for b in parsed.voice_breaks]
    assert starts == ["I", "Why", "Nobody"]


@pytest.mark.parametrize(
    "captions",
    [
        # every line joined with the trailing space: no distinction, no breaks
        "One thing. \xa0 Two things. \xa0 Three things. \xa0 Four things. \xa0 Five.",
        # two such breaks are no convention
        "A question\xa0 here? \xa0 An answer\xa0 there\xa0 and\xa0 more. \xa0 Fine\xa0 then\xa0 it\xa0 is.",
    ],
)
def test_a_page_without_the_caption_block_convention_gives_no_breaks(captions):
    assert parse_source(_page(captions), source="page.txt").voice_breaks == ()


def test_seed_001s_caption_block_breaks_fall_where_its_hand_marked_turns_change():
    import json

    root = DATA.parents[1]
    text = (root / "seeds" / "001_4ce4f833089e0e5e.txt").read_text(encoding="utf-8")
    parsed = parse_source(text, source="001")
    gold = json.loads((root / "curation" / "001_turns.json").read_text(encoding="utf-8"))
    changes = {b["start_char"] for a, b in zip(gold, gold[1:]) if a["speaker"] != b["speaker"]}
    at_change = [b for b in parsed.voice_breaks if b in changes]
    assert len(parsed.voice_breaks) >= 50
    assert len(at_change) >= 0.95 * len(parsed.voice_breaks)


# a witness named in full on the first turn, then by first name (a briefing's "DR. TEDROS ADHANOM:", then "TEDROS:")
BRIEFING_FIRST_NAME = """HEALTH AGENCY BRIEFING

MODERATOR: Good morning. Our first speaker is the Director-General.

DR. AMARE HAILU WOLDE: Thank you. Good morning to everyone joining us today.

MODERATOR: Thank you. We will take questions now. What about the vaccines?

AMARE: The doses are on their way, and more will follow this month.

MODERATOR: When will they arrive?

AMARE: Within two weeks, we hope.
"""


@pytest.mark.parametrize("text, expected", [
    # before: "Amare" was a third speaker (2 turns) beside "Dr. Amare Hailu Wolde" (1 turn)
    (BRIEFING_FIRST_NAME, {"Moderator": 3, "Dr. Amare Hailu Wolde": 3}),
    # two labels holding that first name: "AMARE" could be either, and stays its own
    (BRIEFING_FIRST_NAME.replace("MODERATOR: When", "AMARE TESFAYE: I would add that the clinics are ready.\n\nMODERATOR: When"),
     {"Moderator": 3, "Dr. Amare Hailu Wolde": 1, "Amare": 2, "Amare Tesfaye": 1}),
    # the first name labelling turns before the full name does: no short form of it (a host "AMARE", a guest in full)
    ("MODERATOR: Welcome.\n\nAMARE: Thank you for having me here today.\n\n"
     "MODERATOR: And our second guest?\n\nDR. AMARE HAILU WOLDE: Glad to be here too.\n\nAMARE: Shall we begin?\n",
     {"Moderator": 2, "Amare": 2, "Dr. Amare Hailu Wolde": 1}),
])
def test_a_speaker_named_in_full_then_by_first_name_is_one_speaker(text, expected):
    annotated = run(text, source="briefing.txt")
    assert annotated.format == "labelled" and not annotated.errors
    from collections import Counter

    names = {s.slug: s.name for s in annotated.speakers}
    assert Counter(names[t.speaker_slug] for t in annotated.turns) == expected


def gpo_paragraphs(*paragraphs):
    """Paragraphs as the GPO's text sets them: indented four spaces, their later lines flush left, wrapped at 70."""
    import textwrap

    return "\n\n".join("\n".join(textwrap.wrap(p, 70, initial_indent="    ")) for p in paragraphs) + "\n"


@pytest.mark.parametrize("text, expected", [
    # one member's statement under his name and state alone, as the GPO's text prints it
    (gpo_paragraphs("Mr. SCOTT of Virginia.", "Thank you, Mr. Chairman. The locks on the river closed nineteen times last "
                    "winter, and the towns along it paid for every closure.", "They should not pay for it again."),
     [("mr-scott-of-virginia", "Thank you, Mr. Chairman. The locks on the river closed nineteen\ntimes last winter, and "
       "the towns along it paid for every closure.\n\n    They should not pay for it again.")]),
    # the same labels alone in an exchange
    (gpo_paragraphs("Chairman VOSS.", "The committee will come to order.", "Mr. SCOTT of Virginia.",
                    "Dr. Kahn, how many seals does the bureau keep?", "Dr. KAHN.", "Four, at the southern depot.",
                    "Mr. SCOTT of Virginia.", "Why there? I yield back.", "Dr. KAHN.", "It has the only heated store.",
                    "Chairman VOSS.", "The hearing is adjourned."),
     [("chairman-voss", "The committee will come to order."), ("mr-scott-of-virginia", "Dr. Kahn, how many seals does the bureau keep?"),
      ("dr-kahn", "Four, at the southern depot."), ("mr-scott-of-virginia", "Why there? I yield back."),
      ("dr-kahn", "It has the only heated store."), ("chairman-voss", "The hearing is adjourned.")]),
])
def test_a_members_name_and_state_alone_on_its_line_heads_the_paragraphs_below(text, expected):
    # before: "Mr. SCOTT of Virginia." alone was no label (only a name ending in capitals was): the statement was
    # plain text split between an invented host and guest, and in the exchange his questions were the chairman's
    annotated = run(text, source="hearing.txt")
    assert annotated.format == "labelled" and not annotated.errors
    assert [(t.speaker_slug, text[t.start_char:t.end_char]) for t in annotated.turns] == expected


def test_ausha_speaker_numbers_after_a_dash_are_part_labels():
    # Ausha's transcripts: "- Speaker #0" alone on a line, a blank line, the words
    from claims.ingest.attribute import names_a_part

    text = read("ausha_speaker_numbers.txt")
    annotated = run(text, source="ausha_speaker_numbers.txt")
    assert annotated.ok and annotated.format == "labelled"
    roles = {s.slug: s.role for s in annotated.speakers}
    turns = [(roles[t.speaker_slug], text[t.start_char : t.end_char][:24]) for t in annotated.turns]
    assert turns == [
        ("host", "Bonjour à toutes et à to"), ("guest", "Bonjour Paul, merci de m"), ("host", "Alors, comment est-ce qu"),
        ("guest", "Tout a commencé avec un "), ("host", "C'est une belle histoire"),
    ]
    assert not [t for t in annotated.turns if "Speaker #" in text[t.start_char : t.end_char]]
    assert names_a_part("Speaker #0") and names_a_part("Speaker #12")
