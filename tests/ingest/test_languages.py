"""Transcripts in other languages and scripts: sentences, dates, slugs (texts written for these tests)."""
import pytest

from claims.ingest.formats._common import punctuation_rate
from claims.ingest.records import Turn
from claims.ingest.segment import is_punctuated, split_sentences


def _sentences(text):
    turn = Turn(index=0, start_char=0, end_char=len(text), speaker_slug="a")
    return [text[s.start_char : s.end_char] for s in split_sentences(text, (turn,))]


@pytest.mark.parametrize("text", [
    # a Chinese and a Japanese recogniser's lines: full-width marks, no spaces between words
    "[00:00:06] 我觉得这个问题很重要。我们先聊聊背景吧！你怎么看？\n[00:00:16] 我同意，这件事情确实很复杂。",
    "[00:00:03] 今日はよろしくお願いします。最初の質問ですが、いつ始めましたか？\n[00:00:09] 十年前です。",
])
def test_text_without_spaces_counts_as_punctuated_by_its_full_width_marks(text):
    assert punctuation_rate(text) > 0.2
    assert is_punctuated(text)


@pytest.mark.parametrize("text, expected", [
    ("我觉得这个问题很重要。我们先聊聊背景吧！你怎么看？好的。",
     ["我觉得这个问题很重要。", "我们先聊聊背景吧！", "你怎么看？", "好的。"]),
    ("他说：“我们明天出发。”然后就走了。", ["他说：“我们明天出发。”", "然后就走了。"]),
    ("最初の質問です。いつ始めましたか？十年前です。", ["最初の質問です。", "いつ始めましたか？", "十年前です。"]),
    ("هل يمكنك أن تحدثنا عن بدايتك؟ بدأت العمل في القاهرة. كان ذلك صعبا.",
     ["هل يمكنك أن تحدثنا عن بدايتك؟", "بدأت العمل في القاهرة.", "كان ذلك صعبا."]),
    ("मैं दिल्ली में पैदा हुआ। फिर हम मुंबई चले गए। वहाँ मैंने पढ़ाई की।",
     ["मैं दिल्ली में पैदा हुआ।", "फिर हम मुंबई चले गए।", "वहाँ मैंने पढ़ाई की।"]),
])
def test_full_width_arabic_and_devanagari_marks_end_sentences(text, expected):
    assert _sentences(text) == expected


@pytest.mark.parametrize("text, expected", [
    # Cyrillic, Greek capitals after a full stop
    ("Я родился в Москве. Потом мы переехали в Казань. Это было в 1990 году.",
     ["Я родился в Москве.", "Потом мы переехали в Казань.", "Это было в 1990 году."]),
    ("Γεννήθηκα στην Αθήνα. Μετά πήγαμε στη Θεσσαλονίκη.", ["Γεννήθηκα στην Αθήνα.", "Μετά πήγαμε στη Θεσσαλονίκη."]),
    # Spanish questions and exclamations open with ¿ and ¡
    ("Nací en Sevilla. ¿Y usted dónde nació? En Lima. ¡Qué casualidad!",
     ["Nací en Sevilla.", "¿Y usted dónde nació?", "En Lima.", "¡Qué casualidad!"]),
    # German quotes and two-letter abbreviations
    ("Wir hatten z. B. keine Heizung. „Das geht so nicht“, sagte Dr. Weber. Das war d. h. schwierig.",
     ["Wir hatten z. B. keine Heizung.", "„Das geht so nicht“, sagte Dr. Weber.", "Das war d. h. schwierig."]),
    ("Wir kamen mit ca. Hundert Leuten an. Es war kalt.", ["Wir kamen mit ca. Hundert Leuten an.", "Es war kalt."]),
    # French: a space before ? and !, guillemets
    ("Vous êtes arrivée quand ? En 1962. Il m'a dit : « Reste ici ! » Alors je suis restée.",
     ["Vous êtes arrivée quand ?", "En 1962.", "Il m'a dit : « Reste ici ! »", "Alors je suis restée."]),
    ("C'est vrai\u00a0! Je ne savais pas.", ["C'est vrai\u00a0!", "Je ne savais pas."]),
])
def test_sentences_in_cased_scripts_and_their_punctuation(text, expected):
    assert _sentences(text) == expected


def test_english_abbreviations_and_numbers_still_hold():
    assert _sentences("It cost 3.5 billion. We use e.g. this one. Mr. Smith came.") == [
        "It cost 3.5 billion.", "We use e.g. this one.", "Mr. Smith came."]
