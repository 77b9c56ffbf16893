"""Texts from the field, the eleventh set's leftovers (bench/field_set.py): a word said after a time mark taken for a
name, the question's and the answer's sides written as labels in other languages, two presenters of one show, a
heading introducing the transcript; each file written in the producer's shape, in words of our own."""
from claims.ingest.pipeline import run
from claims.ingest.records import Metadata
from tests.field_texts import roles, spoken_by


def test_a_word_said_after_a_time_mark_is_no_name():
    # a timed transcript whose caption lines open with "Okay" or "Yeah" after two spaces: the word is said, no
    # speaker's name, even where it opens two lines
    text = ("Harbour Talk\n\n0:00  Okay\nso we start with the ferry.\n0:04  Okay\nthat was late again.\n"
            "0:07  Yeah\nit always is, isn't it.\n0:09  Well\nnot always, no.\n0:12  Right\nlast May it was on time.\n")
    annotated = run(text, source="timed.txt")
    assert not {"Okay", "Yeah", "Well", "Right"} & {s.name for s in annotated.speakers}
    assert "Okay" in annotated.source_text[annotated.turns[0].start_char:annotated.turns[0].end_char + 20]


def test_a_word_said_after_a_time_mark_beside_real_names_stays_in_the_words():
    text = ("Harbour Talk\n\n00:00  Mira\nWelcome back to\n00:02\nHarbour Talk. With me is Jon.\n"
            "00:05  Jon\nThanks for having me.\n00:07  Okay\nso it's good to be here.\n00:09  Mira\nSo, the new ferry?\n"
            "00:11  Jon\nLate, as always.\n00:13  Okay\nand nobody says sorry.\n")
    annotated = run(text, source="fyyd.txt")
    assert {s.name for s in annotated.speakers} == {"Mira", "Jon"}
    assert any("so it's good to be here" in words and name == "Jon" for name, words in spoken_by(annotated))


def _question_and_answer(asking, answering):
    # the side answering asks back ("Why did it happen?"), the side asking puts its questions as requests: the words
    # on the labels, not the question marks, say who asks
    return (f"Interview with the mayor\n\n{asking}: Tell us about the delay with the new bridge.\n\n"
            f"{answering}: Why did it happen? The steel came late, and the river was high all spring. Who plans for that?\n\n"
            f"{asking}: And the cost.\n\n{answering}: Higher than planned? Yes, by a fifth.\n\n"
            f"{asking}: The opening, then.\n\n{answering}: In October, if the weather holds. Why not?\n")


def test_question_and_answer_labels_are_the_asking_and_the_answering_sides_in_any_language():
    for asking, answering in [("Frage", "Antwort"), ("Pergunta", "Resposta"), ("Вопрос", "Ответ"), ("Question", "Answer"),
                              ("Q", "A"), ("Pregunta", "Respuesta"), ("Question", "Réponse")]:
        annotated = run(_question_and_answer(asking, answering), source="qa.txt")
        assert roles(annotated) == {asking: "host", answering: "guest"}, asking


def test_question_and_answer_labels_take_the_names_given_by_their_side():
    for asking, answering in [("Frage", "Antwort"), ("Вопрос", "Ответ"), ("Question", "Answer"), ("Q", "A")]:
        annotated = run(_question_and_answer(asking, answering), source="qa.txt",
                        metadata=Metadata(hosts=("Ann Dale",), guests=("Bo Ek",)))
        assert spoken_by(annotated)[0] == ("Ann Dale", "Tell us about the delay with the new bridge."), asking
        assert roles(annotated) == {"Ann Dale": "host", "Bo Ek": "guest"}, asking


def test_a_pages_presenters_field_names_both_hosts():
    # a Russian radio's transcript page: "Ведущие:" (presenters) above the labels, each an initial and a surname
    text = ("Итоги недели\n\nВедущие: Мария Светлова, Игорь Ланской\n\n"
            "М. Светлова: Добрый вечер, вы слушаете радио, в студии Мария Светлова и Игорь Ланской. Начинаем.\n\n"
            "И. Ланской: Добрый вечер. Напомню номер для сообщений, он прежний.\n\n"
            "М. Светлова: Что было главным на этой неделе, как вы думаете?\n\n"
            "И. Ланской: Выборы, конечно. Все только о них и говорили.\n\n"
            "М. Светлова: А что будет на следующей неделе?\n\n"
            "И. Ланской: Гость, и не один. Присылайте вопросы заранее.\n")
    annotated = run(text, source="presenters.txt")
    assert set(roles(annotated).values()) == {"host"} and len(roles(annotated)) == 2


def test_two_presenters_opening_the_show_and_handing_to_one_guest_are_both_hosts():
    # the second presenter greets and reminds the listeners of the number, then puts a question without its mark:
    # the one who only answers is the guest
    text = ("Итоги недели\n\n"
            "М. Светлова: Добрый вечер, вы слушаете радио, в студии Мария Светлова и Игорь Ланской, у нас в гостях Пётр Орлов.\n\n"
            "И. Ланской: Добрый вечер. Напомню номер для сообщений, он прежний.\n\n"
            "П. Орлов: Добрый вечер.\n\n"
            "М. Светлова: Пётр, что было главным на этой неделе?\n\n"
            "П. Орлов: Выборы, конечно. Все только о них и говорили, и в городе, и в деревне, и дома, и на работе.\n\n"
            "И. Ланской: И всё-таки, кто победит.\n\n"
            "П. Орлов: Тот, кто лучше считает голоса. Так было всегда, и так будет и в этот раз, я уверен.\n\n"
            "М. Светлова: А что будет дальше?\n\n"
            "П. Орлов: Будет ещё один тур, я думаю.\n\n"
            "И. Ланской: Напомню, что вопросы можно присылать.\n\n"
            "П. Орлов: Присылайте, я отвечу.\n")
    annotated = run(text, source="presenters.txt")
    assert roles(annotated) == {"М. Светлова": "host", "И. Ланской": "host", "П. Орлов": "guest"}


def test_a_heading_introducing_the_transcript_is_no_ones_words():
    # a French radio's page: "Retranscription des premières minutes :" (French spacing before the colon) on the line
    # just above the first dashed line, no blank line between them
    text = ("Transcription du début de l'entretien :\n"
            "- Bonjour, vous écoutez Radio Littoral, il est huit heures. Bonjour Claire Vidal.\n"
            "- Bonjour.\n"
            "- Le port ferme ses quais le dimanche, pourquoi ?\n"
            "- Parce que les dockers ont voté contre le travail du dimanche, tout simplement.\n"
            "- Et la mairie, elle en dit quoi ?\n"
            "- Elle attend la fin de la saison pour trancher, comme toujours.\n")
    annotated = run(text, source="radio.txt")
    assert annotated.ok
    assert all("Transcription du début" not in words for _, words in spoken_by(annotated))
    assert spoken_by(annotated)[0][1].lstrip("- ").startswith("Bonjour, vous écoutez")


def test_a_line_ending_with_a_colon_inside_the_words_stays_said():
    text = ("- Bonjour, vous écoutez Radio Littoral. Voici ce que le maire m'a dit :\n"
            "- « Les quais restent fermés. »\n"
            "- Et vous le croyez ?\n"
            "- Pas vraiment, non.\n")
    annotated = run(text, source="radio.txt")
    assert "Voici ce que le maire" in annotated.source_text[annotated.turns[0].start_char:annotated.turns[0].end_char]


def test_a_banner_in_capitals_above_the_page_is_no_title():
    # a Russian radio's transcript page: "СЛУШАЙТЕ РАДИО ... ГДЕ УДОБНО!" (listen to the radio wherever you like) above
    # "стенограмма" (transcript) and the programme's name and day
    text = ("СЛУШАЙТЕ РАДИО «ПРИБОЙ» В ЛЮБОМ МЕСТЕ!\nстенограмма\n\n\"Утро у моря\", 3 августа\n\n"
            "Анна СЕРОВА, ведущая: Доброе утро! Мы снова в эфире.\n\n"
            "Олег ПАВЛОВ, ведущий: Доброе утро. Начинаем.\n\n"
            "Анна СЕРОВА, ведущая: Сегодня говорим о погоде на побережье.\n\n"
            "Олег ПАВЛОВ, ведущий: Погода, как всегда, переменчива.\n")
    annotated = run(text, source="banner.txt")
    assert annotated.format == "labelled"
    assert annotated.metadata.title == "\"Утро у моря\", 3 августа"


def test_a_transcript_pages_marked_episode_title_is_the_title_and_the_line_above_the_show():
    # a podcast directory's transcript page: the show's name, its description, then the episode's title marked
    # "[transcript]", then the timed lines
    text = ("Harbour Talk\n\nA weekly conversation about boats, ports and the people who run them.\n\nsubscribe\nshare\n\n"
            "The Ferry That Never Came [transcript]\n\nMira asks Jon why the new ferry is a year late.\n\n"
            "2023-04-02  41m\n\n00:00  Mira\nWelcome back to\n00:02\nHarbour Talk. With me is Jon.\n"
            "00:05  Jon\nThanks for having me.\n00:07\nIt's good to be here.\n00:09  Mira\nSo, the new ferry?\n"
            "00:11  Jon\nLate, as always.\n")
    annotated = run(text, source="fyyd.txt")
    assert annotated.metadata.title == "The Ferry That Never Came"
    assert annotated.metadata.show == "Harbour Talk"


def test_two_presenters_the_opening_names_as_standing_in_are_both_hosts():
    # a Russian radio's show of two presenters and no guest yet: the first names both as standing in for the regular
    # presenters ("в роли <regular> сегодня <name>": in the role of ... today ...), the labels an initial and a surname
    text = ("Неделя в эфире\n\n"
            "И. Ланской: Добрый вечер, вы слушаете радио, в роли Петра Серова сегодня Игорь Ланской, "
            "в роли Анны Котовой сегодня Мария Светлова.\n\n"
            "М. Светлова: Добрый вечер.\n\n"
            "И. Ланской: Начинаем. Поговорим о том, что было на этой неделе, а гость будет во второй части.\n\n"
            "М. Светлова: Присылайте вопросы, номер прежний.\n\n"
            "И. Ланской: Да, уже сейчас можно.\n")
    annotated = run(text, source="presenters.txt")
    assert roles(annotated) == {"И. Ланской": "host", "М. Светлова": "host"}
