"""The interview page, re-running extraction and uploading a transcript, through the test client."""
import datetime as dt
import hashlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from claims import services
from claims.models import Claim, Interview, latest_today

from .conftest import messages_of, reload

pytestmark = pytest.mark.django_db

UPLOAD = reverse("admin:claims_interview_upload")


def test_the_interview_list_counts_claims_and_links_the_transcript(admin_client, desk):
    response = admin_client.get(reverse("admin:claims_interview_changelist"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "A talk about reliability" in page and "Upload a transcript" in page
    assert reverse("admin:claims_interview_transcript", args=[desk.interview.pk]) in page
    row = response.context["cl"].result_list[0]
    assert (row.n_claims, row.n_proposed) == (4, 2)


def test_the_interview_page_shows_metadata_participants_chapters_claims_and_the_buttons(admin_client, desk):
    desk.interview.chapters.create(index=0, title="Opening", start_seconds=0, start_char=0)
    response = admin_client.get(reverse("admin:claims_interview_change", args=[desk.interview.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Harriet Host" in page and "Opening" in page and "The host welcomes listeners." in page
    assert reverse("admin:claims_interview_extract", args=[desk.interview.pk]) in page
    assert "Run extraction again" in page and "open the transcript" in page
    assert [type(f).__name__ for f in response.context["inline_admin_formsets"]] == ["InlineAdminFormSet"] * 3


def interview_form_data(interview, claims, **overrides):
    data = {
        "title": interview.title, "slug": interview.slug, "show": interview.show, "published": "2023-03-27",
        "published_precision": "day", "duration_seconds": "", "link": "", "video_id": "",
        "participations-TOTAL_FORMS": "0", "participations-INITIAL_FORMS": "0",
        "chapters-TOTAL_FORMS": "0", "chapters-INITIAL_FORMS": "0",
        "claims-TOTAL_FORMS": str(len(claims)), "claims-INITIAL_FORMS": str(len(claims)),
    }
    for i, claim in enumerate(claims):
        data |= {f"claims-{i}-id": claim.pk, f"claims-{i}-interview": interview.pk, f"claims-{i}-status": claim.status}
    for key in ("participations", "chapters", "claims"):
        data |= {f"{key}-MIN_NUM_FORMS": "0", f"{key}-MAX_NUM_FORMS": "1000"}
    return data | overrides


def test_a_new_published_date_moves_the_dates_of_the_claims(admin_client, desk):
    claims = list(desk.interview.claims.order_by("start_char", "end_char"))
    data = interview_form_data(desk.interview, claims, published="2024-01-01", published_precision="year")
    response = admin_client.post(reverse("admin:claims_interview_change", args=[desk.interview.pk]), data)
    assert response.status_code == 302
    assert set(Claim.objects.filter(interview=desk.interview).values_list("date", flat=True)) == {dt.date(2024, 1, 1)}


def test_a_published_date_after_today_is_refused_naming_the_date_and_today(admin_client, desk):
    claims = list(desk.interview.claims.order_by("start_char", "end_char"))
    today = latest_today()
    tomorrow = today + dt.timedelta(days=1)
    data = interview_form_data(desk.interview, claims, published=tomorrow.isoformat())
    response = admin_client.post(reverse("admin:claims_interview_change", args=[desk.interview.pk]), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["published"] == [f"Published on {tomorrow}, after today ({today})."]
    assert Interview.objects.get(pk=desk.interview.pk).published == dt.date(2023, 3, 27)


def test_a_video_id_another_interview_holds_is_refused_naming_that_interview(admin_client, desk):
    from tests.factories import make_interview

    holder = make_interview(slug="grid-storage", video_id="dQw4w9WgXcQ", source_name="grid.vtt")
    claims = list(desk.interview.claims.order_by("start_char", "end_char"))
    data = interview_form_data(desk.interview, claims, video_id="dQw4w9WgXcQ")
    response = admin_client.post(reverse("admin:claims_interview_change", args=[desk.interview.pk]), data)
    assert response.status_code == 200  # before: the database's unique index, a server error
    assert response.context["adminform"].form.errors["video_id"] == [
        "Video dQw4w9WgXcQ is stored already, as 'grid-storage' from grid.vtt: one video is one interview."]
    assert reload(desk.interview).video_id == "" and reload(holder).video_id == "dQw4w9WgXcQ"


def test_claims_can_be_approved_inline_on_the_interview_page(admin_client, desk):
    claims = list(desk.interview.claims.order_by("start_char", "end_char"))
    index = claims.index(desk.proposed)
    data = interview_form_data(desk.interview, claims) | {f"claims-{index}-status": "approved"}
    response = admin_client.post(reverse("admin:claims_interview_change", args=[desk.interview.pk]), data)
    assert response.status_code == 302
    assert reload(desk.proposed).status == "approved"
    assert reload(desk.proposed).history.first().history_user.username == "admin"


def test_interviews_are_added_by_upload_not_by_the_add_form(admin_client, desk):
    assert admin_client.get(reverse("admin:claims_interview_add")).status_code == 403


# --- re-running extraction (the real extractor) ---

DATA = Path(__file__).resolve().parent.parent / "data"
LABELLED = (DATA / "labelled_interview.txt").read_bytes()


def test_extraction_runs_again_and_reports_what_it_added(admin_client, db):
    interview, _, _ = services.interview_ingest_file(data=LABELLED, source="talk.txt", extract=False)
    url = reverse("admin:claims_interview_extract", args=[interview.pk])
    response = admin_client.post(url, follow=True)
    added = Claim.objects.filter(interview=interview, origin="extracted", status="proposed").count()
    assert added > 0
    assert messages_of(response) == [
        f"Extraction ran again for “{interview}”: {added} new proposal{'s' if added != 1 else ''} "
        "(curated claims are never replaced)."]
    assert response.redirect_chain[-1][0] == reverse("admin:claims_interview_change", args=[interview.pk])
    again = admin_client.post(url, follow=True)
    assert messages_of(again) == [f"Extraction ran again for “{interview}”: 0 new proposals (curated claims are never replaced)."]
    assert Claim.objects.filter(interview=interview).count() == added


def test_extraction_only_runs_on_post(admin_client, desk):
    assert admin_client.get(reverse("admin:claims_interview_extract", args=[desk.interview.pk])).status_code == 405


# --- upload (the real ingestion pipeline) ---


def upload(admin_client, content=LABELLED, name="talk.txt", fmt=""):
    return admin_client.post(UPLOAD, {"file": SimpleUploadedFile(name, content), "format": fmt}, follow=True)


def test_the_upload_page_offers_a_file_and_the_formats(admin_client, db):
    page = admin_client.get(UPLOAD).content.decode()
    assert 'type="file"' in page and "detect from the text" in page and "WebVTT captions" in page


def test_upload_ingests_proposes_claims_and_opens_the_transcript(admin_client, db):
    response = upload(admin_client, fmt="labelled")
    interview = Interview.objects.get()
    assert interview.source_text == LABELLED.decode() and interview.source_format == "labelled"
    turns, proposals = interview.turns.count(), interview.claims.count()
    assert turns > 1 and proposals > 0
    assert response.redirect_chain[-1][0] == reverse("admin:claims_interview_transcript", args=[interview.pk])
    assert messages_of(response) == [
        f"Ingested talk.txt as “{interview}”: {turns} turns, {proposals} proposed claim{'s' if proposals != 1 else ''}."]


def test_upload_shows_each_ingestion_error_as_a_message_and_writes_nothing(admin_client, db):
    response = upload(admin_client, (DATA / "broken.vtt").read_bytes(), name="broken.vtt")
    shown = messages_of(response)
    assert len(shown) == 2 and shown[0].startswith("broken.vtt:6: malformed cue") and "out of order" in shown[1]
    assert response.redirect_chain == [] and not Interview.objects.exists()


def test_upload_of_a_page_published_after_today_is_refused_in_one_line_and_writes_nothing(admin_client, db):
    # the page's own date (a scraped transcript page's "Published:" line), not a form field: the same
    # rule as ingest --published and the admin's interview form
    later = latest_today() + dt.timedelta(days=30)
    page = (DATA.parents[1] / "seeds" / "001_4ce4f833089e0e5e.txt").read_text(encoding="utf-8").replace(
        "Published: Mon Mar 27 2023", later.strftime("Published: %a %b %d %Y"))
    response = upload(admin_client, page.encode(), name="page.txt")
    assert messages_of(response) == [f"page.txt: Published on {later}, after today ({latest_today()})."]
    assert response.redirect_chain == [] and not Interview.objects.exists()


@pytest.mark.parametrize("content, reason", [(b"\x00\x01binary\x00", "binary content"), (b"   \n", "only whitespace")])
def test_upload_refuses_unreadable_files_in_one_line(admin_client, db, content, reason):
    shown = messages_of(upload(admin_client, content))
    assert len(shown) == 1 and shown[0].startswith("talk.txt") and reason in shown[0]
    assert not Interview.objects.exists()


def test_a_forced_format_that_does_not_fit_is_refused(admin_client, db):
    shown = messages_of(upload(admin_client, fmt="webvtt"))
    assert shown and all(line.startswith("talk.txt") for line in shown)
    assert not Interview.objects.exists()


def test_uploading_a_file_ingested_before_changes_nothing(admin_client, desk):
    content = desk.interview.source_text.encode()
    assert desk.interview.sha256 == hashlib.sha256(content).hexdigest()
    claims_before = Claim.objects.count()
    response = upload(admin_client, content)
    assert messages_of(response) == ["talk.txt: this file was ingested already, as “A talk about reliability”; "
                                     "nothing changed."]
    assert Claim.objects.count() == claims_before and Interview.objects.count() == 1


def test_upload_refuses_files_over_the_size_limit(admin_client, db, settings):
    settings.INGEST_MAX_BYTES = 10
    response = upload(admin_client, b"x" * 11)
    assert messages_of(response) == ["talk.txt: file is 11 bytes, over the size limit of 10 bytes"]
    assert not Interview.objects.exists()


@pytest.mark.parametrize("name", ["episode-14.docx", "episode-14.pdf", "podcast_page.html", "assemblyai.json"])
def test_upload_reads_word_documents_pdfs_web_pages_and_recognisers_json(admin_client, db, name):
    # the same service as the command: each arrives as the text it holds, with its speakers and times
    from tests.factories import rev_style_docx
    from tests.pdfs import labelled_interview_pdf

    made = {"episode-14.docx": rev_style_docx, "episode-14.pdf": labelled_interview_pdf}
    content = made[name]() if name in made else (DATA / name).read_bytes()
    response = upload(admin_client, content, name=name)
    interview = Interview.objects.get()
    assert messages_of(response)[0].startswith(f"Ingested {name} as ")
    assert not any(mark in interview.source_text for mark in ("<", "{", "PK", "%PDF"))
    assert interview.source_format == "labelled" and interview.turns.count() >= 4
    assert interview.sha256 == hashlib.sha256(content).hexdigest()


def test_upload_of_a_talk_with_one_speaker_throughout(admin_client, db):
    talk = b"Thank you for coming. What is simple? One fold. Easy is near at hand.\n\nSo why does it matter? We understand little. Thank you.\n"
    admin_client.post(UPLOAD, {"file": SimpleUploadedFile("talk.txt", talk), "format": "", "single_speaker": "on"}, follow=True)
    interview = Interview.objects.get()
    assert [(p.speaker.name, p.role) for p in interview.participations.all()] == [("Speaker", "guest")]
    assert "One speaker throughout" in admin_client.get(UPLOAD).content.decode()


def test_the_upload_form_says_a_pdf_is_read_and_refuses_a_scan_in_one_line(admin_client, db):
    from tests.pdfs import pdf_document

    assert "a PDF with a text layer" in admin_client.get(UPLOAD).content.decode()
    shown = messages_of(upload(admin_client, pdf_document(["drawing"]), name="scan.pdf"))
    assert shown == ["scan.pdf: PDF has no text layer (a scan or images only); OCR it first"]
    assert not Interview.objects.exists()


def test_an_upload_whose_slug_is_taken_says_so_and_the_slug_field_lets_it_in(admin_client, db):
    # a second recording's transcript under the same file name: the same slug; the command has --slug,
    # the form had no way out
    upload(admin_client)
    taken = Interview.objects.get().slug
    other = LABELLED + b"\nAnn: One more thing.\n"
    shown = messages_of(upload(admin_client, other))
    assert len(shown) == 1 and shown[0].startswith(f"talk.txt: an interview with slug '{taken}' already exists (from talk.txt)")
    assert shown[0].endswith("(the Slug field below)") and Interview.objects.count() == 1
    response = admin_client.post(UPLOAD, {"file": SimpleUploadedFile("talk.txt", other), "format": "",
                                          "slug": "talk-part-2"}, follow=True)
    assert messages_of(response)[0].startswith("Ingested talk.txt as ")
    assert Interview.objects.get(slug="talk-part-2").source_text == other.decode()


def _page(title: str, extra: bytes = b"") -> bytes:
    return f"---\ntitle: {title}\nvideo_id: dQw4w9WgXcQ\n---\n\n".encode() + LABELLED + extra


def test_an_upload_of_a_video_stored_from_another_file_is_refused_naming_the_stored_interview(admin_client, db):
    # the page's own front matter names the video; before, a second interview of it with its own claims
    upload(admin_client, _page("Grid storage"), name="part-1.md")
    stored = Interview.objects.get()
    claims = stored.claims.count()
    for slug in ("", "grid-storage-2"):  # another slug is no way out
        response = admin_client.post(UPLOAD, {"file": SimpleUploadedFile("part-2.md", _page("Grid storage, again")),
                                              "format": "", "slug": slug}, follow=True)
        assert messages_of(response) == [
            "part-2.md: video dQw4w9WgXcQ is stored already, as 'grid-storage' from part-1.md with other bytes; one video "
            f"is one interview: this file wrote nothing, and 'grid-storage' and its {claims} claim(s) are kept as they are"]
        assert response.redirect_chain == []
        assert list(Interview.objects.values_list("pk", "sha256")) == [(stored.pk, stored.sha256)]
        assert Claim.objects.count() == claims
    response = upload(admin_client, _page("Grid storage"), name="part-1.md")  # the same bytes: nothing changed
    assert messages_of(response) == ["part-1.md: this file was ingested already, as “Grid storage”; nothing changed."]
