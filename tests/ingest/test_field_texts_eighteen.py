"""Leftovers of the thirteenth field set (bench/field_set.py), in small files of our own words: a caption site's text
whose new voices open a line with "- ", ..."""
from claims.ingest.pipeline import run
from tests.field_texts import read, roles, spoken_by


def test_caption_text_whose_lines_open_with_a_dash_reads_the_dashes_as_changes_of_voice():
    # a caption site's text download: a caption a paragraph, "- " where a new voice starts; a clip of the guest
    # first, then the host's introduction, then the conversation
    annotated = run(read("caption_text_dash_turns.txt"), source="caption_text_dash_turns.txt")
    assert annotated.format == "plain"
    said = spoken_by(annotated)
    assert not any(words.startswith("-") for _, words in said)  # the marks are no one's words
    host = next(name for name, words in said if words.startswith("The following is"))
    guest = next(name for name, words in said if words.startswith("What is a current?"))
    assert host != guest
    assert said[0][0] == guest  # the clip of the guest before the host speaks
    assert [name for name, words in said if words.startswith(("When you measure", "How long"))] == [host, host]
    assert [name for name, words in said if words.startswith(("Mostly instruments", "A few years"))] == [guest, guest]


def test_caption_text_opening_with_the_hosts_dashed_introduction_gives_it_to_the_host():
    text = read("caption_text_dash_turns.txt")
    text = text[text.index("- The following"):]
    said = spoken_by(run(text, source="caption_text_dash_turns.txt"))
    assert said[0][1].startswith("The following is")
    assert said[0][0] != next(name for name, words in said if words.startswith("What is a current?"))


def test_a_diarised_id_that_introduces_itself_in_its_own_first_turns_is_named():
    # a show's diarised transcript: "[SPEAKER_02]" gives its name in its fifth turn, after the show's ads
    annotated = run(read("diarised_self_introduced_late.txt"), source="diarised_self_introduced_late.txt")
    said = spoken_by(annotated)
    assert said[0][0] == "Rosa Lindqvist"
    assert ("Rosa Lindqvist", "So what happened on the water this week?") in said
    assert "Rosa Lindqvist" in annotated.metadata.hosts + annotated.metadata.guests


def test_a_name_two_diarised_ids_give_themselves_names_neither():
    text = read("diarised_self_introduced_late.txt").replace(
        "Hello, hello. Good to be back", "Hello, hello. I'm Rosa Lindqvist. Good to be back")
    names = {name for name, _ in spoken_by(run(text, source="diarised_self_introduced_late.txt"))}
    assert "Rosa Lindqvist" not in names


def test_range_labels_read_with_their_start_and_the_original_below_a_translation_is_the_transcript():
    # interview notes: a translation in bold labels above a rule, the original below in "Name (hh:mm:ss - hh:mm:ss):"
    # labels; the original labels more turns (the translation is abridged), so it is the transcript read
    annotated = run(read("translation_above_range_labels.md"), source="translation_above_range_labels.md")
    assert annotated.format == "labelled"
    said = spoken_by(annotated)
    assert said[0] == ("Mara Quill", "Today we have Pavel Ring, who studies ocean currents. Welcome.")
    assert [t.start_seconds for t in annotated.turns[:3]] == [12, 20, 22]
    assert len(said) == 6 and not any("00:00" in words or "English Original" in words for _, words in said)
    # the original's timed labels are read even where the translation above has more turns: what was said, with times
    text = read("translation_above_range_labels.md").replace(
        "---\n\n# English", "**Mara Quill：** 多久？\n\n**Pavel Ring：** 几年。\n\n" * 2 + "---\n\n# English")
    said = spoken_by(run(text, source="translation_above_range_labels.md"))
    assert len(said) == 6 and said[0][1].startswith("Today we have")


def test_a_joint_label_of_two_names_is_a_label_of_its_own():
    # two guests answering together: "**Pavel / Mina** [00:00:15]: Thank you." is a label, not words in the turn before
    annotated = run(read("joint_label_bold_time.md"), source="joint_label_bold_time.md")
    said = spoken_by(annotated)
    assert ("Pavel / Mina", "Thank you.") in said
    assert [name for name, _ in said][3:6] == ["Ines", "Pavel", "Mina"]  # each alone is no short form of the two
    assert not any("**" in words for _, words in said)
    assert roles(annotated)["Pavel / Mina"] == "guest"
    assert annotated.turns[2].start_seconds == 15
