from django.db import migrations

# Issue 8: claims by speaker and status, then date and id. Speaker claim counts (capped, per row of
# speakers/) read it index-only instead of visiting each claim for its status, and ?ordering=speaker
# for anonymous clients walks it per speaker. Raw SQL like 0003: the model does not declare it, so the
# autodetector leaves it alone. Both databases accept this statement.
FORWARD = "CREATE INDEX IF NOT EXISTS claim_speaker_status_idx ON claims_claim (speaker_id, status, date, id)"
BACKWARD = "DROP INDEX IF EXISTS claim_speaker_status_idx"


class Migration(migrations.Migration):
    """An index on claims (speaker, status, date, id)."""

    dependencies = [("claims", "0004_claim_search_statistics_and_fts5")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
