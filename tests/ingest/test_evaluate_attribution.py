"""Attribution measured on labelled transcripts with their labels taken away."""
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from claims.ingest.evaluate import without_labels
from claims.ingest.markup import reading_text
from claims.ingest.pipeline import run

DATA = Path(__file__).resolve().parents[1] / "data"


def test_without_labels_keeps_every_word_in_order_and_marks_whose_it_is():
    annotated = run((DATA / "changelog_style.md").read_text(encoding="utf-8"), source="c.md")
    roles = {"daniel-whitenack": "host", "ville-okoro": "guest"}
    reading = reading_text(annotated.source_text, "labelled")
    raw, gold = without_labels(reading, annotated.turns, roles)
    spoken = [w for t in annotated.turns for w in reading[t.start_char:t.end_char].split()]
    assert raw.split() == [re.sub(r"[^\w'’]", "", w).lower() for w in spoken if re.sub(r"[^\w'’]", "", w)]
    assert "whitenack" not in raw and "[" not in raw and not re.search(r"\d:\d", raw)  # labels and marks are gone
    assert [g["speaker"] for g in gold] == ["host", "guest", "host", "guest", "guest", "host", "guest"]
    assert raw[gold[1]["start_char"]:gold[1]["end_char"]] == "thanks for having me"
    text, gold = without_labels(reading, annotated.turns, roles, punctuation=True)
    assert text[gold[1]["start_char"]:gold[1]["end_char"]] == "Thanks for having me."


def test_the_command_reports_each_labelled_transcript_and_skips_the_others():
    out, err = StringIO(), StringIO()
    call_command("evaluate_attribution", str(DATA / "changelog_style.md"), str(DATA / "podcast_page.txt"),
                 str(DATA / "plain.txt"), host=["Daniel Whitenack", "Maria Lopez"], stdout=out, stderr=err)
    rows = {line.split("│")[1].strip(): [c.strip() for c in line.split("│")[2:6]] for line in out.getvalue().splitlines()
            if line.count("│") == 6 and re.search(r"\d\.\d\d", line)}
    assert set(rows) == {"changelog_style.md", "podcast_page.txt", "median", "mean"}
    assert all(0 <= float(v) <= 1 for v in rows["changelog_style.md"][2:])
    assert f"{DATA / 'plain.txt'}: skipped: not a labelled transcript with both a host and a guest" in err.getvalue()
    assert "2 transcripts;" in out.getvalue()


def test_the_command_fails_when_nothing_can_be_measured():
    with pytest.raises(CommandError, match="no labelled transcript with both a host and a guest"):
        call_command("evaluate_attribution", str(DATA / "plain.txt"), stdout=StringIO(), stderr=StringIO())
