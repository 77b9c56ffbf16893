"""A curator learns that a meetup's diarised "Speaker 2" is Ilya Sutskever and merges the two in
headless Chromium; a screenshot of the confirmation goes to tests/screenshots/."""
import re
from pathlib import Path

import pytest

from claims.models import Claim, Speaker
from claims.services import interview_ingest_file

from .data import lunar_society

pytestmark = pytest.mark.browser

MEETUP = Path(__file__).resolve().parents[1] / "data" / "rev_speaker_numbers.txt"


@pytest.fixture
def meetup(transactional_db):
    lunar_society()
    interview, created, proposals = interview_ingest_file(data=MEETUP.read_bytes(), source=MEETUP.name)
    assert created and proposals > 0
    return interview


def test_a_curator_merges_a_numbered_speaker_into_the_person_and_finds_the_claims_under_the_person(page, meetup, screenshot):
    numbered = Speaker.objects.get(slug=f"speaker-2-in-{meetup.slug}")
    ilya = Speaker.objects.get(slug="ilya-sutskever")
    moved = list(Claim.objects.filter(speaker=numbered).order_by("start_char"))
    already = Claim.objects.filter(speaker=ilya).count()
    assert moved and already

    page.goto("/admin/claims/speaker/")
    page.locator(f"input.action-select[value='{numbered.pk}']").check()
    page.locator(f"input.action-select[value='{ilya.pk}']").check()
    page.select_option("select[name=action]", "merge_speakers")
    page.click("button[name=index]")
    page.wait_for_selector("#merge-confirm")
    preview = page.locator("#merge-preview tbody tr")
    assert preview.count() == 2
    assert preview.nth(1).locator("td").all_inner_texts() == [
        "Speaker 2", numbered.slug, str(len(moved)), "3", f"1: {meetup.slug} (guest)"]

    # the target is searched for, as among thousands of speakers it would be
    page.click("#merge-confirm .select2-selection")
    page.fill(".select2-search__field", "sutsk")
    page.locator(".select2-results__option", has_text="Ilya Sutskever").click()
    assert page.inner_text("#merge-confirm .select2-selection__rendered").endswith("Ilya Sutskever")
    screenshot(page, "speaker-merge-confirmation")
    page.click("#merge-confirm input[type=submit]")
    page.wait_for_selector("ul.messagelist")
    assert page.inner_text("ul.messagelist").strip() == (
        f"Merged “Speaker 2” ({numbered.slug}) into “Ilya Sutskever”: "
        f"{len(moved)} claim{'s' if len(moved) != 1 else ''}, 3 turns and 1 interview moved.")
    assert page.locator("#result_list", has_text="speaker-2-in-").count() == 0

    page.locator("ul.messagelist a", has_text="Ilya Sutskever").click()
    page.wait_for_url(re.compile(rf"speaker__id__exact={ilya.pk}"))
    assert f"{already + len(moved)} claims" in page.locator(".paginator").inner_text()
    # whole words: the search is the API's full-text search, and a word cut short ("networ") is no word
    page.fill("#searchbar", moved[0].quote[:40].rsplit(" ", 1)[0])
    page.press("#searchbar", "Enter")
    page.wait_for_url(re.compile(r"q="))
    row = page.locator("#result_list tbody tr")
    assert row.count() == 1 and "Ilya Sutskever" in row.inner_text()
    assert Claim.objects.get(pk=moved[0].pk).history.first().history_user.username == "curator"
