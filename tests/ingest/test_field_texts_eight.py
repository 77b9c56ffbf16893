"""Text transcripts from the field, eighth round: earnings calls and a central bank's press conference as the
pages that publish them write them (each file in tests/data written in the producer's shape, in words of our own).
The conference operator and the analysts ask (hosts); the company's people answer (guests), as a hearing's
members ask and its witnesses answer."""

from claims.ingest.pipeline import run
from tests.field_texts import read


def said(annotated):
    names = {s.slug: (s.name, s.role) for s in annotated.speakers}
    return [(names[t.speaker_slug], annotated.source_text[t.start_char:t.end_char]) for t in annotated.turns]


def test_an_earnings_call_listing_executives_and_analysts_labels_each_listed_name_alone_on_a_line():
    # Seeking Alpha's older pages: "Executives" and "Analysts" above the "Name - Title" lists (not "Company
    # Participants"), then each name alone on a line, a blank line and the words
    name = "earnings_call_executives_analysts.txt"
    annotated = run(read(name), source=name)
    assert annotated.format == "labelled"
    turns = said(annotated)
    assert [who for who, _ in turns] == [("Operator", "host"), ("Carla Mendes", "guest"), ("Piet Janssen", "guest")]
    assert turns[1][1] == ("Thank you, operator. Good morning, everyone. With me today is Piet Janssen, our Chief "
                           "Executive Officer.\n\nOur remarks today may include forward-looking statements.")
    assert annotated.metadata.published.isoformat() == "2019-08-06"


def test_an_operator_alone_and_a_name_dash_title_alone_are_an_earnings_calls_labels_used_once():
    # a transcript site's text: "Operator" alone, then "Name - Title" with one hyphen, the words on the next lines
    name = "earnings_call_operator_single_dash.txt"
    annotated = run(read(name), source=name)
    assert annotated.format == "labelled"
    turns = said(annotated)
    assert [who for who, _ in turns] == [("Operator", "host"), ("Carla Mendes", "guest")]
    assert turns[1][1].startswith("Good afternoon and welcome") and turns[1][1].endswith("results for the quarter.")
    assert not any("Disclaimer" in words for _, words in turns)


def test_a_motley_fool_excerpt_with_each_label_once_is_labelled_and_its_section_titles_are_no_speakers():
    name = "earnings_call_motley_once_each.txt"
    annotated = run(read(name), source=name)
    assert annotated.format == "labelled"
    turns = said(annotated)
    assert [who for who, _ in turns] == [("Operator", "host"), ("Ruth Amadi", "guest")]
    assert turns[0][1].startswith("Good day, and welcome") and turns[0][1].endswith("Please go ahead.")
    assert not any("Prepared Remarks" in words or "Contents" in words for _, words in turns)


def test_a_transcript_sites_speaker_word_above_each_name_is_no_ones_words():
    # earningscall.biz's text: the word "speaker" alone above each name alone, the words on the next line
    name = "earnings_call_speaker_word.txt"
    annotated = run(read(name), source=name)
    assert annotated.format == "labelled"
    turns = said(annotated)
    assert [who for who, _ in turns] == [("Operator", "host"), ("Carla Mendes", "guest"), ("Operator", "host"),
                                         ("Sam Okoro", "host")]
    assert all("speaker" not in words.split("\n") for _, words in turns)
    assert turns[1][1].endswith("before we open the call to questions.")


def test_a_central_banks_press_conference_opening_under_its_pdf_header_is_the_chairs_one_statement():
    # the Federal Reserve's transcript as its PDF's text: the day, "Chair Ortega's Press Conference", "FINAL" and
    # the title above "CHAIR ORTEGA. Good afternoon. ...", the lines hard-wrapped; an excerpt of the opening only
    name = "fed_press_conference_opening.txt"
    annotated = run(read(name), source=name)
    assert annotated.format == "labelled"
    assert [(s.name, s.role) for s in annotated.speakers] == [("Chair Ortega", "guest")]  # answering the press
    words = said(annotated)[0][1]
    assert words.startswith("Good afternoon. My colleagues") and "CHAIR ORTEGA." not in words
    assert annotated.metadata.published.isoformat() == "2024-06-12"


def test_a_news_wires_transcript_of_the_chairs_opening_statement_is_one_voice():
    # a news wire's page: its headline and a lead sentence above "CHAIR ORTEGA: Good afternoon. ...", one label
    name = "fed_news_conference_wire.txt"
    annotated = run(read(name), source=name)
    assert annotated.format == "labelled"
    assert [(s.name, s.role) for s in annotated.speakers] == [("Chair Ortega", "guest")]
    turns = said(annotated)
    assert len({who for who, _ in turns}) == 1
    assert turns[0][1].startswith("Good afternoon. Before turning") and "CHAIR ORTEGA:" not in turns[0][1]
    assert not any("Wire Desk" in words for _, words in turns)


def test_an_operators_colon_label_makes_the_call_the_analyst_called_on_a_host_and_the_fools_closing_line_no_words():
    # the Motley Fool's newer pages: "Name: words" paragraphs, the operator's too; the page's closing line about the
    # transcript is nobody's words
    name = "earnings_call_colon_labels.txt"
    annotated = run(read(name), source=name)
    assert annotated.format == "labelled"
    turns = said(annotated)
    assert [who for who, _ in turns] == [
        ("Operator", "host"), ("Ruth Amadi", "guest"), ("Piet Janssen", "guest"), ("Operator", "host"),
        ("Sam Okoro", "host"), ("Piet Janssen", "guest")]
    assert turns[-1][1] == "About two thirds full on weekdays."


def test_a_transcript_sites_lower_case_spk_labels_are_a_diarisers_voices_used_once_too():
    # earningscall.biz's machine transcripts: "spk05: words", each voice's number after "spk", in lower case
    name = "earnings_call_spk_labels.txt"
    annotated = run(read(name), source=name)
    assert annotated.format == "labelled"
    turns = said(annotated)
    assert [who for who, _ in turns][:2] == [("Speaker 05", "host"), ("Speaker 03", "guest")]
    assert len(turns) == 4 and len({who for who, _ in turns}) == 4
    assert turns[1][1].startswith("Welcome to the Harbor Lantern Ferries") and not any("spk0" in w for _, w in turns)


def test_a_white_house_briefings_title_line_under_the_archives_banner_gives_the_title_and_its_day():
    # the White House archive's page as text: a banner sentence, "Office of the Press Secretary", then the briefing's
    # name with its day written month first ("Press Briefing by Press Secretary Dana Reyes, 3/4/2025")
    name = "white_house_briefing_archive.txt"
    annotated = run(read(name), source=name)
    assert annotated.format == "labelled"
    assert annotated.metadata.title == "Press Briefing by Press Secretary Dana Reyes, 3/4/2025"
    assert annotated.metadata.published.isoformat() == "2025-03-04"
    assert [(s.name, s.role) for s in annotated.speakers] == [("Ms. Reyes", "guest"), ("Q", "host")]


def test_a_full_name_used_once_before_the_established_label_is_a_speaker_where_its_words_are_prose():
    # 80,000 Hours' transcript pages: every paragraph opens "Name Surname:", the producer's intro and an
    # interviewer's question once each in an excerpt, above the guest's two paragraphs
    name = "podcast_page_once_named_before.txt"
    annotated = run(read(name), source=name)
    turns = said(annotated)
    assert [who for (who, _), _ in turns] == ["Dana Whitfield", "Priya Raman", "Tom Becker", "Tom Becker"]
    assert turns[1][1] == "Tom, could you tell us how the show got started?"
    # each section's heading and its time between turns is no one's words: it times the turn after it
    assert turns[0][1].endswith("OK, here they are.")
    assert [t.start_seconds for t in annotated.turns][:2] == [0.0, 70.0]


def test_a_podcast_pages_guest_and_episode_title_line_above_the_hosts_labels_is_the_title_not_a_speaker():
    # Huberman Lab's episode page: "Dr. Lex Fridman: Machines, Creativity & Love" as the page's heading (the guest's
    # name, a colon, the episode's title), then the transcript's "Andrew Huberman:" alone above each paragraph
    name = "podcast_page_guest_title_line.txt"
    annotated = run(read(name), source=name)
    assert annotated.format == "labelled"
    assert [s.name for s in annotated.speakers] == ["Owen Hale"]
    assert said(annotated)[0][1].startswith("Welcome to the Bright Hours podcast")


def test_an_excerpt_where_only_the_operator_speaks_under_the_calls_lists_is_the_operators_one_turn():
    # an excerpt cut before the first executive speaks: the lists, then "Operator" alone and the operator's words
    name = "earnings_call_operator_only.txt"
    annotated = run(read(name), source=name)
    assert annotated.format == "labelled"
    assert [(s.name, s.role) for s in annotated.speakers] == [("Operator", "host")]
    turns = said(annotated)
    assert turns[0][1].startswith("Hello and welcome") and turns[0][1].endswith("Mr. Janssen,")
    assert annotated.metadata.published.isoformat() == "2010-10-05"


def test_the_motley_fools_call_participants_list_after_the_last_answer_ends_the_transcript():
    # the classic layout's end: "Duration: ...", "Call participants:", each participant's "Name -- Title" again, then
    # the page's links ("More HLFX analysis"): no turns
    name = "earnings_call_motley_participants_after.txt"
    annotated = run(read(name), source=name)
    turns = said(annotated)
    assert [who for (who, _), _ in turns] == ["Operator", "Ruth Amadi", "Piet Janssen", "Operator", "Sam Okoro",
                                             "Piet Janssen"]
    assert turns[-1][1] == "Not this year."


def test_factbases_transcript_page_reads_each_speakers_quoted_words_with_the_time_range_as_its_start():
    # factba.se's pages as their text reads: the speaker's name alone, a blank line, the sentiment the site scored,
    # the time range and the length, then the words in quotes and the paragraph's number
    name = "factbase_briefing_page.txt"
    annotated = run(read(name), source=name)
    assert annotated.format == "labelled"
    turns = said(annotated)
    # (an excerpt: the reporter's one question, the last block cut in its time range)
    assert [who for who, _ in turns] == [("Dana Reyes", "guest"), ("Question", "host"), ("Dana Reyes", "guest"),
                                         ("Dana Reyes", "guest")]
    assert turns[1][1] == "Thanks, Dana. Will the new schedule start before the summer?"
    assert [t.start_seconds for t in annotated.turns] == [0.0, 4.0, 7.0, 14.0]
    assert not any("Positive" in words or "Neutral" in words or "sec)" in words for _, words in turns)
