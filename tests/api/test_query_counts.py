"""A list request runs a fixed number of SQL queries, whatever the page size."""
import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ..factories import make_claim
from .conftest import _interview, served

pytestmark = pytest.mark.django_db


@pytest.fixture
def many_claims(world):
    sentences = [f"Sentence number {n} says something about compute." for n in range(60)]
    interview = _interview("long-talk", " ".join(sentences) + "\n", published=dt.date(2022, 2, 2), published_precision="day")
    for n, sentence in enumerate(sentences):
        make_claim(
            interview=interview, speaker=world.guest, quote=sentence, statement=sentence, status="approved",
            claim_type="prediction" if n % 3 == 0 else "opinion",
            topics=[world.topics.alignment, world.topics.scaling][: n % 3],
            prediction={"predicted": sentence, "target_end": dt.date(2030, 1, 1)} if n % 3 == 0 else None,
        )
    return world


def count_queries(client, url, params) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
        assert response.status_code == 200
        if response.streaming:
            b"".join(response.streaming_content)
    return len(served(queries))


@pytest.mark.parametrize(
    ("url", "params", "ceiling"),
    [
        # the rows: claim + interview + speaker + prediction joined, topics aggregated in a subquery
        ("/api/claims/", {}, 1),
        ("/api/claims/", {"ordering": "-date"}, 1),
        ("/api/claims/", {"ordering": "position"}, 1),
        ("/api/claims/", {"ordering": "speaker"}, 1),
        # + the topic tree (slugs and subtrees in one read) + the speaker slug
        ("/api/claims/", {"topic": "agi", "speaker": "ilya-sutskever", "date_after": "2020-01-01"}, 3),
        ("/api/claims/", {"q": "compute", "type": "prediction", "hedged": "false"}, 1),
        ("/api/predictions/", {}, 2),
        ("/api/predictions/", {"topic": "agi", "status": "open"}, 3),
        ("/api/topics/", {}, 2),  # the topics, then every capped count in one query (then cached)
        ("/api/speakers/", {}, 2),
        ("/api/interviews/", {}, 4),
    ],
)
def test_a_list_costs_the_same_queries_for_any_page_size(many_claims, anon, url, params, ceiling):
    counts = {}
    for size in (1, 7, 100):
        cache.clear()  # the topic counts are cached: measure each page size cold
        counts[size] = count_queries(anon, url, {**params, "page_size": size})
    assert len(set(counts.values())) == 1, counts
    assert counts[100] <= ceiling, counts


def test_the_second_page_costs_what_the_first_costs(many_claims, anon, django_assert_max_num_queries):
    first = anon.get("/api/claims/", {"page_size": 10}).json()
    with django_assert_max_num_queries(1):
        assert len(anon.get(first["next"]).json()["results"]) == 10


def test_a_staff_list_with_a_token_adds_only_the_token_lookup(many_claims, staff_token, client):
    from rest_framework.test import APIClient

    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {staff_token}")
    counts = {size: count_queries(api, "/api/claims/", {"page_size": size}) for size in (1, 100)}
    assert counts == {1: 2, 100: 2}


def test_an_export_reads_in_chunks_of_one_query(many_claims, anon, monkeypatch):
    monkeypatch.setattr("api.views.keyset_iterate.__defaults__", (10,))
    # 68 approved claims in chunks of 10: 7 chunks (rows with their topics), and one more read where
    # the last chunk passes from dated claims to the undated one (NULL dates are their own index range).
    assert count_queries(anon, "/api/claims/", {"format": "jsonl"}) == 8


def test_one_claim_costs_one_query(world, anon, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        assert anon.get(f"/api/claims/{world.align_2023.pk}/").status_code == 200
