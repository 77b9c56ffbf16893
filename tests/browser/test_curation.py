"""A curator's day in headless Chromium: filter claims, approve a proposal, make a claim from the transcript,
resolve a prediction. Screenshots of the claim list, the transcript and the prediction list go to
tests/screenshots/ (git-ignored) for a person to look at."""
import re

import pytest

from claims.models import Claim, Prediction
from claims.selectors import claim_search

from .data import first_free_sentence, lunar_society

pytestmark = pytest.mark.browser


@pytest.fixture
def interview(transactional_db):
    return lunar_society()


def filter_link(tab, title: str, choice: str):
    return tab.locator("#changelist-filter details", has=tab.locator("summary", has_text=f"By {title}")) \
        .get_by_role("link", name=choice, exact=True)


def test_a_curator_filters_the_claim_list(page, interview, screenshot):
    page.goto("/admin/claims/claim/")
    total = Claim.objects.count()
    assert page.locator("#result_list tbody tr").count() == min(total, 50)
    screenshot(page, "claim-list", full_page=False)

    filter_link(page, "status", "proposed").click()
    page.wait_for_url(re.compile(r"status__exact=proposed"))
    proposed = Claim.objects.filter(status="proposed").count()
    assert f"{proposed} claims" in page.locator(".paginator").inner_text()

    filter_link(page, "claim type", "prediction").click()
    page.wait_for_url(re.compile(r"claim_type__exact=prediction"))
    expected = Claim.objects.filter(status="proposed", claim_type="prediction").count()
    assert expected > 0
    assert page.locator("#result_list tbody tr").count() == expected
    assert set(page.locator("#result_list td.field-status_badge").all_inner_texts()) == {"proposed"}

    page.fill("#searchbar", "AGI")
    page.press("#searchbar", "Enter")
    page.wait_for_url(re.compile(r"q=AGI"))
    # the API's full-text search: the word AGI, not "agi" inside "imagine" as the admin's LIKE matched
    matching = claim_search(Claim.objects.filter(status="proposed", claim_type="prediction"), "AGI")
    assert page.locator("#result_list tbody tr").count() == matching.count() > 0
    screenshot(page, "claim-list-filtered")


def test_a_curator_approves_a_proposal_with_a_bulk_action(page, interview, screenshot):
    claim = Claim.objects.filter(status="proposed").order_by("start_char").first()
    page.goto("/admin/claims/claim/?status__exact=proposed")
    page.locator(f"input.action-select[value='{claim.pk}']").check()
    page.select_option("select[name=action]", "approve_claims")
    page.click("button[name=index]")
    page.wait_for_selector("#bulk-confirm")
    assert "Approve claims: 1 selected claim." in page.inner_text("#content")
    screenshot(page, "bulk-approve-confirmation")
    page.click("#bulk-confirm input[type=submit]")
    page.wait_for_selector("ul.messagelist")
    assert page.inner_text("ul.messagelist").strip() == "1 claim approved."
    claim.refresh_from_db()
    assert claim.status == "approved"
    assert claim.history.first().history_user.username == "curator"


def select_source_range(tab, start: int, end: int):
    """Drag the mouse over the transcript from source offset `start` to `end` (code points)."""
    rects = tab.evaluate(
        """([start, end]) => {
            const cp = (s) => Array.from(s).length;
            function point(offset, side) {
                for (const seg of document.querySelectorAll('#transcript span.seg')) {
                    const a = Number(seg.dataset.start), b = Number(seg.dataset.end);
                    if (a <= offset && offset < b) {
                        const node = seg.firstChild, chars = Array.from(node.data);
                        const unit = chars.slice(0, offset - a).join('').length;
                        const width = chars[offset - a].length;
                        const range = document.createRange();
                        range.setStart(node, unit); range.setEnd(node, unit + width);
                        range.startContainer.parentElement.scrollIntoView({block: 'center'});
                        const r = range.getClientRects()[0];
                        return {x: side === 'left' ? r.left + 0.5 : r.right - 0.5, y: r.top + r.height / 2};
                    }
                }
                throw new Error('offset ' + offset + ' not in any span');
            }
            const first = point(start, 'left');
            const last = point(end - 1, 'right');
            return [first, point(start, 'left'), last];
        }""",
        [start, end],
    )
    _, first, last = rects
    tab.mouse.move(first["x"], first["y"])
    tab.mouse.down()
    tab.mouse.move((first["x"] + last["x"]) / 2, (first["y"] + last["y"]) / 2, steps=5)
    tab.mouse.move(last["x"], last["y"], steps=5)
    tab.mouse.up()


def test_a_curator_makes_a_claim_by_selecting_transcript_text(page, interview, screenshot):
    start, end, sentence = first_free_sentence(interview, "ilya-sutskever")
    # The page chrome before the first turn holds emoji outside the BMP (two UTF-16 units each):
    # offsets counted in JS units would be off by their number here.
    assert len(interview.source_text[:start].encode("utf-16-le")) // 2 > start
    page.goto(f"/admin/claims/interview/{interview.pk}/transcript/")
    assert page.locator("span.seg.hl").count() > 100
    select_source_range(page, start, end)
    panel = page.locator("#claims-selection")
    panel.wait_for(state="visible")
    assert page.inner_text("#claims-selection-range") == f"{start}–{end}"
    assert page.inner_text("#claims-selection-speaker") == "Ilya Sutskever"
    assert page.inner_text("#claims-selection-quote") == sentence
    screenshot(page, "transcript")

    page.click("#claims-selection-create")
    page.wait_for_selector("#claim_form")
    assert page.input_value("#id_quote") == sentence
    assert page.input_value("#id_start_char") == str(start)
    assert page.input_value("#id_end_char") == str(end)
    assert page.input_value("#id_statement").startswith("Sutskever")
    assert page.locator("#id_speaker option:checked").inner_text() == "Ilya Sutskever"
    screenshot(page, "claim-form-from-selection")
    page.fill("#id_statement", "Sutskever makes a point worth keeping.")
    page.click("input[name=_save]")
    page.wait_for_url(re.compile(r"/transcript/#claim-\d+$"))
    claim = Claim.objects.get(interview=interview, start_char=start, end_char=end)
    assert claim.quote == interview.source_text[start:end] == sentence
    assert claim.speaker.slug == "ilya-sutskever" and claim.status == "proposed" and claim.origin == "manual"
    highlight = page.locator(f"span.seg[data-claim='{claim.pk}']")
    assert highlight.first.get_attribute("data-start") == str(start)

    # A click on a highlight opens its claim.
    page.evaluate("window.getSelection().removeAllRanges()")
    highlight.first.click()
    page.wait_for_url(re.compile(rf"/admin/claims/claim/{claim.pk}/change/"))


def test_a_curator_gives_a_misattributed_sentence_to_its_speaker(page, interview, screenshot):
    # a guest's sentence that attribution (say) gave the guest, though the host said it: select it, name the host
    start, end, sentence = first_free_sentence(interview, "ilya-sutskever")
    turns_before = interview.turns.count()
    page.goto(f"/admin/claims/interview/{interview.pk}/transcript/")
    select_source_range(page, start, end)
    page.locator("#claims-speaker-form").wait_for(state="visible")
    # the list offers the other participant first
    assert page.locator("#claims-speaker-select option:checked").inner_text() == "Dwarkesh Patel (host)"
    screenshot(page, "transcript-spoken-by")
    page.click("#claims-speaker-set")
    page.wait_for_selector("ul.messagelist")
    assert re.fullmatch(r"/admin/claims/interview/\d+/transcript/#turn-\d+", page.url.removeprefix(page.url.split("/admin")[0]))
    assert "now spoken by Dwarkesh Patel (were Ilya Sutskever)" in page.inner_text("ul.messagelist")
    turn = interview.turns.get(start_char__lte=start, end_char__gte=end)
    assert turn.speaker.slug == "dwarkesh-patel" and turns_before <= interview.turns.count() <= turns_before + 2
    label = page.locator(f"#turn-{turn.start_char} .claims-speaker")
    assert label.inner_text() == "Dwarkesh Patel"


def test_a_curator_resolves_an_overdue_prediction(page, interview, screenshot):
    page.goto("/admin/claims/prediction/")
    open_count = Prediction.objects.filter(status="open").count()
    assert page.locator("#result_list tbody tr").count() == min(open_count, 50)
    overdue_rows = page.locator("#result_list tbody tr", has=page.locator(".claims-overdue"))
    assert overdue_rows.count() == 2
    screenshot(page, "prediction-list")

    first = overdue_rows.first
    predicted = first.locator("th.field-predicted_short, td.field-predicted_short").inner_text()
    first.get_by_role("link", name="resolve").click()
    page.wait_for_selector("#resolve-form")
    page.select_option("#id_status", "partially")
    page.fill("#id_resolved_on", "2026-11-22")
    page.fill("#id_resolution_note", "Partly: some of it happened by the end of 2024.")
    page.fill("#id_evidence_link", "https://example.org/evidence")
    screenshot(page, "prediction-resolve-form")
    page.click("#resolve-form input[type=submit]")
    page.wait_for_selector("ul.messagelist")
    assert "is now: partially" in page.inner_text("ul.messagelist")
    prediction = Prediction.objects.get(predicted__startswith=predicted.rstrip("…"))
    assert (prediction.status, str(prediction.resolved_on)) == ("partially", "2026-11-22")
    assert prediction.history.first().history_user.username == "curator"
    assert page.locator("#result_list tbody tr").count() == min(open_count - 1, 50)
