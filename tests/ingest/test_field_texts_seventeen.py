"""Texts from the field, the thirteenth set (bench/field_set.py: AI researchers' and tech leaders' interviews): a bold
name and its time alone on a line, a bold handle in lower case before its time, a podcast app's Markdown export
with its summary above the transcript; each file written in the producer's shape, in words of our own."""
from claims.ingest.pipeline import run
from tests.field_texts import read, roles, spoken_by


def test_a_bold_name_and_its_time_alone_on_a_line_label_the_words_below():
    # a transcript site's Markdown: "**Name** (m:ss)" on its own line, the words on the lines under it, an ad first
    annotated = run(read("labelled_bold_name_then_time_alone.md"), source="labelled_bold_name_then_time_alone.md")
    assert annotated.format == "labelled"
    said = spoken_by(annotated)
    assert [name for name, _ in said] == ["Speaker 1"] + ["Mina Solberg", "Theo Marsh"] * 3
    assert said[0][1].startswith("Tired of slow ferries?")
    assert annotated.turns[1].start_seconds == 18
    assert not any("**" in words or "(0:" in words for _, words in said)


def test_a_bold_handle_in_lower_case_before_its_time_is_a_label():
    # a newsletter's transcript: the host's handle in lower case, "**rowan** [00:00:00]", beside capitalised names
    annotated = run(read("markdown_handle_label_with_time.md"), source="markdown_handle_label_with_time.md")
    said = spoken_by(annotated)
    assert {name for name, _ in said} == {"Ines", "Pavel", "Rowan"}  # as the front matter writes the host
    assert ("Rowan", "Right.") in said
    assert not any("**rowan**" in words or "Welcome\n" in words for _, words in said)
    assert annotated.metadata.show == "Tide Tables"


def test_a_podcast_apps_export_reads_its_transcript_not_its_summary():
    # Podwise's Markdown: front matter naming the episode and its day, a summary and a "Q & A" of bold questions
    # above "# Transcript", where each bold label has its linked time on the line below it
    annotated = run(read("podwise_export_with_summary.md"), source="podwise_export_with_summary.md")
    meta = annotated.metadata
    assert meta.title == "Pavel Ring on pumps, storms and the long night"
    assert meta.published.isoformat() == "2026-02-03"
    said = spoken_by(annotated)
    assert {name for name, _ in said} == {"Mina Solberg", "Pavel Ring"}
    assert said[0] == ("Mina Solberg", "Welcome back to Low Water. Today I'm here with Pavel Ring.")
    assert [t.start_seconds for t in annotated.turns][:4] == [0, 6, 8, 11]
    assert not any("podwise.ai" in words for _, words in said)
    assert roles(annotated)["Mina Solberg"] == "host"


def test_a_headings_linked_time_times_the_turn_below_it():
    # a show's page saved as Markdown: each section's heading closes with its start linked to the player, escaped
    # ("### The storm [\[00:00:46\]](https://...&t=46)"), the host's label below it has no time of its own
    text = (
        "## Transcript\n\n"
        "### Cold open [\\[00:00:00\\]](https://example.org/ep/?t=0)\n\n"
        "**Mina Solberg:** Let's talk about the night the pumps ran.\n\n"
        "### The storm [\\[00:00:46\\]](https://example.org/ep/?t=46)\n\n"
        "**Mina Solberg:** It began at dusk.\n\n"
        "**Pavel Ring:** And it did not stop.\n"
    )
    annotated = run(text, source="linked_heading_times.md")
    assert [t.start_seconds for t in annotated.turns][:2] == [0, 46]
    assert not any("example.org" in words for _, words in spoken_by(annotated))


def test_a_headings_opening_time_times_the_turn_below_it():
    # Chinese notes of an interview: "### (00:00:49) - 开场" (the section's start, a dash, its name) over the labels
    text = (
        "### (00:00:49) - 开场\n\n"
        "**林明：** 欢迎来到节目。\n\n"
        "**周岚：** 谢谢邀请。\n\n"
        "### (00:01:00) - 潮汐\n\n"
        "**林明：** 第一个问题。\n\n"
        "**周岚：** 我们仍然不知道。\n"
    )
    annotated = run(text, source="opening_heading_times.md")
    turns = annotated.turns
    assert (turns[0].start_seconds, turns[2].start_seconds) == (49, 60)
    assert not turns[0].seconds_estimated and not turns[2].seconds_estimated


def test_a_saved_pages_title_closing_with_its_sites_name_names_the_show():
    # a web clipper's front matter: the page's title ends " | Low Water", the site the address names; no show field
    text = (
        '---\nurl: "https://lowwater.org/podcast/episodes/storm-night/?utm_source=feed"\n'
        'captured_at: "2026-02-11T22:11:44+00:00"\ntitle: "What happened on the storm night? | Low Water"\n'
        'domain: "lowwater-org"\n---\n\n## Transcript\n\n'
        "**Mina Solberg:** Let's talk about the storm.\n\n**Pavel Ring:** Gladly.\n\n**Mina Solberg:** When did it start?\n"
    )
    meta = run(text, source="clipped_page.md").metadata
    assert (meta.title, meta.show) == ("What happened on the storm night?", "Low Water")
    assert meta.published is None  # the day it was saved is no day it was published


def test_a_title_closing_with_other_words_after_a_bar_keeps_them():
    text = ('---\nurl: "https://lowwater.org/ep/12"\ntitle: "Episode 12 | Pavel Ring"\n---\n\n'
            "**Mina Solberg:** Hello.\n\n**Pavel Ring:** Hi.\n\n**Mina Solberg:** Well.\n")
    assert run(text, source="bar_title.md").metadata.title == "Episode 12 | Pavel Ring"


def test_a_headers_day_field_in_bold_gives_the_day():
    # interview notes in Markdown: the header's fields in bold, "**日期：** 2023年8月8日", "**Date:** August 8, 2023"
    for field in ("**日期：** 2023年8月8日", "**Date:** August 8, 2023"):
        text = (f"# 访谈\n\n{field}\n\n**平台：** 播客\n\n"
                "**林明：** 欢迎来到节目。\n\n**周岚：** 谢谢邀请。\n\n**林明：** 第一个问题。\n")
        assert run(text, source="bold_day_field.md").metadata.published.isoformat() == "2023-08-08"


def test_a_caption_dumps_opening_dash_line_is_no_title():
    # a caption site's text download: each caption a paragraph, a hyphen and a space where a new voice starts; the
    # first caption, "- I think the tide ...", is words, not the file's title
    text = ("- I think the tide\nhas a memory\n\nand we should listen to it.\n\n- The following is a talk\nwith Pavel Ring.\n\n"
            "What is a tide?\n\n- A tide is the sea\nbreathing slowly.\n\n- Slowly.\n\n- Very slowly.\n")
    annotated = run(text, source="caption_dump.txt")
    assert annotated.metadata.title == ""
    assert annotated.source_text[annotated.turns[0].start_char:].startswith("I think the tide")  # its dash a mark


def test_a_co_host_the_opening_names_is_a_host():
    # "I'm joined by my co-host Rowan, founder of ...": the second voice asking is a host beside the first, not a guest
    text = (
        "**Mina** [00:00:00]: Welcome to the Low Water podcast. This is Mina, and I'm joined by my co-host Rowan, "
        "founder of [Tides.io](https://tides.io/).\n\n"
        "**Rowan** [00:00:10]: Hey, and today we have Pavel and Ines from the harbour board. Welcome.\n\n"
        "**Pavel** [00:00:15]: Thanks for having us.\n\n**Ines** [00:00:17]: Glad to be here.\n\n"
        "**Rowan** [00:00:19]: Who starts?\n\n**Pavel** [00:00:21]: I will.\n\n**Mina** [00:00:25]: Go on then.\n"
    )
    assert roles(run(text, source="co_host_named.md")) == {"Mina": "host", "Rowan": "host", "Pavel": "guest", "Ines": "guest"}


def test_a_day_glued_to_the_episodes_length_under_its_title_gives_the_day():
    # a show's site as text: the day and the length run together on the line under the title ("July 31, 20241:31:22")
    text = ("Pumps at Night\nJuly 31, 20241:31:22\n\nPumps at Night\n\nMina and Pavel talk pumps.\n\n"
            "[00:00:01] [SPEAKER_04]: This is Low Water episode 28.\n\n[00:00:09] [SPEAKER_04]: Welcome, everybody.\n\n"
            "[00:00:15] [SPEAKER_02]: Thanks for having me.\n")
    assert run(text, source="glued_day.txt").metadata.published.isoformat() == "2024-07-31"
