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
