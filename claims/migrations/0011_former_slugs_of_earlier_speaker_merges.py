"""Former slugs for the speaker merges made before they were recorded: each merge left, on the merged
speaker's deletion in its history, the reason "speaker <slug> merged into <slug>" (services.speaker_merge).
Topic merges recorded no reason, so theirs cannot be recovered."""
import re

from django.db import migrations

MERGED = re.compile(r"^speaker ([-a-zA-Z0-9_]+) merged into ([-a-zA-Z0-9_]+)$")  # a cut reason ends in "…": skipped


def record_earlier_merges(apps, schema_editor):
    Speaker = apps.get_model("claims", "Speaker")
    HistoricalSpeaker = apps.get_model("claims", "HistoricalSpeaker")
    SpeakerFormerSlug = apps.get_model("claims", "SpeakerFormerSlug")
    leads_to: dict[str, str] = {}
    deletions = HistoricalSpeaker.objects.filter(history_type="-").order_by("history_date", "history_id")
    for reason in deletions.values_list("history_change_reason", flat=True):
        merged = MERGED.match(reason or "")
        if merged is None:
            continue
        source, target = merged.groups()
        for slug, now in leads_to.items():  # what led to the source leads to its target now (a chain)
            if now == source:
                leads_to[slug] = target
        leads_to[source] = target
    current = dict(Speaker.objects.values_list("slug", "pk"))
    taken = set(SpeakerFormerSlug.objects.values_list("slug", flat=True))
    SpeakerFormerSlug.objects.bulk_create([
        SpeakerFormerSlug(slug=slug, speaker_id=current[target]) for slug, target in sorted(leads_to.items())
        # a slug someone has again is theirs; a target renamed since cannot be found
        if slug not in current and slug not in taken and target in current
    ])


class Migration(migrations.Migration):

    dependencies = [
        ("claims", "0010_former_slugs"),
    ]

    operations = [
        migrations.RunPython(record_earlier_merges, migrations.RunPython.noop),
    ]
