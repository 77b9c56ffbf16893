"""Speech recognisers' JSON: segments read as timed lines, diarised speakers as labels."""
import json
from pathlib import Path

import pytest

from claims.ingest.json_transcript import json_document
from claims.ingest.pipeline import run
from claims.ingest.records import Metadata

DATA = Path(__file__).resolve().parents[1] / "data"
NAMES = Metadata(hosts=("Maria Lopez",), guests=("Priya Raman",))


def read(name):
    return (DATA / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "name, starts",
    [
        ("whisperx.json", [0.031, 7.05, 11.2, 14.4, 62.3, 65.1]),  # seconds; SPEAKER_00's two segments are one turn
        ("assemblyai.json", [0.25, 7.05, 11.2, 14.4]),  # milliseconds
        ("deepgram.json", [0.25, 7.05, 11.2, 14.4]),  # speakers are numbers
    ],
)
def test_a_diarised_recognisers_speakers_become_the_named_host_and_guest(name, starts):
    annotated = run(read(name), source=name, metadata=NAMES)
    assert annotated.ok and annotated.format == "labelled"
    assert [(s.slug, s.role) for s in annotated.speakers] == [("maria-lopez", "host"), ("priya-raman", "guest")]
    assert [t.speaker_slug for t in annotated.turns] == ["maria-lopez", "priya-raman"] * (len(starts) // 2)
    assert [t.start_seconds for t in annotated.turns] == starts
    assert "It's good to be here." in annotated.source_text and "{" not in annotated.source_text


def test_without_names_the_label_asking_questions_is_the_host():
    annotated = run(read("assemblyai.json"), source="assemblyai.json")
    # (the guest's label is a part's, "Speaker B", but the host names her: "Today I'm talking with Priya Raman")
    assert [(s.slug, s.role) for s in annotated.speakers] == [("speaker-a-in-assemblyai", "host"), ("priya-raman", "guest")]


def test_whispers_segments_run_on_into_each_other_and_the_words_pick_the_speakers():
    annotated = run(read("whisper.json"), source="whisper.json")
    assert annotated.ok and annotated.format == "timed_lines"
    text = annotated.source_text
    assert text.splitlines() == [
        "[00:00:00] Welcome back to the show. Today we",
        "[00:00:02.480] talk about robots. What do you think?",
        "[00:00:05.600] I think they are coming.",
    ]
    sentences = [text[s.start_char:s.end_char] for s in annotated.sentences]
    assert sentences[1] == "Today we\n[00:00:02.480] talk about robots."  # one sentence across two segments
    assert [t.start_seconds for t in annotated.turns] == [0.0, 2.48, 5.6]


def test_youtube_transcript_api_snippets_are_timed_lines():
    snippets = ('[{"text": "welcome back to the show", "start": 0.08, "duration": 3.1}, '
                '{"text": "today we talk about robots", "start": 3.24, "duration": 2.9}, '
                '{"text": "what do you think", "start": 6.14, "duration": 2.6}]')
    annotated = run(snippets, source="robots.json")
    assert annotated.ok and annotated.format == "timed_lines"
    assert [t.start_seconds for t in annotated.turns] == [0.08, 3.24, 6.14] and annotated.source_text.splitlines()[1] == (
        "[00:00:03.240] today we talk about robots")


def test_youtube_json3_events_are_timed_lines():
    annotated = run(read("youtube.json3.json"), source="youtube.json3.json")
    assert annotated.ok and annotated.format == "timed_lines"
    assert annotated.source_text.splitlines() == [
        "[00:00:00.080] welcome back to the show", "[00:00:03.240] today we talk about robots",
        "[00:00:06.140] what do you think"]


@pytest.mark.parametrize(
    "text, source, error",
    [
        ('{"title": "notes", "items": [1, 2]}', "notes.json",
         "notes.json: JSON of a shape this does not read (it reads Whisper or WhisperX segments, Podcasting 2.0 "
         "segments, AssemblyAI utterances or words, Deepgram utterances, paragraphs or words, Amazon Transcribe "
         "items, Speechmatics results, Rev.ai monologues, Google Speech-to-Text results, Azure Speech recognized "
         "phrases, YouTube json3 events, whisper.cpp transcription, Gentle words, aeneas fragments, ElevenLabs "
         "Scribe words, insanely-fast-whisper chunks, Azure fast transcription phrases, Amazon Transcribe Call "
         "Analytics transcript, Gladia utterances, Vosk results, NeMo diarised words or sentences, Gecko monologues, "
         "Fireflies sentences, Sonix transcript parts, tl;dv data, Podlove Publisher lines, "
         "a list of {start, text} snippets)"),
        ('{"segments": [{"end": 2.0, "text": "hi"}]}', "cut.json",
         "cut.json: segment 1 without a usable start time or text (it has no 'start' field)"),
        ('{"segments": [{"start": 0, "text": "  "}]}', "silent.json", "silent.json: transcript has no text in its segments"),
        ('{"results": {"channels": []}}', "dg.json", "dg.json: JSON without the parts its shape needs (IndexError: list index out of range)"),
        ('{"segments": ["hello"]}', "odd.json", "odd.json: segment 1 without a usable start time or text (TypeError: string indices must be integers, not 'str')"),
        ('{"segments": [\n{"start": 0, "text": "hi"},\n]}', "bad.json", "bad.json:3: invalid JSON: Expecting value (column 1)"),
    ],
)
def test_json_that_is_not_a_transcript_is_refused_with_one_line(text, source, error):
    annotated = run(text, source=source)
    assert not annotated.ok and [str(e) for e in annotated.errors] == [error]


def test_a_text_transcript_opening_with_a_bracket_is_still_text():
    assert json_document("[Music] welcome back to the show today", source="eye.txt") is None
    assert json_document("[00:00:01] Ann: hi", source="a.txt") is None
    annotated = run("[Music] welcome back to the show today we talk about robots", source="eye.txt")
    assert annotated.ok and annotated.format != ""


@pytest.mark.parametrize(
    "name",
    ["aws_transcribe.json", "speechmatics.json", "revai.json", "podcasting20.json", "azure_batch.json"],
)
def test_more_recognisers_words_become_the_named_speakers_sentences_with_their_times(name):
    # Amazon Transcribe (punctuation items, speakers in speaker_labels), Speechmatics (S1/S2),
    # Rev.ai (monologues of elements), Podcasting 2.0 (a word per segment, speakers by name),
    # Azure (100-ns ticks, speakers by number)
    annotated = run(read(name), source=name, metadata=NAMES)
    assert annotated.ok and annotated.format == "labelled" and annotated.container == "json"
    text = annotated.source_text
    assert [(t.speaker_slug, t.start_seconds) for t in annotated.turns] == [
        ("maria-lopez", 0.25), ("priya-raman", 7.05), ("maria-lopez", 11.2), ("priya-raman", 14.4)]
    assert [text[t.start_char:t.end_char] for t in annotated.turns][:2] == [
        "Welcome to Charged Up. Today I'm talking with Priya Raman.", "Thanks, Maria. It's good to be here."]


def test_podcasting_20_speakers_are_their_names():
    annotated = run(read("podcasting20.json"), source="podcasting20.json")
    assert annotated.source_text.splitlines()[1] == "[00:00:07.050] Priya Raman: Thanks, Maria. It's good to be here."
    assert {s.name for s in annotated.speakers} == {"Maria Lopez", "Priya Raman"}


def test_google_speech_results_are_timed_lines_from_their_first_words():
    annotated = run(read("google_stt.json"), source="google_stt.json")
    assert annotated.ok and annotated.format == "timed_lines"
    assert [t.start_seconds for t in annotated.turns] == [0.25, 7.05, 11.2, 14.4]
    # the client libraries' {seconds, nanos} times, and a result with no words starting where the last ended
    results = ('[{"alternatives": [{"transcript": "the fog horn", "words": [{"startTime": {"nanos": 100000000}, "word": "the"}]}],'
               ' "resultEndTime": {"seconds": "4", "nanos": 500000000}},'
               ' {"alternatives": [{"transcript": "out there in the cold water"}]}]')
    assert run(results, source="fog.json").source_text == "[00:00:00.100] the fog horn\n[00:00:04.500] out there in the cold water\n"


def test_where_a_file_gives_words_only_they_are_joined_into_sentences():
    assemblyai = ('{"text": "Yeah. As much as it is.", "utterances": null, "audio_duration": 25, "words": ['
                  '{"text": "Yeah.", "start": 170, "end": 718, "speaker": null}, {"text": "As", "start": 884, "end": 1166},'
                  '{"text": "much", "start": 1200, "end": 1400}, {"text": "as", "start": 1500, "end": 1600},'
                  '{"text": "it", "start": 1700, "end": 1800}, {"text": "is.", "start": 1900, "end": 2000}]}')
    annotated = run(assemblyai, source="a.json")
    assert annotated.source_text == "[00:00:00.170] Yeah.\n[00:00:00.884] As much as it is.\n"
    assert annotated.metadata.duration_seconds == 25 and annotated.format == "timed_lines"
    deepgram = ('{"metadata": {"duration": 25.93}, "results": {"channels": [{"alternatives": [{"transcript": "yeah as much",'
                ' "words": [{"word": "yeah", "punctuated_word": "Yeah.", "start": 0.06, "speaker": 0},'
                ' {"word": "as", "punctuated_word": "As", "start": 0.9, "speaker": 1},'
                ' {"word": "much", "punctuated_word": "much.", "start": 1.2, "speaker": 1}]}]}]}}')
    annotated = run(deepgram, source="d.json")
    assert annotated.source_text == "[00:00:00.060] Speaker 0: Yeah.\n[00:00:00.900] Speaker 1: As much.\n"
    assert annotated.metadata.duration_seconds == 26 and [t.speaker_slug for t in annotated.turns] == ["speaker-0-in-d", "speaker-1-in-d"]


def test_a_diarisers_list_keeps_its_speakers_and_one_utterance_is_still_labelled():
    listed = ('[{"start": 0.5, "end": 2.0, "text": " Who got the truth?", "speaker": "SPEAKER_00"},'
              ' {"start": 47.408, "end": 48.1, "text": " I\'m Ben Gilbert.", "speaker": "SPEAKER_01"},'
              ' {"start": 48.429, "end": 49.2, "text": " Is it you?", "speaker": "SPEAKER_00"}]')
    annotated = run(listed, source="acquired.json")
    assert annotated.format == "labelled"
    assert [(t.speaker_slug, t.start_seconds) for t in annotated.turns] == [
        ("speaker-00-in-acquired", 0.5), ("ben-gilbert", 47.408), ("speaker-00-in-acquired", 48.429)]  # "I'm Ben Gilbert."
    single = '{"utterances": [{"speaker": "A", "start": 170, "end": 5000, "text": "Yeah. As much as it is worth it."}]}'
    annotated = run(single, source="one.json")
    assert annotated.format == "labelled" and [(t.speaker_slug, t.start_seconds) for t in annotated.turns] == [("speaker-a-in-one", 0.17)]
    assert annotated.source_text[annotated.turns[0].start_char:annotated.turns[0].end_char] == "Yeah. As much as it is worth it."


def test_whisper_word_timestamps_give_each_sentence_its_time_unless_the_words_miss_some_text():
    import json

    segment = {"start": 0.0, "end": 9.0, "text": " Hi! It's been ages. How are you?",
               "words": [{"word": " Hi!", "start": 0.66}, {"word": " It's", "start": 2.76}, {"word": " been", "start": 3.0},
                         {"word": " ages.", "start": 3.3}, {"word": " How", "start": 6.62}, {"word": " are", "start": 6.9},
                         {"word": " you?", "start": 7.1}]}
    annotated = run(json.dumps({"segments": [segment]}), source="w.json")
    assert annotated.source_text.splitlines() == ["[00:00:00.660] Hi!", "[00:00:02.760] It's been ages.", "[00:00:06.620] How are you?"]
    segment["words"] = segment["words"][:3]  # words that do not say the whole text: the segment as it is
    assert run(json.dumps({"segments": [segment]}), source="w.json").source_text == "[00:00:00] Hi! It's been ages. How are you?\n"


def test_a_diarisers_list_with_three_speakers_each_heard_once_keeps_them():
    # a name used once is no label among more than two names, but a diariser's "Speaker 02" is
    listed = ('[{"start": 0.5, "text": "Who got the truth?", "speaker": "SPEAKER_00"},'
              ' {"start": 47.4, "text": "I\'m Ben Gilbert.", "speaker": "SPEAKER_01"},'
              ' {"start": 48.4, "text": "And I\'m David Rosenthal.", "speaker": "SPEAKER_02"}]')
    annotated = run(listed, source="three.json")
    assert annotated.format == "labelled" and annotated.ok
    assert [(t.speaker_slug, t.start_seconds) for t in annotated.turns] == [
        ("speaker-00-in-three", 0.5), ("ben-gilbert", 47.4), ("david-rosenthal", 48.4)]  # each names itself


@pytest.mark.parametrize(
    "name, lines",
    [
        ("whisper_cpp.json", [  # offsets in milliseconds
            "[00:00:00] Welcome back to the show. Today we",
            "[00:00:03.240] [BLANK_AUDIO]",
            "[00:00:05.100] talk about robots. I think they are coming.",
        ]),
        ("gentle.json", [  # the words read out of the transcript, with its punctuation; Priya was not heard
            "[00:00:00.180] Welcome back to the show.",
            "[00:00:02.400] What do you think, Priya?",
            "[00:00:05.100] I think they are coming.",
        ]),
        ("aeneas.json", [  # seconds as strings; a fragment's lines are one line
            "[00:00:00] Welcome back to the show.",
            "[00:00:02.680] What do you think?",
            "[00:00:05.240] I think they are coming.",
        ]),
    ],
)
def test_whisper_cpp_and_aligners_json_are_timed_lines(name, lines):
    annotated = run(read(name), source=name)
    assert annotated.ok and annotated.format == "timed_lines"
    assert annotated.source_text.splitlines() == lines


def test_whisper_cpp_segments_with_only_their_clock():
    text = '{"transcription": [{"timestamps": {"from": "00:01:04,120", "to": "00:01:07,500"}, "text": " Hello."}]}'
    assert json_document(text, source="a.json").text == "[00:01:04.120] Hello.\n"


def test_one_speakers_consecutive_segments_are_one_line_and_unlabelled_ones_stay_apart():
    from claims.ingest.json_transcript import timed_lines

    segments = [(0.0, "SPEAKER_00", " Welcome  back."), (2.5, "SPEAKER_00", "Today: robots."), (4.0, "SPEAKER_00", ""),
                (5.0, "SPEAKER_01", "Thanks."), (6.0, "SPEAKER_00", "So?"), (7.0, "", "Music."), (8.0, "", "More music.")]
    rendered = timed_lines(segments, source="x.json")
    assert rendered.format == "labelled"
    assert rendered.text == ("[00:00:00] SPEAKER_00: Welcome back. Today: robots.\n[00:00:05] SPEAKER_01: Thanks.\n"
                             "[00:00:06] SPEAKER_00: So?\n[00:00:07] Music.\n[00:00:08] More music.\n")


def test_speakers_given_as_opaque_ids_are_numbered_in_the_order_they_first_speak():
    # a meeting bot's segments name each voice by a participant id (a UUID, a long random id), as tables
    # and JSON Lines of such tools do; before, the file was refused ("no 'Name: text' lines found"), or with
    # ids without dashes a voice's first line was lost and its id read as words
    annotated = run(read("meeting_segment_speaker_ids.json"), source="meeting_segment_speaker_ids.json")
    assert annotated.ok and annotated.format == "labelled"
    names = {s.slug: s.name for s in annotated.speakers}
    text = annotated.source_text
    assert [(names[t.speaker_slug], t.start_seconds, text[t.start_char:t.end_char]) for t in annotated.turns] == [
        ("Speaker 1", 0.52, "Thanks for joining the planning call today."),
        ("Speaker 2", 3.4, "Happy to be here, I brought the numbers."),
        ("Speaker 1", 6.2, "Good. Did the repair budget go up this year?"),
        ("Speaker 2", 9.3, "It did, by about a tenth. Most of that went to the roof."),
        ("Speaker 3", 15.0, "Can I add one point on the roof?"),
    ]
    # a diariser's list naming its voices under "speaker_label" (the key "speaker" absent)
    rows = [{"start": 0.5, "end": 2.0, "text": "Where were you born?", "speaker_label": "A"},
            {"start": 2.1, "end": 4.0, "text": "In a small town by the sea.", "speaker_label": "B"}]
    rendered = json_document(json.dumps(rows), source="labels.json")
    assert rendered.text == "[00:00:00.500] Speaker A: Where were you born?\n[00:00:02.100] Speaker B: In a small town by the sea.\n"


@pytest.mark.parametrize("name, labels, duration", [
    # ElevenLabs Scribe: words with the spaces between them as items of their own, a note of a sound left out
    ("elevenlabs_scribe.json", ["Speaker 0", "Speaker 1"] * 2, None),
    ("insanely_fast_whisper.json", ["Speaker 00", "Speaker 01"] * 2, None),  # its diarised "speakers", [start, end] pairs
    ("azure_fast_transcription.json", ["Speaker 1", "Speaker 2"] * 2, 10),  # Azure Speech's fast transcription (ms)
    ("aws_call_analytics.json", ["AGENT", "CUSTOMER"] * 2, 10),  # the participant's role, offsets in ms
    ("gladia.json", ["Speaker 0", "Speaker 1"] * 2, 10),  # result.transcription.utterances
    ("vosk_results.json", [None] * 4, None),  # a result per utterance, no punctuation, no speakers
])
def test_more_recognisers_json_is_read_with_its_speakers_and_times(name, labels, duration):
    # before, each was refused: "JSON of a shape this does not read"
    rendered = json_document(read(name), source=name)
    lines = rendered.text.splitlines()
    assert [line.split("] ", 1)[0] + "]" for line in lines] == ["[00:00:00.420]", "[00:00:02.900]", "[00:00:06.350]", "[00:00:08.100]"]
    assert [line.split("] ", 1)[1].split(": ")[0] if ": " in line else None for line in lines] == labels
    assert lines[1].lower().replace(",", "").endswith("from my uncle in his shed by the harbour.".rstrip(".")
                                                      + ("" if labels[0] is None else "."))
    assert "(laughs)" not in rendered.text and rendered.duration == duration
    annotated = run(read(name), source=name)
    assert annotated.ok and {0.42, 2.9, 6.35, 8.1} <= {t.start_seconds for t in annotated.turns}
    if labels[0] is not None:  # where the file names its voices, they are the turns
        slugs = [t.speaker_slug for t in annotated.turns]
        assert [t.start_seconds for t in annotated.turns] == [0.42, 2.9, 6.35, 8.1]
        assert slugs[0] == slugs[2] != slugs[1] == slugs[3]


@pytest.mark.parametrize("speaker, error", [
    (["Ann"], 'w.json: segment 2: its speaker is a list, not a name or a number: ["Ann"]'),
    ({"id": 1}, 'w.json: segment 2: its speaker is an object, not a name or a number: {"id": 1}'),
])
def test_a_segments_speaker_given_as_a_list_or_an_object_is_refused_naming_the_segment_and_the_type(speaker, error):
    # was refused as "not a labelled transcript" where every speaker was one, and read as a speaker called
    # "['Ann']" (its words run into the line before) where only some were
    segments = [{"start": 0, "text": "Hello there.", "speaker": "A"}, {"start": 2, "text": "Hi.", "speaker": speaker}]
    annotated = run(json.dumps({"segments": segments}), source="w.json")
    assert [str(e) for e in annotated.errors] == [error]


@pytest.mark.parametrize("start, segment, shown", [
    (1e12, 2, "1000000000000.0"), (1e300, 2, "1e+300"), (360000, 2, "360000.0"), (1e12, 1, "1000000000000.0"),
])
def test_a_segment_starting_100_hours_or_more_in_is_refused_naming_the_segment_and_its_time(start, segment, shown):
    # "[100:00:00]" and longer clocks are no time to the readers of the lines written: the words ran into the line
    # before, or with no line before the file was refused as "not a labelled transcript"
    segments = [{"start": 0, "text": "Hello there.", "speaker": "A"}, {"start": 2, "text": "Hi.", "speaker": "B"}]
    segments[segment - 1]["start"] = start
    annotated = run(json.dumps({"segments": segments}), source="w.json")
    assert [str(e) for e in annotated.errors] == [
        f"w.json: segment {segment}: its start time, {shown} seconds, is not a usable time (100 hours or more into the recording)"]


def test_a_segment_starting_just_before_100_hours_is_read():
    segments = [{"start": 0, "text": "Hello there.", "speaker": "A"}, {"start": 359999.4, "text": "Hi.", "speaker": "B"}]
    annotated = run(json.dumps({"segments": segments}), source="w.json")
    assert annotated.ok and annotated.source_text.endswith("[99:59:59.400] Speaker B: Hi.\n")


@pytest.mark.parametrize("field, value, error", [
    ("text", ["Hi", "there"], 'w.json: segment 2: its text is a list, not text: ["Hi", "there"]'),
    ("text", {"said": "Hi"}, 'w.json: segment 2: its text is an object, not text: {"said": "Hi"}'),
    ("speaker", True, "w.json: segment 2: its speaker is true or false, not a name or a number: true"),
    ("speaker", 1.5, "w.json: segment 2: its speaker is 1.5, a number with a fraction, not a speaker's number"),
    ("start", "soon", "w.json: segment 2 without a usable start time or text (ValueError: could not convert string to float: 'soon')"),
])
def test_a_segments_field_of_a_kind_no_reading_fits_is_refused_naming_the_segment_and_the_field(field, value, error):
    # a text list was written as Python's "['Hi', 'there']", words the file never had; a speaker 1.5 as a label
    # no reader took for one, its words the turn before's; a bad start named no segment
    segments = [{"start": 0, "text": "Hello there.", "speaker": "A"}, {"start": 2, "text": "Hi.", "speaker": "B"}]
    segments[1][field] = value
    annotated = run(json.dumps({"segments": segments}), source="w.json")
    assert [str(e) for e in annotated.errors] == [error]


def test_a_speaker_numbered_as_a_whole_float_is_that_numbers_speaker():
    # a table's column of speaker numbers with gaps is written as floats (1.0): read as speaker 1, as 1 is
    segments = [{"start": 0, "text": "Hello there.", "speaker": 0.0}, {"start": 2, "text": "Hi.", "speaker": 1.0}]
    annotated = run(json.dumps({"segments": segments}), source="w.json")
    assert annotated.source_text == "[00:00:00] Speaker 0: Hello there.\n[00:00:02] Speaker 1: Hi.\n"
