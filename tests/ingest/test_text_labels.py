"""Label shapes in text transcripts found in published files (each written here in the file's shape)."""
from pathlib import Path

import pytest

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


def test_a_part_named_after_the_comma_in_another_language_makes_a_label_and_its_role():
    # a Spanish research report's annex: the interviewer named in full with her part once, then initials
    text = ("## Anexos\n\nLucía Ortega, Entrevistadora: Cuéntanos cómo registras a los visitantes.\n"
            "MR: Con la huella digital.\nLO: ¿Y los que llegan sin cita?\nMR: Los registramos aquí.\n"
            "LO: ¿Con qué datos?\nMR: El nombre y el correo.\n")
    parsed = parse_source(text, source="anexo.md")
    assert parsed.format == "labelled" and not parsed.errors
    assert [(t.speaker_label, t.role_hint, text[t.start_char:t.end_char]) for t in parsed.turns[:2]] == [
        ("Lucía Ortega", "host", "Cuéntanos cómo registras a los visitantes."), ("MR", None, "Con la huella digital.")]


def test_the_part_after_the_comma_decides_host_and_guest_whoever_asks_more():
    from claims.ingest.pipeline import run

    # the interviewee asks back more than she is asked: her part, not her questions, makes her the guest
    text = ("Jonas Roth, Interviewer: Erzählen Sie von Ihrer Arbeit.\n\n"
            "Mara Berg, Befragte: Wissen Sie, was ein Jugendamt tut? Kennen Sie das? Und wer zahlt?\n\n"
            "Jonas Roth, Interviewer: Das Amt zahlt.\n\nMara Berg, Befragte: Richtig. Und warum?\n")
    annotated = run(text, source="interview.md")
    assert [(s.name, s.role) for s in annotated.speakers] == [("Jonas Roth", "host"), ("Mara Berg", "guest")]
    text_fr = text.replace("Jonas Roth, Interviewer", "Jonas Roth, Intervieweur").replace("Befragte", "Interviewée")
    annotated = run(text_fr, source="entretien.md")
    assert [(s.name, s.role) for s in annotated.speakers] == [("Jonas Roth", "host"), ("Mara Berg", "guest")]


def test_an_interviewers_label_in_another_language_is_the_host():
    from claims.ingest.pipeline import run

    text = ("Befragte: Wissen Sie, was ein Jugendamt tut? Und wer zahlt?\n\nInterviewerin: Das Amt.\n\n"
            "Befragte: Richtig. Und warum? Wer entscheidet?\n\nInterviewerin: Erzählen Sie.\n")
    annotated = run(text, source="interview.md")
    assert {s.name: s.role for s in annotated.speakers} == {"Befragte": "guest", "Interviewerin": "host"}


def test_a_title_and_subtitle_written_twice_and_a_pages_author_field_are_no_speakers():
    # a page holding Sonix's export: the title "Name: Subtitle" opens its credit line twice, an
    # "Author:" field above, then the bold labels
    credit = "Deep Reefs: The Quiet Zone: this mp3 audio file was automatically transcribed by Sonix"
    text = (f"# Talks | Deep Reefs: The Quiet Zone\n\n{credit} with th\nAuthor: [example.org](/jump-1.htm)\n\n---\n\n"
            f"{credit} with the best speech-to-text algorithms. This transcript may contain errors.\n\n"
            "**Speaker1:**\n\nSo let's talk about reefs.\n\n**Speaker1:**\nThey are quiet below forty metres.\n\n"
            "**Speaker1:**\nAnd that is all.\n")
    parsed = parse_source(text, source="page.md")
    assert parsed.format == "labelled" and not parsed.errors
    assert [(t.speaker_label, text[t.start_char:t.end_char]) for t in parsed.turns] == [
        ("Speaker1", "So let's talk about reefs."), ("Speaker1", "They are quiet below forty metres."),
        ("Speaker1", "And that is all.")]


def test_sonixs_credit_after_a_title_without_a_subtitle_is_no_speaker():
    # the same pages for talks titled without a subtitle ("Does This Look Infected 2: this mp4 audio file
    # was automatically transcribed by Sonix ...", "The Mystery of Metador.mp4: ...", mirrored pages of
    # SentinelOne's LABScon replays in a public repository): the title was a third speaker, the page's
    # header and Sonix's credit its two turns
    text = ("# Talks | Open Water Again\n\nOpen Water Again: this mp4 audio file was automatically transcribed by Sonix with the bes\n"
            "*2023-5-18 21:25:1\nAuthor: [example.org](/jump-1.htm)*\n\n---\n\n"
            "Open Water Again: [this mp4 audio file](https://sonix.ai/formats?utm_source=embed \"formats\") was "
            "[automatically transcribed by Sonix](https://sonix.ai/transcribe?utm_source=embed \"transcribe\") with the "
            "[best speech-to-text algorithms.](https://sonix.ai/auto?utm_source=embed \"auto\") This transcript may contain errors.\n\n"
            "**Nora Quinn:**\nWelcome back. Who is with us today?\n\n**Pete Olsen:**\nA boat builder from the north coast.\n\n"
            "**Nora Quinn:**\nWhat got you started?\n\n**Pete Olsen:**\nMy grandfather kept a shed full of tools ...\n")
    parsed = parse_source(text, source="page.md")
    assert parsed.format == "labelled" and not parsed.errors
    assert [(t.speaker_label, text[t.start_char:t.end_char]) for t in parsed.turns] == [
        ("Nora Quinn", "Welcome back. Who is with us today?"), ("Pete Olsen", "A boat builder from the north coast."),
        ("Nora Quinn", "What got you started?"), ("Pete Olsen", "My grandfather kept a shed full of tools ...")]
    # a speaker who says the words is still a speaker
    said = "Ann Lee: Was it automatically transcribed by Sonix?\n\nBo Chan: Yes.\n\nAnn Lee: Good.\n\nBo Chan: Indeed.\n"
    assert [t.speaker_label for t in parse_source(said, source="a.md").turns] == ["Ann Lee", "Bo Chan", "Ann Lee", "Bo Chan"]


def test_a_speaker_going_on_with_the_same_words_each_time_is_still_a_speaker():
    text = ("Ann Lee: Question one: what is a reef?\n\nBo Chan: Coral.\n\nAnn Lee: Question two: how deep?\n\n"
            "Bo Chan: Forty metres.\n\nAnn Lee: Thanks.\n")
    parsed = parse_source(text, source="quiz.md")
    assert [t.speaker_label for t in parsed.turns] == ["Ann Lee", "Bo Chan", "Ann Lee", "Bo Chan", "Ann Lee"]


def test_labels_in_capitals_opening_and_inside_timed_lines_are_the_speakers():
    # a lecture as YouTube's transcript panel copies it: a time alone on a line, the words below,
    # the lecturer's and the audience's labels opening lines and inside them
    text = ("0:00\n[MUSIC PLAYING]\n1:01\nPAT LEE: All right, this is week 3.\n1:09\nand we focus on algorithms.\n"
            "1:15\nYou have a lot of vocabulary now.\n1:23\nit'll get easier.\n1:32\nand try to quantize them.\n"
            "1:39\non to writing code.\n1:46\nAnd recall week zero.\n1:52\nThe number of pages increased.\n"
            "5:18\nPAT LEE: Keep going if still standing.\n5:24\n[VOICES] PAT LEE: There?\n15:15\n"
            "AUDIENCE: Hi, I'm Sam. PAT LEE: Welcome. AUDIENCE: Thanks.\n15:21\nSo what are you?\n")
    parsed = parse_source(text, source="lecture.md")
    assert parsed.format == "timed_lines" and not parsed.errors
    assert spans(text, parsed) == [
        (2, None, 0.0, "[MUSIC PLAYING]"), (4, "PAT LEE", 61.0, "All right, this is week 3."),
        (6, None, 69.0, "and we focus on algorithms."), *spans(text, parsed)[3:9],
        (20, "PAT LEE", 318.0, "Keep going if still standing."), (22, None, 324.0, "[VOICES]"), (22, "PAT LEE", None, "There?"),
        (24, "AUDIENCE", 915.0, "Hi, I'm Sam."), (24, "PAT LEE", None, "Welcome."), (24, "AUDIENCE", None, "Thanks."),
        (26, None, 921.0, "So what are you?")]
    assert all(label is None for _, label, _, _ in spans(text, parsed)[3:9])


def test_a_word_in_capitals_opening_one_timed_line_is_no_label():
    text = "0:01\nWelcome back.\n0:05\nNOTE: the slides are online.\n0:09\nIMPORTANT: read them.\n0:12\nOkay, on we go.\n"
    parsed = parse_source(text, source="talk.md")
    assert parsed.format == "timed_lines"
    assert [t.speaker_label for t in parsed.turns] == [None, None, None, None]


def test_a_front_matters_speakers_are_the_guests_but_for_the_hosts():
    from claims.ingest.front_matter import read_front_matter

    def guests(block):
        return read_front_matter(f"---\n{block}\n---\nWords.\n").metadata.guests

    # bitcointranscripts: the talk's or the episode's speakers, no part said
    assert guests("title: Statechains\ncategories: ['conference']\nspeakers: ['Ruth Lind']") == ("Ruth Lind",)
    assert guests("title: Pinning\nhosts: ['Sam Ray']\nspeakers: ['Sam Ray', 'Ada Moe']") == ("Ada Moe",)
    assert guests("title: Pinning\nguests: ['Bo Chan']\nspeakers: ['Sam Ray', 'Bo Chan']") == ("Bo Chan",)
    front = read_front_matter("---\nspeakers: ['Ruth Lind']\n---\nWords.\n")
    assert front is not None and front.metadata.guests == ("Ruth Lind",)


def test_an_oral_history_on_one_line_with_q_and_a_inside_is_question_and_answer_turns():
    text = ("Interview with a retired millworker, 1978.\n\nQ: Where did you grow up? A: On a farm, six cows and a mule. "
            "Q: When did you start at the mill? A: In 1931. My uncle got me the job. Q: What was the work like? "
            "A: Hot and loud. Q: Did you join the union? A: Later, yes.\n")
    parsed = parse_source(text, source="oral.txt")
    assert [(t.speaker_label, text[t.start_char:t.end_char]) for t in parsed.turns] == [
        (None, "Interview with a retired millworker, 1978."), ("Q", "Where did you grow up?"),
        ("A", "On a farm, six cows and a mule."), ("Q", "When did you start at the mill?"),
        ("A", "In 1931. My uncle got me the job."), ("Q", "What was the work like?"), ("A", "Hot and loud."),
        ("Q", "Did you join the union?"), ("A", "Later, yes.")]


def test_answers_inside_the_questions_lines_are_turns_of_their_own():
    text = ("Q: Where did you grow up? A: On a farm.\nQ: When did you start? A: In 1931.\n"
            "Q: What was the work like? A: Hot and loud.\nQ: Did you join the union? A: Later, yes.\n")
    parsed = parse_source(text, source="oral.txt")
    assert parsed.format == "labelled"
    assert [t.speaker_label for t in parsed.turns] == ["Q", "A"] * 4
    assert text[parsed.turns[1].start_char:parsed.turns[1].end_char] == "On a farm."


def test_a_question_and_answer_quoted_once_or_twice_in_prose_stays_prose():
    text = ("The joke went: Q: Why did the chicken cross? A: To get across. Everyone laughed.\n\n"
            "Later, another. Q: What is red? A: A tomato. Then we went home.\n")
    parsed = parse_source(text, source="essay.txt")
    assert parsed.format == "plain" and all(t.speaker_label is None for t in parsed.turns)


def test_a_lectures_labels_in_capitals_in_its_paragraphs_are_the_speakers():
    # CS50's site: paragraphs, the lecturer's label opening some and inside others, a student answering once
    more = "".join(f"Symbol {n} means something else.\n\n" for n in range(6))
    text = ("[MUSIC PLAYING] PAT LEE: This is week 1. Today, conditionals.\n\nWell, Python has a lot of syntax.\n\n" + more +
            "Is this well designed? Khalid, your thoughts? KHALID: Too many ifs, I think.\n\n"
            "PAT LEE: Yeah, it seems repetitive.\n\nQuestions here? SPEAKER 1: Do we need an else? PAT LEE: Good question.\n")
    parsed = parse_source(text, source="lecture.md")
    assert parsed.format == "plain"
    assert [(t.speaker_label, text[t.start_char:t.end_char]) for t in parsed.turns] == [
        (None, "[MUSIC PLAYING]"), ("PAT LEE", "This is week 1. Today, conditionals."), (None, "Well, Python has a lot of syntax."),
        *[(None, f"Symbol {n} means something else.") for n in range(6)], (None, "Is this well designed? Khalid, your thoughts?"), ("KHALID", "Too many ifs, I think."),
        ("PAT LEE", "Yeah, it seems repetitive."), (None, "Questions here?"), ("SPEAKER 1", "Do we need an else?"),
        ("PAT LEE", "Good question.")]


def test_a_documents_words_in_capitals_before_a_colon_are_no_speakers():
    text = ("Read this. IMPORTANT: back up first.\n\nThen install it. IMPORTANT: use the new key.\n\n"
            "Restart. IMPORTANT: wait a minute. TIP: it takes long. NASA TEAM: would agree.\n")
    parsed = parse_source(text, source="howto.md")
    assert parsed.format == "plain" and all(t.speaker_label is None for t in parsed.turns)


def test_a_time_alone_as_a_heading_times_the_words_below_and_is_none_of_them():
    # CS50's site: "# 00:05:00" every five minutes, the paragraph just below it or after a blank line
    text = ("# Lecture 1\n\n# 00:00:00\nThis is week 1.\n\nToday, conditionals.\n\n# 00:05:00\n"
            "which will be converted.\n\n## 00:10:00\n\nAnd then elif.\n")
    parsed = parse_source(text, source="lecture.md")
    assert parsed.format == "plain" and parsed.metadata.title == "Lecture 1"
    assert [(t.start_seconds, text[t.start_char:t.end_char]) for t in parsed.turns] == [
        (0.0, "This is week 1."), (None, "Today, conditionals."), (300.0, "which will be converted."), (600.0, "And then elif.")]


def test_a_known_label_in_capitals_inside_a_labelled_turn_starts_a_turn():
    text = ("[00:00:01] PAT LEE: All right.\n[00:00:15] PAT LEE: Any questions?\n"
            "[00:00:19] AUDIENCE: Yes. PAT LEE: Go ahead.\n[00:00:22] AUDIENCE: Why C? Then USA: no label.\n")
    parsed = parse_source(text, source="lecture.md")
    assert parsed.format == "labelled"
    assert spans(text, parsed) == [(1, "PAT LEE", 1.0, "All right."), (2, "PAT LEE", 15.0, "Any questions?"),
                                   (3, "AUDIENCE", 19.0, "Yes."), (3, "PAT LEE", None, "Go ahead."),
                                   (4, "AUDIENCE", 22.0, "Why C? Then USA: no label.")]


def test_a_sections_title_and_subtitle_written_above_two_parts_is_no_speaker():
    text = ("Part One: The Long Winter\n\nAnn Lee: Where were you that winter?\n\nBo Chan: At the mill.\n\n"
            "Ann Lee: And after?\n\nPart One: The Long Winter\n\nBo Chan: We moved north.\n\nAnn Lee: Why?\n\n"
            "Bo Chan: For work.\n")
    parsed = parse_source(text, source="oral.md")
    assert parsed.format == "labelled"
    assert [t.speaker_label for t in parsed.turns] == ["Ann Lee", "Bo Chan", "Ann Lee", "Bo Chan", "Ann Lee", "Bo Chan"]
    assert all("Winter" not in text[t.start_char:t.end_char] for t in parsed.turns[1:])


def test_a_speaker_saying_the_same_short_words_twice_is_still_a_speaker():
    text = "Ann Lee: Ready?\n\nBo Chan: Yes.\n\nAnn Lee: Sure?\n\nBo Chan: Yes.\n\nAnn Lee: Go.\n"
    parsed = parse_source(text, source="short.md")
    assert [t.speaker_label for t in parsed.turns] == ["Ann Lee", "Bo Chan", "Ann Lee", "Bo Chan", "Ann Lee"]


EARNINGS_CALL = (
    "Acme Widgets (ACME) Q3 2024 Earnings Call Transcript\n\nPrepared Remarks:\n\nOperator\n\n"
    "Good day, and welcome to the Acme Widgets third quarter call. I would now like to turn the call over to Dana Reyes.\n\n"
    "Dana Reyes -- Head of Investor Relations\n\nThank you. With me today are Sam Ortiz and Lee Park.\n\n"
    "Sam Ortiz -- Chief Executive Officer\n\nThanks, Dana. We delivered record revenue of $4.2 billion.\n\n"
    "Questions & Answers:\n\nOperator\n\nOur first question comes from Kim Alvarez with Northbridge Securities.\n\n"
    "Kim Alvarez -- Northbridge Securities -- Analyst\n\nSam, how should we think about demand into next year?\n\n"
    "Sam Ortiz \u2014 Chief Executive Officer\n\nKim, we see steady orders.\n\n"
    "Lee Park -- Chief Financial Officer\n\nAnd margins stay near 41%.\n\n"
    "Operator\n\nThat concludes today's call.\n\nDuration: 41 minutes\n\nCall participants:\n\n"
    "Dana Reyes -- Head of Investor Relations\n\nSam Ortiz -- Chief Executive Officer\n\n"
    "Lee Park -- Chief Financial Officer\n\nKim Alvarez -- Northbridge Securities -- Analyst\n"
)


def test_an_earnings_calls_name_and_title_lines_and_its_operator_are_labels():
    # the Motley Fool's: "Name -- Title" alone on a line (an analyst's firm before "Analyst"), "Operator"
    # alone; the section titles and the closing "Duration" and participants list are nobody's words
    parsed = parse_source(EARNINGS_CALL, source="acme-q3.txt")
    assert parsed.format == "labelled" and not parsed.errors
    assert [(label, text) for _, label, _, text in spans(EARNINGS_CALL, parsed)] == [
        ("Operator", "Good day, and welcome to the Acme Widgets third quarter call. I would now like to turn the call over to Dana Reyes."),
        ("Dana Reyes", "Thank you. With me today are Sam Ortiz and Lee Park."),
        ("Sam Ortiz", "Thanks, Dana. We delivered record revenue of $4.2 billion."),
        ("Operator", "Our first question comes from Kim Alvarez with Northbridge Securities."),
        ("Kim Alvarez", "Sam, how should we think about demand into next year?"),
        ("Sam Ortiz", "Kim, we see steady orders."),
        ("Lee Park", "And margins stay near 41%."),
        ("Operator", "That concludes today's call."),
    ]
    assert parsed.metadata.title == "Acme Widgets (ACME) Q3 2024 Earnings Call Transcript"
    # the operator and the analysts ask; the company's people answer
    hints = {t.speaker_label: t.role_hint for t in parsed.turns}
    assert hints == {"Operator": "host", "Dana Reyes": "guest", "Sam Ortiz": "guest", "Kim Alvarez": "host", "Lee Park": "guest"}


def test_a_dash_between_words_alone_on_a_line_is_no_earnings_label():
    text = ("Chapter 1 -- Introduction\n\nWe measured the flow twice.\n\nChapter 2 -- Results\n\nThe flow held.\n\n"
            "Summary \u2014 Final Notes\n\nIt held again.\n\nBig Operator\n\nNot a label either.\n")
    assert parse_source(text, source="notes.txt").format != "labelled"


def test_a_talks_timed_paragraphs_before_its_questions_are_the_answering_speakers():
    # a talk's page: paragraphs each opening with their time linked to the video, then the questions,
    # the time link before "**Question**:"; before, only the answers were read and the talk was outside
    text = ("# Building Reliable Pipelines\n\nNotes: recorded at the spring meetup.\n\n"
            "[00:00](https://youtu.be/abc?t=0) Thanks for coming. Today: how we rebuilt our pipeline.\n\n"
            "[03:12](https://youtu.be/abc?t=192) The first lesson was that retries hide problems.\n"
            "A slow service looked fine until the queue backed up.\n\n"
            "[21:30](https://youtu.be/abc?t=1290) Finally, we moved to idempotent writes.\n\n"
            "[55:16](https://youtu.be/abc?t=3316) **Question**: How long did the migration take?\n\n"
            "**Answer**: About four months.\n\n"
            "[57:02](https://youtu.be/abc?t=3422) **Question**: Did you keep any retries?\n\n"
            "**Answer**: One, at the edge.\n")
    parsed = parse_source(text, source="talk.md")
    assert parsed.format == "labelled" and not parsed.errors
    assert [(label, seconds, words) for _, label, seconds, words in spans(text, parsed)] == [
        ("Answer", 0.0, "Thanks for coming. Today: how we rebuilt our pipeline."),
        ("Answer", 192.0, "The first lesson was that retries hide problems.\nA slow service looked fine until the queue backed up."),
        ("Answer", 1290.0, "Finally, we moved to idempotent writes."),
        ("Question", 3316.0, "How long did the migration take?"), ("Answer", None, "About four months."),
        ("Question", 3422.0, "Did you keep any retries?"), ("Answer", None, "One, at the edge."),
    ]
    assert parsed.metadata.title == "Building Reliable Pipelines"
    assert text[parsed.content_start:].startswith("[00:00]")  # the notes above the talk stay outside


def test_untimed_paragraphs_before_the_first_question_stay_outside():
    # a magazine's introduction, or a talk written without times: prose, no one's words
    text = ("Our reporter met the engineer in her office.\n\nShe had just come back from the launch.\n\n"
            "**Question**: How did the launch go?\n\n**Answer**: Better than we hoped.\n\n"
            "**Question**: What next?\n\n**Answer**: A long holiday.\n")
    parsed = parse_source(text, source="q.md")
    assert [label for _, label, _, _ in spans(text, parsed)] == ["Question", "Answer"] * 2
    assert text[parsed.content_start:].startswith("**Question**")


def test_a_participant_named_once_with_a_part_in_any_case_then_by_initials_is_a_label():
    # a research report's annex: the participant in full once, her part after the comma in lower case,
    # then her initials; before, that first answer was the interviewer's words
    text = ("## Anexos\n\nSandra Salinas, Entrevistadora: Cuéntanos cómo registras a tus visitantes.\n"
            "Irene Galván, inquilina del coworking B12: Desde la página, con el nombre y el correo.\n"
            "EN: ¿Y te avisan cuando llegan?\nIG: Sí, me llega un correo.\nEN: ¿Cambiarías algo?\n"
            "IG: Unos botones más grandes.\nEN: Una cosa más.\nLast Tuesday, the committee said: nothing changes.\n"
            "IG: Ya veremos.\n")
    parsed = parse_source(text, source="anexo.md")
    assert parsed.format == "labelled" and not parsed.errors
    assert [(label, words) for _, label, _, words in spans(text, parsed)][:3] == [
        ("Sandra Salinas", "Cuéntanos cómo registras a tus visitantes."),
        ("Irene Galván", "Desde la página, con el nombre y el correo."),
        ("Sandra Salinas", "¿Y te avisan cuando llegan?")]  # "EN" opens her part, Entrevistadora
    # a sentence with a comma and a colon, its "initials" labelling nothing, stays in the turn
    assert spans(text, parsed)[-2][1:] == ("Sandra Salinas", None,
                                           "Una cosa más.\nLast Tuesday, the committee said: nothing changes.")


def test_a_title_line_ends_a_turn_where_the_text_has_it_twice_as_a_line_start():
    # counted over lines that start with it (the sorted lines, bisected): the same words inside a
    # line, or another title, do not count
    repeated = "Part One: The Long Winter"
    for title_again, cut in [(repeated, True), ("Ann said Part One: The Long Winter", False),
                             ("Part Two: The Long Winter", False)]:
        text = (f"Ann Lee: Where were you that winter?\n{repeated}\n\nBo Chan: At the mill.\n\nAnn Lee: And after?\n\n"
                f"Bo Chan: We moved north.\n{title_again}\n\nAnn Lee: Why?\n")
        parsed = parse_source(text, source="oral.md")
        labels = [t.speaker_label for t in parsed.turns]
        assert text[parsed.turns[0].start_char:parsed.turns[0].end_char] == "Where were you that winter?"
        assert ("Part One" not in labels) is cut, title_again  # written once, "Part One:" reads as a label


def test_questions_as_headings_are_found_between_and_not_inside_turns_with_their_line_numbers():
    text = ("Intro.\n\n## Why robots?\n\n**Nick Benyo:** Because.\n\n**Nick Benyo:** Also:\n```\n## Is this a heading?\n```\n"
            "And more.\n\n## And then what?\n\n**Nick Benyo:** Work.\n\n## Where now?\n\n**Nick Benyo:** Home.\n")
    parsed = parse_source(text, source="qa.md")
    asked = [(t.line, text[t.start_char:t.end_char]) for t in parsed.turns if t.speaker_label == "Interviewer"]
    assert asked == [(3, "Why robots?"), (13, "And then what?"), (17, "Where now?")]


def test_a_first_turn_longer_than_detections_sample_keeps_its_labels():
    from pathlib import Path

    # an opening statement of 250 KB (seed 002's paragraphs), then the exchange: the first 200,000
    # characters detection reads held one label, and the whole file was read as plain text
    seed = (Path(__file__).resolve().parents[2] / "seeds" / "002_a252ec61e314f82f.txt").read_text(encoding="utf-8")
    paragraphs = [p.strip().lstrip("- ").replace("\n", " ") for p in seed.split("Transcript", 1)[1].split("\n\n") if len(p.strip()) > 40]
    statement = []
    while sum(len(p) + 2 for p in statement) < 250_000:
        statement.append(paragraphs[len(statement) % len(paragraphs)])
    exchange = [f"{('Lex Fridman', 'Ilya Sutskever')[i % 2]}: {paragraphs[i]}" for i in range(12)]
    text = "Ilya Sutskever: " + "\n\n".join(statement) + "\n\n" + "\n\n".join(exchange) + "\n"
    parsed = parse_source(text, source="statement-then-exchange.txt")
    assert parsed.format == "labelled" and not parsed.errors
    assert [t.speaker_label for t in parsed.turns] == ["Ilya Sutskever"] + [("Lex Fridman", "Ilya Sutskever")[i % 2] for i in range(12)]
    first = parsed.turns[0]
    assert text[first.start_char:first.end_char] == "\n\n".join(statement)
    # an essay whose one quoted "Name:" line opens it, with an unrelated dialogue at its end, stays prose
    essay = "Ada Lane: a note on method.\n\n" + "\n\n".join(statement) + "\n\n" + "\n\n".join(
        f"{('Bo Park', 'Cy Dunn')[i % 2]}: {paragraphs[i]}" for i in range(12)) + "\n"
    assert parse_source(essay, source="essay.txt").format != "labelled"


def test_a_name_with_a_post_at_an_organisation_after_the_comma_is_a_label_used_once():
    # a Mexican news report: the reporter's part alone, each person named once with a post in mixed case
    # and the organisation; before, every answer stayed in the reporter's turn
    text = ("Coworking en la colonia Roma\n\n"
            "Periodista: Buenas tardes. ¿Cómo empezó este espacio?\n"
            "Fabiola Pineda, Administradora de A255: Empezamos en 2019 con diez escritorios.\n"
            "Periodista: ¿Y qué dicen las cifras?\n"
            "Lucía Ortega, Directora General del Instituto Nacional de Estadística: Que hay más oficinas compartidas.\n"
            "Periodista: Lo comentamos con una colega.\n"
            "Ana Pérez, periodista de El País: En Madrid pasa lo mismo.\n"
            "Periodista: Una cosa más. In March, President Obama said: nothing changes.\n"
            "Last Tuesday, the committee said: wait.\n")
    parsed = parse_source(text, source="nota.txt")
    assert parsed.format == "labelled" and not parsed.errors
    assert [(t.speaker_label, t.role_hint, text[t.start_char:t.end_char]) for t in parsed.turns] == [
        ("Periodista", None, "Buenas tardes. ¿Cómo empezó este espacio?"),
        ("Fabiola Pineda", None, "Empezamos en 2019 con diez escritorios."),
        ("Periodista", None, "¿Y qué dicen las cifras?"),
        ("Lucía Ortega", None, "Que hay más oficinas compartidas."),
        ("Periodista", None, "Lo comentamos con una colega."),
        ("Ana Pérez", None, "En Madrid pasa lo mismo."),
        ("Periodista", None, "Una cosa más. In March, President Obama said: nothing changes.\nLast Tuesday, the committee said: wait."),
    ]


def test_a_name_with_a_post_at_an_organisation_is_no_label_where_a_fragment_follows_the_colon():
    # a podcast page's reading list above its transcript ("Author, Title of X: Subtitle") and a tour's
    # venues ("City, Teatro de la X: date") read like "Name, Post de Organización:", but what follows the
    # colon is a subtitle or a date, no one's words: the books' authors are no speakers, the tour is prose
    notes = ("Episode 212: Lincoln's cabinet\n\n"
             "Books mentioned in this episode:\n"
             "Doris Kearns Goodwin, Team of Rivals: The Political Genius of Abraham Lincoln\n"
             "Eric Foner, Reconstruction of America: A Short History\n"
             "James McPherson, Battle Cry of Freedom: The Civil War Era\n\n"
             "Transcript\n\n"
             "Host: Welcome back to the show. Today we are talking about the cabinet.\n"
             "Guest: Thanks for having me. It was a strange group of men.\n"
             "Host: Strange how?\n"
             "Guest: Most of them had run against him.\n")
    parsed = parse_source(notes, source="episode.txt")
    assert parsed.format == "labelled" and not parsed.errors
    assert [t.speaker_label for t in parsed.turns] == ["Host", "Guest", "Host", "Guest"]
    tour = ("La compañía presenta su nueva obra en gira por el país durante el otoño.\n\n"
            "Las funciones confirmadas son:\n"
            "Buenos Aires, Teatro de la Ribera: 12 de octubre\n"
            "Santa Fe, Centro Cultural de la Costa: 19 de octubre\n"
            "San Juan, Auditorio de la Universidad: 26 de octubre\n"
            "Mar del Plata, Teatro del Puerto: 2 de noviembre\n\n"
            "Las entradas se venden en las boleterías de cada sala.\n")
    assert parse_source(tour, source="gira.txt").format != "labelled"


def test_a_name_in_capitals_with_its_post_in_bold_and_the_parts_of_a_press_conference_are_labels():
    # a government's stenographic version: each official named once in capitals with the post after a
    # comma, in Markdown bold; the president with his post before a name of four words; reporters as
    # their part. Before, the bold labels with a post and the five-word name were no labels: the official's
    # words stayed in the moderator's turn, and the reporter's question in the president's
    text = ("# Versión estenográfica de la conferencia de prensa matutina\n\n"
            "Palacio Nacional, 14 de marzo de 2023\n\n"
            "**MODERADOR:** Buenos días. Damos inicio a la conferencia.\n\n"
            "**JULIA MENDOZA RIVAS, SECRETARIA DE ECONOMÍA:** Gracias. Les presento las cifras del mes.\n\n"
            "Las exportaciones crecieron por tercer mes.\n\n"
            "**PRESIDENTE ROBERTO CARLOS ÁVILA TORRES:** Muy bien. Adelante con las preguntas.\n\n"
            "**INTERLOCUTORA:** Buenos días, presidente. ¿Habrá más apoyos para el campo?\n\n"
            "**PRESIDENTE ROBERTO CARLOS ÁVILA TORRES:**\n\nSí, a partir del próximo mes.\n\n"
            "**PREGUNTA:** ¿Y para los pescadores?\n\n"
            "**ERNESTO LUNA PAZ, SUBSECRETARIO DE PESCA**: También, desde abril.\n\n"
            "**MODERADOR:** Gracias a todos.\n")
    parsed = parse_source(text, source="estenografica.md")
    assert parsed.format == "labelled" and not parsed.errors
    assert [(t.speaker_label, text[t.start_char:t.end_char]) for t in parsed.turns] == [
        ("MODERADOR", "Buenos días. Damos inicio a la conferencia."),
        ("JULIA MENDOZA RIVAS", "Gracias. Les presento las cifras del mes.\n\nLas exportaciones crecieron por tercer mes."),
        ("PRESIDENTE ROBERTO CARLOS ÁVILA TORRES", "Muy bien. Adelante con las preguntas."),
        ("INTERLOCUTORA", "Buenos días, presidente. ¿Habrá más apoyos para el campo?"),
        ("PRESIDENTE ROBERTO CARLOS ÁVILA TORRES", "Sí, a partir del próximo mes."),
        ("PREGUNTA", "¿Y para los pescadores?"),
        ("ERNESTO LUNA PAZ", "También, desde abril."),
        ("MODERADOR", "Gracias a todos."),
    ]
    # the same without the bold, as news sites quote it, the first reporter's question above the president
    plain = ("Así fue el intercambio de esta mañana:\n"
             "PREGUNTA: Buenos días. ¿Tiene algún reporte sobre la extorsión?\n"
             "PRESIDENTE ROBERTO CARLOS ÁVILA TORRES: No, pero aquí está la secretaria.\n"
             "REPORTERO: ¿Y sobre la frontera?\n"
             "PRESIDENTE ROBERTO CARLOS ÁVILA TORRES: Ya hemos opinado sobre eso.\n")
    parsed = parse_source(plain, source="nota.txt")
    assert [(t.speaker_label, plain[t.start_char:t.end_char]) for t in parsed.turns] == [
        ("PREGUNTA", "Buenos días. ¿Tiene algún reporte sobre la extorsión?"),
        ("PRESIDENTE ROBERTO CARLOS ÁVILA TORRES", "No, pero aquí está la secretaria."),
        ("REPORTERO", "¿Y sobre la frontera?"),
        ("PRESIDENTE ROBERTO CARLOS ÁVILA TORRES", "Ya hemos opinado sobre eso."),
    ]


def test_the_reporters_parts_in_a_press_conference_are_its_hosts():
    from claims.ingest import pipeline

    text = ("**MODERADOR:** Buenos días.\n\n**PRESIDENTA ANA SOFÍA REYES LARA:** Buenos días a todos.\n\n"
            "**INTERLOCUTOR:** Presidenta, ¿qué pasará con las tarifas?\n\n**PRESIDENTA ANA SOFÍA REYES LARA:** Bajarán.\n\n"
            "**PREGUNTA:** ¿Cuándo?\n\n**RESPUESTA:** En mayo.\n\n**MODERADOR:** Gracias.\n")
    roles = {sp.name: sp.role for sp in pipeline.run(text, source="conferencia.md").speakers}
    assert roles == {"Moderador": "host", "Presidenta Ana Sofía Reyes Lara": "guest", "Interlocutor": "host",
                     "Pregunta": "host", "Respuesta": "guest"}


def test_names_in_capitals_are_kept_as_the_text_writes_them_else_in_title_case():
    # a broadcaster's labels write names in capitals; the speakers were stored so ("CONAN O'BRIEN"),
    # and the API and the admin showed them shouting
    from claims.ingest import pipeline

    text = ("CONAN O'BRIEN: Welcome back. My guest tonight is María de la Cruz-Smith, who flew in from Lima.\n\n"
            "MARÍA DE LA CRUZ-SMITH: Thank you, Conan. It is good to be here.\n\n"
            "CONAN O'BRIEN: And Angus MacDonald and JOHN MCDONALD III, on the phone?\n\n"
            "JOHN MCDONALD III: Yes, from the CNN booth.\n\nCONAN O'BRIEN: Wonderful.\n")
    names = {sp.slug: sp.name for sp in pipeline.run(text, source="late-show.txt").speakers}
    assert names == {"conan-o-brien": "Conan O'Brien", "maria-de-la-cruz-smith": "María de la Cruz-Smith",
                     "john-mcdonald-iii": "John McDonald III"}


@pytest.mark.parametrize(("label", "text", "name"), [
    ("LEX FRIDMAN", "welcome, I'm Lex Fridman", "Lex Fridman"),  # as the text writes it
    ("LEX FRIDMAN", "welcome i'm lex fridman", "Lex Fridman"),  # raw captions' lower case is no spelling
    ("Mr. CHENEY", "Mr. CHENEY. Thank you.", "Mr. Cheney"),
    ("CNN ANCHOR", "", "CNN Anchor"),  # a short word with no vowel stays in capitals
    ("JEAN-LUC PICARD", "", "Jean-Luc Picard"),
    ("Lex Fridman", "LEX FRIDMAN", "Lex Fridman"),  # a name not in capitals is left as written
    ("Q", "", "Q"),
])
def test_display_name(label, text, name):
    from claims.ingest.names import display_name

    assert display_name(label, text) == name


def test_words_transcribe_time_and_speaker_alone_on_a_line_label_the_words_below():
    # Word's Transcribe, "Add all to document": each turn headed "00:00:07 Speaker 2" (or the name the
    # user gave the voice), the words on the next lines; before, timed lines with the label in every turn
    text = ("00:00:00 Speaker 1\nWelcome back. Today I'm talking with Dana about battery recycling.\n\n"
            "00:00:07 Speaker 2\nThanks for having me.\n\n"
            "00:00:12 Speaker 1\nHow much of a battery can be recovered today?\n\n"
            "00:01:18 Speaker 2\nMost of the cobalt and nickel.\nAnd a growing share of the lithium.\n")
    parsed = parse_source(text, source="interview.docx")
    assert parsed.format == "labelled" and not parsed.errors
    assert spans(text, parsed) == [
        (2, "Speaker 1", 0.0, "Welcome back. Today I'm talking with Dana about battery recycling."),
        (5, "Speaker 2", 7.0, "Thanks for having me."), (8, "Speaker 1", 12.0, "How much of a battery can be recovered today?"),
        (11, "Speaker 2", 78.0, "Most of the cobalt and nickel.\nAnd a growing share of the lithium.")]
    named = text.replace("Speaker 1", "Sam Ortiz").replace("Speaker 2", "Dana Whitfield")
    assert [t.speaker_label for t in parse_source(named, source="interview.docx").turns] == [
        "Sam Ortiz", "Dana Whitfield", "Sam Ortiz", "Dana Whitfield"]


def test_a_timed_line_of_words_or_a_timed_heading_used_once_is_no_label():
    # a transcript panel's short timed lines ("0:07 Yeah") and a lecture's timed section headings stay as they were
    panel = "0:00 Welcome back to the show.\n0:04 Yeah\n0:05 so where were we\n0:07 Yeah\n0:09 right, batteries\n"
    assert parse_source(panel, source="panel.txt").format == "timed_lines"
    lecture = ("00:00 Introduction\nIn this lecture we look at how storage prices moved over ten years.\n\n"
               "12:40 Scaling Laws\nThe second part asks whether the same curves hold. Nobody knows yet.\n")
    parsed = parse_source(lecture, source="lecture.txt")
    assert parsed.format == "plain" and not any(t.speaker_label for t in parsed.turns)


def test_a_time_range_in_brackets_before_a_bold_label_is_read():
    # Transcribo's Markdown: "[HH:MM:SS → HH:MM:SS] **Name:** words"; before, plain text with the names in the words
    text = ("[00:00:15 → 00:01:02] **Sam Ortiz:** Welcome back. Today I'm talking with Dana.\n\n"
            "[00:01:05 → 00:01:45] **Dana Whitfield:** Thanks for having me.\n\n"
            "[00:01:48 → 00:02:30] **Sam Ortiz:** How much of a battery can be recovered today?\n\n"
            "[00:02:35 --> 00:03:10] **Dana Whitfield:** Most of the cobalt and nickel.\n")
    parsed = parse_source(text, source="session.md")
    assert parsed.format == "labelled" and not parsed.errors
    assert spans(text, parsed) == [
        (1, "Sam Ortiz", 15.0, "Welcome back. Today I'm talking with Dana."), (3, "Dana Whitfield", 65.0, "Thanks for having me."),
        (5, "Sam Ortiz", 108.0, "How much of a battery can be recovered today?"),
        (7, "Dana Whitfield", 155.0, "Most of the cobalt and nickel.")]


def test_a_magazine_interviews_questions_in_bold_are_the_interviewers_turns():
    from claims.ingest.pipeline import run
    from claims.ingest.records import Metadata

    # a Q&A in Markdown: each question a paragraph in bold, the answers plain paragraphs below it;
    # before, plain paragraphs whose speakers the unlabelled decoder guessed (an answer's first half the host's)
    text = ("# Dana Whitfield on battery recycling\n\n*Edited for length and clarity.*\n\n"
            "**How much of a lithium battery can be recovered today?**\n\n"
            "Most of the cobalt and nickel. The economics depend on the price of new metal.\n\n"
            "**And where does that go in the next five years?**\n\n"
            "I expect recycled material to supply a fifth of European demand by 2030.\n\n"
            "It depends on the collection rules.\n\n"
            "**Tell us what would change your mind.**\n\nA collapse in nickel prices.\n")
    parsed = parse_source(text, source="qa.md")
    assert parsed.format == "plain"
    assert [(t.speaker_label, text[t.start_char:t.end_char]) for t in parsed.turns] == [
        ("Interviewer", "How much of a lithium battery can be recovered today?"),
        ("Interviewee", "Most of the cobalt and nickel. The economics depend on the price of new metal."),
        ("Interviewer", "And where does that go in the next five years?"),
        ("Interviewee", "I expect recycled material to supply a fifth of European demand by 2030.\n\n"
                        "It depends on the collection rules."),
        ("Interviewer", "Tell us what would change your mind."), ("Interviewee", "A collapse in nickel prices.")]
    annotated = run(text, source="qa.md", metadata=Metadata(hosts=("Sam Ortiz",), guests=("Dana Whitfield",)))
    assert [(t.speaker_slug, text[t.start_char:t.end_char][:20]) for t in annotated.turns[:2]] == [
        ("sam-ortiz", "How much of a lithiu"), ("dana-whitfield", "Most of the cobalt a")]


def test_a_posts_bold_remarks_between_its_paragraphs_stay_prose():
    # bold lines that mostly do not ask: an update note, a summary, a rhetorical question
    text = ("# Why we moved our storage\n\n**This post was updated in March.**\n\nWe ran our own cluster for six years.\n\n"
            "**The short version: it stopped being worth it.**\n\nDisks failed at the rate promised.\n\n"
            "**What would we do differently?**\n\nMove sooner.\n")
    parsed = parse_source(text, source="post.md")
    assert parsed.format == "plain" and not any(t.speaker_label for t in parsed.turns)
    assert len(parsed.turns) == 6


def test_names_in_capitals_alone_on_their_lines_head_the_words_below():
    # an interview typed as a script sets it: the name in capitals on its own line, no colon; before, plain
    # paragraphs with the names inside the words and the speakers guessed
    text = ("FRESH AIR INTERVIEW\n\nTERRY GROSS\nThis is Fresh Air. My guest studies batteries.\n\n"
            "DANA WHITFIELD\nThank you for having me.\n\nTERRY GROSS\nHow did you get started?\n\n"
            "DANA WHITFIELD\nBy accident, really.\nA professor needed someone to run a cell tester.\n")
    parsed = parse_source(text, source="fresh-air.txt")
    assert parsed.format == "labelled" and not parsed.errors
    assert spans(text, parsed) == [
        (4, "TERRY GROSS", None, "This is Fresh Air. My guest studies batteries."), (7, "DANA WHITFIELD", None, "Thank you for having me."),
        (10, "TERRY GROSS", None, "How did you get started?"),
        (13, "DANA WHITFIELD", None, "By accident, really.\nA professor needed someone to run a cell tester.")]


def test_one_line_in_capitals_said_again_between_paragraphs_is_no_speaker():
    # a news story's "ADVERTISEMENT" above three paragraphs, a report's headings used once each
    story = ("Recycling takes off\n\nPlants are opening across Europe.\n\nADVERTISEMENT\nThe chemist expects a fifth by 2030.\n\n"
             "ADVERTISEMENT\nThe EU has set targets.\n\nADVERTISEMENT\nWhether they are met depends on prices.\n")
    parsed = parse_source(story, source="story.txt")
    assert parsed.format == "plain" and not any(t.speaker_label for t in parsed.turns)
    report = "SUMMARY\nPrices fell.\n\nBACKGROUND\nThe market grew.\n\nOUTLOOK\nMore plants will open.\n"
    assert parse_source(report, source="report.txt").format == "plain"


def test_otters_text_without_times_names_alone_in_title_case_head_the_words_below():
    # Otter's export with times left out: the name alone on a line, then the words; before, plain paragraphs
    text = ("Charged Up - Episode 12\n\nMaria Lopez\nWelcome back. Today I am talking with Sam Okafor.\n\n"
            "Sam Okafor\nThanks, Maria.\n\nMaria Lopez\nWhat got you into batteries?\n\n"
            "Sam Okafor\nA summer job at a utility.\n")
    parsed = parse_source(text, source="episode-12.txt")
    assert parsed.format == "labelled" and not parsed.errors
    assert [(t.speaker_label, text[t.start_char:t.end_char]) for t in parsed.turns] == [
        ("Maria Lopez", "Welcome back. Today I am talking with Sam Okafor."), ("Sam Okafor", "Thanks, Maria."),
        ("Maria Lopez", "What got you into batteries?"), ("Sam Okafor", "A summer job at a utility.")]
    # an essay's section titles, each above its paragraph once, stay text
    essay = ("Notes on Storage\n\nEarly Years\nThe first grid batteries were lead-acid banks.\n\n"
             "Lithium Arrives\nPrices fell by ninety percent.\n\nWhat Comes Next\nNobody knows.\n")
    assert parse_source(essay, source="essay.txt").format == "plain"


def test_davinci_resolves_transcript_a_timecode_range_above_the_speaker_times_the_turn():
    # DaVinci Resolve's transcription exported as text with "Detect Speaker": each turn a timecode
    # range with frames in brackets, the speaker alone on the next line, the words indented by a space
    # (matteocurcio/matteocurcio.com src/content/posts/resolve-transcript-cleaner-python.md;
    # security-cocktail-hour/security-cocktail-hour-website .claude/skills/episode-deploy/references/
    # transcript-formats.md). The first range was the title, the others stayed in the turns before
    # them, and no turn had a time. The frames are left out: the file does not say the frame rate.
    text = ("[00:00:01:12 - 00:00:06:20]\nSpeaker 1\n Welcome back to the workshop hour. I am talking with a boat builder.\n\n"
            "[00:00:07:02 - 00:00:15:11]\nSpeaker 2\n Thanks for having me. I have built small wooden boats for twenty years.\n\n"
            "[00:00:15:20 - 00:00:19:04]\nSpeaker 1\n What got you started?\n\n"
            "[00:00:19:10 - 00:01:31:00]\nSpeaker 2\n My grandfather kept a shed full of tools.\n The smell of cedar stays with me.\n\n"
            "[00:01:31:08 - 00:01:36:15]\nSpeaker 1\n Will the craft survive another generation?\n")
    parsed = parse_source(text, source="resolve.txt")
    assert parsed.format == "labelled" and not parsed.errors and parsed.metadata.title == ""
    assert spans(text, parsed) == [
        (3, "Speaker 1", 1.0, "Welcome back to the workshop hour. I am talking with a boat builder."),
        (7, "Speaker 2", 7.0, "Thanks for having me. I have built small wooden boats for twenty years."),
        (11, "Speaker 1", 15.0, "What got you started?"),
        (15, "Speaker 2", 19.0, "My grandfather kept a shed full of tools.\n The smell of cedar stays with me."),
        (20, "Speaker 1", 91.0, "Will the craft survive another generation?")]
    named = text.replace("Speaker 1", "Nora").replace("Speaker 2", "Pete")  # the speakers renamed in Resolve
    assert [(t.speaker_label, t.start_seconds) for t in parse_source(named, source="resolve.txt").turns] == [
        ("Nora", 1.0), ("Pete", 7.0), ("Nora", 15.0), ("Pete", 19.0), ("Nora", 91.0)]


def test_premiere_pros_transcript_a_timecode_range_without_brackets_above_the_speaker_times_the_turn():
    # Premiere Pro's transcript exported as text: Resolve's shape without the brackets ("00:00:06:12 -
    # 00:00:11:03", then "Speaker 2", then the words). Before, the first range was the title (and the
    # slug), the others stayed in the words of the turn before them, and no turn had a time
    text = open(Path(__file__).resolve().parents[1] / "data" / "premiere_transcript.txt", encoding="utf-8").read()
    parsed = parse_source(text, source="premiere_transcript.txt")
    assert parsed.format == "labelled" and not parsed.errors and parsed.metadata.title == ""
    assert spans(text, parsed) == [
        (3, "Speaker 1", 0.0, "Welcome to the workshop. Today we talk about restoring old bicycles."),
        (7, "Speaker 2", 6.0, "Thanks for having me. I have been fixing them for twenty years."),
        (11, "Speaker 1", 11.0, "What was the first one you restored?"),
        (15, "Speaker 2", 15.0, "A red racing bike from the seventies that I found in a barn.")]


def test_zooms_saved_captions_a_bracketed_name_and_the_clock_above_the_words():
    # Zoom's "Save captions" file (meeting_saved_closed_caption.txt): "[Name] 15:05:17" alone on a line,
    # the time of day, the words below (caiobonfante/vexa test_data/meeting_saved_closed_caption.txt).
    # The names and times were left in the words, read as plain text with an invented host and guest.
    # The recording counts from the first time of day (test_field_texts_five).
    text = ("[Nora Quinn] 14:02:11\nWelcome back to the workshop hour. I am talking with a boat builder.\n\n"
            "[Pete Olsen] 14:02:19\nThanks for having me.\n\n[Pete Olsen] 14:02:21\nI have built wooden boats for twenty years.\n\n"
            "[Nora Quinn] 14:02:31\nWhat got you started?\n\n"
            "[Pete Olsen] 14:02:35\nMy grandfather kept a shed full of tools.\n")
    parsed = parse_source(text, source="meeting_saved_closed_caption.txt")
    assert parsed.format == "labelled" and not parsed.errors
    assert spans(text, parsed) == [
        (2, "Nora Quinn", 0.0, "Welcome back to the workshop hour. I am talking with a boat builder."),
        (5, "Pete Olsen", 8.0, "Thanks for having me."), (8, "Pete Olsen", 10.0, "I have built wooden boats for twenty years."),
        (11, "Nora Quinn", 20.0, "What got you started?"), (14, "Pete Olsen", 24.0, "My grandfather kept a shed full of tools.")]


def test_a_meeting_clock_going_past_midnight_is_the_next_day_not_disorder():
    # Zoom's saved captions give the time of day: a meeting running past midnight goes 23:59 -> 00:00.
    # That was "time mark out of order" and the file was refused; a time going back from the evening to
    # the small hours is the next day (no recording of an interview runs twenty hours)
    text = ("[Nora Quinn] 23:58:40\nWe are nearly at midnight here.\n\n[Pete Olsen] 23:59:52\nThen let me be quick.\n\n"
            "[Nora Quinn] 00:00:31\nHappy new day.\n\n[Pete Olsen] 00:01:02\nThank you, and good night.\n")
    parsed = parse_source(text, source="meeting_saved_closed_caption.txt")
    assert parsed.format == "labelled" and not parsed.errors
    assert [t.start_seconds for t in parsed.turns] == [0.0, 72.0, 111.0, 142.0]  # (counted from the first time of day)
    # a time going back within the day is still out of order
    back = text.replace("00:00:31", "23:50:00").replace("00:01:02", "23:51:00")
    assert [str(e) for e in parse_source(back, source="m.txt").errors] == [
        "m.txt:8: time mark out of order: 23:50:00.000 comes after 23:59:52.000",
        "m.txt:11: time mark out of order: 23:51:00.000 comes after 23:59:52.000"]


def test_a_bracketed_timecode_a_dash_and_the_speaker_alone_on_a_line_label_the_words_below():
    # "[00:00:42.28] - **Daira Emma**" alone on a line, a blank line, the words; a timecode alone later
    # in a turn is the same speaker going on, as Rev's "(00:01:54):" (ZcashCommunityGrants/arboretum-notes,
    # AllArboristCallNotes/Arborist Call 79-Notes.md); without the bold, "[00:01:02.02] - Speaker 1"
    # (a course's transcript notes in a public repository). Read as timed lines, the dash and the
    # name stayed in the words and an invented host and guest took the turns.
    text = ("# Workshop Call #3 Notes\n\n## Full Notes\n\n[00:00:00.00] - **Nora**\n\n"
            "Welcome back to the workshop hour. Who is with us today?\n\n[00:00:07.12] - **Pete**\n\n"
            "A boat builder from the north coast.\n\n[00:00:15.20] \n\nAnd I still learn something every season.\n\n"
            "[00:00:21.40] - **Nora**\n\nWhat got you started?\n\n[00:00:25.05] - **Pete**\n\nMy grandfather's shed.\n")
    parsed = parse_source(text, source="call.md")
    assert parsed.format == "labelled" and not parsed.errors and parsed.metadata.title == "Workshop Call #3 Notes"
    assert spans(text, parsed) == [
        (7, "Nora", 0.0, "Welcome back to the workshop hour. Who is with us today?"),
        (11, "Pete", 7.12, "A boat builder from the north coast."),
        (15, "Pete", 15.2, "And I still learn something every season."),  # the mark outside the turn, as Rev's
        (19, "Nora", 21.4, "What got you started?"), (23, "Pete", 25.05, "My grandfather's shed.")]
    plain = text.replace("**Nora**", "Speaker 1").replace("**Pete**", "Speaker 2").replace("\n\n", "\n")
    assert [(t.speaker_label, t.start_seconds) for t in parse_source(plain, source="notes.txt").turns] == [
        ("Speaker 1", 0.0), ("Speaker 2", 7.12), ("Speaker 2", 15.2), ("Speaker 1", 21.4), ("Speaker 2", 25.05)]


# a conference talk as bitcointranscripts keeps them: front matter naming the speaker, the header's
# fields, the talk in paragraphs under its section headings, then the audience's "Q:" and the
# speaker's "A:"; before, the talk above the first "Q:" was outside the content, its words lost
_TALK_THEN_QUESTIONS = """---
title: Keeping Old Bridges Standing
speakers: ['Ines Moreau']
date: 2023-05-04
---

Location: Spring Engineering Meetup

Video: <https://www.youtube.com/watch?v=abc123>

# Intro

Thank you all for coming. I have spent the last twelve years inspecting bridges that were built before any of us were born, and today I want to tell you what they taught me.

# Rust is a slow story

Most of the damage we find is not dramatic. It is water sitting where the designers never expected it, year after year, until a bearing seizes and the deck starts to crack.

We used to repaint on a fixed schedule. Now we measure first, because paint over wet steel only hides the problem for another winter.

# What we changed

The biggest change was cheap sensors. A few hundred of them tell us more than one big inspection every five years ever did, and they are honest about the bad months too.

Q: How long do the sensors last?

A: About six years in the field, less near the sea.

Q: Who reads all that data?

A: Two of us, with a lot of alarms tuned to be quiet.

Q: Would you build with steel again?

A: Yes, if we plan for the water from the first drawing.
"""


def test_a_talk_above_its_questions_and_answers_is_the_answering_speakers():
    from claims.ingest.pipeline import run

    annotated = run(_TALK_THEN_QUESTIONS, source="bridges.md")
    assert annotated.ok and annotated.format == "labelled"
    text = annotated.source_text
    said = [text[t.start_char:t.end_char] for t in annotated.turns]
    assert said[0].startswith("Thank you all for coming.")
    assert said[3].startswith("The biggest change was cheap sensors.")
    assert said[4:6] == ["How long do the sensors last?", "About six years in the field, less near the sea."]
    answerer = {t.speaker_slug for t in annotated.turns[:4]} | {annotated.turns[5].speaker_slug}
    assert len(answerer) == 1  # the talk is the voice that answers
    assert not any("Location" in words or "# " in words for words in said)  # the header and headings: no one's words
    assert annotated.metadata.title == "Keeping Old Bridges Standing"


def test_a_notes_exports_speakers_heading_is_no_speaker():
    # an AI note-taker's Markdown export: a summary, a "## Speakers" list of the diariser's names, then
    # the transcript; before, "## Speakers" was read as a diariser's name (a plural of "Speaker"), a
    # speaker whose first turn was the list
    text = ("# Harbour Committee Sync\n\n**Date:** March 3, 2025\n\n## Summary\n\nThe group agreed on the dredging dates.\n\n"
            "## Speakers\n\n- Speaker 1\n- Speaker 2\n- Participants\n\n## Transcript\n\n"
            "**Speaker 1 (00:00):**  \nLet's start with the dredging dates.\n\n"
            "**Speaker 2 (00:09):**  \nThe contractor can begin in May.\n\n"
            "**Speaker 1 (00:15):**  \nAnd the moorings?\n\n**Speaker 2 (00:18):**  \nMoved by the end of April.\n")
    parsed = parse_source(text, source="sync.md")
    assert parsed.format == "labelled" and not parsed.errors
    assert [(label, seconds, words) for _, label, seconds, words in spans(text, parsed)] == [
        ("Speaker 1", 0.0, "Let's start with the dredging dates."), ("Speaker 2", 9.0, "The contractor can begin in May."),
        ("Speaker 1", 15.0, "And the moorings?"), ("Speaker 2", 18.0, "Moved by the end of April."),
    ]


def _broadcast_page(show, headline, aired, first_words):
    return ("Return to Transcripts main page\n\n" + show + "\n\n" + headline + "\n\n" + aired + "\n\n"
            "THIS IS A RUSH TRANSCRIPT. THIS COPY MAY NOT BE IN ITS FINAL FORM AND MAY BE UPDATED.\n\n\n"
            "DANA PRICE, HOST: " + first_words + "\n\nMORGAN LEE, AUTHOR: Glad to be here.\n\n"
            "PRICE: What took you so long to write it?\n\nLEE: Twenty years of notes, and a deadline.\n")


def test_a_broadcast_pages_text_takes_its_title_and_show_from_above_the_aired_line():
    # a news channel's transcript page copied as text: the site's "Return to Transcripts main page",
    # the show, the headline, "Aired ..."; before, the title was the site's link, and so the slug of
    # every such page alike: the second one ingested was refused for the first one's slug
    from claims.ingest.pipeline import run

    first = run(_broadcast_page("Evening Hour", "Interview with Morgan Lee", "Aired May 02, 2011 - 21:00   ET",
                                "Tonight, a writer on her long book."), source="page1.txt")
    second = run(_broadcast_page("Evening Hour", "Storm Season Begins; Interview with Morgan Lee",
                                 "Aired May 09, 2011 - 21:00   ET", "Tonight, the storms, then a writer."), source="page2.txt")
    assert first.ok and first.format == "labelled"
    assert (first.metadata.title, first.metadata.show) == ("Interview with Morgan Lee", "Evening Hour")
    assert str(first.metadata.published) == "2011-05-02"
    assert second.metadata.title == "Storm Season Begins; Interview with Morgan Lee"
    assert first.metadata.slug != second.metadata.slug


def test_a_question_and_answer_transcripts_answers_are_the_one_guest_named():
    # a talk's Q&A, or an interview typed as "Q:" / "A:", with its guest named (--guest, the manifest, a
    # front matter's speakers) and no host: the answers are the guest's; before, only with a host named too
    # were the labels bound, so the guest's claims went to an unnamed "A"
    from claims.ingest.pipeline import run
    from claims.ingest.records import Metadata

    text = ("Q: When did the ferry service start?\n\nA: In 1911, with one boat.\n\n"
            "Q: And now?\n\nA: Four boats, every half hour.\n\nQ: Will it last?\n\nA: As long as the bridge is not built.\n")
    annotated = run(text, source="ferry.txt", metadata=Metadata(guests=("Ines Moreau",)))
    assert annotated.ok
    roles = {s.slug: (s.name, s.role) for s in annotated.speakers}
    said = [(roles[t.speaker_slug], annotated.source_text[t.start_char:t.end_char]) for t in annotated.turns]
    assert said[1] == (("Ines Moreau", "guest"), "In 1911, with one boat.")
    assert said[0] == (("Q", "host"), "When did the ferry service start?")
    assert {name for name, _ in roles.values()} == {"Ines Moreau", "Q"}


def test_an_oral_historys_interviewer_named_in_its_header_is_the_host_asking_the_q_turns():
    # IEEE's oral histories: "About <Name>" first, the line naming the interview, a header of fields, then "Q:"
    # above each question and the interviewee's name above each answer
    from claims.ingest.pipeline import run

    text = (
        "1 About Marta Vidal 2 About the Interview 3 Interview\n\n"
        "## About Marta Vidal\n\nMarta Vidal built early radar test sets and later taught signal processing.\n\n"
        "## About the Interview\n\n"
        "MARTA VIDAL: An Interview Conducted by Tomas Greer, Engineering History Office, 3 May 2011.\n\n"
        "## Interview\n\n"
        "INTERVIEWEE: Marta Vidal\nINTERVIEWER: Tomas Greer\nDATE: 3 May 2011\n\n"
        "### Early Years\n\n"
        "Q:\n\nWhere did you grow up?\n\n"
        "Marta Vidal:\n\nIn a port town. My father fixed ship radios.\n\n"
        "Q:\n\nAnd that is how you found electronics?\n\n"
        "Marta Vidal:\n\nYes, on his bench, with a soldering iron.\n"
    )
    annotated = run(text, source="vidal.md")
    assert [(s.name, s.role) for s in annotated.speakers] == [("Tomas Greer", "host"), ("Marta Vidal", "guest")]
    assert [t.speaker_slug for t in annotated.turns] == ["tomas-greer", "marta-vidal", "tomas-greer", "marta-vidal"]
    assert annotated.metadata.title == "Marta Vidal: An Interview Conducted by Tomas Greer"
