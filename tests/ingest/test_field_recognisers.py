"""Texts from the field, eighth round (bench/field_set.py on real outputs of speech-recognition services and
caption tools): each test text in the producer's shape, in words of our own."""
import json

from claims.ingest.pipeline import run


def _said(annotated):
    names = {s.slug: s.name for s in annotated.speakers}
    return [(names.get(t.speaker_slug), annotated.source_text[t.start_char:t.end_char]) for t in annotated.turns]


# Otter's text export without speaker identification: each paragraph's time alone on its line (two spaces after
# it), and Otter's credit as the last line
_OTTER_TIMES_ONLY = """0:02  
The orchard was planted by my grandfather in the thirties, and most of the trees are still standing.

0:11  
Every autumn we pick by hand. It takes three weeks if the weather holds.

0:19  
I'm Ruth Ellison, and that was the orchard.

Transcribed by https://otter.ai
"""


def test_otters_credit_after_timed_paragraphs_is_no_ones_words():
    annotated = run(_OTTER_TIMES_ONLY, source="orchard.txt")
    assert annotated.ok
    said = _said(annotated)
    assert len(said) == 3
    assert said[-1][1].rstrip().endswith("that was the orchard.")
    assert all("Transcribed by" not in words for _, words in said)


def test_a_timed_paragraph_saying_transcribed_by_mid_text_stays_words():
    text = ("0:02  \nWho did the transcript?\n\n0:05  \nTranscribed by hand, every word of it.\n\n"
            "0:09  \nThat must have taken weeks.\n")
    annotated = run(text, source="hand.txt")
    assert any("Transcribed by hand" in words for _, words in _said(annotated))


# Otter's export where it told no voice apart: every paragraph under "Unknown Speaker  m:ss"
_OTTER_UNKNOWN_SPEAKERS = """Unknown Speaker  0:04  
Hi, thanks for making the time today. Can you hear me all right?

Unknown Speaker  0:09  
Yes, loud and clear. Thanks for having me.

Unknown Speaker  0:13  
Great. So tell me how you got into boat building in the first place?

Unknown Speaker  0:19  
My uncle had a yard on the estuary, and I spent every summer there sanding hulls. By the time I was sixteen I was
fitting planks myself, and after school I went straight into an apprenticeship with him.

Unknown Speaker  0:41  
And what kept you there after the apprenticeship ended?

Unknown Speaker  0:46  
The work itself, mostly. Every boat is different, and you learn something from each one that you take to the next.
"""


def test_otters_unknown_speaker_on_every_paragraph_names_no_one():
    annotated = run(_OTTER_UNKNOWN_SPEAKERS, source="boats.txt")
    assert annotated.ok
    assert "Unknown Speaker" not in {s.name for s in annotated.speakers}
    said = _said(annotated)
    assert len({name for name, _ in said}) == 2  # the interviewer and the boat builder, told apart from the words
    assert annotated.turns[0].start_seconds == 4


def test_otters_unknown_speaker_beside_named_speakers_stays_a_label():
    text = ("Mara  0:00  \nWelcome back to the show. Today we talk about kilns.\n\n"
            "Unknown Speaker  0:06  \nHappy to be here.\n\nMara  0:08  \nSo how hot does a kiln get?\n\n"
            "Unknown Speaker  0:12  \nAbout thirteen hundred degrees for stoneware.\n")
    annotated = run(text, source="kilns.txt")
    assert {"Mara", "Unknown Speaker"} <= {s.name for s in annotated.speakers}


# Azure AI Video Indexer's artifact transcript.speechservices.json: Azure Speech's batch shape, its keys in PascalCase
_VIDEO_INDEXER = {
    "RecognizedPhrases": [
        {"RecognitionStatus": "Success", "Channel": 0, "Speaker": 1, "Offset": "PT1.2S", "Duration": "PT2.1S",
         "OffsetInTicks": 12000000, "DurationInTicks": 21000000,
         "NBest": [{"Confidence": 0.91, "Lexical": "welcome to the tour", "ITN": "welcome to the tour",
                    "MaskedITN": "", "Display": "Welcome to the tour.",
                    "Words": [{"Word": "welcome", "Offset": "PT1.2S", "OffsetInTicks": 12000000}]}]},
        {"RecognitionStatus": "Success", "Channel": 0, "Speaker": 2, "Offset": "PT4S", "Duration": "PT1.5S",
         "OffsetInTicks": 40000000, "DurationInTicks": 15000000,
         "NBest": [{"Confidence": 0.88, "Lexical": "thank you", "ITN": "thank you", "MaskedITN": "",
                    "Display": "Thank you, glad to be here."}]},
    ]
}


def test_video_indexers_pascal_case_recognized_phrases_are_read_as_azures():
    annotated = run(json.dumps(_VIDEO_INDEXER), source="transcript.speechservices.json")
    assert annotated.ok
    assert _said(annotated) == [("Speaker 1", "Welcome to the tour."), ("Speaker 2", "Thank you, glad to be here.")]
    assert annotated.turns[0].start_seconds == 1.2


# pyannote's diarisation as RTTM: who speaks when, no words
_RTTM = """SPEAKER call 1 0.00 4.12 <NA> <NA> SPEAKER_00 <NA> <NA>
SPEAKER call 1 4.30 2.05 <NA> <NA> SPEAKER_01 <NA> <NA>
SPEAKER call 1 6.71 9.40 <NA> <NA> SPEAKER_00 <NA> <NA>
"""


def test_an_rttm_file_is_refused_as_holding_no_words():
    annotated = run(_RTTM, source="call.rttm")
    assert not annotated.ok
    message = str(annotated.errors[0])
    assert "call.rttm" in message and "RTTM" in message and "no words" in message


def test_a_text_with_one_line_opening_with_speaker_is_read():
    text = "SPEAKER 1 0.00 4.12 is what the old sign said.\n\nAnn: We kept it.\nBob: Of course.\n"
    annotated = run(text, source="sign.txt")
    assert annotated.ok


# a podcast archive's episode page: the feed's fields in the front matter, Whisper's segments as a JSON string in
# its `whisper_segments` field (YAML single-quoted, folded over lines), no body
_SEGMENTS = [
    {"id": 0, "seek": 0, "start": 0.0, "end": 6.5, "text": " Hello and welcome to the workshop hour.",
     "tokens": [50364, 2425], "temperature": 0.0, "avg_logprob": -0.31, "compression_ratio": 1.2,
     "no_speech_prob": 0.02},
    {"id": 1, "seek": 650, "start": 6.5, "end": 12.25, "text": " Today I talk to a luthier about spruce tops.",
     "tokens": [50364, 2692], "temperature": 0.0, "avg_logprob": -0.28, "compression_ratio": 1.3,
     "no_speech_prob": 0.01},
    {"id": 2, "seek": 1225, "start": 12.25, "end": 15.0, "text": " Thanks, it's good to be here.",
     "tokens": [50364, 2561], "temperature": 0.0, "avg_logprob": -0.25, "compression_ratio": 1.1,
     "no_speech_prob": 0.01},
]


def _episode_page(segments_field: str) -> str:
    return ("---\ndescription: '<p>00:00 Introduction</p><p>02:10 Spruce and cedar</p>'\n"
            "pub_date: Tue, 14 Mar 2023 09:30:00 GMT\n"
            "title: Ada Moss - Luthier - Spruce tops and\n  how they ring\n"
            "url: https://example.org/podcasts/workshop-hour/42\n"
            + segments_field + "---\n")


def test_whisper_segments_in_a_front_matter_field_are_the_transcript():
    field = "whisper_segments: '" + json.dumps(_SEGMENTS).replace("'", "''") + "'\n"
    annotated = run(_episode_page(field), source="ada-moss.md")
    assert annotated.ok
    said = _said(annotated)
    assert [words for _, words in said][0].startswith("Hello and welcome to the workshop hour.")
    assert all("avg_logprob" not in words for _, words in said)
    assert annotated.turns[0].start_seconds == 0
    assert annotated.turns[-1].start_seconds == 12.25
    assert annotated.metadata.title == "Ada Moss - Luthier - Spruce tops and how they ring"
    assert str(annotated.metadata.published) == "2023-03-14"


def test_a_front_matter_whisper_segments_field_that_is_no_segments_list_is_refused_plainly():
    annotated = run(_episode_page("whisper_segments: 'not json at all'\n"), source="broken.md")
    assert not annotated.ok
    assert "broken.md" in str(annotated.errors[0]) and "whisper_segments" in str(annotated.errors[0])
