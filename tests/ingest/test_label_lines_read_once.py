"""A label said again is read once (formats/labelled.py: _candidates). A line opening with the very words, colon
and spaces of a "Name: text" line read before, and words after them, is that label again: the long LABEL_LINE is
not run on it. The cases below check that every line so read gives what LABEL_LINE gives it, also where a line
shares a label's opening but LABEL_LINE would read it otherwise."""
import re

import pytest

from claims.ingest.formats.labelled import LABEL_LINE, _candidates, parse


def _spans(m: re.Match) -> dict:
    return {group: m.span(group) for group in LABEL_LINE.groupindex}


def test_a_label_said_again_is_read_once():
    text = "Mara Quinn: Good morning.\n\nTeo Brandt: Morning, Mara.\n\nMara Quinn: Shall we start?\n\nTeo Brandt: Yes.\n"
    cands = _candidates(text)[0]
    assert [c[5] for c in cands] == ["Mara Quinn", "Teo Brandt", "Mara Quinn", "Teo Brandt"]
    assert cands[0][4] is cands[2][4] and cands[1][4] is cands[3][4]


@pytest.mark.parametrize("lines", [
    ["Mara Quinn: Good morning.", "Mara Quinn: And again."],
    ["Mara Quinn: Good morning.", "Mara Quinn:  Two spaces.", "Mara Quinn:\tA tab."],
    ["Mara Quinn: Good morning.", "Mara Quinn: \r", "Mara Quinn: a\r", "Mara Quinn: "],  # nothing said, a carriage return
    ["Mara Quinn: Good morning.", "Mara Quinn:", "Mara Quinn:: twice"],
    ["Mara Quinn: Good morning.", "Mara Quinn:\u00a0no-break space", "Mara Quinn: \u3000ideographic space"],
    ["NICK FOUNTAIN, HOST: Hello.", "NICK FOUNTAIN, HOST: Again."],  # a role after a comma
    ["Lena Marsh (Radio Nord): Hello.", "Lena Marsh (Radio Nord): Again."],  # an affiliation in brackets
    # a full-width colon and brackets: the same opening read otherwise once a bracket closes after it
    ["Ann (Xy：t words", "Ann (Xy：t) : x", "Ann (Xy：t"],
    ["Ann Host - 12: text", "Ann Host - 12:34 text", "Ann Host - 12: 34 text"],  # a dash and a time
    ["[00:01:02] Ann Host: text", "[00:01:02] Ann Host: more"],  # a time in brackets before the name
    ["Ann Host [00:01:02]: text", "Ann Host [00:01:02]: more"],
    ["\u200fالمحاور: سؤال", "\u200fالمحاور: سؤال آخر"],  # a direction mark before the name
    [f"Caller {k}: Line open." for k in range(150)] + ["Caller 7: Again.", "Caller 140: Again."],  # more labels than are kept
])
def test_a_label_read_once_is_what_label_line_reads_on_every_line(lines):
    text = "\n\n".join(lines * 2) + "\n"
    for number, _start, _end, _body, m, _name in _candidates(text)[0]:
        line = text.split("\n")[number - 1]  # as read, a carriage return kept
        own = m.re.match(line)
        assert own is not None
        if m.re is LABEL_LINE:
            assert _spans(m) == _spans(own), line
            assert bool(m.group("rest")) == bool(own.group("rest"))


def test_a_transcript_parses_the_same_with_its_labels_read_once():
    text = ("Mara Quinn: Good morning, and welcome.\n\nTeo Brandt: Thanks for having me?\n\n"
            "Mara Quinn: Shall we start with the ferries?\n\nTeo Brandt: Yes. The night crossings first.\n")
    turns = parse(text, source="t.txt").turns
    assert [(text[t.start_char:t.end_char], t.speaker_label, t.line) for t in turns] == [
        ("Good morning, and welcome.", "Mara Quinn", 1), ("Thanks for having me?", "Teo Brandt", 3),
        ("Shall we start with the ferries?", "Mara Quinn", 5), ("Yes. The night crossings first.", "Teo Brandt", 7),
    ]


def test_a_name_used_once_and_written_as_the_others_is_a_label_among_many_lines():
    turns = []
    for k in range(400):
        turns.append(f"{'Mara Quinn' if k % 2 == 0 else 'Teo Brandt'}: Crossing number {k} ran late?")
        if k == 200:
            turns.append("Ines Varga: One word from the harbour office.")
    text = "Harbour notes\n\n" + "\n\n".join(turns) + "\n"
    starts = _candidates(text)[0]
    parsed = parse(text, source="t.txt")
    assert {t.speaker_label for t in parsed.turns} == {"Mara Quinn", "Teo Brandt", "Ines Varga"}
    assert len(parsed.turns) == len(starts) == 401
