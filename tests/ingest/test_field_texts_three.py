"""Text transcripts from the field, third round: shapes several producers write (each file in tests/data
written in the producer's shape, in words of our own)."""

import pytest

from claims.ingest.pipeline import run
from claims.ingest.records import Metadata
from tests.field_texts import read


def said(annotated):
    names = {s.slug: (s.name, s.role) for s in annotated.speakers}
    return [(names[t.speaker_slug], annotated.source_text[t.start_char:t.end_char]) for t in annotated.turns]


def test_an_interviewer_named_in_the_front_matter_asks_the_q_turns():
    # a Jekyll/Hugo page: "interviewer: Name" in the front matter, "Q:" above each question, the answers under
    # the interviewee's name in capitals
    annotated = run(read("front_matter_interviewer_q.md"), source="front_matter_interviewer_q.md")
    assert [(s.name, s.role) for s in annotated.speakers] == [("Maria Lopez", "host"), ("Anika Brandt", "guest")]
    turns = said(annotated)
    assert turns[0] == (("Maria Lopez", "host"), "Thanks for sitting down with us. How did the bridge project start?")
    assert turns[1][0] == ("Anika Brandt", "guest")
    assert [who for (who, _), _ in turns] == ["Maria Lopez", "Anika Brandt"] * 3


def test_a_host_given_on_the_command_line_asks_the_q_turns():
    annotated = run(read("q_and_named_answers.txt"), source="q_and_named_answers.txt",
                    metadata=Metadata(hosts=("Dana Whitlock",)))
    assert [(s.name, s.role) for s in annotated.speakers] == [("Dana Whitlock", "host"), ("Oliver Hart", "guest")]
    turns = said(annotated)
    assert turns[2] == (("Dana Whitlock", "host"), "How did people cross after that?")
    assert [who for (who, _), _ in turns] == ["Dana Whitlock", "Oliver Hart"] * 3


def test_a_title_and_an_initial_or_two_initials_are_the_speaker_named_in_full_before():
    # a hearing's record: each named in full with a title or a post once, then "SEN. T. OKOYE:" and "J.R. SMITH:"
    annotated = run(read("hearing_initials.txt"), source="hearing_initials.txt")
    turns = said(annotated)
    assert len(turns) == 7
    assert turns[0][1].startswith("The committee will come to order.")
    assert turns[1][1] == "Thank you, Mr. Chairman, for the chance to testify."
    who = [name for (name, _), _ in turns]
    assert who == [who[0], who[1]] + [who[0], who[1]] * 2 + [who[0]]
    roles = dict(name_role for name_role, _ in turns)
    assert roles == {"Senator Tomas Okoye": "host", "John Robert Smith": "guest"}


def test_double_initials_not_named_in_full_keep_their_capitals():
    annotated = run(read("double_initials_interview.txt"), source="double_initials_interview.txt")
    assert [(s.name, s.role) for s in annotated.speakers] == [("Host", "host"), ("J.R. Hollis", "guest")]
    assert said(annotated)[1] == (("J.R. Hollis", "guest"), "Thanks for having me on.")


def test_bare_question_paragraphs_above_the_answers_labels_are_the_interviewers():
    # a newsletter's Q&A in Markdown: each question in bold (one in italics) above "**Name:**" and the answer; the
    # italic lead above the first question is nobody's
    annotated = run(read("bare_questions_bold.md"), source="bare_questions_bold.md")
    assert [s.role for s in annotated.speakers] == ["host", "guest"]
    assert annotated.speakers[1].name == "Anika Brandt"
    turns = said(annotated)
    assert [text for _, text in turns[0::2]] == [
        "How did the bridge project start?", "Who did the engineering?", "What would you do differently?",
        "And what comes next?"]
    assert turns[1] == (("Anika Brandt", "guest"),
                        "With a flooded road. The county had no money for a new crossing, so the village raised it.")
    assert {who for (who, role), _ in turns[0::2]} == {"Interviewer"}
    assert annotated.metadata.title == "Five questions for a bridge builder"


def test_plain_question_paragraphs_above_named_answers_are_the_interviewers():
    # a newspaper's Q&A copied as text: the questions plain paragraphs, the answers under "Name:"
    annotated = run(read("bare_questions.txt"), source="bare_questions.txt")
    turns = said(annotated)
    assert [role for (_, role), _ in turns] == ["host", "guest"] * 4
    assert turns[4] == (("Interviewer", "host"), "It was built in 1991. What changed then?")
    assert turns[5][1] == "The shops on the east shore closed one by one. Everyone drove to the town instead."


def test_a_speakers_own_paragraphs_under_one_label_stay_hers():
    # a speech labelled now and then: a rhetorical question closing one stretch is still the mayor's
    annotated = run(read("one_label_talk.txt"), source="one_label_talk.txt")
    assert [s.name for s in annotated.speakers] == ["Mayor Ellen Voss"]
    assert said(annotated)[0][1].endswith("Who among us has not bought fish from these boats?")


def test_a_source_link_after_the_last_answer_is_not_the_last_speakers_words():
    annotated = run(read("bare_questions.txt"), source="bare_questions.txt")
    assert said(annotated)[-1] == (("Oliver Hart", "guest"), "Every morning. You could read a whole newspaper on that boat.")
    assert annotated.content_end == annotated.source_text.index("Source: https://")  - 2


def test_a_courts_bench_asks_and_counsel_answers():
    # the Supreme Court's official transcript (pleading paper: margin numbers, double-spaced): the Chief Justice and
    # the Justices ask, counsel answer
    annotated = run(read("supreme_court_argument.txt"), source="supreme_court_argument.txt")
    roles = {s.name: s.role for s in annotated.speakers}
    assert roles == {"Chief Justice Roberts": "host", "Justice Thomas": "host", "Justice Kagan": "host",
                     "Ms. Lindqvist": "guest", "Mr. Okafor": "guest"}


def test_an_arguments_headings_are_not_the_chief_justices_words():
    # "ORAL ARGUMENT OF ... / ON BEHALF OF THE PETITIONER" stands between the Chief Justice calling counsel and
    # counsel's first words
    annotated = run(read("supreme_court_argument.txt"), source="supreme_court_argument.txt")
    first = annotated.turns[0]
    assert annotated.source_text[first.start_char:first.end_char].endswith("Ms. Lindqvist.")
    sentences = [annotated.source_text[s.start_char:s.end_char] for s in annotated.sentences]
    assert not any("ARGUMENT OF" in s or "ON BEHALF" in s for s in sentences)
    assert sentences[1] == "Ms. Lindqvist."


def test_a_press_briefings_closing_time_is_not_the_last_answer():
    # the White House's briefings as text: "Q" and spaces before each question, the time it ended on the last line
    annotated = run(read("press_briefing.txt"), source="press_briefing.txt")
    assert [(s.name, s.role) for s in annotated.speakers] == [("Ms. Merritt", "guest"), ("Q", "host")]
    turns = said(annotated)
    assert turns[1] == (("Q", "host"), "Thanks, Dana.  Will the President meet the governor while he is in Ohio?")
    assert turns[-1] == (("Ms. Merritt", "guest"), "Thanks, everyone.")


def test_a_streetevents_calls_labels_between_rules_are_its_speakers():
    # Thomson Reuters' StreetEvents text: "Name,  Company - Title   [n]" between rules of dashes, the words below;
    # the participants' lists, the section headings and the closing definitions and disclaimer are nobody's words
    annotated = run(read("streetevents_call.txt"), source="streetevents_call.txt")
    assert annotated.format == "labelled" and annotated.metadata.title == "Q3 2023 Northwind Ferries Earnings Call"
    roles = {s.name: s.role for s in annotated.speakers}
    assert roles == {"Operator": "host", "Jane Roe": "guest", "John Poe": "guest", "Sam Lee": "host"}
    turns = said(annotated)
    assert [name for (name, _), _ in turns] == [
        "Operator", "Jane Roe", "John Poe", "Operator", "Sam Lee", "Jane Roe", "Sam Lee", "John Poe", "Operator"]
    assert turns[1][1] == ("Thank you, operator. We carried more passengers this quarter than in any quarter since 2019."
                           "\n\n The new timetable did most of the work.")
    assert turns[2][1] == "Revenue rose eight percent, and fuel costs fell for the second quarter in a row."
    assert turns[-1][1] == "This concludes today's conference call. You may now disconnect."


def test_a_committees_question_numbers_are_not_part_of_the_members_labels():
    # the UK Parliament's oral evidence: each member's question numbered before the name ("Q1 Chair:", "Q3 Tom
    # Rigg:"), the witnesses' answers under their names
    annotated = run(read("committee_oral_evidence.txt"), source="committee_oral_evidence.txt")
    roles = {s.name: s.role for s in annotated.speakers}
    assert roles == {"Chair": "host", "Tom Rigg": "host", "Priya Nand": "host", "Dr Quill": "guest", "Owen Bale": "guest"}
    turns = said(annotated)
    assert turns[0] == (("Chair", "host"), "Good morning and welcome. Could you each introduce yourselves for the record?")
    assert turns[5] == (("Tom Rigg", "host"), "Is that mostly evening services?")
    assert turns[-2][1] == "A settled grant over five years, not one year at a time."
    assert turns[-1] == (("Chair", "host"), "Thank you both.")


def test_a_hansards_seat_party_and_time_after_the_name_make_a_label():
    # an Australian parliament's Hansard at question time: "Mr NAME (Seat—Party) (10.02 am):" when a member takes
    # the call, a minister's portfolio in brackets too, "Mr NAME:" after
    annotated = run(read("hansard_question_time.txt"), source="hansard_question_time.txt")
    turns = said(annotated)
    assert turns[0] == (("Mr Halloran", "host"), "My question is to the Minister for Transport. "
                        "When will the island ferry timetable be restored?")
    assert turns[1][0] == ("Ms Vega", "guest")
    assert turns[5] == (("Mr Patel", "host"), "My question is to the Minister for Transport. "
                        "How is the government funding rural road repairs?")
    assert [name for (name, _), _ in turns].count("Ms Vega") == 4


def test_a_time_and_a_name_in_one_bold_make_a_timed_label():
    # meeting-notes tools' Markdown: "**[00:00:07] Owen Bale:** words" (the words on the next line at times)
    annotated = run(read("meeting_notes_bold_times.md"), source="meeting_notes_bold_times.md")
    assert annotated.format == "labelled"
    turns = said(annotated)
    assert [name for (name, _), _ in turns] == ["Mara Quill", "Owen Bale"] * 2 + ["Mara Quill"]
    assert turns[1][1] == "The draft is done. Two crossings move to the early slot."
    assert turns[3][1] == "Only on Fridays, and the council has agreed to shift the school bus by ten minutes."
    assert [t.start_seconds for t in annotated.turns] == [0.0, 7.0, 15.0, 62.0, 80.0]


def test_a_trials_q_and_a_are_the_examining_lawyer_and_the_witness():
    # a reporter's transcript as text: "BY MS. ORTIZ:" under "DIRECT EXAMINATION", then "Q." and "A."; the witness
    # answering the court is "THE WITNESS:"
    annotated = run(read("trial_examination.txt"), source="trial_examination.txt")
    turns = said(annotated)
    assert turns[6] == (("The Witness", "guest"), "I do.")
    assert turns[7] == (("Ms. Ortiz", "host"), "Officer Tran, where were you on the night of June 3rd?")
    assert turns[8] == (("The Witness", "guest"), "On patrol on Fourth Street.")
    assert turns[-2] == (("Mr. Brandt", "host"), "At night, with the car's lights off?")
    assert turns[-1] == (("The Witness", "guest"), "The street lights were on.")
    assert not {"Q", "A"} & {s.name for s in annotated.speakers}


def test_an_organisation_or_post_in_brackets_after_the_name_is_no_part_of_it():
    # a press conference's transcript (WHO's, the UN's): "Name (Organisation):", "Name (Organisation Post):"
    annotated = run(read("press_conference_affiliations.txt"), source="press_conference_affiliations.txt")
    turns = said(annotated)
    assert [name for (name, _), _ in turns] == ["Tarik Osei", "Dr Amina Kollar", "Tarik Osei", "Lena Marsh", "Dr Amina Kollar"]
    assert turns[0][1] == "Good afternoon, and welcome to today's press conference. We are joined by the Director-General."
    assert turns[0][0][1] == "host"


def test_a_name_in_capitals_and_a_period_opens_a_turn():
    # the Federal Reserve's press conference transcripts: "CHAIR LINDQVIST. words", each reporter once
    annotated = run(read("press_conference_capitals_period.txt"), source="press_conference_capitals_period.txt")
    assert annotated.format == "labelled"
    assert annotated.metadata.title == "Transcript of Chair Lindqvist's Press Conference"
    turns = said(annotated)
    assert [name for (name, _), _ in turns] == [
        "Chair Lindqvist", "Michelle Smith", "Steve Arden", "Chair Lindqvist", "Michelle Smith", "Rachel Okafor",
        "Chair Lindqvist"]
    assert turns[0][1].endswith("I look forward to your questions.")
    assert turns[2][1] == "Thank you, Chair. Do you still expect to cut rates this year?"
    assert turns[0][0][1] == "guest"


def test_a_hansards_honourable_member_in_capitals_is_named_in_title_case():
    # New Zealand's Hansard: "Hon MARA QUILL (Minister of Transport):", then "Hon MARA QUILL:"; members by name
    annotated = run(read("hansard_oral_questions_nz.txt"), source="hansard_oral_questions_nz.txt")
    roles = {s.name: s.role for s in annotated.speakers}
    assert roles["Hon Mara Quill"] == "guest" and roles["Tom Rigg"] == "host"
    assert said(annotated)[0] == (("Tom Rigg", "host"), "Will the inter-island ferry service be funded next year?")
    assert said(annotated)[1] == (("Hon Mara Quill", "guest"), "Yes. The budget sets aside the money for both vessels.")


def test_a_numbered_oral_question_is_the_asking_members_turn():
    # New Zealand's Hansard: each question opens "1. NAME (Party—Electorate) to the Minister of ...: question", a title
    # before the name at times ("2. Dr ANNA PRICE"); the supplementaries under the name in title case
    annotated = run(read("hansard_oral_questions_nz_numbered.txt"), source="hansard_oral_questions_nz_numbered.txt")
    turns = said(annotated)
    assert [who for who, _ in turns] == [
        ("Keri Waititi", "host"), ("Hon Daniel Moss", "guest"), ("Keri Waititi", "host"), ("Hon Daniel Moss", "guest"),
        ("Dr Anna Price", "host"), ("Hon Lucy Tama", "guest"), ("Dr Anna Price", "host"), ("Hon Lucy Tama", "guest")]
    assert turns[0][1] == "Has the Government agreed to fund dredging of the Port Averly channel?"
    assert turns[4][1] == "What steps is she taking to improve river water quality?"


def test_a_hansards_subject_heading_between_questions_is_not_the_last_speakers_words():
    # the subject's heading over each question ("Water Quality—Rivers" in New Zealand's Hansard, "Road Funding" in
    # an Australian parliament's), a paragraph of its own after the last answer to the question before
    turns = said(run(read("hansard_oral_questions_nz_numbered.txt"), source="hansard_oral_questions_nz_numbered.txt"))
    assert turns[3][1] == "In the spring, once the consents are granted."
    turns = said(run(read("hansard_question_time.txt"), source="hansard_question_time.txt"))
    assert turns[4] == (("Mr Speaker", "guest"), "Order! The member for Coastline will cease interjecting.")


def test_a_numbered_transcripts_q_and_a_are_the_examining_lawyer_and_the_witness():
    # a reporter's transcript on pleading paper: "BY MS. ORTIZ:" at the margin, then "Q." and "A." lines, the
    # objections and rulings under "MR. BRANDT:" and "THE COURT:"
    annotated = run(read("trial_transcript_numbered.txt"), source="trial_transcript_numbered.txt")
    assert annotated.format == "line_numbered"
    turns = said(annotated)
    assert [name for (name, _), _ in turns] == [
        "Ms. Ortiz", "The Witness", "Ms. Ortiz", "The Witness", "Mr. Brandt", "The Court", "The Witness",
        "Ms. Ortiz", "The Witness"]
    assert turns[6] == (("The Witness", "guest"), "It was the defendant's car.")
    assert turns[7] == (("Ms. Ortiz", "host"), "How did you know it was his car?")


@pytest.mark.parametrize("name", ["seeking_alpha_call.txt", "seeking_alpha_call_page.html", "seeking_alpha_call_titles.txt"])
def test_an_earnings_calls_listed_participants_alone_on_a_line_are_labels(name):
    # Seeking Alpha's earnings-call transcripts: "Company Participants" and "Conference Call Participants" list
    # "Name - Title", then each speaker's name alone on a line (in bold on the page), a blank line and their
    # paragraphs, the listed title on the line under the name at times; "Operator" alone too. The company's
    # people answer, the analysts ask
    annotated = run(read(name), source=name)
    assert annotated.format == "labelled"
    turns = said(annotated)
    assert [who for who, _ in turns] == [
        ("Operator", "host"), ("Carla Mendes", "guest"), ("Piet Janssen", "guest"), ("Ruth Amadi", "guest"),
        ("Operator", "host"), ("Sam Okoro", "host"), ("Piet Janssen", "guest"), ("Operator", "host"),
        ("Lia Brandt", "host"), ("Ruth Amadi", "guest"), ("Operator", "host")]
    assert turns[2][1] == ("Thank you, Carla. Ridership rose nine percent in the quarter, and the two new vessels "
                           "entered service on schedule.\n\nWe expect the northern route to break even by the end of "
                           "next year.")
    assert turns[3][1].endswith("took over the short crossings.")  # not the Q&A's heading after it
    assert turns[5][1] == "Thanks. Piet, how much of the ridership growth came from the new routes?"
