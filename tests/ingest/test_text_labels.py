"""Label shapes in text transcripts found in published files (each written here in the file's shape)."""
from claims.ingest.formats import parse_source


def spans(text, parsed):
    return [(t.line, t.speaker_label, t.start_seconds, text[t.start_char : t.end_char]) for t in parsed.turns]


def test_otter_names_under_a_time_before_every_line_are_labels_with_their_own_times():
    # Python Bytes' transcripts: a converter put "0:00 " before every line of an Otter export
    text = ("0:00 Ada Lane  00:00\n\n0:00 Welcome to the show. I'm Ada.\n\n0:00 Unknown Speaker  00:09\n\n"
            "0:00 And I'm Bo.\n\n0:00 Ada Lane  00:12\n\n0:00 Bo, tell us about caching.\n\n"
            "0:00 Unknown Speaker  01:05\n\n0:00 Sure. It is hard.\n\n0:00 Transcribed by https://otter.ai\n")
    parsed = parse_source(text, source="pybytes.txt")
    assert parsed.format == "labelled" and not parsed.errors
    assert spans(text, parsed) == [
        (3, "Ada Lane", 0.0, "Welcome to the show. I'm Ada."), (7, "Unknown Speaker", 9.0, "And I'm Bo."),
        (11, "Ada Lane", 12.0, "Bo, tell us about caching."), (15, "Unknown Speaker", 65.0, "Sure. It is hard.")]
