"""Texts from the field, thirteenth round (bench/field_set.py's eleventh set: interviews in French, German, Portuguese
and Japanese, oral histories, and AI researchers' interviews as public repositories hold them): shapes their producers
write, each file in tests/data written in the producer's shape, in words of our own."""
import datetime as dt
import json

from claims.ingest.markup import reading_text
from claims.ingest.pipeline import run
from tests.field_texts import read, roles, spoken_by


def test_a_french_press_service_writes_surnames_in_capitals_even_in_the_words():
    # vie-publique.fr's interviews: "SONIA MABROUK" alone above her words, and "Bonjour Sonia MABROUK" in the guest's; the
    # surname in capitals in the words is the press's convention, not how the name is spelt ("Sonia MABROUK" before)
    annotated = run(read("press_service_names_in_capitals.txt"), source="press_service_names_in_capitals.txt")
    assert annotated.ok and annotated.format == "labelled"
    assert {s.name for s in annotated.speakers} == {"Odile Farges", "Lucien Marchetti", "Thomas Rivoire"}


def test_a_full_text_heading_is_no_title():
    # vie-publique.fr's "Texte intégral" (full text) above the labels had been the interview's title
    annotated = run(read("press_service_names_in_capitals.txt"), source="press_service_names_in_capitals.txt")
    assert annotated.metadata.title == ""


def test_two_interviewers_handing_to_one_guest_are_both_hosts():
    # a radio interview of two journalists and a minister: the second journalist, who asks and whose every turn the
    # minister answers, had been taken for a second guest
    annotated = run(read("press_service_names_in_capitals.txt"), source="press_service_names_in_capitals.txt")
    assert roles(annotated) == {"Odile Farges": "host", "Thomas Rivoire": "host", "Lucien Marchetti": "guest"}


def test_a_panellist_asking_the_host_is_no_second_host():
    text = ("MAYA:\nWelcome to Dock Talk. With me are Ruth and Elena. Ruth, what went wrong at the ferry terminal?\n\n"
            "RUTH:\nThe ramps were built for the old boats. The new ones sit lower in the water.\n\n"
            "ELENA:\nCan I add something, Maya? Wasn't that known before the order?\n\n"
            "MAYA:\nIt was, and nobody listened. Ruth, who pays for new ramps?\n\n"
            "RUTH:\nThe port, in the end. The council says it has no money left.\n")
    annotated = run(text, source="dock_talk.txt")
    assert roles(annotated) == {"Maya": "host", "Ruth": "guest", "Elena": "guest"}


def test_an_oral_historys_interviewed_by_line_names_the_host():
    # NASA's oral history pages: "Interviewed by Jennifer Ross-Nazzal" under the interviewee's name, then "Ross-Nazzal:"
    # opening with the date and thanks, no question: the interviewee, who answers "No problem at all.", had been the host
    annotated = run(read("oral_history_interviewed_by.txt"), source="oral_history_interviewed_by.txt")
    assert annotated.ok and annotated.format == "labelled"
    assert roles(annotated) == {"Okafor-Lynch": "host", "Holloway": "guest"}
    assert spoken_by(annotated)[0][0] == "Okafor-Lynch"


def test_a_video_record_with_its_transcript_as_one_string_is_read():
    # a repository's JSON for a YouTube video: its metadata (id, title, link, upload day) and the transcript as one
    # string, no segments; it was refused as a JSON of a shape this does not read
    annotated = run(read("video_record_with_transcript_string.json"), source="video_record_with_transcript_string.json")
    assert annotated.ok
    assert annotated.metadata.title == "Rosa Lindqvist – Why tidal turbines keep breaking"
    assert annotated.metadata.published == dt.date(2026, 2, 9)
    assert annotated.metadata.video_id == "Xq3vB7nLp0A"
    words = " ".join(w for _, w in spoken_by(annotated))
    assert "why the turbines fail so early" in words and "videoMetadata" not in words


def test_a_json_object_whose_transcript_is_no_string_is_still_refused():
    text = json.dumps({"videoMetadata": {"title": "A talk"}, "transcript": 12})
    assert not run(text, source="odd.json").ok


def test_japanese_labels_in_lenticular_brackets():
    # Tokyo's governor's press conferences: "【知事】" and "【記者】" opening the paragraphs, the words glued to them; the day
    # a line of its own with the weekday in brackets, "2012年8月24日(金曜)"
    annotated = run(read("governor_briefing_brackets.txt"), source="governor_briefing_brackets.txt")
    assert annotated.ok and annotated.format == "labelled"
    turns = spoken_by(annotated)
    assert [name for name, _ in turns] == ["知事", "記者", "知事", "記者", "知事"]
    assert turns[1][1].startswith("地元テレビです")
    assert not any("【" in words for _, words in turns)
    assert roles(annotated) == {"知事": "guest", "記者": "host"}
    assert annotated.metadata.title == "知事定例記者会見"
    assert annotated.metadata.published == dt.date(2023, 3, 31)


def test_a_bracketed_word_once_is_no_label():
    text = "お知らせ\n\n【重要】明日の説明会は中止になりました。詳しくは窓口までお問い合わせください。\n\n来週の日程は追って連絡します。\n"
    assert run(text, source="notice.txt").format != "labelled"


def test_a_japanese_day_line_with_its_time_is_the_published_day():
    # Tokyo Shimbun's summaries: the day and the time of posting, "2020年6月19日 09時41分", under the headline
    text = ("首相会見要旨\n\n2020年6月19日 09時41分\n\n記者: 港の工事はいつ終わりますか。\n\n首相: 来年の春には終わります。\n\n"
            "記者: 費用は増えますか。\n\n首相: 増えない見込みです。\n")
    annotated = run(text, source="summary.txt")
    assert annotated.metadata.published == dt.date(2020, 6, 19)


def test_a_place_before_the_day_is_a_dateline():
    # Brazil's presidency: "Sobradinho/BA, 05 de agosto de 2019" alone above the labels; so too NASA's
    # "Houston, TX – 3 August 2015" under the interviewer's name
    annotated = run(read("presidency_dateline.txt"), source="presidency_dateline.txt")
    assert annotated.ok and annotated.format == "labelled"
    assert annotated.metadata.published == dt.date(2018, 3, 7)
    annotated = run(read("oral_history_interviewed_by.txt"), source="oral_history_interviewed_by.txt")
    assert annotated.metadata.published == dt.date(2019, 5, 14)


def test_a_sentence_with_a_place_and_a_day_is_no_dateline():
    text = ("Notes\n\nWe met in Lisbon, on 12 March 2019, to plan the survey.\n\nANA: Shall we start?\n\nRUI: Yes, go ahead.\n\n"
            "ANA: Who has the maps?\n\nRUI: I do.\n")
    assert run(text, source="notes.txt").metadata.published is None


def test_a_pages_link_back_in_german_is_no_title():
    # a politician's site: "zurück" (back) above the interview's heading
    text = ("zurück\nHafen, Stadt und Fischer: Eine Bestandsaufnahme\nRundfunkgespräch vom 3. Mai 2011\n"
            "Jana Weller: Herr Brandt, wie geht es mit dem Hafen weiter?\n"
            "Olaf Brandt: Wir bauen die Kais bis 2014 neu.\n"
            "Weller: Und die Fischer?\nBrandt: Sie behalten ihren Platz.\n")
    annotated = run(text, source="hafen.txt")
    assert annotated.format == "labelled"
    assert annotated.metadata.title == "Hafen, Stadt und Fischer: Eine Bestandsaufnahme"


def test_entities_in_a_markdown_transcripts_timed_lines_read_as_spaces():
    # an archive of YouTube transcripts in Markdown keeps YouTube's "&nbsp;" between caption lines: the stored text
    # keeps them, as every source is kept, and the words later stages read have spaces there
    text = read("aikol_timed_markdown_entities.md")
    annotated = run(text, source="aikol_timed_markdown_entities.md")
    assert annotated.ok and annotated.format == "timed_lines"
    assert annotated.metadata.title == "Tide tables from the bottom up – Ana Ferro"
    reading = reading_text(annotated.source_text, annotated.format)
    assert len(reading) == len(annotated.source_text)
    turn = annotated.turns[0]
    assert " ".join(reading[turn.start_char:turn.end_char].split()).startswith(
        "I'm back with Ana Ferro, who maps tides for the harbour office. Last time")
    assert "&nbsp;" not in reading


def test_an_oral_historys_pdf_text_run_together_is_cut_at_the_names_its_header_declares():
    # a document site's text of a museum's oral history PDF: the header ("Oral History of ...", "Interviewed by: ...")
    # and every turn on one line, "Tomas Ekwall: ... Nadia Brennan: ..."; it was one unlabelled paragraph, the site's
    # "File Type:pdf" a turn of its own
    annotated = run(read("oral_history_pdf_run_together.txt"), source="oral_history_pdf_run_together.txt")
    turns = spoken_by(annotated)
    assert [name for name, _ in turns] == ["Tomas Ekwall", "Nadia Brennan", "Tomas Ekwall", "Nadia Brennan"]
    assert turns[0][1].startswith("Nadia, could you tell us")
    assert roles(annotated) == {"Tomas Ekwall": "host", "Nadia Brennan": "guest"}
    assert annotated.metadata.title == "Oral History of Nadia Brennan"


def test_an_oral_historys_header_before_its_first_label_is_no_ones_words():
    # the same site's text of NASA's oral histories: "... INTERVIEWED BY MARK DENBY TUCSON, ARIZONA – 12 MAY 2004 DENBY:
    # Today is ..."; the labels in capitals were read, and the header and the site's lines above them were a turn of
    # no one's
    annotated = run(read("oral_history_capitals_run_together.txt"), source="oral_history_capitals_run_together.txt")
    turns = spoken_by(annotated)
    assert turns[0] == ("Denby", "Today is May 12, 2004, and we are at Ruth Calloway's home in Tucson. Thank you for having us.")
    assert not any("File Type" in words or "INTERVIEWED BY" in words for _, words in turns)
    assert roles(annotated) == {"Denby": "host", "Calloway": "guest"}


def test_a_declared_name_inside_a_sentence_is_no_label():
    text = ("Oral History of Ada Quist\n\nInterviewed by: Lee Varga\n\n"
            "Lee Varga: You worked with her for years. Ada Quist: what was she like? She asked me once, and I told "
            "her what I had written to Ada Quist: that the plan would hold. Ada Quist: It held, for a while.\n")
    turns = spoken_by(run(text, source="quist.txt"))
    assert [name for name, _ in turns] == ["Lee Varga", "Ada Quist", "Ada Quist"]
    assert "written to Ada Quist: that the plan" in turns[1][1]


def _quick(text, source, limit=8.0):
    import time
    began = time.perf_counter()
    annotated = run(text, source=source)
    assert time.perf_counter() - began < limit, source
    return annotated


def test_this_rounds_readings_stay_linear_on_hostile_input():
    # ~5 MB each (the labels 1 MB: as long as "記者：" labels take): the declared names said again and again after long
    # runs of spaces; a lenticular label on every line; a dateline's place run on for a line
    head = "Oral History of Ann Bee\n\nInterviewed by: Cy Dee\n\n"
    _quick(head + ("Cy Dee: Why? " + " " * 200 + "Ann Bee: Because. ") * 22_000, "oral.txt")
    _quick("【記者】なぜですか。\n【知事】はい。\n" * 55_000, "briefing.txt")
    _quick("Sobradinho/BA " * 400_000 + "\n\nJornalista: Bom dia.\n\nPresidente: Bom dia.\n", "dateline.txt")
    _quick(json.dumps({"videoMetadata": {"title": "x" * 1000, "uploadDate": "9" * 1000}, "transcript": "word " * 1_000_000}),
           "video.json")


def test_a_transcript_heading_and_a_timed_section_heading_are_no_title():
    # 80,000 Hours' pages as text: "Transcript", then the first section's heading and time, "Producer's intro [00:00:00]"
    text = ("Transcript\nHow we met [00:00:00]\nAnna Vik: Welcome back. Today I talk with Ole.\n"
            "Ole Dahl: Thanks for having me.\nAnna Vik: How did the project start?\nOle Dahl: With a map.\n")
    assert run(text, source="page.txt").metadata.title == ""


def test_a_label_of_a_given_name_and_a_surname_in_capitals_reads_as_a_name():
    # Radio Vesti's transcripts: "Василиса ФРОЛОВА, ведущая:" (the surname in capitals, the part after the comma)
    text = ("Стенограмма эфира\n\nАнна ВОЛКОВА, ведущая: Добрый вечер. Сегодня у нас в гостях Пётр Лесков.\n\n"
            "Пётр ЛЕСКОВ: Добрый вечер.\n\nАнна ВОЛКОВА, ведущая: Когда откроют мост?\n\n"
            "Пётр ЛЕСКОВ: Весной, если зима будет мягкой.\n")
    annotated = run(text, source="vesti.txt")
    assert roles(annotated) == {"Анна Волкова": "host", "Пётр Лесков": "guest"}


def test_russian_radios_initial_and_surname_label_the_paragraphs_with_or_without_a_colon():
    # Echo of Moscow's transcripts: "Д. Борисов: ..." once, then "Т. Фельгенгауэр Добрый вечер." with no colon at all
    text = ("Эходром\n\nА. Петров: Добрый вечер, в эфире Эходром.\n\nМ. Ланская Добрый вечер.\n\n"
            "А. Петров Сегодня у нас в гостях главный редактор сайта.\n\nМ. Ланская Вопросы можно присылать уже сейчас.\n\n"
            "А. Петров … да, уже сейчас.\n")
    annotated = run(text, source="echo.txt")
    assert annotated.format == "labelled"
    turns = spoken_by(annotated)
    assert [name for name, _ in turns] == ["А. Петров", "М. Ланская", "А. Петров", "М. Ланская", "А. Петров"]
    assert turns[1][1] == "Добрый вечер."
    # the surname in capitals before a dash, each once (the archive's older pages)
    text = ("Особое мнение - 2005-09-26\n\nБ.ТОКАРЕВ – …и поэтому решение приняли без нас. Так бывает.\n\n"
            "Л.ГРАНИНА – Давайте перейдём к новостям. Что вы думаете о выборах?\n")
    assert [name for name, _ in spoken_by(run(text, source="echo2.txt"))] == ["Б. Токарев", "Л. Гранина"]


def test_an_initial_and_a_surname_opening_prose_once_is_no_label():
    text = ("Notes\n\nJ. Smith wrote the first survey of the bay in 1902. It was lost.\n\n"
            "The second survey was better kept, and it is the one we use.\n")
    assert run(text, source="notes.txt").format != "labelled"


def test_a_name_alone_after_a_time_mark_labels_the_lines_below():
    # fyyd.de's transcript pages: "00:00  Alban" (two spaces), the words on the next line, then each caption line's
    # time alone above it; the name had been read as the first word said
    text = ("Harbour Talk\n\n00:00  Mira\nWelcome back to\n00:02\nHarbour Talk. With me is Jon.\n"
            "00:05  Jon\nThanks for having me.\n00:07\nIt's good to be here.\n00:09  Mira\nSo, the new ferry?\n"
            "00:11  Jon\nLate, as always.\n")
    annotated = run(text, source="fyyd.txt")
    turns = spoken_by(annotated)
    assert [name for name, _ in turns] == ["Mira", "Jon", "Mira", "Jon"]  # (one voice's lines one turn)
    assert turns[0][1].startswith("Welcome back to") and "Mira" not in turns[0][1]
    assert [t.start_seconds for t in annotated.turns] == [0, 5, 9, 11]
