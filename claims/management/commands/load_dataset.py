from pathlib import Path

from django.core.management import call_command

from claims.dataset import DEFAULT_FIXTURES_DIR, dataset_files
from claims.management.database import DatabaseCommand
from claims.models import Interview


class Command(DatabaseCommand):
    help = "Load the curated dataset from fixtures/ in dependency order (skipped when interviews already exist)."

    def add_arguments(self, parser):
        parser.add_argument("--fixtures", type=Path, default=DEFAULT_FIXTURES_DIR)
        parser.add_argument("--force", action="store_true", help="Load even if the database already has interviews.")

    def handle(self, *args, fixtures: Path, force: bool, **options):
        if Interview.objects.exists() and not force:
            self.stdout.write("The database already has interviews; dataset not loaded again (use --force).")
            return
        files = dataset_files(fixtures)
        call_command("loaddata", *[str(path) for path in files], app_label="claims", stdout=self.stdout)
