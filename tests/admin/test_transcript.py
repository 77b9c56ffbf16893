"""The transcript page: turns labelled by speaker and time, claim spans highlighted, offsets carried per span."""
import hashlib
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from django.urls import reverse

from claims.admin.transcript import seconds_display, transcript_blocks
from claims.services import claim_create
from tests.factories import make_interview, make_speaker, span_of

from .conftest import add_turns


class SpanReader(HTMLParser):
    """Collects each span.seg of a page: its attributes and its text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.spans, self._open = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "span" and "seg" in (attrs.get("class") or "").split():
            self._open = attrs | {"text": ""}

    def handle_data(self, data):
        if self._open is not None:
            self._open["text"] += data

    def handle_endtag(self, tag):
        if tag == "span" and self._open is not None:
            self.spans.append(self._open)
            self._open = None


def spans_of(response):
    reader = SpanReader()
    reader.feed(response.content.decode())
    return reader.spans


def claim(pk, start, end, status="proposed"):
    return SimpleNamespace(pk=pk, start_char=start, end_char=end, status=status)


def turn(start, end):
    return SimpleNamespace(start_char=start, end_char=end)


def test_spans_split_at_every_turn_and_claim_boundary_and_cover_the_text_once():
    text = "0123456789" * 3
    blocks = transcript_blocks(text, [turn(5, 15), turn(15, 25)], [claim(1, 8, 18), claim(2, 10, 12)])
    assert [(b.start, b.end, b.turn is not None) for b in blocks] == [
        (0, 5, False), (5, 15, True), (15, 25, True), (25, 30, False)]
    segments = [s for b in blocks for s in b.segments]
    assert [(s.start, s.end, [c.pk for c in s.claims]) for s in segments] == [
        (0, 5, []), (5, 8, []), (8, 10, [1]), (10, 12, [1, 2]), (12, 15, [1]), (15, 18, [1]), (18, 25, []),
        (25, 30, [])]
    assert "".join(s.text for s in segments) == text
    assert segments[3].main_claim.pk == 2  # the innermost claim colours an overlap


def test_chapters_head_the_turn_they_begin_in():
    chapters = [SimpleNamespace(start_char=7, index=0), SimpleNamespace(start_char=None, index=1)]
    blocks = transcript_blocks("x" * 20, [turn(0, 10), turn(10, 20)], [], chapters)
    assert [[c.index for c in b.chapters] for b in blocks] == [[0], []]


@pytest.mark.parametrize("seconds, estimated, shown", [(None, False, ""), (65.4, False, "1:05"),
                                                       (3725, True, "~1:02:05")])
def test_times_are_shown_as_minutes_and_seconds(seconds, estimated, shown):
    assert seconds_display(seconds, estimated) == shown


@pytest.mark.django_db
def test_the_transcript_page_labels_turns_and_highlights_claims_by_status(admin_client, desk):
    response = admin_client.get(reverse("admin:claims_interview_transcript", args=[desk.interview.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Harriet Host" in page and "Gustav Guest" in page and "0:12" in page
    spans = spans_of(response)
    text = desk.interview.source_text
    assert "".join(span["text"] for span in spans) == text
    for span in spans:
        assert span["text"] == text[int(span["data-start"]):int(span["data-end"])]
    highlighted = {int(span["data-claim"]): span["class"] for span in spans if "data-claim" in span}
    assert "claims-status-approved" in highlighted[desk.approved.pk]
    assert "claims-status-rejected" in highlighted[desk.rejected.pk]
    assert "claims-status-proposed" in highlighted[desk.prediction_claim.pk]
    assert f'id="claim-{desk.approved.pk}"' in page
    assert reverse("admin:claims_claim_change", args=[0]) in page  # where a click on a highlight goes
    assert "proposed: 2" in page and "approved: 1" in page


@pytest.mark.django_db
def test_offsets_are_code_points_and_the_text_survives_emoji_and_carriage_returns(admin_client, db):
    host, guest = make_speaker(name="Hal"), make_speaker(name="Gia")
    text = "Host: Thumbs 👍︎︎ up.\r\nGuest: Emoji 😀 before \u00a0my claim here.\r\n"
    interview = make_interview(source_text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
    add_turns(interview, {"Host": host, "Guest": guest})
    start, end = span_of(interview, "my claim here.")
    claim_create(interview=interview, speaker=guest, start_char=start, end_char=end, statement="A claim.")
    response = admin_client.get(reverse("admin:claims_interview_transcript", args=[interview.pk]))
    assert "&#13;" in response.content.decode()  # a raw CR would reach the DOM as LF
    spans = spans_of(response)
    assert "".join(span["text"] for span in spans) == text
    claimed = [span for span in spans if "data-claim" in span]
    assert [(int(s["data-start"]), int(s["data-end"]), s["text"]) for s in claimed] == [(start, end, "my claim here.")]
    assert start == len("Host: Thumbs 👍︎︎ up.\r\nGuest: Emoji 😀 before \u00a0")


@pytest.mark.django_db
def test_text_outside_the_turns_is_shown_apart(admin_client, db):
    speaker = make_speaker(name="Solo")
    interview = make_interview(source_text="Page chrome.\nSolo: Hello there.\n")
    add_turns(interview, {"Solo": speaker})
    page = admin_client.get(reverse("admin:claims_interview_transcript", args=[interview.pk])).content.decode()
    assert "outside the turns" in page and "claims-outside" in page
