"""Fast streaming import of exported fixtures (the bulk counterpart of load_dataset's loaddata)."""
from pathlib import Path

from django.core.management.base import CommandError

from claims.bulk import fixtures_import
from claims.dataset import DEFAULT_FIXTURES_DIR, dataset_files
from claims.management.database import DatabaseCommand
from claims.models import Interview


class Command(DatabaseCommand):
    help = (
        "Import a fixtures folder (as export_fixtures writes it) in one transaction, streamed and in batches "
        "(COPY on PostgreSQL). Checks what the strict loaddata checks; any problem loads nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--fixtures", type=Path, default=DEFAULT_FIXTURES_DIR)
        parser.add_argument("--force", action="store_true", help="Import even if the database already has interviews.")

    def handle(self, *args, fixtures: Path, force: bool, verbosity: int = 1, **options):
        if Interview.objects.exists() and not force:
            raise CommandError("The database already has interviews; nothing imported (use --force to add to them).")
        files = dataset_files(fixtures)
        if not files:
            raise CommandError(f"No fixture files in {fixtures}.")
        counts = fixtures_import(files, log=self.stdout.write if verbosity > 1 else None)
        summary = ", ".join(f"{n} {label.split('.')[1]}" for label, n in counts.items() if n)
        self.stdout.write(self.style.SUCCESS(f"Imported {len(files)} files: {summary}"))
