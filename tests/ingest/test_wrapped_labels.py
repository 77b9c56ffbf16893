"""Labelled transcripts hard-wrapped at 70-80 characters (e-mail, fmt and textwrap, the GPO's hearings as
text): long turns put a label in 30 lines, so the density rule counts lines as they were before wrapping."""
import textwrap
from pathlib import Path

import pytest

from claims.ingest.formats import detect, parse_source
from claims.ingest.pipeline import run
from claims.ingest.read import read_source

DATA = Path(__file__).resolve().parents[1] / "data"

QUESTION = ("What made you start keeping a logbook of the night crossings in the first place, and did anyone "
            "on the depot's board read it while you were still running the boats? ")
ANSWER = ("I remember the first winter we ran the night crossing with only four deckhands, and the river was "
          "frozen at the edges so the landing took twice as long as it should have. We kept a logbook of every "
          "delay, and when the board finally asked for numbers we had three years of them written out by hand. ")
TURNS = [("Maya Ortega", QUESTION * 3), ("Ilan Weber", ANSWER * 6), ("Maya Ortega", QUESTION * 2), ("Ilan Weber", ANSWER * 5)] * 2


def covered(text, parsed, start):
    """The non-blank characters from `start` on that no turn holds (labels aside)."""
    held = bytearray(len(text))
    for t in parsed.turns:
        held[t.start_char:t.end_char] = b"\1" * (t.end_char - t.start_char)
    return "".join(ch for i, ch in enumerate(text) if i >= start and not held[i] and not ch.isspace())


@pytest.mark.parametrize("label, width, between, indent", [
    ("{}: ", 72, "\n\n", ""),          # e-mail, fmt: paragraphs, blank lines between
    ("**{}:** ", 80, "\n\n", ""),      # Markdown bold
    ("{upper}: ", 72, "\n\n", ""),     # names in capitals
    ("{}: ", 76, "\n", ""),            # no blank lines: a label opening a line is the only mark
    ("{upper}:  ", 72, "\n", " " * 14),  # a play's hanging indent under the name
])
def test_a_hard_wrapped_transcript_of_long_turns_is_labelled_each_turn_its_wrapped_lines(label, width, between, indent):
    # before: 8 labels in 108-122 lines (under a tenth) read as plain text, the names lost and a Host and a Guest invented
    paragraphs = [textwrap.fill(label.format(name, upper=name.upper()) + words, width=width, subsequent_indent=indent)
                  for name, words in TURNS]
    text = "Episode 12: the night crossing\n\n" + between.join(paragraphs) + "\n"
    assert detect(text) == "labelled"
    parsed = parse_source(text, source="crossing.txt")
    assert not parsed.errors
    names = [name.upper() if "upper" in label else name for name, _ in TURNS]
    assert [t.speaker_label for t in parsed.turns] == names
    for turn, paragraph in zip(parsed.turns, paragraphs):
        said = text[turn.start_char:turn.end_char]
        assert paragraph.endswith(said) and said.count("\n") == paragraph.count("\n") >= 4  # every wrapped line
    first_label = text.index(names[0])
    assert set(covered(text, parsed, first_label)) <= set(" ".join(names) + ":*")


def test_a_wrapped_turn_over_several_paragraphs_is_one_speakers_turn():
    answer = ["I remember the first winter we ran the night crossing with only four deckhands. " * 4,
              "The board asked for numbers later, and we had three years of them written out by hand. " * 4,
              "Nobody had asked us before, so we kept counting. " * 6]
    answered = "\n\n".join(textwrap.fill(("Ilan Weber: " if i == 0 else "") + p, 72) for i, p in enumerate(answer))
    text = ("Maya Ortega: " + textwrap.fill(QUESTION * 3, 72) + "\n\n" + answered + "\n\n"
            + textwrap.fill("Maya Ortega: " + QUESTION * 2, 72) + "\n\n" + textwrap.fill("Ilan Weber: " + ANSWER * 4, 72) + "\n")
    parsed = parse_source(text, source="crossing.txt")
    assert parsed.format == "labelled"
    assert [t.speaker_label for t in parsed.turns] == ["Maya Ortega", "Ilan Weber", "Maya Ortega", "Ilan Weber"]
    second = text[parsed.turns[1].start_char:parsed.turns[1].end_char]
    assert second == answered.removeprefix("Ilan Weber: ") and second.count("\n\n") == 2


def test_wrapped_text_with_a_few_colon_lines_stays_plain():
    fill = textwrap.fill
    essay = ("Harbor notes\n\n" + fill(ANSWER * 4) + "\n\nNote: the figures are the depot's own counts.\n\n" + fill(QUESTION * 3)
             + "\n\nUpdate: the board replied in March.\n\n" + fill(ANSWER * 3) + "\n\nWarning: the older logbooks use another clock.\n")
    mail = ("From: Marta Olenska <marta@example.org>\nTo: Depot Board <board@example.org>\nSubject: Re: the night crossing\n"
            "Date: Tue, 14 Mar 2023 09:12:44 +0100\n\nDear all,\n\n" + fill(ANSWER * 3) + "\n\nBest,\nMarta\n\n"
            "On Mon, 13 Mar 2023, Ivo Brandt wrote:\n" + "\n".join("> " + line for line in fill(QUESTION * 2, 70).split("\n")) + "\n")
    minutes = ("Depot board, minutes of 14 March 2023\n\nPresent: Marta Olenska, Ivo Brandt\n\n1. The night crossing\n\n"
               + fill(ANSWER * 2) + "\n\nAction: Ivo to draft the new timetable.\n\n2. Fares\n\n" + fill(QUESTION * 3)
               + "\n\nAction: Marta to ask the council about the season ticket.\n\n" + fill(ANSWER) + "\n\nAction: Lena to book the hall.\n")
    # a ceremony: the moderator's 8 labels among 41 wrapped paragraphs, under a fifth of them as before
    welcome = "MODERADORA: Damos la bienvenida a la señora Ana Quiroga Ruiz, presidenta municipal, que nos acompaña hoy."
    thanks = ("Queremos agradecer a las familias del pueblo y a las autoridades que vinieron desde lejos para estar "
              "con nosotros en este día tan importante para la comunidad entera.")
    ceremony = "\n\n".join(([fill(welcome, 80)] + [fill(thanks, 80)] * 4) * 8 + [fill(thanks, 80)]) + "\n"
    for name, text in [("essay.md", essay), ("mail.txt", mail + "\n" + mail), ("minutes.txt", minutes), ("acto.txt", ceremony)]:
        assert detect(text) == "plain", name


def test_a_hearing_as_the_gpo_publishes_it_as_text_reads_as_its_members_and_witnesses_turns():
    # govinfo's CHRG-* page: one <pre> block; a cover, the roster in two columns, C O N T E N T S with dotted
    # leaders, then paragraphs indented by four spaces, their later lines flush left, wrapped at 70; before,
    # plain text: the title-case labels ("Chairman Halvorsen.", "Ms. Marrow.") were no labels
    raw, _ = read_source(DATA / "gpo_hearing.htm")
    annotated = run(raw, source="gpo_hearing.htm")
    text = annotated.source_text
    assert annotated.format == "labelled" and not annotated.errors
    assert annotated.metadata.title == "KEEPING RIVER FERRIES RUNNING: A REVIEW OF NIGHT CROSSINGS"  # its <title> opens " - "
    assert [(s.name, s.slug) for s in annotated.speakers] == [
        ("Chairman Halvorsen", "chairman-halvorsen"), ("Mr. Okafor", "mr-okafor"), ("Ms. Marrow", "ms-marrow"),
        ("Mr. Renn", "mr-renn"), ("Ms. Lindqvist", "ms-lindqvist")]
    # the members (the chairman, the ranking member and Ms. Lindqvist, all on the roster) are the hosts, the two
    # witnesses the guests; before, Mr. Okafor and Ms. Lindqvist were guests beside the witnesses
    assert [s.role for s in annotated.speakers] == ["host", "host", "guest", "guest", "host"]
    # the cover, the roster, the contents, the title printed twice and "Present:" are before the record
    first = text.index("    Chairman Halvorsen. The Committee")
    assert text.index("C O N T E N T S") < annotated.content_start == first + 4
    assert annotated.turns[0].start_char == text.index("The Committee on Harbor Administration will")
    said = [(t.speaker_slug, text[t.start_char:t.end_char]) for t in annotated.turns]
    parsed = parse_source(text, source="gpo_hearing.htm")
    assert [t.speaker_label for t in parsed.turns] == [
        "Chairman Halvorsen", "Mr. Okafor", "Chairman Halvorsen", "Ms. Marrow", "Mr. Renn", "Chairman Halvorsen",
        "Ms. Lindqvist", "Ms. Marrow", "Ms. Lindqvist", "Ms. Marrow", "Ms. Lindqvist", "Chairman Halvorsen",
        "Chairman Halvorsen", "Mr. Okafor", "Mr. Renn", "Mr. Okafor", "Chairman Halvorsen"]
    opening = text[parsed.turns[0].start_char:parsed.turns[0].end_char]
    assert opening.startswith("The Committee on Harbor Administration will \ncome to order.\n    I note that a quorum")
    assert opening.endswith("[The statement of Chairman Halvorsen follows:]\n\n                 [GRAPHIC] [TIFF OMITTED] T1400.001")
    # a heading in capitals between turns is no one's words; a witness's prepared statement is her turn
    introduces = text[parsed.turns[2].start_char:parsed.turns[2].end_char]
    assert introduces == "Thank you, Mr. Okafor. I will now introduce \nour witnesses."
    statement = text[parsed.turns[3].start_char:parsed.turns[3].end_char]
    assert "Prepared Statement of the Honorable Jane Marrow" in statement and "STATEMENT OF" not in statement
    assert statement.endswith("finally asked for them.")
    assert ("chairman-halvorsen", "The gentlelady yields back. We will stand in a \nshort recess.\n    [Recess.]") in said
    # every wrapped line of the record is some turn's
    labels = {"Chairman Halvorsen.", "Mr. Okafor.", "Ms. Marrow.", "Mr. Renn.", "Ms. Lindqvist."}
    left = covered(text, parsed, first)
    for heading in ("STATEMENTSOFHON.JANEMARROW,COMMISSIONER,RIVERCROSSINGSAUTHORITY;", "STATEMENTOFHON.JANEMARROW",
                    "STATEMENTOFTOBIASRENN"):
        left = left.replace(heading, "", 1)
    left = left.replace("ANDMR.TOBIASRENN,NIGHTPILOT,UPPERLANDINGFERRYCOMPANY", "", 1)
    for label in labels:
        left = left.replace(label.replace(" ", ""), "")
    assert left == ""


def test_a_senate_hearings_title_case_labels_and_the_chairman():
    para = lambda words: "\n".join(textwrap.wrap(words, 70, initial_indent="    "))
    text = "[Senate Hearing 104-000]\n\n" + "\n".join([
        para("The Chairman. The committee will come to order. " + QUESTION * 2), para(ANSWER * 2),
        para("Senator Hadley. I want to welcome our witness today. " + ANSWER * 2),
        para("The Chairman. Thank you, Senator. " + QUESTION), para("[Recess.]"),
        para("Senator Hadley. " + ANSWER * 3), para("The Chairman. We are back. " + ANSWER)]) + "\n"
    parsed = parse_source(text, source="hearing.txt")
    assert parsed.format == "labelled"
    assert [t.speaker_label for t in parsed.turns] == ["The Chairman", "Senator Hadley", "The Chairman", "Senator Hadley", "The Chairman"]
    opening = para("The Chairman. The committee will come to order. " + QUESTION * 2) + "\n" + para(ANSWER * 2)
    assert text[parsed.turns[0].start_char:parsed.turns[0].end_char] == opening[len("    The Chairman. "):].rstrip()
    assert text[parsed.turns[2].start_char:parsed.turns[2].end_char].endswith("    [Recess.]")


def test_an_indented_paragraph_of_prose_opening_with_a_name_and_a_period_is_no_label():
    para = lambda words: "\n".join(textwrap.wrap(words, 70, initial_indent="    "))
    novel = "\n".join([para(ANSWER * 2), para("Mr. Lark. That was the name on the card. " + ANSWER), para(QUESTION * 2),
                       para("Mrs. Lark. She had signed it too. " + ANSWER), para(ANSWER * 3), para("Mr. Lark. Again. " + QUESTION),
                       para("Mrs. Lark. Again, in a smaller hand. " + ANSWER)] + [para(ANSWER * 2), para(QUESTION)] * 12) + "\n"
    assert detect(novel) == "plain"
    # and without the indent the GPO sets, a line opening with one is prose however often
    assert detect(novel.replace("\n    ", "\n").replace("    Mr.", "Mr.")) == "plain"


def test_a_word_and_a_colon_opening_a_wrapped_line_is_no_speaker():
    # a wrap puts any word at a line's start: "Rule:" there, after words ending mid-sentence, is the same
    # speaker's words, not a name used once (single-word names let one-word labels in)
    answer = textwrap.fill("Ilya: " + ANSWER * 2 + "and there was one rule we kept on the night crossing, the first", 72)
    exchange = [textwrap.fill(f"Lex: {QUESTION * 2}", 72), textwrap.fill(f"Ilya: {ANSWER * 3}", 72)]
    turns = [exchange[0], answer + "\nRule: we never left before the ice was checked."] + exchange * 3
    text = "\n\n".join(turns) + "\n"
    parsed = parse_source(text, source="crossing.txt")
    assert parsed.format == "labelled"
    assert [t.speaker_label for t in parsed.turns] == ["Lex", "Ilya"] * 4
    assert text[parsed.turns[1].start_char:parsed.turns[1].end_char].endswith("the first\nRule: we never left before the ice was checked.")
