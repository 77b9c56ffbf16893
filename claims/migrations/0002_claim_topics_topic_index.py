from django.db import migrations


class Migration(migrations.Migration):
    """Index the claim-topic link by (topic, claim): "claims on topic X" reads it in this order.

    The link table is Django's automatic one (so fixtures carry topics inline on each claim);
    Django gives it a unique (claim, topic) index only.
    """

    dependencies = [("claims", "0001_initial")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX claim_topics_topic_claim_idx ON claims_claim_topics (topic_id, claim_id);",
            reverse_sql="DROP INDEX claim_topics_topic_claim_idx;",
        ),
    ]
