"""q= : PostgreSQL full-text search on an indexed tsvector; FTS5 on SQLite, with the same syntax."""
import pytest
from django.core.cache import cache
from django.db import connection

from claims.models import Claim
from claims.selectors import claim_search, fts5_query

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


@pytest.mark.parametrize("q", ["-mainstream", '-"alignment research"', "-mainstream -zebra"])
def test_a_search_of_only_excluded_words_finds_every_claim_without_them(reader, q):
    # PostgreSQL's websearch_to_tsquery reads "-word" alone as "not word"; SQLite answered nothing.
    everything = search(reader, "")
    assert "align_2020_pred" in everything
    assert sorted(search(reader, q)) == sorted(name for name in everything if name != "align_2020_pred")


def test_excluded_words_alone_combine_with_other_filters(reader):
    assert search(reader, "-mainstream", date_before="2022-01-01") == [
        name for name in search(reader, "", date_before="2022-01-01") if name != "align_2020_pred"
    ]


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


def test_the_search_index_follows_edits_and_deletes(world, staff):
    staff.world = world
    staff.patch(f"/api/claims/{world.host_2020.pk}/", {"statement": "Fridman praises xylophones."}, format="json")
    assert search(staff, "xylophone") == ["host_2020"]
    staff.patch(f"/api/claims/{world.host_2020.pk}/", {"statement": "Fridman praises drums."}, format="json")
    assert search(staff, "xylophone") == []
    assert search(staff, "drums") == ["host_2020"]


def test_sqlite_search_reads_the_fts5_index_with_its_sync_triggers(world, on_postgres):
    if on_postgres:
        pytest.skip("SQLite only")
    with connection.cursor() as cursor:
        cursor.execute("SELECT type, name FROM sqlite_master WHERE name LIKE 'claims_claim_fts%' AND type IN ('table', 'trigger')")
        found = set(cursor.fetchall())
    # A later migration that rebuilds claims_claim on SQLite (an AlterField) drops these triggers.
    assert {("trigger", "claims_claim_fts_insert"), ("trigger", "claims_claim_fts_delete"),
            ("trigger", "claims_claim_fts_update"), ("table", "claims_claim_fts")} <= found
    sql, params = claim_search(Claim.objects.all(), "alignment").values("pk").query.sql_with_params()
    assert "claims_claim_fts MATCH" in sql and params == ('"alignment"',)


@pytest.mark.parametrize(("q", "expected"), [
    ("predicting", ["align_2020_pred"]),  # stemmed: predict
    ("network", ["scaling_2020"]),  # networks
    ('"hardest problem"', ["align_2023"]),
    ('"problem hardest"', []),
    ("alignment -mainstream", ["align_2023", "host_2023y"]),
    ("jerusalem or toronto", ["bio_2023y"]),  # the Jerusalem claim is rejected
    ("predic", []),  # whole words (stems), not substrings
])
def test_search_syntax_on_sqlite_follows_the_postgres_websearch_syntax(reader, on_postgres, q, expected):
    if on_postgres:
        pytest.skip("SQLite only")
    assert sorted(search(reader, q)) == sorted(expected)


@pytest.mark.parametrize(("q", "expression"), [
    ("alignment hardest", '"alignment" AND "hardest"'),
    ('"hardest problem" -"slow down"', '("hardest problem") NOT ("slow down")'),
    ("a or b c", '("a" OR "b") AND "c"'),
    ("NEAR(a b) * ^x", '"NEAR a" AND "b" AND "x"'),
    ('"unbalanced', '"unbalanced"'),
    ("or", None),
    ("-only", None),
])
def test_user_text_becomes_quoted_fts5_terms(q, expression):
    assert fts5_query(q) == expression


@pytest.mark.requires_postgres
def test_postgres_keeps_detailed_statistics_on_the_tsvector(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstattarget FROM pg_attribute WHERE attrelid = 'claims_claim'::regclass AND attname = 'search_vector'"
        )
        assert cursor.fetchone()[0] >= 10000


@pytest.mark.requires_postgres
def test_the_topic_counts_planner_settings_end_with_their_query(world, anon):
    # the topic list's counts turn bitmap scans and JIT off for their one query (SET LOCAL); inside a
    # caller's transaction (here the test's) that lasted to its end, and a search after it walked the
    # whole claim table instead of its GIN index
    def settings():
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('enable_bitmapscan'), current_setting('jit')")
            return cursor.fetchone()

    before = settings()
    cache.clear()  # the counts are cached: read them from the database
    assert anon.get("/api/topics/").status_code == 200
    assert settings() == before == ("on", before[1])
    test_postgres_search_for_a_rare_word_reads_the_gin_index_not_the_date_index(world, anon)


@pytest.mark.requires_postgres
def test_postgres_search_for_a_rare_word_reads_the_gin_index_not_the_date_index(world, anon):
    # Issue 8: at 1M claims a rare word walked claim_status_date_idx for 1.3 s, filtering every row.
    interview, speaker = world.align_2020_pred.interview, world.align_2020_pred.speaker
    Claim.objects.bulk_create(
        Claim(interview=interview, speaker=speaker, quote=f"common filler words {n}", statement="Common filler.",
              start_char=10_000 + n, end_char=10_001 + n, status=Claim.Status.APPROVED, date=interview.published)
        for n in range(20_000)
    )
    with connection.cursor() as cursor:
        # what autovacuum does in a live database: an earlier test's rolled-back claims can leave the
        # index's pending list full of entries, which the planner prices as read by every search
        cursor.execute("SELECT gin_clean_pending_list('claim_search_vector_idx'::regclass)")
        cursor.execute("ANALYZE claims_claim")
    captured = capture_queries(lambda: anon.get("/api/claims/", {"q": "superintelligence", "page_size": 20}))
    page = next((sql, params) for sql, params in captured if "search_vector" in sql)
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + page[0], page[1])
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "claim_search_vector_idx" in plan, plan
    assert "claim_status_date_idx" not in plan and "claim_date_idx" not in plan, plan


def capture_queries(function):
    calls = []

    def wrapper(execute, sql, params, many, context):
        calls.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        function()
    return calls
