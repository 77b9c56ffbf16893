"""One-off faults left from earlier readings of real caption, subtitle and speech-to-text files: each test file
in tests/data/ is shaped like the real producer's (see each test)."""
import datetime as dt
import json
import re
from pathlib import Path

import pytest

from claims.ingest.formats import parse_source
from claims.ingest.formats._head import day_in_title
from claims.ingest.pipeline import run
from claims.ingest.records import Metadata

DATA = Path(__file__).resolve().parents[1] / "data"


def read(name):
    return open(DATA / name, encoding="utf-8", newline="").read()


def said(text, annotated):
    return [(t.speaker_slug, t.start_seconds, text[t.start_char : t.end_char]) for t in annotated.turns]


def without_lines_in(text, letters):
    return "".join(line for line in text.splitlines(True) if not re.search(f"[{letters}]", line))


def test_a_bilingual_srt_is_read_as_its_top_lines_alone():
    # a translating tool's bilingual SRT (pyvideotrans and the like: each cue's words, their translation on the line
    # below). Before, each cue's turn held both lines: every sentence twice, and a voice could change between them
    text = read("bilingual_zh.srt")
    annotated = run(text, source="bilingual_zh.srt")
    english_only = without_lines_in(text, "\u4e00-\u9fff")
    assert [(slug, at, words) for slug, at, words in said(text, annotated)] == [
        (slug.replace("-in-english", "-in-bilingual-zh"), at, words)
        for slug, at, words in said(english_only, run(english_only, source="english.srt"))]
    assert [text[s.start_char : s.end_char] for s in annotated.sentences][:3] == [
        "Welcome back to Harbour Lights, I'm Tessa Brandt.", "My guest today is the glassblower Oren Falk.",
        "Oren, thanks for coming in."]
    assert not any(re.search("[\u4e00-\u9fff]", text[t.start_char : t.end_char]) for t in annotated.turns)


def test_a_bilingual_srt_with_chinese_on_top_is_read_as_its_chinese_lines():
    # subtitle groups set their Chinese above the English (MontageSubs' tools swap the two lines of such cues)
    text = read("bilingual_zh.srt")
    swapped = re.sub(r"([^\n]+)\n([^\n]*[\u4e00-\u9fff][^\n]*)\n", r"\2\n\1\n", text)
    turns = parse_source(swapped, source="swapped.srt").turns
    assert [swapped[t.start_char : t.end_char] for t in turns][:2] == ["欢迎回到《港湾灯火》，我是泰莎·布兰特。", "今天的嘉宾是玻璃吹制师奥伦·福克。"]
    assert [t.start_seconds for t in turns][:2] == [1.2, 4.3]


def test_a_cue_of_two_scripts_now_and_then_is_one_turn():
    # Chinese captions with an English line here and there (a quoted title, a slide) are not bilingual captions
    cues = ["大家好，欢迎收听。", "今天我们聊一聊玻璃。\nGlass and Light", "我祖母有一个小熔炉。", "她只在星期天吹玻璃。"]
    text = "".join(f"{i}\n00:00:0{i},000 --> 00:00:0{i + 1},000\n{words}\n\n" for i, words in enumerate(cues, 1))
    turns = parse_source(text, source="zh.srt").turns
    assert [text[t.start_char : t.end_char] for t in turns] == cues


def test_bbc_subtitles_changes_of_colour_are_changes_of_voice():
    # EBU-TT-D as BBC iPlayer serves it: no names, each voice in its own colour (a <span> naming a style with a
    # tts:color). Before, colours were ignored: a caption holding the presenter's question in white and the
    # answer in yellow was one line, and the decoder guessed where voices changed
    text = read("bbc_ebu_tt_d_colours.xml")
    annotated = run(text, source="bbc_ebu_tt_d_colours.xml")
    stored = annotated.source_text
    host, guest = "host-in-bbc-ebu-tt-d-colours", "guest-in-bbc-ebu-tt-d-colours"
    assert said(stored, annotated) == [
        (host, 2.12, "This week on The Potting Shed, I'm visiting a walled garden."),
        (host, 5.6, "Marguerite, how long have you looked after it?"),
        (guest, 9.04, "- Nearly thirty years now. I came as an apprentice."),
        (guest, 12.48, "The old head gardener taught me everything about the pears."),
        (host, 15.92, "- And are these the same trees?"),
        (guest, 15.92, "- Some of them, yes."),
        (guest, 18.52, "That one by the gate is older than the house."),
        (host, 22.0, "- Shall we walk down to the orchard?"),
        (guest, 24.24, "- Yes, but mind the step."),
    ]


def test_ttml_in_one_colour_or_with_a_word_coloured_for_emphasis_marks_no_voices():
    text = read("bbc_ebu_tt_d_colours.xml")
    one_colour = text.replace('style="S2"', 'style="S1"')
    assert "- " not in run(one_colour, source="white.xml").source_text
    # a word in yellow inside a white line, three times: emphasis, no voice
    emphasis = one_colour.replace("Nearly thirty", 'Nearly <span style="S2">thirty</span>').replace(
        "mind the step", 'mind <span style="S2">the</span> step').replace("by the gate", 'by the <span style="S2">gate</span>')
    stored = run(emphasis, source="emphasis.xml").source_text
    assert "- " not in stored and "[00:00:09.040] Nearly thirty years now." in stored


NEMO_LINES = [
    (0.32, "Speaker 0", "good morning and welcome to field notes i'm priya anand today i'm talking with the beekeeper tomas lindqvist"),
    (9.06, "Speaker 1", "thanks priya it's lovely to be here"),
    (12.2, "Speaker 0", "how many hives do you keep these days"),
    (15.52, "Speaker 1", "about forty spread over three farms in the valley the bees do most of the work honestly"),
    (22.94, "Speaker 0", "and what does a bad winter do to them"),
    (26.32, "Speaker 1", "it can take half a colony if the damp gets in"),
]


@pytest.mark.parametrize("name", ["nemo_diar_asr.json", "nemo_diar_asr_gecko.json"])
def test_nemos_diarised_recognition_is_read_with_its_speakers_and_times(name):
    # NeMo's offline_diar_with_asr_infer.py writes pred_rttms/<id>.json (words and per-speaker "sentences", with
    # "speaker_label" and "start_time") and <id>_gecko.json (Gecko's monologues of terms). Before, the first was
    # refused as a shape not read and the second failed as Rev.ai monologues without their "elements"
    annotated = run(read(name), source=name)
    stored = annotated.source_text
    assert annotated.ok and annotated.format == "labelled" and annotated.container == "json"
    slug = {"Speaker 0": f"speaker-0-in-{name[:-5].replace('_', '-')}", "Speaker 1": f"speaker-1-in-{name[:-5].replace('_', '-')}"}
    assert said(stored, annotated) == [(slug[who], at, words) for at, who, words in NEMO_LINES]


def test_older_nemo_output_without_sentences_is_read_from_its_words():
    data = json.loads(read("nemo_diar_asr.json"))
    del data["sentences"]
    annotated = run(json.dumps(data, indent=4), source="older.json")
    assert [(t.start_seconds, annotated.source_text[t.start_char : t.end_char]) for t in annotated.turns] == [
        (at, words) for at, _, words in NEMO_LINES]


def test_nemo_words_without_their_times_are_refused_in_one_line():
    data = json.loads(read("nemo_diar_asr.json"))
    del data["sentences"][2]["start_time"]
    annotated = run(json.dumps(data), source="cut.json")
    assert [str(e) for e in annotated.errors] == ["cut.json: segment 3 without a usable start time or text (it has no 'start_time' field)"]


def test_a_diarisers_speaker_after_a_webvtt_cues_times_is_its_speaker():
    # "00:00:00.640 --> 00:00:03.920 [Speaker 0]": the diarised export SRT already reads (diarised_tag_on_timing_line.srt),
    # with WebVTT's times. Before, WebVTT took the tag for cue settings and dropped it: the speakers were guessed
    text = read("diarised_tag_on_timing_line.vtt")
    parsed = parse_source(text, source="diarised_tag_on_timing_line.vtt")
    assert parsed.format == "webvtt"
    assert [(t.speaker_label, t.start_seconds) for t in parsed.turns] == [
        ("Speaker 0", 0.64), ("Speaker 1", 4.3), ("Speaker 0", 6.5), ("Speaker 1", 11.4), ("Speaker 1", 17.76), ("Speaker 0", 21.9)]
    annotated = run(text, source="repair.vtt")
    assert [t.speaker_slug.split("-in-")[0] for t in annotated.turns] == [
        "speaker-0", "speaker-1", "speaker-0", "speaker-1", "speaker-1", "speaker-0"]
    assert [s.name for s in annotated.speakers] == ["Speaker 0", "Speaker 1"]


def test_a_speaker_tag_after_cue_settings_is_read_and_a_voice_tag_comes_first():
    text = ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000 line:85% align:start [Speaker 2]\nHello there.\n\n"
            "00:00:02.500 --> 00:00:04.000 [Speaker 1]\n<v Dana Reyes>Hi, good to see you.\n\n"
            "00:00:04.500 --> 00:00:05.000 align:start\nAnd you.\n")
    assert [t.speaker_label for t in parse_source(text, source="s.vtt").turns] == ["Speaker 2", "Dana Reyes", None]


def test_dialogue_dashes_in_unpunctuated_captions_mark_the_changes_of_voice():
    # captions of raw recogniser text (lower case, no punctuation) with a subtitler's "- " opening each voice of a
    # two-voice cue. Before, the sentence model read across the dashes ("so when did you first start sailing - i
    # was about nine years old" one unit), so the marks were never seen and the answers went to the asker
    text = read("dialogue_dashes_unpunctuated.srt")
    annotated = run(text, source="sailing.srt")
    host, guest = "host-in-sailing", "guest-in-sailing"
    assert [(slug, words.split("\n")[0]) for slug, _, words in said(text, annotated)] == [
        (host, "- so when did you first start sailing"), (guest, "- i was about nine years old"),
        (guest, "my uncle kept a little dinghy on the lake"),
        (host, "- were you scared the first time"), (guest, "- terrified but i loved it"),
        (guest, "the wind picked up halfway across and"),
        (host, "- and did you capsize"), (guest, "- twice that summer"),
        (guest, "my mother made me wear two life jackets"),
    ]
    assert [t.start_seconds for t in annotated.turns][::3] == [1.0, 7.0, 12.9]


def test_a_dash_inside_an_unpunctuated_line_is_no_mark():
    from claims.ingest.segment import split_span

    text = "we drove up the coast - all of us - and camped\n- on the beach"
    spans = [text[a:b] for a, b in split_span(text, 0, len(text), punctuated=False)]
    assert spans[-1].startswith("- on") and not any(s.startswith("- all") for s in spans)


def test_a_day_in_the_title_is_the_published_day_when_nothing_else_gives_it():
    # YouTube's transcript panel copied under the video's title, the day at its end. Before, published stayed empty
    annotated = run(read("panel_copy_dated_title.txt"), source="hearing.txt")
    assert annotated.metadata.title == "Harbour council budget hearing – 12 March 2024"
    assert (annotated.metadata.published, annotated.metadata.published_precision) == (dt.date(2024, 3, 12), "day")
    given = run(read("panel_copy_dated_title.txt"), source="hearing.txt", metadata=Metadata(published=dt.date(2024, 3, 14),
                                                                                          published_precision="day"))
    assert given.metadata.published == dt.date(2024, 3, 14)  # a day given elsewhere wins


@pytest.mark.parametrize("title, day", [
    ("Beekeeping with Tomas – 12 March 2024", dt.date(2024, 3, 12)),
    ("Town hall recording (2023-05-04)", dt.date(2023, 5, 4)),
    ("Episode 4 | March 12, 2024", dt.date(2024, 3, 12)),
    ("Ep 3 - 12 Mar 2024", dt.date(2024, 3, 12)),
    ("Entretien [15 mars 2024]", dt.date(2024, 3, 15)),
    ("Lecture (03/04/2023)", None),  # March 4th or 3 April: never read
    ("Lecture – 03.04.2023", None),
    ("The 2024 election: what comes next", None),
    ("Interview (part 2)", None),
    ("Budget – 2023-02-30", None),
])
def test_only_a_day_no_reader_could_misread_is_taken_from_a_title(title, day):
    assert day_in_title(title) == day
