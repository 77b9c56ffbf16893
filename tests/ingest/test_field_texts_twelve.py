"""Texts from the field, eleventh round (bench/field_set.py's tenth set: podcast hosts' and directories' transcript
pages, radio and press-office transcripts): shapes their producers write, each file in tests/data written in the
producer's shape, in words of our own."""
import datetime as dt

from claims.ingest.pipeline import run
from tests.field_texts import read, spoken_by


def test_a_transcript_directorys_starting_point_lines_are_timed_lines():
    # podscripts.co's pages: each paragraph opens with "Starting point is 00:00:31" and its words on the same line;
    # read as prose, the marks stayed in the words and the page's header ran into the first turn
    annotated = run(read("podscripts_starting_point.txt"), source="podscripts_starting_point.txt")
    assert annotated.ok and annotated.format == "timed_lines"
    assert [t.start_seconds for t in annotated.turns][:1] == [0]
    assert {31, 72} <= {t.start_seconds for t in annotated.turns}
    words = [w for _, w in spoken_by(annotated)]
    assert words[0].startswith("This episode is brought to you")
    assert not any("Starting point is" in w or "Discussion (0)" in w for w in words)
    assert annotated.metadata.title == "Harbour Notes - Why the Ferry Timetable Changed"
    assert annotated.metadata.published == dt.date(2025, 3, 9)


def test_a_titles_show_before_its_dash_is_no_guest_where_the_opening_names_the_show():
    # podscripts.co's titles are "<Show> - <Episode>": "Fresh Air - ..." had made a guest named "Fresh Air" where the
    # opening says "This is Fresh Air." (here "welcome to Harbour Notes")
    annotated = run(read("podscripts_starting_point.txt"), source="podscripts_starting_point.txt")
    assert "Harbour Notes" not in annotated.metadata.guests
    assert "Harbour Notes" not in {s.name for s in annotated.speakers}


def test_a_starting_point_in_prose_is_no_mark():
    text = ("The race notes.\n\nStarting point is the old mill, then the route follows the river.\n\n"
            "Starting point is 9:00 for the juniors and everyone else leaves later.\n\nFinish at the bridge.\n")
    assert run(text, source="race.txt").format != "timed_lines"


def test_a_players_name_and_time_alone_above_wrapped_lines_label_the_turns():
    # iHeart's episode transcripts: "Della (00:00):" alone on a line, the words below in short lines, and "(00:14):"
    # alone where the same voice goes on; read as prose, the labels and times were in the words of an invented pair
    annotated = run(read("iheart_name_time_alone.txt"), source="iheart_name_time_alone.txt")
    assert annotated.ok and annotated.format == "labelled"
    turns = spoken_by(annotated)
    assert [name for name, _ in turns] == ["Della", "Della", "Ruben", "Della", "Ruben"]
    assert [t.start_seconds for t in annotated.turns] == [0, 14, 19, 23, 26]
    # (the "(00:14):" opening the same voice's next turn stays in the stored text outside the turn, as a label does)
    assert turns[1][1].startswith("And the passengers clapped")
    assert not any("(00:00)" in w or "accuracy" in w for _, w in turns)


def test_labels_glued_to_their_words_after_the_colon_are_labels():
    # Captivate's episode pages as text: "Della Prior:Welcome back ..." (no space after the colon); the cold open and
    # the show notes above the first label stay out of the turns
    annotated = run(read("captivate_glued_colon.txt"), source="captivate_glued_colon.txt")
    assert annotated.ok and annotated.format == "labelled"
    turns = spoken_by(annotated)
    assert [name for name, _ in turns] == ["Della Prior", "Ruben Askew"] * 2
    assert turns[0][1].startswith("Welcome back to Harbour Notes.")
    assert turns[1][1] == "Hi. Very well, thanks for having me."
    assert {s.name: s.role for s in annotated.speakers}["Della Prior"] == "host"


def test_a_glued_colon_once_is_no_label():
    text = ("Minutes of the harbour committee.\n\nAction Item:Paint the railings before the spring fair, and order"
            " new rope for the slipway.\n\nThe meeting closed at nine. Everyone agreed to meet again in a month.\n")
    assert run(text, source="minutes.txt").format != "labelled"


def test_a_search_sites_time_glyph_and_ts_lines_are_timed_lines():
    # podsearch.david-smith.org's episode pages as text: the time alone, the player's "◼" and "►" on lines of their own,
    # the words, then "[TS]" (the link to that time); "[TS]" had been read as a bracketed speaker's name
    annotated = run(read("podsearch_glyph_lines.txt"), source="podsearch_glyph_lines.txt")
    assert annotated.ok and annotated.format == "timed_lines"
    assert {0, 4, 7, 11} <= {t.start_seconds for t in annotated.turns}
    words = [w for _, w in spoken_by(annotated)]
    assert words[0].startswith("did you see the gull")
    assert not any("[TS]" in w or "◼" in w or "►" in w for w in words)
    assert annotated.metadata.title == "Harbour Notes 12: The Gull Problem"


def test_a_ts_mark_closing_a_timed_line_is_no_ones_words():
    annotated = run(read("podsearch_ts_marks.txt"), source="podsearch_ts_marks.txt")
    assert annotated.ok and annotated.format == "timed_lines"
    words = [w for _, w in spoken_by(annotated)]
    assert words[-1] == "there the whole way across the bay"
    assert not any("[TS]" in w for w in words)
    # the show's name above the episode's numbered title, as the site's page heads it
    assert (annotated.metadata.show, annotated.metadata.title) == ("Harbour Notes", "Episode 13: Fog")


def test_a_transcription_services_call_to_action_is_no_title():
    # Happy Scribe's public transcript pages as text open with their "Transcribe your podcast" button
    text = ("Transcribe your podcast\n[00:00:00]\n\nHow did the ferry do this winter?\n\n[00:00:04]\n\n"
            "Better than we feared. The new timetable helped.\n\n[00:00:09]\n\nAnd the gulls?\n\n[00:00:11]\n\n"
            "Worse than ever, I am sorry to say.\n")
    annotated = run(text, source="happyscribe.txt")
    assert annotated.format == "timed_lines"
    assert annotated.metadata.title == ""


def test_a_podcast_archives_back_link_names_the_show_and_its_permalinked_day_the_date():
    # podgist.com's episode pages as text: "« Show" (the link back to the show's page), the episode's title, its day with
    # a permalink's glyph after a bar, the notes, then the transcript under a line saying it is unofficial
    text = ("« Harbour Notes\n\nThe Gull Problem with Ruben Askew\n\n2021-03-09 | 🔗\n\n"
            "Ruben Askew joins us to talk about the gull that steals sandwiches from the ferry captain.\n\n"
            "This is an unofficial transcript meant for reference. Accuracy is not guaranteed.\n"
            "Welcome to Harbour Notes, I'm Della Prior. My guest today has watched one gull for three winters. "
            "He says it has a bent feather on its left wing and a plan for every morning.\n"
            "Thanks, Della. It really does have a plan, and the captain has not worked it out yet.\n")
    annotated = run(text, source="podgist.txt")
    assert annotated.metadata.title == "The Gull Problem with Ruben Askew"
    assert annotated.metadata.show == "Harbour Notes"
    assert annotated.metadata.published == dt.date(2021, 3, 9)
    words = " ".join(w for _, w in spoken_by(annotated))
    assert "Accuracy is not guaranteed" not in words
    assert "Welcome to Harbour Notes" in words


def test_a_radio_shows_hosts_field_and_dateline_above_its_labels():
    # CBC's episode transcripts: the show, "<day> Episode Transcript", the hosts in a markup tag left in the text,
    # then the two hosts' full labels once and their initials after; both are hosts
    text = ("Harbour Hour\n\nMarch 9, 2025 Episode Transcript\n\nFull-text transcript\n\n"
            "[host]Hosts: Della Prior and Ruben Askew[/host]\n\n\n"
            "DELLA PRIOR: Hello. I'm Della Prior.\n\nRUBEN ASKEW: Good evening. I'm Ruben Askew. This is \"Harbour Hour\".\n\n"
            "DP: The ferry timetable changes tonight, and the captain is not happy about it.\n\n"
            "RA: And the gulls are not pleased either. We will hear from a man who counts them.\n\n"
            "DP: A bakery opens before the first boat. Its owner tells us why.\n\n"
            "RA: And the lighthouse gets a new lamp after forty years.\n")
    annotated = run(text, source="radio.txt")
    assert annotated.ok and annotated.format == "labelled"
    assert annotated.metadata.published == dt.date(2025, 3, 9)
    assert {s.name: s.role for s in annotated.speakers} == {"Della Prior": "host", "Ruben Askew": "host"}


def test_a_podcast_hosts_episode_page_gives_the_show_the_title_and_the_day():
    # Buzzsprout's episode pages as text: the show, the episode's title, "<day> <brand> Episode N", the notes, then
    # "Name:" alone above each paragraph
    text = ("Harbour Hour\n\nThe Gull Problem\n\nMarch 09, 2025 Buzzsprout Episode 41\nHarbour Hour\n"
            "Show Notes Transcript\nWe talk about the gull that steals sandwiches.\n\nThanks for listening!\n\n"
            "Della:\n\nDid you see the gull this morning?\n\nRuben:\n\nI missed it again. I was on the early boat.\n\n"
            "Della:\n\nIt took the captain's sandwich right out of his hand.\n")
    annotated = run(text, source="buzzsprout.txt")
    assert annotated.ok and annotated.format == "labelled"
    assert (annotated.metadata.show, annotated.metadata.title) == ("Harbour Hour", "The Gull Problem")
    assert annotated.metadata.published == dt.date(2025, 3, 9)


def test_a_radio_shows_run_sheet_between_segments_is_no_ones_words():
    # CBC's transcripts: "Part 1: <stories>", the segment's title and "Guest: <name>" between the hosts' turns
    text = ("DP: Hello. The ferry timetable changes tonight.\n\nRA: And the gulls are not pleased.\n\n"
            "[Music: Theme]\n\nPart 1: Ferry Timetable, Gull Count, Lighthouse Lamp\n\n\nFerry Timetable\n\n"
            "Guest: Ines Varga\n\nDP: The last boat now leaves at nine. Ines Varga plans the crossings.\n\n"
            "INES VARGA: The channel silts up in winter, so we have less deep water in the evening.\n\n"
            "RA: And the passengers?\n\nINES VARGA: They grumble, and then they adjust.\n")
    annotated = run(text, source="runsheet.txt")
    assert annotated.ok and annotated.format == "labelled"
    words = " ".join(w for _, w in spoken_by(annotated))
    assert "Part 1:" not in words and "Guest: Ines Varga" not in words and "Ferry Timetable\n" not in words
    assert "The last boat now leaves at nine." in words


def test_a_diarisers_letters_alone_above_the_paragraphs_label_them():
    # Metacast's episode pages: "A", "B", "C" alone on a line in the order the voices are first heard, a blank line,
    # then the words; read as prose, the letters were paragraphs of an invented Host and Guest
    text = ("The Gull Problem\n\nEpisode description\n\nWe talk about the gull.\n\nTranscript\n\nA\n\n"
            "It has a bent feather on the left wing, and it always comes back.\n\nB\n\n"
            "Welcome to Harbour Notes. I'm here with my co-host and our guest. Say hello.\n\nA\n\n"
            "Hello, glad to be here. I have watched that gull for three winters.\n\nC\n\n"
            "And I still cannot tell it apart from the others.\n\nA\n\nNobody can, at first.\n")
    annotated = run(text, source="metacast.txt")
    assert annotated.ok and annotated.format == "labelled"
    turns = spoken_by(annotated)
    assert [name for name, _ in turns] == ["Speaker A", "Speaker B", "Speaker A", "Speaker C", "Speaker A"]
    assert not any("Episode description" in w or w in ("A", "B", "C") for _, w in turns)


def test_a_q_and_an_a_alone_on_lines_are_no_diarisers_letters():
    text = ("Notes\n\nQ\n\nWhere is the ferry?\n\nA\n\nAt the quay.\n\nQ\n\nWhen does it leave?\n\nA\n\nAt nine.\n")
    annotated = run(text, source="qa.txt")
    assert not any(s.name.startswith("Speaker ") for s in annotated.speakers)


def test_a_wordpress_exports_title_references_are_read_as_their_characters():
    text = ("---\nid: 12\ntitle: Gulls &#038; Ferries\nauthor: Della\n---\n\nDella: Did you see the gull?\n\n"
            "Ruben: I missed it again.\n\nDella: It took the captain's sandwich.\n\nRuben: Of course it did.\n")
    assert run(text, source="wp.md").metadata.title == "Gulls & Ferries"


def test_a_directorys_cover_images_text_is_no_title():
    text = ("The Gull Problem - podcast episode cover\n\nThe Gull Problem\n\nTranscript\n\nA\n\n"
            "It has a bent feather on the left wing.\n\nB\n\nWelcome to Harbour Notes. Say hello.\n\nA\n\n"
            "Hello, glad to be here.\n")
    assert run(text, source="metacast.txt").metadata.title == "The Gull Problem"


def test_happy_scribes_embed_in_a_blog_post_is_the_transcript():
    # a WordPress post exported to Markdown with Happy Scribe's embedded transcript (its "hs-embed-placeholder" div, a
    # "Listen: ... – powered by Happy Scribe" heading, then a paragraph per caption line): the words are the embed's
    # paragraphs; the post's prose, its HTML and its hints below were read as turns
    annotated = run(read("happyscribe_embed_post.md"), source="happyscribe_embed_post.md")
    assert annotated.ok
    words = [w for _, w in spoken_by(annotated)]
    assert words[0].startswith("Hi, welcome back.")
    assert words[-1].endswith("see you in the next one.")
    assert not any("<" in w or "Listen:" in w or "Where does the gull sit" in w or "Welcome back to the blog" in w
                   for w in words)
    assert annotated.metadata.title == "Harbour Gulls & Ferries"
    without_front_matter = read("happyscribe_embed_post.md").split("---\n", 2)[2]
    assert run(without_front_matter, source="post.md").metadata.title == "Gull Walkthrough"
