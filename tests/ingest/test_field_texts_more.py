"""Field shapes read wrong before 2026-12-08: a plain text in one voice that asks nothing split into a host and an
invented guest."""
from claims.ingest.pipeline import run

# a radio producer talking about his show, as a speech-to-text page gives it: punctuated, unlabelled, no question
MONOLOGUE = (
    "My name is Tamsin Reed, I'm the co host of harbour talk on community radio. We are sitting in a bakery by the "
    "wharf this morning, and the ferries are loud outside. The idea for the show came when I was producing a "
    "lunchtime phone-in for a bigger station. I booked guests and topics there for four years, and I kept thinking "
    "that our own community never got an hour like that. So I wrote a proposal and took it to the station manager. "
    "She turned it down the first time, because the schedule was full and nobody wanted to move the fishing report. "
    "Two years later a volunteer left and a half hour opened up on Sunday nights. We filled it with whatever we had, "
    "mostly interviews recorded on a borrowed recorder. Now we have a team of six and a waiting list of people who "
    "want to come on. I still carry the borrowed recorder, although it has been mine for a long time now.\n\n"
    "The first year was mostly mistakes. We forgot to press record twice, and once we taped a whole hour over the "
    "sound of a generator at the market. People still tell me they liked that one best, because you could hear the "
    "stallholders shouting prices in the background. We learned to carry spare batteries, to sit with our backs to "
    "the wind, and to let people finish their sentences even when the clock was running. The station gave us a "
    "small budget in the third year, and we spent almost all of it on headphones, because the old ones made "
    "everybody sound like they were speaking from a cupboard. After that the listeners started writing in. At first "
    "it was a letter a month, then a letter a week, and now there is a pile on my kitchen table that I answer on "
    "Sunday mornings before the show. Most of them suggest people we should talk to: a woman who has kept the "
    "lighthouse log for forty years, a boy who builds radios out of tins, a couple who swim across the harbour "
    "every New Year's Day. We try to get to all of them, but the list keeps growing faster than we can record. "
    "What keeps me going is the moment when somebody who has never been on the radio forgets the microphone is "
    "there and just talks. That is when the best things get said, and most of the time they do not even notice "
    "that they said them. I go home after those sessions and play the tape twice before I go to sleep.\n\n"
    "Next month we start a series on the old ferry crews. My uncle worked the night crossing for twenty years, and "
    "he has promised to bring his logbooks and the brass whistle he kept when the boat was scrapped. I have heard "
    "his stories at every family dinner since I was small, but I have never heard him tell them to strangers, and "
    "I suspect they will come out differently. That is the thing about a microphone: it makes people careful at "
    "first and then, if you wait long enough, it makes them honest. We will see which one my uncle turns out to be.\n"
)

# the same kind of page where someone asks and someone answers
INTERVIEW = (
    "Harbour Talk\n\n"
    "Welcome back to harbour talk, I'm Tamsin Reed. With me is the baker Ollie Fenn. Ollie, how did the bakery "
    "start? It started with my grandmother's oven, really. She baked for the whole street on Fridays. And when did "
    "you take it over? About ten years ago, when her hands got too sore for the dough. What would she make of it "
    "now? She would say we use too much butter, and she would be right.\n"
)


def test_a_plain_text_that_asks_no_question_is_one_voice():
    annotated = run(MONOLOGUE, source="harbour_talk.txt")
    assert annotated.ok and annotated.format == "plain"
    assert [s.name for s in annotated.speakers] == ["Tamsin Reed"]
    assert {t.speaker_slug for t in annotated.turns} == {"tamsin-reed"}


def test_a_short_plain_text_without_a_question_is_still_decoded():
    # a real interview's few turns can ask nothing (seed 002 runs to 407 words so): too short to say one voice, the
    # decoder decides; here it hears one voice, and as the host named herself ("My name is Tamsin Reed") it is hers
    # (it had gone to an unnamed "Guest" beside a named host who said nothing)
    first_paragraph = MONOLOGUE.split("\n\n")[0] + "\n"
    annotated = run(first_paragraph, source="harbour_talk_short.txt")
    assert [s.name for s in annotated.speakers] == ["Tamsin Reed"]
    assert {t.speaker_slug for t in annotated.turns} == {"tamsin-reed"}


def test_a_plain_text_with_questions_keeps_two_voices():
    annotated = run(INTERVIEW, source="harbour_talk_interview.txt")
    assert annotated.ok
    assert len({t.speaker_slug for t in annotated.turns}) == 2


# a YouTube channel's intro as a transcript archive keeps it: front matter, the title as a heading, then the
# captions as spoken (no punctuation, "I" capitalised)
CHANNEL_INTRO = (
    "---\n"
    'title: "Meet Priya"\n'
    'publish_date: "2024-05-02"\n'
    'author: "Garden Notes | Priya K Raman"\n'
    "---\n\n"
    "# Meet Priya\n\n"
    "hey I'm Priya Raman I'm a market gardener from the valley I grow salad greens for three restaurants and a "
    "farm stand on this channel I want to share what twelve years of small plots have taught me about soil and "
    "water and selling what you grow I post every week so I'll see you in the comments\n"
)


def test_raw_captions_under_a_title_heading_leave_the_heading_out_of_the_words():
    annotated = run(CHANNEL_INTRO, source="meet_priya.md")
    assert annotated.ok and annotated.format == "raw_captions"
    assert annotated.metadata.title == "Meet Priya"
    first = annotated.source_text[annotated.turns[0].start_char:annotated.turns[0].end_char]
    assert first.startswith("hey I'm Priya Raman")
    assert all("# Meet" not in annotated.source_text[t.start_char:t.end_char] for t in annotated.turns)


def test_a_greeting_then_i_am_name_opening_raw_captions_names_the_host():
    annotated = run(CHANNEL_INTRO, source="meet_priya.md")
    assert annotated.metadata.hosts == ("Priya Raman",)
    assert ("Priya Raman", "host") in [(s.name, s.role) for s in annotated.speakers]


def test_i_am_name_later_in_the_opening_names_no_host():
    # an answer's "I'm <Name>" after the first words is not the opening speaker's
    text = CHANNEL_INTRO.replace("hey I'm Priya Raman", "so today we have a guest hey I'm Priya Raman")
    assert run(text, source="meet_priya.md").metadata.hosts == ()


# a committee hearing typed up by a volunteer: the first member to ask is labelled once, with the title the
# others' labels give alone ("Senator Black:" above "AA:" and "Senator:"), before any label is established
HEARING = (
    "---\ntitle: Harbour Committee\ndate: 2015-03-04\n---\n\n"
    "# Other remarks.\n\n"
    "Senator Ruiz: Thank you, Chair, and thank you for coming. The ferry operators told us last week that they "
    "want rules soon. You say the rules can wait. Help me with that.\n\n"
    "MK: The operators want clarity, and I agree with them. What I ask is that the rules fit the boats we have.\n\n"
    "Senator: How long would that take?\n\n"
    "MK: About two seasons, if the surveys start this spring.\n\n"
    "Senator: And who pays for the surveys?\n\n"
    "MK: The port, as it did the last time.\n\n"
    "Senator Oduya: Thank you for being with us. Can the port pay for it this year?\n\n"
    "MK: It can, if the dredging waits a year.\n"
)


def test_a_titled_label_used_once_before_the_others_is_a_label():
    annotated = run(HEARING, source="harbour_committee.md")
    assert annotated.format == "labelled"
    names = {s.slug: s.name for s in annotated.speakers}
    assert [names[t.speaker_slug] for t in annotated.turns][:3] == ["Senator Ruiz", "MK", "Senator"]
    assert annotated.source_text[annotated.turns[0].start_char:].startswith("Thank you, Chair")
    # the members ask, the witness answers: a member's title alone ("Senator:", the name not caught) is a member's
    assert {s.name: s.role for s in annotated.speakers} == {"Senator Ruiz": "host", "Senator": "host", "Senator Oduya": "host",
                                                           "MK": "guest"}


def test_a_header_field_before_the_labels_is_still_no_label():
    text = HEARING.replace("Senator Ruiz: Thank you", "Senator Notes: see the minutes.\n\nSenator Ruiz: Thank you")
    annotated = run(text, source="harbour_committee.md")
    names = {s.name for s in annotated.speakers}
    assert "Senator Notes" not in names


def test_a_members_title_alone_counts_among_the_members_asking():
    # the named members make statements; the one whose name was not caught asks; one of the members' questions
    # was typed without its label, inside the witness's turn
    text = (
        "Senator Ruiz: Thank you, Chair, and welcome. The operators want rules soon. Help me with that.\n\n"
        "MK: The operators want clarity, and I agree with them.\n\nThank you for that. And the cost?\n\n"
        "Senator: How long would the surveys take?\n\n"
        "MK: About two seasons.\n\n"
        "Senator: And who pays for them?\n\n"
        "MK: The port, as it did the last time.\n\n"
        "Senator Oduya: Thank you for being with us. I will leave my questions for the second round.\n\n"
        "MK: Thank you, Senator.\n"
    )
    annotated = run(text, source="harbour_committee.txt")
    assert {s.name: s.role for s in annotated.speakers} == {
        "Senator Ruiz": "host", "Senator": "host", "Senator Oduya": "host", "MK": "guest"}


# a usability study's report in Markdown: its interview transcripts in an annex, then a heading and the links to
# the recordings (the labels' lines one after another, no blank line between)
STUDY_ANNEX = (
    "## Anexos\n\n"
    "#### Entrevista a Rosa Vidal, recepcionista del edificio.\n\n"
    "Lucía Mora, Entrevistadora: Queremos saber cómo registran a las visitas. ¿Nos cuentas cómo lo haces?\n"
    "Rosa Vidal, Recepcionista: Les pido el nombre y el correo, y los apunto en la tableta.\n"
    "EN: ¿Y si la tableta no funciona?\n"
    "RV: Uso una libreta y después lo paso al sistema.\n"
    "EN: Creo que sería todo, gracias.\n\n"
    "##### Audios\n"
    "[Entrevista a Rosa Vidal]( https://example.org/audio/rosa)\n"
)


def test_a_heading_after_the_last_turn_ends_the_transcript():
    annotated = run(STUDY_ANNEX, source="estudio.md")
    assert annotated.format == "labelled"
    last = annotated.turns[-1]
    assert annotated.source_text[last.start_char:last.end_char] == "Creo que sería todo, gracias."


def test_a_label_opening_the_part_another_label_gives_is_that_speaker():
    # "Lucía Mora, Entrevistadora:" once, then "EN:" (ENtrevistadora) for each of her questions
    annotated = run(STUDY_ANNEX, source="estudio.md")
    assert {s.name: s.role for s in annotated.speakers} == {"Lucía Mora": "host", "Rosa Vidal": "guest"}
    names = {s.slug: s.name for s in annotated.speakers}
    assert [names[t.speaker_slug] for t in annotated.turns] == ["Lucía Mora", "Rosa Vidal"] * 2 + ["Lucía Mora"]


def test_two_capitals_that_open_no_part_stay_their_own_label():
    text = STUDY_ANNEX.replace("Lucía Mora, Entrevistadora:", "Lucía Mora, Moderadora:")
    names = {s.name for s in run(text, source="estudio.md").speakers}
    assert "EN" in names


def test_a_hearings_prepared_remarks_above_the_labels_are_the_witness_s():
    # the witness's statement under its own heading, then questions: the one witness's words, not outside the
    # transcript; the unlabelled exchange under the next heading is nobody's we can tell, and stays out
    text = HEARING.replace("# Other remarks.\n\n", (
        "# Prepared remarks.\n\n"
        "I have surveyed harbours for twenty years, most of them on this coast.\n\n"
        "The ferries we have today were built for a shallower channel than the one we dredged.\n\n"
        "Thank you for the opportunity to speak to the committee.\n\n"
        "(5m 10s)\n\n"
        "# Other remarks.\n\n"
        "Thank you for your remarks. Would you say more about the channel?\n\n"
        "Gladly. It is deeper on the north side now.\n\n"))
    annotated = run(text, source="harbour_committee.md")
    names = {s.slug: s.name for s in annotated.speakers}
    said = [(names[t.speaker_slug], annotated.source_text[t.start_char:t.end_char]) for t in annotated.turns]
    assert said[0] == ("MK", "I have surveyed harbours for twenty years, most of them on this coast.")
    assert said[2] == ("MK", "Thank you for the opportunity to speak to the committee.")
    assert said[3][0] == "Senator Ruiz"
    assert all("(5m 10s)" not in words and "Would you say more" not in words for _, words in said)
