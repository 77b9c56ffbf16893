"""Caption files as real tools write them, quirks included (found by running caption files from
public repositories through ingestion): each test file in tests/data/ is shaped like the real one."""
from pathlib import Path

from claims.ingest.attribute import attribution_units
from claims.ingest.cues import cue_anchors, cue_text_only, split_at_cues
from claims.ingest.formats import detect, parse_source
from claims.ingest.markup import reading_text
from claims.ingest.pipeline import run
from claims.ingest.records import Turn

DATA = Path(__file__).resolve().parents[1] / "data"


def read(name):
    return open(DATA / name, encoding="utf-8", newline="").read()


def cues(text, parsed):
    return [(t.line, t.speaker_label, t.start_seconds, text[t.start_char : t.end_char]) for t in parsed.turns]


def test_lines_of_spaces_after_netflix_note_blocks_separate_blocks():
    text = read("netflix_notes.vtt")
    parsed = parse_source(text, source="netflix_notes.vtt")
    assert not parsed.errors
    assert cues(text, parsed) == [
        (15, None, 7.96, "[Alba] <i>En 1928,</i>"),
        (19, None, 9.64, "<i>las mujeres éramos</i>\n<i>algo así como adornos</i>"),
        (24, None, 13.24, "<i>que se llevaban a las fiestas</i>\n<i>para presumir de ellos.</i>"),
    ]


def test_a_line_of_spaces_inside_a_cue_is_the_cues_and_the_next_cue_is_found_by_its_timing_line():
    text = ("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nfirst line\n   \nsecond line\n"
            "   \n00:00:04.000 --> 00:00:06.000\nnext cue\n")
    parsed = parse_source(text, source="spaces.vtt")
    assert not parsed.errors
    assert [(seconds, " ".join(body.split())) for _, _, seconds, body in cues(text, parsed)] == [
        (1.0, "first line second line"), (4.0, "next cue")]


def test_a_timing_line_without_an_empty_line_before_it_starts_a_cue():
    # youtube-dl wrote "<c.colorCCCCCC>what</c>" directly followed by the next timing line
    text = read("youtube_dl_no_blank.vtt")
    parsed = parse_source(text, source="youtube_dl_no_blank.vtt")
    assert not parsed.errors
    assert [(line, seconds, " ".join(reading_text(text, "webvtt")[text.index(body):text.index(body) + len(body)].split()))
            for line, _, seconds, body in cues(text, parsed)] == [
        (11, 286.07, "yeah"), (16, 286.47, "what"), (18, 304.08, "this will happen"),
    ]


def test_a_cue_number_directly_before_a_timing_line_goes_with_the_next_cue():
    text = "1\n00:00:01,000 --> 00:00:02,000\nHello there.\n2\n00:00:02,000 --> 00:00:03,000\nGeneral Kenobi.\n"
    parsed = parse_source(text, source="tight.srt")
    assert not parsed.errors
    assert [(seconds, body) for _, _, seconds, body in cues(text, parsed)] == [(1.0, "Hello there."), (2.0, "General Kenobi.")]


def test_a_cue_saying_what_the_one_before_said_is_kept():
    # two people say "Yeah." 3 s apart, "Right." again half a minute on: said, not rolling repeats
    text = read("repeated_words.vtt")
    annotated = run(text, source="repeated_words.vtt")
    assert [(t.speaker_slug, t.start_seconds, text[t.start_char : t.end_char]) for t in annotated.turns] == [
        ("ann-lee", 1.0, "Yeah."), ("bob-ray", 5.0, "Yeah."), ("ann-lee", 7.0, "Right."),
        ("ann-lee", 9.0, "Right."), ("ann-lee", 40.0, "Right."),
    ]


def test_old_youtube_auto_captions_with_colour_spans_give_each_line_once():
    # the 10 ms cues end with " </c>" on a line of its own: their last line with words is the repeat
    text = read("youtube_auto_colorstyle.vtt")
    annotated = run(text, source="youtube_auto_colorstyle.vtt")
    reading = reading_text(text, "webvtt")
    assert [(t.start_seconds, " ".join(reading[t.start_char : t.end_char].split())) for t in annotated.turns] == [
        (3.17, "good to be here I love Chicago alright"),
        (7.529, "so yeah so my name is Travis cowlick"),
        (8.94, "what I'm going to do is I'm going to"),
    ]


def test_a_cue_opening_with_markup_keeps_its_real_time():
    # attribution starts a turn at the first word, after "<i>": the turn is still the cue's, at its time
    text = read("italics.srt")
    parsed = parse_source(text, source="italics.srt")
    reading = cue_text_only(reading_text(text, "srt"), "srt", parsed.turns)
    turns = [Turn(index=0, start_char=parsed.turns[0].start_char, end_char=text.index("ever."), speaker_slug="ted", start_seconds=48.46),
             Turn(index=1, start_char=text.index("He smelled"), end_char=len(text.rstrip()), speaker_slug="robin")]
    assert [(t.speaker_slug, t.start_seconds, t.seconds_estimated) for t in split_at_cues(reading, turns, cue_anchors(parsed))] == [
        ("ted", 48.46, False), ("ted", 52.16, False), ("robin", 56.76, False), ("robin", 58.1, False), ("robin", 60.2, False),
    ]


def test_a_non_speech_cue_left_out_passes_no_time_to_the_next_turn():
    text = read("music_first.vtt")
    annotated = run(text, source="music_first.vtt")
    assert [(t.start_seconds, t.seconds_estimated, text[t.start_char : t.end_char].split("\n")[0]) for t in annotated.turns] == [
        (7.726, False, "- Hi, everyone. Danny here"),
        (11.51, False, "And today I'm going to"),
        (13.95, False, "the elements of a winning"),
    ]


def test_cue_times_are_exact_milliseconds():
    text = "1\n00:00:05,940 --> 00:00:08,290\nOne.\n\n2\n01:02:03,45 --> 01:02:04,100\nTwo.\n"
    parsed = parse_source(text, source="ms.srt")
    assert [(repr(t.start_seconds), repr(t.end_seconds)) for t in parsed.turns] == [("5.94", "8.29"), ("3723.45", "3724.1")]
    vtt = "WEBVTT\n\n00:00:05.940 --> 00:00:08.290\nOne.\n"
    assert [repr(t.start_seconds) for t in parse_source(vtt, source="ms.vtt").turns] == ["5.94"]


def test_youtubes_escaped_change_mark_is_a_change_of_speaker():
    text = read("youtube_auto_escaped_change.vtt")  # "&gt;&gt; I think we might be streaming."
    parsed = parse_source(text, source="youtube_auto_escaped_change.vtt")
    reading = reading_text(text, "webvtt")
    assert [(t.speaker_change, t.start_seconds, " ".join(reading[t.start_char : t.end_char].split())) for t in parsed.turns] == [
        (False, 0.96, "Okay. Are we streaming now?"),
        (True, 2.879, "I think we might be streaming. You want"),
        (False, 4.64, "to double check that, Victor?"),
    ]


def test_a_capitals_label_after_a_change_mark_is_the_speaker():
    for text in ("1\n00:00:01,000 --> 00:00:03,000\n>> SPEAKER 1: Welcome back to the show.\n",
                 "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n&gt;&gt; SPEAKER 1: Welcome back to the show.\n"):
        parsed = parse_source(text, source="label")
        assert cues(text, parsed)[0][1:] == ("SPEAKER 1", 1.0, "Welcome back to the show.")
        assert parsed.turns[0].speaker_change


def test_cues_without_a_header_are_read_as_captions():
    text = read("headerless.vtt")  # YouTube's auto-captions with the "WEBVTT" header left out
    assert detect(text) == "webvtt"
    annotated = run(text, source="headerless.vtt")
    reading = reading_text(text, "webvtt")
    assert annotated.ok
    assert [(t.start_seconds, " ".join(reading[t.start_char : t.end_char].split())) for t in annotated.turns] == [
        (116.432, "And there"), (116.917, "will be no roll call"),
    ]
    srt = "00:00:01,000 --> 00:00:02,000\nNo cue numbers.\n\n00:00:02,000 --> 00:00:03,000\nStill SRT.\n"
    assert detect(srt) == "srt" and [t.start_seconds for t in parse_source(srt, source="n.srt").turns] == [1.0, 2.0]


def test_zoom_labels_with_a_note_in_brackets_and_one_off_speakers_are_speakers():
    text = read("zoom_one_off.vtt")
    parsed = parse_source(text, source="zoom_one_off.vtt")
    assert [(label, body) for _, label, _, body in cues(text, parsed)] == [
        ("Ashlee Kupor (SL)", "Let's do that"),
        ("Dora Demszky", "by, too. We? And then"),
        ("Dora Demszky", "transcribing."),
        ("Matilda Simon", "morning."),  # speaks once, in a file where labels open every cue
        ("Ashlee Kupor (SL)", "Okay, great."),
    ]


def test_whisperx_labels_with_a_confidence_are_speakers():
    text = read("whisperx_confidence.srt")
    annotated = run(text, source="whisperx_confidence.srt")
    assert [(t.speaker_slug, text[t.start_char : t.end_char]) for t in annotated.turns] == [
        ("speaker-00-in-whisperx-confidence", "What you out of here doing man?"),
        ("speaker-00-in-whisperx-confidence", "Come over here and talk to me."),
        ("target-speaker-in-whisperx-confidence", "Whoa, whoa, whoa."),
        ("target-speaker-in-whisperx-confidence", "What's going on?"),
        ("target-speaker-in-whisperx-confidence", "Do you actually believe I have to stand on a public"),
        ("target-speaker-in-whisperx-confidence", "sidewalk?"),
    ]
    reading = cue_text_only(reading_text(text, "srt"), "srt", annotated.turns)
    # the repeated label between one speaker's cues does not cut the sentence
    assert " ".join(reading[annotated.sentences[-1].start_char : annotated.sentences[-1].end_char].split()) == (
        "Do you actually believe I have to stand on a public sidewalk?")


def test_teams_older_short_cue_times_are_read():
    # Microsoft Teams wrote "0:0:0.0 --> 0:0:0.570" (one digit a field) with <v Name> voices; the
    # fraction is whole milliseconds, "5.40" 5.040 s (see the test below)
    text = ("WEBVTT\n\n0:0:0.0 --> 0:0:0.570\n<v Yuri Bakulin>There you go.</v>\n\n"
            "0:0:0.210 --> 0:0:1.130\n<v Adrian Petrescu>Why hello there, Yuri.</v>\n\n"
            "0:1:5.40 --> 0:1:7.0\n<v Yuri Bakulin>Let's start.</v>\n")
    annotated = run(text, source="teams.vtt")
    assert annotated.ok and annotated.format == "webvtt"
    assert [(t.speaker_slug, t.start_seconds) for t in annotated.turns] == [
        ("yuri-bakulin", 0.0), ("adrian-petrescu", 0.21), ("yuri-bakulin", 65.04)]


def test_teams_times_count_whole_milliseconds_and_its_cues_come_in_the_order_they_end():
    # A Teams transcript quoted in a public repository's code (a string of its cues) has
    # "0:0:6.90 --> 0:0:6.500" and "0:0:58.90 --> 0:0:58.360": read as decimals they end before
    # they start, so ".90" is 90 ms. Its cues are listed by their end: "0:0:58.90 --> 0:0:58.360"
    # comes before "0:0:57.420 --> 0:0:59.990", someone's "Yeah." said over the other's sentence.
    # Both were refused (a cue ending before it starts, a cue out of order).
    text = ("WEBVTT\n\n0:0:0.0 --> 0:0:4.560\n<v Nora Quinn>Welcome back. Who is with us today?</v>\n\n"
            "0:0:5.80 --> 0:0:5.400\n<v Pete Olsen>Hello.</v>\n\n"
            "0:0:12.300 --> 0:0:13.90\n<v Nora Quinn>Right.</v>\n\n"
            "0:0:11.900 --> 0:0:18.750\n<v Pete Olsen>My grandfather kept a shed full of tools, so I started early.</v>\n\n"
            "0:0:19.20 --> 0:0:22.500\n<v Nora Quinn>Will the craft survive another generation?</v>\n")
    annotated = run(text, source="teams.vtt")
    assert annotated.ok, annotated.errors
    assert [(t.speaker_slug, t.start_seconds) for t in annotated.turns] == [
        ("nora-quinn", 0.0), ("pete-olsen", 5.08), ("nora-quinn", 12.3), ("pete-olsen", 11.9), ("nora-quinn", 19.02)]
    # elsewhere a cue starting before the one above it is still refused, and so is one that ends earlier
    shuffled = text.replace("0:0:11.900 --> 0:0:18.750", "0:0:11.900 --> 0:0:12.950")
    assert [e.reason for e in run(shuffled, source="teams.vtt").errors] == [
        "cue out of order: starts at 00:00:11.900, before the previous cue's start 00:00:12.300"]
    padded = "WEBVTT\n\n00:00:12.300 --> 00:00:13.900\nRight.\n\n00:00:11.900 --> 00:00:18.750\nMy grandfather.\n"
    assert [e.reason for e in run(padded, source="a.vtt").errors] == [
        "cue out of order: starts at 00:00:11.900, before the previous cue's start 00:00:12.300"]


def test_teams_word_transcripts_name_above_the_words_is_the_speaker():
    # Teams' older transcript as Word holds it: a paragraph per cue, its timing line, the speaker's
    # name alone, then the words, no blank lines (Unstructured-IO/unstructured's
    # example-docs/teams_chat.docx and its test, test_unstructured/partition/test_docx.py). The
    # names were left in the words, and the turns given to an invented host and guest.
    from claims.services import interview_prepare
    from tests import factories

    cues = [("0:0:0.0 --> 0:0:6.120", "Nora Quinn", "Welcome back to the workshop hour. I am talking with a boat builder."),
            ("0:0:6.120 --> 0:0:14.480", "Pete Olsen", "Thanks for having me. I have built small wooden boats for twenty years."),
            ("0:0:15.200 --> 0:0:18.40", "Nora Quinn", "What got you started?"),
            ("0:0:19.100 --> 0:0:30.900", "Pete Olsen", "My grandfather kept a shed full of tools."),
            ("0:0:31.80 --> 0:0:36.150", "Nora Quinn", "Do you think the craft will survive?")]
    data = factories.word_document([[timing, ("br",), name, ("br",), words] for timing, name, words in cues])
    annotated = interview_prepare(data, source="teams.docx")
    assert annotated.format == "webvtt"
    assert [(s.name, s.role) for s in annotated.speakers] == [("Nora Quinn", "host"), ("Pete Olsen", "guest")]
    assert [(t.speaker_slug, t.start_seconds, annotated.source_text[t.start_char:t.end_char]) for t in annotated.turns] == [
        (slug, seconds, words) for (_, name, words), slug, seconds in zip(
            cues, ["nora-quinn", "pete-olsen"] * 2 + ["nora-quinn"], [0.0, 6.12, 15.2, 19.1, 31.08])]
    assert all("Quinn" not in annotated.source_text[s.start_char:s.end_char] for s in annotated.sentences)
    # a caption's first line that is a place, once, stays words
    text = ("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nNew York\nis where I grew up.\n\n"
            "00:00:04.500 --> 00:00:07.000\nThen we moved\nto the coast.\n")
    assert [t.speaker_slug for t in run(text, source="a.vtt").turns] == ["host-in-a", "host-in-a"]


def test_a_voice_name_with_an_escaped_ampersand_is_read_as_written_on_screen():
    # Teams escapes "&" in voice tags, as WebVTT requires: "<v Alex (RESEARCH &amp; SUPPORT)>"
    annotated = run(read("teams_escaped_voice.vtt"), source="teams_escaped_voice.vtt")
    assert annotated.ok
    assert [(s.name, s.role) for s in annotated.speakers] == [("Maria Lopez (R&D)", "host"), ("Priya Raman", "guest")]
    assert [(t.speaker_slug, t.start_seconds) for t in annotated.turns] == [
        ("maria-lopez-r-d", 4.351), ("priya-raman", 6.871), ("maria-lopez-r-d", 10.012)]


def test_highlighted_word_captions_give_each_segment_once_at_its_start():
    # Whisper's, faster-whisper's and WhisperX's --highlight_words: a cue per word, each showing
    # the whole segment with that word underlined
    annotated = run(read("whisperx_highlight.srt"), source="whisperx_highlight.srt")
    assert annotated.ok
    turns = [(t.speaker_slug, t.start_seconds, annotated.source_text[t.start_char:t.end_char]) for t in annotated.turns]
    assert turns == [
        ("speaker-00-in-whisperx-highlight", 0.031, "<u>Welcome</u> back to the show."),
        ("speaker-01-in-whisperx-highlight", 2.115, "<u>Thanks</u> for having me."),
        ("speaker-00-in-whisperx-highlight", 3.8, "<u>So</u> what do you think?"),
    ]


def test_a_highlighted_segment_said_again_after_a_pause_is_kept():
    text = read("whisper_highlight.vtt")
    parsed = parse_source(text, source="whisper_highlight.vtt")
    assert [(t.start_seconds, t.line) for t in parsed.turns] == [(0.0, 4), (2.0, 19)]


def test_a_subtitlers_dashes_mark_the_changes_and_a_cue_without_one_goes_on_in_the_voice_before():
    # subtitles set two voices in one cue as "- " lines; a cue with no dash is the last voice going on.
    # Before, the decoder let such a cue switch voice like any sentence (the last cue went to the host)
    cues = [("- So you moved to Toronto in 2003?", "- That's right, for graduate school."),
            ("I had no idea what I was doing,", "but the lab was exciting."),
            ("- Who did you work with?", "- Geoff, mostly."),
            ("He had a way of asking the one", "question you had not thought about.")]
    text = "".join(f"{i}\n00:00:{2 * i:02d},000 --> 00:00:{2 * i + 1:02d},900\n{a}\n{b}\n\n" for i, (a, b) in enumerate(cues, 1))
    annotated = run(text, source="interview.srt")
    said = [(t.speaker_slug.split("-in-")[0], text[t.start_char:t.end_char].split("\n")[0]) for t in annotated.turns]
    host = said[0][0]
    guest = "guest" if host == "host" else "host"
    assert said == [(host, "- So you moved to Toronto in 2003?"), (guest, "- That's right, for graduate school."),
                    (guest, "I had no idea what I was doing,"), (host, "- Who did you work with?"),
                    (guest, "- Geoff, mostly."), (guest, "He had a way of asking the one")]


def test_a_label_with_its_colon_alone_above_a_cues_words_is_the_speaker():
    # Maestra's Word layout as a transcribee user describes and reproduces it (bugbakery/transcribee
    # issue 443): a timing line, "Speaker X:" alone on the next line, the words below, no WEBVTT header.
    # The labels stayed in the words and attribution split the turns between an invented host and guest.
    text = ("00:00:00.680 --> 00:00:12.800\nSpeaker 1:\nWelcome back to the workshop hour.\n\n"
            "00:00:12.939 --> 00:00:25.940\nSpeaker 2:\nThanks for having me. I build small wooden boats.\n\n"
            "00:00:26.100 --> 00:00:29.000\nSpeaker 1:\nWhat got you started?\n")
    parsed = parse_source(text, source="maestra.txt")
    assert parsed.format == "webvtt" and not parsed.errors
    assert cues(text, parsed) == [
        (3, "Speaker 1", 0.68, "Welcome back to the workshop hour."),
        (7, "Speaker 2", 12.939, "Thanks for having me. I build small wooden boats."),
        (11, "Speaker 1", 26.1, "What got you started?")]


def test_names_in_full_width_brackets_opening_cues_are_speakers():
    # Japanese captions name the speaker in full-width brackets before the words ("（司会）...", a
    # meeting's VTT in a public repository); a note of a sound there ("（笑い）") is no one's name
    text = read("meeting_ja_parenthesised_names.vtt")
    parsed = parse_source(text, source="meeting_ja_parenthesised_names.vtt")
    assert [(label, body) for _, label, _, body in cues(text, parsed)] == [
        ("司会", "皆さん、こんにちは。定例会を始めます。"),
        ("司会", "まず先週の振り返りからお願いします。"),
        ("Ken", "はい。試作品の組み立ては予定どおり終わりました。"),
        (None, "（笑い）そうですね、思ったより早かったです。"),
        ("美咲", "部品の追加注文は昨日出しました。"),
        ("Ken", "では来週は試験に入ります。"),
        ("司会", "ありがとうございました。"),
    ]
    srt = "".join(f"{i}\n00:00:0{i},000 --> 00:00:0{i + 1},000\n{line}\n\n"
                  for i, line in enumerate(["（司会）始めます。", "（Ken）はい。", "(司会)次へ。"], start=1))
    assert [t.speaker_label for t in parse_source(srt, source="ja.srt").turns] == ["司会", "Ken", "司会"]


def test_zoom_display_names_in_lower_case_are_speakers_where_labels_open_the_cues():
    # Zoom writes the name each participant typed ("neha r", a tablet's "iPad (2)"); in a file whose
    # cues open with names, such a label in lower case is a speaker too, not words of the one before
    text = read("zoom_lowercase_names.vtt")
    parsed = parse_source(text, source="zoom_lowercase_names.vtt")
    assert [(label, body) for _, label, _, body in cues(text, parsed)] == [
        ("Priya Natarajan", "Hi everyone, give me a second to share."),
        ("Owen Price", "Sure, no rush."),
        ("neha r", "Hi, good evening."),
        ("Priya Natarajan", "Okay, can you all see the first slide?"),
        (None, "we start with last week's numbers"),
        ("iPad (2)", "Yes, it's visible."),
        ("Owen Price", "Looks good here too."),
    ]
    # where names do not open the cues, a line opening "word: " stays words
    captions = ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nAnn Lee: Hello.\n\n00:00:02.000 --> 00:00:03.000\nAnn Lee: Hi.\n\n"
                + "".join(f"00:00:0{i}.000 --> 00:00:0{i + 1}.000\nwords go on here\n\n" for i in range(3, 7))
                + "00:00:07.000 --> 00:00:08.000\nrule one: never stop\n")
    assert parse_source(captions, source="c.vtt").turns[-1].speaker_label is None


def test_paragraphs_after_a_blank_line_inside_an_srt_cue_are_that_cues_words():
    # a tool writing long answers into SRT keeps their paragraphs, a blank line between them (an
    # interview bot's transcript.srt in a public repository); before, each paragraph was refused as a
    # malformed cue and the file wrote nothing
    text = read("cue_with_paragraphs.srt")
    parsed = parse_source(text, source="cue_with_paragraphs.srt")
    assert not parsed.errors
    assert [(label, seconds, body.split("\n\n")[-1][:30]) for _, label, seconds, body in cues(text, parsed)] == [
        ("Guest", 70.2, "the river project"),
        ("Host", 75.9, "Third, the fish ladder is paid"),
        ("Guest", 91.4, "Thank you, that helps."),
    ]
    broken = "1\n00:00:01,000 --> 00:00:02,000\nHello.\n\n00:00:03,000 -> 00:00:04,000\nNot a timing line.\n"
    assert [str(e) for e in parse_source(broken, source="b.srt").errors] == [
        "b.srt:5: malformed cue (expected a cue number, then 'hh:mm:ss,mmm --> hh:mm:ss,mmm'): '00:00:03,000 -> 00:00:04,000'"]


def test_a_microsoft_vtts_duration_note_is_the_recordings_length():
    # Microsoft Stream's and Azure Video Indexer's captions open with NOTE blocks: the recording's
    # duration, its language, then each cue's confidence (a demo's transcript.vtt in a public repository)
    annotated = run(read("stream_notes.vtt"), source="stream_notes.vtt")
    assert annotated.ok and annotated.metadata.duration_seconds == 761
    assert [t.start_seconds for t in annotated.turns][-1] == 757.2


def test_a_diarisers_speaker_tag_in_brackets_around_an_srt_cues_words_is_the_speaker():
    # a diarising tool's SRT (a Polish meeting in a public repository) writes "[Speaker 0]" after the times
    # on the timing line, no cue numbers; others write the tag alone on the line after the timing line, or
    # leading the words. Before, the tag on the timing line was dropped and the voices guessed, and the
    # tag below it stayed in the cue's words
    text = read("diarised_tag_on_timing_line.srt")
    parsed = parse_source(text, source="diarised_tag_on_timing_line.srt")
    assert not parsed.errors
    assert [(label, seconds, body) for _, label, seconds, body in cues(text, parsed)] == [
        ("Speaker 0", 0.82, "Musimy mówić trochę głośniej."),
        ("Speaker 1", 9.26, "Dobra. Słyszysz mnie teraz?"),
        ("Speaker 0", 12.28, "Tak."),
        ("Speaker 1", 12.79, "Pierwszym krokiem jest zrozumienie, czego potrzebuje klient. Chcemy, żeby to było"),
        ("Speaker 1", 30.76, "wygodne. Zamiast formularzy będzie rozmowa z naszym asystentem."),
        ("Speaker 0", 38.12, "Rozmowa głosowa, tak."),
    ]
    annotated = run(text, source="diarised_tag_on_timing_line.srt")
    assert [(t.speaker_slug.split("-in-")[0], t.start_seconds) for t in annotated.turns] == [
        ("speaker-0", 0.82), ("speaker-1", 9.26), ("speaker-0", 12.28), ("speaker-1", 12.79), ("speaker-1", 30.76),
        ("speaker-0", 38.12)]
    said = [("0", "Dzień dobry wszystkim."), ("1", "Dzień dobry, dziękuję."), ("0", "Zacznijmy od pytania."),
            ("1", "Dobrze, pytaj.")]
    for tag, label, sep in (("[Speaker {}]", "Speaker {}", "\n"), ("[SPEAKER_0{}]:", "SPEAKER_0{}", "\n"),
                            ("[Speaker {}]", "Speaker {}", " ")):
        srt = "".join(f"{i}\n00:00:0{i},000 --> 00:00:0{i + 1},000\n{tag.format(n)}{sep}{words}\n\n"
                      for i, (n, words) in enumerate(said, start=1))
        assert [(speaker, body) for _, speaker, _, body in cues(srt, parse_source(srt, source="s.srt"))] == [
            (label.format(n), words) for n, words in said], (tag, sep)


def test_a_subtitlers_dash_written_close_to_the_words_is_a_change_of_voice():
    # Spanish, French and Italian subtitles often write the dialogue dash without a space ("-¿Vienes?" /
    # "-Ahora voy."). Before, only "- " was a mark, so both voices of such a cue stayed one turn
    text = read("dialogue_dashes_unspaced.srt")
    annotated = run(text, source="dialogue_dashes_unspaced.srt")
    said = [(t.speaker_slug.split("-in-")[0], t.start_seconds, text[t.start_char:t.end_char]) for t in annotated.turns]
    asking = said[2][0]  # the voice of the first dashed line; the line dashed below it is the other voice
    assert {speaker for speaker, _, _ in said} == {"host", "guest"}
    assert [(speaker == asking, seconds, words) for speaker, seconds, words in said[2:]] == [
        (True, 7.4, "-¿Vienes conmigo a la estación?"),
        (False, 8.3, "-Dentro de un minuto."),
        (False, 9.8, "Antes tengo que encontrar las llaves del coche."),
        (False, 13.1, "Estaban en la cocina la última vez."),
        (True, 16.2, "-¿Y el billete?"),
        (False, 16.8, "-Lo llevo en el bolsillo."),
    ]
    # a minus before a number opening a line is no dash of dialogue
    assert "mark" not in attribution_units("-5 degrees tonight.\n-3 tomorrow.", parse_source(
        "-5 degrees tonight.\n-3 tomorrow.", source="t.txt", fmt="plain"), []).kinds[1:]


def test_google_meets_bracketed_names_are_speakers_and_a_second_voice_inside_a_cue_is_its_own_turn():
    # Google Meet's recorded captions put the speaker's name in brackets alone above the words, and where a
    # second voice comes in during a cue, a line "-", a line of a space and that voice's name (a public
    # repository's notes on converting them). Before, the names stayed in the words, the second voice stayed
    # in the first one's turn, and the speakers were a guessed Host and Guest
    text = read("google_meet_names.vtt")
    parsed = parse_source(text, source="google_meet_names.vtt")
    assert not parsed.errors
    assert [(line, label, seconds, body) for line, label, seconds, body in cues(text, parsed)] == [
        (5, "Maya Torres", 8.0, "I wanted to begin with a little background so we know who we are"),
        (9, "Maya Torres", 12.0, "talking to. So what is your"),
        (13, "Maya Torres", 16.0, "background?"),
        (17, "Sam Okafor", 16.0, "professionally or personally"),
        (21, "Maya Torres", 20.0, "let us start with professionally if"),
        (25, "Sam Okafor", 20.0, "or both"),
        (29, "Sam Okafor", 24.0, "I trained as a nurse and then moved into hospital planning."),
        (33, "Maya Torres", 28.0, "(laughs) that is quite a move"),
    ]
    annotated = run(text, source="google_meet_names.vtt")
    assert [s.name for s in annotated.speakers] == ["Maya Torres", "Sam Okafor"]
    assert [(t.speaker_slug.split("-")[0], t.start_seconds) for t in annotated.turns] == [
        ("maya", 8.0), ("maya", 12.0), ("maya", 16.0), ("sam", 16.0), ("maya", 20.0), ("sam", 20.0), ("sam", 24.0),
        ("maya", 28.0)]
    # the same converted to SRT; a cue opening with a note in brackets is no one's name
    srt = "1\n00:00:01,000 --> 00:00:03,000\n(DF)\nWhat do you do?\n-\n \n(DB)\nI teach.\n\n" \
          "2\n00:00:03,000 --> 00:00:05,000\n(DB)\nMostly maths.\n\n3\n00:00:05,000 --> 00:00:06,000\n(laughter)\nReally?\n\n" \
          "4\n00:00:06,000 --> 00:00:07,000\n(DF)\nThat sounds fun.\n"
    assert [(label, body) for _, label, _, body in cues(srt, parse_source(srt, source="meet.srt"))] == [
        ("DF", "What do you do?"), ("DB", "I teach."), ("DB", "Mostly maths."), (None, "(laughter)\nReally?"),
        ("DF", "That sounds fun.")]


def test_a_name_alone_above_an_srt_cues_words_is_the_speaker_as_in_webvtt():
    # the name-above-the-words layout WebVTT already reads (Teams' older transcripts, Maestra), saved as SRT;
    # before, the names stayed in the words and the voices were guessed
    said = [("Nora Quinn", "Welcome back to the workshop hour."), ("Pete Olsen", "Thanks for having me."),
            ("Nora Quinn", "What got you started?"), ("Pete Olsen", "My grandfather kept a shed full of tools.")]
    text = "".join(f"{i}\n00:00:0{2 * i},000 --> 00:00:0{2 * i + 1},500\n{name}\n{words}\n\n" for i, (name, words) in enumerate(said, 1))
    parsed = parse_source(text, source="names.srt")
    assert [(line, label, seconds, body) for line, label, seconds, body in cues(text, parsed)] == [
        (5 * i - 1, name, 2.0 * i, words) for i, (name, words) in enumerate(said, 1)]


def test_a_diarisers_tag_heard_once_is_a_speaker_and_untagged_cues_go_on_in_the_voice_before():
    # a captions library writes "[Speaker N]" above a cue's words only where the voice changes; a third voice
    # heard once was tagged once, and a name that labels one cue was taken for words
    cues_said = [("[Speaker 0]\n", "Welcome back, everyone."), ("", "Today we talk about boats."),
                 ("[Speaker 1]\n", "Thanks for having me."), ("[Speaker 2]\n", "Can I ask one thing first?"),
                 ("[Speaker 0]\n", "Of course, go ahead.")]
    text = "".join(f"{i}\n00:00:0{i},000 --> 00:00:0{i + 1},000\n{tag}{words}\n\n" for i, (tag, words) in enumerate(cues_said, 1))
    parsed = parse_source(text, source="changes.srt")
    assert [(label, body) for _, label, _, body in cues(text, parsed)] == [
        ("Speaker 0", "Welcome back, everyone."), (None, "Today we talk about boats."), ("Speaker 1", "Thanks for having me."),
        ("Speaker 2", "Can I ask one thing first?"), ("Speaker 0", "Of course, go ahead.")]
    annotated = run(text, source="changes.srt")
    assert [t.speaker_slug.split("-in-")[0] for t in annotated.turns] == [
        "speaker-0", "speaker-0", "speaker-1", "speaker-2", "speaker-0"]


def test_a_voice_tag_inside_a_cue_starts_a_turn_of_its_own_with_the_cues_times():
    # a research interview's WebVTT (no header): the second voice comes in on the cue's next line or mid-line
    text = read("voice_changes_inside_cues.vtt")
    parsed = parse_source(text, source="voice_changes_inside_cues.vtt")
    assert [(label, seconds, body) for _, label, seconds, body in cues(text, parsed)] == [
        ("ASK", 1.0, "Is the tape running?"),
        (None, 2.4, "I think the red light means"),
        ("TELL", 2.4, "it is, yes."),
        ("ASK", 4.8, "Good. Where did you grow up?"),
        (None, 6.0, "By the river,"),
        ("TELL", 6.0, "near the old mill."),
        ("ASK", 8.5, "Oh, nice."),
    ]
    lines = text.splitlines()
    assert all(body.splitlines()[0] in lines[line - 1] for line, _, _, body in cues(text, parsed))


def test_a_change_mark_opening_a_later_line_of_a_cue_is_a_second_voice_and_names_it_even_once():
    # an edited Stream transcript: "&gt;&gt; Name: " marks each change, one name heard once
    text = read("escaped_change_marks_inside_cues.vtt")
    parsed = parse_source(text, source="escaped_change_marks_inside_cues.vtt")
    assert [(label, seconds, body) for _, label, seconds, body in cues(text, parsed)] == [
        ("Rowan", 1.0, "You should be live now."),
        ("Petra", 3.0, "Thanks, welcome back to the review."),
        (None, 5.0, "Today we look at the parser change."),
        ("Idris", 7.0, "Is that the one with the tables?"),
        (None, 9.5, "It only touches the header row."),
        ("Petra", 9.5, "Right, thank you."),
        ("Idris", 12.0, "Happy to help."),
    ]
    assert [t.speaker_change for t in parsed.turns] == [True, True, False, True, False, True, True]


def test_a_change_mark_opening_a_later_line_of_an_srt_cue_is_a_second_voice():
    text = read("change_marks_inside_srt_cues.srt")
    parsed = parse_source(text, source="change_marks_inside_srt_cues.srt")
    assert [(seconds, body) for _, _, seconds, body in cues(text, parsed)] == [
        (1.0, "WELCOME BACK TO THE SHOW."),
        (3.0, "THANK YOU FOR HAVING ME."),
        (3.0, "LET'S START WITH THE BRIDGE."),
        (5.5, "IT OPENED IN MAY."),
    ]
    assert all(t.speaker_change for t in parsed.turns)
    annotated = run(text, source="change_marks_inside_srt_cues.srt")
    speakers = [t.speaker_slug for t in annotated.turns]
    assert speakers[1] != speakers[2]


def test_a_talk_whose_one_voice_says_my_name_is_is_that_persons_not_an_unnamed_guests():
    # a conference talk's captions: one voice, which names itself in its second cue
    text = read("self_introduced_talk.srt")
    annotated = run(text, source="self_introduced_talk.srt")
    names = {sp.slug: sp.name for sp in annotated.speakers}
    assert {names[t.speaker_slug] for t in annotated.turns} == {"Mara Ostrowski"}
    assert [sp.name for sp in annotated.speakers] == ["Mara Ostrowski"]
