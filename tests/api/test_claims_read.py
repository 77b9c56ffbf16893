"""claims/ and claims/{id}/: payload shape, the lean rows against the serializer, ordering, cursors."""
import datetime as dt

import orjson
import pytest

from api.renderers import OrjsonRenderer
from api.rows import source_link_at
from api.serializers import ClaimSerializer
from claims.models import Claim


pytestmark = pytest.mark.django_db

CLAIM_KEYS = {
    "id", "interview", "speaker", "quote", "spoken_quote", "statement", "start_char", "end_char", "start_seconds",
    "seconds_estimated", "source_link", "topics", "type", "hedged", "status", "date", "date_precision",
    "prediction",
}


def test_a_claim_has_every_documented_field(world, anon):
    row = anon.get(f"/api/claims/{world.align_2020_pred.pk}/").json()
    assert set(row) == CLAIM_KEYS
    assert row["interview"] == "lex-2020"
    assert row["speaker"] == {"slug": "ilya-sutskever", "name": "Ilya Sutskever"}
    assert row["quote"] == "I predict alignment research will be mainstream within five years."
    assert world.i2020.source_text[row["start_char"]:row["end_char"]] == row["quote"]
    assert row["start_seconds"] == pytest.approx(61.0, abs=20)
    assert row["source_link"].startswith("https://www.youtube.com/watch?v=13CZPWmke6A&t=")
    assert row["topics"] == ["alignment"]
    assert (row["type"], row["hedged"], row["status"]) == ("prediction", False, "approved")
    assert (row["date"], row["date_precision"]) == ("2020-05-08", "day")
    assert row["prediction"] == {
        "id": world.align_2020_pred.prediction.pk, "predicted": "Alignment research becomes mainstream.",
        "horizon": "within five years", "target_start": None, "target_end": "2025-05-08",
        "status": "came_true", "resolved_on": "2025-06-01", "resolution_note": "", "evidence_link": "",
    }


def test_a_claim_without_prediction_or_time_has_nulls(world, anon):
    row = anon.get(f"/api/claims/{world.bio_2023y.pk}/").json()
    assert row["prediction"] is None
    assert row["start_seconds"] is None and row["source_link"] is None
    assert row["topics"] == []
    assert row["date_precision"] == "year"


def test_an_undated_claim_has_null_date_and_precision(world, anon):
    row = anon.get(f"/api/claims/{world.undated_claim.pk}/").json()
    assert row["date"] is None and row["date_precision"] is None


def test_lean_rows_equal_the_serializer_for_every_claim(world, staff):
    """The list is rendered without serializers; ClaimSerializer documents it. They must agree."""
    rows = staff.get("/api/claims/", {"page_size": 100}).json()["results"]
    assert len(rows) == len(world.all)
    claims = Claim.objects.select_related("interview", "speaker", "prediction").prefetch_related("topics")
    expected = {claim.pk: orjson.loads(OrjsonRenderer().render(ClaimSerializer(claim).data)) for claim in claims}
    for row in rows:
        expected_row = expected[row["id"]]
        expected_row["topics"] = sorted(expected_row["topics"])
        assert row == expected_row


@pytest.mark.parametrize(
    ("link", "video_id", "seconds", "expected"),
    [
        ("", "abc", 12.9, "https://www.youtube.com/watch?v=abc&t=12s"),
        ("https://www.youtube.com/watch?v=xyz", "", 3.0, "https://www.youtube.com/watch?v=xyz&t=3s"),
        ("https://youtu.be/xyz", "", 75.2, "https://youtu.be/xyz?t=75s"),
        ("https://example.org/episode", "", 3.0, None),
        ("https://www.youtube.com/watch?v=xyz", "xyz", None, None),
    ],
)
def test_source_link_points_at_the_moment_only_for_videos(link, video_id, seconds, expected):
    assert source_link_at(link, video_id, seconds) == expected


def test_anonymous_list_holds_approved_claims_by_date_then_id(world, anon):
    rows = anon.get("/api/claims/").json()["results"]
    assert all(row["status"] == "approved" for row in rows)
    approved = [c for c in world.all if c.status == "approved"]
    dated = sorted((c for c in approved if c.date), key=lambda c: (c.date, c.pk))
    assert [row["id"] for row in rows] == [c.pk for c in dated] + [world.undated_claim.pk]


@pytest.mark.parametrize(
    ("ordering", "key"),
    [
        ("date", lambda c: (c.date is None, c.date or dt.date.min, c.pk)),
        ("-date", lambda c: (c.date is not None, -(c.date or dt.date.min).toordinal(), -c.pk)),
        ("speaker", lambda c: (c.speaker.slug, c.date is None, c.date or dt.date.min, c.pk)),
        ("position", lambda c: (c.interview_id, c.start_char, c.end_char)),
        ("-position", lambda c: (-c.interview_id, -c.start_char, -c.end_char)),
    ],
)
def test_each_ordering_sorts_as_documented(world, staff, ordering, key):
    rows = staff.get("/api/claims/", {"ordering": ordering, "page_size": 100}).json()["results"]
    assert [row["id"] for row in rows] == [c.pk for c in sorted(world.all, key=key)]


def test_descending_speaker_order_is_the_exact_reverse(world, staff):
    forward = staff.get("/api/claims/", {"ordering": "speaker", "page_size": 100}).json()["results"]
    backward = staff.get("/api/claims/", {"ordering": "-speaker", "page_size": 100}).json()["results"]
    assert [r["id"] for r in backward] == [r["id"] for r in reversed(forward)]


def walk(client, url, params, link="next"):
    ids, pages = [], 0
    response = client.get(url, params).json()
    while True:
        pages += 1
        ids += [row["id"] for row in response["results"]]
        if not response[link]:
            return ids, pages
        response = client.get(response[link]).json()
        assert pages < 50


@pytest.mark.parametrize("ordering", ["date", "-date", "speaker", "-speaker", "position", "-position"])
@pytest.mark.parametrize("page_size", [1, 2, 3])
def test_following_next_links_visits_every_claim_once_in_order(world, staff, ordering, page_size):
    whole = [r["id"] for r in staff.get("/api/claims/", {"ordering": ordering, "page_size": 100}).json()["results"]]
    ids, pages = walk(staff, "/api/claims/", {"ordering": ordering, "page_size": page_size})
    assert ids == whole
    assert pages == -(-len(whole) // page_size)  # no empty trailing page


@pytest.mark.parametrize("ordering", ["date", "-date", "speaker", "position"])
def test_previous_links_lead_back_through_the_same_pages(world, staff, ordering):
    pages = [staff.get("/api/claims/", {"ordering": ordering, "page_size": 2}).json()]
    while pages[-1]["next"]:
        pages.append(staff.get(pages[-1]["next"]).json())
    assert pages[0]["previous"] is None
    for before, page in zip(reversed(pages[:-1]), reversed(pages[1:])):
        back = staff.get(page["previous"]).json()
        assert [r["id"] for r in back["results"]] == [r["id"] for r in before["results"]]
        assert back["next"] is not None


def test_page_size_bounds_the_page_and_defaults_to_fifty(world, anon):
    assert len(anon.get("/api/claims/", {"page_size": 2}).json()["results"]) == 2
    response = anon.get("/api/claims/").json()
    assert response["next"] is None and len(response["results"]) == 8


def test_a_list_response_carries_no_count(world, anon):
    assert set(anon.get("/api/claims/").json()) == {"next", "previous", "results"}


def test_unknown_claim_is_404(world, anon):
    assert anon.get("/api/claims/999999/").status_code == 404
    assert anon.get("/api/claims/abc/").status_code == 404
    assert anon.get("/api/claims/99999999999999999999999/").status_code == 404


def test_the_browsable_api_renders_html(world, staff):
    response = staff.get("/api/claims/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert b"Claim" in response.content and b"<html" in response.content
    assert staff.get(f"/api/claims/{world.align_2023.pk}/", HTTP_ACCEPT="text/html").status_code == 200
    assert staff.get("/api/", HTTP_ACCEPT="text/html").status_code == 200
