"""Transcript services' and podcast platforms' exports, one file each as the service writes it:
who speaks, when, with what role, and what is left out of the interview's text."""
from pathlib import Path

import pytest

from claims.ingest.pipeline import run

DATA = Path(__file__).resolve().parents[1] / "data"


def _run(name):
    return run((DATA / name).read_text(encoding="utf-8"), source=name)


def _turns(annotated):
    text = annotated.source_text
    return [(t.speaker_slug, t.start_seconds, text[t.start_char:t.end_char]) for t in annotated.turns]


def _roles(annotated):
    return {s.slug: s.role for s in annotated.speakers}


def test_sonix_text_export_leaves_its_credit_line_out_of_the_last_turn():
    # Sonix's .txt: "Name: [hh:mm:ss] text" a paragraph, and on a free account a closing credit in brackets
    annotated = _run("sonix.txt")
    assert annotated.ok and annotated.format == "labelled"
    turns = _turns(annotated)
    assert [(who, at) for who, at, _ in turns] == [
        ("hannah-birch", 3.0), ("oren-falk", 12.0), ("hannah-birch", 15.0), ("oren-falk", 18.0),
        ("hannah-birch", 62.0), ("oren-falk", 65.0)]
    assert turns[-1][2] == "The forests have moved north. Some beds we charted in the nineties are gone."
    assert "Sonix" not in annotated.source_text[annotated.content_start:annotated.content_end]
    assert _roles(annotated) == {"hannah-birch": "host", "oren-falk": "guest"}


def test_sonix_json_export_reads_each_speakers_part_with_its_words():
    # Sonix's JSON: {"name", "transcript": [{"speaker", "start_time", "end_time", "words": [{"text", ...}]}]}
    annotated = _run("sonix.json")
    assert annotated.ok and (annotated.format, annotated.container) == ("labelled", "json")
    assert _turns(annotated) == [
        ("hannah-birch", 3.12, "Welcome to Tide Tables. Who are you?"), ("oren-falk", 10.2, "I map kelp.")]


def test_sonix_word_csv_export_joins_words_into_each_speakers_turn():
    # Sonix's CSV: a word a row, "Word,Start Timecode,End Timecode,Speaker", times hh:mm:ss:ff
    annotated = _run("tables/sonix_words.csv")
    assert annotated.ok and (annotated.format, annotated.container) == ("labelled", "csv")
    assert [(who, text) for who, _, text in _turns(annotated)] == [
        ("hannah-birch", "Welcome to Tide Tables. Who are you?"), ("oren-falk", "I map, mostly kelp.")]
    assert [round(at, 2) for _, at, _ in _turns(annotated)] == [3.1, 10.17]


def test_fireflies_graphql_transcript_reads_its_sentences_by_speaker_name():
    # Fireflies.ai's API answer: {"data": {"transcript": {"title", "sentences": [{"speaker_name",
    # "start_time", "text", "raw_text", ...}]}}}; one speaker's sentences in a row are one turn
    annotated = _run("fireflies.json")
    assert annotated.ok and (annotated.format, annotated.container) == ("labelled", "json")
    assert _turns(annotated) == [
        ("lena-ortiz", 1.2, "Morning, Tomas. Shall we start with the dredging schedule?"),
        ("tomas-reid", 5.3, "Sure. The contractor can begin on the ninth if the permit arrives this week."),
        ("lena-ortiz", 11.02, "And if it does not?"),
        ("tomas-reid", 12.6, "Then we lose the spring window and wait until September.")]
    # its title and its day (ms since the epoch) are the interview's
    metadata = annotated.metadata
    assert (metadata.title, str(metadata.published), metadata.published_precision) == (
        "Harbour Board Weekly Sync", "2024-05-14", "day")


def test_riverside_text_export_reads_the_name_and_time_line_over_each_turn():
    # Riverside.fm's .txt: "Name (mm:ss.mmm)" alone on a line, hours only past the first hour, the words below
    annotated = _run("riverside.txt")
    assert annotated.ok and annotated.format == "labelled"
    turns = _turns(annotated)
    assert [(who, at) for who, at, _ in turns] == [
        ("nadia-serrano", 0.512), ("ravi-menon", 9.94), ("nadia-serrano", 12.301), ("ravi-menon", 15.877),
        ("nadia-serrano", 3731.208)]
    assert turns[3][2] == ("Maybe two hundred. Most of them just need the carburettor cleaned.\n"
                           "People leave fuel in them all winter and it turns to varnish.")
    assert _roles(annotated) == {"nadia-serrano": "host", "ravi-menon": "guest"}


def test_descript_text_export_with_timecodes_and_speaker_names():
    # Descript's transcript export, speaker names and timecodes on: "[hh:mm:ss] Name: text" a paragraph
    annotated = _run("descript.txt")
    assert annotated.ok and annotated.format == "labelled"
    assert [(who, at) for who, at, _ in _turns(annotated)] == [
        ("nadia-serrano", 0.0), ("ravi-menon", 9.0), ("nadia-serrano", 12.0), ("ravi-menon", 15.0),
        ("nadia-serrano", 64.0)]
    assert _turns(annotated)[1][2] == "Thanks for having me, Nadia."


def _teams_docx(turns, *, paused_after=None):
    """A Teams meeting transcript as Word writes it: the recording's name, its day, its length and who started the
    transcript, then a paragraph a turn ("Name   m:ss", a line break, the words), and who stopped it."""
    from tests.factories import word_document

    paragraphs = [["Harbour Board weekly sync-20240514_100212-Meeting Transcript"], ["14 May 2024, 08:02am"],
                  ["1h 2m 20s"], ["Lena Ortiz started transcription"]]
    for i, (name, at, words) in enumerate(turns):
        paragraphs.append([f"{name}   {at}", ("br",), words])
        if i == paused_after:
            paragraphs += [["Lena Ortiz stopped transcription"], ["Lena Ortiz started transcription"]]
    paragraphs.append(["Lena Ortiz stopped transcription"])
    return word_document(paragraphs, core_title="")


TEAMS_TURNS = [
    ("Lena Ortiz", "0:03", "Morning, Tomas. Shall we start with the dredging schedule?"),
    ("Tomas Reid", "0:09", "Sure. The contractor can begin on the ninth if the permit arrives this week."),
    ("Lena Ortiz", "0:17", "And if it does not?"),
    ("Tomas Reid", "1:02:05", "Then we lose the spring window and wait until September."),
]


def test_teams_word_transcript_leaves_out_who_stopped_the_transcription():
    from claims.services import interview_prepare

    annotated = interview_prepare(_teams_docx(TEAMS_TURNS, paused_after=1), source="Harbour Board weekly sync.docx")
    assert (annotated.format, annotated.container) == ("labelled", "docx")
    assert _turns(annotated) == [
        ("lena-ortiz", 3.0, TEAMS_TURNS[0][2]), ("tomas-reid", 9.0, TEAMS_TURNS[1][2]),
        ("lena-ortiz", 17.0, TEAMS_TURNS[2][2]), ("tomas-reid", 3725.0, TEAMS_TURNS[3][2])]
    metadata = annotated.metadata
    assert (metadata.title, str(metadata.published), metadata.duration_seconds) == (
        "Harbour Board weekly sync", "2024-05-14", 3740)


def test_a_line_ending_stopped_transcription_in_other_text_stays_spoken():
    # only Teams' note, in a transcript whose head says who started it, is left out
    text = "Ann: The clerk said the machine broke and she stopped transcription\nfor an hour.\n\nBob: Really?\n"
    annotated = run(text, source="court.txt")
    assert _turns(annotated)[0][2] == "The clerk said the machine broke and she stopped transcription\nfor an hour."


def test_tldv_api_transcript_reads_each_speakers_lines():
    # tl;dv's GET /meetings/{id}/transcript: {"id", "meetingId", "data": [{"speaker", "text", "startTime", "endTime"}]}
    annotated = _run("tldv.json")
    assert annotated.ok and (annotated.format, annotated.container) == ("labelled", "json")
    assert _turns(annotated) == [
        ("ines-carvalho", 2.4, "Okay, I think everyone is here. Let's look at the tram timetable first."),
        ("marek-novak", 8.3, "The night service drops to every forty minutes after midnight. Riders have complained since March."),
        ("ines-carvalho", 15.9, "Can we fund a second vehicle?"),
        ("marek-novak", 18.2, "Only if the depot stays open later.")]


PODLOVE_TURNS = [
    ("greta-lindqvist", 0.0, "Hello and welcome to Kettle and Steam, episode forty. With me is the man who restores locomotive boilers."),
    ("jonas-albrecht", 7.35, "Hello Greta."),
    ("greta-lindqvist", 9.4, "Jonas, what does a boiler inspector look for first?"),
    ("jonas-albrecht", 14.8, "Cracks around the firebox. Everything else can wait a week."),
]


def test_podlove_publisher_json_flat_and_grouped_read_the_voices_by_name():
    # Podlove Publisher's transcript JSON: flat, a line each ({"start": "00:00:03.120", "start_ms", "end", "end_ms",
    # "speaker": the contributor's id, "voice": the name, "text"}), or grouped, a voice's lines under it ("items")
    for name in ("podlove_flat.json", "podlove_grouped.json"):
        annotated = _run(name)
        assert annotated.ok and (annotated.format, annotated.container) == ("labelled", "json"), name
        assert _turns(annotated) == PODLOVE_TURNS, name


def test_podlove_simple_transcripts_xml_reads_each_speech_under_its_speaker():
    # Podlove Publisher's XML: <pst:transcripts><pst:speech><pst:speaker>Name</pst:speaker><pst:item start="00:00:03.120"
    # end="...">words</pst:item>...</pst:speech>
    annotated = _run("podlove.xml")
    assert annotated.ok and (annotated.format, annotated.container) == ("labelled", "xml")
    expected = PODLOVE_TURNS[:3] + [
        ("jonas-albrecht", 14.8, "Cracks around the firebox & the stays. Everything else can wait a week.")]
    assert _turns(annotated) == expected


def test_a_podlove_item_without_its_start_is_refused_in_one_line():
    from claims.ingest.errors import IngestError
    from claims.ingest.xml_transcript import xml_document

    text = ('<pst:transcripts xmlns:pst="http://podlove.org/simple-transcripts"><pst:speech><pst:speaker>Ann'
            '</pst:speaker><pst:item>hi</pst:item></pst:speech></pst:transcripts>')
    with pytest.raises(IngestError, match=r"^p\.xml: XML caption without a usable start time \(time '' is neither"):
        xml_document(text, source="p.xml")


def test_podcasting20_html_transcript_reads_each_cite_time_and_paragraph():
    # the podcast namespace's HTML transcript, as Transistor and Buzzsprout publish it: "<cite>Name:</cite>",
    # "<time>0:00</time>", "<p>words</p>" (a space before the colon where the host typed one); the time mark is the
    # turn's time, not its words, as Rev's "Name: (00:48)" is
    annotated = _run("podcasting20_transcript.html")
    assert annotated.ok and (annotated.format, annotated.container) == ("labelled", "html")
    assert _turns(annotated) == [
        ("priya-nandakumar", 0.0,
         "Welcome back to Field Notes. This week I am talking with the people who count birds for a living."),
        ("owen-tallis", 7.0, "Glad to be here. Though we count a lot more than birds."),
        ("priya-nandakumar", 12.0, "What else goes in the notebook?"),
        ("owen-tallis", 3735.0, "Weather, mostly. And the odd fox.")]
    assert _roles(annotated) == {"priya-nandakumar": "host", "owen-tallis": "guest"}


def test_happy_scribe_text_export_reads_the_time_and_speaker_line_over_each_turn():
    # the "[hh:mm:ss.ff] - Name" line over the words, as Happy Scribe's .txt export writes it
    annotated = _run("happyscribe.txt")
    assert annotated.ok and annotated.format == "labelled"
    turns = _turns(annotated)
    assert [(who, at) for who, at, _ in turns] == [
        ("ilse-marchetti", 0.0), ("tomasz-wren", 9.12), ("ilse-marchetti", 15.04), ("tomasz-wren", 17.2),
        ("ilse-marchetti", 3760.08)]
    assert turns[3][2] == ("Half past three, every day except Sunday. The ovens took an hour to heat,\n"
                           "and the first loaves had to be out by six.")


def test_teams_older_word_transcript_of_cues_reads_each_cue_under_its_speaker():
    # Teams' Word transcript before 2023: a paragraph for the cue's times ("0:0:5.100 --> 0:0:9.870", hours and
    # minutes unpadded), one for the speaker's name, one for the words
    from claims.services import interview_prepare
    from tests.factories import word_document

    paragraphs = []
    for times, (name, _, words) in zip(
            ["0:0:0.0 --> 0:0:4.520", "0:0:5.100 --> 0:0:9.870", "0:0:10.200 --> 0:0:12.10", "1:2:5.500 --> 1:2:9.0"],
            TEAMS_TURNS):
        paragraphs += [[times], [name], [words]]
    annotated = interview_prepare(word_document(paragraphs, core_title=""), source="sync.docx")
    assert annotated.container == "docx"
    assert _turns(annotated) == [
        ("lena-ortiz", 0.0, TEAMS_TURNS[0][2]), ("tomas-reid", 5.1, TEAMS_TURNS[1][2]),
        ("lena-ortiz", 10.2, TEAMS_TURNS[2][2]), ("tomas-reid", 3725.5, TEAMS_TURNS[3][2])]


def test_speaker_blocks_with_a_time_range_read_each_name_and_start():
    # "[Speaker 1] (0:00 - 0:09)" over the words, as TurboScribe's export with speakers writes them (its free
    # plan's note above, "(Transcribed by TurboScribe.ai. Go Unlimited to remove this message.)", is no one's words)
    annotated = _run("turboscribe_speakers.txt")
    assert annotated.ok and annotated.format == "labelled"
    turns = _turns(annotated)
    assert [(text, at) for _, at, text in turns] == [
        ("Welcome to Harbour Lights. Today we are out on the breakwater with the lighthouse keeper.", 0.0),
        ("Morning. Mind the wet steps.", 9.0), ("How long have you kept this light?", 14.0),
        ("Nineteen years this winter. My mother kept it before me.", 20.0)]
    assert [who for who, _, _ in turns] == [turns[0][0], turns[1][0]] * 2 and turns[0][0] != turns[1][0]
    assert "TurboScribe" not in annotated.source_text[annotated.content_start:annotated.content_end]


def test_a_free_plans_note_above_plain_paragraphs_is_no_ones_words():
    # TurboScribe's text export without speakers: its free plan's note a paragraph of its own, then the words
    annotated = _run("turboscribe_plain.txt")
    assert annotated.ok and annotated.format == "plain"
    texts = [text for _, _, text in _turns(annotated)]
    assert texts[0].startswith("Welcome to Harbour Lights.") and not any("TurboScribe" in t for t in texts)
    assert "TurboScribe" not in annotated.source_text[annotated.content_start:annotated.content_end]


def test_a_free_plans_note_opening_the_first_caption_is_no_ones_words():
    # TurboScribe's SRT: its free plan's note written before the first cue's words
    annotated = _run("turboscribe.srt")
    assert annotated.ok and annotated.format == "srt"
    turns = _turns(annotated)
    assert [(at, text) for _, at, text in turns][0] == (0.0, "Welcome to Harbour Lights.")
    assert "TurboScribe" not in annotated.source_text[annotated.content_start:annotated.content_end]
