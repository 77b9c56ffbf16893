import datetime as dt
import json
import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from claims.models import Chapter, Claim, Interview, Speaker, Turn, latest_today

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = ROOT / "tests" / "data"


def ingest(*args, **options):
    options.setdefault("no_extract", True)  # extraction has its own tests; keep these fast
    out, err = StringIO(), StringIO()
    call_command("ingest", *map(str, args), stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def ingest_failing(*args, **options):
    err = StringIO()
    with pytest.raises(CommandError) as error:
        call_command("ingest", *map(str, args), stdout=StringIO(), stderr=err, **options)
    return str(error.value), err.getvalue()


def test_the_seeds_ingest_with_their_metadata_and_chapters():
    out, _ = ingest(SEEDS)
    assert out.count("created") == 3
    eye, lunar, lex = (Interview.objects.get(slug=slug) for slug in (
        "eye-on-ai-ilya-sutskever", "lunar-society-ilya-sutskever", "lex-fridman-podcast-94-ilya-sutskever"))
    assert (eye.show, eye.published, eye.published_precision) == ("Eye on AI", dt.date(2023, 1, 1), "year")
    assert (lunar.published, lunar.published_precision, lunar.video_id, lunar.duration_seconds) == (
        dt.date(2023, 3, 27), "day", "Yf1o0TQzry8", 2861)
    assert lunar.link == "https://www.youtube.com/watch?v=Yf1o0TQzry8"
    assert (lex.published, lex.video_id, lex.source_format) == (dt.date(2020, 5, 8), "13CZPWmke6A", "chaptered")
    for interview, host in ((eye, "craig-smith"), (lunar, "dwarkesh-patel"), (lex, "lex-fridman")):
        roles = dict(interview.participations.values_list("speaker__slug", "role"))
        assert roles == {host: "host", "ilya-sutskever": "guest"}
        assert interview.source_text == (SEEDS / interview.source_name).read_bytes().decode("utf-8")
    assert Chapter.objects.filter(interview=lex).count() == 18
    lex_turns = Turn.objects.filter(interview=lex)
    assert lex_turns.exists() and not lex_turns.filter(start_seconds__isnull=True).exists()
    assert not lex_turns.filter(seconds_estimated=False).exists()
    assert not Turn.objects.filter(interview=eye, start_seconds__isnull=False).exists()  # nothing to anchor on
    assert "Ilya switzerberger" in Speaker.objects.get(slug="ilya-sutskever").aliases


def test_no_turn_of_the_scraped_page_covers_its_comments_or_info_block():
    ingest(SEEDS / "001_4ce4f833089e0e5e.txt")
    lunar = Interview.objects.get()
    text = lunar.source_text
    captions, info = text.index("Captions\n") + len("Captions\n"), text.index("\nInfo\nChannel:")
    for start, end in Turn.objects.filter(interview=lunar).values_list("start_char", "end_char"):
        assert captions <= start < end <= info + 1


def test_reingesting_a_seed_changes_nothing():
    ingest(SEEDS)
    turns = list(Turn.objects.values_list("interview__slug", "index", "start_char", "speaker__slug"))
    out, _ = ingest(SEEDS)
    assert out.count("unchanged") == 3 and "created" not in out
    assert list(Turn.objects.values_list("interview__slug", "index", "start_char", "speaker__slug")) == turns


def test_a_file_stored_before_is_not_parsed_again_unless_another_format_is_forced(monkeypatch):
    from claims.management.commands import ingest as command

    ingest(SEEDS / "002_a252ec61e314f82f.txt", DATA / "whisper.srt")
    parsed = []
    real_prepare = command.interview_prepare
    monkeypatch.setattr(command, "interview_prepare", lambda data, **kw: parsed.append(kw["source"]) or real_prepare(data, **kw))
    out, _ = ingest(SEEDS / "002_a252ec61e314f82f.txt", DATA / "whisper.srt")
    assert out.count("unchanged") == 2 and parsed == []  # before, both files went through the whole pipeline again
    assert _summary_cells(out, "whisper.srt")[:2] == ["srt", Interview.objects.get(source_format="srt").slug]
    out, _ = ingest(DATA / "whisper.srt", dry_run=True)
    assert "unchanged (dry run)" in out and parsed == []
    out, _ = ingest(DATA / "whisper.srt", format="srt")  # the stored reading: still nothing to parse
    assert "unchanged" in out and parsed == []
    _, err = ingest_failing(DATA / "whisper.srt", format="webvtt")  # another reading: parsed, and refused as before
    assert parsed == [str(DATA / "whisper.srt")] and "whisper.srt" in err and Interview.objects.count() == 2


def test_ingestion_proposes_claims_unless_told_not_to():
    ingest(SEEDS / "001_4ce4f833089e0e5e.txt", no_extract=True)
    assert not Claim.objects.exists()
    out, _ = ingest(SEEDS / "002_a252ec61e314f82f.txt", no_extract=False)
    proposals = Claim.objects.filter(interview__slug="lex-fridman-podcast-94-ilya-sutskever")
    assert proposals.count() > 20
    assert set(proposals.values_list("status", "origin").distinct()) == {("proposed", "extracted")}
    for claim in proposals:
        assert claim.quote == claim.interview.source_text[claim.start_char:claim.end_char]


def test_dry_run_parses_and_writes_nothing():
    out, _ = ingest(SEEDS, dry_run=True)
    assert out.count("parsed (dry run)") == 3
    assert not Interview.objects.exists() and not Speaker.objects.exists()


def test_options_override_the_manifest():
    ingest(SEEDS / "000_5e2d2378550aa81c.txt", published="2023-03-15", title="Eye on AI #118")
    eye = Interview.objects.get()
    assert (eye.published, eye.published_precision, eye.title) == (dt.date(2023, 3, 15), "day", "Eye on AI #118")


def test_a_published_date_after_today_is_refused_in_one_line_and_writes_nothing(tmp_path):
    today = latest_today()
    tomorrow = today + dt.timedelta(days=1)
    message, _ = ingest_failing(SEEDS / "000_5e2d2378550aa81c.txt", published=tomorrow.isoformat())
    assert message == f"--published: Published on {tomorrow}, after today ({today})."
    later_year = str(today.year + 2)  # year precision: the year's first day (+2: on 31 December +1 may have begun)
    message, _ = ingest_failing(SEEDS / "000_5e2d2378550aa81c.txt", published=later_year)
    assert message == f"--published: Published in {later_year}, after today ({today})."  # as said, not its first day
    message, _ = ingest_failing(SEEDS / "000_5e2d2378550aa81c.txt", published=f"{later_year}-03")
    assert message == f"--published: Published in {later_year}-03, after today ({today})."
    shutil.copy(DATA / "interview_labels.txt", tmp_path / "talk.txt")
    (tmp_path / "manifest.json").write_text(f'{{"talk.txt": {{"published": "{tomorrow}"}}}}', encoding="utf-8")
    message, err = ingest_failing(tmp_path / "talk.txt")
    assert message == "1 of 1 file(s) failed; those wrote nothing"
    assert err.splitlines()[0] == f"{tmp_path / 'talk.txt'}: Published on {tomorrow}, after today ({today})."
    assert not Interview.objects.exists() and not Speaker.objects.exists()


def test_this_month_said_as_a_month_is_not_after_today():
    # stored as the month's first day, which has come: "in 2026-12" said on 7 December is no future date
    this_month = f"{latest_today():%Y-%m}"
    ingest(SEEDS / "000_5e2d2378550aa81c.txt", published=this_month)
    interview = Interview.objects.get()
    assert (interview.published.isoformat()[:7], interview.published_precision) == (this_month, "month")


def test_a_published_date_that_is_today_east_of_utc_is_accepted():
    # an interview published in Tokyo this morning may carry tomorrow's UTC date: today somewhere
    # on Earth is not the future
    east = latest_today()
    assert east >= dt.datetime.now(dt.timezone.utc).date()
    ingest(SEEDS / "000_5e2d2378550aa81c.txt", published=east.isoformat())
    assert Interview.objects.get().published == east


def test_a_labelled_transcript_takes_hosts_and_guests_from_options(tmp_path):
    ingest(DATA / "interview_labels.txt", host=["Ann Host"], guest=["Bo Guest"])
    interview = Interview.objects.get()
    assert interview.source_format == "labelled" and interview.turns.count() > 1


def test_a_failing_file_leaves_no_trace_and_the_others_still_go_in(tmp_path):
    shutil.copy(SEEDS / "000_5e2d2378550aa81c.txt", tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_text("   \n\t\n")
    message, err = ingest_failing(tmp_path)
    assert message == "1 of 2 file(s) failed; those wrote nothing"
    assert f"{tmp_path / 'empty.txt'}: file contains only whitespace" in err
    assert Interview.objects.count() == 1


def bad_file(tmp_path, name, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n \n", "file contains only whitespace"),
        ("binary.txt", b"PK\x03\x04\x00\x00binary", "binary content"),
        ("latin1.txt", "Caf\xe9 au lait, na\xefve r\xe9sum\xe9.".encode("latin-1"), "not valid UTF-8"),
    ],
)
def test_unreadable_files_get_one_line_naming_file_and_reason(tmp_path, name, content, reason):
    path = bad_file(tmp_path, name, content)
    _, err = ingest_failing(path)
    line = err.strip()
    assert "\n" not in line and line.startswith(str(path)) and reason in line
    assert not Interview.objects.exists()


def test_a_missing_path_and_a_folder_without_transcripts_are_refused(tmp_path):
    (tmp_path / "notes.xlsx").write_bytes(b"PK\x03\x04")
    _, err = ingest_failing(tmp_path / "nope.txt", tmp_path)
    assert f"{tmp_path / 'nope.txt'}: no such file or directory" in err
    assert f"{tmp_path}: directory contains no transcript files" in err


def test_a_file_over_the_size_limit_is_refused(tmp_path):
    path = bad_file(tmp_path, "big.txt", b"word " * 300)
    _, err = ingest_failing(path, max_bytes=1000)
    assert f"{path}: file is 1500 bytes, over the size limit of 1000 bytes" in err


@pytest.mark.parametrize("name", ["broken.vtt", "broken.srt"])
def test_malformed_or_out_of_order_cues_are_refused_with_their_line(name):
    _, err = ingest_failing(DATA / name)
    assert f"{name}:6: malformed" in err and "out of order" in err
    assert not Interview.objects.exists()


def test_a_forced_format_that_does_not_match_is_refused():
    _, err = ingest_failing(DATA / "plain.txt", format="webvtt")
    assert "plain.txt" in err and "webvtt" in err.lower()
    assert not Interview.objects.exists()


def test_utf16_with_bom_is_decoded(tmp_path):
    text = (DATA / "interview_labels.txt").read_text(encoding="utf-8")
    path = bad_file(tmp_path, "utf16.txt", text.encode("utf-16"))
    ingest(path)
    assert Interview.objects.get().source_text == text


def test_claims_from_youtube_auto_captions_quote_the_source_and_state_words(tmp_path):
    # seed 000's words as the rolling auto-captions yt-dlp saves: the stored quotes are the
    # source's own characters, tags and all; the statements read words
    from tests.factories import youtube_auto_captions

    path = tmp_path / "eye-on-ai.vtt"
    path.write_text(youtube_auto_captions((SEEDS / "000_5e2d2378550aa81c.txt").read_text(encoding="utf-8").split()), encoding="utf-8")
    ingest(path, host=["Craig Smith"], guest=["Ilya Sutskever"], no_extract=False)
    claims = list(Claim.objects.select_related("interview"))
    assert len(claims) > 20
    assert any("<c>" in c.quote for c in claims)
    for claim in claims:
        assert claim.quote == claim.interview.source_text[claim.start_char:claim.end_char]
        assert "<" not in claim.statement and "</c>" not in claim.statement, claim.statement


def test_the_summary_counts_spoken_words_not_cue_timings_or_tags():
    # youtube_auto.vtt says "welcome back to the show / today we talk about robots / what do
    # you think": 14 words, among timing lines, rolling repeats and <c> tags
    out, _ = ingest(DATA / "youtube_auto.vtt", dry_run=True)
    row = next(line for line in out.splitlines() if "youtube_auto.vtt" in line)
    assert [cell.strip() for cell in row.split("│")][2:7] == ["webvtt", "youtube-auto", "3", "2", "14"]


def _summary_cells(out: str, name: str) -> list[str]:
    row = next(line for line in out.splitlines() if name in line)
    return [cell.strip() for cell in row.split("│")][2:8]


def test_a_file_stored_before_shows_what_the_database_holds_not_this_runs_parse():
    ingest(DATA / "interview_labels.txt")
    interview = Interview.objects.get()
    # as an older parser stored it: the whole text one plain turn of the first speaker
    first = interview.turns.get(index=0)
    interview.turns.exclude(pk=first.pk).delete()
    Turn.objects.filter(pk=first.pk).update(start_char=0, end_char=len(interview.source_text.rstrip()))
    Interview.objects.filter(pk=interview.pk).update(source_format="plain")
    words = len(interview.source_text.split())
    # before, both rows said "labelled", 4 turns and the labelled words (the labels left out)
    assert _summary_cells(ingest(DATA / "interview_labels.txt")[0], "interview_labels.txt") == [
        "plain", interview.slug, "1", "2", str(words), "0"]
    assert _summary_cells(ingest(DATA / "interview_labels.txt", dry_run=True)[0], "interview_labels.txt") == [
        "plain", interview.slug, "1", "2", str(words), "0"]


def test_claims_from_srt_cues_run_across_cues_and_keep_cue_times(tmp_path):
    # seed 001's words cut into 8-word SRT cues: proposals may run from one cue into the next;
    # the quote is then the file's own text, cue number and timing line included, the statement
    # the words only; each claim's time lies within the cue where it starts
    from tests.factories import srt_captions

    words = (SEEDS / "001_4ce4f833089e0e5e.txt").read_text(encoding="utf-8").split("Captions\n", 1)[1].split("\nInfo")[0].split()
    path = tmp_path / "lunar.srt"
    path.write_text(srt_captions(words), encoding="utf-8")
    ingest(path, host=["Dwarkesh Patel"], guest=["Ilya Sutskever"], no_extract=False)
    claims = list(Claim.objects.select_related("interview"))
    across = [c for c in claims if "-->" in c.quote]
    assert len(claims) > 50 and len(across) > len(claims) // 2
    for claim in claims:
        assert claim.quote == claim.interview.source_text[claim.start_char:claim.end_char]
        assert "-->" not in claim.statement and not re.search(r"\d\d:\d\d:\d\d", claim.statement), claim.statement
        cue = round((claim.interview.source_text.count("-->", 0, claim.start_char) - 1) * 3.2, 1)
        assert cue <= claim.start_seconds <= cue + 3.2


def test_a_saved_html_page_is_stored_as_its_text_and_claims_quote_that_text(tmp_path):
    # the stored transcript is the page as a reader sees it (no tags, references as characters);
    # the sha256 is the raw file's, so the same page again is a no-op
    import hashlib

    from claims.ingest.html import read_page

    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(DATA / "podcast_page.html", folder / "ep14.html")
    (folder / "style.css").write_text("p { color: red }")
    out, _ = ingest(folder, no_extract=False)  # a folder's .html files are transcripts too
    interview = Interview.objects.get()
    raw = (DATA / "podcast_page.html").read_bytes()
    assert interview.source_text == read_page(raw.decode("utf-8")).text
    assert interview.sha256 == hashlib.sha256(raw).hexdigest()
    assert (interview.title, interview.show, interview.published, interview.published_precision) == (
        "Ep. 14: Grid Storage with Priya Raman", "Charged Up", dt.date(2023, 6, 8), "day")
    assert interview.link == "https://chargedup.example/episodes/14-grid-storage/" and interview.video_id == "dQw4w9WgXcQ"
    assert interview.turns.count() == 7
    claims = list(Claim.objects.all())
    assert claims and all(c.quote == interview.source_text[c.start_char:c.end_char] for c in claims)
    assert any("halve by 2030" in c.quote for c in claims)
    assert not any("&" in c.quote or "<" in c.quote for c in claims)
    again, _ = ingest(folder / "ep14.html")
    assert "unchanged" in again and Interview.objects.count() == 1


def test_an_html_page_with_no_text_but_its_chrome_is_refused_and_leaves_nothing(tmp_path):
    path = bad_file(tmp_path, "chrome.html", b"<!DOCTYPE html><html><body><nav>Home</nav><footer>(c)</footer></body></html>")
    message, err = ingest_failing(path)
    assert err.strip() == f"{path}: HTML page has no text outside its scripts, navigation, header, footer and comments"
    assert not Interview.objects.exists()


def test_a_word_document_is_stored_as_its_text_and_goes_in_once(tmp_path):
    import hashlib

    from claims.ingest.read import decode_bytes
    from tests.factories import rev_style_docx

    data = rev_style_docx()
    path = bad_file(tmp_path, "episode-14.docx", data)
    out, _ = ingest(tmp_path, no_extract=False)
    interview = Interview.objects.get()
    assert interview.source_text == decode_bytes(data, source="x") and interview.sha256 == hashlib.sha256(data).hexdigest()
    assert interview.source_format == "labelled" and interview.turns.count() == 6
    assert all(c.quote == interview.source_text[c.start_char:c.end_char] for c in Claim.objects.all())
    assert "unchanged" in ingest(path)[0] and Interview.objects.count() == 1


def test_a_zip_that_is_not_a_word_document_is_refused_and_leaves_nothing(tmp_path):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes/readme.txt", "hello")
    path = bad_file(tmp_path, "notes.docx", buffer.getvalue())
    _, err = ingest_failing(path)
    assert err.strip() == f"{path}: a ZIP archive but not a Word or OpenDocument text document (no word/document.xml, no content.xml)"
    assert not Interview.objects.exists()


def test_a_recognisers_json_named_on_the_command_line_goes_in_with_the_names_given(tmp_path):
    # a folder's .json files are not transcripts (manifest.json lives there); a named one is read
    shutil.copy(DATA / "assemblyai.json", tmp_path / "episode-14.json")
    ingest_failing(tmp_path)  # nothing else in the folder: "no transcript files"
    ingest(tmp_path / "episode-14.json", host=["Maria Lopez"], guest=["Priya Raman"])
    interview = Interview.objects.get()
    assert interview.source_format == "labelled"
    assert interview.source_text.startswith("[00:00:00.250] Speaker A: Welcome to Charged Up.")
    turns = list(interview.turns.order_by("start_char").values_list("speaker__slug", "start_seconds"))
    assert turns == [("maria-lopez", 0.25), ("priya-raman", 7.05), ("maria-lopez", 11.2), ("priya-raman", 14.4)]
    assert interview.duration_seconds == 21  # AssemblyAI's audio_duration


def test_the_summary_names_what_held_the_text_beside_its_format(tmp_path, monkeypatch):
    from tests.factories import html_transcript_page, rev_style_docx
    from tests.pdfs import labelled_interview_pdf

    monkeypatch.chdir(tmp_path)  # short paths in the table
    (tmp_path / "page.html").write_text(html_transcript_page([("Ann", "Hello there."), ("Bo", "Hi, Ann.")]), encoding="utf-8")
    (tmp_path / "episode.docx").write_bytes(rev_style_docx())
    (tmp_path / "printed.pdf").write_bytes(labelled_interview_pdf())
    shutil.copy(DATA / "assemblyai.json", tmp_path / "episode-14.json")
    (tmp_path / "plain.txt").write_text("Ann: Hello there.\nBo: Hi, Ann.\n", encoding="utf-8")
    # the Word document and the PDF are one episode's: the same title, so the same slug unless given one
    (tmp_path / "manifest.json").write_text('{"printed.pdf": {"slug": "grid-storage-printed"}}', encoding="utf-8")
    out, _ = ingest(".", "episode-14.json", dry_run=True)
    rows = {line.split("│")[1].strip(): line.split("│")[2].strip() for line in out.splitlines() if line.count("│") > 3}
    formats = {Path(name).stem: fmt for name, fmt in rows.items() if name != "file"}
    assert formats == {"page": "labelled (html)", "episode": "labelled (docx)", "episode-14": "labelled (json)",
                       "printed": "labelled (pdf)", "plain": "labelled"}
    assert not Interview.objects.exists()


def test_a_pdf_is_stored_as_its_pages_text_and_goes_in_once(tmp_path):
    import hashlib

    from claims.ingest.read import decode_bytes
    from tests.pdfs import labelled_interview_pdf

    data = labelled_interview_pdf()
    path = bad_file(tmp_path, "episode-14.pdf", data)
    out, _ = ingest(path, no_extract=False)
    assert "labelled (pdf)" in out
    interview = Interview.objects.get()
    assert interview.source_text == decode_bytes(data, source="x") and interview.sha256 == hashlib.sha256(data).hexdigest()
    assert interview.source_format == "labelled" and interview.turns.count() == 6
    assert "Page 1 of 2" not in interview.source_text
    assert all(c.quote == interview.source_text[c.start_char:c.end_char] for c in Claim.objects.all())
    assert "unchanged" in ingest(path)[0] and Interview.objects.count() == 1


@pytest.mark.parametrize("kind", ["encrypted", "scan", "damaged"])
def test_a_pdf_with_no_readable_text_is_refused_in_one_line_and_leaves_nothing(tmp_path, kind):
    from tests.pdfs import encrypted_pdf, labelled_interview_pdf, pdf_document

    data, reason = {
        "encrypted": (encrypted_pdf(labelled_interview_pdf(), user_password="secret"),
                      "encrypted PDF: it needs a password to open; save an unlocked copy"),
        "scan": (pdf_document(["drawing"]), "PDF has no text layer (a scan or images only); OCR it first"),
        "damaged": (b"%PDF-1.7\n1 0 obj\n<<", "damaged PDF, cannot be read: "),
    }[kind]
    path = bad_file(tmp_path, "hearing.pdf", data)
    message, err = ingest_failing(path)
    assert err.strip().startswith(f"{path}: {reason}") and len(err.strip().splitlines()) == 1
    assert message == "1 of 1 file(s) failed; those wrote nothing"
    assert not Interview.objects.exists()


LECTURE = (
    "Thank you all for coming. Today I want to talk about simplicity. What is simple? Simple means one fold, "
    "one braid. Easy is near at hand, familiar. We confuse the two all the time.\n\n"
    "So why does it matter? Because we can only hope to make reliable those things we understand. "
    "And we can only consider a few things at a time. Thank you.\n"
)


def test_single_speaker_gives_every_word_of_an_unlabelled_talk_to_one_speaker(tmp_path):
    (tmp_path / "talk.txt").write_text(LECTURE, encoding="utf-8")
    (tmp_path / "other.txt").write_text(LECTURE.replace("simplicity", "complexity"), encoding="utf-8")
    ingest(tmp_path / "talk.txt", guest=["Rich Hickey"], single_speaker=True)
    talk = Interview.objects.get()
    assert [(p.speaker.name, p.role) for p in talk.participations.all()] == [("Rich Hickey", "guest")]
    assert {t.speaker.name for t in talk.turns.all()} == {"Rich Hickey"}
    ingest(tmp_path / "other.txt", single_speaker=True)  # nobody named: one "Speaker"
    other = Interview.objects.exclude(pk=talk.pk).get()
    assert [(p.speaker.name, p.role) for p in other.participations.all()] == [("Speaker", "guest")]


def test_single_speaker_leaves_a_labelled_transcript_to_its_labels():
    ingest(DATA / "interview_labels.txt", single_speaker=True)
    assert Interview.objects.get().participations.count() == 2


def test_single_speaker_in_a_manifest_must_be_true_or_false(tmp_path):
    (tmp_path / "talk.txt").write_text(LECTURE, encoding="utf-8")
    (tmp_path / "manifest.json").write_text('{"talk.txt": {"single_speaker": "yes"}}', encoding="utf-8")
    message, err = ingest_failing(tmp_path / "talk.txt")
    assert "single_speaker 'yes' is not true or false" in err and not Interview.objects.exists()
    (tmp_path / "manifest.json").write_text('{"talk.txt": {"single_speaker": true, "guests": ["Rich Hickey"]}}', encoding="utf-8")
    ingest(tmp_path / "talk.txt")
    assert [p.speaker.name for p in Interview.objects.get().participations.all()] == ["Rich Hickey"]


def test_a_folders_transcript_tables_go_in_and_the_summary_names_the_table(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(DATA / "tables" / "premiere.csv", tmp_path / "premiere.csv")
    shutil.copy(DATA / "tables" / "segments.jsonl", tmp_path / "segments.jsonl")
    (tmp_path / "episodes.csv").write_text("title,published,notes\nEp 1,2024-01-01,first\n", encoding="utf-8")
    (tmp_path / "manifest.json").write_text('{"premiere.csv": {"title": "Seed banks"}}', encoding="utf-8")
    out, _ = ingest(".")
    rows = {line.split("│")[1].strip(): line.split("│")[2].strip() for line in out.splitlines() if line.count("│") > 3}
    assert {Path(name).name: fmt for name, fmt in rows.items() if name != "file"} == {
        "premiere.csv": "labelled (csv)", "segments.jsonl": "timed_lines (jsonl)"}
    interview = Interview.objects.get(title="Seed banks")
    assert interview.source_text.startswith("[00:00:00.100] Maya Lind: Hi, Tom.")
    assert list(interview.turns.order_by("start_char").values_list("speaker__name", flat=True)) == [
        "Maya Lind", "Tom Okafor", "Maya Lind", "Tom Okafor"]


@pytest.mark.parametrize("name, fmt", [("podcast_aegisub.ass", "ass"), ("radio_interview.smi", "sami"), ("interview.sub", "microdvd")])
def test_a_folder_of_caption_files_in_the_newer_formats_goes_in_with_claims_quoted_from_the_file(tmp_path, name, fmt):
    shutil.copy(DATA / name, tmp_path / name)
    ingest(tmp_path, no_extract=False)
    interview = Interview.objects.get()
    assert interview.source_format == fmt and interview.source_text == (DATA / name).read_text(encoding="utf-8")
    turns = list(interview.turns.order_by("index"))
    assert turns and all(t.start_seconds is not None and not t.seconds_estimated for t in turns)
    # the Aegisub file's claims quote its text as it is, "\\N" and all
    assert Claim.objects.exists() or fmt != "ass"
    assert all(c.quote == interview.source_text[c.start_char:c.end_char] for c in Claim.objects.all())


# --- a batch of real shapes: two pages with one site-wide title, files the folder leaves out ---

def _two_pages_one_title(folder: Path) -> None:
    # a news site's pages all titled by the site ("CNN.com - Transcripts"): the same slug for each
    for name, guest in (("page-2001.html", "Paul"), ("page-2005.html", "Mary")):
        (folder / name).write_text(
            "<html><head><title>News.com - Transcripts</title></head><body>"
            f"<p>KING: Welcome, {guest}. What brings you here?</p><p>{guest.upper()}: A new book.</p>"
            f"<p>KING: Tell us about it.</p><p>{guest.upper()}: It is about birds.</p></body></html>", encoding="utf-8")


def test_a_second_file_with_a_taken_slug_names_the_holder_and_the_way_out_and_a_manifest_slug_lets_it_in(tmp_path):
    _two_pages_one_title(tmp_path)
    message, err = ingest_failing(tmp_path)
    assert message == "1 of 2 file(s) failed; those wrote nothing"
    [line] = [line for line in err.splitlines() if "page-2005.html" in line]
    assert "'news-com-transcripts' already exists (from page-2001.html)" in line
    assert "--slug" in line and "manifest.json" in line
    (tmp_path / "manifest.json").write_text('{"page-2005.html": {"slug": "news-2005-mary"}}', encoding="utf-8")
    out, _ = ingest(tmp_path)
    assert "unchanged" in out and "created" in out
    assert set(Interview.objects.values_list("slug", flat=True)) == {"news-com-transcripts", "news-2005-mary"}


def test_a_dry_run_foresees_a_taken_slug_and_a_file_stored_before(tmp_path):
    _two_pages_one_title(tmp_path)
    message, err = ingest_failing(tmp_path, dry_run=True)  # before, both "parsed (dry run)"; the real run refused one
    assert message == "1 of 2 file(s) failed; those wrote nothing" and not Interview.objects.exists()
    assert "page-2005.html: an interview with slug 'news-com-transcripts' already exists (from page-2001.html, earlier in this run)" in err
    ingest(tmp_path / "page-2001.html")
    message, err = ingest_failing(tmp_path, dry_run=True)
    assert "(from page-2001.html)" in err
    (tmp_path / "page-2005.html").unlink()
    out, _ = ingest(tmp_path, dry_run=True)
    assert "unchanged (dry run)" in out and Interview.objects.count() == 1


def test_a_folders_files_left_out_are_named_in_one_line(tmp_path):
    (tmp_path / "talk.txt").write_text("Ann: Hello there.\nBo: Hi, Ann.\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# Notes\n\nRemember to buy milk.\n", encoding="utf-8")
    (tmp_path / "cover.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "manifest.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Ann: secret\n", encoding="utf-8")
    _, err = ingest(tmp_path, dry_run=True)
    assert f"{tmp_path}: skipped 2 file(s) that do not read as transcripts: cover.png, notes.md" in err
    _, err = ingest(tmp_path / "talk.txt", dry_run=True)
    assert "skipped" not in err


def test_the_summary_shows_long_file_names_and_slugs_whole(tmp_path):
    name = "a_very_long_file_name_for_an_interview_excerpt_" + "x" * 60 + ".txt"
    slug = "the-grid-storage-interview-with-priya-raman-recorded-at-the-harbour-in-march-" + "y" * 40
    (tmp_path / name).write_text("Ann: Hello there.\nBo: Hi, Ann.\n", encoding="utf-8")
    out, _ = ingest(tmp_path / name, dry_run=True, slug=slug)
    cells = [line.split("│") for line in out.splitlines() if line.count("│") > 3]
    file_cell = "".join(cell[1].strip() for cell in cells)  # a long cell wraps over lines; never cut with "…"
    slug_cell = "".join(cell[3].strip() for cell in cells)
    assert "…" not in out and file_cell.endswith(name) and slug_cell == slug


def test_a_long_file_names_slug_is_cut_at_a_word(tmp_path):
    name = "_".join(["interview", "with", "the", "harbour", "master", "about", "tides"] * 5) + ".txt"
    (tmp_path / name).write_text("Ann: Hello there.\nBo: Hi, Ann.\n", encoding="utf-8")
    ingest(tmp_path / name)
    slug = Interview.objects.get().slug  # before, all 230 characters: more than the column (200) holds
    assert len(slug) <= 80 and ("-" + slug + "-") in ("-" + name[:-4].replace("_", "-") + "-")


def test_speakers_named_in_chinese_are_two_people_and_the_interview_has_a_slug(tmp_path):
    path = tmp_path / "访谈.txt"
    path.write_text("王小明：你好，欢迎来到我们的节目。今天聊聊你的创业经历。\n\n李华：谢谢邀请。我是二〇一五年开始创业的。\n\n"
                    "王小明：当时为什么决定离开大公司？\n\n李华：因为我想做自己的产品。\n", encoding="utf-8")
    ingest(path)
    interview = Interview.objects.get()
    assert interview.slug
    assert sorted(Speaker.objects.values_list("name", flat=True)) == ["李华", "王小明"]
    li = Speaker.objects.get(name="李华")
    assert [interview.source_text[t.start_char : t.end_char] for t in Turn.objects.filter(speaker=li).order_by("index")] == [
        "谢谢邀请。我是二〇一五年开始创业的。", "因为我想做自己的产品。"]


CONVERSATION = "Host: Welcome back to the show.\nGuest: I expect cheaper compute to change robotics within a decade.\n"


@pytest.mark.parametrize(("options", "reason"), [
    ({"slug": "Bad Slug!"}, "slug 'Bad Slug!' is not a slug: letters, digits, hyphens and underscores only"),
    ({"slug": "a" * 201}, "slug is 201 characters long, over the limit of 200"),
    ({"link": "notaurl"}, "link 'notaurl' is not an http:// or https:// address"),
    ({"link": "javascript:alert(1)"}, "link 'javascript:alert(1)' is not an http:// or https:// address"),
    ({"video_id": "x y"}, "video_id 'x y' has spaces in it"),
    ({"title": "t" * 501}, "title is 501 characters long, over the limit of 500"),
    ({"show": "s" * 201}, "show is 201 characters long, over the limit of 200"),
    ({"published": "2023-02-30"}, "published date '2023-02-30' is not a real date (day is out of range for month)"),
    # before: stored with the slug '' and the title '   ' (no page in the API), a host nobody could be
    ({"title": "   "}, "title is blank (spaces only)"),
    ({"show": "\t"}, "show is blank (spaces only)"),
    ({"host": ["  "]}, "hosts has a blank name (spaces only)"),
    ({"guest": ["Bo", " "]}, "guests has a blank name (spaces only)"),
])
def test_an_option_the_interview_cannot_store_is_refused_in_one_line_and_nothing_is_written(tmp_path, options, reason):
    # 'Bad Slug!' was stored (its interview then 404'd in the API); on PostgreSQL an over-long
    # title, show or slug was a DataError traceback
    (tmp_path / "talk.txt").write_text(CONVERSATION, encoding="utf-8")
    for dry_run in (True, False):
        with pytest.raises(CommandError) as error:
            call_command("ingest", str(tmp_path / "talk.txt"), no_extract=True, dry_run=dry_run,
                         stdout=StringIO(), stderr=StringIO(), **options)
        assert str(error.value) == f"command line: {reason}"
    assert not Interview.objects.exists() and not Speaker.objects.exists()


def test_a_manifest_entry_the_interview_cannot_store_is_refused_naming_the_entry(tmp_path):
    (tmp_path / "talk.txt").write_text(CONVERSATION, encoding="utf-8")
    (tmp_path / "manifest.json").write_text('{"talk.txt": {"duration_seconds": -5, "link": "www.example.org/ep"}}', encoding="utf-8")
    _, err = ingest_failing(tmp_path / "talk.txt")
    assert err.strip() == (f"{tmp_path / 'manifest.json'}[talk.txt]: link 'www.example.org/ep' is not an "
                           "http:// or https:// address; duration_seconds -5 is negative")
    assert not Interview.objects.exists()


def test_a_pages_own_title_and_show_longer_than_their_columns_are_cut_at_a_word(tmp_path):
    title = "Robots " * 100  # 700 characters: a page title stuffed with words
    (tmp_path / "episode.md").write_text(
        f"---\ntitle: {title.strip()}\nshow: {'S' * 300}\n---\n\n{CONVERSATION}", encoding="utf-8")
    ingest(tmp_path / "episode.md", slug="episode")
    interview = Interview.objects.get()
    assert len(interview.title) <= 500 and interview.title.endswith("Robots…")
    assert interview.show == "S" * 199 + "…"


def test_a_size_limit_below_one_byte_is_refused_as_an_argument(tmp_path):
    (tmp_path / "talk.txt").write_text(CONVERSATION, encoding="utf-8")
    with pytest.raises(CommandError, match=r"argument --max-bytes: invalid positive whole number value: '-1'"):
        call_command("ingest", str(tmp_path / "talk.txt"), "--max-bytes", "-1", stdout=StringIO(), stderr=StringIO())


# --- what a path names: FIFOs, devices, symlinks, unreadable folders ---

def test_a_fifo_or_a_device_named_on_the_command_line_is_refused_without_reading_it(tmp_path):
    import os
    import threading

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    def unblock():  # before, the command waited on the FIFO for a writer forever: end the wait, fail the test
        with open(fifo, "wb"):
            pass

    timer = threading.Timer(10, unblock)
    timer.start()
    try:
        message, err = ingest_failing(fifo, "/dev/null", DATA / "interview_labels.txt")
    finally:
        timer.cancel()
    assert f"{fifo}: not a regular file (a FIFO); give the transcript's file itself" in err.splitlines()
    assert "/dev/null: not a regular file (a character device); give the transcript's file itself" in err.splitlines()
    assert message == "2 of 3 file(s) failed; those wrote nothing"
    assert Interview.objects.count() == 1


def test_a_dangling_symlink_names_where_it_points(tmp_path):
    link = tmp_path / "talk.txt"
    link.symlink_to(tmp_path / "moved" / "talk.txt")
    _, err = ingest_failing(link)
    assert err.strip() == f"{link}: a symbolic link to {tmp_path / 'moved' / 'talk.txt'}, which does not exist"


def _as_a_user(command: list[str]) -> list[str]:
    """Root reads any file whatever its mode: run without that power, as a user would."""
    import os

    if os.geteuid() != 0:
        return command
    if not shutil.which("setpriv"):
        pytest.skip("root, and no setpriv to give up reading every file")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", *command]


def test_unreadable_files_and_folders_are_named_in_one_line_each_and_the_rest_go_in(tmp_path):
    import os
    import subprocess
    import sys

    folder = tmp_path / "batch"
    (folder / "locked").mkdir(parents=True)
    (folder / "open.txt").write_text("Ann: Hello there.\nBo: Hi, Ann.\n", encoding="utf-8")
    (folder / "secret.txt").write_text("Ann: Secret words.\nBo: Hi, Ann.\n", encoding="utf-8")
    (folder / "locked" / "inside.txt").write_text("Ann: Locked in.\nBo: Hi, Ann.\n", encoding="utf-8")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "DJANGO_DEBUG": "1"}
    manage = [sys.executable, "manage.py"]
    migrated = subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert migrated.returncode == 0, migrated.stderr
    os.chmod(folder / "secret.txt", 0)
    os.chmod(folder / "locked", 0)
    try:
        done = subprocess.run(_as_a_user([*manage, "ingest", "--no-extract", str(folder), str(folder / "locked" / "inside.txt")]),
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    finally:
        os.chmod(folder / "locked", 0o755)
    assert "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.splitlines()
    assert f"{folder / 'secret.txt'}: cannot read file: Permission denied" in lines
    assert f"{folder / 'locked'}: cannot open folder: Permission denied" in lines  # before, left out without a word
    assert f"{folder / 'locked' / 'inside.txt'}: cannot open: Permission denied" in lines  # before, a traceback
    assert done.returncode == 1 and lines[-1] == "CommandError: 3 of 4 file(s) failed; those wrote nothing"
    assert "│ created" in done.stdout and done.stdout.count("│ failed") == 3


# --- manifests ---

def _two_talks(folder: Path) -> None:
    (folder / "one.txt").write_text(CONVERSATION, encoding="utf-8")
    (folder / "two.txt").write_text(CONVERSATION.replace("robotics", "farming"), encoding="utf-8")


@pytest.mark.parametrize(("entry", "reason"), [
    ('"A title"', "the entry must be a JSON object of metadata fields, not a string"),
    ('{"hosts": 5}', "hosts 5 is not a name or a list of names"),
    ('{"guests": ["Bo", 7]}', "guests ['Bo', 7] is not a name or a list of names"),
    ('{"title": ["Robots"]}', "title ['Robots'] is not text"),
    ('{"show": {"name": "Robots"}}', "show {'name': 'Robots'} is not text"),
    ('{"published": true}', "published True is not YYYY, YYYY-MM or YYYY-MM-DD"),
    # stored by SQLite, a traceback from PostgreSQL (no NUL in text); a link no browser can open
    ('{"title": "Robots\\u0000"}', "title has a control character (U+0000)"),
    ('{"hosts": ["Ann\\u001b[31m"]}', "hosts has a control character (U+001B)"),
    ('{"link": "http://[::1/ep"}', "link 'http://[::1/ep' is not an http:// or https:// address"),
])
def test_a_manifest_entry_of_the_wrong_shape_fails_its_file_alone_in_one_line(tmp_path, entry, reason):
    # before: a string entry said "unknown metadata field(s): , A, e, i, l, t", hosts 5 was a
    # traceback, a title list was stored as "['Robots']"; and every file beside it failed too
    _two_talks(tmp_path)
    (tmp_path / "manifest.json").write_text(f'{{"one.txt": {entry}, "two.txt": {{"title": "Farming"}}}}', encoding="utf-8")
    message, err = ingest_failing(tmp_path)
    assert err.splitlines() == [f"{tmp_path / 'manifest.json'}[one.txt]: {reason}"]
    assert message == "1 of 2 file(s) failed; those wrote nothing"
    assert list(Interview.objects.values_list("title", flat=True)) == ["Farming"]


def test_a_manifest_that_cannot_be_read_is_named_once_and_the_files_beside_it_wait(tmp_path):
    _two_talks(tmp_path)
    (tmp_path / "manifest.json").write_text('{"one.txt": {"title": "Robots"', encoding="utf-8")
    message, err = ingest_failing(tmp_path)
    assert err.splitlines() == [f"{tmp_path / 'manifest.json'}:1: unreadable manifest: Expecting ',' delimiter"]
    assert message == "2 of 2 file(s) failed; those wrote nothing" and not Interview.objects.exists()


def test_a_manifest_entry_naming_no_file_is_said_and_the_files_still_go_in(tmp_path):
    _two_talks(tmp_path)
    (tmp_path / "manifest.json").write_text(
        '{"_comment": "episodes", "One.txt": {"title": "Robots"}, "three.txt": {"title": "Fish"}}', encoding="utf-8")
    _, err = ingest(tmp_path)
    assert err.splitlines() == [
        f"{tmp_path / 'manifest.json'}: entry 'One.txt' names no file beside it (did you mean one.txt? names are matched exactly)",
        f"{tmp_path / 'manifest.json'}: entry 'three.txt' names no file beside it",
    ]
    assert Interview.objects.count() == 2


def test_an_option_that_overrides_a_manifest_value_says_so(tmp_path):
    _two_talks(tmp_path)
    (tmp_path / "manifest.json").write_text(
        '{"one.txt": {"title": "Robots", "hosts": ["Ann"], "show": "Tech Talk"}}', encoding="utf-8")
    _, err = ingest(tmp_path / "one.txt", title="Robots, part one", host=["Ann"], show="Tech Talk")
    assert err.splitlines() == [
        f"{tmp_path / 'one.txt'}: --title 'Robots, part one' is used, not the manifest's title 'Robots' (options win)"]
    assert Interview.objects.get().title == "Robots, part one"


# --- options for one file given with many ---

@pytest.mark.parametrize(("options", "named"), [
    ({"title": "Robots"}, "--title"),
    ({"link": "https://example.org/ep/1"}, "--link"),
    ({"video_id": "dQw4w9WgXcQ"}, "--video-id"),
    ({"slug": "robots", "link": "https://example.org/ep/1"}, "--slug, --link"),
])
def test_an_option_that_names_one_recording_is_refused_with_many_files(tmp_path, options, named):
    # before, --link and --video-id were given to every file of a folder: two interviews, one episode's address
    _two_talks(tmp_path)
    message, _ = ingest_failing(tmp_path, **options)
    assert message == (f"{named} name one interview, and 2 files were given; give a single file with them, "
                       "or a manifest.json beside the files with an entry for each")
    assert not Interview.objects.exists()


# --- an interrupted batch ---

def test_an_interrupted_batch_keeps_the_files_done_leaves_no_trace_of_the_current_one_and_says_where_it_stopped(tmp_path, monkeypatch):
    from claims.management.commands import ingest as command

    for name, topic in (("a.txt", "robotics"), ("b.txt", "farming"), ("c.txt", "fishing")):
        (tmp_path / name).write_text(CONVERSATION.replace("robotics", topic), encoding="utf-8")
    real_extract = command.claims_extract

    def extract(interview):  # Ctrl-C while b.txt's interview, turns and speakers are written, before its claims
        if interview.source_name == "b.txt":
            raise KeyboardInterrupt
        return real_extract(interview)

    monkeypatch.setattr(command, "claims_extract", extract)
    out, err = StringIO(), StringIO()
    try:
        with pytest.raises(CommandError) as error:
            call_command("ingest", str(tmp_path), stdout=out, stderr=err)
    except KeyboardInterrupt:
        pytest.fail("the interrupt went through: a traceback and no summary")
    assert str(error.value) == (f"interrupted at {tmp_path / 'b.txt'} (file 2 of 3), which wrote nothing; "
                                "the 1 file(s) before it are done, 1 not started")
    assert error.value.returncode == 130
    assert [line.split("│")[-2].strip() for line in out.getvalue().splitlines() if ".txt" in line] == [
        "created", "interrupted", "not started"]
    assert list(Interview.objects.values_list("source_name", flat=True)) == ["a.txt"]
    assert set(Speaker.objects.values_list("name", flat=True)) <= {"Host", "Guest"}
    assert not Turn.objects.exclude(interview__source_name="a.txt").exists()


# --- files stored before: the same bytes under another name, metadata given again, a changed file ---

def test_metadata_given_for_a_file_stored_before_is_said_not_to_be_applied(tmp_path):
    (tmp_path / "one.txt").write_text(CONVERSATION, encoding="utf-8")
    ingest(tmp_path / "one.txt", title="Robots")
    for dry_run in (True, False):  # before, 'unchanged' and not a word about the title or the link
        out, err = ingest(tmp_path / "one.txt", title="Robots at home", link="https://example.org/ep/1", dry_run=dry_run)
        assert err.splitlines() == [
            f"{tmp_path / 'one.txt'}: stored before as 'robots' (the same bytes); not applied: --title 'Robots at home' "
            "(stored 'Robots'), --link 'https://example.org/ep/1' (stored ''). Ingestion never rewrites a stored "
            "interview: change it in the admin"]
        assert "unchanged" in out
    assert Interview.objects.get().title == "Robots"
    _, err = ingest(tmp_path / "one.txt", title="Robots")  # what was stored: nothing to say
    assert err == ""


def test_the_same_bytes_under_a_second_name_say_which_file_holds_them(tmp_path):
    (tmp_path / "one.txt").write_text(CONVERSATION, encoding="utf-8")
    (tmp_path / "copy-of-one.txt").write_text(CONVERSATION, encoding="utf-8")
    for dry_run in (True, False):
        out, err = ingest(tmp_path, dry_run=dry_run)
        assert f"{tmp_path / 'one.txt'}: the same bytes as copy-of-one.txt, stored as 'copy-of-one': nothing written" in err.splitlines()
    assert Interview.objects.count() == 1


def test_a_file_changed_since_it_was_stored_keeps_the_stored_interview_and_says_so(tmp_path):
    path = tmp_path / "ep.txt"
    path.write_text(CONVERSATION, encoding="utf-8")
    ingest(path, no_extract=False)
    stored = Interview.objects.get()
    claims = Claim.objects.count()
    assert claims
    path.write_text(CONVERSATION.replace("a decade", "five years"), encoding="utf-8")
    for dry_run in (True, False):
        message, err = ingest_failing(path, dry_run=dry_run)
        assert err.splitlines() == [
            f"{path}: a file of this name was stored before as 'ep' with other bytes (this file, changed since, or another "
            f"folder's ep.txt); the stored interview and its {claims} claim(s) are kept as they are and this version wrote "
            "nothing; to store it beside them, give it another slug (--slug SLUG with this one file, or a \"slug\" in its "
            "entry of a manifest.json beside it)"]
    assert list(Interview.objects.values_list("pk", "sha256")) == [(stored.pk, stored.sha256)]
    assert Claim.objects.count() == claims


def test_a_folders_links_to_folders_dangling_links_and_fifos_are_named_in_one_line(tmp_path):
    import os

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "other.txt").write_text(CONVERSATION.replace("robotics", "farming"), encoding="utf-8")
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "talk.txt").write_text(CONVERSATION, encoding="utf-8")
    (folder / "more").symlink_to(elsewhere)
    (folder / "old.txt").symlink_to(tmp_path / "moved.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "loop").symlink_to(folder)  # a link to its own folder: not followed, so no loop
    out, err = ingest(folder)  # before, all four left out without a word
    assert err.splitlines() == [
        f"{folder}: left out 4 entries that are not regular files: loop (a link to a folder, not followed), more (a link "
        f"to a folder, not followed), old.txt (a link to {tmp_path / 'moved.txt'}, which does not exist), pipe.txt (a FIFO); "
        "name a linked folder to ingest it"]
    assert list(Interview.objects.values_list("source_name", flat=True)) == ["talk.txt"]


def test_a_manifest_that_is_a_folder_is_named_once_in_plain_words(tmp_path):
    _two_talks(tmp_path)
    (tmp_path / "manifest.json").mkdir()
    message, err = ingest_failing(tmp_path)  # before: "unreadable manifest: [Errno 21] Is a directory: '/tmp/...'"
    assert err.splitlines() == [f"{tmp_path / 'manifest.json'}: unreadable manifest: Is a directory"]
    assert message == "2 of 2 file(s) failed; those wrote nothing"


def test_an_interrupt_while_the_files_are_listed_says_nothing_was_written(tmp_path, monkeypatch):
    from claims.management.commands import ingest as command

    def listing(paths):  # Ctrl-C while a large folder is walked and its tables are sniffed
        raise KeyboardInterrupt

    monkeypatch.setattr(command, "list_paths", listing)
    try:
        message, _ = ingest_failing(tmp_path)
    except KeyboardInterrupt:
        pytest.fail("the interrupt went through: a traceback")
    assert message == "interrupted while the files to ingest were listed; nothing was written"


def test_an_empty_path_is_refused_not_read_as_the_current_folder(tmp_path, monkeypatch):
    # `ingest "$FILE"` with FILE unset: Path("") is ".", and the whole current folder went in
    monkeypatch.chdir(tmp_path)
    (tmp_path / "talk.txt").write_text(CONVERSATION, encoding="utf-8")
    message, err = ingest_failing("")
    assert err.splitlines() == ["'': an empty path (an unset variable?); name a file or a folder, '.' for this one"]
    assert message == "1 of 1 file(s) failed; those wrote nothing" and not Interview.objects.exists()


def test_a_folder_without_links_to_folders_is_not_told_to_name_one(tmp_path):
    import os

    (tmp_path / "talk.txt").write_text(CONVERSATION, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    _, err = ingest(tmp_path)
    assert err.splitlines() == [f"{tmp_path}: left out 1 entry that is not a regular file: pipe.txt (a FIFO)"]


def test_the_manifest_named_as_a_transcript_is_refused_as_what_it_is(tmp_path):
    _two_talks(tmp_path)
    (tmp_path / "manifest.json").write_text('{"one.txt": {"title": "Robots"}}', encoding="utf-8")
    # before: "JSON of a shape this does not read (it reads Whisper or WhisperX segments, ... 20 more)"
    message, err = ingest_failing(tmp_path / "manifest.json", tmp_path / "one.txt")
    assert err.splitlines() == [f"{tmp_path / 'manifest.json'}: the metadata of the files beside it, not a transcript; "
                                "name those files or their folder"]
    assert message == "1 of 2 file(s) failed; those wrote nothing"
    assert Interview.objects.get().title == "Robots"


@pytest.mark.parametrize("duration, reason", [
    # json.loads reads Infinity: int() of it was an OverflowError traceback while the manifest was read
    ("Infinity", "duration_seconds inf is not a whole number of seconds"),
    # SQLite holds no integer over 2^63 (an OverflowError traceback at the write), PostgreSQL's column none over 2^31-1
    ("1e308", "duration_seconds 1e+308 is over the limit of 2147483647"),
    ("1099511627776", "duration_seconds 1099511627776 is over the limit of 2147483647"),
])
def test_a_manifest_duration_no_column_holds_is_refused_in_one_line(tmp_path, duration, reason):
    (tmp_path / "talk.txt").write_text(CONVERSATION, encoding="utf-8")
    (tmp_path / "manifest.json").write_text('{"talk.txt": {"duration_seconds": %s}}' % duration, encoding="utf-8")
    _, err = ingest_failing(tmp_path / "talk.txt")
    assert err.strip() == f"{tmp_path / 'manifest.json'}[talk.txt]: {reason}"
    assert not Interview.objects.exists()


def test_a_manifest_of_thousands_of_entries_naming_no_file_says_ten_and_counts_the_rest(tmp_path):
    # a show's manifest kept for its whole archive beside one downloaded episode: one line per entry was 5,000 lines
    (tmp_path / "talk.txt").write_text(CONVERSATION, encoding="utf-8")
    entries = {f"ep{i:04d}.txt": {"title": f"Episode {i}"} for i in range(5000)}
    (tmp_path / "manifest.json").write_text(json.dumps(entries), encoding="utf-8")
    err = StringIO()
    call_command("ingest", str(tmp_path), no_extract=True, stdout=StringIO(), stderr=err)
    said = [line for line in err.getvalue().splitlines() if "manifest.json" in line]
    assert said[:2] == [f"{tmp_path / 'manifest.json'}: entry 'ep0000.txt' names no file beside it",
                        f"{tmp_path / 'manifest.json'}: entry 'ep0001.txt' names no file beside it"]
    assert len(said) == 11 and said[-1] == f"{tmp_path / 'manifest.json'}: and 4990 more entries name no file beside it"
    assert Interview.objects.count() == 1


# --- one file named twice ---

@pytest.mark.parametrize("dry_run", [False, True])
@pytest.mark.parametrize("how", ["twice", "folder and file", "link and target", "relative and absolute", "hard link"])
def test_a_file_named_twice_goes_in_once_and_the_summary_says_the_repeat_was_listed_twice(tmp_path, monkeypatch, how, dry_run):
    import os

    monkeypatch.chdir(tmp_path)
    Path("talks").mkdir()
    Path("talks/one.txt").write_text(CONVERSATION, encoding="utf-8")
    if how == "link and target":
        Path("alias.txt").symlink_to("talks/one.txt")
    if how == "hard link":
        os.link("talks/one.txt", "copy.txt")
    first, repeat = {
        "twice": ("talks/one.txt", "talks/one.txt"),
        "folder and file": ("talks", "talks/one.txt"),
        "link and target": ("alias.txt", "talks/one.txt"),
        "relative and absolute": ("./talks/one.txt", str(tmp_path / "talks" / "one.txt")),
        "hard link": ("talks/one.txt", "copy.txt"),
    }[how]
    out, err = ingest(first, repeat, dry_run=dry_run)  # before: the repeat was dropped without a word
    rows = _table_rows(out)
    taken = "talks/one.txt" if how == "folder and file" else str(Path(first))  # Path("./a") is "a"
    said = "skipped: listed twice" if taken == repeat else f"skipped: listed twice (as {taken})"
    slug = Path(taken).stem  # the name it was first listed as gives the slug
    assert [(row[0], row[2], row[-1]) for row in rows] == [
        (taken, slug, "parsed (dry run)" if dry_run else "created"), (repeat, slug, said)]
    assert rows[1][3:7] == ["", "", "", ""]  # the repeat's turns, speakers, words and proposals are its first's
    assert err == ""
    assert Interview.objects.count() == (0 if dry_run else 1)


def _table_rows(out: str) -> list[list[str]]:
    """The summary's rows as cells, a long path folded over several lines joined again."""
    rows: list[list[str]] = []
    for line in out.splitlines():
        cells = [cell.strip() for cell in line.split("│")[1:-1]]
        if not cells or cells[0] == "file":
            continue
        if rows and not any(cells[1:]):
            rows[-1][0] += cells[0]
        else:
            rows.append(cells)
    return rows


def test_a_repeat_is_not_counted_as_a_file_when_another_fails(tmp_path):
    (tmp_path / "one.txt").write_text(CONVERSATION, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x80\x81 not UTF-8")
    message, _ = ingest_failing(tmp_path / "one.txt", tmp_path / "bad.txt", tmp_path / "one.txt")
    assert message == "1 of 2 file(s) failed; those wrote nothing"
    assert Interview.objects.count() == 1


# --- Ctrl-C while the summary is printed ---

class _Recording(StringIO):
    def __init__(self):
        super().__init__()
        self.writes = 0

    def write(self, text):
        self.writes += 1
        return super().write(text)


class _Interrupted(StringIO):
    def write(self, text):
        raise KeyboardInterrupt


@pytest.mark.parametrize("when", ["table", "notes"])
def test_an_interrupt_while_the_summary_is_printed_exits_130_with_no_half_table(tmp_path, monkeypatch, when):
    from claims.management.commands import ingest as command

    _two_talks(tmp_path)
    (tmp_path / "bad.txt").write_bytes(b"\x80\x81 not UTF-8")
    if when == "table":
        real_escape, calls = command.escape, []

        def escape(text):  # Ctrl-C on the table's second row
            calls.append(text)
            if len(calls) == 2:
                raise KeyboardInterrupt
            return real_escape(text)

        monkeypatch.setattr(command, "escape", escape)
    out = _Recording()
    err = _Interrupted() if when == "notes" else StringIO()  # Ctrl-C while bad.txt's line is said, before the table
    try:
        with pytest.raises(CommandError) as error:
            call_command("ingest", str(tmp_path), stdout=out, stderr=err, no_extract=True)
    except KeyboardInterrupt:
        pytest.fail("the interrupt went through: a traceback")
    assert error.value.returncode == 130
    assert str(error.value) == "interrupted while the summary was printed, after every file was done: 2 created, 1 failed"
    assert out.getvalue() == "" and out.writes == 0
    assert Interview.objects.count() == 2


def test_the_summary_table_is_written_whole_in_one_write(tmp_path):
    _two_talks(tmp_path)
    out = _Recording()
    call_command("ingest", str(tmp_path), stdout=out, stderr=StringIO(), no_extract=True)
    assert out.writes == 1 and out.getvalue().count("created") == 2
