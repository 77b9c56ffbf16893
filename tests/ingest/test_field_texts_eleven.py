"""Texts from the field, tenth round (bench/field_set.py, interviews in languages other than English): shapes
their producers write, each file in tests/data written in the producer's shape, in words of our own."""

from claims.ingest.pipeline import run
from tests.field_texts import read, spoken_by


def test_a_spanish_press_interviews_pregunta_and_respuesta_then_p_and_r_label_its_turns():
    # El País's interviews: "Pregunta." and "Respuesta." open the first exchange, "P." and "R." every later one;
    # read as prose they were two or three turns of an invented Host and Guest with the labels in the words
    annotated = run(read("interview_es_pregunta_respuesta.txt"), source="interview_es_pregunta_respuesta.txt")
    assert annotated.ok and annotated.format == "labelled"
    turns = spoken_by(annotated)
    assert len(turns) == 8
    assert turns[0] == ("P", "¿Cuándo podrán volver los pescadores al muelle viejo?")
    assert turns[1][0] == "R" and turns[1][1].startswith("Si el invierno no se alarga")
    assert [name for name, _ in turns] == ["P", "R"] * 4
    assert {s.name: s.role for s in annotated.speakers} == {"P": "host", "R": "guest"}
    assert not any(words.startswith(("P. ", "R. ", "Pregunta.", "Respuesta.")) for _, words in turns)


def test_a_p_or_an_r_with_a_period_once_or_twice_in_prose_is_no_label():
    text = ("Notas de la reunión del club.\n\nP. Gómez trajo las llaves del local y abrió a las seis.\n\n"
            "R. Vidal llegó tarde por el tráfico.\n\nSe votó el nuevo horario y se aprobó por mayoría.\n")
    assert run(text, source="notas.txt").format != "labelled"


def test_times_glued_to_the_words_open_timed_lines():
    # Dailymotion's transcript under a video ("Transcription"/"NewsTranscription"), copied as text: each line's
    # "mm:ss" with no space before its words ("00:04Ce matin, ..."); read as prose, the times stayed in the words
    annotated = run(read("dailymotion_glued_times_fr.txt"), source="dailymotion_glued_times_fr.txt")
    assert annotated.ok and annotated.format == "timed_lines"
    starts = [t.start_seconds for t in annotated.turns]
    assert starts[0] == 0 and 62 in starts
    words = [w for _, w in spoken_by(annotated)]
    assert any(w.startswith("Ce matin, nous parlons") for w in words)
    assert not any("00:" in w or "01:02" in w for w in words)


def test_a_schedules_times_of_day_glued_to_am_or_a_range_are_no_marks():
    text = ("Programme de la journée\n\n09:00am accueil des participants\n10:30am première table ronde\n"
            "12:00-14:00 déjeuner libre\n14:30h atelier d'écriture\n16:00pm clôture\n")
    assert run(text, source="programme.txt").format != "timed_lines"
