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
