"""Texts from the field, fifth round (bench/field_set.py): shapes several producers write, each file in
tests/data written in the producer's shape, in words of our own."""
import datetime as dt

import pytest

from claims.ingest.errors import IngestError
from claims.ingest.formats._head import day_in_title
from claims.ingest.json_transcript import json_document
from claims.ingest.pipeline import run
from tests.field_texts import read


def test_an_untimed_json_transcript_of_speaker_parts_is_read_as_labelled_turns():
    # Orbit FM's JSON: {"podcast", "episode", "transcript": [{"speaker", "text"}]}, no times (the intro music a part
    # without a speaker)
    annotated = run(read("orbit_untimed_speaker_parts.json"), source="orbit_untimed_speaker_parts.json")
    assert annotated.ok and annotated.format == "labelled"
    names = {s.slug: s.name for s in annotated.speakers}
    turns = [(names[t.speaker_slug], t.start_seconds) for t in annotated.turns]
    assert turns == [("Priya Raman", None), ("Tomas Lindqvist", None), ("Priya Raman", None), ("Tomas Lindqvist", None)]
    assert "{" not in annotated.source_text


def test_a_json_part_without_a_start_time_among_timed_ones_is_refused_with_a_plain_reason():
    text = read("orbit_untimed_speaker_parts.json").replace('"speaker": "Priya Raman",', '"speaker": "Priya Raman", "start_time": 1.5, "words": [],', 1)
    with pytest.raises(IngestError) as caught:
        json_document(text, source="mixed.json")
    message = str(caught.value)
    assert "mixed.json" in message and "KeyError" not in message and "start time" in message


def test_zooms_saved_transcript_counts_from_its_first_time_of_day():
    # Zoom's saved transcript: "[Name] 11:02:09" above the words, the time of day the words were said; the
    # recording's seconds count from the first of them, not from midnight
    text = read("zoom_saved_transcript_time_of_day.txt")
    annotated = run(text, source="zoom_saved_transcript_time_of_day.txt")
    assert annotated.ok and annotated.format == "labelled"
    assert [t.start_seconds for t in annotated.turns] == [0.0, 4.0, 9.0, 21.0, 26.0]


def test_a_bracketed_name_over_an_elapsed_time_keeps_its_times():
    # the same shape written with the recording's own times from 0 (under an hour): read as they are
    text = read("zoom_saved_transcript_time_of_day.txt").replace("] 09:4", "] 00:0")
    assert [t.start_seconds for t in run(text, source="elapsed.txt").turns] == [63.0, 67.0, 72.0, 84.0, 89.0]


def _speakers_and_starts(annotated):
    names = {s.slug: s.name for s in annotated.speakers}
    return [(names[t.speaker_slug], t.start_seconds) for t in annotated.turns]


def test_chat_handles_in_lower_case_after_a_time_label_their_turns():
    # a community call's transcript (cannonQ/ergo-transcripts): "[00:00] handle: words", handles as people chat
    # under them, in lower case beside a capitalised one; the handles' lines were lost before the first capital
    annotated = run(read("chat_call_lowercase_handles.txt"), source="chat_call_lowercase_handles.txt")
    assert annotated.ok and annotated.format == "labelled"
    assert _speakers_and_starts(annotated) == [
        ("mossk", 0.0), ("mossk", 8.0), ("bramble", 21.0), ("mossk", 34.0), ("bramble", 41.0), ("Quill", 62.0),
        ("mossk", 70.0), ("bramble", 75.0)]
    assert all(":" not in annotated.source_text[t.start_char:t.end_char] for t in annotated.turns)


def test_a_handle_labelling_two_lines_beside_other_speakers_labels_them():
    # kushti answered twice in the call the test above is shaped on: a handle twice beside others' labels is a speaker
    text = read("chat_call_lowercase_handles.txt").replace("[01:15] bramble:", "[01:15] Quill:")
    annotated = run(text, source="chat_call_lowercase_handles.txt")
    assert [name for name, _ in _speakers_and_starts(annotated)] == [
        "mossk", "mossk", "bramble", "mossk", "bramble", "Quill", "mossk", "Quill"]


def test_a_bold_handle_opening_with_a_digit_labels_its_turns():
    # the same calls' single-speaker demos: "[00:11] **2ndHandle**: words"; the bold handle stayed in the words
    annotated = run(read("chat_call_digit_handle_bold.txt"), source="chat_call_digit_handle_bold.txt")
    assert annotated.ok and annotated.format == "labelled"
    assert [name for name, _ in _speakers_and_starts(annotated)] == ["7thHarbour"] * 5
    assert annotated.turns[0].start_seconds == 4.0
    text = annotated.source_text
    assert all("**" not in text[t.start_char:t.end_char] for t in annotated.turns)


@pytest.mark.parametrize("opening", ["note", "so", "update"])
def test_a_lower_case_word_and_a_colon_after_a_time_twice_is_no_handle(opening):
    # timed lines of prose where a word and a colon open two lines: words, not a speaker (a handle labels three or more)
    text = (f"[00:00] {opening}: the hall is booked for the spring.\n\n[00:05] We will meet there on Tuesdays.\n\n"
            f"[00:09] {opening}: bring your own chairs.\n\n[00:14] And your own tea.\n")
    annotated = run(text, source="timed_prose.txt")
    assert annotated.ok and annotated.format == "timed_lines"
    assert f"{opening}: the hall" in annotated.source_text[annotated.turns[0].start_char:annotated.turns[0].end_char]


def test_a_council_pages_title_opening_with_its_day_gives_the_published_day():
    # medford-transcripts' pages: "<title>Transcript for May 28, 2013 City Council of ...</title>"
    annotated = run(read("council_page_title_day.html"), source="council_page_title_day.html")
    assert annotated.ok
    assert (annotated.metadata.published, annotated.metadata.published_precision) == (dt.date(2019, 3, 4), "day")


@pytest.mark.parametrize("title, day", [
    ("Transcript of 12 March 2024 Parish meeting", dt.date(2024, 3, 12)),
    ("2023-05-04 Board meeting", dt.date(2023, 5, 4)),
    ("March 4, 2019: Budget hearing", dt.date(2019, 3, 4)),
    ("May the Fourth 2019 party", None),
    ("03/04/2019 Board meeting", None),  # day or month first: no reader could be sure
    ("Transcripts for beginners", None),
])
def test_a_day_opening_a_title(title, day):
    assert day_in_title(title) == day


def test_q_dash_and_a_dash_label_a_talks_questions_and_answers():
    # bitcointranscripts' conference talks: "Q - question" and "A - answer" under "# Q&A"; the labels stayed in the
    # words of an invented Host and Guest
    annotated = run(read("talk_then_q_dash_a.md"), source="talk_then_q_dash_a.md")
    assert annotated.ok and annotated.format == "labelled"
    text = annotated.source_text
    spoken = [text[t.start_char:t.end_char] for t in annotated.turns]
    assert not any(words.startswith(("Q - ", "A - ")) for words in spoken)
    assert "Only at a cost, and the weighting makes it a poor trade." in spoken
    assert len({t.speaker_slug for t in annotated.turns}) == 2
    assert "Rena Ostrowski" in {s.name for s in annotated.speakers}  # the "Name:" field's, answering


def test_a_dash_after_a_capital_letter_once_is_no_label():
    text = ("We rate the sites from A to E.\n\nA - the best soil, dark and crumbly.\n\n"
            "B - good soil with some clay.\n\nQ - we never used this grade.\n")
    assert run(text, source="grades.txt").format != "labelled"


def test_the_one_saying_we_have_a_special_guest_is_the_host():
    # a community call's AMA: the host opens, then "With us today, we have a special guest"; a late guest asking the
    # host questions was taken for the host
    annotated = run(read("chat_call_special_guest.txt"), source="chat_call_special_guest.txt")
    assert annotated.ok and annotated.format == "labelled"
    assert {s.name: s.role for s in annotated.speakers} == {
        "Corvina": "host", "Tomas Lindqvist": "guest", "Priya Raman": "guest"}


def test_a_host_saying_im_name_a_sentence_after_the_shows_name_is_the_host():
    # Relay FM's Conduit transcripts: "From Relay FM, you're listening to Conduit, ... I'm Jay Miller and ..."
    # (a sentence about the show between them); the unlabelled transcript's host was left "Host"
    annotated = run(read("show_then_host_later.txt"), source="show_then_host_later.txt")
    assert annotated.ok
    assert annotated.metadata.hosts == ("Priya Raman",)
    assert [s.name for s in annotated.speakers if s.role == "host"] == ["Priya Raman"]


def test_a_guest_saying_im_name_after_a_question_is_not_the_host():
    text = ("Welcome to Shed Talk, the show about small rooms. Who is with me today? "
            "Hello, I'm Tomas Lindqvist and I keep a boat shed. Lovely. So where do we start? With the floor, always.\n")
    assert run(text, source="shed.txt").metadata.hosts == ()


def test_the_one_welcoming_everybody_is_the_host():
    # a council's press event (medford-transcripts): the mayor welcomes everybody and hands over to the speakers; the
    # diarised speaker thanking the mayor was taken for the host
    annotated = run(read("press_event_welcome_everybody.txt"), source="press_event_welcome_everybody.txt")
    assert annotated.ok and annotated.format == "labelled"
    assert {s.name: s.role for s in annotated.speakers} == {"Mayor Ines Varga": "host", "Speaker 01": "guest"}


def test_a_markdown_talks_name_links_and_see_also_list_above_its_first_heading_are_no_turns():
    # bitcointranscripts' talks: the day, the speaker's name, "livestream: <...>", a bare link and a "see also:" list
    # above the first "# Section"; each had been a turn of its own
    annotated = run(read("talk_markdown_header_links.md"), source="talk_markdown_header_links.md")
    assert annotated.ok and annotated.format == "plain"
    spoken = [annotated.source_text[t.start_char:t.end_char] for t in annotated.turns]
    assert len(spoken) == 3 and spoken[0].startswith("Two years ago")
    assert not any("<https://" in words or "see also" in words for words in spoken)


def test_a_markdown_talks_speaker_in_a_name_field_above_its_first_heading_speaks_every_turn():
    # bitcointranscripts' older talks name the speaker in a "Name:" field of the header (then "Topic:", "Location:"),
    # no front matter "speakers:"; the talk had been split between an invented Host and Guest
    text = read("talk_markdown_header_links.md").replace(
        "Rena Ostrowski\n", "Name: Rena Ostrowski\n\nTopic: Where do seeds live?\n\nLocation: Harbour Dev Day\n")
    annotated = run(text, source="talk_markdown_header_links.md")
    assert annotated.ok and [(s.name, s.role) for s in annotated.speakers] == [("Rena Ostrowski", "guest")]
    assert {t.speaker_slug for t in annotated.turns} == {annotated.speakers[0].slug}


def test_a_markdown_talks_speaker_named_alone_on_a_line_above_its_first_heading_speaks_every_turn():
    # the same talks written without the field: the day, then the speaker's name alone (or with an affiliation in
    # brackets, "Rena Ostrowski (Harbour Labs)"); the talk had been split between an invented Host and Guest
    for name_line in ("Rena Ostrowski\n", "Rena Ostrowski (Harbour Labs)\n"):
        text = read("talk_markdown_header_links.md").replace("Rena Ostrowski\n", name_line)
        annotated = run(text, source="talk_markdown_header_links.md")
        assert annotated.ok and [(s.name, s.role) for s in annotated.speakers] == [("Rena Ostrowski", "guest")]


def test_two_lines_of_names_above_a_markdown_talk_name_no_speaker():
    text = read("talk_markdown_header_links.md").replace("Rena Ostrowski\n", "Rena Ostrowski\n\nTomas Lindqvist\n")
    annotated = run(text, source="talk_markdown_header_links.md")
    assert "Rena Ostrowski" not in {s.name for s in annotated.speakers}


def test_the_answers_of_a_talks_q_and_a_are_the_speaker_named_alone_in_its_header():
    # bitcointranscripts' older talks: the day, the speaker's name alone on a line, a section of the talk, then the
    # audience's "Q:" and the speaker's "A:"; the answers had been a speaker called "A"
    text = ("---\ntitle: Seed Vaults (2022-04-02)\nTranscriptBy: Lars Pemberton\n---\n\n2022-04-02\n\n"
            "Rena Ostrowski (Harbour Labs)\n\n# Background\n\nI will be quick. A vault keeps the seed away from the signer.\n\n"
            "Q: What does the vault answer with?\n\nA: A signature, never the seed.\n\n"
            "Q: And when the vault breaks?\n\nA: Then the paper backup in the drawer matters.\n")
    annotated = run(text, source="seed-vaults.md")
    assert annotated.ok
    roles = {s.name: s.role for s in annotated.speakers}
    assert roles.get("Rena Ostrowski") == "guest" and "A" not in roles


def test_a_name_field_above_an_interviews_labels_makes_no_talk():
    text = ("Name: Rena Ostrowski\n\n# Part one\n\nPriya Raman: Where did it start?\n\n"
            "Rena Ostrowski: With a lost phone, two years ago.\n\nPriya Raman: And then?\n\nRena Ostrowski: Then the vault.\n")
    annotated = run(text, source="interview.md")
    assert annotated.format == "labelled" and len(annotated.speakers) == 2


def test_a_pages_back_link_above_timed_lines_is_no_title():
    # a Whisper transcript page's text (lawwu.github.io/transcripts): "back to index", then the video's title
    text = ("back to index\n\nBuilding the Shed: We found our first helper!\n\n"
            "[0:00] Welcome back. Today is a good day for the shed.\n[0:06] We found someone to help us lift the roof.\n"
            "[0:12] His name is Tomas and he has done this before.\n[0:19] So let's get into it.\n")
    annotated = run(text, source="page.txt")
    assert annotated.ok and annotated.format == "timed_lines"
    assert annotated.metadata.title == "Building the Shed: We found our first helper!"


def test_a_note_that_the_text_is_machine_generated_above_the_words_is_no_turn():
    # a radio archive's page ("This page features computer generated text of the source audio ..."), a council
    # archive's byline ("AI-generated transcript — the recording is the record."): nobody says them
    for note in ("This page shows computer generated text of the broadcast - it is not a transcript. It has not been "
                 "checked against the audio and will hold errors.",
                 "AI-generated transcript — the recording is the record."):
        text = (f"Harbour Radio Hour\n\n{note}\n\nWelcome to the hour. Today we talk about the tides.\n\n"
                "The tides are high this week, higher than last spring.\n\nAnd the boats are in early.\n")
        annotated = run(text, source="radio.txt")
        spoken = [annotated.source_text[t.start_char:t.end_char] for t in annotated.turns]
        assert annotated.ok and spoken[0].startswith("Welcome to the hour"), note


def test_a_speaker_saying_the_captions_are_machine_generated_keeps_the_words():
    text = ("Welcome to the hour. The captions you see are AI-generated text, so forgive them.\n\n"
            "The tides are high this week.\n\nAnd the boats are in early.\n")
    spoken = [text[t.start_char:t.end_char] for t in run(text, source="radio.txt").turns]
    assert spoken[0].startswith("Welcome to the hour")


def test_a_converters_fields_and_divider_above_a_documents_title_are_no_title():
    # a Drive export of a meeting's notes: the converter's fields ("Document: Word Document", "Source:", "Type:"),
    # "=== CONTENT ===", then the document's own title
    text = ("Document: Word Document\nSource: Harbour call notes.docx\nType: DOCX\nAuthor: Unknown\n\n=== CONTENT ===\n\n"
            "Harbour call notes - 4 May 2025\n\nA short summary of the call. It is for the crew only.\n\n"
            "The crew agreed to paint the hull in June.\n\nThe next call is on 1 June.\n")
    assert run(text, source="notes.txt").metadata.title == "Harbour call notes - 4 May 2025"
