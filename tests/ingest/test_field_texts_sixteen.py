"""Texts from the field, the eleventh set's second leftovers (bench/field_set.py): a time mark read as a show's name,
the host of diarised speaker ids, a press conference's labels written without a colon; each file written in the
producer's shape, in words of our own."""
from claims.ingest.pipeline import run
from tests.field_texts import read, roles, spoken_by


def test_a_time_mark_after_a_welcome_is_no_shows_name():
    # "Welcome back to" ends a line and the next opens with its time, "00:02": the opening, joined by spaces, reads
    # "Welcome back to 00:02 Harbour Talk."; the show is the words after the time, never the time's digits
    annotated = run(read("labelled_welcome_back_then_time.txt"), source="labelled_welcome_back_then_time.txt")
    assert annotated.metadata.show == "Harbour Talk"


def test_a_welcome_to_a_number_alone_names_no_show():
    text = "Ann Dale: Welcome back to 2024, everyone.\n\nBo Ek: Thanks, Ann.\n\nAnn Dale: So, the bridge?\n\nBo Ek: Late.\n"
    assert run(text, source="numbers.txt").metadata.show == ""


def test_who_welcomes_a_meetings_voices_is_its_host_not_one_asking_once_at_the_end():
    # a meeting bot's segments under opaque participant ids: Speaker 1 thanks everyone for joining and asks the
    # second voice its questions; Speaker 3 speaks once, last, with a question: the welcome says who leads
    annotated = run(read("meeting_segment_speaker_ids.json"), source="meeting_segment_speaker_ids.json")
    assert roles(annotated) == {"Speaker 1": "host", "Speaker 2": "guest", "Speaker 3": "guest"}



def test_a_press_conferences_role_words_opening_the_paragraphs_without_a_colon_are_labels():
    # a newspaper's summary of a press conference: "記者(幹事社・...)" (reporter, the organising paper in brackets) and
    # "大臣" (the minister) open the questions' and answers' paragraphs, a space after them and no colon
    annotated = run(read("press_conference_role_words_ja.txt"), source="press_conference_role_words_ja.txt")
    assert annotated.format == "labelled"
    assert roles(annotated) == {"記者": "host", "大臣": "guest"}
    said = spoken_by(annotated)
    assert ("記者", "工事の遅れはどのくらいになる見通しか。費用は増えるのか。") in said
    assert ("大臣", "騒音の問題があるので、慎重に検討する。") == said[-1]
    assert not any("幹事社" in words or "湾岸通信" in words for _, words in said)


def test_a_word_and_a_space_opening_paragraphs_that_do_not_alternate_are_no_labels():
    # a Japanese article whose paragraphs open with a place's name and a space, each place once or twice in a row
    text = ("港の一日\n\n 東京 朝から雨が降り、船の出入りは少なかった。\n 東京 午後には晴れて、観光船が出た。\n"
            " 横浜 風が強く、小さな船は港にとどまった。\n 横浜 夕方には風がやみ、釣り船が戻った。\n")
    annotated = run(text, source="article_ja.txt")
    assert annotated.format != "labelled"
