"""Text transcripts from the field, ninth round: a caption archive's raw captions, news shows' and radio pages'
text, a press office's archive, a transcription service's page (each file in tests/data written in the producer's
shape, in words of our own)."""

from claims.ingest.formats import parse_source
from claims.ingest.pipeline import run
from tests.field_texts import read


def words_of(text, parsed):
    return [text[t.start_char:t.end_char] for t in parsed.turns]


def test_change_marks_inside_a_caption_archives_unpunctuated_text_cut_it_into_turns_and_are_no_ones_words():
    # C-SPAN's archive: the captions as one block per segment, ">>" wherever the voice changes, mid-line
    name = "cspan_captions_change_marks.txt"
    text = read(name)
    parsed = parse_source(text, source=name)
    said = words_of(text, parsed)
    assert not any(">>" in words for words in said)
    assert said[:2] == ["-- and on the free c-span radio app .",
                        "this weekend on the morning program we take your calls about the harbor bridge vote and "
                        "what it means for commuters. watch live at eight eastern"]
    assert "good morning everybody." in said and "morning." in said
    assert [t.speaker_change for t in parsed.turns][:2] == [False, True]
    annotated = run(text, source=name)
    assert not any(">>" in annotated.source_text[t.start_char:t.end_char] for t in annotated.turns)


def test_a_pair_of_angle_brackets_in_prose_or_an_emails_quoted_lines_is_no_change_of_voice():
    text = ("We compared the two shifts: x >> y held in every run, as the notes say.\n\n"
            ">> I agree with the plan.\n>> Let us meet on Monday.\n\nSounds good to me, see you then.\n")
    parsed = parse_source(text, source="prose.txt")
    assert not any(t.speaker_change for t in parsed.turns)
    assert any(">>" in words for words in words_of(text, parsed))


def test_change_marks_in_raw_captions_without_punctuation_cut_the_one_block_too():
    text = ("welcome back to the program >> thanks for having me >> so tell us about the harbor bridge "
            ">> well it started with a vote in the spring and nobody expected it to pass\n")
    parsed = parse_source(text, source="raw.txt")
    assert parsed.format == "raw_captions"
    assert words_of(text, parsed) == ["welcome back to the program", "thanks for having me",
                                      "so tell us about the harbor bridge",
                                      "well it started with a vote in the spring and nobody expected it to pass"]
    assert [t.speaker_change for t in parsed.turns] == [False, True, True, True]


def test_a_pages_skip_link_and_its_logo_in_pieces_are_no_title_the_dated_page_title_is():
    # factba.se's page as text: "Skip to content", the site's name one piece a line, then the page's title
    for name, title, day in [
        ("factbase_page_logo_lines.txt",
         "Press Conference: Dana Reyes Holds a Press Briefing at The White House Part 2 - June 9, 2025", "2025-06-09"),
        ("factbase_briefing_page.txt",
         "Press Conference: Dana Reyes Holds a Press Briefing at The White House - March 4, 2025", "2025-03-04"),
    ]:
        text = read(name)
        parsed = parse_source(text, source=name)
        assert parsed.format == "labelled"
        assert parsed.metadata.title == title
        assert parsed.metadata.published.isoformat() == day


def test_a_transcription_services_page_that_breaks_each_label_from_its_time_at_a_line_end_is_one_voices_turns():
    # Rev's page as its text reads once copied: "Governor Hale: (" ends a line, "00:58) ..." opens the next
    name = "rev_page_label_time_broken.txt"
    text = read(name)
    parsed = parse_source(text, source=name)
    assert [t.speaker_label for t in parsed.turns] == ["Governor Hale"] * 3
    assert [t.start_seconds for t in parsed.turns] == [14, 58, 97]
    said = words_of(text, parsed)
    assert said[0].startswith("Good afternoon, everyone.") and said[0].endswith("pace we announced in March.")
    assert not any("Governor Hale:" in words or "00:58)" in words for words in said)
    assert [t.line for t in parsed.turns] == [2, 3, 4]  # where the words start


def test_one_name_with_a_time_in_brackets_now_and_then_inside_prose_is_no_label():
    text = ("We met the mayor at noon. Later we wrote it up. Note Taker: (00:14) the recording starts here, and "
            "the rest was lost. Then we left. Mayor: (01:10) said nothing more.\n")
    parsed = parse_source(text, source="prose.txt")
    assert [t.speaker_label for t in parsed.turns] == [None]


def test_a_radio_pages_player_list_is_no_ones_words_and_the_headline_above_it_the_title():
    # NPR's page as text: the teaser line, "NPR logo", the headline, then "• Download", the player's
    # "<iframe ...>" and "• Transcript" as a bulleted list above the transcript
    name = "npr_page_player_list.txt"
    annotated = run(read(name), source=name)
    assert annotated.metadata.title == "Harbor Bridge Vote Splits The Council"
    turns = [annotated.source_text[t.start_char:t.end_char] for t in annotated.turns]
    assert not any("iframe" in words or "Download" in words or "NPR logo" in words for words in turns)


def test_labels_in_capitals_many_to_a_paragraph_are_cut_in_time_linear_in_its_size():
    # one paragraph of 1 MB of lines "So then. ANN: Hi. BOB: Yes.": each part's line was counted from the paragraph's
    # start, 4.4 s for 1 MB and 18 s for 2 MB
    import time
    text = "So then. ANN: Hi there. BOB: Yes.\n" * 30_000
    began = time.process_time()
    parsed = parse_source(text, source="many.txt")
    assert time.process_time() - began < 2
    assert [t.speaker_label for t in parsed.turns[:4]] == [None, "ANN", "BOB", "ANN"]
    assert [t.line for t in parsed.turns[-2:]] == [30_000, 30_000]


def test_a_news_shows_one_line_header_above_its_wrapped_labelled_text_is_the_title_and_the_day():
    # PBS NewsHour's text: "... full episode Jan. 3, 2020" alone above lines wrapped anywhere, "JUDY WOODRUFF:" mid-line
    name = "newshour_wrapped_labels.txt"
    annotated = run(read(name), source=name)
    assert annotated.metadata.title == "Evening Report full episode Feb. 4, 2021"
    assert annotated.metadata.published.isoformat() == "2021-02-04"
    names = {s.slug: s.name for s in annotated.speakers}
    said = [(names[t.speaker_slug], annotated.source_text[t.start_char:t.end_char]) for t in annotated.turns]
    assert said[0][0] == "Mara Quill" and said[0][1].startswith("Good evening.")
    assert not any("full episode" in words or "TESS ARDEN:" in words for _, words in said)


def test_a_news_shows_title_twice_above_its_labelled_lines_is_no_ones_turn():
    name = "newshour_title_twice.txt"
    annotated = run(read(name), source=name)
    assert annotated.metadata.published.isoformat() == "2021-03-09"
    names = {s.slug: s.name for s in annotated.speakers}
    said = [(names[t.speaker_slug], annotated.source_text[t.start_char:t.end_char]) for t in annotated.turns]
    assert said[0][0] == "Mara Quill" and said[0][1].startswith("Good evening.")
    assert not any("full episode" in words for _, words in said)


def test_the_motley_fools_promotion_between_a_turns_paragraphs_is_no_ones_words():
    # the Motley Fool's newer layout: a "Where to invest $1,000 right now" block between two paragraphs of one answer
    name = "earnings_call_fool_promo_inside.html"
    annotated = run(read(name), source=name)
    names = {s.slug: s.name for s in annotated.speakers}
    said = [(names[t.speaker_slug], annotated.source_text[t.start_char:t.end_char]) for t in annotated.turns]
    assert not any("Where to invest" in words for _, words in said)
    marco = [words for who, words in said if who == "Marco Silva"]
    assert "".join(marco).startswith("Thanks, Lena.") and "".join(marco).endswith("faster than we planned.")


def test_a_radio_hosts_opening_whose_label_the_page_lost_is_the_host_who_says_im_so_and_so():
    # NPR's pages as text lose the label of the first lines ("NEAL CONAN, HOST:"): the host's "I'm Nora Vance" opens
    # the words
    name = "npr_page_player_list.txt"
    annotated = run(read(name), source=name)
    names = {s.slug: (s.name, s.role) for s in annotated.speakers}
    said = [(names[t.speaker_slug], annotated.source_text[t.start_char:t.end_char]) for t in annotated.turns]
    assert said[0][0] == ("Nora Vance", "host")
    assert said[0][1].startswith("This is WEEKEND DESK.") and said[0][1].endswith("joins us now.")
    assert said[1][0] == ("Mr. Ellis Grant", "guest") and said[1][1].startswith("Thanks, Nora.")


def test_a_news_shows_anchor_who_says_im_so_and_so_in_the_first_turn_is_the_host():
    name = "newshour_wrapped_labels.txt"
    annotated = run(read(name), source=name)
    roles = {s.name: s.role for s in annotated.speakers}
    assert roles["Mara Quill"] == "host" and roles["Tess Arden"] == "guest"


def test_two_hosts_who_open_a_radio_page_saying_their_names_are_the_same_speakers_as_their_surnames_labels():
    name = "npr_page_two_hosts_open.txt"
    annotated = run(read(name), source=name)
    names = {s.slug: (s.name, s.role) for s in annotated.speakers}
    said = [names[t.speaker_slug] for t in annotated.turns]
    assert said[:4] == [("Nora Vance", "host"), ("Theo Marsh", "host"), ("Nora Vance", "host"), ("Theo Marsh", "host")]
    assert sorted(set(said)) == [("Nora Vance", "host"), ("Ruth Okafor", "guest"), ("Theo Marsh", "host")]
