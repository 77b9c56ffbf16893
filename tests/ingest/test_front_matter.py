"""A Markdown transcript's YAML front matter: metadata read, the block kept out of the turns."""
import datetime as dt

from claims.ingest.pipeline import run
from claims.ingest.records import Metadata

EPISODE = """---
layout: episode
title: "Grid storage, with Priya Raman"
date: 2024-11-21
podcast: Charged Up
guests:
  - Priya Raman
video_id: Bp_h674oIhw
duration: "1:04:09"
description: >
  Priya Raman builds batteries for the grid.
---

# Grid storage

**Maria Lopez:** Welcome to Charged Up. Today I'm talking with Priya Raman. How big is a grid battery?

**Priya Raman:** The one we finished last year holds four hundred megawatt hours.
"""


def test_front_matter_gives_the_metadata_and_stays_out_of_the_turns():
    annotated = run(EPISODE, source="episode-14.md")
    assert annotated.ok and annotated.format == "labelled" and annotated.source_text == EPISODE
    meta = annotated.metadata
    assert (meta.title, meta.show, meta.published, meta.published_precision) == (
        "Grid storage, with Priya Raman", "Charged Up", dt.date(2024, 11, 21), "day")
    assert (meta.video_id, meta.duration_seconds, meta.guests) == ("Bp_h674oIhw", 3849, ("Priya Raman",))
    assert [(s.name, s.role) for s in annotated.speakers] == [("Priya Raman", "guest"), ("Maria Lopez", "host")]
    assert annotated.content_start > EPISODE.index("\n---\n") and all(t.start_char > annotated.content_start for t in annotated.turns)
    assert not any("layout" in EPISODE[s.start_char:s.end_char] for s in annotated.sentences)


def test_without_front_matter_the_fields_lines_would_be_speakers_so_the_block_is_blank_to_the_parser():
    # "title:" and "date:" twice each look like labels; inside front matter they are not
    text = "---\ntitle: One\ndate: 2023\n---\ntitle: not a label here\n\nAnn: Hello there.\n\nBo: Hi, Ann.\n\nAnn: Bye.\n"
    annotated = run(text, source="a.md")
    assert {s.name for s in annotated.speakers} == {"Ann", "Bo"}
    assert (annotated.metadata.published, annotated.metadata.published_precision) == (dt.date(2023, 1, 1), "year")


def test_the_command_line_wins_and_a_rule_that_opens_no_front_matter_is_text():
    annotated = run(EPISODE, source="e.md", metadata=Metadata(title="Given title"))
    assert annotated.metadata.title == "Given title"
    ruled = "---\nAnn: Hello there.\nBo: Hi, Ann.\n---\nAnn: Bye now.\n"  # a mapping, but no field sites use
    annotated = run(ruled, source="r.md")
    turns = [annotated.source_text[t.start_char:t.end_char] for t in annotated.turns]
    assert len(turns) == 3 and turns[0] == "Hello there." and turns[1].startswith("Hi, Ann.")
    broken = "---\ntitle: [unclosed\n---\nAnn: Hello there.\n\nBo: Hi.\n"  # not YAML: left as text, no crash
    assert run(broken, source="b.md").ok


HUGO_TOML = """+++
audioDuration = "00:45:04"
date = "2018-06-06"
episodeNumber = 130
hosts = ["Mark Mandel", "Melanie Warrick"]
title = "Data Science with Juliet Hougland and Michelle Casbon"
[[resources]]
  src = "**Hero*.jpg"
+++

##### Juliet Hougland

Juliet leads the Workflow, Environment, and Execution team.

MELANIE: Doing good, Mark. How are you?

MARK: I'm very, very well. Yet another week, yet another podcast.

MELANIE: Another podcast. 130.
"""


def test_hugos_toml_front_matter_gives_the_metadata_too():
    # Hugo writes "+++" TOML by default (the Google Cloud Platform Podcast's episodes); the show
    # notes' first heading was the title and the hosts, date and length were lost
    annotated = run(HUGO_TOML, source="episode-130.md")
    meta = annotated.metadata
    assert (meta.title, meta.published, meta.duration_seconds, meta.hosts) == (
        "Data Science with Juliet Hougland and Michelle Casbon", dt.date(2018, 6, 6), 2704,
        ("Mark Mandel", "Melanie Warrick"))
    assert annotated.content_start > HUGO_TOML.index("\n+++\n")
    assert run("+++\ntitle = [unclosed\n+++\nAnn: Hello there.\n\nBo: Hi.\n", source="b.md").ok  # not TOML: text


# a conference talk as a transcripts site writes it: front matter naming the one speaker, paragraphs
# and section headings, no labels
TALK = """---
title: "Off-chain transfer of coins"
transcript_by: Jane Roe
categories: ['{kind}']
speakers: [{speakers}]
---
I am going to be talking about moving coins off the chain without channels.

## Why this matters

This is another scaling approach. It avoids transactions on the chain, and the coins move freely.

What do we need for this? We need a server that signs, and we need users who check its work.

## Limitations

You can only move a whole coin. That has some advantages, as we will see.
"""


def test_a_talk_whose_front_matter_names_one_speaker_is_one_voice():
    annotated = run(TALK.format(kind="conference", speakers="'Ana Weiss'"), source="talk.md")
    assert annotated.ok and annotated.format == "plain"
    assert [(s.name, s.role) for s in annotated.speakers] == [("Ana Weiss", "guest")]
    assert {t.speaker_slug for t in annotated.turns} == {"ana-weiss"}
    assert "I am going to be talking" in annotated.source_text[annotated.turns[0].start_char:annotated.turns[0].end_char]


def test_a_podcast_or_two_speakers_named_in_front_matter_is_no_talk():
    # a podcast's page naming its guest only: the host is there too, unnamed
    podcast = run(TALK.format(kind="podcast", speakers="'Ana Weiss'"), source="podcast.md")
    assert podcast.metadata.single_speaker is None and len(podcast.speakers) == 2
    two = run(TALK.format(kind="conference", speakers="'Ana Weiss', 'Ben Ode'"), source="panel.md")
    assert two.metadata.single_speaker is None and len(two.speakers) >= 2
    # a talk's page whose text labels two voices keeps its labels
    labelled = TALK.format(kind="conference", speakers="'Ana Weiss'").replace(
        "I am going", "Ben Ode: Welcome, Ana.\n\nAna Weiss: Thanks. I am going").replace(
        "What do we need", "Ben Ode: What do we need").replace("You can only", "Ana Weiss: You can only")
    annotated = run(labelled, source="talk2.md")
    assert annotated.format == "labelled"
    assert [t.speaker_slug for t in annotated.turns][:3] == ["ben-ode", "ana-weiss", "ben-ode"]
