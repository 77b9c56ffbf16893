"""Transcripts in other languages and scripts: sentences, dates, slugs (texts written for these tests)."""
from pathlib import Path

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


# --- labels in other scripts, names with particles ---------------------------------------------

from claims.ingest.names import slugify, unique_slug  # noqa: E402
from claims.ingest.pipeline import run  # noqa: E402


def _speakers(text, source="interview.txt"):
    interview = run(text, source=source)
    assert interview.ok, interview.errors
    said = {}
    for t in interview.turns:
        said.setdefault(t.speaker_slug, []).append(interview.source_text[t.start_char : t.end_char])
    return interview, {sp.name: (sp.slug, sp.role, said.get(sp.slug, [])) for sp in interview.speakers}


def test_cyrillic_labels_are_speakers_and_the_interviewer_is_this_interviews_host():
    text = ("Интервьюер: Расскажите, пожалуйста, где вы родились.\n\nСергей Брин: Я родился в Москве. Потом мы переехали.\n\n"
            "Интервьюер: Сколько вам было лет?\n\nСергей Брин: Шесть лет.\n")
    interview, speakers = _speakers(text, "brin.txt")
    assert interview.format == "labelled"
    assert speakers["Интервьюер"][:2] == ("intervyuer-in-brin", "host")
    assert speakers["Сергей Брин"] == ("sergey-brin", "guest", ["Я родился в Москве. Потом мы переехали.", "Шесть лет."])


def test_arabic_labels_and_a_name_with_bin_are_speakers():
    text = ("المحاور: مرحبا بك في البرنامج. هل يمكنك أن تحدثنا عن بدايتك؟\n\nأحمد بن علي: شكرا لك. بدأت العمل في القاهرة.\n\n"
            "المحاور: وكيف كانت البداية؟\n\nأحمد بن علي: كانت صعبة جدا.\n")
    interview, speakers = _speakers(text, "ahmad.txt")
    assert set(speakers) == {"المحاور", "أحمد بن علي"}
    assert speakers["المحاور"][1] == "host" and speakers["المحاور"][0].endswith("-in-ahmad")
    assert speakers["أحمد بن علي"][2] == ["شكرا لك. بدأت العمل في القاهرة.", "كانت صعبة جدا."]


@pytest.mark.parametrize("name", ["María de la Cruz", "Johan van der Berg", "Osama bin Laden", "Ana dos Santos"])
def test_a_name_with_particles_is_a_label(name):
    text = (f"Entrevistador: Buenos días. ¿Dónde nació usted?\n\n{name}: Nací en Sevilla en 1950.\n\n"
            f"Entrevistador: ¿Y su madre?\n\n{name}: Mi madre cosía.\n")
    _, speakers = _speakers(text)
    assert speakers[name][2] == ["Nací en Sevilla en 1950.", "Mi madre cosía."]


def test_bold_chinese_labels_need_no_space_after_the_full_width_colon():
    text = ("**主持人**：在这方面，你有没有什么有趣的故事可以分享？\n\n**研究员**：天哪，我一下子想不起来了。\n\n"
            "**主持人**：没关系，完全理解。\n\n**研究员**：谢谢。\n")
    _, speakers = _speakers(text)
    assert speakers["主持人"][1] == "host"
    assert speakers["研究员"][2] == ["天哪，我一下子想不起来了。", "谢谢。"]


# --- slugs ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, slug", [
    ("Lex Fridman Podcast #94", "lex-fridman-podcast-94"),
    ("José Ñúñez", "jose-nunez"),
    ("Сергей Брин", "sergey-brin"),
    ("Юлия Навальная", "yuliya-navalnaya"),
    ("Γιάννης Αντετοκούνμπο", "giannis-antetokoynmpo"),
    ("김민수", "gimminsu"),
    ("たなか ひろし", "tanaka-hirosi"),
    ("王小明", ""),
])
def test_slugify_transliterates_cyrillic_greek_kana_and_hangul(value, slug):
    assert slugify(value) == slug


def test_names_without_a_latin_form_get_distinct_stable_slugs():
    wang, li = unique_slug("王小明"), unique_slug("李华")
    assert wang and li and wang != li
    assert wang == unique_slug(" 王小明 ")  # stable
    assert unique_slug("Dr. 王") != unique_slug("Dr. 李")
    assert unique_slug("Sergey Brin") == "sergey-brin"  # names in Latin letters keep their slugs
    assert unique_slug("Straße") == slugify("Straße")


def test_two_chinese_speakers_do_not_share_a_slug_and_the_interview_slug_is_not_empty():
    text = ("王小明：你好，欢迎来到我们的节目。今天我们聊聊你的创业经历。\n\n李华：谢谢邀请。我是二〇一五年开始创业的。\n\n"
            "王小明：当时为什么决定离开大公司？\n\n李华：因为我想做自己的产品。那时候压力很大。\n")
    interview, speakers = _speakers(text, "访谈.txt")
    assert interview.metadata.slug
    assert speakers["王小明"][0] != speakers["李华"][0]
    assert speakers["李华"][2] == ["谢谢邀请。我是二〇一五年开始创业的。", "因为我想做自己的产品。那时候压力很大。"]


def test_a_chinese_title_gives_the_file_name_and_a_digest_of_the_title():
    one = run("# 晚点聊：开源模型的未来\n\n[00:00:06] 欢迎收听。今天聊聊开源。\n[00:00:16] 好的。\n", source="transcript.zh-CN.md")
    two = run("# 晚点聊：芯片与算力\n\n[00:00:06] 欢迎收听。今天聊聊芯片。\n[00:00:16] 好的。\n", source="transcript.zh-CN.md")
    assert one.metadata.slug.startswith("transcript-zh-cn-") and two.metadata.slug.startswith("transcript-zh-cn-")
    assert one.metadata.slug != two.metadata.slug


# --- dates written in the language ----------------------------------------------------------------

import datetime as dt  # noqa: E402

from claims.ingest.formats._common import parse_date  # noqa: E402


@pytest.mark.parametrize("value, day", [
    ("15. März 2023", dt.date(2023, 3, 15)),
    ("3 de marzo de 2021", dt.date(2021, 3, 3)),
    ("15 mars 2023", dt.date(2023, 3, 15)),
    ("1 août 2022", dt.date(2022, 8, 1)),
    ("7 de setembro de 2020", dt.date(2020, 9, 7)),
    ("12 maart 2019", dt.date(2019, 3, 12)),
    ("15 марта 2023 г.", dt.date(2023, 3, 15)),
    ("2023年3月15日", dt.date(2023, 3, 15)),
    ("2023년 3월 15일", dt.date(2023, 3, 15)),
    ("31 febrero 2021", None),
    ("15 Foo 2023", None),
])
def test_days_written_in_other_languages(value, day):
    assert parse_date(value) == day


@pytest.mark.parametrize("header, day", [
    ("Interview mit Anna Schmidt\nDatum: 15. März 2023\n", dt.date(2023, 3, 15)),
    ("Entrevista con Anna Schmidt\n3 de marzo de 2021\n", dt.date(2021, 3, 3)),
    ("访谈\n日期：2023年3月15日\n", dt.date(2023, 3, 15)),
])
def test_a_header_day_in_another_language_is_the_published_day(header, day):
    text = header + ("\nInterviewer: Wo sind Sie geboren?\n\nAnna Schmidt: In Köln.\n\n"
                     "Interviewer: Und dann?\n\nAnna Schmidt: Dann zogen wir nach Berlin.\n")
    interview, speakers = _speakers(text)
    assert interview.metadata.published == day
    assert speakers["Anna Schmidt"][2] == ["In Köln.", "Dann zogen wir nach Berlin."]


def test_a_markdown_heading_above_timed_lines_is_the_title_without_its_marks():
    lines = "".join(f"[00:00:{10 + 5 * i:02d}] 我觉得这个问题很重要，第{i}点。\n" for i in range(6))
    interview = run("# 详解 Kimi K3：开源模型\n\n" + lines, source="t.md")
    assert interview.format == "timed_lines"
    assert interview.metadata.title == "详解 Kimi K3：开源模型"


@pytest.mark.parametrize("text, interviewer, name, answers", [
    # Devanagari's vowel signs are no \w: the names stopped at the first one
    ("साक्षात्कारकर्ता: आपका जन्म कहाँ हुआ?\n\nराम शर्मा: मैं दिल्ली में पैदा हुआ। फिर हम मुंबई चले गए।\n\n"
     "साक्षात्कारकर्ता: और उसके बाद?\n\nराम शर्मा: वहाँ मैंने पढ़ाई की।\n",
     "साक्षात्कारकर्ता", "राम शर्मा", ["मैं दिल्ली में पैदा हुआ। फिर हम मुंबई चले गए।", "वहाँ मैंने पढ़ाई की।"]),
    ("מראיין: איפה נולדת?\n\nדוד כהן: נולדתי בחיפה. אחר כך עברנו לתל אביב.\n\nמראיין: ומה אז?\n\nדוד כהן: אז התחלתי לעבוד.\n",
     "מראיין", "דוד כהן", ["נולדתי בחיפה. אחר כך עברנו לתל אביב.", "אז התחלתי לעבוד."]),
])
def test_hindi_and_hebrew_labels_are_speakers_and_the_interviewer_a_part(text, interviewer, name, answers):
    _, speakers = _speakers(text, "talk.txt")
    assert speakers[interviewer][1] == "host" and speakers[interviewer][0].endswith("-in-talk")
    assert speakers[name][2] == answers


@pytest.mark.parametrize("interviewer", ["Intervistatore", "Journaliste", "Periodista"])
def test_italian_interviewers_and_journalists_are_parts(interviewer):
    text = (f"{interviewer}: Dove è nato?\n\nGiulia Rossi: A Napoli, nel 1950.\n\n"
            f"{interviewer}: E poi?\n\nGiulia Rossi, ospite: Poi a Roma.\n")
    _, speakers = _speakers(text, "rossi.txt")
    assert speakers[interviewer][:2] == (f"{interviewer.lower()}-in-rossi", "host")


def test_right_to_left_marks_before_arabic_labels_are_read_as_spaces():
    text = ("\u200fالمحاور: مرحبا بك. هل يمكنك أن تحدثنا عن بدايتك؟\n\n\u200fأحمد بن علي: بدأت العمل في القاهرة.\n\n"
            "\u200fالمحاور: وكيف كانت البداية؟\n\n\u200fأحمد بن علي \u200f: كانت صعبة جدا.\n")
    interview, speakers = _speakers(text, "ahmad.txt")
    assert interview.format == "labelled"
    assert speakers["أحمد بن علي"][2] == ["بدأت العمل في القاهرة.", "كانت صعبة جدا."]


@pytest.mark.parametrize("name", ["马克·安德森", "ジョン・スミス"])
def test_a_foreign_name_in_chinese_or_japanese_keeps_its_middle_dot(name):
    text = (f"**主持人**：先从大家都关心的问题开始吧？\n\n**{name}**：我认为我们已经跨过了那个阶段。\n\n"
            f"**主持人**：意味着什么？\n\n**{name}**：第一个产品。\n")
    _, speakers = _speakers(text)
    assert speakers[name][2] == ["我认为我们已经跨过了那个阶段。", "第一个产品。"]


def test_f4transkript_end_marks_are_no_words_and_time_the_next_turn():
    # German qualitative research: "I" the interviewer, "B" the Befragte, the time a paragraph ended after it
    text = ("I: Können Sie sich kurz vorstellen? #00:00:05-3#\n\nB: Ja, gerne. Ich bin Lehrerin. #00:00:14-8#\n\n"
            "I: Wie kam es dazu? #00:00:17-1#\n\nB: Das war eher Zufall. #00:00:25-0#\n")
    interview, speakers = _speakers(text, "f4.txt")
    assert speakers["B"] == ("b-in-f4", "guest", ["Ja, gerne. Ich bin Lehrerin.", "Das war eher Zufall."])
    assert speakers["I"][:2] == ("i-in-f4", "host")
    assert [t.start_seconds for t in interview.turns][1:] == [5.3, 14.8, 17.1]
    assert not any("#" in interview.source_text[s.start_char : s.end_char] for s in interview.sentences)


# a Japanese interview as magazines print it: a lead, then each question opening with two dashes,
# the answers plain paragraphs (in Markdown here, bold questions; in HTML the same in <p><strong>)
_DASH_INTERVIEW = """# 電池の未来を語る

本日は研究者の山田さんにお話を伺いました。

**――まず、ご経歴を教えてください。**

大学で化学を学び、その後電池メーカーに入りました。

今は大型蓄電池の開発をしています。

**――大型蓄電池はどれくらいの大きさですか？**

街ひとつ分の電気をためられます。

――費用はどうでしょうか。

まだ高いですが、毎年下がっています。

――最後に一言お願いします！

電池の未来は明るいです。
"""


def test_a_japanese_interviews_dash_questions_are_the_interviewers_turns():
    annotated = run(_DASH_INTERVIEW, source="dash.md")
    assert annotated.ok and annotated.format == "plain"
    roles = {s.slug: s.role for s in annotated.speakers}
    turns = [(roles[t.speaker_slug], annotated.source_text[t.start_char:t.end_char]) for t in annotated.turns]
    assert turns[0] == ("host", "まず、ご経歴を教えてください。")
    assert turns[1] == ("guest", "大学で化学を学び、その後電池メーカーに入りました。\n\n今は大型蓄電池の開発をしています。")
    assert [role for role, _ in turns] == ["host", "guest"] * 4
    assert turns[-1] == ("guest", "電池の未来は明るいです。")
    assert not any("山田さんにお話を" in words for _, words in turns)  # the lead is no one's turn
    sentences = [annotated.source_text[s.start_char:s.end_char] for s in annotated.sentences]
    assert "**" not in "".join(sentences)


def test_a_dash_or_two_in_prose_is_no_interview_and_a_page_is_read_so_too():
    prose = "私は考えた――本当にそうか。\n\nそれは違う。\n\n――ふと思い出した。\n\n昔のことだ。\n"
    annotated = run(prose, source="essay.md")
    assert not any(s.name == "Interviewer" for s in annotated.speakers)
    page = ("<html><head><title>インタビュー</title></head><body><article><p>山田さんに聞きました。</p>"
            "<h2>経歴</h2><p><strong>――ご経歴は？</strong></p><p>化学です。</p>"
            "<p><strong>――今のお仕事は？</strong></p><p>電池の開発です。</p><h2>これから</h2>"
            "<p>―<strong>―夢は？</strong></p><p>安い電池です。</p></article></body></html>")
    annotated = run(page, source="dash.html")
    turns = [(t.speaker_slug.split("-")[0], annotated.source_text[t.start_char:t.end_char]) for t in annotated.turns]
    assert turns == [("interviewer", "ご経歴は？"), ("interviewee", "化学です。"), ("interviewer", "今のお仕事は？"),
                     ("interviewee", "電池の開発です。"), ("interviewer", "夢は？"), ("interviewee", "安い電池です。")]


# a press interview in Spanish as the papers print it: a lead, then every change of voice a paragraph
# opening with one dash (the raya), the interviewer's first; an answer's later paragraphs have none
_RAYA_INTERVIEW = """# La panadera del barrio

Hablamos con Marta Ruiz, que lleva treinta años abriendo su horno antes del alba.

—¿A qué hora empieza su día?

—A las cuatro. Primero enciendo el horno y después preparo la masa madre.

Los domingos descanso, aunque a veces me cuesta.

—¿Cambió mucho el barrio en estos años?

—Mucho. Antes conocía a todos los vecinos por su nombre.

—Eso se nota en cómo la saludan.

—Sí, todavía me saludan.

—¿Y qué espera del próximo año?

—Que el pan siga saliendo bien.
"""

# the same in Russian, a line for each change of voice (en dashes), no blank lines between them
_DASH_LINES_INTERVIEW = """Беседа с Ольгой Петровой, смотрителем маяка.
– Как вы попали на маяк?
– Случайно. Увидела объявление в газете и поехала.
Сначала думала, что на одно лето.
– А сколько прошло?
– Двадцать лет.
– Долгий срок.
– Да, но я не жалею.
– Что будет с маяком дальше?
– Его сделают музеем, я думаю.
"""


@pytest.mark.parametrize("text, turns", [
    (_RAYA_INTERVIEW, [
        ("host", "¿A qué hora empieza su día?"),
        ("guest", "A las cuatro. Primero enciendo el horno y después preparo la masa madre.\n\n"
                  "Los domingos descanso, aunque a veces me cuesta."),
        ("host", "¿Cambió mucho el barrio en estos años?"),
        ("guest", "Mucho. Antes conocía a todos los vecinos por su nombre."),
        ("host", "Eso se nota en cómo la saludan."),
        ("guest", "Sí, todavía me saludan."),
        ("host", "¿Y qué espera del próximo año?"),
        ("guest", "Que el pan siga saliendo bien."),
    ]),
    (_DASH_LINES_INTERVIEW, [
        ("host", "Как вы попали на маяк?"),
        ("guest", "Случайно. Увидела объявление в газете и поехала.\nСначала думала, что на одно лето."),
        ("host", "А сколько прошло?"),
        ("guest", "Двадцать лет."),
        ("host", "Долгий срок."),
        ("guest", "Да, но я не жалею."),
        ("host", "Что будет с маяком дальше?"),
        ("guest", "Его сделают музеем, я думаю."),
    ]),
])
def test_a_press_interviews_dialogue_dashes_are_the_interviewers_and_the_interviewees_turns(text, turns):
    annotated = run(text, source="entrevista.txt")
    assert annotated.ok and annotated.format == "plain"
    roles = {s.slug: s.role for s in annotated.speakers}
    assert [(roles[t.speaker_slug], annotated.source_text[t.start_char:t.end_char]) for t in annotated.turns] == turns
    assert {s.name for s in annotated.speakers} == {"Interviewer", "Interviewee"}


def test_dashed_lines_that_do_not_ask_in_turn_are_no_interview():
    notes = ("Lo que hay que llevar:\n– agua\n– pan\n– una linterna\n– el mapa\n– un abrigo\n– la radio\n\n"
             "Salimos temprano y volvimos de noche.\n")
    annotated = run(notes, source="notas.txt")
    assert not any(s.name in ("Interviewer", "Interviewee") for s in annotated.speakers)


def test_names_in_full_width_brackets_opening_lines_of_plain_text_are_speakers():
    # a Japanese interview typed as text names each speaker in full-width brackets before the words, as its
    # captions do ("（記者）...", "（館長）..."); a note there ("（笑い）") is no one's name, and a
    # line without one goes on with the speaker before. Before, the whole interview was one plain paragraph
    text = open(Path(__file__).resolve().parents[1] / "data" / "interview_ja_parenthesised_names.txt", encoding="utf-8").read()
    annotated = run(text, source="interview_ja_parenthesised_names.txt")
    assert annotated.format == "labelled"
    names = {s.slug: (s.name, s.role) for s in annotated.speakers}
    turns = [(names[t.speaker_slug][0], annotated.source_text[t.start_char:t.end_char]) for t in annotated.turns]
    assert [name for name, _ in turns] == ["記者", "館長"] * 3 + ["記者"]
    assert turns[1] == ("館長", "古い建物が手狭になったことが一番の理由です。\n子ども向けの部屋も足りませんでした。")
    assert turns[3] == ("館長", "（笑い）いろいろありましたが、静かな読書室がほしいという声が多かったです。")
    assert names[annotated.turns[0].speaker_slug][1] == "host"
    # a document's numbered points and its notes in brackets stay prose
    document = "計画の概要\n（一）目的\n建物が古くなりました。\n（1）部屋を広げる。\n（2）読書室を設ける。\n（ア）時間を延ばす。\n" \
               "（注）費用は来年度に検討します。\n（写真）完成予想図。\n（注）詳細は別紙のとおり。\n（写真）現在の建物。\n"
    assert run(document, source="plan.txt").format == "plain"


_DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.parametrize("name, title, day, asker, answerer, answers", [
    # a German qualitative interview's header: the day in digits with full stops, day first, as German,
    # Russian, Polish, Czech and Turkish write it ("Interviewdatum: 25.04.2026")
    ("interview_de_dotted_date.txt", "Interview mit einer Stadtimkerin", dt.date(2023, 3, 15), "I", "B",
     ["Durch meinen Großvater. Er hatte zwölf Völker im Garten, und ich durfte als Kind mithelfen.",
      "Etwa dreißig, verteilt auf drei Standorte in der Stadt."]),
    # Polish names the month in the genitive ("14 marca 2024")
    ("interview_pl_month_genitive.txt", "Wywiad z przewodnikiem tatrzańskim", dt.date(2024, 3, 14), "Dziennikarz",
     "Jan Kowalski", ["Od wycieczki z ojcem na Halę Gąsienicową, miałem wtedy dziewięć lat.",
                      "Dopiero po studiach, w dwa tysiące dziesiątym roku."]),
    # an Arabic paper's day: Eastern Arabic digits and the month's name as Egypt writes it ("١٥ مارس ٢٠٢٣")
    ("interview_ar_eastern_digits.txt", "مقابلة مع رسامة من الإسكندرية", dt.date(2023, 3, 15), "المذيع", "سارة خليل",
     ["بدأت وأنا طفلة في بيت جدي، كان عنده دفتر ألوان قديم.", "أرسم البحر غالبا، والمراكب في الميناء."]),
])
def test_a_header_day_in_digits_with_full_stops_a_polish_or_an_arabic_month_is_the_published_day(
        name, title, day, asker, answerer, answers):
    interview, speakers = _speakers((_DATA / name).read_text(encoding="utf-8"), name)
    assert interview.metadata.title == title
    assert (interview.metadata.published, interview.metadata.published_precision) == (day, "day")
    assert speakers[asker][1] == "host"
    assert speakers[answerer][1:] == ("guest", answers)


@pytest.mark.parametrize("name, asker, answerer, answers", [
    # Chinese interview notes name the day "采访时间" (the interview's time), the one asking "记者"
    ("interview_zh_notes_time_field.txt", "记者", "陈静",
     ["老馆建于九十年代，空间很小，孩子们没有地方看书。", "多了一个儿童阅览室，还有晚上开放的自习区。"]),
    # Japanese and Korean minutes and interviews: "日時" / "일시" (day and time), the weekday in brackets, the hours
    ("interview_ja_nichiji.txt", "司会", "館長",
     ["よろしくお願いします。古い建物が手狭になったのが一番の理由です。", "子ども向けの閲覧室ができたことです。"]),
    ("interview_ko_ilsi.txt", "진행자", "김민지",
     ["올해로 칠 년째예요. 처음에는 친구와 둘이 시작했어요.", "매주 시집을 한 권씩 사 가시던 할아버지요."]),
])
def test_a_chinese_japanese_or_korean_headers_day_and_time_field_is_the_published_day(name, asker, answerer, answers):
    interview, speakers = _speakers((_DATA / name).read_text(encoding="utf-8"), name)
    assert (interview.metadata.published, interview.metadata.published_precision) == (dt.date(2024, 3, 15), "day")
    assert speakers[asker][1] == "host"
    assert speakers[answerer][1:] == ("guest", answers)


def test_a_russian_day_written_with_the_word_for_year_is_the_published_day():
    # Russian writes a day out with "года" after the year ("15 марта 2023 года"), the short form "г." only sometimes
    name = "interview_ru_year_word.txt"
    interview, speakers = _speakers((_DATA / name).read_text(encoding="utf-8"), name)
    assert interview.metadata.title == "Беседа со смотрительницей маяка"
    assert (interview.metadata.published, interview.metadata.published_precision) == (dt.date(2023, 3, 15), "day")
    assert speakers["Корреспондент"][1] == "host"
    assert speakers["О.Петрова"][1:] == ("guest", ["Случайно. Увидела объявление в газете и поехала на одно лето.",
                                                   "Двадцать лет, и я ни о чём не жалею."])


@pytest.mark.parametrize("name, title, guest, day", [
    # a French show's export: "Titre :", "Invité :", "Sujet :" and "Date :" above the paragraphs
    ("podcast_fr_header_fields.txt", "Le pain au levain", "Paul Mercier", dt.date(2024, 3, 3)),
    # the same typed in a French word processor: a no-break space before each colon
    ("podcast_fr_header_fields_nbsp.txt", "Le pain au levain", "Paul Mercier", dt.date(2024, 3, 3)),
    # a Chinese one's: the fields with full-width colons, no space after them
    ("podcast_zh_header_fields.txt", "社区图书馆的新生", "陈静", dt.date(2024, 3, 15)),
])
def test_a_plain_transcripts_header_fields_in_french_or_chinese_give_its_title_and_guest(name, title, guest, day):
    interview = run((_DATA / name).read_text(encoding="utf-8"), source=name)
    assert interview.ok and interview.format == "plain"
    assert (interview.metadata.title, interview.metadata.guests, interview.metadata.published) == (title, (guest,), day)
    roles = {s.slug: (s.name, s.role) for s in interview.speakers}
    said = [(roles[t.speaker_slug], interview.source_text[t.start_char:t.end_char]) for t in interview.turns]
    assert (guest, "guest") in {who for who, _ in said}
    assert not any(words.startswith(("Titre", "标题", "Sujet")) for _, words in said)


@pytest.mark.parametrize("name, title, day, asker, answerer", [
    # Chinese minutes and interviews open with "主题：" (the subject), the day and the place under it
    ("meeting_zh_topic_field.txt", "社区图书馆改造座谈", dt.date(2024, 3, 15), "主持人", "陈静"),
    ("interview_de_title_field.txt", "Bienen in der Stadt", dt.date(2023, 3, 15), "Moderatorin", "Klara Berger"),
])
def test_a_labelled_transcripts_title_field_is_its_title_without_the_fields_name(name, title, day, asker, answerer):
    interview, speakers = _speakers((_DATA / name).read_text(encoding="utf-8"), name)
    assert (interview.metadata.title, interview.metadata.published) == (title, day)
    assert speakers[asker][1] == "host" and speakers[answerer][1] == "guest"
    assert len(speakers[answerer][2]) == 2


@pytest.mark.parametrize("name, guest, answer", [
    # a host naming the guest in the opening, as Spanish, French and German shows do
    ("podcast_es_opening.txt", "Isabel Ramos", "Después de la universidad. Estudié contabilidad, pero no aguanté ni un año "
                                               "en la oficina."),
    ("podcast_fr_opening.txt", "Paul Mercier", "Les farines. On travaille aujourd'hui avec des moulins de la région."),
    ("podcast_de_opening.txt", "Klara Berger", "Etwa dreißig, verteilt auf drei Standorte in der Stadt."),
])
def test_the_guest_a_spanish_french_or_german_opening_names_is_the_guest(name, guest, answer):
    interview = run((_DATA / name).read_text(encoding="utf-8"), source=name)
    assert interview.ok and interview.format == "plain"
    assert interview.metadata.guests == (guest,)
    roles = {s.slug: (s.name, s.role) for s in interview.speakers}
    said = [(roles[t.speaker_slug], interview.source_text[t.start_char:t.end_char]) for t in interview.turns]
    assert ((guest, "guest"), answer) in said  # (which paragraphs are whose: attribute.py's guess, named or not)
    assert "Guest" not in {name for (name, _), _ in said}


@pytest.mark.parametrize("opening", [
    "Herzlich willkommen. Heute zu Gast ist Frau Dr. Lehmann, Verkehrsforscherin. Warum wollen Städte weniger Autos?",
    "Hola a todos. Hoy conversamos con La Casa Azul, la librería del barrio. ¿Cómo empezó todo?",
    "Bonjour. Je reçois aujourd'hui des lettres de toute la France. Pourquoi tant de courrier ?",
    "Hallo zusammen. Heute spreche ich mit Experten aus der Forschung. Was ist Ihr Thema?",
    "Hallo zusammen. Heute spreche ich mit Bundeskanzler Olaf Scholz. Herr Scholz, wie geht es Ihnen?",
    # a post before the name, capitalised as every German noun is: no name rather than the post read into it
    "Hallo zusammen. Heute zu Gast ist Bürgermeisterin Anna Schmidt. Wie geht es der Stadt?",
])
def test_an_opening_naming_no_person_gives_no_guest(opening):  # (or none for certain)
    text = opening + "\n\n" + "\n\n".join(["Das ist eine lange Geschichte, sagen wir so.", "Und dann?"] * 5) + "\n"
    assert run(text, source="opening.txt").metadata.guests == ()


def test_a_french_chambers_record_names_each_speaker_before_a_full_stop():
    # the Assemblée nationale's and the Sénat's record: "M. le président.", "M. Lucas Bernard.", a minister's
    # post after a comma on the first words ("Mme Hélène Garnier, ministre déléguée ... ."), the words after it
    name = "assemblee_question_orale.txt"
    interview = run((_DATA / name).read_text(encoding="utf-8"), source=name)
    assert interview.ok and interview.format == "labelled"
    names = {s.slug: s.name for s in interview.speakers}
    turns = [(names[t.speaker_slug], interview.source_text[t.start_char:t.end_char]) for t in interview.turns]
    assert [who for who, _ in turns] == ["M. le président", "M. Lucas Bernard", "M. le président", "Mme Hélène Garnier"] * 2
    assert turns[1][1].startswith("Madame la ministre, la maternité") and turns[1][1].endswith("leur sécurité ?")
    assert turns[-1][1] == "Vous l'aurez, monsieur le député, avant la fin du mois de juin."
    assert interview.metadata.title == "FERMETURE DE LA MATERNITÉ DE SAINT-AUBIN"
    roles = {s.name: s.role for s in interview.speakers}
    assert (roles["M. Lucas Bernard"], roles["Mme Hélène Garnier"]) == ("host", "guest")  # the deputy asks
    # a line of prose opening with a name and a full stop stays prose
    assert run("M. Dupont. Voilà ce qu'on disait de lui au village.\n\nIl était boulanger.\n", source="r.txt").format == "plain"


def test_a_plenary_records_dateline_with_the_place_and_the_weekday_is_the_published_day():
    # the Bundestag's stenographic record: "Berlin, Donnerstag, den 15. März 2023" under the sitting's number
    name = "plenarprotokoll_de.txt"
    interview, speakers = _speakers((_DATA / name).read_text(encoding="utf-8"), name)
    assert (interview.metadata.published, interview.metadata.published_precision) == (dt.date(2023, 3, 15), "day")
    assert speakers["Peter Lang"][2] == ["Frau Präsidentin! Liebe Kolleginnen und Kollegen! Wir bauen in diesem Jahr "
                                         "mehr Wohnungen als im letzten."]


@pytest.mark.parametrize("line, day", [
    ("Thursday, March 15, 2023", dt.date(2023, 3, 15)),
    ("Donnerstag, 15. März 2023", dt.date(2023, 3, 15)),
    ("Paris, le 12 mars 2024", dt.date(2024, 3, 12)),
    ("mardi 12 mars 2024", dt.date(2024, 3, 12)),
    ("Madrid, jueves 14 de marzo de 2024", dt.date(2024, 3, 14)),
    ("Wir sehen uns am Donnerstag, 15. März 2023", None),
])
def test_a_days_line_may_open_with_the_place_and_the_weekday(line, day):
    from claims.ingest.formats._head import day_of_line
    assert day_of_line(line) == day


def test_french_caption_cues_name_their_speaker_before_a_spaced_colon():
    # French sets a space before the colon ("CLAIRE : Bonjour"), and a name may open with an accented capital
    name = "interview_fr_names.srt"
    interview = run((_DATA / name).read_text(encoding="utf-8"), source=name)
    assert interview.ok and interview.format == "srt"
    names = {s.slug: (s.name, s.role) for s in interview.speakers}
    turns = [(names[t.speaker_slug][0], interview.source_text[t.start_char:t.end_char]) for t in interview.turns]
    assert [who for who, _ in turns] == ["Claire", "Paul", "Claire", "Paul", "Élodie", "Claire", "Élodie"]
    assert turns[1] == ("Paul", "Merci de me recevoir.")
    assert turns[4] == ("Élodie", "Et moi, je l'ai rejoint deux ans plus tard.")
    assert {n: r for n, r in names.values()}["Claire"] == "host"


def test_french_labels_with_a_no_break_space_before_the_colon_are_speakers():
    # French word processors put a no-break space (U+00A0, or the narrow U+202F) before a colon as they type
    name = "interview_fr_nbsp_colon.txt"
    interview, speakers = _speakers((_DATA / name).read_text(encoding="utf-8"), name)
    assert interview.format == "labelled" and set(speakers) == {"Journaliste", "Claire Dubois"}
    assert speakers["Journaliste"][1] == "host"
    assert speakers["Claire Dubois"][1:] == ("guest", [
        "Oui, un recueil de nouvelles qui se passent toutes au bord de la mer.",
        "J'ai grandi à Brest. Tout commence là-bas pour moi.", "Je n'en parle jamais avant de l'avoir fini."])


@pytest.mark.parametrize("name, host, guest, answers", [
    ("interview_ru_names.srt", "Ведущий", "Ольга Петрова",
     ["Добрый вечер, спасибо за приглашение.", "Случайно. Увидела объявление в газете."]),
    ("interview_ar_names.srt", "المذيع", "سارة خليل", ["مساء النور، شكرا على الدعوة.", "بدأت وأنا طفلة في بيت جدي."]),
    # a Chinese name before a full-width colon, no space after it
    ("interview_zh_names.srt", "主持人", "陈静", ["谢谢邀请，很高兴来到这里。", "多了一个儿童阅览室。"]),
])
def test_caption_cues_name_their_speaker_in_cyrillic_arabic_or_chinese(name, host, guest, answers):
    interview, speakers = _speakers((_DATA / name).read_text(encoding="utf-8"), name)
    assert interview.format == "srt" and set(speakers) == {host, guest}
    assert speakers[host][1] == "host"
    assert speakers[guest][1:] == ("guest", answers)


def test_a_chinese_caption_saying_something_before_a_colon_names_no_one():
    cues = "".join(f"{i}\n00:00:0{i},000 --> 00:00:0{i},900\n{line}\n\n" for i, line in enumerate([
        "我觉得最重要的问题是：我们还没有准备好。", "他说：明天出发。", "好的。", "我觉得最重要的问题是：时间不够。"], 1))
    assert {s.name for s in run(cues, source="zh.srt").speakers} <= {"Host", "Guest"}


@pytest.mark.parametrize("name, title, day", [
    # "recorded on" in the language, French's first of the month "1er"
    ("podcast_fr_recorded_on.txt", "Le pain au levain, avec Paul Mercier", dt.date(2024, 3, 1)),
    ("podcast_de_recorded_on.txt", "Bienen in der Stadt – Folge 42", dt.date(2023, 3, 15)),
])
def test_a_plain_headers_recorded_on_line_in_french_or_german_is_the_published_day(name, title, day):
    interview = run((_DATA / name).read_text(encoding="utf-8"), source=name)
    assert interview.ok and interview.format == "plain"
    assert (interview.metadata.title, interview.metadata.published, interview.metadata.published_precision) == (title, day, "day")


@pytest.mark.parametrize("line, day", [
    ("Publié le 15 févr. 2024", dt.date(2024, 2, 15)),
    ("Veröffentlicht am 15. Jan. 2024", dt.date(2024, 1, 15)),
    ("Publicado el 3 de mar. de 2024", dt.date(2024, 3, 3)),
    ("Grabado el 3 de marzo de 2024", dt.date(2024, 3, 3)),
    ("Registrato il 12 apr. 2022", dt.date(2022, 4, 12)),
])
def test_recorded_or_published_on_and_short_months_in_other_languages(line, day):
    from claims.ingest.formats._head import day_of_line
    assert day_of_line(line) == day


def test_section_headings_between_a_chinese_interviews_turns_are_no_ones_words():
    # Chinese interview notes head each interviewee's part "===陈静采访实录===" or "【补充采访】"
    name = "interview_zh_section_headings.txt"
    interview, speakers = _speakers((_DATA / name).read_text(encoding="utf-8"), name)
    assert speakers["陈静"][2] == ["老馆建于九十年代，空间很小。", "多了一个儿童阅览室。"]
    assert speakers["王磊"][2] == ["每周来两三次，晚上在自习区看书。", "很好，座位多了很多。", "希望周末也能开到晚上十点。"]
    assert speakers["记者"][1] == "host"


@pytest.mark.parametrize("name, parts", [
    # Naver's Clova Note: "참석자 1 00:00" (participant 1) above the words
    ("clova_note_ko.txt", ("참석자 1", "참석자 2")),
    # Word's and Teams' Transcribe in German: "Sprecher 1" under the time
    ("word_transcribe_de.txt", ("Sprecher 1", "Sprecher 2")),
])
def test_a_diarisers_numbered_speaker_in_korean_or_german_is_this_interviews_part(name, parts):
    interview = run((_DATA / name).read_text(encoding="utf-8"), source=name)
    assert interview.ok and interview.format == "labelled"
    slugs = {s.slug for s in interview.speakers if s.name in parts}
    # each interview's "Speaker 1" its own ("sprecher-1-in-..."), not one person across every transcript a diariser wrote
    assert slugs and all("-in-" in slug for slug in slugs), slugs
    roles = {s.slug: s.role for s in interview.speakers}
    assert [roles[t.speaker_slug] for t in interview.turns] == ["host", "guest", "host", "guest"]
    assert parts[0] in {s.name for s in interview.speakers}


def test_a_german_diarised_transcripts_guest_is_named_from_the_hosts_opening():
    interview = run((_DATA / "word_transcribe_de.txt").read_text(encoding="utf-8"), source="word_transcribe_de.txt")
    names = {s.slug: (s.name, s.role) for s in interview.speakers}
    said = [(names[t.speaker_slug], interview.source_text[t.start_char:t.end_char]) for t in interview.turns]
    assert said[1] == (("Klara Berger", "guest"), "Durch meinen Großvater. Er hatte zwölf Völker im Garten.")
    assert said[0][0] == ("Sprecher 1", "host")


def test_clova_notes_header_gives_the_title_and_the_day():
    interview = run((_DATA / "clova_note_ko.txt").read_text(encoding="utf-8"), source="clova_note_ko.txt")
    assert (interview.metadata.title, interview.metadata.published) == ("동네 책방 인터뷰", dt.date(2024, 3, 15))


def test_the_japanese_prime_ministers_press_conference_names_its_speakers_in_brackets_above_their_words():
    # kantei.go.jp's record: the opening statement under "【山田総理冒頭発言】", then "（記者）" and "（山田総理）"
    # alone on their lines, the words below, indented with an ideographic space; the day in the era's years
    name = "kantei_press_conference.txt"
    interview = run((_DATA / name).read_text(encoding="utf-8"), source=name)
    assert interview.ok and interview.format == "labelled"
    roles = {s.slug: (s.name, s.role) for s in interview.speakers}
    turns = [(roles[t.speaker_slug], interview.source_text[t.start_char:t.end_char]) for t in interview.turns]
    assert turns[0] == (("山田総理", "guest"), "本日、新しい子育て支援策を決定いたしました。来年度から実施いたします。")
    assert [name for (name, _), _ in turns] == ["山田総理", "内閣広報官", "記者", "山田総理", "記者", "山田総理"]
    assert turns[2] == (("記者", "host"), "支援策の財源はどのように確保するのでしょうか。")  # the reporter asks
    assert not any("【" in words for _, words in turns)
    assert interview.metadata.published == dt.date(2024, 3, 15)  # 令和6年: Reiwa's sixth year


def test_a_chinese_opening_paragraph_with_a_colon_is_said_not_a_header_field():
    text = ("他说：今天我们一起去公园散步。\n\n我觉得这个问题很重要。我们先聊聊背景吧！你怎么看？\n\n我同意，这件事情确实很复杂。\n\n"
            "那我们从头说起。当时是什么情况？\n\n当时大家都很忙，没有人注意到。\n\n后来呢？\n\n后来就慢慢好了。\n")
    interview = run(text, source="zh.txt")
    assert interview.source_text[interview.turns[0].start_char:interview.turns[0].end_char] == "他说：今天我们一起去公园散步。"


def test_a_german_opening_names_a_guest_after_her_title():
    text = ("Herzlich willkommen. Heute zu Gast ist Frau Amina Yusuf, Imkerin aus Köln. Wie viele Völker haben Sie?\n\n"
            + "\n\n".join(["Das ist eine lange Geschichte, sagen wir so.", "Und dann?"] * 5) + "\n")
    assert run(text, source="opening.txt").metadata.guests == ("Amina Yusuf",)
