"""Texts from the field (a third look at the field sets' leftovers): shapes real producers write, each test
text in the producer's shape, in words of our own."""
from claims.ingest.markup import reading_text
from claims.ingest.pipeline import run

# a Hugo page of a course site whose transcript is only in its front matter: 3Play's timed HTML, a span a word
# or a phrase, "m" its start in milliseconds, a paragraph a <p>, the speaker's label in capitals opening the
# paragraph where the voice changes; the page's body is empty (MIT OpenCourseWare's course publisher)
_HUGO_3PLAY = """---
about_this_resource_text: >-
  <p><strong>Instructor:</strong> Dr. Ada Byrne</p>
embedded_media:
  - id: Video-YouTube-Stream
    media_location: Abc_12345xy
    title: Video-YouTube-Stream
    type: Video
short_url: loops
title: Loops
transcript: >-
  <p><span m="650">The</span> <span m="800">following</span> <span
  m="1200">recording</span> <span m="1700">is</span> <span m="1900">shared</span>
  <span m="2300">under</span> <span m="2500">an open license.</span></p><p><span
  m="20480">LECTURER:</span> <span m="20600">So</span> <span m="20800">this</span> <span
  m="21000">loop</span> <span m="21400">counts</span> <span m="21900">to ten.</span> <span
  m="23000">Try</span> <span m="23200">it</span> <span m="23400">in your head first.</span></p><p><span
  m="41250">See,</span> <span m="41500">it</span> <span m="41700">stops</span> <span m="42000">at
  nine,</span> <span m="42600">because</span> <span m="42900">range</span> <span
  m="43300">ends</span> <span m="43500">before</span> <span m="43800">ten.</span></p><p><span
  m="50100">STUDENT:</span> <span m="50300">Why</span> <span m="50500">not</span> <span
  m="50700">at ten?</span></p>
uid: 0a1b2c3d4e5f
type: courses
layout: video
---
"""


def test_a_hugo_pages_3play_transcript_in_its_front_matter_is_read_as_timed_paragraphs():
    annotated = run(_HUGO_3PLAY, source="loops.md")
    assert annotated.ok and annotated.metadata.title == "Loops"
    names = {s.slug: s.name for s in annotated.speakers}
    text = annotated.source_text
    said = [(names.get(t.speaker_slug), t.start_seconds, " ".join(text[t.start_char:t.end_char].split()))
            for t in annotated.turns]
    assert said == [
        ("Lecturer", 20.48, "So this loop counts to ten. Try it in your head first. See, it stops at nine, because range "
                            "ends before ten."),
        ("Student", 50.1, "Why not at ten?"),
    ]
    # the paragraph before the first label (the license notice) is stored, timed, as the labelled reader keeps
    # any opening before the first label: out of the turns
    assert text.startswith("[00:00:00.650] The following recording is shared under an open license.\n")
    assert "<span" not in text and "uid:" not in text



def test_a_lectures_3play_front_matter_longer_than_a_header_is_read_where_the_page_ends_with_it():
    # a whole lecture's spans run to hundreds of thousands of characters, the closing rule the file's last line
    paragraph = "".join(f'<span m="{60000 + 400 * i}">word{i}</span> ' for i in range(40))
    paragraphs = "".join(f"<p>{paragraph}</p>" for _ in range(30))
    long_page = _HUGO_3PLAY.replace("\nuid:", "\n  " + paragraphs + "\nuid:")
    assert len(long_page) > 30_000
    annotated = run(long_page, source="lecture.md")
    assert annotated.ok and annotated.metadata.title == "Loops" and annotated.format == "labelled"
    assert [t.start_seconds for t in annotated.turns][:2] == [20.48, 50.1]


# a podcast's volunteers' Markdown transcript (whisper.cpp's output, turns attributed by hand): the feed's day at
# the end of a bullet after a dash, and an opening where one host names the show's hosts, two of whom speak
_HOSTS_IN_THE_OPENING = """# Harbour Cast Episode 9: Tides — Capt. Ada Marr

- **Feed title:** “Tides with Capt. Ada Marr” — published March 3, 2022
- **Source audio:** harbour_cast_009.mp3
- **Guest:** Captain Ada Marr, harbour pilot

---

### [00:00:00] Lena
Welcome to the Harbour Cast, a podcast about ships and the sea. We are your hosts, Lena, Sam, and Tom.

### [00:00:14] Tom
And what we say here is our own and not our employers'.

### [00:00:20] Lena
Today we have a very special guest, Captain Marr. Could you introduce yourself?

### [00:00:26] Capt. Marr
Thank you both. I have piloted ships into this harbour for twenty years.

### [00:01:05] Tom
What does a pilot do that the captain cannot?
"""


def test_a_day_after_a_dash_at_a_header_bullets_end_is_the_published_day():
    annotated = run(_HOSTS_IN_THE_OPENING, source="harbour_009.md")
    assert annotated.ok
    assert (annotated.metadata.published.isoformat(), annotated.metadata.published_precision) == ("2022-03-03", "day")


def test_the_labels_an_opening_names_as_the_shows_hosts_are_hosts():
    annotated = run(_HOSTS_IN_THE_OPENING, source="harbour_009.md")
    assert sorted((s.name, s.role) for s in annotated.speakers) == [
        ("Capt. Marr", "guest"), ("Lena", "host"), ("Tom", "host")]


# a radio archive's page of machine text: a note above it, then the words in long paragraphs with the recogniser's
# time marks left inline in brackets, wherever a caption chunk began (mid-sentence too)
_INLINE_MARKS = """Harbour Radio

This page features computer generated text of the source audio - it is not a transcript. The text has not been checked against the audio and will hold errors.

[00:00:00] This hour comes to you from the harbour library. [00:00:04] My name is Ada Marr, I'm the [00:00:06] co-host of the harbour hour, and we are sitting in the old ferry shed, where the tide is coming in under the floor. The idea for the hour came when I worked on a talk show in town, and I thought there should be one for the harbour. [00:00:31] So I wrote it up and took it to the station.

[00:00:40] And they said yes, on the third try.
"""


def test_a_time_mark_opening_a_plain_paragraph_is_its_start_and_inline_marks_are_no_words():
    annotated = run(_INLINE_MARKS, source="harbour_radio.txt")
    assert annotated.ok and annotated.format == "plain"
    text = annotated.source_text
    assert text == _INLINE_MARKS  # the source is stored as it is, marks and all
    first, last = annotated.turns[0], annotated.turns[-1]
    assert first.start_seconds == 0.0 and text[first.start_char:].startswith("This hour comes")
    assert last.start_seconds == 40.0 and text[last.start_char:last.end_char] == "And they said yes, on the third try."
    # the marks inside are read as blanks by the later stages (the sentences, the claims' words), as in labelled turns
    reading = reading_text(text, annotated.format)
    assert len(reading) == len(text) and "[00:" not in reading and "I'm the co-host" in " ".join(reading.split())


# a town's transcript archive page (an AI transcript per video, each paragraph a voice opening with its name in square
# brackets and a colon, the words linked to their times) where only one voice is heard: a single labelled paragraph
_ONE_BRACKETED_VOICE = """<!DOCTYPE html>
<html lang="en"><head><title>Harbour Regatta 2016 — Harbour meeting transcript</title></head>
<body>
  <h1>Harbour Regatta 2016</h1>
  <p class="mt-byline">AI-generated transcript — the recording is the record.</p>
  <a href="../index.html">Back to all transcripts</a><br><br>
  <p class="line" data-t="12.5" data-speaker="Commentator">[Commentator]:  <a href="https://youtu.be/abcdefghijk&t=12.5s">And</a>
  the red boat takes the lead. <a href="https://youtu.be/abcdefghijk&t=15.0s">Can</a>  she hold it to the buoy?</p>
  <br><br><a href="../index.html">Back to all transcripts</a><br><br>
</body></html>
"""


def test_a_single_bracketed_label_opening_a_pages_only_words_is_their_speaker_not_their_words():
    annotated = run(_ONE_BRACKETED_VOICE, source="regatta.html")
    assert annotated.ok and annotated.format == "labelled"
    text = annotated.source_text
    assert [s.name for s in annotated.speakers] == ["Commentator"]
    assert [" ".join(text[t.start_char:t.end_char].split()) for t in annotated.turns] == [
        "And the red boat takes the lead. Can she hold it to the buoy?"]


def test_a_markdown_link_definition_in_brackets_is_no_label():
    text = "Notes on the regatta.\n\n[Commentator]: https://example.org/commentary\n"
    annotated = run(text, source="notes.md")
    assert annotated.format != "labelled"


def test_a_bracketed_note_above_paragraphs_of_prose_labels_nobody():
    text = ("[Editors note]: this interview was shortened.\n\nWe met her at the quay in the morning. The boats were "
            "out already.\n\nShe said the tide had turned early that year, and nobody had been ready.\n")
    assert run(text, source="note.txt").format == "plain"


def test_my_name_is_then_im_the_co_host_names_the_host():
    annotated = run(_INLINE_MARKS, source="harbour_radio.txt")
    assert annotated.metadata.hosts == ("Ada Marr",)
    assert any((s.name, s.role) == ("Ada Marr", "host") for s in annotated.speakers)
