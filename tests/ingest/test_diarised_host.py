"""Which of a diariser's two parts ("Speaker A", "Speaker B") is the host: a wrong pick flips every turn.

Measured on 40 published interviews in bench/host_pick.py (bench/RESULTS.md); these are invented ones in the
shapes that went wrong there: a cold open that puts the guest first, captions without punctuation, a guest who
asks back.
"""
from claims.ingest.pipeline import run


def roles(text: str) -> dict[str, str]:
    annotated = run(text, source="diarised.txt")
    return {s.name: s.role for s in annotated.speakers}


def test_a_guest_heard_first_in_a_cold_open_is_not_the_host_where_the_host_welcomes_them():
    # raw captions (no "?" to count) opening on a clip of the guest, and a welcome naming no "podcast" or "show"
    text = ("Speaker A: bamboo grows back in three years steel never grows back at all\n\n"
            "Speaker B: ines welcome to low tide it has been a long time coming\n\n"
            "Speaker A: it has and it is lovely to be here\n\n"
            "Speaker B: so where did the bamboo idea start\n\n"
            "Speaker A: on a building site in manila where the scaffolding was bamboo and it outlasted the steel crane\n")
    assert roles(text) == {"Speaker B": "host", "Speaker A": "guest"}


def test_a_guest_who_asks_a_question_back_is_not_the_host():
    # the guest asks more often than the host here; thanking the host for having them says who is who
    text = ("Speaker 1: Kofi Mensah builds rain gauges for farmers in Tamale.\n\n"
            "Speaker 2: Thanks for having me. Have you ever tried to farm without knowing when the rain comes?\n\n"
            "Speaker 1: I have not.\n\n"
            "Speaker 2: Then you would not believe how often the old gauges lie. Do you know what they cost?\n\n"
            "Speaker 1: Tell me. What do they cost?\n\n"
            "Speaker 2: Forty dollars each, and they crack in the first dry season.\n")
    assert roles(text) == {"Speaker 1": "host", "Speaker 2": "guest"}


def test_a_guest_who_asks_back_once_is_not_the_host_where_nobody_greets():
    text = ("Speaker 1: What do your gauges measure?\n\n"
            "Speaker 2: Rain, to the millimetre, and the soil's moisture at two depths.\n\n"
            "Speaker 1: Who reads them?\n\n"
            "Speaker 2: The farmers, on their phones. Would you like to see one?\n\n"
            "Speaker 1: Later. How long do they last?\n\n"
            "Speaker 2: Five seasons so far, and the first ones are still out there.\n")
    assert roles(text) == {"Speaker 1": "host", "Speaker 2": "guest"}


def test_without_punctuation_or_greetings_the_part_speaking_fewer_words_is_the_host():
    # a cold open again, so the first part to speak is the guest; with no "?" every part asks equally often
    text = ("SPEAKER_00: the river moved forty metres in one winter and nobody in the village noticed until the "
            "ferry landing was standing in a field of reeds\n\n"
            "SPEAKER_01: how did you find out\n\n"
            "SPEAKER_00: a fisherman sent me a photograph of his boat sitting on dry mud half a kilometre from the "
            "water and asked me whether the maps were wrong\n\n"
            "SPEAKER_01: and were they\n\n"
            "SPEAKER_00: they were eleven years out of date and the river had been moving the whole time\n")
    assert roles(text) == {"Speaker 01": "host", "Speaker 00": "guest"}  # the code named as the JSON readers name it


def test_greetings_that_contradict_each_other_leave_the_choice_to_the_questions():
    # each part says one of the host's lines: no vote wins, the part asking decides
    text = ("Speaker A: Welcome to the harbour office. What brings you here today?\n\n"
            "Speaker B: Thanks for joining me on the quay. I came about the mooring fees.\n\n"
            "Speaker A: Which berth is yours?\n\n"
            "Speaker B: Number nine, by the crane.\n")
    assert roles(text) == {"Speaker A": "host", "Speaker B": "guest"}


def test_in_a_panel_the_part_asking_most_questions_is_the_host_not_one_asking_once_in_few_turns():
    # a panel of four parts (a live show's recording): the host speaks most and asks twice in eight turns; a
    # panellist heard three times asks once, a larger share of few turns
    text = ("[Speaker 1] [00:00] Right, we are live. I think everybody can hear us now.\n"
            "[Speaker 2] [00:09] Loud and clear.\n"
            "[Speaker 1] [00:11] Good. Tonight it is the old tape drives, the ones we all fed as interns.\n"
            "[Speaker 3] [00:20] I still have one in the garage. Does anyone want it?\n"
            "[Speaker 1] [00:24] Not me. I carried enough of them up the stairs.\n"
            "[Speaker 4] [00:29] The reels weighed more than the interns did.\n"
            "[Speaker 1] [00:33] So where do we start, with the drives or with the people who ran them?\n"
            "[Speaker 2] [00:40] With the people. The operators knew every squeak of those machines.\n"
            "[Speaker 1] [00:47] They did. Mine could tell a bad head from across the room.\n"
            "[Speaker 3] [00:53] Ours kept a log of every squeak, in pencil.\n"
            "[Speaker 1] [00:58] In pencil. Was that log ever read by anybody?\n"
            "[Speaker 4] [01:04] By the auditors, once, and they framed a page of it.\n"
            "[Speaker 1] [01:09] That is the best use of a log I have heard of.\n"
            "[Speaker 3] [01:14] It was a good page.\n"
            "[Speaker 1] [01:16] Let us get to the drives themselves, then.\n")
    assert roles(text)["Speaker 1"] == "host"
