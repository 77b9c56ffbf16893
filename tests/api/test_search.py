"""q= : PostgreSQL full-text search on an indexed tsvector; a word-by-word fallback on SQLite."""
import pytest
from django.db import connection

from claims.models import Claim
from claims.selectors import claim_search

from .conftest import names

pytestmark = pytest.mark.django_db


def search(client, q, **params):
    response = client.get("/api/claims/", {"q": q, **params})
    assert response.status_code == 200, response.content
    return names(client.world, response.json()["results"])


@pytest.fixture
def reader(world, anon):
    anon.world = world
    return anon


def test_q_finds_a_word_in_quote_or_statement_case_insensitively(reader):
    assert search(reader, "SUPERINTELLIGENCE") == ["agi_2023_pred"]


def test_q_needs_every_word(reader):
    assert search(reader, "alignment hardest") == ["align_2023"]
    assert search(reader, "alignment zebra") == []


def test_q_searches_the_statement_too(world, staff):
    staff.patch(f"/api/claims/{world.bio_2023y.pk}/", {"statement": "Sutskever studied under Hinton."}, format="json")
    staff.world = world
    assert search(staff, "hinton") == ["bio_2023y"]


@pytest.mark.parametrize("q", ["'&|!:*()", "\"unbalanced", "-", "or", "a & b | !c", "ünïcödé", "%_"])
def test_odd_search_text_never_fails(reader, q):
    search(reader, q)


def test_q_combines_with_other_filters(reader):
    assert search(reader, "alignment", speaker="craig-smith") == ["host_2023y"]
    assert search(reader, "alignment", date_before="2022-01-01") == ["align_2020_pred"]


@pytest.mark.requires_postgres
def test_postgres_search_stems_words(reader):
    assert search(reader, "predicting") == ["align_2020_pred"]  # predict
    assert search(reader, "network") == ["scaling_2020"]  # networks


@pytest.mark.requires_postgres
def test_postgres_search_understands_phrases_and_negation(reader):
    assert search(reader, '"hardest problem"') == ["align_2023"]
    assert search(reader, '"problem hardest"') == []
    assert sorted(search(reader, "alignment -mainstream")) == ["align_2023", "host_2023y"]
    assert sorted(search(reader, "jerusalem or toronto")) == ["bio_2023y"]  # Jerusalem is rejected


@pytest.mark.requires_postgres
def test_postgres_keeps_a_gin_indexed_generated_tsvector(world):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'claims_claim' AND indexname = 'claim_search_vector_idx'"
        )
        assert "USING gin (search_vector)" in cursor.fetchone()[0]
        cursor.execute("SET enable_seqscan = off")
        query = claim_search(Claim.objects.all(), "alignment").values("pk").query
        sql, params = query.sql_with_params()
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET enable_seqscan = on")
    assert "claim_search_vector_idx" in plan


@pytest.mark.requires_postgres
def test_the_generated_tsvector_follows_edits(world, staff):
    staff.patch(f"/api/claims/{world.host_2020.pk}/", {"statement": "Fridman praises xylophones."}, format="json")
    staff.world = world
    assert search(staff, "xylophone") == ["host_2020"]


def test_sqlite_fallback_matches_substrings(reader, on_postgres):
    if on_postgres:
        pytest.skip("SQLite fallback only")
    assert search(reader, "predic") == ["align_2020_pred"]
