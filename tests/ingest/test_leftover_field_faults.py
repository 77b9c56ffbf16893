"""One-off faults left from earlier readings of real caption, subtitle and speech-to-text files: each test file
in tests/data/ is shaped like the real producer's (see each test)."""
import re
from pathlib import Path

from claims.ingest.formats import parse_source
from claims.ingest.pipeline import run

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
