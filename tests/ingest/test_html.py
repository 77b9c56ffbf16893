"""Transcript pages saved as HTML: read as the text a reader sees, chrome left out."""
import datetime as dt
from pathlib import Path

import pytest

from claims.ingest.html import is_html, read_page
from claims.ingest.pipeline import run
from claims.ingest.records import Metadata

DATA = Path(__file__).resolve().parents[1] / "data"


# the podcast:transcript spec's example HTML transcript (podcastindex.org), shortened
PODCASTINDEX_FRAGMENT = """<cite>Travis:</cite>
<time>0:00</time>
<p>When you first get started in podcasting, it&#39;s almost guaranteed that you&#39;re going to make mistakes.</p>
<cite>Sarah:</cite>
<time>0:53</time>
<p>Creating good audio is really key to keeping your podcast listeners engaged.</p>
<cite>Travis:</cite>
<time>1:42</time>
<p>Now, when you&#39;re creating your podcast intro, say who you are.</p>
"""


def page():
    return (DATA / "podcast_page.html").read_text(encoding="utf-8")


def test_a_saved_podcast_page_reads_as_its_text_with_references_as_characters():
    text = read_page(page()).text
    assert "<" not in text and "&" not in text.replace(" & ", "")
    assert "It's good to be here." in text and "we won’t build" in text and "warehouses & what they cost" in text
    # each paragraph on its own line, a line break inside one ends a line too; runs of space are one
    assert "[00:00:11] Maria Lopez: How big is a grid battery?\n" in text
    assert "megawatt hours.\n\nThat is a small town" in text
    assert "talking with Priya Raman, who builds" in text


def test_the_pages_chrome_stays_out_of_its_text():
    text = read_page(page()).text
    for chrome in ("Episodes", "Share: Twitter", "Related", "Great episode", "See our annual report", "Post Comment",
                   "tracking", "PodcastEpisode", "color: #888", "© 2023"):
        assert chrome not in text, chrome
    assert text.startswith("Ep. 14: Grid Storage with Priya Raman\n")  # the article's own header stays


def test_the_pages_head_gives_title_show_link_and_published_day():
    metadata = read_page(page()).metadata
    assert (metadata.title, metadata.show) == ("Ep. 14: Grid Storage with Priya Raman", "Charged Up")
    assert metadata.link == "https://chargedup.example/episodes/14-grid-storage/"  # canonical, not og:url's tracking copy
    assert (metadata.published, metadata.published_precision) == (dt.date(2023, 6, 8), "day")
    assert metadata.video_id == "dQw4w9WgXcQ"  # the embedded video


def test_the_pipeline_ingests_the_pages_text_as_a_labelled_transcript():
    annotated = run(page(), source="podcast_page.html")
    assert annotated.ok and annotated.format == "labelled"
    assert annotated.source_text == read_page(page()).text
    assert [(s.slug, s.role) for s in annotated.speakers] == [("maria-lopez", "host"), ("priya-raman", "guest")]
    assert [t.speaker_slug for t in annotated.turns] == ["maria-lopez", "priya-raman"] * 3 + ["maria-lopez"]
    assert [t.start_seconds for t in annotated.turns] == [0.0, 7.0, 11.0, 14.0, 62.0, 65.0, 100.0]
    assert annotated.metadata.show == "Charged Up" and annotated.metadata.published == dt.date(2023, 6, 8)


@pytest.mark.parametrize(
    "head, link",
    [
        # a relative canonical link, resolved against og:url (uncommoncore.co's WordPress)
        ('<link href="/transcript-for-13/" rel="canonical"/><meta content="https://uncommoncore.co/transcript-for-13/?a=1"'
         ' property="og:url"/>', "https://uncommoncore.co/transcript-for-13/"),
        ('<link href="/transcript-for-13/" rel="canonical"/>', "/transcript-for-13/"),
        ('<meta content="https://a.example/ep/1" property="og:url"/>', "https://a.example/ep/1"),
    ],
)
def test_the_pages_link_is_its_canonical_address_made_absolute(head, link):
    assert read_page(f"<!doctype html><html><head>{head}</head><body><p>Hi.</p></body></html>").metadata.link == link


@pytest.mark.parametrize(
    "html, expected",
    [
        # a nested element of the skipped kind does not end the skipping early
        ("<html><body><div class='comments'><div>a: b</div><div>c: d</div></div><p>Kept.</p></body></html>", "Kept.\n"),
        # chrome is what a class or id opens with, not any word in it
        ("<html><div class='transcript-share-box'><p>Kept.</p></div><div class='share-links'>x</div></html>", "Kept.\n"),
        # paragraphs left open, as HTML allows
        ("<!doctype html><p>One.<p>Two.", "One.\n\nTwo.\n"),
        # <pre> keeps its lines and spaces
        ("<html><pre>A:  one\nB:  two</pre></html>", "A:  one\nB:  two\n"),
        # a reference inside a word keeps the word whole
        ("<html><p>don&#39;t &amp; can&rsquo;t</p></html>", "don't & can’t\n"),
        # table cells apart, rows on lines of their own
        ("<html><table><tr><td>0:01</td><td>Hi.</td></tr><tr><td>0:05</td><td>Bye.</td></tr></table></html>",
         "0:01 Hi.\n\n0:05 Bye.\n"),
        # a clock in <time> or in an element whose class says time is a time mark; other text is not
        ("<html><p><time>0:00</time> Jane: Hi.</p><p><span class='t-time'>00:01:04</span>John: Yo.</p></html>",
         "[0:00] Jane: Hi.\n\n[00:01:04] John: Yo.\n"),
        ("<html><p>On <time datetime='2023-06-08'>June 8</time>, <span class='ts-name'>Jane</span></p></html>",
         "On June 8, Jane\n"),
        ("<html><div class='ts-row'><p>Jane: 0:00</p></div></html>", "Jane: 0:00\n"),
        # a few words of the site's before the clock in a time element (Podscripts) are not said
        ("<html><div><span class='pod_timestamp_indicator'>Starting point is 00:00:23</span>"
         "<span class='pod_text'>And you're listening.</span></div></html>", "[00:00:23] And you're listening.\n"),
        ("<html><p><span class='time'>Updated at 10:30 on Monday</span></p></html>", "Updated at 10:30 on Monday\n"),
        # a name in an element marked as a speaker's is a label; a heading with no such class is not
        ("<html><div class='t-speaker sp-a'>Brian</div><div class='t-text'>Hi.</div><h3>Brian</h3></html>",
         "Brian:\n\nHi.\n\nBrian\n"),
        ("<html><p><span class='speaker'>Jane Doe:</span> Hi.</p></html>", "Jane Doe: Hi.\n"),
        # ... where it is a name opening a line, not a sentence about a speaker or a title cited in one
        ("<html><div class='speaker-intro'>Jane Doe builds compilers, and has for years.</div>"
         "<p>As <cite>Moby Dick</cite> says.</p></html>",
         "Jane Doe builds compilers, and has for years.\n\nAs Moby Dick says.\n"),
    ],
)
def test_rendering_follows_what_a_browser_shows(html, expected):
    assert read_page(html).text == expected


@pytest.mark.parametrize(
    "text, found",
    [
        ("<!DOCTYPE html>\n<html>", True),
        ("\ufeff  <!-- saved from url=(0040)https://example.com -->\n<html lang=en>", True),
        ("<html>", True),
        ("WEBVTT\n\n00:00.000 --> 00:01.000\n<v Jane>Hi", False),
        ("<Jane> hello\n<John> hi", False),
        ("Host: <html> is a tag\n", False),
        # a fragment with no wrapper, mostly tags (podcastindex's reference transcript)
        (PODCASTINDEX_FRAGMENT, True),
        ("<div class='transcript'><p>Jane: Hi.</p><p>John: Hello.</p><p>Jane: Bye.</p></div>", True),
        # captions and timed text open with tags too, but not HTML's
        ("<v Jane>Hi</v>\n<v John>Hello</v>\n<v Jane>Bye</v>\n", False),
        ("<i>[music]</i>\n<i>Hi.</i>\n", False),
        ('<?xml version="1.0"?><transcript><text start="0">Hi</text></transcript>', False),
        ('<tt xmlns="http://www.w3.org/ns/ttml"><body><div><p begin="0s">Hi</p><p>a</p></div></body></tt>', False),
        ("<timedtext><body><p t='0'>Hi</p><p t='1'>a</p><p t='2'>b</p></body></timedtext>", False),
        # a plain transcript with an occasional tag
        ("<p>Jane: Hi.</p>\nJohn: Hello <br> there.\nJane: Bye.\nJohn: Bye.\nJane: Go.\n<p>John: Gone.</p>\n"
         "Jane: a\nJohn: b\nJane: c\n", False),
    ],
)
def test_only_documents_that_open_as_html_are_read_as_html(text, found):
    assert is_html(text.lstrip("\ufeff")) is found


def test_an_html_fragment_is_read_as_html_with_its_references_as_characters():
    annotated = run(PODCASTINDEX_FRAGMENT, source="transcript.html")
    assert annotated.ok and annotated.format == "labelled"
    assert "<" not in annotated.source_text and "&#39;" not in annotated.source_text
    assert [t.speaker_slug for t in annotated.turns] == ["travis-in-transcript", "sarah-in-transcript", "travis-in-transcript"]
    assert [t.start_seconds for t in annotated.turns] == [0.0, 53.0, 102.0]  # each <time> a time mark
    assert "it's almost guaranteed" in annotated.source_text


def test_a_time_mark_before_a_speakers_name_times_that_speakers_turn():
    # Signals & Threads: the time in a span, the name in a heading classed "speaker", the words below
    html = "".join(
        f'<span class="ts">{clock}</span>\n<h3 class="speaker">{name}</h3>\n<p data-p="{i}">{words}</p>\n'
        for i, (clock, name, words) in enumerate([
            ("00:00:04", "Ron", "Welcome to Signals And Threads."), ("00:01:15", "Chris", "So, I guess the rough gist."),
            ("00:02:05", "Ron", "When we naively think of it."),
        ])
    )
    annotated = run(f"<!DOCTYPE html><html><body><h1>Clock synchronization</h1><hr>{html}</body></html>", source="s.html")
    assert annotated.ok and annotated.format == "labelled"
    assert [(t.speaker_slug, t.start_seconds) for t in annotated.turns] == [("ron-in-clock-synchronization", 4.0), ("chris-in-clock-synchronization", 75.0), ("ron-in-clock-synchronization", 125.0)]
    turn = annotated.turns[1]
    assert annotated.source_text[turn.start_char:turn.end_char] == "So, I guess the rough gist."


def test_grid_rows_of_speaker_and_text_are_labelled_turns():
    # De:termination's transcript: rows of a speaker cell and a text cell, no colon
    rows = "".join(
        f'<div class="t-row"><div class="t-speaker sp-{k}">{name}</div><div class="t-text">{words}</div></div>\n'
        for k, name, words in [("a", "Brian", "Hey Matt, thanks for joining me."), ("b", "Matt", "Thanks for having me."),
                               ("a", "Brian", "So, Detroit?")]
    )
    annotated = run(f"<!DOCTYPE html><html><body><div class='ep-body'>{rows}</div></body></html>", source="d.html")
    assert annotated.ok and annotated.format == "labelled"
    assert [t.speaker_slug for t in annotated.turns] == ["brian-in-d", "matt-in-d", "brian-in-d"]


def test_a_players_buttons_are_chrome_but_a_button_showing_a_time_is_a_time_mark():
    # pleb.fi's talk transcripts: the audio player's fallback text and a tweet button above; each
    # heading a name and a button that plays from its time
    sections = "".join(
        f"<h2 id={name.lower().replace(' ', '-')}-{i}>{name} <button onclick='audio_skip(\"{clock}\")'>{clock}</button></h2>"
        f"<p>{words}</p>"
        for i, (name, clock, words) in enumerate([
            ("Tarun Chitra", "0:00", "Thanks, Jeremy, for the introduction."), ("Jeremy Rubin", "21:24", "Is it DeFi?"),
            ("Tarun Chitra", "22:58", "In some ways, yes."), ("Jeremy Rubin", "26:26", "One more question."),
        ])
    )
    html = ("<!doctype html><html><body><h1 id=title>tradfi v.s. defi</h1><audio controls id=transcript_audio>"
            "<source src=/audio/tarun.mp3>Your browser does not support the audio element.\n</audio>"
            "<a class=twitter-share-button href=https://twitter.com/intent/tweet>Tweet</a>"
            f"<div><article id=content>{sections}<button>Play all</button></article></div></body></html>")
    text = read_page(html).text
    assert "Your browser" not in text and "Tweet" not in text and "Play all" not in text
    assert "Tarun Chitra [0:00]\n\nThanks, Jeremy" in text
    annotated = run(html, source="plebfi.html")
    assert annotated.ok and annotated.format == "labelled"
    assert [(t.speaker_slug, t.start_seconds) for t in annotated.turns] == [
        ("tarun-chitra", 0.0), ("jeremy-rubin", 1284.0), ("tarun-chitra", 1378.0), ("jeremy-rubin", 1586.0)]


def test_a_page_with_nothing_but_chrome_is_refused_with_a_reason():
    html = "<!doctype html><html><head><title>x</title></head><body><nav>Home</nav><script>1</script></body></html>"
    annotated = run(html, source="empty.html")
    assert not annotated.ok
    assert [str(e) for e in annotated.errors] == [
        "empty.html: HTML page has no text outside its scripts, navigation, header, footer and comments"]


def test_a_lex_fridman_style_page_gives_named_timed_turns_and_the_same_speaker_going_on():
    # name, time and text in spans with no colon ("Jane Doe(00:00:09) ..."); a segment with no
    # name is the same speaker going on at its own time; chapter headings stay in the text
    annotated = run((DATA / "lex_page.html").read_text(encoding="utf-8"), source="lex_page.html",
                    metadata=Metadata(hosts=("Lex Fridman",), guests=("Jane Doe",)))
    assert annotated.ok and annotated.format == "labelled"
    text = annotated.source_text
    assert [(t.speaker_slug, t.start_seconds) for t in annotated.turns] == [
        ("lex-fridman", 0.0), ("jane-doe", 9.0), ("jane-doe", 15.0), ("lex-fridman", 80.0), ("jane-doe", 84.0)]
    assert text[annotated.turns[1].start_char:annotated.turns[1].end_char] == "A broken one. I couldn’t ship my game."
    assert "support the podcast" not in text and "Contact" not in text
    sentences = [text[s.start_char:s.end_char] for s in annotated.sentences]
    assert "So I fixed it, and I kept fixing them." in sentences
    assert "I think most optimisation passes will be learnt by 2030." in sentences


def test_a_news_networks_transcript_page_gives_its_speakers_named_with_their_titles_once():
    # a broadcaster's transcript page (CNN's shape): "NAME, TITLE:" on the first mention, the
    # surname after it, "(on camera)" where the anchor comes back on screen
    annotated = run((DATA / "news_transcript_page.html").read_text(encoding="utf-8"), source="news.html")
    assert annotated.format == "labelled"
    assert [(s.name, s.role) for s in annotated.speakers] == [
        ("Dana Reyes", "host"), ("Omar Hale", "guest"), ("Wen Li", "guest")]
    turns = [(t.speaker_slug, annotated.source_text[t.start_char:t.end_char]) for t in annotated.turns]
    assert turns[0][1].startswith("Good evening.\n\nWe begin tonight with the batteries")
    assert [slug for slug, _ in turns] == [
        "dana-reyes", "omar-hale", "dana-reyes", "omar-hale", "dana-reyes", "omar-hale", "dana-reyes", "wen-li", "dana-reyes"]
    assert turns[2] == ("dana-reyes", "Joining me now is Omar Hale.")


def test_a_title_after_the_comma_makes_a_label_only_where_the_name_is_in_capitals():
    from claims.ingest.formats.labelled import _candidates

    lines = "Jane Doe, CEO: hello\nWell, YES: no\nJANE DOE, CEO OF ACME: hi\nDOE (through translator): yes\n"
    assert [c[5] for c in _candidates(lines)[0]] == ["JANE DOE", "DOE"]


@pytest.mark.parametrize("head, published", [
    # a transcript site's page with no article:published_time, the day only in its JSON-LD
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "WebPage", '
     '"name": "Council meeting", "datePublished": "2014-01-16", "isBasedOn": "https://www.youtube.com/watch?v=h0C_BGnSd8o"}</script>',
     dt.date(2014, 1, 16)),
    # Yoast's WordPress graph: the WebPage node holds it
    ("<script type='application/ld+json' class='yoast-schema-graph'>{\"@context\":\"https://schema.org\",\"@graph\":["
     '{"@type":"WebSite","url":"https://example.org/"},{"@type":"WebPage","datePublished":"2017-04-20T05:00:46+02:00"}]}</script>',
     dt.date(2017, 4, 20)),
    # article:published_time still comes first; broken JSON-LD is no date, a <time> gives it
    ('<meta property="article:published_time" content="2021-01-26T19:07:14Z">'
     '<script type="application/ld+json">{"datePublished": "2020-01-01"}</script>', dt.date(2021, 1, 26)),
    ('<script type="application/ld+json">{"datePublished": </script>', dt.date(2019, 5, 2)),
])
def test_the_published_day_is_read_from_the_pages_json_ld_where_its_meta_has_none(head, published):
    html = f"<!DOCTYPE html><html><head>{head}</head><body><p>Aired <time datetime='2019-05-02'>May 2</time></p></body></html>"
    page = read_page(html)
    assert (page.metadata.published, page.metadata.published_precision) == (published, "day")
    assert "datePublished" not in page.text


def test_lines_that_are_only_links_to_other_pages_and_footers_stay_out_of_the_turns():
    # a podcast site's episode page: a back link, listen-on links, tags and the next episode's
    # link around the transcript, a footer in a <div id="footer-...">
    html = (DATA / "episode_page_links.html").read_text(encoding="utf-8")
    text = read_page(html).text
    for chrome in ("Back to all episodes", "Apple Podcasts", "Spotify", "Previous episode", "All episodes",
                   "Privacy policy", "All rights reserved", "Grid Talk\n"):
        assert chrome not in text
    # a link that seeks the video to the words is the transcript's; a linked name is still a label
    assert "And that is where the money goes." in text and "Maria Lopez:\n\nHow big" in text
    annotated = run(html, source="episode.html")
    turns = [(t.speaker_slug, annotated.source_text[t.start_char:t.end_char]) for t in annotated.turns]
    assert turns[-1][1].startswith("About a hundred megawatt hours, for the big ones.")
    assert turns[1] == ("priya-raman", "Thanks for having me.\n\nAnd that is where the money goes.")
    assert turns[2] == ("maria-lopez", "How big is a grid battery?")


def test_a_page_saved_with_two_heads_takes_its_first_title():
    # a news network's old transcript page: its own head, then the site template's
    html = ("<html><head><title>Network Transcript - Evening News Hour - March 4, 2024</title></head>"
            "<HTML><HEAD><TITLE>Network.com - Transcripts</TITLE></HEAD><BODY><P>DANA REYES, HOST: Good evening.</P></BODY></HTML>")
    assert read_page(html).metadata.title == "Network Transcript - Evening News Hour - March 4, 2024"
    assert read_page("<html><head><title> </title><title>Second</title></head><body><p>x</p></body></html>").metadata.title == "Second"


def test_a_transcript_sites_timestamp_with_words_before_it_times_its_lines():
    # Podscripts' page: each group of sentences opens with "Starting point is 00:00:23"
    groups = [("00:00:00", "Look at me! I'm a paragon of integrity."), ("00:00:23", "And you're listening to the show."),
              ("00:00:41", "Today we ask whether anyone compromises any more.")]
    body = "".join(f'<div class="single-sentence"><span class="pod_timestamp_indicator">Starting point is {clock}</span>'
                   f'<span class="pod_text transcript-text">{words}</span></div>' for clock, words in groups)
    annotated = run(f'<html><body><div class="podcast-transcript">{body}</div></body></html>', source="podscripts.html")
    assert annotated.format == "timed_lines"
    assert [t.start_seconds for t in annotated.turns] == [0.0, 23.0, 41.0]
    assert "Starting point" not in annotated.source_text


def test_a_section_heading_between_turns_is_not_the_words_of_the_speaker_before_it():
    # a MediaWiki oral history (ETHW's shape): "<h3>Grid control</h3>" between two answers and
    # questions; a Lex Fridman page's chapter titles the same
    annotated = run((DATA / "oral_history_page.html").read_text(encoding="utf-8"), source="oral_history.html")
    text = annotated.source_text
    turns = [(t.speaker_slug, text[t.start_char:t.end_char]) for t in annotated.turns]
    assert turns == [
        ("reyes-in-oral-history-ada-quinn-1994", "Where did you study?"), ("quinn-in-oral-history-ada-quinn-1994", "In Delft, where I built my first relay computer."),
        ("reyes-in-oral-history-ada-quinn-1994", "How did you come to work on grid control?"),
        ("quinn-in-oral-history-ada-quinn-1994", "A utility needed someone who could read both schematics and code.")]
    assert "Grid control" in text and "Later work" in text  # the stored page keeps them, outside the turns
    assert "Grid control" not in " ".join(text[s.start_char:s.end_char] for s in annotated.sentences)
    assert [s.name for s in annotated.speakers] == ["Reyes", "Quinn"]
    lex = run((DATA / "lex_page.html").read_text(encoding="utf-8"), source="lex_page.html")
    assert not any(lex.source_text[t.start_char:t.end_char].endswith("Optimisation") for t in lex.turns)


def test_a_heading_holding_a_speakers_name_or_a_time_is_not_taken_for_a_section_heading():
    page = read_page("<html><body><h3 class='speaker'>Ron</h3><p>Hi.</p><h2>Tarun <button>4:34</button></h2><p>Yo.</p>"
                     "<h2>Part two</h2></body></html>")
    assert [page.text[a:b] for a, b in page.headings] == ["Part two"]


def test_a_copied_youtube_transcript_panel_of_custom_elements_is_read_as_html():
    # the "Show transcript" panel copied as HTML (outerHTML, or a tool's saved DOM): YouTube's custom
    # elements (<ytd-transcript-segment-renderer>, <yt-formatted-string>), one segment a line
    annotated = run((DATA / "youtube_panel_fragment.html").read_text(encoding="utf-8"), source="panel.html")
    assert annotated.ok and annotated.container == "html" and annotated.format == "timed_lines"
    assert "<" not in annotated.source_text and "ytd-" not in annotated.source_text
    assert [t.start_seconds for t in annotated.turns if not t.seconds_estimated][:3] == [2.0, 5.0, 9.0]
    assert "today we glue the frame and let it dry" in annotated.source_text
    assert is_html("<ytd-transcript-segment-list-renderer>") is False  # too short to be mostly blocks


def test_a_press_briefings_reporters_q_in_a_wide_space_is_a_speaker():
    # the White House's briefings: each reporter's question opens "Q&nbsp;&nbsp;&nbsp; ", no colon or
    # period; the no-break spaces stay as wide as the browser shows them, and "Q" is a label
    annotated = run((DATA / "press_briefing_page.html").read_text(encoding="utf-8"), source="briefing.html")
    assert annotated.ok and annotated.format == "labelled"
    assert [t.speaker_slug for t in annotated.turns] == ["ms-reyes", "q-in-press-briefing-by-press-secretary-dana-reyes", "ms-reyes", "q-in-press-briefing-by-press-secretary-dana-reyes", "ms-reyes", "q-in-press-briefing-by-press-secretary-dana-reyes", "ms-reyes"]
    turn = annotated.turns[3]
    assert annotated.source_text[turn.start_char:turn.end_char] == "Thanks, Dana.  Will the new schedule start before the summer?"
    assert annotated.metadata.title == "Press Briefing by Press Secretary Dana Reyes"
    assert annotated.metadata.published == dt.date(2025, 3, 4)


def test_a_tables_speaker_and_time_columns_are_labels_and_time_marks():
    # a transcript published as a table, "Time | Speaker | Text" (a blog's example, a tool's HTML export):
    # the header names the columns; a table of guests headed "Name" is not read so
    annotated = run((DATA / "table_transcript_page.html").read_text(encoding="utf-8"), source="table.html")
    assert annotated.ok and annotated.format == "labelled"
    assert [(t.speaker_slug, t.start_seconds) for t in annotated.turns] == [
        ("mei-tan", 3.0), ("ana-ruiz", 11.0), ("mei-tan", 19.0), ("ana-ruiz", 21.0)]
    turn = annotated.turns[1]
    assert annotated.source_text[turn.start_char:turn.end_char] == "With one shoebox of bean seeds on the returns desk."
    assert "Ana Ruiz Librarian" in annotated.source_text


def test_a_newsletters_subscribe_box_and_post_footer_are_chrome():
    # Substack's posts: a "subscription-widget" box between two answers and the post's "post-footer"
    # (likes, comments) after the last; neither is the guest's words
    annotated = run((DATA / "newsletter_interview_page.html").read_text(encoding="utf-8"), source="post.html")
    assert annotated.ok and annotated.format == "labelled"
    said = [(t.speaker_slug, annotated.source_text[t.start_char:t.end_char]) for t in annotated.turns]
    assert said == [("rosa-lind", "How long does one bell take?"), ("emil-varga", "Six weeks from the clay to the first ring."),
                    ("rosa-lind", "And the tuning?"), ("emil-varga", "That is the last week, on the lathe.")]


# a Next.js page saved before its script ran: the transcript panel's notice, the episode in __NEXT_DATA__
NEXT_SHELL = """<!DOCTYPE html><html><head><title>Episode 12: Soil Carbon | Field Notes</title></head>
<body><div id="__next"><main><h1>Episode 12: Soil Carbon</h1>
<div class="transcript-panel"><p>Loading transcript&hellip;</p></div></main></div>
<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"episode":{"id":12,"related":[{"title":"Ep 11",
"text":"Cover crops and what they hold"},{"title":"Ep 10","text":"Water rights"},{"title":"Ep 9","text":"Bees"}],
"transcript":{"segments":[
{"start":0.0,"speaker":"Dana Ortiz","text":"Welcome to Field Notes. Today we are talking about soil."},
{"start":6.4,"speaker":"Dana Ortiz","text":"My guest measures carbon in farm soil for a living."},
{"start":11.2,"speaker":"Sam Keller","text":"Thanks for having me. It is slower work than people think."},
{"start":17.9,"speaker":"Dana Ortiz","text":"How slow?"}]}}}},"page":"/episodes/[slug]"}</script>
<script src="/_next/static/chunks/main.js"></script></body></html>"""


def test_a_script_built_page_is_read_from_the_transcript_in_its_next_data():
    annotated = run(NEXT_SHELL, source="soil.html")
    assert annotated.ok and annotated.format == "labelled"
    assert "Loading transcript" not in annotated.source_text and "Water rights" not in annotated.source_text
    turns = [(t.speaker_slug, t.start_seconds, annotated.source_text[t.start_char:t.end_char]) for t in annotated.turns]
    assert turns[1] == ("sam-keller", 11.2, "Thanks for having me. It is slower work than people think.")
    assert turns[0][0] == "dana-ortiz" and turns[0][2].endswith("farm soil for a living.")
    assert annotated.metadata.title == "Episode 12: Soil Carbon"  # the <h1>, not the <title> with the site after it


def test_a_script_built_page_is_read_from_its_json_ld_transcript():
    html = """<!DOCTYPE html><html><head><title>The Long Run - Ep 3</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"PodcastEpisode","datePublished":"2024-05-02",
"transcript":"HOST: Welcome back. Today I am talking with a coach who has trained marathoners for thirty years.\\nGUEST: Thanks. It is good to be here.\\nHOST: Where does patience come in?\\nGUEST: Everywhere. Most runners get hurt by doing too much too soon."}</script>
</head><body><h1>Ep 3</h1><div id="transcript"><p>Please enable JavaScript to read the transcript.</p></div>
<script src="/app.js"></script></body></html>"""
    annotated = run(html, source="ep3.html")
    assert annotated.ok and annotated.format == "labelled" and "JavaScript" not in annotated.source_text
    assert [s.slug for s in annotated.speakers] == ["host-in-the-long-run-ep-3", "guest-in-the-long-run-ep-3"]
    assert annotated.source_text[annotated.turns[-1].start_char:annotated.turns[-1].end_char].startswith("Everywhere.")
    assert annotated.metadata.published == dt.date(2024, 5, 2)


@pytest.mark.parametrize("body", [
    '<noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div><script src="/static/js/main.js"></script>',
    '<h1>Episode 40</h1><p>We talk with a chef about bread.</p><div class="transcript"><p>Loading transcript...</p></div>',
    '<div id="app"></div><script src="/bundle.js"></script>',
])
def test_a_script_built_page_without_its_transcript_is_refused_in_one_line(body):
    annotated = run(f"<!doctype html><html><head><title>Ep</title></head><body>{body}</body></html>", source="shell.html")
    assert not annotated.ok
    assert [str(e) for e in annotated.errors] == [
        "shell.html: page has no transcript text: it loads it with a script; save the rendered page or the captions"]


def test_a_rendered_page_with_a_short_transcript_and_scripts_is_read_as_it_is():
    # a comment box's noscript notice, analytics and the page's JSON beside the words a reader sees
    html = """<!doctype html><html><head><title>Short</title></head><body><article>
<p>ANA: Are we recording?</p><p>BEN: We are. Go ahead.</p><p>ANA: Then hello.</p></article>
<noscript>Please enable JavaScript to view the comments powered by Disqus.</noscript>
<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"transcript":[{"speaker":"ANA","text":"Are we recording?"},{"speaker":"BEN","text":"We are. Go ahead."}]}}}</script>
<script src="/analytics.js"></script></body></html>"""
    annotated = run(html, source="short.html")
    assert annotated.ok and annotated.source_text == "ANA: Are we recording?\n\nBEN: We are. Go ahead.\n\nANA: Then hello.\n"
    assert len(annotated.turns) == 3


# CNN's transcript page: the "Aired" line under the show's heads, turns run together with <br>s, and
# stage directions between them ("(BEGIN VIDEOTAPE)", "(COMMERCIAL BREAK)")
CNN_PAGE = """<html lang="en"><head><title>CNN.com - Transcripts</title></head><body>
<P><a href="/TRANSCRIPTS/" class="cnnTransProv">Return to Transcripts main page</a></P>
<P class="cnnTransStoryHead">EVENING NEWS HOUR</P>
<P class="cnnTransSubHead">Storms Cross The Plains. Aired 8-9p ET</P>
<P class="cnnBodyText">Aired March 14, 2025 - 20:00 &nbsp; ET</P>
<P class="cnnBodyText">THIS IS A RUSH TRANSCRIPT. THIS COPY MAY NOT BE IN ITS FINAL FORM AND MAY BE UPDATED.</P>
<P class="cnnBodyText"><br>MARK HALE, CNN ANCHOR: Good evening. The storms are moving east tonight.<br> <br>(BEGIN VIDEOTAPE)<br> <br>
TOM REYES, RESIDENT: The roof just went. Then it was quiet.<br> <br>(END VIDEOTAPE)<br> <br>
HALE: Our meteorologist is tracking it. Where is it heading?<br> <br>
JUNE PARK, CNN METEOROLOGIST: East, overnight. The watch runs until four.<br> <br>
HALE: We will be right back.<br> <br>(COMMERCIAL BREAK)<br> <br>HALE: Welcome back.<br> </P>
</body></html>"""


def test_a_cnn_transcript_page_gives_its_aired_day_and_reads_its_stage_directions_as_notes():
    annotated = run(CNN_PAGE, source="cnn.html")
    assert annotated.ok and annotated.format == "labelled"
    assert (annotated.metadata.published, annotated.metadata.published_precision) == (dt.date(2025, 3, 14), "day")
    text = annotated.source_text
    turns = [text[t.start_char:t.end_char] for t in annotated.turns]
    assert turns[1] == "The roof just went. Then it was quiet.\n\n(END VIDEOTAPE)"  # kept in the stored text
    sentences = [text[s.start_char:s.end_char] for s in annotated.sentences]
    assert "Then it was quiet." in sentences and "We will be right back." in sentences
    assert not any("VIDEOTAPE" in s or "COMMERCIAL" in s for s in sentences)


def test_bio_boxes_related_links_and_pull_quotes_set_into_the_article_stay_out_of_the_turns():
    html = """<!DOCTYPE html><html><head><title>Q&amp;A: A hydrologist on drought</title></head><body>
<article class="post"><h1>Q&amp;A: A hydrologist on drought</h1><div class="entry-content">
<p><strong>Lena Ruiz:</strong> How bad is this year?</p>
<p><strong>Omar Haddad:</strong> Worse than 2012 in the north.</p>
<div class="author-bio-box"><p>Omar Haddad is a hydrologist at the state water board.</p></div>
<p><strong>Lena Ruiz:</strong> What changed?</p>
<p><strong>Omar Haddad:</strong> Snowpack. It melts a month earlier now.</p>
<div class="inline-related"><h4>Related</h4><ul><li><a href="/a">Why the river ran dry</a></li></ul></div>
<p><strong>Read more:</strong> <a href="/c">The drought map, county by county</a></p>
<blockquote class="pull-quote">It melts a month earlier now.</blockquote>
<p><strong>Lena Ruiz:</strong> And next year?</p>
<p><strong>Omar Haddad:</strong> Nobody knows. Read more about it: <a href="/plan">our plan</a>.</p>
<p>RELATED: <a href="/d">Ten years of dry winters</a></p>
</div></article></body></html>"""
    annotated = run(html, source="drought.html")
    text = annotated.source_text
    assert [text[t.start_char:t.end_char] for t in annotated.turns] == [
        "How bad is this year?", "Worse than 2012 in the north.", "What changed?", "Snowpack. It melts a month earlier now.",
        "And next year?", "Nobody knows. Read more about it: our plan."]


def test_a_saved_page_of_whispers_console_log_gives_its_segments_not_its_log_lines():
    # a notebook's output saved as a page: the command, the model's download bar, a warning and the
    # language detection above the segments, the next cell's prompt below them
    log = (
        "$ whisper bridges.mp3 --model medium\n"
        "100%|██████████████████████| 1.42G/1.42G [00:21<00:00, 71.2MiB/s]\n"
        "/usr/lib/python3/site-packages/whisper/transcribe.py:114: UserWarning: FP16 is not supported on CPU\n"
        '  warnings.warn("FP16 is not supported on CPU; using FP32 instead")\n'
        "Detecting language using up to the first 30 seconds. Use `--language` to specify the language\n"
        "Detected language: English\n"
        "[00:00.000 --> 00:04.000]  Welcome back. Today we are talking about bridges.\n"
        "[00:04.000 --> 00:09.320]  Thanks. It is a strange job, but I love it.\n"
        "[00:09.320 --> 00:12.880]  What do you look for first?\n"
    )
    html = f"<!DOCTYPE html><html><body><div class='output'><pre>{log}</pre></div><div><pre>In [4]:</pre></div></body></html>"
    annotated = run(html, source="run.html")
    assert annotated.ok and annotated.format == "timed_lines" and annotated.metadata.title == ""
    text = annotated.source_text
    assert [(t.start_seconds, text[t.start_char:t.end_char]) for t in annotated.turns] == [
        (0.0, "Welcome back. Today we are talking about bridges."), (4.0, "Thanks. It is a strange job, but I love it."),
        (9.32, "What do you look for first?")]
    assert "In [4]:" in text[annotated.content_end:]


@pytest.mark.parametrize("data, expected", [
    # a page's own segments in milliseconds ("transcripts": [{"transcript", "startMs", "endMs"}])
    ({"props": {"pageProps": {"episode": {"guests": [{"id": 1, "name": "Kim"}], "transcripts": [
        {"transcript": "Hello and welcome to the show.", "startMs": 0, "endMs": 3000},
        {"transcript": "Today it is about trains.", "startMs": 3000, "endMs": 6000}]}}}},
     "[00:00:00] Hello and welcome to the show.\n[00:00:03] Today it is about trains.\n"),
    # Podcasting 2.0's segments, a word each, joined into sentences
    ({"episode": {"transcript": {"version": "1.0.0", "segments": [
        {"speaker": "Ann", "startTime": 0.5, "endTime": 0.7, "body": "Hi"},
        {"speaker": "Ann", "startTime": 0.7, "endTime": 0.9, "body": "there."},
        {"speaker": "Bo", "startTime": 1.0, "endTime": 1.2, "body": "Hello."}]}}},
     "[00:00:00.500] Ann: Hi there.\n[00:00:01] Bo: Hello.\n"),
    # comments with their epoch times and a title naming the transcript are no transcript
    ({"comments": [{"name": "Jo", "text": "Great!", "timestamp": 1700000000}, {"name": "Al", "text": "Yes", "timestamp": 1700000100},
                   {"name": "Cy", "text": "Agreed", "timestamp": 1700000200}], "transcriptTitle": "Episode 5 transcript"}, None),
])
def test_the_transcript_a_pages_json_holds(data, expected):
    import json

    from claims.ingest.embedded import embedded_transcript

    rendered = embedded_transcript([json.dumps(data)], source="x.html", render_html=lambda h: read_page(h).text)
    assert (rendered.text if rendered else None) == expected


def test_a_post_tagged_bio_or_related_is_no_box():
    # WordPress writes the post's tags and categories into its class ("tag-bio"): the post is no bio box
    html = """<html><body><div id="post-7" class="post-7 post type-post tag-bio category-related-reading">
<p>ANA: Where were you born?</p><p>BEN: In Porto.</p><p>ANA: And raised?</p><p>BEN: Lisbon.</p></div></body></html>"""
    assert read_page(html).text == "ANA: Where were you born?\n\nBEN: In Porto.\n\nANA: And raised?\n\nBEN: Lisbon.\n"


# a news network's transcript page in two of its templates: every page's <title> is the site's
# section, the show's name and the episode's subject are paragraphs classed as heads, or headings
_NETWORK_PAGE = """<html><head><title>Network.com - Transcripts</title></head><body>
<td id="navBar"><div><a href="/">Home Page</a></div></td>
<p><a href="/TRANSCRIPTS/">Return to Transcripts main page</a></p>
<p class="netTransStoryHead">NETWORK EVENING HOUR</p>
<p class="netTransSubHead">{subject}</p>
<p class="netBodyText">Aired March 4, 2024 - 21:00 &nbsp; ET</p>
<p class="netBodyText"><br>DANA REYES, HOST: Good evening. {subject}.<br><br>OMAR HALE, ENGINEER: Thank you.<br><br>
REYES: Where do we start?<br><br>HALE: With the grid.<br></p></body></html>"""


def test_a_title_naming_only_the_site_gives_way_to_the_pages_headline_and_its_subhead():
    from claims.ingest.manifest import derive_slug

    first, second = (read_page(_NETWORK_PAGE.format(subject=subject)) for subject in ("Batteries Explained", "Storms Move East"))
    assert first.metadata.title == "NETWORK EVENING HOUR: Batteries Explained"
    assert second.metadata.title == "NETWORK EVENING HOUR: Storms Move East"
    assert derive_slug(first.metadata) != derive_slug(second.metadata)  # the second is no slug conflict
    # the older template: an <h2> show over an <h4> subject, in a table
    older = ("<html><head><title>Network.com - Transcripts</title></head><body><table><tr><td>"
             "<h2>NETWORK LIVE</h2><h4>A Poet Discusses His Lyrics</h4>Aired June 12, 2001<br>"
             "HOST: Welcome.<br>GUEST: Thanks.</td></tr></table></body></html>")
    assert read_page(older).metadata.title == "NETWORK LIVE: A Poet Discusses His Lyrics"
    # the heading alone where nothing sits under it; a title equal to og:site_name names no interview either
    alone = ('<html><head><title>Grid Talk</title><meta property="og:site_name" content="Grid Talk"></head>'
             "<body><h1>Grid Talk</h1><h1>Episode 9 with Priya Raman</h1><p>Maria: Hi.</p></body></html>")
    assert read_page(alone).metadata.title == "Episode 9 with Priya Raman"
    # the site's logo in an <h1> above names the site ("Network.com" in <title>): the show's head after it titles
    logo = _NETWORK_PAGE.format(subject="Storms Move East").replace("<body>", "<body><div><h1><span>NETWORK</span></h1></div>")
    assert read_page(logo).metadata.title == "NETWORK EVENING HOUR: Storms Move East"
    news = read_page((DATA / "news_transcript_page.html").read_text(encoding="utf-8"))
    assert news.metadata.title == "EVENING NEWS HOUR: Grid Batteries Get Bigger; Ferry Strike Enters Second Week"


@pytest.mark.parametrize("head, title", [
    # a specific <title> stays, even with a section's word in it
    ("<title>Transcript: Grid Storage with Priya Raman</title>", "Transcript: Grid Storage with Priya Raman"),
    ("<title>Grid Storage with Priya Raman | Transcripts</title>", "Grid Storage with Priya Raman | Transcripts"),
    # og:title first; where it too is the section's, the JSON-LD headline
    ('<meta property="og:title" content="Episode 14"><title>Site.org - Transcripts</title>', "Episode 14"),
    ('<title>Transcripts</title><script type="application/ld+json">{"@type": "NewsArticle", '
     '"headline": "Grid Storage, Explained"}</script>', "Grid Storage, Explained"),
    # nothing better: the site's title all the same
    ("<title>Site.org - Transcripts</title>", "Site.org - Transcripts"),
])
def test_a_specific_title_is_kept_and_a_sites_gives_way(head, title):
    html = f"<html><head>{head}</head><body><p>Maria: Hi.</p><p>Priya: Hello.</p></body></html>"
    assert read_page(html).metadata.title == title


def test_a_pages_headings_read_as_plain_paragraphs_are_no_turns_but_a_question_set_as_one_is():
    html = ("<html><head><title>Talk</title></head><body><article><h1>Grid Storage Explained</h1>"
            "<p>Today I want to talk about batteries for the grid. They are big.</p><h2>Why it matters</h2>"
            "<p>Power has to be stored somewhere. Otherwise the sun is wasted at noon.</p>"
            "<h2>What does it cost?</h2><p>About two hundred dollars a kilowatt hour today.</p></article></body></html>")
    annotated = run(html, source="talk.html")
    assert annotated.format == "plain"
    turns = [annotated.source_text[t.start_char:t.end_char] for t in annotated.turns]
    assert turns[0].startswith("Today I want") and "Why it matters" not in turns
    assert "What does it cost?" in turns
    assert annotated.content_start == annotated.turns[0].start_char
    # a news network's page classes its show's name and subject as heads, not headings
    network = _NETWORK_PAGE.format(subject="Batteries Explained").replace(
        "<br><br>OMAR HALE, ENGINEER: Thank you.<br><br>\nREYES: Where do we start?<br><br>HALE: With the grid.", "")
    annotated = run(network, source="network.html")
    assert annotated.format == "plain"
    words = " ".join(annotated.source_text[t.start_char:t.end_char] for t in annotated.turns)
    assert "NETWORK EVENING HOUR" not in words and "Good evening." in words


@pytest.mark.parametrize(
    "html, expected",
    [
        # an old page that never closes its <p> or <font>: each <p> is still a paragraph, and the
        # </article> closing them all ends the article, so the footer after it is the site's again
        ("<html><body><article><font face=Arial><p><b>ANN:</b> Hi.<p><font size=2><b>BO:</b> Yo.</article>"
         "<footer>Copyright</footer><p>After.</body></html>", "ANN: Hi.\n\nBO: Yo.\n\nAfter.\n"),
        # a tag closed twice or never opened leaves the count of open ones as it was
        ("<html><body><main><p>One.</p></p></span><header>Kept: inside main.</header></main><header>Gone.</header></body></html>",
         "One.\n\nKept: inside main.\n"),
        # an unclosed link to another page marks its line as the site's only while it is open
        ("<html><p><a href='/x'>Home</a></p><p><a href='/y'>Back<p>Jane: Hi.</p><p>John: Yo.</p></html>", ""),
        ("<html><p><a href='/x'>Home</a></p><p><a href='/y'>Back</a></p><p>Jane: Hi.</p></html>", "Jane: Hi.\n"),
        # a speaker's name after a paragraph of one <span> per word opens no line: it is not a label
        ("<html><p><span data-m='0'>We </span><span data-m='400'>met </span><span class='speaker'>Jane</span></p></html>",
         "We met Jane\n"),
        ("<html><p><span class='ts'>00:04</span> <span class='speaker'>Jane</span><span data-m='1'>Hi </span></p></html>",
         "[00:04] Jane: Hi\n"),
    ],
)
def test_open_tags_links_and_names_are_tracked_on_pages_that_leave_tags_open(html, expected):
    assert read_page(html).text == expected


def test_a_magazine_pages_questions_in_bold_are_the_interviewers_turns_and_its_heading_the_title():
    from claims.ingest.pipeline import run

    page = ("<!DOCTYPE html><html><head><title>Dana Whitfield on battery recycling | Grid Weekly</title></head>"
            "<body><nav>Home | Archive</nav><article><h1>Dana Whitfield on battery recycling</h1>"
            "<p><em>Edited for length and clarity.</em></p>"
            "<p><strong>How much of a lithium battery can be recovered today?</strong></p>"
            "<p>Most of the cobalt and nickel. The economics depend on the price of new metal.</p>"
            "<p><b>And where does that go in the next five years?</b></p>"
            "<p>I expect recycled material to supply a fifth of European demand by <strong>2030</strong>.</p>"
            "<p><strong>What would change your mind?</strong></p><p>A collapse in nickel prices.</p>"
            "</article><footer>(c) Grid Weekly</footer></body></html>")
    annotated = run(page, source="qa.html")
    text = annotated.source_text
    # before: plain paragraphs split between Host and Guest by the unlabelled decoder, the title the <title>'s
    assert annotated.metadata.title == "Dana Whitfield on battery recycling"
    assert [(t.speaker_slug.split("-in-")[0], text[t.start_char:t.end_char][:24]) for t in annotated.turns] == [
        ("interviewer", "How much of a lithium ba"), ("interviewee", "Most of the cobalt and n"),
        ("interviewer", "And where does that go i"), ("interviewee", "I expect recycled materi"),
        ("interviewer", "What would change your m"), ("interviewee", "A collapse in nickel pri")]
    # a post's bold lines that do not ask stay the paragraphs they were
    post = page.replace("How much of a lithium battery can be recovered today?", "We asked her about recycling.").replace(
        "And where does that go in the next five years?", "Then we turned to the future.")
    assert not any(t.speaker_slug.startswith("interview") for t in run(post, source="post.html").turns)


def test_a_rev_transcript_page_ends_its_last_turn_before_the_related_links_and_the_cookie_banner():
    # rev.com's transcript posts: "Name: (00:00)" over each paragraph, a "Related Content" heading over a
    # list of links after the transcript, and the consent manager's banner (OneTrust's) saved at the body's end
    html = (DATA / "rev_transcript_page.html").read_text(encoding="utf-8")
    annotated = run(html, source="rev_transcript_page.html")
    assert annotated.ok and annotated.format == "labelled"
    metadata = annotated.metadata
    assert (metadata.title, metadata.show) == ("Governor Lane Wildfire Season Briefing Transcript", "Rev")
    assert (metadata.published, metadata.published_precision) == (dt.date(2023, 3, 3), "day")
    names = {sp.slug: sp.name for sp in annotated.speakers}
    text = annotated.source_text
    turns = [(names[t.speaker_slug], t.start_seconds, text[t.start_char:t.end_char]) for t in annotated.turns]
    assert [(name, seconds) for name, seconds, _ in turns] == [
        ("Governor Alma Lane", 0), ("Governor Alma Lane", 48), ("Chief Dan Moreno", 61), ("Speaker 1", 95),
        ("Governor Alma Lane", 99)]
    assert turns[-1][2] == "Not this week. When the wind drops we will look at it again, and not before."
    for chrome in ("Related Content", "cookies", "Accept All", "Log In", "All rights reserved"):
        assert chrome not in text, chrome


def test_a_broadcasters_copyright_notice_under_the_transcript_is_not_the_last_speakers_words():
    # NPR's transcript pages: "NAME, HOST:" labels, then the copyright notice and a note on how the
    # transcript was made, in the transcript's own <div>
    html = (DATA / "npr_transcript_page.html").read_text(encoding="utf-8")
    annotated = run(html, source="npr_transcript_page.html")
    assert annotated.ok and annotated.format == "labelled"
    metadata = annotated.metadata
    assert metadata.title == "A town votes to buy a battery the size of a barn"
    assert metadata.show == "Morning Edition"  # the programme the slug links to, not og:site_name's "NPR"
    assert (metadata.published, metadata.published_precision) == (dt.date(2023, 5, 4), "day")
    speakers = {sp.slug: (sp.name, sp.role) for sp in annotated.speakers}
    text = annotated.source_text
    turns = [(speakers[t.speaker_slug], text[t.start_char:t.end_char]) for t in annotated.turns]
    assert turns[0] == (("Dana Ortiz", "host"), "Last spring, a town of four thousand people voted to buy a battery. "
                                                 "Kevin Abara went to see what they got.")
    assert [name for (name, _), _ in turns] == ["Dana Ortiz", "Kevin Abara", "Ruth Calder", "Kevin Abara",
                                                "Ruth Calder", "Dana Ortiz"]
    assert turns[-1][1] == "That's Kevin Abara reporting."
    assert not any("Copyright" in words or "rush deadline" in words for _, words in turns)
    assert "Copyright © 2023 NPR. All rights reserved." in text  # still in the stored text, outside the turns


def test_a_debates_speakers_linked_to_their_pages_are_labels_and_each_speechs_links_stay_out():
    # TheyWorkForYou's debate pages: each speech's <h2 class="debate-speech__speaker"> holds one link to the
    # member's page (photo, name, party or office) and one to the speech, its time; under the speech a
    # list of links to it and to the Hansard source
    html = (DATA / "parliament_debate_page.html").read_text(encoding="utf-8")
    annotated = run(html, source="parliament_debate_page.html")
    assert annotated.ok and annotated.format == "labelled"
    assert (annotated.metadata.title, annotated.metadata.show) == ("Rural Bus Services", "TheyWorkForYou")
    names = {sp.slug: sp.name for sp in annotated.speakers}
    text = annotated.source_text
    turns = [(names[t.speaker_slug], text[t.start_char:t.end_char]) for t in annotated.turns]
    assert turns == [
        ("Helen Marsh", "What steps the Department is taking to keep rural bus routes running."),
        ("Colin Webb", "We have given councils money to keep the routes people rely on, and I will publish the "
                       "figures next month.\n\nNo council has lost a route for want of that money this year."),
        ("Helen Marsh", "The Minister says that, but the 41 from my village stopped running in January. "
                        "Will he meet me to talk about it?"),
        ("Colin Webb", "I will happily meet the hon. Lady, and I will bring the figures with me."),
    ]
    spoken = "\n".join(words for _, words in turns)
    for chrome in ("Liberal Democrat", "The Minister for Roads", "11:34 am", "Link to this speech", "In context",
                   "Hansard source", "Citation", "Points of Order", "cookies"):
        assert chrome not in spoken, chrome


def test_advertisement_slots_set_between_a_transcripts_paragraphs_are_not_the_speakers_words():
    # a newspaper's transcript page: ad slots between the paragraphs, one in <div class="ad ...">, one in
    # hashed classes with only its "Advertisement" caption and "SKIP ADVERTISEMENT" link to tell it
    html = (DATA / "newspaper_interview_page.html").read_text(encoding="utf-8")
    annotated = run(html, source="newspaper_interview_page.html")
    assert annotated.ok and annotated.format == "labelled"
    metadata = annotated.metadata
    assert (metadata.title, metadata.show) == ("Transcript: The Orchard Keeper Who Counts Bees", "The New York Times")
    assert (metadata.published, metadata.published_precision) == (dt.date(2024, 4, 12), "day")
    names = {sp.slug: sp.name for sp in annotated.speakers}
    text = annotated.source_text
    turns = [(names[t.speaker_slug], text[t.start_char:t.end_char]) for t in annotated.turns]
    assert [name for name, _ in turns] == ["Nora Lind", "Tomas Hale"] * 3
    assert turns[1][1] == "Not every bee. A square metre of blossom, five minutes, the same trees each day."
    assert turns[3][1] == "That a cold week in April costs me more fruit than any pest. The bees simply stay home."
    assert "dvertisement" not in text and "ADVERTISEMENT" not in text


def test_a_briefings_mr_in_capitals_without_a_period_is_written_as_an_honorific():
    # the State Department's briefings: British-style "MR KELLER:" (no period) for the spokesperson, the
    # reporters' "QUESTION:"
    html = (DATA / "state_briefing_page.html").read_text(encoding="utf-8")
    annotated = run(html, source="state_briefing_page.html")
    assert annotated.ok and annotated.format == "labelled"
    assert annotated.metadata.title == "Department Press Briefing – March 5, 2024"
    assert (annotated.metadata.published, annotated.metadata.published_precision) == (dt.date(2024, 3, 5), "day")
    speakers = {sp.slug: sp.name for sp in annotated.speakers}
    text = annotated.source_text
    turns = [(speakers[t.speaker_slug], text[t.start_char:t.end_char]) for t in annotated.turns]
    assert [name for name, _ in turns] == ["Mr Keller", "Question"] * 3 + ["Mr Keller"]
    assert turns[0][1].startswith("Good afternoon, everyone.") and "Washington" not in turns[0][1]
    assert turns[-1][1].startswith("Thanks, everyone.") and "Tags" not in turns[-1][1]


def test_speakers_names_set_as_headings_over_their_paragraphs_are_labels():
    # This American Life's transcripts: each turn a <div class="host|interviewer|subject"> whose <h4> is the
    # speaker's name; the acts' titles are <h3>s between the turns
    html = (DATA / "radio_show_transcript_page.html").read_text(encoding="utf-8")
    annotated = run(html, source="radio_show_transcript_page.html")
    assert annotated.ok and annotated.format == "labelled"
    assert (annotated.metadata.title, annotated.metadata.show) == ("812: The Night Shift", "This American Life")
    assert (annotated.metadata.published, annotated.metadata.published_precision) == (dt.date(2023, 11, 10), "day")
    names = {sp.slug: sp.name for sp in annotated.speakers}
    text = annotated.source_text
    turns = [(names[t.speaker_slug], text[t.start_char:t.end_char]) for t in annotated.turns]
    assert [name for name, _ in turns] == ["Ira Glass", "Ira Glass", "Rosa Mendel", "Rosa Mendel", "Ira Glass", "Rosa Mendel"]
    assert turns[0][1] == ("A bakery opens at two in the morning, and the people who work there do not see daylight "
                           "all winter.\n\nWe went to spend a night with them.")
    assert turns[2][1] == "Eleven at night. I eat breakfast at midnight."  # the act's title after it is no one's words
    assert not any("Act One" in words or "Note:" in words for _, words in turns)


def test_a_podcast_posts_title_naming_its_guest_and_its_timed_chapter_headings_are_no_turns():
    # a Substack podcast post: the title "Guest – topic", a "Timestamps" list, then the transcript under
    # chapter headings "(00:00:40) – Title", each turn "**Name** *00:00:40*" over its paragraphs
    html = (DATA / "substack_podcast_page.html").read_text(encoding="utf-8")
    annotated = run(html, source="substack_podcast_page.html")
    assert annotated.ok and annotated.format == "labelled"
    metadata = annotated.metadata
    assert (metadata.title, metadata.show) == ("Mara Quinn – Small banks, deposits, and trust", "Patel Podcast")
    assert (metadata.published, metadata.published_precision) == (dt.date(2024, 6, 11), "day")
    names = {sp.slug: sp.name for sp in annotated.speakers}
    text = annotated.source_text
    turns = [(names[t.speaker_slug], t.start_seconds, text[t.start_char:t.end_char]) for t in annotated.turns]
    assert turns == [
        ("Sam Patel", 0, "Today I am talking with Mara Quinn, who runs a bank with eleven branches.\n\nMara, welcome."),
        ("Mara Quinn", 12, "Thanks, Sam. Happy to be here."),
        ("Sam Patel", 40, "Where does trust start?"),
        ("Mara Quinn", 43, "With the teller who knows your name. Everything else follows from that."),
    ]
    assert "Great episode" not in text and "Type your email" not in text


def test_a_press_conferences_moderator_hosts_and_the_transcribers_credit_is_not_the_last_turn():
    # a sports press conference as ASAP Sports serves it: "THE MODERATOR:" opens and closes, reporters' "Q.",
    # the player's name in capitals, and the transcription service's credit under the last turn
    html = (DATA / "press_conference_page.html").read_text(encoding="utf-8")
    annotated = run(html, source="press_conference_page.html")
    assert annotated.ok and annotated.format == "labelled"
    assert (annotated.metadata.published, annotated.metadata.published_precision) == (dt.date(2023, 6, 9), "day")
    speakers = {sp.slug: (sp.name, sp.role) for sp in annotated.speakers}
    text = annotated.source_text
    turns = [(speakers[t.speaker_slug], text[t.start_char:t.end_char]) for t in annotated.turns]
    assert [who for who, _ in turns] == [("The Moderator", "host"), ("Lena Park", "guest"), ("Q", "host"),
                                         ("Lena Park", "guest"), ("Q", "host"), ("Lena Park", "guest"),
                                         ("The Moderator", "host")]
    assert turns[-1][1] == "Thank you, Lena. Good luck tomorrow."


def test_photo_captions_set_between_the_answers_are_not_the_speakers_words():
    # a news site's Q&A with photos between the turns: a block editor's <figure><figcaption> and the classic
    # editor's <div class="wp-caption"><p class="wp-caption-text">
    html = (DATA / "magazine_qa_photos_page.html").read_text(encoding="utf-8")
    annotated = run(html, source="magazine_qa_photos_page.html")
    assert annotated.ok and annotated.format == "labelled"
    assert (annotated.metadata.published, annotated.metadata.published_precision) == (dt.date(2024, 2, 2), "day")
    speakers = {sp.slug: (sp.name, sp.role) for sp in annotated.speakers}
    text = annotated.source_text
    turns = [(speakers[t.speaker_slug], text[t.start_char:t.end_char]) for t in annotated.turns]
    assert [who for who, _ in turns] == [("Harbour Times", "host"), ("Ruth Okafor", "guest")] * 3
    assert turns[1][1] == "Somewhere past thirty thousand. I stopped counting in the nineties."
    assert turns[3][1] == "The night of the storm in 1998. Everyone on board went quiet, even the children."
    assert "Photo:" not in text and "Courtesy of" not in text


def test_hansards_speakers_linked_to_their_pages_are_labels_and_a_minister_named_by_office_is_the_person():
    # hansard.parliament.uk's debate pages: each contribution's speaker is a link to the member's page holding
    # a photo, the name in "primary-text" and seat and party in "secondary-text"; a minister's first
    # contribution names the office and the person in brackets, later ones the person; a screen reader's
    # "Share contribution 1 on" beside each
    html = (DATA / "hansard_uk_debate_page.html").read_text(encoding="utf-8")
    annotated = run(html, source="hansard_uk_debate_page.html")
    assert annotated.ok and annotated.format == "labelled"
    assert annotated.metadata.title == "Ferry Timetables"
    # the sitting's day under the title: "Volume 745: debated on Thursday 8 February 2024"
    assert (annotated.metadata.published, annotated.metadata.published_precision) == (dt.date(2024, 2, 8), "day")
    speakers = {sp.slug: (sp.name, sp.role) for sp in annotated.speakers}
    text = annotated.source_text
    turns = [(speakers[t.speaker_slug], text[t.start_char:t.end_char]) for t in annotated.turns]
    assert turns == [
        (("Morag Kinnaird", "host"), "What recent discussions the Secretary of State has had with ferry operators "
                                     "on winter timetables."),
        (("Owen Pritchard", "guest"), "I met the operators last week, and the winter timetable will keep two sailings "
                                      "a day on every lifeline route.\n\nI will write to the hon. Lady with the "
                                      "details for her islands."),
        (("Morag Kinnaird", "host"), "Two sailings is what the timetable promised last winter too, and half of them "
                                     "never left port. Will he publish the cancellations?"),
        (("Owen Pritchard", "guest"), "Yes, every month, starting in March."),
    ]
    assert "The Minister for Maritime (Owen Pritchard):" in text
    assert "Share contribution" not in text and "(Islay and Jura) (SNP)" not in text


def test_what_medium_sets_after_the_storys_article_is_not_the_last_speakers_words():
    # a Medium story: "Name:" in bold in the story's <article>; after it, in hashed classes, the claps and responses,
    # the tags, "Written by" the author, "More from" them and "Recommended from Medium", each card a title and a blurb
    html = (DATA / "medium_interview_page.html").read_text(encoding="utf-8")
    annotated = run(html, source="medium_interview_page.html")
    assert annotated.ok and annotated.format == "labelled"
    assert annotated.metadata.title == "Talking tides with a harbour pilot"
    assert annotated.metadata.published == dt.date(2023, 4, 11)
    names = {sp.slug: sp.name for sp in annotated.speakers}
    text = annotated.source_text
    turns = [(names[t.speaker_slug], text[t.start_char:t.end_char]) for t in annotated.turns]
    assert [name for name, _ in turns] == ["Wren Castillo", "Ines Falk"] * 2
    assert turns[-1][1] == ("Fog came down in ten minutes. We kept her in the channel by the depth sounder and the "
                            "tug's lights, and nothing else.\n\nShe still pilots three ships a week.")
    for footer in ("Written by", "Followers", "No responses yet", "More from", "Recommended from Medium", "pier", "214"):
        assert footer not in text, footer


@pytest.mark.parametrize("site_name, href, show", [
    ("NPR", "https://www.npr.org/programs/fresh-air/", "Fresh Air"),
    ("NPR", "https://www.npr.org/sections/author-interviews/", "NPR"),  # a section, no programme
    ("Grid Weekly", "/programs/fresh-air/", "Grid Weekly"),  # another site's programmes: its name stays
])
def test_an_npr_pages_show_is_the_programme_its_slug_links_to(site_name, href, show):
    html = (f'<!doctype html><html><head><meta property="og:site_name" content="{site_name}"></head><body><article>'
            f'<div class="slug-wrap"><h3 class="slug"><a href="{href}">Fresh Air</a></h3></div>'
            '<h1>A ferry pilot on fog</h1><p>TESS LANG, HOST: Good morning.</p></article></body></html>')
    assert read_page(html).metadata.show == show


def test_an_asap_sports_pages_title_is_the_event_and_the_speaker_not_the_sites_breadcrumb():
    # ASAP Sports' interview pages: <title> is the site's breadcrumb ("ASAP Sports Transcripts - <sport> - <year> -
    # <EVENT> - <Month day> - <speaker>"), the transcript in bold "Q." and "NAME:" labels over <br>s
    html = (DATA / "asap_sports_interview.html").read_text(encoding="utf-8")
    annotated = run(html, source="asap_sports_interview.html")
    assert annotated.ok and annotated.format == "labelled"
    assert annotated.metadata.title == "HARBOURSIDE OPEN: Lena Voss"
    assert annotated.metadata.published == dt.date(2024, 8, 14)
    names = {sp.slug: sp.name for sp in annotated.speakers}
    assert [names[t.speaker_slug] for t in annotated.turns] == [
        "The Moderator", "Q", "Lena Voss", "Q", "Lena Voss", "The Moderator"]


@pytest.mark.parametrize("title", [
    "ASAP Sports Transcripts",  # a listing's
    "Lena Voss - August 14 - Press conference",  # another site's, no breadcrumb
])
def test_a_title_that_is_no_asap_sports_breadcrumb_is_kept_as_it_is(title):
    html = f"<!doctype html><html><head><title>{title}</title></head><body><p>Q. Ready?</p></body></html>"
    assert read_page(html).metadata.title == title


def test_speakers_names_as_a_definition_lists_terms_are_labels():
    # a WordPress theme's transcripts: <dl class="transcripts"><dt>Name</dt><dd><p>words</p>...</dd>, a stray </dd>
    # after the <dl> opens (the theme closes the item before each term)
    html = (DATA / "dl_transcript_page.html").read_text(encoding="utf-8")
    annotated = run(html, source="dl_transcript_page.html")
    assert annotated.ok and annotated.format == "labelled"
    speakers = {sp.slug: (sp.name, sp.role) for sp in annotated.speakers}
    text = annotated.source_text
    turns = [(speakers[t.speaker_slug], text[t.start_char:t.end_char]) for t in annotated.turns]
    assert [who for who, _ in turns] == [("Pim Hollis", "host"), ("Odile Brandt", "guest")] * 2
    assert turns[1][1] == ("My father had the shed and the tools. Fibreglass needs a clean room, and we never had one."
                           "\n\nWood forgives you, too. You can fix a mistake with a plane.")
    assert turns[3][1] == "Four months if the timber is dry. Longer in a wet spring."


def test_a_definition_list_of_fields_is_no_transcript():
    html = ("<!doctype html><html><body><dl><dt>Guest</dt><dd>Odile Brandt</dd><dt>Recorded</dt><dd>June 2019</dd>"
            "<dt>Guest</dt><dd>Pim Hollis</dd></dl><p>Odile Brandt builds boats.</p></body></html>")
    assert ":" not in read_page(html).text


def test_econtalks_intro_note_under_the_first_time_does_not_leave_the_hosts_first_turn_untimed():
    # EconTalk's episode pages: a table of rows, the time in one cell, the paragraphs in the other; the first row's
    # opens with "Intro. [Recording date: ...]" above the host's "Name: Today is ..."
    html = (DATA / "econtalk_episode_page.html").read_text(encoding="utf-8")
    annotated = run(html, source="econtalk_episode_page.html")
    assert annotated.ok and annotated.format == "labelled"
    names = {sp.slug: sp.name for sp in annotated.speakers}
    turns = [(names[t.speaker_slug], t.start_seconds, t.seconds_estimated) for t in annotated.turns]
    assert turns[0] == ("Theo Barrow", 33.0, False)
    assert [(name, seconds) for name, seconds, estimated in turns if not estimated] == [
        ("Theo Barrow", 33.0), ("Theo Barrow", 52.0), ("Mira Stanek", 70.0)]
    text = annotated.source_text
    assert text[annotated.turns[0].start_char:].startswith("Today is August 14th, 2023")
