"""One video is one interview: a unique video id where there is one. A database that already holds a
video twice (the ingest command let a second file of it in) stops here, naming the video and its
interviews, instead of failing on the index with a bare IntegrityError."""
from django.core.management.base import CommandError
from django.db import migrations, models
from django.db.models import Count, Q

_NAMED = 10  # videos, and interviews of each, named in the one line; the rest counted


def refuse_a_video_stored_twice(apps, schema_editor):
    Interview = apps.get_model("claims", "Interview")
    stored = Interview.objects.exclude(video_id="")
    twice = (stored.values("video_id").annotate(interviews=Count("id")).filter(interviews__gt=1)
             .order_by("video_id").values_list("video_id", flat=True))
    videos = list(twice[: _NAMED + 1])
    if not videos:
        return
    count = twice.count()
    said = []
    for video in videos[:_NAMED]:
        slugs = list(stored.filter(video_id=video).order_by("pk").values_list("slug", flat=True)[: _NAMED + 1])
        more = stored.filter(video_id=video).count() - _NAMED if len(slugs) > _NAMED else 0
        said.append(f"video {video} as {', '.join(map(repr, slugs[:_NAMED]))}" + (f" and {more} more" if more else ""))
    if count > _NAMED:
        said.append(f"and {count - _NAMED} more video(s)")
    one = "1 video is" if count == 1 else f"{count} videos are"
    # a CommandError is what `manage.py migrate` reports in one line (anything else is a traceback)
    raise CommandError(f"one video is one interview, and {one} stored as several: {'; '.join(said)}; keep one "
                       "interview of each (clear the others' video id in the admin, or delete them), then migrate again")


class Migration(migrations.Migration):

    dependencies = [
        ("claims", "0011_former_slugs_of_earlier_speaker_merges"),
    ]

    operations = [
        migrations.RunPython(refuse_a_video_stored_twice, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="interview",
            constraint=models.UniqueConstraint(
                condition=~Q(video_id=""), fields=("video_id",), name="one_interview_per_video",
                violation_error_message="Another interview has this video id: one video is one interview.",
            ),
        ),
    ]
