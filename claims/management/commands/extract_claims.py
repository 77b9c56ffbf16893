from django.core.management.base import CommandError
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from claims.management.database import DatabaseCommand
from claims.models import Interview
from claims.services import claims_extract


class Command(DatabaseCommand):
    help = "Propose claims (status proposed, origin extracted) for ingested interviews; never duplicates existing claims."

    def add_arguments(self, parser):
        parser.add_argument("--interview", action="append", dest="slugs", metavar="SLUG", default=[],
                            help="an interview slug (repeatable); default: every interview")
        parser.add_argument("--threshold", type=float, default=None,
                            help="detection threshold overriding the model's tuned one (lower: more proposals)")

    def handle(self, *args, slugs: list[str], threshold: float | None, **options):
        interviews = Interview.objects.order_by("slug")
        if slugs:
            interviews = interviews.filter(slug__in=slugs)
            missing = sorted(set(slugs) - set(interviews.values_list("slug", flat=True)))
            if missing:
                raise CommandError(f"no interview with slug(s): {', '.join(missing)}")
        interviews = list(interviews.only("pk", "slug"))
        total = 0
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      disable=not self.stdout.isatty()) as progress:
            task = progress.add_task("extracting", total=len(interviews))
            for stub in interviews:
                progress.update(task, description=stub.slug)
                created = claims_extract(Interview.objects.get(pk=stub.pk), threshold=threshold)
                total += created
                self.stdout.write(f"{stub.slug}: {created} proposal(s) created")
                progress.advance(task)
        self.stdout.write(f"{total} proposal(s) created in {len(interviews)} interview(s)")
