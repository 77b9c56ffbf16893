from django.db import migrations

# Issue 8, search at 1M claims.
#
# PostgreSQL: a rare word took 1.3 s because the planner, with the default statistics target (100,
# so ~1,000 most-common lexemes), estimated ~1,900 matches for any word it had not sampled and walked
# claim_status_date_idx filtering every row on the tsvector. With 10,000 the sample covers a 1M-row
# table and rare lexemes get their real frequency, so rare and medium terms read the GIN index and
# sort their few matches, while common ones still walk the date index. ANALYZE of the column: ~3 s at 1M.
#
# SQLite: an external-content FTS5 index over quote and statement (the rows stay in claims_claim;
# the index stores only postings), kept in sync by triggers. claims.selectors.claim_search queries it.
# Caveat: Django's SQLite schema editor rebuilds a table to alter a column, which drops its triggers;
# a later migration that alters claims_claim on SQLite must re-create them
# (tests/api/test_search.py checks that they exist).
PG_FORWARD = [
    "ALTER TABLE claims_claim ALTER COLUMN search_vector SET STATISTICS 10000",
    "ANALYZE claims_claim (search_vector)",
]
PG_BACKWARD = ["ALTER TABLE claims_claim ALTER COLUMN search_vector SET STATISTICS -1"]

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE claims_claim_fts USING fts5("
    "quote, statement, content='claims_claim', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER claims_claim_fts_insert AFTER INSERT ON claims_claim BEGIN "
    "INSERT INTO claims_claim_fts(rowid, quote, statement) VALUES (new.id, new.quote, new.statement); END",
    "CREATE TRIGGER claims_claim_fts_delete AFTER DELETE ON claims_claim BEGIN "
    "INSERT INTO claims_claim_fts(claims_claim_fts, rowid, quote, statement) "
    "VALUES ('delete', old.id, old.quote, old.statement); END",
    "CREATE TRIGGER claims_claim_fts_update AFTER UPDATE OF id, quote, statement ON claims_claim BEGIN "
    "INSERT INTO claims_claim_fts(claims_claim_fts, rowid, quote, statement) "
    "VALUES ('delete', old.id, old.quote, old.statement); "
    "INSERT INTO claims_claim_fts(rowid, quote, statement) VALUES (new.id, new.quote, new.statement); END",
    "INSERT INTO claims_claim_fts(claims_claim_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS claims_claim_fts_insert",
    "DROP TRIGGER IF EXISTS claims_claim_fts_delete",
    "DROP TRIGGER IF EXISTS claims_claim_fts_update",
    "DROP TABLE IF EXISTS claims_claim_fts",
]


def _run(by_vendor):
    def run(apps, schema_editor):
        for statement in by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    """Search at scale: tsvector statistics on PostgreSQL; an FTS5 index with sync triggers on SQLite."""

    dependencies = [("claims", "0003_claim_search_vector")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": PG_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": PG_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        )
    ]
