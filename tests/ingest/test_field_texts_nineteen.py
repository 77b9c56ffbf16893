"""Leftovers of the fourteenth field set (bench/field_set.py: print and web Q&A interviews), in small files of our own
words: bold labels wrapped in italics as web clippers and site generators write them ("_**Name:**_", "**_Name:_**",
"***ECR:** *question*"), ..."""
from claims.ingest.pipeline import run
from tests.field_texts import read, roles, spoken_by


def test_bold_labels_wrapped_in_italics_are_labels():
    # a magazine interview clipped to Markdown: the publication asks in "_**Quayside: question?**_", the answers under
    # "**Name:**", "_**Surname:**_" and "**_Surname:_**"; the introduction and the editing note above are no one's
    annotated = run(read("emphasised_bold_labels.md"), source="emphasised_bold_labels.md")
    assert annotated.format == "labelled"
    said = spoken_by(annotated)
    assert [name for name, _ in said] == [
        "Quayside", "Ines Varga", "Quayside", "Tomas Brandt", "Ines Varga", "Quayside", "Ines Varga", "Tomas Brandt"]
    assert said[0][1].startswith("How did you start")
    assert said[3][1].startswith("It was late by a season.")
    assert not any("edited for length" in words or "We spoke to" in words or "More interviews" in words
                   for _, words in said)
    assert roles(annotated)["Quayside"] == "host"


def test_a_bold_label_opening_an_italic_question_is_a_label():
    # an academic blog's Q&A: "***FN:** *question*" (the label in bold, the question in italics), "**AP:** answer"
    annotated = run(read("emphasised_initial_labels.md"), source="emphasised_initial_labels.md")
    said = spoken_by(annotated)
    assert [name for name, _ in said] == ["FN", "AP"] * 3
    assert not any("## " in words or "Methods" == words.strip() for _, words in said)
    assert roles(annotated)["FN"] == "host"


def test_a_read_more_link_alone_on_its_line_is_no_label_and_ends_the_excerpt():
    # a magazine's listing page: an interview's opening, "[Read More]", the next article's title and lede
    annotated = run(read("listing_read_more.txt"), source="listing_read_more.txt")
    said = spoken_by(annotated)
    assert {name for name, _ in said} == {"HARBOUR", "Mina"}
    assert len(said) == 6
    assert not any("Read More" in words or "night ferry" in words for _, words in said)


def test_an_ama_saved_with_each_comments_author_and_score_above_it_is_labelled_by_author():
    # an AMA archive's page: the host's post, the thread's counts, then each comment under "<user><score> karma"
    annotated = run(read("ama_karma_lines.txt"), source="ama_karma_lines.txt")
    assert annotated.format == "labelled"
    said = spoken_by(annotated)
    assert [name for name, _ in said if name != "wrenmaps"] == ["hikerjo", "Fern88Lake", "hikerjo"]
    assert ("wrenmaps", "Mud. It moves every season and nobody believes the map about it.") in said
    assert not any("karma" in words or "Comments: 812" in words for _, words in said)
    assert roles(annotated)["wrenmaps"] == "guest" and roles(annotated)["hikerjo"] == "host"


def test_an_ama_commenter_whose_question_ends_in_a_list_still_asks():
    text = read("ama_karma_lines.txt").replace(
        "What is the hardest thing to show on a map?", "What is the hardest thing to show on a map? Say:\n\n1) mud\n\n2)fog")
    assert roles(run(text, source="ama_karma_lines.txt"))["Fern88Lake"] == "host"


def test_a_bold_question_set_in_two_bold_runs_is_still_a_question():
    # a news site's Q&A exported to Markdown: one question's bold broken in two runs ("**... the** **tower ...?**")
    said = spoken_by(run(read("bold_question_in_two_runs.md"), source="bold_question_in_two_runs.md"))
    assert len(said) == 8
    assert said[4][1].startswith("It sounds lonely") and said[5][1] == "The view. The stairs I do not miss at all."
    assert said[4][0] != said[5][0]


def test_an_ama_post_above_the_threads_counts_is_the_guests():
    said = spoken_by(run(read("ama_karma_lines.txt"), source="ama_karma_lines.txt"))
    assert said[0][0] == "wrenmaps" and said[0][1].startswith("Hi all, I'm Wren")
    assert said[0][1].endswith("thanks for the questions!")
