"""Texts from the field, seventh round (bench/field_set.py on the shapes a field test read wrong): shapes real
producers write, each test text in the producer's shape, in words of our own."""
from claims.ingest.pipeline import run


def _said(annotated):
    names = {s.slug: s.name for s in annotated.speakers}
    return [(names.get(t.speaker_slug), annotated.source_text[t.start_char:t.end_char]) for t in annotated.turns]


# yt-dlp's captions turned to text, the WebVTT header's fields left on top (the "WEBVTT" line and the cue times
# stripped, one caption line a line): "Kind: captions" / "Language: en", then the words
_CAPTION_TEXT_WITH_HEADER = """Kind: captions
Language: en
[Music]
good morning and welcome back to the
workshop today we are going to look at
how the kiln gets loaded and why the
shelves go in the order they do
"""


def test_a_caption_texts_kind_and_language_lines_are_no_ones_words():
    annotated = run(_CAPTION_TEXT_WITH_HEADER, source="kiln.en.txt")
    assert annotated.ok
    assert [name for name, _ in _said(annotated)] and all(
        "Kind" not in words and "Language" not in words for _, words in _said(annotated))
    assert {s.name for s in annotated.speakers}.isdisjoint({"Kind", "Language"})
    assert annotated.source_text[annotated.content_start:].startswith("[Music]\ngood morning")


_PUNCTUATED_CAPTION_TEXT_WITH_HEADER = """Kind: captions
Language: en-GB
We started the repair in March. The roof
had let water in for two winters, and the
beams under it were soft. So we took the
slates off first. Then we could see how far
the rot went. It went further than we hoped.
"""


def test_a_punctuated_caption_text_with_its_header_keeps_the_header_out_of_its_first_turn():
    annotated = run(_PUNCTUATED_CAPTION_TEXT_WITH_HEADER, source="roof.txt")
    assert annotated.ok
    first = _said(annotated)[0][1]
    assert first.startswith("We started the repair in March.")


def test_kind_and_language_as_a_conversations_labels_below_its_opening_stay_labels():
    # the header is only the file's first lines, "Kind: captions" first: elsewhere such lines are someone's words
    text = "Ann: Which kind do you want?\nBob: Kind: the blue one.\nAnn: Language: English, I hope.\nBob: Yes.\n"
    annotated = run(text, source="talk.txt")
    assert [name for name, _ in _said(annotated)] == ["Ann", "Bob", "Ann", "Bob"]


# MIT OpenCourseWare's lecture transcript as its PDF's text gives it: the "MITOCW | <lecture>" line, the licence
# notice, then the lecturer's label alone on its line (the PDF's left column) and the lecture below; the students'
# answers carry no label
_LECTURE_PDF_TEXT = """MITOCW | 4. Rivers Carry More Than Water

The following content is provided under a Creative Commons license. Your support will help a college keep
offering its lectures for free. To see more of them, visit the college's site.

MARGARET OKAFOR:

Good afternoon. Today we follow a river from its spring to the sea, and we keep asking one question: what
does it carry besides water? Sand, for one. Salt, for another.

So think of a single grain of sand. Where does it start? On a hillside, loosened by frost. Then what?

It rolls into the stream.

It rolls into the stream, yes. And the stream is in no hurry to put it down again.
"""


def test_a_lecturers_label_alone_on_its_line_above_the_lecture_starts_the_lecturers_turn():
    annotated = run(_LECTURE_PDF_TEXT, source="rivers.txt")
    assert annotated.ok and annotated.format == "labelled"
    said = _said(annotated)
    assert said[0] == ("Margaret Okafor", said[0][1]) and said[0][1].startswith("Good afternoon.")
    assert all("MARGARET OKAFOR" not in words for _, words in said)
    assert annotated.metadata.title == "4. Rivers Carry More Than Water"


def test_a_heading_in_capitals_alone_on_its_line_above_an_essay_is_no_speaker():
    text = ("KEY FINDINGS:\n\nThe survey reached four hundred households. Most of them had a well, and most wells were "
            "dry by August.\n\nThe second year was wetter. Fewer wells ran dry, and the ones that did were the shallow "
            "ones.\n")
    assert run(text, source="report.txt").format == "plain"


# a lecture transcript converted from PDF to Markdown (MIT OpenCourseWare's, by a converter that sets the PDF's
# bold text in bold): a label alone in bold, the paragraphs below each in bold; a label opening a bold paragraph
# ("**AUDIENCE: ...?**"); a page's two columns, the labels' and the words', as a table's rows; page numbers
_PDF_TO_MARKDOWN_LECTURE = """**MARTA REYES:**

**Good morning. Today we look at how a cell decides to divide, and what happens when it decides wrong.**

**So keep one question in mind: who gives the signal? Yes?**

**AUDIENCE: Does it ever decide twice?**

4

|**MARTA REYES:**|**It can, and that is the trouble. A cell that copies its DNA twice**<br>**carries too much of it.**|
|---|---|
|**AUDIENCE:**|**Then what stops it?**|
|**MARTA REYES:**|**A licence, of sorts, that is used up once it is spent.**|


5

**And the licence is handed out only once per cycle.**

**AUDIENCE: Only once per origin?**

**MARTA REYES: One per origin, yes.**
"""


def test_a_pdf_lectures_bold_labels_and_table_rows_leave_no_bold_marks_at_the_turns_ends():
    annotated = run(_PDF_TO_MARKDOWN_LECTURE, source="cells.md")
    assert annotated.ok and annotated.format == "labelled"
    said = _said(annotated)
    assert [name for name, _ in said] == ["Marta Reyes", "Audience", "Marta Reyes", "Audience", "Marta Reyes",
                                          "Marta Reyes", "Audience", "Marta Reyes"]
    assert said[0][1].startswith("Good morning.") and said[0][1].endswith("Yes?")
    assert said[1][1] == "Does it ever decide twice?"
    assert said[2][1].startswith("It can, and that is the trouble.") and said[2][1].endswith("carries too much of it.")
    assert said[3][1] == "Then what stops it?"
    assert said[4][1] == "A licence, of sorts, that is used up once it is spent."
    assert said[5][1] == "And the licence is handed out only once per cycle."
    assert said[6:] == [("Audience", "Only once per origin?"), ("Marta Reyes", "One per origin, yes.")]


# a YouTube transcript saved as Markdown by a notes tool: front matter, a title, a list of the video's facts, then
# each segment's "mm:ss" and its words wrapped over two or three lines, a label in capitals where a voice starts
_YOUTUBE_MARKDOWN = """---
source_url: https://www.youtube.com/watch?v=abcdefghijk
source_type: video
published: 2026-10-02
language: en
---

# YouTube Transcript: 1. Tides and the Moon

## Video Information
- **Title**: 1. Tides and the Moon
- **Video ID**: abcdefghijk
- **Published**: Unknown
- **Views**: Unknown
- **Language**: en

## Transcript
00:00 The following lecture is
offered free under an open licence. Thank you
for watching.

00:07 RUTH OSEI: Good afternoon. This is
the third year we teach this course, and we
keep changing it.

00:15 Last year it met once
a week. This year it meets twice,
on Mondays and Wednesdays.

00:24 So let us begin with
the oldest question: why two tides a day
and not one? RECORDED VOICE: Your call
is being recorded.

00:31 RUTH OSEI: Well, you heard that. So,
why two tides?
"""


def test_a_youtube_transcript_saved_as_markdown_reads_its_times_and_labels():
    annotated = run(_YOUTUBE_MARKDOWN, source="tides.md")
    assert annotated.ok and annotated.format == "timed_lines"
    assert [t.start_seconds for t in annotated.turns if t.start_seconds is not None] == [0, 7, 15, 24, 31]
    said = _said(annotated)
    assert said[1][0] == "Ruth Osei" and said[1][1].startswith("Good afternoon.")
    assert all("00:" not in words and "RUTH OSEI:" not in words for _, words in said)
    assert annotated.metadata.title == "YouTube Transcript: 1. Tides and the Moon"


def test_a_few_times_of_day_in_a_long_text_make_no_timed_lines():
    text = ("# Minutes\n\n" + "The committee met in the hall and heard the treasurer at length on the roof.\n" * 12
            + "10:30 The chair opened the floor.\nMany spoke.\nSome spoke twice.\n"
            + "11:15 A vote was taken.\nIt passed.\nThe hall emptied.\n"
            + "12:00 The meeting closed.\nAll went home.\nThe lights went out.\n")
    assert run(text, source="minutes.txt").format == "plain"


# a transcription service's blog page as its text reads: the page's chrome, then every turn run together on one
# line, each opening with the speaker's name, a colon and the time in brackets (Rev's "Speaker 1: (00:00) ...")
_FLATTENED_TIMED_LABELS = """Transcripts
City Council Hearing on Bridges Transcript March 3

On March 3 the council heard the bridge engineers. Read the transcript here.

Subscribe to our blog today.

Share this post
Speaker 1: (00:00) Let us start with the east bridge. How old is it? Ms. Adeyemi: (00:09) It opened in 1931, and the deck was \
replaced in 1978. Speaker 1: (00:21) And the piers? Ms. Adeyemi: (00:25) The piers are the original ones, and two of \
them need work this year. Chief Engineer Walsh: (01:02) If I may add, the work can be done without closing the bridge.
"""


def test_flattened_turns_each_opening_with_a_name_and_a_time_in_brackets_are_cut_at_each():
    annotated = run(_FLATTENED_TIMED_LABELS, source="bridges.txt")
    assert annotated.ok
    said = _said(annotated)
    assert [name for name, _ in said] == ["Speaker 1", "Ms. Adeyemi", "Speaker 1", "Ms. Adeyemi", "Chief Engineer Walsh"]
    assert said[0][1] == "Let us start with the east bridge. How old is it?"
    assert said[1][1] == "It opened in 1931, and the deck was replaced in 1978."
    assert [t.start_seconds for t in annotated.turns] == [0, 9, 21, 25, 62]
    assert all("Subscribe" not in words for _, words in said)


def test_one_name_and_time_in_brackets_in_prose_cuts_nothing():
    text = ("We met at noon. The mayor said one thing. Note: (00:30) was when the tape began, and it ran on.\n\n"
            "After that we went home. Nobody asked anything more.\n")
    annotated = run(text, source="notes.txt")
    assert annotated.format == "plain" and {name for name, _ in _said(annotated)} <= {"Host", "Guest"}


# YouTube's rolling auto-captions of one voice (yt-dlp --write-auto-subs): a tutorial's narrator opens with what
# the tool is, says who she is ("I'm ... a ... teacher") and goes on to the steps; no question, no ">>" anywhere
_ONE_VOICE_WORDS = (
    "blender is the most loved free 3D tool in the world I'm Mara Voss a full-time "
    "modelling teacher and a three-time community award winner let's learn some blender "
    "to install blender you go to blender.org then click download in the upper right corner"
).split()


def test_rolling_auto_captions_of_one_voice_stay_one_voice_through_their_repeats():
    from tests.factories import youtube_auto_captions

    annotated = run(youtube_auto_captions(_ONE_VOICE_WORDS), source="blender.en.vtt")
    assert annotated.ok and annotated.format == "webvtt"
    assert len({t.speaker_slug for t in annotated.turns}) == 1
    assert [t.start_seconds for t in annotated.turns][:2] == [0.0, 3.2]  # each cue still its own turn and time


def test_rolling_auto_captions_that_ask_and_answer_still_change_voice():
    from tests.factories import youtube_auto_captions

    words = ("so what made you start building furniture in the first place "
             "my grandfather had a workshop behind the house and I spent every summer there "
             "and when did you sell your first chair "
             "that was in college a neighbour saw it on the porch and asked for two more").split()
    annotated = run(youtube_auto_captions(words), source="chairs.en.vtt")
    assert annotated.ok and len({t.speaker_slug for t in annotated.turns}) == 2
