from django.db import migrations

# PostgreSQL only: a stored tsvector over quote and statement, kept current by the database itself
# (a generated column), and a GIN index on it. claims.selectors.claim_search queries it; other
# databases search with a fallback and get nothing here. The model does not declare the column, so
# Django never writes it and fixtures never carry it.
FORWARD = [
    "ALTER TABLE claims_claim ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
    "(to_tsvector('english'::regconfig, coalesce(quote, '') || ' ' || coalesce(statement, ''))) STORED",
    "CREATE INDEX claim_search_vector_idx ON claims_claim USING GIN (search_vector)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS claim_search_vector_idx",
    "ALTER TABLE claims_claim DROP COLUMN IF EXISTS search_vector",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    """Full-text search over claims on PostgreSQL: generated tsvector column plus GIN index."""

    dependencies = [("claims", "0002_claim_topics_topic_index")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
